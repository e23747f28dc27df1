//! Plain domain logic shared by the server and the browser: no framework, no I/O.

pub mod account;
pub mod cluster;
pub mod directory;
pub mod filter;
pub mod hours;
pub mod offer;
pub mod offer_edit;
/// Server only: the legal pages are rendered there.
#[cfg(feature = "ssr")]
pub mod operator;
pub mod places;
pub mod planning;
pub mod prng;
pub mod region;
pub mod requests;
pub mod taxonomy;
pub mod text;
pub mod throttle;
