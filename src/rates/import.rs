//! Reading a spreadsheet export of rates (CSV with the header
//! `role,level,location,engagement,low,typical,high,currency,source`) into
//! changes for [`super::edit`]; every bad row reported with its line.

use rust_decimal::Decimal;

use crate::input::diagnostic::{Diagnostic, Position, Span};
use crate::input::source::parse_decimal;
use crate::input::suggest::did_you_mean;
use crate::range::Range;
use crate::rates::RateKey;
use crate::rates::edit::{Change, Kind};
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

/// Reads every row; all problems, each with its line, or all changes.
pub fn read(name: &str, text: &str) -> Result<Vec<Change>, Vec<Diagnostic>> {
    let line_text = |line: usize| text.lines().nth(line.saturating_sub(1)).unwrap_or("").to_string();
    let at = |line: usize| {
        let t = line_text(line);
        Some(Span {
            start: Position { line, col: 1 },
            width: t.chars().count().max(1),
            line_text: t,
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(str::to_string).collect(),
        Err(e) => return Err(vec![Diagnostic::new(name, format!("not a CSV file: {e}"))]),
    };
    if header != HEADER {
        return Err(vec![
            Diagnostic::new(name, format!("the header is `{}`", header.join(",")))
                .at(at(1))
                .expected(format!("the header `{}`", HEADER.join(",")))
                .help("export the columns in this order, with this first line"),
        ]);
    }
    let mut changes = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Diagnostic::new(name, format!("unreadable row: {e}")).at(at(line)));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let field = |i: usize| record.get(i).unwrap_or("");
        let bad = |message: String, expected: &str, help: Option<String>| {
            Diagnostic::new(name, message)
                .at(at(line))
                .expected(expected)
                .maybe_help(help)
        };
        let Some(level) = level(field(1)) else {
            problems.push(bad(
                format!("level `{}` is not a level", field(1)),
                "Junior, Mid, Senior or Lead",
                did_you_mean(field(1), ["Junior", "Mid", "Senior", "Lead"]),
            ));
            continue;
        };
        let Some(kind) = kind(field(3)) else {
            problems.push(bad(
                format!("engagement `{}` is not in-house or agency", field(3)),
                "in-house (an annual salary) or agency (an hourly rate)",
                None,
            ));
            continue;
        };
        let number = |i: usize| -> Result<Option<Decimal>, Diagnostic> {
            let text = field(i);
            if text.is_empty() {
                return Ok(None);
            }
            parse_decimal(text)
                .filter(|v| *v > Decimal::ZERO)
                .map(Some)
                .ok_or_else(|| {
                    bad(
                        format!("{} `{text}` is not a positive number", HEADER[i]),
                        "digits, e.g. 185000 or 72.5",
                        None,
                    )
                })
        };
        let (low, typical, high) = match (number(4), number(5), number(6)) {
            (Ok(l), Ok(t), Ok(h)) => (l, t, h),
            (l, t, h) => {
                problems.extend([l.err(), t.err(), h.err()].into_iter().flatten());
                continue;
            }
        };
        let Some(typical) = typical else {
            problems.push(bad(
                "the typical figure is empty".into(),
                "a typical figure (low and high may be empty)",
                None,
            ));
            continue;
        };
        let Some(amount) = Range::new(low.unwrap_or(typical), typical, high.unwrap_or(typical)) else {
            problems.push(bad(
                format!(
                    "low {}, typical {typical}, high {} are out of order",
                    low.unwrap_or(typical),
                    high.unwrap_or(typical)
                ),
                "low <= typical <= high",
                Some("swap the values".into()),
            ));
            continue;
        };
        let currency = Some(field(7).to_string()).filter(|c| !c.is_empty());
        if let Some(c) = &currency
            && crate::money::Currency::parse(c).is_none()
        {
            problems.push(bad(
                format!("currency `{c}` is not a currency code"),
                "three upper-case letters, e.g. USD",
                None,
            ));
            continue;
        }
        if field(0).is_empty() || field(2).is_empty() {
            problems.push(bad(
                "role and location must not be empty".into(),
                "ids such as ai-engineer and poland",
                None,
            ));
            continue;
        }
        changes.push(Change {
            kind,
            key: RateKey {
                role: field(0).to_string(),
                level,
                location: field(2).to_string(),
            },
            amount,
            source: Some(field(8).to_string()).filter(|s| !s.is_empty()),
            currency,
        });
    }
    if problems.is_empty() {
        Ok(changes)
    } else {
        Err(problems)
    }
}
