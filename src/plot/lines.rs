//! The frame shared by the line charts (burn, break-even): a title, money
//! on y, months on x, grid lines, and room at the right for a legend.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::{GRID, PlotError, axis, axis_title_style, draw_err, fitted_title, label_style};

/// Months on x, ticked on whole months only (`axis::month_ticks`).
pub type LineChart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<axis::Ticked, RangedCoordf64>>;

pub struct Frame<'a> {
    pub title: &'a str,
    pub x_title: &'a str,
    pub y_title: &'a str,
    pub x: Range<f64>,
    pub y: Range<f64>,
    pub y_label: &'a dyn Fn(&f64) -> String,
    pub legend_width: u32,
}

pub fn draw<'b>(
    root: &DrawingArea<SVGBackend<'b>, Shift>,
    frame: &Frame<'_>,
    lines: impl FnOnce(&mut LineChart<'_, 'b>) -> Result<(), PlotError>,
) -> Result<(), PlotError> {
    let (title, style, free) = fitted_title(frame.title);
    let months = axis::month_ticks(&frame.x);
    let mut chart = ChartBuilder::on(root)
        .caption(title, style)
        .margin(30)
        .margin_top(30 + free)
        .margin_right(40 + frame.legend_width)
        .x_label_area_size(80)
        .y_label_area_size(140)
        .build_cartesian_2d(axis::Ticked::new(frame.x.clone(), months), frame.y.clone())
        .map_err(draw_err)?;
    chart
        .configure_mesh()
        .y_labels(8)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(frame.y_label)
        .x_desc(frame.x_title)
        .y_desc(frame.y_title)
        .axis_desc_style(axis_title_style())
        .label_style(label_style())
        .light_line_style(WHITE)
        .bold_line_style(GRID)
        .draw()
        .map_err(draw_err)?;
    lines(&mut chart)
}

/// Where the legend goes in the room the frame keeps free.
pub fn legend_at(frame: &Frame<'_>) -> (i32, i32) {
    (super::SIZE.0 as i32 - frame.legend_width as i32 + 10, 110)
}
