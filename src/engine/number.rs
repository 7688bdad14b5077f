//! The number types the one seat formula is written over: [`Exact`]
//! (`rust_decimal` with overflow caught, for every reported figure) and
//! `f64` (for Monte Carlo trials, where speed matters and the figures are
//! estimates anyway).

use std::cmp::Ordering;
use std::ops::{Add, Div, Mul, Sub};

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// What the seat formula needs of a number.
pub trait Number:
    Copy + PartialOrd + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    fn zero() -> Self;
    fn int(n: u32) -> Self;
    fn from_decimal(d: Decimal) -> Self;
    /// The larger of two; an overflowed operand makes an overflowed result.
    fn max(self, other: Self) -> Self;
    /// The smaller of two; likewise.
    fn min(self, other: Self) -> Self;
    /// `self * num / den`, in that order for exact numbers; f64 multiplies
    /// by the ratio, which the compiler folds or lifts out of a loop.
    fn scale(self, num: Self, den: Self) -> Self;
    /// 1 when the number is above zero, else 0; an overflowed number
    /// stays overflowed (a comparison would hide it).
    fn positive(self) -> Self;
    /// 1 when lo <= self < hi, else 0.
    fn between(self, lo: Self, hi: Self) -> Self;
    /// 1 when lo < self <= hi (`closed`) or lo < self < hi, else 0: where
    /// a charge paid at the end of a span falls.
    fn ends_in(self, lo: Self, hi: Self, closed: bool) -> Self;
    /// self when `yes`, else 1.
    fn powered_if(self, yes: bool) -> Self;
}

impl Number for f64 {
    fn zero() -> f64 {
        0.0
    }
    fn int(n: u32) -> f64 {
        f64::from(n)
    }
    fn from_decimal(d: Decimal) -> f64 {
        d.to_f64().unwrap_or(0.0)
    }
    fn max(self, other: f64) -> f64 {
        f64::max(self, other)
    }
    fn min(self, other: f64) -> f64 {
        f64::min(self, other)
    }
    #[inline]
    fn scale(self, num: f64, den: f64) -> f64 {
        self * (num / den)
    }
    fn positive(self) -> f64 {
        if self > 0.0 { 1.0 } else { 0.0 }
    }
    fn between(self, lo: f64, hi: f64) -> f64 {
        if lo <= self && self < hi { 1.0 } else { 0.0 }
    }
    fn ends_in(self, lo: f64, hi: f64, closed: bool) -> f64 {
        if lo < self && (self < hi || closed && self == hi) {
            1.0
        } else {
            0.0
        }
    }
    fn powered_if(self, yes: bool) -> f64 {
        if yes { self } else { 1.0 }
    }
}

/// A decimal that remembers overflow: any operation that would overflow
/// (or divide by zero) gives `Exact(None)`, and every operation on it gives
/// `None` again, so one check at the end tells whether a figure is sound.
/// Comparisons with an overflowed value are false.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Exact(Option<Decimal>);

impl Default for Exact {
    fn default() -> Exact {
        Exact::zero()
    }
}

impl Exact {
    pub fn new(d: Decimal) -> Exact {
        Exact(Some(d))
    }

    /// The value, or `None` when a step overflowed.
    pub fn get(self) -> Option<Decimal> {
        self.0
    }

    fn both(self, other: Exact, op: impl FnOnce(Decimal, Decimal) -> Option<Decimal>) -> Exact {
        match (self.0, other.0) {
            (Some(a), Some(b)) => Exact(op(a, b)),
            _ => Exact(None),
        }
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        match (self.0, other.0) {
            (Some(a), Some(b)) => Some(a.cmp(&b)),
            _ => None,
        }
    }
}

impl Add for Exact {
    type Output = Exact;
    fn add(self, other: Exact) -> Exact {
        self.both(other, Decimal::checked_add)
    }
}

impl Sub for Exact {
    type Output = Exact;
    fn sub(self, other: Exact) -> Exact {
        self.both(other, Decimal::checked_sub)
    }
}

impl Mul for Exact {
    type Output = Exact;
    fn mul(self, other: Exact) -> Exact {
        self.both(other, Decimal::checked_mul)
    }
}

impl Div for Exact {
    type Output = Exact;
    fn div(self, other: Exact) -> Exact {
        self.both(other, Decimal::checked_div)
    }
}

impl Number for Exact {
    fn zero() -> Exact {
        Exact::new(Decimal::ZERO)
    }
    fn int(n: u32) -> Exact {
        Exact::new(Decimal::from(n))
    }
    fn from_decimal(d: Decimal) -> Exact {
        Exact::new(d)
    }
    fn max(self, other: Exact) -> Exact {
        self.both(other, |a, b| Some(a.max(b)))
    }
    fn min(self, other: Exact) -> Exact {
        self.both(other, |a, b| Some(a.min(b)))
    }
    fn scale(self, num: Exact, den: Exact) -> Exact {
        self * num / den
    }
    fn positive(self) -> Exact {
        Exact(self.0.map(|d| {
            if d > Decimal::ZERO {
                Decimal::ONE
            } else {
                Decimal::ZERO
            }
        }))
    }
    fn between(self, lo: Exact, hi: Exact) -> Exact {
        match (self.0, lo.0, hi.0) {
            (Some(x), Some(lo), Some(hi)) if lo <= x && x < hi => Exact::new(Decimal::ONE),
            (Some(_), Some(_), Some(_)) => Exact::zero(),
            _ => Exact(None),
        }
    }
    fn ends_in(self, lo: Exact, hi: Exact, closed: bool) -> Exact {
        match (self.0, lo.0, hi.0) {
            (Some(x), Some(lo), Some(hi)) if lo < x && (x < hi || closed && x == hi) => {
                Exact::new(Decimal::ONE)
            }
            (Some(_), Some(_), Some(_)) => Exact::zero(),
            _ => Exact(None),
        }
    }
    fn powered_if(self, yes: bool) -> Exact {
        if yes { self } else { Exact::new(Decimal::ONE) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_remembered_through_every_operation() {
        let big = Exact::new(Decimal::MAX);
        let over = big * Exact::int(2);
        assert_eq!(over.get(), None);
        assert_eq!((over + Exact::int(1)).get(), None);
        assert_eq!(Exact::zero().max(over).get(), None, "max does not hide it");
        assert_eq!(over.min(Exact::zero()).get(), None, "min does not hide it");
        assert_eq!(over.partial_cmp(&Exact::zero()), None);
        assert_eq!((Exact::int(1) / Exact::zero()).get(), None, "division by zero");
        assert_eq!((big - big).get(), Some(Decimal::ZERO));
        assert_eq!(over.positive().get(), None);
        assert_eq!(
            Exact::new(Decimal::new(1, 20)).positive().get(),
            Some(Decimal::ONE)
        );
        assert_eq!(Exact::zero().positive().get(), Some(Decimal::ZERO));
        assert_eq!(over.ends_in(Exact::zero(), big, true).get(), None);
    }

    /// A charge at u falls in (lo, hi], or in (lo, hi) when the span is
    /// open at its end; both number types agree.
    #[test]
    fn a_charge_at_the_end_of_a_span() {
        let e = |x: i64, lo: i64, hi: i64, closed: bool| {
            Exact::new(x.into()).ends_in(Exact::new(lo.into()), Exact::new(hi.into()), closed)
        };
        let f = |x: i64, lo: i64, hi: i64, closed: bool| (x as f64).ends_in(lo as f64, hi as f64, closed);
        for (x, lo, hi, closed, want) in [
            (3, 0, 3, true, 1),
            (3, 0, 3, false, 0),
            (0, 0, 3, true, 0),
            (1, 0, 3, false, 1),
            (4, 0, 3, true, 0),
        ] {
            assert_eq!(
                e(x, lo, hi, closed).get(),
                Some(want.into()),
                "{x} in ({lo}, {hi}] {closed}"
            );
            assert_eq!(f(x, lo, hi, closed), want as f64, "{x} in ({lo}, {hi}] {closed}");
        }
    }
}
