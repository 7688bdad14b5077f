//! Simulation: inside the deterministic range, ordered, reproducible on any
//! number of threads, and close across seeds.

use super::simulation::{DEFAULT_SEED, simulate};
use super::tests::{hand_layers, scenario};
use super::*;
use crate::engine::simulation::decimal;
use crate::estimate;

const TEAM: &str = r#"(role: "ai-engineer", level: Senior, count: 2), (role: "ai-developer", level: Mid, count: 3, allocation: 0.5, engagement: Agency)"#;

fn hand_estimate(duration: &str) -> Estimate {
    estimate(&scenario(duration, TEAM, ""), &hand_layers()).expect("estimate")
}

#[test]
fn simulated_figures_lie_inside_the_range_and_are_ordered() {
    for duration in ["2", "4.5", "12", "30"] {
        let e = hand_estimate(duration);
        let sim = simulate(&e.model, 20_000, DEFAULT_SEED, &|_| {});
        let (low, high) = (e.cost.low, e.cost.high);
        let first = decimal(sim.histogram.min);
        let last = decimal(sim.histogram.max);
        assert!(
            first >= low - Decimal::ONE && last <= high + Decimal::ONE,
            "{duration}: {first}..{last} outside {low}..{high}"
        );
        let c = sim.cost;
        assert!(c.p10 <= c.p50 && c.p50 <= c.p90, "{c:?}");
        let k = sim.capacity;
        assert!(k.p10 <= k.p50 && k.p50 <= k.p90, "{k:?}");
        assert!(
            decimal(k.p10) >= e.capacity.low - Decimal::new(1, 6)
                && decimal(k.p90) <= e.capacity.high + Decimal::new(1, 6)
        );
    }
}

#[test]
fn same_seed_same_figures_on_one_and_four_threads() {
    let e = hand_estimate("12");
    let run = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool")
            .install(|| simulate(&e.model, 50_000, 7, &|_| {}))
    };
    assert_eq!(run(1), run(4));
}

#[test]
fn another_seed_gives_different_but_close_figures() {
    let e = hand_estimate("12");
    let a = simulate(&e.model, 20_000, 1, &|_| {});
    let b = simulate(&e.model, 20_000, 2, &|_| {});
    assert_ne!(a.cost, b.cost);
    for (x, y) in [
        (a.cost.p10, b.cost.p10),
        (a.cost.p50, b.cost.p50),
        (a.cost.p90, b.cost.p90),
        (a.cost.mean, b.cost.mean),
    ] {
        assert!((x - y).abs() / x < 0.01, "{x} vs {y}");
    }
}

#[test]
fn a_model_with_no_spread_simulates_to_its_likely_figure() {
    // the agency seat alone with a fixed rate: overlay the range away
    let e = estimate(
        &scenario(
            "6",
            r#"(role: "ai-developer", level: Mid, engagement: Agency)"#,
            "",
        ),
        &hand_layers(),
    )
    .expect("estimate");
    let mut model = e.model.clone();
    for input in &mut model.inputs {
        input.range = crate::range::Range::single(input.range.typical());
    }
    let sim = simulate(&model, 1000, 3, &|_| {});
    // 100 * 160 * 6 = 96000 in every trial
    assert_eq!(sim.cost.p10, 96000.0);
    assert_eq!(sim.cost.mean, 96000.0);
}

#[test]
fn simulated_mean_matches_the_pert_means_worked_by_hand() {
    let e = estimate(
        &scenario(
            "12",
            r#"(role: "ai-engineer", level: Senior), (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#,
            "",
        ),
        &hand_layers(),
    )
    .expect("estimate");
    let sim = simulate(&e.model, 200_000, DEFAULT_SEED, &|_| {});
    // A PERT(min, mode, max) has mean (min + 4 mode + max) / 6; the inputs are
    // independent and each seat's cost is a sum of products of independent
    // inputs, so the means multiply through:
    // engineer: E[S] = (108000 + 480000 + 144000) / 6 = 122000, E[burden] = 1.3,
    //   E[fee] = (0.1 + 0.6 + 0.2) / 6 = 0.15, E[hire] = 13 wk -> E[active] = 9
    //   122000 / 12 * (1.3 + 0.1) * 9 + 600 * 9 + 122000 * 0.15 = 128100 + 5400 + 18300 = 151800
    // developers: E[h] = (80 + 400 + 125) / 6 = 100.8333, E[start] = 13 / 6 wk = 0.5 months
    //   100.8333 * 160 * (12 - 0.5) = 185533.33
    let expected = 151_800.0 + 185_533.33;
    assert!(
        (sim.cost.mean - expected).abs() / expected < 0.005,
        "{} vs {expected}",
        sim.cost.mean
    );
}

mod f64_path {
    //! The simulation reads the one seat formula in f64; the reported
    //! figures read it in exact decimals. Over random inputs, currencies
    //! and durations the two agree to a relative 1e-9.

    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;

    use crate::engine::tests::{GERMANY, HAND_TABLE, POLAND, table};
    use crate::input::source::Source;
    use crate::rates::Layers;
    use crate::scenario::Scenario;

    fn close(exact: Decimal, fast: f64) -> bool {
        let exact = exact.to_f64().unwrap_or(f64::NAN);
        (exact - fast).abs() <= 1e-9 * exact.abs().max(1.0)
    }

    proptest! {
        #[test]
        fn the_f64_formula_matches_the_exact_one(
            currency in prop::sample::select(vec!["USD", "EUR", "PLN"]),
            tenths in 1i64..=360,
            fractions in prop::collection::vec(0u32..=1000, 32),
        ) {
            // the German place with every term of MODEL.md 8.2 ranged
            let mut de = crate::rates::RateTable::read(Source::new("de.ron", GERMANY)).expect("de");
            let terms = &mut de.locations.get_mut("de").expect("de").value;
            let r = |l: i64, t: i64, h: i64| crate::range::Range::new(Decimal::new(l, 2), Decimal::new(t, 2), Decimal::new(h, 2)).expect("range");
            terms.in_house.availability = r(85, 90, 95);
            terms.in_house.attrition = r(5, 12, 30);
            terms.in_house.annual_raise = r(2, 4, 8);
            terms.agency.annual_increase = r(0, 3, 6);
            de.productivity = Some([(crate::vocabulary::Level::Senior, r(110, 130, 150))].into_iter().collect());
            // skill premiums on an in-house and an agency seat (MODEL.md 3)
            let layers = Layers::new(vec![
                table(HAND_TABLE),
                table(POLAND),
                std::sync::Arc::new(de),
                table(crate::engine::premium_tests::PREMIUMS),
            ])
            .expect("layers");
            let text = format!(
                "Scenario(name: \"x\", stage: Pilot, duration_months: {}, location: \"de\", engagement: InHouse, \
                 currency: \"{currency}\", rates: [\"hand\", \"pl\", \"de\", \"skills\"], team: Seats([\
                 (role: \"ai-engineer\", level: Senior, count: 3, skills: [\"genai\", \"cloud\"]), \
                 (role: \"ai-developer\", level: Mid, engagement: Agency, allocation: 0.5, skills: [\"genai\"]), \
                 (role: \"ai-engineer\", level: Senior, location: \"us\"), \
                 (role: \"ai-engineer\", level: Senior, location: \"pl\"), \
                 (role: \"ai-developer\", level: Mid, location: \"pl\", engagement: Agency)]))",
                Decimal::new(tenths, 1)
            );
            let mut s = Scenario::read(Source::new("x.ron", &text)).expect("scenario");
            if let crate::scenario::Team::Seats(seats) = &mut s.team {
                seats[0].from_month = Decimal::new(15, 1);
                seats[0].until_month = Some(Decimal::new(tenths, 1));
            }
            s.costs = vec![crate::scenario::CostLine {
                name: crate::input::origin::Located::new("GPU".into(), crate::input::origin::Origin::new("x.ron")),
                monthly: crate::range::Range::new(Decimal::from(500), Decimal::from(900), Decimal::from(2000)).expect("range"),
                once: crate::range::Range::single(Decimal::from(7000)),
                from_month: Decimal::ZERO,
                until_month: None,
                currency: None,
            }];
            let e = crate::estimate(&s, &layers).expect("estimate");
            let model = &e.model;
            for premium in ["premium genai salary", "premium cloud salary", "premium genai agency"] {
                prop_assert!(model.inputs.iter().any(|i| i.to_string() == premium), "{premium}");
            }
            // each input somewhere in its range
            let values: Vec<Decimal> = model
                .inputs
                .iter()
                .zip(fractions.iter().cycle())
                .map(|(i, f)| {
                    let r = i.range;
                    r.low() + (r.high() - r.low()) * Decimal::new(i64::from(*f), 3)
                })
                .collect();
            let fast: Vec<f64> = values.iter().map(|v| v.to_f64().expect("f64")).collect();
            let d = model.duration;
            for seat in &model.seats {
                let exact = seat.terms(&values, d);
                let f = seat
                    .formula
                    .map(|x| x.to_f64().expect("f64"))
                    .terms(|i| fast[i], crate::engine::model::horizon(d));
                let (cost, capacity) = (exact.cost().get().expect("cost"), exact.capacity().get().expect("capacity"));
                prop_assert!(close(cost, f.cost()), "cost {cost} vs {}", f.cost());
                prop_assert!(close(capacity, f.capacity()), "capacity {capacity} vs {}", f.capacity());
            }
            for line in &model.lines {
                let exact = line.cost_within(&values, d, Decimal::ZERO, d).get().expect("line");
                let fast_cost = line
                    .formula
                    .map(|x| x.to_f64().expect("f64"))
                    .cost_within(|i| fast[i], d.to_f64().expect("f64"), 0.0, d.to_f64().expect("f64"));
                prop_assert!(close(exact, fast_cost), "line {exact} vs {fast_cost}");
            }
        }
    }
}
