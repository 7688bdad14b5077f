//! Where axes put their ticks and how they write them. plotters picks
//! fractional steps on short ranges (0, 0.5, 1, ...) and the labels then
//! round to the same text ("0 0 1 2 2 2"); here the ticks are chosen so that
//! every label is a different number: whole months on month axes, steps of
//! 1, 2, 2.5 or 5 times a power of ten on the others, and money written with as
//! many decimals as the step needs.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::coord::types::RangedCoordf64;

use super::money_short;
use crate::money::Currency;

/// An f64 axis ticked where we say, labelled by the chart's formatter
/// (plotters' own `WithKeyPoints` over f64 cannot take a formatter).
pub struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    pub fn new(range: Range<f64>, ticks: Vec<f64>) -> Ticked {
        Ticked {
            inner: range.into(),
            ticks,
        }
    }
}

impl Ranged for Ticked {
    type ValueType = f64;
    type FormatOption = DefaultFormatting;

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // the grid at the ticks only: no lighter lines between them
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }
}

/// Month steps people count in: months, quarters, half years, years.
const MONTH_STEPS: [f64; 9] = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 60.0, 120.0, 240.0];

/// At most this many ticks on an axis.
pub const MAX_TICKS: usize = 13;

/// Whole months in `range`, every 1, 2, 3, 6, 12... months, at most
/// `MAX_TICKS` of them.
pub fn month_ticks(range: &Range<f64>) -> Vec<f64> {
    let span = (range.end - range.start).max(1.0);
    let step = MONTH_STEPS
        .into_iter()
        .find(|s| span / s + 1.0 <= MAX_TICKS as f64)
        .unwrap_or(MONTH_STEPS[MONTH_STEPS.len() - 1]);
    multiples(range, step)
}

/// The step of 1, 2, 2.5 or 5 times a power of ten that puts at most `max`
/// ticks over `span`, and no smaller than `min`.
pub fn nice_step(span: f64, max: usize, min: f64) -> f64 {
    if !(span.is_finite() && span > 0.0) {
        return min.max(1.0);
    }
    let raw = span / (max.max(2) - 1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(10.0 * power);
    step.max(min)
}

/// The multiples of `step` inside `range`, ends included.
pub fn multiples(range: &Range<f64>, step: f64) -> Vec<f64> {
    let first = (range.start / step - 1e-9).ceil() as i64;
    let last = (range.end / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// Ticks every `nice_step` over `range`, at most `max`.
pub fn nice_ticks(range: &Range<f64>, max: usize, min_step: f64) -> (Vec<f64>, f64) {
    let step = nice_step(range.end - range.start, max, min_step);
    (multiples(range, step), step)
}

/// A number with the decimals `step` needs and no trailing zeros: steps
/// of 0.5 write "1" and "1.5".
pub fn number(value: f64, step: f64) -> String {
    let decimals = decimals_for(step);
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    // "-0" is 0
    if text == "-0" { "0".into() } else { text }
}

/// Decimals (0 to 3) that write every multiple of `step` exactly.
fn decimals_for(step: f64) -> usize {
    (0..=3)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(3)
}

/// Money for a tick every `step`: `money_short`, with more decimals when
/// the step needs them ($5.95M next to $5.9M, not $5.9M twice).
pub fn money(value: f64, step: f64, currency: &Currency) -> String {
    let short = money_short(value, currency);
    let v = value.abs();
    let unit = if v >= 1e9 {
        1e9
    } else if v >= 1e6 {
        1e6
    } else if v >= 1e3 {
        1e3
    } else {
        return short;
    };
    let decimals = decimals_for(step / unit);
    if decimals == 0 {
        return short;
    }
    let suffix = match unit {
        u if u >= 1e9 => "B",
        u if u >= 1e6 => "M",
        _ => "k",
    };
    let prefix = match currency.as_str() {
        "USD" => "$".to_string(),
        code => format!("{code} "),
    };
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{prefix}{:.decimals$}{suffix}", v / unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticked_axis_maps_as_plotters_does_and_draws_no_light_lines() {
        use plotters::coord::ranged1d::{BoldPoints, LightPoints};
        let axis = Ticked::new(0.0..10.0, vec![0.0, 5.0, 10.0]);
        // 5 of 0..10 over 0..100 pixels: the middle
        assert_eq!(axis.map(&5.0, (0, 100)), 50);
        assert_eq!(axis.map(&2.5, (0, 100)), 25);
        assert_eq!(axis.key_points(BoldPoints(4)), [0.0, 5.0, 10.0]);
        assert!(axis.key_points(LightPoints::new(4, 40)).is_empty());
    }

    #[test]
    fn month_steps_grow_past_thirteen_ticks_wherever_the_axis_starts() {
        // 12 months from 0: 13 ticks a month apart, the most allowed
        assert_eq!(month_ticks(&(0.0..12.0)).len(), 13);
        // 13 months would be 14 ticks: every 2 months instead
        assert_eq!(month_ticks(&(0.0..13.0)), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0]);
        // the span counts, not where it starts: 1 to 13 is 12 months
        assert_eq!(month_ticks(&(1.0..13.0)).len(), 13);
    }

    #[test]
    fn a_step_that_fits_exactly_is_taken() {
        // 7 over 8 ticks: 1 apart, exactly; not 2
        assert_eq!(nice_step(7.0, 8, 0.1), 1.0);
        // 70 over 8 ticks: 10 apart
        assert_eq!(nice_step(70.0, 8, 0.1), 10.0);
        // no span: one whole unit, whatever the minimum
        assert_eq!(nice_step(0.0, 8, 0.5), 1.0);
        assert_eq!(nice_step(f64::NAN, 8, 0.5), 1.0);
    }

    fn texts(ticks: &[f64], step: f64) -> Vec<String> {
        ticks.iter().map(|v| number(*v, step)).collect()
    }

    #[test]
    fn months_tick_on_whole_months_only() {
        // (duration, ticks): never a fraction, never the same label twice
        let cases: [(f64, &[f64]); 7] = [
            (1.0, &[0.0, 1.0]),
            (1.5, &[0.0, 1.0]),
            (2.0, &[0.0, 1.0, 2.0]),
            (3.0, &[0.0, 1.0, 2.0, 3.0]),
            (6.0, &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]),
            (
                36.0,
                &[
                    0.0, 3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0, 27.0, 30.0, 33.0, 36.0,
                ],
            ),
            (
                120.0,
                &[0.0, 12.0, 24.0, 36.0, 48.0, 60.0, 72.0, 84.0, 96.0, 108.0, 120.0],
            ),
        ];
        for (months, expected) in cases {
            assert_eq!(month_ticks(&(0.0..months)), expected, "{months} months");
        }
        // the break-even axis: 1 to 60 months, every 6 months
        assert_eq!(
            month_ticks(&(1.0..60.0)),
            [6.0, 12.0, 18.0, 24.0, 30.0, 36.0, 42.0, 48.0, 54.0, 60.0]
        );
    }

    #[test]
    fn fte_ticks_are_distinct_numbers() {
        // 0 to 2.7 FTE: plotters wrote "0 0 1 2 2 2"; steps of 0.5 here
        let (ticks, step) = nice_ticks(&(0.0..2.7), 8, 0.5);
        assert_eq!(texts(&ticks, step), ["0", "0.5", "1", "1.5", "2", "2.5"]);
        let (ticks, step) = nice_ticks(&(0.0..18.2), 8, 0.5);
        assert_eq!(texts(&ticks, step), ["0", "5", "10", "15"]);
        // a tornado of GBP 9.2k to 23.4k: every 2.5k, not three ticks 5k apart
        let (ticks, step) = nice_ticks(&(9200.0..23400.0), 8, 1.0);
        assert_eq!(step, 2500.0);
        assert_eq!(ticks, [10000.0, 12500.0, 15000.0, 17500.0, 20000.0, 22500.0]);
        // a half step never goes below the minimum
        assert_eq!(nice_ticks(&(0.0..1.35), 8, 0.5).1, 0.5);
    }

    #[test]
    fn money_ticks_keep_the_decimals_the_step_needs() {
        let usd = Currency::parse("USD").expect("USD");
        let label = |v: f64, step: f64| money(v, step, &usd);
        // a narrow tornado axis: 5.85M to 6.0M every 50k
        assert_eq!(
            [5.85e6, 5.9e6, 5.95e6, 6.0e6].map(|v| label(v, 5e4)),
            ["$5.85M", "$5.90M", "$5.95M", "$6.00M"]
        );
        // wide steps read as before
        assert_eq!([0.0, 1e6, 2e6].map(|v| label(v, 1e6)), ["$0", "$1M", "$2M"]);
        // billions every 50M, and a saving below zero
        assert_eq!(label(1.25e9, 5e7), "$1.25B");
        assert_eq!(label(-1.5e6, 5e5), "-$1.5M");
        assert_eq!([1e5, 2e5].map(|v| label(v, 1e5)), ["$100k", "$200k"]);
        // every tick of an axis with the same decimals: $6.0M beside $5.9M
        assert_eq!([5.9e6, 6e6].map(|v| label(v, 1e5)), ["$5.9M", "$6.0M"]);
        assert_eq!(
            [5e5, 1e6, 1.5e6].map(|v| label(v, 5e5)),
            ["$500k", "$1.0M", "$1.5M"]
        );
        assert_eq!(
            [24_000.0, 24_500.0].map(|v| label(v, 500.0)),
            ["$24.0k", "$24.5k"]
        );
    }
}
