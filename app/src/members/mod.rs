//! What network members see: the directory of institutions and contacts (with vCards), the
//! member-only part of offers, their server functions and pages.

pub mod directory;
pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
