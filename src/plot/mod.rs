//! Charts for budget meetings: one file per chart kind, all drawn with
//! plotters' SVG backend into a `String` (the caller writes the file).
//!
//! Shared here: the 16:9 size, the colour-blind-safe palette (Okabe-Ito),
//! fonts, money written for people, and the scenario labels of bar charts.
//! Text is set in the generic `sans-serif` family: no font is read from
//! the machine, and the output is the same bytes for the same input.

mod axis;
mod bars;
pub mod breakdown;
pub mod breakeven;
pub mod burn;
pub mod delivery;
pub mod distribution;
mod lines;
pub mod mix;
mod names;
mod plan;
pub mod range;
pub mod tornado;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::assessment::Assessment;
use crate::money::Currency;

/// Width and height in pixels: a 16:9 slide.
pub const SIZE: (u32, u32) = (1600, 900);
pub const FONT: &str = "sans-serif";
pub const TITLE_SIZE: u32 = 40;
pub const LABEL_SIZE: u32 = 22;
pub const AXIS_TITLE_SIZE: u32 = 24;

/// Okabe-Ito: told apart by readers with every common colour-vision
/// deficiency. Cycled when there are more series.
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),   // blue
    RGBColor(230, 159, 0),   // orange
    RGBColor(0, 158, 115),   // bluish green
    RGBColor(204, 121, 167), // reddish purple
    RGBColor(86, 180, 233),  // sky blue
    RGBColor(213, 94, 0),    // vermillion
    RGBColor(240, 228, 66),  // yellow
    RGBColor(0, 0, 0),       // black
];

pub const GRID: RGBColor = RGBColor(221, 221, 221);
pub const INK: RGBColor = RGBColor(34, 34, 34);

/// The colour of series `i`.
pub fn color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// The chart kinds, as `teamcost chart KIND` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Range,
    Breakdown,
    Burn,
    Mix,
    Tornado,
    Breakeven,
    Distribution,
    Delivery,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Range => "range",
            Kind::Breakdown => "breakdown",
            Kind::Burn => "burn",
            Kind::Mix => "mix",
            Kind::Tornado => "tornado",
            Kind::Breakeven => "breakeven",
            Kind::Distribution => "distribution",
            Kind::Delivery => "delivery",
        }
    }
}

/// What a chart is drawn from.
pub struct ChartData<'a> {
    pub estimates: &'a [Assessment],
    /// A budget line, in the reporting currency.
    pub budget: Option<rust_decimal::Decimal>,
}

/// One chart of the set a report or `--charts DIR` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub kind: Kind,
    /// `range.svg`, `tornado-<file stem>.svg`.
    pub file: String,
    pub title: String,
    /// Which of the estimates it is drawn from.
    pub of: std::ops::Range<usize>,
    /// Left out, with a note, when it cannot be drawn (a break-even whose
    /// team lacks a salary or an agency rate); else a failure is an error.
    pub optional: bool,
}

/// Every chart that applies to the estimates: those of them all (the
/// distribution only when they were simulated; the delivery when one of
/// them has a goal, the others drawn as output without goal marks), then
/// a tornado and a break-even of each, named after its file.
pub fn planned(estimates: &[Assessment], simulated: bool) -> Vec<Planned> {
    let all = 0..estimates.len();
    let mut out: Vec<Planned> = [
        (Kind::Range, "Cost range"),
        (Kind::Breakdown, "Cost components"),
        (Kind::Burn, "Cumulative spend"),
        (Kind::Mix, "Team mix"),
        (Kind::Distribution, "Simulated cost"),
    ]
    .into_iter()
    .filter(|(kind, _)| simulated || *kind != Kind::Distribution)
    .map(|(kind, title)| Planned {
        kind,
        file: format!("{}.svg", kind.name()),
        title: title.to_string(),
        of: all.clone(),
        optional: false,
    })
    .collect();
    if estimates.iter().any(|e| e.delivery.is_some()) {
        out.push(Planned {
            kind: Kind::Delivery,
            file: format!("{}.svg", Kind::Delivery.name()),
            title: "Output against the goal".to_string(),
            of: all.clone(),
            optional: false,
        });
    }
    for (i, e) in estimates.iter().enumerate() {
        let stem = stem(&e.scenario.file);
        let name = &e.scenario.name;
        out.push(Planned {
            kind: Kind::Tornado,
            file: format!("tornado-{stem}.svg"),
            title: format!("Sensitivity: {name}"),
            of: i..i + 1,
            optional: false,
        });
        out.push(Planned {
            kind: Kind::Breakeven,
            file: format!("breakeven-{stem}.svg"),
            title: format!("In-house or agency: {name}"),
            of: i..i + 1,
            optional: true,
        });
    }
    out
}

/// The stem of a scenario's file name, for the names of its charts.
pub fn stem(file: &str) -> &str {
    std::path::Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("scenario")
}

/// Draws one chart kind; a chart of converted figures says how they were
/// converted in a footnote.
pub fn draw(kind: Kind, data: &ChartData<'_>) -> Result<String, PlotError> {
    let svg = drawn(kind, data)?;
    // the mix counts people and the delivery person-months, not money
    let money = !matches!(kind, Kind::Mix | Kind::Delivery);
    Ok(
        match crate::assessment::Assessment::conversion_note(data.estimates).filter(|_| money) {
            Some(note) => with_footnote(&svg, &format!("All figures {note}.")),
            None => svg,
        },
    )
}

/// The chart with a band below it holding a note in small text, wrapped
/// to the chart's width. The chart itself is untouched: the band grows the
/// canvas downwards.
fn with_footnote(svg: &str, text: &str) -> String {
    const LINE: u32 = 28;
    // about 10 pixels a character at 20 pixels, inside the 1600-pixel width
    const CHARACTERS: usize = 140;
    let (w, h) = SIZE;
    let lines = wrap(text, CHARACTERS);
    let band = 16 + LINE * lines.len() as u32;
    let taller = h + band;
    let head = format!(r#"<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}""#);
    let Some(body) = svg.strip_prefix(&head) else {
        return svg.to_string();
    };
    let Some(body) = body.trim_end().strip_suffix("</svg>") else {
        return svg.to_string();
    };
    let mut out = format!(r#"<svg width="{w}" height="{taller}" viewBox="0 0 {w} {taller}""#);
    out.push_str(body);
    out.push_str(&format!(
        "<rect x=\"0\" y=\"{h}\" width=\"{w}\" height=\"{band}\" fill=\"#FFFFFF\" stroke=\"none\"/>\n"
    ));
    for (i, line) in lines.iter().enumerate() {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        out.push_str(&format!(
            "<text x=\"24\" y=\"{}\" font-family=\"{FONT}\" font-size=\"20\" fill=\"#555555\">{escaped}</text>\n",
            h + LINE * (i as u32 + 1)
        ));
    }
    out.push_str("</svg>\n");
    out
}

fn drawn(kind: Kind, data: &ChartData<'_>) -> Result<String, PlotError> {
    match kind {
        Kind::Range => range::chart(data.estimates, data.budget),
        Kind::Breakdown => breakdown::chart(data.estimates),
        Kind::Burn => burn::chart(data.estimates),
        Kind::Mix => mix::chart(data.estimates),
        Kind::Distribution => distribution::chart(data.estimates),
        Kind::Delivery => delivery::chart(data.estimates),
        Kind::Tornado => tornado::chart(only_one(data.estimates, kind)?),
        Kind::Breakeven => {
            let e = only_one(data.estimates, kind)?;
            let b = e.breakeven().as_ref().map_err(|d| {
                let messages: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
                PlotError::Compute(messages.join("; "))
            })?;
            breakeven::chart(e, b)
        }
    }
}

fn only_one(estimates: &[Assessment], kind: Kind) -> Result<&Assessment, PlotError> {
    match estimates {
        [one] => Ok(one),
        _ => Err(PlotError::OneScenario(kind.name())),
    }
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum PlotError {
    /// The scenarios report in different currencies: one money axis
    /// cannot hold them.
    #[error("the scenarios report in different currencies ({0}); a chart needs one")]
    MixedCurrencies(String),
    #[error("a {0} chart shows one scenario; name one file")]
    OneScenario(&'static str),
    #[error("nothing to draw: {0}")]
    Empty(String),
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("{0}")]
    Compute(String),
}

pub fn draw_err<E: std::fmt::Display>(e: E) -> PlotError {
    PlotError::Draw(e.to_string())
}

/// The one reporting currency of the estimates.
pub fn one_currency(estimates: &[Assessment]) -> Result<Currency, PlotError> {
    let first = estimates
        .first()
        .ok_or_else(|| PlotError::Empty("no scenario".into()))?
        .currency
        .clone();
    if estimates.iter().all(|e| e.currency == first) {
        Ok(first)
    } else {
        let mut codes: Vec<&str> = estimates.iter().map(|e| e.currency.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        Err(PlotError::MixedCurrencies(codes.join(", ")))
    }
}

/// Money for axes and labels: `$1.2M`, `EUR 850k`, `GBP 950`.
pub fn money_short(value: f64, currency: &Currency) -> String {
    let prefix = match currency.as_str() {
        "USD" => "$".to_string(),
        code => format!("{code} "),
    };
    let sign = if value < 0.0 { "-" } else { "" };
    let v = value.abs();
    let body = if v >= 1e9 {
        format!("{:.1}B", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.1}M", v / 1e6)
    } else if v >= 1e4 {
        format!("{:.0}k", v / 1e3)
    } else if v >= 1e3 {
        format!("{:.1}k", v / 1e3)
    } else {
        format!("{v:.0}")
    };
    format!(
        "{sign}{prefix}{}",
        body.replace(".0M", "M").replace(".0k", "k").replace(".0B", "B")
    )
}

pub use crate::text::wrap;

/// A name cut to `max` characters with an ellipsis, for labels.
pub fn short_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Draws a chart into an SVG string.
pub fn svg(
    draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<(), PlotError>,
) -> Result<String, PlotError> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(draw_err)?;
        draw(&root)?;
        root.present().map_err(draw_err)?;
    }
    Ok(out)
}

pub fn title_style() -> TextStyle<'static> {
    (FONT, TITLE_SIZE).into_font().color(&INK)
}

pub fn label_style() -> TextStyle<'static> {
    (FONT, LABEL_SIZE).into_font().color(&INK)
}

pub fn axis_title_style() -> TextStyle<'static> {
    (FONT, AXIS_TITLE_SIZE).into_font().color(&INK)
}

/// Right-aligned, vertically centred text: labels left of a bar.
pub fn right_aligned(size: u32) -> TextStyle<'static> {
    (FONT, size)
        .into_font()
        .color(&INK)
        .pos(Pos::new(HPos::Right, VPos::Center))
}

/// Roughly how many characters of `LABEL_SIZE` text fit in `pixels`.
pub fn chars_in(pixels: u32) -> usize {
    (f64::from(pixels) / (f64::from(LABEL_SIZE) * 0.52)).floor() as usize
}

/// A title and its style, smaller when long, cut in the middle when even
/// the smaller size would not fit the slide; and the pixels the smaller
/// size leaves free, to keep above it so that the plot stays where it is.
pub fn fitted_title(text: &str) -> (String, TextStyle<'static>, u32) {
    let width = f64::from(SIZE.0 - 120);
    let chars = text.chars().count().max(1) as f64;
    let size = (width / (chars * 0.55))
        .floor()
        .clamp(28.0, f64::from(TITLE_SIZE)) as u32;
    let max = (width / (f64::from(size) * 0.55)).floor() as usize;
    (
        names::middle(text, max),
        (FONT, size).into_font().color(&INK),
        TITLE_SIZE - size,
    )
}

/// A legend of coloured squares and names, drawn in pixels at `at` (the
/// top-left corner) in a column `width` pixels wide. Names are wrapped over
/// two lines (cut to fit them, `names::distinct`) when the column stays
/// short so; otherwise each gets one line, cut so that no two read the same.
/// Returns the y below the last entry.
pub fn legend(
    root: &DrawingArea<SVGBackend, plotters::coord::Shift>,
    at: (i32, i32),
    width: u32,
    entries: &[(String, RGBColor)],
) -> Result<i32, PlotError> {
    let line_chars = chars_in(width.saturating_sub(50)).max(8);
    let names: Vec<String> = entries.iter().map(|e| e.0.clone()).collect();
    let (step, line) = (LABEL_SIZE as i32 + 10, LABEL_SIZE as i32 + 4);
    // two lines hold about twice a line, less what breaking at spaces loses
    let wrapped: Vec<Vec<String>> = names::distinct(&names, 2 * line_chars - 6)
        .iter()
        .map(|n| wrap(n, line_chars))
        .collect();
    let extra_lines: usize = wrapped.iter().map(|w| w.len().saturating_sub(1)).sum();
    let height = step * entries.len() as i32 + line * extra_lines as i32;
    let unique = names.iter().enumerate().all(|(i, n)| !names[..i].contains(n));
    let two_lines = extra_lines > 0
        && unique
        && wrapped
            .iter()
            .all(|w| w.len() <= 2 && w.iter().all(|l| l.chars().count() <= line_chars))
        && height <= (SIZE.1 as i32 - at.1) / 2;
    let lines: Vec<Vec<String>> = if two_lines {
        wrapped
    } else {
        names::distinct(&names, line_chars)
            .into_iter()
            .map(|n| vec![n])
            .collect()
    };
    let mut y = at.1;
    for (i, ((_, c), text)) in entries.iter().zip(&lines).enumerate() {
        // past the palette's eight colours, a triangle tells the repeats apart
        if i >= PALETTE.len() {
            root.draw(&TriangleMarker::new((at.0 + 10, y + 11), 11, c.filled()))
                .map_err(draw_err)?;
        } else {
            root.draw(&Rectangle::new([(at.0, y), (at.0 + 20, y + 20)], c.filled()))
                .map_err(draw_err)?;
        }
        for (k, part) in text.iter().enumerate() {
            root.draw_text(part, &label_style(), (at.0 + 30, y + line * k as i32))
                .map_err(draw_err)?;
        }
        y += step + line * (text.len() as i32 - 1);
    }
    Ok(y)
}
