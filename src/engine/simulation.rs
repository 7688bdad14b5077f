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

use crate::engine::model::{Conversion, CostModel, Pay};
use crate::engine::pert::{QuantileTable, pert_shape};

/// The seed used when none is given: the same files give the same figures.
pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Trials per chunk: the unit of parallel work and of seeding.
const CHUNK: u32 = 2048;

/// p10, p50, p90 and mean of a simulated figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
    pub mean: f64,
}

impl Summary {
    /// From sorted values; percentiles interpolate between closest ranks.
    fn of_sorted(sorted: &[f64]) -> Summary {
        let at = |p: f64| {
            let h = (sorted.len() - 1) as f64 * p;
            let i = h.floor() as usize;
            let next = sorted[(i + 1).min(sorted.len() - 1)];
            sorted[i] + (next - sorted[i]) * (h - i as f64)
        };
        Summary {
            p10: at(0.1),
            p50: at(0.5),
            p90: at(0.9),
            mean: sorted.iter().sum::<f64>() / sorted.len() as f64,
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
    /// Every trial's cost, sorted: the distribution.
    pub costs: Vec<f64>,
}

/// A figure as a decimal, for reports.
pub fn decimal(value: f64) -> Decimal {
    Decimal::from_f64_retain(value).unwrap_or_default()
}

/// How one input is drawn.
#[derive(Debug, Clone)]
enum Draw {
    Fixed(f64),
    Pert { min: f64, width: f64, table: usize },
}

#[derive(Debug, Clone, Copy)]
enum FastPay {
    InHouse {
        salary: usize,
        salary_fx: f64,
        burden: usize,
        fee: usize,
        delay: usize,
        ramp: usize,
        productivity: usize,
        overhead: usize,
        overhead_fx: f64,
        management: usize,
    },
    Agency {
        hourly: usize,
        hourly_fx: f64,
        hours: usize,
        delay: usize,
        ramp: usize,
        productivity: usize,
    },
}

/// A cost model compiled to f64 for fast trials.
#[derive(Debug, Clone)]
pub struct Sampler {
    draws: Vec<Draw>,
    tables: Vec<QuantileTable>,
    seats: Vec<(f64, FastPay)>,
    duration: f64,
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

fn fx(c: Conversion) -> f64 {
    f(c.from) / f(c.to)
}

const MONTHS_PER_WEEK: f64 = 12.0 / 52.0;

impl Sampler {
    pub fn new(model: &CostModel) -> Sampler {
        let mut tables: Vec<((u64, u64), QuantileTable)> = Vec::new();
        let draws = model
            .inputs
            .iter()
            .map(|input| {
                let r = input.range;
                if r.is_fixed() {
                    return Draw::Fixed(f(r.typical()));
                }
                let (min, mode, max) = (f(r.low()), f(r.typical()), f(r.high()));
                let (a, b) = pert_shape(min, mode, max);
                let key = (a.to_bits(), b.to_bits());
                let table = match tables.iter().position(|(k, _)| *k == key) {
                    Some(i) => i,
                    None => {
                        tables.push((key, QuantileTable::beta(a, b)));
                        tables.len() - 1
                    }
                };
                Draw::Pert { min, width: max - min, table }
            })
            .collect();
        let seats = model
            .seats
            .iter()
            .map(|s| {
                let pay = match s.pay {
                    Pay::InHouse {
                        salary,
                        salary_fx,
                        burden,
                        recruiting_fee,
                        time_to_hire,
                        ramp_up,
                        ramp_productivity,
                        overhead,
                        overhead_fx,
                        management,
                    } => FastPay::InHouse {
                        salary,
                        salary_fx: fx(salary_fx),
                        burden,
                        fee: recruiting_fee,
                        delay: time_to_hire,
                        ramp: ramp_up,
                        productivity: ramp_productivity,
                        overhead,
                        overhead_fx: fx(overhead_fx),
                        management,
                    },
                    Pay::Agency {
                        hourly,
                        hourly_fx,
                        hours,
                        time_to_start,
                        ramp_up,
                        ramp_productivity,
                    } => FastPay::Agency {
                        hourly,
                        hourly_fx: fx(hourly_fx),
                        hours,
                        delay: time_to_start,
                        ramp: ramp_up,
                        productivity: ramp_productivity,
                    },
                };
                (f(s.fte), pay)
            })
            .collect();
        Sampler {
            draws,
            tables: tables.into_iter().map(|(_, t)| t).collect(),
            seats,
            duration: f(model.duration),
        }
    }

    /// Cost and capacity of one trial at the given input values.
    #[inline]
    fn trial(&self, v: &[f64]) -> (f64, f64) {
        let (mut cost, mut capacity) = (0.0, 0.0);
        for &(fte, pay) in &self.seats {
            let (delay, ramp, productivity) = match pay {
                FastPay::InHouse { delay, ramp, productivity, .. } | FastPay::Agency { delay, ramp, productivity, .. } => {
                    (delay, ramp, productivity)
                }
            };
            let active = (self.duration - v[delay] * MONTHS_PER_WEEK).max(0.0);
            if active <= 0.0 {
                continue;
            }
            cost += fte
                * match pay {
                    FastPay::InHouse { salary, salary_fx, burden, fee, overhead, overhead_fx, management, .. } => {
                        let annual = v[salary] * salary_fx;
                        let monthly = annual / 12.0 * (v[burden] + v[management]) + v[overhead] * overhead_fx;
                        monthly * active + annual * v[fee]
                    }
                    FastPay::Agency { hourly, hourly_fx, hours, .. } => v[hourly] * hourly_fx * v[hours] * active,
                };
            let r = v[ramp] * MONTHS_PER_WEEK;
            capacity += fte * (v[productivity] * active.min(r) + (active - r).max(0.0));
        }
        (cost, capacity)
    }

    /// Runs `count` trials of chunk `chunk`, appending costs and capacities.
    fn run_chunk(&self, seed: u64, chunk: u32, count: u32) -> (Vec<f64>, Vec<f64>) {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed ^ u64::from(chunk).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut values: Vec<f64> = self
            .draws
            .iter()
            .map(|d| match d {
                Draw::Fixed(v) => *v,
                Draw::Pert { min, .. } => *min,
            })
            .collect();
        let varying: Vec<(usize, f64, f64, &QuantileTable)> = self
            .draws
            .iter()
            .enumerate()
            .filter_map(|(i, d)| match d {
                Draw::Pert { min, width, table } => Some((i, *min, *width, &self.tables[*table])),
                Draw::Fixed(_) => None,
            })
            .collect();
        let (mut costs, mut capacities) = (Vec::with_capacity(count as usize), Vec::with_capacity(count as usize));
        for _ in 0..count {
            for &(i, min, width, table) in &varying {
                // 53 random bits as a uniform in [0, 1)
                let u = (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
                values[i] = min + width * table.sample(u);
            }
            let (cost, capacity) = self.trial(&values);
            costs.push(cost);
            capacities.push(capacity);
        }
        (costs, capacities)
    }

    /// Runs the simulation; `progress` is told how many trials are done.
    pub fn run(&self, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
        let chunks = trials.div_ceil(CHUNK);
        let parts: Vec<(Vec<f64>, Vec<f64>)> = (0..chunks)
            .into_par_iter()
            .map(|c| {
                let count = CHUNK.min(trials - c * CHUNK);
                let part = self.run_chunk(seed, c, count);
                progress(u64::from(count));
                part
            })
            .collect();
        let mut costs = Vec::with_capacity(trials as usize);
        let mut capacities = Vec::with_capacity(trials as usize);
        for (c, p) in parts {
            costs.extend(c);
            capacities.extend(p);
        }
        costs.sort_by(f64::total_cmp);
        capacities.sort_by(f64::total_cmp);
        Simulation {
            trials,
            seed,
            cost: Summary::of_sorted(&costs),
            capacity: Summary::of_sorted(&capacities),
            costs,
        }
    }
}

/// Simulates a model: `trials` trials from `seed`. `trials` must be > 0.
pub fn simulate(model: &CostModel, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
    Sampler::new(model).run(trials.max(1), seed, progress)
}
