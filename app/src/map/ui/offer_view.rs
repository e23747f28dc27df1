//! The public detail of one offer, shown on its own page and in the map's detail panel.

use leptos::prelude::*;

use crate::offers::hours::by_weekday;
use crate::offers::model::OfferDetail;
use crate::platform::catalogues::{current_locale, t, t_with};
use crate::shared::i18n::Locale;

/// The labels of vocabulary `items` in the page's language, by their catalogue `prefix`.
fn joined_labels<T: Copy>(
    items: impl Iterator<Item = T>,
    prefix: &str,
    code: fn(T) -> &'static str,
) -> String {
    items
        .map(|item| t(&format!("{prefix}-{}", code(item))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Renders the offer; `heading_level_2` makes the name an `h2` (inside a page that has its `h1`).
#[component]
pub fn OfferView(offer: OfferDetail, #[prop(optional)] heading_level_2: bool) -> impl IntoView {
    let phases = joined_labels(offer.phases.iter(), "phase", |p| p.code());
    let topics = joined_labels(offer.topics.iter(), "thema", |t| t.code());
    let languages = joined_labels(offer.languages.iter(), "sprache", |l| l.code());
    let delivery = joined_labels(offer.delivery.iter(), "form", |d| d.code());
    let hours = by_weekday(&offer.opening_hours);
    let locale = current_locale();
    let last_checked = match locale {
        Locale::German => offer.last_checked_month(),
        _ => offer.last_checked.format("%m/%Y").to_string(),
    };
    let cost_label = t(&format!("kosten-{}", offer.cost.code()));
    let phone_uri = offer.phone_uri();
    let route_uri = offer.route_uri();
    let cost = if offer.cost_note.is_empty() {
        cost_label
    } else {
        format!("{cost_label} – {}", offer.cost_note)
    };
    let wheelchair = t("angebot-rollstuhlgerecht");
    let accessibility = match (offer.wheelchair, offer.accessibility_note.is_empty()) {
        (true, true) => wheelchair,
        (true, false) => format!("{wheelchair} – {}", offer.accessibility_note),
        (false, true) => t("angebot-keine-angabe-barrierefreiheit"),
        (false, false) => offer.accessibility_note.clone(),
    };
    let a = offer.address.clone();
    let municipality_suffix = (a.town != a.municipality).then(|| format!(" ({})", a.municipality));
    let name = offer.name.clone();
    let heading = if heading_level_2 {
        view! { <h2 class="offer-name" lang="de">{name}</h2> }.into_any()
    } else {
        view! { <h1 class="offer-name" lang="de">{name}</h1> }.into_any()
    };
    view! {
        <article class="offer" data-offer-id=offer.id>
            {heading}
            <p class="offer-org" lang="de">{offer.organization.clone()}</p>
            {offer.is_demo.then(|| view! { <p class="demo-badge">{t("angebot-demodaten")}</p> })}
            // Offers are German content; other languages are told so, and the text is marked.
            {(locale != Locale::German)
                .then(|| view! { <p class="content-language-note">{t("angebot-inhalt-deutsch")}</p> })}
            {offer
                .summaries
                .iter()
                .find(|(code, _)| code == locale.code())
                .map(|(code, text)| {
                    view! {
                        <p class="offer-summary" lang=code.clone() dir=locale.direction()>
                            {text.clone()}
                        </p>
                    }
                })}
            <p class="offer-description" lang="de" dir="ltr">{offer.description.clone()}</p>
            <dl class="offer-facts">
                <dt>{t("angebot-fuer")}</dt>
                <dd>{phases}</dd>
                <dt>{t("angebot-themen")}</dt>
                <dd>{topics}</dd>
                <dt>{t("angebot-adresse")}</dt>
                <dd>
                    // German address and phone number read left to right in Arabic too (an
                    // isolate, or "48727 Billerbeck" turns into "Billerbeck 48727").
                    <span class="offer-address" lang="de" dir="ltr">
                        {a.street} <br /> {a.postcode} " " {a.town} {municipality_suffix}
                    </span>
                    <br />
                    <a href=route_uri class="route-link">
                        {t("angebot-route")}
                    </a>
                </dd>
                {(!offer.phone.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-telefon")}</dt>
                            <dd>
                                <a href=phone_uri class="phone-link" dir="ltr">
                                    {offer.phone.clone()}
                                </a>
                            </dd>
                        }
                    })}
                {(!offer.email.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-email")}</dt>
                            <dd>
                                <a href=format!("mailto:{}", offer.email)>{offer.email.clone()}</a>
                            </dd>
                        }
                    })}
                {(!offer.website.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-website")}</dt>
                            <dd>
                                <a href=offer.website.clone() rel="noopener noreferrer">
                                    {offer.website.clone()}
                                </a>
                            </dd>
                        }
                    })}
                <dt>{t("angebot-oeffnungszeiten")}</dt>
                <dd>
                    {if hours.is_empty() {
                        view! { <span>{t("angebot-nach-vereinbarung")}</span> }.into_any()
                    } else {
                        view! {
                            <table class="hours">
                                <tbody>
                                    {hours
                                        .into_iter()
                                        .map(|day| {
                                            view! {
                                                <tr>
                                                    <th scope="row">
                                                        {t(&format!("tag-{}", format!("{:?}", day.weekday).to_lowercase()))}
                                                    </th>
                                                    // Times read "09:00–12:00" in every language.
                                                    <td dir="ltr">{day.periods}</td>
                                                </tr>
                                            }
                                        })
                                        .collect_view()}
                                </tbody>
                            </table>
                        }
                            .into_any()
                    }}
                    {(!offer.hours_note.is_empty()).then(|| view! { <p>{offer.hours_note.clone()}</p> })}
                </dd>
                <dt>{t("angebot-kosten")}</dt>
                <dd>{cost}</dd>
                <dt>{t("angebot-sprachen")}</dt>
                <dd>{languages}</dd>
                <dt>{t("angebot-barrierefreiheit")}</dt>
                <dd>{accessibility}</dd>
                <dt>{t("angebot-form")}</dt>
                <dd>{delivery}</dd>
            </dl>
            <p class="last-checked">
                {t_with("angebot-zuletzt-geprueft", &[("month", last_checked.into())])}
            </p>
            {offer
                .long_unchecked
                .then(|| {
                    view! {
                        <p class="stale-warning" role="note">
                            {t("angebot-veraltet")}
                        </p>
                    }
                })}
        </article>
    }
}
