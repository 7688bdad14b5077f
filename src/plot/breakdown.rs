//! `breakdown`: each scenario's likely cost stacked by component (salary,
//! burden, overhead, management, recruiting, agency, and `other`, the
//! non-labour costs, when any scenario has them), its total written at the
//! end of the bar.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{INK, PlotError, axis, color, draw_err, label_style, legend, money_short, one_currency, svg};
use crate::assessment::Assessment;

pub fn chart(estimates: &[Assessment]) -> Result<String, PlotError> {
    let currency = one_currency(estimates)?;
    let n = estimates.len();
    let names: Vec<String> = estimates.iter().map(|e| e.scenario.name.clone()).collect();
    let top = estimates
        .iter()
        .map(|e| e.cost.likely.to_f64().unwrap_or(0.0))
        .fold(0.0, f64::max)
        * 1.25;
    let x_label = |v: f64, step: f64| axis::money(v, step, &currency);
    let title = format!("What the likely cost is made of ({currency})");
    let layout = Layout {
        title: &title,
        x_title: "Likely cost over the project, by component",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        x_min_step: 1.0,
        legend_width: 220,
    };
    // The components in `named()` order, each with its index there: its
    // colour. `other` and `exit` only when a scenario has them, so a chart
    // without them is the one it always was.
    let any_other = estimates.iter().any(|e| !e.components.other.is_zero());
    let any_exit = estimates.iter().any(|e| !e.components.exit.is_zero());
    let shown: Vec<(usize, &str)> = estimates
        .first()
        .map(|e| e.components.named().map(|(name, _)| name))
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .filter(|(_, name)| (any_other || *name != "other") && (any_exit || *name != "exit"))
        .collect();
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            for (i, e) in estimates.iter().enumerate() {
                let y = row(i, n);
                let mut start = 0.0;
                for (k, (_, amount)) in e.components.named().iter().enumerate() {
                    let width = amount.to_f64().unwrap_or(0.0);
                    if width <= 0.0 {
                        continue;
                    }
                    let corners = [(start, y - 0.3), (start + width, y + 0.3)];
                    chart
                        .draw_series(std::iter::once(Rectangle::new(corners, color(k).filled())))
                        .map_err(draw_err)?;
                    if pale(k) {
                        chart
                            .draw_series(std::iter::once(Rectangle::new(corners, INK.stroke_width(1))))
                            .map_err(draw_err)?;
                    }
                    start += width;
                }
                chart
                    .draw_series(std::iter::once(Text::new(
                        money_short(e.cost.likely.to_f64().unwrap_or(0.0), &currency),
                        (start + top * 0.006, y),
                        label_style().pos(Pos::new(HPos::Left, VPos::Center)),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let entries: Vec<(String, RGBColor)> = shown
            .iter()
            .map(|(k, name)| (name.to_string(), color(*k)))
            .collect();
        let at = bars::legend_at(&layout);
        legend(root, at, layout.legend_width, &entries)?;
        // the pale square gets the bar's outline too
        let step = super::LABEL_SIZE as i32 + 10;
        for (i, (k, _)) in shown.iter().enumerate() {
            if pale(*k) {
                let y = at.1 + step * i as i32;
                root.draw(&Rectangle::new(
                    [(at.0, y), (at.0 + 20, y + 20)],
                    INK.stroke_width(1),
                ))
                .map_err(draw_err)?;
            }
        }
        Ok(())
    })
}

/// The palette's yellow (component 7, `other`) is too pale on white alone:
/// it gets a thin outline.
fn pale(k: usize) -> bool {
    color(k) == super::PALETTE[6]
}
