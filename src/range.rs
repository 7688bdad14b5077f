//! A figure known as low / typical / high (MODEL.md section 1, "Range").

use rust_decimal::Decimal;
use serde::Serialize;

/// Which end of a range to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    Low,
    Typical,
    High,
}

impl Bound {
    /// The other end: low for high, high for low.
    pub fn reversed(self) -> Bound {
        match self {
            Bound::Low => Bound::High,
            Bound::Typical => Bound::Typical,
            Bound::High => Bound::Low,
        }
    }
}

/// Three ordered values: `low <= typical <= high`, always.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Range {
    low: Decimal,
    typical: Decimal,
    high: Decimal,
}

impl Range {
    /// A range, or `None` when the values are out of order.
    pub fn new(low: Decimal, typical: Decimal, high: Decimal) -> Option<Range> {
        (low <= typical && typical <= high).then_some(Range { low, typical, high })
    }

    /// One value v, read as (v, v, v).
    pub fn single(value: Decimal) -> Range {
        Range {
            low: value,
            typical: value,
            high: value,
        }
    }

    pub fn low(&self) -> Decimal {
        self.low
    }

    pub fn typical(&self) -> Decimal {
        self.typical
    }

    pub fn high(&self) -> Decimal {
        self.high
    }

    pub fn at(&self, bound: Bound) -> Decimal {
        match bound {
            Bound::Low => self.low,
            Bound::Typical => self.typical,
            Bound::High => self.high,
        }
    }

    /// A range with no spread does not vary in simulation or sensitivity.
    pub fn is_fixed(&self) -> bool {
        self.low == self.high
    }
}
