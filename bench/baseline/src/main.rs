//! The baseline `scripts/bench.sh` compares the app with: the same axum and tokio, doing as
//! little as a server can. `/hello` answers a tiny JSON object; `/static` answers a fixed body
//! read from a file at start (the app's `/api/offers`, so the sizes are equal), gzipped once
//! at start and sent compressed to clients that accept gzip, as an answer kept ready in memory.
//!
//! Usage: `bench-baseline ADDRESS BODY_FILE`, e.g. `bench-baseline 127.0.0.1:3201 offers.json`.

use std::io::Write;

use axum::Router;
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, VARY};
use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use flate2::Compression;
use flate2::write::GzEncoder;

const JSON: HeaderValue = HeaderValue::from_static("application/json");

/// The body of `/static`, plain and gzipped.
#[derive(Clone)]
struct Body {
    plain: axum::body::Bytes,
    gzip: axum::body::Bytes,
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| coding.split(';').next().unwrap_or("").trim() == "gzip")
}

async fn hello() -> Response {
    ([(CONTENT_TYPE, JSON)], r#"{"message":"Hello, World!"}"#).into_response()
}

async fn fixed(body: Body, headers: HeaderMap) -> Response {
    let vary = (VARY, HeaderValue::from_static("accept-encoding"));
    if accepts_gzip(&headers) {
        let gzip = (CONTENT_ENCODING, HeaderValue::from_static("gzip"));
        ([(CONTENT_TYPE, JSON), gzip, vary], body.gzip).into_response()
    } else {
        ([(CONTENT_TYPE, JSON), vary], body.plain).into_response()
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(address), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: bench-baseline ADDRESS BODY_FILE".into());
    };
    let plain = std::fs::read(&file).map_err(|error| format!("{file}: {error}"))?;
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(&plain)?;
    let body = Body {
        plain: plain.into(),
        gzip: encoder.finish()?.into(),
    };
    let router = Router::new().route("/hello", get(hello)).route(
        "/static",
        get(move |headers: HeaderMap| fixed(body.clone(), headers)),
    );
    let listener = tokio::net::TcpListener::bind(&address).await?;
    println!("bench-baseline on http://{}", listener.local_addr()?);
    axum::serve(listener, router).await?;
    Ok(())
}
