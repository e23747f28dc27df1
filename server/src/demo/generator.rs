//! Turns the demo catalogue into organisations and offers for a region's municipalities.
//!
//! All randomness comes from one seeded [`SplitMix64`] drawn in a fixed order, so the same
//! region, catalogue and seed give the same data on every machine. Changing the order or the
//! number of draws changes the whole demo map, which the pinning test in `demo.rs` notices.

use std::collections::BTreeSet;

use chrono::{Days as DayCount, NaiveDate};

use app::offers::hours::OpeningSlot;
use app::offers::records::{
    ContactPerson, MemberOnly, NewLocation, NewOffer, NewOrganization, OfferStatus,
};
use app::offers::taxonomy::{
    AddressProtection, Cost, DeliverySet, Language, LanguageSet, LifePhase, PhaseSet, Topic,
    TopicSet,
};
use app::region::loader::{LoadedRegion, RegionMunicipality};
use app::shared::prng::SplitMix64;

use super::catalogue::{
    Catalogue, Days, HoursPattern, OfferKind, OrgKind, PricePattern, SlotRule, Times,
};
use super::{DemoOrganization, MEMBER_CONTACT_MARKER, MEMBER_NOTE_MARKER};

use LifePhase::{
    Age0To3, Age3To6, Age6To10, Age10To14, Age14To18, Age18To21, Age21To27, Parents, Pregnancy,
};

/// Roughly how many organisations the whole region gets; shared out by population.
const TARGET_ORGANISATIONS: f64 = 132.0;
/// Even the smallest municipality needs enough organisations to show every kind of help.
const MIN_ORGANISATIONS_PER_TOWN: usize = 6;
/// Below this the map looks empty; the generator tops up until it is reached.
const MIN_OFFERS: usize = 300;
/// Archived offers exist so tests can prove they never reach the public page.
pub(super) const ARCHIVED_OFFERS: usize = 3;
const KM_PER_DEGREE_LAT: f64 = 111.32;
/// The network's working groups as the member area labels them, by age range.
pub(super) const WORKING_GROUPS: [&str; 3] = ["AG 0–6", "AG 6–18", "AG 18–27"];

/// One item of a list, drawn like [`SplitMix64::pick`] but by reference, for lists of text.
fn choose<'a, T>(rng: &mut SplitMix64, items: &'a [T]) -> &'a T {
    &items[rng.below(items.len())]
}

/// What the text templates can refer to.
struct Names<'a> {
    town: &'a str,
    motto: &'a str,
    short: &'a str,
    at: &'a str,
}

fn fill(template: &str, names: &Names) -> String {
    template
        .replace("{T}", names.town)
        .replace("{M}", names.motto)
        .replace("{S}", names.short)
        .replace("{A}", names.at)
}

/// An address on example.org with `local` cut to the 64 characters mail allows before the @.
fn example_address(local: &str) -> String {
    let local: String = local.chars().take(64).collect();
    format!("{}@example.org", local.trim_end_matches(['.', '-']))
}

/// Lower-case ASCII for e-mail addresses and paths.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            'é' | 'è' => out.push('e'),
            'a'..='z' | '0'..='9' => out.push(c),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

pub(super) fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// A point near the town centre that lies inside the municipality: most within 3 km, some
/// further out in the villages. Rejection sampling keeps points out of neighbouring towns.
fn sample_point(
    rng: &mut SplitMix64,
    region: &LoadedRegion,
    town: &RegionMunicipality,
) -> (f64, f64) {
    let (centre_lon, centre_lat) = town.centre;
    let village = rng.percent(15);
    let km_per_degree_lon = KM_PER_DEGREE_LAT * centre_lat.to_radians().cos();
    for _ in 0..40 {
        let distance = if village {
            3.0 + 5.0 * rng.unit()
        } else {
            3.0 * rng.unit().sqrt()
        };
        let angle = rng.unit() * std::f64::consts::TAU;
        let lat = round6(centre_lat + distance * angle.sin() / KM_PER_DEGREE_LAT);
        let lon = round6(centre_lon + distance * angle.cos() / km_per_degree_lon);
        if region
            .municipality_at(lon, lat)
            .is_some_and(|found| found.ags == town.ags)
        {
            return (lon, lat);
        }
    }
    let rounded = (round6(centre_lon), round6(centre_lat));
    if region
        .municipality_at(rounded.0, rounded.1)
        .is_some_and(|found| found.ags == town.ags)
    {
        rounded
    } else {
        town.centre
    }
}

fn sample_location(
    rng: &mut SplitMix64,
    catalogue: &Catalogue,
    region: &LoadedRegion,
    town: &RegionMunicipality,
) -> NewLocation {
    let mut number = rng.between(1, 90).to_string();
    if rng.percent(10) {
        number.push(rng.pick(&['a', 'b']));
    }
    let street = format!("{} {number}", choose(rng, &catalogue.general.streets));
    let (lon, lat) = sample_point(rng, region, town);
    NewLocation {
        street,
        postcode: town.postcode.clone(),
        town: town.name.clone(),
        municipality_ags: town.ags.clone(),
        lat,
        lon,
        protection: AddressProtection::Public,
    }
}

/// Weekly slots and an optional note from a pattern. The draws come in a fixed order (plan,
/// then per slot: a set of days, the time, a single day; then the extra slot and the note),
/// which is the order the generator has always used, so seeds keep their maps.
fn opening_hours(rng: &mut SplitMix64, pattern: &HoursPattern) -> (Vec<OpeningSlot>, String) {
    let plan = match pattern.first_plan_percent {
        Some(chance) => &pattern.plans[usize::from(!rng.percent(chance.0))],
        None if pattern.plans.len() > 1 => choose(rng, &pattern.plans),
        None => &pattern.plans[0],
    };
    let mut slots = Vec::new();
    for rule in &plan.slots {
        add_slots(rng, rule, &mut slots);
    }
    if let Some(extra) = &pattern.extra
        && rng.percent(extra.percent.0)
    {
        add_slots(rng, &extra.slot, &mut slots);
    }
    let note = match &plan.note {
        Some(note) => note.clone(),
        None if pattern.notes.is_empty() => String::new(),
        None if pattern
            .note_percent
            .is_none_or(|chance| rng.percent(chance.0)) =>
        {
            choose(rng, &pattern.notes).clone()
        }
        None => String::new(),
    };
    (slots, note)
}

fn add_slots(rng: &mut SplitMix64, rule: &SlotRule, out: &mut Vec<OpeningSlot>) {
    let mut days = match &rule.days {
        Days::Every(days) => days.clone(),
        Days::SomeOf { days, fewest, most } => {
            let mut days = days.clone();
            rng.shuffle(&mut days);
            days.truncate(rng.between(*fewest, *most));
            days.sort_unstable();
            days
        }
        Days::OneOf(_) => Vec::new(),
    };
    let time = match &rule.time {
        Times::Fixed(time) => *time,
        Times::OneOf(times) => *choose(rng, times),
    };
    if let Days::OneOf(choices) = &rule.days {
        days.push(choose(rng, choices).0);
    }
    // The catalogue checked every time range when it was loaded.
    out.extend(days.into_iter().map(|weekday| OpeningSlot {
        weekday,
        opens: time.opens,
        closes: time.closes,
    }));
}

fn describe(rng: &mut SplitMix64, kind: &OfferKind, names: &Names) -> String {
    let mut text = fill(choose(rng, &kind.texts).as_str(), names);
    let mut extras: Vec<&str> = kind.extras.iter().map(String::as_str).collect();
    rng.shuffle(&mut extras);
    let wanted = rng.below(3);
    let mut added = 0;
    for extra in extras {
        if added >= wanted && text.chars().count() >= 80 {
            break;
        }
        let extra = fill(extra, names);
        if text.chars().count() + 1 + extra.chars().count() <= 300 {
            text.push(' ');
            text.push_str(&extra);
            added += 1;
        }
    }
    text
}

fn price(rng: &mut SplitMix64, pattern: &PricePattern) -> String {
    let amount = *choose(rng, &pattern.amounts);
    let text = match &pattern.other {
        Some(other) if !rng.percent(other.text_percent.0) => other
            .text
            .replace("{Anzahl}", &choose(rng, &other.counts).to_string()),
        _ => pattern.text.clone(),
    };
    text.replace("{Betrag}", &amount.to_string())
}

fn cost(rng: &mut SplitMix64, catalogue: &Catalogue, kind: &OfferKind) -> (Cost, String) {
    match rng.weighted(&kind.cost) {
        0 => (Cost::Free, String::new()),
        1 => {
            let note = if kind.reduced_note.is_empty() {
                choose(rng, &catalogue.general.reduced_notes).clone()
            } else {
                kind.reduced_note.clone()
            };
            (Cost::Reduced, note)
        }
        _ => (Cost::Paid, price(rng, &kind.price)),
    }
}

fn languages(rng: &mut SplitMix64, catalogue: &Catalogue, kind: &OfferKind) -> LanguageSet {
    let mut set: LanguageSet = [Language::German].into_iter().collect();
    let general = &catalogue.general;
    let (chance, pool) = if kind.multilingual {
        (90, &general.newcomer_languages)
    } else {
        (35, &general.other_languages)
    };
    if rng.percent(chance) {
        for _ in 0..rng.between(1, 3) {
            set.insert(rng.pick(pool).0);
        }
    }
    let sign_chance = if kind.topics.contains(&Topic::DisabilityInclusion) {
        20
    } else {
        2
    };
    if rng.percent(sign_chance) {
        set.insert(Language::SignLanguage);
    }
    set
}

fn contact_person(
    rng: &mut SplitMix64,
    catalogue: &Catalogue,
    kind: &OfferKind,
    area: &str,
    block: &str,
    taken: &[ContactPerson],
) -> ContactPerson {
    let general = &catalogue.general;
    loop {
        let female = rng.percent(65);
        let first = if female {
            choose(rng, &general.female_first_names)
        } else {
            choose(rng, &general.male_first_names)
        };
        let last = if rng.percent(15) {
            let (female_form, male_form) = &general.placeholder_surnames;
            if female { female_form } else { male_form }
        } else {
            choose(rng, &general.surnames)
        };
        let name = format!("{first} {last}");
        let phone = format!("{area} {block}-2{:02}", rng.below(100));
        if taken.iter().any(|c| c.name == name || c.phone == phone) {
            continue;
        }
        let roles: Vec<&(String, String)> = kind
            .roles
            .iter()
            .chain(general.general_roles.iter())
            .collect();
        let (role_female, role_male) = choose(rng, &roles);
        return ContactPerson {
            email: example_address(&format!(
                "{}.{}.{MEMBER_CONTACT_MARKER}",
                slug(first),
                slug(last)
            )),
            phone,
            role: if female { role_female } else { role_male }.to_string(),
            name,
        };
    }
}

/// The parts of an organisation its offers are built from.
struct OrgDraft<'a> {
    kind: &'a OrgKind,
    home: usize,
    motto: String,
    short: String,
    full: String,
    slug: String,
    /// Four digits after the area code, shared by the organisation's numbers.
    block: String,
    location: NewLocation,
    description: String,
    website: String,
    used_kinds: Vec<&'a str>,
    offers: Vec<NewOffer>,
}

struct Generator<'a> {
    rng: SplitMix64,
    catalogue: &'a Catalogue,
    region: &'a LoadedRegion,
    org_names: BTreeSet<String>,
    offer_names: BTreeSet<String>,
}

impl<'a> Generator<'a> {
    fn organisation(&mut self, kind: &'a OrgKind, home: usize) -> OrgDraft<'a> {
        let region = self.region;
        let town = &region.municipalities[home];
        let mut mottos: Vec<&str> = kind.mottos.iter().map(String::as_str).collect();
        self.rng.shuffle(&mut mottos);
        if mottos.is_empty() {
            mottos.push(&town.name);
        }
        let naming = |motto: &str| {
            let short = kind.short.replace("{M}", motto);
            let full = kind.full.replace("{S}", &short).replace("{T}", &town.name);
            (short, full)
        };
        let motto = mottos
            .iter()
            .copied()
            .find(|motto| !self.org_names.contains(&naming(motto).1))
            .unwrap_or(mottos[0]);
        let (short, mut full) = naming(motto);
        let mut counter = 2;
        while self.org_names.contains(&full) {
            full = format!("{} – Standort {counter}", naming(motto).1);
            counter += 1;
        }
        self.org_names.insert(full.clone());
        let slug = slug(&full);
        let names = Names {
            town: &town.name,
            motto,
            short: &short,
            at: "",
        };
        let description = fill(choose(&mut self.rng, &kind.descriptions).as_str(), &names);
        OrgDraft {
            kind,
            home,
            motto: motto.to_string(),
            short: short.clone(),
            block: format!("99{:02}", self.rng.below(100)),
            location: sample_location(&mut self.rng, self.catalogue, self.region, town),
            website: format!("https://example.org/{slug}"),
            description,
            full,
            slug,
            used_kinds: Vec::new(),
            offers: Vec::new(),
        }
    }

    fn offer(&mut self, org: &OrgDraft, kind: &OfferKind, town_index: usize) -> NewOffer {
        let region = self.region;
        let catalogue = self.catalogue;
        let rng = &mut self.rng;
        let town = &region.municipalities[town_index];
        let at = format!("{} {}", org.kind.dative, org.short);
        let names = Names {
            town: &town.name,
            motto: &org.motto,
            short: &org.short,
            at: &at,
        };

        let start = rng.below(kind.names.len());
        let candidates: Vec<String> = (0..kind.names.len())
            .map(|i| fill(&kind.names[(start + i) % kind.names.len()], &names))
            .collect();
        let name = match candidates.iter().find(|c| !self.offer_names.contains(*c)) {
            Some(free) => free.clone(),
            None => {
                let mut name = format!("{} ({})", candidates[0], org.short);
                let mut counter = 2;
                while self.offer_names.contains(&name) {
                    name = format!("{} ({}, Gruppe {counter})", candidates[0], org.short);
                    counter += 1;
                }
                name
            }
        };
        self.offer_names.insert(name.clone());

        let description = describe(rng, kind, &names);
        let mut delivery: DeliverySet = kind.delivery.iter().copied().collect();
        if let Some(extra) = kind.extra_delivery
            && rng.percent(35)
        {
            delivery.insert(extra);
        }
        let languages = languages(rng, catalogue, kind);
        let (cost, cost_note) = cost(rng, catalogue, kind);
        let wheelchair = rng.percent(55);
        let accessibility_note = if rng.percent(35) {
            let general = &catalogue.general;
            choose(
                rng,
                if wheelchair {
                    &general.accessible_notes
                } else {
                    &general.inaccessible_notes
                },
            )
            .clone()
        } else {
            String::new()
        };
        let location = if town_index == org.home && rng.percent(75) {
            org.location.clone()
        } else {
            sample_location(rng, catalogue, region, town)
        };

        let area = catalogue.general.phone.area_code(&town.ags);
        let phone = if rng.percent(40) {
            format!("{area} {}-0", org.block)
        } else {
            format!("{area} {}-{}", org.block, rng.between(10, 199))
        };
        let email = if rng.percent(15) {
            String::new()
        } else if rng.percent(50) {
            example_address(&format!("info.{}", org.slug))
        } else {
            example_address(&format!("{}.{}", kind.slug, org.slug))
        };
        let website = if rng.percent(30) {
            String::new()
        } else {
            format!("https://example.org/{}/{}", org.slug, kind.slug)
        };
        let (opening_hours, hours_note) = opening_hours(rng, &kind.hours);
        // Most offers were checked within the last 18 months; a few long ago, so the public
        // "not checked for over two years" flag and the editors' list have something to show.
        let last_checked = if rng.percent(4) {
            NaiveDate::from_ymd_opt(2023, 6, 1).expect("valid date")
                + DayCount::new(rng.below(300) as u64)
        } else {
            NaiveDate::from_ymd_opt(2025, 5, 1).expect("valid date")
                + DayCount::new(rng.below(550) as u64)
        };

        let mut contacts = Vec::new();
        for _ in 0..rng.between(1, 2) {
            let person = contact_person(rng, catalogue, kind, area, &org.block, &contacts);
            contacts.push(person);
        }
        let internal_note = if rng.percent(70) {
            format!(
                "{MEMBER_NOTE_MARKER}: {}",
                fill(
                    choose(rng, &catalogue.general.internal_notes).as_str(),
                    &names
                )
            )
        } else {
            String::new()
        };

        let summaries = summaries_for(catalogue, &name, kind.topics[0], &town.name);
        NewOffer {
            external_id: None,
            organization_id: 0,
            location: NewLocation {
                protection: kind.protected_address,
                ..location
            },
            name,
            description,
            topics: kind.topics.iter().copied().collect::<TopicSet>(),
            phases: kind.phases.iter().copied().collect::<PhaseSet>(),
            languages,
            delivery,
            cost,
            cost_note,
            wheelchair,
            accessibility_note,
            phone,
            email,
            website,
            opening_hours,
            hours_note,
            closed_in_school_holidays: kind.closed_in_school_holidays,
            last_checked,
            status: OfferStatus::Active,
            is_demo: true,
            member_only: MemberOnly {
                contacts,
                internal_note,
            },
            summaries,
        }
    }

    fn add_offer(&mut self, org: &mut OrgDraft<'a>, kind: &'a OfferKind, town_index: usize) {
        let offer = self.offer(org, kind, town_index);
        org.used_kinds.push(&kind.slug);
        org.offers.push(offer);
    }

    /// A municipality other than `home`, for organisations that also serve a neighbour.
    fn other_town(&mut self, home: usize) -> Option<usize> {
        let count = self.region.municipalities.len();
        (count > 1).then(|| (home + 1 + self.rng.below(count - 1)) % count)
    }
}

/// How many organisations each municipality gets: by population, with a floor; `target` is
/// roughly how many the whole region gets.
fn organisations_per_town(region: &LoadedRegion, target: f64) -> Vec<usize> {
    let known: Vec<i64> = region
        .municipalities
        .iter()
        .filter_map(|m| m.population)
        .collect();
    let fallback = if known.is_empty() {
        10_000
    } else {
        known.iter().sum::<i64>() / known.len() as i64
    };
    let populations: Vec<f64> = region
        .municipalities
        .iter()
        .map(|m| m.population.unwrap_or(fallback).max(1) as f64)
        .collect();
    let total: f64 = populations.iter().sum();
    populations
        .iter()
        .map(|p| ((p / total * target).round() as usize).max(MIN_ORGANISATIONS_PER_TOWN))
        .collect()
}

/// The working group whose age range most of the organisation's offers address.
fn working_group(offers: &[NewOffer]) -> &'static str {
    let mut votes = [0usize; 3];
    for phase in offers.iter().flat_map(|o| o.phases.iter()) {
        match phase {
            Pregnancy | Age0To3 | Age3To6 => votes[0] += 1,
            Age6To10 | Age10To14 | Age14To18 => votes[1] += 1,
            Age18To21 | Age21To27 => votes[2] += 1,
            Parents => {}
        }
    }
    let best = votes
        .iter()
        .enumerate()
        .max_by_key(|(index, count)| (**count, std::cmp::Reverse(*index)))
        .map_or(0, |(index, _)| index);
    WORKING_GROUPS[best]
}

/// Generates the demo data for a region from a catalogue; same region, catalogue and seed →
/// identical output.
pub fn generate_with(
    region: &LoadedRegion,
    catalogue: &Catalogue,
    seed: u64,
) -> Vec<DemoOrganization> {
    generate_sized(region, catalogue, seed, None)
}

/// As [`generate_with`], with `offers` offers exactly (archived ones included) instead of the
/// usual number, for measurements at other data sizes (`DEMO_OFFERS`). The region gets
/// proportionally more (or fewer) organisations from the same seeded draws, a tenth too many
/// offers, and then the offers beyond the count are cut (see below). `None` is the usual demo
/// map, unchanged.
pub fn generate_sized(
    region: &LoadedRegion,
    catalogue: &Catalogue,
    seed: u64,
    offers: Option<usize>,
) -> Vec<DemoOrganization> {
    let mut generator = Generator {
        rng: SplitMix64(seed),
        catalogue,
        region,
        org_names: BTreeSet::new(),
        offer_names: BTreeSet::new(),
    };
    // Kinds with weight 0 are never drawn, so a kind that only opens every town (the youth
    // office) can sit in the same list.
    let weights: Vec<u32> = catalogue.organisations.iter().map(|k| k.weight).collect();
    let offer_kinds = |kind: &OrgKind| -> Vec<&OfferKind> {
        kind.offers
            .iter()
            .map(|&index| &catalogue.offers[index])
            .collect()
    };
    let mut drafts: Vec<OrgDraft> = Vec::new();

    // The usual map has about this many offers for TARGET_ORGANISATIONS organisations; a
    // sized one asks for a tenth more organisations than that ratio gives and cuts the rest.
    const USUAL_OFFERS: f64 = 338.0;
    let target = offers.map_or(TARGET_ORGANISATIONS, |wanted| {
        TARGET_ORGANISATIONS * 1.1 * wanted as f64 / USUAL_OFFERS
    });
    let minimum = offers.unwrap_or(MIN_OFFERS);
    for (home, count) in organisations_per_town(region, target)
        .into_iter()
        .enumerate()
    {
        for index in 0..count {
            let kind = match catalogue.first_in_every_town.get(index) {
                Some(&first) => &catalogue.organisations[first],
                None => &catalogue.organisations[generator.rng.weighted(&weights)],
            };
            let mut org = generator.organisation(kind, home);
            let kinds = offer_kinds(kind);
            let mut rest: Vec<&OfferKind> = kinds[1..].to_vec();
            generator.rng.shuffle(&mut rest);
            let wanted = generator.rng.between(kind.min_offers, kind.max_offers);
            let chosen: Vec<&OfferKind> = std::iter::once(kinds[0])
                .chain(rest)
                .take(wanted.min(kinds.len()))
                .collect();
            let serves_neighbour = kind.regional && chosen.len() >= 2 && generator.rng.percent(35);
            for (position, offer_kind) in chosen.iter().copied().enumerate() {
                let town = if serves_neighbour && position + 1 == chosen.len() {
                    generator.other_town(home).unwrap_or(home)
                } else {
                    home
                };
                generator.add_offer(&mut org, offer_kind, town);
            }
            drafts.push(org);
        }
    }

    // Small regions (or unlucky seeds) could fall short of a convincing map: add the
    // organisations' remaining offer kinds, round-robin, until there are enough.
    let mut total: usize = drafts.iter().map(|d| d.offers.len()).sum();
    while total < minimum {
        let before = total;
        for org in drafts.iter_mut() {
            if total >= minimum {
                break;
            }
            let next = offer_kinds(org.kind)
                .into_iter()
                .find(|k| !org.used_kinds.contains(&k.slug.as_str()));
            if let Some(kind) = next {
                let home = org.home;
                generator.add_offer(org, kind, home);
                total += 1;
            }
        }
        if total == before {
            break;
        }
    }

    if let Some(wanted) = offers {
        // The offers beyond the count go one at a time from organisations that have more than
        // one, from the last back, so every municipality keeps its organisations; only below
        // one offer per organisation do the last organisations go.
        while total > wanted {
            let before = total;
            for org in drafts.iter_mut().rev() {
                if total > wanted && org.offers.len() > 1 {
                    org.offers.pop();
                    total -= 1;
                }
            }
            if total == before {
                drafts.truncate(wanted);
                total = wanted;
            }
        }
    }

    let mut archived = BTreeSet::new();
    while archived.len() < ARCHIVED_OFFERS.min(total) {
        archived.insert(generator.rng.below(total));
    }

    let mut offer_number = 0;
    drafts
        .into_iter()
        .enumerate()
        .map(|(index, draft)| {
            let working_group = working_group(&draft.offers).to_string();
            let offers = draft
                .offers
                .into_iter()
                .map(|mut offer| {
                    if archived.contains(&offer_number) {
                        offer.status = OfferStatus::Archived;
                    }
                    offer_number += 1;
                    offer.external_id = Some(format!("demo-offer-{offer_number:03}"));
                    offer
                })
                .collect();
            DemoOrganization {
                organization: NewOrganization {
                    external_id: Some(format!("demo-org-{:03}", index + 1)),
                    name: draft.full,
                    description: draft.description,
                    website: draft.website,
                    is_demo: true,
                    working_group,
                },
                offers,
            }
        })
        .collect()
}

/// Short descriptions in the other interface languages for about two offers in five (chosen
/// by the name, so the random draws of the rest of the demo data stay as they were).
fn summaries_for(catalogue: &Catalogue, name: &str, topic: Topic, town: &str) -> [String; 4] {
    use app::shared::i18n::Locale;
    if name.bytes().map(u32::from).sum::<u32>() % 5 >= 2 {
        return Default::default();
    }
    let locales = [
        Locale::English,
        Locale::Turkish,
        Locale::Arabic,
        Locale::Ukrainian,
    ];
    let summaries = &catalogue.general.summaries;
    let templates = [&summaries.en, &summaries.tr, &summaries.ar, &summaries.uk];
    std::array::from_fn(|index| {
        let topic_name = app::platform::catalogues::message(
            locales[index],
            &format!("thema-{}", topic.code()),
            None,
        );
        templates[index]
            .replace("{T}", town)
            .replace("{Thema}", &topic_name)
    })
}
