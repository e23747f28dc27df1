//! Storage of the planners' own data: daily counts of searches that found nothing, and the
//! number of children per municipality as administrators enter it.

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::platform::database::{PostgresStorage, SqliteStorage, StorageResult};

/// One search combination that found nothing, summed over a period.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ZeroResultCount {
    pub filter_key: String,
    pub searches: i64,
    pub last_day: NaiveDate,
}

/// A municipality's number of children (under 18) on a date, as entered by an administrator.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ChildCount {
    pub ags: String,
    pub as_of: NaiveDate,
    pub children: i64,
}

#[async_trait]
pub trait PlanningStorage: Send + Sync {
    /// Counts one more search without results under `filter_key` on `day`.
    async fn count_zero_result(&self, day: NaiveDate, filter_key: &str) -> StorageResult<()>;
    /// Each combination searched without results since `since` (inclusive), most often first.
    async fn zero_results_since(&self, since: NaiveDate) -> StorageResult<Vec<ZeroResultCount>>;
    /// Forgets the counts of days before `before`; answers how many day rows went.
    async fn forget_zero_results_before(&self, before: NaiveDate) -> StorageResult<u64>;
    /// Stores (or corrects) a municipality's number of children on a date.
    async fn enter_child_count(
        &self,
        count: &ChildCount,
        account_id: i64,
        now: i64,
    ) -> StorageResult<()>;
    /// The latest entered number of children of each municipality that has one.
    async fn latest_child_counts(&self) -> StorageResult<Vec<ChildCount>>;
}

macro_rules! planning_storage {
    ($name:ident) => {
        #[async_trait]
        impl PlanningStorage for $name {
            async fn count_zero_result(&self, day: NaiveDate, filter_key: &str) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO zero_result_searches (day, filter_key, searches) VALUES ($1, $2, 1) \
                     ON CONFLICT (day, filter_key) DO UPDATE SET searches = zero_result_searches.searches + 1",
                )
                .bind(day)
                .bind(filter_key)
                .execute(self.pool())
                .await?;
                Ok(())
            }

            async fn zero_results_since(&self, since: NaiveDate) -> StorageResult<Vec<ZeroResultCount>> {
                Ok(sqlx::query_as(
                    "SELECT filter_key, CAST(SUM(searches) AS BIGINT) AS searches, MAX(day) AS last_day \
                     FROM zero_result_searches WHERE day >= $1 GROUP BY filter_key \
                     ORDER BY searches DESC, filter_key",
                )
                .bind(since)
                .fetch_all(self.pool())
                .await?)
            }

            async fn forget_zero_results_before(&self, before: NaiveDate) -> StorageResult<u64> {
                Ok(sqlx::query("DELETE FROM zero_result_searches WHERE day < $1")
                    .bind(before)
                    .execute(self.pool())
                    .await?
                    .rows_affected())
            }

            async fn enter_child_count(&self, count: &ChildCount, account_id: i64, now: i64) -> StorageResult<()> {
                sqlx::query(
                    "INSERT INTO municipality_children (ags, as_of, children, entered_by, entered_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ags, as_of) DO UPDATE SET \
                     children = excluded.children, entered_by = excluded.entered_by, entered_at = excluded.entered_at",
                )
                .bind(&count.ags)
                .bind(count.as_of)
                .bind(count.children)
                .bind(account_id)
                .bind(now)
                .execute(self.pool())
                .await?;
                Ok(())
            }

            async fn latest_child_counts(&self) -> StorageResult<Vec<ChildCount>> {
                Ok(sqlx::query_as(
                    "SELECT c.ags, c.as_of, c.children FROM municipality_children c \
                     WHERE c.as_of = (SELECT MAX(d.as_of) FROM municipality_children d WHERE d.ags = c.ags) \
                     ORDER BY c.ags",
                )
                .fetch_all(self.pool())
                .await?)
            }
        }
    };
}

planning_storage!(SqliteStorage);
planning_storage!(PostgresStorage);
