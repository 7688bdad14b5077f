//! Writing a recommended team as an ordinary scenario file with explicit
//! seats (with their windows, for a plan over phases) and the cost lines,
//! commented, which `check` accepts and `estimate` reproduces.

use rust_decimal::Decimal;

use crate::money::plain;
use crate::range::Range;
use crate::scenario::{CostLine, Scenario, Seat};

/// A RON string literal.
fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn seat_line(seat: &Seat) -> String {
    let mut fields = vec![
        format!("role: {}", quoted(&seat.role.value)),
        format!("level: {}", seat.level),
    ];
    if seat.count != 1 {
        fields.push(format!("count: {}", seat.count));
    }
    if seat.allocation.get() != Decimal::ONE {
        fields.push(format!("allocation: {}", plain(seat.allocation.get())));
    }
    fields.push(format!("engagement: {}", seat.engagement));
    fields.push(format!("location: {}", quoted(&seat.location.value)));
    if !seat.from_month.is_zero() {
        fields.push(format!("from_month: {}", plain(seat.from_month)));
    }
    if let Some(until) = seat.until_month {
        fields.push(format!("until_month: {}", plain(until)));
    }
    format!("({})", fields.join(", "))
}

/// A range as written in a file: one value, or low, typical and high.
fn range(r: &Range) -> String {
    if r.is_fixed() {
        plain(r.typical())
    } else {
        format!(
            "(low: {}, typical: {}, high: {})",
            plain(r.low()),
            plain(r.typical()),
            plain(r.high())
        )
    }
}

fn cost_line(line: &CostLine) -> String {
    let mut fields = vec![format!("name: {}", quoted(&line.name.value))];
    if !line.monthly.high().is_zero() {
        fields.push(format!("monthly: {}", range(&line.monthly)));
    }
    if !line.once.high().is_zero() {
        fields.push(format!("once: {}", range(&line.once)));
    }
    if !line.from_month.is_zero() {
        fields.push(format!("from_month: {}", plain(line.from_month)));
    }
    if let Some(until) = line.until_month {
        fields.push(format!("until_month: {}", plain(until)));
    }
    if let Some(c) = &line.currency {
        fields.push(format!("currency: {}", quoted(c.value.as_str())));
    }
    format!("({})", fields.join(", "))
}

/// `stage: X` for one stage over the whole project, the phases otherwise
/// (the last runs to the end).
fn stage_or_phases(scenario: &Scenario) -> String {
    match scenario.phases.as_slice() {
        [] => format!("    stage: {},\n", scenario.stage),
        [one] if one.start.is_zero() && one.end == scenario.duration.get() => {
            format!("    stage: {},\n", one.stage)
        }
        phases => {
            let mut out = String::from("    phases: [\n");
            for (i, p) in phases.iter().enumerate() {
                if i + 1 == phases.len() {
                    out.push_str(&format!("        (stage: {}),\n", p.stage));
                } else {
                    out.push_str(&format!(
                        "        (stage: {}, until_month: {}),\n",
                        p.stage,
                        plain(p.end)
                    ));
                }
            }
            out.push_str("    ],\n");
            out
        }
    }
}

/// The scenario with `seats` in place of its recommendation.
pub fn scenario_file(scenario: &Scenario, seats: &[Seat], reasoning: &[String], layers: &[String]) -> String {
    let mut out = String::from("// Written by `teamcost recommend`. The team below is explicit: edit it\n");
    out.push_str("// freely; `teamcost estimate` on this file gives the same figures.\n");
    for line in reasoning {
        out.push_str(&format!("// {line}\n"));
    }
    out.push_str("Scenario(\n");
    out.push_str(&format!("    name: {},\n", quoted(&scenario.name)));
    out.push_str(&stage_or_phases(scenario));
    if let Some(p) = scenario.product {
        out.push_str(&format!("    product: {p},\n"));
    }
    out.push_str(&format!(
        "    duration_months: {},\n",
        plain(scenario.duration.get())
    ));
    out.push_str(&format!("    location: {},\n", quoted(&scenario.location.value)));
    out.push_str(&format!("    engagement: {},\n", scenario.engagement));
    if !scenario.requirements.is_empty() {
        let list: Vec<String> = scenario.requirements.iter().map(|r| r.to_string()).collect();
        out.push_str(&format!("    requirements: [{}],\n", list.join(", ")));
    }
    let layers: Vec<String> = layers.iter().map(|l| quoted(l)).collect();
    out.push_str(&format!("    rates: [{}],\n", layers.join(", ")));
    if let Some(c) = &scenario.currency {
        out.push_str(&format!("    currency: {},\n", quoted(c.value.as_str())));
    }
    out.push_str("    team: Seats([\n");
    for seat in seats {
        if let Some(reason) = &seat.reason {
            out.push_str(&format!("        // {reason}\n"));
        }
        out.push_str(&format!("        {},\n", seat_line(seat)));
    }
    out.push_str("    ]),\n");
    if !scenario.costs.is_empty() {
        out.push_str("    costs: [\n");
        for line in &scenario.costs {
            out.push_str(&format!("        {},\n", cost_line(line)));
        }
        out.push_str("    ],\n");
    }
    if let Some(note) = &scenario.note {
        out.push_str(&format!("    note: {},\n", quoted(note)));
    }
    if let Some(c) = &scenario.calendar {
        out.push_str(&format!("    start: \"{}\",\n", c.start()));
        if c.fiscal_year_start() != 1 {
            out.push_str(&format!("    fiscal_year_start: {},\n", c.fiscal_year_start()));
        }
    }
    out.push_str(")\n");
    out
}
