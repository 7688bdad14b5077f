//! `teamcost rates import`: a bulk update from a spreadsheet export, all
//! rows or nothing.

use std::path::PathBuf;

use teamcost::Origin;
use teamcost::rates::Catalog;
use teamcost::rates::edit::{Change, Field};
use teamcost::rates::import;
use teamcost::{Diagnostic, Diagnostics};

use super::super::{Outcome, ok};
use super::edit::{Given, edit_file, summary};

#[derive(clap::Args)]
pub struct Args {
    /// CSV with header role,level,location,engagement,low,typical,high,currency,source
    pub csv: PathBuf,
    /// The rate plugin to update in place.
    #[arg(long, value_name = "FILE")]
    pub into: PathBuf,
    /// Source id for the rows whose source column is empty (needed by
    /// each row whose figure is new or changes).
    #[arg(long, value_name = "ID")]
    pub source: Option<String>,
}

pub(super) fn run(catalog: &Catalog, args: &Args) -> anyhow::Result<Outcome> {
    let Args { csv, into, source } = args;
    let name = csv.display().to_string();
    let text = std::fs::read_to_string(csv)
        .map_err(|e| Diagnostics::from(Diagnostic::new(name.clone(), format!("cannot read: {e}"))))?;
    let (rows, earlier) = import::read(&name, &text);
    let changes: Vec<Change> = rows.iter().map(|r| r.change.clone()).collect();
    let given = Given {
        // a source --source gave is that flag's, not the empty cell's
        at: &|i, field| match field {
            Field::Source if source.is_some() && rows[i].change.source.is_none() => Origin::new("--source"),
            _ => rows[i].at(field),
        },
        word: &|_, field, mut d| {
            // a problem at a cell (not at --source) names its column
            if d.span.is_some() {
                d.message = format!("{}{}", import::column_prefix(import::column(field)), d.message);
            }
            d
        },
        how: "fill in the source column, or pass --source ID for the rows that have none",
        default_source: source.as_deref(),
        earlier,
    };
    let outcomes = edit_file(catalog, into, &changes, &given)?;
    Ok(ok(summary(&outcomes)))
}
