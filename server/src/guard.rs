//! Request guards around the whole router: state-changing requests must come from this site
//! (cross-site request forgery), and personal responses are never cached.

use std::sync::Arc;

use app::platform::site::SiteAddress;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Refuses POST, PUT, PATCH and DELETE requests unless they come from this site: their
/// `Origin` (or, only where a browser sends no `Origin` at all, their `Referer`) must be the
/// site's own origin (`PUBLIC_URL`; in a local trial a loopback host). The `Host` header
/// decides nothing: a rebinding DNS name would match it. `Origin: null` (sandboxed frames,
/// some redirects) is refused whatever the `Referer` says. Together with the SameSite=Lax
/// session cookie this keeps other sites from acting in a member's name.
pub async fn same_site_writes_only(
    State(site): State<Arc<SiteAddress>>,
    request: Request,
    next: Next,
) -> Response {
    // Only writes are checked; any other method (TRACE, say) goes on to the router, which
    // answers 405 where the route does not take it.
    if !matches!(
        *request.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let text = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let source = match headers.get(header::ORIGIN) {
        Some(_) => text(header::ORIGIN),
        None => text(header::REFERER),
    };
    if source.is_some_and(|source| site.accepts(source)) {
        return next.run(request).await;
    }
    tracing::warn!(?source, path = %request.uri().path(), "cross-site write refused");
    (
        StatusCode::FORBIDDEN,
        "Anfrage abgelehnt: Formulare der Chancenkarte können nur von der Chancenkarte selbst abgeschickt werden.",
    )
        .into_response()
}

/// The headers every response carries: no content sniffing, the referrer only within this
/// site (outbound links reveal nothing, while form posts keep the `Referer` the write guard
/// may fall back on), geolocation for this site only (near me) and no other device access,
/// never framed. Pages set their own Content-Security-Policy with a nonce; any other response
/// gets one that allows nothing to run.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            header::HeaderName::from_static("permissions-policy"),
            "geolocation=(self), camera=(), microphone=(), payment=(), usb=()",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
            ),
        );
    }
    response
}

/// Static files: a path with a segment longer than any file name (255 bytes once decoded) is
/// answered 404 before the file system is asked, which would fail with "name too long" and
/// turn every such request into a 500 and an error in the log.
pub async fn no_overlong_file_names(request: Request, next: Next) -> Response {
    let overlong = request
        .uri()
        .path()
        .split('/')
        .any(|segment| decoded_len(segment) > 255);
    if overlong {
        return (StatusCode::NOT_FOUND, "Diese Datei gibt es nicht.").into_response();
    }
    next.run(request).await
}

/// The length in bytes of a percent-encoded path segment once decoded.
fn decoded_len(segment: &str) -> usize {
    let bytes = segment.as_bytes();
    let mut length = 0;
    let mut at = 0;
    while at < bytes.len() {
        let escaped = bytes[at] == b'%'
            && bytes.get(at + 1).is_some_and(u8::is_ascii_hexdigit)
            && bytes.get(at + 2).is_some_and(u8::is_ascii_hexdigit);
        at += if escaped { 3 } else { 1 };
        length += 1;
    }
    length
}

/// Personal responses (pages that show who is signed in, member data) must not be stored by
/// browsers or proxies: every response that says nothing about caching itself gets
/// `Cache-Control: no-store`. Static files do not pass here: they are routed outside this
/// layer and set their own (`crate::static_files`).
pub async fn no_store_for_personal(request: Request, next: Next) -> Response {
    let mut response: Response<Body> = next.run(request).await;
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::Router;
    use axum::routing::post;
    use tower::ServiceExt;

    async fn status_of(site: SiteAddress, headers: &[(&str, &str)]) -> StatusCode {
        let app = Router::new()
            .route("/api/x", post(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(
                Arc::new(site),
                same_site_writes_only,
            ));
        let mut request = Request::builder().method("POST").uri("/api/x");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        app.oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap()
            .status()
    }

    fn public() -> SiteAddress {
        SiteAddress::public("https://karte.example").unwrap()
    }

    #[tokio::test]
    async fn same_site_posts_pass() {
        let ok = [("origin", "https://karte.example")];
        assert_eq!(status_of(public(), &ok).await, StatusCode::OK);
        let by_referer = [("referer", "https://karte.example/anmelden")];
        assert_eq!(status_of(public(), &by_referer).await, StatusCode::OK);
        let local = [("origin", "http://127.0.0.1:3000")];
        assert_eq!(status_of(SiteAddress::Local, &local).await, StatusCode::OK);
    }

    #[tokio::test]
    async fn cross_site_and_unsourced_posts_are_refused() {
        for headers in [
            &[("origin", "https://evil.example")][..],
            // A rebinding name: the Host matches the Origin, but neither is the site.
            &[
                ("host", "rebound.example"),
                ("origin", "https://rebound.example"),
            ][..],
            &[
                ("origin", "null"),
                ("referer", "https://karte.example/anmelden"),
            ][..],
            &[("host", "karte.example")][..],
        ] {
            assert_eq!(
                status_of(public(), headers).await,
                StatusCode::FORBIDDEN,
                "{headers:?}"
            );
        }
        let lan = [("origin", "http://192.168.1.5:3000")];
        assert_eq!(
            status_of(SiteAddress::Local, &lan).await,
            StatusCode::FORBIDDEN
        );
    }
}

#[cfg(test)]
mod file_name_tests {
    use super::decoded_len;

    #[test]
    fn a_segment_counts_as_its_decoded_bytes() {
        assert_eq!(decoded_len("leaflet.js"), 10);
        assert_eq!(decoded_len("a%20b"), 3);
        assert_eq!(decoded_len("%zz"), 3);
        assert_eq!(decoded_len(&"%41".repeat(255)), 255);
    }
}
