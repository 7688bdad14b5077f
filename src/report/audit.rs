//! The report of `rates audit`: the findings as a table (or JSON, CSV,
//! Markdown) and a last line that counts them.

use serde_json::{Value, json};

use super::Format;
use super::table::{Style, titled};
use crate::rates::audit::Finding;

/// `audited` names what was audited ("market-2026 (rates/market-2026.ron)").
pub fn render(audited: &str, findings: &[Finding], format: Format) -> String {
    let header = ["check", "where", "what", "figures"];
    let rows: Vec<Vec<String>> = findings
        .iter()
        .map(|f| {
            vec![
                f.check.name().to_string(),
                f.place(),
                f.message.clone(),
                f.figures.clone(),
            ]
        })
        .collect();
    match format {
        Format::Json => super::json::pretty(&Value::Array(
            findings
                .iter()
                .map(|f| {
                    json!({ "check": f.check.name(), "file": f.file, "line": f.line, "message": f.message,
                            "value": f.value.normalize().to_string(), "threshold": f.threshold.normalize().to_string() })
                })
                .collect(),
        )),
        Format::Csv => {
            let rows: Vec<Vec<String>> = findings
                .iter()
                .map(|f| {
                    vec![
                        f.check.name().to_string(),
                        f.file.clone(),
                        f.line.map(|l| l.to_string()).unwrap_or_default(),
                        f.message.clone(),
                        f.value.normalize().to_string(),
                        f.threshold.normalize().to_string(),
                    ]
                })
                .collect();
            super::csv::grid(&["check", "file", "line", "message", "value", "threshold"], &rows)
        }
        Format::Table | Format::Markdown => {
            let count = match findings.len() {
                0 => format!("No findings in {audited}.\n"),
                1 => "1 finding\n".to_string(),
                n => format!("{n} findings\n"),
            };
            if findings.is_empty() {
                return count;
            }
            let grid = titled(
                Style::of(format),
                &format!("Audit of {audited}"),
                header.iter().map(|h| h.to_string()).collect(),
                rows,
                99,
            );
            format!("{grid}{count}")
        }
    }
}
