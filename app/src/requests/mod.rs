//! Requests from outside: listing requests and corrections, their form stamps, storage, server
//! functions and forms, and the editors' queue.

pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod form_stamp;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
