//! Benchmarks of the assessment pipeline on the shipped scenarios and rate
//! table, as the commands run it (the rate directory read each time, as a
//! process does): `compare` and `report` at the default 10,000 trials, and
//! `check` of a thousand scenario files.
//!
//! `cargo bench --bench pipeline`. Issue 17's goals, for whole commands on
//! the 2-core machine: `report` at most half its CPU time before (117 ms),
//! `compare` at most 35 ms, `check` of 10,000 files at most 5 s.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use teamcost::engine::simulation::{DEFAULT_SEED, DEFAULT_TRIALS};
use teamcost::pipeline::{Scale, Silent, Trials};
use teamcost::report::document::{Document, Figure, Made};
use teamcost::report::{Format, Width};
use teamcost::{Catalog, Request};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shipped() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("scenarios"))
        .expect("scenarios/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

fn request() -> Request {
    Request {
        scale: Scale::Shared,
        simulation: Some(Trials {
            trials: DEFAULT_TRIALS,
            seed: DEFAULT_SEED,
        }),
        ..Request::files(shipped())
    }
}

fn catalog() -> Catalog {
    Catalog::load(&[root().join("rates")]).expect("rates")
}

/// `teamcost compare scenarios/*.ron`, but for printing.
fn compare(c: &mut Criterion) {
    let request = request();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(20);
    group.bench_function("compare the 11 shipped scenarios, 10,000 trials", |b| {
        b.iter(|| {
            let assessed = teamcost::assess(&catalog(), black_box(&request), &Silent).expect("assessed");
            teamcost::report::comparison(&assessed.assessments, Format::Table, Width::Unlimited)
        })
    });
    group.finish();
}

/// `teamcost report scenarios/*.ron -o report.html`, but for writing it.
fn report(c: &mut Criterion) {
    let request = request();
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function("report of the 11 shipped scenarios, 10,000 trials", |b| {
        b.iter(|| {
            let estimates = teamcost::assess(&catalog(), black_box(&request), &Silent)
                .expect("assessed")
                .assessments;
            let figures: Vec<Figure> = teamcost::plot::planned(&estimates, true)
                .into_iter()
                .filter_map(|p| {
                    let data = teamcost::plot::ChartData {
                        estimates: &estimates[p.of.clone()],
                        budget: None,
                    };
                    let svg = teamcost::plot::draw(p.kind, &data).ok()?;
                    Some(Figure {
                        title: p.title,
                        svg,
                        file: p.file,
                    })
                })
                .collect();
            let assumptions = teamcost::report::assumptions::gather(&estimates);
            let briefs = teamcost::brief::gather(&estimates);
            teamcost::report::document::html(&Document {
                title: "bench",
                made: Made {
                    at: jiff::Timestamp::from_second(1_767_225_600).expect("a time"),
                    trials: DEFAULT_TRIALS,
                    seed: DEFAULT_SEED,
                },
                estimates: &estimates,
                assumptions: &assumptions,
                briefs: &briefs,
                figures: &figures,
            })
        })
    });
    group.finish();
}

/// `teamcost check DIR` of 1,000 scenario files (copies of the shipped
/// ones); the goal's 10,000 take ten times as long.
fn check(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = shipped();
    for i in 0..1000 {
        let from = &files[i % files.len()];
        std::fs::copy(from, dir.path().join(format!("s{i:04}.ron"))).expect("copy");
    }
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function("check of 1,000 scenario files", |b| {
        b.iter(|| {
            let (catalog, problems) = Catalog::load_lenient(&[root().join("rates")]).expect("rates");
            let files = teamcost::check::expand(&[dir.path().to_path_buf()]).expect("files");
            teamcost::check::check(&files, &catalog, problems)
        })
    });
    group.finish();
}

criterion_group!(benches, compare, report, check);
criterion_main!(benches);
