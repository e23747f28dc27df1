//! Chancenkarte: the shared application — domain types, server functions and the Leptos
//! components, rendered on the server; only islands (the map explorer) are hydrated in the
//! browser.
#![recursion_limit = "256"]

pub mod api;
pub mod codec;
pub mod components;
pub mod domain;
pub mod i18n;
#[cfg(feature = "hydrate")]
pub mod map;
#[cfg(feature = "ssr")]
pub mod server;

#[cfg(feature = "ssr")]
pub use components::app::{App, shell};
