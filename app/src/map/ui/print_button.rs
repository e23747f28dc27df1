//! The print view's "Drucken" button. Opening the browser's print dialog needs a script, and
//! the site's policy allows no inline handler, so a small script file of our own wires it up
//! (the print view loads no Wasm); without scripts the button stays hidden and the browser's
//! own print command works.

use leptos::prelude::*;

/// Where the button's script is served (from `public/js/`).
pub const PRINT_SCRIPT: &str = "/js/drucken.js";

#[component]
pub fn PrintButton() -> impl IntoView {
    view! {
        <leptos_meta::Script defer="defer" src=PRINT_SCRIPT />
        <button type="button" data-print="" hidden=true>
            {crate::platform::catalogues::t("karte-drucken")}
        </button>
    }
}
