//! The HTTP wiring: the Leptos pages and server functions, each feature's axum routes
//! (`app::<feature>::handlers::routes`), the open-data APIs, static files, and the middleware
//! every request passes through.

use std::sync::Arc;

use app::accounts::auth::with_request_auth;
use app::accounts::store::AccountStorage;
use app::platform::page_cache::{KeptPages, serve_kept_pages};
use app::platform::sessions::SessionBackend;
use app::platform::state::AppState;
use app::storage::Storage;
use app::{App, shell};
use axum::Router;
use axum::http::header;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_sessions::SessionManagerLayer;

use crate::config::Config;
use crate::guard;

/// A static file service whose answers are the same for every visitor (cacheable).
fn static_files<S>(service: S) -> axum::routing::MethodRouter
where
    S: tower::Service<axum::extract::Request, Error = std::convert::Infallible>
        + Clone
        + Send
        + Sync
        + 'static,
    S::Response: axum::response::IntoResponse,
    S::Future: Send + 'static,
{
    axum::routing::get_service(service)
        .layer(axum::middleware::map_response(guard::mark_shared_public))
        .layer(axum::middleware::from_fn(guard::no_overlong_file_names))
}

/// The whole HTTP surface: Leptos pages and server functions, each feature's axum routes,
/// the open-data APIs, static files, and the middleware every request passes.
pub fn router(
    state: AppState,
    storage: Arc<dyn Storage>,
    public: Arc<app::offers::read_model::PublicReadModel>,
    state_province: String,
    options: LeptosOptions,
    config: &Config,
    sessions: SessionManagerLayer<SessionBackend>,
) -> Router {
    let routes = generate_route_list(App);
    let api_state = app::open_data::api_v1::ApiState {
        app: state.clone(),
        offers: public,
        started_at: chrono::Utc::now().timestamp(),
        state_province,
    };
    let feature_routes = Router::new()
        .merge(app::offers::handlers::routes())
        .merge(app::map::handlers::routes())
        .merge(app::editing::handlers::routes())
        .merge(app::members::handlers::routes())
        .merge(app::planning::handlers::routes())
        .merge(app::import::handlers::routes())
        .merge(app::shell::handlers::routes())
        .with_state(state.clone());
    // The one-click unsubscribe takes POSTs from mail programs (RFC 8058), which send no
    // Origin: its signed token is the permission, so it stands beside the write guard.
    let one_click = app::subscriptions::handlers::one_click_routes().with_state(state.clone());
    let site = state.site.clone();
    let kept_pages = Arc::new(KeptPages::new(storage.public_changes()));
    let storage_for_auth: Arc<dyn AccountStorage> = storage;
    let provide_state = move || provide_context(state.clone());
    // Pages, server functions and the features' routes take writes: only from this site. The
    // open-data APIs below take none, so other methods get the router's own 405 there.
    let site_routes = Router::new()
        .leptos_routes_with_context(&options, routes, provide_state.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .merge(feature_routes)
        // Anonymous visitors get the pages that allow it from memory (see its module).
        .layer(axum::middleware::from_fn_with_state(
            kept_pages,
            serve_kept_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            site,
            guard::same_site_writes_only,
        ));
    Router::new()
        .merge(site_routes)
        .merge(one_click)
        .merge(app::open_data::api_v1::routes(api_state.clone()))
        .merge(app::open_data::hsds::routes(api_state))
        .fallback(leptos_axum::file_and_error_handler_with_context(
            provide_state,
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            storage_for_auth,
            with_request_auth,
        ))
        .layer(sessions)
        // Static files come after the session layers: they are the same for everyone.
        .nest_service(
            "/vendor/leaflet",
            static_files(ServeDir::new(&config.leaflet_dir)),
        )
        .nest_service(
            "/pkg",
            static_files(ServeDir::new(format!("{}/pkg", config.site_root))),
        )
        .nest_service(
            "/js",
            static_files(ServeDir::new(format!("{}/js", config.site_root))),
        )
        .route_service(
            "/favicon.svg",
            static_files(ServeFile::new(format!("{}/favicon.svg", config.site_root))),
        )
        .layer(axum::middleware::from_fn(guard::no_store_for_personal))
        // Pages come in the language of the cookie or of Accept-Language: caches must keep
        // them apart.
        .layer(tower_http::set_header::SetResponseHeaderLayer::appending(
            header::VARY,
            axum::http::HeaderValue::from_static("Accept-Language, Cookie"),
        ))
        .layer(axum::middleware::from_fn(guard::security_headers))
        .layer(CompressionLayer::new())
        .with_state(options)
}
