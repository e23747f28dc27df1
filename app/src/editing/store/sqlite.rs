//! The editing SQL compiled for SQLite.

use crate::platform::database::SqliteStorage as Backend;
type Db = sqlx::Sqlite;

#[allow(clippy::duplicate_mod, reason = "the same SQL for each backend")]
#[path = "sql.rs"]
mod sql;
