//! Reading all offers in the browser: a separately loaded part of the Wasm, fetched beside the
//! offers themselves after the first paint.
//!
//! The list page in the page data is read by `shared::json_read` (small code, shared by every
//! type, in the first view's Wasm). For the whole payload that reader is slow: it asks the
//! browser's parsed JSON for every field of every offer, a crossing between JavaScript and Wasm
//! each (about a second for 10,000 offers on a phone at 4× CPU slowdown). serde's decoder reads
//! the text in the Wasm in one pass; its code is large, so it lives here, out of the first view.

use crate::offers::model::OfferSummary;

/// The offers of the payload text (`/api/offers`), loading this part first if it is not there.
#[leptos::lazy]
pub fn read_offers(text: &str) -> Result<Vec<OfferSummary>, String> {
    serde_json::from_str(text).map_err(|error| format!("ungültige Angebotsliste: {error}"))
}
