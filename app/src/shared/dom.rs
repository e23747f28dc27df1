//! Reading browser events: which element (or which of its ancestors) an event came from.

use wasm_bindgen::JsCast;

/// The element an event was aimed at.
pub fn element_of(event: &web_sys::Event) -> Option<web_sys::Element> {
    event.target()?.dyn_into::<web_sys::Element>().ok()
}

/// The nearest element matching `selector` at or above the one an event was aimed at: the
/// button or link a click inside a listener's container meant.
pub fn closest(event: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    element_of(event)?.closest(selector).ok().flatten()
}

/// The form an event came from (a field's change, a button's click).
pub fn form_of(event: &web_sys::Event) -> Option<web_sys::HtmlFormElement> {
    closest(event, "form")?
        .dyn_into::<web_sys::HtmlFormElement>()
        .ok()
}
