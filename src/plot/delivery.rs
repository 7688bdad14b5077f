//! `delivery`: the likely cumulative output of each scenario month by
//! month against its goal (MODEL.md 10.1-10.3): the goal's effort as a
//! horizontal line, the month it is wanted by as a vertical one, and the
//! completion as a point, "delivered in month N" (N = ceil(t*), 10.13).
//!
//! The curve is drawn through the exact corners of C(t)
//! (`Estimate::output_points`). A goal reached only after the plan's end
//! is reached at the end rates (10.3): the line goes on, dashed, from
//! (D, C(D)) to (t*, E), and the end of the plan is marked. With a
//! simulation, the p10-p90 of cumulative output at each month's end is
//! shaded behind the line; it is read from at most `BAND_TRIALS` trials,
//! and the key says how many.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::lines::{self, Frame, LineChart};
use super::{INK, LABEL_SIZE, PlotError, chars_in, color, draw_err, label_style, legend, svg, wrap};
use crate::assessment::Assessment;
use crate::engine::simulation::BAND_TRIALS;
use crate::money::group_digits;

/// The axis runs past the longest plan to a late completion, but not
/// further than this many times its length: a goal reached at a trickle
/// years later would squeeze the plan into a sliver. A line that runs
/// past the edge is cut there and its label says so.
const REACH: f64 = 4.0;
/// The goal marks every scenario shares; a goal of one scenario among
/// several is drawn in its colour.
const SHARED: RGBColor = RGBColor(85, 85, 85);
/// The end of a plan that a line runs past.
const PLAN_END: RGBColor = RGBColor(150, 150, 150);
/// Translucency of a simulated band.
const BAND: f64 = 0.2;

/// One scenario's line.
struct Curve {
    name: String,
    color: RGBColor,
    /// Past the palette's eight colours: triangles at the corners tell the
    /// repeated colour apart, as the legend shows.
    marked: bool,
    /// (t, C(t)) at the corners of C on [0, D].
    points: Vec<(f64, f64)>,
    duration: f64,
    goal: Option<Goal>,
    /// (t, p10, p90) from t = 0 to each month's end, when simulated.
    band: Option<Vec<(f64, f64, f64)>>,
}

/// A scenario's goal and when it is delivered.
#[derive(Clone)]
struct Goal {
    name: Option<String>,
    effort: Decimal,
    by: Decimal,
    /// t*, `None` when never reached.
    completion: Option<Decimal>,
}

impl Goal {
    /// Alternatives share the goal's name, effort and month (10.13).
    fn same(&self, other: &Goal) -> bool {
        self.name == other.name && self.effort == other.effort && self.by == other.by
    }
}

fn months(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn curve(i: usize, e: &Assessment) -> Result<Curve, PlotError> {
    let points = e
        .output_points()
        .map_err(|d| PlotError::Compute(d.message))?
        .into_iter()
        .map(|(t, c)| (months(t), months(c)))
        .collect();
    let duration = months(e.scenario.duration.get());
    let goal = e.delivery.as_ref().map(|d| Goal {
        name: d.goal.name.clone(),
        effort: d.goal.effort_pm,
        by: d.goal.by_month,
        completion: d.completion_month,
    });
    let band = e
        .simulation
        .as_ref()
        .and_then(|s| s.goal.as_ref())
        .filter(|g| !g.output_band.is_empty())
        .map(|g| {
            std::iter::once((0.0, 0.0, 0.0))
                .chain(
                    g.output_band
                        .iter()
                        .enumerate()
                        .map(|(m, (p10, p90))| ((m as f64 + 1.0).min(duration), *p10, *p90)),
                )
                .collect()
        });
    Ok(Curve {
        name: e.scenario.name.clone(),
        color: color(i),
        marked: i >= super::PALETTE.len(),
        points,
        duration,
        goal,
        band,
    })
}

/// "Goal: 40 person-months". The goal's name is in the title when it is
/// the only goal: beside the line it would run into the lines crossing it.
fn goal_label(goal: &Goal) -> String {
    format!("Goal: {} person-months", goal.effort.normalize())
}

/// "delivered in month 13" for t* = 12.4: the month it falls in.
fn delivered_label(t: Decimal) -> String {
    format!("delivered in month {}", t.ceil().normalize())
}

/// What the shading is: the p10-p90 of how many simulated outcomes.
pub fn band_note(trials: u32) -> String {
    let used = (trials as usize).min(BAND_TRIALS);
    let n = group_digits(&used.to_string());
    if used < trials as usize {
        format!(
            "Shaded: p10 to p90 of the output in {n} simulated outcomes (the first {n} of {} trials).",
            group_digits(&trials.to_string())
        )
    } else {
        format!("Shaded: p10 to p90 of the output in {n} simulated outcomes.")
    }
}

/// The distinct goals, in the order of the scenarios, each with the
/// scenarios that have it.
fn goals(curves: &[Curve]) -> Vec<(Goal, Vec<usize>)> {
    let mut out: Vec<(Goal, Vec<usize>)> = Vec::new();
    for (i, c) in curves.iter().enumerate() {
        let Some(g) = &c.goal else { continue };
        match out.iter_mut().find(|(h, _)| h.same(g)) {
            Some((_, of)) => of.push(i),
            None => out.push((g.clone(), vec![i])),
        }
    }
    out
}

pub fn chart(estimates: &[Assessment]) -> Result<String, PlotError> {
    if estimates.is_empty() {
        return Err(PlotError::Empty("no scenario".into()));
    }
    let curves: Vec<Curve> = estimates
        .iter()
        .enumerate()
        .map(|(i, e)| curve(i, e))
        .collect::<Result<_, _>>()?;
    let longest = curves.iter().map(|c| c.duration).fold(1.0, f64::max);
    let latest = curves
        .iter()
        .filter_map(|c| c.goal.as_ref()?.completion.map(months))
        .fold(longest, f64::max);
    // a completion past the plans gets a little room beyond its point
    let x_end = if latest > longest {
        (latest + 0.3).ceil().min((longest * REACH).ceil())
    } else {
        longest
    };
    let top = curves
        .iter()
        .flat_map(|c| {
            let line = c.points.iter().map(|p| p.1);
            let goal = c.goal.iter().map(|g| months(g.effort));
            let band = c.band.iter().flatten().map(|b| b.2);
            line.chain(goal).chain(band).collect::<Vec<_>>()
        })
        .fold(0.0, f64::max);
    let goals = goals(&curves);
    let title = match goals.as_slice() {
        [] => "Cumulative output, month by month".to_string(),
        [(Goal { name: Some(name), .. }, _)] => format!("Cumulative output against the goal: {name}"),
        _ => "Cumulative output against the goal".to_string(),
    };
    let y_label = |v: &f64| super::axis::number(*v, 0.01);
    let frame = Frame {
        title: &title,
        x_title: "Months from the start of the project",
        y_title: "Cumulative productive person-months",
        x: 0.0..x_end,
        // room above the goal line for its label
        y: 0.0..(top * 1.15).max(1.0),
        y_label: &y_label,
        legend_width: 420,
    };
    let extended = curves.iter().any(|c| {
        c.goal
            .as_ref()
            .and_then(|g| g.completion)
            .is_some_and(|t| months(t) > c.duration)
    });
    svg(|root| {
        let y_top = frame.y.end;
        lines::draw(root, &frame, |chart| {
            for c in &curves {
                if let Some(band) = &c.band {
                    draw_band(chart, band, c.color)?;
                }
            }
            mark_plan_ends(chart, &curves, x_end, y_top)?;
            mark_goals(chart, &goals, &curves, x_end)?;
            for c in &curves {
                draw_line(chart, c, x_end)?;
            }
            mark_completions(chart, &curves, x_end)
        })?;
        let entries: Vec<(String, RGBColor)> = curves.iter().map(|c| (c.name.clone(), c.color)).collect();
        let (x, y) = lines::legend_at(&frame);
        let below = legend(root, (x, y), frame.legend_width, &entries)?;
        let simulated = estimates
            .iter()
            .zip(&curves)
            .find_map(|(e, c)| c.band.as_ref().and(e.simulation.as_ref()))
            .map(|s| s.trials);
        key(
            root,
            (x, below + 20),
            frame.legend_width,
            extended,
            simulated,
            goals.is_empty().then_some(curves.len()),
        )
    })
}

/// The p10-p90 band, a translucent polygon in the line's colour.
fn draw_band(chart: &mut LineChart<'_, '_>, band: &[(f64, f64, f64)], c: RGBColor) -> Result<(), PlotError> {
    let outline: Vec<(f64, f64)> = band
        .iter()
        .map(|b| (b.0, b.2))
        .chain(band.iter().rev().map(|b| (b.0, b.1)))
        .collect();
    chart
        .draw_series(std::iter::once(Polygon::new(outline, c.mix(BAND).filled())))
        .map_err(draw_err)?;
    Ok(())
}

/// The line inside the plan, solid; past its end, dashed up to the
/// completion (or the edge of the axis).
fn draw_line(chart: &mut LineChart<'_, '_>, c: &Curve, x_end: f64) -> Result<(), PlotError> {
    let style = ShapeStyle::from(&c.color).stroke_width(4);
    chart
        .draw_series(LineSeries::new(c.points.clone(), style))
        .map_err(draw_err)?;
    if c.marked {
        chart
            .draw_series(
                c.points
                    .iter()
                    .map(|p| TriangleMarker::new(*p, 8, c.color.filled())),
            )
            .map_err(draw_err)?;
    }
    if let Some((from, to)) = extension(c, x_end) {
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![from, to],
                12,
                8,
                ShapeStyle::from(&c.color).stroke_width(3),
            )))
            .map_err(draw_err)?;
    }
    Ok(())
}

/// From (D, C(D)) to (t*, E) when the goal is reached past the plan's
/// end, cut at the edge of the axis.
fn extension(c: &Curve, x_end: f64) -> Option<((f64, f64), (f64, f64))> {
    let goal = c.goal.as_ref()?;
    let t = months(goal.completion?);
    if t <= c.duration {
        return None;
    }
    let from = *c.points.last()?;
    let e = months(goal.effort);
    let to = if t > x_end {
        (x_end, from.1 + (e - from.1) * (x_end - from.0) / (t - from.0))
    } else {
        (t, e)
    };
    Some((from, to))
}

/// A thin grey line at the end of each plan that a line runs past, named
/// at the top, left of the line (the dashed part is right of it).
fn mark_plan_ends(
    chart: &mut LineChart<'_, '_>,
    curves: &[Curve],
    x_end: f64,
    y_top: f64,
) -> Result<(), PlotError> {
    let mut ends: Vec<f64> = curves
        .iter()
        .filter(|c| extension(c, x_end).is_some())
        .map(|c| c.duration)
        .collect();
    ends.sort_by(f64::total_cmp);
    ends.dedup();
    for (k, d) in ends.into_iter().enumerate() {
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(d, 0.0), (d, y_top)],
                ShapeStyle::from(&PLAN_END).stroke_width(2),
            )))
            .map_err(draw_err)?;
        let text = format!("end of plan: month {}", super::axis::number(d, 0.01));
        // right of the line, over the dashed part, when it fits there
        let x = chart.backend_coord(&(d, y_top)).0;
        let (dx, anchor) = if x + 8 + text_width(&text) <= chart.plotting_area().get_pixel_range().0.end {
            (8, HPos::Left)
        } else {
            (-8, HPos::Right)
        };
        label(
            chart,
            (d, y_top),
            (dx, 8 + 30 * k as i32),
            (anchor, VPos::Top),
            &text,
            INK,
        )?;
    }
    Ok(())
}

/// Each distinct goal: its effort as a dashed line across the plot, named
/// above it where no line crosses (at the left, else at the right); its
/// month as a dashed line up to it, named at its foot.
fn mark_goals(
    chart: &mut LineChart<'_, '_>,
    goals: &[(Goal, Vec<usize>)],
    curves: &[Curve],
    x_end: f64,
) -> Result<(), PlotError> {
    let shade = |of: &[usize]| match of {
        [one] if curves.len() > 1 => curves[*one].color,
        _ => SHARED,
    };
    let (xs, _) = chart.plotting_area().get_pixel_range();
    // labels placed so far, in pixels: (left, right, y) of the goal names
    // and of the months, to set the next one clear of them
    let mut names: Vec<(i32, i32, i32)> = Vec::new();
    let mut feet: Vec<(i32, i32, i32)> = Vec::new();
    for (goal, of) in goals {
        let c = shade(of);
        let (e, by) = (months(goal.effort), months(goal.by));
        let style = ShapeStyle::from(&c).stroke_width(2);
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(0.0, e), (x_end, e)],
                10,
                6,
                style,
            )))
            .map_err(draw_err)?;
        chart
            .draw_series(std::iter::once(DashedPathElement::new(
                vec![(by, 0.0), (by, e)],
                10,
                6,
                style,
            )))
            .map_err(draw_err)?;
        let name = goal_label(goal);
        let width = text_width(&name);
        let y = chart.backend_coord(&(0.0, e)).1;
        let busy = busy_above(chart, curves, e, x_end);
        let clear = |l: i32| {
            busy.iter().all(|(a, b)| *b < l - 12 || *a > l + width + 12)
                && names
                    .iter()
                    .all(|(nl, nr, h)| (h - y).abs() >= 30 || l > nr + 16 || l + width < nl - 16)
        };
        let left = [xs.start + 8, xs.end - 8 - width]
            .into_iter()
            .find(|l| clear(*l))
            .unwrap_or_else(|| {
                // no clear place: at the left, past the names at this height
                let mut l = xs.start + 8;
                while let Some(r) = names
                    .iter()
                    .filter(|(nl, nr, h)| (h - y).abs() < 30 && l < nr + 16 && l + width > *nl)
                    .map(|n| n.1)
                    .max()
                {
                    l = r + 24;
                }
                l
            });
        names.push((left, left + width, y));
        label(
            chart,
            (0.0, e),
            (left - xs.start, -6),
            (HPos::Left, VPos::Bottom),
            &name,
            c,
        )?;
        let wanted = format!("wanted by month {}", goal.by.normalize());
        let (x, y0) = chart.backend_coord(&(by, 0.0));
        let width = text_width(&wanted);
        // right of the line, or left of it when it would leave the plot
        let (from, dx, anchor) = if x + 8 + width <= xs.end {
            (x + 8, 8, HPos::Left)
        } else {
            (x - 8 - width, -8, HPos::Right)
        };
        // a foot near another: a row higher
        let mut dy = -8;
        while feet
            .iter()
            .any(|(l, r, h)| *h == y0 + dy && from < *r + 16 && from + width > *l)
        {
            dy -= 30;
        }
        feet.push((from, from + width, y0 + dy));
        label(chart, (by, 0.0), (dx, dy), (anchor, VPos::Bottom), &wanted, c)?;
    }
    Ok(())
}

/// The pixel spans along a goal line at height `e` where something is
/// drawn just above it: a line rising through the label's height, a
/// completion label written left of its point.
fn busy_above(chart: &LineChart<'_, '_>, curves: &[Curve], e: f64, x_end: f64) -> Vec<(i32, i32)> {
    let (xs, ys) = chart.plotting_area().get_pixel_range();
    let pixel = |x: f64| chart.backend_coord(&(x, e)).0;
    // the data height of a label's row above the line
    let per_pixel = (chart.y_range().end - chart.y_range().start) / f64::from((ys.end - ys.start).max(1));
    let above = e + f64::from(LABEL_SIZE + 14) * per_pixel;
    let mut out = Vec::new();
    for c in curves {
        let mut path = c.points.clone();
        if let Some((_, to)) = extension(c, x_end) {
            path.push(to);
        }
        if let Some(from) = crossing(&path, e) {
            let to = crossing(&path, above).unwrap_or(x_end);
            out.push((pixel(from), pixel(to)));
        }
        if let Some(t) = c
            .goal
            .as_ref()
            .filter(|g| months(g.effort) == e)
            .and_then(|g| g.completion)
        {
            let at = pixel(months(t).min(x_end));
            if months(t) > x_end * 0.7 {
                out.push((at - 14 - text_width(&delivered_label(t)), at));
            }
        }
    }
    out.retain(|(a, b)| *b >= xs.start && *a <= xs.end);
    out
}

/// The first time a path of points rises to `level`.
fn crossing(path: &[(f64, f64)], level: f64) -> Option<f64> {
    if path.first().is_some_and(|p| p.1 >= level) {
        return path.first().map(|p| p.0);
    }
    path.windows(2)
        .find(|w| w[0].1 < level && w[1].1 >= level)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            a.0 + (level - a.1) / (b.1 - a.1) * (b.0 - a.0)
        })
}

/// A point at each completion, "delivered in month N" beside it; a goal
/// never reached is said so at the end of its line.
fn mark_completions(chart: &mut LineChart<'_, '_>, curves: &[Curve], x_end: f64) -> Result<(), PlotError> {
    // labels at one height stack away from the goal line, one row each
    let mut rows: Vec<(f64, bool)> = Vec::new();
    for c in curves {
        let Some(goal) = &c.goal else { continue };
        let e = months(goal.effort);
        match goal.completion {
            Some(t) => {
                let at = months(t);
                let text = delivered_label(t);
                let (point, text) = if at > x_end {
                    let Some((_, edge)) = extension(c, x_end) else {
                        continue;
                    };
                    (edge, format!("{text}, off the scale"))
                } else {
                    ((at, e), text)
                };
                chart
                    .draw_series([
                        Circle::new(point, 10, WHITE.filled()),
                        Circle::new(point, 7, c.color.filled()),
                    ])
                    .map_err(draw_err)?;
                // in the right part of the plot: left of the point, above
                // the goal line; else right of it, below
                let left = point.0 > x_end * 0.7;
                let k = rows.iter().filter(|r| r.0 == point.1 && r.1 == left).count() as i32;
                rows.push((point.1, left));
                let (offset, anchor) = if left {
                    ((-14, -8 - 30 * k), (HPos::Right, VPos::Bottom))
                } else {
                    ((14, 8 + 30 * k), (HPos::Left, VPos::Top))
                };
                label(chart, point, offset, anchor, &text, ink(c.color))?;
            }
            None => {
                let Some(end) = c.points.last() else { continue };
                chart
                    .draw_series(std::iter::once(Circle::new(*end, 7, c.color.stroke_width(3))))
                    .map_err(draw_err)?;
                // above the line's end and its band
                let high = c.band.iter().flatten().last().map_or(end.1, |b| b.2.max(end.1));
                label(
                    chart,
                    (end.0, high),
                    (-14, -10),
                    (HPos::Right, VPos::Bottom),
                    "goal not reached at the end rates",
                    ink(c.color),
                )?;
            }
        }
    }
    Ok(())
}

/// About how wide a label is, in pixels.
fn text_width(text: &str) -> i32 {
    (text.chars().count() as f64 * f64::from(LABEL_SIZE) * 0.55).ceil() as i32
}

/// Text in a line's colour, but never the palette's yellow: unreadable on
/// white.
fn ink(c: RGBColor) -> RGBColor {
    if c == super::PALETTE[6] { INK } else { c }
}

/// A label at `at`, `offset` pixels away, anchored at `anchor`. No box
/// behind it: a box would hide the lines and bands it stands on.
fn label(
    chart: &mut LineChart<'_, '_>,
    at: (f64, f64),
    offset: (i32, i32),
    anchor: (HPos, VPos),
    text: &str,
    c: RGBColor,
) -> Result<(), PlotError> {
    let style = label_style().color(&c).pos(Pos::new(anchor.0, anchor.1));
    chart
        .plotting_area()
        .draw(&(EmptyElement::at(at) + Text::new(text.to_string(), offset, style)))
        .map_err(draw_err)
}

/// Under the legend: what the dashed part and the shading are, or that no
/// goal is set (`no_goal`: how many scenarios are drawn).
fn key(
    root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    at: (i32, i32),
    width: u32,
    extended: bool,
    trials: Option<u32>,
    no_goal: Option<usize>,
) -> Result<(), PlotError> {
    let chars = chars_in(width.saturating_sub(40));
    let line = LABEL_SIZE as i32 + 6;
    let mut y = at.1;
    let text = |root: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>, words: &str, y: &mut i32| {
        for part in wrap(words, chars) {
            root.draw_text(&part, &label_style(), (at.0 + 30, *y))
                .map_err(draw_err)?;
            *y += line;
        }
        *y += 10;
        Ok::<(), PlotError>(())
    };
    if extended {
        root.draw(&DashedPathElement::new(
            vec![(at.0, y + 11), (at.0 + 22, y + 11)],
            8,
            5,
            ShapeStyle::from(&INK).stroke_width(3),
        ))
        .map_err(draw_err)?;
        text(root, "past the end of the plan, at its end rates", &mut y)?;
    }
    if let Some(trials) = trials {
        root.draw(&Rectangle::new(
            [(at.0, y), (at.0 + 22, y + 22)],
            INK.mix(0.18).filled(),
        ))
        .map_err(draw_err)?;
        text(root, &band_note(trials), &mut y)?;
    }
    if let Some(scenarios) = no_goal {
        let which = if scenarios == 1 {
            "this scenario"
        } else {
            "these scenarios"
        };
        text(
            root,
            &format!("No goal is set for {which}: only the output is drawn."),
            &mut y,
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn the_band_says_how_many_outcomes_it_reads() {
        // 10,000 trials: all of them; 20,000: the first 10,240 (5 chunks of 2,048)
        assert_eq!(
            band_note(10_000),
            "Shaded: p10 to p90 of the output in 10,000 simulated outcomes."
        );
        assert_eq!(
            band_note(20_000),
            "Shaded: p10 to p90 of the output in 10,240 simulated outcomes (the first 10,240 of 20,000 trials)."
        );
        assert_eq!(
            band_note(10_240),
            "Shaded: p10 to p90 of the output in 10,240 simulated outcomes."
        );
    }

    #[test]
    fn a_completion_is_written_as_the_month_it_falls_in() {
        // MODEL.md 10.13: 12.73 falls in month 13; 12 exactly is month 12
        assert_eq!(delivered_label(dec!(12.73)), "delivered in month 13");
        assert_eq!(delivered_label(dec!(12.00)), "delivered in month 12");
        assert_eq!(delivered_label(dec!(0.2)), "delivered in month 1");
    }

    #[test]
    fn a_goal_line_is_labelled_with_its_effort() {
        let goal = |name: Option<&str>| Goal {
            name: name.map(str::to_string),
            effort: dec!(40.0),
            by: dec!(10),
            completion: None,
        };
        assert_eq!(goal_label(&goal(None)), "Goal: 40 person-months");
        assert_eq!(
            goal_label(&goal(Some("Support assistant in production"))),
            "Goal: 40 person-months"
        );
    }

    #[test]
    fn a_late_line_runs_dashed_to_its_completion_or_the_edge() {
        // C(6) = 5, goal 10 at t* = 9: (6, 5) to (9, 10); cut at 8: two
        // thirds of the way, (8, 5 + 5 * 2/3)
        let c = Curve {
            name: "late".into(),
            color: color(0),
            marked: false,
            points: vec![(0.0, 0.0), (6.0, 5.0)],
            duration: 6.0,
            goal: Some(Goal {
                name: None,
                effort: dec!(10),
                by: dec!(5),
                completion: Some(dec!(9)),
            }),
            band: None,
        };
        assert_eq!(extension(&c, 10.0), Some(((6.0, 5.0), (9.0, 10.0))));
        let (_, edge) = extension(&c, 8.0).expect("cut");
        assert_eq!(edge.0, 8.0);
        assert!((edge.1 - (5.0 + 10.0 / 3.0)).abs() < 1e-9);
        // reached inside the plan, or never: no extension
        let mut inside = c;
        inside.goal.as_mut().expect("goal").completion = Some(dec!(5.5));
        assert_eq!(extension(&inside, 10.0), None);
        inside.goal.as_mut().expect("goal").completion = None;
        assert_eq!(extension(&inside, 10.0), None);
    }
}
