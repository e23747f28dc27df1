//! Opening hours as editors type them and as the CSV import reads them: any text gives slots
//! that format back to the same slots, or a German reason.
#![no_main]

use app::editing::model::{format_opening_hours, parse_opening_hours};
use app::offers::hours::{OpeningSlot, TimeOfDay};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(slots) = parse_opening_hours(text) {
        let written = format_opening_hours(&slots);
        assert_eq!(
            parse_opening_hours(&written).as_ref(),
            Ok(&slots),
            "{written}"
        );
    }
    let _ = TimeOfDay::parse(text);
    let mut parts = text.splitn(3, '|');
    let (day, opens, closes) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let _ = OpeningSlot::parse(day.len() as u8, opens, closes);
});
