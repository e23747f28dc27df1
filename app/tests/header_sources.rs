//! Input reaches a `Location` header only through the one checked door: server functions
//! redirect with `shared::local_path::redirect_to`, handlers that set `Location` themselves
//! build it with `local_path`. A new `leptos_axum::redirect` elsewhere would let a control
//! character or another site's address through (and panic the request on a bad byte).

use std::path::Path;

mod source_tree;
use source_tree::{rust_files, without_comments};

#[test]
fn redirects_go_through_the_checked_door() {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let door = source.join("shared").join("local_path.rs");
    let mut bypasses = Vec::new();
    for file in rust_files(&source) {
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        let code = without_comments(&text);
        if file != door && code.contains("leptos_axum::redirect(") {
            bypasses.push(format!("{}: leptos_axum::redirect", file.display()));
        }
        if code.contains("header::LOCATION") && !code.contains("local_path(") {
            bypasses.push(format!("{}: Location without local_path", file.display()));
        }
    }
    assert!(bypasses.is_empty(), "{bypasses:#?}");
}
