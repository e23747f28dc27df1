//! Where the site may send a visitor back to after a form or a switch: only a path on this site.

/// Stands for this site's origin while a path is resolved: what matters is whether the result
/// stays on the same origin, not which origin that is.
const OWN_ORIGIN: &str = "https://chancenkarte.invalid/";

/// A local path to continue to: `next` resolved against this site stays on it, or `/`.
/// Control characters are refused outright: browsers drop a tab or a line break from a
/// `Location`, which turns `/\t/evil.example` into `//evil.example`. The answer is the
/// resolved path, query and fragment, percent-encoded, so it is always a valid header value.
pub fn local_path(next: Option<&str>) -> String {
    next.and_then(resolve).unwrap_or_else(|| "/".to_string())
}

/// Sends a server function's answer to `path` on this site. The one place a server function
/// sets a `Location`: whatever went into `path`, only a checked local path reaches the header.
#[cfg(feature = "ssr")]
pub fn redirect_to(path: &str) {
    leptos_axum::redirect(&local_path(Some(path)));
}

fn resolve(next: &str) -> Option<String> {
    let next = next.trim_matches(' ');
    if !next.starts_with('/')
        || next.starts_with("//")
        || next.contains('\\')
        || next.chars().any(char::is_control)
    {
        return None;
    }
    let base = url::Url::parse(OWN_ORIGIN).ok()?;
    let resolved = base.join(next).ok()?;
    if resolved.origin() != base.origin() {
        return None;
    }
    let mut path = resolved.path().to_string();
    if path.starts_with("//") {
        return None;
    }
    if let Some(query) = resolved.query() {
        path.push('?');
        path.push_str(query);
    }
    if let Some(fragment) = resolved.fragment() {
        path.push('#');
        path.push_str(fragment);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path(Some("/netzwerk?q=anna")), "/netzwerk?q=anna");
        assert_eq!(
            local_path(Some("/angebot/3#bearbeiten")),
            "/angebot/3#bearbeiten"
        );
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(None), "/");
    }

    #[test]
    fn control_characters_cannot_smuggle_in_another_host() {
        for sneaky in [
            "/\t/evil.example/x",
            "/\n/evil.example/x",
            "/\r/evil.example",
            "\t//evil.example",
            "/\u{0}/evil.example",
            "/\u{7f}/evil.example",
        ] {
            assert_eq!(local_path(Some(sneaky)), "/", "{sneaky:?}");
        }
    }

    #[test]
    fn the_answer_is_a_valid_header_value_on_this_site() {
        assert_eq!(local_path(Some("/?ort=Dülmen")), "/?ort=D%C3%BClmen");
        assert_eq!(local_path(Some("/a/../../x")), "/x");
        assert_eq!(
            local_path(Some("/%2F%2Fevil.example")),
            "/%2F%2Fevil.example"
        );
        for path in ["/?ort=Dülmen", "/a b", "/x?y=\"z\""] {
            let answer = local_path(Some(path));
            assert!(
                axum::http::HeaderValue::from_str(&answer).is_ok() && answer.is_ascii(),
                "{answer}"
            );
        }
    }
}
