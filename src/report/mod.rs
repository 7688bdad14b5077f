//! Reports: an estimate or a comparison rendered to a `String` in one of the
//! output formats. One small file per format; the caller writes the output.

mod csv;
mod json;
mod table;

use crate::engine::Estimate;

/// The output formats of `estimate` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

/// Each estimate in full: totals, range, mix, seats, components, burn.
pub fn estimates(estimates: &[Estimate], format: Format) -> String {
    match format {
        Format::Table => table::estimates(estimates, table::Style::Terminal),
        Format::Markdown => table::estimates(estimates, table::Style::Markdown),
        Format::Json => json::estimates(estimates),
        Format::Csv => csv::estimates(estimates),
    }
}

/// The estimates side by side, one column each.
pub fn comparison(estimates: &[Estimate], format: Format) -> String {
    match format {
        Format::Table => table::comparison(estimates, table::Style::Terminal),
        Format::Markdown => table::comparison(estimates, table::Style::Markdown),
        Format::Json => json::comparison(estimates),
        Format::Csv => csv::comparison(estimates),
    }
}

/// The rows of a comparison: (label, one cell per estimate), money written
/// by `grouped`.
fn comparison_rows(
    estimates: &[Estimate],
    grouped: fn(rust_decimal::Decimal) -> String,
) -> Vec<(String, Vec<String>)> {
    use crate::money::{plain, two_places};
    let cell = |f: &dyn Fn(&Estimate) -> String| estimates.iter().map(f).collect::<Vec<_>>();
    let per_pm = move |e: &Estimate, pick: fn(&crate::engine::Triple) -> rust_decimal::Decimal| {
        e.cost_per_pm()
            .map_or_else(|| "n/a".to_string(), |t| grouped(pick(&t)))
    };
    vec![
        ("Currency".into(), cell(&|e| e.currency.to_string())),
        ("Stage".into(), cell(&|e| e.scenario.stage.to_string())),
        (
            "Engagement".into(),
            cell(&|e| e.scenario.engagement.to_string()),
        ),
        (
            "Duration (months)".into(),
            cell(&|e| plain(e.scenario.duration.get())),
        ),
        ("Cost low".into(), cell(&|e| grouped(e.cost.low))),
        ("Cost likely".into(), cell(&|e| grouped(e.cost.likely))),
        ("Cost high".into(), cell(&|e| grouped(e.cost.high))),
        (
            "Engineering FTE".into(),
            cell(&|e| two_places(e.engineering_fte)),
        ),
        (
            "Development FTE".into(),
            cell(&|e| two_places(e.development_fte)),
        ),
        (
            "Capacity likely (person-months)".into(),
            cell(&|e| two_places(e.capacity.likely)),
        ),
        (
            "Capacity range (person-months)".into(),
            cell(&|e| {
                format!(
                    "{} - {}",
                    two_places(e.capacity.low),
                    two_places(e.capacity.high)
                )
            }),
        ),
        (
            "Cost per person-month likely".into(),
            cell(&|e| per_pm(e, |t| t.likely)),
        ),
        (
            "Cost per person-month range".into(),
            cell(&|e| format!("{} - {}", per_pm(e, |t| t.low), per_pm(e, |t| t.high))),
        ),
        (
            "Staffed after (weeks)".into(),
            cell(&|e| plain(e.staffed_weeks)),
        ),
        ("Warnings".into(), cell(&|e| e.warnings.len().to_string())),
    ]
}
