//! The Leptos components. Pages are rendered on the server only (islands architecture); the
//! map explorer island and what it uses are also compiled for the browser.

#[cfg(feature = "hydrate")]
pub mod fetch;
pub mod filter_form;
pub mod map_page;
pub mod map_view;
#[cfg(feature = "ssr")]
pub mod offer_view;
pub mod panel_editor;
pub mod sheet;
pub mod url_query;

#[cfg(feature = "ssr")]
pub mod account_pages;
#[cfg(feature = "ssr")]
pub mod admin_page;
#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod directory_page;
#[cfg(feature = "ssr")]
pub mod editor_overview;
#[cfg(feature = "ssr")]
pub mod editor_panel;
#[cfg(feature = "ssr")]
pub mod import_page;
#[cfg(feature = "ssr")]
pub mod info_pages;
#[cfg(feature = "ssr")]
pub mod member_view;
#[cfg(feature = "ssr")]
pub mod offer_page;
#[cfg(feature = "ssr")]
pub mod planning_page;
#[cfg(feature = "ssr")]
pub mod print_page;
#[cfg(feature = "ssr")]
pub mod request_pages;
