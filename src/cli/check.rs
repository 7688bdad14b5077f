//! `teamcost check`: every problem of every file, a summary on stdout.

use std::path::PathBuf;

use teamcost::{Catalog, Diagnostic, Diagnostics};

use super::*;

pub(crate) fn check(dirs: &[PathBuf], paths: Vec<PathBuf>) -> anyhow::Result<Outcome> {
    let (catalog, catalog_problems) = Catalog::load_lenient(dirs)?;
    let paths = if paths.is_empty() {
        let defaults: Vec<PathBuf> = ["scenarios", "rates"]
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.is_dir())
            .collect();
        if defaults.is_empty() {
            return Err(Diagnostics::from(
                Diagnostic::new(
                    ".",
                    "nothing to check: there is no scenarios/ or rates/ directory here",
                )
                .help("name the files or directories to check: teamcost check my-scenario.ron"),
            )
            .into());
        }
        defaults
    } else {
        paths
    };
    let files = teamcost::check::expand(&paths).map_err(Diagnostics::from)?;
    let results = teamcost::check::check(&files, &catalog, catalog_problems);
    let mut stdout = String::new();
    let mut problems = Vec::new();
    for r in results {
        match r.outcome {
            Ok(summary) => {
                stdout.push_str(&format!("ok    {}: {summary}\n", r.file));
                for line in &r.advice {
                    stdout.push_str(&format!("      advice: {line}\n"));
                }
            }
            Err(mut d) => {
                stdout.push_str(&format!("FAIL  {}: {} problem(s)\n", r.file, d.len()));
                problems.append(&mut d);
            }
        }
    }
    if !problems.is_empty() {
        return Err(CheckFailed {
            stdout,
            problems: Diagnostics(problems),
        }
        .into());
    }
    Ok(ok(stdout))
}

/// `check` found problems: the summary still goes to stdout.
#[derive(Debug)]
pub struct CheckFailed {
    pub stdout: String,
    pub problems: Diagnostics,
}

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.problems)
    }
}

impl std::error::Error for CheckFailed {}
