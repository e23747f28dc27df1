//! The print view `/drucken?…` of the current selection: an A4 hand-out for family centres with
//! a numbered list (address, phone, opening hours), the towns, and a QR code that leads back
//! to the same filtered map. Rendered on the server only; the browser prints it.
//!
//! The hand-out speaks the visitor's language; the offers' own texts stay German and are
//! marked so (`lang="de" dir="ltr"`), and phone numbers, times, dates and the link are isolated
//! left to right, so an Arabic hand-out neither mirrors German text nor reorders numbers.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::map::ui::offer_view::{
    VALUE_MARK, list_separator, message_with_ltr_value, split_at_value, unless_empty,
};
use crate::map::ui::print_button::PrintButton;
use crate::map::ui::url_query::UrlQuery;
use crate::offers::filter::{OfferFilter, ParsedQuery, SearchableOffers, map_path};
use crate::offers::hours::{OpeningSlot, by_weekday};
use crate::offers::model::OfferDetail;
use crate::platform::catalogues::{current_locale, t, t_with};
use crate::shared::i18n::Locale;

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
pub(crate) async fn site_address() -> String {
    let headers = leptos_axum::extract::<axum::http::HeaderMap>()
        .await
        .unwrap_or_default();
    crate::platform::state::app_state().map_or_else(
        |_| "http://localhost".to_string(),
        |state| state.site.link_base_for(&headers),
    )
}

/// A QR code of `text` as an SVG element.
pub(crate) fn qr_svg(text: &str) -> String {
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

/// The parts of `filter` in words of the page's language ("Alter: 4 Jahre", "Thema:
/// Beratung"); places and search words as given.
fn describe_selection(
    filter: &OfferFilter,
    municipality_name: impl Fn(&str) -> String,
) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(age) = filter.age {
        parts.push(t_with("druck-alter", &[("age", age.into())]));
    }
    if let Some(phase) = filter.phase {
        let phase = t(&format!("phase-{}", phase.code()));
        parts.push(t_with("druck-lebensphase", &[("phase", phase.into())]));
    }
    if !filter.topics.is_empty() {
        let topics: Vec<String> = filter
            .topics
            .iter()
            .map(|topic| t(&format!("thema-{}", topic.code())))
            .collect();
        let topics = topics.join(list_separator(current_locale()));
        parts.push(t_with(
            "druck-themen",
            &[
                ("count", filter.topics.iter().count().into()),
                ("topics", topics.into()),
            ],
        ));
    }
    if let Some(ags) = &filter.municipality {
        parts.push(t_with(
            "druck-ort",
            &[("place", municipality_name(ags).into())],
        ));
    }
    if !filter.text.is_empty() {
        parts.push(t_with(
            "druck-suchbegriff",
            &[("text", filter.text.clone().into())],
        ));
    }
    if let Some(language) = filter.language {
        let language = t(&format!("sprache-{}", language.code()));
        parts.push(t_with("druck-sprache", &[("language", language.into())]));
    }
    if !filter.near.is_empty() {
        let place = match crate::region::places::parse_position(&filter.near) {
            Some(_) => t("druck-eigener-standort"),
            None => filter.near.clone(),
        };
        let id = if filter.sort_by_name {
            "druck-naehe-name"
        } else {
            "druck-naehe"
        };
        parts.push(t_with(id, &[("place", place.into())]));
    }
    if filter.free_only {
        parts.push(t("karte-nur-kostenlos"));
    }
    if filter.wheelchair_only {
        parts.push(t("karte-nur-rollstuhl"));
    }
    if filter.free_places_only {
        parts.push(t("karte-nur-freie-plaetze"));
    }
    parts
}

/// A date as people of `locale` write it.
pub(crate) fn printed_date(date: chrono::NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::English | Locale::Arabic => date.format("%d/%m/%Y"),
        Locale::German | Locale::Turkish | Locale::Ukrainian => date.format("%d.%m.%Y"),
    }
    .to_string()
}

/// The offers a print names one by one (`angebote=1,2` from the Merkliste, or `angebot=1`
/// repeated, as the offer page's "Drucken" does): `None` when it names none and prints a
/// filtered map instead; the German reason when an id is not one.
fn named_offers(pairs: &[(String, String)]) -> Option<Result<Vec<i64>, String>> {
    let named: Vec<&str> = pairs
        .iter()
        .filter(|(key, _)| {
            key == crate::map::selection::PARAM || key == crate::offers::filter::param::OFFER
        })
        .map(|(_, value)| value.as_str())
        .collect();
    (!named.is_empty()).then(|| crate::map::selection::parse_ids(&named.join(",")))
}

/// The hand-out of offers named by id, in the order given; ids no longer public are left out.
async fn load_named(ids: Vec<i64>) -> Result<Handout, String> {
    let failed = |error: String| {
        tracing::error!(%error, "print view failed");
        t("druck-fehler")
    };
    let state = crate::platform::state::app_state().map_err(|e| failed(e.to_string()))?;
    let region = state.region.clone();
    let mut offers = Vec::new();
    for id in &ids {
        if let Some(offer) = crate::offers::service::offer_detail(*id)
            .await
            .map_err(|e| failed(e.to_string()))?
        {
            offers.push(offer);
        }
    }
    let mut towns: Vec<String> = offers
        .iter()
        .map(|offer| offer.address.municipality.clone())
        .collect();
    towns.sort();
    towns.dedup();
    let shown: Vec<i64> = offers.iter().map(|offer| offer.id).collect();
    let link = format!(
        "{}{}",
        site_address().await,
        crate::map::selection::selection_path(&shown)
    );
    Ok(Handout {
        region_name: region.name.clone(),
        filter_words: vec![t("druck-merkliste")],
        total: offers.len(),
        offers,
        towns,
        qr_svg: qr_svg(&link),
        link,
    })
}

async fn load_handout(pairs: Vec<(String, String)>) -> Result<Handout, String> {
    if let Some(named) = named_offers(&pairs) {
        return match named {
            Ok(ids) => load_named(ids).await,
            Err(reason) => {
                crate::platform::response::set_status(axum::http::StatusCode::BAD_REQUEST);
                Err(reason)
            }
        };
    }
    let failed = |error: String| {
        tracing::error!(%error, "print view failed");
        t("druck-fehler")
    };
    let state = crate::platform::state::app_state().map_err(|e| failed(e.to_string()))?;
    let region = state.region.clone();
    let parsed = ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        region.knows_municipality(ags)
    });
    let filter = parsed.filter;
    let summaries = crate::offers::service::public_offers()
        .await
        .map(std::sync::Arc::unwrap_or_clone)
        .map_err(|e| failed(e.to_string()))?;
    let name_of = |ags: &str| region.municipality_name(ags).to_string();
    let searchable = SearchableOffers::in_region(summaries, &region);
    let matching = searchable.apply_searching(&filter).matching;
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
        filter_words: describe_selection(&filter, name_of),
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
    // Back to where the print came from: the selection, or the filtered map.
    let back = match named_offers(&pairs) {
        Some(Ok(ids)) => crate::map::selection::selection_path(&ids),
        _ => {
            let pairs: Vec<(&str, String)> = pairs
                .iter()
                .map(|(key, value)| (key.as_str(), value.clone()))
                .collect();
            map_path(&pairs)
        }
    };
    view! {
        <Title text=t("druck-titel") />
        <Suspense fallback=|| view! { <p class="loading">{t("druck-laedt")}</p> }>
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

/// The opening hours of one offer: each day's short name, its times isolated left to right;
/// the days apart by a middle dot, which reads the same in every language.
pub(crate) fn printed_hours(slots: &[OpeningSlot]) -> impl IntoView + use<> {
    let days = by_weekday(slots);
    if days.is_empty() {
        return t("angebot-nach-vereinbarung").into_any();
    }
    let count = days.len();
    days.into_iter()
        .enumerate()
        .map(|(index, day)| {
            let name = t(&format!(
                "tag-kurz-{}",
                format!("{:?}", day.weekday).to_lowercase()
            ));
            view! {
                <span class="print-day">{name} " " <bdi dir="ltr">{day.periods}</bdi></span>
                {(index + 1 < count).then_some(" · ")}
            }
        })
        .collect_view()
        .into_any()
}

#[component]
fn HandoutView(handout: Handout, back: String) -> impl IntoView {
    let locale = current_locale();
    let today = printed_date(chrono::Local::now().date_naive(), locale);
    let selection = if handout.filter_words.is_empty() {
        t("druck-alle")
    } else {
        handout.filter_words.join(" · ")
    };
    let shown = handout.offers.len();
    let cut = (handout.total > shown).then(|| {
        t_with(
            "druck-gekuerzt",
            &[("shown", shown.into()), ("total", handout.total.into())],
        )
    });
    let towns = (!handout.towns.is_empty()).then(|| {
        let (before, after) =
            split_at_value(&t_with("druck-orte", &[("towns", VALUE_MARK.into())]));
        let (before, after) = (unless_empty(before), after.and_then(unless_empty));
        view! { " " {before}<span lang="de" dir="ltr">{handout.towns.join(", ")}</span>{after} }
    });
    view! {
        <article class="print-view">
            <p class="no-print print-actions">
                <PrintButton />
                <a href=back>{t("druck-zurueck")}</a>
            </p>
            <header class="print-head">
                <div>
                    <h1>{t("karte-ueberschrift")}</h1>
                    <p>
                        <span lang="de" dir="ltr">{handout.region_name}</span>
                        " · "
                        {message_with_ltr_value("druck-stand", "date", today)}
                    </p>
                    <p class="print-selection">{t_with("druck-auswahl", &[("selection", selection.into())])}</p>
                    <p>
                        {t_with("druck-anzahl", &[("count", handout.total.into())])}
                        {towns}
                    </p>
                    {(locale != Locale::German).then(|| view! { <p class="content-language-note">{t("druck-inhalt-deutsch")}</p> })}
                </div>
                <figure class="print-qr">
                    <div class="qr" role="img" aria-label=t("druck-qr") inner_html=handout.qr_svg></div>
                    <figcaption>
                        {t("druck-online")} <br /> <bdi dir="ltr" class="print-link">{handout.link}</bdi>
                    </figcaption>
                </figure>
            </header>
            <ol class="print-list">
                {handout
                    .offers
                    .into_iter()
                    .map(|offer| {
                        let a = offer.address;
                        let phone = (!offer.phone.is_empty())
                            .then(|| {
                                view! {
                                    " · "
                                    {message_with_ltr_value("druck-telefon", "phone", offer.phone.clone())}
                                }
                            });
                        view! {
                            // The German name and organisation form their own left-to-right
                            // line: wrapped inside a right-to-left line they would be scrambled.
                            <li>
                                <p class="print-offer" lang="de" dir="ltr">
                                    <strong>{offer.name}</strong>
                                    " – "
                                    {offer.organization}
                                </p>
                                <p>
                                    {if offer.address_on_request {
                                        view! {
                                            {t("angebot-adresse-auf-anfrage")}
                                            " – "
                                            <bdi class="print-address" lang="de" dir="ltr">{a.town}</bdi>
                                        }
                                            .into_any()
                                    } else {
                                        view! {
                                            <bdi class="print-address" lang="de" dir="ltr">
                                                {a.street} ", " {a.postcode} " " {a.town}
                                            </bdi>
                                        }
                                            .into_any()
                                    }}
                                    {phone}
                                </p>
                                <p>
                                    {format!("{} ", t("druck-oeffnungszeiten"))}
                                    {printed_hours(&offer.opening_hours)}
                                </p>
                                {(!offer.hours_note.is_empty())
                                    .then(|| view! { <p class="print-note" lang="de" dir="ltr">{offer.hours_note.clone()}</p> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {cut.map(|note| view! { <p class="print-cut">{note}</p> })}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offers::taxonomy::{Language, LifePhase, Topic};

    fn in_locale<T>(locale: Locale, run: impl FnOnce() -> T) -> T {
        Owner::new().with(|| {
            provide_context(locale);
            run()
        })
    }

    fn every_part() -> Vec<OfferFilter> {
        let mut all = OfferFilter {
            age: Some(1),
            phase: Some(LifePhase::Age0To3),
            municipality: Some("05558012".into()),
            text: "Hebamme".into(),
            free_only: true,
            wheelchair_only: true,
            language: Some(Language::Turkish),
            near: "Buldern".into(),
            ..OfferFilter::default()
        };
        all.topics.insert(Topic::Counselling);
        let mut two_topics = OfferFilter {
            age: Some(4),
            near: "51.9,7.1".into(),
            sort_by_name: true,
            ..OfferFilter::default()
        };
        two_topics.topics.insert(Topic::Counselling);
        two_topics.topics.insert(Topic::EarlyHelp);
        vec![all, two_topics, OfferFilter::default()]
    }

    #[test]
    fn the_german_selection_reads_as_before() {
        let name = |_: &str| "Dülmen".to_string();
        for filter in every_part() {
            let ours = in_locale(Locale::German, || describe_selection(&filter, name));
            assert_eq!(ours, filter.describe(name), "{filter:?}");
        }
    }

    #[test]
    fn an_arabic_selection_is_arabic_with_its_places_as_given() {
        let filter = every_part().remove(0);
        let words = in_locale(Locale::Arabic, || {
            describe_selection(&filter, |_| "Dülmen".to_string())
        });
        let text = words.join(" · ");
        assert!(text.contains("العمر: سنة واحدة"), "{text}");
        assert!(text.contains("المكان: Dülmen"), "{text}");
        assert!(text.contains("«Hebamme»"), "{text}");
        assert!(!text.contains("Alter") && !text.contains("Thema"), "{text}");
    }

    #[test]
    fn the_arabic_hours_keep_their_times_left_to_right() {
        let slots = vec![
            OpeningSlot::parse(1, "09:00", "12:00").unwrap(),
            OpeningSlot::parse(4, "14:00", "16:00").unwrap(),
        ];
        let html = in_locale(Locale::Arabic, || printed_hours(&slots).to_html()).replace("<!>", "");
        assert!(
            html.contains("الاثنين <bdi dir=\"ltr\">09:00–12:00</bdi>"),
            "{html}"
        );
        assert!(html.contains("</span> · <span"), "{html}");
        let german =
            in_locale(Locale::German, || printed_hours(&slots).to_html()).replace("<!>", "");
        assert!(
            german.contains("Mo <bdi dir=\"ltr\">09:00–12:00</bdi>"),
            "{german}"
        );
        let none = in_locale(Locale::German, || printed_hours(&[]).to_html()).replace("<!>", "");
        assert_eq!(none, "nach Vereinbarung");
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(printed_date(date, Locale::German), "07.03.2026");
        assert_eq!(printed_date(date, Locale::Arabic), "07/03/2026");
    }
}
