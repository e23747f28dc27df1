//! The public reads of offers and the region: what the map page, the offer page and the public
//! server functions show. Only public storage queries, whose result types have no member-only
//! field.

use crate::offers::model::{OfferDetail, OfferSummary};
use crate::offers::store::OfferStorage;
use crate::offers::store::{PublicOfferRecord, PublicOrganization};
use crate::platform::error::AppError;
use crate::platform::state::app_state;
use crate::region::model::{RegionBoundaries, RegionInfo};

/// The offers' store of the running application.
pub fn store() -> Result<std::sync::Arc<dyn OfferStorage>, AppError> {
    app_state()?.part()
}

/// The region's name, towns, start view and map sources.
pub fn region_info() -> Result<RegionInfo, AppError> {
    Ok((*app_state()?.region).clone())
}

/// The region's municipality boundaries and outline as GeoJSON texts.
pub fn region_boundaries() -> Result<RegionBoundaries, AppError> {
    Ok((*app_state()?.boundaries).clone())
}

/// Every active offer in compact public form, ordered by name.
pub async fn public_offers() -> Result<Vec<OfferSummary>, AppError> {
    summaries_in(store()?.as_ref()).await
}

/// The public detail of one active offer; `None` when there is no such offer.
pub async fn offer_detail(id: i64) -> Result<Option<OfferDetail>, AppError> {
    detail_in(store()?.as_ref(), id).await
}

/// [`public_offers`] for handlers, which have the storage at hand.
pub async fn summaries_in(storage: &dyn OfferStorage) -> Result<Vec<OfferSummary>, AppError> {
    storage.public_offer_summaries().await.map_err(|error| {
        tracing::error!(%error, "loading offers failed");
        AppError::Unavailable("Die Angebote konnten nicht geladen werden.".into())
    })
}

/// [`offer_detail`] for handlers, which have the storage at hand.
pub async fn detail_in(
    storage: &dyn OfferStorage,
    id: i64,
) -> Result<Option<OfferDetail>, AppError> {
    storage.public_offer_detail(id).await.map_err(|error| {
        tracing::error!(%error, id, "loading offer failed");
        AppError::Unavailable("Das Angebot konnte nicht geladen werden.".into())
    })
}

/// Every active offer's public detail with the keys the open-data exports need.
pub async fn records_in(storage: &dyn OfferStorage) -> Result<Vec<PublicOfferRecord>, AppError> {
    storage
        .public_offer_records()
        .await
        .map_err(open_data_failed)
}

/// The organisations with an active offer, for the open-data exports.
pub async fn organizations_in(
    storage: &dyn OfferStorage,
) -> Result<Vec<PublicOrganization>, AppError> {
    storage
        .public_organizations()
        .await
        .map_err(open_data_failed)
}

/// When offer data last changed through the editors (Unix seconds), if it ever did.
pub async fn last_change_in(storage: &dyn OfferStorage) -> Option<i64> {
    storage.last_offer_change().await.ok().flatten()
}

fn open_data_failed(error: crate::platform::database::StorageError) -> AppError {
    tracing::error!(%error, "loading the open data failed");
    AppError::Unavailable(
        "Die Daten konnten nicht geladen werden. Bitte später erneut versuchen.".into(),
    )
}
