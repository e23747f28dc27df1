//! The map container. On the server it is an empty, labelled box; in the browser the Leaflet
//! map is created inside it (see `crate::map::ui::leaflet_map`).

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;

use crate::map::ui::map_page::PointPicker;
use crate::offers::filter::SearchableOffers;
use crate::region::model::RegionInfo;

/// What the map shares with the rest of the explorer.
#[derive(Clone, Copy)]
pub struct MapSignals {
    /// Offer indices passing the filter.
    pub matching: Signal<Vec<usize>>,
    /// The offer open in the detail panel.
    pub selected: Signal<Option<i64>>,
    pub select_offer: Callback<Option<i64>>,
    /// Editors only: picking a point.
    pub picker: Option<PointPicker>,
    /// Published by the map: the part in view, [west, south, east, north].
    pub visible_area: RwSignal<Option<[f64; 4]>>,
}

#[component]
pub fn MapView(
    region: Arc<RegionInfo>,
    offers: Arc<SearchableOffers>,
    matching: Signal<Vec<usize>>,
    selected: Signal<Option<i64>>,
    select_offer: Callback<Option<i64>>,
    picker: Option<PointPicker>,
    visible_area: RwSignal<Option<[f64; 4]>>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    crate::map::ui::leaflet_map::attach(
        container,
        region,
        offers,
        MapSignals {
            matching,
            selected,
            select_offer,
            picker,
            visible_area,
        },
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = (
        region,
        offers,
        matching,
        selected,
        select_offer,
        picker,
        visible_area,
    );
    view! {
        <div class="map-wrap">
            <div
                node_ref=container
                id="karte"
                class="map"
                role="region"
                aria-label=crate::shared::i18n::use_texts().get("karte-karte")
            ></div>
        </div>
    }
}
