//! Every citation of the model in `src/` resolves: "MODEL.md section 8.3",
//! "MODEL.md sections 4 and 8.2", "MODEL.md 8.6" each name a numbered
//! heading of docs/MODEL.md, and a name quoted after the number ("MODEL.md
//! section 4, \"The range\"") is written in that section.

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One citation: where, which sections, and the quoted name if any.
#[derive(Debug, PartialEq)]
struct Citation {
    place: String,
    sections: Vec<String>,
    name: Option<String>,
}

/// Skips spaces, line breaks and the comment markers that continue a
/// comment on the next line (`//`, `///`, `//!`).
fn skip_gaps(c: &[char], mut i: usize) -> usize {
    loop {
        while i < c.len() && c[i].is_whitespace() {
            i += 1;
        }
        if c.get(i) == Some(&'/') && c.get(i + 1) == Some(&'/') {
            i += 2;
            while matches!(c.get(i), Some('/' | '!')) {
                i += 1;
            }
        } else {
            return i;
        }
    }
}

/// A section number at `i` ("8", "8.3"; a trailing full stop is not part
/// of it), and where it ends.
fn number(c: &[char], i: usize) -> Option<(String, usize)> {
    let mut j = i;
    while j < c.len() && c[j].is_ascii_digit() {
        j += 1;
    }
    if j == i {
        return None;
    }
    if c.get(j) == Some(&'.') && c.get(j + 1).is_some_and(char::is_ascii_digit) {
        j += 1;
        while j < c.len() && c[j].is_ascii_digit() {
            j += 1;
        }
    }
    Some((c[i..j].iter().collect(), j))
}

fn starts_with(c: &[char], i: usize, word: &str) -> bool {
    let w: Vec<char> = word.chars().collect();
    c.get(i..i + w.len()) == Some(&w[..])
}

/// The citations of the model in one file's text; `file` names it in
/// messages. A bare "MODEL.md" (no number after it) cites the whole page.
fn citations(file: &str, text: &str) -> Vec<Citation> {
    let c: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < c.len() {
        if c[i] == '\n' {
            line += 1;
        }
        if !starts_with(&c, i, "MODEL.md") {
            i += 1;
            continue;
        }
        let mut j = skip_gaps(&c, i + "MODEL.md".len());
        for word in ["sections", "section"] {
            if starts_with(&c, j, word) {
                j = skip_gaps(&c, j + word.len());
                break;
            }
        }
        let mut sections = Vec::new();
        while let Some((n, end)) = number(&c, j) {
            sections.push(n);
            j = end;
            // "4 and 8.2", "4, 8"
            let k = skip_gaps(&c, if c.get(j) == Some(&',') { j + 1 } else { j });
            let k = if starts_with(&c, k, "and") {
                skip_gaps(&c, k + 3)
            } else {
                k
            };
            if number(&c, k).is_some() {
                j = k;
            } else {
                break;
            }
        }
        // a quoted name: MODEL.md section 4, "The range" (in a string, \")
        let mut name = None;
        if !sections.is_empty() && c.get(j) == Some(&',') {
            let k = skip_gaps(&c, j + 1);
            let k = if c.get(k) == Some(&'\\') { k + 1 } else { k };
            if c.get(k) == Some(&'"') {
                let end = (k + 1..c.len())
                    .find(|&e| c[e] == '"' || c[e] == '\n')
                    .unwrap_or(c.len());
                let quoted: String = c[k + 1..end].iter().collect();
                name = Some(quoted.trim_end_matches('\\').to_string());
            }
        }
        found.push(Citation {
            place: format!("{file}:{line}"),
            sections,
            name,
        });
        i += "MODEL.md".len();
    }
    found
}

/// Each numbered heading of the page ("## 8. Plans over time" is 8,
/// "### 8.3 Phases in the output" is 8.3) with the text under it, down to
/// the next heading of its level or above.
fn headings(page: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = page.lines().collect();
    let level = |l: &str| l.chars().take_while(|c| *c == '#').count();
    let mut found = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let depth = level(l);
        if depth == 0 {
            continue;
        }
        let title = l[depth..].trim();
        let id = title
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches('.');
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let body: Vec<&str> = lines[i + 1..]
            .iter()
            .take_while(|l| {
                let d = level(l);
                d == 0 || d > depth
            })
            .copied()
            .collect();
        found.push((id.to_string(), body.join("\n")));
    }
    found
}

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn every_citation_of_the_model_in_src_names_a_heading_of_docs_model_md() {
    let page = std::fs::read_to_string(repo().join("docs/MODEL.md")).expect("docs/MODEL.md");
    let headings = headings(&page);
    let mut files = Vec::new();
    rust_files(&repo().join("src"), &mut files);
    let mut numbered = 0;
    let mut problems = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(repo())
            .expect("in the repository")
            .display()
            .to_string();
        let text = std::fs::read_to_string(file).expect("source");
        for citation in citations(&rel, &text) {
            numbered += usize::from(!citation.sections.is_empty());
            for section in &citation.sections {
                let Some((_, body)) = headings.iter().find(|(id, _)| id == section) else {
                    problems.push(format!("{}: section {section} has no heading", citation.place));
                    continue;
                };
                if let Some(name) = &citation.name
                    && !body.contains(name.as_str())
                {
                    problems.push(format!(
                        "{}: section {section} does not mention \"{name}\"",
                        citation.place
                    ));
                }
            }
        }
    }
    assert!(numbered > 0, "no citation of a section found under src/");
    assert!(
        problems.is_empty(),
        "citations that docs/MODEL.md does not resolve:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn citations_are_read_across_comment_lines_and_in_strings() {
    let text = "//! Plans (MODEL.md 8.2 and 8.3), see MODEL.md\n\
                /// the end (MODEL.md sections\n\
                /// 4 and 8.2): prices\n\
                // a range (MODEL.md section 1, \"Range\").\n\
                let s = \"(MODEL.md 8.6): a team\"; // MODEL.md section 6. Next\n\
                // MODEL.md 8.6 steps 2-4; MODEL.md 8, \"Words\\\" x\n";
    let got: Vec<(String, Vec<String>, Option<String>)> = citations("f.rs", text)
        .into_iter()
        .map(|c| (c.place, c.sections, c.name))
        .collect();
    let cite = |place: &str, sections: &[&str], name: Option<&str>| {
        (
            place.to_string(),
            sections.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            name.map(String::from),
        )
    };
    let want = vec![
        cite("f.rs:1", &["8.2", "8.3"], None),
        cite("f.rs:1", &[], None),
        cite("f.rs:2", &["4", "8.2"], None),
        cite("f.rs:4", &["1"], Some("Range")),
        cite("f.rs:5", &["8.6"], None),
        cite("f.rs:5", &["6"], None),
        cite("f.rs:6", &["8.6"], None),
        cite("f.rs:6", &["8"], Some("Words")),
    ];
    assert_eq!(got, want);
    let page = "# T\n## 1. Words\nRange here\n## 8. Plans\nintro\n### 8.1 Fields\nf\n### 8.2 Cost\nc\n## 9. Advice\na\n";
    let ids: Vec<(String, String)> = headings(page);
    let ids: Vec<(&str, &str)> = ids.iter().map(|(i, b)| (i.as_str(), b.as_str())).collect();
    assert_eq!(
        ids,
        [
            ("1", "Range here"),
            ("8", "intro\n### 8.1 Fields\nf\n### 8.2 Cost\nc"),
            ("8.1", "f"),
            ("8.2", "c"),
            ("9", "a"),
        ]
    );
}
