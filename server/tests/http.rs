//! The real server over HTTP: a SQLite file with the demo data, the router bound to a local
//! port, and plain HTTP requests as a browser without Wasm would send them.

mod common;

use common::{Running, assert_no_member_data, start};

async fn get(running: &Running, path: &str) -> (u16, String) {
    let response = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .unwrap()
        .get(format!("{}{path}", running.base))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// The number in "N Angebote gefunden" of a rendered map page.
fn result_count(html: &str) -> usize {
    let start = html
        .find("id=\"result-count\"")
        .expect("result count present");
    let text = &html[start..];
    let text = &text[text.find('>').unwrap() + 1..];
    if text.starts_with("Keine") {
        return 0;
    }
    text.split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
        .unwrap()
        .parse()
        .unwrap()
}

fn listed_ids(html: &str) -> Vec<i64> {
    html.match_indices("<li class=\"result\" data-offer-id=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_page_renders_offers_and_filters_by_query() {
    let running = start().await;
    let (status, html) = get(&running, "/").await;
    assert_eq!(status, 200);
    assert!(html.contains("<html lang=\"de\""));
    assert!(html.contains("Angebote für Familien, Kinder und Jugendliche"));
    assert!(html.contains("Demodaten"));
    let all = result_count(&html);
    assert!(all >= 290, "expected the demo offers, got {all}");
    assert_eq!(
        listed_ids(&html).len(),
        20,
        "the first page lists 20 offers"
    );
    assert_no_member_data("/", &html);

    let (status, html) = get(&running, "/?thema=beratung").await;
    assert_eq!(status, 200);
    let counselling = result_count(&html);
    assert!(
        counselling > 0 && counselling < all,
        "{counselling} of {all}"
    );
    assert!(
        html.contains("checked"),
        "the chosen topic is shown as checked"
    );

    let (_, html) = get(&running, "/?thema=beratung&ort=05558016&kostenlos=1").await;
    let narrowed = result_count(&html);
    assert!(narrowed < counselling, "{narrowed} < {counselling}");
    for id in listed_ids(&html) {
        let (_, detail) = get(&running, &format!("/angebot/{id}")).await;
        assert!(detail.contains("Beratung"), "offer {id} is about Beratung");
        assert!(detail.contains("Dülmen"), "offer {id} is in Dülmen");
        assert!(detail.contains("kostenlos"), "offer {id} is free");
    }

    // Umlaut-insensitive free text: "Fruehe Hilfen" finds the "Frühe Hilfen" offers.
    let (_, with_umlaut) = get(&running, "/?q=Fr%C3%BChe+Hilfen").await;
    let (_, without) = get(&running, "/?q=Fruehe+Hilfen").await;
    assert!(result_count(&with_umlaut) > 0);
    assert_eq!(result_count(&with_umlaut), result_count(&without));

    // The second page lists other offers than the first.
    let (_, page2) = get(&running, "/?seite=2").await;
    let (_, page1) = get(&running, "/").await;
    let (first, second) = (listed_ids(&page1), listed_ids(&page2));
    assert!(!second.is_empty() && first.iter().all(|id| !second.contains(id)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_queries_show_a_notice_not_an_error() {
    let running = start().await;
    let (_, html) = get(&running, "/").await;
    let all = result_count(&html);
    let (status, html) = get(
        &running,
        "/?alter=abc&thema=zauberei&ort=123&kostenlos=vielleicht&foo=1",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Das Alter „abc“ wurde ignoriert"),
        "age notice"
    );
    assert!(
        html.contains("Das Thema „zauberei“ gibt es nicht"),
        "topic notice"
    );
    assert!(
        html.contains("Den Ort „123“ gibt es hier nicht"),
        "town notice"
    );
    assert!(
        html.contains("Der Parameter „foo“ ist unbekannt"),
        "unknown parameter notice"
    );
    assert_eq!(result_count(&html), all, "ignored values do not filter");
    let (status, _) = get(&running, "/?alter=%FF%FE").await;
    assert_eq!(status, 200);
}

/// The page data embedded in a rendered map page.
fn page_data(html: &str) -> serde_json::Value {
    let start = html.find("id=\"kartendaten\"").expect("page data present");
    let text = &html[start..];
    let text = &text[text.find('>').unwrap() + 1..];
    serde_json::from_str(&text[..text.find("</script>").unwrap()]).unwrap()
}

/// The map page carries only the offers of the list page it shows (and the one it opens):
/// every offer comes from `/api/offers` after the first paint, so the page stays small for a
/// district with many offers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_map_page_carries_only_its_list_page() {
    let running = start().await;
    let all: Vec<serde_json::Value> =
        serde_json::from_str(&get(&running, "/api/offers").await.1).unwrap();
    let (_, html) = get(&running, "/?seite=2").await;
    let view = &page_data(&html)["first_view"];
    let carried: Vec<i64> = view["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|offer| offer["id"].as_i64().unwrap())
        .collect();
    assert_eq!(carried, listed_ids(&html), "exactly the listed offers");
    assert_eq!(carried.len(), 20);
    assert_eq!(view["before"], 20, "the second page");
    assert_eq!(
        view["before"].as_u64().unwrap() + 20 + view["after"].as_u64().unwrap(),
        all.len() as u64,
        "the figures count every offer"
    );

    // A page past the end shows the last one; the opened offer comes along without being listed.
    let opened = all[0]["id"].as_i64().unwrap();
    let (_, html) = get(&running, &format!("/?seite=999&angebot={opened}")).await;
    let view = &page_data(&html)["first_view"];
    let listed = listed_ids(&html);
    assert!(!listed.is_empty() && listed.len() <= 20);
    assert_eq!(view["after"], 0);
    let carried = view["offers"].as_array().unwrap();
    assert_eq!(
        carried.len(),
        listed.len() + usize::from(!listed.contains(&opened))
    );
    assert_eq!(carried.last().unwrap()["id"], opened);

    // Nothing found: no offer travels, but what would help does.
    let (_, html) = get(&running, "/?q=Hebamme&thema=ausbildung-beruf").await;
    let view = &page_data(&html)["first_view"];
    assert_eq!(view["offers"].as_array().unwrap().len(), 0);
    assert!(!view["relaxations"].as_array().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_pages_and_german_404s() {
    let running = start().await;
    let offers: serde_json::Value =
        serde_json::from_str(&get(&running, "/api/offers").await.1).unwrap();
    let first = &offers.as_array().unwrap()[0];
    let id = first["id"].as_i64().unwrap();
    let (status, html) = get(&running, &format!("/angebot/{id}")).await;
    assert_eq!(status, 200);
    let name = first["n"].as_str().unwrap();
    assert!(
        html.contains(&name.replace('&', "&amp;").replace('"', "&quot;")),
        "page shows {name}"
    );
    assert!(html.contains("Angaben bestätigt im"));
    assert!(html.contains("href=\"tel:"));
    assert!(html.contains("Route planen"));
    assert_no_member_data("offer page", &html);

    for path in ["/angebot/99999999", "/angebot/abc", "/gibt-es-nicht"] {
        let (status, html) = get(&running, path).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("nicht gefunden"), "{path} says so in German");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn public_api_carries_no_member_data_and_no_archived_offers() {
    let running = start().await;
    let (status, body) = get(&running, "/api/offers").await;
    assert_eq!(status, 200);
    assert_no_member_data("/api/offers", &body);
    let offers: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    let (_, html) = get(&running, "/").await;
    assert_eq!(offers.len(), result_count(&html), "API and page agree");
    let generated = server::demo::generate(
        &app::region::loader::LoadedRegion::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../regions/kreis-coesfeld/region.json"
        )))
        .unwrap(),
        server::demo::DEFAULT_SEED,
    );
    let archived: Vec<String> = generated
        .iter()
        .flat_map(|o| &o.offers)
        .filter(|o| o.status == app::offers::records::OfferStatus::Archived)
        .map(|o| o.name.clone())
        .collect();
    assert!(!archived.is_empty());
    let active_total = generated.iter().flat_map(|o| &o.offers).count() - archived.len();
    assert_eq!(offers.len(), active_total);

    for path in [
        "/api/region",
        "/api/boundaries",
        &format!("/api/offer?id={}", offers[0]["id"]),
    ] {
        let (status, body) = get(&running, path).await;
        assert_eq!(status, 200, "{path}");
        assert_no_member_data(path, &body);
    }
    let (status, body) = get(&running, "/api/offer?id=keine-zahl").await;
    assert!(
        (400..500).contains(&status),
        "bad argument is a client error, got {status}"
    );
    assert!(
        body.contains("Die Anfrage ist unvollständig oder fehlerhaft"),
        "the reason is German: {body}"
    );

    // What every visitor gets alike may be cached (the offers payload and the anonymous map
    // page revalidated each time by their entity tags); everything else may not.
    for (path, cache) in [
        ("/api/offers", "public, no-cache"),
        ("/api/region", "public, max-age=60"),
        ("/", "public, no-cache"),
        ("/anmelden", "no-store"),
        ("/api/offer?id=1", "no-store"),
    ] {
        let response = get_with(&running, path, &[]).await;
        let header = response.headers().get("cache-control").cloned();
        assert_eq!(
            header.as_ref().and_then(|v| v.to_str().ok()),
            Some(cache),
            "{path}"
        );
    }
    let (_, body) = get(&running, "/api/offer?id=99999999").await;
    assert_eq!(body.trim(), "null");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_accessibility_imprint_and_privacy_pages_come_from_the_operator_file() {
    let running = start().await;
    let (_, map) = get(&running, "/").await;
    for link in ["/hilfe", "/barrierefreiheit", "/impressum", "/datenschutz"] {
        assert!(
            map.contains(&format!("href=\"{link}\"")),
            "footer links {link}"
        );
    }
    let (status, help) = get(&running, "/hilfe").await;
    assert_eq!(status, 200);
    assert!(help.contains("Leichte Sprache"));
    let (status, statement) = get(&running, "/barrierefreiheit").await;
    assert_eq!(status, 200);
    assert!(statement.contains("Erklärung zur Barrierefreiheit"));
    assert!(statement.contains("mailto:barrierefrei@beispiel.invalid"));
    assert!(
        statement.contains("nur teilweise"),
        "known barriers are listed"
    );
    let (status, imprint) = get(&running, "/impressum").await;
    assert_eq!(status, 200);
    assert!(imprint.contains("Musterstraße 1"));
    assert!(
        imprint.contains("Beispielangaben"),
        "example values are flagged"
    );
    let (status, privacy) = get(&running, "/datenschutz").await;
    assert_eq!(status, 200);
    assert!(privacy.contains("LDI NRW"));
    // This server has no tile source: nothing is loaded from anyone else.
    assert!(privacy.contains("keine Daten von anderen Anbietern"));

    let with_tiles = common::start_with(&[
        "--cookie-secure",
        "false",
        "--tile-url",
        "https://kacheln.example.org/{z}/{x}/{y}.png",
    ])
    .await;
    let (_, privacy) = get(&with_tiles, "/datenschutz").await;
    assert!(
        privacy.contains("„kacheln.example.org“"),
        "the privacy notice names the tile host"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_print_view_lists_the_selection_with_a_qr_code_back_to_it() {
    let running = common::start_with(&[
        "--cookie-secure",
        "false",
        "--public-url",
        "https://chancenkarte.example.de/",
    ])
    .await;
    let (_, map) = get(&running, "/?alter=4&thema=beratung").await;
    let total = result_count(&map);
    assert!(total > 0);
    assert!(
        map.contains("href=\"/drucken?alter=4&amp;thema=beratung\""),
        "the map links to the print view of its selection"
    );
    let (status, html) = get(&running, "/drucken?alter=4&thema=beratung").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Auswahl: Alter: 4 Jahre · Thema: Beratung"),
        "{html}"
    );
    assert!(html.contains("https://chancenkarte.example.de/?alter=4&amp;thema=beratung"));
    assert!(html.contains("<svg"), "a QR code");
    let list = &html[html.find("<ol class=\"print-list\">").unwrap()..];
    let list = &list[..list.find("</ol>").unwrap()];
    assert_eq!(list.matches("<li>").count(), total.min(40));
    assert!(list.contains("Öffnungszeiten: "));
    assert_no_member_data("the print view", &html);

    let (status, everything) = get(&running, "/drucken").await;
    assert_eq!(status, 200);
    assert!(everything.contains("Auswahl: alle Angebote"));
    assert!(everything.contains("Gedruckt sind die ersten 40 von"));
}

/// A GET with extra request headers; the redirect is not followed.
async fn get_with(running: &Running, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(60))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut request = client.get(format!("{}{path}", running.base));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

/// The body of a GET with extra request headers.
async fn body_with(running: &Running, path: &str, headers: &[(&str, &str)]) -> String {
    get_with(running, path, headers).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_come_in_the_chosen_language_with_lang_and_dir() {
    let running = start().await;
    // German unless asked otherwise.
    let (_, german) = get(&running, "/").await;
    assert!(
        german.contains("<html lang=\"de\" dir=\"ltr\""),
        "{}",
        &german[..300]
    );

    // The choice is a cookie, set by a link that comes back to the page.
    let chosen = get_with(
        &running,
        "/sprache?zu=ar&zurueck=%2F%3Fthema%3Dberatung",
        &[],
    )
    .await;
    assert_eq!(chosen.status().as_u16(), 303);
    assert_eq!(chosen.headers()["location"], "/?thema=beratung");
    let cookie = chosen.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("chancenkarte_sprache=ar;") && cookie.contains("Max-Age=31536000"));
    let arabic = body_with(
        &running,
        "/?thema=beratung",
        &[("cookie", "chancenkarte_sprache=ar")],
    )
    .await;
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\""));
    assert!(arabic.contains("خدمات للأسر"), "the heading is Arabic");
    // The island's texts travel in Arabic in the page data, and its server rendering uses them.
    let data = &arabic[arabic.find("id=\"kartendaten\"").unwrap()..];
    assert!(data.contains("\"locale\":\"ar\""));
    assert!(!arabic.contains("Angebote gefunden"));

    // Without a choice, the browser's language applies; an unknown one falls back to German.
    let ukrainian = body_with(
        &running,
        "/hilfe",
        &[("accept-language", "ru-RU, uk;q=0.8")],
    )
    .await;
    assert!(ukrainian.contains("<html lang=\"uk\" dir=\"ltr\""));
    let unknown = body_with(&running, "/hilfe", &[("accept-language", "fr-FR")]).await;
    assert!(unknown.contains("<html lang=\"de\""));

    let vary = get_with(&running, "/", &[]).await;
    let vary: Vec<_> = vary
        .headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(
        vary.iter().any(|v| v.contains("Accept-Language")),
        "{vary:?}"
    );

    // Bad choices get a reason; a foreign address is no place to go back to.
    let bad = get_with(&running, "/sprache?zu=xx", &[]).await;
    assert_eq!(bad.status().as_u16(), 400);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Diese Sprache gibt es hier nicht")
    );
    let away = get_with(&running, "/sprache?zu=en&zurueck=%2F%2Fboese.example", &[]).await;
    assert_eq!(away.headers()["location"], "/");
    // Browsers drop tabs and line breaks from a Location: `/\t/x` would become `//x`.
    for sneaky in [
        "%2F%09%2Fboese.example%2Fx",
        "%2F%0A%2Fboese.example",
        "%09%2F%2Fboese.example",
    ] {
        let away = get_with(&running, &format!("/sprache?zu=en&zurueck={sneaky}"), &[]).await;
        assert_eq!(away.headers()["location"], "/", "{sneaky}");
    }
    let umlaut = get_with(
        &running,
        "/sprache?zu=en&zurueck=%2F%3Fort%3DD%C3%BClmen",
        &[],
    )
    .await;
    assert_eq!(umlaut.headers()["location"], "/?ort=D%C3%BClmen");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_offer_shows_its_short_description_in_the_active_language() {
    let running = start().await;
    // The demo data gives some offers short descriptions; find one through the offer pages.
    let (_, map) = get(&running, "/").await;
    let mut found = None;
    for id in listed_ids(&map) {
        let page = body_with(
            &running,
            &format!("/angebot/{id}"),
            &[("cookie", "chancenkarte_sprache=en")],
        )
        .await;
        if page.contains("class=\"offer-summary\"") {
            found = Some((id, page));
            break;
        }
    }
    let (id, english) = found.expect("an offer with a short description on the first page");
    let at = english.find("class=\"offer-summary\"").unwrap();
    let summary = &english[english[..at].rfind("<p").unwrap()..at];
    assert!(
        summary.contains("lang=\"en\"") && summary.contains("dir=\"ltr\""),
        "{summary}"
    );
    assert!(english.contains("a service for families in"));
    assert!(english.contains("<p lang=\"de\" dir=\"ltr\" class=\"offer-description\">"));
    assert!(english.contains("Opening hours") || english.contains("Address"));
    // In German, no short description and no note about the language.
    let (_, german) = get(&running, &format!("/angebot/{id}")).await;
    assert!(!german.contains("offer-summary") && !german.contains("content-language-note"));
    // The map's detail panel fragment follows the same choice.
    let panel = body_with(
        &running,
        &format!("/kartenfenster/angebot/{id}"),
        &[("cookie", "chancenkarte_sprache=ar")],
    )
    .await;
    assert!(panel.contains("lang=\"ar\" dir=\"rtl\""), "{panel}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlong_static_file_name_is_a_404_not_a_500() {
    let running = start().await;
    for base in ["/vendor/leaflet/", "/pkg/"] {
        for length in [255, 256, 300, 4000] {
            let path = format!("{base}{}", "a".repeat(length));
            let (status, _) = get(&running, &path).await;
            assert_eq!(status, 404, "{base} + {length} characters");
        }
    }
    assert!(
        !running.output().contains("ERROR"),
        "nothing to log: {}",
        running.output()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_and_cannot_take_the_site_offline() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let running = common::start_with(&[
        "--cookie-secure",
        "false",
        "--max-connections",
        "20",
        "--header-timeout-secs",
        "2",
    ])
    .await;
    let address = running.base.trim_start_matches("http://").to_string();
    // Sixty clients send half a request head and then nothing: three times the cap.
    let mut slow = Vec::new();
    for _ in 0..60 {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Langsam: ")
            .await
            .unwrap();
        slow.push(stream);
    }
    // A normal visitor still gets the page (after the slow ones ahead of it were cut off).
    let started = std::time::Instant::now();
    let (status, _) = get(&running, "/api/region").await;
    assert_eq!(status, 200);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    // Every slow client was disconnected by the server, none held on.
    let all_closed = tokio::time::timeout(std::time::Duration::from_secs(30), async {
        for mut stream in slow {
            let mut buffer = [0_u8; 256];
            while let Ok(1..) = stream.read(&mut buffer).await {}
        }
    })
    .await;
    assert!(
        all_closed.is_ok(),
        "the server closes connections that send no complete head"
    );
    // A kept-alive connection that stays idle is closed too.
    let mut idle = tokio::net::TcpStream::connect(&address).await.unwrap();
    idle.write_all(b"GET /api/region HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .await
        .unwrap();
    let mut answer = vec![0_u8; 65_536];
    let read = idle.read(&mut answer).await.unwrap();
    assert!(String::from_utf8_lossy(&answer[..read]).starts_with("HTTP/1.1 200"));
    let closed = tokio::time::timeout(std::time::Duration::from_secs(15), async {
        loop {
            match idle.read(&mut answer).await {
                Ok(0) | Err(_) => break,
                Ok(_) => continue,
            }
        }
    })
    .await;
    assert!(closed.is_ok(), "an idle keep-alive connection is closed");
    assert!(!running.output().contains("Too many open files"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_the_security_headers_and_security_txt_names_a_contact() {
    let running = start().await;
    let client = reqwest::Client::new();
    for path in [
        "/",
        "/api/offers",
        "/pkg/does-not-exist.js",
        "/.well-known/security.txt",
    ] {
        let reply = client
            .get(format!("{}{path}", running.base))
            .send()
            .await
            .unwrap();
        let headers = reply.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{path}");
        let policy = headers["content-security-policy"].to_str().unwrap();
        assert!(
            policy.contains("frame-ancestors 'none'"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
        assert!(
            headers["permissions-policy"]
                .to_str()
                .unwrap()
                .contains("geolocation=(self)")
        );
    }
    let (status, text) = get(&running, "/.well-known/security.txt").await;
    assert_eq!(status, 200);
    assert!(text.starts_with("Contact: mailto:"), "{text}");
    let expires = text
        .lines()
        .find_map(|line| line.strip_prefix("Expires: "))
        .unwrap();
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(expires[..10] > *today.as_str(), "{expires}");
}
