//! The one-click unsubscribe over HTTP (`/api/nachrichten/abbestellen?token=…`): POST ends the
//! subscription the signed token names — the button on the confirmation page, and mail
//! programs acting on `List-Unsubscribe-Post` (RFC 8058), which send no `Origin` and no
//! cookie. The token is the permission, so these routes stand outside the same-site write
//! guard (`server/src/http.rs`). GET, from programs that only open the address, leads to the
//! page with the button: a link scanner that follows every link unsubscribes nobody.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

use crate::accounts::service::Attempt;
use crate::accounts::store::AccountStorage;
use crate::platform::state::AppState;
use crate::shared::throttle::ThrottlePolicy;
use crate::subscriptions::store::SubscriptionStorage;

/// Where the unsubscribe POST goes.
pub const ONE_CLICK_PATH: &str = "/api/nachrichten/abbestellen";

/// The page that says the subscription has ended.
pub const DONE_PATH: &str = "/nachrichten/abbestellt";

/// The POST address for `token` (the confirmation page's form action).
pub fn one_click_path(token: &str) -> String {
    format!(
        "{ONE_CLICK_PATH}?{}",
        crate::shared::query_pairs::encode_query(&[("token", token)])
    )
}

/// The page with the button for `token`.
pub fn confirmation_path(token: &str) -> String {
    format!(
        "/nachrichten/abbestellen?{}",
        crate::shared::query_pairs::encode_query(&[("token", token)])
    )
}

/// The `token` of a query string ("" when there is none).
fn token_of(query: Option<&str>) -> String {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(key, _)| key == "token")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default()
}

/// GET: on to the page with the button.
async fn show_confirmation(request: Request) -> Response {
    Redirect::to(&confirmation_path(&token_of(request.uri().query()))).into_response()
}

/// POST: ends the subscription. Refused tokens are counted per client address (the
/// login's throttle): nobody gets to try tokens by the thousand.
async fn unsubscribe(State(state): State<AppState>, request: Request) -> Response {
    let token = token_of(request.uri().query());
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(peer)| *peer);
    let address = crate::accounts::auth::client_address_of(
        request.headers(),
        peer,
        state.trust_forwarded_for,
    );
    let body = axum::body::to_bytes(request.into_body(), 4096)
        .await
        .unwrap_or_default();
    // RFC 8058: the mail program's POST says so in its body; it is answered, not redirected.
    let from_mail_program = url::form_urlencoded::parse(&body[..])
        .any(|(key, value)| key == "List-Unsubscribe" && value == "One-Click");
    let answer = async {
        let accounts = state.part::<dyn AccountStorage>()?;
        let attempt = Attempt::start_in(
            accounts,
            format!("abbestellen:{address}"),
            ThrottlePolicy::ADDRESS,
        )
        .await?;
        crate::subscriptions::service::check_token(&state.form_secret, &token)?;
        attempt.succeeded().await?;
        let storage = state.part::<dyn SubscriptionStorage>()?;
        crate::subscriptions::service::unsubscribe_in(storage.as_ref(), &state.form_secret, &token)
            .await
    };
    match answer.await {
        Ok(()) if from_mail_program => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Abbestellt: Es kommen keine Nachrichten mehr.",
        )
            .into_response(),
        Ok(()) => Redirect::to(DONE_PATH).into_response(),
        // The login's throttle speaks of logins; this one says what it is about.
        Err(crate::platform::error::AppError::Throttled(wait)) => (
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "Von Ihrem Anschluss kamen zu viele ungültige Abbestell-Links. Bitte versuchen Sie es in {} erneut.",
                crate::shared::throttle::wait_in_words(wait)
            ),
        )
            .into_response(),
        Err(error) => error.into_response(),
    }
}

/// The one-click routes; merged outside the same-site write guard.
pub fn one_click_routes() -> Router<AppState> {
    Router::new().route(ONE_CLICK_PATH, get(show_confirmation).post(unsubscribe))
}
