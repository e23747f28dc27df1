//! The public detail of one offer, shown on its own page and in the map's detail panel.

use leptos::prelude::*;

use crate::domain::hours::by_weekday;
use crate::domain::offer::OfferDetail;

fn joined_labels<T: Copy>(items: impl Iterator<Item = T>, label: fn(T) -> &'static str) -> String {
    items.map(label).collect::<Vec<_>>().join(", ")
}

/// Renders the offer; `heading_level_2` makes the name an `h2` (inside a page that has its `h1`).
#[component]
pub fn OfferView(offer: OfferDetail, #[prop(optional)] heading_level_2: bool) -> impl IntoView {
    let phases = joined_labels(offer.phases.iter(), |p| p.label());
    let topics = joined_labels(offer.topics.iter(), |t| t.label());
    let languages = joined_labels(offer.languages.iter(), |l| l.label());
    let delivery = joined_labels(offer.delivery.iter(), |d| d.label());
    let hours = by_weekday(&offer.opening_hours);
    let last_checked = offer.last_checked_month();
    let phone_uri = offer.phone_uri();
    let route_uri = offer.route_uri();
    let cost = if offer.cost_note.is_empty() {
        offer.cost.label().to_string()
    } else {
        format!("{} – {}", offer.cost.label(), offer.cost_note)
    };
    let accessibility = match (offer.wheelchair, offer.accessibility_note.is_empty()) {
        (true, true) => "rollstuhlgerecht".to_string(),
        (true, false) => format!("rollstuhlgerecht – {}", offer.accessibility_note),
        (false, true) => "keine Angabe zur Barrierefreiheit".to_string(),
        (false, false) => offer.accessibility_note.clone(),
    };
    let a = offer.address.clone();
    let municipality_suffix = (a.town != a.municipality).then(|| format!(" ({})", a.municipality));
    let name = offer.name.clone();
    let heading = if heading_level_2 {
        view! { <h2 class="offer-name">{name}</h2> }.into_any()
    } else {
        view! { <h1 class="offer-name">{name}</h1> }.into_any()
    };
    view! {
        <article class="offer" data-offer-id=offer.id>
            {heading}
            <p class="offer-org">{offer.organization.clone()}</p>
            {offer.is_demo.then(|| view! { <p class="demo-badge">"Demodaten – kein echtes Angebot"</p> })}
            <p class="offer-description">{offer.description.clone()}</p>
            <dl class="offer-facts">
                <dt>"Für"</dt>
                <dd>{phases}</dd>
                <dt>"Themen"</dt>
                <dd>{topics}</dd>
                <dt>"Adresse"</dt>
                <dd>
                    {a.street} <br /> {a.postcode} " " {a.town}
                    {municipality_suffix} <br />
                    <a href=route_uri class="route-link">
                        "Route planen"
                    </a>
                </dd>
                {(!offer.phone.is_empty())
                    .then(|| {
                        view! {
                            <dt>"Telefon"</dt>
                            <dd>
                                <a href=phone_uri class="phone-link">
                                    {offer.phone.clone()}
                                </a>
                            </dd>
                        }
                    })}
                {(!offer.email.is_empty())
                    .then(|| {
                        view! {
                            <dt>"E-Mail"</dt>
                            <dd>
                                <a href=format!("mailto:{}", offer.email)>{offer.email.clone()}</a>
                            </dd>
                        }
                    })}
                {(!offer.website.is_empty())
                    .then(|| {
                        view! {
                            <dt>"Website"</dt>
                            <dd>
                                <a href=offer.website.clone() rel="noopener noreferrer">
                                    {offer.website.clone()}
                                </a>
                            </dd>
                        }
                    })}
                <dt>"Öffnungszeiten"</dt>
                <dd>
                    {if hours.is_empty() {
                        view! { <span>"nach Vereinbarung"</span> }.into_any()
                    } else {
                        view! {
                            <table class="hours">
                                <tbody>
                                    {hours
                                        .into_iter()
                                        .map(|day| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{day.weekday.label()}</th>
                                                    <td>{day.periods}</td>
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
                <dt>"Kosten"</dt>
                <dd>{cost}</dd>
                <dt>"Sprachen"</dt>
                <dd>{languages}</dd>
                <dt>"Barrierefreiheit"</dt>
                <dd>{accessibility}</dd>
                <dt>"Form"</dt>
                <dd>{delivery}</dd>
            </dl>
            <p class="last-checked">"Zuletzt geprüft: " {last_checked}</p>
            {offer
                .long_unchecked
                .then(|| {
                    view! {
                        <p class="stale-warning" role="note">
                            "Dieser Eintrag wurde seit über zwei Jahren nicht geprüft. Bitte fragen Sie vor Ort nach, ob das Angebot so noch besteht."
                        </p>
                    }
                })}
        </article>
    }
}
