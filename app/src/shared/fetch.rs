//! Fetching text (server-rendered HTML fragments) from this site in the browser: the detail
//! panel and the editors' fields are rendered on the server and only swapped in here.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const NO_CONNECTION: &str =
    "Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.";

/// GETs `url`, or POSTs the form's fields to it, and answers the response text, or a German
/// reason.
pub async fn fetch_text(
    url: &str,
    form: Option<&web_sys::HtmlFormElement>,
) -> Result<String, String> {
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    if let Some(form) = form {
        let data = web_sys::FormData::new_with_form(form).map_err(|_| NO_CONNECTION)?;
        // As `application/x-www-form-urlencoded`, like the form itself would send it.
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)
            .map_err(|_| NO_CONNECTION)?;
        init.set_method("POST");
        init.set_body(&body);
    }
    let response = JsFuture::from(window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| NO_CONNECTION.to_string())?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| NO_CONNECTION.to_string())?;
    let text = JsFuture::from(response.text().map_err(|_| NO_CONNECTION)?)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default();
    if response.ok() {
        Ok(text)
    } else if text.is_empty() {
        Err(format!(
            "Fehler {} – bitte laden Sie die Seite neu.",
            response.status()
        ))
    } else {
        Err(text)
    }
}

/// POSTs `body` as text without waiting for the answer: a report the visitor need not wait for.
pub fn send_report(url: &str, body: &str) {
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    init.set_body(&wasm_bindgen::JsValue::from_str(body));
    // The promise is dropped: a lost report costs a planner one count, not the visitor anything.
    let _ = window().fetch_with_str_and_init(url, &init);
}
