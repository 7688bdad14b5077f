//! Reading, estimating, simulating and gating the scenarios of a command.

use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rust_decimal::Decimal;
use teamcost::budget::{Budget, GatePoint};
use teamcost::conversion::Conversion;
use teamcost::engine::model::reporting_currency;
use teamcost::input::origin::{Located, Origin};
use teamcost::money::Currency;
use teamcost::{Assessment, Catalog, Diagnostic, Diagnostics, Layers, Scenario};

use super::*;

pub(crate) fn currency(code: &Option<String>) -> Result<Option<Located<Currency>>, Diagnostic> {
    let Some(code) = code else { return Ok(None) };
    let flag = |c| Located::new(c, Origin::new("--currency"));
    Currency::parse(code).map(flag).map(Some).ok_or_else(|| {
        Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
            .expected("three upper-case letters, as in USD, EUR, PLN")
            .help(format!("write --currency {}", code.to_uppercase()))
    })
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
    let scenario = teamcost::load_scenario(file)?;
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let own = reporting_currency(&scenario, &layers).ok();
    Ok(Read {
        scenario,
        layers,
        own,
    })
}

/// Estimates a scenario read, in `currency` when given; a scenario reported
/// in a currency not its own says how it was converted.
fn priced(read: Read, currency: &Option<Located<Currency>>) -> Result<(Assessment, Layers), Diagnostics> {
    let Read {
        mut scenario,
        layers,
        own,
    } = read;
    if let Some(c) = currency {
        scenario.currency = Some(c.clone());
    }
    let estimate = teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?;
    let conversion = own.and_then(|own| Conversion::between(&own, &estimate.currency, &layers));
    let mut assessment = Assessment::advised(estimate, &layers);
    assessment.conversion = conversion;
    Ok((assessment, layers))
}

/// Reads a scenario, applies `--currency`, and estimates it.
pub(crate) fn load(
    catalog: &Catalog,
    file: &Path,
    currency: &Option<Located<Currency>>,
) -> Result<(Assessment, Layers), Diagnostics> {
    priced(read(catalog, file)?, currency)
}

pub(crate) fn one(catalog: &Catalog, args: &OneFileArgs) -> Result<(Assessment, Layers), Diagnostics> {
    load(catalog, &args.file, &currency(&args.currency)?)
}

pub(crate) fn budget(args: &InputArgs) -> Result<Option<Budget>, Diagnostic> {
    let Some(text) = &args.budget else { return Ok(None) };
    let amount = teamcost::input::source::parse_decimal(text)
        .filter(|a| *a > Decimal::ZERO)
        .ok_or_else(|| {
            Diagnostic::new("--budget", format!("`{text}` is not an amount"))
                .expected("a positive amount in the reporting currency, e.g. 250000 or 250000.50")
                .help("write the amount with digits only, no currency sign or separators")
        })?;
    let at = GatePoint::from(args.at);
    if at.needs_simulation() && args.trials == 0 {
        return Err(Diagnostic::new(
            "--at",
            format!("--at {} needs the simulation, and --trials is 0", at.name()),
        )
        .expected("--trials of 1 or more with --at p50 or p90")
        .help("drop --trials 0, or hold the budget against low, likely or high"));
    }
    Ok(Some(Budget { amount, at }))
}

/// Whether a command shows its scenarios on one scale (a comparison, a
/// chart, a report), so that they must share a currency, or each on its own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scale {
    Shared,
    Each,
}

/// Estimates, simulates and gates the scenarios; the status is 3 when one
/// is over budget.
pub(crate) fn simulated(
    catalog: &Catalog,
    args: &InputArgs,
    scale: Scale,
) -> Result<(Vec<Assessment>, u8), Diagnostics> {
    let budget = budget(args)?;
    let mut estimates = estimates(catalog, args, scale)?;
    if args.trials > 0 {
        let seat_trials: u64 = estimates
            .iter()
            .map(|e| e.seats.len() as u64 * u64::from(args.trials))
            .sum();
        let bar = progress_bar(
            args.quiet,
            seat_trials,
            estimates.len() as u64 * u64::from(args.trials),
        );
        teamcost::simulate_all(&mut estimates, args.trials, args.seed, &|n| bar.inc(n));
        bar.finish_and_clear();
    }
    let mut status = 0;
    if let Some(budget) = budget {
        for e in &mut estimates {
            if e.gate(budget) {
                status = OVER_BUDGET;
            }
        }
    }
    Ok((estimates, status))
}

/// A progress bar on stderr for runs long enough to wait for (about half a
/// second and more); indicatif hides it when stderr is not a terminal.
pub(crate) fn progress_bar(quiet: bool, seat_trials: u64, trials: u64) -> ProgressBar {
    const WORTH_SHOWING: u64 = 10_000_000;
    if quiet || seat_trials < WORTH_SHOWING {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(trials), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("simulating {bar:40} {pos}/{len} trials ({eta})") {
        bar.set_style(style);
    }
    bar
}

/// Estimates every file in `--currency` when given. Without it, scenarios
/// in different currencies are each left in their own, unless `scale` puts
/// them on one scale: then every one is converted to the first scenario's
/// currency, and says so. A `--budget` needs one currency either way.
pub(crate) fn estimates(
    catalog: &Catalog,
    args: &InputArgs,
    scale: Scale,
) -> Result<Vec<Assessment>, Diagnostics> {
    let asked = currency(&args.currency)?;
    // each file is read once: the currencies decide, then the estimates
    let read = every(&args.files, |file| read(catalog, file))?;
    let currency = match asked {
        Some(c) => Some(c),
        None => {
            let owns: Vec<(&str, &Currency)> = read
                .iter()
                .filter_map(|r| r.own.as_ref().map(|c| (r.scenario.file.as_str(), c)))
                .collect();
            match owns.first() {
                Some((_, first)) if owns.iter().any(|(_, c)| c != first) => {
                    if args.budget.is_some() {
                        return Err(mixed_budget(&owns).into());
                    }
                    // a rate table that cannot convert says where the
                    // currency came from
                    let why =
                        format!("the first scenario's currency ({first}), as the scenarios mix currencies");
                    (scale == Scale::Shared).then(|| Located::new((*first).clone(), Origin::new(&why)))
                }
                _ => None,
            }
        }
    };
    let priced = every(read, |r| priced(r, &currency))?;
    Ok(priced.into_iter().map(|(e, _)| e).collect())
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

/// `--budget` is an amount in one currency: with scenarios in several it
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
