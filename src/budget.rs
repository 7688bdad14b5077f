//! Budget gates: is a scenario's cost, read at a chosen point, within a
//! budget? For CI pipelines and approval spreadsheets (exit status 3).

use rust_decimal::Decimal;

/// Which figure of an estimate a budget is held against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GatePoint {
    Low,
    Likely,
    High,
    P50,
    P90,
}

impl GatePoint {
    pub fn name(self) -> &'static str {
        match self {
            GatePoint::Low => "low",
            GatePoint::Likely => "likely",
            GatePoint::High => "high",
            GatePoint::P50 => "p50",
            GatePoint::P90 => "p90",
        }
    }

    pub fn needs_simulation(self) -> bool {
        matches!(self, GatePoint::P50 | GatePoint::P90)
    }
}

/// A budget in the reporting currency, held against one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub amount: Decimal,
    pub at: GatePoint,
}

/// The outcome of a budget gate for one scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetCheck {
    pub budget: Budget,
    /// The cost at the gate's point (p50 and p90 rounded to cents).
    pub value: Decimal,
}

impl BudgetCheck {
    pub fn over(&self) -> bool {
        self.value > self.budget.amount
    }

    /// How far over (positive) or under (negative) the budget.
    pub fn margin(&self) -> Decimal {
        self.value - self.budget.amount
    }
}
