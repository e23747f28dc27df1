//! Deterministic demo data: fictional organisations and offers spread over the region's
//! municipalities, so the map can be shown, developed and tested without any real data.
//!
//! Everything is invented: organisation and person names, streets, phone numbers (a `99…`
//! block behind the real area code), and addresses on the reserved domain example.org. The
//! catalogue the generator draws from (kinds of offers and organisations, their texts, opening
//! hours, prices, name lists) lives in TOML files in the region's `demo/` folder, so people can
//! edit the German texts without touching Rust, and a production server never reads them: they
//! are only loaded when an empty database is filled in demo mode.

mod catalogue;
mod generator;

use std::path::{Path, PathBuf};

use app::offers::records::{NewOffer, NewOrganization};
use app::platform::database::StorageError;
use app::region::loader::LoadedRegion;
use app::storage::Storage;

pub use catalogue::{Catalogue, CatalogueError};
pub use generator::{generate_sized, generate_with};

/// Marker contained in every internal note of the demo data, so leak tests can look for it.
pub const MEMBER_NOTE_MARKER: &str = "NUR-MITGLIEDER";
/// Marker contained in every demo contact person's e-mail address.
pub const MEMBER_CONTACT_MARKER: &str = "intern-kontakt";
/// The seed the server uses, so every installation shows the same demo map.
pub const DEFAULT_SEED: u64 = 2026;
/// The folder beside the region file that holds the demo catalogue.
pub const CATALOGUE_FOLDER: &str = "demo";

/// An organisation with its offers; the offers carry `organization_id` 0 until loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoOrganization {
    pub organization: NewOrganization,
    pub offers: Vec<NewOffer>,
}

/// Why demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Catalogue(#[from] CatalogueError),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Where the demo catalogue of the region described by `region_file` lives.
pub fn catalogue_dir(region_file: &Path) -> PathBuf {
    region_file
        .parent()
        .unwrap_or(Path::new("."))
        .join(CATALOGUE_FOLDER)
}

/// The demo data of the Kreis Coesfeld catalogue in this source tree, for the repository's
/// tests that compare a demo server with what it must have loaded (the server itself uses
/// [`load_if_empty`]). Panics if that catalogue does not load, so such a test fails loudly.
pub fn generate(region: &LoadedRegion, seed: u64) -> Vec<DemoOrganization> {
    let region_file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld/region.json");
    let catalogue =
        Catalogue::load(&catalogue_dir(&region_file)).unwrap_or_else(|error| panic!("{error}"));
    generate_with(region, &catalogue, seed)
}

/// Inserts the demo data when the storage has no offers yet; returns how many offers were
/// inserted (0 if there were already offers). Upserts the region's municipalities first,
/// because locations refer to them. The catalogue is read from beside `region_file` only
/// when there is something to generate, so a filled database needs no demo files.
pub async fn load_if_empty(
    storage: &dyn Storage,
    region: &LoadedRegion,
    region_file: &Path,
) -> Result<usize, DemoError> {
    load_sized_if_empty(storage, region, region_file, None).await
}

/// As [`load_if_empty`], with `offers` offers instead of the usual number when given (the
/// server's `DEMO_OFFERS`, for measurements at ten times the data).
pub async fn load_sized_if_empty(
    storage: &dyn Storage,
    region: &LoadedRegion,
    region_file: &Path,
    offers: Option<usize>,
) -> Result<usize, DemoError> {
    storage
        .upsert_municipalities(&region.storage_municipalities())
        .await?;
    if storage.count_offers().await? > 0 {
        return Ok(0);
    }
    let catalogue = Catalogue::load(&catalogue_dir(region_file))?;
    let organizations: Vec<_> = generate_sized(region, &catalogue, DEFAULT_SEED, offers)
        .into_iter()
        .map(|demo| (demo.organization, demo.offers))
        .collect();
    // One transaction: a start killed halfway leaves no offer, so the next start loads them all.
    Ok(storage.insert_into_empty(&organizations).await?)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    use chrono::NaiveDate;
    use geo::{Contains, Point};
    use sha2::{Digest, Sha256};

    use app::offers::hours::OpeningSlot;
    use app::offers::records::OfferStatus;
    use app::offers::taxonomy::{Language, Topic};

    use super::generator::{ARCHIVED_OFFERS, WORKING_GROUPS, round6};
    use super::*;

    fn region_file() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../regions/kreis-coesfeld/region.json")
    }

    fn region() -> LoadedRegion {
        LoadedRegion::load(&region_file()).expect("the default region loads")
    }

    fn offers(data: &[DemoOrganization]) -> impl Iterator<Item = &NewOffer> {
        data.iter().flat_map(|d| d.offers.iter())
    }

    #[test]
    fn enough_offers_in_every_municipality() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        assert!(data.len() >= 120, "{} organisations", data.len());
        assert!(
            offers(&data).count() >= 300,
            "{} offers",
            offers(&data).count()
        );
        let mut per_town: BTreeMap<&str, usize> = BTreeMap::new();
        for offer in offers(&data) {
            *per_town
                .entry(offer.location.municipality_ags.as_str())
                .or_default() += 1;
        }
        assert_eq!(per_town.len(), 11);
        for town in &region.municipalities {
            let count = per_town.get(town.ags.as_str()).copied().unwrap_or(0);
            assert!(count >= 5, "{} has only {count} offers", town.name);
        }
        // Bigger towns get more offers than the smallest ones.
        let count_of = |name: &str| {
            let ags = &region
                .municipalities
                .iter()
                .find(|m| m.name == name)
                .unwrap()
                .ags;
            per_town[ags.as_str()]
        };
        assert!(count_of("Dülmen") > count_of("Nordkirchen"));
        let two_towns = data
            .iter()
            .filter(|d| {
                let towns: BTreeSet<_> = d
                    .offers
                    .iter()
                    .map(|o| &o.location.municipality_ags)
                    .collect();
                towns.len() >= 2
            })
            .count();
        assert!(
            two_towns >= 3,
            "only {two_towns} organisations serve two towns"
        );
    }

    #[test]
    fn same_seed_gives_same_data() {
        let region = region();
        let first = generate(&region, DEFAULT_SEED);
        assert_eq!(first, generate(&region, DEFAULT_SEED));
        assert_ne!(first, generate(&region, DEFAULT_SEED + 1));
    }

    #[test]
    fn other_seeds_also_reach_the_minimum() {
        let region = region();
        for seed in [0, 1, 42, u64::MAX] {
            let data = generate(&region, seed);
            assert!(offers(&data).count() >= 300, "seed {seed}");
            assert!(data.len() >= 120, "seed {seed}");
        }
    }

    #[test]
    fn locations_lie_in_their_own_municipality() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        for offer in offers(&data) {
            let location = &offer.location;
            let town = region
                .municipalities
                .iter()
                .find(|m| m.ags == location.municipality_ags)
                .expect("known municipality");
            assert!(
                town.area.contains(&Point::new(location.lon, location.lat)),
                "{} at {}, {} is outside {}",
                offer.name,
                location.lat,
                location.lon,
                town.name
            );
            assert_eq!(
                region
                    .municipality_at(location.lon, location.lat)
                    .map(|m| &m.ags),
                Some(&town.ags)
            );
            assert_eq!(location.postcode, town.postcode);
            assert_eq!(location.town, town.name);
            assert_eq!(round6(location.lat), location.lat);
            assert!(!location.street.is_empty());
        }
    }

    #[test]
    fn offers_are_complete_and_varied() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        let first = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let mut names = BTreeSet::new();
        let mut external_ids = BTreeSet::new();
        let mut two_topics = 0;
        let mut costs = BTreeSet::new();
        for offer in offers(&data) {
            assert!(!offer.topics.is_empty(), "{}", offer.name);
            assert!(!offer.phases.is_empty(), "{}", offer.name);
            assert!(!offer.delivery.is_empty(), "{}", offer.name);
            assert!(offer.languages.contains(Language::German), "{}", offer.name);
            assert!(offer.opening_hours.len() <= 5, "{}", offer.name);
            for slot in &offer.opening_hours {
                assert!(OpeningSlot::new(slot.weekday, slot.opens, slot.closes).is_ok());
            }
            let length = offer.description.chars().count();
            assert!(
                (80..=300).contains(&length),
                "{length}: {}",
                offer.description
            );
            assert!(!offer.description.contains('{'), "{}", offer.description);
            assert!(!offer.name.contains('{'), "{}", offer.name);
            assert!(offer.phone.starts_with('0'), "{}", offer.phone);
            assert!(offer.email.is_empty() || offer.email.ends_with("@example.org"));
            assert!(
                offer.email.is_empty() || app::accounts::model::Email::parse(&offer.email).is_ok(),
                "{}",
                offer.email
            );
            assert!(offer.website.is_empty() || offer.website.starts_with("https://example.org/"));
            assert!((first..=last).contains(&offer.last_checked));
            assert!(offer.is_demo);
            assert_eq!(offer.organization_id, 0);
            assert!(external_ids.insert(offer.external_id.clone().unwrap()));
            if offer.topics.iter().count() == 2 {
                two_topics += 1;
            }
            costs.insert(offer.cost.code());
            names.insert(offer.name.clone());
        }
        assert!(names.len() >= 150, "only {} distinct names", names.len());
        assert!(two_topics >= 20);
        assert_eq!(costs.len(), 3);
        for topic in Topic::ALL {
            assert!(
                offers(&data).any(|o| o.topics.contains(*topic)),
                "{topic:?} missing"
            );
        }
        let archived = offers(&data)
            .filter(|o| o.status == OfferStatus::Archived)
            .count();
        assert_eq!(archived, ARCHIVED_OFFERS);
        let org_names: BTreeSet<_> = data.iter().map(|d| &d.organization.name).collect();
        assert_eq!(org_names.len(), data.len());
        for demo in &data {
            assert!(WORKING_GROUPS.contains(&demo.organization.working_group.as_str()));
            assert!(demo.organization.is_demo);
            assert!(
                demo.organization
                    .external_id
                    .as_deref()
                    .unwrap()
                    .starts_with("demo-org-")
            );
            assert!(!demo.offers.is_empty());
        }
    }

    #[test]
    fn member_only_data_is_marked_and_never_public() {
        let region = region();
        let data = generate(&region, DEFAULT_SEED);
        let markers = [MEMBER_NOTE_MARKER, MEMBER_CONTACT_MARKER];
        let mut notes = 0;
        for demo in &data {
            let org = &demo.organization;
            for field in [&org.name, &org.description, &org.website] {
                assert!(!markers.iter().any(|m| field.contains(m)), "{field}");
            }
        }
        for offer in offers(&data) {
            let public = [
                &offer.name,
                &offer.description,
                &offer.phone,
                &offer.email,
                &offer.website,
                &offer.cost_note,
                &offer.hours_note,
                &offer.accessibility_note,
                &offer.location.street,
            ];
            for field in public {
                assert!(!markers.iter().any(|m| field.contains(m)), "{field}");
            }
            let member = &offer.member_only;
            if !member.internal_note.is_empty() {
                assert!(member.internal_note.starts_with(MEMBER_NOTE_MARKER));
                notes += 1;
            }
            assert!((1..=2).contains(&member.contacts.len()));
            for contact in &member.contacts {
                assert!(
                    contact.email.contains(MEMBER_CONTACT_MARKER),
                    "{}",
                    contact.email
                );
                assert!(contact.email.ends_with("@example.org"));
                assert_ne!(contact.phone, offer.phone);
                assert!(!contact.name.is_empty() && !contact.role.is_empty());
            }
        }
        let total = offers(&data).count();
        assert!(
            notes * 10 >= total * 5 && notes * 10 <= total * 9,
            "{notes} of {total}"
        );
    }

    /// A migrated SQLite database in `dir`.
    async fn empty_storage(dir: &Path) -> std::sync::Arc<dyn Storage> {
        let path = dir.join("demo.db");
        let storage = app::storage::connect(&format!("sqlite:{}", path.display()))
            .await
            .unwrap();
        storage.migrate().await.unwrap();
        storage
    }

    #[tokio::test]
    async fn loads_once_into_an_empty_database() {
        let region = region();
        let dir = tempfile::tempdir().unwrap();
        let storage = empty_storage(dir.path()).await;

        let inserted = load_if_empty(storage.as_ref(), &region, &region_file())
            .await
            .unwrap();
        let data = generate(&region, DEFAULT_SEED);
        assert!(inserted >= 300);
        assert_eq!(inserted, offers(&data).count());
        assert_eq!(
            load_if_empty(storage.as_ref(), &region, &region_file())
                .await
                .unwrap(),
            0
        );
        // A filled database needs no demo files at all.
        let nowhere = dir.path().join("nowhere/region.json");
        assert_eq!(
            load_if_empty(storage.as_ref(), &region, &nowhere)
                .await
                .unwrap(),
            0
        );
        assert_eq!(storage.count_offers().await.unwrap(), inserted as i64);

        let active = offers(&data)
            .filter(|o| o.status == OfferStatus::Active)
            .count();
        let summaries = storage.public_offer_summaries().await.unwrap();
        assert_eq!(summaries.len(), active);
        let archived: BTreeSet<_> = offers(&data)
            .filter(|o| o.status == OfferStatus::Archived)
            .map(|o| o.name.as_str())
            .collect();
        assert!(
            summaries
                .iter()
                .all(|s| !archived.contains(s.name.as_str()))
        );
        assert!(
            summaries
                .iter()
                .all(|s| !s.teaser.contains(MEMBER_NOTE_MARKER))
        );
    }

    /// Pins the generator on the real region and catalogue, so a change in the code or in the
    /// data files cannot move the demo map unnoticed. After changing the demo data files on
    /// purpose, take the new counts and digest from the failure message.
    #[test]
    fn default_seed_gives_the_known_map() {
        let data = generate(&region(), DEFAULT_SEED);
        let digest = format!("{:x}", Sha256::digest(format!("{data:?}")));
        assert_eq!(
            (data.len(), offers(&data).count(), digest.as_str()),
            (
                132,
                338,
                "baa93b888b1d4bd604e63831be187b801691296994c6050bfa2353bcacba35bc"
            ),
            "organisations, offers and digest of the demo data"
        );
        let organisation = |number: usize| data[number - 1].organization.name.as_str();
        assert_eq!(organisation(1), "Kreisjugendamt – Außenstelle Ascheberg");
        assert_eq!(organisation(132), "Sekundarschule Am Kreuzweg, Senden");
        let offer = |id: &str| {
            offers(&data)
                .find(|o| o.external_id.as_deref() == Some(id))
                .unwrap()
        };
        let first = offer("demo-offer-001");
        assert_eq!(
            (
                first.name.as_str(),
                first.location.street.as_str(),
                first.phone.as_str(),
                first.hours_note.as_str(),
                first.last_checked,
            ),
            (
                "Babybegrüßungsdienst Ascheberg",
                "Sonnenweg 45",
                "02593 9901-0",
                "Hausbesuche nach Absprache",
                NaiveDate::from_ymd_opt(2024, 3, 8).unwrap(),
            )
        );
        let slot = first.opening_hours[0];
        assert_eq!(
            format!("{} {}-{}", slot.weekday.label(), slot.opens, slot.closes),
            "Montag 09:00-11:00"
        );
        let course = offer("demo-offer-049");
        assert_eq!(
            (
                course.name.as_str(),
                course.location.town.as_str(),
                course.cost_note.as_str()
            ),
            ("Krabbelgruppe Coesfeld", "Coesfeld", "55 € für 8 Termine")
        );
        assert_eq!(
            offer("demo-offer-003").summaries[0],
            "Financial help: a service for families in Ascheberg. Call or drop by to ask whether \
             it suits you."
        );
        let archived: Vec<&str> = offers(&data)
            .filter(|o| o.status == OfferStatus::Archived)
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            archived,
            [
                "Kindertageseinrichtung Purzelbaum",
                "Erziehungs- und Familienberatung in der Beratungsstelle Anker",
                "Schulsozialarbeit in der Grundschule An der Linde",
            ]
        );
    }

    /// A sized demo map has exactly the offers asked for, from the same kinds of organisations
    /// in every municipality, with unique names and ids; the usual size is the usual map.
    #[test]
    fn sized_maps_have_the_offers_asked_for() {
        let region = region();
        let catalogue = Catalogue::load(&catalogue_dir(&region_file())).unwrap();
        assert_eq!(
            generate_sized(&region, &catalogue, DEFAULT_SEED, None),
            generate(&region, DEFAULT_SEED)
        );
        for wanted in [100, 3_000] {
            let data = generate_sized(&region, &catalogue, DEFAULT_SEED, Some(wanted));
            assert_eq!(offers(&data).count(), wanted);
            assert_eq!(
                data,
                generate_sized(&region, &catalogue, DEFAULT_SEED, Some(wanted))
            );
            assert!(data.iter().all(|d| !d.offers.is_empty()));
            let towns: BTreeSet<_> = offers(&data)
                .map(|o| o.location.municipality_ags.as_str())
                .collect();
            assert_eq!(towns.len(), 11);
            let names: BTreeSet<_> = offers(&data).map(|o| o.name.as_str()).collect();
            assert_eq!(names.len(), wanted);
            let ids: BTreeSet<_> = offers(&data).map(|o| o.external_id.clone()).collect();
            assert_eq!(ids.len(), wanted);
            let org_names: BTreeSet<_> = data.iter().map(|d| &d.organization.name).collect();
            assert_eq!(org_names.len(), data.len());
            let archived = offers(&data)
                .filter(|o| o.status == OfferStatus::Archived)
                .count();
            assert_eq!(archived, ARCHIVED_OFFERS);
        }
    }

    /// A copy of the real catalogue with `from` replaced by `to` in `file`, and the error that
    /// loading it gives.
    fn broken(file: &str, from: &str, to: &str) -> String {
        use super::catalogue::{GENERAL_FILE, OFFERS_FILE, ORGANISATIONS_FILE, PATTERNS_FILE};
        let dir = tempfile::tempdir().unwrap();
        let source = catalogue_dir(&region_file());
        for name in [OFFERS_FILE, ORGANISATIONS_FILE, PATTERNS_FILE, GENERAL_FILE] {
            let mut text = std::fs::read_to_string(source.join(name)).unwrap();
            if name == file {
                assert!(text.contains(from), "{from} not in {name}");
                text = text.replacen(from, to, 1);
            }
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        Catalogue::load(dir.path()).unwrap_err().to_string()
    }

    #[test]
    fn bad_data_files_are_named_in_the_error() {
        let missing = Catalogue::load(Path::new("/nowhere/demo"))
            .unwrap_err()
            .to_string();
        assert!(
            missing.contains("/nowhere/demo/") && missing.contains("cannot be read"),
            "{missing}"
        );
        let cases = [
            ("angebote.toml", "[[offer]]", "[[offer]", "parse error"),
            (
                "angebote.toml",
                "hours = \"aufsuchend\"",
                "hours = \"nachts\"",
                "`babylotsen`",
            ),
            (
                "angebote.toml",
                "[\"fruehe-hilfen\"]",
                "[\"fruehe-hilfe\"]",
                "`fruehe-hilfe`",
            ),
            (
                "traeger.toml",
                "\"willkommensbesuch\",",
                "\"willkommen\",",
                "`willkommen`",
            ),
            (
                "traeger.toml",
                "min_offers = 3",
                "min_offers = 5",
                "`jugendamt`",
            ),
            (
                "zeiten-und-preise.toml",
                "\"09:00-12:00\"",
                "\"12:00-09:00\"",
                "`12:00-09:00`",
            ),
            (
                "zeiten-und-preise.toml",
                "text_percent = 50",
                "",
                "belong together",
            ),
            (
                "zeiten-und-preise.toml",
                "amounts = [3, 5, 8, 12]",
                "amounts = []",
                "at least one entry",
            ),
            ("allgemein.toml", "streets =", "strassen =", "`strassen`"),
            (
                "allgemein.toml",
                "\"tr\", \"ar\"",
                "\"tr\", \"arabisch\"",
                "`arabisch`",
            ),
        ];
        for (file, from, to, detail) in cases {
            let error = broken(file, from, to);
            assert!(
                error.contains(&format!("{file}: ")) && error.contains(detail),
                "{file}, {from} → {to}: {error}"
            );
        }
    }

    #[tokio::test]
    async fn missing_files_stop_only_the_demo_load() {
        let dir = tempfile::tempdir().unwrap();
        let storage = empty_storage(dir.path()).await;
        let error = load_if_empty(storage.as_ref(), &region(), &dir.path().join("region.json"))
            .await
            .unwrap_err();
        assert!(matches!(error, DemoError::Catalogue(_)), "{error}");
        let folder = dir.path().join(CATALOGUE_FOLDER);
        assert!(
            error.to_string().contains(&folder.display().to_string()),
            "{error}"
        );
        assert_eq!(storage.count_offers().await.unwrap(), 0);
    }
}
