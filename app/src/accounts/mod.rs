//! Accounts of network members: roles and input parsing, who is asking (`auth`), passwords,
//! invitations, storage, the server functions of one's own account and of the
//! administration, and their pages.

pub mod admin_endpoints;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod endpoints;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod invitations;
pub mod model;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
