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

mod exact {
    //! The summary, the histogram, the seeding and the sampler, exactly.
    //!
    //! The fixture is a model with one ranged input: an agency developer
    //! (hand table) for 6 months with every input fixed at its typical
    //! value but the hourly rate, PERT(80, 100, 125). Each trial costs
    //! 160 h x 6 months = 960 times its draw of the rate, inside [76800,
    //! 120000], and has capacity 6 (start 0, no ramp, productivity 1).
    //! Over two trials the histogram's min and max are the trials
    //! themselves, so the percentiles can be worked from them by hand.

    use super::super::inputs::InputKind;
    use super::super::model::CostModel;
    use super::super::simulation::{Histogram, Simulation, simulate};
    use super::super::tests::{hand_layers, scenario};
    use crate::estimate;
    use crate::range::Range;

    /// 40 equal bins.
    const BINS: usize = Histogram::BINS;
    /// Trials per chunk of the simulation (`simulation::CHUNK`).
    const CHUNK: u32 = 2048;
    /// The chunk seeding's multiplier: chunk c of seed s runs a generator
    /// seeded with s ^ c x this (wrapping).
    const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

    /// The model of one developer for 6 months with `extra` (cost lines);
    /// only the agency rate and the cost lines' inputs keep their ranges.
    fn model(extra: &str) -> CostModel {
        let seat = r#"(role: "ai-developer", level: Mid, engagement: Agency)"#;
        let e = estimate(&scenario("6", seat, extra), &hand_layers()).expect("estimate");
        let mut model = e.model;
        for input in &mut model.inputs {
            if !matches!(
                input.kind,
                InputKind::AgencyRate | InputKind::CostMonthly | InputKind::CostOnce
            ) {
                input.range = Range::single(input.range.typical());
            }
        }
        model
    }

    fn run(trials: u32, seed: u64) -> Simulation {
        simulate(&model(""), trials, seed, &|_| {})
    }

    /// The bin of `v` in `h`, as the histogram bins: floor((v - min) /
    /// width), the largest value in the last bin.
    fn bin(h: &Histogram, v: f64) -> usize {
        (((v - h.min) / h.width) as usize).min(BINS - 1)
    }

    fn close(x: f64, y: f64) -> bool {
        (x - y).abs() <= 1e-9 * y.abs()
    }

    #[test]
    fn two_trials_interpolate_between_them() {
        for seed in [1, 2, 3] {
            let sim = run(2, seed);
            let (h, c) = (&sim.histogram, sim.cost);
            let (a, b) = (h.min, h.max);
            assert!(76_800.0 <= a && a < b && b <= 120_000.0, "{a} {b}");
            // R's type 7 over n = 2: rank h = (n - 1) p = p lies between
            // the smaller (rank 0) and the larger (rank 1) at fraction p
            assert_eq!(c.p10, a + (b - a) * 0.1, "{seed}");
            assert_eq!(c.p50, a + (b - a) * 0.5, "{seed}");
            assert_eq!(c.p90, a + (b - a) * 0.9, "{seed}");
            assert_eq!(c.mean, (a + b) / 2.0, "{seed}");
            // 40 bins of (b - a) / 40: a in the first, b (at 40 widths) in
            // the last
            assert_eq!(h.width, (b - a) / 40.0);
            let mut counts = vec![0; BINS];
            counts[0] = 1;
            counts[BINS - 1] = 1;
            assert_eq!((&h.counts, h.total), (&counts, 2));
            // the capacity is 6 in each trial
            let k = sim.capacity;
            assert_eq!([k.p10, k.p50, k.p90, k.mean], [6.0; 4]);
        }
    }

    #[test]
    fn three_trials_the_median_is_the_middle_one() {
        for seed in [1, 2, 3] {
            let sim = run(3, seed);
            let (h, c) = (&sim.histogram, sim.cost);
            // n = 3, ranks (n - 1) p: p10 at 0.2 (between 0 and 1), p50 at
            // 1 exactly (the middle value b), p90 at 1.8 (between 1 and 2)
            let (a, b, z) = (h.min, c.p50, h.max);
            assert!(a < b && b < z, "{a} {b} {z}");
            assert!(
                close(c.mean, (a + b + z) / 3.0),
                "{} vs {}",
                c.mean,
                (a + b + z) / 3.0
            );
            assert_eq!(c.p10, a + (b - a) * 0.2, "{seed}");
            assert_eq!(c.p90, b + (z - b) * (2.0 * 0.9 - 1.0), "{seed}");
            // a in the first bin, z in the last, b in bin floor((b - a) / w)
            let mut counts = vec![0; BINS];
            counts[0] += 1;
            counts[bin(h, b)] += 1;
            counts[BINS - 1] += 1;
            assert_eq!(h.counts, counts, "{seed}");
            assert_eq!(h.total, 3);
        }
    }

    #[test]
    fn four_trials_each_percentile_between_its_ranks() {
        for seed in [1, 2, 3] {
            let sim = run(4, seed);
            let (h, c) = (&sim.histogram, sim.cost);
            // n = 4, ranks 3p: p10 at 0.3 (between a and b), p50 at 1.5
            // (between b and c), p90 at 2.7 (between c and d). a and d are
            // the histogram's ends; b follows from p10 and c from p90, and
            // then p50 and the mean must agree with them.
            let (a, d) = (h.min, h.max);
            let f10 = 3.0 * 0.1;
            let f90 = 3.0 * 0.9 - 2.0;
            let b = a + (c.p10 - a) / f10;
            let c3 = (c.p90 - d * f90) / (1.0 - f90);
            assert!(a < b && b < c3 && c3 < d, "{a} {b} {c3} {d}");
            assert!(
                close(c.p50, (b + c3) / 2.0),
                "p50 {} vs {}",
                c.p50,
                (b + c3) / 2.0
            );
            assert!(
                close(c.mean, (a + b + c3 + d) / 4.0),
                "mean {} vs {}",
                c.mean,
                (a + b + c3 + d) / 4.0
            );
            let mut counts = vec![0; BINS];
            for v in [a, b, c3, d] {
                counts[bin(h, v)] += 1;
            }
            assert_eq!(h.counts, counts, "{seed}");
        }
    }

    #[test]
    fn the_histogram_and_the_percentiles_agree() {
        let e = super::hand_estimate("12");
        for trials in [10_000, 777] {
            let sim = simulate(&e.model, trials, 5, &|_| {});
            let h = &sim.histogram;
            let n = u64::from(trials);
            assert_eq!(h.width, (h.max - h.min) / 40.0);
            assert_eq!((h.counts.len(), h.total), (BINS, n));
            assert_eq!(h.counts.iter().sum::<u64>(), n);
            // the smallest value opens the first bin, the largest the last
            assert!(h.counts[0] >= 1 && h.counts[BINS - 1] >= 1, "{:?}", h.counts);
            // A percentile p lies between the values of ranks i = floor((n
            // - 1) p) and i + 1, and binning keeps order, so at most i + 1
            // values fall in bins below its bin, at least i + 1 in its bin
            // and below.
            for (p, v) in [(0.1, sim.cost.p10), (0.5, sim.cost.p50), (0.9, sim.cost.p90)] {
                let i = ((n - 1) as f64 * p).floor() as u64;
                // the values of ranks 0 to i
                let ranks = i + 1;
                let k = bin(h, v);
                let below: u64 = h.counts[..k].iter().sum();
                let upto = below + h.counts[k];
                assert!(
                    below <= ranks && ranks <= upto,
                    "p{p}: bin {k}, {below} below, {upto} up to, rank {i}"
                );
            }
        }
    }

    #[test]
    fn one_chunk_depends_on_the_seed() {
        // 1000 trials are one chunk (chunk 0): seeds 1 and 2 must differ
        let (a, b) = (run(1000, 1), run(1000, 2));
        assert_ne!(a.cost, b.cost);
        assert_ne!(a.histogram, b.histogram);
    }

    #[test]
    fn chunk_c_of_seed_s_draws_as_chunk_0_of_seed_s_xor_c_golden() {
        // Three chunks of seed 1, and each chunk on its own as the first
        // (and only) chunk of seed 1 ^ c x GOLDEN: the whole run's smallest
        // and largest trial are the parts' and its mean is theirs.
        let seed = 1;
        let whole = run(3 * CHUNK, seed);
        let parts: Vec<Simulation> = (0..3u64)
            .map(|c| run(CHUNK, seed ^ c.wrapping_mul(GOLDEN)))
            .collect();
        let min = parts
            .iter()
            .map(|p| p.histogram.min)
            .fold(f64::INFINITY, f64::min);
        let max = parts
            .iter()
            .map(|p| p.histogram.max)
            .fold(f64::NEG_INFINITY, f64::max);
        assert_eq!((whole.histogram.min, whole.histogram.max), (min, max));
        let mean = parts.iter().map(|p| p.cost.mean).sum::<f64>() / 3.0;
        assert!(close(whole.cost.mean, mean), "{} vs {mean}", whole.cost.mean);
        // the parts differ from one another
        assert_ne!(parts[0].cost, parts[1].cost);
        assert_ne!(parts[1].cost, parts[2].cost);
    }

    #[test]
    fn odd_trial_counts_draw_the_last_trial_too() {
        // Draws come in pairs from 64 random bits; an odd block ends with
        // one draw of its own. With 1 trial that is the only draw: over 200
        // seeds each lies in [76800, 120000] and their mean is near the
        // PERT mean 960 x (80 + 4 x 100 + 125) / 6 = 960 x 100.8333 =
        // 96800 (standard deviation about 960 x 45 / 6 = 7200, so the
        // standard error of 200 is about 510).
        let mut sum = 0.0;
        for seed in 0..200 {
            let sim = run(1, seed);
            let (h, c) = (&sim.histogram, sim.cost);
            assert!(76_800.0 <= h.min && h.max <= 120_000.0, "{seed}: {}", h.min);
            assert_eq!((h.min, c.p10, c.p90, c.mean), (h.max, h.max, h.max, h.max));
            sum += c.mean;
        }
        let mean = sum / 200.0;
        assert!((mean - 96_800.0).abs() < 2_000.0, "{mean}");
        // and in larger odd runs: 3 (a pair and one), 513 (a second block
        // of one), 2049 (a second chunk of one)
        for trials in [3, 513, 2049] {
            let h = run(trials, 9).histogram;
            assert!(
                76_800.0 <= h.min && h.max <= 120_000.0,
                "{trials}: {} {}",
                h.min,
                h.max
            );
        }
    }

    #[test]
    fn cost_lines_are_simulated() {
        // A GPU line: PERT(500, 900, 2000) a month over the 6 months and
        // 7000 once at month 0, beside the developer at a fixed 100 an
        // hour: 96000 + 6 m + 7000, inside [106000, 115000], with mean
        // 103000 + 6 x (500 + 4 x 900 + 2000) / 6 = 103000 + 6100 = 109100.
        let gpu = r#"costs: [(name: "GPU", monthly: (low: 500, typical: 900, high: 2000), once: 7000)],"#;
        let mut model = model(gpu);
        for input in &mut model.inputs {
            if input.kind == InputKind::AgencyRate {
                input.range = Range::single(input.range.typical());
            }
        }
        let sim = simulate(&model, 20_000, 11, &|_| {});
        let h = &sim.histogram;
        assert!(106_000.0 <= h.min && h.max <= 115_000.0, "{} {}", h.min, h.max);
        // standard deviation 6 x 1500 / 6 = 1500, standard error ~11
        assert!((sim.cost.mean - 109_100.0).abs() < 100.0, "{}", sim.cost.mean);
        // capacity is the developer's alone
        assert_eq!(sim.capacity.mean, 6.0);
    }
}

mod goals {
    //! MODEL.md 10.3 and 10.8 in the simulation: completion, cost to
    //! deliver and the on-time share trial by trial, the cost per
    //! person-month as a ratio per trial.

    use super::*;

    fn with_goal(goal: &str) -> Estimate {
        estimate(&scenario("12", TEAM, &format!("goal: {goal},")), &hand_layers()).expect("estimate")
    }

    #[test]
    fn the_same_seed_gives_the_same_goal_figures_on_1_2_and_7_threads() {
        let e = with_goal("(effort_pm: 30, by_month: 11)");
        let run = |threads| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool")
                .install(|| simulate(&e.model, 30_000, 7, &|_| {}))
        };
        let one = run(1);
        assert!(one.goal.is_some());
        assert_eq!(one, run(2));
        assert_eq!(one, run(7));
    }

    #[test]
    fn percentiles_are_ordered_and_the_share_is_of_trials_on_time() {
        // the simulated median completion lies within a month of the
        // likely one
        let e = with_goal("(effort_pm: 30, by_month: 11)");
        let likely = e
            .delivery
            .clone()
            .expect("goal")
            .completion_month
            .expect("reached");
        let sim = simulate(&e.model, 20_000, DEFAULT_SEED, &|_| {});
        let g = sim.goal.expect("a goal");
        let (t, x) = (g.completion_month, g.cost_to_deliver);
        let (t10, t50, t90) = (t.p10.unwrap(), t.p50.unwrap(), t.p90.unwrap());
        assert!(t10 <= t50 && t50 <= t90, "{t:?}");
        assert!((decimal(t50) - likely).abs() < Decimal::ONE, "{t50} vs {likely}");
        assert!(x.p10.unwrap() <= x.p50.unwrap() && x.p50.unwrap() <= x.p90.unwrap());
        assert!(
            g.on_time_share > 0.0 && g.on_time_share < 1.0,
            "{}",
            g.on_time_share
        );
        // by the end of any trial's completion everyone is on time
        let late = with_goal("(effort_pm: 30, by_month: 12)");
        let share = simulate(&late.model, 20_000, DEFAULT_SEED, &|_| {})
            .goal
            .unwrap()
            .on_time_share;
        assert!(share >= g.on_time_share);
        // no goal, no goal figures
        let none = simulate(&hand_estimate("12").model, 1_000, 1, &|_| {});
        assert_eq!(none.goal, None);
    }

    #[test]
    fn the_band_of_cumulative_output_rises_and_ends_at_the_capacity_range() {
        let e = with_goal("(effort_pm: 30, by_month: 11)");
        let sim = simulate(&e.model, 50_000, DEFAULT_SEED, &|_| {});
        let band = sim.goal.expect("a goal").output_band;
        assert_eq!(band.len(), 12);
        for (m, (lo, hi)) in band.iter().enumerate() {
            assert!(lo <= hi, "month {}: {lo} > {hi}", m + 1);
        }
        for pair in band.windows(2) {
            assert!(pair[0].0 <= pair[1].0 && pair[0].1 <= pair[1].1, "{pair:?}");
        }
        // at D the band is the simulated capacity's p10-p90 over the
        // first trials: inside the deterministic capacity range
        let (lo, hi) = band[11];
        assert!(decimal(lo) >= e.capacity.low && decimal(hi) <= e.capacity.high);
        // the band is read from the first trials only: the same with more
        let more = simulate(&e.model, 100_000, DEFAULT_SEED, &|_| {});
        assert_eq!(more.goal.expect("a goal").output_band, band);
    }

    #[test]
    fn a_goal_never_reached_in_some_trials_has_open_percentiles() {
        // one engineer until month 2 of 12: hired in 0 to 26 weeks (6
        // months at the high end), so in most trials never started: the
        // goal of 1 person-month is never reached there, and no seat works
        // at the end
        let seat = r#"(role: "ai-engineer", level: Senior, until_month: 2)"#;
        let e = estimate(&scenario("12", seat, "goal: (effort_pm: 0.5),"), &hand_layers()).expect("estimate");
        let sim = simulate(&e.model, 5_000, 3, &|_| {});
        let g = sim.goal.expect("a goal");
        assert_eq!(g.completion_month.p90, None);
        assert_eq!(g.cost_to_deliver.p90, None);
        assert_eq!(g.cost_to_deliver.mean, None);
        assert!(g.on_time_share < 0.5, "{}", g.on_time_share);
    }

    #[test]
    fn the_cost_per_person_month_is_a_ratio_per_trial() {
        // the ratio's p10-p90 lies inside the deterministic corners (low
        // cost over high capacity, high over low), and is far narrower
        let e = hand_estimate("12");
        let sim = simulate(&e.model, 20_000, DEFAULT_SEED, &|_| {});
        let corners = e.cost_per_pm().expect("capacity");
        let (p10, p90) = (
            decimal(sim.cost_per_pm.p10.unwrap()),
            decimal(sim.cost_per_pm.p90.unwrap()),
        );
        assert!(
            corners.low < p10 && p10 < p90 && p90 < corners.high,
            "{p10} {p90} {corners:?}"
        );
        assert!((p90 - p10) * Decimal::TWO < corners.high - corners.low);
        // a team that delivers nothing has an unbounded ratio
        let never = r#"(role: "ai-engineer", level: Senior, from_month: 11.9)"#;
        let e = estimate(&scenario("12", never, ""), &hand_layers()).expect("estimate");
        let sim = simulate(&e.model, 1_000, 1, &|_| {});
        assert_eq!(sim.cost_per_pm.p90, None);
    }
}
