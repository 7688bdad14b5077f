//! Benchmarks of the deterministic engine on the shipped rate table.
//!
//! `cargo bench --bench engine`: one scenario, and 1,000 scenarios of six
//! seats over 24 months (the issue's target: under 50 ms on one core);
//! Monte Carlo of one scenario x 1,000,000 trials and 100 x 10,000.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use teamcost::engine::simulation::{DEFAULT_SEED, simulate};
use teamcost::source::Source;
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

fn setup() -> (Scenario, Layers) {
    let catalog = Catalog::embedded().expect("embedded rates");
    let scenario = Scenario::read(Source::new("bench.ron", SIX_SEATS)).expect("scenario");
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
    let mut many: Vec<_> = (0..100).map(|_| estimate.clone()).collect();
    group.throughput(Throughput::Elements(100 * 10_000));
    group.bench_function("100 scenarios x 10,000 trials (6 seats)", |b| {
        b.iter(|| teamcost::simulate_all(black_box(&mut many), 10_000, DEFAULT_SEED, &|_| {}))
    });
    group.finish();
}

criterion_group!(benches, engine, simulation);
criterion_main!(benches);
