//! One storage story, run on a real SQLite file and on a real PostgreSQL database: what is
//! stored comes back, archived offers stay hidden, and member-only data stays separate.
//!
//! PostgreSQL is reached at `CHANCENKARTE_TEST_POSTGRES` (default: the local server with trust
//! auth). The story creates its own database and drops it afterwards. Set
//! `CHANCENKARTE_SKIP_POSTGRES=1` to leave PostgreSQL out explicitly; otherwise an unreachable
//! server fails the test rather than passing silently.

use std::sync::Arc;

use app::domain::hours::OpeningSlot;
use app::domain::taxonomy::{Cost, Delivery, Language, LifePhase, Topic};
use app::server::records::{
    ContactPerson, MemberOnly, Municipality, NewLocation, NewOffer, NewOrganization, OfferStatus,
};
use app::server::storage::{Storage, connect};
use chrono::NaiveDate;

const SECRET_NOTE: &str = "NUR-MITGLIEDER: Rückruf über die Durchwahl";
const SECRET_CONTACT: &str = "erika.beispiel.intern-kontakt@example.org";

fn offer(organization_id: i64, name: &str, status: OfferStatus) -> NewOffer {
    NewOffer {
        external_id: Some(format!("story-{name}")),
        organization_id,
        location: NewLocation {
            street: "Lindenstraße 12".into(),
            postcode: "48653".into(),
            town: "Coesfeld".into(),
            municipality_ags: "05558012".into(),
            lat: 51.945_912_3,
            lon: 7.167_512_3,
        },
        name: name.into(),
        description: "Offener Treff für Eltern mit Babys im ersten Lebensjahr, mit Hebamme.".into(),
        topics: [Topic::EarlyHelp, Topic::FamilyEducation]
            .into_iter()
            .collect(),
        phases: [LifePhase::Age0To3, LifePhase::Parents]
            .into_iter()
            .collect(),
        languages: [Language::German, Language::Turkish].into_iter().collect(),
        delivery: [Delivery::OnSite].into_iter().collect(),
        cost: Cost::Free,
        cost_note: String::new(),
        wheelchair: true,
        accessibility_note: "Aufzug vorhanden".into(),
        phone: "02541 99 12 34".into(),
        email: "treff@example.org".into(),
        website: "https://example.org/treff".into(),
        opening_hours: vec![
            OpeningSlot::parse(3, "14:00", "16:00").unwrap(),
            OpeningSlot::parse(1, "09:00", "11:30").unwrap(),
        ],
        hours_note: "nicht in den Schulferien".into(),
        last_checked: NaiveDate::from_ymd_opt(2026, 9, 15).unwrap(),
        status,
        is_demo: false,
        member_only: MemberOnly {
            contacts: vec![ContactPerson {
                name: "Erika Beispiel".into(),
                role: "Leitung".into(),
                phone: "02541 99 12 200".into(),
                email: SECRET_CONTACT.into(),
            }],
            internal_note: SECRET_NOTE.into(),
        },
    }
}

async fn story(storage: Arc<dyn Storage>) {
    storage.migrate().await.expect("migrations run");
    // Running them twice is how every restart behaves.
    storage.migrate().await.expect("migrations are idempotent");
    let towns = vec![
        Municipality {
            ags: "05558012".into(),
            name: "Coesfeld".into(),
            population: Some(36217),
        },
        Municipality {
            ags: "05558016".into(),
            name: "Dülmen".into(),
            population: Some(46590),
        },
    ];
    storage.upsert_municipalities(&towns).await.unwrap();
    storage
        .upsert_municipalities(&towns)
        .await
        .expect("upsert twice");
    assert_eq!(storage.count_offers().await.unwrap(), 0);

    let org = storage
        .insert_organization(&NewOrganization {
            external_id: Some("story-org".into()),
            name: "Familienzentrum Regenbogen".into(),
            description: String::new(),
            website: String::new(),
            is_demo: false,
            working_group: "AG 0–6".into(),
        })
        .await
        .unwrap();
    let active = storage
        .insert_offer(&offer(org, "Babytreff", OfferStatus::Active))
        .await
        .unwrap();
    let archived = storage
        .insert_offer(&offer(org, "Alter Kurs", OfferStatus::Archived))
        .await
        .unwrap();
    assert_ne!(active, archived);
    assert_eq!(storage.count_offers().await.unwrap(), 2);

    let summaries = storage.public_offer_summaries().await.unwrap();
    assert_eq!(summaries.len(), 1, "archived offers are not public");
    let summary = &summaries[0];
    assert_eq!(summary.id, active);
    assert_eq!(summary.name, "Babytreff");
    assert_eq!(summary.organization, "Familienzentrum Regenbogen");
    assert_eq!(summary.municipality, "05558012");
    assert_eq!((summary.lat, summary.lon), (51.945_91, 7.167_51));
    assert!(
        summary.topics.contains(Topic::EarlyHelp)
            && summary.topics.contains(Topic::FamilyEducation)
    );
    assert!(summary.phases.contains(LifePhase::Parents));
    assert!(summary.languages.contains(Language::Turkish));
    assert!(summary.free && summary.wheelchair);

    let detail = storage
        .public_offer_detail(active)
        .await
        .unwrap()
        .expect("active offer has a detail");
    assert_eq!(detail.address.municipality, "Coesfeld");
    assert_eq!(detail.opening_hours.len(), 2);
    assert_eq!(
        detail.opening_hours[0].weekday.number(),
        1,
        "hours come back in week order"
    );
    assert_eq!(
        detail.last_checked,
        NaiveDate::from_ymd_opt(2026, 9, 15).unwrap()
    );
    assert!(detail.delivery.contains(Delivery::OnSite));
    assert_eq!(detail.cost, Cost::Free);
    assert!(
        storage
            .public_offer_detail(archived)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        storage
            .public_offer_detail(999_999)
            .await
            .unwrap()
            .is_none()
    );

    // Member-only data is stored, but apart: no public read carries it.
    let member = storage.member_only(active).await.unwrap();
    assert_eq!(member.internal_note, SECRET_NOTE);
    assert_eq!(member.contacts[0].email, SECRET_CONTACT);
    let public_json = format!(
        "{}{}",
        serde_json::to_string(&summaries).unwrap(),
        serde_json::to_string(&detail).unwrap()
    );
    assert!(!public_json.contains("NUR-MITGLIEDER"));
    assert!(!public_json.contains("intern-kontakt"));
    assert!(!public_json.contains("Erika"));

    // A duplicate external id is refused and leaves nothing half-stored.
    let before = storage.count_offers().await.unwrap();
    assert!(
        storage
            .insert_offer(&offer(org, "Babytreff", OfferStatus::Active))
            .await
            .is_err()
    );
    assert_eq!(storage.count_offers().await.unwrap(), before);
    // A location in an unknown municipality violates a foreign key and is refused too.
    let mut stray = offer(org, "Irrläufer", OfferStatus::Active);
    stray.location.municipality_ags = "99999999".into();
    assert!(storage.insert_offer(&stray).await.is_err());
    assert_eq!(storage.public_offer_summaries().await.unwrap().len(), 1);
}

#[tokio::test]
async fn story_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("story.db").display());
    story(connect(&url).await.unwrap()).await;
}

#[tokio::test]
async fn story_on_postgres() {
    if std::env::var("CHANCENKARTE_SKIP_POSTGRES").as_deref() == Ok("1") {
        eprintln!("PostgreSQL story explicitly left out (CHANCENKARTE_SKIP_POSTGRES=1)");
        return;
    }
    let admin_url = std::env::var("CHANCENKARTE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let admin = sqlx::PgPool::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} is required for this test: {e}"));
    let database = format!(
        "chancenkarte_story_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis()
    );
    sqlx::query(&format!("CREATE DATABASE {database}"))
        .execute(&admin)
        .await
        .unwrap();
    let url = match admin_url.rsplit_once('/') {
        Some((base, _)) => format!("{base}/{database}"),
        None => panic!("unexpected PostgreSQL URL {admin_url}"),
    };
    let storage = connect(&url).await.unwrap();
    let outcome = tokio::spawn(story(storage)).await;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
        .execute(&admin)
        .await
        .unwrap();
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic.into_panic());
    }
}
