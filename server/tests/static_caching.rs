//! Static files over HTTP against the real server: a site laid out as cargo-leptos builds it
//! with `hash-files` (names carrying their content's hash, `hash.txt` in the site root), its
//! Wasm renamed to its final content and its compressed copies written by `server precompress`. Checks the page's references to the
//! hashed names, `immutable` only for files named by their content, the precompressed copies
//! sent for `Accept-Encoding: br` and `gzip`, 304 for both validators, and brotli for answers
//! made per request.

mod common;

use std::io::Read as _;
use std::path::Path;

use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH,
    LAST_MODIFIED, VARY,
};
use server::static_files::{IMMUTABLE, REVALIDATE, content_hash};

/// The built files of the fake site: their names as the page must reference them.
struct Site {
    js: String,
    wasm: String,
    css: String,
    /// A hashed-looking name whose content is not what the name says.
    lying: String,
    wasm_bytes: Vec<u8>,
}

/// Leaflet's style sheet in the fake site, with a relative image address as Leaflet's has.
const LEAFLET_CSS: &str = ".leaflet-control-layers-toggle{background-image:url(images/layers.png)}";

/// Lays out a site in `root` like a `hash-files` build, and runs `server precompress` on it.
fn build_site(root: &Path, leaflet: &Path) -> Site {
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::create_dir_all(root.join("js")).unwrap();
    std::fs::create_dir_all(leaflet).unwrap();
    let js = "export default function init() {}\n".repeat(100);
    // Not the real Wasm, but bytes that compress like code.
    let wasm_bytes: Vec<u8> = (0..60_000u32)
        .map(|i| (i % 251) as u8 ^ (i / 7 % 3) as u8)
        .collect();
    let css = ".karte { display: block; }\n".repeat(200);
    // The Wasm named as cargo-leptos names it: by its content before the split loader's name
    // was written into it; `precompress` gives it the name of what it holds.
    let (js_hash, wasm_hash, css_hash) = (
        content_hash(js.as_bytes()),
        content_hash(b"the Wasm before cargo-leptos wrote the loader's name into it"),
        content_hash(css.as_bytes()),
    );
    let site = Site {
        js: format!("chancenkarte.{js_hash}.js"),
        wasm: format!("chancenkarte.{wasm_hash}.wasm"),
        css: format!("chancenkarte.{css_hash}.css"),
        lying: format!("split_1.{}.js", content_hash(b"other bytes")),
        wasm_bytes: wasm_bytes.clone(),
    };
    std::fs::write(pkg.join(&site.js), &js).unwrap();
    std::fs::write(pkg.join(&site.wasm), &wasm_bytes).unwrap();
    std::fs::write(pkg.join(&site.css), &css).unwrap();
    std::fs::write(pkg.join(&site.lying), &js).unwrap();
    std::fs::write(
        root.join("hash.txt"),
        format!("js: {js_hash}\nwasm: {wasm_hash}\ncss: {css_hash}\n"),
    )
    .unwrap();
    std::fs::write(root.join("js/merkliste.js"), "// Merkliste\n".repeat(100)).unwrap();
    std::fs::write(leaflet.join("leaflet.js"), "/* Leaflet */\n".repeat(100)).unwrap();
    std::fs::write(leaflet.join("leaflet.css"), LEAFLET_CSS).unwrap();
    let output = common::server_command()
        .arg("precompress")
        .env("LEPTOS_SITE_ROOT", root)
        .env("LEAFLET_DIR", leaflet)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let mut site = site;
    assert!(!pkg.join(&site.wasm).exists(), "renamed");
    site.wasm = format!("chancenkarte.{}.wasm", content_hash(&wasm_bytes));
    assert!(pkg.join(&site.wasm).is_file());
    assert!(pkg.join(format!("{}.br", site.wasm)).is_file());
    assert!(pkg.join(format!("{}.gz", site.wasm)).is_file());
    assert!(leaflet.join("leaflet.js.br").is_file());
    site
}

async fn fetch(
    client: &reqwest::Client,
    url: &str,
    headers: &[(reqwest::header::HeaderName, &str)],
) -> reqwest::Response {
    let mut request = client.get(url);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    request.send().await.unwrap()
}

fn header(response: &reqwest::Response, name: reqwest::header::HeaderName) -> &str {
    response
        .headers()
        .get(&name)
        .map(|value| value.to_str().unwrap())
        .unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_files_are_immutable_precompressed_and_referenced_by_the_page() {
    let site_dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let leaflet = data.path().join("leaflet");
    let site = build_site(site_dir.path(), &leaflet);
    let site_root = site_dir.path().to_path_buf();
    let database_url = format!("sqlite:{}", data.path().join("test.db").display());
    let running = common::run_server(
        site_dir,
        &[
            "--database-url",
            &database_url,
            "--demo-data",
            "--cookie-secure",
            "false",
            "--leaflet-dir",
            leaflet.to_str().unwrap(),
        ],
    )
    .await;
    let client = reqwest::Client::new();
    let base = &running.base;

    // The map page names the hashed hydration files, not the plain ones, and carries both style
    // sheets inline (Leaflet's images found from the page's address), allowed by their hash.
    let answer = fetch(&client, &format!("{base}/"), &[]).await;
    let policy = header(&answer, reqwest::header::CONTENT_SECURITY_POLICY).to_string();
    let page = answer.text().await.unwrap();
    for name in [&site.js, &site.wasm] {
        assert!(page.contains(&format!("/pkg/{name}")), "{name} in:\n{page}");
    }
    assert!(!page.contains("/pkg/chancenkarte.js") && !page.contains("/pkg/chancenkarte.css"));
    assert!(!page.contains(&site.css) && !page.contains("leaflet.css"));
    let css = std::fs::read_to_string(site_root.join("pkg").join(&site.css)).unwrap();
    let inline =
        app::platform::inline_style::InlineStyle::of(LEAFLET_CSS, &css, "/vendor/leaflet").unwrap();
    assert!(
        inline
            .text
            .contains("url(/vendor/leaflet/images/layers.png)")
    );
    assert!(page.contains(&format!("<style>{}</style>", inline.text)));
    let style_src = policy
        .split(';')
        .find(|directive| directive.trim().starts_with("style-src"))
        .unwrap();
    assert_eq!(
        style_src.trim(),
        format!("style-src 'self' {}", inline.csp_source)
    );
    // Every other page links the site's sheet by its hashed name and allows no inline style.
    let answer = fetch(&client, &format!("{base}/hilfe"), &[]).await;
    let policy = header(&answer, reqwest::header::CONTENT_SECURITY_POLICY).to_string();
    let help = answer.text().await.unwrap();
    assert!(help.contains(&format!("/pkg/{}", site.css)) && !help.contains("<style"));
    assert!(policy.contains("style-src 'self';"), "{policy}");

    // A file named by its content: a year, immutable; same for every visitor (no Vary on the
    // cookie or language), only on the encoding.
    let wasm_url = format!("{base}/pkg/{}", site.wasm);
    let plain = fetch(&client, &wasm_url, &[]).await;
    assert_eq!(plain.status(), 200);
    assert_eq!(header(&plain, CACHE_CONTROL), IMMUTABLE);
    let vary = plain
        .headers()
        .get_all(VARY)
        .iter()
        .map(|v| v.to_str().unwrap().to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(", ");
    assert!(vary.contains("accept-encoding"), "{vary}");
    assert!(
        !vary.contains("cookie") && !vary.contains("accept-language"),
        "{vary}"
    );
    assert_eq!(header(&plain, CONTENT_ENCODING), "");
    assert!(
        plain.bytes().await.unwrap() == site.wasm_bytes,
        "the file as it is"
    );
    for name in [&site.js, &site.css] {
        let reply = fetch(&client, &format!("{base}/pkg/{name}"), &[]).await;
        assert_eq!(header(&reply, CACHE_CONTROL), IMMUTABLE, "{name}");
    }

    // A name in the hashed form whose content is something else is not trusted.
    let lying = fetch(&client, &format!("{base}/pkg/{}", site.lying), &[]).await;
    assert_eq!(lying.status(), 200);
    assert_eq!(header(&lying, CACHE_CONTROL), REVALIDATE);

    // Brotli and gzip: exactly the copies `precompress` wrote (quality 11 and level 9; the
    // per-request compression would give other bytes), which decode to the file.
    let pkg = site_root.join("pkg");
    let br = fetch(&client, &wasm_url, &[(ACCEPT_ENCODING, "gzip, br")]).await;
    assert_eq!(header(&br, CONTENT_ENCODING), "br");
    assert_eq!(header(&br, CACHE_CONTROL), IMMUTABLE);
    let br_body = br.bytes().await.unwrap();
    let copy = std::fs::read(pkg.join(format!("{}.br", site.wasm))).unwrap();
    assert!(br_body == copy, "not the precompressed copy");
    let mut decoded = Vec::new();
    brotli::BrotliDecompress(&mut &br_body[..], &mut decoded).unwrap();
    assert!(decoded == site.wasm_bytes, "decodes to the file");
    let gz = fetch(&client, &wasm_url, &[(ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(header(&gz, CONTENT_ENCODING), "gzip");
    let gz_body = gz.bytes().await.unwrap();
    let copy = std::fs::read(pkg.join(format!("{}.gz", site.wasm))).unwrap();
    assert!(gz_body == copy, "not the precompressed copy");
    let mut decoded = Vec::new();
    flate2::read::GzDecoder::new(&gz_body[..])
        .read_to_end(&mut decoded)
        .unwrap();
    assert!(decoded == site.wasm_bytes, "decodes to the file");
    // Leaflet's copy too.
    let leaflet_js = fetch(
        &client,
        &format!("{base}/vendor/leaflet/leaflet.js"),
        &[(ACCEPT_ENCODING, "br")],
    )
    .await;
    assert_eq!(header(&leaflet_js, CONTENT_ENCODING), "br");
    let copy = std::fs::read(leaflet.join("leaflet.js.br")).unwrap();
    assert!(
        leaflet_js.bytes().await.unwrap() == copy,
        "not the precompressed copy"
    );

    // A file without a hash in its name: kept a short while, then revalidated.
    let script_url = format!("{base}/js/merkliste.js");
    let script = fetch(&client, &script_url, &[]).await;
    assert_eq!(script.status(), 200);
    let cache = header(&script, CACHE_CONTROL).to_string();
    assert_eq!(cache, REVALIDATE);
    assert!(!cache.contains("immutable"));
    let etag = header(&script, ETAG).to_string();
    let modified = header(&script, LAST_MODIFIED).to_string();
    assert!(etag.starts_with("W/\""), "{etag}");
    assert!(!modified.is_empty());
    // Both validators give a 304 with the caching headers and no body.
    let by_etag = fetch(&client, &script_url, &[(IF_NONE_MATCH, &etag)]).await;
    assert_eq!(by_etag.status(), 304);
    assert_eq!(header(&by_etag, ETAG), etag);
    assert_eq!(header(&by_etag, CACHE_CONTROL), REVALIDATE);
    assert!(by_etag.bytes().await.unwrap().is_empty());
    let by_date = fetch(&client, &script_url, &[(IF_MODIFIED_SINCE, &modified)]).await;
    assert_eq!(by_date.status(), 304);
    assert_eq!(header(&by_date, CACHE_CONTROL), REVALIDATE);
    // Another ETag is a full answer, even with a matching date (If-None-Match decides).
    let other = fetch(
        &client,
        &script_url,
        &[(IF_NONE_MATCH, "W/\"0-0\""), (IF_MODIFIED_SINCE, &modified)],
    )
    .await;
    assert_eq!(other.status(), 200);
    // The compressed copy has an ETag of its own.
    let script_br = fetch(&client, &script_url, &[(ACCEPT_ENCODING, "br")]).await;
    assert_eq!(header(&script_br, CONTENT_ENCODING), "br");
    let br_etag = header(&script_br, ETAG).to_string();
    assert_ne!(br_etag, etag);
    let br_again = fetch(
        &client,
        &script_url,
        &[(ACCEPT_ENCODING, "br"), (IF_NONE_MATCH, &br_etag)],
    )
    .await;
    assert_eq!(br_again.status(), 304);

    // A missing file is not kept.
    let missing = fetch(
        &client,
        &format!("{base}/pkg/chancenkarte.AAAAAAAAAAAAAAAAAAAAAA.js"),
        &[],
    )
    .await;
    assert_eq!(missing.status(), 404);
    assert_eq!(header(&missing, CACHE_CONTROL), "no-store");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_made_per_request_are_compressed_with_brotli() {
    let running = common::start().await;
    let client = reqwest::Client::new();
    for path in ["/", "/api/offers"] {
        let url = format!("{}{path}", running.base);
        let plain = fetch(&client, &url, &[]).await.bytes().await.unwrap();
        let br = fetch(&client, &url, &[(ACCEPT_ENCODING, "br")]).await;
        assert_eq!(br.status(), 200, "{path}");
        assert_eq!(header(&br, CONTENT_ENCODING), "br", "{path}");
        // Personal or not, the page's own caching rule stands.
        assert!(!header(&br, CACHE_CONTROL).contains("immutable"), "{path}");
        let body = br.bytes().await.unwrap();
        assert!(
            body.len() * 3 < plain.len(),
            "{path}: {} of {}",
            body.len(),
            plain.len()
        );
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut decoded).unwrap();
        // The page carries a fresh nonce per answer: compare the JSON exactly, the page by size.
        if path == "/api/offers" {
            assert_eq!(decoded, plain, "{path}");
        } else {
            assert!(decoded.len().abs_diff(plain.len()) < 100, "{path}");
        }
        let gz = fetch(&client, &url, &[(ACCEPT_ENCODING, "gzip")]).await;
        assert_eq!(header(&gz, CONTENT_ENCODING), "gzip", "{path}");
    }
}
