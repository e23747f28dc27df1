//! The planners' operations: reading what their figures are computed from, counting a search
//! that found nothing (from the map in the browser, or a map page opened with filters) under
//! its privacy-safe key, and forgetting old counts daily.

use std::sync::Arc;

use crate::offers::filter::{OfferFilter, ParsedQuery};
use crate::offers::model::OfferSummary;
use crate::offers::read_model::PublicReadModel;
use crate::planning::figures::PlanningBase;
use crate::planning::model::zero_result_key;
use crate::planning::store::{ChildCount, PlanningStorage, ZeroResultCount};
use crate::platform::database::StorageResult;
use crate::platform::state::AppState;
use crate::shared::error::AppError;

/// What the planners' figures are computed from. Callers have checked the member role (the
/// page through its context, the downloads through their session).
pub struct PlanningData {
    /// Every active offer.
    pub offers: Vec<OfferSummary>,
    /// The latest children per municipality an admin entered.
    pub entered: Vec<ChildCount>,
    /// The searches without results of the kept period.
    pub zero_results: Vec<ZeroResultCount>,
    /// Population, children, town centres and boundaries per municipality.
    pub base: Arc<PlanningBase>,
}

/// Population, children, town centres and boundaries the planners' figures start from.
pub fn planning_base(state: &AppState) -> Result<Arc<PlanningBase>, AppError> {
    state.part()
}

/// Reads what the planners' figures are computed from.
pub async fn planning_data(state: &AppState) -> Result<PlanningData, AppError> {
    let today = chrono::Local::now().date_naive();
    let since = today
        .checked_sub_months(chrono::Months::new(state.zero_result_months))
        .unwrap_or(today);
    let offers = std::sync::Arc::unwrap_or_clone(
        crate::offers::service::summaries_in(state.part::<PublicReadModel>()?.as_ref()).await?,
    );
    let store = state.part::<dyn PlanningStorage>()?;
    let base = planning_base(state)?;
    let loaded = async {
        StorageResult::Ok(PlanningData {
            base,
            offers,
            entered: store.latest_child_counts().await?,
            zero_results: store
                .zero_results_since(since, SHOWN_MIN_SEARCHES, SHOWN_COMBINATIONS)
                .await?,
        })
    }
    .await;
    loaded.map_err(|error| {
        tracing::error!(%error, "loading the planning figures failed");
        AppError::Unavailable(
            "Die Planungszahlen konnten nicht geladen werden. Bitte versuchen Sie es später erneut."
                .into(),
        )
    })
}

/// Stores a municipality's number of children under 18 on a reference date, for admins; the
/// note that says what was stored.
pub async fn enter_child_count(
    ags: &str,
    as_of: &str,
    children: &str,
    now: i64,
) -> Result<String, AppError> {
    let admin = crate::accounts::auth::require(crate::accounts::model::Role::Admin).await?;
    let state = crate::platform::state::app_state()?;
    if !state.region.knows_municipality(ags) {
        return Err(AppError::Invalid(
            "Bitte wählen Sie eine Gemeinde des Kreises.".into(),
        ));
    }
    let today = chrono::Local::now().date_naive();
    let (as_of, children) = crate::planning::model::parse_child_count(as_of, children, today)
        .map_err(AppError::Invalid)?;
    state
        .part::<dyn PlanningStorage>()?
        .enter_child_count(
            &ChildCount {
                ags: ags.to_string(),
                as_of,
                children,
            },
            admin.id,
            now,
        )
        .await?;
    tracing::info!(admin = admin.id, %ags, %as_of, children, "child count entered");
    Ok(format!(
        "Kinderzahl für {} gespeichert: {children} (Stichtag {}).",
        state.region.municipality_name(ags),
        as_of.format("%d.%m.%Y")
    ))
}

/// The planners see the combinations searched most often, and only those searched at least
/// twice: a made-up search sent once never reaches their page.
pub const SHOWN_COMBINATIONS: i64 = 100;
pub const SHOWN_MIN_SEARCHES: i64 = 2;
/// New combinations taken per day; known ones are still counted once a day is full.
pub const NEW_COMBINATIONS_PER_DAY: i64 = 500;

/// How many searches without results one client address may have counted per hour, by
/// default: a burst of 30, then one every two minutes.
pub const ZERO_RESULT_REPORTS_PER_HOUR: u32 = 30;

/// How many searches without results one client address may have counted. Kept in memory
/// only, because the log promises to hold no address.
pub struct ZeroResultReports {
    limiter: governor::DefaultKeyedRateLimiter<String>,
}

impl Default for ZeroResultReports {
    fn default() -> Self {
        Self::per_hour(ZERO_RESULT_REPORTS_PER_HOUR)
    }
}

impl ZeroResultReports {
    /// A burst of `reports`, refilled evenly over an hour (at least one).
    pub fn per_hour(reports: u32) -> Self {
        let per_hour = std::num::NonZeroU32::new(reports).unwrap_or(std::num::NonZeroU32::MIN);
        ZeroResultReports {
            limiter: governor::RateLimiter::keyed(governor::Quota::per_hour(per_hour)),
        }
    }

    /// Whether `address` may have one more search counted now.
    pub fn allow(&self, address: &str) -> bool {
        // Addresses whose quota is full again are forgotten, so the map stays small.
        if self.limiter.len() > 10_000 {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&address.to_string()).is_ok()
    }
}

/// Counts a public search from `address` that found nothing under its privacy-safe key. A
/// search the server finds offers for, one without any criterion, or one beyond the address's
/// allowance is not counted. Answers whether it counted.
pub async fn count_if_nothing_found(
    state: &AppState,
    filter: &OfferFilter,
    address: &str,
) -> Result<bool, AppError> {
    let Some(key) = zero_result_key(filter) else {
        return Ok(false);
    };
    if !state.part::<ZeroResultReports>()?.allow(address) {
        return Ok(false);
    }
    let search = state
        .part::<PublicReadModel>()?
        .search(&state.region)
        .await?;
    if !search.apply(filter).matching.is_empty() {
        return Ok(false);
    }
    let today = chrono::Local::now().date_naive();
    Ok(state
        .part::<dyn PlanningStorage>()?
        .count_zero_result(today, &key, NEW_COMBINATIONS_PER_DAY)
        .await?)
}

/// The map's filter in query `pairs`, as the map reads it.
pub fn filter_of(state: &AppState, pairs: &[(String, String)]) -> OfferFilter {
    ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        state.region.knows_municipality(ags)
    })
    .filter
}

/// Counts the search of a map page opened with filters (a shared link, or a search sent
/// without JavaScript) when it finds nothing; in the background, so it costs the visitor no
/// time. Called once per rendered map page.
pub fn count_page_search(state: AppState, pairs: &[(String, String)], address: String) {
    if pairs.is_empty() {
        return;
    }
    let filter = filter_of(&state, pairs);
    tokio::spawn(async move {
        if let Err(error) = count_if_nothing_found(&state, &filter, &address).await {
            tracing::warn!(%error, "counting a search without results failed");
        }
    });
}

/// Once a day, forgets searches without results older than the kept period.
pub async fn forget_old_zero_results(storage: Arc<dyn PlanningStorage>, months: u32) {
    let mut every_day = tokio::time::interval(std::time::Duration::from_secs(24 * 60 * 60));
    loop {
        every_day.tick().await;
        let today = chrono::Local::now().date_naive();
        let Some(before) = today.checked_sub_months(chrono::Months::new(months)) else {
            continue;
        };
        match storage.forget_zero_results_before(before).await {
            Ok(0) => {}
            Ok(forgotten) => tracing::info!(forgotten, "old searches without results forgotten"),
            Err(error) => tracing::warn!(%error, "forgetting old searches without results failed"),
        }
    }
}
