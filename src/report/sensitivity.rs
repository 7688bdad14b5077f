//! The sensitivity of one scenario in every format (MODEL.md section 7).
//!
//! An input's `low`, `typical` and `high` are the figures as the rate table
//! gives them, at full precision and in the input's own unit: a salary in
//! the currency of its entry, a fee as a share. JSON says which unit and,
//! for amounts, which currency (`input_currency`), since it may differ from
//! the reporting currency of the costs beside it.

use serde_json::{Value, json};

use super::Format;
use super::Width;
use super::grid::{Style, titled};
use crate::assessment::Assessment;
use crate::engine::inputs::InputKind;
use crate::engine::sensitivity::Sensitivity;
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
        InputKind::ExitMonths => "months of salary when let go".into(),
        InputKind::ExitMonthsPerYear => "months of salary per year of tenure".into(),
    }
}

pub fn render(e: &Assessment, found: &Sensitivity, format: Format, width: Width) -> String {
    let (likely, swings) = (found.likely, &found.swings);
    let goal = e.delivery.is_some();
    let open = |x: Option<Decimal>, fmt: fn(Decimal) -> String| x.map_or_else(|| "never".to_string(), fmt);
    let rows = |money: fn(Decimal) -> String| -> Vec<Vec<String>> {
        swings
            .iter()
            .map(|s| {
                let mut row = vec![
                    s.input.to_string(),
                    money(s.at_low),
                    money(s.at_high),
                    money(s.swing()),
                ];
                row.push(two_places(s.capacity_at_low));
                row.push(two_places(s.capacity_at_high));
                if let Some(d) = &s.deliver {
                    row.push(open(d.deliver_at_low, money));
                    row.push(open(d.deliver_at_high, money));
                    row.push(open(d.completion_at_low, two_places));
                    row.push(open(d.completion_at_high, two_places));
                }
                row
            })
            .collect()
    };
    let mut header = vec![
        "input",
        "at_low",
        "at_high",
        "swing",
        "capacity_at_low",
        "capacity_at_high",
    ];
    if goal {
        header.extend([
            "deliver_at_low",
            "deliver_at_high",
            "completion_at_low",
            "completion_at_high",
        ]);
    }
    let footnote = match found.unmoved {
        0 => String::new(),
        1 => "1 input with a range moves none of these figures and is left out.".to_string(),
        n => format!("{n} inputs with a range move none of these figures and are left out."),
    };
    match format {
        Format::Json => {
            let inputs: Vec<_> = swings
                .iter()
                .map(|s| {
                    let currency = s.input.currency.as_ref();
                    let mut v = json!({
                        "input": s.input.to_string(),
                        "low": plain(s.input.range.low()),
                        "typical": plain(s.input.range.typical()),
                        "high": plain(s.input.range.high()),
                        "unit": unit(s.input.kind, currency),
                        "input_currency": currency.map(|c| c.to_string()),
                        "at_low": two_places(s.at_low),
                        "at_high": two_places(s.at_high),
                        "swing": two_places(s.swing()),
                        "capacity_at_low": two_places(s.capacity_at_low),
                        "capacity_at_high": two_places(s.capacity_at_high),
                    });
                    if let Some(d) = &s.deliver {
                        let opt =
                            |x: Option<Decimal>| x.map_or(Value::Null, |x| Value::String(two_places(x)));
                        v["deliver_at_low"] = opt(d.deliver_at_low);
                        v["deliver_at_high"] = opt(d.deliver_at_high);
                        v["completion_at_low"] = opt(d.completion_at_low);
                        v["completion_at_high"] = opt(d.completion_at_high);
                        v["deliver_swing"] = opt(s.deliver_swing());
                    }
                    v
                })
                .collect();
            let v = json!({
                "schema_version": super::json::SCHEMA_VERSION,
                "scenario": e.scenario.name,
                "file": e.scenario.file,
                "currency": e.currency.to_string(),
                "likely": two_places(likely),
                "inputs": inputs,
                "unmoved_inputs": found.unmoved,
            });
            super::json::pretty(&v)
        }
        Format::Csv => super::csv::grid(&header, &rows(two_places)),
        Format::Table | Format::Markdown => {
            let style = Style::of(format, width);
            let converted = e
                .conversion
                .as_ref()
                .map(|c| format!("\n{}", style.width().fill(&format!("Figures {c}."), "", "")))
                .unwrap_or_default();
            let footnote = if footnote.is_empty() {
                String::new()
            } else {
                format!("\n{}", style.width().fill(&footnote, "", ""))
            };
            // a person reads two figures an input moves: the cost and the
            // output without a goal, the cost to deliver and the completion
            // with one, sorted by the swing of the first
            let (title, header, table) = if goal {
                let title = format!(
                    "Sensitivity of {} (cost to deliver, likely {} {}): the cost to deliver the goal and its month with one input at its low and high end",
                    e.scenario.name,
                    e.currency,
                    e.delivery
                        .as_ref()
                        .and_then(|d| d.cost_to_deliver)
                        .map_or_else(|| "never reached".to_string(), grouped)
                );
                let header = vec![
                    "Input".to_string(),
                    format!("To deliver at low ({})", e.currency),
                    format!("To deliver at high ({})", e.currency),
                    "Swing".to_string(),
                    "Month at low - high".to_string(),
                ];
                let table = swings
                    .iter()
                    .map(|s| {
                        let d = s.deliver.unwrap_or(crate::engine::sensitivity::Ends {
                            deliver_at_low: None,
                            deliver_at_high: None,
                            completion_at_low: None,
                            completion_at_high: None,
                        });
                        let month = |t: Option<Decimal>| {
                            t.map_or_else(|| "never".to_string(), |t| t.ceil().normalize().to_string())
                        };
                        vec![
                            s.input.to_string(),
                            open(d.deliver_at_low, grouped),
                            open(d.deliver_at_high, grouped),
                            open(s.deliver_swing(), grouped),
                            format!("{} - {}", month(d.completion_at_low), month(d.completion_at_high)),
                        ]
                    })
                    .collect();
                (title, header, table)
            } else {
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
                    "Output (pm) at low - high".to_string(),
                ];
                let table = swings
                    .iter()
                    .map(|s| {
                        vec![
                            s.input.to_string(),
                            grouped(s.at_low),
                            grouped(s.at_high),
                            grouped(s.swing()),
                            format!(
                                "{} - {}",
                                two_places(s.capacity_at_low),
                                two_places(s.capacity_at_high)
                            ),
                        ]
                    })
                    .collect();
                (title, header, table)
            };
            titled(style, &title, header, table, 1) + &converted + &footnote
        }
    }
}
