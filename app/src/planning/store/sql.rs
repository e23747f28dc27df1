//! The planners' storage on one backend (`super::Backend`).

use async_trait::async_trait;
use chrono::NaiveDate;

use super::Backend;
use crate::planning::store::{ChildCount, PlanningStorage, ZeroResultCount};
use crate::platform::database::StorageResult;

#[async_trait]
impl PlanningStorage for Backend {
    async fn count_zero_result(
        &self,
        day: NaiveDate,
        filter_key: &str,
        max_keys: i64,
    ) -> StorageResult<bool> {
        let known = sqlx::query(
            "UPDATE zero_result_searches SET searches = searches + 1 \
             WHERE day = $1 AND filter_key = $2",
        )
        .bind(day)
        .bind(filter_key)
        .execute(self.pool())
        .await?;
        if known.rows_affected() > 0 {
            return Ok(true);
        }
        // A new key only while the day has room: a flood of made-up searches fills one day's
        // quota, not the database.
        let added = sqlx::query(
            "INSERT INTO zero_result_searches (day, filter_key, searches) \
             SELECT $1, $2, 1 WHERE \
             (SELECT COUNT(*) FROM zero_result_searches WHERE day = $1) < $3 \
             ON CONFLICT (day, filter_key) DO UPDATE SET searches = zero_result_searches.searches + 1",
        )
        .bind(day)
        .bind(filter_key)
        .bind(max_keys)
        .execute(self.pool())
        .await?;
        Ok(added.rows_affected() > 0)
    }

    async fn zero_results_since(
        &self,
        since: NaiveDate,
        min_searches: i64,
        limit: i64,
    ) -> StorageResult<Vec<ZeroResultCount>> {
        Ok(sqlx::query_as(
            "SELECT filter_key, CAST(SUM(searches) AS BIGINT) AS searches, MAX(day) AS last_day \
             FROM zero_result_searches WHERE day >= $1 GROUP BY filter_key \
             HAVING SUM(searches) >= $2 \
             ORDER BY searches DESC, filter_key LIMIT $3",
        )
        .bind(since)
        .bind(min_searches)
        .bind(limit)
        .fetch_all(self.pool())
        .await?)
    }

    async fn forget_zero_results_before(&self, before: NaiveDate) -> StorageResult<u64> {
        Ok(
            sqlx::query("DELETE FROM zero_result_searches WHERE day < $1")
                .bind(before)
                .execute(self.pool())
                .await?
                .rows_affected(),
        )
    }

    async fn enter_child_count(
        &self,
        count: &ChildCount,
        account_id: i64,
        now: i64,
    ) -> StorageResult<()> {
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
