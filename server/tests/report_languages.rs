//! "Fehler melden" over the real server: a refused report is explained on the offer page in the
//! visitor's language, with the field marked, while code still gets the German reason.

mod common;

use common::{Reply, Visitor, form_stamp, public_offer_id, start};

const REPORT: &str = "/api/fehler-melden";

/// Posts "Fehler melden" as a browser's plain form does and follows the redirect back to the
/// offer page: its HTML.
async fn report(visitor: &Visitor, offer: &str, form: &[(&str, &str)]) -> String {
    let form = [&[("offer_id", offer)][..], form].concat();
    let reply = visitor.post_form(REPORT, &form).await;
    assert_eq!(reply.status, 302, "{}", reply.body);
    let location = reply.headers["location"].to_str().unwrap();
    assert_eq!(location, format!("/angebot/{offer}#fehler-melden"));
    let page = visitor.get(location.split('#').next().unwrap()).await;
    assert_eq!(page.status, 200);
    page.body
}

/// The "Fehler melden" part of an offer page.
fn report_section(page: &str) -> &str {
    let start = page
        .find("id=\"fehler-melden\"")
        .expect("the page has the form");
    let end = start + page[start..].find("</details>").unwrap();
    &page[start..end]
}

/// The start tag of the element with `attribute` (e.g. `id="f-message"`) in `section`, and its
/// text up to the next tag.
fn element<'a>(section: &'a str, attribute: &str) -> (&'a str, &'a str) {
    let at = section
        .find(attribute)
        .unwrap_or_else(|| panic!("no {attribute} in {section}"));
    let start = section[..at].rfind('<').unwrap();
    let end = at + section[at..].find('>').unwrap() + 1;
    let text = &section[end..];
    (
        &section[start..end],
        &text[..text.find('<').unwrap_or(text.len())],
    )
}

/// The note above the form: an error's text.
fn error_note(section: &str) -> &str {
    let (tag, text) = element(section, "class=\"note note-error\"");
    assert!(
        tag.starts_with("<p") && tag.contains("role=\"alert\""),
        "{tag}"
    );
    text
}

/// The field `field_id` is marked invalid and described by its error paragraph `error_id`,
/// which says `text`.
fn assert_field_marked(section: &str, field_id: &str, error_id: &str, text: &str) {
    let (tag, _) = element(section, &format!(" id=\"{field_id}\""));
    assert!(tag.contains("aria-invalid=\"true\""), "{tag}");
    assert!(
        tag.contains(&format!("aria-describedby=\"{error_id}\"")),
        "{tag}"
    );
    let (tag, said) = element(section, &format!(" id=\"{error_id}\""));
    assert!(
        tag.starts_with("<p") && tag.contains("class=\"field-error\""),
        "{tag}"
    );
    assert_eq!(said, text, "{section}");
}

fn assert_not_marked(section: &str) {
    assert!(!section.contains("aria-invalid"), "{section}");
    assert!(!section.contains("field-error"), "{section}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_report_is_explained_in_arabic() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    // The language switch in the header: a cookie for the coming requests.
    let chosen = visitor.get("/sprache?zu=ar&zurueck=%2F").await;
    assert_eq!(chosen.status, 303);
    let offer = public_offer_id(&running, 0).await.to_string();
    let path = format!("/angebot/{offer}");
    let stamp = form_stamp(&visitor, &path).await;
    let page = visitor.get(&path).await.body;
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\""));

    // Sent back at once: too fast for a person, said in Arabic; what was typed stays.
    let message = "Die Telefonnummer stimmt nicht mehr.";
    let too_fast = report(&visitor, &offer, &[("message", message), ("stamp", &stamp)]).await;
    let section = report_section(&too_fast);
    assert_eq!(
        error_note(section),
        "أُرسل النموذج بسرعة كبيرة. يُرجى مراجعة بياناتك وإرساله مرة أخرى."
    );
    assert!(!too_fast.contains("zu schnell"), "{section}");
    assert!(
        section.contains(message),
        "the typed text is kept: {section}"
    );
    assert!(section.contains(" open"), "the form is open: {section}");
    assert_not_marked(section);

    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;
    // Nothing typed: the message field is marked, in Arabic.
    let empty = report(&visitor, &offer, &[("message", ""), ("stamp", &stamp)]).await;
    let section = report_section(&empty);
    let missing = "يُرجى كتابة ما الخطأ في هذه المعلومات.";
    assert_eq!(error_note(section), missing);
    assert_field_marked(section, "f-message", "f-message-fehler", missing);
    assert!(!empty.contains("Bitte beschreiben Sie"), "{section}");
    assert!(!section.contains("lang=\"de\""), "{section}");

    // Too short: Arabic, with the number of letters asked for.
    let short = report(
        &visitor,
        &offer,
        &[("message", "falsch"), ("stamp", &stamp)],
    )
    .await;
    let section = report_section(&short);
    let too_short = "بلاغك قصير جدًا: يُرجى وصف الخطأ في 10 أحرف على الأقل.";
    assert_field_marked(section, "f-message", "f-message-fehler", too_short);
    assert!(!short.contains("zu kurz"), "{section}");
    assert!(section.contains(">falsch</textarea>"), "{section}");

    // Code posting the same gets the German reason, as every API does.
    let api: Reply = visitor
        .post(
            REPORT,
            &[
                ("offer_id", &offer),
                ("message", "falsch"),
                ("stamp", &stamp),
            ],
        )
        .await;
    assert_eq!(api.status, 400);
    assert!(
        api.body.contains("Ihre Meldung ist zu kurz"),
        "{}",
        api.body
    );
    assert!(!api.body.contains("قصير"), "{}", api.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_report_is_explained_in_english_and_a_taken_one_thanked() {
    let running = start().await;
    let visitor = Visitor::new(&running);
    visitor.jar.add_cookie_str(
        "chancenkarte_sprache=en; Path=/",
        &running.base.parse().unwrap(),
    );
    let german = Visitor::new(&running);
    let offer = public_offer_id(&running, 0).await.to_string();
    let path = format!("/angebot/{offer}");
    let stamp = form_stamp(&visitor, &path).await;
    tokio::time::sleep(std::time::Duration::from_millis(3100)).await;

    // Too short and a broken address: both fields marked, in English.
    let page = report(
        &visitor,
        &offer,
        &[
            ("message", "wrong"),
            ("contact_email", "eva(at)example"),
            ("stamp", &stamp),
        ],
    )
    .await;
    assert!(page.contains("<html lang=\"en\""));
    let section = report_section(&page);
    let too_short =
        "Your report is too short: please describe what is wrong in at least 10 characters.";
    let bad_email = "That is not a valid email address (example: name@example.com).";
    assert_eq!(error_note(section), format!("{too_short} {bad_email}"));
    assert_field_marked(section, "f-message", "f-message-fehler", too_short);
    assert_field_marked(section, "f-email", "f-email-fehler", bad_email);
    assert!(section.contains("value=\"eva(at)example\""), "{section}");
    assert!(
        !page.contains("zu kurz") && !page.contains("gültige"),
        "{section}"
    );

    // A control character, in English.
    let page = report(
        &visitor,
        &offer,
        &[
            ("message", "The phone number is \u{7}wrong."),
            ("stamp", &stamp),
        ],
    )
    .await;
    let control = "The text contains an invisible control character (for example from a copied table). Please type the text again.";
    assert_field_marked(
        report_section(&page),
        "f-message",
        "f-message-fehler",
        control,
    );
    assert!(!page.contains("Steuerzeichen"));

    // The same refusal for a German visitor is German.
    let page = report(&german, &offer, &[("message", "falsch"), ("stamp", &stamp)]).await;
    assert!(page.contains("<html lang=\"de\""));
    assert_field_marked(
        report_section(&page),
        "f-message",
        "f-message-fehler",
        "Ihre Meldung ist zu kurz: Bitte beschreiben Sie in mindestens 10 Zeichen, was nicht stimmt.",
    );

    // Taken: thanked in English, the form empty and unmarked again.
    let page = report(
        &visitor,
        &offer,
        &[
            ("message", "The phone number is out of date."),
            ("contact_email", "eva@example.org"),
            ("stamp", &stamp),
        ],
    )
    .await;
    let section = report_section(&page);
    assert!(
        section.contains("Thank you! Your report has reached the editors (number CK-"),
        "{section}"
    );
    assert!(
        !section.contains("The phone number is out of date."),
        "{section}"
    );
    assert_not_marked(section);
}
