//! Server functions of the editors (role `editor`): read an offer for editing, save one field
//! against the version it was read at, the change history, reverting a change, and marking an
//! offer as checked. A save based on an old version answers 409 with the current value.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::codec::JsonResult;
use crate::domain::offer_edit::{ChangeRecord, EditOutcome, EditableOffer};

#[cfg(feature = "ssr")]
mod guard {
    use crate::domain::account::Role;
    use crate::domain::offer_edit::EditOutcome;
    use crate::server::account_storage::AccountRecord;
    use crate::server::auth::require;
    use crate::server::error::AppError;

    pub async fn editor() -> Result<AccountRecord, AppError> {
        require(Role::Editor).await
    }

    /// Sets 409 for a conflict and 404 for a missing offer; the outcome is the body.
    pub fn with_status(outcome: EditOutcome) -> EditOutcome {
        let status = match &outcome {
            EditOutcome::Conflict { .. } => Some(axum::http::StatusCode::CONFLICT),
            EditOutcome::NotFound => Some(axum::http::StatusCode::NOT_FOUND),
            _ => None,
        };
        if let (Some(status), Some(response)) = (
            status,
            leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        ) {
            response.set_status(status);
        }
        outcome
    }
}

/// The offer with its version and the canonical text of every editable field.
#[server(name = GetEditableOffer, prefix = "/api", endpoint = "redaktion/angebot", input = GetUrl, output = JsonResult)]
pub async fn editable_offer(id: i64) -> Result<EditableOffer, ServerFnError> {
    use crate::server::error::AppError;
    let result: Result<_, AppError> = async {
        guard::editor().await?;
        crate::server::state::app_state()?
            .storage
            .editable_offer(id)
            .await?
            .ok_or_else(|| AppError::NotFound("Dieses Angebot gibt es nicht.".into()))
    }
    .await;
    result.map_err(AppError::into_server_fn_error)
}

/// Saves one field (`field` is its code) if the offer is still at `version`.
#[server(name = EditOfferField, prefix = "/api", endpoint = "redaktion/feld", output = JsonResult)]
pub async fn edit_offer_field(
    id: i64,
    version: i64,
    field: String,
    value: String,
) -> Result<EditOutcome, ServerFnError> {
    use crate::domain::offer_edit::EditableField;
    use crate::server::auth::now;
    use crate::server::error::AppError;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let field = EditableField::parse(&field)
            .ok_or_else(|| AppError::Invalid(format!("Das Feld „{field}“ gibt es nicht.")))?;
        let value = field
            .canonical_value(&value)
            .map_err(|message| AppError::Invalid(format!("{}: {message}", field.label())))?;
        let outcome = crate::server::state::app_state()?
            .storage
            .apply_edit(id, version, field, &value, editor.id, now())
            .await?;
        tracing::info!(
            editor = editor.id,
            offer = id,
            field = field.code(),
            ?outcome,
            "offer field saved"
        );
        Ok(guard::with_status(outcome))
    }
    .await;
    result.map_err(AppError::into_server_fn_error)
}

/// The offer's change history, newest first.
#[server(name = GetOfferHistory, prefix = "/api", endpoint = "redaktion/verlauf", input = GetUrl, output = JsonResult)]
pub async fn offer_history(id: i64) -> Result<Vec<ChangeRecord>, ServerFnError> {
    use crate::server::error::AppError;
    let result: Result<_, AppError> = async {
        guard::editor().await?;
        Ok(crate::server::state::app_state()?
            .storage
            .offer_history(id)
            .await?)
    }
    .await;
    result.map_err(AppError::into_server_fn_error)
}

/// Undoes one change (as a new change), if its field still holds what that change wrote.
#[server(name = RevertOfferChange, prefix = "/api", endpoint = "redaktion/zuruecknehmen", output = JsonResult)]
pub async fn revert_offer_change(change_id: i64) -> Result<EditOutcome, ServerFnError> {
    use crate::server::auth::now;
    use crate::server::error::AppError;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let outcome = crate::server::state::app_state()?
            .storage
            .revert_change(change_id, editor.id, now())
            .await?;
        Ok(guard::with_status(outcome))
    }
    .await;
    result.map_err(AppError::into_server_fn_error)
}

/// Marks the offer as checked today.
#[server(name = MarkOfferChecked, prefix = "/api", endpoint = "redaktion/geprueft", output = JsonResult)]
pub async fn mark_offer_checked(id: i64, version: i64) -> Result<EditOutcome, ServerFnError> {
    use crate::server::auth::now;
    use crate::server::error::AppError;
    let result: Result<_, AppError> = async {
        let editor = guard::editor().await?;
        let today = chrono::Local::now().date_naive();
        let outcome = crate::server::state::app_state()?
            .storage
            .mark_checked(id, version, today, editor.id, now())
            .await?;
        Ok(guard::with_status(outcome))
    }
    .await;
    result.map_err(AppError::into_server_fn_error)
}
