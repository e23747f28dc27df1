//! The Leaflet map in the browser (hydrate only): tiles, municipality boundaries, and the
//! matching offers clustered in Wasm. Only what lies in the visible area becomes a marker.

use std::cell::RefCell;
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
use crate::map::ui::map_view::MapSignals;
use crate::offers::cluster::{ClusterIndex, ClusterOptions, GroupPlace, MapItem, group_place};
use crate::offers::filter::SearchableOffers;
use crate::region::model::{RegionBoundaries, RegionInfo};
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
    offers: Arc<SearchableOffers>,
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
}

impl LiveMap {
    fn set_points(&self, matching: &[usize]) {
        let offers = self.offers.offers();
        let points: Vec<(f64, f64)> = matching
            .iter()
            .map(|i| (offers[*i].lon, offers[*i].lat))
            .collect();
        let options = ClusterOptions {
            max_zoom: MAX_ZOOM - 1,
            ..ClusterOptions::default()
        };
        *self.index.borrow_mut() = ClusterIndex::new(&points, options);
        *self.shown.borrow_mut() = matching.to_vec();
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
        let zoom = self.map.get_zoom().round().clamp(0.0, f64::from(MAX_ZOOM)) as u8;
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
                    let size = 30.0 + 4.0 * (count as f64).log10() * 3.0;
                    options.set_icon_size(Point::new(size, size));
                    let label = {
                        let offers = self.offers.offers();
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
                        match group_place(&places) {
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
                        live.map
                            .set_view(&LatLng::new(lat, lon), f64::from(zoom.min(MAX_ZOOM)));
                    });
                    marker
                }
            };
            marker.add_to_layer_group(&self.markers);
        }
    }

    fn offer_marker(self: &Rc<Self>, point_index: usize, lat: f64, lon: f64) -> Marker {
        let offer = &self.offers.offers()[self.shown.borrow()[point_index]];
        let options = DivIconOptions::new();
        options.set_html(String::new());
        let selected = self.selected.get_untracked() == Some(offer.id);
        options.set_class_name(pin_class(offer.id, selected));
        options.set_icon_size(Point::new(22.0, 22.0));
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

/// Keeps Leaflet's idea of the map's size in step with its box: the box changes height when
/// the phone layout's sheet starts, and Leaflet only notices window resizes by itself (a stale
/// size puts a tapped point somewhere else).
fn follow_container_size(map: &Map, element: &web_sys::HtmlElement) {
    let map = map.clone();
    let resized = Closure::<dyn Fn()>::new(move || {
        map.invalidate_size(false);
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
        let Ok(boundaries) = crate::shared::codec::from_json::<RegionBoundaries>(&text) else {
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
    offers: Arc<SearchableOffers>,
    signals: MapSignals,
) {
    let MapSignals {
        matching,
        selected,
        select_offer,
        picker,
        visible_area,
    } = signals;
    let texts = crate::shared::i18n::use_texts();
    let live: StoredValue<Option<Rc<LiveMap>>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if live.with_value(Option::is_none) {
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
                offers: Arc::clone(&offers),
                shown: RefCell::new(Vec::new()),
                index: RefCell::new(ClusterIndex::new(&[], ClusterOptions::default())),
                select_offer,
                selected,
                visible_area,
                region: Arc::clone(&region),
                pick_marker: RefCell::new(None),
                texts,
            });
            let on_move = Rc::clone(&created);
            created.map.on_move_end(Box::new(move |_| on_move.redraw()));
            follow_container_size(&created.map, &element);
            live.set_value(Some(created));
        }
        live.with_value(|live| {
            if let Some(live) = live {
                live.set_points(&matching.read());
                live.redraw();
            }
        });
    });
    // The selected offer's marker is highlighted, and brought into view when chosen in the list.
    Effect::new(move |previous: Option<Option<i64>>| {
        let chosen = selected.get();
        if previous.is_some() && previous != Some(chosen) {
            live.with_value(|live| {
                let Some(live) = live else {
                    return;
                };
                if let Some(offer) =
                    chosen.and_then(|id| live.offers.offers().iter().find(|offer| offer.id == id))
                {
                    let point = LatLng::new(offer.lat, offer.lon);
                    if !live.map.get_bounds().contains(&point) {
                        // The move ends in a redraw.
                        live.map.pan_to(&point);
                        return;
                    }
                }
                // Only the classes change: redrawn markers would take the keyboard focus away.
                live.mark_selected(previous.flatten(), chosen);
            });
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
