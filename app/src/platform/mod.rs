//! Server-only plumbing every feature stands on: the application state, the error type, the
//! database connection, sessions, who is asking (auth) and the interface catalogues.

pub mod auth;
pub mod catalogues;
pub mod database;
pub mod error;
pub mod operator;
pub mod response;
pub mod sessions;
pub mod state;
