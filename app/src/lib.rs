//! Chancenkarte: the shared application, one folder per capability (offers, map, editing, requests,
//! accounts, members, subscriptions, institutions' confirmations, planning, import, open data,
//! region), each with its model, storage,
//! service, endpoints and pages; `platform` (state, errors, sessions, database), `shared`
//! (codec, languages, text) and `shell` (layout, routes) serve them all. Pages are rendered on
//! the server; only islands (the map explorer) are hydrated in the browser.
#![recursion_limit = "256"]

pub mod accounts;
pub mod confirmations;
pub mod editing;
pub mod import;
pub mod map;
pub mod members;
pub mod offers;
pub mod open_data;
pub mod planning;
#[cfg(feature = "ssr")]
pub mod platform;
pub mod region;
pub mod requests;
pub mod shared;
pub mod shell;
#[cfg(feature = "ssr")]
pub mod storage;
pub mod subscriptions;

#[cfg(feature = "ssr")]
pub use shell::app::{App, shell};
