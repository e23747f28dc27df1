//! Duplicates caught at the door, over real HTTP against the real server with the demo data: a
//! listing request that repeats a stored offer names it in the editors' queue (never in the
//! institution's answer), the draft made from it names it to the editors before they publish
//! it, and an imported line that repeats a stored offer under a new id becomes a draft with its
//! twin named in the dry run instead of going public.

mod common;

use common::{
    Visitor, csv_fields, first_public_offer, form_stamp, import_token, public_offers,
    queued_request, send_listing, signed_in, start,
};

const EDITOR: usize = 1;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_listing_that_repeats_an_offer_names_its_twin_to_the_editors_only() {
    let running = start().await;
    let institution = Visitor::new(&running);
    let (twin_id, twin_name, organization) = first_public_offer(&institution).await;
    let stamp = form_stamp(&institution, "/eintragen").await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    // The same offer, spelt as a hurried institution would.
    let offer_name = twin_name.to_uppercase();
    let accepted = send_listing(
        &institution,
        &stamp,
        &organization,
        &offer_name,
        "Noch einmal gemeldet, weil wir nicht wussten, dass es schon da ist.",
        "Irgendwo 7",
    )
    .await;
    assert_eq!(accepted.status, 200, "{}", accepted.body);
    assert!(
        !accepted.body.contains("Duplikat") && !accepted.body.contains(&format!("{twin_id}")),
        "the institution learns nothing of other offers: {}",
        accepted.body
    );
    let reference: String = serde_json::from_str(&accepted.body).unwrap();

    // The queue names the twin: in its JSON and on the editors' page, linked.
    let editor = signed_in(&running, EDITOR).await;
    let request = queued_request(&editor, &reference).await;
    let twins = request["likely_twins"].as_array().unwrap();
    assert_eq!(twins.len(), 1, "{twins:?}");
    assert_eq!(twins[0]["id"], twin_id);
    assert_eq!(twins[0]["reason"], "SameOrganization");
    let desk = editor.get("/redaktion").await.body;
    assert!(
        desk.contains("Mögliches Duplikat"),
        "the queue shows the note"
    );
    assert!(desk.contains(&format!("href=\"/angebot/{twin_id}\"")));

    // Taken over, it is a draft whose page names the twin before anyone publishes it.
    let request_id = request["id"].as_i64().unwrap().to_string();
    let approved = editor
        .post(
            "/api/redaktion/entscheiden",
            &[
                ("id", request_id.as_str()),
                ("decision", "uebernommen"),
                ("ort", "05558012"),
            ],
        )
        .await;
    assert_eq!(approved.status, 200, "{}", approved.body);
    let draft: i64 = serde_json::from_str::<Option<i64>>(&approved.body)
        .unwrap()
        .unwrap();
    let page = editor.get(&format!("/angebot/{draft}")).await.body;
    assert!(page.contains("nicht öffentlich"), "a draft");
    assert!(page.contains("Mögliches Duplikat"), "{page}");
    assert!(page.contains(&format!("href=\"/angebot/{twin_id}\"")));
    // The twin's own page is public and names no twin: the note is for drafts.
    assert!(
        !editor
            .get(&format!("/angebot/{twin_id}"))
            .await
            .body
            .contains("Mögliches Duplikat")
    );
    let stranger = Visitor::new(&running)
        .get(&format!("/angebot/{draft}"))
        .await;
    assert_eq!(stranger.status, 404);
    assert!(!stranger.body.contains("Duplikat"));

    // Checked and found distinct: "Kein Duplikat" stops the flag (for editors only).
    let (draft_text, twin_text) = (draft.to_string(), twin_id.to_string());
    let pair = [("id", draft_text.as_str()), ("twin", twin_text.as_str())];
    let refused = Visitor::new(&running)
        .post("/api/redaktion/kein-duplikat", &pair)
        .await;
    assert_eq!(refused.status, 401, "{}", refused.body);
    let decided = editor.post("/api/redaktion/kein-duplikat", &pair).await;
    assert_eq!(decided.status, 200, "{}", decided.body);
    let page = editor.get(&format!("/angebot/{draft}")).await.body;
    assert!(!page.contains("Mögliches Duplikat"), "{page}");
    let itself = editor
        .post(
            "/api/redaktion/kein-duplikat",
            &[("id", draft_text.as_str()), ("twin", draft_text.as_str())],
        )
        .await;
    assert_eq!(itself.status, 400, "{}", itself.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_line_that_repeats_an_offer_becomes_a_draft_naming_its_twin() {
    let running = start().await;
    let editor = signed_in(&running, EDITOR).await;
    let export = editor.get("/redaktion/angebote.csv").await.body;
    let lines: Vec<&str> = export.lines().collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let first = csv_fields(lines[1]);
    let twin_name = first[at("name")].clone();
    let mut again = first.clone();
    again[at("externe_id")] = "doppelt-1".into();
    again[at("name")] = format!("{twin_name}!");
    let mut other = first.clone();
    other[at("externe_id")] = "wirklich-neu-1".into();
    other[at("name")] = "Ein ganz anderes Angebot".into();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header.iter().copied()).unwrap();
    writer.write_record(&again).unwrap();
    writer.write_record(&other).unwrap();
    let file = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let public = Visitor::new(&running);
    let before = public_offers(&public).await;
    let twin_ids: Vec<i64> = before
        .iter()
        .filter(|(_, name)| *name == twin_name)
        .map(|(id, _)| *id)
        .collect();
    assert!(!twin_ids.is_empty(), "the copied offer is public");

    // The dry run says which line becomes a draft and links its twin.
    let page = editor.check_import("angebote.csv", &file).await;
    assert!(page.contains("2 neu"), "{page}");
    assert_eq!(
        page.matches("wird als Entwurf angelegt").count(),
        1,
        "{page}"
    );
    assert!(page.contains("Mögliches Duplikat"));
    assert!(
        twin_ids
            .iter()
            .any(|id| page.contains(&format!("href=\"/angebot/{id}\""))),
        "{page}"
    );

    let token = import_token(&page);
    let done = editor
        .post_form("/redaktion/import/ausfuehren", &[("token", &token)])
        .await;
    assert_eq!(done.status, 303);
    // The other line is public at once; the likely duplicate is not.
    let after = public_offers(&public).await;
    assert_eq!(after.len(), before.len() + 1);
    assert!(
        after
            .iter()
            .any(|(_, name)| name == "Ein ganz anderes Angebot")
    );
    assert!(
        !after
            .iter()
            .any(|(_, name)| *name == format!("{twin_name}!"))
    );
}
