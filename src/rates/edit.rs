//! Editing a rate plugin in place: one salary or agency rate changed or
//! added, every other byte of the file (comments, blank lines, other
//! entries) kept as it was. The whole result is checked before anything is
//! written.

use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::input::diagnostic::Diagnostic;
use crate::input::origin::{Located, Origin};
use crate::input::source::Source;
use crate::money::Currency;
use crate::range::Range;
use crate::rates::layers::{Layers, unknown};
use crate::rates::table::Price;
use crate::rates::{RateKey, RateTable};
use crate::vocabulary::Level;

/// Which list an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Salary,
    AgencyRate,
}

impl Kind {
    fn list(self) -> &'static str {
        match self {
            Kind::Salary => "salaries",
            Kind::AgencyRate => "agency_rates",
        }
    }

    fn amount_field(self) -> &'static str {
        match self {
            Kind::Salary => "annual",
            Kind::AgencyRate => "hourly",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Salary => "salary",
            Kind::AgencyRate => "agency rate",
        }
    }
}

/// One change to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: Kind,
    pub key: RateKey,
    pub amount: Range,
    /// Required for a new entry; replaces the entry's source when given.
    pub source: Option<String>,
    /// Written on a new entry (or replacing the entry's) when given.
    pub currency: Option<String>,
}

/// What a change did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Added,
    Changed { old: String },
    Unchanged,
}

/// Just the lists, each kept as raw text (with the comments inside it), so
/// that an empty list (as `rates new` writes them) is found too.
#[derive(Deserialize)]
#[serde(rename = "RateTable")]
struct Lists<'a> {
    #[serde(default, borrow)]
    salaries: Option<&'a RawValue>,
    #[serde(default, borrow)]
    agency_rates: Option<&'a RawValue>,
}

/// The fields of one entry, as raw text.
#[derive(Deserialize)]
struct Entry<'a> {
    #[serde(borrow)]
    role: &'a RawValue,
    level: Level,
    #[serde(borrow)]
    location: &'a RawValue,
    #[serde(default, borrow)]
    annual: Option<&'a RawValue>,
    #[serde(default, borrow)]
    hourly: Option<&'a RawValue>,
    #[serde(default, borrow)]
    currency: Option<&'a RawValue>,
    #[serde(borrow)]
    source: &'a RawValue,
}

/// A range as the file writes it.
pub fn range_text(r: &Range) -> String {
    let n = |d: Decimal| d.normalize().to_string();
    if r.is_fixed() {
        n(r.typical())
    } else {
        format!(
            "(low: {}, typical: {}, high: {})",
            n(r.low()),
            n(r.typical()),
            n(r.high())
        )
    }
}

fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// Byte offset of a slice of `text`.
fn offset(text: &str, slice: &str) -> usize {
    slice.as_ptr() as usize - text.as_ptr() as usize
}

/// A replacement: byte range and new text.
type Splice = (std::ops::Range<usize>, String);

fn apply(text: &str, mut splices: Vec<Splice>) -> String {
    splices.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    let mut out = text.to_string();
    for (range, new) in splices {
        out.replace_range(range, &new);
    }
    out
}

/// Applies one change to the text of a plugin file.
pub fn apply_change(name: &str, text: &str, change: &Change) -> Result<(String, Outcome), Diagnostic> {
    let source = Source::new(name, text);
    let lists: Lists = source.parse()?;
    let list = match change.kind {
        Kind::Salary => lists.salaries,
        Kind::AgencyRate => lists.agency_rates,
    };
    let entries: Vec<&RawValue> = list.map(|l| source.parse_raw(l)).transpose()?.unwrap_or_default();
    for &raw in &entries {
        let entry: Entry = source.parse_raw(raw)?;
        let role: String = source.parse_raw(entry.role)?;
        let location: String = source.parse_raw(entry.location)?;
        if role != change.key.role || entry.level != change.key.level || location != change.key.location {
            continue;
        }
        let amount = match change.kind {
            Kind::Salary => entry.annual,
            Kind::AgencyRate => entry.hourly,
        }
        .ok_or_else(|| {
            source
                .diag_at(
                    raw.get_ron().trim(),
                    format!("this entry has no `{}`", change.kind.amount_field()),
                )
                .help("fix the entry by hand, then run the command again")
        })?;
        let old = amount.get_ron().trim();
        let new = range_text(&change.amount);
        let mut splices = vec![(offset(text, old)..offset(text, old) + old.len(), new.clone())];
        if let Some(s) = &change.source {
            let at = entry.source.get_ron().trim();
            splices.push((offset(text, at)..offset(text, at) + at.len(), quoted(s)));
        }
        match (&change.currency, entry.currency) {
            (Some(c), Some(at)) => {
                let at = at.get_ron().trim();
                splices.push((offset(text, at)..offset(text, at) + at.len(), quoted(c)));
            }
            (Some(c), None) => {
                let end = offset(text, old) + old.len();
                splices.push((end..end, format!(", currency: {}", quoted(c))));
            }
            (None, _) => {}
        }
        let edited = apply(text, splices);
        let outcome = if edited == text {
            Outcome::Unchanged
        } else {
            Outcome::Changed { old: old.to_string() }
        };
        return Ok((edited, outcome));
    }
    let source_id = change.source.as_ref().ok_or_else(|| {
        Diagnostic::new(
            name,
            format!(
                "no {} for {} yet, and a new entry needs a source",
                change.kind.name(),
                change.key
            ),
        )
        .expected("--source ID naming an entry of `sources` (in this plugin or a layer below)")
        .help("add --source, e.g. --source vendor-quote-2026-09")
    })?;
    let currency = change
        .currency
        .as_ref()
        .map(|c| format!(", currency: {}", quoted(c)))
        .unwrap_or_default();
    let line = format!(
        "(role: {}, level: {}, location: {}, {}: {}{currency}, source: {})",
        quoted(&change.key.role),
        change.key.level,
        quoted(&change.key.location),
        change.kind.amount_field(),
        range_text(&change.amount),
        quoted(source_id)
    );
    let edited = match (entries.last(), list) {
        // after the last entry, on a line of its own with the same indent
        (Some(last), _) => {
            let last = last.get_ron().trim();
            let end = offset(text, last) + last.len();
            let indent = indent_of(text, offset(text, last));
            apply(text, vec![(end..end, format!(",\n{indent}{line}"))])
        }
        // an empty list (perhaps holding commented examples): before its `]`
        (None, Some(list)) => {
            let list = list.get_ron().trim_end();
            let close = offset(text, list) + list.len() - 1;
            let open = offset(text, list.trim_start());
            let indent = indent_of(text, open);
            let before = text[..close].trim_end_matches([' ', '\t']);
            let newline = if before.ends_with('\n') { "" } else { "\n" };
            apply(
                text,
                vec![(
                    before.len()..close,
                    format!("{newline}{indent}    {line},\n{indent}"),
                )],
            )
        }
        // no such list: a new one after the last field
        (None, None) => {
            let (last, close) =
                last_code(text).ok_or_else(|| source.diag("the file does not end with `)`"))?;
            let comma = if matches!(text.as_bytes()[last], b',' | b'(') {
                None
            } else {
                Some((last + 1..last + 1, ",".to_string()))
            };
            let before = text[..close].trim_end().len();
            let insert = format!("\n    {}: [\n        {line},\n    ],\n", change.kind.list());
            apply(text, comma.into_iter().chain([(before..close, insert)]).collect())
        }
    };
    Ok((edited, Outcome::Added))
}

/// The byte offsets of the closing `)` of the file and of the last
/// character of code before it, skipping strings and comments (a comment
/// may end in a comma that is no comma of the file).
fn last_code(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut previous, mut last) = (None, None);
    let mut code = |at: usize| {
        previous = last;
        last = Some(at);
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                // RON block comments nest
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i..].starts_with(b"/*") {
                        depth += 1;
                        i += 2;
                    } else if bytes[i..].starts_with(b"*/") {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
                continue;
            }
            b'"' => {
                code(i);
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                code(i.min(bytes.len() - 1));
            }
            c if !c.is_ascii_whitespace() => code(i),
            _ => {}
        }
        i += 1;
    }
    let close = last.filter(|&c| bytes[c] == b')')?;
    Some((previous?, close))
}

/// The whitespace that starts the line holding byte `at`.
fn indent_of(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect()
}

/// Checks an edited plugin exactly as `check` checks a plugin file: it
/// reads (every figure in range), its references resolve on top of the
/// shipped default table, and the exchange rates reach every currency it
/// quotes in.
pub fn validate(name: &str, text: &str, catalog: &crate::rates::Catalog) -> Result<(), Vec<Diagnostic>> {
    let table = crate::rates::RateTable::read(Source::new(name, text))?;
    crate::rates::layers::check_plugin(table, catalog).map(|_| ())
}

/// The part of a change a problem is about: a flag of `rates set`, a column
/// of `rates import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Role,
    Location,
    Amount,
    Currency,
    Source,
}

/// Whether `change` would leave the figure of its entry in `table` as it
/// is (an entry the table does not have changes).
pub fn unchanged(change: &Change, table: &RateTable) -> bool {
    entries(table, change.kind)
        .get(&change.key)
        .is_some_and(|p| p.amount == change.amount)
}

fn entries(table: &RateTable, kind: Kind) -> &std::collections::BTreeMap<RateKey, Price> {
    match kind {
        Kind::Salary => &table.salaries,
        Kind::AgencyRate => &table.agency_rates,
    }
}

/// Checks changes before any is applied, against `layers`: the file being
/// edited as it is now (the top layer) over the tables below it. Each
/// problem points where the change was given (`at(i, field)`: a flag, a CSV
/// cell), not at a line of a file that does not exist yet; it comes with
/// the change's index and field. `how` says how to give a source ("pass
/// --source ID").
///
/// A new figure, or a figure that changes, needs its source: the old
/// entry's source is not assumed to hold for it.
pub fn review(
    changes: &[Change],
    layers: &Layers,
    at: impl Fn(usize, Field) -> Origin,
    how: &str,
) -> Vec<(usize, Field, Diagnostic)> {
    let mut problems = Vec::new();
    let Some(top) = layers.tables().last() else {
        return problems;
    };
    let (roles, locations, sources) = (layers.role_ids(), layers.location_ids(), layers.source_ids());
    let mut seen: std::collections::BTreeMap<(&str, &RateKey), usize> = Default::default();
    for (i, change) in changes.iter().enumerate() {
        let mut problem = |field: Field, d: Diagnostic| problems.push((i, field, d));
        if let Some(first) = seen.insert((change.kind.name(), &change.key), i) {
            problem(
                Field::Role,
                at(i, Field::Role)
                    .diag(format!(
                        "the {} of {} is given twice{}",
                        change.kind.name(),
                        change.key,
                        at(first, Field::Role).first_at()
                    ))
                    .expected("one figure per role, level, location and engagement")
                    .help("keep one of the two"),
            );
        }
        let key = &change.key;
        if layers.role(&key.role).is_none() {
            let d = at(i, Field::Role).diag(format!("unknown role `{}`", key.role));
            problem(Field::Role, unknown(&d, "role", &key.role, &roles, layers));
        }
        let location = layers.location(&key.location);
        if location.is_none() {
            let d = at(i, Field::Location).diag(format!("unknown location `{}`", key.location));
            problem(
                Field::Location,
                unknown(&d, "location", &key.location, &locations, layers),
            );
        }
        if let Some(c) = &change.currency {
            match Currency::parse(c) {
                None => problem(
                    Field::Currency,
                    at(i, Field::Currency)
                        .diag(format!("`{c}` is not a currency code"))
                        .expected("three upper-case letters, e.g. USD or EUR")
                        .help("leave the currency out to use the location's"),
                ),
                Some(currency) => {
                    if let Some(place) = location
                        && let Err(d) = layers.conversion(
                            &Located::new(currency, at(i, Field::Currency)),
                            &place.currency.value,
                        )
                    {
                        problem(Field::Currency, d);
                    }
                }
            }
        }
        match &change.source {
            Some(id) if layers.source(id).is_none() => {
                let d = at(i, Field::Source).diag(format!("unknown source `{id}`"));
                problem(Field::Source, unknown(&d, "source", id, &sources, layers));
            }
            Some(_) => {}
            None => {
                let old = entries(top, change.kind).get(key);
                if old.is_some_and(|p| p.amount == change.amount) {
                    continue;
                }
                let message = match old {
                    Some(p) => format!(
                        "the {} of {key} changes from {} to {}: the new figure needs its source",
                        change.kind.name(),
                        range_text(&p.amount),
                        range_text(&change.amount)
                    ),
                    None => format!(
                        "{} has no {} of {key} yet: a new entry needs its source",
                        top.file,
                        change.kind.name()
                    ),
                };
                let own: Vec<&str> = top.sources.keys().map(String::as_str).collect();
                let expected = if own.is_empty() {
                    format!("the id of a source defined in layers {}", layers.describe())
                } else if own.len() > 15 {
                    // the help says where to see them; the list would hide the message
                    format!(
                        "the id of one of the {} sources in {}, or of the layers below",
                        own.len(),
                        top.file
                    )
                } else {
                    format!(
                        "the id of a source: one of {} (in {}), or of the layers below",
                        own.join(", "),
                        top.file
                    )
                };
                let mut help = format!("{how}; ");
                if let Some(p) = old {
                    help.push_str(&format!(
                        "give `{}` again if the new figure comes from the entry's source; ",
                        p.source.value
                    ));
                }
                help.push_str(&format!(
                    "`teamcost rates show {} --sources` lists the sources in use, and a new one goes into `sources` first",
                    top.file
                ));
                problem(
                    Field::Source,
                    at(i, Field::Source).diag(message).expected(expected).help(help),
                );
            }
        }
    }
    problems
}
