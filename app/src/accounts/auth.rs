//! Who is asking: the signed-in account of a request, signing in and out, role checks for
//! server functions and pages, one-time notes between a form post and the page after it, and
//! the replies to plain HTML form posts.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::accounts::model::{Email, Role, Viewer};
use crate::accounts::password::verify_against_nothing;
use crate::accounts::store::{AccountRecord, AccountStorage};
use crate::platform::error::AppError;
use crate::platform::sessions::ABSOLUTE_TIMEOUT_SECS;
use crate::platform::state::app_state;
use crate::shared::throttle::ThrottlePolicy;

const LOGIN_KEY: &str = "anmeldung";
const NOTE_KEY: &str = "hinweis";

/// What a session remembers about its login.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
struct SessionLogin {
    account_id: i64,
    /// The account's session generation at login; a password change or deactivation raises
    /// it, which ends this session.
    generation: i64,
    login_at: i64,
}

/// The current time in Unix seconds.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|error| AppError::Internal(format!("no session layer: {error}")))
}

impl AccountRecord {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            id: self.id,
            name: self.display_name.clone(),
            email: self.email.clone(),
            role: self.role,
        }
    }
}

/// The account signed in on this request, if its session is still valid: not past the
/// absolute timeout, the account still active and its password unchanged since.
pub async fn current_account() -> Result<Option<AccountRecord>, AppError> {
    if let Some(auth) = request_auth() {
        return Ok(auth.account);
    }
    let storage = crate::accounts::service::store()?;
    account_of_session(&session().await?, storage.as_ref()).await
}

/// [`current_account`] for handlers outside Leptos that have the session and the storage.
pub async fn account_of_session(
    session: &Session,
    storage: &dyn AccountStorage,
) -> Result<Option<AccountRecord>, AppError> {
    let Some(login) = session.get::<SessionLogin>(LOGIN_KEY).await? else {
        return Ok(None);
    };
    let account = storage.account_by_id(login.account_id).await?;
    let valid = now() - login.login_at <= ABSOLUTE_TIMEOUT_SECS
        && account.as_ref().is_some_and(|account| {
            account.active
                && !account.is_pending()
                && account.session_generation == login.generation
        });
    if !valid {
        session.flush().await?;
        return Ok(None);
    }
    Ok(account)
}

/// [`account_of_session`] with the accounts' store of `state`.
pub async fn session_account(
    state: &crate::platform::state::AppState,
    session: &Session,
) -> Result<Option<AccountRecord>, AppError> {
    account_of_session(session, state.part::<dyn AccountStorage>()?.as_ref()).await
}

/// The account signed in with `session` if it has `role`, or the response refusing everyone
/// else (401 without a login, 403 with too low a role).
pub async fn signed_in_as(
    role: Role,
    state: &crate::platform::state::AppState,
    session: &Session,
) -> Result<AccountRecord, axum::response::Response> {
    let refused = axum::response::IntoResponse::into_response;
    match session_account(state, session).await {
        Ok(Some(account)) if account.role.includes(role) => Ok(account),
        Ok(Some(_)) => Err(refused(AppError::Forbidden)),
        Ok(None) => Err(refused(AppError::NotSignedIn)),
        Err(error) => Err(refused(error)),
    }
}

/// The signed-in viewer, for pages.
pub async fn current_viewer() -> Option<Viewer> {
    match current_account().await {
        Ok(account) => account.map(|account| account.viewer()),
        Err(error) => {
            tracing::error!(%error, "reading the session failed");
            None
        }
    }
}

/// The signed-in account if it has at least `role`: otherwise 401 (not signed in) or 403.
pub async fn require(role: Role) -> Result<AccountRecord, AppError> {
    match current_account().await? {
        None => Err(AppError::NotSignedIn),
        Some(account) if account.role.includes(role) => Ok(account),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// The client's address in an `X-Forwarded-For` header set by the one reverse proxy in front
/// of this site: the right-most entry, which that proxy appended. Entries further left come
/// from the client itself and can say anything; an entry that is no IP address counts as none.
pub fn forwarded_client(header: &str) -> Option<std::net::IpAddr> {
    header.rsplit(',').next()?.trim().parse().ok()
}

/// The client's address for throttling: the peer address, or with `TRUST_FORWARDED_FOR` the
/// address the reverse proxy appended to `X-Forwarded-For`.
pub fn client_address_of(
    headers: &HeaderMap,
    peer: Option<SocketAddr>,
    trust_forwarded: bool,
) -> String {
    if trust_forwarded
        && let Some(address) = headers
            .get("x-forwarded-for")
            .and_then(|value| value.to_str().ok())
            .and_then(forwarded_client)
    {
        return address.to_string();
    }
    peer.map_or_else(|| "unbekannt".to_string(), |peer| peer.ip().to_string())
}

/// [`client_address_of`] the request a server function or page is answering.
pub fn client_address() -> String {
    let trust_forwarded = app_state()
        .map(|state| state.trust_forwarded_for)
        .unwrap_or(false);
    let request = leptos::prelude::use_context::<axum::http::request::Parts>();
    let headers = request
        .as_ref()
        .map(|request| request.headers.clone())
        .unwrap_or_default();
    let peer = request
        .as_ref()
        .and_then(|request| request.extensions.get::<ConnectInfo<SocketAddr>>())
        .map(|ConnectInfo(peer)| *peer);
    client_address_of(&headers, peer, trust_forwarded)
}

/// Checks e-mail and password, with throttling per account and per client address, and on
/// success starts a new session (with a new id) for the account.
pub async fn sign_in(email_input: &str, password: &str) -> Result<AccountRecord, AppError> {
    use crate::accounts::service::Attempt;
    let storage = crate::accounts::service::store()?;
    let by_account = Attempt::start(
        format!("konto:{}", email_input.trim().to_lowercase()),
        ThrottlePolicy::ACCOUNT,
    )
    .await?;
    let by_address = match Attempt::start(
        format!("adresse:{}", client_address()),
        ThrottlePolicy::ADDRESS,
    )
    .await
    {
        Ok(attempt) => attempt,
        Err(refused) => {
            by_account.succeeded().await?;
            return Err(refused);
        }
    };
    let account = match Email::parse(email_input) {
        Ok(email) => storage.account_by_email(&email).await?,
        Err(_) => None,
    };
    let hash = account
        .as_ref()
        .and_then(|account| account.password_hash.clone());
    let password = password.to_string();
    // Argon2 takes tens of milliseconds of CPU: off the async workers.
    let verified = tokio::task::spawn_blocking(move || match hash {
        Some(hash) => hash.verify(&password),
        None => {
            verify_against_nothing(&password);
            false
        }
    })
    .await
    .map_err(|error| AppError::Internal(format!("password check: {error}")))?;
    // A wrong password stays counted for the account and the address (counted in advance).
    let account = match account {
        Some(account) if verified => account,
        _ => return Err(AppError::WrongCredentials),
    };
    by_account.succeeded_for_good().await?;
    by_address.succeeded().await?;
    if !account.active {
        return Err(AppError::Deactivated);
    }
    begin_session(&session().await?, &account, now()).await?;
    storage.record_login(account.id, now()).await?;
    tracing::info!(account = account.id, "signed in");
    Ok(account)
}

/// Ends the session: deleted in the store, the cookie removed.
pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await?;
    Ok(())
}

/// Makes `session` the login of `account` at `login_at`, under a new session id: an id planted
/// before login (session fixation) becomes worthless.
pub async fn begin_session(
    session: &Session,
    account: &AccountRecord,
    login_at: i64,
) -> Result<(), AppError> {
    session.cycle_id().await?;
    // A login lives the full idle time, even in a session that began as a note's.
    session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
        tower_sessions::cookie::time::Duration::seconds(
            crate::platform::sessions::IDLE_TIMEOUT_SECS,
        ),
    )));
    session
        .insert(
            LOGIN_KEY,
            SessionLogin {
                account_id: account.id,
                generation: account.session_generation,
                login_at,
            },
        )
        .await?;
    Ok(())
}

/// After a password change: the new session generation, so this session stays valid while all
/// others end.
pub async fn renew_session(account: &AccountRecord) -> Result<(), AppError> {
    begin_session(&session().await?, account, now()).await
}

/// A one-time note for the next page (after a form post and its redirect).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub is_error: bool,
    pub text: String,
    /// An editor's value that was not saved (invalid, or in conflict), shown again in the form.
    #[serde(default)]
    pub draft: Option<EditDraft>,
    /// A public form's values and its errors per field, shown again after a refused post.
    #[serde(default)]
    pub form: Vec<(String, String)>,
    #[serde(default)]
    pub field_errors: Vec<(String, String)>,
    /// The part of the page the note belongs to ("" for the page's main note area).
    #[serde(default)]
    pub target: String,
}

impl Note {
    pub fn info(text: impl Into<String>) -> Note {
        Note {
            is_error: false,
            text: text.into(),
            draft: None,
            form: Vec::new(),
            field_errors: Vec::new(),
            target: String::new(),
        }
    }

    pub fn error(text: impl Into<String>) -> Note {
        Note {
            is_error: true,
            ..Note::info(text)
        }
    }

    /// The value typed into `field` before the post was refused.
    pub fn form_value(&self, field: &str) -> String {
        self.form
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }

    pub fn field_error(&self, field: &str) -> Option<String> {
        self.field_errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.clone())
    }
}

/// What an editor typed into a field that could not be saved, kept for the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditDraft {
    pub offer_id: i64,
    pub field: String,
    pub value: String,
    /// In a conflict: the value saved meanwhile and the version it has.
    pub conflict: Option<(String, i64)>,
}

pub async fn set_note(note: Note) -> Result<(), AppError> {
    let session = session().await?;
    // A session that only carries a note (a visitor's refused form post) needs to outlive
    // the redirect, not two hours: its row goes at the next cleanup.
    if session.get::<SessionLogin>(LOGIN_KEY).await?.is_none() {
        session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
            tower_sessions::cookie::time::Duration::seconds(NOTE_ONLY_SECS),
        )));
    }
    session.insert(NOTE_KEY, note).await?;
    Ok(())
}

/// How long a session holding only a note lives without a request.
pub const NOTE_ONLY_SECS: i64 = 10 * 60;

/// Who is asking and the note left for them, read from the session once per request, before
/// the page renders. Page components read this instead of the session: Leptos may run (and
/// park) a page's async blocks more than once while rendering, and two of them waiting on the
/// same session could wait on each other. Reading it up front also means taking the note is
/// saved with the response.
#[derive(Clone, Debug, Default)]
pub struct RequestAuth {
    pub account: Option<AccountRecord>,
    pub note: Option<Note>,
}

/// Middleware (inside the session layer) that puts the request's [`RequestAuth`] into its
/// extensions. A page request (GET outside `/api/`) consumes the one-time note.
pub async fn with_request_auth(
    axum::extract::State(storage): axum::extract::State<std::sync::Arc<dyn AccountStorage>>,
    session: Session,
    mut request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let path = request.uri().path().to_string();
    let account = match account_of_session(&session, storage.as_ref()).await {
        Ok(account) => account,
        Err(error) => {
            tracing::error!(%error, "reading the session failed");
            None
        }
    };
    let note = if request.method() == axum::http::Method::GET && !path.starts_with("/api/") {
        session.remove::<Note>(NOTE_KEY).await.ok().flatten()
    } else {
        None
    };
    request
        .extensions_mut()
        .insert(RequestAuth { account, note });
    next.run(request).await
}

fn request_auth() -> Option<RequestAuth> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestAuth>().cloned())
}

/// The note left for this page (taken from the session when the request came in).
pub async fn take_note() -> Option<Note> {
    request_auth().and_then(|auth| auth.note)
}

/// Whether the request is a plain HTML form post (a browser navigation), not a call from code.
pub async fn is_form_post() -> bool {
    leptos_axum::extract::<HeaderMap>()
        .await
        .ok()
        .and_then(|headers| {
            headers
                .get(axum::http::header::ACCEPT)
                .and_then(|value| value.to_str().ok())
                .map(|accept| accept.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Where a form post goes next.
pub struct FormReply<'a> {
    pub success_to: &'a str,
    pub success_note: Option<String>,
    pub failure_to: &'a str,
}

/// Answers a server function: a plain HTML form post is redirected (to `success_to`, or back
/// to `failure_to` with the reason as a note); a call from code gets the value, or the status
/// and reason of the error.
pub async fn reply<T>(result: Result<T, AppError>, form: FormReply<'_>) -> Result<T, AppError> {
    if !is_form_post().await {
        return result;
    }
    match result {
        Ok(value) => {
            if let Some(text) = form.success_note {
                _ = set_note(Note::info(text)).await;
            }
            crate::shared::local_path::redirect_to(form.success_to);
            Ok(value)
        }
        Err(error) => {
            _ = set_note(Note::error(error.to_string())).await;
            crate::shared::local_path::redirect_to(form.failure_to);
            Err(error)
        }
    }
}

#[cfg(test)]
mod forwarded_tests {
    use super::forwarded_client;

    #[test]
    fn the_proxy_appended_address_counts_not_what_the_client_wrote() {
        assert_eq!(
            forwarded_client("6.6.6.6, 203.0.113.7")
                .unwrap()
                .to_string(),
            "203.0.113.7"
        );
        assert_eq!(
            forwarded_client(" 2001:db8::1 ").unwrap().to_string(),
            "2001:db8::1"
        );
        assert_eq!(forwarded_client("203.0.113.7, erfunden"), None);
        assert_eq!(forwarded_client(""), None);
    }
}
