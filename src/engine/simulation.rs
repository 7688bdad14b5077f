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
use std::sync::{Arc, Mutex, OnceLock};

use crate::engine::pert::{QuantileTable, pert_shape};

/// The seed used when none is given: the same files give the same figures.
pub const DEFAULT_SEED: u64 = 42;
pub const DEFAULT_TRIALS: u32 = 10_000;
/// Trials per chunk: the unit of parallel work and of seeding.
const CHUNK: u32 = 2048;
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
    /// Percentiles interpolate between the closest ranks (R's type 7);
    /// found by selection, not a full sort. Reorders `values`.
    fn of(values: &mut [f64]) -> Summary {
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        let last = values.len() - 1;
        let mut at = |p: f64| {
            let h = last as f64 * p;
            let i = h.floor() as usize;
            let (_, value, above) = values.select_nth_unstable_by(i, f64::total_cmp);
            let value = *value;
            let next = above.iter().copied().fold(f64::INFINITY, f64::min);
            if i == last {
                value
            } else {
                value + (next - value) * (h - i as f64)
            }
        };
        Summary {
            p10: at(0.1),
            p50: at(0.5),
            p90: at(0.9),
            mean,
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
    /// Every trial's cost, in no particular order: the distribution.
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
    Pert {
        min: f64,
        width: f64,
        table: Arc<QuantileTable>,
    },
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
    seats: Vec<(f64, FastPay)>,
    duration: f64,
}

/// Quantile tables by Beta shape, shared by every scenario of a run: many
/// inputs share a shape, and a table takes longer to build than a draw.
fn shape_table(a: f64, b: f64) -> Arc<QuantileTable> {
    type Cache = Mutex<Vec<((u64, u64), Arc<QuantileTable>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = (a.to_bits(), b.to_bits());
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    if let Some((_, t)) = cache
        .lock()
        .ok()
        .and_then(|c| c.iter().find(|(k, _)| *k == key).cloned())
    {
        return t;
    }
    let table = Arc::new(QuantileTable::beta(a, b));
    if let Ok(mut c) = cache.lock() {
        c.push((key, Arc::clone(&table)));
    }
    table
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
                Draw::Pert {
                    min,
                    width: max - min,
                    table: shape_table(a, b),
                }
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
            seats,
            duration: f(model.duration),
        }
    }

    /// Adds one seat's cost and capacity over a block of trials, reading
    /// one column of values per input. Written as plain loops over slices
    /// so the compiler can vectorise them.
    fn add_seat(&self, fte: f64, pay: FastPay, cols: &[Vec<f64>], cost: &mut [f64], capacity: &mut [f64]) {
        let d = self.duration;
        let (delay, ramp, productivity) = match pay {
            FastPay::InHouse {
                delay,
                ramp,
                productivity,
                ..
            }
            | FastPay::Agency {
                delay,
                ramp,
                productivity,
                ..
            } => (&cols[delay], &cols[ramp], &cols[productivity]),
        };
        let n = cost.len();
        match pay {
            FastPay::InHouse {
                salary,
                salary_fx,
                burden,
                fee,
                overhead,
                overhead_fx,
                management,
                ..
            } => {
                let (salary, burden, fee, overhead, management) = (
                    &cols[salary],
                    &cols[burden],
                    &cols[fee],
                    &cols[overhead],
                    &cols[management],
                );
                for t in 0..n {
                    let active = (d - delay[t] * MONTHS_PER_WEEK).max(0.0);
                    let started = if active > 0.0 { 1.0 } else { 0.0 };
                    let annual = salary[t] * salary_fx;
                    let monthly = annual / 12.0 * (burden[t] + management[t]) + overhead[t] * overhead_fx;
                    cost[t] += fte * (monthly * active + started * annual * fee[t]);
                }
            }
            FastPay::Agency {
                hourly,
                hourly_fx,
                hours,
                ..
            } => {
                let (hourly, hours) = (&cols[hourly], &cols[hours]);
                for t in 0..n {
                    let active = (d - delay[t] * MONTHS_PER_WEEK).max(0.0);
                    cost[t] += fte * hourly[t] * hourly_fx * hours[t] * active;
                }
            }
        }
        for t in 0..n {
            let active = (d - delay[t] * MONTHS_PER_WEEK).max(0.0);
            let r = ramp[t] * MONTHS_PER_WEEK;
            capacity[t] += fte * (productivity[t] * active.min(r) + (active - r).max(0.0));
        }
    }

    /// Runs `count` trials of chunk `chunk`: costs and capacities.
    fn run_chunk(&self, seed: u64, chunk: u32, count: u32) -> (Vec<f64>, Vec<f64>) {
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(seed ^ u64::from(chunk).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let count = count as usize;
        let (mut costs, mut capacities) = (vec![0.0; count], vec![0.0; count]);
        let mut cols: Vec<Vec<f64>> = vec![vec![0.0; BLOCK]; self.draws.len()];
        for start in (0..count).step_by(BLOCK) {
            let n = BLOCK.min(count - start);
            // One column of draws per input: a table stays in cache while
            // its column fills.
            for (col, draw) in cols.iter_mut().zip(&self.draws) {
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
            for &(fte, pay) in &self.seats {
                self.add_seat(fte, pay, &cols, cost, capacity);
            }
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
        let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
        let (cost_mean, capacity_mean) = (mean(&costs), mean(&capacities));
        let mut sorted = costs.clone();
        let cost = Summary {
            mean: cost_mean,
            ..Summary::of(&mut sorted)
        };
        let capacity = Summary {
            mean: capacity_mean,
            ..Summary::of(&mut capacities)
        };
        Simulation {
            trials,
            seed,
            cost,
            capacity,
            costs,
        }
    }
}

/// Simulates a model: `trials` trials from `seed`. `trials` must be > 0.
pub fn simulate(model: &CostModel, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
    Sampler::new(model).run(trials.max(1), seed, progress)
}
