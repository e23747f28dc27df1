//! The print view `/drucken?…` of the current selection: an A4 hand-out for family centres with
//! a numbered list (address, phone, opening hours), the towns, and a QR code that leads back
//! to the same filtered map. Rendered on the server only; the browser prints it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::editing::model::format_opening_hours;
use crate::map::ui::print_button::PrintButton;
use crate::map::ui::url_query::UrlQuery;
use crate::offers::filter::{ParsedQuery, SearchableOffers, map_path};
use crate::offers::model::OfferDetail;

/// At most this many offers go on a hand-out; a larger selection is cut with a note.
pub const PRINT_LIMIT: usize = 40;

/// Everything the hand-out shows.
struct Handout {
    region_name: String,
    filter_words: Vec<String>,
    total: usize,
    offers: Vec<OfferDetail>,
    towns: Vec<String>,
    link: String,
    qr_svg: String,
}

/// The site's address for links printed on paper: `PUBLIC_URL` (a local trial: the loopback
/// host it was asked under).
async fn site_address() -> String {
    let headers = leptos_axum::extract::<axum::http::HeaderMap>()
        .await
        .unwrap_or_default();
    crate::platform::state::app_state().map_or_else(
        |_| "http://localhost".to_string(),
        |state| state.site.link_base_for(&headers),
    )
}

/// A QR code of `text` as an SVG element.
fn qr_svg(text: &str) -> String {
    use qrcode::render::svg;
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<svg::Color>()
            .min_dimensions(150, 150)
            .quiet_zone(true)
            .build(),
        Err(error) => {
            tracing::error!(%error, "QR code failed");
            String::new()
        }
    }
}

async fn load_handout(pairs: Vec<(String, String)>) -> Result<Handout, String> {
    let failed = |error: String| {
        tracing::error!(%error, "print view failed");
        "Die Druckansicht konnte nicht erstellt werden. Bitte versuchen Sie es später erneut."
            .to_string()
    };
    let state = crate::platform::state::app_state().map_err(|e| failed(e.to_string()))?;
    let region = state.region.clone();
    let parsed = ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        region.knows_municipality(ags)
    });
    let filter = parsed.filter;
    let summaries = crate::offers::service::public_offers()
        .await
        .map_err(|e| failed(e.to_string()))?;
    let name_of = |ags: &str| region.municipality_name(ags).to_string();
    let searchable = SearchableOffers::new(summaries, name_of).with_places(region.places.clone());
    let matching = searchable.apply(&filter).matching;
    let mut towns: Vec<String> = matching
        .iter()
        .map(|index| name_of(&searchable.offers()[*index].municipality))
        .collect();
    towns.sort();
    towns.dedup();
    let mut offers = Vec::new();
    for index in matching.iter().take(PRINT_LIMIT) {
        let id = searchable.offers()[*index].id;
        if let Some(offer) = crate::offers::service::offer_detail(id)
            .await
            .map_err(|e| failed(e.to_string()))?
        {
            offers.push(offer);
        }
    }
    let link = format!("{}{}", site_address().await, map_path(&filter.to_pairs()));
    Ok(Handout {
        region_name: region.name.clone(),
        filter_words: filter.describe(name_of),
        total: matching.len(),
        offers,
        towns,
        qr_svg: qr_svg(&link),
        link,
    })
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let pairs = UrlQuery::of_current_page().pairs().get_untracked();
    let back = {
        let pairs: Vec<(&str, String)> = pairs
            .iter()
            .map(|(key, value)| (key.as_str(), value.clone()))
            .collect();
        map_path(&pairs)
    };
    view! {
        <Title text="Druckansicht – Chancenkarte" />
        <Suspense fallback=|| view! { <p class="loading">"Druckansicht wird erstellt …"</p> }>
            {move || {
                let (pairs, back) = (pairs.clone(), back.clone());
                Suspend::new(async move {
                    match load_handout(pairs).await {
                        Ok(handout) => view! { <HandoutView handout back /> }.into_any(),
                        Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn HandoutView(handout: Handout, back: String) -> impl IntoView {
    let today = chrono::Local::now().format("%d.%m.%Y").to_string();
    let selection = if handout.filter_words.is_empty() {
        "alle Angebote".to_string()
    } else {
        handout.filter_words.join(" · ")
    };
    let shown = handout.offers.len();
    let cut = (handout.total > shown).then(|| {
        format!(
            "Gedruckt sind die ersten {shown} von {} Angeboten. Alle finden Sie über den QR-Code.",
            handout.total
        )
    });
    view! {
        <article class="print-view">
            <p class="no-print print-actions">
                <PrintButton />
                <a href=back>"Zurück zur Karte"</a>
            </p>
            <header class="print-head">
                <div>
                    <h1>"Angebote für Familien, Kinder und Jugendliche"</h1>
                    <p>{handout.region_name} " · Stand " {today}</p>
                    <p class="print-selection">{format!("Auswahl: {selection}")}</p>
                    <p>
                        {match handout.total {
                            0 => "Keine Angebote gefunden.".to_string(),
                            1 => "1 Angebot".to_string(),
                            n => format!("{n} Angebote"),
                        }}
                        {(!handout.towns.is_empty()).then(|| format!(" in: {}", handout.towns.join(", ")))}
                    </p>
                </div>
                <figure class="print-qr">
                    <div class="qr" role="img" aria-label="QR-Code mit dem Link zu dieser Auswahl" inner_html=handout.qr_svg></div>
                    <figcaption>"Diese Auswahl online:" <br /> <span class="print-link">{handout.link}</span></figcaption>
                </figure>
            </header>
            <ol class="print-list">
                {handout
                    .offers
                    .into_iter()
                    .map(|offer| {
                        let hours = format_opening_hours(&offer.opening_hours);
                        let a = offer.address;
                        view! {
                            <li>
                                <strong>{offer.name}</strong>
                                " – "
                                {offer.organization}
                                <br />
                                {a.street} ", " {a.postcode} " " {a.town}
                                {(!offer.phone.is_empty()).then(|| format!(" · Tel. {}", offer.phone))}
                                <br />
                                "Öffnungszeiten: "
                                {if hours.is_empty() { "nach Vereinbarung".to_string() } else { hours }}
                                {(!offer.hours_note.is_empty()).then(|| format!(" ({})", offer.hours_note))}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {cut.map(|note| view! { <p class="print-cut">{note}</p> })}
        </article>
    }
}
