//! The family-facing pages: the map page with its explorer island (filters, map, sheet, list), the
//! offer page, the print view and the selection page (Merkliste).

pub mod filter_form;
#[cfg(feature = "hydrate")]
pub mod leaflet_map;
pub mod map_page;
pub mod map_view;
#[cfg(feature = "ssr")]
pub mod offer_page;
#[cfg(feature = "ssr")]
pub mod offer_view;
#[cfg(feature = "ssr")]
pub mod print_button;
#[cfg(feature = "ssr")]
pub mod print_page;
#[cfg(feature = "ssr")]
pub mod selection_page;
pub mod sheet;
pub mod url_query;
