//! JSON for data sent to the browser, decoded there by the browser's own `JSON.parse`.
//!
//! The server writes plain JSON (so `/api/…` stays a readable JSON API). The browser does not
//! link a JSON parser of its own: `serde_json`'s decoder, monomorphised for every transfer
//! type, was the largest single part of the Wasm bundle.

use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;
use server_fn::codec::Post;
use server_fn::{ContentType, Decodes, Encodes, Format, FormatType};

/// The encoding of server function results: JSON, decoded with `JSON.parse` in the browser.
pub struct BrowserJson;

/// Server function output in [`BrowserJson`] (the name `Post` is server_fn's; the input
/// encoding, and so the HTTP method, is chosen separately).
pub type JsonResult = Post<BrowserJson>;

impl ContentType for BrowserJson {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for BrowserJson {
    const FORMAT_TYPE: Format = Format::Text;
}

/// JSON text for any serialisable value; only the server writes these.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    #[cfg(feature = "ssr")]
    {
        serde_json::to_string(value).map_err(|error| error.to_string())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = value;
        Err("JSON wird nur auf dem Server geschrieben".to_string())
    }
}

/// Decodes JSON text: with `JSON.parse` in the browser, with `serde_json` elsewhere.
pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    #[cfg(feature = "hydrate")]
    {
        let value = js_sys::JSON::parse(text).map_err(|_| "ungültiges JSON".to_string())?;
        serde_wasm_bindgen::from_value(value).map_err(|error| error.to_string())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }
}

/// JSON placed inside an HTML `<script type="application/json">`: every `<` is escaped, so the
/// text can never close the script element, whatever an offer's description contains.
pub fn to_script_json<T: Serialize>(value: &T) -> Result<String, String> {
    to_json(value).map(|json| json.replace('<', "\\u003c"))
}

impl<T: Serialize> Encodes<T> for BrowserJson {
    type Error = String;

    fn encode(output: &T) -> Result<Bytes, String> {
        to_json(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for BrowserJson {
    type Error = String;

    fn decode(bytes: Bytes) -> Result<T, String> {
        let text = std::str::from_utf8(&bytes).map_err(|error| error.to_string())?;
        from_json(text)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let json = to_script_json(&"</script><script>alert(1)</script>").unwrap();
        assert!(!json.contains('<'), "{json}");
        let back: String = from_json(&json).unwrap();
        assert_eq!(back, "</script><script>alert(1)</script>");
    }

    #[test]
    fn round_trips_through_json() {
        let value = vec![(1_i64, "Frühe Hilfen".to_string())];
        let back: Vec<(i64, String)> = from_json(&to_json(&value).unwrap()).unwrap();
        assert_eq!(back, value);
    }
}
