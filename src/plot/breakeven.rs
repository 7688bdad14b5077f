//! `breakeven`: likely cost per productive person-month of the team all
//! in-house and all through an agency, over 1 to 60 months, with the
//! break-even marked.
//!
//! The first months of an in-house team cost a lot per person-month
//! (recruiting, ramp-up); the y axis stops short of them so that the
//! crossing stays readable. A line that leaves the axis stops at its top
//! edge with an arrow and the true value it reaches, never a flat line
//! along the edge that is not in the data.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::prelude::ToPrimitive;

use super::lines::{self, Frame, LineChart};
use super::{FONT, PlotError, color, draw_err, label_style, legend, money_short, svg};
use crate::assessment::Assessment;
use crate::engine::breakeven::{BreakEven, LONGEST};
use crate::money::Currency;

/// Where a line crosses the top edge, and the highest point of the run
/// of points above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Break {
    pub x: f64,
    /// The off-scale point with the highest value: (month, value).
    pub peak: (f64, f64),
}

/// The parts of `points` at or under `top`, each ending (or starting) at
/// the top edge where the line leaves (or comes back), and one break per
/// run of points above `top`, at its first crossing.
pub fn clip(points: &[(f64, f64)], top: f64) -> (Vec<Vec<(f64, f64)>>, Vec<Break>) {
    let mut parts: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut breaks: Vec<Break> = Vec::new();
    let mut part: Vec<(f64, f64)> = Vec::new();
    // the run above top being walked: its first crossing and its peak
    let mut run: Option<(Option<f64>, (f64, f64))> = None;
    let cross = |a: (f64, f64), b: (f64, f64)| a.0 + (top - a.1) / (b.1 - a.1) * (b.0 - a.0);
    let mut previous: Option<(f64, f64)> = None;
    for &p in points {
        if p.1 > top {
            let crossing = match previous {
                Some(q) if q.1 <= top => {
                    let x = cross(q, p);
                    part.push((x, top));
                    parts.push(std::mem::take(&mut part));
                    Some(x)
                }
                _ => None,
            };
            run = Some(match run {
                Some((first, peak)) => (first, if p.1 > peak.1 { p } else { peak }),
                None => (crossing, p),
            });
        } else {
            if let (Some(q), Some((first, peak))) = (previous, run.take()) {
                let x = cross(q, p);
                part.push((x, top));
                breaks.push(Break {
                    x: first.unwrap_or(x),
                    peak,
                });
            }
            part.push(p);
        }
        previous = Some(p);
    }
    if let Some((first, peak)) = run {
        // a line that ends above the axis: its break is where it left
        breaks.push(Break {
            x: first.unwrap_or(peak.0),
            peak,
        });
    }
    if part.len() > 1 {
        parts.push(part);
    }
    parts.retain(|p| p.len() > 1);
    (parts, breaks)
}

/// "off the scale: $61k at 1 month".
fn off_scale(b: &Break, currency: &Currency) -> String {
    let months = b.peak.0.round() as i64;
    let unit = if months == 1 { "month" } else { "months" };
    format!(
        "off the scale: {} at {months} {unit}",
        money_short(b.peak.1, currency)
    )
}

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
    let agency_top = agency.iter().map(|p| p.1).fold(0.0, f64::max);
    let late_in_house = in_house
        .iter()
        .filter(|p| p.0 >= 6.0)
        .map(|p| p.1)
        .fold(0.0, f64::max);
    let top = (agency_top.max(late_in_house) * 1.3).max(1.0);
    let y_label = |v: &f64| money_short(*v, currency);
    let title = format!("In-house or agency? {}", e.scenario.name);
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
            let mut labels = 0;
            for (i, series) in [&in_house, &agency].into_iter().enumerate() {
                let style = ShapeStyle::from(&color(i)).stroke_width(4);
                let (parts, breaks) = clip(series, top);
                for part in parts {
                    chart
                        .draw_series(LineSeries::new(part, style))
                        .map_err(draw_err)?;
                }
                for brk in &breaks {
                    mark_break(chart, brk, top, color(i), &off_scale(brk, currency), labels)?;
                    labels += 1;
                }
            }
            if let Some(m) = b.months {
                let x = f64::from(m);
                // stopping short of the top, where off-scale labels go
                chart
                    .draw_series(std::iter::once(PathElement::new(
                        vec![(x, 0.0), (x, top * 0.9)],
                        ShapeStyle::from(&color(7)).stroke_width(2),
                    )))
                    .map_err(draw_err)?;
                // at the foot of the line, clear of the labels at the top
                chart
                    .draw_series(std::iter::once(Text::new(
                        format!(" break-even: {m} months"),
                        (x, top * 0.03),
                        label_style().pos(Pos::new(HPos::Left, VPos::Bottom)),
                    )))
                    .map_err(draw_err)?;
            }
            Ok(())
        })?;
        let entries = vec![
            ("all in-house".to_string(), color(0)),
            ("all agency".to_string(), color(1)),
        ];
        let (x, y) = lines::legend_at(&frame);
        let below = legend(root, (x, y), frame.legend_width, &entries)?;
        let mut line_y = below + 26;
        for line in super::wrap(&verdict, 26) {
            root.draw_text(&line, &label_style(), (x, line_y))
                .map_err(draw_err)?;
            line_y += 28;
        }
        Ok(())
    })
}

/// An arrow up at the top edge where a line leaves the axis, and the true
/// value it reaches beside it (the `k`th such label, set one row lower
/// than the one before so two never overlap).
fn mark_break(
    chart: &mut LineChart<'_, '_>,
    b: &Break,
    top: f64,
    c: RGBColor,
    text: &str,
    k: i32,
) -> Result<(), PlotError> {
    let arrow = Polygon::new(vec![(0, -2), (-9, 14), (9, 14)], c.filled());
    let white = Polygon::new(vec![(0, -6), (-13, 17), (13, 17)], WHITE.filled());
    let style = (FONT, super::LABEL_SIZE)
        .into_font()
        .color(&c)
        .pos(Pos::new(HPos::Left, VPos::Top));
    let label = Text::new(text.to_string(), (16, 4 + 30 * k), style);
    chart
        .plotting_area()
        .draw(&(EmptyElement::at((b.x, top)) + white + arrow + label))
        .map_err(draw_err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_above_the_axis_stops_at_its_edge_with_its_peak() {
        // 100, 40, 10 per person-month against a top of 20: the line comes
        // in at month 2 + (20 - 40) / (10 - 40) = 2.667
        let (parts, breaks) = clip(&[(1.0, 100.0), (2.0, 40.0), (3.0, 10.0)], 20.0);
        assert_eq!(parts.len(), 1);
        assert!((parts[0][0].0 - 8.0 / 3.0).abs() < 1e-9);
        assert_eq!(parts[0][0].1, 20.0);
        assert_eq!(parts[0][1], (3.0, 10.0));
        assert_eq!(breaks.len(), 1);
        assert_eq!(breaks[0].peak, (1.0, 100.0));
        assert!((breaks[0].x - 8.0 / 3.0).abs() < 1e-9);
        // no two points of a part at the edge: no flat line along it
        for part in &parts {
            assert!(part.windows(2).all(|w| !(w[0].1 == 20.0 && w[1].1 == 20.0)));
        }
    }

    #[test]
    fn a_spike_in_the_middle_breaks_the_line_in_two() {
        // 10, 30, 10 against 20: out at 1.5, back at 2.5
        let (parts, breaks) = clip(&[(1.0, 10.0), (2.0, 30.0), (3.0, 10.0)], 20.0);
        assert_eq!(
            parts,
            [vec![(1.0, 10.0), (1.5, 20.0)], vec![(2.5, 20.0), (3.0, 10.0)]]
        );
        assert_eq!(
            breaks,
            [Break {
                x: 1.5,
                peak: (2.0, 30.0)
            }]
        );
        // a line that ends above: marked where it left
        let (parts, breaks) = clip(&[(1.0, 10.0), (2.0, 30.0)], 20.0);
        assert_eq!(parts, [vec![(1.0, 10.0), (1.5, 20.0)]]);
        assert_eq!(
            breaks,
            [Break {
                x: 1.5,
                peak: (2.0, 30.0)
            }]
        );
        // under the top: as it was
        let (parts, breaks) = clip(&[(1.0, 10.0), (2.0, 15.0)], 20.0);
        assert_eq!(parts, [vec![(1.0, 10.0), (2.0, 15.0)]]);
        assert!(breaks.is_empty());
    }

    #[test]
    fn the_label_gives_the_true_value() {
        let usd = Currency::parse("USD").expect("USD");
        let b = Break {
            x: 2.5,
            peak: (1.0, 61_000.0),
        };
        assert_eq!(off_scale(&b, &usd), "off the scale: $61k at 1 month");
    }
}
