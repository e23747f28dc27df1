//! What members may read, behind the role check: the member-only information of an offer, the
//! directory searched, and one contact person. Pages, server functions and the vCard download
//! all read through here.

use crate::accounts::auth::require;
use crate::accounts::model::Role;
use crate::accounts::store::AccountRecord;
use crate::members::directory::{Contact, DirectoryEntry, DirectoryQuery, MemberOfferInfo};
use crate::members::store::MemberStorage;
use crate::platform::state::app_state;
use crate::shared::error::AppError;

/// The members' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn MemberStorage>, AppError> {
    app_state()?.part()
}

/// Contact persons, internal note and working group of an active offer, for members.
pub async fn member_offer_info(id: i64) -> Result<Option<MemberOfferInfo>, AppError> {
    require(Role::Member).await?;
    member_offer_info_in(store()?.as_ref(), id).await
}

/// [`member_offer_info`] for handlers, which have checked the member role through their
/// session and have the storage at hand.
pub async fn member_offer_info_in(
    storage: &dyn MemberStorage,
    id: i64,
) -> Result<Option<MemberOfferInfo>, AppError> {
    Ok(storage.member_offer_info(id).await?)
}

/// The member directory entries `query` finds, for members.
pub async fn search_directory(query: &DirectoryQuery) -> Result<Vec<DirectoryEntry>, AppError> {
    require(Role::Member).await?;
    let entries = store()?.directory().await.map_err(|error| {
        tracing::error!(%error, "loading the directory failed");
        AppError::Unavailable(
            "Das Verzeichnis konnte nicht geladen werden. Bitte versuchen Sie es später erneut."
                .into(),
        )
    })?;
    Ok(crate::members::directory::search_directory(&entries, query)
        .into_iter()
        .cloned()
        .collect())
}

/// One contact person, for `account` (already known to be signed in) if it is a member.
pub async fn contact(
    storage: &dyn MemberStorage,
    account: &AccountRecord,
    id: i64,
) -> Result<Contact, AppError> {
    if !account.role.includes(Role::Member) {
        return Err(AppError::Forbidden);
    }
    storage
        .contact(id)
        .await?
        .ok_or_else(|| AppError::NotFound("Diese Ansprechperson gibt es nicht.".into()))
}
