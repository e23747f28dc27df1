//! Members' files over HTTP: a contact person's vCard (`/netzwerk/kontakt/{id}/vcard`).

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_sessions::Session;

use crate::accounts::model::Role;
use crate::members::directory::{vcard, vcard_file_name};
use crate::platform::auth::signed_in_as;
use crate::platform::error::AppError;
use crate::platform::response::file_download;
use crate::platform::state::AppState;

/// A contact person's vCard, for signed-in members only.
async fn contact_vcard(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> Response {
    let refused = |error: AppError| (error.status(), error.to_string()).into_response();
    if let Err(refusal) = signed_in_as(Role::Member, &state, &session).await {
        return refusal;
    }
    match state.storage.contact(id).await {
        Ok(Some(contact)) => file_download(
            "text/vcard; charset=utf-8",
            &vcard_file_name(&contact),
            vcard(&contact),
        ),
        Ok(None) => refused(AppError::NotFound(
            "Diese Ansprechperson gibt es nicht.".into(),
        )),
        Err(error) => refused(AppError::from(error)),
    }
}

/// The members' file routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/netzwerk/kontakt/{id}/vcard", get(contact_vcard))
}
