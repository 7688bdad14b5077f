//! `teamcost rates ...`: listing, showing, comparing and editing rate
//! plugins, and the impact of a change on the scenarios; one file per
//! subcommand, with its flags.

mod audit;
mod diff;
mod edit;
mod impact;
mod import;
mod list;
mod new;
mod set;
mod show;

use std::path::{Path, PathBuf};

use clap::Subcommand;
use teamcost::rates::catalog::read_plugin;
use teamcost::rates::{Catalog, RateTable};
use teamcost::report::Width;
use teamcost::{Diagnostic, Diagnostics};

use super::{Outcome, help};

#[derive(Subcommand)]
pub enum RatesCommand {
    /// Every plugin found (embedded, ./rates, --rates) and which shadows which.
    #[command(after_help = help::RATES_LIST)]
    List(list::Args),
    /// The salaries and agency rates of a plugin.
    #[command(after_help = help::RATES_SHOW)]
    Show(show::Args),
    /// What changed from plugin A to plugin B: figures (in percent) and entries added.
    ///
    /// Two versions of one plugin (the same name) also show the entries
    /// removed. B with another name is read as an overlay on A: what it
    /// leaves out still holds, so it is not listed (--all lists it as kept),
    /// except from the blocks that win whole (fx, productivity).
    #[command(after_help = help::RATES_DIFF)]
    Diff(diff::Args),
    /// Each scenario's cost under the old and the new rates, largest change first.
    #[command(
        after_help = help::RATES_IMPACT,
        override_usage = "teamcost rates impact [OPTIONS] --from <PLUGIN> --to <PLUGIN>\n           <SCENARIO>..."
    )]
    Impact(impact::Args),
    /// Update or add one salary or agency rate in place; the rest of the file stays byte for byte.
    ///
    /// A new figure, or one that changes, needs --source (the old entry's
    /// source is not assumed to hold for it). The change is checked against
    /// the layers below first, and the whole file as `check` does before it
    /// is written; on any error the file is left as it was.
    #[command(
        after_help = help::RATES_SET,
        override_usage = "teamcost rates set [OPTIONS] <FILE> --role <ROLE> --level <LEVEL>\n           \
                          --location <LOCATION> (--annual <ANNUAL> | --hourly <HOURLY>)"
    )]
    Set(set::Args),
    /// Bulk update from a spreadsheet export: all rows or nothing.
    ///
    /// Each row is one `rates set`: engagement in-house sets an annual
    /// salary, agency an hourly rate; low and high may be empty. A row whose
    /// figure is new or changes needs a source (its column, or --source).
    /// Every bad cell is reported at its row and column of the CSV file, and
    /// nothing is written.
    #[command(after_help = help::RATES_IMPORT)]
    Import(import::Args),
    /// The checks to run on a rate table before a meeting.
    ///
    /// Inverted levels, agency months out of line with in-house ones, engineer
    /// premiums out of band, old sources, places where a standard team never
    /// breaks even, and overlay figures far from what they replace. Findings
    /// print with exit status 0 (2 with --strict). An old source whose entry
    /// says why it is still used (`stale`) is listed apart as acknowledged,
    /// not as a finding.
    #[command(after_help = help::RATES_AUDIT)]
    Audit(audit::Args),
    /// Scaffold an overlay plugin with every section explained.
    ///
    /// Its lists are empty but for commented examples; `rates set` and
    /// `rates import` fill them in.
    #[command(after_help = help::RATES_NEW)]
    New(new::Args),
}

pub fn run(
    dirs: &[PathBuf],
    cli_dirs: &[PathBuf],
    command: RatesCommand,
    width: Width,
) -> anyhow::Result<Outcome> {
    let catalog = Catalog::load(dirs)?;
    match command {
        RatesCommand::List(args) => Ok(list::run(&catalog, &args, width)),
        RatesCommand::Show(args) => show::run(&catalog, &args, width),
        RatesCommand::Diff(args) => diff::run(&catalog, &args, width),
        RatesCommand::Impact(args) => impact::run(&catalog, &args, width),
        RatesCommand::Set(args) => set::run(&catalog, args),
        RatesCommand::Import(args) => import::run(&catalog, &args),
        RatesCommand::Audit(args) => audit::run(&catalog, &args, cli_dirs, width),
        RatesCommand::New(args) => new::run(&catalog, args),
    }
}

/// A plugin by file path or by name in the catalog.
fn plugin(catalog: &Catalog, what: &str) -> Result<RateTable, Diagnostics> {
    let path = Path::new(what);
    if path.is_file() {
        return read_plugin(path).map_err(Diagnostics);
    }
    catalog.get(what).map(|t| (**t).clone()).ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::new(what, "no such plugin or file")
                .expected(format!(
                    "a plugin name ({}) or a plugin file",
                    catalog.names().join(", ")
                ))
                .maybe_help(teamcost::did_you_mean(what, catalog.names())),
        )
    })
}
