//! The map page's URL query as a reactive value, without a client-side router: the map
//! explorer is an island, so in the browser it reads `location.search`, changes it through the
//! History API and follows Back/Forward through `popstate`. On the server the query comes from
//! the request.
//!
//! History behaves as on a phone's maps app: a filter change replaces the current entry (Back
//! does not untick filters one by one); what opens over the map (the filter drawer, the raised
//! list, an offer's details) is a *layer* with its own entry, so Back closes it first.

use leptos::prelude::*;

use crate::shared::query_pairs::decode_query;

/// What sits over the map and is closed by Back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The filter drawer (phones).
    Filters,
    /// The results sheet pulled up (phones).
    List,
    /// An offer's details.
    Offer,
}

impl Layer {
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn name(self) -> &'static str {
        match self {
            Layer::Filters => "filter",
            Layer::List => "liste",
            Layer::Offer => "angebot",
        }
    }

    #[cfg(feature = "hydrate")]
    fn parse(name: &str) -> Option<Layer> {
        [Layer::Filters, Layer::List, Layer::Offer]
            .into_iter()
            .find(|layer| layer.name() == name)
    }
}

/// The query pairs of the current URL, in order, and the layers open over the map.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    pairs: RwSignal<Vec<(String, String)>>,
    /// The layers whose history entries lie at and below the current one, bottom first.
    layers: RwSignal<Vec<Layer>>,
    /// The URL to show once a layer's entry has been left with `history.back()`.
    #[cfg(feature = "hydrate")]
    pending: StoredValue<Option<String>>,
}

impl UrlQuery {
    /// The query of the page being rendered; in the browser it follows Back and Forward.
    pub fn of_current_page() -> Self {
        let pairs = RwSignal::new(decode_query(&current_search()));
        let query = Self {
            pairs,
            layers: RwSignal::new(Vec::new()),
            #[cfg(feature = "hydrate")]
            pending: StoredValue::new(None),
        };
        #[cfg(feature = "hydrate")]
        {
            // A reload keeps the history entry's state: start from the layers it names.
            query.layers.set(layers_of(&current_state()));
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                let before = query.layers.get_untracked();
                let now = layers_of(&current_state());
                query.layers.set(now.clone());
                let left_layers = now.len() < before.len() && before.starts_with(&now);
                match query.pending.try_update_value(Option::take).flatten() {
                    Some(url) => {
                        replace_entry(&url);
                        pairs.set(decode_query(query_of(&url)));
                    }
                    // Back out of what was open over the map: the filters stay as they are
                    // now (they are not history), only a closed offer leaves the URL.
                    None if left_layers => {
                        let mut kept = pairs.get_untracked();
                        if !now.contains(&Layer::Offer) {
                            kept.retain(|(key, _)| key != crate::offers::filter::param::OFFER);
                        }
                        let url = crate::offers::filter::map_path(&kept);
                        replace_entry(&url);
                        pairs.set(kept);
                    }
                    None => pairs.set(decode_query(&current_search())),
                }
            });
            on_cleanup(move || handle.remove());
        }
        query
    }

    pub fn pairs(&self) -> Signal<Vec<(String, String)>> {
        self.pairs.into()
    }

    /// Whether `layer` is open (its entry is the current one or lies below it).
    pub fn is_open(&self, layer: Layer) -> bool {
        self.layers.with(|layers| layers.contains(&layer))
    }

    /// Shows `url` (a path with query on this page) in place of the current entry: a filter
    /// change. Scrolling stays where it is.
    pub fn replace(&self, url: &str) {
        #[cfg(feature = "hydrate")]
        replace_entry(url);
        self.pairs.set(decode_query(query_of(url)));
    }

    /// For a click in text the island made: a `data-follow` link (a chip, a page link, a
    /// suggestion) changes the URL in place instead of loading the page; without Wasm it stays
    /// a plain link. Whether the click was on one.
    #[cfg(feature = "hydrate")]
    pub fn follow_in_place(&self, event: &web_sys::Event) -> bool {
        let href = crate::shared::dom::closest(event, "a[data-follow]")
            .and_then(|link| link.get_attribute("href"));
        let Some(href) = href else { return false };
        event.prevent_default();
        self.replace(&href);
        true
    }

    /// Opens `layer` over the map with its own history entry showing `url`.
    pub fn open_layer(&self, layer: Layer, url: &str) {
        if self.layers.with_untracked(|layers| layers.contains(&layer)) {
            self.replace(url);
            return;
        }
        #[cfg(feature = "hydrate")]
        {
            let mut layers = self.layers.get_untracked();
            layers.push(layer);
            let pushed = window()
                .history()
                .and_then(|history| history.push_state_with_url(&state_of(&layers), "", Some(url)));
            if pushed.is_err() {
                // Without the History API the page is simply loaded anew.
                _ = window().location().set_href(url);
                return;
            }
            self.layers.set(layers);
        }
        self.pairs.set(decode_query(query_of(url)));
    }

    /// Puts `to` in the place of `from` (the current entry's layer) and shows `url`: the
    /// filter drawer gives way to the results it shows, and Back then lowers those.
    pub fn swap_layer(&self, from: Layer, to: Layer, url: &str) {
        if !self
            .layers
            .with_untracked(|layers| layers.last() == Some(&from))
        {
            self.replace(url);
            self.open_layer(to, url);
            return;
        }
        self.layers.update(|layers| {
            layers.pop();
            if !layers.contains(&to) {
                layers.push(to);
            }
        });
        #[cfg(feature = "hydrate")]
        {
            let layers = self.layers.get_untracked();
            if let Ok(history) = window().history() {
                _ = history.replace_state_with_url(&state_of(&layers), "", Some(url));
            }
        }
        self.pairs.set(decode_query(query_of(url)));
    }

    /// Closes `layer` and shows `url`: when the layer's entry is the current one it is left
    /// with Back (so a later Back does not reopen it), else the entry is replaced.
    pub fn close_layer(&self, layer: Layer, url: &str) {
        #[cfg(feature = "hydrate")]
        if self
            .layers
            .with_untracked(|layers| layers.last() == Some(&layer))
            && let Ok(history) = window().history()
        {
            self.pending.set_value(Some(url.to_string()));
            if history.back().is_ok() {
                return;
            }
            self.pending.set_value(None);
        }
        self.layers
            .update(|layers| layers.retain(|open| *open != layer));
        #[cfg(feature = "hydrate")]
        {
            let layers = self.layers.get_untracked();
            if let Ok(history) = window().history() {
                _ = history.replace_state_with_url(&state_of(&layers), "", Some(url));
            }
        }
        self.pairs.set(decode_query(query_of(url)));
    }

    /// The current URL's path and query, as `open_layer` and `close_layer` take it.
    pub fn current_url(&self) -> String {
        let pairs = self.pairs.get_untracked();
        crate::offers::filter::map_path(&pairs)
    }
}

fn query_of(url: &str) -> &str {
    url.split_once('?').map_or("", |(_, query)| query)
}

#[cfg(feature = "hydrate")]
fn replace_entry(url: &str) {
    let replaced = window().history().and_then(|history| {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        history.replace_state_with_url(&state, "", Some(url))
    });
    if replaced.is_err() {
        _ = window().location().set_href(url);
    }
}

/// The history entry's state: the open layers' names, bottom first.
#[cfg(feature = "hydrate")]
fn state_of(layers: &[Layer]) -> wasm_bindgen::JsValue {
    let names = js_sys::Array::new();
    for layer in layers {
        names.push(&wasm_bindgen::JsValue::from_str(layer.name()));
    }
    names.into()
}

#[cfg(feature = "hydrate")]
fn layers_of(state: &wasm_bindgen::JsValue) -> Vec<Layer> {
    if !js_sys::Array::is_array(state) {
        return Vec::new();
    }
    js_sys::Array::from(state)
        .iter()
        .filter_map(|name| name.as_string().as_deref().and_then(Layer::parse))
        .collect()
}

#[cfg(feature = "hydrate")]
fn current_state() -> wasm_bindgen::JsValue {
    window()
        .history()
        .and_then(|history| history.state())
        .unwrap_or(wasm_bindgen::JsValue::NULL)
}

#[cfg(feature = "hydrate")]
fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

#[cfg(not(feature = "hydrate"))]
fn current_search() -> String {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        return parts.uri.query().unwrap_or_default().to_string();
    }
    String::new()
}
