//! Editing an offer in place in the map's detail panel (role `editor`). The server renders the
//! fields with the offer page's field editor (`editing::panel_fragment`) and answers a typed
//! [`PanelAnswer`]; this part only swaps its HTML in and does what it says. The fragment's
//! controls are plain forms: an edit or cancel button submits the panel's GET form, a field's
//! form posts its value; Esc cancels and Ctrl+Enter saves. A reactive view per field and input
//! kind cost about 40 KB of the browser bundle's budget; this costs a few.

use leptos::prelude::*;

use crate::editing::ui::field_editor::panel_fragment_path;

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    pub use crate::shared::dom::form_of;

    /// The value of the form's field `name`, as the form would send it.
    pub fn field_of(form: &web_sys::HtmlFormElement, name: &str) -> Option<String> {
        web_sys::FormData::new_with_form(form)
            .ok()?
            .get(name)
            .as_string()
    }

    /// Where a GET form sends its submit button's choice (`action?name=value`), as a browser
    /// would without the island.
    pub fn get_url(
        form: &web_sys::HtmlFormElement,
        submitter: Option<web_sys::HtmlElement>,
    ) -> String {
        let query = web_sys::UrlSearchParams::new().ok();
        if let (Some(query), Some(button)) = (&query, submitter)
            && let (Some(name), Some(value)) =
                (button.get_attribute("name"), button.get_attribute("value"))
        {
            query.append(&name, &value);
        }
        let query: String = query
            .map(|query| query.to_string().into())
            .unwrap_or_default();
        if query.is_empty() {
            form.action()
        } else {
            format!("{}?{query}", form.action())
        }
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
    let (on_submit, on_key) = {
        use crate::editing::model::PanelAnswer;
        use crate::shared::fetch::fetch_text;
        use crate::shared::json_read::read_json_text;
        use browser::{field_of, focus, form_of, get_url};
        // Swaps in the fragment the server answered and does what it says.
        let load = move |url: String, form: Option<web_sys::HtmlFormElement>| {
            leptos::task::spawn_local(async move {
                let answer = fetch_text(&url, form.as_ref())
                    .await
                    .and_then(|text| read_json_text::<PanelAnswer>(&text));
                let Some(container) = container.get_untracked() else {
                    return;
                };
                match answer {
                    Ok(answer) => {
                        container.set_inner_html(&answer.html);
                        status.set(answer.status);
                        if answer.saved {
                            on_saved.run(());
                        }
                        if let Some(id) = answer.focus {
                            focus(&id);
                        }
                    }
                    Err(message) => status.set(Some(message)),
                }
            });
        };
        load(panel_fragment_path(id), None);
        let on_submit = move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let Some(form) = form_of(&event) else {
                return;
            };
            if form.method().eq_ignore_ascii_case("get") {
                status.set(None);
                load(get_url(&form, event.submitter()), None);
            } else {
                load(form.action(), Some(form));
            }
        };
        let on_key = move |event: leptos::ev::KeyboardEvent| {
            let Some(form) = form_of(&event) else {
                return;
            };
            let Some(field) = field_of(&form, "field") else {
                return;
            };
            if event.key() == "Escape" {
                // Taken here: the panel itself closes on Escape.
                event.prevent_default();
                let query = web_sys::UrlSearchParams::new().ok();
                let query: String = query
                    .map(|query| {
                        query.append("fokus", &field);
                        query.to_string().into()
                    })
                    .unwrap_or_default();
                load(format!("{}?{query}", panel_fragment_path(id)), None);
            } else if event.key() == "Enter" && (event.ctrl_key() || event.meta_key()) {
                event.prevent_default();
                load(form.action(), Some(form));
            }
        };
        (on_submit, on_key)
    };
    #[cfg(not(feature = "hydrate"))]
    let (on_submit, on_key) = {
        let _ = (on_saved, panel_fragment_path(id));
        (
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
                on:submit=on_submit
                on:keydown=on_key
            >
                <p class="loading">"Bearbeitungsfelder werden geladen …"</p>
            </div>
        </section>
    }
}
