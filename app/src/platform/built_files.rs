//! The names of the files cargo-leptos built into the site's `pkg` folder. With `hash-files`
//! they carry their content's hash (`chancenkarte.<hash>.css`), listed in the hash file the
//! Leptos options name; Leptos' `HydrationScripts` finds the JS and Wasm there, the shell the
//! style sheet through [`stylesheet_href`].

use std::sync::OnceLock;

use leptos::config::LeptosOptions;

/// The style sheet's URL: `/pkg/chancenkarte.<hash>.css` when the build named the files by
/// their hash, `/pkg/chancenkarte.css` otherwise. Read once per process.
pub fn stylesheet_href(options: &LeptosOptions) -> &'static str {
    static HREF: OnceLock<String> = OnceLock::new();
    HREF.get_or_init(|| {
        let hash = hash_of(options, "css")
            .map(|hash| format!(".{hash}"))
            .unwrap_or_default();
        format!(
            "/{}/{}{hash}.css",
            options.site_pkg_dir, options.output_name
        )
    })
}

/// Where the style sheet [`stylesheet_href`] names lies in the built site.
pub fn stylesheet_file(options: &LeptosOptions) -> std::path::PathBuf {
    std::path::Path::new(options.site_root.as_ref())
        .join(stylesheet_href(options).trim_start_matches('/'))
}

/// The hash of the built file of `kind` (`js`, `wasm`, `css`) from the hash file, where
/// Leptos reads it: the path relative to the server binary's folder (an absolute path stands
/// for itself).
fn hash_of(options: &LeptosOptions, kind: &str) -> Option<String> {
    if !options.hash_files {
        return None;
    }
    let folder = std::env::current_exe().ok()?.parent()?.to_path_buf();
    let text = std::fs::read_to_string(folder.join(options.hash_file.as_ref())).ok()?;
    hash_in(&text, kind)
}

/// The hash of `kind` in the text of a hash file (`css: <hash>` lines).
pub fn hash_in(text: &str, kind: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (name, hash) = line.split_once(':')?;
        (name.trim() == kind).then(|| hash.trim().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::hash_in;

    #[test]
    fn the_hash_file_names_each_kind() {
        let text = "js: AAA\nwasm: BBB\ncss: CCC\nmanifest: DDD\nsplit: EEE\n";
        assert_eq!(hash_in(text, "css").as_deref(), Some("CCC"));
        assert_eq!(hash_in(text, "wasm").as_deref(), Some("BBB"));
        assert_eq!(hash_in(text, "png"), None);
    }
}
