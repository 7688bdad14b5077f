//! Benchmarks of the deterministic engine on the shipped rate table.
//!
//! `cargo bench --bench engine`: one scenario, and 1,000 scenarios of six
//! seats over 24 months (the issue's target: under 50 ms on one core);
//! Monte Carlo of one scenario x 1,000,000 trials and 100 x 10,000.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use teamcost::engine::simulation::{DEFAULT_SEED, simulate};
use teamcost::input::source::Source;
use teamcost::{Catalog, Layers, Scenario, estimate};

const SIX_SEATS: &str = r#"Scenario(
    name: "bench",
    stage: Production,
    duration_months: 24,
    location: "us",
    engagement: Hybrid,
    team: Seats([
        (role: "ai-engineer", level: Lead, engagement: InHouse),
        (role: "ai-engineer", level: Senior, count: 2, engagement: InHouse),
        (role: "mlops-engineer", level: Senior, engagement: InHouse, location: "germany"),
        (role: "data-engineer", level: Mid, engagement: Agency, location: "india"),
        (role: "ai-developer", level: Mid, count: 3, engagement: Agency, location: "poland"),
        (role: "prompt-engineer", level: Mid, allocation: 0.5, engagement: Agency, location: "uk"),
    ]),
)"#;

/// Five seats in two places, as a typical pilot.
const FIVE_SEATS: &str = r#"Scenario(
    name: "bench five",
    stage: Pilot,
    duration_months: 12,
    location: "us",
    engagement: InHouse,
    team: Seats([
        (role: "ai-engineer", level: Senior),
        (role: "mlops-engineer", level: Mid),
        (role: "ai-developer", level: Senior),
        (role: "ai-developer", level: Mid, count: 2, engagement: Agency, location: "poland"),
        (role: "prompt-engineer", level: Mid, allocation: 0.5, engagement: Agency, location: "poland"),
    ]),
)"#;

fn setup() -> (Scenario, Layers) {
    setup_from(SIX_SEATS)
}

fn setup_from(text: &str) -> (Scenario, Layers) {
    let catalog = Catalog::embedded().expect("embedded rates");
    let scenario = Scenario::read(Source::new("bench.ron", text)).expect("scenario");
    let layers = catalog.layers(&scenario.rates).expect("layers");
    (scenario, layers)
}

fn engine(c: &mut Criterion) {
    let (scenario, layers) = setup();
    c.bench_function("estimate 1 scenario (6 seats x 24 months)", |b| {
        b.iter(|| estimate(black_box(&scenario), black_box(&layers)).expect("estimate"))
    });
    let many: Vec<Scenario> = (0..1000).map(|_| scenario.clone()).collect();
    c.bench_function("estimate 1,000 scenarios (6 seats x 24 months)", |b| {
        b.iter(|| {
            many.iter()
                .map(|s| estimate(black_box(s), &layers).expect("estimate").cost.likely)
                .sum::<rust_decimal::Decimal>()
        })
    });
    c.bench_function("read the shipped rate table", |b| {
        b.iter(|| Catalog::embedded().expect("rates"))
    });
}

/// Run with RAYON_NUM_THREADS=1 for the one-core figures.
fn simulation(c: &mut Criterion) {
    let (scenario, layers) = setup();
    let estimate = estimate(&scenario, &layers).expect("estimate");
    let mut group = c.benchmark_group("simulate");
    group.sample_size(10);
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("1 scenario x 1,000,000 trials (6 seats)", |b| {
        b.iter(|| simulate(black_box(&estimate.model), 1_000_000, DEFAULT_SEED, &|_| {}))
    });
    let mut many: Vec<teamcost::Assessment> = (0..100)
        .map(|_| teamcost::Assessment::new(estimate.clone(), layers.clone()))
        .collect();
    group.throughput(Throughput::Elements(100 * 10_000));
    group.bench_function("100 scenarios x 10,000 trials (6 seats)", |b| {
        b.iter(|| {
            for a in black_box(&mut many) {
                a.simulate(10_000, DEFAULT_SEED, &|_| {});
            }
        })
    });
    group.finish();
}

/// Trials per second on one and on two threads, 10^7 trials of five seats
/// (the goals: at least 13M trials/s on one thread, two threads at least
/// 1.6x one).
fn threads(c: &mut Criterion) {
    let (scenario, layers) = setup_from(FIVE_SEATS);
    let estimate = estimate(&scenario, &layers).expect("estimate");
    let mut group = c.benchmark_group("simulate 10^7");
    group.sample_size(10);
    group.throughput(Throughput::Elements(10_000_000));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        group.bench_function(format!("5 seats x 10,000,000 trials, {threads} thread(s)"), |b| {
            b.iter(|| {
                pool.install(|| simulate(black_box(&estimate.model), 10_000_000, DEFAULT_SEED, &|_| {}))
            })
        });
    }
    group.finish();
    memory(&estimate, &layers);
}

/// Peak memory of a simulation, from the kernel's high-water mark of this
/// process (reset through /proc/self/clear_refs before each run; Linux
/// only, skipped elsewhere): it must not grow with the number of scenarios
/// and stay within 20 bytes per trial.
fn memory(estimate: &teamcost::Estimate, layers: &teamcost::Layers) {
    let high_water = || -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    let resident = || -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
        Some(kb * 1024)
    };
    const TRIALS: u32 = 10_000_000;
    for scenarios in [1usize, 8] {
        let mut many: Vec<teamcost::Assessment> = (0..scenarios)
            .map(|_| teamcost::Assessment::new(estimate.clone(), layers.clone()))
            .collect();
        if std::fs::write("/proc/self/clear_refs", "5").is_err() {
            eprintln!("peak memory: not measured (no /proc/self/clear_refs)");
            return;
        }
        let (Some(before), _) = (resident(), ()) else {
            return;
        };
        for a in &mut many {
            a.simulate(TRIALS, DEFAULT_SEED, &|_| {});
        }
        let Some(peak) = high_water() else { return };
        let extra = peak.saturating_sub(before);
        eprintln!(
            "peak memory, {scenarios} scenario(s) x {TRIALS} trials: {:.1} MB above the start, {:.1} bytes per trial",
            extra as f64 / 1e6,
            extra as f64 / f64::from(TRIALS)
        );
    }
}

/// A 36-month plan of 20 seats in three phases, with seat windows, raises,
/// attrition and a cost line (the plan benchmark of issue 10), beside a
/// single-stage scenario of the same 20 seats and length.
fn plan_text(phased: bool) -> String {
    let mut seats = Vec::new();
    let roles = [
        ("ai-developer", "Development"),
        ("ai-engineer", "Engineering"),
        ("mlops-engineer", "Engineering"),
        ("data-engineer", "Engineering"),
        ("prompt-engineer", "Development"),
    ];
    let places = ["us", "uk", "germany", "poland"];
    for i in 0..20 {
        let (role, _) = roles[i % roles.len()];
        let level = ["Junior", "Mid", "Senior", "Lead"][i % 4];
        let place = places[i % places.len()];
        let engagement = if i % 3 == 0 { "Agency" } else { "InHouse" };
        let window = if phased {
            format!(", from_month: {}, until_month: {}", i % 12, 24 + i % 13)
        } else {
            String::new()
        };
        seats.push(format!(
            "(role: \"{role}\", level: {level}, location: \"{place}\", engagement: {engagement}{window})"
        ));
    }
    let (stage, costs) = if phased {
        (
            "phases: [(stage: Prototype, until_month: 6), (stage: Pilot, until_month: 15), (stage: Production)],",
            "costs: [(name: \"LLM API\", monthly: (low: 1500, typical: 3000, high: 8000), from_month: 3, currency: \"USD\")],",
        )
    } else {
        ("stage: Production,", "")
    };
    format!(
        "Scenario(name: \"plan\", {stage} duration_months: 36, location: \"us\", engagement: Hybrid, {costs} team: Seats([{}]))",
        seats.join(", ")
    )
}

fn plans(c: &mut Criterion) {
    let catalog = Catalog::embedded().expect("embedded rates");
    let mut group = c.benchmark_group("plan 36 months x 20 seats");
    group.sample_size(10);
    for (label, phased) in [("single stage", false), ("three phases", true)] {
        let text = plan_text(phased);
        let scenario = Scenario::read(Source::new("plan.ron", &text)).expect("plan reads");
        let layers = with_raises_and_attrition(catalog.layers(&scenario.rates).expect("layers"));
        let estimate = estimate(&scenario, &layers).expect("estimate");
        group.throughput(Throughput::Elements(1));
        group.bench_function(format!("{label}: deterministic"), |b| {
            b.iter(|| teamcost::estimate(black_box(&scenario), &layers).expect("estimate"))
        });
        group.throughput(Throughput::Elements(100_000));
        group.bench_function(format!("{label}: 100,000 trials"), |b| {
            b.iter(|| simulate(black_box(&estimate.model), 100_000, DEFAULT_SEED, &|_| {}))
        });
    }
    group.finish();
}

/// The layers with a yearly raise, agency increase and attrition ranged in
/// every place, so the plan benchmark exercises every term of MODEL.md 8.2.
fn with_raises_and_attrition(layers: Layers) -> Layers {
    use std::sync::Arc;
    let tables = layers
        .tables()
        .iter()
        .map(|t| {
            let mut t = (**t).clone();
            for location in t.locations.values_mut() {
                let r = |l: i64, ty: i64, h: i64| {
                    teamcost::range::Range::new(
                        rust_decimal::Decimal::new(l, 2),
                        rust_decimal::Decimal::new(ty, 2),
                        rust_decimal::Decimal::new(h, 2),
                    )
                    .expect("ordered")
                };
                location.value.in_house.annual_raise = r(2, 4, 6);
                location.value.in_house.attrition = r(8, 13, 20);
                location.value.in_house.availability = r(85, 89, 92);
                location.value.agency.annual_increase = r(0, 3, 5);
            }
            Arc::new(t)
        })
        .collect();
    Layers::new(tables).expect("layers")
}

/// A 20-seat plan over 36 months: seats opening and ending across it, in
/// three places, half in-house and half through agencies.
fn twenty_seats() -> String {
    let roles = [
        "ai-engineer",
        "ai-developer",
        "mlops-engineer",
        "data-engineer",
        "prompt-engineer",
    ];
    let levels = ["Junior", "Mid", "Senior", "Lead"];
    let places = ["us", "germany", "poland"];
    let seats: Vec<String> = (0..20)
        .map(|i| {
            let engagement = if i % 2 == 0 { "InHouse" } else { "Agency" };
            let until = if i % 5 == 4 {
                format!(", until_month: {}", 12 + i)
            } else {
                String::new()
            };
            format!(
                r#"(role: "{}", level: {}, location: "{}", engagement: {engagement}, from_month: {}{until})"#,
                roles[i % 5],
                levels[i % 4],
                places[i % 3],
                i % 10
            )
        })
        .collect();
    format!(
        "Scenario(name: \"bench twenty\", stage: Production, duration_months: 36, location: \"us\", \
         engagement: Hybrid, team: Seats([{}]))",
        seats.join(", ")
    )
}

/// Simulation with a goal against the same scenario without one (MODEL.md
/// 10.3: completion and cost to deliver per trial), per trial: the 5-seat
/// reference and a 20-seat 36-month plan, 100,000 trials each.
fn goals(c: &mut Criterion) {
    const TRIALS: u32 = 100_000;
    let twenty = twenty_seats();
    for (name, text, goal) in [
        (
            "5 seats x 12 months",
            FIVE_SEATS.to_string(),
            "goal: (effort_pm: 40),",
        ),
        ("20 seats x 36 months", twenty, "goal: (effort_pm: 400),"),
    ] {
        let with = text.replacen("team: Seats(", &format!("{goal} team: Seats("), 1);
        let mut group = c.benchmark_group(format!("simulate {name}"));
        group.throughput(Throughput::Elements(u64::from(TRIALS)));
        group.sample_size(10);
        for (label, text) in [("without a goal", &text), ("with a goal", &with)] {
            let (scenario, layers) = setup_from(text);
            let e = estimate(&scenario, &layers).expect("estimate");
            group.bench_function(label, |b| {
                b.iter(|| simulate(black_box(&e.model), TRIALS, DEFAULT_SEED, &|_| {}))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, engine, simulation, threads, plans, goals);
criterion_main!(benches);
