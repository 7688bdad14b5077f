//! Reading a spreadsheet export of rates (CSV with the header
//! `role,level,location,engagement,low,typical,high,currency,source`) into
//! changes for [`super::edit`]; every bad cell reported at its row and
//! column of the CSV file, with what was expected and the fix.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::input::diagnostic::{Diagnostic, Span};
use crate::input::origin::Origin;
use crate::input::source::parse_decimal;
use crate::input::suggest::did_you_mean;
use crate::range::Range;
use crate::rates::RateKey;
use crate::rates::edit::{Change, Field, Kind};
use crate::vocabulary::Level;

pub const HEADER: [&str; 9] = [
    "role",
    "level",
    "location",
    "engagement",
    "low",
    "typical",
    "high",
    "currency",
    "source",
];

/// The column (0-based) a field of a change was read from.
pub fn column(field: Field) -> usize {
    match field {
        Field::Role => 0,
        Field::Location => 2,
        Field::Amount => 5,
        Field::Currency => 7,
        Field::Source => 8,
    }
}

/// One row: the change it asks for and where each of its cells is.
#[derive(Debug, Clone)]
pub struct Row {
    pub change: Change,
    cells: Vec<Origin>,
}

impl Row {
    /// Where the cell of column `i` (0-based) is, for a caret under it.
    pub fn cell(&self, i: usize) -> Origin {
        self.cells.get(i).cloned().unwrap_or_else(|| Origin::new(""))
    }

    /// Where a field of the change was read from.
    pub fn at(&self, field: Field) -> Origin {
        self.cell(column(field))
    }
}

/// "column 2 (level): ", which starts every message about a cell.
pub fn column_prefix(i: usize) -> String {
    format!("column {} ({}): ", i + 1, HEADER.get(i).copied().unwrap_or("?"))
}

fn level(text: &str) -> Option<Level> {
    match text.to_ascii_lowercase().as_str() {
        "junior" => Some(Level::Junior),
        "mid" => Some(Level::Mid),
        "senior" => Some(Level::Senior),
        "lead" => Some(Level::Lead),
        _ => None,
    }
}

fn kind(text: &str) -> Option<Kind> {
    match text.to_ascii_lowercase().replace(['-', '_', ' '], "").as_str() {
        "inhouse" => Some(Kind::Salary),
        "agency" => Some(Kind::AgencyRate),
        _ => None,
    }
}

/// The byte ranges of the cells of the record starting at byte `start`:
/// split at commas outside quotes, up to the end of the record, each
/// trimmed of spaces as the reader trims them.
fn cells(text: &str, start: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let (mut cell, mut quoted, mut i) = (start, false, start);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => quoted = !quoted,
            b',' if !quoted => {
                out.push(cell..i);
                cell = i + 1;
            }
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    out.push(cell..i);
    out.into_iter()
        .map(|r| {
            let raw = &text[r.clone()];
            let lead = raw.len() - raw.trim_start().len();
            r.start + lead..r.start + lead + raw.trim().len()
        })
        .collect()
}

/// Reads every row: the good rows, and every problem of the others, each
/// at its cell (so that the caller can add its own and report all). A row's
/// source is `None` when its cell is empty (`rates import --source` may
/// give one; [`crate::rates::edit::review`] says when one is needed).
pub fn read(name: &str, text: &str) -> (Vec<Row>, Vec<Diagnostic>) {
    let shared: (Arc<str>, Arc<str>) = (Arc::from(name), Arc::from(text));
    let origin = |range: std::ops::Range<usize>| {
        Origin::at(
            Arc::clone(&shared.0),
            Arc::clone(&shared.1),
            range.start,
            range.len(),
        )
    };
    let line_at = |byte: usize| {
        let end = text[byte..].find(['\n', '\r']).map_or(text.len(), |n| byte + n);
        Some(Span::locate(text, byte, text[byte..end].chars().count().max(1)))
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => {
            return (
                Vec::new(),
                vec![
                    Diagnostic::new(name, format!("not a CSV file: {e}"))
                        .expected("comma-separated text in UTF-8")
                        .help("export the sheet as CSV (UTF-8)"),
                ],
            );
        }
    };
    if header != HEADER {
        return (
            Vec::new(),
            vec![
                Diagnostic::new(name, format!("the header is `{}`", header.join(",")))
                    .at(line_at(0))
                    .expected(format!("the header `{}`", HEADER.join(",")))
                    .help("export the columns in this order, with this first line"),
            ],
        );
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let at = e.position().map_or(0, |p| p.byte() as usize);
                problems.push(
                    Diagnostic::new(name, format!("unreadable row: {e}"))
                        .at(line_at(at.min(text.len())))
                        .expected("comma-separated cells in UTF-8, a quoted cell closed by a quote")
                        .help("re-export the sheet as CSV (UTF-8)"),
                );
                continue;
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize).min(text.len());
        let places = cells(text, start);
        if record.len() != HEADER.len() {
            problems.push(
                Diagnostic::new(
                    name,
                    format!(
                        "the row has {} columns, the header {}",
                        record.len(),
                        HEADER.len()
                    ),
                )
                .at(line_at(start))
                .expected(format!("one cell per column: {}", HEADER.join(",")))
                .help("leave a cell empty (`,,`) rather than out; a cell holding a comma is quoted"),
            );
            continue;
        }
        let cell = |i: usize| places.get(i).cloned().map_or_else(|| Origin::new(name), &origin);
        let field = |i: usize| record.get(i).unwrap_or("");
        let bad = |i: usize, message: String, expected: &str, help: String| {
            cell(i)
                .diag(format!("{}{message}", column_prefix(i)))
                .expected(expected)
                .help(help)
        };
        let mut row_problems = Vec::new();
        for i in [0, 2] {
            if field(i).is_empty() {
                row_problems.push(bad(
                    i,
                    format!("the {} is empty", HEADER[i]),
                    "an id such as ai-engineer (role) or poland (location)",
                    format!("fill in the {} of the row", HEADER[i]),
                ));
            }
        }
        let level = level(field(1));
        if level.is_none() {
            row_problems.push(bad(
                1,
                format!("`{}` is not a level", field(1)),
                "Junior, Mid, Senior or Lead",
                did_you_mean(field(1), ["Junior", "Mid", "Senior", "Lead"])
                    .unwrap_or_else(|| "write one of the four levels".into()),
            ));
        }
        let kind = kind(field(3));
        if kind.is_none() {
            row_problems.push(bad(
                3,
                format!("`{}` is not an engagement", field(3)),
                "in-house (an annual salary) or agency (an hourly rate)",
                "write in-house or agency".into(),
            ));
        }
        let mut number = |i: usize| -> Option<Decimal> {
            let text = field(i);
            if text.is_empty() {
                return None;
            }
            let value = parse_decimal(text).filter(|v| *v > Decimal::ZERO);
            if value.is_none() {
                row_problems.push(bad(
                    i,
                    format!("`{text}` is not a positive number"),
                    "digits with an optional decimal point, e.g. 185000 or 72.5",
                    "write the figure without thousands separators or a currency sign".into(),
                ));
            }
            value
        };
        let (low, typical, high) = (number(4), number(5), number(6));
        let amount = match typical {
            None if field(5).is_empty() => {
                row_problems.push(bad(
                    5,
                    "the typical figure is empty".into(),
                    "a typical figure (low and high may be empty: then they equal it)",
                    "fill in the typical figure of the row".into(),
                ));
                None
            }
            None => None,
            Some(t) if (field(4).is_empty() || low.is_some()) && (field(6).is_empty() || high.is_some()) => {
                let (l, h) = (low.unwrap_or(t), high.unwrap_or(t));
                let range = Range::new(l, t, h);
                if range.is_none() {
                    let first = places.get(4).map_or(0, |r| r.start);
                    let last = places.get(6).map_or(first, |r| r.end);
                    row_problems.push(
                        origin(first..last.max(first))
                            .diag(format!(
                                "columns 5-7 (low, typical, high): low {l}, typical {t}, high {h} are out of order"
                            ))
                            .expected("low <= typical <= high")
                            .help("swap the figures that are in the wrong column"),
                    );
                }
                range
            }
            Some(_) => None,
        };
        let currency = Some(field(7).to_string()).filter(|c| !c.is_empty());
        if let Some(c) = &currency
            && crate::money::Currency::parse(c).is_none()
        {
            row_problems.push(bad(
                7,
                format!("`{c}` is not a currency code"),
                "three upper-case letters, e.g. USD",
                "leave the cell empty to use the location's currency".into(),
            ));
        }
        match (level, kind, amount) {
            (Some(level), Some(kind), Some(amount)) if row_problems.is_empty() => rows.push(Row {
                change: Change {
                    kind,
                    key: RateKey {
                        role: field(0).to_string(),
                        level,
                        location: field(2).to_string(),
                    },
                    amount,
                    source: Some(field(8).to_string()).filter(|s| !s.is_empty()),
                    currency,
                },
                cells: (0..HEADER.len()).map(cell).collect(),
            }),
            _ => problems.extend(row_problems),
        }
    }
    (rows, problems)
}
