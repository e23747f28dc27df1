//! The offer search over the demo data as the map receives it (generated, stored in SQLite and
//! read back as public summaries): every case of `app::offers::search::SEARCH_CASES`.

use std::path::Path;

use app::offers::calendar::LocalMoment;
use app::offers::filter::{OfferFilter, SearchableOffers};
use app::offers::search::check_search_cases;
use app::region::loader::LoadedRegion;

#[tokio::test]
async fn the_demo_offers_answer_the_search_cases() {
    let region_file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld/region.json");
    let region = LoadedRegion::load(&region_file).expect("the default region loads");
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("search.db").display());
    let storage = app::storage::connect(&url).await.unwrap();
    storage.migrate().await.unwrap();
    server::demo::load_if_empty(storage.as_ref(), &region, &region_file)
        .await
        .unwrap();
    let summaries = storage.public_offer_summaries().await.unwrap();
    let offer_count = summaries.len();
    let name_of = |ags: &str| {
        region
            .municipalities
            .iter()
            .find(|m| m.ags == ags)
            .map_or(String::new(), |m| m.name.clone())
    };
    let searchable = SearchableOffers::new(summaries, name_of);
    let index = searchable.search_index();
    let count = |text: &str| {
        let filter = OfferFilter {
            text: text.to_string(),
            ..OfferFilter::default()
        };
        let matches = index.text_matches(text);
        let found = searchable
            .apply_at(&filter, &LocalMoment::at(0), Some(&matches))
            .matching
            .len();
        println!("{text:>24}: {found}");
        found
    };
    let failures = check_search_cases(count);
    assert!(failures.is_empty(), "{offer_count} offers: {failures:#?}");
}
