//! The browser entry point: it only hydrates the islands of the server-rendered page.

#[allow(unused_imports)]
use app::map::ui::map_page::MapExplorer;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    _ = console_log::init_with_level(log::Level::Warn);
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
