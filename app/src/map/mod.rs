//! What families see: the map page with its explorer island (filters, Leaflet map, results
//! sheet, list), the detail panel (a fragment rendered on the server), the offer page and the
//! print view. It composes offers with the member, editor and request parts.

#[cfg(feature = "ssr")]
pub mod detail_fragment;
pub mod first_view;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod selection;
pub mod ui;
