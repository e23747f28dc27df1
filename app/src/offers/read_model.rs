//! The public read model: everything the public sees, held in memory and shared by every public
//! page and API, so that they do not ask the database. A snapshot belongs to one generation of
//! the public change counter (`platform::changes`); each write bumps the counter after its
//! commit, and the next public read starts a new, empty snapshot whose parts load on first use
//! (once, however many requests ask at the same moment). Member and editor views never come
//! here: they read the database.
//!
//! Why lazily per part and not all at once: the offer pages need one detail, the map the
//! summaries, the open-data APIs the records; after an edit each loads only what it asks for.

use std::any::{Any, TypeId};
use std::collections::{HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use tokio::sync::OnceCell;

use crate::offers::calendar::{LocalMoment, now_local};
use crate::offers::filter::{FilterResult, OfferFilter, SearchableOffers};
use crate::offers::model::{OfferDetail, OfferSummary, availability_fresh, visible_on};
use crate::offers::search::SearchIndex;
use crate::offers::store::{OfferStorage, PublicOfferRecord, PublicOrganization};
use crate::platform::changes::ChangeCounter;
use crate::platform::database::StorageResult;
use crate::region::model::RegionInfo;

/// What day it is for the public data: the server's local day, or a test's.
pub type Clock = Arc<dyn Fn() -> NaiveDate + Send + Sync>;

/// The public data in memory, renewed after each change and each midnight.
pub struct PublicReadModel {
    storage: Arc<dyn OfferStorage>,
    changes: Arc<ChangeCounter>,
    clock: Clock,
    current: Mutex<Arc<Snapshot>>,
}

impl PublicReadModel {
    /// A read model over `storage`, renewed whenever `changes` moves on or the day changes.
    pub fn new(storage: Arc<dyn OfferStorage>, changes: Arc<ChangeCounter>) -> Self {
        PublicReadModel::with_clock(storage, changes, Arc::new(today))
    }

    /// [`PublicReadModel::new`] with the day told by `clock` (tests move it past midnight).
    pub fn with_clock(
        storage: Arc<dyn OfferStorage>,
        changes: Arc<ChangeCounter>,
        clock: Clock,
    ) -> Self {
        let first = Snapshot::empty(storage.clone(), changes.current(), clock());
        PublicReadModel {
            storage,
            changes,
            clock,
            current: Mutex::new(Arc::new(first)),
        }
    }

    /// The snapshot of the current generation and day: offers with a visibility window come
    /// and go at midnight, and some public flags depend on the date, without any write.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        let generation = self.changes.current();
        let day = (self.clock)();
        let mut current = self
            .current
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if current.generation != generation || current.day != day {
            *current = Arc::new(Snapshot::empty(self.storage.clone(), generation, day));
        }
        current.clone()
    }

    /// Every active offer in compact public form, ordered by name.
    pub async fn summaries(&self) -> StorageResult<Arc<Vec<OfferSummary>>> {
        self.snapshot().summaries().await
    }

    /// The public detail of one active offer.
    pub async fn detail(&self, id: i64) -> StorageResult<Option<Arc<OfferDetail>>> {
        self.snapshot().detail(id).await
    }

    /// Every active offer's public detail with the exports' keys.
    pub async fn records(&self) -> StorageResult<Arc<Vec<PublicOfferRecord>>> {
        self.snapshot().records().await
    }

    /// The organisations with an active offer.
    pub async fn organizations(&self) -> StorageResult<Arc<Vec<PublicOrganization>>> {
        self.snapshot().organizations().await
    }

    /// When offer data last changed through the editors (Unix seconds), if ever.
    pub async fn last_change(&self) -> StorageResult<Option<i64>> {
        self.snapshot().last_change().await
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// One offer's public detail, loaded once (`None`: no such active offer).
type DetailCell = OnceCell<Option<Arc<OfferDetail>>>;

/// The public data of one generation, each part loaded on first use.
pub struct Snapshot {
    storage: Arc<dyn OfferStorage>,
    generation: u64,
    day: NaiveDate,
    summaries: OnceCell<Arc<Vec<OfferSummary>>>,
    records: OnceCell<Arc<Vec<PublicOfferRecord>>>,
    organizations: OnceCell<Arc<Vec<PublicOrganization>>>,
    /// The active offers outside their visibility window on this snapshot's day.
    hidden: OnceCell<Arc<HashSet<i64>>>,
    last_change: OnceCell<Option<i64>>,
    details: Mutex<HashMap<i64, Arc<DetailCell>>>,
    /// What other features make of this data (a serialised payload, the HSDS tables), by
    /// type and key; see [`Snapshot::derived`].
    derived: Mutex<HashMap<(TypeId, String), Arc<dyn Any + Send + Sync>>>,
}

impl Snapshot {
    fn empty(storage: Arc<dyn OfferStorage>, generation: u64, day: NaiveDate) -> Self {
        Snapshot {
            storage,
            generation,
            day,
            summaries: OnceCell::new(),
            records: OnceCell::new(),
            organizations: OnceCell::new(),
            hidden: OnceCell::new(),
            last_change: OnceCell::new(),
            details: Mutex::new(HashMap::new()),
            derived: Mutex::new(HashMap::new()),
        }
    }

    /// The change generation this snapshot shows.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The day this snapshot shows.
    pub fn day(&self) -> NaiveDate {
        self.day
    }

    /// The active offers outside their window today.
    async fn hidden(&self) -> StorageResult<Arc<HashSet<i64>>> {
        self.hidden
            .get_or_try_init(|| async {
                let day = crate::shared::iso_date::text(self.day);
                let windows = self.storage.offer_windows().await?;
                Ok(Arc::new(
                    windows
                        .into_iter()
                        .filter(|w| !visible_on(&w.visible_from, &w.visible_until, &day))
                        .map(|w| w.id)
                        .collect(),
                ))
            })
            .await
            .cloned()
    }

    /// A detail as the public sees it today: a closure whose last day has passed is over, and
    /// free places or a wait said too long ago are no longer shown.
    fn as_of_today(&self, mut detail: OfferDetail) -> OfferDetail {
        if !detail.closed_until.is_empty()
            && detail.closed_until < crate::shared::iso_date::text(self.day)
        {
            detail.closed_until.clear();
            detail.closed_reason.clear();
        }
        if !availability_fresh(&detail.availability_confirmed, self.day) {
            detail.free_places.clear();
            detail.wait_weeks.clear();
        }
        detail
    }

    pub async fn summaries(&self) -> StorageResult<Arc<Vec<OfferSummary>>> {
        self.summaries
            .get_or_try_init(|| async {
                let hidden = self.hidden().await?;
                let mut summaries = self.storage.public_offer_summaries().await?;
                summaries.retain(|summary| !hidden.contains(&summary.id));
                let free_places: HashSet<i64> = self
                    .storage
                    .free_places_said()
                    .await?
                    .into_iter()
                    .filter(|(_, said)| availability_fresh(said, self.day))
                    .map(|(id, _)| id)
                    .collect();
                for summary in &mut summaries {
                    summary.free_places = free_places.contains(&summary.id);
                }
                Ok(Arc::new(summaries))
            })
            .await
            .cloned()
    }

    pub async fn records(&self) -> StorageResult<Arc<Vec<PublicOfferRecord>>> {
        self.records
            .get_or_try_init(|| async {
                let hidden = self.hidden().await?;
                let records = self.storage.public_offer_records().await?;
                Ok(Arc::new(
                    records
                        .into_iter()
                        .filter(|record| !hidden.contains(&record.detail.id))
                        .map(|record| PublicOfferRecord {
                            detail: self.as_of_today(record.detail),
                            ..record
                        })
                        .collect(),
                ))
            })
            .await
            .cloned()
    }

    /// The organisations with an offer public today.
    pub async fn organizations(&self) -> StorageResult<Arc<Vec<PublicOrganization>>> {
        self.organizations
            .get_or_try_init(|| async {
                let mut organizations = self.storage.public_organizations().await?;
                if !self.hidden().await?.is_empty() {
                    let records = self.records().await?;
                    let shown: HashSet<i64> = records
                        .iter()
                        .map(|record| record.organization_id)
                        .collect();
                    organizations.retain(|organization| shown.contains(&organization.id));
                }
                Ok(Arc::new(organizations))
            })
            .await
            .cloned()
    }

    pub async fn last_change(&self) -> StorageResult<Option<i64>> {
        self.last_change
            .get_or_try_init(|| self.storage.last_offer_change())
            .await
            .copied()
    }

    /// One offer's public detail; `None` when there is no such active offer.
    pub async fn detail(&self, id: i64) -> StorageResult<Option<Arc<OfferDetail>>> {
        let cell = {
            let mut details = self
                .details
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            details.entry(id).or_default().clone()
        };
        cell.get_or_try_init(|| async {
            // With the records loaded already, the detail is among them.
            if let Some(records) = self.records.get() {
                return Ok(records
                    .iter()
                    .find(|record| record.detail.id == id)
                    .map(|record| Arc::new(record.detail.clone())));
            }
            if self.hidden().await?.contains(&id) {
                return Ok(None);
            }
            Ok(self
                .storage
                .public_offer_detail(id)
                .await?
                .map(|detail| Arc::new(self.as_of_today(detail))))
        })
        .await
        .cloned()
    }

    /// What `build` makes of this snapshot, built once per `key` and type `T` however many ask
    /// at the same time, and kept as long as the snapshot is current. A failed build is not
    /// kept: the next call tries again.
    pub async fn derived<T, E, Fut>(
        &self,
        key: &str,
        build: impl FnOnce() -> Fut,
    ) -> Result<Arc<T>, E>
    where
        T: Send + Sync + 'static,
        Fut: Future<Output = Result<T, E>>,
    {
        let slot = {
            let mut derived = self
                .derived
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            derived
                .entry((TypeId::of::<T>(), key.to_string()))
                .or_insert_with(|| Arc::new(OnceCell::<Arc<T>>::new()))
                .clone()
        };
        match slot.downcast::<OnceCell<Arc<T>>>() {
            Ok(cell) => cell
                .get_or_try_init(|| async { build().await.map(Arc::new) })
                .await
                .cloned(),
            // The slot's key holds its type, so this does not happen; if it did, the value is
            // built without being kept.
            Err(_) => build().await.map(Arc::new),
        }
    }
}

/// The public offers prepared for the map's filters and search, with the search index built
/// on the first search: the map page, the open-data APIs and the planners' zero-result count
/// filter the same prepared list instead of preparing their own per request.
pub struct PublicSearch {
    searchable: SearchableOffers,
    index: OnceLock<SearchIndex>,
}

impl PublicSearch {
    /// The offers `summaries` with the towns, places and holidays of `region`.
    pub fn new(summaries: Vec<OfferSummary>, region: &RegionInfo) -> PublicSearch {
        let searchable = SearchableOffers::in_region(summaries, region);
        PublicSearch {
            searchable,
            index: OnceLock::new(),
        }
    }

    pub fn searchable(&self) -> &SearchableOffers {
        &self.searchable
    }

    /// The search index over the offers, built once.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| self.searchable.search_index())
    }

    /// Applies `filter` now, its search text looked up in the index.
    pub fn apply(&self, filter: &OfferFilter) -> FilterResult {
        self.apply_at(filter, &now_local())
    }

    /// Applies `filter` at `moment` (for "open now"), its search text looked up in the index.
    pub fn apply_at(&self, filter: &OfferFilter, moment: &LocalMoment) -> FilterResult {
        let text = (!filter.text.is_empty()).then(|| self.index().text_matches(&filter.text));
        self.searchable.apply_at(filter, moment, text.as_ref())
    }
}

impl PublicReadModel {
    /// The current offers prepared for filters and search in `region`.
    pub async fn search(&self, region: &RegionInfo) -> StorageResult<Arc<PublicSearch>> {
        let snapshot = self.snapshot();
        snapshot
            .derived("search", || async {
                let summaries = snapshot.summaries().await?;
                Ok(PublicSearch::new(Arc::unwrap_or_clone(summaries), region))
            })
            .await
    }
}
