//! The report of `rates audit`: the findings as a table (or JSON, CSV,
//! Markdown), a line that counts them, and the acknowledged ones (old
//! sources whose `stale` says why they are still used) apart, with their
//! reasons.

use serde_json::{Value, json};

use super::Format;
use super::Width;
use super::grid::{Style, titled};
use crate::audit::Finding;

/// `audited` names what was audited ("market-2026 (rates/market-2026.ron)").
/// `findings` count (and fail `--strict`); `acknowledged` are listed apart.
/// In JSON and CSV both are in one array (findings first), each marked
/// `acknowledged` true or false, with the `reason` where there is one.
pub fn render(
    audited: &str,
    findings: &[Finding],
    acknowledged: &[Finding],
    format: Format,
    width: Width,
) -> String {
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
    let all = || {
        findings
            .iter()
            .map(|f| (f, false))
            .chain(acknowledged.iter().map(|f| (f, true)))
    };
    match format {
        Format::Json => super::json::pretty(&Value::Array(
            all()
                .map(|(f, acknowledged)| {
                    let mut o = json!({ "check": f.check.name(), "file": f.file, "line": f.line, "message": f.message,
                            "value": f.value.normalize().to_string(), "threshold": f.threshold.normalize().to_string(),
                            "acknowledged": acknowledged });
                    if let Some(reason) = &f.reason {
                        o["reason"] = json!(reason);
                    }
                    o
                })
                .collect(),
        )),
        Format::Csv => {
            let rows: Vec<Vec<String>> = all()
                .map(|(f, acknowledged)| {
                    vec![
                        f.check.name().to_string(),
                        f.file.clone(),
                        f.line.map(|l| l.to_string()).unwrap_or_default(),
                        f.message.clone(),
                        f.value.normalize().to_string(),
                        f.threshold.normalize().to_string(),
                        acknowledged.to_string(),
                        f.reason.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            super::csv::grid(
                &[
                    "check",
                    "file",
                    "line",
                    "message",
                    "value",
                    "threshold",
                    "acknowledged",
                    "reason",
                ],
                &rows,
            )
        }
        Format::Table | Format::Markdown => {
            let count = match findings.len() {
                0 => width.fill(&format!("No findings in {audited}."), "", ""),
                1 => "1 finding\n".to_string(),
                n => format!("{n} findings\n"),
            };
            let mut out = if findings.is_empty() {
                count
            } else {
                let grid = titled(
                    Style::of(format, width),
                    &format!("Audit of {audited}"),
                    header.iter().map(|h| h.to_string()).collect(),
                    rows,
                    99,
                );
                format!("{grid}{count}")
            };
            out.push_str(&acknowledged_part(acknowledged, format, width));
            out
        }
    }
}

/// The acknowledged findings after the count: each with its place, what was
/// found and the reason the plugin gives, wrapped.
fn acknowledged_part(acknowledged: &[Finding], format: Format, width: Width) -> String {
    if acknowledged.is_empty() {
        return String::new();
    }
    let md = matches!(format, Format::Markdown);
    let width = if md { Width::Unlimited } else { width };
    let mut out = String::from("\n");
    out.push_str(&width.fill(
        &format!(
            "{} acknowledged (the plugin says why each is still used; --no-acknowledged counts them as findings):",
            acknowledged.len()
        ),
        "",
        "",
    ));
    if md {
        out.push('\n');
    }
    for f in acknowledged {
        let (bullet, indent) = if md { ("- ", "  ") } else { ("  ", "    ") };
        out.push_str(&width.fill(
            &format!("acknowledged: {}: {}:", f.place(), f.message),
            bullet,
            indent,
        ));
        let reason = f.reason.as_deref().unwrap_or_default();
        for line in crate::text::wrap(reason, width.prose(88).saturating_sub(indent.len()).max(1)) {
            out.push_str(&format!("{indent}{line}\n"));
        }
    }
    out
}
