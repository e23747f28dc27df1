//! The map page's URL query as a reactive value, without a client-side router: the map
//! explorer is an island, so in the browser it reads `location.search`, changes it with
//! `history.pushState` and follows Back/Forward through `popstate`. On the server the query
//! comes from the request.

use leptos::prelude::*;

use crate::shared::query_pairs::decode_query;

/// The query pairs of the current URL, in order.
#[derive(Clone, Copy)]
pub struct UrlQuery {
    pairs: RwSignal<Vec<(String, String)>>,
}

impl UrlQuery {
    /// The query of the page being rendered; in the browser it follows Back and Forward.
    pub fn of_current_page() -> Self {
        let pairs = RwSignal::new(decode_query(&current_search()));
        #[cfg(feature = "hydrate")]
        {
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                pairs.set(decode_query(&current_search()));
            });
            on_cleanup(move || handle.remove());
        }
        Self { pairs }
    }

    pub fn pairs(&self) -> Signal<Vec<(String, String)>> {
        self.pairs.into()
    }

    /// Shows `url` (a path with query on this page) in the address bar and as a new history
    /// entry, and applies its query. Scrolling stays where it is.
    pub fn navigate(&self, url: &str) {
        #[cfg(feature = "hydrate")]
        {
            let pushed = window().history().and_then(|history| {
                history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url))
            });
            if pushed.is_err() {
                // Without the History API the page is simply loaded anew.
                _ = window().location().set_href(url);
                return;
            }
        }
        let query = url.split_once('?').map_or("", |(_, query)| query);
        self.pairs.set(decode_query(query));
    }
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
