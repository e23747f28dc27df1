//! Pieces every feature uses, in the server and the browser build: the JSON codec, interface
//! languages, text normalisation, float helpers, the demo PRNG, throttling rules, fetching fragments and reading
//! browser events.

pub mod codec;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod csv_text;
#[cfg(feature = "hydrate")]
pub mod dom;
pub mod error;
#[cfg(feature = "hydrate")]
pub mod fetch;
pub mod float;
pub mod i18n;
pub mod iso_date;
pub mod json_read;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod local_path;
pub mod prng;
pub mod query_pairs;
pub mod text;
pub mod throttle;
