//! `mix`: engineering versus development FTE per scenario, stacked by role:
//! engineering roles left in blues and greens, development roles right in
//! oranges and purples. One phased scenario is drawn phase by phase
//! instead: a bar per phase with its planned engineering and development
//! FTE, so a plan that adds engineers on the way to production shows it.
//! A scenario whose seats come and go is drawn at its average FTE and
//! labelled with its peak, never the sum (MODEL.md 10.7).
//! Roles are named by their titles in the rate layers ("AI developer"),
//! and the FTE axis ticks every half, whole, 2 or 5 FTE (`axis`).

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{PlotError, axis, draw_err, label_style, legend, svg};
use crate::assessment::Assessment;
use crate::money::plain;
use crate::vocabulary::Focus;

const ENGINEERING: [RGBColor; 4] = [
    RGBColor(0, 114, 178),
    RGBColor(86, 180, 233),
    RGBColor(0, 158, 115),
    RGBColor(0, 80, 120),
];
const DEVELOPMENT: [RGBColor; 4] = [
    RGBColor(230, 159, 0),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(240, 228, 66),
];

pub fn chart(estimates: &[Assessment]) -> Result<String, PlotError> {
    if estimates.is_empty() {
        return Err(PlotError::Empty("no scenario".into()));
    }
    // several scenarios' phases would not line up as rows: those keep the
    // chart of whole teams
    if let [one] = estimates
        && one.phases.len() > 1
    {
        return by_phase(one);
    }
    let n = estimates.len();
    let names: Vec<String> = estimates.iter().map(|e| e.scenario.name.clone()).collect();
    // Roles in a fixed order: engineering first, then development.
    let mut roles: Vec<(Focus, String)> = estimates
        .iter()
        .flat_map(|e| e.seats.iter().map(|s| (s.focus, s.seat.role.value.clone())))
        .collect();
    roles.sort();
    roles.dedup();
    // each role's title, as the layers name it (the id when none does)
    let title = |role: &str| {
        estimates
            .iter()
            .flat_map(|e| &e.seats)
            .find(|s| s.seat.role.value == role && !s.title.is_empty())
            .map_or_else(|| role.to_string(), |s| s.title.clone())
    };
    let colour = |focus: Focus, role: &str| {
        let k = roles
            .iter()
            .filter(|(f, _)| *f == focus)
            .position(|(_, r)| r == role)
            .unwrap_or(0);
        match focus {
            Focus::Engineering => ENGINEERING[k % ENGINEERING.len()],
            Focus::Development => DEVELOPMENT[k % DEVELOPMENT.len()],
        }
    };
    // a plan whose team changes is drawn at its average FTE per role and
    // labelled with its peak: never the sum of people who are never there
    // together (MODEL.md 10.7)
    let planned = |e: &Assessment, s: &crate::engine::SeatEstimate| {
        if e.team_changes() {
            s.fte * (s.until_month - s.from_month) / e.scenario.duration.get()
        } else {
            s.fte
        }
    };
    let top = estimates
        .iter()
        .map(|e| {
            let drawn: rust_decimal::Decimal = e.seats.iter().map(|s| planned(e, s)).sum();
            drawn.to_f64().unwrap_or(0.0)
        })
        .fold(0.0, f64::max)
        * 1.35;
    let x_label = |v: f64, step: f64| axis::number(v, step);
    let layout = Layout {
        title: "Team mix: engineering vs development",
        x_title: "Full-time equivalents (FTE): engineering roles first, then development",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        x_min_step: 0.5,
        legend_width: 360,
    };
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            for (i, e) in estimates.iter().enumerate() {
                let y = row(i, n);
                let mut start = 0.0;
                for (focus, role) in &roles {
                    let fte: f64 = e
                        .seats
                        .iter()
                        .filter(|s| s.seat.role.value == *role)
                        .map(|s| planned(e, s).to_f64().unwrap_or(0.0))
                        .sum();
                    if fte <= 0.0 {
                        continue;
                    }
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(start, y - 0.3), (start + fte, y + 0.3)],
                            colour(*focus, role).filled(),
                        )))
                        .map_err(draw_err)?;
                    start += fte;
                }
                let label = if e.team_changes() {
                    let fte = |d: rust_decimal::Decimal| crate::money::plain(d.round_dp(2));
                    format!(
                        " average {} eng + {} dev, peak {} + {}",
                        fte(e.average_engineering_fte),
                        fte(e.average_development_fte),
                        fte(e.peak_engineering_fte),
                        fte(e.peak_development_fte)
                    )
                } else {
                    format!(
                        " {} eng + {} dev",
                        crate::money::plain(e.engineering_fte),
                        crate::money::plain(e.development_fte)
                    )
                };
                chart
                    .draw_series(std::iter::once(Text::new(
                        label,
                        (start + top * 0.005, y + 0.12),
                        label_style(),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let entries: Vec<(String, RGBColor)> = roles
            .iter()
            .map(|(focus, role)| {
                (
                    format!("{} ({})", title(role), focus.to_string().to_lowercase()),
                    colour(*focus, role),
                )
            })
            .collect();
        legend(root, bars::legend_at(&layout), layout.legend_width, &entries).map(|_| ())
    })
}

/// One bar per phase: the planned average engineering FTE, then
/// development, the first phase on top.
fn by_phase(e: &Assessment) -> Result<String, PlotError> {
    let n = e.phases.len();
    let names: Vec<String> = e
        .phases
        .iter()
        .map(|p| {
            format!(
                "{} (months {} to {})",
                p.stage,
                plain(p.from_month.round_dp(1)),
                plain(p.until_month.round_dp(1))
            )
        })
        .collect();
    let fte = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    let top = e
        .phases
        .iter()
        .map(|p| fte(p.engineering_fte + p.development_fte))
        .fold(0.0, f64::max)
        * 1.35;
    // a half FTE tick reads 0.5, not 0 or 1 rounded
    let x_label = |v: f64, step: f64| axis::number(v, step);
    let title = format!("Team mix by phase: {}", e.scenario.name);
    let layout = Layout {
        title: &title,
        x_title: "Planned average FTE over each phase: engineering first, then development",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        x_min_step: 0.5,
        legend_width: 300,
    };
    let (engineering, development) = (ENGINEERING[0], DEVELOPMENT[0]);
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            for (i, p) in e.phases.iter().enumerate() {
                let y = row(i, n);
                let eng = fte(p.engineering_fte);
                let dev = fte(p.development_fte);
                for (from, to, c) in [(0.0, eng, engineering), (eng, eng + dev, development)] {
                    if to > from {
                        chart
                            .draw_series(std::iter::once(Rectangle::new(
                                [(from, y - 0.3), (to, y + 0.3)],
                                c.filled(),
                            )))
                            .map_err(draw_err)?;
                    }
                }
                let label = format!(
                    " {} eng + {} dev",
                    plain(p.engineering_fte.round_dp(2)),
                    plain(p.development_fte.round_dp(2))
                );
                chart
                    .draw_series(std::iter::once(Text::new(
                        label,
                        (eng + dev + top * 0.005, y + 0.12),
                        label_style(),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let entries = [
            ("engineering".to_string(), engineering),
            ("development".to_string(), development),
        ];
        legend(root, bars::legend_at(&layout), layout.legend_width, &entries).map(|_| ())
    })
}
