//! The sensitivity of one scenario in every format (MODEL.md section 7).
//!
//! An input's `low`, `typical` and `high` are the figures as the rate table
//! gives them, at full precision and in the input's own unit: a salary in
//! the currency of its entry, a fee as a share. JSON says which unit and,
//! for amounts, which currency (`input_currency`), since it may differ from
//! the reporting currency of the costs beside it.

use serde_json::json;

use super::Format;
use super::Width;
use super::grid::{Style, titled};
use crate::assessment::Assessment;
use crate::engine::inputs::InputKind;
use crate::engine::sensitivity::Swing;
use crate::money::{Currency, grouped, plain, two_places};

use rust_decimal::Decimal;

/// The unit an input is written in, with its currency for amounts.
fn unit(kind: InputKind, currency: Option<&Currency>) -> String {
    let money = |per: &str| match currency {
        Some(c) => format!("{c} per {per}"),
        None => format!("amount per {per}"),
    };
    match kind {
        InputKind::Salary => money("year"),
        InputKind::AgencyRate => money("hour"),
        InputKind::Overhead => money("FTE and month"),
        InputKind::Burden => "multiplier of base salary".into(),
        InputKind::RecruitingFee => "share of annual salary".into(),
        InputKind::ManagementOverhead => "share of monthly salary".into(),
        InputKind::TimeToHire
        | InputKind::TimeToStart
        | InputKind::InHouseRampUp
        | InputKind::AgencyRampUp => "weeks".into(),
        InputKind::InHouseRampProductivity | InputKind::AgencyRampProductivity => {
            "share of full output".into()
        }
        InputKind::AgencyHours => "hours per month".into(),
        InputKind::Availability => "share of paid time worked".into(),
        InputKind::Attrition => "share of employees leaving a year".into(),
        InputKind::Raise | InputKind::AgencyIncrease => "yearly rise".into(),
        InputKind::Productivity => "output of a person-month (Mid = 1)".into(),
        InputKind::CostMonthly => money("month"),
        InputKind::CostOnce => match currency {
            Some(c) => format!("{c} once"),
            None => "amount once".into(),
        },
        InputKind::PremiumSalary => "share of salary".into(),
        InputKind::PremiumAgency => "share of hourly rate".into(),
    }
}

pub fn render(e: &Assessment, likely: Decimal, swings: &[Swing], format: Format, width: Width) -> String {
    let rows = |money: fn(Decimal) -> String| -> Vec<Vec<String>> {
        swings
            .iter()
            .map(|s| {
                vec![
                    s.input.to_string(),
                    money(s.at_low),
                    money(s.at_high),
                    money(s.swing()),
                ]
            })
            .collect()
    };
    let header = ["input", "at_low", "at_high", "swing"];
    match format {
        Format::Json => {
            let inputs: Vec<_> = swings
                .iter()
                .map(|s| {
                    let currency = s.input.currency.as_ref();
                    json!({
                        "input": s.input.to_string(),
                        "low": plain(s.input.range.low()),
                        "typical": plain(s.input.range.typical()),
                        "high": plain(s.input.range.high()),
                        "unit": unit(s.input.kind, currency),
                        "input_currency": currency.map(|c| c.to_string()),
                        "at_low": two_places(s.at_low),
                        "at_high": two_places(s.at_high),
                        "swing": two_places(s.swing()),
                    })
                })
                .collect();
            let v = json!({
                "schema_version": super::json::SCHEMA_VERSION,
                "scenario": e.scenario.name,
                "file": e.scenario.file,
                "currency": e.currency.to_string(),
                "likely": two_places(likely),
                "inputs": inputs,
            });
            super::json::pretty(&v)
        }
        Format::Csv => super::csv::grid(&header, &rows(two_places)),
        Format::Table | Format::Markdown => {
            let title = format!(
                "Sensitivity of {} (likely {} {}): the likely cost with one input at its low and high end",
                e.scenario.name,
                e.currency,
                grouped(likely)
            );
            let header = vec![
                "Input".to_string(),
                format!("Cost at input low ({})", e.currency),
                format!("Cost at input high ({})", e.currency),
                "Swing".to_string(),
            ];
            let style = Style::of(format, width);
            let converted = e
                .conversion
                .as_ref()
                .map(|c| format!("\n{}", style.width().fill(&format!("Figures {c}."), "", "")))
                .unwrap_or_default();
            titled(style, &title, header, rows(grouped), 1) + &converted
        }
    }
}
