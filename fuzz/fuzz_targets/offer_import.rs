//! The editors' import: any file, read as our CSV or as HSDS JSON, gives offers or problems by
//! line and column, never a panic.
#![no_main]

use app::import::offer_csv::{ImportRegion, hsds_to_csv, read_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let municipalities = vec![("05558012".to_string(), "Coesfeld".to_string())];
    let locate = |lat: f64, lon: f64| {
        ((51.8..52.1).contains(&lat) && (7.0..7.4).contains(&lon)).then(|| "05558012".to_string())
    };
    let region = ImportRegion {
        municipalities: &municipalities,
        locate: &locate,
    };
    let _ = read_csv(text, &region);
    if let Ok((csv, _)) = hsds_to_csv(text, &Default::default(), &region) {
        let _ = read_csv(&csv, &region);
    }
});
