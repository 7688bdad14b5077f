//! Break-even of one scenario in every format (MODEL.md section 7).

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::Format;
use super::Width;
use super::grid::{Style, titled};
use crate::assessment::Assessment;
use crate::engine::breakeven::{BreakEven, LONGEST};
use crate::money::{grouped, two_places};

fn cell(value: Option<Decimal>, money: fn(Decimal) -> String) -> String {
    value.map_or_else(|| "n/a".to_string(), money)
}

/// "break-even at 9 months" or "none within 60 months".
pub fn verdict(b: &BreakEven) -> String {
    match b.months {
        Some(m) => format!("in-house is cheaper per productive person-month from {m} months on"),
        None => format!("none within {LONGEST} months: an agency stays cheaper or as cheap"),
    }
}

pub fn render(e: &Assessment, b: &BreakEven, format: Format, width: Width) -> String {
    let rows = |money: fn(Decimal) -> String| -> Vec<Vec<String>> {
        b.durations
            .iter()
            .map(|d| {
                let cheaper = match (d.in_house.is_some(), d.agency.is_some(), d.in_house_cheaper()) {
                    (_, _, true) => "in-house",
                    (_, true, false) => "agency",
                    _ => "-",
                };
                vec![
                    d.months.to_string(),
                    cell(d.in_house, money),
                    cell(d.agency, money),
                    cheaper.to_string(),
                ]
            })
            .collect()
    };
    match format {
        Format::Json => {
            let money = |v: Option<Decimal>| v.map_or(Value::Null, |d| Value::String(two_places(d)));
            let durations: Vec<_> = b
                .durations
                .iter()
                .map(|d| json!({ "months": d.months, "in_house": money(d.in_house), "agency": money(d.agency) }))
                .collect();
            let v = json!({
                "schema_version": super::json::SCHEMA_VERSION,
                "scenario": e.scenario.name,
                "file": e.scenario.file,
                "currency": e.currency.to_string(),
                "breakeven_months": b.months,
                "durations": durations,
            });
            super::json::pretty(&v)
        }
        Format::Csv => super::csv::grid(&["months", "in_house", "agency", "cheaper"], &rows(two_places)),
        Format::Table | Format::Markdown => {
            let title = format!(
                "Break-even of {}: likely cost per productive person-month ({}), the team all in-house vs all agency",
                e.scenario.name, e.currency
            );
            let header = ["Months", "In-house", "Agency", "Cheaper"]
                .map(String::from)
                .to_vec();
            let style = Style::of(format, width);
            let table = titled(style, &title, header, rows(grouped), 0);
            let verdict = style
                .width()
                .fill(&format!("Break-even: {}", verdict(b)), "", "  ");
            let converted = e
                .conversion
                .as_ref()
                .map(|c| style.width().fill(&format!("Figures {c}."), "", ""))
                .unwrap_or_default();
            format!("{table}\n{verdict}{converted}")
        }
    }
}
