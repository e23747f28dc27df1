//! Offers: the model, taxonomy, opening hours, filter and clustering, their storage records and
//! the public server functions that read them.

pub mod cluster;
pub mod endpoints;
pub mod filter;
pub mod hours;
pub mod model;
#[cfg(feature = "ssr")]
pub mod records;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
pub mod taxonomy;
