//! `mix`: engineering versus development FTE per scenario, stacked by role:
//! engineering roles left in blues and greens, development roles right in
//! oranges and purples.

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{PlotError, draw_err, label_style, legend, svg};
use crate::assessment::Assessment;
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
    let n = estimates.len();
    let names: Vec<String> = estimates.iter().map(|e| e.scenario.name.clone()).collect();
    // Roles in a fixed order: engineering first, then development.
    let mut roles: Vec<(Focus, String)> = estimates
        .iter()
        .flat_map(|e| e.seats.iter().map(|s| (s.focus, s.seat.role.value.clone())))
        .collect();
    roles.sort();
    roles.dedup();
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
    let top = estimates
        .iter()
        .map(|e| e.total_fte().to_f64().unwrap_or(0.0))
        .fold(0.0, f64::max)
        * 1.35;
    let x_label = |v: &f64| format!("{v:.0}");
    let layout = Layout {
        title: "Team mix: engineering vs development",
        x_title: "Full-time equivalents (FTE): engineering roles first, then development",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
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
                        .map(|s| s.fte.to_f64().unwrap_or(0.0))
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
                let label = format!(
                    " {} eng + {} dev",
                    crate::money::plain(e.engineering_fte),
                    crate::money::plain(e.development_fte)
                );
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
                    format!("{role} ({})", focus.to_string().to_lowercase()),
                    colour(*focus, role),
                )
            })
            .collect();
        legend(root, bars::legend_at(&layout), &entries)
    })
}
