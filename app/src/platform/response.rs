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
