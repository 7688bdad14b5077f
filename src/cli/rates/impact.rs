//! `teamcost rates impact`: each scenario under the old and the new rates.

use std::path::PathBuf;

use teamcost::impact::Placement;
use teamcost::rates::Catalog;
use teamcost::rates::diff::Reading;
use teamcost::report::{Format, Width};

use super::super::{FormatArg, Outcome, ok};
use super::plugin;

#[derive(clap::Args)]
pub struct Args {
    /// The old rates: a plugin name or a plugin file.
    #[arg(long, value_name = "PLUGIN")]
    pub from: String,
    /// The new rates: a plugin name or a plugin file.
    #[arg(long, value_name = "PLUGIN")]
    pub to: String,
    /// Scenario files to estimate under both.
    #[arg(required = true, value_name = "SCENARIO")]
    pub scenarios: Vec<PathBuf>,
    /// Simulation trials for the p90 (0: none).
    #[arg(long, default_value_t = teamcost::DEFAULT_TRIALS)]
    pub trials: u32,
    /// Seed of the simulation: the same files and seed give the same figures.
    #[arg(long, default_value_t = teamcost::DEFAULT_SEED)]
    pub seed: u64,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

pub(super) fn run(catalog: &Catalog, args: &Args, width: Width) -> anyhow::Result<Outcome> {
    let (old, new) = (plugin(catalog, &args.from)?, plugin(catalog, &args.to)?);
    // read as `rates diff` reads them: another name is an overlay
    let (from_name, to_name) = (old.name.value.clone(), new.name.value.clone());
    let change = match Reading::of(&old, &new) {
        Reading::Versions => Placement::Replace {
            from: &from_name,
            to: &to_name,
        },
        Reading::Overlay => Placement::Overlay {
            on: &from_name,
            top: &to_name,
        },
    };
    let (mut before, mut after) = (catalog.clone(), catalog.clone());
    before.add(old);
    after.add(new);
    let scenarios: Vec<_> = args
        .scenarios
        .iter()
        .map(|f| teamcost::load_scenario(f))
        .collect::<Result<_, _>>()?;
    let rows = teamcost::impact::impact(&before, &after, change, &scenarios, args.trials, args.seed)?;
    Ok(ok(teamcost::report::rates::impact(
        &args.from,
        &args.to,
        &rows,
        Format::from(args.format),
        width,
    )))
}
