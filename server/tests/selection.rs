//! The Merkliste over real HTTP: `/auswahl?angebote=…` read strictly (a wrong value answers
//! 400 with the German reason), offers shown from the URL alone with the ones no longer public
//! named, the member-only hand-over for members only, and `/drucken?angebot=a&angebot=b`
//! printing exactly those offers.

mod common;

use common::{Visitor, public_offers as offers, signed_in, start};
use server::demo::MEMBER_CONTACT_MARKER;

/// A name as the HTML writes it.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// Two offers whose names appear in no other offer's name (so a count is exact).
fn distinct_pair(all: &[(i64, String)]) -> [(i64, String); 3] {
    let alone = |name: &str| all.iter().filter(|(_, other)| other.contains(name)).count() == 1;
    let mut picked = all.iter().filter(|(_, name)| alone(name)).cloned();
    [
        picked.next().unwrap(),
        picked.next().unwrap(),
        picked.next().unwrap(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_selection_is_read_strictly_and_shown_from_the_url_alone() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let all = offers(&anonymous).await;
    let [(a, a_name), (b, b_name), (_, c_name)] = distinct_pair(&all);

    for (path, reason) in [
        ("/auswahl?angebote=abc", "keine Angebotsnummer"),
        ("/auswahl?angebote=1,,2", "keine Angebotsnummer"),
        ("/auswahl?angebote=-3", "keine Angebotsnummer"),
        ("/auswahl?angebote=1&angebote=2", "mehrfach"),
        ("/auswahl?angebote=1&foo=2", "Unbekannter Parameter"),
        ("/auswahl?angebote=1&mappe=fr", "mappe erwartet"),
        ("/auswahl?angebote=1&hinzu=ja", "hinzu erwartet"),
    ] {
        let reply = anonymous.get(path).await;
        assert_eq!(reply.status, 400, "{path}");
        assert!(reply.body.contains(reason), "{path}: {}", reply.body);
    }
    let too_many: Vec<String> = (1..=51).map(|n| n.to_string()).collect();
    let reply = anonymous
        .get(&format!("/auswahl?angebote={}", too_many.join(",")))
        .await;
    assert_eq!(reply.status, 400);
    assert!(reply.body.contains("höchstens 50"), "{}", reply.body);

    // Two offers and one that is gone: both shown, the gone one named, nothing else.
    let reply = anonymous
        .get(&format!("/auswahl?angebote={a},{b},99999999"))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(reply.body.contains(&html(&a_name)), "{a_name}");
    assert!(reply.body.contains(&html(&b_name)), "{b_name}");
    assert!(!reply.body.contains(&html(&c_name)), "{c_name}");
    assert_eq!(reply.body.matches("class=\"selection-item\"").count(), 2);
    assert!(reply.body.contains("99999999 ist nicht mehr verfügbar"));
    assert!(reply.body.contains(&format!("href=\"/angebot/{a}\"")));
    assert!(reply.body.contains(&format!("/drucken?angebote={a},{b}")));
    // Anonymous visitors get no hand-over and no hand-out.
    assert!(!reply.body.contains("mailto:"), "no hand-over e-mail");
    assert!(!reply.body.contains("mappe-notiz"), "no hand-out");

    // An empty list is a page too (the script fills it from the device's list).
    let reply = anonymous.get("/auswahl").await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("noch keine Angebote gemerkt"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_get_the_hand_out_and_the_hand_over_of_a_selection() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let ids: Vec<String> = offers(&anonymous)
        .await
        .iter()
        .take(40)
        .map(|(id, _)| id.to_string())
        .collect();
    let path = format!("/auswahl?angebote={}&mappe=ar", ids.join(","));
    let member = signed_in(&running, 0).await;
    let reply = member.get(&path).await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("mailto:"), "a hand-over e-mail");
    assert!(reply.body.contains(MEMBER_CONTACT_MARKER));
    // The note's field has no name and stands in no form: nothing can submit it.
    let note = &reply.body[reply.body.find("<textarea").unwrap()..];
    let note = &note[..note.find('>').unwrap()];
    assert!(!note.contains("name="), "{note}");
    assert!(note.contains("id=\"mappe-notiz\""), "{note}");
    let before = &reply.body[..reply.body.find("<textarea").unwrap()];
    assert_eq!(
        before.matches("<form").count(),
        before.matches("</form>").count(),
        "the note stands outside every form"
    );
    // The hand-out speaks Arabic, right to left, with a QR code per offer.
    let at = reply
        .body
        .find("aria-labelledby=\"handout-heading\"")
        .expect("the hand-out");
    let tag = &reply.body[reply.body[..at].rfind('<').unwrap()..at];
    assert!(tag.contains("lang=\"ar\" dir=\"rtl\""), "{tag}");
    assert!(reply.body.contains("خدمات لعائلتك"));
    assert!(reply.body.matches("class=\"handout-qr\"").count() >= 2);

    let reply = anonymous.get(&path).await;
    assert_eq!(reply.status, 200);
    assert!(!reply.body.contains(MEMBER_CONTACT_MARKER));
    assert!(!reply.body.contains("handout-heading"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_print_view_of_named_offers_prints_exactly_those() {
    let running = start().await;
    let anonymous = Visitor::new(&running);
    let all = offers(&anonymous).await;
    let [(a, a_name), (b, b_name), (_, c_name)] = distinct_pair(&all);
    for path in [
        format!("/drucken?angebot={a}&angebot={b}"),
        format!("/drucken?angebote={a},{b}"),
    ] {
        let reply = anonymous.get(&path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.body.matches("class=\"print-offer\"").count(),
            2,
            "{path}"
        );
        assert!(reply.body.contains(&html(&a_name)), "{path}: {a_name}");
        assert!(reply.body.contains(&html(&b_name)), "{path}: {b_name}");
        assert!(!reply.body.contains(&html(&c_name)), "{path}: {c_name}");
        // The QR code and the printed link lead to the same selection.
        assert!(
            reply.body.contains(&format!("/auswahl?angebote={a},{b}")),
            "{path}"
        );
    }
    let reply = anonymous.get("/drucken?angebot=x").await;
    assert_eq!(reply.status, 400);
    assert!(reply.body.contains("keine Angebotsnummer"));
    // Without named offers the print view still prints the filtered map.
    let reply = anonymous.get("/drucken").await;
    assert_eq!(reply.status, 200);
    assert!(reply.body.matches("class=\"print-offer\"").count() > 2);
}
