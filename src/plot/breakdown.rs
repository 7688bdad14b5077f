//! `breakdown`: each scenario's likely cost stacked by component (salary,
//! burden, overhead, management, recruiting, agency).

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::bars::{self, Layout, row};
use super::{PlotError, color, draw_err, legend, money_short, one_currency, svg};
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
    let x_label = |v: &f64| money_short(*v, &currency);
    let title = format!("What the likely cost is made of ({currency})");
    let layout = Layout {
        title: &title,
        x_title: "Likely cost over the project, by component",
        names: &names,
        x: 0.0..top.max(1.0),
        x_label: &x_label,
        legend_width: 220,
    };
    let any_other = estimates.iter().any(|e| !e.components.other.is_zero());
    let component_names: Vec<&str> = estimates
        .first()
        .map(|e| {
            e.components
                .named()
                .iter()
                .map(|(name, _)| *name)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .filter(|name| any_other || *name != "other")
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
                    chart
                        .draw_series(std::iter::once(Rectangle::new(
                            [(start, y - 0.3), (start + width, y + 0.3)],
                            color(k).filled(),
                        )))
                        .map_err(draw_err)?;
                    start += width;
                }
            }
            Ok(())
        })?;
        let entries: Vec<(String, RGBColor)> = component_names
            .iter()
            .enumerate()
            .map(|(k, name)| (name.to_string(), color(k)))
            .collect();
        legend(root, bars::legend_at(&layout), &entries)
    })
}
