//! `range`: one bar per scenario from low to high, the simulated p10-p90
//! band inside it, a marker at likely, and the budget as a line. A bar over
//! the budget is hatched, outlined and labelled "over budget", and the
//! legend says what the hatching means: over at the figure the budget is
//! held against (`--at`, p90 by default; likely when no check was made).

use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::bars::{self, BarChart, Layout, row};
use super::{INK, LABEL_SIZE, PlotError, axis, color, draw_err, label_style, money_short, one_currency, svg};
use crate::assessment::Assessment;

/// Half the height of a bar, in rows.
const HALF: f64 = 0.18;
/// The hatching and outline of a bar over the budget.
const OVER: RGBColor = INK;

/// Whether `e` is over `budget`: its budget check when one was made, else
/// its likely cost.
fn over(e: &Assessment, budget: Decimal) -> bool {
    match &e.budget {
        Some(check) => check.over(),
        None => e.cost.likely > budget,
    }
}

/// Diagonal lines across the rectangle `[x0, x1] x [y0, y1]` (data
/// coordinates), every 12 pixels at 45 degrees.
fn hatch(chart: &mut BarChart<'_, '_>, x0: f64, x1: f64, y0: f64, y1: f64) -> Result<(), PlotError> {
    let (a, b) = (chart.backend_coord(&(x0, y0)), chart.backend_coord(&(x1, y1)));
    let (width, height) = (f64::from(b.0 - a.0), f64::from((a.1 - b.1).abs()));
    if width <= 0.0 || x1 <= x0 {
        return Ok(());
    }
    let per_pixel = (x1 - x0) / width;
    let rise = height * per_pixel;
    let mut start = x0 - rise;
    let mut lines = Vec::new();
    while start < x1 {
        // the line from (start, y0) to (start + rise, y1), cut to the bar
        let (mut from, mut to) = ((start, y0), (start + rise, y1));
        if from.0 < x0 {
            from = (x0, y0 + (y1 - y0) * (x0 - start) / rise);
        }
        if to.0 > x1 {
            to = (x1, y0 + (y1 - y0) * (x1 - start) / rise);
        }
        lines.push(PathElement::new(vec![from, to], OVER.stroke_width(2)));
        start += 12.0 * per_pixel;
    }
    chart.draw_series(lines).map_err(draw_err)?;
    Ok(())
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

pub fn chart(estimates: &[Assessment], budget: Option<Decimal>) -> Result<String, PlotError> {
    let currency = one_currency(estimates)?;
    let n = estimates.len();
    let names: Vec<String> = estimates.iter().map(|e| e.scenario.name.clone()).collect();
    // room at the right of the longest bar for its "over budget"
    let any_over = budget.is_some_and(|b| estimates.iter().any(|e| over(e, b)));
    let top = estimates
        .iter()
        .map(|e| f(e.cost.high))
        .chain(budget.map(f))
        .fold(0.0, f64::max)
        * if any_over { 1.2 } else { 1.08 };
    let x_label = |v: f64, step: f64| axis::money(v, step, &currency);
    let title = format!("Cost range per scenario ({currency})");
    let layout = Layout {
        title: &title,
        x_title: "Total cost over the project: bar low to high, dark band simulated p10 to p90, diamond likely",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        x_min_step: 1.0,
        legend_width: if budget.is_some() { 330 } else { 0 },
    };
    let at = estimates
        .iter()
        .find_map(|e| e.budget.map(|check| check.budget.at.name()))
        .unwrap_or("likely");
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            let (range_color, band_color) = (color(4).mix(0.45), color(0));
            for (i, e) in estimates.iter().enumerate() {
                let y = row(i, n);
                let (low, high) = (f(e.cost.low), f(e.cost.high));
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(low, y - HALF), (high, y + HALF)],
                        range_color.filled(),
                    )))
                    .map_err(draw_err)?;
                if let Some(sim) = &e.simulation {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(sim.cost.p10, y - HALF), (sim.cost.p90, y + HALF)],
                            band_color.filled(),
                        )))
                        .map_err(draw_err)?;
                }
                if budget.is_some_and(|b| over(e, b)) {
                    hatch(chart, low, high, y - HALF, y + HALF)?;
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(low, y - HALF), (high, y + HALF)],
                            OVER.stroke_width(3),
                        )))
                        .map_err(draw_err)?;
                    chart
                        .draw_series(std::iter::once(Text::new(
                            "over budget",
                            (high + top * 0.008, y),
                            label_style().pos(Pos::new(HPos::Left, VPos::Center)),
                        )))
                        .map_err(draw_err)?;
                }
                let likely = f(e.cost.likely);
                chart
                    .draw_series(std::iter::once(Polygon::new(
                        vec![
                            (likely, y - 0.3),
                            (likely + top * 0.006, y),
                            (likely, y + 0.3),
                            (likely - top * 0.006, y),
                        ],
                        color(5).filled(),
                    )))
                    .map_err(draw_err)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        money_short(likely, &currency),
                        (likely, y + 0.42),
                        label_style(),
                    )))
                    .map_err(draw_err)?;
            }
            if let Some(budget) = budget.map(f) {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(budget, 0.0), (budget, n as f64)],
                        ShapeStyle::from(&color(7)).stroke_width(3),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let Some(amount) = budget else {
            return Ok(());
        };
        // the key: the budget line, then the hatching
        let (x, y) = bars::legend_at(&layout);
        root.draw(&PathElement::new(
            vec![(x + 10, y - 4), (x + 10, y + 24)],
            ShapeStyle::from(&color(7)).stroke_width(3),
        ))
        .map_err(draw_err)?;
        root.draw_text(
            &format!("budget {}", money_short(f(amount), &currency)),
            &label_style(),
            (x + 30, y),
        )
        .map_err(draw_err)?;
        let y = y + LABEL_SIZE as i32 + 24;
        root.draw(&Rectangle::new([(x, y), (x + 20, y + 20)], OVER.stroke_width(3)))
            .map_err(draw_err)?;
        for k in [0, 8, 16] {
            root.draw(&PathElement::new(
                vec![(x + k, y + 20), (x + k + 4, y)],
                OVER.stroke_width(2),
            ))
            .map_err(draw_err)?;
        }
        let note = format!("hatched, outlined: over budget (its {at} cost is above the budget)");
        for (k, line) in super::wrap(&note, super::chars_in(layout.legend_width - 50))
            .iter()
            .enumerate()
        {
            root.draw_text(
                line,
                &label_style(),
                (x + 30, y + (LABEL_SIZE as i32 + 6) * k as i32),
            )
            .map_err(draw_err)?;
        }
        Ok(())
    })
}
