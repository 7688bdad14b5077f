//! Command-line flags (clap) and their translation into library calls. The
//! library never sees clap types. One file per group of commands.

mod args;
mod charts;
mod check;
mod estimate;
mod help;
pub mod rates;
mod recommend;
mod setup;
mod width;

use std::path::{Path, PathBuf};

use teamcost::plot::Kind;
use teamcost::{Catalog, Diagnostics};

pub use args::*;
use charts::{chart, report, write_charts};
pub use check::CheckFailed;
use estimate::{Scale, budget, currency, one, simulated};

/// What a command produced: text for stdout and the exit status.
pub struct Outcome {
    pub stdout: String,
    pub status: u8,
}

/// Exit status when a scenario is over its `--budget`.
pub const OVER_BUDGET: u8 = 3;

/// The rate directories in force: ./rates when present, then each --rates.
pub(crate) fn rate_dirs(cli_dirs: &[PathBuf]) -> Vec<PathBuf> {
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
    let width = width::width(cli.width).map_err(Diagnostics::from)?;
    match cli.command {
        Command::Estimate(args) => {
            let catalog = Catalog::load(&dirs)?;
            // charts put the scenarios on one scale; the tables show each alone
            let scale = if args.charts.is_some() {
                Scale::Shared
            } else {
                Scale::Each
            };
            let (estimates, status) = simulated(&catalog, &args.input, scale)?;
            write_charts(&catalog, &estimates, &args)?;
            let stdout = teamcost::report::estimates(&estimates, args.format.into(), width);
            Ok(Outcome { stdout, status })
        }
        Command::Compare(args) => {
            let catalog = Catalog::load(&dirs)?;
            let (estimates, status) = simulated(&catalog, &args.input, Scale::Shared)?;
            write_charts(&catalog, &estimates, &args)?;
            let stdout = teamcost::report::comparison(&estimates, args.format.into(), width);
            Ok(Outcome { stdout, status })
        }
        Command::Chart(args) => {
            let catalog = Catalog::load(&dirs)?;
            // a budget draws a line on a chart; the gate (status 3) is
            // estimate's and compare's
            let (estimates, _gate) = simulated(&catalog, &args.input, Scale::Shared)?;
            let kind = Kind::from(args.kind);
            let svg = chart(
                &catalog,
                kind,
                &estimates,
                budget(&args.input).map_err(Diagnostics::from)?,
            )?;
            if is_stdout(&args.output) {
                return Ok(ok(svg));
            }
            write(&args.output, &svg)?;
            Ok(ok(String::new()))
        }
        Command::Check { paths } => check::check(&dirs, paths),
        Command::Report(args) => report(&Catalog::load(&dirs)?, &args),
        Command::Brief { files } => {
            let catalog = Catalog::load(&dirs)?;
            let mut estimates = Vec::new();
            let mut layers = Vec::new();
            for file in &files {
                let (e, l) = estimate::load(&catalog, file, &None)?;
                estimates.push(e);
                layers.push(l);
            }
            let briefs = teamcost::brief::gather(&estimates, &layers);
            let title = match estimates.as_slice() {
                [one] => format!("{}: who to hire", one.scenario.name),
                _ => "Who to hire".to_string(),
            };
            Ok(ok(teamcost::brief::text(
                &title,
                &briefs,
                estimates.len() > 1,
                width,
            )))
        }
        Command::Recommend(args) => recommend::recommend(&Catalog::load(&dirs)?, &args, width),
        Command::Rates(command) => rates::run(&dirs, &cli.rates, command, width),
        Command::Sensitivity(args) => {
            let (estimate, _) = one(&Catalog::load(&dirs)?, &args)?;
            let (likely, swings) = teamcost::engine::sensitivity::sensitivity(&estimate.model)
                .map_err(|d| Diagnostics(vec![d]))?;
            let stdout =
                teamcost::report::sensitivity::render(&estimate, likely, &swings, args.format.into(), width);
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
                width,
            )))
        }
        Command::Completions { shell } => Ok(ok(setup::completions(shell))),
        Command::Man { out: None } => Ok(ok(setup::man_page()?)),
        Command::Man { out: Some(dir) } => {
            let pages = setup::man_pages()?;
            let count = pages.len();
            write_all(
                pages
                    .into_iter()
                    .map(|(name, page)| (dir.join(name), page))
                    .collect(),
            )?;
            Ok(ok(format!("wrote {count} manual pages into {}\n", dir.display())))
        }
    }
}

/// `-o -` (and `--write -`): stdout instead of a file named `-`.
pub fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
}

pub fn ok(stdout: String) -> Outcome {
    Outcome { stdout, status: 0 }
}

/// Writes a file whole, or reports which and why.
pub fn write(path: &Path, content: &str) -> anyhow::Result<()> {
    let written = teamcost::output::write_atomic(path, content.as_bytes()).map_err(output_error)?;
    note_links(path, written);
    Ok(())
}

/// Writes several files all or none (see [`teamcost::output::write_all`]).
pub fn write_all(files: Vec<(PathBuf, String)>) -> anyhow::Result<()> {
    let files: Vec<(PathBuf, Vec<u8>)> = files.into_iter().map(|(p, c)| (p, c.into_bytes())).collect();
    let written = teamcost::output::write_all(&files).map_err(output_error)?;
    for ((path, _), w) in files.iter().zip(written) {
        note_links(path, w);
    }
    Ok(())
}

/// A refused path is bad input (status 2); an I/O failure is not.
pub fn output_error(err: teamcost::output::Error) -> anyhow::Error {
    match err.diagnostic() {
        Some(d) => Diagnostics::from(d).into(),
        None => err.into(),
    }
}

/// The rename gave the file a new inode: say so when it had other names.
pub fn note_links(path: &Path, written: teamcost::output::Written) {
    if written.other_links > 0 {
        eprintln!(
            "note: {} had {} other hard link(s); they keep the old content",
            path.display(),
            written.other_links
        );
    }
}
