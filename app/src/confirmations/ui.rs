//! The pages of the institutions' self-service: the page a confirmation link opens
//! (`/bestaetigen?token=…`: the organisation's offers with their public fields, and per offer
//! "Stimmt noch", "Ändern" and "Gibt es nicht mehr"), and the editors' pages of organisations
//! (`/redaktion/einrichtungen`, `/redaktion/einrichtungen/:id`: contacts, links, log). German,
//! like the other pages for institutions.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::accounts::auth::{Note, current_viewer, now, take_note};
use crate::accounts::ui::account_pages::{AccessDenied, NoteView};
use crate::confirmations::endpoints::{
    AddConfirmationContact, ConfirmOffer, DESK_PATH, NewConfirmationLink, ProposeChange,
    RemoveConfirmationContact, ReportEnd, RevokeConfirmationLinks, SendConfirmationLinks,
    desk_path,
};
use crate::confirmations::model::{InstitutionOffer, ReminderState};
use crate::editing::model::{EditableField, FieldInput};
use crate::editing::ui::offer_page_editor::date_time_of;

/// A day as the pages say it (the day of [`date_time_of`]).
fn date_of(unix_secs: i64) -> String {
    date_time_of(unix_secs)
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_string()
}

/// Where an organisation's reminders stand, in the editors' words.
fn reminders_in_words(state: Option<&ReminderState>) -> String {
    match state {
        None => "—".to_string(),
        Some(ReminderState {
            flagged_at: Some(at),
            ..
        }) => format!("keine Antwort (seit {})", date_of(*at)),
        Some(ReminderState {
            second_sent_at: Some(at),
            ..
        }) => format!("2. Erinnerung am {}", date_of(*at)),
        Some(state) => format!("1. Erinnerung am {}", date_of(state.first_sent_at)),
    }
}

/// A table's head row: one column heading per name.
fn column_heads(names: &[&'static str]) -> impl IntoView + use<> {
    let heads = names
        .iter()
        .map(|name| view! { <th scope="col">{*name}</th> })
        .collect_view();
    view! { <thead><tr>{heads}</tr></thead> }
}

/// `/bestaetigen?token=…`: the page of a confirmation link. Nothing member-only: public
/// fields, and a protected address as the public sees it.
#[component]
pub fn InstitutionPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|query| query.get("token").unwrap_or_default());
    view! {
        <Title text="Angaben prüfen – Chancenkarte" />
        // The address holds the link's token: no search engine, and no referrer to other
        // sites (the page's own forms still send their origin, which the write guard needs).
        <Meta name="robots" content="noindex" />
        <Meta name="referrer" content="same-origin" />
        <section class="account-page confirm-page">
            <h1>"Angaben prüfen"</h1>
            <Suspense>
                {move || {
                    let token = token.clone();
                    Suspend::new(async move {
                        let page = crate::confirmations::service::institution_page(&token, now()).await;
                        let note = take_note().await;
                        match page {
                            Err(error) => {
                                crate::platform::response::set_status(error.status());
                                let text = match error {
                                    crate::shared::error::AppError::Throttled(wait) => format!(
                                        "Von Ihrem Anschluss kamen zu viele ungültige Links. Bitte versuchen Sie es in {} erneut.",
                                        crate::shared::throttle::wait_in_words(wait)
                                    ),
                                    other => other.to_string(),
                                };
                                view! { <p class="note note-error" role="alert">{text}</p> }.into_any()
                            }
                            Ok(page) => view! {
                                <p>"Einrichtung: " <strong>{page.organization.clone()}</strong></p>
                                <p>
                                    "Bitte sehen Sie jedes Angebot durch. Was hier steht, lesen Familien auf der Chancenkarte. Stimmt alles, wählen Sie „Stimmt noch“. Ändert sich etwas, tragen Sie es unter „Ändern“ ein: Die Redaktion prüft die Änderung, bevor sie erscheint."
                                </p>
                                <p class="meta">"Dieser Link gilt bis zum " {date_of(page.valid_until)} "."</p>
                                <NoteView note=note.clone() />
                                {if page.offers.is_empty() {
                                    view! { <p>"Zu dieser Einrichtung zeigt die Karte derzeit keine Angebote."</p> }.into_any()
                                } else {
                                    view! {
                                        <ol class="confirm-offers">
                                            {page.offers.into_iter().map(|offer| view! {
                                                <InstitutionOfferEntry offer token=token.clone() note=note.clone() />
                                            }).collect_view()}
                                        </ol>
                                    }.into_any()
                                }}
                            }
                            .into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// One offer on the institution's page: its public fields and the three answers.
#[component]
fn InstitutionOfferEntry(
    offer: InstitutionOffer,
    token: String,
    note: Option<Note>,
) -> impl IntoView {
    let anchor = format!("angebot-{}", offer.id);
    let heading = format!("{anchor}-titel");
    // The answer to an action on this offer stands beside it; a refused change comes back
    // into this offer's form, opened, with what was typed.
    let here = note.filter(|note| note.target == anchor);
    let returned = here
        .clone()
        .filter(|note| note.is_error && !note.form.is_empty());
    let id = offer.id.to_string();
    let rows = offer
        .fields
        .iter()
        .map(|(field, value)| {
            view! { <dt>{field.label()}</dt> <dd>{field.shown_value(value)}</dd> }
        })
        .collect_view();
    let inputs = offer
        .fields
        .iter()
        .map(|(field, value)| {
            let typed = returned
                .as_ref()
                .map_or_else(|| value.clone(), |note| note.form_value(field.code()));
            let error = returned
                .as_ref()
                .and_then(|note| note.field_error(field.code()));
            view! { <ChangeInput offer=offer.id field=*field value=typed error /> }
        })
        .collect_view();
    let message_id = format!("{anchor}-nachricht");
    let end_id = format!("{anchor}-ende");
    let typed_message = returned
        .as_ref()
        .map(|note| note.form_value("nachricht"))
        .unwrap_or_default();
    view! {
        <li class="confirm-offer" id=anchor.clone() aria-labelledby=heading>
            <h2 id=heading.clone()>{offer.name.clone()}</h2>
            <p class="meta">"Zuletzt geprüft: " {offer.last_checked.format("%d.%m.%Y").to_string()}</p>
            {here.map(|note| view! { <NoteView note=Some(Note { target: String::new(), ..note }) /> })}
            <dl class="confirm-fields">
                <dt>"Anschrift"</dt>
                <dd>{offer.address.clone()}</dd>
                {rows}
            </dl>
            <form method="post" action=ConfirmOffer::url() class="inline-form">
                <input type="hidden" name="token" value=token.clone() />
                <input type="hidden" name="angebot" value=id.clone() />
                <button type="submit">"Stimmt noch"</button>
            </form>
            <details class="confirm-change" open=returned.is_some()>
                <summary>"Ändern"</summary>
                <form method="post" action=ProposeChange::url() class="account-form">
                    <input type="hidden" name="token" value=token.clone() />
                    <input type="hidden" name="angebot" value=id.clone() />
                    {inputs}
                    <label for=message_id.clone()>"Nachricht an die Redaktion (freiwillig, z. B. eine neue Anschrift)"</label>
                    <textarea id=message_id name="nachricht" rows="3">{crate::shared::text::textarea_text(&typed_message)}</textarea>
                    <button type="submit">"Änderung an die Redaktion senden"</button>
                </form>
            </details>
            <details class="confirm-end">
                <summary>"Gibt es nicht mehr"</summary>
                <form method="post" action=ReportEnd::url() class="account-form">
                    <input type="hidden" name="token" value=token />
                    <input type="hidden" name="angebot" value=id />
                    <label for=end_id.clone()>"Was ist passiert? (freiwillig)"</label>
                    <textarea id=end_id name="nachricht" rows="2"></textarea>
                    <button type="submit" class="secondary">"Melden: Dieses Angebot gibt es nicht mehr"</button>
                </form>
            </details>
        </li>
    }
}

/// One field of the change form, as the editors' field would take it.
#[component]
fn ChangeInput(
    offer: i64,
    field: EditableField,
    value: String,
    error: Option<String>,
) -> impl IntoView {
    let id = format!("angebot-{offer}-{}", field.code());
    let error_id = format!("{id}-fehler");
    let hint_id = format!("{id}-hinweis");
    let hint = field.hint();
    let described_by = [
        error.as_ref().map(|_| error_id.clone()),
        hint.map(|_| hint_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = error.is_some().then_some("true");
    let name = field.code();
    let input = match field.input() {
        FieldInput::One(choices) | FieldInput::Several(choices) => view! {
            <select id=id.clone() name=name aria-invalid=invalid aria-describedby=described_by.clone()>
                {choices.into_iter().map(|(code, label)| view! {
                    <option value=code selected=code == value>{label}</option>
                }).collect_view()}
            </select>
        }
        .into_any(),
        FieldInput::Text => view! {
            <textarea id=id.clone() name=name rows="3" aria-invalid=invalid aria-describedby=described_by.clone()>
                {crate::shared::text::textarea_text(&value)}
            </textarea>
        }
        .into_any(),
        FieldInput::Line => view! {
            <input id=id.clone() name=name type="text" value=value aria-invalid=invalid aria-describedby=described_by.clone() />
        }
        .into_any(),
    };
    view! {
        <label for=id>{field.label()}</label>
        {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
        {input}
        {error.map(|message| view! { <p class="field-error" id=error_id>{message}</p> })}
    }
}

/// `/redaktion/einrichtungen`: the organisations, searchable by name, with their confirmation
/// state (editors).
#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let (search, unanswered) = use_query_map().with_untracked(|query| {
        (
            query.get("suche").unwrap_or_default(),
            query.get("keine-antwort").is_some_and(|value| value == "1"),
        )
    });
    view! {
        <Title text="Einrichtungen – Chancenkarte" />
        <Suspense>
            {move || {
                let search = search.clone();
                Suspend::new(async move {
                    let organizations = match crate::confirmations::service::organizations(&search, unanswered).await {
                        Ok(organizations) => organizations,
                        Err(_) => {
                            let viewer = current_viewer().await;
                            return view! { <AccessDenied viewer next=DESK_PATH.to_string() /> }.into_any();
                        }
                    };
                    view! {
                        <section class="account-page wide">
                            <h1>"Einrichtungen"</h1>
                            <p>
                                "Jede Einrichtung kann ihre Angebote selbst bestätigen oder Änderungen melden: über einen Link, den sie per E-Mail bekommt. Hier tragen Sie die Adressen dafür ein, senden Links und sehen, was geschah."
                            </p>
                            <form method="get" action=DESK_PATH class="inline-form" role="search">
                                <label for="org-suche">"Name enthält"</label>
                                <input id="org-suche" name="suche" type="search" value=search.clone() />
                                <input id="org-keine-antwort" name="keine-antwort" type="checkbox" value="1" checked=unanswered />
                                <label for="org-keine-antwort">"nur ohne Antwort auf zwei Erinnerungen"</label>
                                <button type="submit">"Suchen"</button>
                            </form>
                            {if organizations.is_empty() {
                                view! { <p>"Keine Einrichtung gefunden."</p> }.into_any()
                            } else {
                                view! {
                                    <table class="organizations">
                                        {column_heads(&["Einrichtung", "Aktive Angebote", "Adressen für Bestätigungen", "Zuletzt bestätigt", "Erinnerungen"])}
                                        <tbody>
                                            {organizations.into_iter().map(|organization| view! {
                                                <tr>
                                                    <th scope="row"><a href=desk_path(organization.id)>{organization.name}</a></th>
                                                    <td>{organization.active_offers}</td>
                                                    <td>{organization.contacts}</td>
                                                    <td>{organization.last_confirmed_at.map_or_else(|| "—".to_string(), date_of)}</td>
                                                    <td>{reminders_in_words(organization.reminders.as_ref())}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                    <p class="hint">"Höchstens 100 Einrichtungen; suchen Sie nach dem Namen, um weitere zu finden."</p>
                                }.into_any()
                            }}
                        </section>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// `/redaktion/einrichtungen/:id`: one organisation's confirmation contacts, links and log
/// (editors).
#[component]
pub fn OrganizationDeskPage() -> impl IntoView {
    let id: i64 = use_params_map()
        .with_untracked(|params| params.get("id").and_then(|id| id.parse().ok()))
        .unwrap_or(0);
    view! {
        <Title text="Einrichtung – Chancenkarte" />
        <Suspense>
            {move || Suspend::new(async move {
                let desk = match crate::confirmations::service::organization_desk(id).await {
                    Ok(desk) => desk,
                    Err(crate::shared::error::AppError::NotFound(text)) => {
                        crate::platform::response::set_not_found_status();
                        return view! { <section class="account-page"><h1>"Nicht gefunden"</h1><p>{text}</p></section> }.into_any();
                    }
                    Err(_) => {
                        let viewer = current_viewer().await;
                        return view! { <AccessDenied viewer next=desk_path(id) /> }.into_any();
                    }
                };
                let note = take_note().await;
                let fresh_link = note.as_ref().map(|note| note.form_value("link")).filter(|link| !link.is_empty());
                let organization = id.to_string();
                let has_contacts = !desk.contacts.is_empty();
                view! {
                    <section class="account-page wide">
                        <p><a href=DESK_PATH>"← Alle Einrichtungen"</a></p>
                        <h1>{desk.organization.name.clone()}</h1>
                        <p>{desk.organization.active_offers} " aktive Angebote · Erinnerungen: " {reminders_in_words(desk.organization.reminders.as_ref())}</p>
                        <NoteView note=note.clone() />
                        {fresh_link.map(|link| view! {
                            <label for="frischer-link">"Link zum Kopieren"</label>
                            <input id="frischer-link" type="text" readonly value=link class="copy-field" />
                        })}
                        <h2>"Adressen für Bestätigungen"</h2>
                        <p class="hint">"Nur für die Redaktion sichtbar. Jede Adresse bekommt ihren eigenen Link."</p>
                        <ul class="contacts">
                            {desk.contacts.into_iter().map(|contact| {
                                let organization = organization.clone();
                                view! {
                                    <li>
                                        {contact.email.clone()}
                                        <form method="post" action=RemoveConfirmationContact::url() class="inline-form">
                                            <input type="hidden" name="einrichtung" value=organization />
                                            <input type="hidden" name="adresse" value=contact.id.to_string() />
                                            <button type="submit" class="secondary" aria-label=format!("{} entfernen", contact.email)>"Entfernen"</button>
                                        </form>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <form method="post" action=AddConfirmationContact::url() class="inline-form">
                            <input type="hidden" name="einrichtung" value=organization.clone() />
                            <label for="neue-adresse">"E-Mail-Adresse"</label>
                            <input id="neue-adresse" name="email" type="email" required />
                            <button type="submit">"Eintragen"</button>
                        </form>
                        <h2>"Bestätigungslinks"</h2>
                        {(!desk.mail_ready).then(|| view! { <p class="note">{crate::subscriptions::service::MAIL_NOT_SET_UP}</p> })}
                        <div class="decisions">
                            {(desk.mail_ready && has_contacts).then(|| view! {
                                <form method="post" action=SendConfirmationLinks::url() class="inline-form">
                                    <input type="hidden" name="einrichtung" value=organization.clone() />
                                    <button type="submit">"Link per E-Mail senden"</button>
                                </form>
                            })}
                            <form method="post" action=NewConfirmationLink::url() class="inline-form">
                                <input type="hidden" name="einrichtung" value=organization.clone() />
                                <button type="submit" class="secondary">"Link zum Kopieren erzeugen"</button>
                            </form>
                            <form method="post" action=RevokeConfirmationLinks::url() class="inline-form">
                                <input type="hidden" name="einrichtung" value=organization.clone() />
                                <button type="submit" class="secondary">"Alle Links sperren"</button>
                            </form>
                        </div>
                        <h2>"Protokoll"</h2>
                        {if desk.log.is_empty() {
                            view! { <p>"Noch nichts geschehen."</p> }.into_any()
                        } else {
                            view! {
                                <table class="confirmation-log">
                                    {column_heads(&["Zeit", "Was", "Angebot", "Angaben"])}
                                    <tbody>
                                        {desk.log.into_iter().map(|entry| view! {
                                            <tr>
                                                <td>{date_time_of(entry.at)}</td>
                                                <td>{entry.event.label()}</td>
                                                <td>{entry.offer_id.map(|offer| view! { <a href=format!("/angebot/{offer}")>{entry.offer_name.clone()}</a> })}</td>
                                                <td>{entry.detail.clone()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
}
