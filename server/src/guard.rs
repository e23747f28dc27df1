//! Request guards around the whole router: state-changing requests must come from this site
//! (cross-site request forgery), and personal responses are never cached.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The host (with port) of an `Origin` or `Referer` value; `None` for "null" or garbage.
fn host_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then_some(host)
}

/// Refuses POST, PUT, PATCH and DELETE requests unless their `Origin` (or, where a browser
/// sends none, their `Referer`) names the host the request was sent to. Together with the
/// SameSite=Lax session cookie this keeps other sites from acting in a member's name.
pub async fn same_site_writes_only(request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let target = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let source = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .and_then(host_of)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(host_of)
        });
    match (target, source) {
        (Some(target), Some(source)) if target.eq_ignore_ascii_case(source) => {
            next.run(request).await
        }
        _ => {
            tracing::warn!(?target, ?source, path = %request.uri().path(), "cross-site write refused");
            (
                StatusCode::FORBIDDEN,
                "Anfrage abgelehnt: Formulare der Chancenkarte können nur von der Chancenkarte selbst abgeschickt werden.",
            )
                .into_response()
        }
    }
}

/// Marks a response as the same for every visitor (static files): the no-store guard leaves
/// it to the browser's and proxies' caching. Set by the layer that serves it, never by path.
#[derive(Clone, Copy, Debug)]
pub struct SharedPublic;

/// Adds [`SharedPublic`] to every response of the service it wraps.
pub async fn mark_shared_public(mut response: Response) -> Response {
    response.extensions_mut().insert(SharedPublic);
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
/// browsers or proxies: every response that says nothing about caching itself and is not
/// marked [`SharedPublic`] gets `Cache-Control: no-store`.
pub async fn no_store_for_personal(request: Request, next: Next) -> Response {
    let mut response: Response<Body> = next.run(request).await;
    let shared = response.extensions().get::<SharedPublic>().is_some();
    if !shared && !response.headers().contains_key(header::CACHE_CONTROL) {
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

    #[test]
    fn hosts_of_origins_and_referers() {
        assert_eq!(host_of("http://127.0.0.1:3000"), Some("127.0.0.1:3000"));
        assert_eq!(
            host_of("https://chancenkarte.de/anmelden?x=1"),
            Some("chancenkarte.de")
        );
        assert_eq!(host_of("null"), None);
        assert_eq!(host_of("https://"), None);
    }

    async fn status_of(headers: &[(&str, &str)]) -> StatusCode {
        let app = Router::new()
            .route("/api/x", post(|| async { "ok" }))
            .layer(axum::middleware::from_fn(same_site_writes_only));
        let mut request = Request::builder().method("POST").uri("/api/x");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        app.oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap()
            .status()
    }

    #[tokio::test]
    async fn same_site_posts_pass() {
        let ok = [
            ("host", "karte.example:3000"),
            ("origin", "http://karte.example:3000"),
        ];
        assert_eq!(status_of(&ok).await, StatusCode::OK);
        let by_referer = [
            ("host", "karte.example"),
            ("referer", "https://karte.example/anmelden"),
        ];
        assert_eq!(status_of(&by_referer).await, StatusCode::OK);
    }

    #[tokio::test]
    async fn cross_site_and_unsourced_posts_are_refused() {
        let foreign = [
            ("host", "karte.example"),
            ("origin", "https://evil.example"),
        ];
        assert_eq!(status_of(&foreign).await, StatusCode::FORBIDDEN);
        let null_origin = [("host", "karte.example"), ("origin", "null")];
        assert_eq!(status_of(&null_origin).await, StatusCode::FORBIDDEN);
        assert_eq!(
            status_of(&[("host", "karte.example")]).await,
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
