//! The errors of server functions and account pages: each has an HTTP status and a German
//! reason for the user; internal causes are logged, never shown.

use axum::http::StatusCode;
use leptos::prelude::ServerFnError;

use crate::platform::database::StorageError;
pub use crate::shared::error::AppError;

/// What every editor tool answers for an offer id that does not exist.
pub const NO_SUCH_OFFER: &str = "Dieses Angebot gibt es nicht.";

impl AppError {
    /// The answer for an offer id that does not exist.
    pub fn no_such_offer() -> AppError {
        AppError::NotFound(NO_SUCH_OFFER.into())
    }

    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Logs an internal cause and gives the response being built this error's status, unless
    /// the request already chose one (a plain form post is redirected with the reason as a
    /// note). Called when a server function answers with this error.
    pub fn record(&self) {
        if let AppError::Internal(cause) = self {
            tracing::error!(%cause, "request failed");
        }
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            let mut parts = response
                .0
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if parts.status.is_none() {
                parts.status = Some(self.status());
            }
        }
    }
}

/// How an axum handler answers with an error: its status and German reason as plain text, the
/// internal cause logged.
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        (self.status(), self.to_string()).into_response()
    }
}

impl From<StorageError> for AppError {
    fn from(error: StorageError) -> Self {
        match error {
            StorageError::Duplicate(message) => AppError::Conflict(message),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<tower_sessions::session::Error> for AppError {
    fn from(error: tower_sessions::session::Error) -> Self {
        AppError::Internal(format!("session: {error}"))
    }
}

impl From<ServerFnError> for AppError {
    fn from(error: ServerFnError) -> Self {
        AppError::Internal(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_reasons() {
        assert_eq!(AppError::NotSignedIn.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(AppError::Forbidden.status(), StatusCode::FORBIDDEN);
        assert_eq!(
            AppError::Throttled(90).status(),
            StatusCode::TOO_MANY_REQUESTS
        );
        assert_eq!(
            AppError::Throttled(90).to_string(),
            "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in 2 Minuten erneut."
        );
        let internal = AppError::from(StorageError::Corrupt("secret detail".into()));
        assert!(!internal.to_string().contains("secret"));
        assert_eq!(
            AppError::from(StorageError::Duplicate("schon vergeben".into())).status(),
            StatusCode::CONFLICT
        );
    }
}
