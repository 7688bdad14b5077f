//! `range`: one bar per scenario from low to high, the simulated p10-p90
//! band inside it, a marker at likely, and the budget as a line.

use plotters::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{PlotError, color, draw_err, label_style, money_short, one_currency, svg};
use crate::assessment::Assessment;

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

pub fn chart(estimates: &[Assessment], budget: Option<Decimal>) -> Result<String, PlotError> {
    let currency = one_currency(estimates)?;
    let n = estimates.len();
    let names: Vec<String> = estimates.iter().map(|e| e.scenario.name.clone()).collect();
    let top = estimates
        .iter()
        .map(|e| f(e.cost.high))
        .chain(budget.map(f))
        .fold(0.0, f64::max)
        * 1.08;
    let x_label = |v: &f64| money_short(*v, &currency);
    let title = format!("Cost range per scenario ({currency})");
    let layout = Layout {
        title: &title,
        x_title: "Total cost over the project: bar low to high, dark band simulated p10 to p90, diamond likely",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        legend_width: 0,
    };
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            let (range_color, band_color) = (color(4).mix(0.45), color(0));
            for (i, e) in estimates.iter().enumerate() {
                let y = row(i, n);
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(f(e.cost.low), y - 0.18), (f(e.cost.high), y + 0.18)],
                        range_color.filled(),
                    )))
                    .map_err(draw_err)?;
                if let Some(sim) = &e.simulation {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(sim.cost.p10, y - 0.18), (sim.cost.p90, y + 0.18)],
                            band_color.filled(),
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
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!(" budget {}", money_short(budget, &currency)),
                        (budget, n as f64 - 0.02),
                        label_style(),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })
    })
}
