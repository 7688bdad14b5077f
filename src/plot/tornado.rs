//! `tornado`: the sensitivity of one scenario, the ten inputs that move the
//! likely cost most, each bar from the cost at the input's low end to the
//! cost at its high end around the likely cost.

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{PlotError, axis, color, draw_err, legend, money_short, svg};
use crate::assessment::Assessment;
use crate::engine::inputs::{Input, InputKind};
use crate::engine::sensitivity::sensitivity;

const TOP: usize = 10;

/// An input's name with a seat's role title, not its id: "salary Senior
/// AI engineer us" for "salary ai-engineer Senior us"; other inputs as the
/// sensitivity table names them.
fn label(input: &Input, e: &Assessment) -> String {
    let what = match input.kind {
        InputKind::Salary => "salary",
        InputKind::AgencyRate => "agency rate",
        _ => return input.to_string(),
    };
    e.model
        .seats
        .iter()
        .find(|s| {
            format!("{} {} {}", s.seat.role.value, s.seat.level, s.seat.location.value) == input.subject
        })
        .map_or_else(
            || input.to_string(),
            |s| format!("{what} {} {} {}", s.seat.level, s.title, s.seat.location.value),
        )
}

pub fn chart(e: &Assessment) -> Result<String, PlotError> {
    let crate::engine::sensitivity::Sensitivity { likely, swings, .. } =
        sensitivity(&e.model).map_err(|d| PlotError::Compute(d.to_string()))?;
    // the bars are of cost: largest cost swing first, whatever sensitivity
    // sorted by (the cost to deliver, with a goal)
    let mut swings: Vec<_> = swings.into_iter().filter(|s| !s.swing().is_zero()).collect();
    swings.sort_by(|a, b| {
        b.swing()
            .cmp(&a.swing())
            .then_with(|| a.input.to_string().cmp(&b.input.to_string()))
    });
    swings.truncate(TOP);
    if swings.is_empty() {
        return Err(PlotError::Empty("no input of this scenario has a range".into()));
    }
    let f = |d: rust_decimal::Decimal| d.to_f64().unwrap_or(0.0);
    let likely = f(likely);
    let n = swings.len();
    let names: Vec<String> = swings.iter().map(|s| label(&s.input, e)).collect();
    let lo = swings
        .iter()
        .map(|s| f(s.at_low).min(f(s.at_high)))
        .fold(likely, f64::min);
    let hi = swings
        .iter()
        .map(|s| f(s.at_low).max(f(s.at_high)))
        .fold(likely, f64::max);
    let pad = (hi - lo).max(1.0) * 0.08;
    let currency = &e.currency;
    let x_label = |v: f64, step: f64| axis::money(v, step, currency);
    let title = format!("What moves the cost most: {}", e.scenario.name);
    let x_title = format!(
        "Likely cost ({}) with one input at its low or high end, the rest typical",
        money_short(likely, currency)
    );
    let layout = Layout {
        title: &title,
        x_title: &x_title,
        names: &names,
        x: (lo - pad).max(0.0)..hi + pad,
        x_label: &x_label,
        x_min_step: 1.0,
        legend_width: 300,
    };
    svg(|root| {
        bars::draw(root, &layout, |chart| {
            for (i, s) in swings.iter().enumerate() {
                let y = row(i, n);
                for (value, c) in [(f(s.at_low), color(0)), (f(s.at_high), color(1))] {
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(likely, y - 0.32), (value, y + 0.32)],
                            c.filled(),
                        )))
                        .map_err(draw_err)?;
                }
            }
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(likely, 0.0), (likely, n as f64)],
                    ShapeStyle::from(&color(7)).stroke_width(2),
                )))
                .map_err(draw_err)?;
            Ok(())
        })?;
        let entries = vec![
            ("input at its low end".to_string(), color(0)),
            ("input at its high end".to_string(), color(1)),
        ];
        legend(root, bars::legend_at(&layout), layout.legend_width, &entries).map(|_| ())
    })
}
