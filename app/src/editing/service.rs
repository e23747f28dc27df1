//! The editors' operations on an offer's fields: a form's field name read, and an editor's
//! input saved through the field's validator against the version it was based on (with its
//! history entry, in the store's one transaction). The server function and the map panel's
//! fragment both save through here.

use crate::editing::model::{EditOutcome, EditableField};
use crate::platform::database::{Storage, StorageResult};

/// The editable field a form names, or the German reason there is none.
pub fn field_named(code: &str) -> Result<EditableField, crate::platform::error::AppError> {
    EditableField::parse(code).ok_or_else(|| {
        crate::platform::error::AppError::Invalid(format!("Das Feld „{code}“ gibt es nicht."))
    })
}

/// Saves an editor's input into one field, if it is valid, against `version`: the outcome, or
/// (inner `Err`) the German reason the input is not a value of the field. Shared by the server
/// function and the map panel's fragment.
pub async fn save_field(
    storage: &dyn Storage,
    editor_id: i64,
    id: i64,
    version: i64,
    field: EditableField,
    input: &str,
    now: i64,
) -> StorageResult<Result<EditOutcome, String>> {
    let value = match field.canonical_value(input) {
        Ok(value) => value,
        Err(message) => return Ok(Err(message)),
    };
    let outcome = storage
        .apply_edit(id, version, field, &value, editor_id, now)
        .await?;
    tracing::info!(
        editor = editor_id,
        offer = id,
        field = field.code(),
        ?outcome,
        "offer field saved"
    );
    Ok(Ok(outcome))
}
