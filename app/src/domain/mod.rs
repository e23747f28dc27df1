//! Plain domain logic shared by the server and the browser: no framework, no I/O.

pub mod cluster;
pub mod filter;
pub mod hours;
pub mod offer;
pub mod prng;
pub mod region;
pub mod taxonomy;
pub mod text;
