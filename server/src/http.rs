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
use tower_sessions::SessionManagerLayer;

use crate::config::Config;
use crate::guard;
use crate::static_files;

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
            kept_pages.clone(),
            serve_kept_pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            site,
            guard::same_site_writes_only,
        ));
    // The open-data APIs' answers are kept the same way (they allow it in `api_v1::cached`).
    let open_data = Router::new()
        .merge(app::open_data::api_v1::routes(api_state.clone()))
        .merge(app::open_data::hsds::routes(api_state))
        .layer(axum::middleware::from_fn_with_state(
            kept_pages,
            serve_kept_pages,
        ));
    Router::new()
        .merge(site_routes)
        .merge(one_click)
        .merge(open_data)
        .fallback(leptos_axum::file_and_error_handler_with_context(
            provide_state,
            shell,
        ))
        .layer(axum::middleware::from_fn_with_state(
            storage_for_auth,
            with_request_auth,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn(guard::no_store_for_personal))
        // Pages come in the language of the cookie or of Accept-Language: caches must keep
        // them apart.
        .layer(tower_http::set_header::SetResponseHeaderLayer::appending(
            header::VARY,
            axum::http::HeaderValue::from_static("Accept-Language, Cookie"),
        ))
        // Static files come after the session, no-store and Vary layers: they are the same for
        // everyone, whatever the language or cookie, and set their own caching headers.
        .merge(static_files::routes(
            std::path::Path::new(&config.site_root),
            &config.leaflet_dir,
        ))
        .layer(axum::middleware::from_fn(guard::security_headers))
        // Brotli (tower-http's default quality for it, 4) or gzip (level 6) for what is made
        // per request. Measured on the map page and `/api/offers` (README, Benchmarks): brotli
        // 4 costs less CPU per answer than gzip 6 and is 6–8 % smaller; quality 5 would be 14 %
        // smaller at gzip's cost. Static files bring their precompressed copies
        // (`Content-Encoding` set), which the layer passes as they are.
        .layer(CompressionLayer::new())
        .with_state(options)
}
