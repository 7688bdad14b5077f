//! PERT sampling by an inverse-CDF table (MODEL.md section 6).
//!
//! A PERT(min, mode, max) with lambda 4 is min + (max - min) * Beta(a, b)
//! with a = 1 + 4 (mode - min) / (max - min) and b = 1 + 4 (max - mode) /
//! (max - min). Drawing from Beta by rejection (as rand_distr does) costs
//! tens of nanoseconds; looking a uniform draw up in a table of the Beta
//! quantiles costs a few. A test checks the table's percentiles against
//! rand_distr's `Pert`.

use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;

/// Points in a quantile table: quantiles at u = i / (POINTS - 1).
const POINTS: usize = 1025;
/// Steps of the numerical integration of the density.
const STEPS: usize = 16384;

/// The quantiles of one Beta(a, b) shape on [0, 1].
#[derive(Debug, Clone, PartialEq)]
pub struct QuantileTable {
    /// A fixed-size array, so the lookup needs no bounds check.
    quantiles: Box<[f64; POINTS]>,
}

impl QuantileTable {
    /// The table for Beta(a, b), with a, b >= 1 (always true for PERT).
    pub fn beta(a: f64, b: f64) -> QuantileTable {
        // Cumulative density on a fine grid, by the midpoint rule; the
        // density x^(a-1) (1-x)^(b-1) is finite on [0, 1] for a, b >= 1.
        let h = 1.0 / STEPS as f64;
        let mut cdf = Vec::with_capacity(STEPS + 1);
        cdf.push(0.0);
        let mut total = 0.0;
        for i in 0..STEPS {
            let x = (i as f64 + 0.5) * h;
            total += x.powf(a - 1.0) * (1.0 - x).powf(b - 1.0) * h;
            cdf.push(total);
        }
        // Invert: for each level find the grid cell and interpolate.
        let mut quantiles = Vec::with_capacity(POINTS);
        let mut cell = 0;
        for j in 0..POINTS {
            let level = total * j as f64 / (POINTS - 1) as f64;
            while cell < STEPS - 1 && cdf[cell + 1] < level {
                cell += 1;
            }
            let (lo, hi) = (cdf[cell], cdf[cell + 1]);
            let within = if hi > lo {
                ((level - lo) / (hi - lo)).clamp(0.0, 1.0)
            } else {
                0.0
            };
            quantiles.push(((cell as f64 + within) * h).clamp(0.0, 1.0));
        }
        quantiles[0] = 0.0;
        quantiles[POINTS - 1] = 1.0;
        let mut fixed = Box::new([0.0; POINTS]);
        fixed.copy_from_slice(&quantiles);
        QuantileTable { quantiles: fixed }
    }

    /// The draw for 32 uniform random bits: the simulation's inner loop.
    /// The position in the table is split into cell and fraction with
    /// integer arithmetic (no float-to-integer conversion).
    #[inline]
    pub fn sample_bits(&self, bits: u32) -> f64 {
        let scaled = u64::from(bits) * (POINTS as u64 - 1);
        let i = ((scaled >> 32) as usize).min(POINTS - 2);
        let frac = (scaled & 0xFFFF_FFFF) as f64 * (1.0 / 4_294_967_296.0);
        let (q0, q1) = (self.quantiles[i], self.quantiles[i + 1]);
        q0 + (q1 - q0) * frac
    }
}

/// The tables of these Beta shapes, in order, shared by every scenario of a
/// run: a table takes longer to build than the trials that read it, and
/// many inputs share a shape. Shapes are told apart by their bits, so a
/// table is always the one [`QuantileTable::beta`] builds for its shape;
/// the new ones are built side by side.
pub fn shared_tables(shapes: &[(f64, f64)]) -> Vec<Arc<QuantileTable>> {
    type Cache = Mutex<Vec<((u64, u64), Arc<QuantileTable>)>>;
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let key = |(a, b): (f64, f64)| (a.to_bits(), b.to_bits());
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let known = |k: (u64, u64)| -> Option<Arc<QuantileTable>> {
        let cache = cache.lock().ok()?;
        cache.iter().find(|(c, _)| *c == k).map(|(_, t)| Arc::clone(t))
    };
    let mut missing: Vec<(f64, f64)> = Vec::new();
    for &shape in shapes {
        if known(key(shape)).is_none() && !missing.iter().any(|&m| key(m) == key(shape)) {
            missing.push(shape);
        }
    }
    let built: Vec<((u64, u64), Arc<QuantileTable>)> = missing
        .par_iter()
        .map(|&(a, b)| (key((a, b)), Arc::new(QuantileTable::beta(a, b))))
        .collect();
    if let Ok(mut cache) = cache.lock() {
        cache.extend(built.iter().cloned());
    }
    shapes
        .iter()
        .map(|&shape| {
            let k = key(shape);
            built
                .iter()
                .find(|(c, _)| *c == k)
                .map(|(_, t)| Arc::clone(t))
                .or_else(|| known(k))
                .unwrap_or_else(|| Arc::new(QuantileTable::beta(shape.0, shape.1)))
        })
        .collect()
}

/// The Beta shape of PERT(min, mode, max), lambda 4.
pub fn pert_shape(min: f64, mode: f64, max: f64) -> (f64, f64) {
    let width = max - min;
    (1.0 + 4.0 * (mode - min) / width, 1.0 + 4.0 * (max - mode) / width)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::Xoshiro256PlusPlus;
    use rand_distr::{Distribution, Pert};

    fn percentile(sorted: &[f64], p: f64) -> f64 {
        sorted[((sorted.len() - 1) as f64 * p).round() as usize]
    }

    /// The table's draws match rand_distr's Pert within 0.5% at p10, p50,
    /// p90 and in the mean, for the shapes the shipped table uses.
    #[test]
    fn matches_rand_distr_pert() {
        let shapes = [
            (108000.0, 120000.0, 144000.0),
            (1.24, 1.27, 1.32),
            (0.035, 0.2, 0.3),
            (6.0, 7.0, 12.0),
            (0.0, 0.0, 13.0),
            (1.0, 5.0, 5.0),
        ];
        let n = 200_000;
        for (min, mode, max) in shapes {
            let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
            let pert = Pert::new(min, max).with_mode(mode).expect("valid PERT");
            let mut reference: Vec<f64> = (0..n).map(|_| pert.sample(&mut rng)).collect();
            let (a, b) = pert_shape(min, mode, max);
            let table = QuantileTable::beta(a, b);
            let mut ours: Vec<f64> = (0..n)
                .map(|i| {
                    min + (max - min)
                        * table.sample_bits(((i as f64 + 0.5) / n as f64 * 4_294_967_296.0) as u32)
                })
                .collect();
            reference.sort_by(f64::total_cmp);
            ours.sort_by(f64::total_cmp);
            for p in [0.1, 0.5, 0.9] {
                let (r, o) = (percentile(&reference, p), percentile(&ours, p));
                assert!(
                    (r - o).abs() <= 0.005 * r.abs().max(max * 0.01),
                    "{min}/{mode}/{max} p{p}: rand_distr {r}, table {o}"
                );
            }
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
            let (r, o) = (mean(&reference), mean(&ours));
            assert!(
                (r - o).abs() <= 0.005 * r.abs(),
                "{min}/{mode}/{max} mean: rand_distr {r}, table {o}"
            );
            // the PERT mean is (min + 4 mode + max) / 6
            let exact = (min + 4.0 * mode + max) / 6.0;
            assert!(
                (o - exact).abs() <= 0.001 * exact.abs().max(1e-9),
                "{o} vs {exact}"
            );
        }
    }

    /// A shared table is the table of its shape, whichever order shapes
    /// come in and however often.
    #[test]
    fn shared_tables_are_the_tables_of_their_shapes() {
        let shapes = [(2.0, 4.0), (1.25, 4.75), (2.0, 4.0), (3.5, 2.5), (1.25, 4.75)];
        let tables = shared_tables(&shapes);
        assert_eq!(tables.len(), shapes.len());
        for (table, (a, b)) in tables.iter().zip(shapes) {
            assert_eq!(**table, QuantileTable::beta(a, b));
        }
        assert!(Arc::ptr_eq(&tables[0], &tables[2]));
        let again = shared_tables(&[(3.5, 2.5)]);
        assert!(Arc::ptr_eq(&again[0], &tables[3]), "built once per process");
    }

    #[test]
    fn table_ends_are_the_range_ends() {
        let table = QuantileTable::beta(3.0, 2.0);
        assert_eq!(table.sample_bits(0), 0.0);
        assert!(table.sample_bits(u32::MAX) <= 1.0);
        assert!(table.sample_bits(u32::MAX / 4) < table.sample_bits(u32::MAX / 4 * 3));
    }
}
