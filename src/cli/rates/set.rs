//! `teamcost rates set`: one salary or agency rate updated or added in place.

use std::path::PathBuf;

use teamcost::Origin;
use teamcost::range::Range;
use teamcost::rates::edit::{Change, Field, Kind};
use teamcost::rates::{Catalog, RateKey};
use teamcost::{Diagnostic, Diagnostics};

use super::super::{LevelArg, Outcome, ok};
use super::edit::{Given, edit_file, summary};

#[derive(clap::Args)]
pub struct Args {
    /// The rate plugin to edit (e.g. one `rates new` wrote).
    pub file: PathBuf,
    /// Role id of the entry, e.g. ai-engineer.
    #[arg(long)]
    pub role: String,
    /// Level of the entry.
    #[arg(long, value_enum)]
    pub level: LevelArg,
    /// Location id of the entry, e.g. us, germany.
    #[arg(long)]
    pub location: String,
    /// Annual salary: one number or LOW,TYPICAL,HIGH.
    #[arg(long, conflicts_with = "hourly", required_unless_present = "hourly")]
    pub annual: Option<String>,
    /// Hourly agency rate: one number or LOW,TYPICAL,HIGH.
    #[arg(long)]
    pub hourly: Option<String>,
    /// Source id of the figure: required for a new entry and for a
    /// figure that changes (the old entry's source is not assumed).
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
    /// Currency of the amount, when not the location's.
    #[arg(long)]
    pub currency: Option<String>,
}

pub(super) fn run(catalog: &Catalog, args: Args) -> anyhow::Result<Outcome> {
    let Args {
        file,
        role,
        level,
        location,
        annual,
        hourly,
        source,
        currency,
    } = args;
    let (kind, text, flag) = match (&annual, &hourly) {
        (Some(a), _) => (Kind::Salary, a, "--annual"),
        (None, Some(h)) => (Kind::AgencyRate, h, "--hourly"),
        (None, None) => anyhow::bail!("give --annual or --hourly"),
    };
    let change = Change {
        kind,
        key: RateKey {
            role,
            level: level.into(),
            location,
        },
        amount: amount(flag, text).map_err(Diagnostics::from)?,
        source,
        currency,
    };
    let flag = |field: Field| match field {
        Field::Role => "--role",
        Field::Location => "--location",
        Field::Amount => flag,
        Field::Currency => "--currency",
        Field::Source => "--source",
    };
    let given = Given {
        at: &|_, field| Origin::new(flag(field)),
        word: &|_, _, d| d,
        how: "pass --source ID",
        default_source: None,
        earlier: Vec::new(),
    };
    let outcomes = edit_file(catalog, &file, &[change], &given)?;
    Ok(ok(summary(&outcomes)))
}

/// "185000" or "150000,185000,240000".
fn amount(flag: &str, text: &str) -> Result<Range, Diagnostic> {
    let parts: Vec<_> = text
        .split(',')
        .map(|p| teamcost::parse_decimal(p.trim()))
        .collect();
    let bad = || {
        Diagnostic::new(flag, format!("`{text}` is not an amount"))
            .expected("one positive number, or LOW,TYPICAL,HIGH in order")
            .help(format!("write {flag} 185000 or {flag} 150000,185000,240000"))
    };
    let positive = |v: Option<rust_decimal::Decimal>| v.filter(|v| *v > rust_decimal::Decimal::ZERO);
    match parts.as_slice() {
        [one] => positive(*one).map(Range::single).ok_or_else(bad),
        [l, t, h] => Range::new(
            positive(*l).ok_or_else(bad)?,
            positive(*t).ok_or_else(bad)?,
            positive(*h).ok_or_else(bad)?,
        )
        .ok_or_else(bad),
        _ => Err(bad()),
    }
}
