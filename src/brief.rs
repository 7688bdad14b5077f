//! Hiring briefs: for the seats of one or more scenarios, what each role
//! will own, what to look for and what to ask (the `briefs` of the staffing
//! profile), one brief per role with the seats that share it.

use crate::assessment::Assessment;
use crate::money::plain;
use crate::rates::guide::Brief;
use crate::width::Width;

/// One role of the team: its brief (when the layers give one) and the
/// seats that need it, in the order the role first appears.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleBrief {
    pub role: String,
    pub title: String,
    pub brief: Option<Brief>,
    /// (scenario name, the seat in words).
    pub seats: Vec<(String, String)>,
}

/// The briefs of the estimates' seats (the first
/// layers that give a role's brief win).
pub fn gather(estimates: &[Assessment]) -> Vec<RoleBrief> {
    let mut out: Vec<RoleBrief> = Vec::new();
    for e in estimates {
        let l = &e.rate_layers;
        let windows = e.has_windows();
        for s in &e.seats {
            let role = &s.seat.role.value;
            let line = (e.scenario.name.clone(), seat_words(s, windows));
            match out.iter_mut().find(|b| &b.role == role) {
                Some(b) => b.seats.push(line),
                None => out.push(RoleBrief {
                    role: role.clone(),
                    title: s.title.clone(),
                    brief: l.brief(role).cloned(),
                    seats: vec![line],
                }),
            }
        }
    }
    out
}

/// `2 x Mid, poland, Agency, months 3-9`; `1 x Senior at 25%, us, InHouse`
/// for a part-time seat.
fn seat_words(s: &crate::engine::SeatEstimate, windows: bool) -> String {
    let seat = &s.seat;
    let share = seat.allocation.get();
    let part_time = if share == rust_decimal::Decimal::ONE {
        String::new()
    } else {
        format!(" at {}%", plain(share * rust_decimal::Decimal::ONE_HUNDRED))
    };
    let skills = if seat.skills.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = seat.skills.iter().map(|k| k.value.as_str()).collect();
        format!(" ({})", names.join(", "))
    };
    let months = if windows {
        format!(", months {}-{}", plain(s.from_month), plain(s.until_month))
    } else {
        String::new()
    };
    format!(
        "{} x {}{part_time}{skills}, {}, {}{months}",
        seat.count, seat.level, seat.location.value, seat.engagement
    )
}

/// The seats of a brief as one line each: prefixed by the scenario when
/// the briefs cover more than one.
pub fn seat_lines(brief: &RoleBrief, several: bool) -> Vec<String> {
    brief
        .seats
        .iter()
        .map(|(scenario, seat)| {
            if several {
                format!("{scenario}: {seat}")
            } else {
                seat.clone()
            }
        })
        .collect()
}

/// What to print for a role without a brief in its layers.
pub const NO_BRIEF: &str =
    "no brief for this role in the rate layers: add one under staffing.briefs in a plugin";

/// `text` on lines within the width, underlined with `rule`.
fn underlined(text: &str, rule: &str, width: Width) -> String {
    let lines = width.fill(text, "", "");
    let longest = lines.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    format!("{lines}{}\n", rule.repeat(longest))
}

/// The briefs as plain text for the terminal (`teamcost brief`), within
/// `width`.
pub fn text(title: &str, briefs: &[RoleBrief], several: bool, width: Width) -> String {
    let mut out = underlined(title, "=", width);
    for b in briefs {
        let heading = format!("{} ({})", b.title, b.role);
        out.push('\n');
        out.push_str(&underlined(&heading, "-", width));
        out.push_str("Seats:\n");
        for line in seat_lines(b, several) {
            out.push_str(&width.fill(&line, "  - ", "    "));
        }
        let Some(brief) = &b.brief else {
            out.push_str(&width.fill(NO_BRIEF, "", ""));
            continue;
        };
        out.push_str("Will own:\n");
        for line in crate::text::wrap(&brief.owns, width.prose(78).saturating_sub(2).max(1)) {
            out.push_str(&format!("  {line}\n"));
        }
        for (label, items) in [("Look for:", &brief.look_for), ("Ask:", &brief.ask)] {
            out.push_str(&format!("{label}\n"));
            for item in items {
                let lines = crate::text::wrap(item, width.prose(78).saturating_sub(4).max(1));
                for (i, line) in lines.iter().enumerate() {
                    let bullet = if i == 0 { "- " } else { "  " };
                    out.push_str(&format!("  {bullet}{line}\n"));
                }
            }
        }
    }
    out
}
