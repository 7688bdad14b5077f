//! Tables for people: the terminal (box drawing) and Markdown (for wikis
//! and pull requests) share one layout.

use comfy_table::{CellAlignment, Table, presets};

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::engine::Triple;
use crate::engine::simulation::{Summary, decimal};
use crate::money::{group_digits, grouped, plain, two_places};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Terminal,
    Markdown,
}

fn new_table(style: Style, header: Vec<String>, numeric_from: usize) -> Table {
    let mut table = Table::new();
    table.load_preset(match style {
        Style::Terminal => presets::UTF8_FULL_CONDENSED,
        Style::Markdown => presets::ASCII_MARKDOWN,
    });
    let columns = header.len();
    table.set_header(header);
    for i in numeric_from..columns {
        if let Some(column) = table.column_mut(i) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
}

fn heading(style: Style, text: &str) -> String {
    match style {
        Style::Terminal => format!("{text}\n"),
        Style::Markdown => format!("### {text}\n\n"),
    }
}

fn range_row(label: &str, t: &Triple, fmt: fn(Decimal) -> String) -> Vec<String> {
    vec![label.to_string(), fmt(t.low), fmt(t.likely), fmt(t.high)]
}

/// The phases and the non-labour costs of a plan.
fn plan(e: &Assessment, style: Style) -> String {
    let mut out = String::from("\n");
    if e.phases.len() > 1 {
        out.push_str(&heading(style, "Phases"));
        let header = [
            "Phase",
            "Months",
            "Cost likely",
            "Cost range",
            "Capacity (pm)",
            "Eng FTE",
            "Dev FTE",
        ];
        let mut table = new_table(style, header.iter().map(|h| h.to_string()).collect(), 2);
        for p in &e.phases {
            table.add_row(vec![
                p.stage.to_string(),
                format!("{}-{}", plain(p.from_month), plain(p.until_month)),
                grouped(p.cost.likely),
                format!("{} - {}", grouped(p.cost.low), grouped(p.cost.high)),
                two_places(p.capacity.likely),
                two_places(p.engineering_fte),
                two_places(p.development_fte),
            ]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    if !e.costs.is_empty() {
        out.push_str(&heading(style, "Non-labour costs"));
        let header = ["Cost", "Likely", "Range"];
        let mut table = new_table(style, header.iter().map(|h| h.to_string()).collect(), 1);
        for c in &e.costs {
            table.add_row(vec![
                c.name.clone(),
                grouped(c.cost.likely),
                format!("{} - {}", grouped(c.cost.low), grouped(c.cost.high)),
            ]);
        }
        out.push_str(&format!("{table}\n\n"));
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// One scenario in full.
fn estimate(e: &Assessment, style: Style) -> String {
    let s = &e.scenario;
    let mut out = String::new();
    out.push_str(&match style {
        Style::Terminal => format!("{}\n{}\n", s.name, "=".repeat(s.name.chars().count())),
        Style::Markdown => format!("## {}\n\n", s.name),
    });
    let product = s.product.map(|p| format!(" · {p}")).unwrap_or_default();
    out.push_str(&format!(
        "{} · {}{product} · {} months · {} · based in {} · figures in {} · rates: {}\n\n",
        s.file,
        s.stage_label(),
        plain(s.duration.get()),
        s.engagement,
        s.location.value,
        e.currency,
        e.layers.join(" + "),
    ));
    if let Some(c) = &e.conversion {
        out.push_str(&format!("Figures {c}.\n\n"));
    }

    let mut totals = new_table(
        style,
        vec![
            e.currency.to_string(),
            "low".into(),
            "likely".into(),
            "high".into(),
        ],
        1,
    );
    totals.add_row(range_row("Cost", &e.cost, grouped));
    totals.add_row(range_row(
        "Capacity (productive person-months)",
        &e.capacity,
        two_places,
    ));
    match e.cost_per_pm() {
        Some(per_pm) => totals.add_row(range_row("Cost per productive person-month", &per_pm, grouped)),
        None => totals.add_row(vec!["Cost per productive person-month", "n/a", "n/a", "n/a"]),
    };
    out.push_str(&format!("{totals}\n\n"));

    if let Some(sim) = &e.simulation {
        out.push_str(&heading(
            style,
            &format!(
                "Simulated ({} trials, seed {})",
                group_digits(&sim.trials.to_string()),
                sim.seed
            ),
        ));
        let header = [
            e.currency.to_string(),
            "p10".into(),
            "p50".into(),
            "p90".into(),
            "mean".into(),
        ];
        let mut table = new_table(style, header.to_vec(), 1);
        let row = |label: &str, s: &Summary, fmt: fn(Decimal) -> String| {
            let cells = [s.p10, s.p50, s.p90, s.mean].map(|v| fmt(decimal(v)));
            std::iter::once(label.to_string())
                .chain(cells)
                .collect::<Vec<_>>()
        };
        table.add_row(row("Cost", &sim.cost, grouped));
        table.add_row(row(
            "Capacity (productive person-months)",
            &sim.capacity,
            two_places,
        ));
        out.push_str(&format!("{table}\n\n"));
    }
    if let Some(check) = &e.budget {
        out.push_str(&format!(
            "Budget: {} {} held against the {} cost of {}: {}\n\n",
            e.currency,
            grouped(check.budget.amount),
            check.budget.at.name(),
            grouped(check.value),
            super::verdict(check, grouped)
        ));
    }

    out.push_str(&format!(
        "Team mix: {} engineering FTE, {} development FTE; fully staffed after {} weeks (typical delays).\n\n",
        two_places(e.engineering_fte),
        two_places(e.development_fte),
        plain(e.staffed_weeks),
    ));

    out.push_str(&heading(style, "Seats"));
    let header = [
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
    ];
    let windows = e.has_windows();
    let mut header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    if windows {
        header.insert(6, "Months".into());
    }
    let mut seats = new_table(style, header, 5);
    for seat in &e.seats {
        let fte = if seat.seat.count > 1 || seat.seat.allocation.get() != rust_decimal::Decimal::ONE {
            format!("{} x {}", seat.seat.count, plain(seat.seat.allocation.get()))
        } else {
            "1".into()
        };
        let mut row = vec![
            seat.seat.role_label(),
            seat.seat.level.to_string(),
            seat.seat.location.value.clone(),
            seat.seat.engagement.to_string(),
            seat.focus.to_string(),
            fte,
            plain(seat.start_weeks),
            grouped(seat.cost.likely),
            format!("{} - {}", grouped(seat.cost.low), grouped(seat.cost.high)),
            two_places(seat.capacity.likely),
        ];
        if windows {
            row.insert(
                6,
                format!("{}-{}", plain(seat.from_month), plain(seat.until_month)),
            );
        }
        seats.add_row(row);
    }
    out.push_str(&format!("{seats}\n"));
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
            out.push_str(&format!("- {line}\n"));
        }
        for (seat, reason) in reasons {
            out.push_str(&format!(
                "- {} {}: {reason}\n",
                seat.seat.role.value, seat.seat.level
            ));
        }
    }
    out.push('\n');

    out.push_str(&heading(style, "Cost components (likely)"));
    let mut components = new_table(
        style,
        vec!["Component".into(), e.currency.to_string(), "Share".into()],
        1,
    );
    let total = e.components.total();
    for (name, amount) in e.components.shown() {
        let share = if total.is_zero() {
            "-".into()
        } else {
            format!(
                "{}%",
                (amount * rust_decimal::Decimal::from(100) / total).round_dp(1)
            )
        };
        components.add_row(vec![name.to_string(), grouped(amount), share]);
    }
    components.add_row(vec!["total".into(), grouped(total), "100%".into()]);
    out.push_str(&format!("{components}\n\n"));

    out.push_str(&heading(style, "Monthly burn (likely)"));
    let mut burn = new_table(style, vec!["Month".into(), "Cost".into(), "Cumulative".into()], 0);
    for m in &e.monthly {
        burn.add_row(vec![
            m.month.to_string(),
            grouped(m.likely),
            grouped(m.cumulative),
        ]);
    }
    out.push_str(&format!("{burn}\n"));

    if !e.warnings.is_empty() {
        out.push('\n');
        out.push_str(&heading(style, "Warnings"));
        for w in &e.warnings {
            out.push_str(&format!("- {w}\n"));
        }
    }
    if !e.advice.is_empty() {
        out.push('\n');
        out.push_str(&heading(style, "Advice"));
        for a in &e.advice {
            out.push_str(&format!("- {}\n", a));
        }
    }
    out
}

pub fn estimates(estimates: &[Assessment], style: Style) -> String {
    estimates
        .iter()
        .map(|e| estimate(e, style))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn comparison(estimates: &[Assessment], style: Style) -> String {
    let name = |e: &Assessment| match style {
        // a long name over several lines keeps the columns narrow
        Style::Terminal => crate::text::wrap(&e.scenario.name, 18).join("\n"),
        Style::Markdown => e.scenario.name.clone(),
    };
    let header = std::iter::once(String::new())
        .chain(estimates.iter().map(name))
        .collect();
    let mut table = new_table(style, header, 1);
    for (label, cells) in super::comparison_rows(estimates, grouped) {
        table.add_row(std::iter::once(label).chain(cells).collect::<Vec<_>>());
    }
    let mut out = format!("{table}\n");
    for e in estimates.iter().filter(|e| !e.warnings.is_empty()) {
        for w in &e.warnings {
            out.push_str(&format!("warning ({}): {w}\n", e.scenario.name));
        }
    }
    for e in estimates {
        for a in &e.advice {
            out.push_str(&format!("advice ({}): {}\n", e.scenario.name, a));
        }
    }
    out
}

impl Style {
    /// The style of a table format (Markdown, else the terminal's).
    pub fn of(format: super::Format) -> Style {
        if format == super::Format::Markdown {
            Style::Markdown
        } else {
            Style::Terminal
        }
    }
}

/// A title line (a heading in Markdown) and a grid under it.
pub fn titled(
    style: Style,
    title: &str,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    numeric_from: usize,
) -> String {
    let title = match style {
        Style::Terminal => format!("{title}\n"),
        Style::Markdown => format!("## {title}\n\n"),
    };
    format!("{title}{}", grid(style, header, rows, numeric_from))
}

/// A plain grid of rows under a header.
pub fn grid(style: Style, header: Vec<String>, rows: Vec<Vec<String>>, numeric_from: usize) -> String {
    let mut table = new_table(style, header, numeric_from);
    for row in rows {
        table.add_row(row);
    }
    format!("{table}\n")
}
