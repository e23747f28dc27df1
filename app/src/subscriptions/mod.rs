//! News by subscription for network members: a member chooses towns, topics and life phases
//! and gets a daily or weekly e-mail digest of the offers that are new or changed there, with
//! a signed one-click unsubscribe link. Mail goes through the SMTP server `SMTP_URL` names;
//! without one nothing is stored or sent.

pub mod endpoints;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod mail;
pub mod model;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod token;
#[cfg(feature = "ssr")]
pub mod ui;
