//! The house's rules, read from the source: no file imports, directly or
//! round about, a file that imports it; the content layer (`src/content`)
//! uses neither Bevy nor the rest of the app; and nothing of the app uses
//! an entry point (the command line, the web start, stills, benchmarks,
//! the handout).
//!
//! A file's imports are the `crate::`, `super::` and `self::` paths it
//! names (in `use` items and inline) and the child modules its `use` items
//! name, each resolved to the file that defines the longest prefix of the
//! path; `mod child;` alone is not an import, and unit tests (after
//! `#[cfg(test)]`) are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path: `["ui", "access"]` for `src/ui/access.rs`.
type Module = Vec<String>;

/// Every `.rs` file under `src/`, by module path.
fn modules() -> BTreeMap<Module, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![];
    walk(&src, &mut files);
    files
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(&src).unwrap().with_extension("");
            let mut module: Module = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            (module, path)
        })
        .collect()
}

/// The source without comments and without its unit tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("a source file is readable");
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree names: `a::{b, c::{d, e}}` gives `a::b`,
/// `a::c::d` and `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or_default().trim();
        return vec![path.trim_end_matches("::*").to_string()];
    };
    let prefix = tree[..open].trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut parts = vec![];
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .flat_map(expand)
        .map(|p| match p.as_str() {
            "self" => prefix.to_string(),
            _ => format!("{prefix}::{p}"),
        })
        .collect()
}

/// The file a path in `from` names: the longest prefix that is a module.
fn resolve(
    from: &Module,
    path: &str,
    files: &BTreeMap<Module, PathBuf>,
    relative: bool,
) -> Option<Module> {
    let segments: Vec<&str> = path
        .split("::")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let (mut base, rest): (Module, &[&str]) = match segments.first()? {
        &"crate" => (vec![], &segments[1..]),
        &"self" => (from.clone(), &segments[1..]),
        &"super" => {
            let mut base = from.clone();
            let mut i = 0;
            while segments.get(i) == Some(&"super") {
                base.pop();
                i += 1;
            }
            (base, &segments[i..])
        }
        first if relative => {
            let mut child = from.clone();
            child.push(first.to_string());
            if !files.contains_key(&child) {
                return None;
            }
            (from.clone(), &segments[..])
        }
        _ => return None,
    };
    base.extend(rest.iter().map(|s| s.to_string()));
    (0..=base.len())
        .rev()
        .map(|n| base[..n].to_vec())
        .find(|m| files.contains_key(m))
}

/// Each file's imports, as files.
fn imports() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = modules();
    let mut graph = BTreeMap::new();
    for (module, path) in &files {
        let code = code(path);
        let mut out = BTreeSet::new();
        // `use` items, which may name child modules without a prefix.
        let mut rest = code.as_str();
        while let Some(at) = rest.find("use ") {
            let before = rest[..at].chars().last();
            rest = &rest[at + 4..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let end = rest.find(';').unwrap_or(rest.len());
            for path in expand(&rest[..end]) {
                if let Some(target) = resolve(module, &path, &files, true) {
                    out.insert(target);
                }
            }
        }
        // Paths written inline.
        for start in ["crate::", "super::", "self::"] {
            for (at, _) in code.match_indices(start) {
                let before = code[..at].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String = code[at..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                // `super::{a, b}`: the `use` items above read those.
                if path.ends_with("::") {
                    continue;
                }
                if let Some(target) = resolve(module, &path, &files, false) {
                    out.insert(target);
                }
            }
        }
        out.remove(module);
        graph.insert(module.clone(), out);
    }
    graph
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "lib".into()
    } else {
        module.join("/")
    }
}

/// A cycle through `start`, if there is one, as the files in order.
fn cycle_from(start: &Module, graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    let mut path = vec![start.clone()];
    let mut seen = BTreeSet::new();
    fn dfs(
        at: &Module,
        start: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        path: &mut Vec<Module>,
        seen: &mut BTreeSet<Module>,
    ) -> bool {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if dfs(next, start, graph, path, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    dfs(start, start, graph, &mut path, &mut seen).then_some(path)
}

#[test]
fn no_file_imports_a_file_that_imports_it() {
    let graph = imports();
    assert!(graph.len() > 50, "the source was not found: {graph:?}");
    // The reader itself: a known circle is found.
    let mut circle = graph.clone();
    let a: Module = vec!["ui".into(), "paint".into()];
    let b: Module = vec!["ui".into(), "widgets".into()];
    circle.entry(a.clone()).or_default().insert(b.clone());
    circle.entry(b.clone()).or_default().insert(a.clone());
    assert!(cycle_from(&a, &circle).is_some());
    // And the house has none.
    let circles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_from(m, &graph))
        .map(|c| c.iter().map(name).collect::<Vec<_>>().join(" -> "))
        .collect();
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_content_layer_uses_neither_bevy_nor_the_app() {
    let graph = imports();
    let content: Vec<(&Module, &BTreeSet<Module>)> = graph
        .iter()
        .filter(|(m, _)| m.first().is_some_and(|s| s == "content"))
        .collect();
    assert!(content.len() >= 10, "{content:?}");
    for (module, targets) in content {
        for target in targets {
            assert!(
                target.first().is_some_and(|s| s == "content"),
                "{} imports {}",
                name(module),
                name(target)
            );
        }
        let path = modules()[module].clone();
        assert!(
            !code(&path).contains("bevy"),
            "{} names Bevy",
            path.display()
        );
    }
}

#[test]
fn nothing_of_the_app_uses_an_entry_point() {
    const ENTRIES: [&str; 6] = ["cli", "web", "stills", "bench", "handout", "main"];
    let is_entry = |m: &Module| m.is_empty() || ENTRIES.contains(&m[0].as_str());
    let graph = imports();
    for (module, targets) in &graph {
        if is_entry(module) {
            continue;
        }
        for target in targets {
            assert!(
                !is_entry(target),
                "{} uses the entry point {}",
                name(module),
                name(target)
            );
        }
    }
}

#[test]
fn use_trees_expand_into_their_paths() {
    assert_eq!(
        expand("crate::a::{b, c::{d, e as f}, self}"),
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "crate::a"
        ]
    );
    assert_eq!(expand("super::state::*"), ["super::state"]);
}
