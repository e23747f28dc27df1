//! The editors' offer files: the CSV format (write and read with German problems), the import
//! in one transaction, the HTTP upload and download, and the page `/redaktion/import`.

#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(any(feature = "ssr", feature = "parsers"))]
pub mod offer_csv;
#[cfg(feature = "ssr")]
pub mod report;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod ui;
