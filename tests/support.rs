//! Helpers: run `teamcost` in a temporary directory holding given files.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A temporary working directory with files in it.
pub struct Workdir {
    pub dir: TempDir,
}

impl Workdir {
    pub fn new(files: &[(&str, &str)]) -> Workdir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            let path = dir.path().join(name);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).expect("create dirs");
            }
            std::fs::write(path, text).expect("write file");
        }
        Workdir { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::cargo_bin("teamcost")
            .expect("binary")
            .current_dir(self.path())
            // piped output has no width unless a test gives one
            .env_remove("COLUMNS")
            .args(args)
            .output()
            .expect("run teamcost");
        Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The repository root, where the shipped scenarios and rates are.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every shipped scenario file, by absolute path.
pub fn shipped_scenarios() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join("scenarios"))
        .expect("scenarios/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// The worked-example table of the engine tests (tests/data/hand-table.ron).
pub fn hand_table() -> String {
    std::fs::read_to_string(repo().join("tests/data/hand-table.ron")).expect("hand table")
}

/// An agency quote for the worked example's engineer: 150 an hour, so that
/// the engineer can be priced both ways (break-even).
pub const QUOTE: &str = r#"RateTable(
    name: "quote",
    agency_rates: [
        (role: "ai-engineer", level: Senior, location: "us", hourly: 150, source: "s"),
    ],
)
"#;

/// The worked example's Senior AI engineer in-house for 12 months, over the
/// hand table and the agency quote (likely 149400: src/engine/tests.rs).
pub const ENGINEER: &str = r#"Scenario(
    name: "Engineer",
    stage: Production,
    duration_months: 12,
    location: "us",
    engagement: InHouse,
    rates: ["hand", "quote"],
    team: Seats([(role: "ai-engineer", level: Senior)]),
)
"#;

/// The rows of an estimate's CSV, each a map from column to field.
pub fn csv_rows(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV record");
            assert_eq!(r.len(), header.len(), "every row has every column: {r:?}");
            header.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect()
}

/// The one CSV row of `section` and `item`.
pub fn csv_row(
    rows: &[std::collections::BTreeMap<String, String>],
    section: &str,
    item: &str,
) -> std::collections::BTreeMap<String, String> {
    let found: Vec<_> = rows
        .iter()
        .filter(|r| r["section"] == section && r["item"] == item)
        .collect();
    assert_eq!(found.len(), 1, "one row {section} {item}: {rows:?}");
    found[0].clone()
}
