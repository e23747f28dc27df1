//! A response body compressed once and answered many times: the identity, gzip and brotli forms
//! of the same bytes with one strong entity tag, chosen per request by `Accept-Encoding` and
//! answered with 304 when the client's copy is current. Built off the async threads (brotli of
//! a few megabytes takes a while).

use std::io::Write;

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

/// One body in the three encodings browsers take, with its entity tag.
pub struct Precompressed {
    identity: Bytes,
    gzip: Bytes,
    brotli: Bytes,
    /// The hash part of the entity tags; each encoding's tag adds its own suffix (strong tags
    /// must differ between encodings of the same content).
    hash: String,
    content_type: HeaderValue,
}

/// Brotli's quality for bodies built once per change: near the best ratio at a fraction of
/// quality 11's time (11 takes seconds on the 10,000-offer payload).
const BROTLI_QUALITY: u32 = 9;
const BROTLI_WINDOW_BITS: u32 = 22;

/// An encoding the client takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Precompressed {
    /// Compresses `body` in both encodings, on a blocking thread.
    pub async fn build(body: Vec<u8>, content_type: &'static str) -> Precompressed {
        Precompressed::build_with_quality(body, content_type, BROTLI_QUALITY).await
    }

    /// [`Precompressed::build`] with brotli at `quality` (0–11): lower for bodies built often.
    pub async fn build_with_quality(
        body: Vec<u8>,
        content_type: &'static str,
        quality: u32,
    ) -> Precompressed {
        Precompressed::build_typed(body, HeaderValue::from_static(content_type), quality).await
    }

    /// [`Precompressed::build_with_quality`] for a content type known only at run time.
    pub async fn build_typed(
        body: Vec<u8>,
        content_type: HeaderValue,
        quality: u32,
    ) -> Precompressed {
        let kept_type = content_type.clone();
        let built = tokio::task::spawn_blocking(move || {
            Precompressed::build_now(body, content_type, quality)
        })
        .await;
        match built {
            Ok(built) => built,
            // The compressing thread cannot fail short of a panic in the compressor; answered
            // uncompressed rather than not at all.
            Err(error) => {
                tracing::error!(%error, "compressing a response body failed");
                Precompressed::uncompressed(Vec::new(), kept_type)
            }
        }
    }

    fn build_now(body: Vec<u8>, content_type: HeaderValue, quality: u32) -> Precompressed {
        let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let gzip = gzip
            .write_all(&body)
            .and_then(|()| gzip.finish())
            .unwrap_or_default();
        let mut brotli = Vec::new();
        {
            let mut writer =
                brotli::CompressorWriter::new(&mut brotli, 64 * 1024, quality, BROTLI_WINDOW_BITS);
            if writer.write_all(&body).is_err() {
                drop(writer);
                brotli.clear();
            }
        }
        let mut built = Precompressed::uncompressed(body, content_type);
        built.gzip = Bytes::from(gzip);
        built.brotli = Bytes::from(brotli);
        built
    }

    fn uncompressed(body: Vec<u8>, content_type: HeaderValue) -> Precompressed {
        let digest = Sha256::digest(&body);
        let hash = digest[..12].iter().map(|b| format!("{b:02x}")).collect();
        Precompressed {
            identity: Bytes::from(body),
            gzip: Bytes::new(),
            brotli: Bytes::new(),
            hash,
            content_type,
        }
    }

    /// The uncompressed bytes.
    pub fn identity(&self) -> &Bytes {
        &self.identity
    }

    /// The bytes held in all encodings together.
    pub fn size(&self) -> usize {
        self.identity.len() + self.gzip.len() + self.brotli.len()
    }

    /// The entity tag of one encoding.
    pub fn etag(&self, encoding: Encoding) -> String {
        match encoding {
            Encoding::Brotli => format!("\"{}-br\"", self.hash),
            Encoding::Gzip => format!("\"{}-gz\"", self.hash),
            Encoding::Identity => format!("\"{}\"", self.hash),
        }
    }

    /// The answer to a GET with `request` headers: the best encoding the client takes, or 304
    /// when its `If-None-Match` names this content (in any encoding), with `cache_control`.
    pub fn respond(&self, request: &HeaderMap, cache_control: &'static str) -> Response {
        self.respond_with(request, HeaderValue::from_static(cache_control), None)
    }

    /// [`Precompressed::respond`] for a body that brings its own `validators` (entity tag and
    /// time of its last change), compared as their maker compares them; without, the body's
    /// own tags per encoding.
    pub fn respond_with(
        &self,
        request: &HeaderMap,
        cache_control: HeaderValue,
        validators: Option<&Validators>,
    ) -> Response {
        let encoding = preferred_encoding(request);
        let encoding = match encoding {
            Encoding::Brotli if self.brotli.is_empty() => Encoding::Identity,
            Encoding::Gzip if self.gzip.is_empty() => Encoding::Identity,
            chosen => chosen,
        };
        let current = match validators {
            Some(validators) => {
                client_copy_is_current(request, &validators.etag, validators.last_modified)
            }
            None => names_content(request, &self.hash),
        };
        let mut response = if current {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let body = match encoding {
                Encoding::Brotli => self.brotli.clone(),
                Encoding::Gzip => self.gzip.clone(),
                Encoding::Identity => self.identity.clone(),
            };
            let mut response = body.into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, self.content_type.clone());
            match encoding {
                Encoding::Brotli => {
                    response
                        .headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
                }
                Encoding::Gzip => {
                    response
                        .headers_mut()
                        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
                }
                Encoding::Identity => {}
            }
            response
        };
        let headers = response.headers_mut();
        let etag = match validators {
            Some(validators) => validators.etag.clone(),
            None => self.etag(encoding),
        };
        if let Ok(etag) = HeaderValue::from_str(&etag) {
            headers.insert(header::ETAG, etag);
        }
        headers.insert(header::CACHE_CONTROL, cache_control);
        headers.append(header::VARY, HeaderValue::from_static("Accept-Encoding"));
        response
    }
}

/// An answer's own validators: its (weak) entity tag, the same in every encoding, and when
/// what it shows last changed (Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validators {
    pub etag: String,
    pub last_modified: Option<i64>,
}

/// Whether the client's copy is current: `If-None-Match` names `etag` (weakly compared, or
/// `*`), or, without that header, `If-Modified-Since` is not before `last_modified`.
pub fn client_copy_is_current(headers: &HeaderMap, etag: &str, last_modified: Option<i64>) -> bool {
    let bare = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    if let Some(tags) = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        return tags
            .split(',')
            .any(|tag| tag.trim() == "*" || bare(tag) == bare(etag));
    }
    let Some(last_modified) = last_modified else {
        return false;
    };
    headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| chrono::DateTime::parse_from_rfc2822(v).ok())
        .is_some_and(|since| since.timestamp() >= last_modified)
}

/// Whether `If-None-Match` names the content of `hash` in any of its encodings (or `*`).
fn names_content(request: &HeaderMap, hash: &str) -> bool {
    request
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|tags| tags.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/").trim_matches('"'))
        .any(|tag| {
            tag == "*"
                || tag == hash
                || tag
                    .strip_prefix(hash)
                    .is_some_and(|suffix| matches!(suffix, "-br" | "-gz"))
        })
}

/// The best encoding `Accept-Encoding` allows: brotli, then gzip, else identity. A coding with
/// `q=0` is refused; `*` stands for any coding not named.
pub fn preferred_encoding(request: &HeaderMap) -> Encoding {
    let mut brotli = None;
    let mut gzip = None;
    let mut any = None;
    for value in request.get_all(header::ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let accepted = parts
                .filter_map(|parameter| {
                    let (name, value) = parameter.split_once('=')?;
                    (name.trim().eq_ignore_ascii_case("q")).then(|| value.trim().to_string())
                })
                .next_back()
                .is_none_or(|q| q.parse::<f32>().is_ok_and(|q| q > 0.0));
            match coding.as_str() {
                "br" => brotli = Some(accepted),
                "gzip" | "x-gzip" => gzip = Some(accepted),
                "*" => any = Some(accepted),
                _ => {}
            }
        }
    }
    if brotli.or(any) == Some(true) {
        Encoding::Brotli
    } else if gzip.or(any) == Some(true) {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn the_encoding_follows_accept_encoding() {
        let choose = |value| preferred_encoding(&headers(&[("accept-encoding", value)]));
        assert_eq!(choose("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(choose("gzip"), Encoding::Gzip);
        assert_eq!(choose("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(choose("identity"), Encoding::Identity);
        assert_eq!(choose("*"), Encoding::Brotli);
        assert_eq!(choose("br;q=0, *"), Encoding::Gzip);
        assert_eq!(choose("gzip;q=0, br;q=0"), Encoding::Identity);
        assert_eq!(preferred_encoding(&HeaderMap::new()), Encoding::Identity);
    }

    #[tokio::test]
    async fn each_encoding_decodes_to_the_body_and_a_known_tag_gets_304() {
        use std::io::Read;
        let body = br#"[{"id":1,"name":"Familienzentrum"}]"#.repeat(50);
        let built = Precompressed::build(body.clone(), "application/json").await;

        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&built.gzip[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, body);
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(&built.brotli[..], 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, body);
        assert!(built.brotli.len() < body.len() / 4);

        let answer = built.respond(&headers(&[("accept-encoding", "gzip, br")]), "no-cache");
        assert_eq!(answer.status(), StatusCode::OK);
        assert_eq!(answer.headers()[header::CONTENT_ENCODING], "br");
        let tag = answer.headers()[header::ETAG].to_str().unwrap().to_string();
        assert_eq!(tag, built.etag(Encoding::Brotli));

        // The tag of one encoding is current for a client asking in another.
        let mut again = headers(&[("accept-encoding", "gzip")]);
        again.insert(header::IF_NONE_MATCH, HeaderValue::from_str(&tag).unwrap());
        assert_eq!(
            built.respond(&again, "no-cache").status(),
            StatusCode::NOT_MODIFIED
        );
        let stale = headers(&[("if-none-match", "\"0123456789ab-br\"")]);
        assert_eq!(built.respond(&stale, "no-cache").status(), StatusCode::OK);
        assert!(
            built
                .respond(&HeaderMap::new(), "no-cache")
                .headers()
                .get(header::CONTENT_ENCODING)
                .is_none()
        );
    }
}
