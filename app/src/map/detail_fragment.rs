//! The map's detail panel content for one offer as an HTML fragment
//! (`/kartenfenster/angebot/{id}`): the public offer, and for signed-in members the
//! member-only section below it. Rendered here with the same components as the offer page,
//! so the browser bundle carries neither those views nor the offer's data types.

use leptos::prelude::*;

use crate::map::ui::offer_view::OfferView;
use crate::members::directory::MemberOfferInfo;
use crate::members::ui::member_view::MemberInfoView;
use crate::offers::model::OfferDetail;
use crate::shared::i18n::Locale;

/// The fragment: the offer and the member-only section if `member` holds it.
/// The public part is in `locale`; the member section stays German.
pub fn detail_html(offer: OfferDetail, member: Option<MemberOfferInfo>, locale: Locale) -> String {
    Owner::new().with(|| {
        provide_context(locale);
        view! {
            <div class="panel-fragment">
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
    state: &crate::platform::state::AppState,
    id: i64,
    is_member: bool,
    locale: Locale,
) -> Result<Option<String>, crate::shared::error::AppError> {
    let Some(offer) = crate::offers::service::detail_in(
        state
            .part::<dyn crate::offers::store::OfferStorage>()?
            .as_ref(),
        id,
    )
    .await?
    else {
        return Ok(None);
    };
    let member = if is_member {
        crate::members::service::member_offer_info_in(
            state
                .part::<dyn crate::members::store::MemberStorage>()?
                .as_ref(),
            id,
        )
        .await?
    } else {
        None
    };
    Ok(Some(detail_html(offer, member, locale)))
}
