//! The errors of server functions and account pages: each has an HTTP status and a German
//! reason for the user; internal causes are logged, never shown.

use axum::http::StatusCode;
use leptos::prelude::ServerFnError;
use thiserror::Error;

use crate::accounts::model::InvalidInput;
use crate::platform::database::StorageError;
use crate::shared::throttle::wait_in_words;

#[derive(Debug, Error)]
pub enum AppError {
    #[error("Bitte melden Sie sich als Netzwerkmitglied an.")]
    NotSignedIn,
    #[error("Dafür fehlt Ihrem Konto die Berechtigung.")]
    Forbidden,
    /// The same answer for an unknown address and a wrong password: no account enumeration.
    #[error("E-Mail oder Passwort falsch.")]
    WrongCredentials,
    #[error("Ihr Konto ist deaktiviert. Bitte wenden Sie sich an die Verwaltung des Netzwerks.")]
    Deactivated,
    #[error(
        "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es in {} erneut.",
        wait_in_words(*.0)
    )]
    Throttled(i64),
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.")]
    Internal(String),
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotSignedIn | AppError::WrongCredentials => StatusCode::UNAUTHORIZED,
            AppError::Forbidden | AppError::Deactivated => StatusCode::FORBIDDEN,
            AppError::Throttled(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::NotFound(_) => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Logs internal causes and turns the error into a server function error whose response
    /// carries the status and the German reason.
    pub fn into_server_fn_error(self) -> ServerFnError {
        if let AppError::Internal(cause) = &self {
            tracing::error!(%cause, "request failed");
        }
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.set_status(self.status());
        }
        ServerFnError::ServerError(self.to_string())
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

impl From<InvalidInput> for AppError {
    fn from(error: InvalidInput) -> Self {
        AppError::Invalid(error.0)
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

/// Marks the page being rendered as not found (404).
pub fn set_not_found_status() {
    set_status(axum::http::StatusCode::NOT_FOUND);
}

/// Sets the HTTP status of the page being rendered.
pub fn set_status(status: axum::http::StatusCode) {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
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
