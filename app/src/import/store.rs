//! Importing offers read from a file: in one transaction, offers found by their external id
//! are updated field by field and the others created (public at once), every change in the
//! history under the importing editor. A dry run does the same and rolls it back, so it says
//! exactly what the import would do.

use async_trait::async_trait;
use serde::{Deserialize, Serialize};

use crate::editing::model::EditableField;
use crate::import::offer_csv::{ExportedOffer, ImportedOffer};
use crate::platform::database::StorageResult;

/// An offer an import creates or changes: its line in the file and its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedLine {
    pub line: usize,
    pub name: String,
    /// The labels of the fields that change (empty for a new offer).
    pub fields: Vec<String>,
    /// For a new offer: the stored offers it may duplicate; it is then created as a draft.
    #[serde(default)]
    pub likely_twins: Vec<crate::offers::twins::LikelyTwin>,
}

/// What an import did (or, in a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportOutcome {
    pub created: Vec<ImportedLine>,
    pub changed: Vec<ImportedLine>,
    pub unchanged: usize,
}

#[async_trait]
pub trait ImportStorage: Send + Sync {
    /// Every active offer as the editors' export writes it, ordered by name.
    async fn exported_offers(&self) -> StorageResult<Vec<ExportedOffer>>;
    /// Imports `offers` (already valid) in one transaction — all or nothing — rolled back
    /// again for a `dry_run`.
    async fn import_offers(
        &self,
        offers: &[ImportedOffer],
        account_id: i64,
        now: i64,
        dry_run: bool,
    ) -> StorageResult<ImportOutcome>;
}

fn value_of(offer: &ImportedOffer, field: EditableField) -> Option<&str> {
    offer
        .values
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, v)| v.as_str())
}

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
