//! The map explorer's server functions: they serve the public page and return no member-only
//! data (they read only the public storage queries, whose result types have no member-only field).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::shared::codec::JsonResult;

use crate::offers::model::{OfferDetail, OfferSummary};
use crate::region::model::{RegionBoundaries, RegionInfo};

/// The region's name, towns, start view and map sources.
#[server(name = GetRegionInfo, prefix = "/api", endpoint = "region", input = GetUrl, output = JsonResult)]
pub async fn region_info() -> Result<RegionInfo, ServerFnError> {
    let state = crate::platform::state::app_state()?;
    Ok((*state.region).clone())
}

/// Every active offer in compact public form; the browser filters and clusters these itself.
#[server(name = GetPublicOffers, prefix = "/api", endpoint = "offers", input = GetUrl, output = JsonResult)]
pub async fn public_offers() -> Result<Vec<OfferSummary>, ServerFnError> {
    let state = crate::platform::state::app_state()?;
    state
        .storage
        .public_offer_summaries()
        .await
        .map_err(|error| {
            tracing::error!(%error, "loading offers failed");
            ServerFnError::ServerError("Die Angebote konnten nicht geladen werden.".into())
        })
}

/// The public detail of one active offer; `None` when there is no such offer.
#[server(name = GetOfferDetail, prefix = "/api", endpoint = "offer", input = GetUrl, output = JsonResult)]
pub async fn offer_detail(id: i64) -> Result<Option<OfferDetail>, ServerFnError> {
    let state = crate::platform::state::app_state()?;
    state
        .storage
        .public_offer_detail(id)
        .await
        .map_err(|error| {
            tracing::error!(%error, id, "loading offer failed");
            ServerFnError::ServerError("Das Angebot konnte nicht geladen werden.".into())
        })
}

/// The region's municipality boundaries and outline as GeoJSON texts, drawn on the map.
#[server(name = GetRegionBoundaries, prefix = "/api", endpoint = "boundaries", input = GetUrl, output = JsonResult)]
pub async fn region_boundaries() -> Result<RegionBoundaries, ServerFnError> {
    let state = crate::platform::state::app_state()?;
    Ok((*state.boundaries).clone())
}
