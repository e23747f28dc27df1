//! The map's detail panel content for one offer as an HTML fragment
//! (`/kartenfenster/angebot/{id}`): the public offer, and for signed-in members the
//! member-only section below it. Rendered here with the same components as the offer page,
//! so the browser bundle carries neither those views nor the offer's data types.

use leptos::prelude::*;

use crate::map::ui::offer_view::OfferView;
use crate::members::directory::MemberOfferInfo;
use crate::members::ui::member_view::MemberInfoView;
use crate::offers::model::OfferDetail;
use crate::region::places::fixed;
use crate::shared::i18n::Locale;

/// The fragment: the offer, its position as data attributes (where "move on the map" starts),
/// and the member-only section if `member` holds it.
/// The public part is in `locale`; the member section stays German.
pub fn detail_html(offer: OfferDetail, member: Option<MemberOfferInfo>, locale: Locale) -> String {
    let (lat, lon) = (fixed(offer.lat, 6), fixed(offer.lon, 6));
    let id = offer.id;
    Owner::new().with(|| {
        provide_context(locale);
        view! {
            <div class="panel-fragment" data-offer-id=id data-lat=lat data-lon=lon>
                <OfferView offer heading_level_2=true />
                {member.map(|info| view! { <MemberInfoView info /> })}
            </div>
        }
        .to_html()
    })
}

/// The fragment of offer `id` for a viewer who `is_member` (or not); `None` if the offer is not
/// public.
pub async fn detail_for(
    storage: &dyn crate::platform::database::Storage,
    id: i64,
    is_member: bool,
    locale: Locale,
) -> Result<Option<String>, crate::shared::error::AppError> {
    let Some(offer) = crate::offers::service::detail_in(storage, id).await? else {
        return Ok(None);
    };
    let member = if is_member {
        crate::members::service::member_offer_info_in(storage, id).await?
    } else {
        None
    };
    Ok(Some(detail_html(offer, member, locale)))
}
