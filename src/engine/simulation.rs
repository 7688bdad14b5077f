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

use crate::engine::delivery::{Buffers, Curve, reach};
use crate::engine::line::LineFormula;
use crate::engine::model::{CostModel, horizon};
use crate::engine::seat::{Formula, Horizon, Pay, Terms};
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
/// The trials the band of cumulative output is read from: the first five
/// chunks, the same trials on any number of threads, so that a band does
/// not hold a figure per month for every one of millions of trials.
pub const BAND_TRIALS: usize = 5 * CHUNK;

/// `values` cut into one slice per chunk, `per_trial` values a trial;
/// empty slices for the chunks past its end (a column not kept).
fn per_chunk(values: &mut [f64], chunks: usize, per_trial: usize) -> Vec<&mut [f64]> {
    let width = (CHUNK * per_trial).max(1);
    values
        .chunks_mut(width)
        .chain(std::iter::repeat_with(|| &mut [][..]))
        .take(chunks)
        .collect()
}

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

/// p10, p50, p90 and mean of a figure that may be unbounded in some
/// trials (a goal never reached, a ratio over no output): a percentile
/// whose two ranks include such a trial is `None`, and so is the mean
/// when any trial is (MODEL.md 10.13).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounded {
    pub p10: Option<f64>,
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub mean: Option<f64>,
}

impl Bounded {
    /// Of values where an unbounded trial is +infinity.
    fn of(values: &mut [f64]) -> Bounded {
        let s = Summary::of(values);
        let finite = |v: f64| v.is_finite().then_some(v);
        Bounded {
            p10: finite(s.p10),
            p50: finite(s.p50),
            p90: finite(s.p90),
            mean: finite(s.mean),
        }
    }
}

/// The simulated delivery of a goal (MODEL.md 10.3).
#[derive(Debug, Clone, PartialEq)]
pub struct GoalSimulation {
    pub completion_month: Bounded,
    pub cost_to_deliver: Bounded,
    /// The share of trials with t* <= T.
    pub on_time_share: f64,
    /// The p10 and p90 of the cumulative output at the end of each month
    /// (month m ends at min(m, D)), over the first [`BAND_TRIALS`] trials:
    /// the band of the delivery chart.
    pub output_band: Vec<(f64, f64)>,
}

/// The outcome of a simulation run.
#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub trials: u32,
    pub seed: u64,
    pub cost: Summary,
    pub capacity: Summary,
    /// The seats' cost per productive person-month, trial by trial
    /// (MODEL.md 10.8).
    pub cost_per_pm: Bounded,
    /// Completion and cost to deliver, with a goal.
    pub goal: Option<GoalSimulation>,
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
    /// The goal's effort and month.
    goal: Option<(f64, f64)>,
    /// The model's cost turns (project years, cost lines' windows).
    cost_turns: Vec<f64>,
}

/// The figures of one block of trials, each a slice of the same length.
struct Block<'a> {
    cost: &'a mut [f64],
    capacity: &'a mut [f64],
    per_pm: &'a mut [f64],
    completion: &'a mut [f64],
    deliver: &'a mut [f64],
    /// The cumulative output at each month's end, month by month for each
    /// trial of the chunk that the band is read from (empty otherwise).
    band: &'a mut [f64],
}

/// One trial's team as a [`Curve`]: its seats' terms and the cost lines
/// at the trial's draws.
struct Trial<'a> {
    terms: &'a [Terms<f64>],
    lines: &'a [LineFormula<f64>],
    cols: &'a [f64],
    trial: usize,
    duration: f64,
    cost_turns: &'a [f64],
}

impl Curve<f64> for Trial<'_> {
    fn duration(&self) -> f64 {
        self.duration
    }

    fn pieces(&self, out: &mut Vec<(f64, f64, f64)>) {
        out.extend(self.terms.iter().flat_map(|t| t.pieces()));
    }

    fn cost_turns(&self) -> &[f64] {
        self.cost_turns
    }

    fn cost(&self, a: f64, b: f64) -> f64 {
        let seats: f64 = self.terms.iter().map(|t| t.cost_before(a, b)).sum();
        let value = |i: usize| self.cols[i * BLOCK + self.trial];
        self.lines
            .iter()
            .fold(seats, |sum, l| sum + l.cost_within(value, self.duration, a, b))
    }
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

impl Sampler {
    /// Months of the plan: ceil(D).
    fn months(&self) -> usize {
        self.horizon.duration.ceil().max(0.0) as usize
    }

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
            goal: model.goal.map(|(effort, by)| (f(effort), f(by))),
            cost_turns: model.cost_turns().into_iter().map(f).collect(),
        }
    }

    /// Runs the trials of chunk `chunk` into `out`.
    fn run_chunk(&self, seed: u64, chunk: usize, out: Block<'_>) {
        let mut rng =
            Xoshiro256PlusPlus::seed_from_u64(seed ^ (chunk as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let count = out.cost.len();
        // Write before the first read: the outputs are fresh zeroed pages,
        // and a `+=` on an untouched page first maps the shared zero page,
        // then copies it on the write, which on two cores costs a TLB
        // shootdown per page (it made a second thread nearly useless).
        out.cost.fill(0.0);
        out.capacity.fill(0.0);
        // One column of BLOCK values per input, side by side.
        let mut cols = vec![0.0; BLOCK * self.draws.len()];
        let (mut terms, mut events) = (Vec::with_capacity(self.seats.len()), Buffers::default());
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
            let range = start..start + n;
            let (cost, capacity) = (&mut out.cost[range.clone()], &mut out.capacity[range.clone()]);
            for seat in &self.seats {
                add_seat(*seat, &cols, self.horizon, cost, capacity);
            }
            // the seats' cost per productive person-month, an unbounded
            // ratio where nothing is delivered
            for ((per_pm, cost), capacity) in out.per_pm[range.clone()].iter_mut().zip(&*cost).zip(&*capacity)
            {
                *per_pm = if *capacity > 0.0 {
                    cost / capacity
                } else {
                    f64::INFINITY
                };
            }
            let d = self.horizon.duration;
            for line in &self.lines {
                for (t, cost) in cost.iter_mut().enumerate() {
                    *cost += line.cost_within(|i| cols[i * BLOCK + t], d, 0.0, d);
                }
            }
            let Some((effort, _)) = self.goal else {
                continue;
            };
            let (completion, deliver) = (&mut out.completion[range.clone()], &mut out.deliver[range]);
            for (t, (completion, deliver)) in completion.iter_mut().zip(deliver.iter_mut()).enumerate() {
                terms.clear();
                terms.extend(
                    self.seats
                        .iter()
                        .map(|s| s.terms(|i| cols[i * BLOCK + t], self.horizon)),
                );
                let trial = Trial {
                    terms: &terms,
                    lines: &self.lines,
                    cols: &cols,
                    trial: t,
                    duration: d,
                    cost_turns: &self.cost_turns,
                };
                let (when, cost) = reach(&trial, effort, &mut events);
                *completion = when.unwrap_or(f64::INFINITY);
                *deliver = cost.unwrap_or(f64::INFINITY);
                // C at each month's end, for the band of the delivery chart
                let months = self.months();
                if let Some(cumulative) = out.band.get_mut((start + t) * months..(start + t + 1) * months) {
                    for (m, c) in cumulative.iter_mut().enumerate() {
                        let end = (m as f64 + 1.0).min(d);
                        *c = terms.iter().map(|s| s.capacity_within(0.0, end)).sum();
                    }
                }
            }
        }
    }

    /// Runs the simulation; `progress` is told how many trials are done.
    /// Holds 24 bytes per trial (a cost, a capacity, their ratio), 16 more
    /// with a goal (a completion and a cost to deliver), and nothing more
    /// that grows with the trials (the band is read from at most
    /// [`BAND_TRIALS`]).
    pub fn run(&self, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) -> Simulation {
        let n = trials as usize;
        let chunks = n.div_ceil(CHUNK);
        let goal_n = if self.goal.is_some() { n } else { 0 };
        let months = self.months();
        let (mut costs, mut capacities, mut per_pm) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
        let (mut completions, mut delivers) = (vec![0.0; goal_n], vec![0.0; goal_n]);
        let mut band = vec![0.0; goal_n.min(BAND_TRIALS) * months];
        let mut completion_chunks = per_chunk(&mut completions, chunks, 1);
        let mut deliver_chunks = per_chunk(&mut delivers, chunks, 1);
        let mut band_chunks = per_chunk(&mut band, chunks, months);
        costs
            .par_chunks_mut(CHUNK)
            .zip(capacities.par_chunks_mut(CHUNK))
            .zip(per_pm.par_chunks_mut(CHUNK))
            .zip(completion_chunks.par_iter_mut())
            .zip(deliver_chunks.par_iter_mut())
            .zip(band_chunks.par_iter_mut())
            .enumerate()
            .for_each(
                |(chunk, (((((cost, capacity), per_pm), completion), deliver), band))| {
                    let trials = cost.len() as u64;
                    let block = Block {
                        cost,
                        capacity,
                        per_pm,
                        completion,
                        deliver,
                        band,
                    };
                    self.run_chunk(seed, chunk, block);
                    progress(trials);
                },
            );
        let (cost, capacity) = rayon::join(|| Summary::of(&mut costs), || Summary::of(&mut capacities));
        drop(capacities);
        let goal = self.goal.map(|(_, by)| GoalSimulation {
            on_time_share: completions.iter().filter(|t| **t <= by).count() as f64 / n as f64,
            completion_month: Bounded::of(&mut completions),
            cost_to_deliver: Bounded::of(&mut delivers),
            output_band: (0..months)
                .map(|m| {
                    let mut column: Vec<f64> = band.iter().skip(m).step_by(months).copied().collect();
                    let s = Summary::of(&mut column);
                    (s.p10, s.p90)
                })
                .collect(),
        });
        Simulation {
            trials,
            seed,
            cost,
            capacity,
            cost_per_pm: Bounded::of(&mut per_pm),
            goal,
            histogram: Histogram::of(&costs),
        }
    }
}

#[cfg(test)]
impl Sampler {
    /// The completion and cost to deliver of one trial at these input
    /// values, through the path the trials take.
    pub(crate) fn reach_at(&self, values: &[f64]) -> (Option<f64>, Option<f64>) {
        let mut cols = vec![0.0; BLOCK * values.len()];
        for (i, v) in values.iter().enumerate() {
            cols[i * BLOCK] = *v;
        }
        let terms: Vec<Terms<f64>> = self
            .seats
            .iter()
            .map(|s| s.terms(|i| cols[i * BLOCK], self.horizon))
            .collect();
        let trial = Trial {
            terms: &terms,
            lines: &self.lines,
            cols: &cols,
            trial: 0,
            duration: self.horizon.duration,
            cost_turns: &self.cost_turns,
        };
        let effort = self.goal.map_or(0.0, |(e, _)| e);
        reach(&trial, effort, &mut Buffers::default())
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
