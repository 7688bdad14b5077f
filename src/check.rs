//! `teamcost check`: loads and validates scenario files and rate plugins,
//! and says what is wrong with each, all at once.

use std::path::{Path, PathBuf};

use crate::input::diagnostic::Diagnostic;
use crate::input::source::Source;
use crate::money::grouped;
use crate::rates::Catalog;

/// What a file holds, by the name it starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    RateTable,
}

/// The outcome for one file.
#[derive(Debug, Clone)]
pub struct Checked {
    pub file: String,
    pub outcome: Result<String, Vec<Diagnostic>>,
    /// A scenario's advice (MODEL.md section 9), one line each: shown,
    /// never a failure.
    pub advice: Vec<String>,
}

/// The `*.ron` files under the given paths (files as given, directories
/// one level deep, in name order); a directory that cannot be read is an
/// error.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path).map_err(|e| {
                Diagnostic::new(path.display().to_string(), format!("cannot read directory: {e}"))
            })?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
                .collect();
            found.sort();
            files.extend(found);
        } else {
            // a missing file is reported with the others by `check`
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The kind of a RON file from its first name, past comments and attributes.
pub fn kind_of(text: &str) -> Option<FileKind> {
    let mut rest = crate::input::source::strip_bom(text);
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else if rest.starts_with("#!") {
            rest = rest.split_once(']').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    if rest.starts_with("Scenario") {
        Some(FileKind::Scenario)
    } else if rest.starts_with("RateTable") {
        Some(FileKind::RateTable)
    } else {
        None
    }
}

/// Checks every file; a plugin is checked as a layer over the shipped
/// default table, a scenario by estimating it against its own layers.
/// `catalog_problems` are those of rate directories in force: each is
/// reported under its file, whether or not that file was named.
pub fn check(files: &[PathBuf], catalog: &Catalog, catalog_problems: Vec<Diagnostic>) -> Vec<Checked> {
    let mut unreported = catalog_problems;
    let mut results: Vec<Checked> = files
        .iter()
        .map(|path| {
            let file = path.display().to_string();
            let (known, rest): (Vec<_>, Vec<_>) = unreported.drain(..).partition(|d| d.file == file);
            unreported = rest;
            let (outcome, advice) = if known.is_empty() {
                match check_file(path, catalog) {
                    Ok((summary, advice)) => (Ok(summary), advice),
                    Err(d) => (Err(d), Vec::new()),
                }
            } else {
                (Err(known), Vec::new())
            };
            Checked {
                file,
                outcome,
                advice,
            }
        })
        .collect();
    while let Some(first) = unreported.first() {
        let file = first.file.clone();
        let (mine, rest): (Vec<_>, Vec<_>) = unreported.drain(..).partition(|d| d.file == file);
        unreported = rest;
        results.push(Checked {
            file,
            outcome: Err(mine),
            advice: Vec::new(),
        });
    }
    results
}

/// A file's summary and, for a scenario, its advice.
fn check_file(path: &Path, catalog: &Catalog) -> Result<(String, Vec<String>), Vec<Diagnostic>> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![
            Diagnostic::new(name.clone(), format!("cannot read: {e}"))
                .help("name scenario files, rate plugins or directories holding them"),
        ]
    })?;
    match kind_of(&text) {
        Some(FileKind::Scenario) => {
            let scenario = crate::scenario::Scenario::read(Source::new(&name, &text))?;
            let e = crate::pipeline::assess_scenario(catalog, scenario, None).map_err(|d| d.0)?;
            // a plan's team by its peak, never the sum (MODEL.md 10.7)
            let fte = if e.team_changes() {
                let fte = |d: rust_decimal::Decimal| crate::money::plain(d.round_dp(2));
                format!(
                    "peak {} engineering + {} development FTE",
                    fte(e.peak_engineering_fte),
                    fte(e.peak_development_fte)
                )
            } else {
                format!("{} FTE", crate::money::plain(e.total_fte()))
            };
            let summary = format!(
                "scenario, {} seats, {fte}, likely {} {}",
                e.seats.len(),
                e.currency,
                grouped(e.cost.likely)
            );
            Ok((summary, e.advice.iter().map(ToString::to_string).collect()))
        }
        Some(FileKind::RateTable) => {
            let table = crate::rates::RateTable::read(Source::new(&name, &text))?;
            let summary = format!(
                "rate plugin `{}`, {} roles, {} locations, {} salaries, {} agency rates, {} sources",
                table.name.value,
                table.roles.len(),
                table.locations.len(),
                table.salaries.len(),
                table.agency_rates.len(),
                table.sources.len()
            );
            crate::rates::layers::check_plugin(table, catalog)?;
            Ok((summary, Vec::new()))
        }
        None => Err(vec![
            Diagnostic::new(name, "not a teamcost file")
                .expected("a RON file starting with `Scenario(` or `RateTable(`")
                .help("see README.md for both formats"),
        ]),
    }
}
