//! The layout shared by the horizontal bar charts: one row per scenario (or
//! input), its name at the left wrapped over two lines, money along x.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::{
    GRID, LABEL_SIZE, PlotError, axis, axis_title_style, draw_err, fitted_title, label_style, names,
    right_aligned, short_name,
};

/// Values on x, ticked every `axis::nice_step`; rows on y.
pub type BarChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<axis::Ticked, RangedCoordf64>>;

/// Width of the name column, in pixels.
const NAME_WIDTH: u32 = 430;
/// Characters per line of a name; two lines at most.
const NAME_LINE: usize = 32;

/// The vertical centre of row `i` of `n`, the first row on top.
pub fn row(i: usize, n: usize) -> f64 {
    (n - i) as f64 - 0.5
}

/// A name over at most two lines of `NAME_LINE` characters; a second line
/// too long loses its middle, so that the end that tells names apart stays.
pub fn wrap_two(name: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in name.split_whitespace() {
        let line = lines.last_mut().map_or(0, |l| l.chars().count());
        if line > 0 && line + 1 + word.chars().count() > NAME_LINE {
            lines.push(String::new());
        }
        if let Some(last) = lines.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(word);
        }
    }
    if lines.len() > 2 {
        let rest = lines[1..].join(" ");
        lines.truncate(1);
        lines.push(rest);
    }
    let second = lines.len() > 1;
    lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            if second && k == 1 {
                names::middle(&l, NAME_LINE)
            } else {
                short_name(&l, NAME_LINE)
            }
        })
        .collect()
}

/// Each name over two lines (`wrap_two`); rows whose lines would read the
/// same are numbered by their position.
pub fn row_labels(names: &[String]) -> Vec<Vec<String>> {
    let wrapped: Vec<Vec<String>> = names.iter().map(|n| wrap_two(n)).collect();
    wrapped
        .iter()
        .enumerate()
        .map(|(i, lines)| {
            let clash = wrapped
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other == lines);
            let mut lines = lines.clone();
            if clash && let Some(first) = lines.first_mut() {
                *first = format!("{}. {first}", i + 1);
            }
            lines
        })
        .collect()
}

pub struct Layout<'a> {
    pub title: &'a str,
    pub x_title: &'a str,
    pub names: &'a [String],
    pub x: Range<f64>,
    /// A tick's label from its value and the step between ticks.
    pub x_label: &'a dyn Fn(f64, f64) -> String,
    /// The smallest step between ticks (0.5 for FTE, 1 for money).
    pub x_min_step: f64,
    /// Pixels kept free at the right for a legend (0 for none).
    pub legend_width: u32,
}

/// Where a legend goes in the space `Layout::legend_width` keeps free.
pub fn legend_at(layout: &Layout<'_>) -> (i32, i32) {
    (super::SIZE.0 as i32 - layout.legend_width as i32 + 10, 110)
}

/// Draws the frame, lets `bars` draw into it, then writes the row names.
pub fn draw<'b>(
    root: &DrawingArea<SVGBackend<'b>, Shift>,
    layout: &Layout<'_>,
    bars: impl FnOnce(&mut BarChart<'_, 'b>) -> Result<(), PlotError>,
) -> Result<(), PlotError> {
    let n = layout.names.len();
    let (title, style, free) = fitted_title(layout.title);
    let (ticks, step) = axis::nice_ticks(&layout.x, 8, layout.x_min_step);
    let x_label = |v: &f64| (layout.x_label)(*v, step);
    let mut chart = ChartBuilder::on(root)
        .caption(title, style)
        .margin(30)
        .margin_top(30 + free)
        .margin_right(60 + layout.legend_width)
        .x_label_area_size(80)
        .y_label_area_size(NAME_WIDTH)
        .build_cartesian_2d(axis::Ticked::new(layout.x.clone(), ticks), 0f64..n as f64)
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&x_label)
        .x_desc(layout.x_title)
        .axis_desc_style(axis_title_style())
        .label_style(label_style())
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .draw()
        .map_err(draw_err)?;
    bars(&mut chart)?;
    for (i, lines) in row_labels(layout.names).iter().enumerate() {
        let (x, y) = chart.backend_coord(&(layout.x.start, row(i, n)));
        let step = LABEL_SIZE as i32 + 4;
        let top = y - step * (lines.len() as i32 - 1) / 2;
        for (k, line) in lines.iter().enumerate() {
            root.draw_text(line, &right_aligned(LABEL_SIZE), (x - 14, top + step * k as i32))
                .map_err(draw_err)?;
        }
    }
    Ok(())
}
