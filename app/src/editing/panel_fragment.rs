//! The editors' part of the map's detail panel as an HTML fragment, rendered on the server
//! (`/redaktion/kartenfenster/{id}`): every field with an edit button, the field being edited
//! as its form with hint, error and conflict view. The browser only swaps the fragment in
//! (see `components::panel_editor`), so the Wasm bundle carries no editing code.
//!
//! A save based on an old version shows the value saved meanwhile and the editor's own side
//! by side; saving then again replaces the other value, knowingly.

use crate::editing::model::{EditOutcome, EditableField, EditableOffer, FieldInput};
use crate::shared::text::escape_html as escape;

/// The value saved by someone else meanwhile, and the version it was saved at.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub their_value: String,
    pub their_version: i64,
}

/// What the fragment shows besides the offer's values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PanelState {
    pub editing: Option<EditableField>,
    /// What the editor typed into the field being edited (as the value's text; the codes of
    /// ticked choices, comma-separated).
    pub draft: String,
    pub problem: Option<String>,
    pub conflict: Option<Conflict>,
    /// What just happened, for the panel's live region.
    pub status: Option<String>,
    /// Whether something was saved (the panel then reloads the offer's public view).
    pub saved: bool,
    /// The id of the element to focus after the fragment is swapped in.
    pub focus: Option<String>,
}

pub fn input_id(field: EditableField) -> String {
    format!("panel-wert-{}", field.code())
}

pub fn edit_button_id(field: EditableField) -> String {
    format!("panel-bearbeiten-{}", field.code())
}

/// The element to focus when editing `field` starts: its input, or its first choice.
fn first_input_id(field: EditableField) -> String {
    match field.input() {
        FieldInput::Several(choices) => {
            format!(
                "{}-{}",
                input_id(field),
                choices.first().map_or("", |c| c.0)
            )
        }
        _ => input_id(field),
    }
}

/// Where the fragment is fetched and its forms are sent.
pub fn fragment_path(offer_id: i64) -> String {
    format!("/redaktion/kartenfenster/{offer_id}")
}

/// The whole fragment: status and focus for the browser as data attributes, "Als geprüft
/// markieren", and every field.
pub fn panel_html(offer: &EditableOffer, state: &PanelState) -> String {
    let path = fragment_path(offer.id);
    let mut html = format!(
        r#"<div class="panel-fragment" data-status="{}" data-saved="{}" data-focus="{}">"#,
        escape(state.status.as_deref().unwrap_or("")),
        state.saved,
        escape(state.focus.as_deref().unwrap_or("")),
    );
    html.push_str(&format!(
        r#"<div class="panel-editor-actions"><form method="post" action="{path}/geprueft"><input type="hidden" name="version" value="{}"><button type="submit" id="panel-geprueft">Als geprüft markieren</button></form><a href="/angebot/{}#bearbeiten">Verlauf und Archiv auf der Angebotsseite</a></div>"#,
        offer.version, offer.id
    ));
    html.push_str(r#"<dl class="panel-fields">"#);
    for field in EditableField::ALL {
        let code = field.code();
        let label = escape(field.label());
        html.push_str(&format!(
            r#"<div class="panel-field" id="panel-feld-{code}"><dt>{label}{}</dt><dd>"#,
            if field.member_only() {
                " (nur Mitglieder)"
            } else {
                ""
            }
        ));
        if state.editing == Some(field) {
            html.push_str(&field_form_html(offer, field, state));
        } else {
            html.push_str(&format!(
                r#"<span class="field-value">{}</span> <button type="button" class="link-button" id="{}" data-edit="{code}" aria-label="{label} bearbeiten">Bearbeiten</button>"#,
                escape(&field.shown_value(offer.value(field))),
                edit_button_id(field),
            ));
        }
        html.push_str("</dd></div>");
    }
    html.push_str("</dl></div>");
    html
}

/// The form of the field being edited: its input, hint, error, and the conflict view.
fn field_form_html(offer: &EditableOffer, field: EditableField, state: &PanelState) -> String {
    let code = field.code();
    let label = escape(field.label());
    let id = input_id(field);
    let hint_id = format!("panel-hinweis-{code}");
    let problem_id = format!("panel-fehler-{code}");
    let mut described_by: Vec<&str> = Vec::new();
    if field.hint().is_some() {
        described_by.push(&hint_id);
    }
    if state.problem.is_some() {
        described_by.push(&problem_id);
    }
    let aria = format!(
        r#"aria-describedby="{}" aria-invalid="{}""#,
        described_by.join(" "),
        state.problem.is_some()
    );
    let draft = escape(&state.draft);
    // After a conflict the form is based on the version saved meanwhile.
    let version = state
        .conflict
        .as_ref()
        .map_or(offer.version, |conflict| conflict.their_version);
    let mut html = format!(
        r#"<form class="edit-form" method="post" action="{}" data-field="{code}"><input type="hidden" name="version" value="{version}"><input type="hidden" name="field" value="{code}">"#,
        fragment_path(offer.id)
    );
    if let Some(conflict) = &state.conflict {
        html.push_str(&format!(
            r#"<div class="conflict" role="alert"><p><strong>Jemand anderes hat dieses Feld inzwischen geändert.</strong> Vergleichen Sie beide Fassungen und entscheiden Sie.</p><div class="conflict-sides"><div class="conflict-theirs"><h4>Inzwischen gespeichert</h4><p>{}</p></div><div class="conflict-mine"><h4>Ihre Fassung</h4><p>{}</p></div></div></div>"#,
            escape(&field.shown_value(&conflict.their_value)),
            escape(&field.shown_value(&state.draft)),
        ));
    }
    let input = field.input();
    if !matches!(input, FieldInput::Several(_)) {
        html.push_str(&format!(r#"<label for="{id}">Neuer Wert: {label}</label>"#));
    }
    match input {
        FieldInput::Line => html.push_str(&format!(
            r#"<input id="{id}" type="text" name="value" value="{draft}" {aria}>"#
        )),
        FieldInput::Text => html.push_str(&format!(
            r#"<textarea id="{id}" name="value" rows="5" {aria}>{draft}</textarea>"#
        )),
        FieldInput::One(choices) => {
            html.push_str(&format!(r#"<select id="{id}" name="value" {aria}>"#));
            for (choice, choice_label) in choices {
                let selected = if state.draft == choice {
                    " selected"
                } else {
                    ""
                };
                html.push_str(&format!(
                    r#"<option value="{choice}"{selected}>{}</option>"#,
                    escape(choice_label)
                ));
            }
            html.push_str("</select>");
        }
        FieldInput::Several(choices) => {
            html.push_str(&format!(
                r#"<fieldset class="choices" {aria}><legend>Neuer Wert: {label}</legend>"#
            ));
            for (choice, choice_label) in choices {
                let checked = if state.draft.split(',').any(|c| c.trim() == choice) {
                    " checked"
                } else {
                    ""
                };
                html.push_str(&format!(
                    r#"<div class="check"><input type="checkbox" id="{id}-{choice}" name="values[]" value="{choice}"{checked}><label for="{id}-{choice}">{}</label></div>"#,
                    escape(choice_label)
                ));
            }
            html.push_str("</fieldset>");
        }
    }
    if let Some(hint) = field.hint() {
        html.push_str(&format!(
            r#"<p class="hint" id="{hint_id}">{}</p>"#,
            escape(hint)
        ));
    }
    if let Some(problem) = &state.problem {
        html.push_str(&format!(
            r#"<p class="field-error" id="{problem_id}" role="alert">{}</p>"#,
            escape(problem)
        ));
    }
    let (save, keep) = if state.conflict.is_some() {
        ("Meine Fassung speichern", "Andere Fassung behalten")
    } else {
        ("Speichern", "Abbrechen")
    };
    html.push_str(&format!(
        r#"<div class="edit-actions"><button type="submit">{save}</button><button type="button" class="secondary" data-cancel="{code}">{keep}</button></div><p class="hint">Esc bricht ab; Strg+Enter speichert.</p></form>"#
    ));
    html
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
    storage: &dyn crate::platform::database::Storage,
    editor: &crate::accounts::store::AccountRecord,
    id: i64,
    request: PanelRequest,
    now: i64,
    today: chrono::NaiveDate,
) -> Result<String, crate::platform::error::AppError> {
    use crate::platform::error::AppError;
    let gone = || AppError::no_such_offer();
    let state = match request {
        PanelRequest::Show { editing, focus_on } => {
            let draft = match editing {
                Some(field) => crate::editing::service::editable_offer_in(storage, id)
                    .await?
                    .value(field)
                    .to_string(),
                None => String::new(),
            };
            PanelState {
                editing,
                draft,
                focus: editing.map(first_input_id).or(focus_on.map(edit_button_id)),
                ..PanelState::default()
            }
        }
        PanelRequest::Save {
            version,
            field,
            value,
        } => {
            let field = crate::editing::service::field_named(&field)?;
            let editing = |problem: Option<String>, conflict: Option<Conflict>| PanelState {
                editing: Some(field),
                draft: value.clone(),
                problem,
                conflict,
                focus: Some(input_id(field)),
                ..PanelState::default()
            };
            let saved = crate::editing::service::save_field(
                storage, editor.id, id, version, field, &value, now,
            )
            .await?;
            match saved {
                Err(message) => editing(Some(message), None),
                Ok(EditOutcome::Saved { .. } | EditOutcome::Unchanged { .. }) => PanelState {
                    status: Some(format!("„{}“ ist gespeichert.", field.label())),
                    saved: true,
                    focus: Some(edit_button_id(field)),
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
                ),
                Ok(EditOutcome::NotFound) => return Err(gone()),
            }
        }
        PanelRequest::MarkChecked { version } => {
            let outcome =
                crate::editing::service::mark_checked(storage, editor.id, id, version, today, now)
                    .await?;
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
                focus: Some("panel-geprueft".to_string()),
                ..PanelState::default()
            }
        }
    };
    let offer = crate::editing::service::editable_offer_in(storage, id).await?;
    Ok(panel_html(&offer, &state))
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

    #[test]
    fn every_field_shows_its_value_escaped_with_an_edit_button() {
        let html = panel_html(&offer(), &PanelState::default());
        assert_eq!(html.matches("data-edit=").count(), EditableField::ALL.len());
        assert!(html.contains(r#"data-status="" data-saved="false""#));
        assert!(html.contains("Babytreff &lt;Mitte&gt; &amp; &quot;mehr&quot;"));
        assert!(!html.contains("<Mitte>"));
        assert!(html.contains("Deutsch, Türkisch"));
        assert!(html.contains(r#"aria-label="Kosten bearbeiten""#));
        assert!(html.contains("Interne Notiz (nur Mitglieder)"));
    }

    #[test]
    fn the_edited_field_becomes_its_input() {
        let editing = |field, draft: &str| {
            panel_html(
                &offer(),
                &PanelState {
                    editing: Some(field),
                    draft: draft.to_string(),
                    ..PanelState::default()
                },
            )
        };
        let name = editing(EditableField::Name, "Neuer <Name>");
        assert!(name.contains(r#"<label for="panel-wert-name">Neuer Wert: Name</label>"#));
        assert!(name.contains(r#"value="Neuer &lt;Name&gt;""#));
        assert_eq!(
            name.matches("data-edit=").count(),
            EditableField::ALL.len() - 1
        );

        let cost = editing(EditableField::Cost, "kostenpflichtig");
        assert!(cost.contains(r#"<option value="kostenpflichtig" selected>"#));
        assert!(cost.contains(r#"<option value="kostenlos">"#));

        let languages = editing(EditableField::Languages, "de,ar");
        assert!(languages.contains(r#"<legend>Neuer Wert: Sprachen</legend>"#));
        assert!(languages.contains(r#"value="ar" checked>"#));
        assert!(languages.contains(r#"value="tr">"#));
        assert!(languages.contains(r#"id="panel-hinweis-sprachen""#));

        let description = editing(EditableField::Description, "a</textarea><b>");
        assert!(description.contains("a&lt;/textarea&gt;&lt;b&gt;</textarea>"));
    }

    #[test]
    fn errors_and_conflicts_stand_next_to_the_field() {
        let html = panel_html(
            &offer(),
            &PanelState {
                editing: Some(EditableField::Phone),
                draft: "02541 abc".into(),
                problem: Some("„a“ gehört nicht in eine Telefonnummer.".into()),
                ..PanelState::default()
            },
        );
        assert!(html.contains(
            r#"aria-describedby="panel-hinweis-telefon panel-fehler-telefon" aria-invalid="true""#
        ));
        assert!(html.contains(r#"id="panel-fehler-telefon" role="alert">„a“ gehört nicht"#));

        let html = panel_html(
            &offer(),
            &PanelState {
                editing: Some(EditableField::Name),
                draft: "Meine Fassung".into(),
                conflict: Some(Conflict {
                    their_value: "Andere Fassung".into(),
                    their_version: 4,
                }),
                ..PanelState::default()
            },
        );
        assert!(html.contains(
            r#"<div class="conflict-theirs"><h4>Inzwischen gespeichert</h4><p>Andere Fassung</p>"#
        ));
        assert!(
            html.contains(
                r#"<div class="conflict-mine"><h4>Ihre Fassung</h4><p>Meine Fassung</p>"#
            )
        );
        assert!(html.contains(">Meine Fassung speichern</button>"));
        assert!(html.contains(">Andere Fassung behalten</button>"));
        assert!(
            html.contains(r#"<input type="hidden" name="version" value="4">"#),
            "saving now knowingly replaces the other version"
        );
    }
}
