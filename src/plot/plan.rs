//! What the line charts show of a plan over time (MODEL.md 8): the phases
//! as shaded bands named at the top, and the months where a seat's window
//! opens or closes inside the project as markers on the line, labelled
//! when there are few of them.
//!
//! A marker sits where the seat's window starts (`from_month`: the position
//! opens, so an in-house seat's cost starts a time to hire later) or ends
//! (`until_month`), the months the scenario file names.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::lines::LineChart;
use super::{FONT, INK, LABEL_SIZE, PlotError, draw_err, label_style, short_name};
use crate::assessment::Assessment;
use crate::engine::Estimate;
use crate::vocabulary::Stage;

/// The bands alternate two light greys: told apart in greyscale print, and
/// every palette colour stays readable on both. They are translucent
/// black over the grid (about 244 and 230 on white), so the grid lines
/// show through and the white minor lines vanish instead of striping them.
pub const BANDS: [f64; 2] = [0.045, 0.1];

/// Markers get labels only when there are at most this many; more labels
/// would cover the lines they explain.
const MAX_LABELS: usize = 4;
const MARKER: i32 = 7;
/// Pixels at the top of the plot kept for the stage names.
const STAGE_STRIP: i32 = 36;

/// One phase as a band over months [from, until).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub stage: Stage,
    pub from: f64,
    pub until: f64,
}

/// The phases to shade: those of the scenarios when they all have the
/// same plan of more than one phase. Bands stand behind every line, so
/// they would be read as the phases of every scenario drawn: when the
/// scenarios' phases differ (or one has a single stage), no band is true
/// for all of them, and none is drawn.
pub fn shared_bands(estimates: &[Assessment]) -> Option<Vec<Band>> {
    let first = estimates.first()?;
    if first.phases.len() < 2 {
        return None;
    }
    let same = |e: &Assessment| {
        e.phases.len() == first.phases.len()
            && e.phases.iter().zip(&first.phases).all(|(a, b)| {
                a.stage == b.stage && a.from_month == b.from_month && a.until_month == b.until_month
            })
    };
    if !estimates.iter().all(same) {
        return None;
    }
    Some(
        first
            .phases
            .iter()
            .map(|p| Band {
                stage: p.stage,
                from: months(p.from_month),
                until: months(p.until_month),
            })
            .collect(),
    )
}

fn months(m: Decimal) -> f64 {
    m.to_f64().unwrap_or(0.0)
}

/// Shades the bands from 0 to `top` on y; drawn over the grid, under the
/// lines.
pub fn draw_bands(chart: &mut LineChart<'_, '_>, bands: &[Band], top: f64) -> Result<(), PlotError> {
    chart
        .draw_series(bands.iter().enumerate().map(|(i, b)| {
            Rectangle::new(
                [(b.from, 0.0), (b.until, top)],
                BLACK.mix(BANDS[i % BANDS.len()]).filled(),
            )
        }))
        .map_err(draw_err)?;
    Ok(())
}

/// Roughly how wide DejaVu Sans sets `text` at `size` pixels: wide enough
/// to keep labels apart, not a measurement.
fn text_width(text: &str, size: u32) -> i32 {
    (text.chars().count() as f64 * size as f64 * 0.5).ceil() as i32
}

/// Writes each band's stage at its top, centred; smaller, then cut short,
/// when the band is narrow.
pub fn name_bands(chart: &mut LineChart<'_, '_>, bands: &[Band], top: f64) -> Result<(), PlotError> {
    for b in bands {
        let width = chart.backend_coord(&(b.until, top)).0 - chart.backend_coord(&(b.from, top)).0 - 8;
        let name = b.stage.to_string();
        let fitted = [LABEL_SIZE, 18, 15]
            .into_iter()
            .find(|size| text_width(&name, *size) <= width)
            .map(|size| (name.clone(), size))
            .or_else(|| {
                let chars = (width as f64 / (15.0 * 0.5)).floor() as usize;
                (chars >= 3).then(|| (short_name(&name, chars), 15))
            });
        let Some((text, size)) = fitted else {
            continue;
        };
        let style = (FONT, size)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Top));
        chart
            .plotting_area()
            .draw(&(EmptyElement::at(((b.from + b.until) / 2.0, top)) + Text::new(text, (0, 8), style)))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// One drawn line with the steps to mark on it.
pub struct Line<'a> {
    pub points: &'a [(f64, f64)],
    pub steps: Vec<Step>,
    pub color: RGBColor,
}

/// A month where seats of one scenario join or leave.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub month: f64,
    pub joins: bool,
    pub label: String,
}

/// The months inside the project where a seat's window opens or closes,
/// seats at the same month and direction together.
pub fn steps(e: &Estimate) -> Vec<Step> {
    let duration = e.scenario.duration.get();
    let mut at: BTreeMap<(Decimal, bool), Vec<String>> = BTreeMap::new();
    for s in &e.seats {
        let who = match s.seat.count {
            1 => format!("{} {}", s.title, s.seat.level),
            n => format!("{n} {} {}", s.title, s.seat.level),
        };
        if s.from_month > Decimal::ZERO && s.from_month < duration {
            at.entry((s.from_month, true)).or_default().push(who.clone());
        }
        if s.until_month > Decimal::ZERO && s.until_month < duration {
            at.entry((s.until_month, false)).or_default().push(who);
        }
    }
    at.into_iter()
        .map(|((month, joins), who)| {
            let sign = if joins { "+" } else { "-" };
            let label = match who.as_slice() {
                [one] => format!("{sign} {one}"),
                [a, b] => format!("{sign} {a}, {b}"),
                [a, rest @ ..] => format!("{sign} {a} and {} more", rest.len()),
                [] => String::new(),
            };
            Step {
                month: months(month),
                joins,
                label,
            }
        })
        .collect()
}

/// The line's value at `x`, between the points it joins.
fn on_line(points: &[(f64, f64)], x: f64) -> f64 {
    points
        .windows(2)
        .find(|w| w[0].0 <= x && x <= w[1].0)
        .map_or(0.0, |w| {
            if w[1].0 > w[0].0 {
                w[0].1 + (w[1].1 - w[0].1) * (x - w[0].0) / (w[1].0 - w[0].0)
            } else {
                w[1].1
            }
        })
}

/// A marker: a dot in the line's colour for a seat that joins, a ring for
/// one that leaves (told apart without colour and without labels).
fn marker<C: Copy>(at: C, joins: bool, c: RGBColor) -> Vec<Circle<C, i32>> {
    if joins {
        vec![
            Circle::new(at, MARKER + 2, WHITE.filled()),
            Circle::new(at, MARKER, c.filled()),
        ]
    } else {
        vec![
            Circle::new(at, MARKER + 2, WHITE.filled()),
            Circle::new(at, MARKER, ShapeStyle::from(&c).stroke_width(3)),
        ]
    }
}

type Boxed = (i32, i32, i32, i32);

fn overlaps(a: Boxed, b: Boxed) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether the pixel polyline `line` passes through box `b` (sampled every
/// few pixels: labels need to stay clear of lines, not to touch them
/// exactly).
fn crosses(b: Boxed, line: &[(i32, i32)]) -> bool {
    line.windows(2).any(|w| {
        let (dx, dy) = (w[1].0 - w[0].0, w[1].1 - w[0].1);
        let n = (dx.abs().max(dy.abs()) / 3).max(1);
        (0..=n).any(|i| {
            let x = w[0].0 + dx * i / n;
            let y = w[0].1 + dy * i / n;
            b.0 - 3 <= x && x <= b.2 + 3 && b.1 - 3 <= y && y <= b.3 + 3
        })
    })
}

/// Marks the steps of each line in its colour and labels them when there are few: above and left of the
/// marker, where a rising line has left room, else below and right, then
/// further off; never over a line, a marker or another label. A label
/// that fits nowhere free is left out; its marker stays.
pub fn mark_steps(chart: &mut LineChart<'_, '_>, lines: &[Line<'_>], banded: bool) -> Result<(), PlotError> {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let top = ys.start + if banded { STAGE_STRIP } else { 4 };
    let marked: Vec<(&Step, (f64, f64), RGBColor)> = lines
        .iter()
        .flat_map(|l| {
            l.steps
                .iter()
                .map(move |s| (s, (s.month, on_line(l.points, s.month)), l.color))
        })
        .collect();
    for (step, at, c) in &marked {
        chart.draw_series(marker(*at, step.joins, *c)).map_err(draw_err)?;
    }
    if marked.len() > MAX_LABELS {
        return Ok(());
    }
    let polylines: Vec<Vec<(i32, i32)>> = lines
        .iter()
        .map(|l| l.points.iter().map(|p| chart.backend_coord(p)).collect())
        .collect();
    let r = MARKER + 2;
    let mut taken: Vec<Boxed> = marked
        .iter()
        .map(|(_, at, _)| {
            let (x, y) = chart.backend_coord(at);
            (x - r, y - r, x + r, y + r)
        })
        .collect();
    let height = LABEL_SIZE as i32 + 4;
    for (step, at, _) in &marked {
        let (px, py) = chart.backend_coord(at);
        let w = text_width(&step.label, LABEL_SIZE);
        let free = |b: Boxed| {
            b.0 >= xs.start + 4
                && b.2 <= xs.end - 4
                && b.1 >= top
                && b.3 <= ys.end - 4
                && !taken.iter().any(|t| overlaps(*t, b))
                && !polylines.iter().any(|l| crosses(b, l))
        };
        // (box, the text anchor's offset from the marker, anchor), nearest
        // first: up-left and down-right, then up-right and down-left
        let corner = |k: i32, right: bool, down: bool| {
            let dy = 10 + k * height;
            let (x0, dx, h) = if right {
                (px + 12, 12, HPos::Left)
            } else {
                (px - 12 - w, -12, HPos::Right)
            };
            if down {
                ((x0, py + dy, x0 + w, py + dy + height), (dx, dy), h, VPos::Top)
            } else {
                (
                    (x0, py - dy - height, x0 + w, py - dy),
                    (dx, -dy),
                    h,
                    VPos::Bottom,
                )
            }
        };
        let near = (0..3).flat_map(|k| [corner(k, false, false), corner(k, true, true)]);
        let far = (0..2).flat_map(|k| [corner(k, true, false), corner(k, false, true)]);
        let mut candidates = near.chain(far);
        let Some((b, offset, h, v)) = candidates.find(|c| free(c.0)) else {
            continue;
        };
        taken.push(b);
        let style = label_style().pos(Pos::new(h, v));
        chart
            .plotting_area()
            .draw(&(EmptyElement::at(*at) + Text::new(step.label.clone(), offset, style)))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// The key to the markers, under the legend at `at`: only the kinds drawn.
pub fn key(
    root: &DrawingArea<SVGBackend<'_>, Shift>,
    at: (i32, i32),
    lines: &[Line<'_>],
) -> Result<(), PlotError> {
    let kinds = [(true, "position opens (+)"), (false, "seat leaves (-)")];
    let mut y = at.1;
    for (joins, text) in kinds {
        if !lines.iter().any(|l| l.steps.iter().any(|s| s.joins == joins)) {
            continue;
        }
        for circle in marker((at.0 + 10, y + 11), joins, INK) {
            root.draw(&circle).map_err(draw_err)?;
        }
        root.draw_text(text, &label_style(), (at.0 + 30, y))
            .map_err(draw_err)?;
        y += LABEL_SIZE as i32 + 10;
    }
    Ok(())
}
