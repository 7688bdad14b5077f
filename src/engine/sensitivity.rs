//! Sensitivity (MODEL.md sections 6 and 10.9): the likely cost, capacity
//! and, with a goal, cost to deliver and completion, with one input at its
//! low and at its high end, the rest at typical; largest swing first (of
//! the cost to deliver with a goal, of the cost without); an input that
//! moves none of them left out. The data of the tornado chart.

use rust_decimal::Decimal;

use crate::engine::delivery::At;
use crate::engine::inputs::{Input, cost_values};
use crate::engine::model::CostModel;
use crate::engine::number::{Exact, Number};
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;

/// One input's effect on the likely figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    pub input: Input,
    /// Likely cost with this input at its low end.
    pub at_low: Decimal,
    /// Likely cost with this input at its high end.
    pub at_high: Decimal,
    /// Likely capacity with this input at its low and high ends.
    pub capacity_at_low: Decimal,
    pub capacity_at_high: Decimal,
    /// With a goal: the cost to deliver and the completion month at the
    /// input's low and high ends (`None`: never reached there).
    pub deliver: Option<Ends>,
}

/// The cost to deliver and the completion at an input's two ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ends {
    pub deliver_at_low: Option<Decimal>,
    pub deliver_at_high: Option<Decimal>,
    pub completion_at_low: Option<Decimal>,
    pub completion_at_high: Option<Decimal>,
}

impl Swing {
    /// The swing of the cost.
    pub fn swing(&self) -> Decimal {
        (self.at_high - self.at_low).abs()
    }

    /// |deliver_at_high - deliver_at_low|; `None` (unbounded) when either
    /// end never reaches the goal, or without a goal.
    pub fn deliver_swing(&self) -> Option<Decimal> {
        let e = self.deliver?;
        Some((e.deliver_at_high? - e.deliver_at_low?).abs())
    }

    /// The input moves none of the six figures (MODEL.md 10.13).
    fn moves_nothing(&self) -> bool {
        self.at_low == self.at_high
            && self.capacity_at_low == self.capacity_at_high
            && self.deliver.is_none_or(|e| {
                e.deliver_at_low == e.deliver_at_high && e.completion_at_low == e.completion_at_high
            })
    }
}

/// The completion and cost to deliver at one set of values; `None`s when
/// the goal is never reached.
type Reached = (Option<Decimal>, Option<Decimal>);

/// What sensitivity says of a scenario: the likely cost, the inputs that
/// move something, largest swing first, and how many inputs with a range
/// moved nothing.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub likely: Decimal,
    pub swings: Vec<Swing>,
    /// Inputs with a range left out: none of their figures move.
    pub unmoved: usize,
}

/// The scenario's likely cost at these values.
fn total(model: &CostModel, values: &[Decimal]) -> Result<Decimal, Diagnostic> {
    model
        .cost(values, model.duration)
        .get()
        .ok_or_else(|| model.too_large("cost"))
}

/// Every input that varies and moves a figure, with its swing, largest
/// first (ties by name).
pub fn sensitivity(model: &CostModel) -> Result<Sensitivity, Diagnostic> {
    let typical = cost_values(&model.inputs, Bound::Typical);
    let likely = total(model, &typical)?;
    // each seat and line at typical values, read again only when it reads
    // the input moved; summed in the model's order, so each total is the
    // decimal `CostModel::cost` gives
    let d = model.duration;
    let seats: Vec<Exact> = model.seats.iter().map(|s| s.terms(&typical, d).cost()).collect();
    let lines: Vec<Exact> = model
        .lines
        .iter()
        .map(|l| l.cost_within(&typical, d, Decimal::ZERO, d))
        .collect();
    // the total with input `i` moved to `values[i]`
    let moved = |i: usize, values: &[Decimal]| -> Result<Decimal, Diagnostic> {
        let seats = model
            .seats
            .iter()
            .zip(&seats)
            .fold(Exact::zero(), |sum, (s, at_typical)| {
                sum + if s.formula.reads(i) {
                    s.terms(values, d).cost()
                } else {
                    *at_typical
                }
            });
        let lines = model
            .lines
            .iter()
            .zip(&lines)
            .fold(Exact::zero(), |sum, (l, at_typical)| {
                sum + if l.formula.reads(i) {
                    l.cost_within(values, d, Decimal::ZERO, d)
                } else {
                    *at_typical
                }
            });
        (seats + lines).get().ok_or_else(|| model.too_large("cost"))
    };
    let capacity = |values: &[Decimal]| {
        model
            .capacity(values, d)
            .get()
            .ok_or_else(|| model.too_large("capacity"))
    };
    let deliver = |values: &[Decimal]| -> Result<Option<Reached>, Diagnostic> {
        model
            .goal
            .map(|(effort, _)| At::new(model, values).reach(effort))
            .transpose()
    };
    let mut swings = Vec::new();
    let mut unmoved = 0;
    for (i, input) in model.inputs.iter().enumerate() {
        if input.range.is_fixed() {
            continue;
        }
        let mut low = typical.clone();
        low[i] = input.range.low();
        let mut high = typical.clone();
        high[i] = input.range.high();
        let ends = match (deliver(&low)?, deliver(&high)?) {
            (Some((t_low, x_low)), Some((t_high, x_high))) => Some(Ends {
                deliver_at_low: x_low,
                deliver_at_high: x_high,
                completion_at_low: t_low,
                completion_at_high: t_high,
            }),
            _ => None,
        };
        let swing = Swing {
            input: input.clone(),
            at_low: moved(i, &low)?,
            at_high: moved(i, &high)?,
            capacity_at_low: capacity(&low)?,
            capacity_at_high: capacity(&high)?,
            deliver: ends,
        };
        if swing.moves_nothing() {
            unmoved += 1;
        } else {
            swings.push(swing);
        }
    }
    let goal = model.goal.is_some();
    swings.sort_by(|a, b| {
        let by_deliver = if goal {
            // an unbounded swing (a `None` end) sorts first
            match (a.deliver_swing(), b.deliver_swing()) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (Some(_), None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => y.cmp(&x),
            }
        } else {
            std::cmp::Ordering::Equal
        };
        by_deliver
            .then_with(|| {
                if goal {
                    std::cmp::Ordering::Equal
                } else {
                    b.swing().cmp(&a.swing())
                }
            })
            .then_with(|| a.input.to_string().cmp(&b.input.to_string()))
    });
    Ok(Sensitivity {
        likely,
        swings,
        unmoved,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading again only the seats and lines an input reaches gives, on
    /// every shipped scenario, the totals of the whole model read again.
    #[test]
    fn each_swing_is_the_whole_models_total() {
        let catalog = crate::Catalog::embedded().expect("shipped rates");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("scenarios")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(files.len() >= 10);
        for file in files {
            let scenario = crate::load_scenario(&file).expect("a shipped scenario reads");
            let layers = catalog.layers(&scenario.rates).expect("layers");
            let (seats, _) = crate::team::seats(&scenario, &layers).expect("seats");
            let model = crate::engine::model::build(&scenario, &seats, &layers).expect("model");
            let Sensitivity {
                likely,
                swings,
                unmoved,
            } = sensitivity(&model).expect("sensitivity");
            let typical = cost_values(&model.inputs, Bound::Typical);
            assert_eq!(
                likely.to_string(),
                total(&model, &typical).expect("total").to_string()
            );
            let spread = model.inputs.iter().filter(|i| !i.range.is_fixed()).count();
            assert_eq!(swings.len() + unmoved, spread, "{}", file.display());
            for swing in swings {
                let i = model
                    .inputs
                    .iter()
                    .position(|x| *x == swing.input)
                    .expect("an input");
                let at = |value: Decimal| {
                    let mut values = typical.clone();
                    values[i] = value;
                    total(&model, &values).expect("total").to_string()
                };
                let name = format!("{} {}", file.display(), swing.input);
                assert_eq!(swing.at_low.to_string(), at(swing.input.range.low()), "{name}");
                assert_eq!(swing.at_high.to_string(), at(swing.input.range.high()), "{name}");
            }
        }
    }

    /// MODEL.md 10.9 on the hand table (a Senior AI engineer in the US,
    /// 12 months, a goal of 4 person-months: likely t* = 8.5, X = 98,300),
    /// worked by hand.
    #[test]
    fn with_a_goal_the_cost_to_deliver_and_the_completion_move_too() {
        use crate::engine::tests::{HAND_TABLE, scenario, table};
        use rust_decimal_macros::dec;
        // the agency's ramp productivity given a range while its ramp-up
        // is 0: it moves nothing, for a seat through an agency
        let text = HAND_TABLE.replace(
            "ramp_productivity: 1,",
            "ramp_productivity: (low: 0.5, typical: 0.6, high: 0.7),",
        );
        let layers = crate::rates::Layers::new(vec![table(&text)]).expect("layers");
        let seats = r#"(role: "ai-engineer", level: Senior),
            (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#;
        let s = scenario("12", seats, "goal: (effort_pm: 4, by_month: 8),");
        let e = crate::estimate(&s, &layers).expect("estimate");
        let found = sensitivity(&e.model).expect("sensitivity");
        let swing = |name: &str| {
            found
                .swings
                .iter()
                .find(|s| s.input.to_string() == name)
                .unwrap_or_else(|| panic!("{name} in {:?}", found.swings))
                .clone()
        };
        // the developers (1 FTE, full output from month 0, L = 1 Mid at
        // the hand table's typical) and the engineer together: C(3) = 3,
        // then 1.5 a month on the engineer's ramp: C(t*) = 4 at
        // t* = 3 + 1 / 1.5 = 3.666...
        let d = e.delivery.clone().expect("goal");
        assert_eq!(d.completion_month.map(|t| t.round_dp(6)), Some(dec!(3.666667)));
        // salary at 108,000: the engineer's month 9,000 x 1.3 + 600 + 900 =
        // 13,200, fee 16,200; at 144,000: 12,000 x 1.3 + 600 + 1,200 =
        // 17,400, fee 21,600. Completion unchanged, so the cost to
        // deliver moves by the engineer's pay up to t*: at low
        // 16,200 + 13,200 x 0.666... (work from month 3), at high
        // 21,600 + 17,400 x 0.666...; the developers' 16,000 a month x t*
        // are the same at both ends
        let salary = swing("salary ai-engineer Senior us");
        let ends = salary.deliver.expect("a goal");
        let dev = dec!(16000) * d.completion_month.unwrap();
        let low = dec!(16200) + dec!(13200) * (d.completion_month.unwrap() - dec!(3)) + dev;
        let high = dec!(21600) + dec!(17400) * (d.completion_month.unwrap() - dec!(3)) + dev;
        assert_eq!(ends.deliver_at_low.map(|x| x.round_dp(6)), Some(low.round_dp(6)));
        assert_eq!(
            ends.deliver_at_high.map(|x| x.round_dp(6)),
            Some(high.round_dp(6))
        );
        assert_eq!(ends.completion_at_low, d.completion_month);
        assert_eq!(salary.capacity_at_low, salary.capacity_at_high);
        // time to hire at 26 weeks = 6 months: the engineer's ramp runs
        // [6, 9): C(6) = 6 already, t* = 4 (the developers alone, 1 a
        // month), and the engineer is hired after it: X = 16,000 x 4
        let hire = swing("time to hire us");
        let ends = hire.deliver.expect("a goal");
        assert_eq!(ends.completion_at_high, Some(dec!(4)));
        assert_eq!(ends.deliver_at_high, Some(dec!(64000)));
        // capacity at low hire (s = 0): engineer 0.5 x 3 + 9 = 10.5, plus
        // the developers' 12: 22.5; at high (s = 6): 1.5 + 3 + 12 = 16.5
        assert_eq!(hire.capacity_at_low, dec!(22.5));
        assert_eq!(hire.capacity_at_high, dec!(16.5));
        // the agency ramp productivity moves nothing: left out, counted
        assert!(
            found
                .swings
                .iter()
                .all(|s| s.input.to_string() != "agency ramp productivity us")
        );
        assert_eq!(found.unmoved, 1);
        // sorted by the swing of the cost to deliver
        let swings: Vec<Decimal> = found.swings.iter().map(|s| s.deliver_swing().unwrap()).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    }
}
