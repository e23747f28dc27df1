//! Public request forms — "Angebot eintragen lassen" (`/eintragen`, with its confirmation) and
//! "Fehler melden" on every offer page — and the editors' queue of requests on `/redaktion`.

use crate::requests::endpoints::CreateOffer;
use crate::requests::endpoints::DecideRequest;
use crate::requests::endpoints::ReportCorrection;
use crate::requests::endpoints::RequestListing;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::accounts::auth::{Note, now, take_note};
use crate::accounts::ui::account_pages::NoteView;
use crate::editing::ui::twin_note::TwinNote;
use crate::region::model::MunicipalityInfo;
use crate::requests::model::{ProposedChange, RequestKind, RequestRecord, RequestStatus};

/// The hidden spam-defence fields of a public form: a honeypot no person sees and the signed
/// time the form was rendered.
#[component]
fn SpamGuards() -> impl IntoView {
    let stamp = crate::platform::state::app_state()
        .map(|state| crate::requests::form_stamp::issue(&state.form_secret, now()))
        .unwrap_or_default();
    view! {
        <div class="visually-hidden" aria-hidden="true">
            <label for="homepage">"Bitte leer lassen"</label>
            <input id="homepage" name="homepage" type="text" tabindex="-1" autocomplete="off" />
        </div>
        <input type="hidden" name="stamp" value=stamp />
    }
}

/// One labelled field of the listing form, with its error and the value typed before.
#[component]
fn FormField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] long: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional)] autocomplete: &'static str,
    note: Option<Note>,
) -> impl IntoView {
    let id = format!("r-{name}");
    let error_id = format!("{id}-fehler");
    let value = note
        .as_ref()
        .map(|n| n.form_value(name))
        .unwrap_or_default();
    let error = note.as_ref().and_then(|n| n.field_error(name));
    let described_by = error.as_ref().map(|_| error_id.clone());
    let invalid = error.is_some().then_some("true");
    let kind = if kind.is_empty() { "text" } else { kind };
    let label = if optional {
        format!("{label} (freiwillig)")
    } else {
        label.to_string()
    };
    let input = if long {
        view! {
            <textarea id=id.clone() name=name rows="5" required=!optional aria-invalid=invalid aria-describedby=described_by.clone()>
                {crate::shared::text::textarea_text(&value)}
            </textarea>
        }
            .into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=name
                type=kind
                value=value
                required=!optional
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-invalid=invalid
                aria-describedby=described_by
            />
        }
        .into_any()
    };
    view! {
        <label for=id>{label}</label>
        {input}
        {error.map(|message| view! { <p class="field-error" id=error_id>{message}</p> })}
    }
}

#[component]
pub fn ListingRequestPage() -> impl IntoView {
    view! {
        <Title text="Angebot eintragen lassen – Chancenkarte" />
        <section class="account-page">
            <h1>"Angebot eintragen lassen"</h1>
            <p>
                "Ihre Einrichtung hat ein Angebot für Familien, Kinder oder Jugendliche im Kreis und ist noch nicht auf der Karte? Schicken Sie uns die Angaben; die Redaktion prüft sie und meldet sich bei Ihnen."
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    let note = take_note().await;
                    let consent_error = note.as_ref().and_then(|n| n.field_error("consent"));
                    view! {
                        <NoteView note=note.clone() />
                        <form method="post" action=RequestListing::url() class="account-form">
                            <SpamGuards />
                            <FormField name="organization" label="Name der Einrichtung" autocomplete="organization" note=note.clone() />
                            <FormField name="offer_name" label="Name des Angebots" note=note.clone() />
                            <FormField name="description" label="Was bietet es, für wen?" long=true note=note.clone() />
                            <FormField name="street" label="Straße und Hausnummer" autocomplete="street-address" note=note.clone() />
                            <FormField name="postcode" label="Postleitzahl" autocomplete="postal-code" note=note.clone() />
                            <FormField name="town" label="Ort" autocomplete="address-level2" note=note.clone() />
                            <FormField name="contact_name" label="Ansprechperson für die Redaktion" autocomplete="name" note=note.clone() />
                            <FormField name="contact_email" label="E-Mail-Adresse" kind="email" autocomplete="email" note=note.clone() />
                            <FormField name="contact_phone" label="Telefon" kind="tel" optional=true autocomplete="tel" note=note.clone() />
                            <div class="check">
                                <input id="r-consent" name="consent" type="checkbox" value="ja" required aria-invalid=consent_error.is_some().then_some("true") />
                                <label for="r-consent">
                                    "Die Angaben zum Angebot dürfen auf der Chancenkarte veröffentlicht werden. Die Angaben zur Ansprechperson sieht nur die Redaktion."
                                </label>
                            </div>
                            {consent_error.map(|message| view! { <p class="field-error">{message}</p> })}
                            <button type="submit">"Anfrage senden"</button>
                        </form>
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ListingRequestThanks() -> impl IntoView {
    let query = use_query_map();
    let reference = query.read_untracked().get("nummer").unwrap_or_default();
    let well_formed = reference.starts_with("CK-") && reference.len() <= 20;
    view! {
        <Title text="Danke – Chancenkarte" />
        <section class="account-page">
            <h1>"Danke für Ihre Anfrage"</h1>
            {well_formed
                .then(|| {
                    view! {
                        <p role="status" class="note note-success">
                            "Ihre Anfrage ist angekommen. Ihre Nummer: " <strong class="reference">{reference}</strong>
                        </p>
                    }
                })}
            <p>"Die Redaktion prüft die Angaben und meldet sich bei der angegebenen Ansprechperson. Bitte nennen Sie bei Rückfragen die Nummer."</p>
            <p>
                <a href="/">"Zur Karte"</a>
            </p>
        </section>
    }
}

/// "Fehler melden" below an offer. After a post it opens with the answer in the visitor's
/// language (see `report_correction`); a refused report shows what was typed again, each field
/// with its problem.
#[component]
pub fn ReportError(id: i64) -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let note = take_note().await.filter(|note| note.target == "fehler-melden");
                let open = note.is_some();
                let typed = |field: &str| {
                    note.as_ref().map(|note| note.form_value(field)).unwrap_or_default()
                };
                let (message_value, email_value) = (typed("message"), typed("contact_email"));
                let error = |field: &str| note.as_ref().and_then(|note| note.field_error(field));
                let (message_error, email_error) = (error("message"), error("contact_email"));
                const MESSAGE_ERROR: &str = "f-message-fehler";
                const EMAIL_ERROR: &str = "f-email-fehler";
                let answer = note.map(|note| {
                    if note.is_error {
                        view! { <p class="note note-error" role="alert">{note.text}</p> }.into_any()
                    } else {
                        view! { <p class="note note-success" role="status">{note.text}</p> }.into_any()
                    }
                });
                use crate::platform::catalogues::t;
                view! {
                    <details class="report-error" id="fehler-melden" open=open>
                        <summary>{t("fehler-melden")}</summary>
                        {answer}
                        <form method="post" action=ReportCorrection::url() class="account-form">
                            <SpamGuards />
                            <input type="hidden" name="offer_id" value=id.to_string() />
                            <label for="f-message">{t("fehler-melden-was")}</label>
                            <textarea
                                id="f-message"
                                name="message"
                                rows="4"
                                required
                                aria-invalid=message_error.is_some().then_some("true")
                                aria-describedby=message_error.is_some().then_some(MESSAGE_ERROR)
                            >
                                {crate::shared::text::textarea_text(&message_value)}
                            </textarea>
                            {message_error.map(|text| view! { <p class="field-error" id=MESSAGE_ERROR>{text}</p> })}
                            <label for="f-email">{t("fehler-melden-email")}</label>
                            <input
                                id="f-email"
                                name="contact_email"
                                type="email"
                                autocomplete="email"
                                dir="ltr"
                                value=email_value
                                aria-invalid=email_error.is_some().then_some("true")
                                aria-describedby=email_error.is_some().then_some(EMAIL_ERROR)
                            />
                            {email_error.map(|text| view! { <p class="field-error" id=EMAIL_ERROR>{text}</p> })}
                            <button type="submit">{t("fehler-melden-senden")}</button>
                        </form>
                    </details>
                }
            })}
        </Suspense>
    }
}

/// The requests' part of the editors' overview, at its top: the requests waiting for a
/// decision, oldest first, and below them the last decided ones, folded. Rendered only after
/// the page has checked the editor role; the queue is read by the service, which checks it
/// again.
#[component]
pub fn RequestsDesk() -> impl IntoView {
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                let requests = crate::requests::service::queue().await.unwrap_or_default();
                view! { <RequestQueue requests municipalities=municipalities() /> }
            })}
        </Suspense>
    }
}

/// The form for a new offer, at the end of the editors' overview.
#[component]
pub fn NewOfferDesk() -> impl IntoView {
    view! { <NewOfferForm municipalities=municipalities() /> }
}

fn municipalities() -> Vec<MunicipalityInfo> {
    crate::platform::state::app_state()
        .map(|state| state.region.municipalities.clone())
        .unwrap_or_default()
}

#[component]
pub fn RequestQueue(
    requests: Vec<RequestRecord>,
    municipalities: Vec<MunicipalityInfo>,
) -> impl IntoView {
    use crate::platform::catalogues::{t, t_with};
    use fluent_bundle::FluentValue;
    let (open, decided): (Vec<RequestRecord>, Vec<RequestRecord>) = requests
        .into_iter()
        .partition(|r| r.status == RequestStatus::Open);
    let open_count = open.len();
    let decided_count = decided.len();
    let entries = |requests: Vec<RequestRecord>| {
        requests
            .into_iter()
            .map(|request| view! { <RequestEntry request municipalities=municipalities.clone() /> })
            .collect_view()
    };
    view! {
        <section aria-labelledby="requests-heading" id="anfragen">
            <h2 id="requests-heading">
                {t_with("redaktion-anfragen-titel", &[("count", FluentValue::from(open_count))])}
            </h2>
            {if open.is_empty() {
                view! { <p>{t("redaktion-keine-anfragen")}</p> }.into_any()
            } else {
                view! { <ol class="requests">{entries(open)}</ol> }.into_any()
            }}
            {(decided_count > 0)
                .then(|| {
                    view! {
                        <details class="decided-requests">
                            <summary>
                                {t_with("redaktion-entschieden", &[("count", FluentValue::from(decided_count))])}
                            </summary>
                            <ol class="requests">{entries(decided)}</ol>
                        </details>
                    }
                })}
        </section>
    }
}

#[component]
fn RequestEntry(request: RequestRecord, municipalities: Vec<MunicipalityInfo>) -> impl IntoView {
    let id = request.id.to_string();
    let is_open = request.status == RequestStatus::Open;
    let title = match request.kind {
        RequestKind::Listing => {
            format!("Eintrag: {} ({})", request.offer_name, request.organization)
        }
        RequestKind::Correction => format!("Korrektur zu „{}“", request.offer_name),
    };
    // A proposal is applied by the button; a typed correction was worked in by hand.
    let applied_label = if request.proposed.iter().any(|change| change.is_archive()) {
        "Archivieren"
    } else if request.proposed.is_empty() {
        "Eingearbeitet"
    } else {
        "Änderung übernehmen"
    };
    let reason_id = format!("grund-{}", request.id);
    let place_id = format!("ort-{}", request.id);
    view! {
        <li class="request" data-request-id=request.id>
            <h3>{request.reference.clone()} " · " {title}</h3>
            <p class="meta">"Status: " {request.status.code()}
                {(!request.decision_reason.is_empty()).then(|| format!(" – {}", request.decision_reason))}
            </p>
            {match request.kind {
                RequestKind::Listing => view! {
                    <p>{request.description.clone()}</p>
                    <p>{request.address.clone()}</p>
                    <TwinNote twins=request.likely_twins.clone() />
                    <p>"Ansprechperson: " {request.contact_name.clone()} ", " {request.contact_email.clone()} " " {request.contact_phone.clone()}</p>
                }.into_any(),
                RequestKind::Correction => view! {
                    {request.from_institution.then(|| view! { <p class="meta">"Von der Einrichtung über ihren Bestätigungslink"</p> })}
                    <ProposalDiff changes=request.proposed.clone() />
                    {(!request.message.is_empty()).then(|| view! { <p class="internal-note">{request.message.clone()}</p> })}
                    {request.offer_id.map(|offer| view! { <p><a href=format!("/angebot/{offer}#bearbeiten")>"Zum Angebot"</a></p> })}
                    {(!request.contact_email.is_empty()).then(|| view! { <p>"Rückfragen an: " {request.contact_email.clone()}</p> })}
                    {forwarded(&request).map(|text| view! { <p class="meta forwarded">{text}</p> })}
                }.into_any(),
            }}
            {request.created_offer_id.map(|offer| view! { <p><a href=format!("/angebot/{offer}#bearbeiten")>"Zum angelegten Angebot"</a></p> })}
            {is_open.then(|| view! {
                <div class="decisions">
                    {match request.kind {
                        RequestKind::Listing => view! {
                            <form method="post" action=DecideRequest::url() class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="decision" value=RequestStatus::Approved.code() />
                                <label for=place_id.clone()>"Ort"</label>
                                <select id=place_id name="ort">
                                    {municipalities.into_iter().map(|m| view! { <option value=m.ags>{m.name}</option> }).collect_view()}
                                </select>
                                <button type="submit">"Übernehmen"</button>
                            </form>
                        }.into_any(),
                        RequestKind::Correction => view! {
                            <form method="post" action=DecideRequest::url() class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="decision" value=RequestStatus::Applied.code() />
                                <button type="submit">{applied_label}</button>
                            </form>
                            <form method="post" action=DecideRequest::url() class="inline-form">
                                <input type="hidden" name="id" value=id.clone() />
                                <input type="hidden" name="decision" value=RequestStatus::Dismissed.code() />
                                <button type="submit" class="secondary">"Verwerfen"</button>
                            </form>
                        }.into_any(),
                    }}
                    <form method="post" action=DecideRequest::url() class="inline-form">
                        <input type="hidden" name="id" value=id.clone() />
                        <input type="hidden" name="decision" value=RequestStatus::Rejected.code() />
                        <label for=reason_id.clone()>"Grund"</label>
                        <input id=reason_id name="reason" type="text" required />
                        <button type="submit" class="secondary">"Ablehnen"</button>
                    </form>
                </div>
            })}
        </li>
    }
}

/// Whether and to whom a "Fehler melden" correction went to its institution, and whether the
/// institution answered through its link since.
fn forwarded(request: &RequestRecord) -> Option<String> {
    let at = request.forwarded_at?;
    let when = crate::editing::ui::offer_page_editor::date_time_of(at);
    Some(if request.forwarded_to.is_empty() {
        format!(
            "Nicht an die Einrichtung weitergeleitet ({when}): Für sie ist keine Adresse für Bestätigungen eingetragen."
        )
    } else if request.institution_acted {
        format!(
            "An die Einrichtung weitergeleitet am {when} ({}). Die Einrichtung hat seitdem über ihren Link reagiert.",
            request.forwarded_to
        )
    } else {
        format!(
            "An die Einrichtung weitergeleitet am {when} ({}). Noch keine Reaktion über ihren Link.",
            request.forwarded_to
        )
    })
}

/// The fields an institution asks to change, as a table of the value before and the value
/// asked for.
#[component]
fn ProposalDiff(changes: Vec<ProposedChange>) -> impl IntoView {
    (!changes.is_empty()).then(|| {
        view! {
            <table class="proposal-diff">
                <caption>"Gewünschte Änderung"</caption>
                <thead>
                    <tr><th scope="col">"Feld"</th><th scope="col">"bisher"</th><th scope="col">"neu"</th></tr>
                </thead>
                <tbody>
                    {changes.into_iter().map(|change| view! {
                        <tr>
                            <th scope="row">{change.label()}</th>
                            <td><del>{change.shown(&change.old)}</del></td>
                            <td><ins>{change.shown(&change.new)}</ins></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// The form with which editors start a new offer.
#[component]
pub fn NewOfferForm(municipalities: Vec<MunicipalityInfo>) -> impl IntoView {
    // A point picked on the map arrives as `?lat=…&lon=…`.
    let query = use_query_map();
    let (lat, lon) = query.with_untracked(|q| {
        (
            q.get("lat").unwrap_or_default(),
            q.get("lon").unwrap_or_default(),
        )
    });
    let picked = (!lat.is_empty() && !lon.is_empty()).then(|| {
        format!(
            "An dem auf der Karte gewählten Punkt ({lat}, {lon}); die Gemeinde ergibt sich daraus."
        )
    });
    view! {
        <section aria-labelledby="new-heading" id="neu" class="account-page">
            <h2 id="new-heading">"Neues Angebot anlegen"</h2>
            {picked.map(|text| view! { <p class="hint">{text}</p> })}
            <form method="post" action=CreateOffer::url() class="account-form">
                <input type="hidden" name="lat" value=lat />
                <input type="hidden" name="lon" value=lon />
                <label for="n-organization">"Einrichtung"</label>
                <input id="n-organization" name="organization" type="text" required />
                <label for="n-offer">"Name des Angebots"</label>
                <input id="n-offer" name="offer_name" type="text" required />
                <label for="n-description">"Beschreibung"</label>
                <textarea id="n-description" name="description" rows="4" required></textarea>
                <label for="n-street">"Straße und Hausnummer"</label>
                <input id="n-street" name="street" type="text" required />
                <label for="n-postcode">"Postleitzahl"</label>
                <input id="n-postcode" name="postcode" type="text" inputmode="numeric" required />
                <label for="n-town">"Ort (Anschrift)"</label>
                <input id="n-town" name="town" type="text" required />
                <label for="n-ort">"Gemeinde"</label>
                <select id="n-ort" name="ort">
                    {municipalities.into_iter().map(|m| view! { <option value=m.ags>{m.name}</option> }).collect_view()}
                </select>
                <button type="submit">"Anlegen (noch nicht öffentlich)"</button>
            </form>
        </section>
    }
}
