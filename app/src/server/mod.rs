//! Server-only code: storage, sessions and accounts, application state and the helpers server
//! functions use.

pub mod account_storage;
pub mod auth;
pub mod detail_fragment;
pub mod edit_storage;
pub mod error;
pub mod form_stamp;
pub mod i18n;
pub mod import_report;
pub mod import_storage;
pub mod invitations;
pub mod offer_csv;
pub mod panel_fragment;
pub mod password;
pub mod planning;
pub mod planning_storage;
pub mod records;
pub mod request_storage;
pub mod sessions;
pub mod state;
pub mod storage;
