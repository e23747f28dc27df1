//! Editing an offer in place in the map's detail panel (role `editor`): every field with an
//! edit button; the field turns into its input, saved through the editors' server function
//! against the version the panel loaded. A save based on an old version shows the value saved
//! meanwhile and the editor's own side by side, so the editor decides. The offer page has the
//! same editing as plain HTML forms (`editor_panel`), with the history.

use leptos::prelude::*;

use crate::domain::offer_edit::{EditableField, EditableOffer, FieldInput};

/// What the panel knows of the offer being edited.
type Loaded = Option<Result<EditableOffer, String>>;

/// The value saved by someone else meanwhile, and the version it was saved at.
#[derive(Clone, Debug, PartialEq)]
struct Conflict {
    their_value: String,
    their_version: i64,
}

#[cfg(feature = "hydrate")]
const NO_CONNECTION: &str = "Nicht gespeichert: Der Server ist nicht erreichbar. Ihre Eingabe ist noch da; bitte versuchen Sie es erneut.";

fn input_id(field: EditableField) -> String {
    format!("panel-wert-{}", field.code())
}

fn edit_button_id(field: EditableField) -> String {
    format!("panel-bearbeiten-{}", field.code())
}

/// Moves the keyboard focus to the element with `id` once it is drawn.
fn focus_later(id: String) {
    #[cfg(feature = "hydrate")]
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = document()
            .get_element_by_id(&id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            _ = element.focus();
        }
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

/// The editors' part of the detail panel for offer `id`; `on_saved` runs after every save so
/// the panel shows the new public view.
#[component]
pub fn PanelEditor(id: i64, on_saved: Callback<()>) -> impl IntoView {
    let offer: RwSignal<Loaded> = RwSignal::new(None);
    let editing: RwSignal<Option<EditableField>> = RwSignal::new(None);
    let draft = RwSignal::new(String::new());
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let conflict: RwSignal<Option<Conflict>> = RwSignal::new(None);
    let status: RwSignal<Option<String>> = RwSignal::new(None);
    let busy = RwSignal::new(false);

    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        let loaded = crate::api::editor::editable_offer(id).await.map_err(|_| {
            "Die Bearbeitungsdaten konnten nicht geladen werden. Bitte laden Sie die Seite neu."
                .to_string()
        });
        offer.set(Some(loaded));
    });

    let start = move |field: EditableField| {
        let current = offer.with_untracked(|offer| match offer {
            Some(Ok(offer)) => offer.value(field).to_string(),
            _ => String::new(),
        });
        draft.set(current);
        problem.set(None);
        conflict.set(None);
        status.set(None);
        editing.set(Some(field));
        focus_later(match field.input() {
            FieldInput::Several(choices) => {
                format!(
                    "{}-{}",
                    input_id(field),
                    choices.first().map_or("", |c| c.0)
                )
            }
            _ => input_id(field),
        });
    };
    let stop = move || {
        if let Some(field) = editing.get_untracked() {
            focus_later(edit_button_id(field));
        }
        editing.set(None);
        problem.set(None);
        conflict.set(None);
    };
    let save = move || {
        let (Some(field), Some(Ok(loaded))) = (editing.get_untracked(), offer.get_untracked())
        else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        // After a conflict the editor has seen the other value: saving then replaces it.
        let base_version = conflict
            .get_untracked()
            .map_or(loaded.version, |conflict| conflict.their_version);
        let value = draft.get_untracked();
        #[cfg(feature = "hydrate")]
        {
            use crate::domain::offer_edit::EditOutcome;
            busy.set(true);
            leptos::task::spawn_local(async move {
                let result = crate::api::editor::edit_offer_field(
                    id,
                    base_version,
                    field.code().to_string(),
                    Some(value),
                    None,
                )
                .await;
                busy.set(false);
                match result {
                    Ok(EditOutcome::Saved { version, .. } | EditOutcome::Unchanged { version }) => {
                        // The server's canonical text of the value (codes in order, trimmed…).
                        let reloaded = crate::api::editor::editable_offer(id).await.ok();
                        offer.update(|offer| {
                            if let Some(reloaded) = reloaded {
                                *offer = Some(Ok(reloaded));
                            } else if let Some(Ok(offer)) = offer {
                                offer.version = version;
                            }
                        });
                        status.set(Some(format!("„{}“ ist gespeichert.", field.label())));
                        stop();
                        on_saved.run(());
                    }
                    Ok(EditOutcome::Conflict {
                        current_version,
                        current_value,
                    }) => conflict.set(Some(Conflict {
                        their_value: current_value,
                        their_version: current_version,
                    })),
                    Ok(EditOutcome::NotFound) => {
                        problem.set(Some("Dieses Angebot gibt es nicht mehr.".to_string()))
                    }
                    Err(ServerFnError::ServerError(message)) => problem.set(Some(message)),
                    // A conflict answers 409 with the current state as its body, which the
                    // client does not decode as an error: read the current state instead.
                    Err(_) => match crate::api::editor::editable_offer(id).await {
                        Ok(current) if current.version != base_version => {
                            conflict.set(Some(Conflict {
                                their_value: current.value(field).to_string(),
                                their_version: current.version,
                            }));
                            problem.set(None);
                            // The other fields show what is saved now; this one keeps the draft.
                            offer.set(Some(Ok(current)));
                        }
                        _ => problem.set(Some(NO_CONNECTION.to_string())),
                    },
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (base_version, value, on_saved, field);
    };
    let mark_checked = move |_| {
        let Some(Ok(loaded)) = offer.get_untracked() else {
            return;
        };
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use crate::domain::offer_edit::EditOutcome;
            match crate::api::editor::mark_offer_checked(id, loaded.version).await {
                Ok(EditOutcome::Saved { version, .. } | EditOutcome::Unchanged { version }) => {
                    offer.update(|offer| {
                        if let Some(Ok(offer)) = offer {
                            offer.version = version;
                        }
                    });
                    status.set(Some("Als geprüft markiert (heute).".to_string()));
                    on_saved.run(());
                }
                Err(ServerFnError::ServerError(message)) => status.set(Some(message)),
                _ => status.set(Some(
                    "Nicht markiert: Das Angebot wurde inzwischen geändert oder der Server ist nicht erreichbar. Bitte laden Sie die Seite neu."
                        .to_string(),
                )),
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = loaded;
    };

    let rows = move || match offer.get() {
        None => view! { <p class="loading">"Bearbeitungsfelder werden geladen …"</p> }.into_any(),
        Some(Err(message)) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
        Some(Ok(loaded)) => view! {
            <dl class="panel-fields">
                {EditableField::ALL
                    .into_iter()
                    .map(|field| {
                        let current = loaded.value(field).to_string();
                        view! {
                            <FieldEntry
                                field
                                current
                                editing
                                draft
                                problem
                                conflict
                                busy
                                start=Callback::new(move |()| start(field))
                                save=Callback::new(move |()| save())
                                cancel=Callback::new(move |()| stop())
                            />
                        }
                    })
                    .collect_view()}
            </dl>
        }
        .into_any(),
    };
    view! {
        <section class="panel-editor" aria-labelledby="panel-editor-heading">
            <h3 id="panel-editor-heading">"Bearbeiten (Redaktion)"</h3>
            <p class="panel-editor-actions">
                <button type="button" on:click=mark_checked>"Als geprüft markieren"</button>
                <a href=format!("/angebot/{id}#bearbeiten")>"Verlauf und Archiv auf der Angebotsseite"</a>
            </p>
            <p class="panel-status" role="status">{move || status.get()}</p>
            {rows}
        </section>
    }
}

/// One field: its value with an edit button, or its input while it is edited.
#[component]
fn FieldEntry(
    field: EditableField,
    current: String,
    editing: RwSignal<Option<EditableField>>,
    draft: RwSignal<String>,
    problem: RwSignal<Option<String>>,
    conflict: RwSignal<Option<Conflict>>,
    busy: RwSignal<bool>,
    start: Callback<()>,
    save: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let code = field.code();
    let problem_id = format!("panel-fehler-{code}");
    let hint_id = format!("panel-hinweis-{code}");
    let shown = field.shown_value(&current);
    let is_editing = move || editing.get() == Some(field);
    let on_key = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            cancel.run(());
        } else if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
            event.prevent_default();
            save.run(());
        }
    };
    let described_by = {
        let (problem_id, hint_id) = (problem_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if field.hint().is_some() {
                ids.push(hint_id.clone());
            }
            if problem.with(Option::is_some) {
                ids.push(problem_id.clone());
            }
            ids.join(" ")
        }
    };
    let input = move || {
        let described_by = described_by.clone();
        match field.input() {
            FieldInput::Line => view! {
                <input
                    id=input_id(field)
                    type="text"
                    prop:value=move || draft.get()
                    on:input=move |event| draft.set(event_target_value(&event))
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby=described_by
                />
            }
            .into_any(),
            FieldInput::Text => view! {
                <textarea
                    id=input_id(field)
                    rows="5"
                    prop:value=move || draft.get()
                    on:input=move |event| draft.set(event_target_value(&event))
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby=described_by
                ></textarea>
            }
            .into_any(),
            FieldInput::One(choices) => view! {
                <select
                    id=input_id(field)
                    on:change=move |event| draft.set(event_target_value(&event))
                    aria-describedby=described_by
                >
                    {choices
                        .into_iter()
                        .map(|(choice, label)| {
                            view! {
                                <option value=choice selected=move || draft.with(|d| d == choice)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            }
            .into_any(),
            FieldInput::Several(choices) => view! {
                <fieldset class="choices" aria-describedby=described_by>
                    <legend>{format!("Neuer Wert: {}", field.label())}</legend>
                    {choices
                        .into_iter()
                        .map(|(choice, label)| {
                            let id = format!("{}-{choice}", input_id(field));
                            let checked = move || draft.with(|d| d.split(',').any(|c| c.trim() == choice));
                            let toggle = move |event: leptos::ev::Event| {
                                let on = event_target_checked(&event);
                                draft.update(|d| {
                                    let mut codes: Vec<String> = d
                                        .split(',')
                                        .map(str::trim)
                                        .filter(|c| !c.is_empty() && *c != choice)
                                        .map(str::to_string)
                                        .collect();
                                    if on {
                                        codes.push(choice.to_string());
                                    }
                                    *d = codes.join(",");
                                });
                            };
                            view! {
                                <div class="check">
                                    <input type="checkbox" id=id.clone() prop:checked=checked on:change=toggle />
                                    <label for=id>{label}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any(),
        }
    };
    let editor = move || {
        is_editing().then(|| {
            let problem_id = problem_id.clone();
            let hint_id = hint_id.clone();
            view! {
                <form
                    class="edit-form"
                    on:submit=move |event| {
                        event.prevent_default();
                        save.run(());
                    }
                    on:keydown=on_key
                >
                    {move || conflict.get().map(|conflict| view! { <ConflictView field conflict draft /> })}
                    {(!matches!(field.input(), FieldInput::Several(_)))
                        .then(|| view! { <label for=input_id(field)>{format!("Neuer Wert: {}", field.label())}</label> })}
                    {input.clone()}
                    {field.hint().map(|hint| view! { <p class="hint" id=hint_id>{hint}</p> })}
                    {move || {
                        problem
                            .get()
                            .map(|message| {
                                view! { <p class="field-error" id=problem_id.clone() role="alert">{message}</p> }
                            })
                    }}
                    <div class="edit-actions">
                        <button type="submit" disabled=move || busy.get()>
                            {move || if conflict.with(Option::is_some) { "Meine Fassung speichern" } else { "Speichern" }}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| cancel.run(())>
                            {move || if conflict.with(Option::is_some) { "Andere Fassung behalten" } else { "Abbrechen" }}
                        </button>
                    </div>
                    <p class="hint">"Esc bricht ab; Strg+Enter speichert."</p>
                </form>
            }
        })
    };
    view! {
        <div class="panel-field" id=format!("panel-feld-{code}")>
            <dt>
                {field.label()}
                {field.member_only().then_some(" (nur Mitglieder)")}
            </dt>
            <dd>
                <Show when=move || !is_editing()>
                    <span class="field-value">{shown.clone()}</span>
                    " "
                    <button
                        type="button"
                        class="link-button"
                        id=edit_button_id(field)
                        aria-label=format!("{} bearbeiten", field.label())
                        on:click=move |_| start.run(())
                    >
                        "Bearbeiten"
                    </button>
                </Show>
                {editor}
            </dd>
        </div>
    }
}

/// The value saved meanwhile and the editor's own, side by side.
#[component]
fn ConflictView(
    field: EditableField,
    conflict: Conflict,
    draft: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="conflict" role="alert">
            <p>
                <strong>"Jemand anderes hat dieses Feld inzwischen geändert."</strong>
                " Vergleichen Sie beide Fassungen und entscheiden Sie."
            </p>
            <div class="conflict-sides">
                <div class="conflict-theirs">
                    <h4>"Inzwischen gespeichert"</h4>
                    <p>{field.shown_value(&conflict.their_value)}</p>
                </div>
                <div class="conflict-mine">
                    <h4>"Ihre Fassung"</h4>
                    <p>{move || field.shown_value(&draft.get())}</p>
                </div>
            </div>
        </div>
    }
}
