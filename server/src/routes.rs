//! Builds the application: opens storage, loads the region and demo data, and assembles the
//! axum router with the Leptos pages, server functions and static files.

use std::sync::Arc;

use app::server::state::AppState;
use app::server::storage::{self, StorageError};
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use thiserror::Error;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;

use crate::config::Config;
use crate::demo;
use crate::region::{LoadedRegion, RegionError};

#[derive(Debug, Error)]
pub enum StartError {
    #[error(transparent)]
    Region(#[from] RegionError),
    #[error(transparent)]
    Storage(#[from] StorageError),
    #[error("cannot prepare the database directory: {0}")]
    Io(#[from] std::io::Error),
}

/// Everything a running server needs, built from the configuration.
pub struct Application {
    pub state: AppState,
    pub region: LoadedRegion,
    pub router: Router,
}

pub async fn build(config: &Config) -> Result<Application, StartError> {
    config.prepare_database_dir()?;
    let region = LoadedRegion::load(&config.region_file)?;
    let storage = storage::connect(&config.database_url).await?;
    storage.migrate().await?;
    storage
        .upsert_municipalities(&region.storage_municipalities())
        .await?;
    if config.demo_data {
        let inserted = demo::load_if_empty(storage.as_ref(), &region).await?;
        if inserted > 0 {
            tracing::info!(inserted, "demo offers generated");
        }
    }
    let state = AppState {
        storage,
        region: Arc::new(region.public_info(config.tile_source(), config.demo_data)),
        boundaries: Arc::new(region.boundaries.clone()),
    };
    let options = LeptosOptions::builder()
        .output_name("chancenkarte")
        .site_root(config.site_root.as_str())
        .site_addr(config.site_addr)
        .build();
    let router = router(state.clone(), options, config);
    Ok(Application {
        state,
        region,
        router,
    })
}

/// Server functions answer every error with 500; an argument that cannot be decoded is the
/// caller's mistake, so it becomes a 400 with the same reason.
async fn argument_errors_are_client_errors(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !response.headers().contains_key("serverfnerror")
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024)
        .await
        .unwrap_or_default();
    if bytes.starts_with(b"Args|") || bytes.starts_with(b"Deserialization|") {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn router(state: AppState, options: LeptosOptions, config: &Config) -> Router {
    let routes = generate_route_list(App);
    let provide_state = move || provide_context(state.clone());
    Router::new()
        .leptos_routes_with_context(&options, routes, provide_state.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        .nest_service("/vendor/leaflet", ServeDir::new(&config.leaflet_dir))
        .fallback(leptos_axum::file_and_error_handler_with_context(
            provide_state,
            shell,
        ))
        .layer(axum::middleware::map_response(
            argument_errors_are_client_errors,
        ))
        .layer(CompressionLayer::new())
        .with_state(options)
}
