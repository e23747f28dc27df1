//! The account pages (login, own account, invitation) and the administration page.

pub mod account_pages;
pub mod admin_page;
