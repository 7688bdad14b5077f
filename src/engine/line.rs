//! A non-labour cost line (MODEL.md 8.2, "Non-labour costs"): `monthly`
//! over its window [f, u) and `once` in the month it opens, converted to
//! the reporting currency. Written once over any [`Number`], like the seat
//! formula.

use crate::engine::number::Number;
use crate::engine::seat::{FxFactor, overlap};

/// A cost line ready to evaluate: the inputs of its amounts, their
/// conversion, and its window (`until` `None`: the end of the project).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineFormula<N> {
    pub monthly: usize,
    pub once: usize,
    pub fx: FxFactor<N>,
    pub from: N,
    pub until: Option<N>,
}

impl<N> LineFormula<N> {
    /// Whether the line reads input `i`.
    pub fn reads(&self, i: usize) -> bool {
        i == self.monthly || i == self.once
    }
}

impl<N: Number> LineFormula<N> {
    /// The cost inside [i0, i1): monthly * overlap([f, u), [i0, i1)), plus
    /// `once` when f lies inside.
    pub fn cost_within(&self, value: impl Fn(usize) -> N, duration: N, i0: N, i1: N) -> N {
        let until = self.until.unwrap_or(duration);
        self.fx.apply(value(self.monthly)) * overlap(self.from, until, i0, i1)
            + self.fx.apply(value(self.once)) * self.from.between(i0, i1)
    }
}

impl<N: Copy> LineFormula<N> {
    /// The same line over another number type.
    pub fn map<M>(&self, f: impl Fn(N) -> M + Copy) -> LineFormula<M> {
        LineFormula {
            monthly: self.monthly,
            once: self.once,
            fx: self.fx.map(f),
            from: f(self.from),
            until: self.until.map(f),
        }
    }
}
