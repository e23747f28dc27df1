//! Server-only code: storage, application state and the helpers server functions use.

pub mod records;
pub mod state;
pub mod storage;
