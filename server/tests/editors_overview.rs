//! The editors' overview `/redaktion` over real HTTP: what needs action comes first (the open
//! requests, then the offers due for checking, then the archive), the due offers filtered by
//! town and topic and paged in the server, a strict query (a wrong value is a 400 with the
//! German reason, after the role check), archived offers linked, and the count of open
//! requests in the header for editors and admins only.

mod common;

use std::collections::HashSet;

use chrono::NaiveDate;
use common::{Running, Visitor, post_correction, signed_in, start};

const MEMBER: usize = 0;
const EDITOR: usize = 1;
const ADMIN: usize = 2;
const PAGE_SIZE: usize = 25;
const DUELMEN: &str = "05558016";

/// A server with a client per role: not signed in, member, editor, admin.
struct Clients {
    running: Running,
    anonymous: Visitor,
    member: Visitor,
    editor: Visitor,
    admin: Visitor,
}

async fn clients() -> Clients {
    let running = start().await;
    let (member, editor, admin) = (
        signed_in(&running, MEMBER).await,
        signed_in(&running, EDITOR).await,
        signed_in(&running, ADMIN).await,
    );
    Clients {
        anonymous: Visitor::new(&running),
        member,
        editor,
        admin,
        running,
    }
}

fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

/// The part of the page between two ids (`id="from"` … `id="to"`).
fn between<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{from}\""))
        .unwrap_or_else(|| panic!("no #{from} in {page}"));
    let end = page[start..]
        .find(&format!("id=\"{to}\""))
        .map_or(page.len(), |end| start + end);
    &page[start..end]
}

/// The offers the due section lists, in order.
fn due_ids(page: &str) -> Vec<i64> {
    between(page, "faellig", "archiv")
        .split("data-offer-id=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].parse().unwrap())
        .collect()
}

/// "142 Angebote fällig" → 142.
fn due_total(page: &str) -> usize {
    let text = between(page, "faellig", "archiv");
    let end = text
        .find(" Angebote fällig")
        .or_else(|| text.find(" Angebot fällig"))
        .unwrap_or_else(|| panic!("no count in {text}"));
    let start = text[..end].rfind('>').unwrap() + 1;
    text[start..end].trim().parse().unwrap()
}

/// Every due offer (active, last checked over 12 months ago) in the order the overview pages
/// them, with its municipality's name: from the editors' full list.
async fn expected_due(editor: &Visitor) -> Vec<(i64, String)> {
    let today = chrono::Local::now().date_naive();
    let limit = today.checked_sub_months(chrono::Months::new(12)).unwrap();
    let all = json(&editor.get("/api/redaktion/pruefliste").await.body);
    let mut due: Vec<(NaiveDate, String, i64, String)> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|offer| offer["archived"] == false)
        .map(|offer| {
            (
                offer["last_checked"].as_str().unwrap().parse().unwrap(),
                offer["name"].as_str().unwrap().to_string(),
                offer["id"].as_i64().unwrap(),
                offer["municipality"].as_str().unwrap().to_string(),
            )
        })
        .filter(|(checked, ..)| *checked < limit)
        .collect();
    due.sort();
    due.into_iter().map(|(_, _, id, town)| (id, town)).collect()
}

/// Every page of the overview's due list for `query`, one after the other.
async fn all_pages(editor: &Visitor, query: &str) -> (usize, Vec<i64>) {
    let first = editor.get(&format!("/redaktion?{query}")).await;
    assert_eq!(first.status, 200, "{}", first.body);
    let total = due_total(&first.body);
    let mut ids = due_ids(&first.body);
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    for page in 2..=pages {
        let reply = editor
            .get(&format!("/redaktion?{query}&seite={page}"))
            .await;
        assert_eq!(reply.status, 200, "page {page}: {}", reply.body);
        let on_page = due_ids(&reply.body);
        assert!(on_page.len() <= PAGE_SIZE);
        ids.extend(on_page);
    }
    // One page past the last is refused, with the number of pages.
    let past = editor
        .get(&format!("/redaktion?{query}&seite={}", pages + 1))
        .await;
    assert_eq!(past.status, 400, "{}", past.body);
    assert!(past.body.contains("gibt es nicht"), "{}", past.body);
    (total, ids)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_come_first_and_only_editors_see_their_count() {
    let Clients {
        running,
        anonymous,
        member,
        editor,
        admin,
    } = clients().await;
    let offers = json(&anonymous.get("/api/offers").await.body);
    let offer = offers[0]["id"].as_i64().unwrap();

    // No open request: no number anywhere.
    let page = editor.get("/redaktion").await;
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("request-badge"));
    assert!(page.body.contains("Keine offenen Anfragen."));

    post_correction(&running, offer, "Die Telefonnummer stimmt nicht mehr.", "").await;
    post_correction(&running, offer, "Die Sprechzeiten haben sich geändert.", "").await;

    let page = editor.get("/redaktion").await.body;
    // What needs action first: the requests, then the due offers, the archive, the new offer.
    let order: Vec<usize> = ["anfragen", "faellig", "archiv", "neu"]
        .iter()
        .map(|id| {
            page.find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("no #{id}"))
        })
        .collect();
    assert!(order.is_sorted(), "sections in the order {order:?}");
    assert!(page.contains("Neue Anfragen (2)"), "{page}");
    assert!(
        page.find("Die Telefonnummer stimmt nicht mehr.").unwrap() < order[1],
        "the request stands before the due offers"
    );
    // The header's menu counts the open requests, for editors and admins.
    for (who, visitor) in [("editor", &editor), ("admin", &admin)] {
        let body = visitor.get("/konto").await.body;
        assert!(
            body.contains(r#"<span class="request-badge">2"#),
            "{who}'s header shows the count"
        );
        assert!(body.contains("Redaktion (2"), "{who}'s menu link counts");
        assert!(
            body.contains("offene Anfragen"),
            "{who}: named for screen readers"
        );
    }
    // A member's and a visitor's pages do not change.
    for body in [
        member.get("/konto").await.body,
        member.get("/").await.body,
        anonymous.get("/").await.body,
    ] {
        assert!(!body.contains("request-badge"));
        assert!(!body.contains("offene Anfrage"));
        assert!(!body.contains("href=\"/redaktion\""));
    }

    // Decided requests leave the count and fold below the open ones.
    let queue = json(&editor.get("/api/redaktion/anfragen").await.body);
    let request = queue[0]["id"].as_i64().unwrap().to_string();
    let applied = [("id", request.as_str()), ("decision", "eingearbeitet")];
    let decided = editor.post("/api/redaktion/entscheiden", &applied).await;
    assert_eq!(decided.status, 200, "{}", decided.body);
    let page = editor.get("/redaktion").await.body;
    assert!(page.contains("Neue Anfragen (1)"));
    assert!(page.contains("Zuletzt entschieden (1)"));
    assert!(
        editor
            .get("/konto")
            .await
            .body
            .contains(r#"<span class="request-badge">1"#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn due_offers_are_filtered_by_town_and_topic_and_paged() {
    let all = clients().await;
    let Clients { editor, .. } = &all;
    let expected = expected_due(editor).await;
    assert!(
        expected.len() > PAGE_SIZE,
        "the demo data has more due offers than one page"
    );
    let expected_ids: Vec<i64> = expected.iter().map(|(id, _)| *id).collect();

    // All of them, oldest check first, page after page, each once.
    let (total, ids) = all_pages(editor, "ort=&thema=").await;
    assert_eq!(total, expected.len());
    assert_eq!(ids, expected_ids);
    let first = editor.get("/redaktion").await.body;
    assert!(first.contains(&format!("{total} Angebote fällig")));
    assert_eq!(due_ids(&first).len(), PAGE_SIZE);
    assert!(first.contains("href=\"/redaktion?seite=2#faellig\""));
    assert!(first.contains(r#"aria-current="page""#));
    let second = editor.get("/redaktion?seite=2").await.body;
    assert_eq!(due_ids(&second), expected_ids[PAGE_SIZE..2 * PAGE_SIZE]);

    // One town: its due offers only, in the same order.
    let in_town: Vec<i64> = expected
        .iter()
        .filter(|(_, town)| town == "Dülmen")
        .map(|(id, _)| *id)
        .collect();
    assert!(!in_town.is_empty());
    let (total, ids) = all_pages(editor, &format!("ort={DUELMEN}")).await;
    assert_eq!((total, ids), (in_town.len(), in_town));
    let filtered = editor.get(&format!("/redaktion?ort={DUELMEN}")).await.body;
    assert!(
        filtered.contains(&format!(r#"<option value="{DUELMEN}" selected"#)),
        "the form shows the chosen town"
    );

    // One topic: the due offers the public API lists under it.
    let counselling = json(
        &editor
            .get("/api/v1/offers?thema=beratung&pro_seite=200")
            .await
            .body,
    );
    let with_topic: HashSet<i64> = counselling["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| offer["id"].as_i64().unwrap())
        .collect();
    let topic_due: Vec<i64> = expected_ids
        .iter()
        .copied()
        .filter(|id| with_topic.contains(id))
        .collect();
    assert!(!topic_due.is_empty());
    let (total, ids) = all_pages(editor, "thema=beratung").await;
    assert_eq!((total, ids), (topic_due.len(), topic_due.clone()));

    // Both at once.
    let both: Vec<i64> = expected
        .iter()
        .filter(|(id, town)| town == "Dülmen" && with_topic.contains(id))
        .map(|(id, _)| *id)
        .collect();
    let (total, ids) = all_pages(editor, &format!("ort={DUELMEN}&thema=beratung")).await;
    assert_eq!((total, ids), (both.len(), both));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_query_is_refused_with_the_reason_after_the_role_check() {
    let all = clients().await;
    let Clients {
        anonymous,
        member,
        editor,
        ..
    } = &all;
    for (query, reason) in [
        (
            "ort=Berlin",
            "Einen Ort mit dem Schlüssel „Berlin“ gibt es hier nicht.",
        ),
        ("thema=zauberei", "Ein Thema „zauberei“ gibt es nicht."),
        ("seite=0", "„0“ ist keine Seitenzahl."),
        ("seite=zwei", "„zwei“ ist keine Seitenzahl."),
        ("seite=-3", "„-3“ ist keine Seitenzahl."),
        (
            "ort=05558016&ort=05558012",
            "Die Angabe „ort“ darf nur einmal vorkommen.",
        ),
        (
            "sortierung=name",
            "Die Angabe „sortierung“ kennt diese Seite nicht.",
        ),
        ("seite=9999", "Eine Seite 9999 gibt es nicht"),
    ] {
        let path = format!("/redaktion?{query}");
        assert_eq!(anonymous.get(&path).await.status, 401, "{query}");
        assert_eq!(member.get(&path).await.status, 403, "{query}");
        let refused = editor.get(&path).await;
        assert_eq!(refused.status, 400, "{query}");
        assert!(refused.body.contains(reason), "{query}: {}", refused.body);
        assert!(
            refused.body.contains(r#"role="alert""#),
            "{query}: said as an alert"
        );
        // The rest of the page stays usable: the requests and the filter form to correct it.
        assert!(refused.body.contains("id=\"anfragen\""));
        assert!(refused.body.contains("id=\"faellig-ort\""));
    }
    // The map's point for a new offer is no filter, and no error.
    assert_eq!(
        editor.get("/redaktion?lat=51.83&lon=7.28").await.status,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archived_offers_are_listed_with_links_after_the_due_offers() {
    let all = clients().await;
    let Clients {
        anonymous, editor, ..
    } = &all;
    let list = json(&editor.get("/api/redaktion/pruefliste").await.body);
    let archived_before = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|offer| offer["archived"] == true)
        .count();
    let id = json(&anonymous.get("/api/offers").await.body)[3]["id"]
        .as_i64()
        .unwrap();
    // Archived as an editor does it, from the version the editor saw.
    let seen = json(
        &editor
            .get(&format!("/api/redaktion/angebot?id={id}"))
            .await
            .body,
    );
    let form = [
        ("id".to_string(), id.to_string()),
        ("version".to_string(), seen["version"].to_string()),
        ("archived".to_string(), "true".to_string()),
    ];
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let archived = editor.post("/api/redaktion/archiv", &form).await;
    assert_eq!(archived.status, 200, "{}", archived.body);
    let page = editor.get("/redaktion").await.body;
    let archive = between(&page, "archiv", "neu");
    assert!(
        archive.contains(&format!("Archivierte Angebote ({})", archived_before + 1)),
        "{archive}"
    );
    assert!(
        archive.contains(&format!("href=\"/angebot/{id}#bearbeiten\"")),
        "{archive}"
    );
    assert!(!due_ids(&page).contains(&id), "archived offers are not due");
    // The link leads an editor to the offer's page, still not public.
    assert_eq!(editor.get(&format!("/angebot/{id}")).await.status, 200);
    assert_eq!(anonymous.get(&format!("/angebot/{id}")).await.status, 404);
}
