//! The one assessment pipeline: scenario files read and layered, the
//! reporting currency decided once, each scenario priced, converted and
//! advised, then simulated and held against a budget. Every command that
//! shows a scenario's figures asks this module for them.

use std::path::{Path, PathBuf};

use crate::assessment::Assessment;
use crate::budget::Budget;
use crate::conversion::Conversion;
use crate::engine::Estimate;
use crate::engine::model::reporting_currency;
use crate::input::diagnostic::{Diagnostic, Diagnostics};
use crate::input::origin::{Located, Origin};
use crate::input::source::Source;
use crate::money::Currency;
use crate::rates::{Catalog, Layers};
use crate::scenario::Scenario;

/// Whether the scenarios are shown on one scale (a comparison, a chart, a
/// report), so that they must share a currency, or each on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Shared,
    Each,
}

/// The Monte Carlo run: trials per scenario (at least one) and the seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trials {
    pub trials: u32,
    pub seed: u64,
}

/// What to assess and how: the options every command that prices scenario
/// files shares, checked by whoever built them.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub files: Vec<PathBuf>,
    /// Report every scenario in this currency.
    pub currency: Option<Located<Currency>>,
    pub scale: Scale,
    /// `None`: no simulation.
    pub simulation: Option<Trials>,
    /// Held against every scenario; a budget at p50 or p90 needs the
    /// simulation.
    pub budget: Option<Budget>,
}

impl Request {
    /// The files alone, each in its own currency, not simulated.
    pub fn files(files: Vec<PathBuf>) -> Request {
        Request {
            files,
            currency: None,
            scale: Scale::Each,
            simulation: None,
            budget: None,
        }
    }
}

/// Told how far the simulation has got.
pub trait Progress: Sync {
    /// The simulation is about to run `trials` trials in all, over
    /// `seat_trials` seat-trials (a measure of the work).
    fn start(&self, _seat_trials: u64, _trials: u64) {}
    /// `trials` more trials are done.
    fn advance(&self, _trials: u64) {}
    /// The simulation is over.
    fn finish(&self) {}
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {}

/// The scenarios assessed, in the order of the files.
#[derive(Debug, Clone)]
pub struct Assessed {
    pub assessments: Vec<Assessment>,
    /// A scenario is over the budget.
    pub over_budget: bool,
}

/// Reads, prices, converts, advises, simulates and gates the request's
/// scenarios; the problems of all the files at once.
pub fn assess(
    catalog: &Catalog,
    request: &Request,
    progress: &dyn Progress,
) -> Result<Assessed, Diagnostics> {
    // each file is read once: the currencies decide, then the estimates
    let read = every(&request.files, |file| read(catalog, file))?;
    let currency = shared_currency(&read, request)?;
    let mut assessments = every(read, |r| priced(r, currency.as_ref()))?;
    if let Some(Trials { trials, seed }) = request.simulation {
        let seat_trials: u64 = assessments
            .iter()
            .map(|a| a.seats.len() as u64 * u64::from(trials))
            .sum();
        progress.start(seat_trials, assessments.len() as u64 * u64::from(trials));
        // one scenario after the other (each runs its trials in parallel),
        // so memory does not grow with the number of scenarios
        for a in &mut assessments {
            a.simulate(trials, seed, &|n| progress.advance(n));
        }
        progress.finish();
    }
    let mut over_budget = false;
    if let Some(budget) = request.budget {
        for a in &mut assessments {
            over_budget |= a.gate(budget);
        }
    }
    Ok(Assessed {
        assessments,
        over_budget,
    })
}

/// Prices one scenario against the layers it names, in `currency` when
/// given; a scenario reported in a currency not its own says how it was
/// converted.
pub fn assess_scenario(
    catalog: &Catalog,
    scenario: Scenario,
    currency: Option<&Located<Currency>>,
) -> Result<Assessment, Diagnostics> {
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    assess_in(scenario, layers, currency)
}

/// [`assess_scenario`] against layers already resolved.
pub fn assess_in(
    scenario: Scenario,
    layers: Layers,
    currency: Option<&Located<Currency>>,
) -> Result<Assessment, Diagnostics> {
    let own = reporting_currency(&scenario, &layers).ok();
    priced(
        Read {
            scenario,
            layers,
            own,
        },
        currency,
    )
}

/// Estimates a scenario against rate layers: the team is resolved first
/// (explicit seats, or recommended), then the engine prices it.
pub fn estimate(scenario: &Scenario, layers: &Layers) -> Result<Estimate, Vec<Diagnostic>> {
    let (seats, reasoning) = crate::team::seats(scenario, layers)?;
    let mut estimate = crate::engine::estimate(scenario, &seats, layers)?;
    estimate.reasoning = reasoning;
    Ok(estimate)
}

/// Reads one scenario file.
pub fn load_scenario(path: &Path) -> Result<Scenario, Diagnostics> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::new(name.clone(), format!("cannot read scenario file: {e}"))
            .help("check the path; `teamcost check` with no arguments checks scenarios/ and rates/")
    })?;
    Scenario::read(Source::new(&name, &text)).map_err(Diagnostics)
}

/// A scenario file read, with its rate layers and its own reporting
/// currency (`None` when its location is unknown: the estimate reports
/// that, with its position).
struct Read {
    scenario: Scenario,
    layers: Layers,
    own: Option<Currency>,
}

fn read(catalog: &Catalog, file: &Path) -> Result<Read, Diagnostics> {
    let scenario = load_scenario(file)?;
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let own = reporting_currency(&scenario, &layers).ok();
    Ok(Read {
        scenario,
        layers,
        own,
    })
}

/// Estimates a scenario read, in `currency` when given.
fn priced(read: Read, currency: Option<&Located<Currency>>) -> Result<Assessment, Diagnostics> {
    let Read {
        mut scenario,
        layers,
        own,
    } = read;
    if let Some(c) = currency {
        // the one place a scenario is put into another currency
        scenario.currency = Some(c.clone());
    }
    let estimate = estimate(&scenario, &layers).map_err(Diagnostics)?;
    let conversion = own.and_then(|own| Conversion::between(&own, &estimate.currency, &layers));
    let mut assessment = Assessment::new(estimate, layers);
    assessment.conversion = conversion;
    Ok(assessment)
}

/// The currency every scenario is reported in: the request's when given.
/// Without it, scenarios in different currencies are each left in their
/// own, unless the request puts them on one scale: then every one is
/// converted to the first scenario's. A budget needs one currency either
/// way.
fn shared_currency(read: &[Read], request: &Request) -> Result<Option<Located<Currency>>, Diagnostics> {
    if let Some(c) = &request.currency {
        return Ok(Some(c.clone()));
    }
    let owns: Vec<(&str, &Currency)> = read
        .iter()
        .filter_map(|r| r.own.as_ref().map(|c| (r.scenario.file.as_str(), c)))
        .collect();
    match owns.first() {
        Some((_, first)) if owns.iter().any(|(_, c)| c != first) => {
            if request.budget.is_some() {
                return Err(mixed_budget(&owns).into());
            }
            // a rate table that cannot convert says where the currency
            // came from
            let why = format!("the first scenario's currency ({first}), as the scenarios mix currencies");
            Ok((request.scale == Scale::Shared).then(|| Located::new((*first).clone(), Origin::new(&why))))
        }
        _ => Ok(None),
    }
}

/// `work` on each item, with the problems of all of them at once.
fn every<I, T>(
    items: impl IntoIterator<Item = I>,
    work: impl Fn(I) -> Result<T, Diagnostics>,
) -> Result<Vec<T>, Diagnostics> {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for item in items {
        match work(item) {
            Ok(t) => out.push(t),
            Err(mut d) => problems.append(&mut d.0),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

/// A budget is an amount in one currency: with scenarios in several it
/// would be read as a different sum for each.
fn mixed_budget(owns: &[(&str, &Currency)]) -> Diagnostic {
    let mut currencies: Vec<&str> = Vec::new();
    for (_, c) in owns {
        if !currencies.contains(&c.as_str()) {
            currencies.push(c.as_str());
        }
    }
    let each: Vec<String> = currencies
        .iter()
        .map(|c| {
            let files: Vec<&str> = owns
                .iter()
                .filter(|(_, own)| own.as_str() == *c)
                .map(|(file, _)| file_name(file))
                .collect();
            format!("{c}: {}", files.join(", "))
        })
        .collect();
    Diagnostic::new(
        "--budget",
        format!(
            "the scenarios report in different currencies ({}), so the budget would be a different sum for each",
            currencies.join(", ")
        ),
    )
    .expected(format!("one reporting currency, not {}", each.join("; ")))
    .help(format!(
        "pass --currency {} (or another code) to read the budget, and report every scenario, in that currency",
        currencies[0]
    ))
}

/// The last part of a path, for lists of files.
fn file_name(path: &str) -> &str {
    Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path)
}
