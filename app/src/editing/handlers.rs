//! The editors' part of the map's detail panel over HTTP: the fragment shown, a field saved,
//! the offer marked checked (`/redaktion/kartenfenster/{id}`), answered to the explorer island
//! as a typed [`crate::editing::model::PanelAnswer`].

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_sessions::Session;

use crate::accounts::auth::signed_in_as;
use crate::accounts::model::Role;
use crate::editing::model::EditableField;
use crate::editing::panel_fragment::{self, PanelRequest};
use crate::platform::state::AppState;
use crate::shared::query_pairs::{Pairs, all, first};

/// The editors' fragment of the map's detail panel: shown, a field saved, or marked checked.
async fn map_panel(state: AppState, session: Session, id: i64, request: PanelRequest) -> Response {
    let editor = match signed_in_as(Role::Editor, &state, &session).await {
        Ok(editor) => editor,
        Err(refused) => return refused,
    };
    let today = chrono::Local::now().date_naive();
    let now = crate::accounts::auth::now();
    let answer = panel_fragment::answer(&state, &editor, id, request, now, today)
        .await
        .and_then(|answer| {
            crate::shared::codec::to_json(&answer)
                .map_err(crate::platform::error::AppError::Internal)
        });
    match answer {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => error.into_response(),
    }
}

/// The version a panel form was based on; one that cannot be read never matches.
fn version_of(form: &[(String, String)]) -> i64 {
    first(form, "version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(-1)
}

/// The request a panel form sent: a field's value (`value`, or ticked `values[]`).
fn panel_save(form: &[(String, String)]) -> PanelRequest {
    PanelRequest::Save {
        version: version_of(form),
        field: first(form, "field").unwrap_or_default().to_string(),
        value: first(form, "value").map_or_else(|| all(form, "values[]").join(","), str::to_string),
    }
}

async fn show(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Query(query): Query<Pairs>,
) -> Response {
    let field = |key: &str| first(&query, key).and_then(EditableField::parse);
    let request = PanelRequest::Show {
        editing: field("bearbeiten"),
        focus_on: field("fokus"),
    };
    map_panel(state, session, id, request).await
}

async fn save(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<Pairs>,
) -> Response {
    map_panel(state, session, id, panel_save(&form)).await
}

async fn mark_checked(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<i64>,
    Form(form): Form<Pairs>,
) -> Response {
    let request = PanelRequest::MarkChecked {
        version: version_of(&form),
    };
    map_panel(state, session, id, request).await
}

/// The editors' fragment routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/redaktion/kartenfenster/{id}", get(show).post(save))
        .route("/redaktion/kartenfenster/{id}/geprueft", post(mark_checked))
}
