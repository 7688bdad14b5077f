//! Command-line flags (clap) and their translation into library calls. The
//! library never sees clap types.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rust_decimal::Decimal;
use teamcost::budget::{Budget, GatePoint};
use teamcost::engine::simulation;
use teamcost::money::Currency;
use teamcost::origin::{Located, Origin};
use teamcost::report::Format;
use teamcost::{Catalog, Diagnostic, Diagnostics, Estimate, Layers};

#[derive(Parser)]
#[command(
    name = "teamcost",
    version,
    about = "Whom to hire for AI work, where, how, and what it will cost"
)]
pub struct Cli {
    /// A directory of rate plugins to add; repeatable, later ones shadow
    /// earlier ones. ./rates is used when present.
    #[arg(long = "rates", value_name = "DIR", global = true)]
    pub rates: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Estimate scenarios: cost range, team mix, capacity, seats, components, burn.
    Estimate(ReportArgs),
    /// Compare scenarios side by side, one column each.
    Compare(ReportArgs),
    /// Check scenario files and rate plugins (default: scenarios/ and rates/).
    Check {
        /// Files or directories to check.
        paths: Vec<PathBuf>,
    },
    /// Which range input moves the likely cost most: each at its low and high end.
    Sensitivity(OneFileArgs),
    /// From how many months hiring in-house beats an agency, per productive person-month.
    Breakeven(OneFileArgs),
}

#[derive(clap::Args)]
pub struct OneFileArgs {
    /// A scenario file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Report in this currency (e.g. USD), whatever the file says.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    /// Scenario files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Report every scenario in this currency (e.g. USD), whatever its files say.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Monte Carlo trials per scenario; 0 turns the simulation off.
    #[arg(long, default_value_t = simulation::DEFAULT_TRIALS, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub trials: u32,
    /// Seed of the simulation: the same files and seed give the same figures.
    #[arg(long, default_value_t = simulation::DEFAULT_SEED)]
    pub seed: u64,
    /// Exit with status 3 when a scenario costs more than this (reporting currency).
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Which figure the budget is held against.
    #[arg(long, value_enum, default_value_t = AtArg::P90, requires = "budget")]
    pub at: AtArg,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AtArg {
    Low,
    Likely,
    High,
    P50,
    P90,
}

impl From<AtArg> for GatePoint {
    fn from(a: AtArg) -> GatePoint {
        match a {
            AtArg::Low => GatePoint::Low,
            AtArg::Likely => GatePoint::Likely,
            AtArg::High => GatePoint::High,
            AtArg::P50 => GatePoint::P50,
            AtArg::P90 => GatePoint::P90,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

/// What a command produced: text for stdout and the exit status.
pub struct Outcome {
    pub stdout: String,
    pub status: u8,
}

/// Exit status when a scenario is over its `--budget`.
pub const OVER_BUDGET: u8 = 3;

/// The rate directories in force: ./rates when present, then each --rates.
fn rate_dirs(cli_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let local = PathBuf::from("rates");
    if local.is_dir() {
        dirs.push(local);
    }
    dirs.extend(cli_dirs.iter().cloned());
    dirs
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let dirs = rate_dirs(&cli.rates);
    match cli.command {
        Command::Estimate(args) => {
            let (estimates, status) = simulated(&Catalog::load(&dirs)?, &args)?;
            let stdout = teamcost::report::estimates(&estimates, args.format.into());
            Ok(Outcome { stdout, status })
        }
        Command::Compare(args) => {
            let (estimates, status) = simulated(&Catalog::load(&dirs)?, &args)?;
            let stdout = teamcost::report::comparison(&estimates, args.format.into());
            Ok(Outcome { stdout, status })
        }
        Command::Check { paths } => check(&dirs, paths),
        Command::Sensitivity(args) => {
            let (estimate, _) = one(&Catalog::load(&dirs)?, &args)?;
            let (likely, swings) = teamcost::engine::sensitivity::sensitivity(&estimate.model);
            let stdout =
                teamcost::report::sensitivity::render(&estimate, likely, &swings, args.format.into());
            Ok(ok(stdout))
        }
        Command::Breakeven(args) => {
            let (estimate, layers) = one(&Catalog::load(&dirs)?, &args)?;
            let seats: Vec<_> = estimate.seats.iter().map(|s| s.seat.clone()).collect();
            let b = teamcost::engine::breakeven::breakeven(&estimate.scenario, &seats, &layers)
                .map_err(Diagnostics)?;
            Ok(ok(teamcost::report::breakeven::render(
                &estimate,
                &b,
                args.format.into(),
            )))
        }
    }
}

fn ok(stdout: String) -> Outcome {
    Outcome { stdout, status: 0 }
}

fn currency(code: &Option<String>) -> Result<Option<Currency>, Diagnostic> {
    let Some(code) = code else { return Ok(None) };
    Currency::parse(code).map(Some).ok_or_else(|| {
        Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
            .expected("three upper-case letters, as in USD, EUR, PLN")
            .help(format!("write --currency {}", code.to_uppercase()))
    })
}

/// Reads a scenario, applies `--currency`, and estimates it.
fn load(
    catalog: &Catalog,
    file: &Path,
    currency: &Option<Currency>,
) -> Result<(Estimate, Layers), Diagnostics> {
    let mut scenario = teamcost::load_scenario(file)?;
    if let Some(c) = currency {
        scenario.currency = Some(Located::new(c.clone(), Origin::new("--currency")));
    }
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let estimate = teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?;
    Ok((estimate, layers))
}

fn one(catalog: &Catalog, args: &OneFileArgs) -> Result<(Estimate, Layers), Diagnostics> {
    load(catalog, &args.file, &currency(&args.currency)?)
}

fn budget(args: &ReportArgs) -> Result<Option<Budget>, Diagnostic> {
    let Some(text) = &args.budget else { return Ok(None) };
    let amount = teamcost::source::parse_decimal(text)
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
fn simulated(catalog: &Catalog, args: &ReportArgs) -> Result<(Vec<Estimate>, u8), Diagnostics> {
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
            e.budget = budget.check(e);
            if e.budget.is_some_and(|c| c.over()) {
                status = OVER_BUDGET;
            }
        }
    }
    Ok((estimates, status))
}

/// A progress bar on stderr for runs long enough to wait for (about half a
/// second and more); indicatif hides it when stderr is not a terminal.
fn progress_bar(quiet: bool, seat_trials: u64, trials: u64) -> ProgressBar {
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

fn estimates(catalog: &Catalog, args: &ReportArgs) -> Result<Vec<Estimate>, Diagnostics> {
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

fn check(dirs: &[PathBuf], paths: Vec<PathBuf>) -> anyhow::Result<Outcome> {
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
            Ok(summary) => stdout.push_str(&format!("ok    {}: {summary}\n", r.file)),
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
