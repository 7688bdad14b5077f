//! Command-line flags (clap) and their translation into library calls. The
//! library never sees clap types. One file per group of commands.

mod args;
mod charts;
mod check;
mod help;
mod options;
mod progress;
pub mod rates;
mod recommend;
mod setup;
mod width;

use std::path::{Path, PathBuf};

use teamcost::pipeline::Scale;
use teamcost::plot::Kind;
use teamcost::{Assessed, Catalog, Diagnostics};

pub use args::*;
use charts::{chart, report, write_charts};
pub use check::CheckFailed;

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
            // charts put the scenarios on one scale; the tables show each alone
            let scale = if args.charts.is_some() {
                Scale::Shared
            } else {
                Scale::Each
            };
            let request = options::request(&args.input, scale)?;
            let assessed = progress::assessed(&Catalog::load(&dirs)?, &request, args.input.quiet)?;
            write_charts(&assessed.assessments, &args, &request)?;
            let stdout = teamcost::report::estimates(&assessed.assessments, args.format.into(), width);
            Ok(gated(stdout, &assessed))
        }
        Command::Compare(args) => {
            let request = options::request(&args.input, Scale::Shared)?;
            let assessed = progress::assessed(&Catalog::load(&dirs)?, &request, args.input.quiet)?;
            write_charts(&assessed.assessments, &args, &request)?;
            let stdout = teamcost::report::comparison(&assessed.assessments, args.format.into(), width);
            Ok(gated(stdout, &assessed))
        }
        Command::Chart(args) => {
            let request = options::request(&args.input, Scale::Shared)?;
            // a budget draws a line on a chart; the gate (status 3) is
            // estimate's and compare's
            let assessed = progress::assessed(&Catalog::load(&dirs)?, &request, args.input.quiet)?;
            let svg = chart(Kind::from(args.kind), &assessed.assessments, request.budget)?;
            if is_stdout(&args.output) {
                return Ok(ok(svg));
            }
            write(&args.output, &svg)?;
            Ok(ok(String::new()))
        }
        Command::Check { paths } => check::check(&dirs, paths),
        Command::Report(args) => report(&Catalog::load(&dirs)?, &args),
        Command::Brief { files } => {
            let request = teamcost::Request::files(files);
            let estimates =
                teamcost::assess(&Catalog::load(&dirs)?, &request, &teamcost::pipeline::Silent)?.assessments;
            let briefs = teamcost::brief::gather(&estimates);
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
            let estimate = one(&dirs, &args)?;
            let found = teamcost::sensitivity(&estimate.model).map_err(|d| Diagnostics(vec![d]))?;
            let stdout = teamcost::report::sensitivity::render(&estimate, &found, args.format.into(), width);
            Ok(ok(stdout))
        }
        Command::Breakeven(args) => {
            let estimate = one(&dirs, &args)?;
            let b = estimate
                .breakeven()
                .as_ref()
                .map_err(|d| Diagnostics(d.clone()))?;
            Ok(ok(teamcost::report::breakeven::render(
                &estimate,
                b,
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

/// The one scenario of `sensitivity` and `breakeven`, assessed.
fn one(dirs: &[PathBuf], args: &OneFileArgs) -> anyhow::Result<teamcost::Assessment> {
    let request = options::one_file(args)?;
    let mut assessed = teamcost::assess(&Catalog::load(dirs)?, &request, &teamcost::pipeline::Silent)?;
    Ok(assessed.assessments.remove(0))
}

/// A command's output, with status 3 when a scenario is over its budget.
fn gated(stdout: String, assessed: &Assessed) -> Outcome {
    Outcome {
        stdout,
        status: if assessed.over_budget { OVER_BUDGET } else { 0 },
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
