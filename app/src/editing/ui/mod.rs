//! The editors' views: the offer page's editor section, the editor in the map's detail panel
//! and the overview `/redaktion`.

pub mod map_panel_editor;
#[cfg(feature = "ssr")]
pub mod offer_page_editor;
#[cfg(feature = "ssr")]
pub mod overview_page;
