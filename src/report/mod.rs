//! Reports: an estimate or a comparison rendered to a `String` in one of the
//! output formats. One small file per format; the caller writes the output.

pub mod assumptions;
pub mod audit;
pub mod breakeven;
mod csv;
pub mod document;
mod grid;
mod json;
pub mod rates;
pub mod sensitivity;
mod table;

pub use crate::width::Width;

use grid::Style;

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::budget::BudgetCheck;
use crate::engine::Triple;
use crate::engine::simulation::{Summary, decimal};
use crate::money::{plain, two_places};

/// The output formats of `estimate` and `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

/// Each estimate in full: totals, range, mix, seats, components, burn.
pub fn estimates(estimates: &[Assessment], format: Format, width: Width) -> String {
    match format {
        Format::Table | Format::Markdown => table::estimates(estimates, Style::of(format, width)),
        Format::Json => json::estimates(estimates),
        Format::Csv => csv::estimates(estimates),
    }
}

/// The estimates side by side, one column each (in parts when they do not
/// fit the width).
pub fn comparison(estimates: &[Assessment], format: Format, width: Width) -> String {
    // a converted figure never passes for a native one
    let style = Style::of(format, width);
    let converted = Assessment::conversion_note(estimates)
        .map(|note| {
            format!(
                "{}\n",
                style.width().fill(&format!("All figures {note}."), "", "")
            )
        })
        .unwrap_or_default();
    match format {
        Format::Table | Format::Markdown => converted + &table::comparison(estimates, style),
        Format::Json => json::comparison(estimates),
        Format::Csv => csv::comparison(estimates),
    }
}

/// The same team all in-house, all agency and hybrid, side by side, with
/// the break-even of the team (or why there is none).
pub fn engagements(
    estimates: &[Assessment],
    breakeven: &Result<crate::engine::breakeven::BreakEven, String>,
    format: Format,
    width: Width,
) -> String {
    let verdict = match breakeven {
        Ok(b) => breakeven::verdict(b),
        Err(why) => format!("not available: {why}"),
    };
    match format {
        Format::Json => {
            let table: serde_json::Value =
                serde_json::from_str(&json::comparison(estimates)).unwrap_or_default();
            let months = breakeven.as_ref().ok().and_then(|b| b.months);
            let v = serde_json::json!({ "schema_version": json::SCHEMA_VERSION, "engagements": table, "breakeven_months": months, "breakeven": verdict });
            json::pretty(&v)
        }
        Format::Csv => comparison(estimates, format, width),
        Format::Table | Format::Markdown => format!(
            "{}\n{}",
            comparison(estimates, format, width),
            Style::of(format, width)
                .width()
                .fill(&format!("Break-even: {verdict}"), "", "  ")
        ),
    }
}

/// The rows of a comparison: (label, one cell per estimate), money written
/// by `money`.
fn comparison_rows(estimates: &[Assessment], money: fn(Decimal) -> String) -> Vec<(String, Vec<String>)> {
    let row = |label: &str, cell: &dyn Fn(&Assessment) -> String| {
        (label.to_string(), estimates.iter().map(cell).collect())
    };
    let simulated = |e: &Assessment, pick: fn(&Summary) -> f64| {
        e.simulation
            .as_ref()
            .map_or_else(|| "-".to_string(), |s| money(decimal(pick(&s.cost))))
    };
    let per_pm = |e: &Assessment, pick: fn(&Triple) -> Decimal| {
        e.cost_per_pm()
            .map_or_else(|| "n/a".to_string(), |t| money(pick(&t)))
    };
    let simulated_any = estimates.iter().any(|e| e.simulation.is_some());
    let budget_any = estimates.iter().any(|e| e.budget.is_some());
    let converted_any = estimates.iter().any(|e| e.conversion.is_some());
    let goal_any = estimates.iter().any(|e| e.delivery.is_some());
    let plan_any = estimates.iter().any(|e| e.team_changes());
    let mut rows = vec![
        row("Currency", &|e| e.currency.to_string()),
        row("Converted from", &|e| {
            e.conversion
                .as_ref()
                .map_or_else(|| "-".into(), |c| format!("{} at {}", c.from, c.shown_rate()))
        }),
        row("Stage", &|e| e.scenario.stage_label()),
        row("Engagement", &|e| e.scenario.engagement.to_string()),
        row("Duration (months)", &|e| plain(e.scenario.duration.get())),
        row("Cost low", &|e| money(e.cost.low)),
        row("Cost likely", &|e| money(e.cost.likely)),
        row("Cost high", &|e| money(e.cost.high)),
        row("Engineering FTE", &|e| two_places(e.engineering_fte)),
        row("Development FTE", &|e| two_places(e.development_fte)),
        // a plan's team by its peak and average, never the sum (10.7)
        row("Engineering FTE (peak)", &|e| two_places(e.peak_engineering_fte)),
        row("Engineering FTE (average)", &|e| {
            two_places(e.average_engineering_fte)
        }),
        row("Development FTE (peak)", &|e| two_places(e.peak_development_fte)),
        row("Development FTE (average)", &|e| {
            two_places(e.average_development_fte)
        }),
        row("Capacity low (person-months)", &|e| two_places(e.capacity.low)),
        row("Capacity likely (person-months)", &|e| {
            two_places(e.capacity.likely)
        }),
        row("Capacity high (person-months)", &|e| two_places(e.capacity.high)),
        // likely only (MODEL.md 10.8)
        row("Cost per person-month likely", &|e| per_pm(e, |t| t.likely)),
        row("Staffed after (weeks)", &|e| plain(e.staffed_weeks)),
        row("Last seat starts (month)", &|e| {
            e.last_start_month().map_or_else(|| "-".into(), plain)
        }),
        row("Goal (person-months by month)", &|e| {
            e.delivery.as_ref().map_or_else(
                || "-".into(),
                |d| format!("{} by {}", plain(d.goal.effort_pm), plain(d.goal.by_month)),
            )
        }),
        row("Goal completed (month)", &|e| {
            e.delivery.as_ref().map_or_else(
                || "-".into(),
                |d| d.completion_month.map_or_else(|| "never".into(), two_places),
            )
        }),
        row("Cost to deliver (likely)", &|e| {
            e.delivery.as_ref().map_or_else(
                || "-".into(),
                |d| d.cost_to_deliver.map_or_else(|| "n/a".into(), money),
            )
        }),
        row("Kept after the plan (people)", &|e| {
            e.committed.people.to_string()
        }),
        row("Payroll after the plan (a year)", &|e| money(e.committed.annual)),
        row("Agency at the end (a month)", &|e| money(e.agency_monthly_at_end)),
        row("Cost p10 (simulated)", &|e| simulated(e, |s| s.p10)),
        row("Cost p50 (simulated)", &|e| simulated(e, |s| s.p50)),
        row("Cost p90 (simulated)", &|e| simulated(e, |s| s.p90)),
        row("Cost mean (simulated)", &|e| simulated(e, |s| s.mean)),
        row("Budget", &|e| {
            e.budget.as_ref().map_or_else(
                || "-".into(),
                |c| format!("{} at {}", verdict(c, money), c.budget.at.name()),
            )
        }),
        row("Warnings", &|e| e.warnings.len().to_string()),
    ];
    // rows of a simulation or a budget that was not asked for say nothing
    rows.retain(|(label, _)| {
        (simulated_any || !label.ends_with("(simulated)"))
            && (budget_any || label != "Budget")
            && (converted_any || label != "Converted from")
            && (goal_any || !label.starts_with("Goal") && !label.starts_with("Cost to deliver"))
            // with a plan among them, team size by peak and average and the
            // last start; else the sums and the weeks, as before
            && if plan_any {
                !matches!(label.as_str(), "Engineering FTE" | "Development FTE" | "Staffed after (weeks)")
            } else {
                !label.contains("FTE (") && label != "Last seat starts (month)"
            }
    });
    rows
}

/// The team's size in a sentence: the sums of seat FTE and when it is
/// fully staffed for a team over the whole project; for a plan whose team
/// changes, its peak and average and the month its last seat starts
/// (MODEL.md 10.7), never the sum of people who are never there together.
pub fn team_mix(e: &crate::engine::Estimate) -> String {
    if !e.team_changes() {
        return format!(
            "Team mix: {} engineering FTE, {} development FTE; fully staffed after {} weeks (typical delays).",
            two_places(e.engineering_fte),
            two_places(e.development_fte),
            plain(e.staffed_weeks),
        );
    }
    let last = match e.last_start_month() {
        Some(m) => format!("last seat starts in month {} (typical delays)", plain(m)),
        None => "no seat starts inside its window".into(),
    };
    format!(
        "Team over time: at its peak {} engineering and {} development FTE, on average {} and {}; {last}.",
        two_places(e.peak_engineering_fte),
        two_places(e.peak_development_fte),
        two_places(e.average_engineering_fte),
        two_places(e.average_development_fte),
    )
}

/// The goal of an estimate in a sentence (MODEL.md section 10.3): "Goal:
/// 18 productive person-months by month 12. Delivered by then: 20.35;
/// delivered in month 11, on time; cost to deliver (likely) USD
/// 612,345.67."
pub fn goal_sentence(e: &crate::engine::Estimate) -> Option<String> {
    let d = e.delivery.as_ref()?;
    let named = d
        .goal
        .name
        .as_ref()
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let head = format!(
        "Goal{named}: {} productive person-months by month {}. Delivered by then: {}",
        plain(d.goal.effort_pm),
        plain(d.goal.by_month),
        two_places(d.delivered_pm)
    );
    Some(match (d.completion_month, d.cost_to_deliver, d.late_months) {
        (Some(t), Some(x), Some(late)) => {
            let when = if d.on_time {
                "on time".to_string()
            } else {
                format!("{} months late", late.round_dp(1).normalize())
            };
            let past = if t > e.scenario.duration.get() {
                " (past the end of the plan, at its end rates)"
            } else {
                ""
            };
            format!(
                "{head}; delivered in month {}{past}, {when}; cost to deliver (likely) {} {}.",
                t.ceil().normalize(),
                e.currency,
                crate::money::grouped(x)
            )
        }
        _ => format!("{head}; never reached: no seat is working at the end of the plan."),
    })
}

/// What the company carries on paying after the plan (MODEL.md 10.4), in
/// a sentence: "After the plan: 3 in-house people (2.50 FTE) stay on the
/// payroll at USD 45,000.00 a month (USD 540,000.00 a year). The agency
/// seats bill USD 16,000.00 a month at the end; they can be ended."
/// `None` when no seat runs to the end.
pub fn commitment_sentence(e: &crate::engine::Estimate) -> Option<String> {
    let c = &e.committed;
    let money = |x: Decimal| format!("{} {}", e.currency, crate::money::grouped(x));
    let kept = match c.people {
        0 => None,
        n => Some(format!(
            "{n} in-house {} ({} FTE) {} on the payroll at {} a month ({} a year)",
            if n == 1 { "person" } else { "people" },
            two_places(c.fte),
            if n == 1 { "stays" } else { "stay" },
            money(c.monthly),
            money(c.annual)
        )),
    };
    let agency = (!e.agency_monthly_at_end.is_zero()).then(|| {
        format!(
            "the agency seats bill {} a month at the end; they can be ended",
            money(e.agency_monthly_at_end)
        )
    });
    let released = e
        .seats
        .iter()
        .any(|s| s.until_month == e.scenario.duration.get() && s.components.exit > Decimal::ZERO);
    match (kept, agency) {
        (Some(k), Some(a)) => Some(format!("After the plan: {k}; {a}.")),
        (Some(k), None) => Some(format!("After the plan: {k}.")),
        (None, Some(a)) if released => Some(format!("After the plan: the in-house people are let go; {a}.")),
        (None, Some(a)) => Some(format!("After the plan: {a}.")),
        (None, None) if released => {
            Some("After the plan: the in-house people are let go; nothing is carried on.".into())
        }
        (None, None) => None,
    }
}

/// "OVER BUDGET by 1,234.00" or "within budget, 12.00 to spare".
fn verdict(check: &BudgetCheck, money: fn(Decimal) -> String) -> String {
    if check.over() {
        format!("OVER BUDGET by {}", money(check.margin()))
    } else {
        format!(
            "within budget, {} to spare",
            money(check.budget.amount - check.value)
        )
    }
}
