//! Institutions keep their own offers right, without an account: each organisation's
//! confirmation contacts get a signed, expiring, revocable link to a page of its offers'
//! public fields, where they confirm an offer ("Stimmt noch"), ask for a change (a request in
//! the editors' queue, shown as a diff) or report its end. Editors keep the contacts, send or
//! copy links, revoke them and read each organisation's log.

pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
