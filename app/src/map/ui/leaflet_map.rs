//! The Leaflet map in the browser (hydrate only): tiles, municipality boundaries, and the
//! matching offers clustered in Wasm. Only what lies in the visible area becomes a marker.
//! The map follows the results: after every filter change it fits the matching offers into
//! the part of the map that the results sheet does not cover.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use leaflet::{
    DivIconOptions, DragEvents, GeoJson, Icon, LatLng, LatLngBounds, LayerGroup, Map, MapOptions,
    Marker, MarkerOptions, MouseEvents, Point, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use crate::map::ui::map_page::PointPicker;
use crate::map::ui::map_view::{DETAIL_ZOOM, FitTarget, MapSignals, NEAREST_SHOWN, fit_target};
use crate::offers::cluster::{ClusterIndex, ClusterOptions, GroupPlace, MapItem, group_place};
use crate::offers::filter::SearchableOffers;
use crate::region::model::{RegionBoundaries, RegionInfo};
use crate::shared::float;
use crate::shared::i18n::Translate;

#[wasm_bindgen]
extern "C" {
    // leaflet-rs 0.5 binds its `DivIcon` constructor to `L.Icon`, which ignores `html`.
    #[wasm_bindgen(js_namespace = L, js_name = divIcon)]
    fn div_icon(options: &DivIconOptions) -> Icon;

    // leaflet-rs 0.5 does not export its `L.geoJSON` binding.
    #[wasm_bindgen(js_namespace = L, js_name = geoJSON)]
    fn geo_json(data: &JsValue, options: &JsValue) -> GeoJson;
}

/// The highest zoom the map allows; clusters split fully one level above.
const MAX_ZOOM: u8 = 18;

struct LiveMap {
    map: Map,
    element: web_sys::HtmlElement,
    markers: LayerGroup,
    /// The offers the map was last given (all of them once they have loaded).
    offers: RefCell<Arc<SearchableOffers>>,
    /// Offer indices (into `offers`) of the points in `index`, in the same order.
    shown: RefCell<Vec<usize>>,
    index: RefCell<ClusterIndex>,
    select_offer: Callback<Option<i64>>,
    /// The offer open in the detail panel: its marker is highlighted.
    selected: Signal<Option<i64>>,
    /// Where the part of the map in view is published (for "only in view" in the list).
    visible_area: RwSignal<Option<[f64; 4]>>,
    /// Municipality names for the markers' accessible names.
    region: Arc<RegionInfo>,
    /// The editors' picked point, shown as a marker they can drag.
    pick_marker: RefCell<Option<Marker>>,
    /// Marker names in the visitor's language.
    texts: Translate,
    /// Where a tap on a group that cannot split further puts its offers (ids).
    group_list: RwSignal<Option<Vec<i64>>>,
    /// The "you are here" marker of the chosen place or own position.
    here_marker: RefCell<Option<Marker>>,
    /// Whether the visitor moved or zoomed the map since it last fitted the results: then a
    /// change of the map's size does not fit them again.
    moved_by_hand: Cell<bool>,
    /// What the map last fitted, to fit again when its box changes size.
    last_fit: RefCell<Option<FitTarget>>,
    /// The points and index shown before the current ones: a filter ticked and unticked
    /// again (or reset to all offers) takes them back instead of clustering anew, which is
    /// most of a filter change's time with thousands of offers.
    previous: RefCell<Option<(Vec<usize>, ClusterIndex)>>,
}

impl LiveMap {
    fn set_points(&self, offers: Arc<SearchableOffers>, matching: &[usize]) {
        // Positions name other offers once all have loaded: nothing clustered before counts.
        let same_offers = Arc::ptr_eq(&self.offers.borrow(), &offers);
        if !same_offers {
            self.previous.borrow_mut().take();
        }
        *self.offers.borrow_mut() = offers;
        let offers = self.offers.borrow();
        let offers = offers.offers();
        // A protected place kept off the map (Schutzadresse) stays in the list only.
        let matching: Vec<usize> = matching
            .iter()
            .copied()
            .filter(|i| !offers[*i].off_map)
            .collect();
        if same_offers && *self.shown.borrow() == matching {
            return;
        }
        let mut previous = self.previous.borrow_mut();
        let index = match previous.take() {
            Some((points, index)) if points == matching => index,
            kept => {
                drop(kept);
                let points: Vec<(f64, f64)> = matching
                    .iter()
                    .map(|i| (offers[*i].lon, offers[*i].lat))
                    .collect();
                // Groups last up to the map's highest zoom: offers at one address stay one
                // group, which opens as a list, instead of becoming dots stacked on each other.
                let options = ClusterOptions {
                    max_zoom: MAX_ZOOM,
                    ..ClusterOptions::default()
                };
                ClusterIndex::new(&points, options)
            }
        };
        let shown_before = std::mem::replace(&mut *self.shown.borrow_mut(), matching);
        let index_before = std::mem::replace(&mut *self.index.borrow_mut(), index);
        *previous = Some((shown_before, index_before));
    }

    fn redraw(self: &Rc<Self>) {
        self.markers.clear_layers();
        let bounds = self.map.get_bounds();
        let (south_west, north_east) = (bounds.get_south_west(), bounds.get_north_east());
        let bbox = [
            south_west.lng(),
            south_west.lat(),
            north_east.lng(),
            north_east.lat(),
        ];
        if self.visible_area.get_untracked() != Some(bbox) {
            self.visible_area.set(Some(bbox));
        }
        let zoom = float::within(self.map.get_zoom().round(), 0.0, f64::from(MAX_ZOOM)) as u8;
        let items = self.index.borrow().items(bbox, zoom);
        // Lets people and tests see the current zoom without reaching into Leaflet.
        _ = self.element.set_attribute("data-zoom", &zoom.to_string());
        for item in items {
            let marker = match item {
                MapItem::Single { index, lon, lat } => self.offer_marker(index, lat, lon),
                MapItem::Group {
                    id,
                    lon,
                    lat,
                    count,
                } => {
                    let options = DivIconOptions::new();
                    options.set_html(format!("<span>{count}</span>"));
                    options.set_class_name(format!("cluster cluster-{}", size_class(count)));
                    // At least 44 px: a finger must hit it.
                    let size = 44.0 + 6.0 * float::log10(count as f64);
                    options.set_icon_size(Point::new(size, size));
                    let label = {
                        let offers = self.offers.borrow();
                        let offers = offers.offers();
                        let shown = self.shown.borrow();
                        let places: Vec<&str> = self
                            .index
                            .borrow()
                            .leaves(id)
                            .into_iter()
                            .map(|point| {
                                self.region
                                    .municipality_name(&offers[shown[point]].municipality)
                            })
                            .collect();
                        let one_place = self.index.borrow().expansion_zoom(id) > MAX_ZOOM;
                        match group_place(&places) {
                            // Cannot split further: a tap opens its list.
                            GroupPlace::Only(place) if one_place => {
                                self.texts
                                    .count("karte-gruppe-stelle", count, &[("place", place)])
                            }
                            GroupPlace::Unknown => self.texts.count("karte-gruppe", count, &[]),
                            GroupPlace::Only(place) => {
                                self.texts
                                    .count("karte-gruppe-in", count, &[("place", place)])
                            }
                            GroupPlace::Mostly(place) => self.texts.count(
                                "karte-gruppe-umgebung",
                                count,
                                &[("place", place)],
                            ),
                        }
                    };
                    let marker = marker_with(div_icon(&options), lat, lon, &label, false);
                    let live = Rc::clone(self);
                    on_activate(&marker, move || {
                        let zoom = live.index.borrow().expansion_zoom(id);
                        if zoom > MAX_ZOOM {
                            // Cannot split further (one address): its offers as a list.
                            let ids = {
                                let offers = live.offers.borrow();
                                let offers = offers.offers();
                                let shown = live.shown.borrow();
                                live.index
                                    .borrow()
                                    .leaves(id)
                                    .into_iter()
                                    .map(|point| offers[shown[point]].id)
                                    .collect()
                            };
                            live.group_list.set(Some(ids));
                            // In sight above the sheet once that has risen.
                            let live = Rc::clone(&live);
                            set_timeout(
                                move || live.show_point(lat, lon, None),
                                std::time::Duration::from_millis(260),
                            );
                        } else {
                            live.moved_by_hand.set(true);
                            live.map.set_view(&LatLng::new(lat, lon), f64::from(zoom));
                            // The group's marker is gone after the zoom: the keyboard focus
                            // stays on the map instead of falling to the page's start.
                            _ = live.element.focus();
                        }
                    });
                    marker
                }
            };
            marker.add_to_layer_group(&self.markers);
        }
    }

    fn offer_marker(self: &Rc<Self>, point_index: usize, lat: f64, lon: f64) -> Marker {
        let offers = self.offers.borrow();
        let offer = &offers.offers()[self.shown.borrow()[point_index]];
        let options = DivIconOptions::new();
        options.set_html(String::new());
        let selected = self.selected.get_untracked() == Some(offer.id);
        options.set_class_name(pin_class(offer.id, selected));
        // A 44 px touch target around a smaller dot (see the style sheet).
        options.set_icon_size(Point::new(44.0, 44.0));
        // Name and topics, as a screen reader announces the focused marker.
        let topics: Vec<String> = offer
            .topics
            .iter()
            .map(|topic| self.texts.get(&format!("thema-{}", topic.code())))
            .collect();
        let label = format!("{}, {}", offer.name, topics.join(", "));
        let marker = marker_with(div_icon(&options), lat, lon, &label, false);
        let (id, select) = (offer.id, self.select_offer);
        on_activate(&marker, move || select.run(Some(id)));
        marker
    }
}

impl LiveMap {
    /// Shows the picked point as a draggable marker (or removes it); dragging it picks anew.
    fn show_pick(&self, point: Option<(f64, f64)>, picker: PointPicker) {
        let mut pick_marker = self.pick_marker.borrow_mut();
        match (point, pick_marker.as_ref()) {
            (None, Some(marker)) => {
                marker.remove();
                *pick_marker = None;
            }
            (None, None) => {}
            (Some((lat, lon)), Some(marker)) => marker.set_lat_lng(&LatLng::new(lat, lon)),
            (Some((lat, lon)), None) => {
                let options = DivIconOptions::new();
                options.set_html(String::new());
                options.set_class_name("pick-pin".to_string());
                options.set_icon_size(Point::new(28.0, 28.0));
                let marker = marker_with(
                    div_icon(&options),
                    lat,
                    lon,
                    "Gewählter Punkt – zum Verschieben ziehen",
                    true,
                );
                let dragged = marker.clone();
                marker.on_drag_end(Box::new(move |_| {
                    let point = dragged.get_lat_lng();
                    picker.picked.set(Some((point.lat(), point.lng())));
                }));
                marker.add_to(&self.map);
                *pick_marker = Some(marker);
                // The point to drag must be in sight: on the map, and the map on the screen
                // (on a phone the detail panel that starts a move sits below the map).
                self.map.pan_inside(&LatLng::new(lat, lon));
                let rect = self.element.get_bounding_client_rect();
                let screen_height = window()
                    .inner_height()
                    .ok()
                    .and_then(|height| height.as_f64())
                    .unwrap_or(f64::MAX);
                if rect.top() < 0.0 || rect.bottom() > screen_height {
                    self.element.scroll_into_view_with_bool(false);
                }
            }
        }
    }
}

impl LiveMap {
    /// How many pixels at the map's bottom the results sheet covers (phones); 0 where the
    /// results sit beside the map.
    fn covered_bottom(&self) -> f64 {
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let sheet = document().get_element_by_id("ergebnisse");
        let overlay = sheet.as_ref().is_some_and(|sheet| {
            window()
                .get_computed_style(sheet)
                .ok()
                .flatten()
                .and_then(|style| style.get_property_value("position").ok())
                .is_some_and(|position| position == "fixed")
        });
        // Where the sheet's top settles (it may still be moving there): the heights the
        // style sheet gives each state. Without the sheet over it, the screen's bottom may
        // still cut the map (a wide screen before scrolling).
        let top = if overlay {
            let state = document()
                .query_selector(".explorer")
                .ok()
                .flatten()
                .and_then(|explorer| explorer.get_attribute("data-sheet"));
            match state.as_deref() {
                Some("half") => screen * 0.5,
                Some("full") => 48.0,
                _ => document()
                    .query_selector("#ergebnisse .sheet-bar")
                    .ok()
                    .flatten()
                    .map_or(screen, |bar| {
                        screen - bar.get_bounding_client_rect().height()
                    }),
            }
        } else {
            screen
        };
        let map = self.element.get_bounding_client_rect();
        float::within(map.bottom() - top, 0.0, map.height() * 0.8)
    }

    /// Leaflet options with the padding that keeps things out from under the sheet.
    fn padding_options(&self, max_zoom: u8) -> JsValue {
        let covered = self.covered_bottom();
        let options = js_sys::Object::new();
        let pair = |x: f64, y: f64| js_sys::Array::of2(&x.into(), &y.into());
        let set = |key: &str, value: &JsValue| {
            _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), value);
        };
        set("paddingTopLeft", &pair(24.0, 24.0).into());
        set("paddingBottomRight", &pair(24.0, 24.0 + covered).into());
        set("maxZoom", &f64::from(max_zoom).into());
        // Without animation: Leaflet ignores a new view while it still animates the last one,
        // and the sheet's rise often asks for one right after a filter change did.
        set("animate", &false.into());
        options.into()
    }

    /// Shows the target's points in the uncovered part of the map.
    fn fit(&self, target: FitTarget) {
        let [west, south, east, north] = target.bounds;
        let bounds = LatLngBounds::new(&LatLng::new(south, west), &LatLng::new(north, east));
        self.moved_by_hand.set(false);
        *self.last_fit.borrow_mut() = Some(target);
        self.map
            .fit_bounds_with_options(&bounds, &self.padding_options(target.max_zoom));
    }

    /// Fits the latest results again (they may have changed since a fit was asked for).
    fn refit(&self) {
        let last = *self.last_fit.borrow();
        if let Some(target) = last {
            self.fit(target);
        }
    }

    /// Brings one point into the uncovered part of the map: zoomed in to at least `zoom`
    /// when given, else only moved if it is out of sight.
    fn show_point(&self, lat: f64, lon: f64, zoom: Option<u8>) {
        let point = LatLng::new(lat, lon);
        let current = self.map.get_zoom().round() as u8;
        let in_sight = {
            let on_screen = self.map.lat_lng_to_container_point(&point);
            let size = self.map.get_size();
            let bottom = size.y() - self.covered_bottom();
            (16.0..=size.x() - 16.0).contains(&on_screen.x())
                && (16.0..=bottom - 16.0).contains(&on_screen.y())
        };
        let wanted = zoom.map_or(current, |zoom| zoom.max(current)).min(MAX_ZOOM);
        if in_sight && wanted == current {
            return;
        }
        self.moved_by_hand.set(true);
        let bounds = LatLngBounds::new(&point, &point);
        self.map
            .fit_bounds_with_options(&bounds, &self.padding_options(wanted));
    }

    /// The "you are here" marker at the chosen place or own position, or none.
    fn show_here(&self, here: Option<(f64, f64, String)>) {
        let mut marker = self.here_marker.borrow_mut();
        if let Some(old) = marker.take() {
            old.remove();
        }
        let Some((lat, lon, label)) = here else {
            return;
        };
        let options = DivIconOptions::new();
        options.set_html(String::new());
        options.set_class_name("here-pin".to_string());
        options.set_icon_size(Point::new(26.0, 26.0));
        let marker_options = MarkerOptions::new();
        marker_options.set_icon(div_icon(&options));
        marker_options.set_title(label.clone());
        marker_options.set_alt(label);
        // Information only: not a stop for the keyboard, not a target for taps.
        marker_options.set_interactive(false);
        marker_options.set_keyboard(false);
        marker_options.set_z_index_offset(-500.0);
        let created = Marker::new_with_options(&LatLng::new(lat, lon), &marker_options);
        created.add_to(&self.map);
        *marker = Some(created);
    }
}

/// Keeps Leaflet's idea of the map's size in step with its box: the box changes height when
/// the phone layout's sheet starts, and Leaflet only notices window resizes by itself (a stale
/// size puts a tapped point somewhere else).
fn follow_container_size(live: &Rc<LiveMap>, element: &web_sys::HtmlElement) {
    let live = Rc::clone(live);
    let resized = Closure::<dyn Fn()>::new(move || {
        live.map.invalidate_size(false);
        // The results still fill the map, unless the visitor has moved it meanwhile.
        if !live.moved_by_hand.get() {
            live.refit();
        }
    });
    let observer = web_sys::ResizeObserver::new(resized.as_ref().unchecked_ref());
    if let Ok(observer) = observer {
        observer.observe(element);
    }
    // Lives as long as the page: the map is never removed.
    resized.forget();
}

/// Runs `action` when the marker is clicked, or activated with Enter or Space while focused
/// (Leaflet itself only opens popups on Enter).
fn on_activate(marker: &Marker, action: impl Fn() + 'static) {
    let action = Rc::new(action);
    let clicked = Rc::clone(&action);
    marker.on_click(Box::new(move |_| clicked()));
    let on_key = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
        let key = js_sys::Reflect::get(&event, &JsValue::from_str("originalEvent"))
            .and_then(|original| js_sys::Reflect::get(&original, &JsValue::from_str("key")))
            .ok()
            .and_then(|key| key.as_string());
        if matches!(key.as_deref(), Some("Enter" | " ")) {
            action();
        }
    });
    marker.on("keypress", &on_key.into_js_value());
}

/// The class of an offer's marker: its id (to find it again) and whether it is selected.
fn pin_class(id: i64, selected: bool) -> String {
    if selected {
        format!("offer-pin o-{id} selected")
    } else {
        format!("offer-pin o-{id}")
    }
}

impl LiveMap {
    /// Moves the highlight from the `previous` offer's marker to the `chosen` one's.
    fn mark_selected(&self, previous: Option<i64>, chosen: Option<i64>) {
        for (id, selected) in [(previous, false), (chosen, true)] {
            if let Some(id) = id
                && let Ok(Some(pin)) = self.element.query_selector(&format!(".o-{id}"))
            {
                let class = pin.get_attribute("class").unwrap_or_default();
                let class = class.replace(" selected", "");
                let class = if selected {
                    format!("{class} selected")
                } else {
                    class
                };
                _ = pin.set_attribute("class", &class);
            }
        }
    }
}

fn size_class(count: usize) -> &'static str {
    match count {
        0..=9 => "s",
        10..=99 => "m",
        _ => "l",
    }
}

fn marker_with(icon: Icon, lat: f64, lon: f64, title: &str, draggable: bool) -> Marker {
    let options = MarkerOptions::new();
    options.set_draggable(draggable);
    options.set_icon(icon);
    // Set as properties, not parsed as HTML: no escaping (it would be read out as "&amp;").
    options.set_title(title.to_string());
    options.set_alt(title.to_string());
    options.set_keyboard(true);
    Marker::new_with_options(&LatLng::new(lat, lon), &options)
}

fn create_map(element: &web_sys::HtmlElement, region: &RegionInfo) -> Option<Map> {
    let options = MapOptions::new();
    options.set_max_zoom(f64::from(MAX_ZOOM));
    options.set_min_zoom(6.0);
    let map = Map::new_with_element(element, &options).ok()?;
    // One view only: a second one (centre first, then the bounds) would draw the markers twice.
    let [west, south, east, north] = region.bounds;
    if west < east && south < north {
        map.fit_bounds(&LatLngBounds::new(
            &LatLng::new(south, west),
            &LatLng::new(north, east),
        ));
    } else {
        map.set_view(
            &LatLng::new(region.center.0, region.center.1),
            f64::from(region.zoom),
        );
    }
    if let Some(url) = &region.tiles.url {
        let tile_options = TileLayerOptions::new();
        tile_options.set_attribution(region.tiles.attribution.clone());
        tile_options.set_max_zoom(f64::from(MAX_ZOOM));
        TileLayer::new_options(url, &tile_options).add_to(&map);
    }
    Some(map)
}

fn geojson_layer(map: &Map, text: &str, style: &[(&str, JsValue)], attribution: Option<&str>) {
    let Ok(data) = js_sys::JSON::parse(text) else {
        return;
    };
    let set = |object: &js_sys::Object, key: &str, value: &JsValue| {
        _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
    };
    let style_object = js_sys::Object::new();
    for (key, value) in style {
        set(&style_object, key, value);
    }
    let options = js_sys::Object::new();
    set(&options, "style", &style_object);
    set(&options, "interactive", &false.into());
    if let Some(attribution) = attribution {
        set(&options, "attribution", &attribution.into());
    }
    let layer = geo_json(&data, &options);
    layer.add_to(map);
}

fn add_boundaries(map: Map, attribution: String) {
    spawn_local(async move {
        // The server function's own URL, fetched like the fragments: server_fn's client stays
        // out of the Wasm.
        use leptos::server_fn::ServerFn as _;
        let url = crate::offers::endpoints::GetRegionBoundaries::url();
        let Ok(text) = crate::shared::fetch::fetch_text(url, None).await else {
            return;
        };
        let Ok(boundaries) = crate::shared::json_read::read_json_text::<RegionBoundaries>(&text)
        else {
            return;
        };
        let thin = [
            ("color", "#5a6b86".into()),
            ("weight", 1.0.into()),
            ("fillOpacity", 0.0.into()),
        ];
        geojson_layer(&map, &boundaries.municipalities, &thin, Some(&attribution));
        let outline = [
            ("color", "#1d3b6e".into()),
            ("weight", 3.0.into()),
            ("fillOpacity", 0.0.into()),
        ];
        geojson_layer(&map, &boundaries.outline, &outline, None);
    });
}

/// Creates the map once its container exists and keeps its markers in step with `matching`.
pub fn attach(
    container: NodeRef<Div>,
    region: Arc<RegionInfo>,
    offers: Signal<Arc<SearchableOffers>>,
    signals: MapSignals,
) {
    let MapSignals {
        matching,
        selected,
        select_offer,
        picker,
        visible_area,
        group_list,
        here,
        show_on_map,
        sheet,
    } = signals;
    let texts = crate::shared::i18n::use_texts();
    let live: StoredValue<Option<Rc<LiveMap>>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        let first = live.with_value(Option::is_none);
        if first {
            // Without Leaflet (script blocked or failed) the list below still shows everything.
            if js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("L")) != Ok(true) {
                return;
            }
            let Some(map) = create_map(&element, &region) else {
                return;
            };
            // Editors pick a point for moving an offer or for a new one.
            if let Some(picker) = picker {
                map.on_mouse_click(Box::new(move |event| {
                    if picker.picking.get_untracked().is_some() {
                        let point = event.lat_lng();
                        picker.picked.set(Some((point.lat(), point.lng())));
                    }
                }));
            }
            add_boundaries(map.clone(), region.boundary_attribution.clone());
            let markers = LayerGroup::new();
            markers.add_to(&map);
            let created = Rc::new(LiveMap {
                map,
                element: element.clone().into(),
                markers,
                offers: RefCell::new(offers.get_untracked()),
                shown: RefCell::new(Vec::new()),
                index: RefCell::new(ClusterIndex::new(&[], ClusterOptions::default())),
                select_offer,
                selected,
                visible_area,
                region: Arc::clone(&region),
                pick_marker: RefCell::new(None),
                texts,
                group_list,
                here_marker: RefCell::new(None),
                moved_by_hand: Cell::new(false),
                last_fit: RefCell::new(None),
                previous: RefCell::new(None),
            });
            let on_move = Rc::clone(&created);
            created.map.on_move_end(Box::new(move |_| on_move.redraw()));
            follow_container_size(&created, &element);
            notice_hand_moves(&created, &element);
            live.set_value(Some(created));
        }
        let origin = here.get();
        live.with_value(|live| {
            let Some(live) = live else { return };
            live.set_points(offers.get(), &matching.read());
            live.show_here(origin.clone());
            let points: Vec<(f64, f64)> = {
                let offers = live.offers.borrow();
                let offers = offers.offers();
                matching
                    .read()
                    .iter()
                    .map(|index| (offers[*index].lat, offers[*index].lon))
                    .collect()
            };
            let target = fit_target(
                &points,
                origin.map(|(lat, lon, _)| (lat, lon)),
                NEAREST_SHOWN,
            );
            match target {
                // The map follows the results. At the start the sheet settles first (its
                // height decides the padding).
                Some(target) if first => {
                    *live.last_fit.borrow_mut() = Some(target);
                    live.redraw();
                    let live = Rc::clone(live);
                    set_timeout(move || live.refit(), std::time::Duration::from_millis(60));
                }
                // The new markers at once where the map is, then, once every change of this
                // turn is on the page (the sheet's height too), the map fits them (the move
                // ends in another redraw): on a slow phone the markers follow the filter
                // without waiting for the move.
                Some(target) => {
                    *live.last_fit.borrow_mut() = Some(target);
                    live.redraw();
                    let live = Rc::clone(live);
                    request_animation_frame(move || live.refit());
                }
                None => live.redraw(),
            }
        });
    });
    // The sheet rose or sank: the results fill what the map now shows, unless the visitor has
    // moved the map (or an offer was brought into view) since they were fitted.
    Effect::new(move |previous: Option<()>| {
        sheet.track();
        if previous.is_none() {
            return;
        }
        live.with_value(|live| {
            if let Some(live) = live
                && !live.moved_by_hand.get()
            {
                let live = Rc::clone(live);
                request_animation_frame(move || {
                    if !live.moved_by_hand.get() {
                        live.refit();
                    }
                });
            }
        });
    });
    // The selected offer's marker is highlighted, and brought into the uncovered part of the
    // map; "Auf der Karte zeigen" also zooms in on it.
    Effect::new(move |previous: Option<Option<i64>>| {
        let chosen = selected.get();
        let zoom_in = show_on_map.get();
        if previous.is_some() && (previous != Some(chosen) || zoom_in.is_some()) {
            let position = live.with_value(|live| {
                let live = live.as_ref()?;
                live.mark_selected(previous.flatten(), chosen);
                let offers = live.offers.borrow();
                chosen
                    .and_then(|id| offers.offers().iter().find(|offer| offer.id == id))
                    .map(|offer| (offer.lat, offer.lon))
            });
            if let Some((lat, lon)) = position {
                let zoom = (zoom_in == chosen).then_some(DETAIL_ZOOM);
                // After the sheet has risen to half height (its transition), which decides
                // what the map still shows.
                set_timeout(
                    move || {
                        live.with_value(|live| {
                            if let Some(live) = live {
                                live.show_point(lat, lon, zoom);
                            }
                        })
                    },
                    std::time::Duration::from_millis(260),
                );
            }
            if zoom_in.is_some() {
                show_on_map.set(None);
            }
        }
        chosen
    });
    // Created beside the map's effect, not inside it: an effect made while another runs is
    // dropped when that one runs again.
    if let Some(picker) = picker {
        Effect::new(move |_| {
            let point = picker.picked.get();
            live.with_value(|live| {
                if let Some(live) = live {
                    live.show_pick(point, picker);
                }
            });
        });
    }
}

/// Marks the map as moved by hand once the visitor drags, zooms or uses the keyboard on it.
fn notice_hand_moves(live: &Rc<LiveMap>, element: &web_sys::HtmlElement) {
    for event in ["pointerdown", "wheel", "keydown"] {
        let live = Rc::clone(live);
        let moved = Closure::<dyn Fn()>::new(move || live.moved_by_hand.set(true));
        _ = element.add_event_listener_with_callback(event, moved.as_ref().unchecked_ref());
        // Lives as long as the page: the map is never removed.
        moved.forget();
    }
}
