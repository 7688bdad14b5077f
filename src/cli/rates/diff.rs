//! `teamcost rates diff`: what changed from one plugin to another.

use teamcost::rates::Catalog;
use teamcost::rates::diff::{Reading, diff};
use teamcost::report::rates::DiffReport;
use teamcost::report::{Format, Width};

use super::super::{FormatArg, Outcome, ok};
use super::plugin;

#[derive(clap::Args)]
pub struct Args {
    /// The old one: a plugin name or a plugin file (e.g. an old version
    /// saved from git, or the table an overlay is layered on).
    pub a: String,
    /// The new one: a plugin name or a plugin file, the newer version or
    /// an overlay.
    pub b: String,
    /// Also list the entries of A that the overlay B does not override.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

pub(super) fn run(catalog: &Catalog, args: &Args, width: Width) -> anyhow::Result<Outcome> {
    let (x, y) = (plugin(catalog, &args.a)?, plugin(catalog, &args.b)?);
    let reading = Reading::of(&x, &y);
    let differences = diff(&x, &y, reading);
    let report = DiffReport {
        from: &args.a,
        to: &args.b,
        reading,
        differences: &differences,
        all: args.all,
    };
    Ok(ok(teamcost::report::rates::diff(
        &report,
        Format::from(args.format),
        width,
    )))
}
