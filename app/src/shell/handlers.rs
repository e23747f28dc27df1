//! The shell's plain HTTP answers: the language switch (`/sprache?zu=en&zurueck=/angebot/3`, a
//! plain link, so it works without JavaScript) and `/.well-known/security.txt` from the
//! operator file.

use axum::Router;
use axum::extract::Query;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::platform::catalogues::LANGUAGE_COOKIE;
use crate::platform::state::AppState;
use crate::shared::i18n::Locale;
use crate::shared::local_path::local_path;
use crate::shared::query_pairs::{Pairs, first};

/// Remembers the interface language for a year and goes back to the page. Only a path on
/// this site is a place to go back to.
async fn choose_language(Query(query): Query<Pairs>) -> Response {
    let Some(locale) = first(&query, "zu").and_then(Locale::parse) else {
        return (
            StatusCode::BAD_REQUEST,
            "Diese Sprache gibt es hier nicht (möglich: de, en, tr, ar, uk).",
        )
            .into_response();
    };
    let back = local_path(first(&query, "zurueck"));
    let cookie = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax",
        locale.code()
    );
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, back), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// Where to report a security problem (RFC 9116), from the operator file.
async fn security_txt(axum::extract::State(state): axum::extract::State<AppState>) -> Response {
    let today = chrono::Utc::now().date_naive();
    let text = state
        .operator
        .security_txt(today, state.site.public_origin());
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response()
}

/// The language switch's and security.txt's routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/sprache", get(choose_language))
        .route("/.well-known/security.txt", get(security_txt))
}
