//! One field's editor, the same on the offer page and in the map's detail panel: the current
//! value with its edit control, or the form with its hint, error and the view of two versions
//! when someone else saved in between. Only where it stands differs ([`EditorPlace`]): the
//! page's controls are links and server-function forms that work without JavaScript, the
//! panel's are forms of its fragment (`/redaktion/kartenfenster/{id}`) that the explorer island
//! sends and swaps in.

use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

use crate::editing::endpoints::EditOfferField;
use crate::editing::model::{EditableField, FieldInput};

/// Where a field editor stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditorPlace {
    /// The editors' section of `/angebot/{id}`.
    OfferPage,
    /// The editors' part of the map's detail panel.
    MapPanel,
}

/// The value saved by someone else meanwhile, and the version it was saved at.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub their_value: String,
    pub their_version: i64,
}

/// A field being edited: what the editor typed (for choices the ticked codes, comma-separated),
/// why it was refused, or the other value saved meanwhile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldDraft {
    pub value: String,
    pub problem: Option<String>,
    pub conflict: Option<Conflict>,
}

/// The id of the panel's form that asks for another state of the fragment (a field's form,
/// or the field again with the focus on its edit button).
pub const PANEL_SHOW_FORM: &str = "panel-zeigen";

impl EditorPlace {
    fn prefix(self) -> &'static str {
        match self {
            EditorPlace::OfferPage => "",
            EditorPlace::MapPanel => "panel-",
        }
    }

    /// The id of the field's input (for several choices, the prefix of each choice's id).
    pub fn input_id(self, field: EditableField) -> String {
        format!("{}wert-{}", self.prefix(), field.code())
    }

    /// The element to focus when editing `field` starts: its input, or its first choice.
    pub fn first_input_id(self, field: EditableField) -> String {
        match field.input() {
            FieldInput::Several(choices) => format!(
                "{}-{}",
                self.input_id(field),
                choices.first().map_or("", |choice| choice.0)
            ),
            _ => self.input_id(field),
        }
    }

    /// The id of the field's edit control.
    pub fn edit_control_id(self, field: EditableField) -> String {
        format!("{}bearbeiten-{}", self.prefix(), field.code())
    }
}

/// Where the panel's fragment of offer `offer_id` is fetched and its forms are sent.
pub fn panel_fragment_path(offer_id: i64) -> String {
    format!("/redaktion/kartenfenster/{offer_id}")
}

/// One field: its value and edit control, or, while `draft` is set, its form.
#[component]
pub fn FieldEditor(
    place: EditorPlace,
    offer_id: i64,
    /// The offer's version the shown value belongs to.
    version: i64,
    field: EditableField,
    current: String,
    draft: Option<FieldDraft>,
) -> impl IntoView {
    match draft {
        Some(draft) => view! { <FieldForm place offer_id version field draft /> }.into_any(),
        None => view! { <FieldValue place offer_id field current /> }.into_any(),
    }
}

#[component]
fn FieldValue(
    place: EditorPlace,
    offer_id: i64,
    field: EditableField,
    current: String,
) -> impl IntoView {
    let code = field.code();
    let id = place.edit_control_id(field);
    let label = format!("{} bearbeiten", field.label());
    let control = match place {
        // The link carries no #fragment: browsers skip `autofocus` on pages opened at one,
        // and the focused field scrolls into view by itself.
        EditorPlace::OfferPage => view! {
            <a class="edit-link" id=id href=format!("/angebot/{offer_id}?bearbeiten={code}") aria-label=label>
                "Bearbeiten"
            </a>
        }
        .into_any(),
        EditorPlace::MapPanel => view! {
            <button type="submit" form=PANEL_SHOW_FORM name="bearbeiten" value=code class="link-button" id=id aria-label=label>
                "Bearbeiten"
            </button>
        }
        .into_any(),
    };
    view! {
        <span class="field-value">{field.shown_value(&current)}</span>
        " "
        {control}
    }
}

#[component]
fn FieldForm(
    place: EditorPlace,
    offer_id: i64,
    version: i64,
    field: EditableField,
    draft: FieldDraft,
) -> impl IntoView {
    let code = field.code();
    let prefix = place.prefix();
    let input_id = place.input_id(field);
    let hint_id = format!("{prefix}hinweis-{code}");
    let problem_id = format!("{prefix}fehler-{code}");
    let hint = field.hint();
    let described_by = [
        hint.map(|_| hint_id.clone()),
        draft.problem.as_ref().map(|_| problem_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described_by = (!described_by.is_empty()).then_some(described_by);
    let invalid = draft.problem.is_some().then_some("true");
    // The page's form opens with the page: the browser focuses it. The panel's answer says
    // where the focus goes.
    let autofocus = place == EditorPlace::OfferPage;
    // After a conflict the form is based on the version saved meanwhile: saving then
    // deliberately replaces the other value, after the editor has seen it.
    let base_version = draft
        .conflict
        .as_ref()
        .map_or(version, |conflict| conflict.their_version);
    let value = draft.value.clone();
    let input = match field.input() {
        FieldInput::Several(choices) => {
            let chosen: Vec<String> = value.split(',').map(|c| c.trim().to_string()).collect();
            view! {
                <fieldset class="choices" aria-describedby=described_by.clone() aria-invalid=invalid>
                    <legend>{format!("Neuer Wert: {}", field.label())}</legend>
                    {choices
                        .into_iter()
                        .map(|(choice, label)| {
                            let id = format!("{input_id}-{choice}");
                            let checked = chosen.iter().any(|c| c == choice);
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
        FieldInput::One(choices) => view! {
            <select id=input_id.clone() name="value" autofocus=autofocus aria-describedby=described_by.clone() aria-invalid=invalid>
                {choices
                    .into_iter()
                    .map(|(choice, label)| view! { <option value=choice selected=value == choice>{label}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        FieldInput::Text => view! {
            <textarea id=input_id.clone() name="value" rows="5" autofocus=autofocus aria-describedby=described_by.clone() aria-invalid=invalid>
                {crate::shared::text::textarea_text(&value)}
            </textarea>
        }
        .into_any(),
        FieldInput::Line => view! {
            <input id=input_id.clone() name="value" type="text" value=value.clone() autofocus=autofocus aria-describedby=described_by.clone() aria-invalid=invalid />
        }
        .into_any(),
    };
    let in_conflict = draft.conflict.is_some();
    let (save, keep) = if in_conflict {
        ("Meine Fassung speichern", "Andere Fassung behalten")
    } else {
        ("Speichern", "Abbrechen")
    };
    let cancel = match place {
        EditorPlace::OfferPage => view! {
            <a href=format!("/angebot/{offer_id}#feld-{code}")>{keep}</a>
        }
        .into_any(),
        EditorPlace::MapPanel => view! {
            <button type="submit" form=PANEL_SHOW_FORM name="fokus" value=code class="secondary">{keep}</button>
        }
        .into_any(),
    };
    let action = match place {
        EditorPlace::OfferPage => EditOfferField::url().to_string(),
        EditorPlace::MapPanel => panel_fragment_path(offer_id),
    };
    let mine = field.shown_value(&draft.value);
    view! {
        {draft.conflict.map(|conflict| view! { <ConflictView theirs=field.shown_value(&conflict.their_value) mine /> })}
        <form method="post" action=action class="edit-form">
            <input type="hidden" name="id" value=offer_id.to_string() />
            <input type="hidden" name="version" value=base_version.to_string() />
            <input type="hidden" name="field" value=code />
            {(!matches!(field.input(), FieldInput::Several(_)))
                .then(|| view! { <label for=input_id.clone()>{format!("Neuer Wert: {}", field.label())}</label> })}
            {input}
            {hint.map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
            {draft.problem.map(|problem| view! { <p class="field-error" id=problem_id>{problem}</p> })}
            <div class="edit-actions">
                <button type="submit">{save}</button>
                {cancel}
            </div>
            {(place == EditorPlace::MapPanel).then(|| view! { <p class="hint">"Esc bricht ab; Strg+Enter speichert."</p> })}
        </form>
    }
}

/// The value saved meanwhile beside the editor's own, before the editor decides.
#[component]
fn ConflictView(theirs: String, mine: String) -> impl IntoView {
    view! {
        <div class="conflict" role="group" aria-label="Zwei Fassungen">
            <p>
                <strong>"Jemand anderes hat dieses Feld inzwischen geändert."</strong>
                " Vergleichen Sie beide Fassungen und entscheiden Sie: „Meine Fassung speichern“ ersetzt die andere, „Andere Fassung behalten“ verwirft Ihre."
            </p>
            <div class="conflict-sides">
                <div class="conflict-side">
                    <p class="conflict-label">"Inzwischen gespeichert"</p>
                    <p class="conflict-theirs">{theirs}</p>
                </div>
                <div class="conflict-side">
                    <p class="conflict-label">"Ihre Fassung"</p>
                    <p class="conflict-mine">{mine}</p>
                </div>
            </div>
        </div>
    }
}
