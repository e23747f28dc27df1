//! Static files: what cargo-leptos built into the site root (`/pkg`: Wasm, JS, CSS and the
//! split parts; `/js`; `/favicon.svg`) and Leaflet from its npm package (`/vendor/leaflet`).
//!
//! **Caching.** A file whose name carries the hash of its content (cargo-leptos' `hash-files`:
//! `chancenkarte.<22 characters: the base64url MD5 of the file>.wasm`) can never change under
//! that name, so it is sent `immutable` for a year. Which files these are is decided once at
//! start from the files themselves: the name's hash must equal the MD5 of the bytes on disk
//! ([`ContentAddressed::scan`]). A file cargo-leptos renamed and then rewrote does not
//! qualify: with `--split` it writes the split loader's hashed name into the main JS and Wasm
//! after naming them, so under an unchanged name they could import a loader a later build
//! replaced. `server precompress` renames the Wasm to its final content
//! ([`name_wasm_by_content`]); the JS and the loader import each other (a cycle), so the JS is
//! revalidated. Nor does a file that appears after the start qualify. Every
//! other file is sent with a short `max-age` and validators (Last-Modified from the file
//! system, a weak ETag from that time and the size): after ten minutes a browser asks again
//! and gets a 304 while nothing changed. The decision is the file name's, made by the file
//! services' own layer ([`caching`]); no middleware branches on a path.
//!
//! **Compression.** `server precompress` ([`precompress`]) writes a brotli (`.br`) and a gzip
//! (`.gz`) copy beside every text-like file once, after the build; the file services send the
//! copy the client accepts (`Content-Encoding`), and the dynamic compression layer leaves such
//! an answer alone. A file without copies is compressed per request like any other answer.

use std::collections::HashSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use leptos::config::LeptosOptions;
use md5::{Digest as _, Md5};
use tower_http::services::{ServeDir, ServeFile};

use crate::guard;

/// Files named by their content: kept by browsers and proxies for a year, never asked again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Every other static file: kept ten minutes, then revalidated (304 while unchanged).
pub const REVALIDATE: &str = "public, max-age=600";

/// The name cargo-leptos gives the built Wasm, JS and CSS (`output-name`, the project's name).
pub const OUTPUT_NAME: &str = "chancenkarte";

/// The length of cargo-leptos' hashes: an MD5 (16 bytes) in unpadded base64url.
const HASH_LENGTH: usize = 22;

/// The extensions worth compressing: text and Wasm. Images (Leaflet's PNGs) already are.
const COMPRESSIBLE: &[&str] = &[
    "js", "mjs", "css", "wasm", "json", "svg", "html", "txt", "map",
];

/// The names (relative to the served folder, `/`-separated) of the files whose name carries
/// the hash of their content, as found at start.
#[derive(Debug, Default)]
pub struct ContentAddressed(HashSet<String>);

impl ContentAddressed {
    /// Reads every file under `dir` whose name has the hashed form and keeps those whose hash
    /// is the MD5 of their content. A missing folder has none.
    pub fn scan(dir: &Path) -> ContentAddressed {
        let mut names = HashSet::new();
        for path in files_under(dir) {
            let Some(relative) = relative_name(dir, &path) else {
                continue;
            };
            let Some(hash) = name_hash(&relative) else {
                continue;
            };
            if std::fs::read(&path).is_ok_and(|bytes| content_hash(&bytes) == hash) {
                names.insert(relative);
            }
        }
        ContentAddressed(names)
    }

    /// Whether `name` (relative to the served folder) is one of them.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(name)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// cargo-leptos' hash of a file's content: its MD5 in unpadded base64url.
pub fn content_hash(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Md5::digest(bytes))
}

/// The hash in a name of the form `stem.<hash>.ext` (or `stem.<hash>` where the hash replaced
/// a placeholder), if it has that form.
fn name_hash(name: &str) -> Option<&str> {
    let file = name.rsplit('/').next()?;
    let mut parts = file.rsplit('.');
    let last = parts.next()?;
    let before_last = parts.next();
    [before_last, Some(last)]
        .into_iter()
        .flatten()
        .find(|part| {
            part.len() == HASH_LENGTH
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && part.bytes().any(|b| b != b'_')
        })
}

/// `path` relative to `dir`, with `/` between the parts.
fn relative_name(dir: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = relative.iter().map(|part| part.to_str()).collect();
    Some(parts?.join("/"))
}

/// Every file under `dir`, depth first (none if it cannot be read).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(kind) if kind.is_dir() => pending.push(path),
                Ok(kind) if kind.is_file() => files.push(path),
                _ => {}
            }
        }
    }
    files
}

/// The static file routes: `/pkg`, `/js` and `/favicon.svg` from the site root, Leaflet's
/// `dist` folder under `/vendor/leaflet`. Each answer is the same for every visitor.
pub fn routes<S>(site_root: &Path, leaflet_dir: &Path) -> Router<S>
where
    S: Clone + Send + Sync + 'static,
{
    let folder = |dir: PathBuf| {
        let content_addressed = Arc::new(ContentAddressed::scan(&dir));
        if !content_addressed.is_empty() {
            tracing::info!(
                folder = %dir.display(),
                files = content_addressed.len(),
                "files named by their content: sent immutable"
            );
        }
        served(
            ServeDir::new(dir).precompressed_br().precompressed_gzip(),
            content_addressed,
        )
    };
    Router::new()
        .nest_service("/vendor/leaflet", folder(leaflet_dir.to_path_buf()))
        .nest_service("/pkg", folder(site_root.join("pkg")))
        .nest_service("/js", folder(site_root.join("js")))
        .route_service(
            "/favicon.svg",
            served(
                ServeFile::new(site_root.join("favicon.svg"))
                    .precompressed_br()
                    .precompressed_gzip(),
                Arc::default(),
            ),
        )
}

/// A file service with its caching headers and the guard against overlong names.
fn served<T>(service: T, content_addressed: Arc<ContentAddressed>) -> axum::routing::MethodRouter
where
    T: tower::Service<Request, Error = std::convert::Infallible> + Clone + Send + Sync + 'static,
    T::Response: IntoResponse,
    T::Future: Send + 'static,
{
    axum::routing::get_service(service)
        .layer(axum::middleware::from_fn_with_state(
            content_addressed,
            caching,
        ))
        .layer(axum::middleware::from_fn(guard::no_overlong_file_names))
}

/// The caching headers of a static file (see the module's description): `immutable` for a
/// file named by its content, a short `max-age` with a weak ETag otherwise; a 304 when the
/// request's `If-None-Match` names the file's ETag (then `If-Modified-Since` is not asked,
/// RFC 9110 13.1.3); `Vary: Accept-Encoding`, as a compressed copy may be sent. An answer
/// that is no file (404) is not kept.
pub async fn caching(
    State(content_addressed): State<Arc<ContentAddressed>>,
    mut request: Request,
    next: Next,
) -> Response {
    // The path as the file service sees it: relative to the folder it serves.
    let name = request.uri().path().trim_start_matches('/').to_string();
    let immutable = content_addressed.contains(&name);
    let if_none_match = request.headers_mut().remove(header::IF_NONE_MATCH);
    if if_none_match.is_some() {
        request.headers_mut().remove(header::IF_MODIFIED_SINCE);
    }
    let mut response = next.run(request).await;
    let status = response.status();
    let headers = response.headers_mut();
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable { IMMUTABLE } else { REVALIDATE }),
    );
    headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if status != StatusCode::OK {
        return response;
    }
    let Some(tag) = weak_etag(headers) else {
        return response;
    };
    let matched = if_none_match.is_some_and(|asked| etag_matches(&asked, &tag));
    headers.insert(header::ETAG, tag);
    if matched {
        return not_modified(response.headers());
    }
    response
}

/// A weak ETag from the file's Last-Modified and its size (nginx's recipe), with the encoding
/// of a compressed copy: `W/"<seconds, hex>-<bytes, hex>[-br|-gzip]"`.
fn weak_etag(headers: &HeaderMap) -> Option<HeaderValue> {
    let modified = headers.get(header::LAST_MODIFIED)?.to_str().ok()?;
    let seconds = httpdate::parse_http_date(modified)
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?
        .as_secs();
    let length: u64 = headers
        .get(header::CONTENT_LENGTH)?
        .to_str()
        .ok()?
        .parse()
        .ok()?;
    let encoding = headers
        .get(header::CONTENT_ENCODING)
        .and_then(|value| value.to_str().ok())
        .map(|encoding| format!("-{encoding}"))
        .unwrap_or_default();
    HeaderValue::from_str(&format!("W/\"{seconds:x}-{length:x}{encoding}\"")).ok()
}

/// Whether `If-None-Match` names `tag` (weak comparison: `W/` does not count) or is `*`.
fn etag_matches(asked: &HeaderValue, tag: &HeaderValue) -> bool {
    let (Ok(asked), Ok(tag)) = (asked.to_str(), tag.to_str()) else {
        return false;
    };
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    let tag = opaque(tag);
    asked
        .split(',')
        .any(|candidate| candidate.trim() == "*" || opaque(candidate) == tag)
}

/// The 304 for a file the client has: the headers a 200 would have carried about caching
/// (RFC 9110 15.4.5), no body.
fn not_modified(headers: &HeaderMap) -> Response {
    let mut answer = StatusCode::NOT_MODIFIED.into_response();
    for name in [
        header::CACHE_CONTROL,
        header::ETAG,
        header::LAST_MODIFIED,
        header::VARY,
    ] {
        for value in headers.get_all(&name) {
            answer.headers_mut().append(name.clone(), value.clone());
        }
    }
    answer
}

/// The Leptos options: the output name, the site root and address, and the hashed file names
/// when the build made them. cargo-leptos writes its hash file into the site itself
/// (`hash-file-name` in Cargo.toml), so the names always describe the files beside them;
/// without it (a build without `hash-files`, a test's empty site) the plain names are used.
pub fn leptos_options(site_root: &str, site_addr: std::net::SocketAddr) -> LeptosOptions {
    let hash_file = Path::new(site_root).join("hash.txt");
    // Leptos reads the hash file relative to the binary's folder: an absolute path keeps
    // the one under the site root, wherever the binary lies.
    let hash_file = std::path::absolute(&hash_file).unwrap_or(hash_file);
    LeptosOptions::builder()
        .output_name(OUTPUT_NAME)
        .site_root(site_root)
        .site_addr(site_addr)
        .hash_files(hash_file.is_file())
        .hash_file(Arc::from(hash_file.to_string_lossy().as_ref()))
        .build()
}

/// Gives the main Wasm the name of its final content. cargo-leptos names it by its content
/// before it writes the split loader's hashed name into it, so the name says nothing about the
/// bytes; but nothing except the hash file names the Wasm (the hydration script takes its URL
/// from there), so it can be renamed and the hash file updated, and is then `immutable` like
/// the CSS. (The main JS cannot: it and the split loader import each other.) Answers whether
/// it renamed; a site without a hash file, or whose Wasm already has its name, stays as it is.
/// Run before the server starts: a running one might name the old file for a moment.
pub fn name_wasm_by_content(site_root: &Path) -> std::io::Result<bool> {
    let hash_file = site_root.join("hash.txt");
    let Ok(text) = std::fs::read_to_string(&hash_file) else {
        return Ok(false);
    };
    let Some(old) = app::platform::built_files::hash_in(&text, "wasm") else {
        return Ok(false);
    };
    let pkg = site_root.join("pkg");
    let old_path = pkg.join(format!("{OUTPUT_NAME}.{old}.wasm"));
    let Ok(bytes) = std::fs::read(&old_path) else {
        return Ok(false);
    };
    let new = content_hash(&bytes);
    if new == old {
        return Ok(false);
    }
    std::fs::rename(&old_path, pkg.join(format!("{OUTPUT_NAME}.{new}.wasm")))?;
    let lines: Vec<String> = text
        .lines()
        .map(|line| match line.split_once(':') {
            Some((kind, _)) if kind.trim() == "wasm" => format!("wasm: {new}"),
            _ => line.to_string(),
        })
        .collect();
    let partial = site_root.join("hash.txt.partial");
    std::fs::write(&partial, lines.join("\n") + "\n")?;
    std::fs::rename(&partial, &hash_file)?;
    Ok(true)
}

/// What `server precompress` did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PrecompressReport {
    /// Copies written (a `.br` and a `.gz` count as two).
    pub written: usize,
    /// Copies already up to date.
    pub kept: usize,
    /// Copies removed because their file is gone.
    pub removed: usize,
}

/// Writes a brotli (quality 11) and a gzip (level 9) copy beside every compressible file under
/// each of `dirs` (recursively) where it is missing or older than the file, and removes copies
/// whose file is gone. A copy that would not be smaller than the file is not written (the
/// file is sent as it is). Each copy is written to a temporary file first and renamed, so a
/// running server never sends half a copy.
pub fn precompress(dirs: &[PathBuf]) -> std::io::Result<PrecompressReport> {
    let mut report = PrecompressReport::default();
    for dir in dirs {
        for path in files_under(dir) {
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            if matches!(extension, "br" | "gz") {
                if !path.with_extension("").exists() {
                    std::fs::remove_file(&path)?;
                    report.removed += 1;
                }
                continue;
            }
            if !COMPRESSIBLE.contains(&extension) {
                continue;
            }
            let modified = std::fs::metadata(&path)?.modified()?;
            let mut original: Option<Vec<u8>> = None;
            for (suffix, compress) in [
                (
                    "br",
                    compress_brotli as fn(&[u8]) -> std::io::Result<Vec<u8>>,
                ),
                ("gz", compress_gzip),
            ] {
                let copy = PathBuf::from(format!("{}.{suffix}", path.display()));
                let fresh = std::fs::metadata(&copy)
                    .and_then(|meta| meta.modified())
                    .is_ok_and(|copied| copied >= modified);
                if fresh {
                    report.kept += 1;
                    continue;
                }
                if original.is_none() {
                    original = Some(std::fs::read(&path)?);
                }
                let bytes = original.as_deref().unwrap_or_default();
                let compressed = compress(bytes)?;
                if compressed.len() >= bytes.len() {
                    if copy.exists() {
                        std::fs::remove_file(&copy)?;
                    }
                    continue;
                }
                let partial = PathBuf::from(format!("{}.{suffix}.partial", path.display()));
                std::fs::write(&partial, &compressed)?;
                std::fs::rename(&partial, &copy)?;
                report.written += 1;
            }
        }
    }
    Ok(report)
}

fn compress_brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let mut compressed = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)?;
    Ok(compressed)
}

fn compress_gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_found_in_cargo_leptos_names() {
        let hash = "AbCdEfGhIjKlMnOpQrStU_";
        assert_eq!(name_hash(&format!("chancenkarte.{hash}.wasm")), Some(hash));
        assert_eq!(name_hash(&format!("__wasm_split.{hash}.js")), Some(hash));
        assert_eq!(
            name_hash(&format!("snippets/x/split_1.{hash}.wasm")),
            Some(hash)
        );
        assert_eq!(name_hash("chancenkarte.wasm"), None);
        assert_eq!(name_hash("merkliste.js"), None);
        assert_eq!(name_hash("__wasm_split.______________________.js"), None);
    }

    #[test]
    fn only_names_matching_their_content_count() {
        let dir = tempfile::tempdir().unwrap();
        let content = b"export const x = 1;";
        let right = format!("app.{}.js", content_hash(content));
        std::fs::write(dir.path().join(&right), content).unwrap();
        let wrong = format!("app.{}.css", content_hash(b"something else"));
        std::fs::write(dir.path().join(&wrong), content).unwrap();
        std::fs::write(dir.path().join("plain.js"), content).unwrap();
        let found = ContentAddressed::scan(dir.path());
        assert!(found.contains(&right));
        assert!(!found.contains(&wrong));
        assert!(!found.contains("plain.js"));
        assert_eq!(found.len(), 1);
        assert!(ContentAddressed::scan(&dir.path().join("missing")).is_empty());
    }

    #[test]
    fn the_wasm_takes_the_name_of_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let pkg = dir.path().join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        let named = content_hash(b"before the loader's name was written");
        std::fs::write(pkg.join(format!("chancenkarte.{named}.wasm")), b"after").unwrap();
        std::fs::write(
            dir.path().join("hash.txt"),
            format!("js: J\nwasm: {named}\ncss: C\n"),
        )
        .unwrap();
        assert!(name_wasm_by_content(dir.path()).unwrap());
        let real = content_hash(b"after");
        assert!(pkg.join(format!("chancenkarte.{real}.wasm")).is_file());
        assert!(!pkg.join(format!("chancenkarte.{named}.wasm")).exists());
        let text = std::fs::read_to_string(dir.path().join("hash.txt")).unwrap();
        assert_eq!(text, format!("js: J\nwasm: {real}\ncss: C\n"));
        assert!(ContentAddressed::scan(&pkg).contains(&format!("chancenkarte.{real}.wasm")));
        // Once named by its content, and without a hash file, nothing changes.
        assert!(!name_wasm_by_content(dir.path()).unwrap());
        assert!(!name_wasm_by_content(&dir.path().join("missing")).unwrap());
    }

    #[test]
    fn etags_compare_weakly_and_by_list() {
        let tag = HeaderValue::from_static("W/\"5f-10\"");
        for asked in ["W/\"5f-10\"", "\"5f-10\"", "\"x\", W/\"5f-10\"", "*"] {
            assert!(
                etag_matches(&HeaderValue::from_static(asked), &tag),
                "{asked}"
            );
        }
        assert!(!etag_matches(
            &HeaderValue::from_static("W/\"5f-11\""),
            &tag
        ));
    }

    #[test]
    fn precompress_writes_smaller_copies_once_and_removes_orphans() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Familienzentrum Coesfeld ".repeat(200);
        std::fs::write(dir.path().join("a.js"), &text).unwrap();
        std::fs::write(dir.path().join("tiny.css"), "a{}").unwrap();
        std::fs::write(dir.path().join("marker.png"), &text).unwrap();
        std::fs::write(dir.path().join("gone.js.br"), "x").unwrap();
        let dirs = [dir.path().to_path_buf()];
        let first = precompress(&dirs).unwrap();
        assert_eq!((first.written, first.removed), (2, 1));
        let br = std::fs::read(dir.path().join("a.js.br")).unwrap();
        let mut decoded = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut decoded).unwrap();
        assert_eq!(decoded, text.as_bytes());
        let gz = std::fs::read(dir.path().join("a.js.gz")).unwrap();
        let mut decoded = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut decoded)
            .unwrap();
        assert_eq!(decoded, text);
        assert!(!dir.path().join("tiny.css.br").exists(), "not smaller");
        assert!(
            !dir.path().join("marker.png.br").exists(),
            "not compressible"
        );
        let second = precompress(&dirs).unwrap();
        assert_eq!((second.written, second.kept), (0, 2));
    }
}
