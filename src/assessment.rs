//! An estimate with what was worked out around it: the Monte Carlo
//! simulation and the budget gate. They sit beside the estimate, not
//! inside it, so the engine knows nothing of budgets. Reports and charts
//! read assessments; an assessment reads as its estimate (`Deref`).

use std::ops::Deref;

use crate::budget::{Budget, BudgetCheck};
use crate::engine::Estimate;
use crate::engine::simulation::{Simulation, simulate};

/// An estimate, its simulation when one was run, and its budget gate when
/// one was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub estimate: Estimate,
    pub simulation: Option<Simulation>,
    pub budget: Option<BudgetCheck>,
}

impl From<Estimate> for Assessment {
    fn from(estimate: Estimate) -> Assessment {
        Assessment {
            estimate,
            simulation: None,
            budget: None,
        }
    }
}

impl Deref for Assessment {
    type Target = Estimate;

    fn deref(&self) -> &Estimate {
        &self.estimate
    }
}

impl Assessment {
    /// Runs the simulation: `trials` trials from `seed`.
    pub fn simulate(&mut self, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) {
        self.simulation = Some(simulate(&self.estimate.model, trials, seed, progress));
    }

    /// Holds the assessment against a budget; true when it is over.
    pub fn gate(&mut self, budget: Budget) -> bool {
        self.budget = budget.check(self);
        self.budget.is_some_and(|c| c.over())
    }
}
