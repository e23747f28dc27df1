//! The map explorer's server functions: they serve the public page and return no member-only
//! data (they read only the public storage queries, whose result types have no member-only field).

use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

use crate::shared::codec::JsonResult;

use crate::offers::model::OfferDetail;
use crate::region::model::{RegionBoundaries, RegionInfo};
use crate::shared::error::AppError;

/// Where every active offer in compact public form is served (`offers::handlers`): the map
/// loads it after its first paint.
pub const OFFERS_PAYLOAD_PATH: &str = "/api/offers";

/// The region's name, towns, start view and map sources.
#[server(name = GetRegionInfo, prefix = "/api", endpoint = "region", input = GetUrl, output = JsonResult)]
pub async fn region_info() -> Result<RegionInfo, AppError> {
    answer_shared(crate::offers::service::region_info())
}

/// The public detail of one active offer; `None` when there is no such offer.
#[server(name = GetOfferDetail, prefix = "/api", endpoint = "offer", input = GetUrl, output = JsonResult)]
pub async fn offer_detail(id: i64) -> Result<Option<OfferDetail>, AppError> {
    crate::offers::service::offer_detail(id).await
}

/// The region's municipality boundaries and outline as GeoJSON texts, drawn on the map.
#[server(name = GetRegionBoundaries, prefix = "/api", endpoint = "boundaries", input = GetUrl, output = JsonResult)]
pub async fn region_boundaries() -> Result<RegionBoundaries, AppError> {
    answer_shared(crate::offers::service::region_boundaries())
}

/// A public answer, the same for every visitor: cacheable.
#[cfg(feature = "ssr")]
fn answer_shared<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    crate::platform::response::allow_shared_caching();
    result
}
