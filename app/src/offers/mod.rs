//! Offers: the model, taxonomy, opening hours and their calendar, filter, search and clustering,
//! their storage records and the public server functions that read them.

pub mod calendar;
pub mod cluster;
pub mod endpoints;
pub mod filter;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod hours;
pub mod model;
#[cfg(feature = "hydrate")]
pub mod payload_in_browser;
#[cfg(feature = "ssr")]
pub mod read_model;
#[cfg(feature = "ssr")]
pub mod records;
pub mod search;
#[cfg(feature = "hydrate")]
pub mod search_in_browser;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
pub mod taxonomy;
pub mod twins;
