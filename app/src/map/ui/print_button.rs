//! The print view's "Drucken" button. Opening the browser's print dialog needs a script, and
//! the site's policy allows no inline handler, so this one button is a small island; without
//! Wasm the browser's own print command still works.

use leptos::prelude::*;

#[island]
pub fn PrintButton() -> impl IntoView {
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <button type="button" on:click=print>
            "Drucken"
        </button>
    }
}
