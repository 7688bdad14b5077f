//! Writing a recommended team as an ordinary scenario file with explicit
//! seats, commented, which `check` accepts and `estimate` reproduces.

use crate::money::plain;
use crate::scenario::{Scenario, Seat};

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
    if seat.allocation.get() != rust_decimal::Decimal::ONE {
        fields.push(format!("allocation: {}", plain(seat.allocation.get())));
    }
    fields.push(format!("engagement: {}", seat.engagement));
    fields.push(format!("location: {}", quoted(&seat.location.value)));
    format!("({})", fields.join(", "))
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
    out.push_str(&format!("    stage: {},\n", scenario.stage));
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
    out.push_str("    ]),\n)\n");
    out
}
