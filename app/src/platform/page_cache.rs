//! Public pages kept rendered for anonymous visitors. A page that is the same for every
//! anonymous visitor of its address and language says so while rendering
//! ([`crate::platform::response::allow_shared_page`]); this layer then keeps its bytes,
//! compressed once, and answers the next anonymous visitors from them — until the public data
//! changes (the public change counter moves on, see [`crate::platform::changes`]) or the
//! page's own time is up (pages show "open now" at the minute they were rendered).
//!
//! The open-data APIs' answers are kept the same way: they bring their own entity tag and
//! time of change, which the kept answer compares as the API does (`If-None-Match`, then
//! `If-Modified-Since`), and their own `Cache-Control`.
//!
//! A kept page cannot carry a fresh CSP nonce per response without being compressed per
//! response, so its policy allows its inline scripts by their SHA-256 hashes instead: the same
//! protection (only these exact scripts run), with bytes that never change.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::platform::changes::ChangeCounter;
use crate::platform::precompressed::{Precompressed, Validators};

/// The header a page sets (with its time to live in seconds) to be kept; never sent out.
pub const SHARED_PAGE: HeaderName = HeaderName::from_static("x-chancenkarte-shared-page");

/// At most this many pages (address and language), of at most this many bytes together, are
/// kept at a time: addresses come from outside, and a flood of made-up queries must not fill
/// the memory (a map page of 10,000 offers is megabytes).
const MAX_PAGES: usize = 300;
const MAX_KEPT_BYTES: usize = 64 * 1024 * 1024;

/// A page larger than this is not kept.
const MAX_PAGE_BYTES: usize = 8 * 1024 * 1024;

/// How long an address whose answer was not to be kept passes without waiting for its turn.
const PASSING_FOR: Duration = Duration::from_secs(60);

/// Kept pages are revalidated by the browser each time (a 304 when unchanged).
const KEPT_PAGE_CACHING: &str = "public, no-cache";

/// Brotli quality for pages: rendered on a miss, so compressed quickly.
const PAGE_BROTLI_QUALITY: u32 = 5;

/// One rendered page and what it was answered with.
struct KeptPage {
    body: Precompressed,
    headers: HeaderMap,
    cache_control: HeaderValue,
    /// An answer's own entity tag and time of change (the APIs'); pages have none.
    validators: Option<Validators>,
    kept_until: Instant,
}

/// The pages kept for the current generation of the public data.
pub struct KeptPages {
    changes: Arc<ChangeCounter>,
    /// The generation the pages show, and the pages by language and address.
    pages: Mutex<(u64, HashMap<String, Arc<KeptPage>>)>,
    /// One render at a time per address and language: when a kept page runs out under load,
    /// the visitors asking for it at that moment wait for one render instead of each starting
    /// their own (hundreds of renders of a large page at once took the server down).
    turns: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
    /// Addresses whose answer was not to be kept, until when: they pass without waiting.
    passing: Mutex<HashMap<String, Instant>>,
}

impl KeptPages {
    /// No pages yet, kept as long as `changes` stays at their generation.
    pub fn new(changes: Arc<ChangeCounter>) -> KeptPages {
        KeptPages {
            changes,
            pages: Mutex::new((0, HashMap::new())),
            turns: Mutex::new(HashMap::new()),
            passing: Mutex::new(HashMap::new()),
        }
    }

    /// The lock whose holder renders the page `key`.
    fn turn(&self, key: &str) -> Arc<tokio::sync::Mutex<()>> {
        let mut turns = self
            .turns
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        turns.entry(key.to_string()).or_default().clone()
    }

    /// Forgets the lock of `key` once nobody else waits for it.
    fn end_turn(&self, key: &str, turn: &Arc<tokio::sync::Mutex<()>>) {
        let mut turns = self
            .turns
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // The map's reference and the caller's: nobody else waits.
        if Arc::strong_count(turn) <= 2 {
            turns.remove(key);
        }
    }

    /// Whether `key` was recently answered with something not to be kept.
    fn passes(&self, key: &str) -> bool {
        let passing = self
            .passing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        passing
            .get(key)
            .is_some_and(|until| *until > Instant::now())
    }

    fn let_pass(&self, key: String) {
        let mut passing = self
            .passing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let now = Instant::now();
        if passing.len() >= MAX_PAGES {
            passing.retain(|_, until| *until > now);
        }
        if passing.len() < MAX_PAGES {
            passing.insert(key, now + PASSING_FOR);
        }
    }

    fn get(&self, key: &str) -> Option<Arc<KeptPage>> {
        let generation = self.changes.current();
        let pages = self
            .pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if pages.0 != generation {
            return None;
        }
        pages
            .1
            .get(key)
            .filter(|page| page.kept_until > Instant::now())
            .cloned()
    }

    /// Keeps a page rendered from the data of `generation`, unless the data changed since.
    fn keep(&self, generation: u64, key: String, page: Arc<KeptPage>) {
        if self.changes.current() != generation {
            return;
        }
        let mut pages = self
            .pages
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if pages.0 != generation {
            *pages = (generation, HashMap::new());
        }
        let pages = &mut pages.1;
        let kept_bytes = |pages: &HashMap<String, Arc<KeptPage>>| -> usize {
            pages.values().map(|page| page.body.size()).sum()
        };
        let full = |pages: &HashMap<String, Arc<KeptPage>>| {
            pages.len() >= MAX_PAGES || kept_bytes(pages) + page.body.size() > MAX_KEPT_BYTES
        };
        if full(pages) {
            let now = Instant::now();
            pages.retain(|_, page| page.kept_until > now);
        }
        pages.remove(&key);
        if !full(pages) {
            pages.insert(key, page);
        }
    }
}

/// The middleware: answers anonymous GETs of kept pages from memory and keeps the pages that
/// allow it. Everything else passes as it is (minus the internal header).
pub async fn serve_kept_pages(
    State(kept): State<Arc<KeptPages>>,
    request: Request,
    next: Next,
) -> Response {
    let anonymous = request.method() == Method::GET && !has_session_cookie(request.headers());
    if !anonymous {
        return without_marker(next.run(request).await);
    }
    // Answers name the site they were asked at (absolute links): the host is part of the key.
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|host| host.to_str().ok())
        .unwrap_or_default();
    let key = format!(
        "{}|{host}|{}",
        crate::platform::catalogues::locale_of(request.headers()).code(),
        request.uri()
    );
    // The generation is read before rendering: a page rendered while the data changes is not
    // kept.
    let generation = kept.changes.current();
    if let Some(page) = kept.get(&key) {
        return page.respond(request.headers());
    }
    if kept.passes(&key) {
        return without_marker(next.run(request).await);
    }
    let turn = kept.turn(&key);
    let answer = {
        let _rendering = turn.lock().await;
        // Rendered by the visitor before, while this one waited.
        match kept.get(&key) {
            Some(page) => page.respond(request.headers()),
            None => render_and_keep(&kept, generation, key.clone(), request, next).await,
        }
    };
    kept.end_turn(&key, &turn);
    answer
}

/// Renders the page and keeps it if it allows (else lets its address pass from now on).
async fn render_and_keep(
    kept: &KeptPages,
    generation: u64,
    key: String,
    request: Request,
    next: Next,
) -> Response {
    let asked = request.headers().clone();
    // Rendered whole for keeping: the client's own copy is compared with the kept one.
    let mut request = request;
    for conditional in [header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE] {
        request.headers_mut().remove(conditional);
    }
    let response = next.run(request).await;
    let time_to_live = response
        .headers()
        .get(&SHARED_PAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<u64>().ok());
    let keepable = response.status() == StatusCode::OK
        && !response.headers().contains_key(header::SET_COOKIE)
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    let Some(time_to_live) = time_to_live.filter(|_| keepable) else {
        kept.let_pass(key);
        return without_marker(response);
    };
    let (mut parts, body) = response.into_parts();
    parts.headers.remove(&SHARED_PAGE);
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "a page could not be read for keeping");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = Arc::new(KeptPage::new(parts.headers, bytes.to_vec(), time_to_live).await);
    kept.keep(generation, key, page.clone());
    page.respond(&asked)
}

impl KeptPage {
    async fn new(mut headers: HeaderMap, body: Vec<u8>, time_to_live: u64) -> KeptPage {
        let policy = headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|value| value.to_str().ok())
            .map(|policy| with_script_hashes(policy, &inline_script_hashes(&body)))
            .and_then(|policy| HeaderValue::from_str(&policy).ok());
        if let Some(policy) = policy {
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        let validators = headers
            .get(header::ETAG)
            .and_then(|etag| etag.to_str().ok())
            .map(|etag| Validators {
                etag: etag.to_string(),
                last_modified: headers
                    .get(header::LAST_MODIFIED)
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| chrono::DateTime::parse_from_rfc2822(value).ok())
                    .map(|modified| modified.timestamp()),
            });
        // An answer with its own validators keeps its own caching; pages are revalidated.
        let cache_control = headers
            .get(header::CACHE_CONTROL)
            .filter(|_| validators.is_some())
            .cloned()
            .unwrap_or(HeaderValue::from_static(KEPT_PAGE_CACHING));
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .cloned()
            .unwrap_or(HeaderValue::from_static("text/html; charset=utf-8"));
        for name in [
            header::CONTENT_LENGTH,
            header::CONTENT_TYPE,
            header::CACHE_CONTROL,
            header::ETAG,
        ] {
            headers.remove(name);
        }
        KeptPage {
            body: Precompressed::build_typed(body, content_type, PAGE_BROTLI_QUALITY).await,
            headers,
            cache_control,
            validators,
            kept_until: Instant::now() + Duration::from_secs(time_to_live),
        }
    }

    fn respond(&self, asked: &HeaderMap) -> Response {
        let mut response =
            self.body
                .respond_with(asked, self.cache_control.clone(), self.validators.as_ref());
        for (name, value) in &self.headers {
            response.headers_mut().append(name.clone(), value.clone());
        }
        response
    }
}

fn without_marker(mut response: Response) -> Response {
    response.headers_mut().remove(&SHARED_PAGE);
    response
}

fn has_session_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .any(|pair| {
            pair.trim()
                .split_once('=')
                .is_some_and(|(name, _)| name == crate::platform::sessions::COOKIE_NAME)
        })
}

/// The CSP sources (`'sha256-…'`) of the inline scripts of an HTML page: every `<script>`
/// without `src` whose type runs (not a JSON data block). The page is this server's own
/// output, so a scan for the elements suffices; no general HTML parser is needed.
fn inline_script_hashes(html: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(html);
    let lower = text.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(start) = lower[from..].find("<script").map(|at| at + from) {
        let Some(tag_end) = lower[start..].find('>').map(|at| at + start) else {
            break;
        };
        let Some(close) = lower[tag_end..].find("</script").map(|at| at + tag_end) else {
            break;
        };
        let tag = &lower[start..tag_end];
        let is_data = tag.contains("application/json") || tag.contains("application/ld+json");
        if !tag.contains(" src=") && !is_data {
            let content = &text.as_bytes()[tag_end + 1..close];
            let digest = Sha256::digest(content);
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        from = close;
    }
    hashes.sort();
    hashes.dedup();
    hashes
}

/// `policy` with its script nonce replaced by `hashes`.
fn with_script_hashes(policy: &str, hashes: &[String]) -> String {
    policy
        .split(';')
        .map(|directive| {
            let directive = directive.trim();
            if directive.starts_with("script-src") {
                let mut sources: Vec<String> = directive
                    .split_whitespace()
                    .filter(|source| !source.starts_with("'nonce-"))
                    .map(str::to_string)
                    .collect();
                sources.extend(hashes.iter().cloned());
                sources.join(" ")
            } else {
                directive.to_string()
            }
        })
        .filter(|directive| !directive.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_data_and_files_are_not() {
        let page = br#"<html><head><script nonce="abc" type="module">import('/pkg/a.js')</script>
            <script src="/vendor/leaflet.js" defer></script>
            <script type="application/json" id="daten">{"a":1}</script></head>
            <body><SCRIPT>x()</SCRIPT></body></html>"#;
        let hashes = inline_script_hashes(page);
        let expected = |content: &str| {
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(Sha256::digest(content))
            )
        };
        let mut wanted = vec![expected("import('/pkg/a.js')"), expected("x()")];
        wanted.sort();
        assert_eq!(hashes, wanted);
    }

    #[test]
    fn the_nonce_gives_way_to_the_hashes() {
        let policy = "default-src 'self'; script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'; \
                      style-src 'self'";
        let changed = with_script_hashes(policy, &["'sha256-AAA='".to_string()]);
        assert_eq!(
            changed,
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; \
             style-src 'self'"
        );
    }

    #[tokio::test]
    async fn an_answer_with_its_own_validators_keeps_them_and_its_type() {
        let mut headers = HeaderMap::new();
        for (name, value) in [
            (header::ETAG, "W/\"abc123\""),
            (header::LAST_MODIFIED, "Fri, 04 Dec 2026 10:00:00 GMT"),
            (header::CACHE_CONTROL, "public, max-age=300"),
            (header::CONTENT_TYPE, "application/geo+json"),
            (header::LINK, "</api/v1/offers?seite=2>; rel=\"next\""),
        ] {
            headers.insert(name, HeaderValue::from_static(value));
        }
        let answer = KeptPage::new(headers, br#"{"a":1}"#.to_vec(), 60).await;
        let asked = |pairs: &[(HeaderName, &'static str)]| {
            let mut map = HeaderMap::new();
            for (name, value) in pairs {
                map.insert(name.clone(), HeaderValue::from_static(value));
            }
            answer.respond(&map)
        };
        let full = asked(&[(header::ACCEPT_ENCODING, "br")]);
        assert_eq!(full.status(), StatusCode::OK);
        assert_eq!(full.headers()[header::CONTENT_TYPE], "application/geo+json");
        assert_eq!(full.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(full.headers()[header::ETAG], "W/\"abc123\"");
        assert_eq!(full.headers()[header::CACHE_CONTROL], "public, max-age=300");
        assert!(full.headers().contains_key(header::LINK));
        let by_tag = asked(&[(header::IF_NONE_MATCH, "W/\"abc123\"")]);
        assert_eq!(by_tag.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(by_tag.headers()[header::ETAG], "W/\"abc123\"");
        let by_date = asked(&[(header::IF_MODIFIED_SINCE, "Fri, 04 Dec 2026 10:00:00 GMT")]);
        assert_eq!(by_date.status(), StatusCode::NOT_MODIFIED);
        let older = asked(&[(header::IF_MODIFIED_SINCE, "Fri, 04 Dec 2026 09:59:59 GMT")]);
        assert_eq!(older.status(), StatusCode::OK);
        let other = asked(&[(header::IF_NONE_MATCH, "W/\"0000\"")]);
        assert_eq!(other.status(), StatusCode::OK);
    }

    async fn page(body: &str) -> Arc<KeptPage> {
        Arc::new(KeptPage::new(HeaderMap::new(), body.as_bytes().to_vec(), 60).await)
    }

    #[tokio::test]
    async fn pages_are_kept_for_their_generation_only_and_never_beyond_the_limit() {
        let changes = Arc::new(ChangeCounter::default());
        let kept = KeptPages::new(changes.clone());
        let generation = changes.current();
        kept.keep(generation, "de|/".into(), page("<p>Karte</p>").await);
        assert!(kept.get("de|/").is_some());
        assert!(kept.get("ar|/").is_none());

        // Rendered before a change, kept after it: never answered.
        changes.bump();
        assert!(kept.get("de|/").is_none());
        kept.keep(generation, "de|/".into(), page("<p>alt</p>").await);
        assert!(kept.get("de|/").is_none());

        let generation = changes.current();
        let one = page("<p>x</p>").await;
        for n in 0..MAX_PAGES + 20 {
            kept.keep(generation, format!("de|/?q={n}"), one.clone());
        }
        let count = kept.pages.lock().unwrap().1.len();
        assert_eq!(count, MAX_PAGES);
        assert!(kept.get(&format!("de|/?q={}", MAX_PAGES + 5)).is_none());
    }

    #[test]
    fn only_the_session_cookie_makes_a_visitor_personal() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("sprache=ar"));
        assert!(!has_session_cookie(&headers));
        headers.append(
            header::COOKIE,
            HeaderValue::from_static("sprache=ar; chancenkarte_sitzung=xyz"),
        );
        assert!(has_session_cookie(&headers));
    }
}
