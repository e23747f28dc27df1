//! The Leptos components of the public pages.

pub mod app;
pub mod filter_form;
pub mod map_page;
pub mod map_view;
pub mod offer_page;
pub mod offer_view;
