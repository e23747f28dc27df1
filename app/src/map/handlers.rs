//! The map's detail panel over HTTP (`/kartenfenster/angebot/{id}`): an offer's public detail
//! as a fragment, plus the member-only section for signed-in members.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_sessions::Session;

use crate::accounts::auth::session_account;
use crate::accounts::model::Role;
use crate::platform::catalogues::{locale_of, message};
use crate::platform::state::AppState;

/// The map's detail panel content of offer `id`: public, plus the member-only section for
/// signed-in members.
async fn offer_panel(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let locale = locale_of(&headers);
    let is_member = matches!(
        session_account(&state, &session).await,
        Ok(Some(account)) if account.role.includes(Role::Member)
    );
    match crate::map::detail_fragment::detail_for(&state, id, is_member, locale).await {
        Ok(Some(html)) => {
            ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
        }
        Ok(None) => (
            StatusCode::NOT_FOUND,
            message(locale, "karte-angebot-fehlt", None),
        )
            .into_response(),
        Err(error) => error.into_response(),
    }
}

/// The detail panel's route.
pub fn routes() -> Router<AppState> {
    Router::new().route("/kartenfenster/angebot/{id}", get(offer_panel))
}
