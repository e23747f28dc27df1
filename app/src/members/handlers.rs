//! Members' files over HTTP: a contact person's vCard (`/netzwerk/kontakt/{id}/vcard`).

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower_sessions::Session;

use crate::accounts::auth::session_account;
use crate::members::directory::{vcard, vcard_file_name};
use crate::members::store::MemberStorage;
use crate::platform::error::AppError;
use crate::platform::response::file_download;
use crate::platform::state::AppState;

/// A contact person's vCard, for signed-in members only.
async fn contact_vcard(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
) -> Response {
    let answer = async {
        let account = session_account(&state, &session)
            .await?
            .ok_or(AppError::NotSignedIn)?;
        let members = state.part::<dyn MemberStorage>()?;
        crate::members::service::contact(members.as_ref(), &account, id).await
    };
    match answer.await {
        Ok(contact) => file_download(
            "text/vcard; charset=utf-8",
            &vcard_file_name(&contact),
            vcard(&contact),
        ),
        Err(error) => error.into_response(),
    }
}

/// The members' file routes.
pub fn routes() -> Router<AppState> {
    Router::new().route("/netzwerk/kontakt/{id}/vcard", get(contact_vcard))
}
