//! The browser entry point: it only hydrates the islands of the server-rendered page.

#[allow(unused_imports)]
use app::map::ui::map_page::MapExplorer;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Panic messages in the console while developing; the release build leaves the hook (and
    // the formatting it links) out of the budgeted Wasm: a panic there still stops with an error.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
