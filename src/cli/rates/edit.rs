//! What `rates set` and `rates import` share: changes reviewed against the
//! plugin file as it is, applied, checked whole and written atomically
//! under a lock, and the summary of what changed.

use std::path::Path;

use teamcost::Origin;
use teamcost::rates::edit::{self, Change, Field, Outcome};
use teamcost::rates::{Catalog, RateTable};
use teamcost::{Diagnostic, Diagnostics};

use super::super::{note_links, output_error};

/// Where the changes of one command were given, for its messages.
pub(super) struct Given<'a> {
    /// Where field of change i was given: a flag, a CSV cell.
    pub at: &'a dyn Fn(usize, Field) -> Origin,
    /// A problem with field of change i, worded for the user.
    pub word: &'a dyn Fn(usize, Field, Diagnostic) -> Diagnostic,
    /// How to give a source ("pass --source ID").
    pub how: &'a str,
    /// The source of changes that name none, when their figure changes.
    pub default_source: Option<&'a str>,
    /// Problems found before (bad CSV rows), reported with the review's.
    pub earlier: Vec<Diagnostic>,
}

/// Applies changes to a plugin file: reviews them first against the file
/// as it is (which must pass `check`), each problem reported where the
/// change was given; then checks the whole result as `check` does and
/// writes it atomically. On any error the file is unchanged. The file is
/// locked from the read to the rename, so concurrent edits serialise.
pub(super) fn edit_file(
    catalog: &Catalog,
    file: &Path,
    changes: &[Change],
    given: &Given,
) -> anyhow::Result<Vec<(Change, Outcome)>> {
    let name = file.display().to_string();
    let locked = teamcost::output::Edit::open(file).map_err(output_error)?;
    let original = locked.read_to_string().map_err(|e| {
        Diagnostics::from(Diagnostic::new(
            name.clone(),
            format!("cannot read rate plugin: {e}"),
        ))
    })?;
    let table = RateTable::read(teamcost::Source::new(&name, &original)).map_err(Diagnostics)?;
    let layers = teamcost::rates::layers::check_plugin(table, catalog).map_err(Diagnostics)?;
    let mut changes = changes.to_vec();
    if let (Some(id), Some(top)) = (given.default_source, layers.tables().last()) {
        for change in changes.iter_mut().filter(|c| c.source.is_none()) {
            if !edit::unchanged(change, top) {
                change.source = Some(id.to_string());
            }
        }
    }
    let mut problems = given.earlier.clone();
    problems.extend(
        edit::review(&changes, &layers, given.at, given.how)
            .into_iter()
            .map(|(i, field, d)| (given.word)(i, field, d)),
    );
    // in the order of the lines they point at; a problem with --source
    // shared by many rows, once
    problems.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    let mut once: Vec<Diagnostic> = Vec::new();
    for d in problems {
        if !once.contains(&d) {
            once.push(d);
        }
    }
    let problems = once;
    if !problems.is_empty() {
        return Err(Diagnostics(problems).into());
    }
    let mut text = original.clone();
    let mut outcomes = Vec::new();
    for change in changes {
        let (edited, outcome) = edit::apply_change(&name, &text, &change).map_err(Diagnostics::from)?;
        text = edited;
        outcomes.push((change, outcome));
    }
    edit::validate(&name, &text, catalog).map_err(Diagnostics)?;
    if text != original {
        let written = locked.replace(text.as_bytes()).map_err(output_error)?;
        note_links(file, written);
    }
    Ok(outcomes)
}

pub(super) fn summary(outcomes: &[(Change, Outcome)]) -> String {
    let mut out = String::new();
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    for (c, o) in outcomes {
        let new = edit::range_text(&c.amount);
        match o {
            Outcome::Added => out.push_str(&format!("added    {} {}: {new}\n", c.kind.name(), c.key)),
            Outcome::Changed { old } => {
                out.push_str(&format!("changed  {} {}: {old} -> {new}\n", c.kind.name(), c.key))
            }
            Outcome::Unchanged => out.push_str(&format!("same     {} {}: {new}\n", c.kind.name(), c.key)),
        }
    }
    out.push_str(&format!(
        "{} added, {} changed, {} unchanged\n",
        count(|o| matches!(o, Outcome::Added)),
        count(|o| matches!(o, Outcome::Changed { .. })),
        count(|o| matches!(o, Outcome::Unchanged))
    ));
    out
}
