//! The map of docs/ARCHITECTURE.md checked against the code: every path
//! into another module (`use crate::x::...`, `crate::x::` in code, the
//! crate root's `x::`, the binary's `teamcost::x::`) of every file under
//! src/, by top module, against the layer table there. An import of a
//! module on the same layer or above fails, and so does a cycle, each named
//! by file, line and the two modules; the imports the map records as
//! breaking it today are allowed, and only while they are still there.
//!
//! Test code (a file declared under `#[cfg(test)]`, or an item under it)
//! may use any module to build its fixtures, and is not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The binary (`src/main.rs` and `src/cli/`): a crate of its own above
/// the library, reaching it through `teamcost::`.
const BINARY: &str = "cli";
/// The crate root, `src/lib.rs`: its own items (`crate::estimate`) and
/// the modules it reaches.
const ROOT: &str = "lib";

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One path from a file into another top module.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    /// `src/...`, relative to the repository.
    file: String,
    line: usize,
    from: String,
    to: String,
}

impl Import {
    fn place(&self) -> String {
        format!("{}:{}: {} -> {}", self.file, self.line, self.from, self.to)
    }
}

// ---------------------------------------------------------------- the map

/// The rows of the first Markdown table of `doc` whose header starts with
/// the given cells, each row split into its cells.
fn table_rows(doc: &str, header: &[&str]) -> Vec<Vec<String>> {
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut lines = doc.lines().skip_while(|l| {
        let c = cells(l);
        !(l.trim_start().starts_with('|')
            && c.len() >= header.len()
            && c.iter().zip(header).all(|(a, b)| a.eq_ignore_ascii_case(b)))
    });
    assert!(
        lines.next().is_some(),
        "docs/ARCHITECTURE.md has no table | {} |",
        header.join(" | ")
    );
    lines
        .skip(1) // |---|---|
        .take_while(|l| l.trim_start().starts_with('|'))
        .map(cells)
        .collect()
}

/// The first `word` in backticks of a cell: "`engine` (src/engine/)" is engine.
fn ticked(cell: &str) -> String {
    cell.split('`').nth(1).unwrap_or(cell).trim().to_string()
}

/// Module -> layer, from `| module | layer | what it owns |`.
fn layers(doc: &str) -> BTreeMap<String, u32> {
    let mut map = BTreeMap::new();
    for row in table_rows(doc, &["module", "layer"]) {
        let module = ticked(&row[0]);
        let layer = row[1]
            .parse()
            .unwrap_or_else(|_| panic!("layer of `{module}` is `{}`, not a number", row[1]));
        assert!(
            map.insert(module.clone(), layer).is_none(),
            "`{module}` is in the layer table twice"
        );
    }
    map
}

/// (file, from, to) of `| file | from | to | ... |`: the imports that break
/// the map today.
fn known_breaks(doc: &str) -> BTreeSet<(String, String, String)> {
    table_rows(doc, &["file", "from", "to"])
        .into_iter()
        .map(|row| (ticked(&row[0]), ticked(&row[1]), ticked(&row[2])))
        .collect()
}

// ---------------------------------------------------------------- the code

/// The text with comments, strings and character literals blanked out
/// (newlines kept), so only code is read.
fn code_of(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, ch: char| out.push(if ch == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            let mut depth = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
        } else if c[i] == 'r' && matches!(next, Some('"' | '#')) && (i == 0 || !ident_char(c[i - 1])) {
            // r"..." or r#"..."#
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let end: Vec<char> = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            for _ in i..=j {
                out.push(' ');
            }
            i = j + 1;
            while i < c.len() && !c[i..].starts_with(&end) {
                blank(&mut out, c[i]);
                i += 1;
            }
            for _ in 0..end.len().min(c.len() - i) {
                out.push(' ');
            }
            i += end.len();
        } else if c[i] == '"' {
            out.push(' ');
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < c.len() {
                    blank(&mut out, c[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c[i] == '\'' && (next == Some('\\') || c.get(i + 2) == Some(&'\'')) {
            // a character literal ('x', '\n', '\''); a lifetime has no closing quote
            let mut j = i + 2;
            while j < c.len() && c[j] != '\'' {
                j += 1;
            }
            for _ in i..=j.min(c.len() - 1) {
                out.push(' ');
            }
            i = j + 1;
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The end (exclusive, in chars) of the item that starts at `start`: the
/// first `;` outside brackets, or the `}` that closes its first `{`.
fn item_end(c: &[char], start: usize) -> usize {
    let mut depth = 0i32;
    let mut i = start;
    while i < c.len() {
        match c[i] {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            ';' if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    c.len()
}

/// The code of a file with every `#[cfg(test)]` item blanked out, and the
/// names of the modules declared under it (`#[cfg(test)] mod tests;`).
fn production(code: &str) -> (String, Vec<String>) {
    let mut c: Vec<char> = code.chars().collect();
    let attr: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut test_mods = Vec::new();
    let mut i = 0;
    while i + attr.len() <= c.len() {
        if c[i..i + attr.len()] != attr[..] {
            i += 1;
            continue;
        }
        let end = item_end(&c, i + attr.len());
        let item: String = c[i + attr.len()..end].iter().collect();
        let words: Vec<&str> = item
            .split(|ch: char| !ident_char(ch))
            .filter(|w| !w.is_empty())
            .collect();
        if item.trim_end().ends_with(';')
            && let Some(at) = words.iter().position(|w| *w == "mod")
            && let Some(name) = words.get(at + 1)
        {
            test_mods.push(name.to_string());
        }
        for ch in &mut c[i..end] {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
        i = end;
    }
    (c.into_iter().collect(), test_mods)
}

/// The `src/` files of the package and their top modules, test-only files
/// left out.
fn sources() -> Vec<(PathBuf, String)> {
    let src = repo().join("src");
    let mut files = Vec::new();
    // (file, whether it is a module root whose children sit beside it)
    let mut todo = vec![src.join("lib.rs"), src.join("main.rs")];
    let mut test_only = BTreeSet::new();
    while let Some(file) = todo.pop() {
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let (_, test_mods) = production(&code_of(&text));
        let rel = file.strip_prefix(&src).expect("under src").to_path_buf();
        let dir = match rel.file_name().and_then(|n| n.to_str()) {
            Some("lib.rs" | "main.rs" | "mod.rs") => file.parent().expect("dir").to_path_buf(),
            _ => file.with_extension(""),
        };
        for name in declared_mods(&text) {
            let child = [dir.join(format!("{name}.rs")), dir.join(&name).join("mod.rs")]
                .into_iter()
                .find(|p| p.exists());
            let Some(child) = child else { continue };
            if test_mods.contains(&name) || test_only.contains(&file) {
                test_only.insert(child.clone());
            }
            todo.push(child);
        }
        if !test_only.contains(&file) {
            files.push((file.clone(), top_module(&rel)));
        }
    }
    files.sort();
    files
}

/// Every `mod name;` of a file (test ones too).
fn declared_mods(text: &str) -> Vec<String> {
    let code = code_of(text);
    code.split(';')
        .filter_map(|stmt| {
            let words: Vec<&str> = stmt
                .split(|ch: char| !ident_char(ch))
                .filter(|w| !w.is_empty())
                .collect();
            // the statement ends with `mod name`: `pub(crate) mod tests;`
            match words.as_slice() {
                [.., "mod", name] if !stmt.contains('{') || stmt.rfind('}') < stmt.rfind("mod") => {
                    Some(name.to_string())
                }
                _ => None,
            }
        })
        .collect()
}

/// `engine/seat.rs` is in `engine`, `audit.rs` in `audit`, `lib.rs` is the
/// root, `main.rs` and `cli/` the binary.
fn top_module(rel: &Path) -> String {
    let first = rel
        .components()
        .next()
        .expect("a path")
        .as_os_str()
        .to_string_lossy();
    match first.as_ref() {
        "lib.rs" => ROOT.into(),
        "main.rs" | "cli" => BINARY.into(),
        name => name.trim_end_matches(".rs").into(),
    }
}

/// The names `src/lib.rs` re-exports, each with the module it comes from:
/// `pub use rates::{Catalog, Layers};` makes `crate::Catalog` a path into
/// `rates`.
fn reexports(lib: &str, modules: &BTreeSet<String>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for stmt in code_of(lib).split(';') {
        let stmt = stmt.trim();
        let Some(path) = stmt.strip_prefix("pub use ") else {
            continue;
        };
        let path = path.trim_start_matches("crate::");
        let Some((module, rest)) = path.split_once("::") else {
            continue;
        };
        if !modules.contains(module) {
            continue;
        }
        let names = rest.rsplit("::").next().unwrap_or(rest);
        for name in names.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.split(" as ").last().unwrap_or(name).trim();
            if !name.is_empty() {
                map.insert(name.to_string(), module.to_string());
            }
        }
    }
    map
}

/// Every path of one file into another top module.
fn imports_of(
    rel: &str,
    text: &str,
    module: &str,
    modules: &BTreeSet<String>,
    reexported: &BTreeMap<String, String>,
) -> Vec<Import> {
    let (code, _) = production(&code_of(text));
    let c: Vec<char> = code.chars().collect();
    let line_at = |i: usize| c[..i].iter().filter(|ch| **ch == '\n').count() + 1;
    let top_level = !rel.contains('/') || rel.ends_with("/mod.rs");
    // the words that start a path into the library from this file
    let heads: &[&str] = match module {
        BINARY => &["teamcost"],
        _ if top_level => &["crate", "super"],
        _ => &["crate"],
    };
    let resolve = |name: &str| -> String {
        if modules.contains(name) {
            name.to_string()
        } else if let Some(m) = reexported.get(name) {
            m.clone()
        } else {
            ROOT.to_string()
        }
    };
    let mut found = Vec::new();
    let mut push = |to: String, at: usize| {
        if to != module {
            found.push(Import {
                file: format!("src/{rel}"),
                line: line_at(at),
                from: module.to_string(),
                to,
            });
        }
    };
    let mut i = 0;
    while i < c.len() {
        let starts_word = i == 0 || !(ident_char(c[i - 1]) || (c[i - 1] == ':' && i >= 2 && c[i - 2] == ':'));
        if !starts_word || !ident_char(c[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < c.len() && ident_char(c[j]) {
            j += 1;
        }
        let word: String = c[i..j].iter().collect();
        let mut k = j;
        while k < c.len() && c[k].is_whitespace() {
            k += 1;
        }
        let is_path = c.get(k) == Some(&':') && c.get(k + 1) == Some(&':');
        if !is_path {
            i = j;
            continue;
        }
        if module == ROOT && modules.contains(&word) && word != ROOT {
            // the crate root names its modules directly: `team::seats(..)`
            push(word, i);
            i = j;
            continue;
        }
        if !heads.contains(&word.as_str()) {
            i = j;
            continue;
        }
        let mut k = k + 2;
        while k < c.len() && c[k].is_whitespace() {
            k += 1;
        }
        if c.get(k) == Some(&'{') {
            // crate::{a::b, c}: the first word of each part at the top level
            let end = item_end(&c, k);
            let inner: String = c[k + 1..end.saturating_sub(1)].iter().collect();
            let mut depth = 0;
            let mut part = String::new();
            let mut parts = Vec::new();
            for ch in inner.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        parts.push(std::mem::take(&mut part));
                        continue;
                    }
                    _ => {}
                }
                part.push(ch);
            }
            parts.push(part);
            for part in parts {
                let name: String = part.trim().chars().take_while(|ch| ident_char(*ch)).collect();
                if !name.is_empty() && name != "self" {
                    push(resolve(&name), i);
                }
            }
            i = end;
        } else {
            let mut e = k;
            while e < c.len() && ident_char(c[e]) {
                e += 1;
            }
            let name: String = c[k..e].iter().collect();
            if !name.is_empty() {
                push(resolve(&name), i);
            }
            i = e;
        }
    }
    found
}

/// Every import between top modules in the production code under src/.
fn imports() -> (BTreeSet<String>, Vec<Import>) {
    let files = sources();
    let modules: BTreeSet<String> = files.iter().map(|(_, m)| m.clone()).collect();
    let lib = std::fs::read_to_string(repo().join("src/lib.rs")).expect("src/lib.rs");
    let reexported = reexports(&lib, &modules);
    let mut all = Vec::new();
    for (file, module) in &files {
        let rel = file
            .strip_prefix(repo().join("src"))
            .expect("under src")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(file).expect("source");
        all.extend(imports_of(&rel, &text, module, &modules, &reexported));
    }
    all.sort();
    all.dedup();
    (modules, all)
}

/// The modules of every cycle among `edges` (strongly connected components
/// of two or more modules), each sorted.
fn cycles(edges: &BTreeSet<(String, String)>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
    let reaches = |from: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(n) = todo.pop() {
            for (a, b) in edges {
                if *a == n && seen.insert(b.clone()) {
                    todo.push(b.clone());
                }
            }
        }
        seen
    };
    let reach: BTreeMap<&String, BTreeSet<String>> = nodes.iter().map(|n| (*n, reaches(n))).collect();
    let mut found: Vec<Vec<String>> = Vec::new();
    for n in &nodes {
        let mut scc: Vec<String> = nodes
            .iter()
            .filter(|m| reach[*n].contains(**m) && reach[*m].contains(*n))
            .map(|m| (*m).clone())
            .collect();
        scc.sort();
        if scc.len() > 1 && !found.contains(&scc) {
            found.push(scc);
        }
    }
    found
}

fn architecture() -> String {
    std::fs::read_to_string(repo().join("docs/ARCHITECTURE.md")).expect("docs/ARCHITECTURE.md")
}

// ---------------------------------------------------------------- the tests

#[test]
fn every_module_is_on_the_map_and_every_row_is_a_module() {
    let map = layers(&architecture());
    let (modules, _) = imports();
    let missing: Vec<_> = modules.iter().filter(|m| !map.contains_key(*m)).collect();
    let stale: Vec<_> = map.keys().filter(|m| !modules.contains(*m)).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/ARCHITECTURE.md's layer table: modules with no row {missing:?}; rows with no module {stale:?}"
    );
}

#[test]
fn imports_only_run_downwards_except_the_breaks_the_map_records() {
    let doc = architecture();
    let map = layers(&doc);
    let known = known_breaks(&doc);
    let (_, imports) = imports();
    assert!(
        imports.len() > 50,
        "the scan found only {} imports",
        imports.len()
    );
    let layer = |m: &str| map.get(m).copied().unwrap_or(u32::MAX);
    let mut upward = Vec::new();
    let mut seen_known = BTreeSet::new();
    for i in &imports {
        if layer(&i.to) < layer(&i.from) {
            continue;
        }
        let key = (i.file.clone(), i.from.clone(), i.to.clone());
        if known.contains(&key) {
            seen_known.insert(key);
            continue;
        }
        upward.push(format!(
            "{} (layer {} imports layer {})",
            i.place(),
            layer(&i.from),
            layer(&i.to)
        ));
    }
    let gone: Vec<_> = known.difference(&seen_known).collect();
    assert!(
        upward.is_empty() && gone.is_empty(),
        "imports of a module on the same layer or above:\n  {}\nrecorded as breaking the map but no longer there (take them out of docs/ARCHITECTURE.md): {gone:?}",
        upward.join("\n  ")
    );
}

#[test]
fn no_cycles_apart_from_the_breaks_the_map_records() {
    let doc = architecture();
    let known = known_breaks(&doc);
    let (_, imports) = imports();
    let counted: Vec<&Import> = imports
        .iter()
        .filter(|i| !known.contains(&(i.file.clone(), i.from.clone(), i.to.clone())))
        .collect();
    let edges: BTreeSet<(String, String)> = counted.iter().map(|i| (i.from.clone(), i.to.clone())).collect();
    let found = cycles(&edges);
    let report: Vec<String> = found
        .iter()
        .map(|scc| {
            let within: Vec<String> = counted
                .iter()
                .filter(|i| scc.contains(&i.from) && scc.contains(&i.to))
                .map(|i| i.place())
                .collect();
            format!("{}:\n    {}", scc.join(" <-> "), within.join("\n    "))
        })
        .collect();
    assert!(
        report.is_empty(),
        "cycles between modules:\n  {}",
        report.join("\n  ")
    );
}

// ---------------------------------------------------------------- the reader itself

#[test]
fn the_reader_finds_paths_in_code_and_not_in_comments_strings_or_tests() {
    let modules: BTreeSet<String> = ["engine", "rates", "scenario", "money", "team", "lib"]
        .map(String::from)
        .into();
    let reexported = BTreeMap::from([("Layers".to_string(), "rates".to_string())]);
    let text = r##"//! see crate::team::seats
use crate::engine::seat::{Terms, weeks_to_months};
use crate::{money::Currency, scenario::{Scenario, Seat}};
/// [`crate::team`] in a doc comment
fn f() {
    let s = "crate::team in a string";
    let r = r#"crate::team in a raw string"#;
    let q = '"';
    let x = crate::Layers::new(crate::estimate(q));
    let own = crate::rates::RateKey::default(); /* crate::team */
}
#[cfg(test)]
mod tests {
    use crate::team::seats;
}
#[cfg(test)]
use crate::team;
"##;
    let found: Vec<(usize, String)> = imports_of("rates/x.rs", text, "rates", &modules, &reexported)
        .into_iter()
        .map(|i| (i.line, i.to))
        .collect();
    let want = [(2, "engine"), (3, "money"), (3, "scenario"), (9, "lib")];
    let want: Vec<(usize, String)> = want.iter().map(|(l, m)| (*l, m.to_string())).collect();
    // crate::Layers is a re-export of rates: rates' own, not an import
    assert_eq!(found, want);
    // the root names modules without `crate::`
    let root = "pub use rates::Layers;\npub fn e() { team::seats(); engine::estimate() }";
    let found: Vec<String> = imports_of("lib.rs", root, "lib", &modules, &reexported)
        .into_iter()
        .map(|i| i.to)
        .collect();
    assert_eq!(found, ["rates", "team", "engine"]);
    // `#[cfg(test)] mod tests;` is a test-only file
    let (_, test_mods) = production("mod a;\n#[cfg(test)]\nmod tests;\n#[cfg(test)]\npub(crate) mod more;\n");
    assert_eq!(test_mods, ["tests", "more"]);
}

#[test]
fn the_map_is_read_from_its_tables() {
    let doc = "text\n\n| module | layer | what it owns |\n|---|---|---|\n| `engine` (src/engine/) | 4 | the formula |\n| `money` | 0 | money |\n\nafter\n\n| file | from | to | why |\n|---|---|---|---|\n| `src/a.rs` | `a` | `b` | because |\n";
    assert_eq!(
        layers(doc),
        BTreeMap::from([("engine".to_string(), 4), ("money".to_string(), 0)])
    );
    assert_eq!(
        known_breaks(doc),
        BTreeSet::from([("src/a.rs".to_string(), "a".to_string(), "b".to_string())])
    );
    let edges: BTreeSet<(String, String)> = [
        ("a", "b"),
        ("b", "c"),
        ("c", "a"),
        ("c", "d"),
        ("d", "e"),
        ("e", "d"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(
        cycles(&edges),
        vec![
            vec!["a".to_string(), "b".into(), "c".into()],
            vec!["d".to_string(), "e".into()]
        ]
    );
}
