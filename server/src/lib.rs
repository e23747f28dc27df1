//! The Chancenkarte server as a library: configuration, demo data and the HTTP wiring of the
//! features in `app`, so that `main` only wires them together and tests can start the real server.

pub mod admin_cli;
pub mod config;
pub mod demo;
pub mod demo_accounts;
pub mod guard;
pub mod http;
pub mod startup;

/// Serves the router on `listener`, with the peer address available to handlers (login
/// throttling per client address).
pub async fn serve(listener: tokio::net::TcpListener, router: axum::Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .await
}
