//! Server-only plumbing every feature stands on: the application state, the error type, the
//! database connection, sessions and the interface catalogues. Who is asking (sign-in, roles)
//! is the accounts feature's (`accounts::auth`).

pub mod built_files;
pub mod catalogues;
pub mod changes;
pub mod database;
pub mod error;
pub mod inline_style;
pub mod operator;
pub mod page_cache;
pub mod precompressed;
pub mod response;
pub mod rounds;
pub mod sessions;
pub mod signed_token;
pub mod site;
pub mod state;
