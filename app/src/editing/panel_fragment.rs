//! The editors' part of the map's detail panel, answered to the explorer island
//! (`/redaktion/kartenfenster/{id}`): every field with its edit control, the field being
//! edited as its form with hint, error and conflict view, rendered on the server with the same
//! field editor as the offer page (`ui::field_editor`) and sent as a [`PanelAnswer`]. The
//! browser only swaps the HTML in (see `ui::map_panel_editor`), so the Wasm bundle carries no
//! editing views.
//!
//! A save based on an old version shows the value saved meanwhile and the editor's own side
//! by side; saving then again replaces the other value, knowingly.

use leptos::prelude::*;

use crate::editing::model::{EditOutcome, EditableField, EditableOffer, PanelAnswer};
use crate::editing::ui::field_editor::{
    Conflict, EditorPlace, FieldDraft, FieldEditor, PANEL_SHOW_FORM, panel_fragment_path,
};

const PLACE: EditorPlace = EditorPlace::MapPanel;

/// What the fragment shows besides the offer's values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PanelState {
    /// The field being edited and its draft.
    pub editing: Option<(EditableField, FieldDraft)>,
    /// What just happened, for the panel's live region.
    pub status: Option<String>,
    /// Whether something was saved (the panel then reloads the offer's public view).
    pub saved: bool,
    /// The id of the element to focus after the fragment is swapped in.
    pub focus: Option<String>,
}

/// The id of the "Als geprüft markieren" button, where the focus stays after marking.
const CHECKED_BUTTON_ID: &str = "panel-geprueft";

/// The whole answer: "Als geprüft markieren", a link to the offer page's history, and every
/// field; status, saved and focus beside the HTML.
pub fn panel_answer(offer: &EditableOffer, state: PanelState) -> PanelAnswer {
    let PanelState {
        editing,
        status,
        saved,
        focus,
    } = state;
    let offer = offer.clone();
    // Leptos marks text boundaries with empty comments for hydration; this HTML is never
    // hydrated, and a `<` in any value is escaped, so they can go.
    let html = Owner::new()
        .with(|| view! { <MapPanelFields offer editing /> }.to_html())
        .replace("<!>", "");
    PanelAnswer {
        html,
        status,
        saved,
        focus,
    }
}

#[component]
fn MapPanelFields(
    offer: EditableOffer,
    editing: Option<(EditableField, FieldDraft)>,
) -> impl IntoView {
    let path = panel_fragment_path(offer.id);
    let rows = EditableField::ALL
        .into_iter()
        .map(|field| {
            let code = field.code();
            let draft = editing
                .clone()
                .filter(|(edited, _)| *edited == field)
                .map(|(_, draft)| draft);
            view! {
                <div class="panel-field" id=format!("panel-feld-{code}")>
                    <dt>{field.label()} {field.member_only().then_some(" (nur Mitglieder)")}</dt>
                    <dd>
                        <FieldEditor
                            place=PLACE
                            offer_id=offer.id
                            version=offer.version
                            field
                            current=offer.value(field).to_string()
                            draft
                        />
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="panel-fragment">
            <form id=PANEL_SHOW_FORM method="get" action=path.clone()></form>
            <div class="panel-editor-actions">
                <form method="post" action=format!("{path}/geprueft")>
                    <input type="hidden" name="version" value=offer.version.to_string() />
                    <button type="submit" id=CHECKED_BUTTON_ID>"Als geprüft markieren"</button>
                </form>
                <a href=format!("/angebot/{}#bearbeiten", offer.id)>"Verlauf und Archiv auf der Angebotsseite"</a>
            </div>
            <dl class="panel-fields">{rows}</dl>
        </div>
    }
}

/// What an editor asks of the fragment.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelRequest {
    /// The fragment, with `editing` open as its form, or the focus back on `focus_on`'s button.
    Show {
        editing: Option<EditableField>,
        focus_on: Option<EditableField>,
    },
    /// Save `value` into the field with code `field`, based on `version`.
    Save {
        version: i64,
        field: String,
        value: String,
    },
    MarkChecked {
        version: i64,
    },
}

/// Answers a request of `editor` (already checked to be one) about offer `id` with the new
/// fragment.
pub async fn answer(
    state: &crate::platform::state::AppState,
    editor: &crate::accounts::store::AccountRecord,
    id: i64,
    request: PanelRequest,
    now: i64,
    today: chrono::NaiveDate,
) -> Result<PanelAnswer, crate::platform::error::AppError> {
    use crate::editing::service;
    use crate::platform::error::AppError;
    let gone = || AppError::no_such_offer();
    let storage = state.part::<dyn crate::editing::store::EditStorage>()?;
    let storage = storage.as_ref();
    let state = match request {
        PanelRequest::Show { editing, focus_on } => {
            let editing = match editing {
                Some(field) => {
                    let value = service::editable_offer_in(storage, id)
                        .await?
                        .value(field)
                        .to_string();
                    Some((
                        field,
                        FieldDraft {
                            value,
                            ..FieldDraft::default()
                        },
                    ))
                }
                None => None,
            };
            let focus = match (&editing, focus_on) {
                (Some((field, _)), _) => Some(PLACE.first_input_id(*field)),
                (None, Some(field)) => Some(PLACE.edit_control_id(field)),
                (None, None) => None,
            };
            PanelState {
                editing,
                focus,
                ..PanelState::default()
            }
        }
        PanelRequest::Save {
            version,
            field,
            value,
        } => {
            let field = service::field_named(&field)?;
            let editing =
                |problem: Option<String>, conflict: Option<Conflict>, status| PanelState {
                    editing: Some((
                        field,
                        FieldDraft {
                            value: value.clone(),
                            problem,
                            conflict,
                        },
                    )),
                    status,
                    focus: Some(PLACE.first_input_id(field)),
                    ..PanelState::default()
                };
            let saved =
                service::save_field(storage, editor.id, id, version, field, &value, now).await?;
            match saved {
                Err(message) => editing(
                    Some(message),
                    None,
                    Some(format!("„{}“ ist nicht gespeichert.", field.label())),
                ),
                Ok(EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. }) => PanelState {
                    status: Some(format!("„{}“ ist gespeichert.", field.label())),
                    saved: true,
                    focus: Some(PLACE.edit_control_id(field)),
                    ..PanelState::default()
                },
                Ok(EditOutcome::Conflict {
                    current_version,
                    current_value,
                }) => editing(
                    None,
                    Some(Conflict {
                        their_value: current_value,
                        their_version: current_version,
                    }),
                    Some(format!(
                        "„{}“ wurde inzwischen von jemand anderem geändert: bitte beide Fassungen vergleichen.",
                        field.label()
                    )),
                ),
                Ok(EditOutcome::NotFound) => return Err(gone()),
            }
        }
        PanelRequest::MarkChecked { version } => {
            let outcome =
                service::mark_checked(storage, editor.id, id, version, today, now).await?;
            let status = match outcome {
                EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. } => {
                    "Als geprüft markiert (heute)."
                }
                EditOutcome::Conflict { .. } => {
                    "Das Angebot wurde inzwischen geändert. Die Felder zeigen jetzt den aktuellen Stand; bitte prüfen Sie ihn und markieren Sie es dann erneut."
                }
                EditOutcome::NotFound => return Err(gone()),
            };
            PanelState {
                status: Some(status.to_string()),
                saved: matches!(outcome, EditOutcome::Saved { .. }),
                focus: Some(CHECKED_BUTTON_ID.to_string()),
                ..PanelState::default()
            }
        }
    };
    let offer = service::editable_offer_in(storage, id).await?;
    Ok(panel_answer(&offer, state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::model::OfferLocation;

    fn offer() -> EditableOffer {
        EditableOffer {
            id: 7,
            version: 3,
            archived: false,
            last_checked: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            values: vec![
                (
                    EditableField::Name,
                    "Babytreff <Mitte> & \"mehr\"".to_string(),
                ),
                (EditableField::Languages, "de,tr".to_string()),
                (EditableField::Cost, "ermaessigt".to_string()),
            ],
            location: OfferLocation {
                street: "Markt 1".into(),
                postcode: "48653".into(),
                town: "Coesfeld".into(),
                lat: 51.9,
                lon: 7.1,
                municipality: "05558012".into(),
            },
        }
    }

    fn html_of(state: PanelState) -> String {
        panel_answer(&offer(), state).html
    }

    fn editing(field: EditableField, value: &str) -> PanelState {
        PanelState {
            editing: Some((
                field,
                FieldDraft {
                    value: value.to_string(),
                    ..FieldDraft::default()
                },
            )),
            ..PanelState::default()
        }
    }

    #[test]
    fn every_field_shows_its_value_escaped_with_an_edit_button() {
        let html = html_of(PanelState::default());
        assert_eq!(
            html.matches(r#"name="bearbeiten""#).count(),
            EditableField::ALL.len()
        );
        assert!(
            html.contains(
                r#"<form id="panel-zeigen" method="get" action="/redaktion/kartenfenster/7">"#
            ),
            "{html}"
        );
        assert!(html.contains("Babytreff &lt;Mitte&gt; &amp;"), "{html}");
        assert!(!html.contains("<Mitte>"));
        assert!(html.contains("Deutsch, Türkisch"));
        assert!(html.contains(r#"aria-label="Kosten bearbeiten""#));
        assert!(html.contains("(nur Mitglieder)"));
        assert!(
            !html.contains("data-"),
            "no data-attribute protocol: {html}"
        );
    }

    #[test]
    fn the_edited_field_becomes_its_input() {
        let name = html_of(editing(EditableField::Name, "Neuer <Name>"));
        assert!(
            name.contains(r#"<label for="panel-wert-name">Neuer Wert: Name</label>"#),
            "{name}"
        );
        assert!(name.contains(r#"value="Neuer &lt;Name&gt;""#), "{name}");
        assert_eq!(
            name.matches(r#"name="bearbeiten""#).count(),
            EditableField::ALL.len() - 1
        );
        assert!(name.contains(r#"action="/redaktion/kartenfenster/7""#));
        assert!(
            name.contains(r#"name="fokus" value="name""#),
            "cancel: {name}"
        );

        let cost = html_of(editing(EditableField::Cost, "kostenpflichtig"));
        assert!(
            cost.contains(r#"<option value="kostenpflichtig" selected>"#),
            "{cost}"
        );
        assert!(cost.contains(r#"<option value="kostenlos">"#));

        let languages = html_of(editing(EditableField::Languages, "de,ar"));
        assert!(
            languages.contains(r#"<legend>Neuer Wert: Sprachen</legend>"#),
            "{languages}"
        );
        assert!(languages.contains(r#"value="ar" checked"#), "{languages}");
        assert!(!languages.contains(r#"value="tr" checked"#));
        assert!(languages.contains(r#"id="panel-hinweis-sprachen""#));

        let description = html_of(editing(EditableField::Description, "a</textarea><b>"));
        assert!(
            description.contains("a&lt;/textarea&gt;&lt;b&gt;</textarea>"),
            "{description}"
        );
    }

    #[test]
    fn errors_and_conflicts_stand_next_to_the_field() {
        let html = html_of(PanelState {
            editing: Some((
                EditableField::Phone,
                FieldDraft {
                    value: "02541 abc".into(),
                    problem: Some("„a“ gehört nicht in eine Telefonnummer.".into()),
                    conflict: None,
                },
            )),
            ..PanelState::default()
        });
        assert!(
            html.contains(r#"aria-describedby="panel-hinweis-telefon panel-fehler-telefon" aria-invalid="true""#),
            "{html}"
        );
        assert!(
            html.contains(r#"id="panel-fehler-telefon" class="field-error">„a“ gehört nicht"#),
            "{html}"
        );

        let html = html_of(PanelState {
            editing: Some((
                EditableField::Name,
                FieldDraft {
                    value: "Meine Fassung".into(),
                    problem: None,
                    conflict: Some(Conflict {
                        their_value: "Andere Fassung".into(),
                        their_version: 4,
                    }),
                },
            )),
            ..PanelState::default()
        });
        assert!(
            html.contains(r#"<p class="conflict-theirs">Andere Fassung</p>"#),
            "{html}"
        );
        assert!(html.contains(r#"<p class="conflict-mine">Meine Fassung</p>"#));
        assert!(html.contains(">Meine Fassung speichern</button>"));
        assert!(html.contains(">Andere Fassung behalten</button>"));
        assert!(
            html.contains(r#"<input type="hidden" name="version" value="4">"#),
            "saving now knowingly replaces the other version: {html}"
        );
    }
}
