//! The public detail of one offer, shown on its own page and in the map's detail panel.
//!
//! A phone's half-height sheet shows about 420 px, so what a family acts on comes first: name
//! and organisation, then "Anrufen" and "Route planen", the address and today's hours; the
//! description and the full facts follow. Numbers, times, dates and addresses are isolated
//! left to right, or an Arabic page turns "48249 Dülmen" into "Dülmen 48249".

use leptos::prelude::*;

use fluent_bundle::FluentValue;

use crate::map::ui::selection_page::SaveLink;
use crate::offers::calendar::{Calendar, TodayHours, now_local, today_text};
use crate::offers::hours::by_weekday;
use crate::offers::model::{FieldGroup, OfferDetail};
use crate::platform::catalogues::{current_locale, t, t_with};
use crate::shared::i18n::Locale;

/// What separates the items of a list in `locale` (Arabic has its own comma).
pub(crate) fn list_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::Arabic => "، ",
        _ => ", ",
    }
}

/// The labels of vocabulary `items` in the page's language, by their catalogue `prefix`.
fn joined_labels<T: Copy>(
    items: impl Iterator<Item = T>,
    prefix: &str,
    code: fn(T) -> &'static str,
) -> String {
    items
        .map(|item| t(&format!("{prefix}-{}", code(item))))
        .collect::<Vec<_>>()
        .join(list_separator(current_locale()))
}

/// Stands in for a value while its message is formatted: a private-use character no
/// catalogue contains.
pub(crate) const VALUE_MARK: &str = "\u{E000}";

/// A formatted message split around [`VALUE_MARK`]: the text before the value and after it
/// (`None` if the translation leaves the value out).
pub(crate) fn split_at_value(text: &str) -> (String, Option<String>) {
    match text.split_once(VALUE_MARK) {
        Some((before, after)) => (before.to_string(), Some(after.replace(VALUE_MARK, ""))),
        None => (text.to_string(), None),
    }
}

/// A piece of text to render, or nothing: an empty text would be rendered as a space.
pub(crate) fn unless_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

/// Message `id` with its argument `name` set to `value`, the value isolated left to right
/// (a phone number, date or time inside a sentence of any direction).
pub fn message_with_ltr_value(id: &str, name: &str, value: String) -> impl IntoView + use<> {
    let (before, after) = split_at_value(&t_with(id, &[(name, VALUE_MARK.into())]));
    let before = unless_empty(before);
    match after {
        Some(after) => {
            let after = unless_empty(after);
            view! { {before}<bdi dir="ltr">{value}</bdi>{after} }.into_any()
        }
        // A translation without the value still shows it, after the text.
        None => view! { {before}" "<bdi dir="ltr">{value}</bdi> }.into_any(),
    }
}

/// What the view takes from the site besides the offer: the operator's route template
/// (`{lat}`, `{lon}`) and the region's calendar, for today's hours.
#[derive(Clone, Debug)]
pub struct OfferViewSettings {
    pub route_link: String,
    pub calendar: Calendar,
}

impl Default for OfferViewSettings {
    fn default() -> Self {
        OfferViewSettings {
            route_link: crate::platform::operator::DEFAULT_ROUTE_LINK.to_string(),
            calendar: Calendar::default(),
        }
    }
}

impl OfferViewSettings {
    pub fn of(state: &crate::platform::state::AppState) -> Self {
        OfferViewSettings {
            route_link: state.operator.route_link.clone(),
            calendar: state.region.calendar(),
        }
    }
}

/// Today's hours as a line ("heute 09:00–12:00", "heute Feiertag (…) – geschlossen"), the
/// times isolated left to right; nothing for offers by appointment.
pub(crate) fn today_line(hours: &TodayHours) -> Option<AnyView> {
    if *hours == TodayHours::ByAppointment {
        return None;
    }
    let periods = std::cell::RefCell::new(None::<String>);
    let text = today_text(hours, |id, args| {
        let args: Vec<(&str, FluentValue)> = args
            .iter()
            .map(|(name, value)| {
                if *name == "hours" {
                    *periods.borrow_mut() = Some(value.to_string());
                    (*name, VALUE_MARK.into())
                } else {
                    (*name, (*value).into())
                }
            })
            .collect();
        t_with(id, &args)
    });
    let (before, after) = split_at_value(&text);
    Some(match (periods.into_inner(), after) {
        (Some(periods), Some(after)) => view! {
            {unless_empty(before)}<bdi dir="ltr" class="today-hours">{periods}</bdi>{unless_empty(after)}
        }
        .into_any(),
        _ => before.into_any(),
    })
}

/// Renders the offer; `heading_level_2` makes the name an `h2` (inside a page that has its
/// `h1`). `children` stand right below name and organisation: the contact persons for
/// members, whose first question is whom to call.
#[component]
pub fn OfferView(
    offer: OfferDetail,
    #[prop(optional)] heading_level_2: bool,
    settings: OfferViewSettings,
    #[prop(optional)] children: Option<Children>,
    /// More actions after "Merken" (the offer page's "Teilen" and "Drucken").
    #[prop(optional)]
    more_actions: Option<Children>,
) -> impl IntoView {
    let phases = joined_labels(offer.phases.iter(), "phase", |p| p.code());
    let topics = joined_labels(offer.topics.iter(), "thema", |t| t.code());
    let languages = joined_labels(offer.languages.iter(), "sprache", |l| l.code());
    let delivery = joined_labels(offer.delivery.iter(), "form", |d| d.code());
    let hours = by_weekday(&offer.opening_hours);
    let today = settings
        .calendar
        .day(now_local().date)
        .hours(&offer.opening_hours, offer.closed_in_school_holidays);
    let locale = current_locale();
    let german = locale == Locale::German;
    let last_checked = OfferDetail::month_in_words(offer.confirmed_on(), german);
    // Free places and the wait are said with their day: they change quickly.
    let availability_said = || {
        crate::shared::iso_date::german(&offer.availability_confirmed).map(|day| {
            view! {
                <span class="field-age">{message_with_ltr_value("angebot-stand", "month", day)}</span>
            }
        })
    };
    // A group of fields confirmed noticeably longer ago than the rest says so beside it.
    let group_age = |group: FieldGroup| {
        offer.older_group_date(group).map(|date| {
            view! {
                <span class="field-age">
                    {message_with_ltr_value("angebot-stand", "month", OfferDetail::month_in_words(date, false))}
                </span>
            }
        })
    };
    let cost_label = t(&format!("kosten-{}", offer.cost.code()));
    let phone_uri = offer.phone_uri();
    let route_uri = offer.route_uri(&settings.route_link);
    // The notes are the offer's German text beside a translated label.
    let german_note = |note: &str| {
        (!note.is_empty()).then(|| {
            view! { " – " <span lang="de" dir="ltr">{note.to_string()}</span> }
        })
    };
    let cost_note = german_note(&offer.cost_note);
    let accessibility = match (offer.wheelchair, offer.accessibility_note.is_empty()) {
        (true, _) => t("angebot-rollstuhlgerecht"),
        (false, true) => t("angebot-keine-angabe-barrierefreiheit"),
        (false, false) => String::new(),
    };
    let accessibility_note = if offer.wheelchair {
        german_note(&offer.accessibility_note).into_any()
    } else {
        (!offer.accessibility_note.is_empty())
            .then(|| {
                view! { <span lang="de" dir="ltr">{offer.accessibility_note.clone()}</span> }
            })
            .into_any()
    };
    let a = offer.address.clone();
    let municipality_suffix = (a.town != a.municipality).then(|| format!(" ({})", a.municipality));
    let name = offer.name.clone();
    let heading = if heading_level_2 {
        view! { <h2 class="offer-name" lang="de">{name}</h2> }.into_any()
    } else {
        view! { <h1 class="offer-name" lang="de">{name}</h1> }.into_any()
    };
    let has_phone = !offer.phone.is_empty();
    view! {
        <article class="offer" data-offer-id=offer.id>
            {heading}
            <p class="offer-org" lang="de">{offer.organization.clone()}</p>
            {children.map(|children| children())}
            // What a family does next, above the fold of a phone's half-height sheet.
            <div class="offer-actions">
                {has_phone
                    .then(|| {
                        view! {
                            <a href=phone_uri.clone() class="action-button call-link">
                                <span class="action-label">{t("angebot-anrufen")}</span>
                                " "
                                <bdi dir="ltr" class="call-number">{offer.phone.clone()}</bdi>
                            </a>
                        }
                    })}
                // A protected place has no route: it would lead to the town centre.
                {(!offer.address_on_request)
                    .then(|| {
                        view! {
                            <a href=route_uri class="action-button route-link" rel="noopener noreferrer">
                                {t("angebot-route")}
                            </a>
                        }
                    })}
                <SaveLink id=offer.id name=offer.name.clone() />
                {more_actions.map(|actions| actions())}
            </div>
            <p class="offer-where">
                <span class="visually-hidden">{t("angebot-adresse")} ": "</span>
                {if offer.address_on_request {
                    view! {
                        <span class="offer-address-on-request">{t("angebot-adresse-auf-anfrage")}</span>
                        <br />
                        <bdi class="offer-address" lang="de" dir="ltr">{a.town} {municipality_suffix}</bdi>
                    }
                        .into_any()
                } else {
                    // German address: postcode before town in every language.
                    view! {
                        <bdi class="offer-address" lang="de" dir="ltr">
                            {a.street} <br /> {a.postcode} " " {a.town} {municipality_suffix}
                        </bdi>
                    }
                        .into_any()
                }}
            </p>
            {(!offer.closed_until.is_empty())
                .then(|| {
                    let until = crate::shared::iso_date::german(&offer.closed_until)
                        .unwrap_or_else(|| offer.closed_until.clone());
                    view! {
                        <p class="closed-notice" role="note">
                            <strong>{message_with_ltr_value("angebot-geschlossen-bis", "datum", until)}</strong>
                            // The reason is German text: a line of its own, so it does not
                            // wrap into the notice in a right-to-left page.
                            {(!offer.closed_reason.is_empty())
                                .then(|| view! { <br /> <span lang="de" dir="ltr">{offer.closed_reason.clone()}</span> })}
                        </p>
                    }
                })}
            {today_line(&today).map(|line| view! { <p class="offer-today">{line}</p> })}
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
                {has_phone
                    .then(|| {
                        view! {
                            <dt>{t("angebot-telefon")}</dt>
                            <dd>
                                <a href=phone_uri class="phone-link" dir="ltr">
                                    {offer.phone.clone()}
                                </a>
                                " " {group_age(FieldGroup::Contact)}
                            </dd>
                        }
                    })}
                {(!offer.email.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-email")}</dt>
                            <dd>
                                <a href=format!("mailto:{}", offer.email) class="email-link" dir="ltr">
                                    {offer.email.clone()}
                                </a>
                            </dd>
                        }
                    })}
                {(!offer.website.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-website")}</dt>
                            <dd>
                                <a href=offer.website.clone() class="website-link" dir="ltr" rel="noopener noreferrer">
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
                    {offer
                        .closed_in_school_holidays
                        .then(|| view! { <p>{t("karte-schulferien-geschlossen")}</p> })}
                    {(!offer.hours_note.is_empty())
                        .then(|| view! { <p lang="de" dir="ltr">{offer.hours_note.clone()}</p> })}
                    {group_age(FieldGroup::Hours)}
                </dd>
                <dt>{t("angebot-kosten")}</dt>
                <dd>{cost_label} {cost_note} " " {group_age(FieldGroup::Cost)}</dd>
                {(!offer.free_places.is_empty())
                    .then(|| {
                        view! {
                            <dt>{t("angebot-freie-plaetze")}</dt>
                            <dd class="free-places">
                                {t(&format!("angebot-plaetze-{}", offer.free_places))} " "
                                {availability_said()}
                            </dd>
                        }
                    })}
                {offer
                    .wait_weeks
                    .parse::<u32>()
                    .ok()
                    .map(|weeks| {
                        view! {
                            <dt>{t("angebot-wartezeit")}</dt>
                            <dd class="wait-time">
                                {t_with("angebot-wartezeit-wochen", &[("wochen", FluentValue::from(weeks))])}
                                " " {availability_said()}
                            </dd>
                        }
                    })}
                <dt>{t("angebot-sprachen")}</dt>
                <dd>{languages}</dd>
                <dt>{t("angebot-barrierefreiheit")}</dt>
                <dd>{accessibility} {accessibility_note}</dd>
                <dt>{t("angebot-form")}</dt>
                <dd>{delivery}</dd>
            </dl>
            <p class="last-checked">
                {message_with_ltr_value("angebot-zuletzt-geprueft", "month", last_checked)}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offers::hours::TimeOfDay;

    #[test]
    fn todays_line_isolates_the_times_and_skips_appointments() {
        let html = Owner::new().with(|| {
            provide_context(Locale::Arabic);
            today_line(&TodayHours::Open(vec![(
                TimeOfDay::parse("09:00").unwrap(),
                TimeOfDay::parse("12:00").unwrap(),
            )]))
            .unwrap()
            .to_html()
            .replace("<!>", "")
        });
        assert!(
            html.contains(r#"<bdi dir="ltr" class="today-hours">09:00–12:00</bdi>"#),
            "{html}"
        );
        assert!(today_line(&TodayHours::ByAppointment).is_none());
    }

    #[test]
    fn a_value_is_cut_out_of_its_message() {
        assert_eq!(
            split_at_value("Zuletzt geprüft: \u{E000}"),
            ("Zuletzt geprüft: ".to_string(), Some(String::new()))
        );
        assert_eq!(
            split_at_value("\u{E000} آخر"),
            (String::new(), Some(" آخر".to_string()))
        );
        assert_eq!(split_at_value("ohne"), ("ohne".to_string(), None));
    }
}
