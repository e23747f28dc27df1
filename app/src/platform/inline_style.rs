//! The map page's style sheets (Leaflet's and the site's) as one `<style>` in its HTML: the
//! first view can paint once the HTML is there, one round trip sooner than after fetching two
//! linked sheets (on Slow 4G one round trip is about half a second). Every other page links the
//! site's sheet, which browsers keep for a year under its hashed name.

use std::path::Path;

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// The CSS text the map page carries inline, and the CSP source that allows exactly it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineStyle {
    /// Leaflet's rules first, then the site's, so the site's win where both style an element
    /// (the order the linked sheets had).
    pub text: String,
    /// `'sha256-…'` of `text`, for `style-src`: the page needs no nonce for it and a kept page
    /// stays valid for every visitor.
    pub csp_source: String,
}

impl InlineStyle {
    /// Leaflet's sheet (served under `leaflet_url`) and the site's, read from the built files;
    /// `None` (the page then links both) if one cannot be read.
    pub fn read(leaflet_css: &Path, site_css: &Path, leaflet_url: &str) -> Option<InlineStyle> {
        let leaflet = std::fs::read_to_string(leaflet_css).ok()?;
        let site = std::fs::read_to_string(site_css).ok()?;
        InlineStyle::of(&leaflet, &site, leaflet_url)
    }

    /// The two sheets as one text. Leaflet's relative `url(…)`s (its control and marker
    /// images) are made absolute, because inline they would resolve against the page's
    /// address. `None` for a sheet that would end the `<style>` element early.
    pub fn of(leaflet: &str, site: &str, leaflet_url: &str) -> Option<InlineStyle> {
        let text = format!(
            "{}\n{}",
            with_absolute_urls(leaflet.trim(), leaflet_url),
            site.trim()
        );
        // The browser hashes the element's text as its HTML parser read it, with every line
        // ending made a line feed (Leaflet's sheet ends its lines with CR LF).
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if text.to_ascii_lowercase().contains("</style") {
            return None;
        }
        let digest = Sha256::digest(text.as_bytes());
        let csp_source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        );
        Some(InlineStyle { text, csp_source })
    }
}

/// `css` with every relative `url(…)` target prefixed by `base` (`images/a.png` →
/// `/vendor/leaflet/images/a.png`); absolute paths, `data:` and other schemes and fragments
/// stay as they are.
fn with_absolute_urls(css: &str, base: &str) -> String {
    let mut out = String::with_capacity(css.len() + 256);
    let mut rest = css;
    while let Some(at) = rest.find("url(") {
        let (before, after) = rest.split_at(at + "url(".len());
        out.push_str(before);
        let target = after.trim_start_matches(['"', '\'']);
        out.push_str(&after[..after.len() - target.len()]);
        let relative = !(target.starts_with('/')
            || target.starts_with('#')
            || target
                .split_once(':')
                .is_some_and(|(scheme, _)| !scheme.contains(['/', ')'])));
        if relative {
            out.push_str(base.trim_end_matches('/'));
            out.push('/');
        }
        rest = target;
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaflets_images_are_found_from_any_page() {
        let css = ".a{background-image:url(images/layers.png)}\
                   .b{background-image:url(\"images/x.png\")}.c{background:url('../y.svg')}\
                   .d{background:url(data:image/png;base64,AAA)}.e{background:url(/z.png)}\
                   .f{mask:url(#m)}.g{background:url(https://example.org/t.png)}";
        let out = with_absolute_urls(css, "/vendor/leaflet");
        assert!(out.contains("url(/vendor/leaflet/images/layers.png)"));
        assert!(out.contains("url(\"/vendor/leaflet/images/x.png\")"));
        assert!(out.contains("url('/vendor/leaflet/../y.svg')"));
        assert!(out.contains("url(data:image/png;base64,AAA)"));
        assert!(out.contains("url(/z.png)") && out.contains("url(#m)"));
        assert!(out.contains("url(https://example.org/t.png)"));
    }

    #[test]
    fn leaflets_rules_come_first_and_the_hash_is_of_the_text() {
        let style = InlineStyle::of(".leaflet-pane{z-index:400}", "main{margin:0}", "/v").unwrap();
        assert_eq!(style.text, ".leaflet-pane{z-index:400}\nmain{margin:0}");
        let digest = Sha256::digest(style.text.as_bytes());
        let expected = base64::engine::general_purpose::STANDARD.encode(digest);
        assert_eq!(style.csp_source, format!("'sha256-{expected}'"));
    }

    #[test]
    fn line_endings_are_hashed_as_the_browser_reads_them() {
        let style = InlineStyle::of("a{}\r\nb{}\rc{}", "d{}", "/v").unwrap();
        assert_eq!(style.text, "a{}\nb{}\nc{}\nd{}");
    }

    #[test]
    fn a_sheet_that_would_close_the_element_is_not_inlined() {
        assert_eq!(InlineStyle::of("a{}", "b{content:'</STYLE>'}", "/v"), None);
    }
}
