//! `teamcost rates new`: an overlay plugin scaffolded, every section explained.

use std::path::PathBuf;

use teamcost::rates::Catalog;
use teamcost::rates::edit;
use teamcost::{Diagnostic, Diagnostics};

use super::super::{Outcome, is_stdout, ok, write};
use super::plugin;

#[derive(clap::Args)]
pub struct Args {
    /// The new plugin's name.
    pub name: String,
    /// The plugin it is layered on.
    #[arg(long, value_name = "BASE")]
    pub from: Option<String>,
    /// Where to write it (default rates/NAME.ron); `-` writes it to stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(catalog: &Catalog, args: Args) -> anyhow::Result<Outcome> {
    let Args {
        name,
        from,
        output,
        force,
    } = args;
    let base = from.as_deref().map(|b| plugin(catalog, b)).transpose()?;
    let path = output.unwrap_or_else(|| PathBuf::from("rates").join(format!("{name}.ron")));
    if path.exists() && !force && !is_stdout(&path) {
        return Err(Diagnostics::from(
            Diagnostic::new(
                path.display().to_string(),
                "the file exists; teamcost does not overwrite it",
            )
            .help("pass --force to replace it, or choose another name or --output"),
        )
        .into());
    }
    let text = teamcost::rates::scaffold::overlay(&name, base.as_ref());
    edit::validate(&path.display().to_string(), &text, catalog).map_err(Diagnostics)?;
    if is_stdout(&path) {
        return Ok(ok(text));
    }
    write(&path, &text)?;
    Ok(ok(format!("wrote {}\n", path.display())))
}
