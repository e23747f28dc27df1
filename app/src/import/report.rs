//! What the editors' import page shows between the steps (file checked, offers imported),
//! kept in the editor's session with the checked file until it is imported.

use serde::{Deserialize, Serialize};

use crate::import::offer_csv::ImportProblem;
use crate::import::store::ImportOutcome;

/// The session key of the import in progress.
pub const IMPORT_KEY: &str = "redaktion_import";

/// The result of a step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportReport {
    /// The file was refused; nothing changed. `unit` names what `line` counts ("Zeile" in a
    /// CSV file, "Dienst" in an HSDS file).
    Problems {
        unit: String,
        problems: Vec<ImportProblem>,
    },
    /// The dry run: what the import would do.
    Ready(ImportOutcome),
    /// The import is done.
    Done(ImportOutcome),
}

/// The import in progress in an editor's session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSession {
    pub file_name: String,
    pub report: ImportReport,
    /// The checked file, until it is imported; names the step's form so an old page cannot
    /// import a file checked since.
    pub content: Option<String>,
    pub token: String,
}

/// The editor's import in progress, for the import page (without the file itself). The page
/// is the only reader of the session while it renders.
pub async fn import_in_progress() -> Option<ImportSession> {
    let session = leptos_axum::extract::<tower_sessions::Session>()
        .await
        .ok()?;
    let import: ImportSession = session.get(IMPORT_KEY).await.ok().flatten()?;
    Some(ImportSession {
        content: None,
        ..import
    })
}
