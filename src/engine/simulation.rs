//! Monte Carlo simulation (MODEL.md section 6): each distinct range input is
//! one PERT draw per trial, shared by every seat that reads it.
//!
//! Trials run in fixed chunks, each with its own generator seeded from the
//! seed and the chunk number, so the figures do not depend on how many
//! threads run them. Sampling uses f64: percentiles are estimates.

use rand::rngs::Xoshiro256PlusPlus;
use rand::{Rng, SeedableRng};
use rayon::prelude::*;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::line::LineFormula;
use crate::engine::model::{CostModel, horizon};
use crate::engine::seat::{Formula, Horizon, Pay};
use std::sync::Arc;

use crate::engine::pert::{QuantileTable, pert_shape, shared_tables};
use crate::range::Range;

/// The seed used when none is given: the same files give the same figures.
pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Trials per chunk: the unit of parallel work and of seeding.
const CHUNK: usize = 2048;
/// Trials per block inside a chunk: the columns of one block stay in cache.
const BLOCK: usize = 512;

/// p10, p50, p90 and mean of a simulated figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub mean: f64,
}

impl Summary {
    /// Percentiles interpolate between the closest ranks (R's type 7),
    /// found by selection, not a full sort: p50 first, then p10 in the
    /// part below it and p90 in the part above it, side by side. Reorders
    /// `values`; copies nothing.
    fn of(values: &mut [f64]) -> Summary {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let last = values.len() - 1;
        let rank = |p: f64| {
            let h = last as f64 * p;
            (h.floor() as usize, h - h.floor())
        };
        let ((i10, f10), (i50, f50), (i90, f90)) = (rank(0.1), rank(0.5), rank(0.9));
        let (below, v50, above) = values.select_nth_unstable_by(i50, f64::total_cmp);
        let v50 = *v50;
        let next50 = min_of(above);
        let (p10, p90) = rayon::join(
            || {
                if i10 < i50 {
                    let (v, next) = rank_in(below, i10);
                    between(v, Some(next.unwrap_or(v50)), f10)
                } else {
                    between(v50, next50, f10)
                }
            },
            || {
                if i90 > i50 {
                    let (v, next) = rank_in(above, i90 - i50 - 1);
                    between(v, next, f90)
                } else {
                    between(v50, next50, f90)
                }
            },
        );
        Summary {
            p10,
            p50: between(v50, next50, f50),
            p90,
            mean,
        }
    }
}

/// The value of rank `i` of `part` and the next larger value in `part`.
fn rank_in(part: &mut [f64], i: usize) -> (f64, Option<f64>) {
    let (_, value, rest) = part.select_nth_unstable_by(i, f64::total_cmp);
    (*value, min_of(rest))
}

/// `value` moved `fraction` of the way to the next rank, if there is one.
fn between(value: f64, next: Option<f64>, fraction: f64) -> f64 {
    match next {
        Some(next) => value + (next - value) * fraction,
        None => value,
    }
}

fn min_of(values: &[f64]) -> Option<f64> {
    values.iter().copied().reduce(f64::min)
}

/// The simulated costs in equal bins: the data of the distribution chart,
/// kept instead of every trial so memory does not grow with scenarios.
#[derive(Debug, Clone, PartialEq)]
pub struct Histogram {
    /// The smallest and the largest simulated cost.
    pub min: f64,
    pub max: f64,
    pub width: f64,
    pub counts: Vec<u64>,
    pub total: u64,
}

impl Histogram {
    /// Bins of the distribution chart.
    pub const BINS: usize = 40;

    fn of(values: &[f64]) -> Histogram {
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let width = ((max - min) / Self::BINS as f64).max(1e-9);
        let mut counts = vec![0u64; Self::BINS];
        for v in values {
            counts[(((v - min) / width) as usize).min(Self::BINS - 1)] += 1;
        }
        Histogram {
            min,
            max,
            width,
            counts,
            total: values.len() as u64,
        }
    }
}

/// The outcome of a simulation run.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub trials: u32,
    pub seed: u64,
    pub cost: Summary,
    pub capacity: Summary,
    /// The distribution of the cost.
    pub histogram: Histogram,
}

/// A figure as a decimal, for reports.
pub fn decimal(value: f64) -> Decimal {
    Decimal::from_f64_retain(value).unwrap_or_default()
}

/// How one input is drawn.
#[derive(Debug, Clone)]
enum Draw {
    Fixed(f64),
    Pert {
        min: f64,
        width: f64,
        table: Arc<QuantileTable>,
    },
}

/// A cost model compiled to f64 for fast trials.
#[derive(Debug, Clone)]
pub struct Sampler {
    draws: Vec<Draw>,
    seats: Vec<Formula<f64>>,
    lines: Vec<LineFormula<f64>>,
    horizon: Horizon<f64>,
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

impl Sampler {
    pub fn new(model: &CostModel) -> Sampler {
        let ends = |r: &Range| (f(r.low()), f(r.typical()), f(r.high()));
        let shapes: Vec<(f64, f64)> = model
            .inputs
            .iter()
            .filter(|input| !input.range.is_fixed())
            .map(|input| {
                let (min, mode, max) = ends(&input.range);
                pert_shape(min, mode, max)
            })
            .collect();
        let mut tables = shared_tables(&shapes).into_iter();
        let draws = model
            .inputs
            .iter()
            .map(|input| {
                let r = input.range;
                if r.is_fixed() {
                    return Draw::Fixed(f(r.typical()));
                }
                let (min, _, max) = ends(&r);
                match tables.next() {
                    Some(table) => Draw::Pert {
                        min,
                        width: max - min,
                        table,
                    },
                    // one table per input with a spread: not reached
                    None => Draw::Fixed(f(r.typical())),
                }
            })
            .collect();
        let seats = model.seats.iter().map(|s| s.formula.map(f)).collect();
        Sampler {
            draws,
            seats,
            lines: model.lines.iter().map(|l| l.formula.map(f)).collect(),
            horizon: horizon(model.duration),
        }
    }

    /// Runs the trials of chunk `chunk` into `costs` and `capacities`.
    fn run_chunk(&self, seed: u64, chunk: usize, costs: &mut [f64], capacities: &mut [f64]) {
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(seed ^ (chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let count = costs.len();
        // Write before the first read: the outputs are fresh zeroed pages,
        // and a `+=` on an untouched page first maps the shared zero page,
        // then copies it on the write, which on two cores costs a TLB
        // shootdown per page (it made a second thread nearly useless).
        costs.fill(0.0);
        capacities.fill(0.0);
        // One column of BLOCK values per input, side by side.
        let mut cols = vec![0.0; BLOCK * self.draws.len()];
        for start in (0..count).step_by(BLOCK) {
            let n = BLOCK.min(count - start);
            // One column of draws per input: a table stays in cache while
            // its column fills.
            for (col, draw) in cols.chunks_exact_mut(BLOCK).zip(&self.draws) {
                match draw {
                    Draw::Fixed(v) => col[..n].fill(*v),
                    Draw::Pert { min, width, table } => {
                        // two draws from each 64 random bits (32 bits each)
                        let (min, width, table) = (*min, *width, &**table);
                        let (pairs, rest) = col[..n].as_chunks_mut::<2>();
                        for pair in pairs {
                            let bits = rng.next_u64();
                            pair[0] = min + width * table.sample_bits(bits as u32);
                            pair[1] = min + width * table.sample_bits((bits >> 32) as u32);
                        }
                        for x in rest {
                            *x = min + width * table.sample_bits(rng.next_u64() as u32);
                        }
                    }
                }
            }
            let (cost, capacity) = (&mut costs[start..start + n], &mut capacities[start..start + n]);
            for seat in &self.seats {
                add_seat(*seat, &cols, self.horizon, cost, capacity);
            }
            let d = self.horizon.duration;
            for line in &self.lines {
                for (t, cost) in cost.iter_mut().enumerate() {
                    *cost += line.cost_within(|i| cols[i * BLOCK + t], d, 0.0, d);
                }
            }
        }
    }

    /// Runs the simulation; `progress` is told how many trials are done.
    /// Holds 16 bytes per trial (a cost and a capacity) and nothing more
    /// that grows with the trials.
    pub fn run(&self, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
        let n = trials as usize;
        let (mut costs, mut capacities) = (vec![0.0; n], vec![0.0; n]);
        costs
            .par_chunks_mut(CHUNK)
            .zip(capacities.par_chunks_mut(CHUNK))
            .enumerate()
            .for_each(|(chunk, (costs, capacities))| {
                self.run_chunk(seed, chunk, costs, capacities);
                progress(costs.len() as u64);
            });
        let (cost, capacity) = rayon::join(|| Summary::of(&mut costs), || Summary::of(&mut capacities));
        drop(capacities);
        Simulation {
            trials,
            seed,
            cost,
            capacity,
            histogram: Histogram::of(&costs),
        }
    }
}

/// Adds one seat's cost and capacity to a block of trials. The match on
/// the kind of pay is taken once, outside the loop, so each loop is
/// specialised to one kind and the compiler can vectorise it.
fn add_seat(seat: Formula<f64>, cols: &[f64], horizon: Horizon<f64>, cost: &mut [f64], capacity: &mut [f64]) {
    #[inline(always)]
    fn each_trial(
        seat: &Formula<f64>,
        cols: &[f64],
        horizon: Horizon<f64>,
        cost: &mut [f64],
        capacity: &mut [f64],
    ) {
        for (t, (cost, capacity)) in cost.iter_mut().zip(capacity.iter_mut()).enumerate() {
            let terms = seat.terms(|i| cols[i * BLOCK + t], horizon);
            *cost += terms.cost();
            *capacity += terms.capacity();
        }
    }
    match seat.pay {
        Pay::InHouse { .. } => each_trial(&seat, cols, horizon, cost, capacity),
        Pay::Agency { .. } => each_trial(&seat, cols, horizon, cost, capacity),
    }
}

/// Simulates a model: `trials` trials from `seed`. `trials` must be > 0.
pub fn simulate(model: &CostModel, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
    Sampler::new(model).run(trials.max(1), seed, progress)
}
