//! The offers payload over HTTP (`/api/offers`): every active offer in compact public form, as
//! the map filters and clusters them. Serialised and compressed once per snapshot of the public
//! data, answered with a strong entity tag and 304 for a current copy: under load each request
//! only picks the bytes.

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::offers::read_model::PublicReadModel;
use crate::platform::precompressed::Precompressed;
use crate::platform::state::AppState;
use crate::shared::error::AppError;

/// Browsers and proxies keep the payload but ask each time whether it is still current (a
/// 304 costs nothing), so an edit shows on the next load.
const PAYLOAD_CACHING: &str = "public, no-cache";

/// The compact offers as JSON, in every encoding, for the current public data.
pub async fn offers_payload(
    public: &PublicReadModel,
) -> Result<std::sync::Arc<Precompressed>, AppError> {
    let snapshot = public.snapshot();
    snapshot
        .derived("offers-payload", || async {
            let summaries = snapshot.summaries().await.map_err(|error| {
                tracing::error!(%error, "loading offers failed");
                AppError::Unavailable("Die Angebote konnten nicht geladen werden.".into())
            })?;
            let json = serde_json::to_vec(&*summaries)
                .map_err(|error| AppError::Internal(error.to_string()))?;
            Ok(Precompressed::build(json, "application/json").await)
        })
        .await
}

async fn offers(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let payload = match state.part::<PublicReadModel>() {
        Ok(public) => offers_payload(&public).await,
        Err(error) => Err(error),
    };
    match payload {
        Ok(payload) => payload.respond(&headers, PAYLOAD_CACHING),
        Err(error) => error.into_response(),
    }
}

/// The payload's route.
pub fn routes() -> Router<AppState> {
    Router::new().route(crate::offers::endpoints::OFFERS_PAYLOAD_PATH, get(offers))
}
