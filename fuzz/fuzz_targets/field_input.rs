//! Every parse newtype and field validator that takes text from a form: any input gives a
//! value or a German reason, and a value is a fixed point (checking it again changes nothing).
#![no_main]

use app::accounts::invitations::InvitationToken;
use app::accounts::model::{DisplayName, Email, NewPassword};
use app::editing::model::EditableField;
use app::planning::model::parse_child_count;
use app::requests::model::{ListingInput, parse_correction};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for field in EditableField::ALL {
        if let Ok(value) = field.canonical_value(text) {
            assert_eq!(
                field.canonical_value(&value).as_ref(),
                Ok(&value),
                "{field:?}: {text:?}"
            );
        }
    }
    let _ = EditableField::parse(text);
    let _ = Email::parse(text);
    let _ = DisplayName::parse(text);
    let _ = NewPassword::parse(text, text);
    let _ = InvitationToken::parse(text);
    let _ = parse_correction(text, text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 2).unwrap_or_default();
    let mut halves = text.splitn(2, '\n');
    let _ = parse_child_count(
        halves.next().unwrap_or_default(),
        halves.next().unwrap_or_default(),
        today,
    );
    let _ = ListingInput {
        organization: text.into(),
        offer_name: text.into(),
        description: text.into(),
        street: text.into(),
        postcode: text.into(),
        town: text.into(),
        contact_name: text.into(),
        contact_email: text.into(),
        contact_phone: text.into(),
        consent: true,
    }
    .parse();
});
