//! The public data for others to use: the JSON API `/api/v1` (with OpenAPI and GeoJSON) and
//! Open Referral HSDS 3.0 (API and tabular form).

#[cfg(feature = "ssr")]
pub mod api_v1;
#[cfg(feature = "ssr")]
pub mod hsds;
