//! The editors' section of an offer page (role `editor`): every editable field with its
//! current value and an edit form in place (`?bearbeiten=feld`), the conflict view when
//! someone saved in between, "als geprüft markieren", and the change history with revert.
//! Plain HTML forms: they work with the keyboard and without JavaScript.

use crate::editing::endpoints::MarkOfferChecked;
use crate::editing::endpoints::MoveOffer;
use crate::editing::endpoints::RevertOfferChange;
use crate::editing::endpoints::SetOfferArchived;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_query_map;

use crate::accounts::auth::{EditDraft, take_note};
use crate::accounts::ui::account_pages::NoteView;
use crate::editing::model::{
    ChangeRecord, EditableField, EditableOffer, LOCATION_FIELD, OfferLocation,
};
use crate::editing::ui::field_editor::{Conflict, EditorPlace, FieldDraft, FieldEditor};

/// A moment as the editors read it: day and time in the server's zone.
pub fn date_time_of(unix_secs: i64) -> String {
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
    note: Option<crate::accounts::auth::Note>,
) -> impl IntoView {
    let location = offer.location.clone();
    // A refused value's reason, shown at the field too (the note says it at the top).
    let problem = note
        .as_ref()
        .filter(|note| note.is_error)
        .map(|note| note.text.clone());
    // A refused place: what was typed, with the inputs at fault.
    let refused_place = note
        .clone()
        .filter(|note| note.is_error && !note.field_errors.is_empty() && editing_location);
    let id = offer.id.to_string();
    let version = offer.version.to_string();
    let last_checked = offer.last_checked.format("%d.%m.%Y").to_string();
    let rows = EditableField::ALL
        .into_iter()
        .map(|field| {
            let current = offer.value(field).to_string();
            let draft = draft
                .clone()
                .filter(|draft| draft.field == field.code())
                .map(|draft| (draft, problem.clone()));
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
                    <LocationRow offer_id=offer.id version=offer.version location editing=editing_location picked refused=refused_place />
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
    /// The value that was not saved, with why (the note's text) or the conflict.
    draft: Option<(EditDraft, Option<String>)>,
) -> impl IntoView {
    let draft = editing.then(|| match draft {
        Some((draft, problem)) => FieldDraft {
            value: draft.value,
            problem: if draft.conflict.is_some() {
                None
            } else {
                problem
            },
            conflict: draft.conflict.map(|(their_value, their_version)| Conflict {
                their_value,
                their_version,
            }),
        },
        None => FieldDraft {
            value: current.clone(),
            ..FieldDraft::default()
        },
    });
    view! {
        <tr id=format!("feld-{}", field.code())>
            <th scope="row">{field.label()}</th>
            <td>
                <FieldEditor place=EditorPlace::OfferPage offer_id version field current draft />
            </td>
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

/// The offer's address and position, with a form to move it. After a refused save the form
/// shows what was typed, and each input at fault is marked (`aria-invalid`, described by the
/// reason beside it), as the field editor marks a field.
#[component]
fn LocationRow(
    offer_id: i64,
    version: i64,
    location: OfferLocation,
    editing: bool,
    picked: Option<(String, String)>,
    refused: Option<crate::accounts::auth::Note>,
) -> impl IntoView {
    let picked_hint = picked.is_some();
    let (lat, lon) = picked.unwrap_or_else(|| {
        (
            format!("{:.6}", location.lat),
            format!("{:.6}", location.lon),
        )
    });
    let typed =
        |name: &str, saved: String| refused.as_ref().map_or(saved, |note| note.form_value(name));
    let (street, postcode, town) = (
        typed("street", location.street.clone()),
        typed("postcode", location.postcode.clone()),
        typed("town", location.town.clone()),
    );
    let (lat, lon) = (typed("lat", lat), typed("lon", lon));
    const PROBLEM_ID: &str = "standort-fehler";
    let at_fault = |name: &str| {
        refused
            .as_ref()
            .and_then(|note| note.field_error(name))
            .is_some()
    };
    let invalid = |name: &str| at_fault(name).then_some("true");
    let described = |name: &str| at_fault(name).then_some(PROBLEM_ID);
    // The reason stands once, after the last input at fault.
    let last_at_fault = ["street", "postcode", "town", "lat", "lon"]
        .into_iter()
        .rfind(|name| at_fault(name));
    // The focus goes to the first input at fault, else to the first input.
    let first_at_fault = ["street", "postcode", "town", "lat", "lon"]
        .into_iter()
        .find(|name| at_fault(name))
        .unwrap_or("street");
    let focus = |name: &str| first_at_fault == name;
    let reason = refused
        .as_ref()
        .and_then(|note| last_at_fault.and_then(|name| note.field_error(name)));
    let problem_after = |name: &str| {
        (last_at_fault == Some(name))
            .then(|| reason.clone())
            .flatten()
            .map(|reason| view! { <p class="field-error" id=PROBLEM_ID>{reason}</p> })
    };
    let body = if editing {
        view! {
            <form method="post" action=MoveOffer::url() class="edit-form">
                <input type="hidden" name="id" value=offer_id.to_string() />
                <input type="hidden" name="version" value=version.to_string() />
                <label for="standort-strasse">"Straße und Hausnummer"</label>
                <input id="standort-strasse" name="street" type="text" value=street autofocus=focus("street") aria-invalid=invalid("street") aria-describedby=described("street") />
                {problem_after("street")}
                <label for="standort-plz">"Postleitzahl"</label>
                <input id="standort-plz" name="postcode" type="text" inputmode="numeric" value=postcode autofocus=focus("postcode") aria-invalid=invalid("postcode") aria-describedby=described("postcode") />
                {problem_after("postcode")}
                <label for="standort-ort">"Ort"</label>
                <input id="standort-ort" name="town" type="text" value=town autofocus=focus("town") aria-invalid=invalid("town") aria-describedby=described("town") />
                {problem_after("town")}
                <label for="standort-breite">"Breite (Latitude)"</label>
                {picked_hint.then(|| view! { <p class="hint">"Die Koordinaten kommen vom Punkt, den Sie auf der Karte gewählt haben. Bitte prüfen Sie auch die Anschrift."</p> })}
                <input id="standort-breite" name="lat" type="text" inputmode="decimal" value=lat autofocus=focus("lat") aria-invalid=invalid("lat") aria-describedby=described("lat") />
                {problem_after("lat")}
                <label for="standort-laenge">"Länge (Longitude)"</label>
                <input id="standort-laenge" name="lon" type="text" inputmode="decimal" value=lon autofocus=focus("lon") aria-invalid=invalid("lon") aria-describedby=described("lon") />
                {problem_after("lon")}
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
