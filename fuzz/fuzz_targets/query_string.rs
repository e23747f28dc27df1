//! The map's query string, as the map page, the API and the zero-result log read it: any bytes
//! give a filter (with notices), a path back to the map, and a privacy-safe log key.
#![no_main]

use app::offers::filter::{ParsedQuery, map_path};
use app::planning::model::zero_result_key;
use app::shared::query_pairs::decode_query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    let pairs = decode_query(raw);
    let parsed = ParsedQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), |ags| {
        ags == "05558012"
    });
    let _ = map_path(&parsed.filter.to_pairs());
    if let Some(key) = zero_result_key(&parsed.filter) {
        // The log key holds no digits (phone numbers, positions) and no e-mail addresses.
        assert!(!key.contains('@'), "{key}");
    }
    let _ = app::shared::local_path::local_path(Some(raw));
});
