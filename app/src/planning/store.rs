//! Storage of the planners' own data: daily counts of searches that found nothing, and the
//! number of children per municipality as administrators enter it.

use async_trait::async_trait;
use chrono::NaiveDate;

use crate::platform::database::StorageResult;

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
    /// Counts one more search without results under `filter_key` on `day`. A key not yet seen
    /// that day is only taken while the day has fewer than `max_keys` keys; answers whether
    /// the search was counted.
    async fn count_zero_result(
        &self,
        day: NaiveDate,
        filter_key: &str,
        max_keys: i64,
    ) -> StorageResult<bool>;
    /// The `limit` combinations searched most often without results since `since`
    /// (inclusive), each searched at least `min_searches` times, most often first.
    async fn zero_results_since(
        &self,
        since: NaiveDate,
        min_searches: i64,
        limit: i64,
    ) -> StorageResult<Vec<ZeroResultCount>>;
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

// The implementation for both backends: `store/sql.rs`, compiled once for each.
mod postgres;
mod sqlite;
