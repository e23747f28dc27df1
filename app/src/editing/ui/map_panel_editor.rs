//! Editing an offer in place in the map's detail panel (role `editor`). The server renders the
//! fields as an HTML fragment (`server::panel_fragment`); this part only swaps it in: an edit
//! button asks for the field's form, a form is sent as it is, Esc cancels and Ctrl+Enter saves.
//! What the fragment says (status, whether something was saved, where the focus goes) it
//! carries in data attributes. A reactive view per field and input kind cost about 40 KB of the
//! browser bundle's budget; this costs a few.

use leptos::prelude::*;

/// Where the fragment of offer `id` is fetched and its forms are sent.
fn fragment_path(id: i64) -> String {
    format!("/redaktion/kartenfenster/{id}")
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    pub fn element_of(event: &web_sys::Event) -> Option<web_sys::Element> {
        event.target()?.dyn_into::<web_sys::Element>().ok()
    }

    pub fn form_of(event: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
        element_of(event)?
            .closest("form")
            .ok()
            .flatten()?
            .dyn_into::<web_sys::HtmlFormElement>()
            .ok()
    }

    pub fn focus(id: &str) {
        if let Some(element) = document()
            .get_element_by_id(id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            _ = element.focus();
        }
    }
}

/// The editors' part of the detail panel for offer `id`; `on_saved` runs after every save so
/// the panel shows the new public view.
#[component]
pub fn PanelEditor(id: i64, on_saved: Callback<()>) -> impl IntoView {
    let status: RwSignal<Option<String>> = RwSignal::new(None);
    let container = NodeRef::<leptos::html::Div>::new();

    #[cfg(feature = "hydrate")]
    let (on_click, on_submit, on_key) = {
        use crate::shared::fetch::fetch_text;
        use browser::{element_of, focus, form_of};
        // Swaps in the fragment the server answered and does what it says.
        let load = move |url: String, form: Option<web_sys::HtmlFormElement>| {
            leptos::task::spawn_local(async move {
                let answer = fetch_text(&url, form.as_ref()).await;
                let Some(container) = container.get_untracked() else {
                    return;
                };
                match answer {
                    Ok(html) => {
                        container.set_inner_html(&html);
                        let Some(fragment) = container.first_element_child() else {
                            return;
                        };
                        let data = |name: &str| fragment.get_attribute(name).unwrap_or_default();
                        let said = data("data-status");
                        status.set((!said.is_empty()).then_some(said));
                        if data("data-saved") == "true" {
                            on_saved.run(());
                        }
                        focus(&data("data-focus"));
                    }
                    Err(message) => status.set(Some(message)),
                }
            });
        };
        load(fragment_path(id), None);
        let on_click = move |event: leptos::ev::MouseEvent| {
            let Some(target) = element_of(&event) else {
                return;
            };
            let code_of = |attribute: &str| {
                target
                    .closest(&format!("[{attribute}]"))
                    .ok()
                    .flatten()
                    .and_then(|element| element.get_attribute(attribute))
            };
            if let Some(code) = code_of("data-edit") {
                status.set(None);
                load(format!("{}?bearbeiten={code}", fragment_path(id)), None);
            } else if let Some(code) = code_of("data-cancel") {
                load(format!("{}?fokus={code}", fragment_path(id)), None);
            }
        };
        let on_submit = move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            if let Some(form) = form_of(&event) {
                load(form.action(), Some(form));
            }
        };
        let on_key = move |event: leptos::ev::KeyboardEvent| {
            let Some(form) = form_of(&event) else {
                return;
            };
            let Some(code) = form.get_attribute("data-field") else {
                return;
            };
            if event.key() == "Escape" {
                // Taken here: the panel itself closes on Escape.
                event.prevent_default();
                load(format!("{}?fokus={code}", fragment_path(id)), None);
            } else if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                load(form.action(), Some(form));
            }
        };
        (on_click, on_submit, on_key)
    };
    #[cfg(not(feature = "hydrate"))]
    let (on_click, on_submit, on_key) = {
        let _ = (on_saved, fragment_path(id));
        (
            |_: leptos::ev::MouseEvent| {},
            |_: leptos::ev::SubmitEvent| {},
            |_: leptos::ev::KeyboardEvent| {},
        )
    };

    view! {
        <section class="panel-editor" aria-labelledby="panel-editor-heading">
            <h3 id="panel-editor-heading">"Bearbeiten (Redaktion)"</h3>
            <p class="panel-status" role="status">{move || status.get()}</p>
            <div
                class="panel-fields-container"
                node_ref=container
                on:click=on_click
                on:submit=on_submit
                on:keydown=on_key
            >
                <p class="loading">"Bearbeitungsfelder werden geladen …"</p>
            </div>
        </section>
    }
}
