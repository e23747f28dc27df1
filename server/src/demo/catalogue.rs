//! The demo catalogue: offer kinds, organisation kinds, opening-hours and price patterns and
//! the name lists, read from the TOML files in a region's `demo/` folder.
//!
//! Everything is checked while loading (codes, times, non-empty lists, references between the
//! files), so a broken file gives one clear error naming it, mostly with the line, and the
//! generator can draw from every list without failing halfway through.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Deref;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};

use app::offers::hours::{OpeningSlot, TimeOfDay, Weekday};
use app::offers::taxonomy::{AddressProtection, Delivery, Language, LifePhase, Topic};

/// The kinds of offers.
pub const OFFERS_FILE: &str = "angebote.toml";
/// The kinds of organisation and the ones every town gets first.
pub const ORGANISATIONS_FILE: &str = "traeger.toml";
/// Opening-hours and price patterns.
pub const PATTERNS_FILE: &str = "zeiten-und-preise.toml";
/// Streets, person names, notes, languages, area codes and summaries.
pub const GENERAL_FILE: &str = "allgemein.toml";

/// Offers get at most this many weekly slots, like the offer form allows.
const MAX_SLOTS: usize = 5;

/// A demo data file that is missing, not valid TOML or not consistent.
#[derive(Debug, thiserror::Error)]
#[error("demo data file {}: {reason}", path.display())]
pub struct CatalogueError {
    pub path: PathBuf,
    pub reason: String,
}

/// Everything the generator draws from, checked.
#[derive(Debug)]
pub struct Catalogue {
    pub(super) offers: Vec<OfferKind>,
    pub(super) organisations: Vec<OrgKind>,
    /// Indexes into `organisations`.
    pub(super) first_in_every_town: Vec<usize>,
    pub(super) general: General,
}

// --- Values checked while parsing, so a mistake is reported with its line ------------------

/// A list the generator draws from, so it needs at least one entry.
#[derive(Clone, Debug)]
pub(super) struct NonEmpty<T>(Vec<T>);

impl<T> Deref for NonEmpty<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.0
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for NonEmpty<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let items = Vec::deserialize(deserializer)?;
        if items.is_empty() {
            Err(D::Error::custom("the list needs at least one entry"))
        } else {
            Ok(NonEmpty(items))
        }
    }
}

/// Reads a text and parses it, reporting a failure at the text's place in the file.
fn parsed<'de, D: Deserializer<'de>, T>(
    deserializer: D,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(D::Error::custom)
}

/// The vocabularies the data refers to by their codes, as everywhere else in the app.
pub(super) trait Vocabulary: Sized + Copy {
    const NAME: &'static str;
    fn from_code(code: &str) -> Option<Self>;
}

/// Each vocabulary's codes, through its own `parse`.
macro_rules! vocabularies {
    ($($kind:ty => $name:literal),+ $(,)?) => {$(
        impl Vocabulary for $kind {
            const NAME: &'static str = $name;
            fn from_code(code: &str) -> Option<Self> {
                <$kind>::parse(code)
            }
        }
    )+};
}

vocabularies! {
    Topic => "topic",
    LifePhase => "life phase",
    Delivery => "delivery",
    Language => "language",
    AddressProtection => "address protection",
}

/// A value of a vocabulary, written as its code.
#[derive(Clone, Copy, Debug)]
pub(super) struct Code<T>(pub T);

impl<'de, T: Vocabulary> Deserialize<'de> for Code<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parsed(deserializer, |code| {
            T::from_code(code)
                .map(Code)
                .ok_or_else(|| format!("unknown {} code `{code}`", T::NAME))
        })
    }
}

fn plain<T: Copy>(codes: &[Code<T>]) -> Vec<T> {
    codes.iter().map(|code| code.0).collect()
}

/// A weekday as the data writes it, the German abbreviation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Day(pub Weekday);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        const NAMES: [&str; 7] = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
        parsed(deserializer, |name| {
            NAMES
                .iter()
                .position(|known| *known == name)
                .map(|index| Day(Weekday::ALL[index]))
                .ok_or_else(|| format!("`{name}` is not one of {}", NAMES.join(" ")))
        })
    }
}

/// "HH:MM-HH:MM", checked the way an offer's opening hours are.
#[derive(Clone, Copy, Debug)]
pub(super) struct TimeRange {
    pub opens: TimeOfDay,
    pub closes: TimeOfDay,
}

impl<'de> Deserialize<'de> for TimeRange {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        parsed(deserializer, |text| {
            let bad = |reason: String| format!("time `{text}`: {reason}");
            let (opens, closes) = text
                .split_once(['-', '–'])
                .ok_or_else(|| bad("expected HH:MM-HH:MM".to_string()))?;
            let opens = TimeOfDay::parse(opens).map_err(|e| bad(e.to_string()))?;
            let closes = TimeOfDay::parse(closes).map_err(|e| bad(e.to_string()))?;
            OpeningSlot::new(Weekday::Mon, opens, closes).map_err(|e| bad(e.to_string()))?;
            Ok(TimeRange { opens, closes })
        })
    }
}

/// A chance in percent.
#[derive(Clone, Copy, Debug)]
pub(super) struct Percent(pub usize);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match usize::deserialize(deserializer)? {
            chance @ 0..=100 => Ok(Percent(chance)),
            chance => Err(D::Error::custom(format!(
                "{chance} is not a percentage (0 to 100)"
            ))),
        }
    }
}

// --- Offer kinds (angebote.toml) ----------------------------------------------------------
// Unknown keys are errors everywhere, so a misspelt field is reported instead of ignored.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OffersFile {
    offer: NonEmpty<RawOfferKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOfferKind {
    slug: String,
    names: NonEmpty<String>,
    topics: NonEmpty<Code<Topic>>,
    phases: NonEmpty<Code<LifePhase>>,
    #[serde(default = "on_site")]
    delivery: NonEmpty<Code<Delivery>>,
    #[serde(default)]
    extra_delivery: Option<Code<Delivery>>,
    #[serde(default)]
    cost: Option<RawCost>,
    #[serde(default = "course_price")]
    price: String,
    #[serde(default)]
    reduced_note: String,
    hours: String,
    texts: NonEmpty<String>,
    #[serde(default)]
    extras: Vec<String>,
    #[serde(default)]
    roles: Vec<(String, String)>,
    #[serde(default)]
    multilingual: bool,
    #[serde(default)]
    closed_in_school_holidays: bool,
    #[serde(default)]
    protected_address: Option<Code<AddressProtection>>,
}

fn on_site() -> NonEmpty<Code<Delivery>> {
    NonEmpty(vec![Code(Delivery::OnSite)])
}

fn course_price() -> String {
    "kurs".to_string()
}

/// Keys are the cost codes, like the other codes in the data.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCost {
    #[serde(default)]
    kostenlos: u32,
    #[serde(default)]
    ermaessigt: u32,
    #[serde(default)]
    kostenpflichtig: u32,
}

/// A type of offer; see the header of `angebote.toml` for the fields.
#[derive(Debug)]
pub(super) struct OfferKind {
    pub slug: String,
    pub names: NonEmpty<String>,
    pub topics: Vec<Topic>,
    pub phases: Vec<LifePhase>,
    pub delivery: Vec<Delivery>,
    pub extra_delivery: Option<Delivery>,
    /// Weights for free, reduced and paid.
    pub cost: [u32; 3],
    pub price: PricePattern,
    pub reduced_note: String,
    pub hours: HoursPattern,
    pub texts: NonEmpty<String>,
    pub extras: Vec<String>,
    /// (female, male) forms.
    pub roles: Vec<(String, String)>,
    pub multilingual: bool,
    pub closed_in_school_holidays: bool,
    /// Kept from the public (Schutzadresse), for a sensitive counselling place.
    pub protected_address: AddressProtection,
}

/// The names a reference may use, for the error message.
fn known_names<T>(map: &BTreeMap<String, T>) -> String {
    map.keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn offer_kind(raw: RawOfferKind, patterns: &PatternsFile) -> Result<OfferKind, String> {
    let cost = match raw.cost {
        Some(cost) => [cost.kostenlos, cost.ermaessigt, cost.kostenpflichtig],
        None => [100, 0, 0],
    };
    if cost.iter().sum::<u32>() == 0 {
        return Err("`cost` needs at least one weight above 0".to_string());
    }
    let hours = patterns.hours.get(&raw.hours).cloned().ok_or_else(|| {
        format!(
            "`hours = \"{}\"` is not in {PATTERNS_FILE} (there: {})",
            raw.hours,
            known_names(&patterns.hours)
        )
    })?;
    let price = patterns.prices.get(&raw.price).cloned().ok_or_else(|| {
        format!(
            "`price = \"{}\"` is not in {PATTERNS_FILE} (there: {})",
            raw.price,
            known_names(&patterns.prices)
        )
    })?;
    Ok(OfferKind {
        topics: plain(&raw.topics),
        phases: plain(&raw.phases),
        delivery: plain(&raw.delivery),
        extra_delivery: raw.extra_delivery.map(|code| code.0),
        slug: raw.slug,
        names: raw.names,
        cost,
        price,
        reduced_note: raw.reduced_note,
        hours,
        texts: raw.texts,
        extras: raw.extras,
        roles: raw.roles,
        multilingual: raw.multilingual,
        closed_in_school_holidays: raw.closed_in_school_holidays,
        protected_address: raw
            .protected_address
            .map_or(AddressProtection::Public, |code| code.0),
    })
}

// --- Organisation kinds (traeger.toml) ----------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationsFile {
    first_in_every_town: Vec<String>,
    organisation: NonEmpty<RawOrgKind>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrgKind {
    id: String,
    short: String,
    full: String,
    dative: String,
    #[serde(default)]
    mottos: Vec<String>,
    descriptions: NonEmpty<String>,
    offers: NonEmpty<String>,
    min_offers: usize,
    max_offers: usize,
    #[serde(default)]
    regional: bool,
    weight: u32,
}

/// A type of organisation; see the header of `traeger.toml` for the fields.
#[derive(Debug)]
pub(super) struct OrgKind {
    pub short: String,
    pub full: String,
    pub dative: String,
    pub mottos: Vec<String>,
    pub descriptions: NonEmpty<String>,
    /// Indexes into the catalogue's offer kinds; the first one is always offered.
    pub offers: Vec<usize>,
    pub min_offers: usize,
    pub max_offers: usize,
    pub regional: bool,
    pub weight: u32,
}

/// The organisation kinds and, by index, the ones every town gets first.
fn organisation_kinds(
    raw: OrganisationsFile,
    offers: &[OfferKind],
) -> Result<(Vec<OrgKind>, Vec<usize>), String> {
    unique(
        raw.organisation.iter().map(|o| o.id.as_str()),
        "organisation id",
    )?;
    let first_in_every_town = raw
        .first_in_every_town
        .iter()
        .map(|id| {
            raw.organisation
                .iter()
                .position(|org| &org.id == id)
                .ok_or_else(|| format!("`first_in_every_town`: no organisation has id `{id}`"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut kinds = Vec::new();
    for org in raw.organisation.0 {
        let error = |e: String| format!("organisation `{}`: {e}", org.id);
        if org.min_offers == 0 || org.min_offers > org.max_offers {
            return Err(error(format!(
                "`min_offers = {}` must be at least 1 and at most `max_offers = {}`",
                org.min_offers, org.max_offers
            )));
        }
        let offer_indexes = org
            .offers
            .iter()
            .map(|slug| {
                offers
                    .iter()
                    .position(|o| &o.slug == slug)
                    .ok_or_else(|| error(format!("the offer `{slug}` is not in {OFFERS_FILE}")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        kinds.push(OrgKind {
            short: org.short,
            full: org.full,
            dative: org.dative,
            mottos: org.mottos,
            descriptions: org.descriptions,
            offers: offer_indexes,
            min_offers: org.min_offers,
            max_offers: org.max_offers,
            regional: org.regional,
            weight: org.weight,
        });
    }
    if kinds.iter().map(|k| k.weight).sum::<u32>() == 0 {
        return Err("at least one organisation needs a `weight` above 0".to_string());
    }
    Ok((kinds, first_in_every_town))
}

// --- Opening-hours and price patterns (zeiten-und-preise.toml) ----------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternsFile {
    hours: BTreeMap<String, HoursPattern>,
    prices: BTreeMap<String, PricePattern>,
}

/// When an offer takes place: weekly plans to choose from, an optional extra slot and notes.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawHoursPattern")]
pub(super) struct HoursPattern {
    pub plans: NonEmpty<HoursPlan>,
    /// With two plans: the chance of the first one; otherwise all plans are equally likely.
    pub first_plan_percent: Option<Percent>,
    pub extra: Option<ExtraSlot>,
    pub notes: Vec<String>,
    /// The chance of a note from `notes`; `None` means always.
    pub note_percent: Option<Percent>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoursPattern {
    plan: NonEmpty<HoursPlan>,
    first_plan_percent: Option<Percent>,
    extra: Option<ExtraSlot>,
    #[serde(default)]
    notes: Vec<String>,
    note_percent: Option<Percent>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HoursPlan {
    pub slots: Vec<SlotRule>,
    /// A note that belongs to this plan and replaces the pattern's notes.
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ExtraSlot {
    pub percent: Percent,
    pub slot: SlotRule,
}

impl TryFrom<RawHoursPattern> for HoursPattern {
    type Error = String;

    fn try_from(raw: RawHoursPattern) -> Result<Self, String> {
        if raw.first_plan_percent.is_some() && raw.plan.len() != 2 {
            return Err("`first_plan_percent` needs exactly two plans".to_string());
        }
        let extra_slots = raw.extra.as_ref().map_or(0, |extra| extra.slot.most());
        for (index, plan) in raw.plan.iter().enumerate() {
            let most = extra_slots + plan.slots.iter().map(SlotRule::most).sum::<usize>();
            if most > MAX_SLOTS {
                return Err(format!(
                    "plan {} has up to {most} slots a week, at most {MAX_SLOTS} are allowed",
                    index + 1
                ));
            }
            if plan.note.is_none() && raw.note_percent.is_some() && raw.notes.is_empty() {
                return Err("`note_percent` without `notes`".to_string());
            }
        }
        Ok(HoursPattern {
            plans: raw.plan,
            first_plan_percent: raw.first_plan_percent,
            extra: raw.extra,
            notes: raw.notes,
            note_percent: raw.note_percent,
        })
    }
}

/// Slots on some weekdays at one time of day.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawSlot")]
pub(super) struct SlotRule {
    pub days: Days,
    pub time: Times,
}

#[derive(Clone, Debug)]
pub(super) enum Days {
    Every(Vec<Weekday>),
    OneOf(NonEmpty<Day>),
    SomeOf {
        days: Vec<Weekday>,
        fewest: usize,
        most: usize,
    },
}

#[derive(Clone, Debug)]
pub(super) enum Times {
    Fixed(TimeRange),
    OneOf(NonEmpty<TimeRange>),
}

impl SlotRule {
    /// The most slots this rule adds to a week.
    fn most(&self) -> usize {
        match &self.days {
            Days::Every(days) => days.len(),
            Days::OneOf(_) => 1,
            Days::SomeOf { most, .. } => *most,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSlot {
    days: Option<NonEmpty<Day>>,
    one_day_of: Option<NonEmpty<Day>>,
    some_days_of: Option<NonEmpty<Day>>,
    how_many: Option<(usize, usize)>,
    time: Option<TimeRange>,
    one_time_of: Option<NonEmpty<TimeRange>>,
}

impl TryFrom<RawSlot> for SlotRule {
    type Error = String;

    fn try_from(raw: RawSlot) -> Result<Self, String> {
        let weekdays = |days: NonEmpty<Day>| days.iter().map(|day| day.0).collect::<Vec<_>>();
        let days = match (raw.days, raw.one_day_of, raw.some_days_of, raw.how_many) {
            (Some(days), None, None, None) => Days::Every(weekdays(days)),
            (None, Some(days), None, None) => Days::OneOf(days),
            (None, None, Some(days), Some((fewest, most))) => {
                if fewest == 0 || fewest > most || most > days.len() {
                    return Err(format!(
                        "`how_many = [{fewest}, {most}]` must lie between 1 and the {} days",
                        days.len()
                    ));
                }
                Days::SomeOf {
                    days: weekdays(days),
                    fewest,
                    most,
                }
            }
            _ => {
                return Err(
                    "a slot needs one of `days`, `one_day_of` or `some_days_of` \
                            (with `how_many`)"
                        .to_string(),
                );
            }
        };
        let time = match (raw.time, raw.one_time_of) {
            (Some(time), None) => Times::Fixed(time),
            (None, Some(times)) => Times::OneOf(times),
            _ => return Err("a slot needs one of `time` or `one_time_of`".to_string()),
        };
        Ok(SlotRule { days, time })
    }
}

/// What a paid offer costs: `{Betrag}` is one of the amounts.
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawPrice")]
pub(super) struct PricePattern {
    pub amounts: NonEmpty<u32>,
    pub text: String,
    pub other: Option<OtherPrice>,
}

/// The second wording of a price, used when `text` is not (`{Anzahl}` is one of `counts`).
#[derive(Clone, Debug)]
pub(super) struct OtherPrice {
    pub text_percent: Percent,
    pub text: String,
    pub counts: NonEmpty<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPrice {
    amounts: NonEmpty<u32>,
    text: String,
    text_percent: Option<Percent>,
    other_text: Option<String>,
    counts: Option<NonEmpty<u32>>,
}

impl TryFrom<RawPrice> for PricePattern {
    type Error = String;

    fn try_from(raw: RawPrice) -> Result<Self, String> {
        let other = match (raw.other_text, raw.text_percent, raw.counts) {
            (Some(text), Some(text_percent), Some(counts)) => Some(OtherPrice {
                text_percent,
                text,
                counts,
            }),
            (None, None, None) => None,
            _ => {
                return Err("`other_text`, `text_percent` and `counts` belong together".to_string());
            }
        };
        Ok(PricePattern {
            amounts: raw.amounts,
            text: raw.text,
            other,
        })
    }
}

// --- Lists shared by all offers (allgemein.toml) ------------------------------------------

/// See the header of `allgemein.toml` for the fields.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct General {
    pub streets: NonEmpty<String>,
    pub female_first_names: NonEmpty<String>,
    pub male_first_names: NonEmpty<String>,
    pub surnames: NonEmpty<String>,
    /// (female, male).
    pub placeholder_surnames: (String, String),
    pub general_roles: NonEmpty<(String, String)>,
    pub accessible_notes: NonEmpty<String>,
    pub inaccessible_notes: NonEmpty<String>,
    pub internal_notes: NonEmpty<String>,
    pub reduced_notes: NonEmpty<String>,
    pub other_languages: NonEmpty<Code<Language>>,
    pub newcomer_languages: NonEmpty<Code<Language>>,
    pub phone: Phone,
    pub summaries: Summaries,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Phone {
    pub fallback_area_code: String,
    /// By municipality key (AGS).
    pub area_codes: BTreeMap<String, String>,
}

impl Phone {
    /// The telephone area code of a municipality.
    pub fn area_code(&self, ags: &str) -> &str {
        self.area_codes.get(ags).unwrap_or(&self.fallback_area_code)
    }
}

/// Short descriptions by interface language; `{Thema}` is the topic, `{T}` the town.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Summaries {
    pub en: String,
    pub tr: String,
    pub ar: String,
    pub uk: String,
}

// --- Loading ------------------------------------------------------------------------------

impl Catalogue {
    /// Reads and checks the four files in `dir`.
    pub fn load(dir: &Path) -> Result<Self, CatalogueError> {
        let patterns: PatternsFile = read(&dir.join(PATTERNS_FILE))?;
        let general: General = read(&dir.join(GENERAL_FILE))?;

        let offers_path = dir.join(OFFERS_FILE);
        let raw_offers: OffersFile = read(&offers_path)?;
        let offers = raw_offers
            .offer
            .0
            .into_iter()
            .map(|raw| {
                let slug = raw.slug.clone();
                offer_kind(raw, &patterns).map_err(|reason| format!("offer `{slug}`: {reason}"))
            })
            .collect::<Result<Vec<_>, _>>()
            .and_then(|offers| {
                unique(offers.iter().map(|o| o.slug.as_str()), "offer slug")?;
                Ok(offers)
            })
            .map_err(|reason| CatalogueError {
                path: offers_path,
                reason,
            })?;

        let organisations_path = dir.join(ORGANISATIONS_FILE);
        let (organisations, first_in_every_town) =
            organisation_kinds(read(&organisations_path)?, &offers).map_err(|reason| {
                CatalogueError {
                    path: organisations_path,
                    reason,
                }
            })?;

        Ok(Catalogue {
            offers,
            organisations,
            first_in_every_town,
            general,
        })
    }
}

fn read<T: DeserializeOwned>(path: &Path) -> Result<T, CatalogueError> {
    let error = |reason: String| CatalogueError {
        path: path.to_path_buf(),
        reason,
    };
    let text = std::fs::read_to_string(path)
        .map_err(|source| error(format!("cannot be read: {source}")))?;
    toml::from_str(&text).map_err(|source| error(source.to_string().trim_end().to_string()))
}

fn unique<'a>(items: impl Iterator<Item = &'a str>, what: &str) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    for item in items {
        if !seen.insert(item) {
            return Err(format!("the {what} `{item}` appears twice"));
        }
    }
    Ok(())
}
