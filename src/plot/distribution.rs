//! `distribution`: a histogram of simulated cost per scenario, one panel
//! each, with p10, p50 and p90 marked.

use plotters::prelude::*;

use super::{
    FONT, GRID, PlotError, color, draw_err, label_style, money_short, one_currency, short_name, svg,
    title_style,
};
use crate::assessment::Assessment;
use crate::engine::simulation::Histogram;

pub fn chart(estimates: &[Assessment]) -> Result<String, PlotError> {
    let currency = one_currency(estimates)?;
    let sims: Vec<_> = estimates
        .iter()
        .map(|e| {
            e.simulation.as_ref().map(|s| (e, s)).ok_or_else(|| {
                PlotError::Empty("the distribution needs the simulation: drop --trials 0".into())
            })
        })
        .collect::<Result<_, _>>()?;
    let n = sims.len();
    let cols = (n as f64).sqrt().ceil() as usize;
    let rows = n.div_ceil(cols);
    svg(|root| {
        let (head, body) = root.split_vertically(90);
        head.draw_text(
            &format!("Simulated cost ({currency}): how likely each total is"),
            &title_style(),
            (40, 25),
        )
        .map_err(draw_err)?;
        let panels = body.split_evenly((rows, cols));
        let small = (FONT, if n > 4 { 16 } else { 20 }).into_font();
        for (i, ((e, sim), panel)) in sims.iter().zip(panels.iter()).enumerate() {
            let Histogram {
                min,
                max,
                width,
                ref counts,
                total,
            } = sim.histogram;
            let peak = counts.iter().copied().max().unwrap_or(1) as f64 / total as f64 * 100.0;
            let mut chart = ChartBuilder::on(panel)
                .caption(
                    short_name(&e.scenario.name, if cols > 2 { 40 } else { 60 }),
                    (FONT, if n > 4 { 18 } else { 24 }),
                )
                .margin(14)
                .x_label_area_size(36)
                .y_label_area_size(56)
                .build_cartesian_2d(min..max + width, 0.0..peak * 1.25)
                .map_err(draw_err)?;
            chart
                .configure_mesh()
                .x_labels(4)
                .y_labels(4)
                .x_label_formatter(&|v| money_short(*v, &currency))
                .y_label_formatter(&|v| format!("{v:.0}%"))
                .label_style(small.clone())
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .draw()
                .map_err(draw_err)?;
            chart
                .draw_series(counts.iter().enumerate().map(|(b, count)| {
                    let x0 = min + width * b as f64;
                    let share = *count as f64 / total as f64 * 100.0;
                    Rectangle::new([(x0, 0.0), (x0 + width, share)], color(i).mix(0.75).filled())
                }))
                .map_err(draw_err)?;
            // p50's label sits lower, so close percentiles do not overlap
            for (name, value, height) in [
                ("p10", sim.cost.p10, 1.22),
                ("p50", sim.cost.p50, 1.1),
                ("p90", sim.cost.p90, 1.22),
            ] {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(value, 0.0), (value, peak * (height - 0.02))],
                        ShapeStyle::from(&BLACK).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!("{name} {}", money_short(value, &currency)),
                        (value, peak * height),
                        if n > 4 {
                            small.clone().color(&super::INK)
                        } else {
                            label_style()
                        },
                    )))
                    .map_err(draw_err)?;
            }
        }
        Ok(())
    })
}
