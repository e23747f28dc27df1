//! The editors' file exchange as operations: every active offer for the export, and a checked
//! file imported all or nothing (or tried in a transaction that is rolled back: the dry run).
//! Callers have checked the editor role through their session.

use crate::import::offer_csv::{ExportedOffer, ImportedOffer};
use crate::import::store::ImportOutcome;
use crate::import::store::ImportStorage;
use crate::platform::state::AppState;
use crate::shared::error::AppError;

/// Every active offer as the import reads it back.
pub async fn exported_offers(state: &AppState) -> Result<Vec<ExportedOffer>, AppError> {
    let storage = state.part::<dyn ImportStorage>()?;
    storage.exported_offers().await.map_err(|error| {
        tracing::error!(%error, "export failed");
        AppError::Unavailable(
            "Der Export ist fehlgeschlagen. Bitte später erneut versuchen.".into(),
        )
    })
}

/// Imports `offers` for `editor_id` in one transaction; with `dry_run` the transaction is
/// rolled back, so the outcome says exactly what the import would do. A new offer that may
/// duplicate a stored one (`offers::twins`) is created as a draft, not public, and the
/// outcome names its likely twins.
pub async fn import(
    state: &AppState,
    offers: &[ImportedOffer],
    editor_id: i64,
    now: i64,
    dry_run: bool,
) -> Result<ImportOutcome, AppError> {
    let known = crate::offers::service::known_offers_in(state).await?;
    // The ids the storage finds offers by: their external id, or the fallback it exports.
    let stored_ids: std::collections::HashSet<String> = known
        .iter()
        .map(|offer| {
            offer
                .external_id
                .clone()
                .unwrap_or_else(|| crate::import::offer_csv::fallback_external_id(offer.id))
        })
        .collect();
    let twins = crate::offers::twins::TwinIndex::new(&known);
    // Only a line that creates an offer (its external id is new) can duplicate one.
    let offers: Vec<ImportedOffer> = offers
        .iter()
        .map(|offer| ImportedOffer {
            likely_twins: if stored_ids.contains(&offer.external_id) {
                Vec::new()
            } else {
                twins.twins(&offer.identity(), None)
            },
            ..offer.clone()
        })
        .collect();
    let outcome = state
        .part::<dyn ImportStorage>()?
        .import_offers(&offers, editor_id, now, dry_run)
        .await
        .map_err(|error| {
            tracing::error!(%error, dry_run, "import failed");
            AppError::Unavailable(
                "Der Import ist fehlgeschlagen; es wurde nichts geändert. Bitte versuchen Sie es später erneut."
                    .into(),
            )
        })?;
    if !dry_run {
        tracing::info!(
            editor = editor_id,
            created = outcome.created.len(),
            changed = outcome.changed.len(),
            "offers imported"
        );
    }
    Ok(outcome)
}
