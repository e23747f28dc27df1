//! The public map page `/`: filter form, map and list of the matching offers, and the detail
//! panel of the offer chosen on the map. The list is the map's accessible equivalent.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::app::RegionResource;
use super::filter_form::FilterForm;
use super::map_view::MapView;
use super::offer_view::OfferView;
use crate::api::{offer_detail, public_offers};
use crate::domain::filter::{
    FilterResult, OfferFilter, ParsedQuery, SearchableOffers, map_path, param,
};
use crate::domain::offer::OfferSummary;
use crate::domain::region::RegionInfo;

/// How many offers one page of the list shows.
pub const PAGE_SIZE: usize = 20;

#[component]
pub fn MapPage() -> impl IntoView {
    let region = expect_context::<RegionResource>();
    let offers = Resource::new_blocking(|| (), |_| public_offers());
    view! {
        <Title text="Chancenkarte – Angebote für Familien, Kinder und Jugendliche" />
        <Suspense fallback=|| view! { <p class="loading">"Angebote werden geladen …"</p> }>
            {move || Suspend::new(async move {
                match (region.await, offers.await) {
                    (Ok(region), Ok(offers)) => view! { <MapPageContent region offers /> }.into_any(),
                    (Err(error), _) | (_, Err(error)) => {
                        view! {
                            <p class="error" role="alert">
                                "Die Angebote konnten nicht geladen werden. Bitte versuchen Sie es später erneut. ("
                                {error.to_string()} ")"
                            </p>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
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

#[component]
fn MapPageContent(region: RegionInfo, offers: Vec<OfferSummary>) -> impl IntoView {
    let region = Arc::new(region);
    let searchable = {
        let region = region.clone();
        Arc::new(SearchableOffers::new(offers, move |ags| {
            region.municipality_name(ags).to_string()
        }))
    };
    let query = use_query_map();
    let parsed = {
        let region = region.clone();
        Memo::new(move |_| {
            let query = query.read();
            ParsedQuery::parse((&*query).into_iter().map(|(k, v)| (k.as_ref(), v)), |ags| {
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
    let topic_counts = Signal::derive(move || result.read().topic_counts.clone());
    let selected = Signal::derive(move || parsed.read().selected_offer);
    let page = Signal::derive(move || parsed.read().page);

    let navigate = use_navigate();
    let select_offer = Callback::new(move |id: Option<i64>| {
        navigate(
            &map_url(&filter.get_untracked(), id),
            NavigateOptions {
                scroll: false,
                ..Default::default()
            },
        );
    });

    let notices = move || parsed.read().notices.clone();
    let total = move || result.read().matching.len();
    let demo = region.demo_data;
    let municipalities = region.municipalities.clone();

    view! {
        {demo
            .then(|| {
                view! {
                    <p class="demo-banner" role="note">
                        "Demodaten: Alle Angebote auf dieser Seite sind erfunden und dienen nur der Vorführung."
                    </p>
                }
            })}
        <h1 class="page-title">"Angebote für Familien, Kinder und Jugendliche"</h1>
        <FilterForm filter topic_counts municipalities />
        <Show when=move || !notices().is_empty()>
            <ul class="notices" role="status">
                {move || notices().into_iter().map(|n| view! { <li>{n.message}</li> }).collect_view()}
            </ul>
        </Show>
        <p class="result-count" id="result-count" aria-live="polite">
            {move || match total() {
                0 => "Keine Angebote gefunden.".to_string(),
                1 => "1 Angebot gefunden".to_string(),
                n => format!("{n} Angebote gefunden"),
            }}
        </p>
        <div class="map-and-panel">
            <MapView region=region.clone() offers=searchable.clone() matching select_offer />
            <DetailPanel selected select_offer />
        </div>
        <OfferList offers=searchable region page matching filter />
    }
}

#[component]
fn DetailPanel(
    selected: Signal<Option<i64>>,
    select_offer: Callback<Option<i64>>,
) -> impl IntoView {
    let detail = Resource::new(
        move || selected.get(),
        |id| async move {
            match id {
                Some(id) => offer_detail(id).await,
                None => Ok(None),
            }
        },
    );
    // Moves focus (and so the view on a phone) to the details when they open: the panel sits
    // below the map there, and screen reader users must learn that something opened.
    let panel = NodeRef::<leptos::html::Aside>::new();
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            _ = panel.focus();
        }
    });
    view! {
        <Transition>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(Some(offer)) => {
                        let id = offer.id;
                        Some(
                            view! {
                                <aside
                                    class="detail-panel"
                                    aria-label="Angebotsdetails"
                                    id="detail-panel"
                                    tabindex="-1"
                                    node_ref=panel
                                >
                                    <button
                                        type="button"
                                        class="close"
                                        aria-label="Details schließen"
                                        on:click=move |_| select_offer.run(None)
                                    >
                                        "×"
                                    </button>
                                    <OfferView offer heading_level_2=true />
                                    <p>
                                        <a href=format!("/angebot/{id}") class="permalink">
                                            "Eigene Seite dieses Angebots"
                                        </a>
                                    </p>
                                </aside>
                            }
                                .into_any(),
                        )
                    }
                    Ok(None) => None,
                    Err(error) => Some(view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any()),
                }
            })}
        </Transition>
    }
}

#[component]
fn OfferList(
    offers: Arc<SearchableOffers>,
    region: Arc<RegionInfo>,
    page: Signal<usize>,
    matching: Signal<Vec<usize>>,
    filter: Memo<OfferFilter>,
) -> impl IntoView {
    let page_count = move || matching.read().len().div_ceil(PAGE_SIZE).max(1);
    let current_page = move || page.get().min(page_count() - 1);
    let page_link = move |page_index: usize| {
        let mut pairs = filter.read().to_pairs();
        if page_index > 0 {
            pairs.push((param::PAGE, (page_index + 1).to_string()));
        }
        map_path(&pairs)
    };
    let items = move || {
        let start = current_page() * PAGE_SIZE;
        matching
            .read()
            .iter()
            .skip(start)
            .take(PAGE_SIZE)
            .map(|index| {
                let offer = &offers.offers()[*index];
                let topics: Vec<_> = offer.topics.iter().map(|t| t.label()).collect();
                view! {
                    <li class="result" data-offer-id=offer.id>
                        <h3>
                            <a href=format!("/angebot/{}", offer.id)>{offer.name.clone()}</a>
                        </h3>
                        <p class="meta">
                            {offer.organization.clone()} " · " {region.municipality_name(&offer.municipality).to_string()}
                        </p>
                        <p class="topics">{topics.join(", ")}</p>
                        <p class="teaser">{offer.teaser.clone()}</p>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="results-section" aria-labelledby="results-heading">
            <h2 id="results-heading">"Angebote als Liste"</h2>
            <ol class="results">{items}</ol>
            <Show when=move || { page_count() > 1 }>
                <nav class="pagination" aria-label="Seiten der Liste">
                    <Show when=move || { current_page() > 0 }>
                        <a href=move || page_link(current_page() - 1) rel="prev">
                            "← vorherige Seite"
                        </a>
                    </Show>
                    <span>{move || format!("Seite {} von {}", current_page() + 1, page_count())}</span>
                    <Show when=move || { current_page() + 1 < page_count() }>
                        <a href=move || page_link(current_page() + 1) rel="next">
                            "nächste Seite →"
                        </a>
                    </Show>
                </nav>
            </Show>
        </section>
    }
}
