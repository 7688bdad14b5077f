//! Property tests for the invariants MODEL.md section 4 states: parts add
//! up, low <= likely <= high, cost grows with duration and count.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::tests::{hand_layers, scenario};
use crate::estimate;

/// Decimal sums of 28-digit figures may differ in the last digits; a
/// millionth of a cent is far below anything shown.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(1, 8)
}

fn seat_text(in_house: bool, count: u32, allocation_pct: u32) -> String {
    let allocation = Decimal::new(i64::from(allocation_pct), 2);
    if in_house {
        format!("(role: \"ai-engineer\", level: Senior, count: {count}, allocation: {allocation})")
    } else {
        format!(
            "(role: \"ai-developer\", level: Mid, count: {count}, allocation: {allocation}, engagement: Agency)"
        )
    }
}

fn team() -> impl Strategy<Value = Vec<(bool, u32, u32)>> {
    prop::collection::vec((any::<bool>(), 1u32..6, 1u32..=100), 1..5)
}

fn seats(team: &[(bool, u32, u32)]) -> String {
    team.iter()
        .map(|(h, c, a)| seat_text(*h, *c, *a))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Durations from 0.1 to 36 months in tenths.
fn duration() -> impl Strategy<Value = Decimal> {
    (1i64..=360).prop_map(|tenths| Decimal::new(tenths, 1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parts_add_up_and_ranges_are_ordered(team in team(), d in duration()) {
        let e = estimate(&scenario(&d.to_string(), &seats(&team), ""), &hand_layers()).unwrap();
        prop_assert!(close(e.components.total(), e.cost.likely));
        prop_assert!(close(e.monthly.iter().map(|m| m.likely).sum(), e.cost.likely));
        prop_assert!(close(e.seats.iter().map(|s| s.cost.likely).sum(), e.cost.likely));
        for s in &e.seats {
            prop_assert!(close(s.components.total(), s.cost.likely));
        }
        prop_assert!(e.cost.low <= e.cost.likely && e.cost.likely <= e.cost.high);
        prop_assert!(e.capacity.low <= e.capacity.likely && e.capacity.likely <= e.capacity.high);
        prop_assert_eq!(e.engineering_fte + e.development_fte, e.seats.iter().map(|s| s.fte).sum::<Decimal>());
    }

    /// MODEL.md 10.2: the months' output adds up to the capacity, and the
    /// cumulative output never falls and ends at it.
    #[test]
    fn months_output_adds_up_to_capacity(team in team(), d in duration()) {
        let e = estimate(&scenario(&d.to_string(), &seats(&team), ""), &hand_layers()).unwrap();
        prop_assert!(close(e.monthly.iter().map(|m| m.capacity_pm).sum(), e.capacity.likely));
        let mut last = Decimal::ZERO;
        for m in &e.monthly {
            prop_assert!(m.capacity_pm >= Decimal::ZERO);
            prop_assert!(m.cumulative_pm >= last, "{} after {last}", m.cumulative_pm);
            last = m.cumulative_pm;
        }
        prop_assert!(close(last, e.capacity.likely));
    }

    /// MODEL.md 10.6: the quarters and the (fiscal) years each add up to
    /// the cost at every corner and to the likely capacity, and follow each
    /// other without a gap from 0 to D, with or without a calendar.
    #[test]
    fn quarters_and_years_add_up_at_each_corner(
        team in team(), d in duration(), start in 0u32..=12, first in 1u32..=12
    ) {
        let calendar = if start == 0 {
            String::new()
        } else {
            format!("start: \"2027-{start:02}\", fiscal_year_start: {first},")
        };
        let e = estimate(&scenario(&d.to_string(), &seats(&team), &calendar), &hand_layers()).unwrap();
        for periods in [&e.quarters, &e.fiscal_years] {
            prop_assert!(close(periods.iter().map(|p| p.cost.low).sum(), e.cost.low));
            prop_assert!(close(periods.iter().map(|p| p.cost.likely).sum(), e.cost.likely));
            prop_assert!(close(periods.iter().map(|p| p.cost.high).sum(), e.cost.high));
            prop_assert!(close(periods.iter().map(|p| p.capacity).sum(), e.capacity.likely));
            let mut at = Decimal::ZERO;
            for p in periods.iter() {
                prop_assert_eq!(p.from_month, at);
                prop_assert!(p.until_month > p.from_month);
                at = p.until_month;
            }
            prop_assert_eq!(at, d);
        }
        // a quarter is at most three months, a year at most twelve
        prop_assert!(e.quarters.iter().all(|p| p.until_month - p.from_month <= Decimal::from(3)));
        prop_assert!(e.fiscal_years.iter().all(|p| p.until_month - p.from_month <= Decimal::from(12)));
    }

    #[test]
    fn cost_grows_with_duration(team in team(), d in duration(), extra in 1i64..=120) {
        let longer = d + Decimal::new(extra, 1);
        let layers = hand_layers();
        let short = estimate(&scenario(&d.to_string(), &seats(&team), ""), &layers).unwrap();
        let long = estimate(&scenario(&longer.to_string(), &seats(&team), ""), &layers).unwrap();
        prop_assert!(long.cost.low >= short.cost.low);
        prop_assert!(long.cost.likely >= short.cost.likely);
        prop_assert!(long.cost.high >= short.cost.high);
        prop_assert!(long.capacity.likely >= short.capacity.likely);
    }

    #[test]
    fn cost_grows_with_count(team in team(), d in duration(), which in 0usize..4, more in 1u32..4) {
        let mut bigger = team.clone();
        let i = which % bigger.len();
        bigger[i].1 += more;
        let layers = hand_layers();
        let small = estimate(&scenario(&d.to_string(), &seats(&team), ""), &layers).unwrap();
        let large = estimate(&scenario(&d.to_string(), &seats(&bigger), ""), &layers).unwrap();
        prop_assert!(large.cost.likely >= small.cost.likely);
        prop_assert!(large.cost.high >= small.cost.high);
        prop_assert!(large.capacity.likely >= small.capacity.likely);
    }
}

mod plans {
    //! MODEL.md 8.3: phases add up to the scenario, months to the total,
    //! and low <= likely <= high with every input of section 8 ranged.

    use std::sync::Arc;

    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::close;
    use crate::engine::tests::{HAND_TABLE, scenario};
    use crate::estimate;
    use crate::input::origin::{Located, Origin};
    use crate::input::source::Source;
    use crate::range::Range;
    use crate::rates::{Layers, RateTable};
    use crate::scenario::{CostLine, Phase, Team};
    use crate::vocabulary::{Level, Stage};

    fn range(low: &str, typical: &str, high: &str) -> Range {
        let d = |t: &str| t.parse::<Decimal>().expect("decimal");
        Range::new(d(low), d(typical), d(high)).expect("ordered")
    }

    /// The hand table with every term of section 8 ranged.
    fn ranged_layers() -> Layers {
        let mut table = RateTable::read(Source::new("table.ron", HAND_TABLE)).expect("hand table");
        let us = &mut table.locations.get_mut("us").expect("us").value;
        us.in_house.availability = range("0.85", "0.9", "0.95");
        us.in_house.attrition = range("0.05", "0.12", "0.3");
        us.in_house.annual_raise = range("0.02", "0.04", "0.08");
        us.agency.annual_increase = range("0", "0.03", "0.06");
        table.productivity = Some(
            [
                (Level::Senior, range("1.1", "1.3", "1.5")),
                (Level::Mid, range("0.8", "1", "1.1")),
            ]
            .into_iter()
            .collect(),
        );
        Layers::new(vec![Arc::new(table)]).expect("layers")
    }

    /// Months in tenths from 0.1 to 36.
    fn tenths(n: i64) -> Decimal {
        Decimal::new(n, 1)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn a_plan_adds_up_and_its_ranges_are_ordered(
            d in 10i64..=360,
            cuts in prop::collection::vec(1u32..100, 0..3),
            windows in prop::collection::vec((0u32..100, 1u32..=100), 3),
            line in (0u32..100, 0u32..3000, 0u32..5000),
        ) {
            let duration = tenths(d);
            let team = r#"(role: "ai-engineer", level: Senior, count: 2), (role: "ai-developer", level: Mid, engagement: Agency), (role: "ai-engineer", level: Senior, allocation: 0.5)"#;
            let mut s = scenario(&duration.to_string(), team, "");
            // phases cut at sorted shares of the duration
            let mut ends: Vec<Decimal> = cuts.iter().map(|c| (duration * Decimal::from(*c) / Decimal::from(100)).round_dp(1)).filter(|e| *e > Decimal::ZERO && *e < duration).collect();
            ends.sort();
            ends.dedup();
            ends.push(duration);
            let stages = [Stage::Prototype, Stage::Pilot, Stage::Production, Stage::Scale];
            let mut start = Decimal::ZERO;
            s.phases = ends.iter().zip(stages).map(|(end, stage)| {
                let p = Phase { stage, start, end: *end };
                start = *end;
                p
            }).collect();
            // windows: from a share of the duration, for a share of the rest
            if let Team::Seats(seats) = &mut s.team {
                for (seat, (f, len)) in seats.iter_mut().zip(&windows) {
                    let from = (duration * Decimal::from(*f) / Decimal::from(100)).round_dp(2);
                    let until = from + ((duration - from) * Decimal::from(*len) / Decimal::from(100)).round_dp(2);
                    if until > from {
                        seat.from_month = from;
                        seat.until_month = Some(until);
                    }
                }
            }
            let (f, monthly, once) = line;
            let from = (duration * Decimal::from(f) / Decimal::from(100)).round_dp(1);
            if from < duration && monthly + once > 0 {
                s.costs = vec![CostLine {
                    name: Located::new("GPU".into(), Origin::new("t.ron")),
                    monthly: Range::new(Decimal::from(monthly) / Decimal::TWO, Decimal::from(monthly), Decimal::from(monthly) * Decimal::TWO).expect("range"),
                    once: Range::single(Decimal::from(once)),
                    from_month: from,
                    until_month: None,
                    currency: None,
                }];
            }
            let e = estimate(&s, &ranged_layers()).expect("estimate");
            prop_assert!(e.cost.low <= e.cost.likely && e.cost.likely <= e.cost.high, "{:?}", e.cost);
            prop_assert!(e.capacity.low <= e.capacity.likely && e.capacity.likely <= e.capacity.high, "{:?}", e.capacity);
            prop_assert!(close(e.monthly.iter().map(|m| m.likely).sum(), e.cost.likely));
            prop_assert!(close(e.monthly.iter().map(|m| m.capacity_pm).sum(), e.capacity.likely));
            prop_assert!(e.monthly.windows(2).all(|w| w[1].cumulative_pm >= w[0].cumulative_pm));
            for periods in [&e.quarters, &e.fiscal_years] {
                prop_assert!(close(periods.iter().map(|p| p.cost.low).sum(), e.cost.low));
                prop_assert!(close(periods.iter().map(|p| p.cost.likely).sum(), e.cost.likely));
                prop_assert!(close(periods.iter().map(|p| p.cost.high).sum(), e.cost.high));
                prop_assert!(close(periods.iter().map(|p| p.capacity).sum(), e.capacity.likely));
            }
            // MODEL.md 10.7: average <= peak <= the sum; the last start inside the plan
            for (average, peak, sum) in [
                (e.average_engineering_fte, e.peak_engineering_fte, e.engineering_fte),
                (e.average_development_fte, e.peak_development_fte, e.development_fte),
            ] {
                prop_assert!(average <= peak && peak <= sum, "{average} {peak} {sum}");
            }
            prop_assert!(e.staffed_by_month.is_none_or(|s| s >= Decimal::ZERO && s < duration));
            prop_assert!(close(e.components.total(), e.cost.likely));
            for end in [|t: &crate::engine::Triple| t.low, |t: &crate::engine::Triple| t.likely, |t: &crate::engine::Triple| t.high] {
                prop_assert!(close(e.phases.iter().map(|p| end(&p.cost)).sum(), end(&e.cost)));
                prop_assert!(close(e.phases.iter().map(|p| end(&p.capacity)).sum(), end(&e.capacity)));
            }
        }
    }
}

mod goals {
    //! MODEL.md 10.3: the completion month is inside the plan exactly when
    //! the capacity covers the goal; cost to deliver is continuous where
    //! the plan ends; a later start never brings the completion forward.

    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;

    use super::{close, seats, team};
    use crate::engine::tests::{hand_layers, scenario};
    use crate::estimate;

    /// Goals from 0.1 to 60 person-months in tenths.
    fn effort() -> impl Strategy<Value = Decimal> {
        (1i64..=600).prop_map(|tenths| Decimal::new(tenths, 1))
    }

    fn delivered(team: &str, months: u32, effort: Decimal, from: &str) -> crate::engine::Estimate {
        let goal = format!("goal: (effort_pm: {effort}),");
        let s = scenario(
            &months.to_string(),
            &team.replace(")", &format!("{from})")),
            &goal,
        );
        estimate(&s, &hand_layers()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn completion_inside_the_plan_exactly_when_capacity_covers_the_goal(
            team in team(), months in 1u32..=24, effort in effort()
        ) {
            let e = delivered(&seats(&team), months, effort, "");
            let d = e.delivery.clone().unwrap();
            let end = Decimal::from(months);
            match d.completion_month {
                Some(t) => prop_assert_eq!(t <= end, e.capacity.likely >= effort),
                None => prop_assert!(e.capacity.likely < effort),
            }
            // C(T) with T = D is the capacity
            prop_assert_eq!(d.delivered_pm, e.capacity.likely);
            prop_assert_eq!(d.on_time, d.completion_month.is_some_and(|t| t <= end));
        }

        #[test]
        fn cost_to_deliver_is_continuous_at_the_end(team in team(), months in 1u32..=24) {
            let capacity = delivered(&seats(&team), months, Decimal::ONE, "").capacity.likely;
            prop_assume!(capacity > Decimal::ZERO);
            let at_end = delivered(&seats(&team), months, capacity, "").delivery.unwrap();
            let past = delivered(&seats(&team), months, capacity + Decimal::new(1, 6), "").delivery.unwrap();
            let (x0, x1) = (at_end.cost_to_deliver.unwrap(), past.cost_to_deliver.unwrap());
            // a millionth of a person-month more costs at most a few cents
            prop_assert!(x1 >= x0 && x1 - x0 < Decimal::ONE, "{x0} then {x1}");
            prop_assert!(close(at_end.completion_month.unwrap(), Decimal::from(months)));
        }

        #[test]
        fn the_trials_path_agrees_with_the_exact_one(
            team in team(), months in 1u32..=24, effort in effort(), later in 0i64..=30
        ) {
            // f64 (the simulation's) and exact decimals (the reported
            // figures) through the same formula, at typical values
            prop_assume!(Decimal::new(later, 1) < Decimal::from(months));
            let opens = format!(", from_month: {}", Decimal::new(later, 1));
            let e = delivered(&seats(&team), months, effort, &opens);
            let d = e.delivery.clone().unwrap();
            let values: Vec<f64> = crate::engine::inputs::cost_values(&e.model.inputs, crate::range::Bound::Typical)
                .iter()
                .map(|v| v.to_f64().unwrap())
                .collect();
            let (t, x) = crate::engine::simulation::Sampler::new(&e.model).reach_at(&values);
            let near = |a: Option<f64>, b: Option<Decimal>| match (a, b) {
                (Some(a), Some(b)) => {
                    let b = b.to_f64().unwrap();
                    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
                }
                (None, None) => true,
                _ => false,
            };
            prop_assert!(near(t, d.completion_month), "{t:?} {:?}", d.completion_month);
            prop_assert!(near(x, d.cost_to_deliver), "{x:?} {:?}", d.cost_to_deliver);
        }

        #[test]
        fn a_later_start_never_brings_completion_forward(
            team in team(), months in 1u32..=24, effort in effort(), later in 1i64..=30
        ) {
            let early = delivered(&seats(&team), months, effort, "").delivery.unwrap();
            let opens = format!(", from_month: {}", Decimal::new(later, 1));
            prop_assume!(Decimal::new(later, 1) < Decimal::from(months));
            let late = delivered(&seats(&team), months, effort, &opens).delivery.unwrap();
            match (early.completion_month, late.completion_month) {
                (Some(a), Some(b)) => prop_assert!(b >= a, "{a} then {b}"),
                (None, Some(b)) => prop_assert!(false, "never, then {b}"),
                _ => {}
            }
        }
    }
}
