//! The frame around every page: the HTML shell, the router, header and footer, the 404, and the
//! information pages (help, imprint, privacy, accessibility, open data).

#[cfg(feature = "ssr")]
pub mod app;
#[cfg(feature = "ssr")]
pub mod handlers;
#[cfg(feature = "ssr")]
pub mod info_pages;
