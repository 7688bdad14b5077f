//! teamcost: whom to hire for AI work, where, how, and what it will cost.
//!
//! The library holds all logic and never prints: files are read at the
//! edges ([`load_scenario`], [`rates::Catalog::load`]), everything between is
//! pure and testable without a disk. See MODEL.md for the model.

pub mod advice;
pub mod assessment;
pub mod audit;
pub mod brief;
pub mod budget;
pub mod check;
pub mod conversion;
pub mod engine;
pub mod impact;
pub mod input;
pub mod money;
pub mod output;
pub mod plot;
pub mod range;
pub mod rates;
pub mod report;
pub mod scenario;
pub mod team;
pub mod text;
pub mod vocabulary;
pub mod width;

use std::path::Path;

pub use assessment::Assessment;
pub use engine::Estimate;
pub use input::diagnostic::{Diagnostic, Diagnostics};
pub use rates::{Catalog, Layers};
pub use scenario::Scenario;

/// Reads and checks one scenario file.
pub fn load_scenario(path: &Path) -> Result<Scenario, Diagnostics> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::new(name.clone(), format!("cannot read scenario file: {e}"))
            .help("check the path; `teamcost check` with no arguments checks scenarios/ and rates/")
    })?;
    Scenario::read(input::source::Source::new(&name, &text)).map_err(Diagnostics)
}

/// Estimates a scenario against rate layers: the team is resolved first
/// (explicit seats, or recommended), then the engine prices it.
pub fn estimate(scenario: &Scenario, layers: &Layers) -> Result<Estimate, Vec<Diagnostic>> {
    let (seats, reasoning) = team::seats(scenario, layers)?;
    let mut estimate = engine::estimate(scenario, &seats, layers)?;
    estimate.reasoning = reasoning;
    Ok(estimate)
}

/// Reads a scenario file and estimates it against the layers it names.
pub fn estimate_file(catalog: &Catalog, path: &Path) -> Result<Estimate, Diagnostics> {
    let scenario = load_scenario(path)?;
    estimate_scenario(catalog, &scenario)
}

/// Estimates a scenario against the layers it names in the catalog.
pub fn estimate_scenario(catalog: &Catalog, scenario: &Scenario) -> Result<Estimate, Diagnostics> {
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    estimate(scenario, &layers).map_err(Diagnostics)
}

/// Estimates several files, reporting the problems of all of them at once.
pub fn estimate_files(catalog: &Catalog, paths: &[impl AsRef<Path>]) -> Result<Vec<Estimate>, Diagnostics> {
    let mut estimates = Vec::with_capacity(paths.len());
    let mut problems = Vec::new();
    for path in paths {
        match estimate_file(catalog, path.as_ref()) {
            Ok(e) => estimates.push(e),
            Err(mut d) => problems.append(&mut d.0),
        }
    }
    if problems.is_empty() {
        Ok(estimates)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Runs the simulation of every assessment, one after the other (each runs
/// its trials in parallel), so memory does not grow with the number of
/// scenarios; `progress` is told how many trials are done.
pub fn simulate_all(assessments: &mut [Assessment], trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) {
    for assessment in assessments {
        assessment.simulate(trials, seed, progress);
    }
}
