//! Editors keep offers right: the editable fields and their parsing (`model`), the versioned
//! saves with history (`store`), the server functions, the map panel's fragments and the pages.

pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod model;
pub mod overview;
#[cfg(feature = "ssr")]
pub mod panel_fragment;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
pub mod ui;
