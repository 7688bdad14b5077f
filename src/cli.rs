//! Command-line flags (clap) and their translation into library calls. The
//! library never sees clap types.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use teamcost::origin::{Located, Origin};
use teamcost::report::Format;
use teamcost::{Catalog, Diagnostic, Diagnostics, Estimate};

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

/// What a command produced: text for stdout, and whether it failed a check.
pub struct Outcome {
    pub stdout: String,
    pub failed_check: bool,
}

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
            let estimates = estimates(&Catalog::load(&dirs)?, &args)?;
            Ok(ok(teamcost::report::estimates(&estimates, args.format.into())))
        }
        Command::Compare(args) => {
            let estimates = estimates(&Catalog::load(&dirs)?, &args)?;
            Ok(ok(teamcost::report::comparison(&estimates, args.format.into())))
        }
        Command::Check { paths } => check(&dirs, paths),
    }
}

fn ok(stdout: String) -> Outcome {
    Outcome {
        stdout,
        failed_check: false,
    }
}

fn estimates(catalog: &Catalog, args: &ReportArgs) -> Result<Vec<Estimate>, Diagnostics> {
    let currency = match &args.currency {
        Some(code) => Some(teamcost::money::Currency::parse(code).ok_or_else(|| {
            Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
                .expected("three upper-case letters, as in USD, EUR, PLN")
                .help(format!("write --currency {}", code.to_uppercase()))
        })?),
        None => None,
    };
    let mut out = Vec::with_capacity(args.files.len());
    let mut problems = Vec::new();
    for file in &args.files {
        let result = teamcost::load_scenario(file).and_then(|mut scenario| {
            if let Some(c) = &currency {
                scenario.currency = Some(Located::new(c.clone(), Origin::new("--currency")));
            }
            teamcost::estimate_scenario(catalog, &scenario)
        });
        match result {
            Ok(e) => out.push(e),
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
