//! Reading, estimating, simulating and gating the scenarios of a command.

use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rust_decimal::Decimal;
use teamcost::budget::{Budget, GatePoint};
use teamcost::input::origin::{Located, Origin};
use teamcost::money::Currency;
use teamcost::{Assessment, Catalog, Diagnostic, Diagnostics, Layers};

use super::*;

pub(crate) fn currency(code: &Option<String>) -> Result<Option<Currency>, Diagnostic> {
    let Some(code) = code else { return Ok(None) };
    Currency::parse(code).map(Some).ok_or_else(|| {
        Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
            .expected("three upper-case letters, as in USD, EUR, PLN")
            .help(format!("write --currency {}", code.to_uppercase()))
    })
}

/// Reads a scenario, applies `--currency`, and estimates it.
pub(crate) fn load(
    catalog: &Catalog,
    file: &Path,
    currency: &Option<Currency>,
) -> Result<(Assessment, Layers), Diagnostics> {
    let mut scenario = teamcost::load_scenario(file)?;
    if let Some(c) = currency {
        scenario.currency = Some(Located::new(c.clone(), Origin::new("--currency")));
    }
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let estimate = teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?;
    Ok((Assessment::advised(estimate, &layers), layers))
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

/// Estimates, simulates and gates the scenarios; the status is 3 when one
/// is over budget.
pub(crate) fn simulated(catalog: &Catalog, args: &InputArgs) -> Result<(Vec<Assessment>, u8), Diagnostics> {
    let budget = budget(args)?;
    let mut estimates = estimates(catalog, args)?;
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

pub(crate) fn estimates(catalog: &Catalog, args: &InputArgs) -> Result<Vec<Assessment>, Diagnostics> {
    let currency = currency(&args.currency)?;
    let mut out = Vec::with_capacity(args.files.len());
    let mut problems = Vec::new();
    for file in &args.files {
        match load(catalog, file, &currency) {
            Ok((e, _)) => out.push(e),
            Err(mut d) => problems.append(&mut d.0),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}
