//! The top-level modules of `app/src` (one folder per feature, plus `platform`, `shared`,
//! `shell` and the composition in `storage.rs`) depend on each other without cycles: a feature
//! can be read, changed and tested from its folder down, never needing the code above it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

mod source_tree;
use source_tree::{rust_files, without_comments};

/// The top-level modules named as `crate::<name>` in `source`, comments left out.
fn named_modules(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let code = without_comments(source);
    for line in code.lines() {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// Which top-level module depends on which, read from the sources below `src`.
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(src) {
        let relative = file.strip_prefix(src).expect("a file below src");
        let first = relative.components().next().expect("a path");
        let module = Path::new(first.as_os_str())
            .file_stem()
            .expect("a name")
            .to_string_lossy()
            .to_string();
        if module == "lib" {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("a readable source file");
        let targets = graph.entry(module.clone()).or_default();
        targets.extend(
            named_modules(&source)
                .into_iter()
                .filter(|name| *name != module),
        );
    }
    graph
}

/// A cycle through `start`, as the path of modules, if there is one.
fn cycle_through(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![start.to_string()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().expect("a non-empty path");
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn top_level_modules_have_no_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = module_graph(&src);
    assert!(graph.len() > 10, "the modules were found: {graph:?}");
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|module| cycle_through(&graph, module))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_check_sees_a_cycle() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("offers", vec!["platform"]),
        ("platform", vec!["shared", "offers"]),
        ("shared", vec![]),
    ]
    .into_iter()
    .map(|(module, targets)| {
        (
            module.to_string(),
            targets.into_iter().map(str::to_string).collect(),
        )
    })
    .collect();
    assert_eq!(
        cycle_through(&graph, "offers"),
        Some(vec!["offers".into(), "platform".into(), "offers".into()])
    );
    assert_eq!(cycle_through(&graph, "shared"), None);
    assert_eq!(
        named_modules("use crate::offers::model; // crate::shell\nlet x = crate::shared::f();"),
        ["offers".to_string(), "shared".to_string()].into()
    );
}
