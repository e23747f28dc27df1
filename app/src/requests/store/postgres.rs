//! The requests' SQL compiled for PostgreSQL.

use crate::platform::database::PostgresStorage as Backend;

type Db = sqlx::Postgres;

#[allow(clippy::duplicate_mod, reason = "the same SQL for each backend")]
#[path = "sql.rs"]
mod sql;
