//! `teamcost rates audit`: the checks to run on a rate table before a meeting.

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use teamcost::Diagnostics;
use teamcost::rates::{Catalog, RateTable};
use teamcost::report::{Format, Width};

use super::super::{FormatArg, Outcome};
use super::plugin;

#[derive(clap::Args)]
pub struct Args {
    /// A plugin file or name; an overlay is audited over the table below
    /// it. Default: the plugins of each --rates DIR, or with none every
    /// plugin in force.
    pub file: Option<String>,
    /// Least agency month (hourly x hours_per_month) per loaded in-house
    /// month (S/12 x burden + overhead + S/12 x management), at typical.
    #[arg(long, default_value = "1.0", value_name = "RATIO")]
    pub min_agency_ratio: Decimal,
    /// Most agency month per loaded in-house month.
    #[arg(long, default_value = "3.0", value_name = "RATIO")]
    pub max_agency_ratio: Decimal,
    /// Least pay of an engineering role per ai-developer of the same
    /// level and location.
    #[arg(long, default_value = "1.0", value_name = "RATIO")]
    pub min_premium: Decimal,
    /// Most pay of an engineering role per ai-developer.
    #[arg(long, default_value = "1.5", value_name = "RATIO")]
    pub max_premium: Decimal,
    /// Most months a source may be published before the table's
    /// `effective` date.
    #[arg(long, default_value_t = 24, value_name = "MONTHS")]
    pub max_source_age_months: u32,
    /// Most an overlay figure may be over the figure it replaces (and at
    /// least its reciprocal under it).
    #[arg(long, default_value = "2", value_name = "RATIO")]
    pub max_overlay_ratio: Decimal,
    /// Exit with status 2 when there is any finding (acknowledged ones
    /// aside).
    #[arg(long)]
    pub strict: bool,
    /// Count acknowledged old sources (those with a `stale` reason) as
    /// findings again, for a reviewer who wants to see every one.
    #[arg(long)]
    pub no_acknowledged: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

pub(super) fn run(
    catalog: &Catalog,
    args: &Args,
    cli_dirs: &[PathBuf],
    width: Width,
) -> anyhow::Result<Outcome> {
    let limits = teamcost::audit::Thresholds {
        min_agency_ratio: args.min_agency_ratio,
        max_agency_ratio: args.max_agency_ratio,
        min_premium: args.min_premium,
        max_premium: args.max_premium,
        max_source_age_months: args.max_source_age_months,
        max_overlay_ratio: args.max_overlay_ratio,
    };
    let tables = audited(catalog, args.file.as_deref(), cli_dirs)?;
    let mut findings = Vec::new();
    let mut acknowledged = Vec::new();
    let mut names = Vec::new();
    for table in tables {
        names.push(format!("{} ({})", table.name.value, table.file));
        let layers = teamcost::rates::layers::over_default(table, catalog).map_err(Diagnostics)?;
        let mut audit = teamcost::audit::audit(&layers, &limits);
        if args.no_acknowledged {
            audit = audit.everything();
        }
        for note in &audit.notes {
            eprintln!("note: {note}");
        }
        findings.extend(audit.findings);
        acknowledged.extend(audit.acknowledged);
    }
    let stdout = teamcost::report::audit::render(
        &names.join(", "),
        &findings,
        &acknowledged,
        Format::from(args.format),
        width,
    );
    let status = if args.strict && !findings.is_empty() { 2 } else { 0 };
    Ok(Outcome { stdout, status })
}

/// The plugins `rates audit` audits: FILE, else those loaded from the
/// `--rates` directories, else every plugin in force.
fn audited(
    catalog: &Catalog,
    file: Option<&str>,
    cli_dirs: &[PathBuf],
) -> Result<Vec<RateTable>, Diagnostics> {
    if let Some(file) = file {
        return Ok(vec![plugin(catalog, file)?]);
    }
    let from_dirs = |t: &RateTable| {
        Path::new(&t.file)
            .parent()
            .is_some_and(|p| cli_dirs.iter().any(|d| d == p))
    };
    Ok(catalog
        .all()
        .filter_map(|(_, tables)| tables.first())
        .filter(|t| cli_dirs.is_empty() || from_dirs(t))
        .map(|t| (**t).clone())
        .collect())
}
