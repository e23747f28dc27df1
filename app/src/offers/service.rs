//! The public reads of offers and the region: what the map page, the offer page and the public
//! server functions show. Only public storage queries, whose result types have no member-only
//! field.

use crate::offers::model::{OfferDetail, OfferSummary};
use crate::platform::error::AppError;
use crate::platform::state::app_state;
use crate::region::model::{RegionBoundaries, RegionInfo};

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
    let state = app_state()?;
    state
        .storage
        .public_offer_summaries()
        .await
        .map_err(|error| {
            tracing::error!(%error, "loading offers failed");
            AppError::Unavailable("Die Angebote konnten nicht geladen werden.".into())
        })
}

/// The public detail of one active offer; `None` when there is no such offer.
pub async fn offer_detail(id: i64) -> Result<Option<OfferDetail>, AppError> {
    let state = app_state()?;
    state
        .storage
        .public_offer_detail(id)
        .await
        .map_err(|error| {
            tracing::error!(%error, id, "loading offer failed");
            AppError::Unavailable("Das Angebot konnte nicht geladen werden.".into())
        })
}
