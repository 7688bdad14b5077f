//! `burn`: cumulative likely cost month by month, one line per scenario. A
//! team that starts late because hiring takes weeks shows as a flat start.
//! A plan's phases are shaded behind the lines, and the months where seats
//! join or leave are marked on them (see `plan`).

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::lines::{self, Frame};
use super::plan;
use super::{PlotError, color, draw_err, legend, money_short, one_currency, svg};
use crate::assessment::Assessment;

pub fn chart(estimates: &[Assessment]) -> Result<String, PlotError> {
    let currency = one_currency(estimates)?;
    let series: Vec<Vec<(f64, f64)>> = estimates
        .iter()
        .map(|e| {
            std::iter::once((0.0, 0.0))
                .chain(e.monthly.iter().map(|m| {
                    let end = (m.month as f64).min(e.scenario.duration.get().to_f64().unwrap_or(0.0));
                    (end, m.cumulative.to_f64().unwrap_or(0.0))
                }))
                .collect()
        })
        .collect();
    let months = series.iter().flatten().map(|p| p.0).fold(1.0, f64::max);
    let bands = plan::shared_bands(estimates);
    // with bands, more room above the lines for the stage names
    let headroom = if bands.is_some() { 1.12 } else { 1.05 };
    let top = series.iter().flatten().map(|p| p.1).fold(0.0, f64::max) * headroom;
    let marks: Vec<plan::Line<'_>> = series
        .iter()
        .zip(estimates)
        .enumerate()
        .map(|(i, (points, e))| plan::Line {
            points,
            steps: plan::steps(e),
            color: color(i),
        })
        .collect();
    let y_label = |v: &f64| money_short(*v, &currency);
    let title = format!("Cumulative spend, month by month ({currency})");
    let frame = Frame {
        title: &title,
        x_title: "Months from the start of the project",
        y_title: "Cumulative likely cost",
        x: 0.0..months,
        y: 0.0..top.max(1.0),
        y_label: &y_label,
        legend_width: 420,
    };
    svg(|root| {
        let y_top = frame.y.end;
        lines::draw(root, &frame, |chart| {
            if let Some(bands) = &bands {
                plan::draw_bands(chart, bands, y_top)?;
            }
            for (i, points) in series.iter().enumerate() {
                let style = ShapeStyle::from(&color(i)).stroke_width(4);
                chart
                    .draw_series(LineSeries::new(points.clone(), style))
                    .map_err(draw_err)?;
                // more than eight lines: a marker tells the repeated colours apart
                if i >= super::PALETTE.len() {
                    chart
                        .draw_series(
                            points
                                .iter()
                                .map(|p| TriangleMarker::new(*p, 8, color(i).filled())),
                        )
                        .map_err(draw_err)?;
                }
            }
            plan::mark_steps(chart, &marks, bands.is_some())?;
            match &bands {
                Some(bands) => plan::name_bands(chart, bands, y_top),
                None => Ok(()),
            }
        })?;
        let entries: Vec<(String, RGBColor)> = estimates
            .iter()
            .enumerate()
            .map(|(i, e)| (e.scenario.name.clone(), color(i)))
            .collect();
        let (x, y) = lines::legend_at(&frame);
        let below = legend(root, (x, y), frame.legend_width, &entries)?;
        plan::key(root, (x, below + 20), &marks)
    })
}
