//! The sensitivity of one scenario in every format (MODEL.md section 7).

use serde_json::json;

use super::Format;
use super::table::{Style, titled};
use crate::engine::Estimate;
use crate::engine::sensitivity::Swing;
use crate::money::{grouped, two_places};
use rust_decimal::Decimal;

pub fn render(e: &Estimate, likely: Decimal, swings: &[Swing], format: Format) -> String {
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
                    json!({
                        "input": s.input.to_string(),
                        "low": two_places(s.input.range.low()),
                        "typical": two_places(s.input.range.typical()),
                        "high": two_places(s.input.range.high()),
                        "at_low": two_places(s.at_low),
                        "at_high": two_places(s.at_high),
                        "swing": two_places(s.swing()),
                    })
                })
                .collect();
            let v = json!({
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
            titled(Style::of(format), &title, header, rows(grouped), 1)
        }
    }
}
