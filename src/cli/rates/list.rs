//! `teamcost rates list`: every plugin found and which shadows which.

use teamcost::rates::Catalog;
use teamcost::report::rates::Listed;
use teamcost::report::{Format, Width};

use super::super::{FormatArg, Outcome, ok};

#[derive(clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

pub(super) fn run(catalog: &Catalog, args: &Args, width: Width) -> Outcome {
    let mut listed = Vec::new();
    for (name, tables) in catalog.all() {
        for (i, t) in tables.iter().enumerate() {
            let status = if i == 0 {
                "in force".to_string()
            } else {
                format!("shadowed by {}", tables[0].file)
            };
            listed.push(Listed {
                name: name.to_string(),
                file: t.file.clone(),
                effective: t.effective.clone().unwrap_or_default(),
                counts: [
                    t.roles.len(),
                    t.locations.len(),
                    t.salaries.len(),
                    t.agency_rates.len(),
                ],
                status,
            });
        }
    }
    ok(teamcost::report::rates::list(
        &listed,
        Format::from(args.format),
        width,
    ))
}
