//! `breakeven`: likely cost per productive person-month of the team all
//! in-house and all through an agency, over 1 to 60 months, with the
//! break-even marked.

use plotters::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use super::lines::{self, Frame};
use super::{PlotError, color, draw_err, label_style, legend, money_short, svg};
use crate::assessment::Assessment;
use crate::engine::breakeven::{BreakEven, LONGEST};

pub fn chart(e: &Assessment, b: &BreakEven) -> Result<String, PlotError> {
    let currency = &e.currency;
    let points =
        |pick: fn(&crate::engine::breakeven::Duration) -> Option<rust_decimal::Decimal>| -> Vec<(f64, f64)> {
            b.durations
                .iter()
                .filter_map(|d| pick(d).map(|v| (f64::from(d.months), v.to_f64().unwrap_or(0.0))))
                .collect()
        };
    let (in_house, agency) = (points(|d| d.in_house), points(|d| d.agency));
    // The first months of an in-house team cost a lot per person-month
    // (recruiting, ramp-up); cap the axis so the crossing stays readable.
    let agency_top = agency.iter().map(|p| p.1).fold(0.0, f64::max);
    let late_in_house = in_house
        .iter()
        .filter(|p| p.0 >= 6.0)
        .map(|p| p.1)
        .fold(0.0, f64::max);
    let top = (agency_top.max(late_in_house) * 1.3).max(1.0);
    let clip = |v: &Vec<(f64, f64)>| v.iter().map(|&(x, y)| (x, y.min(top))).collect::<Vec<_>>();
    let y_label = |v: &f64| money_short(*v, currency);
    let title = format!("In-house or agency? {}", super::short_name(&e.scenario.name, 50));
    let frame = Frame {
        title: &title,
        x_title: "Project length in months",
        y_title: &format!("Likely cost per productive person-month ({currency})"),
        x: 1.0..f64::from(LONGEST),
        y: 0.0..top,
        y_label: &y_label,
        legend_width: 360,
    };
    let verdict = crate::report::breakeven::verdict(b);
    svg(|root| {
        lines::draw(root, &frame, |chart| {
            for (i, series) in [&in_house, &agency].into_iter().enumerate() {
                let style = ShapeStyle::from(&color(i)).stroke_width(4);
                chart
                    .draw_series(LineSeries::new(clip(series), style))
                    .map_err(draw_err)?;
            }
            if let Some(m) = b.months {
                let x = f64::from(m);
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x, 0.0), (x, top)],
                        ShapeStyle::from(&color(7)).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!(" break-even: {m} months"),
                        (x, top * 0.97),
                        label_style(),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let entries = vec![
            ("all in-house".to_string(), color(0)),
            ("all agency".to_string(), color(1)),
        ];
        legend(root, lines::legend_at(&frame), &entries)?;
        let (x, y) = lines::legend_at(&frame);
        let mut line_y = y + 90;
        for line in super::wrap(&verdict, 26) {
            root.draw_text(&line, &label_style(), (x, line_y))
                .map_err(draw_err)?;
            line_y += 28;
        }
        Ok(())
    })
}
