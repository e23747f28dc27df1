//! The confirmations' SQL compiled for PostgreSQL.

use crate::platform::database::PostgresStorage as Backend;

#[allow(clippy::duplicate_mod, reason = "the same SQL for each backend")]
#[path = "sql.rs"]
mod sql;
