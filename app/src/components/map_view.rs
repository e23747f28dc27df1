//! The map container. On the server it is an empty, labelled box; in the browser the Leaflet
//! map is created inside it (see `crate::map`).

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use super::map_page::PointPicker;
use crate::domain::filter::SearchableOffers;
use crate::domain::region::RegionInfo;

#[component]
pub fn MapView(
    region: Arc<RegionInfo>,
    offers: Arc<SearchableOffers>,
    matching: Signal<Vec<usize>>,
    select_offer: Callback<Option<i64>>,
    picker: Option<PointPicker>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    crate::map::attach(container, region, offers, matching, select_offer, picker);
    #[cfg(not(feature = "hydrate"))]
    let _ = (region, offers, matching, select_offer, picker);
    view! {
        <div class="map-wrap">
            <div
                node_ref=container
                id="karte"
                class="map"
                role="region"
                aria-label="Karte der Angebote; dieselben Angebote stehen in der Liste unter der Karte."
            ></div>
        </div>
    }
}
