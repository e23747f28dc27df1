//! Server-side domain records: what is written to storage (already validated) and the
//! member-only data, which has no route to the browser except through member checks.

use chrono::NaiveDate;

use crate::offers::hours::OpeningSlot;
use crate::offers::taxonomy::{
    AddressProtection, Cost, DeliverySet, LanguageSet, PhaseSet, TopicSet,
};

#[derive(Clone, Debug, PartialEq)]
pub struct NewOrganization {
    pub external_id: Option<String>,
    pub name: String,
    pub description: String,
    pub website: String,
    pub is_demo: bool,
    /// The network working group (AG 0–6, AG 6–18, AG 18–27); member-only.
    pub working_group: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewLocation {
    pub street: String,
    pub postcode: String,
    pub town: String,
    pub municipality_ags: String,
    pub lat: f64,
    pub lon: f64,
    /// Whether the public sees the address (Schutzadresse).
    pub protection: AddressProtection,
}

/// A contact person at an institution; member-only.
#[derive(Clone, Debug, PartialEq)]
pub struct ContactPerson {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// Everything about an offer that only network members may see.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemberOnly {
    pub contacts: Vec<ContactPerson>,
    pub internal_note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OfferStatus {
    Active,
    Archived,
}

impl OfferStatus {
    pub fn code(self) -> &'static str {
        match self {
            OfferStatus::Active => "active",
            OfferStatus::Archived => "archived",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NewOffer {
    pub external_id: Option<String>,
    pub organization_id: i64,
    pub location: NewLocation,
    pub name: String,
    pub description: String,
    pub topics: TopicSet,
    pub phases: PhaseSet,
    pub languages: LanguageSet,
    pub delivery: DeliverySet,
    pub cost: Cost,
    pub cost_note: String,
    pub wheelchair: bool,
    pub accessibility_note: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub opening_hours: Vec<OpeningSlot>,
    pub hours_note: String,
    /// Closed in the school holidays (homework help, school social work, OGS …).
    pub closed_in_school_holidays: bool,
    pub last_checked: NaiveDate,
    pub status: OfferStatus,
    pub is_demo: bool,
    pub member_only: MemberOnly,
    /// Short descriptions in English, Turkish, Arabic and Ukrainian (see
    /// [`SUMMARY_LANGUAGES`]); empty where there is none.
    pub summaries: [String; 4],
}

/// The languages of [`NewOffer::summaries`], in order.
pub const SUMMARY_LANGUAGES: [&str; 4] = ["en", "tr", "ar", "uk"];
