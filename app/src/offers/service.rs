//! The public reads of offers and the region: what the map page, the offer page, the public
//! server functions and the open-data APIs show. They read the public read model
//! ([`PublicReadModel`]), never the database, and its types have no member-only field. The one
//! read for editors, [`known_offers`] (the twin check's comparison set, drafts included), reads
//! the database.

use std::sync::Arc;

use crate::offers::model::{OfferDetail, OfferSummary};
use crate::offers::read_model::PublicReadModel;
use crate::offers::store::{OfferStorage, PublicOfferRecord, PublicOrganization};
use crate::offers::twins::KnownOffer;
use crate::platform::database::StorageError;
use crate::platform::error::AppError;
use crate::platform::state::app_state;
use crate::region::model::{RegionBoundaries, RegionInfo};

/// The public read model of the running application.
pub fn read_model() -> Result<Arc<PublicReadModel>, AppError> {
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
pub async fn public_offers() -> Result<Arc<Vec<OfferSummary>>, AppError> {
    summaries_in(read_model()?.as_ref()).await
}

/// The public detail of one active offer; `None` when there is no such offer.
pub async fn offer_detail(id: i64) -> Result<Option<OfferDetail>, AppError> {
    detail_in(read_model()?.as_ref(), id).await
}

/// [`public_offers`] for handlers, which have the read model at hand.
pub async fn summaries_in(public: &PublicReadModel) -> Result<Arc<Vec<OfferSummary>>, AppError> {
    public.summaries().await.map_err(|error| {
        tracing::error!(%error, "loading offers failed");
        AppError::Unavailable("Die Angebote konnten nicht geladen werden.".into())
    })
}

/// [`offer_detail`] for handlers, which have the read model at hand.
pub async fn detail_in(public: &PublicReadModel, id: i64) -> Result<Option<OfferDetail>, AppError> {
    match public.detail(id).await {
        Ok(detail) => Ok(detail.map(Arc::unwrap_or_clone)),
        Err(error) => {
            tracing::error!(%error, id, "loading offer failed");
            Err(AppError::Unavailable(
                "Das Angebot konnte nicht geladen werden.".into(),
            ))
        }
    }
}

/// Every active offer's public detail with the keys the open-data exports need.
pub async fn records_in(public: &PublicReadModel) -> Result<Arc<Vec<PublicOfferRecord>>, AppError> {
    public.records().await.map_err(open_data_failed)
}

/// The organisations with an active offer, for the open-data exports.
pub async fn organizations_in(
    public: &PublicReadModel,
) -> Result<Arc<Vec<PublicOrganization>>, AppError> {
    public.organizations().await.map_err(open_data_failed)
}

/// When offer data last changed through the editors (Unix seconds), if it ever did.
pub async fn last_change_in(public: &PublicReadModel) -> Option<i64> {
    public.last_change().await.ok().flatten()
}

/// Every stored offer as the twin check compares it (`offers::twins`): drafts and archived
/// offers included, with their full addresses. For the editors' views only; callers have
/// checked the editor role.
pub async fn known_offers() -> Result<Vec<KnownOffer>, AppError> {
    known_offers_in(&app_state()?).await
}

/// [`known_offers`] for handlers, which have the state at hand.
pub async fn known_offers_in(
    state: &crate::platform::state::AppState,
) -> Result<Vec<KnownOffer>, AppError> {
    let storage: Arc<dyn OfferStorage> = state.part()?;
    Ok(storage.offer_identities().await?)
}

fn open_data_failed(error: StorageError) -> AppError {
    tracing::error!(%error, "loading the open data failed");
    AppError::Unavailable(
        "Die Daten konnten nicht geladen werden. Bitte später erneut versuchen.".into(),
    )
}
