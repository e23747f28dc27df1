//! The selection page `/auswahl?angebote=1,2,3`: the offers of a Merkliste, complete from the
//! URL alone (no Wasm: `public/js/merkliste.js` keeps it in step with the device's list,
//! shares and copies). Members get the Familienmappe (an A4 hand-out in the family's
//! language, with a note typed on the device only) and the warm hand-over (an e-mail to the
//! offer's contact person, a summary to copy).
//!
//! Nothing about a family reaches the server: the note has no `name`, stands in no form, and
//! is copied into the hand-out by the script in the browser; the hand-over e-mail is opened
//! in the member's own mail program with a fixed template.

use leptos::context::Provider;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::accounts::model::Role;
use crate::map::selection::{
    HandoverOffer, PARAM, handover_mailto, ids_text, parse_ids, selection_path,
};
use crate::map::ui::offer_view::{OfferViewSettings, message_with_ltr_value, today_line};
use crate::map::ui::print_button::PrintButton;
use crate::map::ui::print_page::{printed_date, printed_hours, qr_svg, site_address};
use crate::map::ui::url_query::UrlQuery;
use crate::members::directory::Contact;
use crate::offers::calendar::now_local;
use crate::offers::hours::by_weekday;
use crate::offers::model::OfferDetail;
use crate::platform::catalogues::{current_locale, message, t, t_with};
use crate::shared::i18n::Locale;

/// Where the page's script is served (from `public/js/`); every page loads it for the
/// header's count.
pub const SELECTION_SCRIPT: &str = "/js/merkliste.js";

/// What the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
struct SelectionQuery {
    /// `None`: no `angebote` at all (the script then opens the device's list).
    ids: Option<Vec<i64>>,
    /// `hinzu=1`: the script adds these offers to the device's list.
    adding: bool,
    /// `mappe=<code>`: the hand-out's language (members).
    handout: Option<Locale>,
}

impl SelectionQuery {
    /// Reads the query strictly: every parameter known, once, with a valid value; else the
    /// German reason.
    fn parse(pairs: &[(String, String)]) -> Result<Self, String> {
        let mut query = SelectionQuery {
            ids: None,
            adding: false,
            handout: None,
        };
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            if seen.contains(&key.as_str()) {
                return Err(format!(
                    "Der Parameter „{key}“ steht mehrfach in der Adresse."
                ));
            }
            match key.as_str() {
                PARAM => query.ids = Some(parse_ids(value)?),
                "hinzu" if value == "1" => query.adding = true,
                "hinzu" => return Err("hinzu erwartet den Wert 1.".to_string()),
                "mappe" => {
                    let code = value.as_str();
                    query.handout = Some(
                        Locale::ALL
                            .into_iter()
                            .find(|l| l.code() == code)
                            .ok_or_else(|| {
                                "mappe erwartet eine Sprache: de, en, tr, ar oder uk.".to_string()
                            })?,
                    )
                }
                _ => {
                    let key: String = key.chars().filter(|c| !c.is_control()).take(30).collect();
                    return Err(format!(
                        "Unbekannter Parameter „{key}“: die Auswahl kennt angebote, hinzu und mappe."
                    ));
                }
            }
            seen.push(key.as_str());
        }
        Ok(query)
    }
}

/// One offer of the selection, with what members see of it.
#[derive(Clone)]
struct Chosen {
    offer: OfferDetail,
    /// Members: the contact persons (for the hand-over e-mail).
    contacts: Vec<Contact>,
}

/// The selection as the page shows it.
struct Selection {
    ids: Vec<i64>,
    /// Whether the URL named offers at all.
    named: bool,
    adding: bool,
    chosen: Vec<Chosen>,
    /// Ids no longer public (archived or deleted).
    missing: Vec<i64>,
    member: bool,
    handout: Locale,
    settings: OfferViewSettings,
    site: String,
    region_name: String,
}

async fn load_selection(query: SelectionQuery) -> Result<Selection, String> {
    let failed = |error: String| {
        tracing::error!(%error, "selection page failed");
        t("auswahl-fehler")
    };
    let state = crate::platform::state::app_state().map_err(|e| failed(e.to_string()))?;
    let member = crate::accounts::auth::current_viewer()
        .await
        .is_some_and(|viewer| viewer.is(Role::Member));
    let named = query.ids.is_some();
    let ids = query.ids.unwrap_or_default();
    let mut chosen = Vec::new();
    let mut missing = Vec::new();
    for id in &ids {
        match crate::offers::service::offer_detail(*id)
            .await
            .map_err(|e| failed(e.to_string()))?
        {
            Some(offer) => {
                // The service checks the member role again; anyone else gets nothing.
                let contacts = if member {
                    crate::members::service::member_offer_info(*id)
                        .await
                        .ok()
                        .flatten()
                        .map(|info| info.contacts)
                        .unwrap_or_default()
                } else {
                    Vec::new()
                };
                chosen.push(Chosen { offer, contacts });
            }
            None => missing.push(*id),
        }
    }
    Ok(Selection {
        ids,
        named,
        adding: query.adding,
        chosen,
        missing,
        member,
        handout: query.handout.unwrap_or_else(current_locale),
        settings: OfferViewSettings::of(&state),
        site: site_address().await,
        region_name: state.region.name.clone(),
    })
}

#[component]
pub fn SelectionPage() -> impl IntoView {
    let pairs = UrlQuery::of_current_page().pairs().get_untracked();
    view! {
        <Title text=t("auswahl-titel") />
        <Suspense fallback=|| view! { <p class="loading">{t("auswahl-laedt")}</p> }>
            {move || {
                let pairs = pairs.clone();
                Suspend::new(async move {
                    let query = match SelectionQuery::parse(&pairs) {
                        Ok(query) => query,
                        Err(reason) => {
                            crate::platform::response::set_status(
                                axum::http::StatusCode::BAD_REQUEST,
                            );
                            return view! {
                                <section class="not-found">
                                    <h1>{t("auswahl-ungueltig")}</h1>
                                    <p class="error" role="alert" lang="de" dir="ltr">{reason}</p>
                                    <p><a href="/auswahl">{t("auswahl-titel")}</a></p>
                                </section>
                            }
                                .into_any();
                        }
                    };
                    match load_selection(query).await {
                        Ok(selection) => view! { <SelectionView selection /> }.into_any(),
                        Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// An offer's "Merken": a link to the selection page that adds it (no script needed); the
/// map's island and `merkliste.js` turn it into a toggle that shows the device's list.
#[component]
pub fn SaveLink(id: i64, name: String) -> impl IntoView {
    view! {
        <a
            href=crate::map::selection::add_path(id)
            class="action-button save-link"
            data-merken=id
            inner_html=format!(
                "{}<span class=\"visually-hidden\"> ({})</span>",
                crate::map::ui::map_page::save_labels(t("karte-merken"), t("karte-gemerkt")),
                crate::shared::text::escape_html(&name),
            )
        ></a>
    }
}

/// The address as printed: street, postcode and town, or "Adresse auf Anfrage" for an offer
/// whose address is not public.
fn address_line(offer: &OfferDetail) -> Option<String> {
    let a = &offer.address;
    (!a.street.is_empty()).then(|| format!("{}, {} {}", a.street, a.postcode, a.town))
}

/// The short text for copying into a message: name, address, phone and hours, in German
/// (the text goes to professionals).
fn summary_text(offer: &OfferDetail) -> String {
    let mut lines = vec![format!("{} ({})", offer.name, offer.organization)];
    lines.push(
        address_line(offer)
            .unwrap_or_else(|| format!("Adresse auf Anfrage, {}", offer.address.town)),
    );
    if !offer.phone.is_empty() {
        lines.push(format!("Tel. {}", offer.phone));
    }
    let days = by_weekday(&offer.opening_hours);
    if days.is_empty() {
        lines.push("Öffnungszeiten: nach Vereinbarung".to_string());
    } else {
        let days: Vec<String> = days
            .into_iter()
            .map(|day| {
                let name = message(
                    Locale::German,
                    &format!("tag-kurz-{}", format!("{:?}", day.weekday).to_lowercase()),
                    None,
                );
                format!("{name} {}", day.periods)
            })
            .collect();
        lines.push(format!("Öffnungszeiten: {}", days.join(", ")));
    }
    lines.join("\n")
}

#[component]
fn SelectionView(selection: Selection) -> impl IntoView {
    let Selection {
        ids,
        named,
        adding,
        chosen,
        missing,
        member,
        handout,
        settings,
        site,
        region_name,
    } = selection;
    let today = settings.calendar.day(now_local().date);
    let count = chosen.len();
    let shown_ids: Vec<i64> = chosen.iter().map(|c| c.offer.id).collect();
    let without = |id: i64| {
        let rest: Vec<i64> = ids.iter().copied().filter(|other| *other != id).collect();
        selection_path(&rest)
    };
    let items = chosen
        .iter()
        .map(|Chosen { offer, contacts }| {
            let id = offer.id;
            let hours = today.hours(&offer.opening_hours, offer.closed_in_school_holidays);
            let address = address_line(offer);
            let phone = (!offer.phone.is_empty()).then(|| {
                view! {
                    <p>
                        <a href=offer.phone_uri() class="selection-call">
                            {t("angebot-anrufen")} " " <bdi dir="ltr">{offer.phone.clone()}</bdi>
                        </a>
                    </p>
                }
            });
            let handover = member.then(|| {
                let about = HandoverOffer {
                    name: offer.name.clone(),
                    organization: offer.organization.clone(),
                    town: offer.address.municipality.clone(),
                };
                let mails = contacts
                    .iter()
                    .filter_map(|contact| {
                        let link = handover_mailto(&contact.email, &about)?;
                        Some(view! {
                            <a href=link class="action-button handover-mail">
                                "E-Mail an " {contact.name.clone()}
                                {(!contact.role.is_empty()).then(|| format!(" ({})", contact.role))}
                            </a>
                        })
                    })
                    .collect_view();
                view! {
                    <div class="handover no-print" lang="de" dir="ltr">
                        <p class="handover-title">"Warme Übergabe (ohne Daten der Familie):"</p>
                        <p class="handover-actions">
                            {mails}
                            <button type="button" class="action-button" data-copy=summary_text(offer) hidden=true>
                                "Zusammenfassung kopieren"
                            </button>
                        </p>
                    </div>
                }
            });
            view! {
                <li class="selection-item" data-offer-id=id>
                    <h2 lang="de" dir="ltr"><a href=format!("/angebot/{id}")>{offer.name.clone()}</a></h2>
                    <p class="offer-org" lang="de" dir="ltr">{offer.organization.clone()}</p>
                    <p>
                        <span class="visually-hidden">{t("angebot-adresse")} ": "</span>
                        {match address {
                            Some(address) => view! { <bdi lang="de" dir="ltr">{address}</bdi> }.into_any(),
                            None => view! {
                                {t("auswahl-adresse-auf-anfrage")} " · "
                                <span lang="de" dir="ltr">{offer.address.town.clone()}</span>
                            }
                                .into_any(),
                        }}
                    </p>
                    {phone}
                    {today_line(&hours).map(|line| view! { <p class="offer-today">{line}</p> })}
                    <p class="selection-item-actions no-print">
                        <a href=format!("/angebot/{id}")>{t("auswahl-zum-angebot")}</a>
                        <a href=without(id) class="action-button remove-link" data-entfernen=id>
                            {t("auswahl-entfernen")}
                            <span class="visually-hidden">{format!(" ({})", offer.name)}</span>
                        </a>
                    </p>
                    {handover}
                </li>
            }
        })
        .collect_view();
    let missing_items = (!missing.is_empty()).then(|| {
        view! {
            <ul class="selection-missing">
                {missing
                    .iter()
                    .map(|id| {
                        view! {
                            <li>
                                {t_with("auswahl-nicht-verfuegbar", &[("id", id.to_string().into())])}
                                " "
                                <a href=without(*id) class="remove-link" data-entfernen=*id>
                                    {t("auswahl-entfernen")}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    });
    let ids_attr = ids_text(&ids);
    let print_href = format!("/drucken?{PARAM}={}", ids_text(&shown_ids));
    let has_handout = member && count > 0;
    let family_folder = has_handout.then(|| {
        view! {
            <FamilyFolder
                chosen=chosen.clone()
                ids=shown_ids.clone()
                handout
                settings=settings.clone()
                site=site.clone()
                region_name=region_name.clone()
            />
        }
    });
    view! {
        <article
            class=if has_handout { "selection-page has-handout" } else { "selection-page" }
            data-auswahl=ids_attr
            data-benannt=named.then_some("1")
            data-hinzu=adding.then_some("1")
        >
            <h1>{t("auswahl-titel")}</h1>
            <p class="selection-intro no-print">{t("auswahl-einleitung")}</p>
            <div class="selection-sync no-print" data-sync="" hidden=true>
                <p>{t("auswahl-fremd")}</p>
                <button type="button" data-take="">{t("auswahl-uebernehmen")}</button>
            </div>
            {(count == 0 && missing.is_empty()).then(|| {
                view! {
                    <p class="selection-empty">{t("auswahl-leer")}</p>
                    <p><a href="/">{t("seite-zur-karte")}</a></p>
                }
            })}
            {(count > 0).then(|| {
                view! {
                    <p class="selection-actions no-print">
                        <button
                            type="button"
                            class="action-button"
                            data-share=selection_path(&shown_ids)
                            data-share-title=t("auswahl-titel")
                            hidden=true
                        >
                            {t("auswahl-link-teilen")}
                        </button>
                        <a href=print_href class="action-button">{t("karte-drucken")}</a>
                        <a href="/">{t("seite-zur-karte")}</a>
                    </p>
                }
            })}
            <p
                class="share-status no-print"
                role="status"
                data-share-status=""
                data-copied=t("karte-kopiert")
                data-failed=t("karte-kopieren-unmoeglich")
                data-summary-copied="Zusammenfassung kopiert."
            ></p>
            <p class="selection-count visually-hidden">{t_with("druck-anzahl", &[("count", count.into())])}</p>
            <ol class="selection-list no-print-when-handout">{items}</ol>
            {missing_items}
            {family_folder}
        </article>
    }
}

/// Members: the hand-out's language and note, and the hand-out itself (shown as a preview,
/// the only part of the page that prints). The member's controls are German like the other
/// member tools; the hand-out speaks the family's language.
#[component]
fn FamilyFolder(
    chosen: Vec<Chosen>,
    ids: Vec<i64>,
    handout: Locale,
    settings: OfferViewSettings,
    site: String,
    region_name: String,
) -> impl IntoView {
    view! {
        <section class="family-folder no-print" lang="de" dir="ltr" aria-labelledby="mappe-heading">
            <h2 id="mappe-heading">"Familienmappe drucken"</h2>
            // A plain GET form: it sends the offers and the language, nothing else.
            <form method="get" action="/auswahl" class="folder-language">
                <input type="hidden" name=PARAM value=ids_text(&ids) />
                <label for="mappe-sprache">"Sprache der Mappe"</label>
                <select id="mappe-sprache" name="mappe">
                    {Locale::ALL
                        .into_iter()
                        .map(|locale| {
                            view! {
                                <option value=locale.code() selected={locale == handout} lang=locale.code()>
                                    {locale.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="submit">"Sprache wählen"</button>
            </form>
            // No form and no name: the note cannot be submitted; the browser's script copies it
            // into the hand-out below. Spell checking is off so no browser service reads it.
            <label for="mappe-notiz">"Notiz für die Familie (wird mitgedruckt)"</label>
            <textarea
                id="mappe-notiz"
                rows="3"
                maxlength="600"
                dir="auto"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="mappe-notiz-hinweis"
            ></textarea>
            <p id="mappe-notiz-hinweis" class="hint">
                "Die Notiz bleibt auf diesem Gerät: sie wird weder gesendet noch gespeichert und ist nach dem Schließen der Seite weg. Bitte keine Namen oder Gesundheitsdaten."
            </p>
            <p class="print-actions">
                <PrintButton />
                <span class="hint">"Die Vorschau unten wird auf A4 gedruckt."</span>
            </p>
        </section>
        <Provider value=handout>
            <Handout chosen settings site region_name />
        </Provider>
    }
}

/// The first words of a German description for the hand-out, cut at a word.
fn shortened(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    let cut = cut
        .rsplit_once(' ')
        .map_or(cut.as_str(), |(start, _)| start);
    format!("{cut} …")
}

/// The A4 hand-out in the language of the context (the family's): per offer name, a short
/// description, address, phone, hours and a QR code to the offer's page.
#[component]
fn Handout(
    chosen: Vec<Chosen>,
    settings: OfferViewSettings,
    site: String,
    region_name: String,
) -> impl IntoView {
    let locale = current_locale();
    let today = settings.calendar.day(now_local().date);
    let date = printed_date(chrono::Local::now().date_naive(), locale);
    let offers = chosen
        .into_iter()
        .map(|Chosen { offer, .. }| {
            let link = format!("{site}/angebot/{}", offer.id);
            let summary = offer
                .summaries
                .iter()
                .find(|(code, _)| code == locale.code())
                .map(|(_, text)| text.clone());
            let text = match summary {
                Some(text) => view! { <p class="handout-text">{text}</p> }.into_any(),
                None => view! {
                    <p class="handout-text" lang="de" dir="ltr">{shortened(&offer.description, 240)}</p>
                }
                    .into_any(),
            };
            let hours = today.hours(&offer.opening_hours, offer.closed_in_school_holidays);
            let address = match address_line(&offer) {
                Some(address) => view! { <bdi lang="de" dir="ltr">{address}</bdi> }.into_any(),
                None => t("auswahl-adresse-auf-anfrage").into_any(),
            };
            view! {
                <li class="handout-offer">
                    <div class="handout-body">
                        <h3 lang="de" dir="ltr">{offer.name.clone()}</h3>
                        <p class="handout-org" lang="de" dir="ltr">{offer.organization.clone()}</p>
                        {text}
                        <p>{address}</p>
                        <p>
                            {t("mappe-ort")} " "
                            <span lang="de" dir="ltr">{offer.address.municipality.clone()}</span>
                            {(!offer.phone.is_empty()).then(|| view! {
                                " · " {message_with_ltr_value("druck-telefon", "phone", offer.phone.clone())}
                            })}
                        </p>
                        {today_line(&hours).map(|line| view! { <p>{line}</p> })}
                        <p>{format!("{} ", t("druck-oeffnungszeiten"))} {printed_hours(&offer.opening_hours)}</p>
                    </div>
                    <figure class="handout-qr">
                        <div role="img" aria-label=t("mappe-qr") inner_html=qr_svg(&link)></div>
                        <figcaption><bdi dir="ltr">{link}</bdi></figcaption>
                    </figure>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="handout" lang=locale.code() dir=locale.direction() aria-labelledby="handout-heading">
            <p class="handout-preview-label no-print" lang="de" dir="ltr">"Vorschau der Mappe"</p>
            <header class="handout-head">
                <h2 id="handout-heading">{t("mappe-titel")}</h2>
                <p>
                    <span lang="de" dir="ltr">{region_name}</span>
                    " · "
                    {message_with_ltr_value("druck-stand", "date", date)}
                </p>
                {(locale != Locale::German).then(|| view! { <p class="content-language-note">{t("mappe-deutsch")}</p> })}
            </header>
            // Filled by the browser's script from the note above; empty, it stays hidden.
            <div class="handout-note" id="mappe-notiz-druck" dir="auto" hidden=true></div>
            <ol class="handout-list">{offers}</ol>
            <p class="handout-foot">{t("mappe-fuss")}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn the_query_is_read_strictly() {
        let query = SelectionQuery::parse(&pairs(&[("angebote", "4,9"), ("mappe", "ar")])).unwrap();
        assert_eq!(query.ids, Some(vec![4, 9]));
        assert_eq!(query.handout, Some(Locale::Arabic));
        assert_eq!(SelectionQuery::parse(&[]).unwrap().ids, None);
        for bad in [
            vec![("angebote", "4,x")],
            vec![("angebote", "4"), ("angebote", "5")],
            vec![("mappe", "fr")],
            vec![("hinzu", "ja")],
            vec![("angebot", "4")],
        ] {
            let reason = SelectionQuery::parse(&pairs(&bad)).unwrap_err();
            assert!(!reason.is_empty(), "{bad:?}");
        }
    }

    #[test]
    fn a_description_is_cut_at_a_word() {
        assert_eq!(shortened("kurz", 10), "kurz");
        assert_eq!(shortened("eins zwei drei vier", 12), "eins zwei …");
    }
}
