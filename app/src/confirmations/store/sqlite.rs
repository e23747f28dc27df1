//! The confirmations' SQL compiled for SQLite.

use crate::platform::database::SqliteStorage as Backend;

#[allow(clippy::duplicate_mod, reason = "the same SQL for each backend")]
#[path = "sql.rs"]
mod sql;
