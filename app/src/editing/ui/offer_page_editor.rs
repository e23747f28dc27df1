//! The editors' section of an offer page (role `editor`): every editable field with its
//! current value and an edit form in place (`?bearbeiten=feld`), the conflict view when
//! someone saved in between, "als geprüft markieren", and the change history with revert.
//! Plain HTML forms: they work with the keyboard and without JavaScript.

use crate::editing::endpoints::EditOfferField;
use crate::editing::endpoints::MarkOfferChecked;
use crate::editing::endpoints::MoveOffer;
use crate::editing::endpoints::RevertOfferChange;
use crate::editing::endpoints::SetOfferArchived;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_query_map;

use crate::accounts::ui::account_pages::NoteView;
use crate::editing::model::{
    ChangeRecord, EditableField, EditableOffer, FieldInput, LOCATION_FIELD, OfferLocation,
};
use crate::platform::auth::{EditDraft, take_note};

fn date_time_of(unix_secs: i64) -> String {
    chrono::DateTime::from_timestamp(unix_secs, 0)
        .map(|time| {
            time.with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// The editors' section of offer `id`, for editors only; nothing for anyone else.
#[component]
pub fn EditorPanel(id: i64) -> impl IntoView {
    let query = use_query_map();
    let editing_code = query.read_untracked().get("bearbeiten").unwrap_or_default();
    // A point picked on the map (`&lat=…&lon=…`) fills the location form.
    let picked = query.with_untracked(|q| match (q.get("lat"), q.get("lon")) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        _ => None,
    });
    let editing = EditableField::parse(&editing_code);
    let editing_location = editing_code == LOCATION_FIELD;
    view! {
        <Suspense>
            {move || {
                let picked = picked.clone();
                Suspend::new(async move {
                let offer = crate::editing::service::editable_offer(id).await.ok()?;
                let history = crate::editing::service::offer_history(id).await.unwrap_or_default();
                let note = take_note().await;
                let draft = note
                    .as_ref()
                    .and_then(|note| note.draft.clone())
                    .filter(|draft| draft.offer_id == id);
                Some(view! { <EditorSection offer history editing editing_location picked draft note /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn EditorSection(
    offer: EditableOffer,
    history: Vec<ChangeRecord>,
    editing: Option<EditableField>,
    editing_location: bool,
    picked: Option<(String, String)>,
    draft: Option<EditDraft>,
    note: Option<crate::platform::auth::Note>,
) -> impl IntoView {
    let location = offer.location.clone();
    let id = offer.id.to_string();
    let version = offer.version.to_string();
    let last_checked = offer.last_checked.format("%d.%m.%Y").to_string();
    let rows = EditableField::ALL
        .into_iter()
        .map(|field| {
            let current = offer.value(field).to_string();
            let draft = draft.clone().filter(|draft| draft.field == field.code());
            view! {
                <FieldRow
                    offer_id=offer.id
                    version=offer.version
                    field
                    current
                    editing=editing == Some(field)
                    draft
                />
            }
        })
        .collect_view();
    view! {
        <section class="editor-panel" id="bearbeiten" aria-labelledby="editor-heading">
            <h2 id="editor-heading">"Redaktion"</h2>
            <NoteView note />
            <p>
                "Zuletzt geprüft: " {last_checked}
                {offer.archived.then_some(" · archiviert")}
            </p>
            <div class="editor-actions">
                <form method="post" action=MarkOfferChecked::url() class="inline-form">
                    <input type="hidden" name="id" value=id.clone() />
                    <input type="hidden" name="version" value=version.clone() />
                    <button type="submit">"Als geprüft markieren"</button>
                </form>
                <form method="post" action=SetOfferArchived::url() class="inline-form">
                    <input type="hidden" name="id" value=id.clone() />
                    <input type="hidden" name="version" value=version />
                    <input type="hidden" name="archived" value=(!offer.archived).to_string() />
                    {if offer.archived {
                        view! { <button type="submit">"Veröffentlichen"</button> }.into_any()
                    } else {
                        view! { <button type="submit" class="secondary">"Archivieren"</button> }.into_any()
                    }}
                </form>
            </div>
            <table class="edit-fields">
                <tbody>
                    {rows}
                    <LocationRow offer_id=offer.id version=offer.version location editing=editing_location picked />
                </tbody>
            </table>
            <h3>"Verlauf"</h3>
            {if history.is_empty() {
                view! { <p>"Noch keine Änderungen."</p> }.into_any()
            } else {
                view! {
                    <ol class="history">
                        {history.into_iter().map(|change| view! { <HistoryEntry change /> }).collect_view()}
                    </ol>
                }
                    .into_any()
            }}
        </section>
    }
}

#[component]
fn FieldRow(
    offer_id: i64,
    version: i64,
    field: EditableField,
    current: String,
    editing: bool,
    draft: Option<EditDraft>,
) -> impl IntoView {
    let code = field.code();
    let row_id = format!("feld-{code}");
    let shown = field.shown_value(&current);
    // The edit link carries no #fragment: browsers skip `autofocus` on pages opened at one,
    // and the focused field scrolls into view by itself.
    let body = if editing {
        // After a conflict the form is based on the version saved meanwhile: saving then
        // deliberately replaces the other value, after the editor has seen it.
        let (conflict, base_version) = match draft.as_ref().and_then(|d| d.conflict.clone()) {
            Some((their_value, their_version)) => (Some(their_value), their_version),
            None => (None, version),
        };
        let value = draft.map_or(current, |draft| draft.value);
        let input_id = format!("wert-{code}");
        let hint_id = format!("hinweis-{code}");
        let hint = field.hint();
        let described_by = hint.map(|_| hint_id.clone());
        let input = match field.input() {
            FieldInput::Several(choices) => {
                let chosen: Vec<&str> = value.split(',').map(str::trim).collect();
                view! {
                    <fieldset class="choices" aria-describedby=described_by.clone()>
                        <legend>{format!("Neuer Wert: {}", field.label())}</legend>
                        {choices
                            .into_iter()
                            .map(|(choice, label)| {
                                let id = format!("wert-{code}-{choice}");
                                let checked = chosen.contains(&choice);
                                view! {
                                    <div class="check">
                                        <input type="checkbox" id=id.clone() name="values[]" value=choice checked=checked />
                                        <label for=id>{label}</label>
                                    </div>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                }
                    .into_any()
            }
            FieldInput::One(choices) => {
                view! {
                    <select id=input_id.clone() name="value" autofocus aria-describedby=described_by.clone()>
                        {choices
                            .into_iter()
                            .map(|(choice, label)| {
                                view! { <option value=choice selected=value == choice>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                }
                    .into_any()
            }
            FieldInput::Text => {
                view! {
                    <textarea id=input_id.clone() name="value" rows="5" autofocus aria-describedby=described_by.clone()>
                        {value}
                    </textarea>
                }
                    .into_any()
            }
            FieldInput::Line => {
                view! {
                    <input
                        id=input_id.clone()
                        name="value"
                        type="text"
                        value=value
                        autofocus
                        aria-describedby=described_by.clone()
                    />
                }
                    .into_any()
            }
        };
        view! {
            {conflict
                .map(|theirs| {
                    view! {
                        <div class="conflict" role="group" aria-label="Zwei Fassungen">
                            <p>
                                <strong>"Inzwischen gespeichert:"</strong>
                            </p>
                            <p class="conflict-theirs">{if theirs.is_empty() { "—".to_string() } else { theirs }}</p>
                            <p>
                                <strong>"Ihre Fassung"</strong>
                                " (unten im Feld; „Speichern“ ersetzt die andere, „Abbrechen“ behält sie):"
                            </p>
                        </div>
                    }
                })}
            <form method="post" action=EditOfferField::url() class="edit-form">
                <input type="hidden" name="id" value=offer_id.to_string() />
                <input type="hidden" name="version" value=base_version.to_string() />
                <input type="hidden" name="field" value=code />
                {(!matches!(field.input(), FieldInput::Several(_))).then(|| view! { <label for=input_id.clone()>{format!("Neuer Wert: {}", field.label())}</label> })}
                {input}
                {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
                <div class="edit-actions">
                    <button type="submit">"Speichern"</button>
                    <a href=format!("/angebot/{offer_id}#{row_id}")>"Abbrechen"</a>
                </div>
            </form>
        }
            .into_any()
    } else {
        view! {
            <span class="field-value">{shown}</span>
            " "
            <a
                class="edit-link"
                href=format!("/angebot/{offer_id}?bearbeiten={code}")
                aria-label=format!("{} bearbeiten", field.label())
            >
                "Bearbeiten"
            </a>
        }
        .into_any()
    };
    view! {
        <tr id=row_id.clone()>
            <th scope="row">{field.label()}</th>
            <td>{body}</td>
        </tr>
    }
}

#[component]
fn HistoryEntry(change: ChangeRecord) -> impl IntoView {
    let revertible = EditableField::parse(&change.field).is_some();
    let show = |value: &str| {
        if value.is_empty() {
            "—".to_string()
        } else {
            value.to_string()
        }
    };
    view! {
        <li class="change" data-change-id=change.id>
            <span class="change-meta">
                {date_time_of(change.changed_at)} " · " {change.account_name.clone()} " · "
                <strong>{change.field_label()}</strong>
                {change.reverts_change_id.map(|id| format!(" (nimmt Änderung {id} zurück)"))}
            </span>
            <br />
            <del>{show(&change.old_value)}</del>
            " → "
            <ins>{show(&change.new_value)}</ins>
            {revertible
                .then(|| {
                    view! {
                        <form method="post" action=RevertOfferChange::url() class="inline-form">
                            <input type="hidden" name="change_id" value=change.id.to_string() />
                            <button type="submit" aria-label=format!("Änderung {} zurücknehmen", change.id)>
                                "Zurücknehmen"
                            </button>
                        </form>
                    }
                })}
        </li>
    }
}

/// The offer's address and position, with a form to move it.
#[component]
fn LocationRow(
    offer_id: i64,
    version: i64,
    location: OfferLocation,
    editing: bool,
    picked: Option<(String, String)>,
) -> impl IntoView {
    let picked_hint = picked.is_some();
    let (lat, lon) = picked.unwrap_or_else(|| {
        (
            format!("{:.6}", location.lat),
            format!("{:.6}", location.lon),
        )
    });
    let body = if editing {
        view! {
            <form method="post" action=MoveOffer::url() class="edit-form">
                <input type="hidden" name="id" value=offer_id.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <label for="standort-strasse">"Straße und Hausnummer"</label>
                <input id="standort-strasse" name="street" type="text" value=location.street.clone() autofocus />
                <label for="standort-plz">"Postleitzahl"</label>
                <input id="standort-plz" name="postcode" type="text" inputmode="numeric" value=location.postcode.clone() />
                <label for="standort-ort">"Ort"</label>
                <input id="standort-ort" name="town" type="text" value=location.town.clone() />
                <label for="standort-breite">"Breite (Latitude)"</label>
                {picked_hint.then(|| view! { <p class="hint">"Die Koordinaten kommen vom Punkt, den Sie auf der Karte gewählt haben. Bitte prüfen Sie auch die Anschrift."</p> })}
                <input id="standort-breite" name="lat" type="text" inputmode="decimal" value=lat />
                <label for="standort-laenge">"Länge (Longitude)"</label>
                <input id="standort-laenge" name="lon" type="text" inputmode="decimal" value=lon />
                <p class="hint">"Die Gemeinde ergibt sich aus den Koordinaten; sie müssen im Kreis liegen."</p>
                <div class="edit-actions">
                    <button type="submit">"Standort speichern"</button>
                    <a href=format!("/angebot/{offer_id}#feld-standort")>"Abbrechen"</a>
                </div>
            </form>
        }
            .into_any()
    } else {
        view! {
            <span class="field-value">{location.describe()}</span>
            " "
            <a class="edit-link" href=format!("/angebot/{offer_id}?bearbeiten=standort") aria-label="Standort bearbeiten">
                "Bearbeiten"
            </a>
        }
            .into_any()
    };
    view! {
        <tr id="feld-standort">
            <th scope="row">"Standort"</th>
            <td>{body}</td>
        </tr>
    }
}
