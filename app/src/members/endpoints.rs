//! Server functions for network members only: the member-only information of an offer and the
//! member directory. Both check the role before reading anything.

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::members::directory::{DirectoryEntry, MemberOfferInfo};
use crate::shared::codec::JsonResult;
use crate::shared::error::AppError;

/// Contact persons, internal note and working group of an active offer.
#[server(name = GetMemberOfferInfo, prefix = "/api", endpoint = "mitglieder/angebot", input = GetUrl, output = JsonResult)]
pub async fn member_offer_info(id: i64) -> Result<Option<MemberOfferInfo>, AppError> {
    crate::members::service::member_offer_info(id).await
}

/// The member directory, searched: free text (institution, contact, offer), topic code,
/// municipality key and working group code; empty values do not filter.
#[server(name = SearchDirectory, prefix = "/api", endpoint = "mitglieder/verzeichnis", input = GetUrl, output = JsonResult)]
pub async fn search_directory(
    q: Option<String>,
    thema: Option<String>,
    ort: Option<String>,
    ag: Option<String>,
) -> Result<Vec<DirectoryEntry>, AppError> {
    use crate::members::directory::{DirectoryQuery, WorkingGroup};
    use crate::offers::taxonomy::Topic;
    let query = DirectoryQuery {
        text: q.unwrap_or_default(),
        topic: thema.as_deref().and_then(Topic::parse),
        municipality: ort.filter(|ags| !ags.trim().is_empty()),
        working_group: ag.as_deref().and_then(WorkingGroup::parse),
    };
    crate::members::service::search_directory(&query).await
}
