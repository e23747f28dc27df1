//! The member directory page and the member-only section of an offer.

pub mod directory_page;
pub mod member_view;
