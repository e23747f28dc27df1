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
    /// Set by the map: the offers of a group that cannot split further (one address).
    pub group_list: RwSignal<Option<Vec<i64>>>,
    /// The chosen place or own position (lat, lon, label): the "you are here" marker.
    pub here: Signal<Option<(f64, f64, String)>>,
    /// "Auf der Karte zeigen": the offer to zoom in on, once.
    pub show_on_map: RwSignal<Option<i64>>,
    /// The phone's results sheet: a change of its height changes what the map shows.
    pub sheet: Signal<Option<crate::map::ui::sheet::SheetHeight>>,
}

#[component]
pub fn MapView(
    region: Arc<RegionInfo>,
    /// The offers `signals.matching` indexes.
    offers: Signal<Arc<SearchableOffers>>,
    signals: MapSignals,
    /// Controls drawn over the map (the own-position button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let container = NodeRef::<Div>::new();
    #[cfg(feature = "hydrate")]
    crate::map::ui::leaflet_map::attach(container, region, offers, signals);
    #[cfg(not(feature = "hydrate"))]
    let _ = (region, offers, signals);
    view! {
        <div class="map-wrap">
            {children.map(|children| children())}
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

/// What the map shows after a change: the bounds [west, south, east, north] of the points
/// to see, and the closest zoom that may be used for them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FitTarget {
    pub bounds: [f64; 4],
    pub max_zoom: u8,
}

/// How close the map zooms in on a single offer or on very few close together.
pub const DETAIL_ZOOM: u8 = 16;

/// How many of the nearest offers the map shows around a chosen place.
pub const NEAREST_SHOWN: usize = 5;

/// The bounds that show `points` (lat, lon) and, if given, the place they were measured from
/// (only its `nearest` closest points then); `None` without any point.
pub fn fit_target(
    points: &[(f64, f64)],
    origin: Option<(f64, f64)>,
    nearest: usize,
) -> Option<FitTarget> {
    let shown: Vec<(f64, f64)> = match origin {
        Some(origin) => {
            // Nearest by the map's own measure (the list may put better matches first).
            let mut by_distance = points.to_vec();
            let squared = |(lat, lon): (f64, f64)| {
                let (dy, dx) = (
                    lat - origin.0,
                    (lon - origin.1) * crate::shared::float::cos(origin.0.to_radians()),
                );
                dy * dy + dx * dx
            };
            by_distance.sort_by(|a, b| squared(*a).total_cmp(&squared(*b)));
            std::iter::once(origin)
                .chain(by_distance.into_iter().take(nearest))
                .collect()
        }
        None => points.to_vec(),
    };
    let first = shown.first()?;
    let mut bounds = [first.1, first.0, first.1, first.0];
    for (lat, lon) in &shown {
        bounds[0] = bounds[0].min(*lon);
        bounds[1] = bounds[1].min(*lat);
        bounds[2] = bounds[2].max(*lon);
        bounds[3] = bounds[3].max(*lat);
    }
    Some(FitTarget {
        bounds,
        max_zoom: DETAIL_ZOOM,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_all_points_without_a_place() {
        let target = fit_target(&[(51.9, 7.1), (51.8, 7.3), (51.85, 7.2)], None, 2).unwrap();
        assert_eq!(target.bounds, [7.1, 51.8, 7.3, 51.9]);
        assert!(fit_target(&[], None, 2).is_none());
    }

    #[test]
    fn around_a_place_only_the_nearest_count() {
        let points = [(51.95, 7.17), (51.83, 7.28), (51.84, 7.29)];
        let target = fit_target(&points, Some((51.82, 7.27)), 2).unwrap();
        assert_eq!(target.bounds, [7.27, 51.82, 7.29, 51.84]);
        let only_place = fit_target(&[], Some((51.82, 7.27)), 2).unwrap();
        assert_eq!(only_place.bounds, [7.27, 51.82, 7.27, 51.82]);
    }
}
