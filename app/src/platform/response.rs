//! What a page or server function says about its own response: its status, and whether it is
//! the same for every visitor (and so may be cached by browsers and proxies).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Sets the HTTP status of the page being rendered.
pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

/// Marks the page being rendered as not found (404).
pub fn set_not_found_status() {
    set_status(StatusCode::NOT_FOUND);
}

/// Marks the answer of a public server function as the same for every visitor: caches may
/// keep it for a minute. Everything else is sent with `Cache-Control: no-store`.
pub fn allow_shared_caching() {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=60"),
        );
    }
}

/// Marks the page being rendered as the same for every anonymous visitor of its address in its
/// language for `seconds`: it is kept rendered and answered from memory
/// ([`crate::platform::page_cache`]) until then or until the public data changes. Only for
/// pages that show nothing of the visitor and change nothing when rendered.
pub fn allow_shared_page(seconds: u32) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.insert_header(
            crate::platform::page_cache::SHARED_PAGE,
            HeaderValue::from(seconds),
        );
    }
}

/// Sends the page being rendered with its Content-Security-Policy, which names this
/// response's nonce (Leptos puts it on its hydration script), the tile server's origin and the
/// CSP source of the page's inline style sheet, if it has one.
pub fn set_content_security_policy(inline_style: Option<&str>) {
    let (Some(nonce), Some(response)) =
        (leptos::nonce::use_nonce(), use_context::<ResponseOptions>())
    else {
        return;
    };
    let state = crate::platform::state::app_state().ok();
    let tiles = state
        .as_ref()
        .and_then(|state| state.region.tiles.url.as_deref().and_then(tile_source));
    let policy = page_policy(&nonce.to_string(), tiles.as_deref(), inline_style);
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, policy);
    }
}

/// The policy of an HTML page: scripts only from this site or carrying `nonce` (no inline
/// script without it, no `eval`; Wasm may compile), styles only from this site's files and
/// the page's own inline sheet (by its hash), images from this site and the tile server,
/// requests only to this site, never framed, forms only to this site.
pub fn page_policy(nonce: &str, tile_source: Option<&str>, inline_style: Option<&str>) -> String {
    let tiles = tile_source
        .map(|source| format!(" {source}"))
        .unwrap_or_default();
    let inline_style = inline_style
        .map(|source| format!(" {source}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'{inline_style}; img-src 'self' data:{tiles}; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The CSP source of a tile URL template (`https://{s}.tile.example.org/{z}/{x}/{y}.png` →
/// `https://*.tile.example.org`); `None` for anything that is not a plain http(s) host.
pub fn tile_source(template: &str) -> Option<String> {
    let (scheme, rest) = template.split_once("://")?;
    if !matches!(scheme, "https" | "http") {
        return None;
    }
    let host = rest.split('/').next()?;
    let labels: Vec<String> = host
        .split('.')
        .map(|label| {
            if label.starts_with('{') && label.ends_with('}') {
                "*".to_string()
            } else {
                label.to_ascii_lowercase()
            }
        })
        .collect();
    let host = labels.join(".");
    let plain = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '*' | ':'));
    plain.then(|| format!("{scheme}://{host}"))
}

/// The `Content-Disposition` value of a download named `file_name`. The name is made safe for
/// a header and a file system: anything but ASCII letters, digits, '.', '-' and '_' becomes '-'.
pub fn attachment(file_name: &str) -> String {
    let safe: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("attachment; filename=\"{safe}\"")
}

/// A file for the browser to save: its content type, its name and its content.
pub fn file_download(content_type: &'static str, file_name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, attachment(file_name)),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tile_templates_become_csp_sources() {
        assert_eq!(
            tile_source("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png").as_deref(),
            Some("https://*.tile.openstreetmap.org")
        );
        assert_eq!(
            tile_source("https://kacheln.example.org:8443/{z}/{x}/{y}.png").as_deref(),
            Some("https://kacheln.example.org:8443")
        );
        assert_eq!(tile_source("javascript:alert(1)"), None);
        assert_eq!(tile_source("https://a b;script-src *"), None);
    }

    #[test]
    fn the_page_policy_allows_no_inline_script_without_the_nonce() {
        let policy = page_policy("abc123", Some("https://*.tile.example.org"), None);
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(policy.contains("style-src 'self';"));
        let with_style = page_policy("abc123", None, Some("'sha256-AAA='"));
        assert!(with_style.contains("style-src 'self' 'sha256-AAA=';"));
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        assert!(policy.contains("img-src 'self' data: https://*.tile.example.org;"));
        assert!(policy.contains("frame-ancestors 'none'") && policy.contains("base-uri 'none'"));
    }

    #[test]
    fn attachment_names_are_safe() {
        assert_eq!(
            attachment("angebote.csv"),
            "attachment; filename=\"angebote.csv\""
        );
        assert_eq!(
            attachment("a\"b\r\n/ü.csv"),
            "attachment; filename=\"a-b----.csv\""
        );
    }
}
