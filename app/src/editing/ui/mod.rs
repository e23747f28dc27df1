//! The editors' views: one field editor (`field_editor`) used by the offer page's editor
//! section and the map's detail panel, the panel's island part, the overview `/redaktion`, and
//! the note on entries that may duplicate a stored offer.

pub mod field_editor;
pub mod map_panel_editor;
#[cfg(feature = "ssr")]
pub mod offer_page_editor;
#[cfg(feature = "ssr")]
pub mod overview_page;
#[cfg(feature = "ssr")]
pub mod twin_note;
