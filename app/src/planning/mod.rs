//! Planners see where offers are missing: the figures (matrix, rates, reach, choropleth), the
//! zero-result log, their storage, server functions, CSV downloads and the page `/planung`.

pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod figures;
#[cfg(feature = "ssr")]
pub mod handlers;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
