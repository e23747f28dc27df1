//! The one error type of the application: services return it, server functions answer with it
//! directly (status and German reason; internal causes are logged, never sent), axum handlers
//! turn it into a response. Its server-side parts (status, logging, conversions from storage
//! and sessions) are in `platform::error`.

use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::shared::codec::BrowserJson;
use crate::shared::throttle::wait_in_words;

#[derive(Clone, Debug, Error, PartialEq, Serialize, Deserialize)]
#[serde(into = "WireError", from = "WireError")]
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
    /// The cause is for the log only; the visitor reads the general sentence.
    #[error("Ein interner Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.")]
    Internal(String),
    /// Something could not be loaded; the cause is logged where it happened, the text says
    /// what failed.
    #[error("{0}")]
    Unavailable(String),
}

impl AppError {
    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::WrongCredentials => 401,
            AppError::Forbidden | AppError::Deactivated => 403,
            AppError::Throttled(_) => 429,
            AppError::Invalid(_) => 400,
            AppError::NotFound(_) => 404,
            AppError::Conflict(_) => 409,
            AppError::Internal(_) | AppError::Unavailable(_) => 500,
        }
    }
}

/// What goes over the wire: the status and the German reason, never an internal cause.
#[derive(Serialize, Deserialize)]
struct WireError {
    status: u16,
    fehler: String,
}

impl From<AppError> for WireError {
    fn from(error: AppError) -> Self {
        WireError {
            status: error.status_code(),
            fehler: error.to_string(),
        }
    }
}

impl From<WireError> for AppError {
    fn from(wire: WireError) -> Self {
        match wire.status {
            401 => AppError::NotSignedIn,
            403 => AppError::Forbidden,
            404 => AppError::NotFound(wire.fehler),
            409 => AppError::Conflict(wire.fehler),
            500.. => AppError::Unavailable(wire.fehler),
            _ => AppError::Invalid(wire.fehler),
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = BrowserJson;

    /// A request whose arguments cannot be read is the caller's mistake (400); anything else
    /// that goes wrong around a server function is internal.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(reason)
            | ServerFnErrorErr::MissingArg(reason)
            | ServerFnErrorErr::Deserialization(reason) => AppError::Invalid(format!(
                "Die Anfrage ist unvollständig oder fehlerhaft: {reason}"
            )),
            ServerFnErrorErr::Request(reason) | ServerFnErrorErr::Response(reason) => {
                AppError::Unavailable(format!("Der Server ist nicht erreichbar: {reason}"))
            }
            other => AppError::Internal(other.to_string()),
        }
    }

    fn ser(&self) -> bytes::Bytes {
        #[cfg(feature = "ssr")]
        self.record();
        <BrowserJson as server_fn::Encodes<AppError>>::encode(self).unwrap_or_default()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn internal_causes_never_go_over_the_wire() {
        let wire =
            crate::shared::codec::to_json(&AppError::Internal("password=geheim".into())).unwrap();
        assert!(!wire.contains("geheim"), "{wire}");
        let back: AppError = crate::shared::codec::from_json(&wire).unwrap();
        assert_eq!(back.status_code(), 500);
    }

    #[test]
    fn reasons_and_statuses_round_trip() {
        for error in [
            AppError::Invalid("Bitte eine Telefonnummer angeben.".into()),
            AppError::NotFound("Dieses Angebot gibt es nicht.".into()),
            AppError::Conflict("schon vergeben".into()),
            AppError::Forbidden,
        ] {
            let back: AppError =
                crate::shared::codec::from_json(&crate::shared::codec::to_json(&error).unwrap())
                    .unwrap();
            assert_eq!(back, error);
        }
    }

    #[test]
    fn unreadable_arguments_are_the_callers_mistake() {
        let error = AppError::from_server_fn_error(ServerFnErrorErr::Args("id".into()));
        assert_eq!(error.status_code(), 400);
    }
}
