//! The Chancenkarte server as a library: configuration, region loading, demo data and the
//! HTTP router, so that `main` only wires them together and tests can start the real server.

pub mod admin_cli;
pub mod api_v1;
pub mod config;
pub mod demo;
pub mod guard;
pub mod hsds;
pub mod offer_import;
pub mod planning;
pub mod region;
pub mod routes;

/// Serves the router on `listener`, with the peer address available to handlers (login
/// throttling per client address).
pub async fn serve(listener: tokio::net::TcpListener, router: axum::Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
}
pub mod demo_accounts;
