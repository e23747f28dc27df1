//! The public map page `/`. The server renders it whole (title, filter form, list); the
//! interactive part, the [`MapExplorer`] island (filters, map, list, detail panel), is hydrated
//! in the browser from the page data the server embeds as JSON, so the Wasm bundle carries
//! neither the router nor the other pages. The list is the map's accessible equivalent.

use std::sync::Arc;

#[cfg(feature = "ssr")]
use leptos::context::Provider;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::{Meta, Title};
use serde::{Deserialize, Serialize};

use crate::accounts::model::Role;
use crate::editing::ui::map_panel_editor::PanelEditor;
use crate::map::first_view::FirstView;
use crate::map::ui::filter_form::{SearchForm, StaticFormParts, criterion_label};
use crate::map::ui::map_view::{MapSignals, MapView};
use crate::map::ui::sheet::{ResultsSheet, SheetHeight};
use crate::map::ui::url_query::{Layer, UrlQuery};
use crate::offers::calendar::{CalendarDay, LocalMoment, today_text};
use crate::offers::filter::{
    FilterResult, OfferFilter, ParsedQuery, SearchableOffers, map_path, param,
};
use crate::offers::model::OfferSummary;
use crate::offers::search::TextMatches;
#[cfg(feature = "ssr")]
use crate::offers::taxonomy::{LifePhase, Topic};
use crate::region::model::RegionInfo;
use crate::region::places::{fixed, format_distance};
use crate::shared::i18n::{Texts, Translate, use_texts};
use crate::shared::text::escape_html;

/// How many offers one page of the list shows.
pub const PAGE_SIZE: usize = 20;

/// The id of the `<script type="application/json">` holding the [`MapPageData`].
#[cfg(any(feature = "ssr", feature = "hydrate"))]
const MAP_DATA_ELEMENT_ID: &str = "kartendaten";

/// Everything the map explorer starts from, rendered on the server and embedded in the page for
/// the browser: the region, the list page the address asks for (all offers follow from
/// `/api/offers` after the first paint), and the offer whose details the URL asks for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MapPageData {
    pub region: RegionInfo,
    pub first_view: FirstView,
    /// The public panel content (HTML) of the offer the URL opens, if it is public.
    pub selected_html: Option<String>,
    /// The signed-in viewer's role: members get the member-only information in the detail
    /// panel (through a server function that checks the role again), editors a link to edit.
    pub viewer_role: Option<Role>,
    /// The island's texts in the visitor's language.
    pub texts: Texts,
    /// The route link's template (`{lat}`, `{lon}`): a web link that phones open in their
    /// maps app.
    pub route_link: String,
    /// The time in Germany the server rendered the page at: the browser starts from the same
    /// moment (same "jetzt geöffnet", same "heute …"), then follows the clock.
    pub moment: LocalMoment,
}

impl crate::shared::json_read::ReadJson for MapPageData {
    fn read_json<S: crate::shared::json_read::JsonSource>(source: &S) -> Result<Self, String> {
        let m = crate::shared::json_read::Members(source);
        Ok(MapPageData {
            region: m.get("region")?,
            first_view: m.get("first_view")?,
            selected_html: m.get_or_default("selected_html")?,
            viewer_role: m.get_or_default("viewer_role")?,
            texts: m.get("texts")?,
            route_link: m.get("route_link")?,
            moment: m.get("moment")?,
        })
    }
}

/// The offer id the query `pairs` ask to show in the detail panel.
#[cfg(feature = "ssr")]
fn selected_offer_id(pairs: &[(String, String)]) -> Option<i64> {
    pairs
        .iter()
        .rev()
        .find(|(key, _)| key == param::OFFER)
        .and_then(|(_, value)| value.trim().parse().ok())
}

#[cfg(feature = "ssr")]
/// The page data for the query `pairs`, and the filter they ask for (parsed once, here).
async fn load_map_page_data(
    pairs: &[(String, String)],
) -> Result<(MapPageData, OfferFilter), crate::shared::error::AppError> {
    let selected = selected_offer_id(pairs);
    let region = crate::offers::service::region_info()?;
    let parsed = ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        region.knows_municipality(ags)
    });
    let filter = parsed.filter;
    let search = crate::offers::service::read_model()?
        .search(&region)
        .await?;
    let moment = crate::offers::calendar::now_local();
    let result = search.apply_at(&filter, &moment);
    let first_view = FirstView::cut(
        search.searchable().offers(),
        &result,
        list_page(parsed.page, result.total()) * PAGE_SIZE,
        PAGE_SIZE,
        selected,
    );
    let selected_html = match selected {
        Some(id) => {
            let state = crate::platform::state::app_state()?;
            crate::map::detail_fragment::detail_for(
                &state,
                id,
                false,
                crate::platform::catalogues::current_locale(),
            )
            .await?
        }
        None => None,
    };
    let viewer_role = crate::accounts::auth::current_viewer()
        .await
        .map(|viewer| viewer.role);
    // For anonymous visitors the page is the same for everyone with this address and language
    // — unless it finds nothing: then the planners' count of searches without results must
    // see each visit. A minute at most, as "open now" is judged at the minute of rendering.
    if viewer_role.is_none() && result.total() > 0 {
        crate::platform::response::allow_shared_page(60);
    }
    let route_link = crate::platform::state::app_state()?
        .operator
        .route_link
        .clone();
    let data = MapPageData {
        region,
        first_view,
        selected_html,
        viewer_role,
        texts: crate::platform::catalogues::island_texts(
            crate::platform::catalogues::current_locale(),
        ),
        route_link,
        moment,
    };
    Ok((data, filter))
}

/// The list page (from 0) shown for the asked `page` when `total` offers match: the last one
/// for a page past the end.
fn list_page(page: usize, total: usize) -> usize {
    page.min(total.div_ceil(PAGE_SIZE).max(1) - 1)
}

/// The page data: from the server's context while rendering, from the embedded JSON in the
/// browser.
fn map_page_data() -> Option<MapPageData> {
    #[cfg(feature = "hydrate")]
    {
        let text = document()
            .get_element_by_id(MAP_DATA_ELEMENT_ID)?
            .text_content()?;
        match crate::shared::json_read::read_json_text(&text) {
            Ok(data) => Some(data),
            Err(error) => {
                leptos::logging::error!("Kartendaten unlesbar: {error}");
                None
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        use_context::<Arc<MapPageData>>().map(|data| (*data).clone())
    }
}

#[cfg(feature = "ssr")]
#[component]
pub fn MapPage() -> impl IntoView {
    let pairs = UrlQuery::of_current_page().pairs().get_untracked();
    // A page opened with filters is a search too: the planners see it if it found nothing.
    if let Ok(state) = crate::platform::state::app_state() {
        crate::planning::service::count_page_search(
            state,
            &pairs,
            crate::accounts::auth::client_address(),
        );
    }
    view! {
        <MapScripts />
        <Title text=crate::platform::catalogues::t("karte-titel") />
        <Suspense fallback=|| view! { <p class="loading">{crate::platform::catalogues::t("karte-laedt")}</p> }>
            {move || {
                let pairs = pairs.clone();
                Suspend::new(async move {
                let note = crate::accounts::auth::take_note().await;
                match load_map_page_data(&pairs).await {
                    Ok((data, filter)) => {
                        view! {
                            <crate::accounts::ui::account_pages::NoteView note />
                            <MapPageBody data filter />
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! {
                            <p class="error" role="alert">
                                {crate::platform::catalogues::t("karte-fehler")} " (" {error.to_string()} ")"
                            </p>
                        }
                            .into_any()
                    }
                }
            })}}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
#[component]
fn MapPageBody(data: MapPageData, filter: OfferFilter) -> impl IntoView {
    let demo = data.region.demo_data;
    let script = crate::shared::codec::to_script_json(&data).unwrap_or_else(|error| {
        tracing::error!(%error, "writing the map page data failed");
        String::new()
    });
    let description = map_description(&data, &filter);
    let page_url = crate::platform::state::app_state().ok().and_then(|state| {
        state
            .site
            .public_origin()
            .map(|origin| format!("{origin}{}", map_url(&ParsedQuery::default().filter, None)))
    });
    let title = crate::platform::catalogues::t("karte-titel");
    view! {
        <Meta name="description" content=description.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content="Chancenkarte" />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:locale" content=crate::platform::catalogues::current_locale().code() />
        {page_url.map(|url| view! { <Meta property="og:url" content=url /> })}
        {demo
            .then(|| {
                view! {
                    <p class="demo-banner" role="note">
                        {crate::platform::catalogues::t("karte-demodaten")}
                    </p>
                }
            })}
        <h1 class="page-title">{crate::platform::catalogues::t("karte-ueberschrift")}</h1>
        <script type="application/json" id=MAP_DATA_ELEMENT_ID inner_html=script></script>
        <Provider value=Arc::new(data)>
            <MapExplorer />
        </Provider>
    }
}

/// What a shared link's preview says: the region and, with a filter, the filter in words.
#[cfg(feature = "ssr")]
fn map_description(data: &MapPageData, filter: &OfferFilter) -> String {
    let words = filter.describe(|ags| data.region.municipality_name(ags).to_string());
    if words.is_empty() {
        crate::platform::catalogues::t_with(
            "karte-beschreibung",
            &[("region", data.region.name.clone().into())],
        )
    } else {
        crate::platform::catalogues::t_with(
            "karte-beschreibung-filter",
            &[
                ("region", data.region.name.clone().into()),
                ("filter", words.join(" · ").into()),
            ],
        )
    }
}

/// Where the Leaflet files from the npm package are served.
#[cfg(feature = "ssr")]
pub const LEAFLET_PATH: &str = "/vendor/leaflet";

/// The map page's address (its route in `crate::shell::app`).
#[cfg(feature = "ssr")]
pub const MAP_PAGE_PATH: &str = "/";

/// The style sheets inline, if the page being rendered is the map page and they could be
/// read at start (see [`crate::platform::inline_style`]); the shell then leaves out the site's
/// sheet and [`MapScripts`] Leaflet's.
#[cfg(feature = "ssr")]
pub fn inline_style_of_this_page() -> Option<Arc<crate::platform::inline_style::InlineStyle>> {
    let parts = use_context::<axum::http::request::Parts>()?;
    if parts.uri.path() != MAP_PAGE_PATH {
        return None;
    }
    crate::platform::state::app_state()
        .ok()?
        .map_page_style
        .clone()
}

#[cfg(feature = "ssr")]
/// Leaflet and the Wasm that hydrates the islands, for the one page that has them (the map):
/// every other page is complete as the server sends it and loads neither.
#[component]
pub fn MapScripts() -> impl IntoView {
    let options = expect_context::<leptos::config::LeptosOptions>();
    let leaflet_sheet = inline_style_of_this_page().is_none().then(|| {
        view! { <leptos_meta::Stylesheet id="leaflet" href=format!("{LEAFLET_PATH}/leaflet.css") /> }
    });
    view! {
        {leaflet_sheet}
        // Deferred like the hydration module, so Leaflet's global `L` exists before the Wasm
        // starts without blocking the first paint.
        <leptos_meta::Script defer="defer" src=format!("{LEAFLET_PATH}/leaflet.js") />
        <leptos::hydration::HydrationScripts options islands=true />
    }
}

/// The URL of the map page showing `filter`, optionally with an offer's detail panel open.
pub fn map_url(filter: &OfferFilter, selected: Option<i64>) -> String {
    let mut pairs: Vec<(&str, String)> = filter.to_pairs();
    if let Some(id) = selected {
        pairs.push((param::OFFER, id.to_string()));
    }
    map_path(&pairs)
}

/// Filters, map, detail panel and list: the one interactive part of the public site.
#[island]
pub fn MapExplorer() -> impl IntoView {
    let Some(MapPageData {
        region,
        first_view,
        selected_html,
        viewer_role,
        texts,
        route_link,
        moment,
    }) = map_page_data()
    else {
        return view! {
            <p class="error" role="alert">
                "Die Karte konnte nicht gestartet werden. Bitte laden Sie die Seite neu."
            </p>
        }
        .into_any();
    };
    let texts = crate::shared::i18n::Translate::new(texts);
    provide_context(texts);
    let region = Arc::new(region);
    let calendar = region.calendar();
    // The offers of the list page the server rendered, until all of them have loaded.
    let first_result = first_view.result();
    let page_offers = Arc::new(SearchableOffers::in_region(first_view.offers, &region));
    let all_offers: RwSignal<Option<Arc<SearchableOffers>>> = RwSignal::new(None);
    let load_failed = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    load_all_offers(region.clone(), all_offers, load_failed, 0);
    // The server's moment first (the page it rendered), then the browser's clock, once a
    // minute: "jetzt geöffnet" and "heute …" stay true while the page is open.
    let moment = RwSignal::new(moment);
    #[cfg(feature = "hydrate")]
    if let Ok(handle) = set_interval_with_handle(
        move || moment.set(crate::offers::calendar::now_local()),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || handle.clear());
    }
    let today = Memo::new(move |_| calendar.day(moment.read().date));
    let url = UrlQuery::of_current_page();
    let query = url.pairs();
    let parsed = {
        let region = region.clone();
        Memo::new(move |_| {
            let query = query.read();
            ParsedQuery::parse(query.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
                region.knows_municipality(ags)
            })
        })
    };
    let filter = Memo::new(move |_| parsed.read().filter.clone());
    // What the search text found among all offers, once they are here (see
    // `search_in_browser`); until the browser has matches for a new text, the last ones.
    let text_matches: RwSignal<Option<TextMatches>> = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let text = filter.read().text.clone();
        let Some(all) = all_offers.get() else { return };
        let known = text_matches.with_untracked(|m| m.as_ref().is_some_and(|m| m.text == text));
        if text.is_empty() || known {
            return;
        }
        leptos::task::spawn_local(async move {
            let found = crate::offers::search_in_browser::text_matches(&all, &text).await;
            // Only if still wanted: a slower earlier search must not overwrite a later one.
            if filter.with_untracked(|filter| filter.text == found.text) {
                text_matches.set(Some(found));
            }
        });
    });
    // Whether the explorer works on all offers: once they have loaded and, for a search
    // text, the browser has looked it up. Before, it shows the server's list page — or, for
    // another filter or page, that the offers are still loading.
    let complete = Memo::new(move |_| {
        all_offers.read().is_some()
            && (filter.read().text.is_empty() || text_matches.read().is_some())
    });
    let first_query = parsed.with_untracked(|parsed| (parsed.filter.clone(), parsed.page));
    let waiting = Memo::new(move |_| {
        !complete.get()
            && parsed
                .with(|parsed| (&parsed.filter, parsed.page) != (&first_query.0, first_query.1))
    });
    let offers: Signal<Arc<SearchableOffers>> = Signal::derive(move || {
        all_offers
            .get()
            .filter(|_| complete.get())
            .unwrap_or_else(|| page_offers.clone())
    });
    let result: Memo<FilterResult> = Memo::new(move |_| {
        if complete.get() {
            offers
                .read()
                .apply_at(&filter.read(), &moment.read(), text_matches.read().as_ref())
        } else if waiting.get() {
            FilterResult::default()
        } else {
            first_result.clone()
        }
    });
    // The map marks every matching offer: none until all have loaded.
    let matching = Signal::derive(move || {
        if complete.get() {
            result.read().matching.clone()
        } else {
            Vec::new()
        }
    });
    let topic_counts = Signal::derive(move || result.read().topic_counts.clone());
    let selected = Signal::derive(move || parsed.read().selected_offer);
    let page = Signal::derive(move || parsed.read().page);
    // The chosen place or own position, for the "you are here" marker.
    let here = {
        let places = region.places.clone();
        Signal::derive(move || {
            let origin = crate::region::places::locate(&places, &filter.read().near)?;
            let label = if origin.label == crate::region::places::OWN_POSITION {
                texts.get("karte-mein-standort")
            } else {
                texts.with("karte-ausgangspunkt", &[("place", &origin.label)])
            };
            Some((origin.lat, origin.lon, label))
        })
    };

    // Editors pick a point on the map: to move the offer in the panel, or for a new offer.
    let viewer_is_editor = viewer_role.is_some_and(|role| role.includes(Role::Editor));
    let picker = PointPicker {
        picking: RwSignal::new(None),
        picked: RwSignal::new(None),
    };
    // Where the focus was when the details opened (a marker, usually) and for which offer:
    // closing them returns it there, so keyboard users go on from where they were.
    #[cfg(feature = "hydrate")]
    let opener: StoredValue<Option<(web_sys::Element, i64)>, LocalStorage> =
        StoredValue::new_local(None);
    // The part of the map in view, [west, south, east, north], once the map exists.
    let visible_area: RwSignal<Option<[f64; 4]>> = RwSignal::new(None);
    // The offers of a group on the map that cannot split further (one address).
    let group_list: RwSignal<Option<Vec<i64>>> = RwSignal::new(None);
    let show_on_map: RwSignal<Option<i64>> = RwSignal::new(None);
    // The offers marked on this device (the Merkliste). The server cannot know them: the page
    // renders every "Merken" unpressed, and the browser marks them once it runs.
    let saved: RwSignal<Vec<i64>> = RwSignal::new(Vec::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| saved.set(crate::map::selection::stored_ids()));
    let select_offer = Callback::new(move |id: Option<i64>| {
        #[cfg(feature = "hydrate")]
        {
            let active = document().active_element();
            let in_panel = active
                .as_ref()
                .and_then(|element| element.closest("#detail-panel").ok().flatten())
                .is_some();
            match id {
                Some(id) if !in_panel => opener.set_value(active.map(|element| (element, id))),
                Some(_) => {}
                None => {
                    // The map redraws its markers when it moves (the sheet rising on a phone
                    // can move it): then the same offer's new marker takes the focus.
                    let back = opener.try_update_value(Option::take).flatten().and_then(
                        |(element, id)| {
                            if element.is_connected() {
                                return Some(element);
                            }
                            let same = format!("#karte .offer-pin.o-{id}");
                            document().query_selector(&same).ok().flatten()
                        },
                    );
                    let back = back.or_else(|| document().get_element_by_id("karte"));
                    request_animation_frame(move || {
                        use wasm_bindgen::JsCast;
                        if let Some(element) =
                            back.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                        {
                            _ = element.focus();
                        }
                    });
                }
            }
        }
        // The details are a layer over the map: Back closes them.
        let target = map_url(&filter.get_untracked(), id);
        match id {
            Some(_) => url.open_layer(Layer::Offer, &target),
            None => url.close_layer(Layer::Offer, &target),
        }
    });

    let notices = {
        move || {
            let mut notices: Vec<String> = parsed
                .read()
                .notices
                .iter()
                .map(|notice| {
                    let id = format!("karte-hinweis-{}", notice.param);
                    if texts.has(&id) {
                        texts.with(&id, &[("value", &notice.value)])
                    } else {
                        texts.with("karte-hinweis-unbekannt", &[("key", &notice.param)])
                    }
                })
                .collect();
            if result.read().unknown_place {
                notices.push(texts.with("karte-ort-unbekannt", &[("place", &filter.read().near)]));
            }
            notices
        }
    };
    let total = move || result.read().total();
    // A search made here that finds nothing is reported (its filters only) so planners see
    // what families look for and miss. The search the page opened with was counted by the
    // server; a search still being typed is not reported until it rests.
    #[cfg(feature = "hydrate")]
    {
        let generation = StoredValue::new(0_u32);
        let reported: StoredValue<Option<String>> = StoredValue::new(None);
        Effect::new(move |first_run: Option<()>| {
            let key = (result.read().total() == 0 && !waiting.get())
                .then(|| crate::planning::model::zero_result_key(&filter.read()))
                .flatten();
            generation.update_value(|g| *g += 1);
            if first_run.is_none() {
                reported.set_value(key);
                return;
            }
            let Some(key) = key else { return };
            if reported.with_value(|last| last.as_deref() == Some(key.as_str())) {
                return;
            }
            let this_search = generation.get_value();
            set_timeout(
                move || {
                    if generation.get_value() == this_search {
                        crate::shared::fetch::send_report("/suche/ohne-ergebnis", &key);
                        reported.set_value(Some(key));
                    }
                },
                std::time::Duration::from_millis(1500),
            );
        });
    }
    let municipalities = region.municipalities.clone();
    #[cfg(feature = "ssr")]
    let static_parts = StaticFormParts::render(
        &filter.read_untracked(),
        &result.read_untracked().topic_counts,
        &municipalities,
        place_suggestions(&region),
        topic_suggestions(texts),
        texts,
    );
    #[cfg(not(feature = "ssr"))]
    let static_parts = StaticFormParts::default();
    let initial_detail = match (selected.get_untracked(), selected_html) {
        (Some(id), Some(html)) => Some(PanelContent::Offer { id, html }),
        (Some(_), None) => Some(PanelContent::Failed(texts.get("karte-angebot-fehlt"))),
        (None, _) => None,
    };

    // The phone's results sheet exists once the Wasm runs (without it, the list follows the
    // map). It starts low so the map has the screen (at half height if the URL opens an offer);
    // an offer or a group opened on the map pulls it up to half height, and closing it lowers
    // the sheet again unless the visitor had pulled it up; an editor picking a point on the
    // map lowers it.
    let sheet: RwSignal<Option<SheetHeight>> = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let opened = selected.get().is_some() || group_list.with(Option::is_some);
        let picking = picker.picking.get().is_some();
        let pulled_up = url.is_open(Layer::List);
        let now = sheet.get_untracked();
        let wanted = match now {
            _ if picking => SheetHeight::Peek,
            None if opened => SheetHeight::Half,
            None => SheetHeight::Peek,
            Some(SheetHeight::Peek) if opened => SheetHeight::Half,
            Some(_) if !opened && !pulled_up => SheetHeight::Peek,
            Some(height) => height,
        };
        if now != Some(wanted) {
            sheet.set(Some(wanted));
        }
    });
    // The visitor moves the sheet: pulled up, it is a layer that Back lowers again.
    let on_sheet_moved = Callback::new(move |height: SheetHeight| {
        let pulled_up = url.is_open(Layer::List);
        if height != SheetHeight::Peek && !pulled_up {
            url.open_layer(Layer::List, &url.current_url());
        } else if height == SheetHeight::Peek && pulled_up {
            url.close_layer(Layer::List, &url.current_url());
        }
    });
    // After "Ergebnisse anzeigen" or a search: the list in sight, the focus on its heading.
    let on_results = Callback::new(move |()| {
        group_list.set(None);
        if sheet.get_untracked() == Some(SheetHeight::Peek) {
            sheet.set(Some(SheetHeight::Half));
        }
        #[cfg(feature = "hydrate")]
        request_animation_frame(|| {
            use wasm_bindgen::JsCast;
            if let Some(heading) = document()
                .get_element_by_id("results-heading")
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                _ = heading.focus();
            }
        });
    });
    // A new search closes the list of a group.
    Effect::new(move |previous: Option<()>| {
        filter.track();
        if previous.is_some() {
            group_list.set(None);
        }
    });
    let count = view! {
        <p class="result-count" id="result-count" aria-live="polite">
            {
                move || {
                    let result = result.read();
                    let origin = result.origin.as_deref().map(|origin| {
                        if origin == crate::region::places::OWN_POSITION {
                            texts.get("karte-eigener-standort")
                        } else {
                            origin.to_string()
                        }
                    });
                    match (origin, result.by_distance, total()) {
                        _ if waiting.get() && load_failed.get() => texts.get("karte-angebote-fehlen"),
                        _ if waiting.get() => texts.get("karte-angebote-laden"),
                        (_, _, 0) => texts.get("karte-keine"),
                        (Some(origin), true, n) => {
                            texts.count("karte-gefunden-naechste", n, &[("origin", &origin)])
                        }
                        (Some(origin), false, n) => {
                            texts.count("karte-gefunden-name", n, &[("origin", &origin)])
                        }
                        (None, _, n) => texts.count("karte-gefunden", n, &[]),
                    }
                }
            }
        </p>
    }
    .into_any();
    let map_signals = MapSignals {
        matching,
        selected,
        select_offer,
        picker: viewer_is_editor.then_some(picker),
        visible_area,
        group_list,
        here,
        show_on_map,
        sheet: sheet.into(),
    };
    let route_link = Arc::new(route_link);

    view! {
        <div class="explorer" data-sheet=move || sheet.get().map(SheetHeight::name)>
            <div class="explorer-filters">
                <SearchForm
                    filter
                    topic_counts
                    municipalities
                    static_parts
                    result_count=Signal::derive(move || (!waiting.get()).then(total))
                    url
                    on_results
                />
                <div
                    class="notices-slot"
                    role="status"
                    inner_html=move || {
                        let notices = notices();
                        if notices.is_empty() {
                            return String::new();
                        }
                        let items: String = notices
                            .iter()
                            .map(|notice| format!("<li>{}</li>", escape_html(notice)))
                            .collect();
                        format!(r#"<ul class="notices">{items}</ul>"#)
                    }
                ></div>
            </div>
            <div class="explorer-map">
                {viewer_is_editor.then(|| view! { <EditorMapTools picker /> })}
                <MapView region=region.clone() offers signals=map_signals>
                    <OwnPosition filter url />
                </MapView>
            </div>
            <ResultsSheet height=sheet count on_moved=on_sheet_moved>
                <SharePrint filter />
                <DetailPanel offers selected initial_detail select_offer viewer_role picker saved />
                <GroupList offers group_list select_offer />
                <OfferList
                    offers
                    complete=complete.into()
                    waiting=waiting.into()
                    region=region.clone()
                    page
                    result
                    filter
                    url
                    visible_area
                    selected
                    select_offer
                    show_on_map
                    route_link
                    today
                    saved
                />
            </ResultsSheet>
        </div>
    }
    .into_any()
}

/// Loads every offer once the page runs (after its first paint). The browser keeps the
/// payload and asks with its entity tag, so a visit after an unchanged day costs a 304. A
/// failed attempt is tried again after 2 and 6 seconds before the page says so.
#[cfg(feature = "hydrate")]
fn load_all_offers(
    region: Arc<RegionInfo>,
    into: RwSignal<Option<Arc<SearchableOffers>>>,
    failed: RwSignal<bool>,
    attempt: u32,
) {
    if attempt == 0 {
        // Its reader comes while the offers do, not after them.
        _ = leptos::lazy_preload!(crate::offers::payload_in_browser::read_offers);
    }
    leptos::task::spawn_local(async move {
        let path = crate::offers::endpoints::OFFERS_PAYLOAD_PATH;
        let loaded = match crate::shared::fetch::fetch_text(path, None).await {
            Ok(text) => crate::offers::payload_in_browser::read_offers(&text).await,
            Err(error) => Err(error),
        };
        match loaded {
            Ok(offers) => {
                failed.set(false);
                into.set(Some(Arc::new(SearchableOffers::in_region(offers, &region))));
            }
            Err(error) => {
                leptos::logging::error!("Angebote nicht geladen: {error}");
                if attempt >= 2 {
                    failed.set(true);
                }
                let wait = std::time::Duration::from_secs(2 * 3_u64.pow(attempt.min(2)));
                // Keeps trying, less often: the page works again once the network does.
                set_timeout(
                    move || load_all_offers(region, into, failed, attempt + 1),
                    wait,
                );
            }
        }
    });
}

/// What the "Wo?" field suggests: every town and village, and each with its postcode.
#[cfg(feature = "ssr")]
fn place_suggestions(region: &RegionInfo) -> Vec<String> {
    let mut names: Vec<String> = region.places.iter().map(|p| p.name.clone()).collect();
    names.extend(
        region
            .places
            .iter()
            .filter(|p| !p.postcode.is_empty())
            .map(|p| format!("{} {}", p.postcode, p.name)),
    );
    names.sort();
    names.dedup();
    names
}

/// What the "Was?" field suggests: the topics and life phases in the visitor's language.
#[cfg(feature = "ssr")]
fn topic_suggestions(texts: Translate) -> Vec<String> {
    let topics = Topic::ALL
        .iter()
        .map(|topic| texts.get(&format!("thema-{}", topic.code())));
    let phases = LifePhase::ALL
        .iter()
        .map(|phase| texts.get(&format!("phase-{}", phase.code())));
    topics.chain(phases).collect()
}

/// "Mein Standort" over the map: asked only on this tap, never on load; the position goes into
/// the URL rounded to about 100 m, and the map and list follow.
#[component]
fn OwnPosition(filter: Memo<OfferFilter>, url: UrlQuery) -> impl IntoView {
    let texts = use_texts();
    let locating: RwSignal<Option<String>> = RwSignal::new(None);
    let use_position = move |_: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::prelude::*;
            let get = |object: &JsValue, key: &str| {
                js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
            };
            let geolocation = get(&get(&window(), "navigator"), "geolocation");
            let Ok(locate) = get(&geolocation, "getCurrentPosition").dyn_into::<js_sys::Function>()
            else {
                locating.set(Some(texts.get("karte-standort-unmoeglich")));
                return;
            };
            locating.set(Some(texts.get("karte-standort-suche")));
            let found = Closure::once_into_js(move |position: JsValue| {
                let coords = get(&position, "coords");
                let (lat, lon) = (
                    get(&coords, "latitude").as_f64(),
                    get(&coords, "longitude").as_f64(),
                );
                if let (Some(lat), Some(lon)) = (lat, lon) {
                    locating.set(None);
                    let mut filter = filter.get_untracked();
                    filter.near = crate::region::places::format_position(lat, lon);
                    filter.sort_by_name = false;
                    url.replace(&map_path(&filter.to_pairs()));
                }
            });
            let refused_message = texts.get("karte-standort-fehlt");
            let refused = Closure::once_into_js(move |_: JsValue| {
                locating.set(Some(refused_message));
            });
            _ = locate.call2(&geolocation, &found, &refused);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (filter, url);
    };
    view! {
        <div class="map-overlay">
            <button type="button" class="own-position" on:click=use_position>
                <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
                    <circle cx="12" cy="12" r="4" fill="currentColor"></circle>
                    <circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="2"></circle>
                    <path d="M12 1v4M12 19v4M1 12h4M19 12h4" stroke="currentColor" stroke-width="2"></path>
                </svg>
                <span>{texts.get("karte-standort")}</span>
            </button>
            <p class="locating" role="status">{move || locating.get()}</p>
        </div>
    }
}

/// The "×" that closes a panel in the sheet.
#[component]
fn CloseButton(label: String, on_close: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="close" aria-label=label on:click=move |_| on_close.run(())>
            "×"
        </button>
    }
}

/// The offers of one address (a group on the map that cannot split further), as a list.
#[component]
fn GroupList(
    offers: Signal<Arc<SearchableOffers>>,
    group_list: RwSignal<Option<Vec<i64>>>,
    select_offer: Callback<Option<i64>>,
) -> impl IntoView {
    let texts = use_texts();
    // As text, with one listener, like the result cards: no view code per offer.
    let html = Memo::new(move |_| {
        let Some(ids) = group_list.get() else {
            return String::new();
        };
        let offers = offers.read();
        let items: Vec<&OfferSummary> = ids
            .iter()
            .filter_map(|id| offers.offers().iter().find(|offer| offer.id == *id))
            .collect();
        let mut html = format!(
            r#"<section class="group-list" aria-labelledby="group-heading"><h2 id="group-heading">{}</h2><button type="button" class="close" data-close="" aria-label="{}">×</button><ul>"#,
            escape_html(&texts.count("karte-gruppe-liste", items.len(), &[])),
            escape_html(&texts.get("karte-gruppe-schliessen"))
        );
        for offer in items {
            html.push_str(&format!(
                r#"<li><button type="button" class="group-offer" data-offer-id="{}"><span class="name" lang="de" dir="ltr">{}</span><span class="org" lang="de" dir="ltr">{}</span></button></li>"#,
                offer.id,
                escape_html(&offer.name),
                escape_html(&offer.organization)
            ));
        }
        html.push_str("</ul></section>");
        html
    });
    let slot = NodeRef::<leptos::html::Div>::new();
    // The focus goes to the first offer once the list opens: keyboard users go on there.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if !html.read().is_empty()
            && let Some(slot) = slot.get()
        {
            // Once the list is on the page (and after the tap that opened it has settled).
            request_animation_frame(move || {
                use wasm_bindgen::JsCast;
                if let Ok(Some(first)) = slot.query_selector("button.group-offer")
                    && let Ok(first) = first.dyn_into::<web_sys::HtmlElement>()
                {
                    _ = first.focus();
                }
            });
        }
    });
    let on_click = move |event: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        {
            let Some(button) = crate::shared::dom::closest(&event, "button") else {
                return;
            };
            if button.has_attribute("data-close") {
                group_list.set(None);
            } else if let Some(id) = button
                .get_attribute("data-offer-id")
                .and_then(|id| id.parse().ok())
            {
                select_offer.run(Some(id));
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, select_offer);
    };
    view! { <div class="group-slot" node_ref=slot on:click=on_click inner_html=html></div> }
}

/// What the detail panel shows: the server's HTML of an offer (see
/// `server::detail_fragment`), or why it cannot show one; `None` when closed.
#[derive(Clone, Debug, PartialEq)]
enum PanelContent {
    Offer { id: i64, html: String },
    Failed(String),
}

/// Where the server's panel content of offer `id` is fetched.
#[cfg(feature = "hydrate")]
fn detail_path(id: i64) -> String {
    format!("/kartenfenster/angebot/{id}")
}

#[component]
fn DetailPanel(
    offers: Signal<Arc<SearchableOffers>>,
    selected: Signal<Option<i64>>,
    initial_detail: Option<PanelContent>,
    select_offer: Callback<Option<i64>>,
    viewer_role: Option<Role>,
    picker: PointPicker,
    saved: RwSignal<Vec<i64>>,
) -> impl IntoView {
    let texts = use_texts();
    let viewer_is_member = viewer_role.is_some_and(|role| role.includes(Role::Member));
    let viewer_is_editor = viewer_role.is_some_and(|role| role.includes(Role::Editor));
    let detail: RwSignal<Option<PanelContent>> = RwSignal::new(initial_detail);
    // Loads the panel content of offer `id` (again), unless the selection moved on meanwhile.
    let load = move |id: i64| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let loaded = match crate::shared::fetch::fetch_text(&detail_path(id), None).await {
                Ok(html) => PanelContent::Offer { id, html },
                Err(message) => PanelContent::Failed(message),
            };
            if selected.get_untracked() == Some(id) {
                detail.set(Some(loaded));
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = id;
    };
    // Loads the details when the selection changes (a marker click, Back/Forward). The first
    // selection arrived with the page, without the member-only part: members load it once.
    #[cfg(feature = "hydrate")]
    Effect::new(move |first_run: Option<()>| {
        let wanted = selected.get();
        let shown = detail.with_untracked(|content| match content {
            Some(PanelContent::Offer { id, .. }) => Some(*id),
            _ => None,
        });
        match wanted {
            None => detail.set(None),
            Some(id) if shown == Some(id) && !(first_run.is_none() && viewer_is_member) => {}
            Some(id) => load(id),
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (selected, viewer_is_member);
    // After an editor's save: the public view of the offer as it is saved now.
    let reload_detail = Callback::new(move |()| {
        if let Some(id) = selected.get_untracked() {
            load(id);
        }
    });
    let open = Memo::new(move |_| detail.with(Option::is_some));
    let shown_id = Memo::new(move |_| {
        detail.with(|content| match content {
            Some(PanelContent::Offer { id, .. }) => Some(*id),
            _ => None,
        })
    });
    // Moves focus (and so the view on a phone) to the details when another offer opens: the
    // panel sits below the map there, and screen reader users must learn that something
    // opened. An editor's save keeps the offer, and the focus where the editor is.
    let panel = NodeRef::<leptos::html::Aside>::new();
    // The offer's "Merken" (a link to the selection page, from the server) shows whether it is
    // on this device's list.
    let panel_body = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        detail.track();
        if let Some(body) = panel_body.get() {
            mark_saved(&body, &saved.read());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = saved;
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        shown_id.track();
        if let Some(panel) = panel.get() {
            _ = panel.focus();
            // The offer's start in sight (name, call, route): the list may have been scrolled
            // far down in the sheet, and focusing alone shows only some part of the panel.
            if let Some(body) = document().get_element_by_id("ergebnisse-inhalt") {
                let offset =
                    panel.get_bounding_client_rect().top() - body.get_bounding_client_rect().top();
                body.set_scroll_top(body.scroll_top() + offset as i32);
            }
        }
    });
    let body = move || {
        detail.with(|content| match content {
            Some(PanelContent::Offer { html, .. }) => html.clone(),
            Some(PanelContent::Failed(message)) => format!(
                r#"<p class="error" role="alert">{}</p>"#,
                crate::shared::text::escape_html(message)
            ),
            None => String::new(),
        })
    };
    // "Move on the map" starts at the offer's place.
    let offer_position = move |id: i64| {
        offers.with_untracked(|offers| {
            offers
                .offers()
                .iter()
                .find(|offer| offer.id == id)
                .map(|offer| (offer.lat, offer.lon))
        })
    };
    let tools = move || {
        shown_id.get().map(|id| {
            let position = offer_position(id);
            view! {
                <p>
                    <a href=format!("/angebot/{id}") class="permalink">
                        {texts.get("karte-eigene-seite")}
                    </a>
                </p>
                {viewer_is_editor
                    .then(|| {
                        view! {
                            <p class="editor-actions">
                                <button
                                    type="button"
                                    class="secondary"
                                    on:click=move |_| {
                                        picker.picking.set(Some(MapPick::Move(id)));
                                        // Starts at the offer's place: its marker to drag.
                                        picker.picked.set(position);
                                    }
                                >
                                    "Auf der Karte verschieben"
                                </button>
                            </p>
                            <PanelEditor id on_saved=reload_detail />
                        }
                    })}
            }
        })
    };
    move || {
        open.get().then(|| {
            view! {
                <aside
                    class="detail-panel"
                    aria-label=texts.get("karte-details")
                    id="detail-panel"
                    tabindex="-1"
                    node_ref=panel
                    on:keydown=move |event| {
                        // An editor's open field takes Escape first (cancel the edit).
                        if event.key() == "Escape" && !event.default_prevented() {
                            event.prevent_default();
                            select_offer.run(None);
                        }
                    }
                >
                    <CloseButton label=texts.get("karte-details-schliessen") on_close=Callback::new(move |()| select_offer.run(None)) />
                    <div
                        class="panel-body"
                        node_ref=panel_body
                        inner_html=body
                        // Space on the "Merken" link (a toggle button) arrives as a click
                        // from `merkliste.js`.
                        on:click=move |event| on_save_control(&event, saved)
                    ></div>
                    {tools}
                </aside>
            }
        })
    }
}

#[component]
fn OfferList(
    /// The offers `result` indexes.
    offers: Signal<Arc<SearchableOffers>>,
    /// Whether `offers` are all offers (else the server's list page).
    complete: Signal<bool>,
    /// Whether the list waits for all offers (for another filter or page than the server's).
    waiting: Signal<bool>,
    region: Arc<RegionInfo>,
    page: Signal<usize>,
    result: Memo<FilterResult>,
    filter: Memo<OfferFilter>,
    url: UrlQuery,
    visible_area: RwSignal<Option<[f64; 4]>>,
    selected: Signal<Option<i64>>,
    select_offer: Callback<Option<i64>>,
    show_on_map: RwSignal<Option<i64>>,
    /// The route link's template, with `{lat}` and `{lon}`.
    route_link: Arc<String>,
    /// Today in the calendar: "heute 09:00–12:00" on each card.
    today: Memo<CalendarDay>,
    /// The offers on this device's Merkliste.
    saved: RwSignal<Vec<i64>>,
) -> impl IntoView {
    let texts = use_texts();
    let matching = Signal::derive(move || result.read().matching.clone());
    let distances = Signal::derive(move || result.read().distances.clone());
    // On request, only the offers in the part of the map in view (once all are here).
    let only_visible = RwSignal::new(false);
    let area = move || {
        if only_visible.get() && complete.get() {
            visible_area.get()
        } else {
            None
        }
    };
    let shown: Memo<Vec<(usize, Option<u32>)>> = Memo::new(move |_| {
        let area = area();
        let distances = distances.read();
        let offers = offers.read();
        matching
            .read()
            .iter()
            .enumerate()
            .filter(|(_, index)| {
                area.is_none_or(|[west, south, east, north]| {
                    let offer = &offers.offers()[**index];
                    (west..=east).contains(&offer.lon) && (south..=north).contains(&offer.lat)
                })
            })
            .map(|(position, index)| (*index, distances.get(position).copied()))
            .collect()
    });
    // Where `shown` starts in the whole list, and how long that is: the server's list page
    // is a part of it until all offers are here.
    let shown_from = move || match area() {
        Some(_) => 0,
        None => result.read().before,
    };
    let shown_total = move || match area() {
        Some(_) => shown.read().len(),
        None => result.read().total(),
    };
    let page_count = move || shown_total().div_ceil(PAGE_SIZE).max(1);
    let current_page = move || list_page(page.get(), shown_total());
    let page_link = move |page_index: usize| {
        let mut pairs = filter.read().to_pairs();
        if page_index > 0 {
            pairs.push((param::PAGE, (page_index + 1).to_string()));
        }
        map_path(&pairs)
    };

    let said: RwSignal<Option<String>> = RwSignal::new(None);
    // The cards, the help for an empty result and the page links are HTML text made by one
    // function on the server and in the browser: far less Wasm than a view per card, and
    // what the browser renders is exactly what the server sent. Their buttons and links act
    // through one listener on the section (see `on_click`).
    let cards = {
        let region = region.clone();
        Memo::new(move |_| {
            let start = (current_page() * PAGE_SIZE).saturating_sub(shown_from());
            let today = today.read();
            let offers = offers.read();
            let mut html = String::new();
            for (index, distance) in shown.read().iter().skip(start).take(PAGE_SIZE) {
                let offer = &offers.offers()[*index];
                let card = ResultCard::of(offer, *distance, &region, texts, &route_link);
                let hours = today_text(&today.offer_hours(offer), |id, args| texts.with(id, args));
                card.write_html(&mut html, offer, &hours, texts);
            }
            html
        })
    };
    let help = {
        let region = region.clone();
        Memo::new(move |_| {
            let result = result.read();
            if result.total() > 0 || waiting.get() {
                return String::new();
            }
            no_results_html(&result, &filter.read(), texts, &|ags| {
                region.municipality_name(ags).to_string()
            })
        })
    };
    let pagination = Memo::new(move |_| {
        let (page, pages) = (current_page(), page_count());
        if pages < 2 {
            return String::new();
        }
        let mut html = String::new();
        let link = |html: &mut String, target: usize, rel: &str, label: &str| {
            html.push_str(&format!(
                r#"<a href="{}" rel="{rel}" data-follow="">{}</a>"#,
                escape_html(&page_link(target)),
                escape_html(label)
            ));
        };
        if page > 0 {
            link(&mut html, page - 1, "prev", &texts.get("karte-vorherige"));
        }
        let of = texts.with(
            "karte-seite-von",
            &[
                ("page", &(page + 1).to_string()),
                ("pages", &pages.to_string()),
            ],
        );
        html.push_str(&format!("<span>{}</span>", escape_html(&of)));
        if page + 1 < pages {
            link(&mut html, page + 1, "next", &texts.get("karte-naechste"));
        }
        html
    });
    let list = NodeRef::<leptos::html::Ol>::new();
    // The open offer's card is marked; the list's text stays the same, so a card's focus too.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        cards.track();
        let selected = selected.get();
        let Some(list) = list.get() else { return };
        if let Ok(Some(old)) = list.query_selector("li.selected") {
            _ = old.class_list().remove_1("selected");
        }
        if let Some(id) = selected
            && let Ok(Some(card)) = list.query_selector(&format!("li[data-offer-id=\"{id}\"]"))
        {
            _ = card.class_list().add_1("selected");
        }
    });
    // The cards' "Merken" buttons show the device's list (the card text stays the same).
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        cards.track();
        if let Some(list) = list.get() {
            mark_saved(&list, &saved.read());
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (selected, saved);
    let on_click = {
        move |event: leptos::ev::MouseEvent| {
            #[cfg(feature = "hydrate")]
            {
                // Links that change the list in place: page links, suggestions, "Ohne …".
                if url.follow_in_place(&event) {
                    return;
                }
                let Some(button) = crate::shared::dom::closest(&event, "button[data-action]")
                else {
                    return;
                };
                let id = button
                    .closest("[data-offer-id]")
                    .ok()
                    .flatten()
                    .and_then(|card| card.get_attribute("data-offer-id"))
                    .and_then(|id| id.parse::<i64>().ok());
                let Some(id) = id else { return };
                match button.get_attribute("data-action").as_deref() {
                    Some("share") => {
                        let name = offers.with_untracked(|offers| {
                            offers
                                .offers()
                                .iter()
                                .find(|offer| offer.id == id)
                                .map(|offer| offer.name.clone())
                                .unwrap_or_default()
                        });
                        share_offer(id, name, texts, said);
                    }
                    Some("show") => {
                        show_on_map.set(Some(id));
                        select_offer.run(Some(id));
                    }
                    Some("save") => toggle_saved(saved, id),
                    _ => {}
                }
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (event, offers, url, show_on_map, select_offer);
        }
    };
    view! {
        <section class="results-section" aria-labelledby="results-heading" on:click=on_click>
            <h2 id="results-heading" tabindex="-1">{texts.get("karte-liste")}</h2>
            <p class="share-status" role="status">{move || said.get()}</p>
            <div class="no-results-slot" inner_html=help></div>
            <ol class="results" node_ref=list inner_html=cards></ol>
            <div class="check list-area">
                <input
                    type="checkbox"
                    id="nur-ausschnitt"
                    prop:checked=move || only_visible.get()
                    disabled=move || visible_area.with(Option::is_none) || !complete.get()
                    on:change=move |event| only_visible.set(event_target_checked(&event))
                />
                <label for="nur-ausschnitt">{texts.get("karte-nur-ausschnitt")}</label>
                <span class="list-count" aria-live="polite">
                    {
                        move || {
                            only_visible
                                .get()
                                .then(|| format!(" {}", texts.count("karte-in-der-liste", shown.read().len(), &[])))
                        }
                    }
                </span>
            </div>
            <nav class="pagination" aria-label=texts.get("karte-seiten") inner_html=pagination></nav>
        </section>
    }
}

/// What a result card shows beside the offer's name: prepared text and links.
struct ResultCard {
    town: String,
    topics: String,
    distance: Option<String>,
    languages: String,
    /// The `tel:` link and its accessible name, with a phone number.
    phone: Option<(String, String)>,
    route: String,
}

impl ResultCard {
    fn of(
        offer: &OfferSummary,
        distance: Option<u32>,
        region: &RegionInfo,
        texts: Translate,
        route_link: &str,
    ) -> Self {
        let languages: Vec<String> = offer
            .languages
            .iter()
            .map(|language| texts.get(&format!("sprache-{}", language.code())))
            .collect();
        let phone = crate::offers::model::phone_uri(&offer.phone);
        let topics: Vec<String> = offer
            .topics
            .iter()
            .map(|topic| texts.get(&format!("thema-{}", topic.code())))
            .collect();
        ResultCard {
            town: region.municipality_name(&offer.municipality).to_string(),
            topics: topics.join(", "),
            // "1,8 km" stays one left-to-right unit inside an Arabic sentence.
            distance: distance.map(|metres| {
                let isolated = format!("\u{2066}{}\u{2069}", format_distance(metres));
                texts.with("karte-entfernt", &[("distance", &isolated)])
            }),
            languages: texts.with("karte-sprachen", &[("languages", &languages.join(", "))]),
            phone: phone.map(|href| {
                (
                    href,
                    texts.with(
                        "karte-anrufen-name",
                        &[("name", &offer.name), ("phone", &offer.phone)],
                    ),
                )
            }),
            route: crate::offers::model::route_link(route_link, offer.lat, offer.lon),
        }
    }

    /// Appends the card of `offer` as a list item; `today` is its hours today in words.
    fn write_html(&self, html: &mut String, offer: &OfferSummary, today: &str, texts: Translate) {
        let id = offer.id;
        let name = &offer.name;
        let action = |class: &str, action: &str, label: &str, text: &str| {
            format!(
                r#"<button type="button" class="action {class}" data-action="{action}" aria-label="{}">{}</button>"#,
                escape_html(label),
                escape_html(text)
            )
        };
        html.push_str(&format!(
            r#"<li class="result" data-offer-id="{id}"><h3 lang="de" dir="ltr"><a href="/angebot/{id}">{}</a></h3>"#,
            escape_html(name)
        ));
        html.push_str(&format!(
            r#"<p class="meta"><span lang="de" dir="ltr">{}</span> · <span lang="de">{}</span>"#,
            escape_html(&offer.organization),
            escape_html(&self.town)
        ));
        if let Some(distance) = &self.distance {
            html.push_str(&format!(
                r#" · <bdi class="distance">{}</bdi>"#,
                escape_html(distance)
            ));
        }
        html.push_str(&format!(
            r#"</p><p class="today">{}</p><p class="languages">{}</p><div class="card-actions">"#,
            escape_html(today),
            escape_html(&self.languages)
        ));
        if let Some((href, label)) = &self.phone {
            html.push_str(&format!(
                r#"<a class="action call" href="{}" aria-label="{}">{}</a>"#,
                escape_html(href),
                escape_html(label),
                escape_html(&texts.get("karte-anrufen"))
            ));
        }
        html.push_str(&format!(
            r#"<a class="action route" href="{}" rel="noopener noreferrer" aria-label="{}">{}</a>"#,
            escape_html(&self.route),
            escape_html(&texts.with("karte-route-name", &[("name", name)])),
            escape_html(&texts.get("karte-route"))
        ));
        html.push_str(&action(
            "share",
            "share",
            &texts.with("karte-teilen-name", &[("name", name)]),
            &texts.get("karte-teilen"),
        ));
        html.push_str(&format!(
            r#"<button type="button" class="action save" data-action="save" data-merken="{id}" aria-pressed="false">{}<span class="visually-hidden"> ({})</span></button>"#,
            save_labels(texts.get("karte-merken"), texts.get("karte-gemerkt")),
            escape_html(name)
        ));
        html.push_str(&action(
            "show-on-map",
            "show",
            &texts.with("karte-auf-karte-name", &[("name", name)]),
            &texts.get("karte-auf-karte"),
        ));
        html.push_str(&format!(
            r#"</div><p class="teaser" lang="de" dir="ltr">{}</p><p class="topics">{}</p></li>"#,
            escape_html(&offer.teaser),
            escape_html(&self.topics)
        ));
    }
}

/// The two faces of a "Merken" toggle; the style shows the one its `aria-pressed` asks for.
pub fn save_labels(off: String, on: String) -> String {
    format!(
        r#"<span class="save-off">{}</span><span class="save-on">{}</span>"#,
        escape_html(&off),
        escape_html(&on)
    )
}

/// Marks or unmarks offer `id` on this device's list (read again first: another tab may have
/// changed it).
#[cfg(feature = "hydrate")]
fn toggle_saved(saved: RwSignal<Vec<i64>>, id: i64) {
    let ids = crate::map::selection::toggled(&crate::map::selection::stored_ids(), id);
    crate::map::selection::store_ids(&ids);
    saved.set(ids);
}

/// A click on a "Merken" link in the detail panel toggles it in place instead of
/// following the link (which, without the map's script, adds it on the selection page).
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn on_save_control(event: &leptos::web_sys::Event, saved: RwSignal<Vec<i64>>) {
    #[cfg(feature = "hydrate")]
    if let Some(id) = crate::shared::dom::closest(event, "[data-merken]")
        .and_then(|control| control.get_attribute("data-merken"))
        .and_then(|id| id.parse().ok())
    {
        event.prevent_default();
        toggle_saved(saved, id);
    }
}

/// Sets `aria-pressed` of every "Merken" control in `root` from the device's list; links
/// become toggle buttons for assistive technology.
#[cfg(feature = "hydrate")]
fn mark_saved(root: &web_sys::Element, saved: &[i64]) {
    use wasm_bindgen::JsCast;
    let Ok(controls) = root.query_selector_all("[data-merken]") else {
        return;
    };
    for index in 0..controls.length() {
        let Some(control) = controls
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let id = control
            .get_attribute("data-merken")
            .and_then(|id| id.parse::<i64>().ok());
        let pressed = id.is_some_and(|id| saved.contains(&id));
        _ = control.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
        if control.tag_name() == "A" {
            _ = control.set_attribute("role", "button");
        }
    }
}

/// What to try when nothing matched, as HTML: the closest words, and which filter to drop.
fn no_results_html(
    result: &FilterResult,
    filter: &OfferFilter,
    texts: Translate,
    municipality_name: &dyn Fn(&str) -> String,
) -> String {
    let mut html = format!(
        r#"<div class="no-results" role="status"><p>{}</p>"#,
        escape_html(&texts.get("karte-keine-tipp"))
    );
    if !result.suggested_words.is_empty() {
        html.push_str(&format!(
            r#"<p class="suggested">{} "#,
            escape_html(&texts.get("karte-meinten-sie"))
        ));
        for word in &result.suggested_words {
            let mut with_word = filter.clone();
            with_word.text = word.clone();
            html.push_str(&format!(
                r#"<a href="{}" data-follow="" lang="de">{}</a> "#,
                escape_html(&map_path(&with_word.to_pairs())),
                escape_html(word)
            ));
        }
        html.push_str("</p>");
    }
    if !result.relaxations.is_empty() {
        html.push_str(r#"<ul class="relaxations">"#);
        for relaxation in &result.relaxations {
            let label = criterion_label(filter, relaxation.param, texts, municipality_name);
            let text = texts.count("karte-ohne", relaxation.count, &[("filter", &label)]);
            html.push_str(&format!(
                r#"<li><a href="{}" data-follow="">{}</a></li>"#,
                escape_html(&map_path(&filter.without(relaxation.param).to_pairs())),
                escape_html(&text)
            ));
        }
        html.push_str("</ul>");
    }
    html.push_str("</div>");
    html
}

/// Shares a link: the phone's share sheet where there is one, else copied to the clipboard;
/// what happened is said in `said`.
#[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
fn share_link(path: String, title: String, texts: Translate, said: RwSignal<Option<String>>) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let get = |object: &JsValue, key: &str| {
            js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        };
        let origin = window().location().origin().unwrap_or_default();
        let url = format!("{origin}{path}");
        let navigator = get(&window(), "navigator");
        if let Ok(share) = get(&navigator, "share").dyn_into::<js_sys::Function>() {
            let data = js_sys::Object::new();
            _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
            _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
            // The sheet may be dismissed; nothing to say then.
            _ = share.call1(&navigator, &data);
            return;
        }
        let clipboard = get(&navigator, "clipboard");
        let copied = get(&clipboard, "writeText")
            .dyn_into::<js_sys::Function>()
            .ok()
            .and_then(|write| write.call1(&clipboard, &url.into()).ok())
            .and_then(|promise| promise.dyn_into::<js_sys::Promise>().ok());
        leptos::task::spawn_local(async move {
            let done = match copied {
                Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
                None => false,
            };
            said.set(Some(texts.get(if done {
                "karte-kopiert"
            } else {
                "karte-kopieren-unmoeglich"
            })));
        });
    }
}

/// Shares one offer's own page, titled with its name (what the receiving chat shows).
#[cfg(feature = "hydrate")]
fn share_offer(id: i64, name: String, texts: Translate, said: RwSignal<Option<String>>) {
    share_link(format!("/angebot/{id}"), name, texts, said);
}

/// "Drucken" (the print view of the current selection) and "Teilen" (the current map).
#[component]
fn SharePrint(filter: Memo<OfferFilter>) -> impl IntoView {
    let texts = use_texts();
    let said: RwSignal<Option<String>> = RwSignal::new(None);
    let share = move |_| {
        let path = map_url(&filter.get_untracked(), None);
        share_link(path, "Chancenkarte".to_string(), texts, said);
    };
    let print_href = move || {
        let path = map_url(&filter.read(), None);
        format!("/drucken{}", path.trim_start_matches('/'))
    };
    view! {
        <p class="share-print">
            <a href=print_href>{texts.get("karte-drucken")}</a>
            <button type="button" on:click=share>{texts.get("karte-teilen")}</button>
            <span role="status">{move || said.get()}</span>
        </p>
    }
}

/// What an editor is picking a point on the map for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapPick {
    Move(i64),
    New,
}

/// An editor's point on the map: what it is for, and the point (clicked, or the marker
/// dragged there).
#[derive(Clone, Copy)]
pub struct PointPicker {
    pub picking: RwSignal<Option<MapPick>>,
    pub picked: RwSignal<Option<(f64, f64)>>,
}

/// Editors' map tools: pick a point on the map for a new offer, or for moving the offer in the
/// detail panel. Both continue on a server-rendered form (confirm and save there), so the
/// browser bundle carries no editing code; the forms also work without the map.
#[component]
fn EditorMapTools(picker: PointPicker) -> impl IntoView {
    let PointPicker { picking, picked } = picker;
    let cancel = move |_| {
        picking.set(None);
        picked.set(None);
    };
    view! {
        <div class="editor-map-tools" role="region" aria-label="Redaktion: Punkt auf der Karte">
            <button
                type="button"
                class="secondary"
                on:click=move |_| {
                    picking.set(Some(MapPick::New));
                    picked.set(None);
                }
            >
                "Neues Angebot: Punkt auf der Karte wählen"
            </button>
            <div aria-live="polite" class="pick-status">
                {move || match (picking.get(), picked.get()) {
                    (None, _) => None,
                    (Some(_), None) => Some(
                        view! {
                            <p>
                                "Klicken Sie auf die Karte, um den Punkt zu wählen. "
                                <button type="button" class="link-button" on:click=cancel>"Abbrechen"</button>
                            </p>
                        }
                            .into_any(),
                    ),
                    (Some(MapPick::New), Some((lat, lon))) => Some(
                        view! {
                            <p>
                                {format!("Gewählter Punkt: {}, {}. ", fixed(lat, 5), fixed(lon, 5))}
                                <a href=format!("/redaktion?lat={}&lon={}#neu", fixed(lat, 6), fixed(lon, 6))>
                                    "Neues Angebot an diesem Punkt anlegen"
                                </a>
                                " "
                                <button type="button" class="link-button" on:click=cancel>"Abbrechen"</button>
                            </p>
                        }
                            .into_any(),
                    ),
                    // Confirmed on the offer page, where the address can be adjusted too.
                    (Some(MapPick::Move(id)), Some((lat, lon))) => Some(
                        view! {
                            <p>
                                {format!(
                                    "Neuer Standort: {}, {}. Ziehen Sie die Markierung oder klicken Sie auf die Karte, um ihn zu ändern. ",
                                    fixed(lat, 5),
                                    fixed(lon, 5),
                                )}
                                <a href=format!(
                                    "/angebot/{id}?bearbeiten=standort&lat={}&lon={}",
                                    fixed(lat, 6),
                                    fixed(lon, 6),
                                )>
                                    "Standort hierher verschieben (prüfen und speichern)"
                                </a>
                                " "
                                <button type="button" class="link-button" on:click=cancel>"Abbrechen"</button>
                            </p>
                        }
                            .into_any(),
                    ),
                }}
            </div>
        </div>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::offers::hours::OpeningSlot;
    use crate::offers::taxonomy::{LanguageSet, PhaseSet, TopicSet};
    use crate::region::model::TileSource;
    use crate::shared::i18n::Locale;

    fn offer(id: i64, hours: Vec<OpeningSlot>, phone: &str) -> OfferSummary {
        OfferSummary {
            id,
            name: "Babytreff <Mitte>".into(),
            organization: "Familienzentrum „Regenbogen“".into(),
            municipality: "05558012".into(),
            lat: 51.833_25,
            lon: 7.281_1,
            topics: TopicSet(3),
            phases: PhaseSet(2),
            languages: LanguageSet(5),
            free: true,
            wheelchair: false,
            free_places: false,
            teaser: "Treff für Eltern – mit Kaffee.".into(),
            hours,
            closed_in_school_holidays: !phone.is_empty(),
            phone: phone.into(),
            address_on_request: false,
            off_map: false,
        }
    }

    /// The browser reads the page data with the hand-written readers: what serde writes on the
    /// server must come back whole, in every optional shape.
    #[test]
    fn the_browser_reads_back_every_field_the_server_writes() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../regions/kreis-coesfeld/region.json");
        let region = crate::region::loader::LoadedRegion::load(&path).unwrap();
        let offers = vec![
            offer(1, Vec::new(), ""),
            offer(
                2,
                vec![OpeningSlot::parse(3, "09:00", "12:30").unwrap()],
                "02594 9974-69",
            ),
        ];
        let found = FilterResult {
            matching: vec![1, 0],
            distances: vec![300, 1200],
            origin: Some("Buldern".into()),
            by_distance: true,
            ..FilterResult::default()
        };
        let none = FilterResult {
            suggested_words: vec!["Hebamme".into()],
            relaxations: vec![crate::offers::filter::Relaxation {
                param: param::FREE,
                count: 2,
            }],
            unknown_place: true,
            ..FilterResult::default()
        };
        for (tiles, role, result, selected) in [
            (None, None, found, None),
            (
                Some("/kacheln/{z}/{x}/{y}.png".to_string()),
                Some(Role::Editor),
                none,
                Some("<p>Detail</p>".to_string()),
            ),
        ] {
            let data = MapPageData {
                region: region.public_info(
                    TileSource {
                        url: tiles,
                        attribution: "© Mitwirkende".into(),
                    },
                    true,
                ),
                first_view: FirstView::cut(&offers, &result, 0, PAGE_SIZE, Some(1)),
                selected_html: selected,
                viewer_role: role,
                texts: crate::platform::catalogues::island_texts(Locale::Arabic),
                route_link: "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}".into(),
                moment: crate::offers::calendar::now_local(),
            };
            let written = serde_json::to_value(&data).unwrap();
            let read: MapPageData = crate::shared::json_read::round_trip(&data).unwrap();
            assert_eq!(serde_json::to_value(&read).unwrap(), written);
            assert!(!read.region.places.is_empty() && !read.region.school_holidays.is_empty());
        }
    }

    #[test]
    fn page_data_that_does_not_fit_is_an_error_naming_the_field() {
        let error =
            crate::shared::json_read::read_json_text::<MapPageData>(r#"{"region": {"name": 3}}"#)
                .err()
                .unwrap();
        assert_eq!(error, "region: name: kein Text");
    }
}
