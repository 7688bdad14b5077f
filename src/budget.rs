//! Budget gates: is a scenario's cost, read at a chosen point, within a
//! budget? For CI pipelines and approval spreadsheets (exit status 3).

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::engine::simulation::decimal;

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

impl Budget {
    /// Holds an estimate against the budget; `None` when the point needs a
    /// simulation the estimate does not have.
    pub fn check(&self, assessment: &Assessment) -> Option<BudgetCheck> {
        let value = match self.at {
            GatePoint::Low => assessment.cost.low,
            GatePoint::Likely => assessment.cost.likely,
            GatePoint::High => assessment.cost.high,
            GatePoint::P50 => crate::money::cents(decimal(assessment.simulation.as_ref()?.cost.p50)),
            GatePoint::P90 => crate::money::cents(decimal(assessment.simulation.as_ref()?.cost.p90)),
        };
        Some(BudgetCheck { budget: *self, value })
    }
}
