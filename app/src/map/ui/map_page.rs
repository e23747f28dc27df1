//! The public map page `/`. The server renders it whole (title, filter form, list); the
//! interactive part, the [`MapExplorer`] island (filters, map, list, detail panel), is hydrated
//! in the browser from the page data the server embeds as JSON, so the Wasm bundle carries
//! neither the router nor the other pages. The list is the map's accessible equivalent.

use std::sync::Arc;

#[cfg(feature = "ssr")]
use leptos::context::Provider;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use crate::accounts::model::Role;
use crate::editing::ui::map_panel_editor::PanelEditor;
use crate::map::ui::filter_form::FilterForm;
use crate::map::ui::map_view::MapView;
use crate::map::ui::sheet::{ResultsSheet, SheetHeight};
use crate::map::ui::url_query::UrlQuery;
use crate::offers::filter::{
    FilterResult, OfferFilter, ParsedQuery, SearchableOffers, map_path, param,
};
use crate::offers::model::OfferSummary;
use crate::region::model::RegionInfo;
use crate::region::places::{fixed, format_distance};
use crate::shared::i18n::{Texts, use_texts};

/// How many offers one page of the list shows.
pub const PAGE_SIZE: usize = 20;

/// The id of the `<script type="application/json">` holding the [`MapPageData`].
#[cfg(any(feature = "ssr", feature = "hydrate"))]
const MAP_DATA_ELEMENT_ID: &str = "kartendaten";

/// Everything the map explorer starts from, rendered on the server and embedded in the page for
/// the browser: the region, every active offer in compact form, and the offer whose details
/// the URL asks for.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MapPageData {
    pub region: RegionInfo,
    pub offers: Vec<OfferSummary>,
    /// The public panel content (HTML) of the offer the URL opens, if it is public.
    pub selected_html: Option<String>,
    /// The signed-in viewer's role: members get the member-only information in the detail
    /// panel (through a server function that checks the role again), editors a link to edit.
    pub viewer_role: Option<Role>,
    /// The island's texts in the visitor's language.
    pub texts: Texts,
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
async fn load_map_page_data(
    selected: Option<i64>,
) -> Result<MapPageData, crate::shared::error::AppError> {
    let region = crate::offers::service::region_info()?;
    let offers = crate::offers::service::public_offers().await?;
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
    Ok(MapPageData {
        region,
        offers,
        selected_html,
        viewer_role,
        texts: crate::platform::catalogues::island_texts(
            crate::platform::catalogues::current_locale(),
        ),
    })
}

/// The page data: from the server's context while rendering, from the embedded JSON in the
/// browser.
fn map_page_data() -> Option<MapPageData> {
    #[cfg(feature = "hydrate")]
    {
        let text = document()
            .get_element_by_id(MAP_DATA_ELEMENT_ID)?
            .text_content()?;
        match crate::shared::codec::from_json(&text) {
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
    let selected = selected_offer_id(&pairs);
    // A page opened with filters is a search too: the planners see it if it found nothing.
    if let Ok(state) = crate::platform::state::app_state() {
        crate::planning::service::count_page_search(
            state,
            &pairs,
            crate::accounts::auth::client_address(),
        );
    }
    view! {
        <Title text=crate::platform::catalogues::t("karte-titel") />
        <Suspense fallback=|| view! { <p class="loading">{crate::platform::catalogues::t("karte-laedt")}</p> }>
            {move || Suspend::new(async move {
                let note = crate::accounts::auth::take_note().await;
                match load_map_page_data(selected).await {
                    Ok(data) => {
                        view! {
                            <crate::accounts::ui::account_pages::NoteView note />
                            <MapPageBody data />
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
            })}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
#[component]
fn MapPageBody(data: MapPageData) -> impl IntoView {
    let demo = data.region.demo_data;
    let script = crate::shared::codec::to_script_json(&data).unwrap_or_else(|error| {
        tracing::error!(%error, "writing the map page data failed");
        String::new()
    });
    view! {
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
        offers,
        selected_html,
        viewer_role,
        texts,
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
    let searchable = {
        let region = region.clone();
        let places = region.places.clone();
        Arc::new(
            SearchableOffers::new(offers, move |ags| region.municipality_name(ags).to_string())
                .with_places(places),
        )
    };
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
    let result: Memo<FilterResult> = {
        let searchable = searchable.clone();
        Memo::new(move |_| searchable.apply(&filter.read()))
    };
    let matching = Signal::derive(move || result.read().matching.clone());
    let distances = Signal::derive(move || result.read().distances.clone());
    let topic_counts = Signal::derive(move || result.read().topic_counts.clone());
    let selected = Signal::derive(move || parsed.read().selected_offer);
    let page = Signal::derive(move || parsed.read().page);

    // Editors pick a point on the map: to move the offer in the panel, or for a new offer.
    let viewer_is_editor = viewer_role.is_some_and(|role| role.includes(Role::Editor));
    let picker = PointPicker {
        picking: RwSignal::new(None),
        picked: RwSignal::new(None),
    };
    // Where the focus was when the details opened (a marker, usually): closing them returns it
    // there, so keyboard users go on from where they were.
    #[cfg(feature = "hydrate")]
    let opener: StoredValue<Option<web_sys::Element>, LocalStorage> = StoredValue::new_local(None);
    // The part of the map in view, [west, south, east, north], once the map exists.
    let visible_area: RwSignal<Option<[f64; 4]>> = RwSignal::new(None);
    let select_offer = Callback::new(move |id: Option<i64>| {
        #[cfg(feature = "hydrate")]
        {
            let active = document().active_element();
            let in_panel = active
                .as_ref()
                .and_then(|element| element.closest("#detail-panel").ok().flatten())
                .is_some();
            match id {
                Some(_) if !in_panel => opener.set_value(active),
                Some(_) => {}
                None => {
                    let back = opener
                        .try_update_value(Option::take)
                        .flatten()
                        .filter(|element| element.is_connected())
                        .or_else(|| document().get_element_by_id("karte"));
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
        url.navigate(&map_url(&filter.get_untracked(), id));
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
    let total = move || result.read().matching.len();
    // A search made here that finds nothing is reported (its filters only) so planners see
    // what families look for and miss. The search the page opened with was counted by the
    // server; a search still being typed is not reported until it rests.
    #[cfg(feature = "hydrate")]
    {
        let generation = StoredValue::new(0_u32);
        let reported: StoredValue<Option<String>> = StoredValue::new(None);
        Effect::new(move |first_run: Option<()>| {
            let key = result
                .read()
                .matching
                .is_empty()
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
    let place_names: Vec<String> = region
        .places
        .iter()
        .map(|place| place.name.clone())
        .collect();
    let initial_detail = match (selected.get_untracked(), selected_html) {
        (Some(id), Some(html)) => Some(PanelContent::Offer { id, html }),
        (Some(_), None) => Some(PanelContent::Failed(texts.get("karte-angebot-fehlt"))),
        (None, _) => None,
    };

    // The phone's results sheet exists once the Wasm runs (without it, the list follows the
    // map). It starts low so the map has the screen (at half height if the URL opens an offer);
    // an offer opened on the map pulls it up to half height, an editor picking a point on the
    // map lowers it.
    let sheet: RwSignal<Option<SheetHeight>> = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let opened = selected.get().is_some();
        let picking = picker.picking.get().is_some();
        let now = sheet.get_untracked();
        let wanted = match now {
            _ if picking => SheetHeight::Peek,
            None if opened => SheetHeight::Half,
            None => SheetHeight::Peek,
            Some(SheetHeight::Peek) if opened => SheetHeight::Half,
            Some(height) => height,
        };
        if now != Some(wanted) {
            sheet.set(Some(wanted));
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

    view! {
        <div class="explorer" data-sheet=move || sheet.get().map(SheetHeight::name)>
            <div class="explorer-filters">
                <FilterForm filter topic_counts municipalities place_names result_count=Signal::derive(total) url />
                <Show when=move || !notices().is_empty()>
                    <ul class="notices" role="status">
                        {move || notices().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <div class="explorer-map">
                {viewer_is_editor.then(|| view! { <EditorMapTools picker /> })}
                <MapView
                    region=region.clone()
                    offers=searchable.clone()
                    matching
                    selected
                    select_offer
                    picker=viewer_is_editor.then_some(picker)
                    visible_area
                />
            </div>
            <ResultsSheet height=sheet count>
                <SharePrint filter />
                <DetailPanel offers=searchable.clone() selected initial_detail select_offer viewer_role picker />
                <OfferList
                    offers=searchable.clone()
                    region=region.clone()
                    page
                    matching
                    distances
                    filter
                    url
                    visible_area
                    selected
                    select_offer
                />
            </ResultsSheet>
        </div>
    }
    .into_any()
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
    offers: Arc<SearchableOffers>,
    selected: Signal<Option<i64>>,
    initial_detail: Option<PanelContent>,
    select_offer: Callback<Option<i64>>,
    viewer_role: Option<Role>,
    picker: PointPicker,
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
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        shown_id.track();
        if let Some(panel) = panel.get() {
            _ = panel.focus();
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
    let offers = StoredValue::new(offers);
    let offer_position = move |id: i64| {
        offers.with_value(|offers| {
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
                    <button
                        type="button"
                        class="close"
                        aria-label=texts.get("karte-details-schliessen")
                        on:click=move |_| select_offer.run(None)
                    >
                        "×"
                    </button>
                    <div class="panel-body" inner_html=body></div>
                    {tools}
                </aside>
            }
        })
    }
}

#[component]
fn OfferList(
    offers: Arc<SearchableOffers>,
    region: Arc<RegionInfo>,
    page: Signal<usize>,
    matching: Signal<Vec<usize>>,
    distances: Signal<Vec<u32>>,
    filter: Memo<OfferFilter>,
    url: UrlQuery,
    visible_area: RwSignal<Option<[f64; 4]>>,
    selected: Signal<Option<i64>>,
    select_offer: Callback<Option<i64>>,
) -> impl IntoView {
    let texts = use_texts();
    // On request, only the offers in the part of the map in view.
    let only_visible = RwSignal::new(false);
    let shown: Memo<Vec<(usize, Option<u32>)>> = {
        let offers = offers.clone();
        Memo::new(move |_| {
            let area = if only_visible.get() {
                visible_area.get()
            } else {
                None
            };
            let distances = distances.read();
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
        })
    };
    let page_count = move || shown.read().len().div_ceil(PAGE_SIZE).max(1);
    let current_page = move || page.get().min(page_count() - 1);
    let page_link = move |page_index: usize| {
        let mut pairs = filter.read().to_pairs();
        if page_index > 0 {
            pairs.push((param::PAGE, (page_index + 1).to_string()));
        }
        map_path(&pairs)
    };
    // Page links work as plain links; hydrated, they only change the URL and the list.
    let follow = move |event: leptos::ev::MouseEvent, page_index: usize| {
        event.prevent_default();
        url.navigate(&page_link(page_index));
    };
    let items = move || {
        let start = current_page() * PAGE_SIZE;
        shown
            .read()
            .iter()
            .skip(start)
            .take(PAGE_SIZE)
            .map(|(index, distance)| {
                let offer = &offers.offers()[*index];
                let id = offer.id;
                let distance = distance.map(|metres| {
                    format!(
                        " · {}",
                        texts.with("karte-entfernt", &[("distance", &format_distance(metres))])
                    )
                });
                let topics: Vec<_> = offer
                    .topics
                    .iter()
                    .map(|t| texts.get(&format!("thema-{}", t.code())))
                    .collect();
                view! {
                    <li
                        class="result"
                        class:selected=move || selected.get() == Some(id)
                        data-offer-id=id
                    >
                        <h3 lang="de">
                            <a href=format!("/angebot/{id}")>{offer.name.clone()}</a>
                        </h3>
                        <p class="meta">
                            {format!(
                                "{} · {}{}",
                                offer.organization,
                                region.municipality_name(&offer.municipality),
                                distance.unwrap_or_default(),
                            )}
                        </p>
                        <p class="topics">{topics.join(", ")}</p>
                        <p class="teaser" lang="de">{offer.teaser.clone()}</p>
                        <button
                            type="button"
                            class="link-button show-on-map"
                            aria-label=texts.with("karte-auf-karte-name", &[("name", &offer.name)])
                            on:click=move |_| select_offer.run(Some(id))
                        >
                            {texts.get("karte-auf-karte")}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="results-section" aria-labelledby="results-heading">
            <h2 id="results-heading">{texts.get("karte-liste")}</h2>
            <div class="check list-area">
                <input
                    type="checkbox"
                    id="nur-ausschnitt"
                    prop:checked=move || only_visible.get()
                    disabled=move || visible_area.with(Option::is_none)
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
            <ol class="results">{items}</ol>
            <Show when=move || { page_count() > 1 }>
                <nav class="pagination" aria-label=texts.get("karte-seiten")>
                    <Show when=move || { current_page() > 0 }>
                        <a
                            href=move || page_link(current_page() - 1)
                            rel="prev"
                            on:click=move |event| follow(event, current_page() - 1)
                        >
                            {texts.get("karte-vorherige")}
                        </a>
                    </Show>
                    <span>
                        {
                            move || {
                                texts.with(
                                    "karte-seite-von",
                                    &[
                                        ("page", &(current_page() + 1).to_string()),
                                        ("pages", &page_count().to_string()),
                                    ],
                                )
                            }
                        }
                    </span>
                    <Show when=move || { current_page() + 1 < page_count() }>
                        <a
                            href=move || page_link(current_page() + 1)
                            rel="next"
                            on:click=move |event| follow(event, current_page() + 1)
                        >
                            {texts.get("karte-naechste")}
                        </a>
                    </Show>
                </nav>
            </Show>
        </section>
    }
}

/// "Drucken" (the print view of the current selection) and "Teilen" (the phone's share sheet
/// where there is one, else the link copied).
#[component]
fn SharePrint(filter: Memo<OfferFilter>) -> impl IntoView {
    let texts = use_texts();
    let said: RwSignal<Option<String>> = RwSignal::new(None);
    let share = {
        move |_| {
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::{JsCast, JsValue};
                let get = |object: &JsValue, key: &str| {
                    js_sys::Reflect::get(object, &JsValue::from_str(key))
                        .unwrap_or(JsValue::UNDEFINED)
                };
                let url = window().location().href().unwrap_or_default();
                let navigator = get(&window(), "navigator");
                if let Ok(share) = get(&navigator, "share").dyn_into::<js_sys::Function>() {
                    let data = js_sys::Object::new();
                    _ = js_sys::Reflect::set(&data, &"title".into(), &"Chancenkarte".into());
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
                        Some(promise) => {
                            wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
                        }
                        None => false,
                    };
                    said.set(Some(texts.get(if done {
                        "karte-kopiert"
                    } else {
                        "karte-kopieren-unmoeglich"
                    })));
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = texts;
        }
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
