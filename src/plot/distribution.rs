//! `distribution`: a histogram of simulated cost per scenario, one panel
//! each, with p10, p50 and p90 marked: p50 above the others, p10 written
//! left of its line and p90 right of its line, so that the three never
//! overlap, each with the decimals that tell it from its neighbour.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{FONT, GRID, INK, PlotError, axis, color, draw_err, names, one_currency, svg, title_style};
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
        let label_size = if n > 4 { 16 } else { super::LABEL_SIZE };
        let full: Vec<String> = sims.iter().map(|(e, _)| e.scenario.name.clone()).collect();
        let captions = names::distinct(&full, if cols > 2 { 40 } else { 60 });
        for (i, (((_, sim), panel), caption)) in sims.iter().zip(panels.iter()).zip(&captions).enumerate() {
            let Histogram {
                min,
                max,
                width,
                ref counts,
                total,
            } = sim.histogram;
            let peak = counts.iter().copied().max().unwrap_or(1) as f64 / total as f64 * 100.0;
            let x = min..max + width;
            let (ticks, step) = axis::nice_ticks(&x, 5, 1.0);
            let mut chart = ChartBuilder::on(panel)
                .caption(caption, (FONT, if n > 4 { 18 } else { 24 }))
                .margin(14)
                .margin_right(30)
                .x_label_area_size(36)
                .y_label_area_size(56)
                .build_cartesian_2d(axis::Ticked::new(x, ticks), 0.0..peak * 1.58)
                .map_err(draw_err)?;
            chart
                .configure_mesh()
                .y_labels(4)
                .x_label_formatter(&|v| axis::money(*v, step, &currency))
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
            // the decimals that tell each percentile from its neighbour
            let (p10, p50, p90) = (sim.cost.p10, sim.cost.p50, sim.cost.p90);
            let gap = (p50 - p10).min(p90 - p50).max(1.0);
            let resolution = 10f64.powf(gap.log10().floor());
            // (name, value, height of its label, anchor): p50 on top
            for (name, value, height, h) in [
                ("p10", p10, 1.1, HPos::Right),
                ("p50", p50, 1.36, HPos::Center),
                ("p90", p90, 1.1, HPos::Left),
            ] {
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(value, 0.0), (value, peak * height)],
                        ShapeStyle::from(&BLACK).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                let dx = match h {
                    HPos::Right => -4,
                    HPos::Left => 4,
                    HPos::Center => 0,
                };
                let style = (FONT, label_size)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(h, VPos::Bottom));
                let text = format!("{name} {}", axis::money(value, resolution, &currency));
                chart
                    .plotting_area()
                    .draw(&(EmptyElement::at((value, peak * height)) + Text::new(text, (dx, -2), style)))
                    .map_err(draw_err)?;
            }
        }
        Ok(())
    })
}
