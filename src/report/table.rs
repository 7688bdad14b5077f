//! The estimate and the comparison for people: the terminal (box drawing,
//! within a width) and Markdown (for wikis and pull requests) share one
//! layout.

use rust_decimal::Decimal;

use super::Width;
use super::grid::{Style, fitted, grid, grid_keeping, heading};
use crate::assessment::Assessment;
use crate::engine::Triple;
use crate::engine::simulation::{Bounded, Summary, decimal};
use crate::money::{group_digits, grouped, plain, two_places};

fn strings(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

fn range_row(label: &str, t: &Triple, fmt: fn(Decimal) -> String) -> Vec<String> {
    vec![label.to_string(), fmt(t.low), fmt(t.likely), fmt(t.high)]
}

fn range_cell(t: &Triple) -> String {
    format!("{} - {}", grouped(t.low), grouped(t.high))
}

/// A line of prose, wrapped to the terminal's width, then a blank line.
fn para(style: Style, text: &str) -> String {
    format!("{}\n", style.width().fill(text, "", ""))
}

/// Parts joined by " · ", a line broken between two parts (after the
/// dot) where it can be, then a blank line.
fn subtitle(style: Style, parts: &[String]) -> String {
    let Some(width) = style.width().limit() else {
        return format!("{}\n\n", parts.join(" · "));
    };
    let mut lines: Vec<String> = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        // room for the " ·" that ends a line before the last part
        let dot = if i + 1 < parts.len() { 2 } else { 0 };
        match lines.last_mut() {
            Some(line) if line.chars().count() + 3 + part.chars().count() + dot <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            Some(line) => {
                line.push_str(" ·");
                lines.push(part.clone());
            }
            None => lines.push(part.clone()),
        }
    }
    let text: String = lines.iter().map(|l| style.width().fill(l, "", "")).collect();
    format!("{text}\n")
}

/// A bullet ("- "), wrapped under itself.
fn bullet(style: Style, text: &str) -> String {
    style.width().fill(text, "- ", "  ")
}

/// The phases and the non-labour costs of a plan.
fn plan(e: &Assessment, style: Style) -> String {
    let mut out = String::from("\n");
    if e.phases.len() > 1 {
        out.push_str(&heading(style, "Phases"));
        let header = strings(&[
            "Phase",
            "Months",
            "Cost likely",
            "Cost range",
            "Capacity (pm)",
            "Eng FTE",
            "Dev FTE",
        ]);
        let rows = e
            .phases
            .iter()
            .map(|p| {
                vec![
                    p.stage.to_string(),
                    format!("{}-{}", plain(p.from_month), plain(p.until_month)),
                    grouped(p.cost.likely),
                    range_cell(&p.cost),
                    two_places(p.capacity.likely),
                    two_places(p.engineering_fte),
                    two_places(p.development_fte),
                ]
            })
            .collect();
        out.push_str(&format!("{}\n", grid(style, header, rows, 2)));
    }
    if !e.costs.is_empty() {
        out.push_str(&heading(style, "Non-labour costs"));
        let rows = e
            .costs
            .iter()
            .map(|c| vec![c.name.clone(), grouped(c.cost.likely), range_cell(&c.cost)])
            .collect();
        out.push_str(&format!(
            "{}\n",
            grid(style, strings(&["Cost", "Likely", "Range"]), rows, 1)
        ));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The scenario's name underlined (a heading in Markdown).
fn title(e: &Assessment, style: Style) -> String {
    let name = &e.scenario.name;
    match style {
        Style::Terminal(w) => {
            let lines = w.fill(name, "", "");
            let longest = lines.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            format!("{lines}{}\n", "=".repeat(longest))
        }
        Style::Markdown => format!("## {name}\n\n"),
    }
}

/// One scenario in full.
fn estimate(e: &Assessment, style: Style) -> String {
    let s = &e.scenario;
    let mut out = title(e, style);
    let mut parts = vec![s.file.clone(), s.stage_label()];
    parts.extend(s.product.map(|p| p.to_string()));
    parts.extend([
        format!("{} months", plain(s.duration.get())),
        s.engagement.to_string(),
        format!("based in {}", s.location.value),
        format!("figures in {}", e.currency),
        format!("rates: {}", e.layers.join(" + ")),
    ]);
    out.push_str(&subtitle(style, &parts));
    if let Some(c) = &e.conversion {
        out.push_str(&para(style, &format!("Figures {c}.")));
    }

    // likely only: its deterministic low and high paired worlds that
    // cannot happen together (MODEL.md 10.8)
    let per_pm = match e.cost_per_pm() {
        Some(per_pm) => strings(&[
            "Cost per productive person-month",
            "",
            &grouped(per_pm.likely),
            "",
        ]),
        None => strings(&["Cost per productive person-month", "", "n/a", ""]),
    };
    let totals = vec![
        range_row("Cost", &e.cost, grouped),
        range_row("Capacity (productive person-months)", &e.capacity, two_places),
        per_pm,
    ];
    let header = vec![
        e.currency.to_string(),
        "low".into(),
        "likely".into(),
        "high".into(),
    ];
    out.push_str(&format!("{}\n", grid(style, header, totals, 1)));
    if let Some(goal) = super::goal_sentence(e) {
        out.push_str(&para(style, &goal));
    }
    if let Some(after) = super::commitment_sentence(e) {
        out.push_str(&para(style, &after));
    }

    if let Some(sim) = &e.simulation {
        out.push_str(&heading(
            style,
            &format!(
                "Simulated ({} trials, seed {})",
                group_digits(&sim.trials.to_string()),
                sim.seed
            ),
        ));
        let header = vec![
            e.currency.to_string(),
            "p10".into(),
            "p50".into(),
            "p90".into(),
            "mean".into(),
        ];
        let row = |label: &str, s: &Summary, fmt: fn(Decimal) -> String| {
            let cells = [s.p10, s.p50, s.p90, s.mean].map(|v| fmt(decimal(v)));
            std::iter::once(label.to_string())
                .chain(cells)
                .collect::<Vec<_>>()
        };
        let mut rows = vec![
            row("Cost", &sim.cost, grouped),
            row("Capacity (productive person-months)", &sim.capacity, two_places),
        ];
        let bounded = |label: &str, b: &Bounded, fmt: fn(Decimal) -> String| {
            let cells =
                [b.p10, b.p50, b.p90, b.mean].map(|v| v.map_or_else(|| "never".into(), |v| fmt(decimal(v))));
            std::iter::once(label.to_string())
                .chain(cells)
                .collect::<Vec<_>>()
        };
        rows.push(bounded(
            "Cost per productive person-month",
            &sim.cost_per_pm,
            grouped,
        ));
        if let Some(g) = &sim.goal {
            rows.push(bounded("Cost to deliver", &g.cost_to_deliver, grouped));
            rows.push(bounded("Goal completed (month)", &g.completion_month, two_places));
        }
        out.push_str(&format!("{}\n", grid(style, header, rows, 1)));
        if let Some(g) = &sim.goal {
            out.push_str(&para(
                style,
                &format!(
                    "The goal is met on time in {}% of simulated outcomes.",
                    (Decimal::from_f64_retain(g.on_time_share * 100.0).unwrap_or_default()).round()
                ),
            ));
        }
    }
    if let Some(check) = &e.budget {
        out.push_str(&para(
            style,
            &format!(
                "Budget: {} {} held against the {} cost of {}: {}",
                e.currency,
                grouped(check.budget.amount),
                check.budget.at.name(),
                grouped(check.value),
                super::verdict(check, grouped)
            ),
        ));
    }

    out.push_str(&para(style, &super::team_mix(e)));

    out.push_str(&heading(style, "Seats"));
    out.push_str(&seats(e, style));
    if e.is_plan() {
        out.push_str(&plan(e, style));
    }
    let reasons: Vec<_> = e
        .seats
        .iter()
        .filter_map(|s| s.seat.reason.as_ref().map(|r| (s, r)))
        .collect();
    if !e.reasoning.is_empty() || !reasons.is_empty() {
        out.push('\n');
        out.push_str(&heading(style, "Why this team"));
        for line in &e.reasoning {
            out.push_str(&bullet(style, line));
        }
        for (seat, reason) in reasons {
            out.push_str(&bullet(
                style,
                &format!("{} {}: {reason}", seat.seat.role.value, seat.seat.level),
            ));
        }
    }
    out.push('\n');

    out.push_str(&heading(style, "Cost components (likely)"));
    let total = e.components.total();
    let mut rows: Vec<Vec<String>> = e
        .components
        .shown()
        .into_iter()
        .map(|(name, amount)| {
            let share = if total.is_zero() {
                "-".into()
            } else {
                format!("{}%", (amount * Decimal::from(100) / total).round_dp(1))
            };
            vec![name.to_string(), grouped(amount), share]
        })
        .collect();
    rows.push(strings(&["total", &grouped(total), "100%"]));
    let header = vec!["Component".into(), e.currency.to_string(), "Share".into()];
    out.push_str(&format!("{}\n", grid(style, header, rows, 1)));

    out.push_str(&heading(style, "Monthly burn and output (likely)"));
    let rows = e
        .monthly
        .iter()
        .map(|m| {
            vec![
                m.month.to_string(),
                grouped(m.likely),
                grouped(m.cumulative),
                two_places(m.capacity_pm),
                two_places(m.cumulative_pm),
            ]
        })
        .collect();
    let header = strings(&["Month", "Cost", "Cumulative", "Output (pm)", "Output to date"]);
    out.push_str(&grid(style, header, rows, 0));
    out.push('\n');
    out.push_str(&periods(e, style));

    if !e.warnings.is_empty() {
        out.push('\n');
        out.push_str(&heading(style, "Warnings"));
        for w in &e.warnings {
            out.push_str(&bullet(style, &w.to_string()));
        }
    }
    if !e.advice.is_empty() {
        out.push('\n');
        out.push_str(&heading(style, "Advice"));
        for a in &e.advice {
            out.push_str(&bullet(style, &a.to_string()));
        }
    }
    out
}

/// The quarters, then the years, in one compact table (MODEL.md 10.6):
/// likely cost and output; JSON and CSV have the low and high.
fn periods(e: &Assessment, style: Style) -> String {
    let title = if e.scenario.calendar.is_some() {
        "By fiscal quarter and year (likely)"
    } else {
        "By quarter and year of the plan (likely)"
    };
    let mut out = heading(style, title);
    let rows = e
        .quarters
        .iter()
        .chain(&e.fiscal_years)
        .map(|p| {
            vec![
                p.label.clone(),
                format!("{}-{}", plain(p.from_month), plain(p.until_month)),
                grouped(p.cost.likely),
                two_places(p.capacity),
            ]
        })
        .collect();
    let header = strings(&["Period", "Months", "Cost", "Output (pm)"]);
    out.push_str(&grid(style, header, rows, 1));
    out
}

/// The seats, one row each. When the ten columns do not fit the width,
/// who the seat is (role, level, location, engagement, focus, months)
/// becomes one cell that wraps, beside the figures.
fn seats(e: &Assessment, style: Style) -> String {
    let windows = e.has_windows();
    let fte = |seat: &crate::scenario::Seat| {
        if seat.count > 1 || seat.allocation.get() != Decimal::ONE {
            format!("{} x {}", seat.count, plain(seat.allocation.get()))
        } else {
            "1".into()
        }
    };
    let months =
        |s: &crate::engine::SeatEstimate| format!("{}-{}", plain(s.from_month), plain(s.until_month));
    let mut header = strings(&[
        "Role",
        "Level",
        "Location",
        "Engagement",
        "Focus",
        "FTE",
        "Starts (weeks)",
        "Cost likely",
        "Cost range",
        "Capacity (pm)",
    ]);
    if windows {
        header.insert(6, "Months".into());
    }
    let rows = e
        .seats
        .iter()
        .map(|seat| {
            let mut row = vec![
                seat.seat.role_label(),
                seat.seat.level.to_string(),
                seat.seat.location.value.clone(),
                seat.seat.engagement.to_string(),
                seat.focus.to_string(),
                fte(&seat.seat),
                plain(seat.start_weeks),
                grouped(seat.cost.likely),
                range_cell(&seat.cost),
                two_places(seat.capacity.likely),
            ];
            if windows {
                row.insert(6, months(seat));
            }
            row
        })
        .collect();
    if let Some(wide) = fitted(style, header, rows, 5) {
        return wide;
    }
    let header = strings(&["Seat", "FTE", "Cost\nlikely", "Cost range", "Capacity\n(pm)"]);
    let rows = e
        .seats
        .iter()
        .map(|seat| {
            let window = if windows {
                format!("months {}\n", months(seat))
            } else {
                String::new()
            };
            vec![
                format!(
                    "{} {}\n{}, {}, {}\n{window}starts after {} weeks",
                    seat.seat.role_label(),
                    seat.seat.level,
                    seat.seat.location.value,
                    seat.seat.engagement,
                    seat.focus,
                    plain(seat.start_weeks),
                ),
                fte(&seat.seat),
                grouped(seat.cost.likely),
                range_cell(&seat.cost),
                two_places(seat.capacity.likely),
            ]
        })
        .collect();
    grid(style, header, rows, 1)
}

pub fn estimates(estimates: &[Assessment], style: Style) -> String {
    estimates
        .iter()
        .map(|e| estimate(e, style))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The narrowest a scenario's column of a comparison may be and still read
/// well: below it the comparison is split into parts.
pub const NARROWEST_SCENARIO: usize = 12;

/// The estimates side by side, one column each. When they do not fit the
/// width with each column at least [`NARROWEST_SCENARIO`] wide, they are
/// shown in parts of as many scenarios as fit, each part a whole table
/// with the row labels repeated: every figure stays, in the same places,
/// and a part can be read (or pointed at) on its own.
pub fn comparison(estimates: &[Assessment], style: Style) -> String {
    let rows = super::comparison_rows(estimates, grouped);
    let (parts, column) = parts(estimates.len(), &rows, style);
    let name = |e: &Assessment| match style {
        // a long name over several lines keeps the columns narrow
        Style::Terminal(Width::Unlimited) => crate::text::wrap(&e.scenario.name, column).join("\n"),
        Style::Terminal(_) => super::grid::wrap_name(&e.scenario.name, column).join("\n"),
        Style::Markdown => e.scenario.name.clone(),
    };
    let several = parts.len() > 1;
    let mut out = String::new();
    let mut first = 0;
    for (i, size) in parts.iter().enumerate() {
        let range = first..first + size;
        first += size;
        if several {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&heading(
                style,
                &format!(
                    "Scenarios {} to {} of {}",
                    range.start + 1,
                    range.end,
                    estimates.len()
                ),
            ));
        }
        let header = std::iter::once(String::new())
            .chain(estimates[range.clone()].iter().map(name))
            .collect();
        let rows = rows
            .iter()
            .map(|(label, cells)| {
                std::iter::once(label.clone())
                    .chain(cells[range.clone()].iter().cloned())
                    .collect()
            })
            .collect();
        out.push_str(&grid_keeping(style, header, rows, 1, 1));
    }
    for e in estimates.iter().filter(|e| !e.warnings.is_empty()) {
        for w in &e.warnings {
            out.push_str(
                &style
                    .width()
                    .fill(&format!("warning ({}): {w}", e.scenario.name), "", "  "),
            );
        }
    }
    for e in estimates {
        for a in &e.advice {
            out.push_str(
                &style
                    .width()
                    .fill(&format!("advice ({}): {a}", e.scenario.name), "", "  "),
            );
        }
    }
    out
}

/// How many scenarios each part of a comparison shows, and how wide a
/// scenario's name may be: all in one, names over lines of 18, without a
/// width; else as many as fit beside the labels, spread evenly, names as
/// wide as their columns.
fn parts(scenarios: usize, rows: &[(String, Vec<String>)], style: Style) -> (Vec<usize>, usize) {
    const NAME: usize = 18;
    let Some(width) = style.width().limit() else {
        return (vec![scenarios], NAME);
    };
    if scenarios == 0 {
        return (vec![0], NAME);
    }
    let chars = |s: &str| s.chars().count();
    let labels = rows.iter().map(|(l, _)| chars(l)).max().unwrap_or(0);
    // the longest figure of any scenario: a column is never narrower
    let figure = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter())
        .flat_map(|c| c.split_whitespace())
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .map(chars)
        .max()
        .unwrap_or(0);
    // a column's content with its padding and divider
    let least = NARROWEST_SCENARIO.max(figure) + 3;
    // the left border, the labels with their padding and divider
    let room = width.saturating_sub(1 + labels + 3);
    let fit = (room / least).clamp(1, scenarios);
    let count = scenarios.div_ceil(fit);
    let widest = scenarios.div_ceil(count);
    let name = (room / widest)
        .saturating_sub(3)
        .clamp(NARROWEST_SCENARIO.max(figure), NAME);
    let parts = (0..count)
        .map(|i| scenarios / count + usize::from(i < scenarios % count))
        .collect();
    (parts, name)
}
