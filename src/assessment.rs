//! An estimate with what was worked out around it: the Monte Carlo
//! simulation, the budget gate and the advice (MODEL.md section 9). They sit beside the estimate, not
//! inside it, so the engine knows nothing of budgets. Reports and charts
//! read assessments; an assessment reads as its estimate (`Deref`).

use std::ops::Deref;

use rust_decimal::Decimal;

use crate::advice::{Advice, advise};
use crate::budget::{Budget, BudgetCheck, GatePoint};
use crate::conversion::Conversion;
use crate::engine::Estimate;
use crate::engine::simulation::{Simulation, decimal, simulate};
use crate::money::cents;
use crate::rates::Layers;

/// An estimate, its simulation when one was run, and its budget gate when
/// one was asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub estimate: Estimate,
    pub simulation: Option<Simulation>,
    pub budget: Option<BudgetCheck>,
    /// The hiring mistakes the plan may be making; empty until
    /// [`Assessment::advise`] is called, and when there are none.
    pub advice: Vec<Advice>,
    /// How the figures were brought into the reporting currency when it is
    /// not the scenario's own; set by whoever chose the currency.
    pub conversion: Option<Conversion>,
}

impl From<Estimate> for Assessment {
    fn from(estimate: Estimate) -> Assessment {
        Assessment {
            estimate,
            simulation: None,
            budget: None,
            advice: Vec::new(),
            conversion: None,
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
    /// An estimate with the advice of the rules in its layers.
    pub fn advised(estimate: Estimate, layers: &Layers) -> Assessment {
        let mut assessment = Assessment::from(estimate);
        assessment.advise(layers);
        assessment
    }

    /// Holds each phase against the advice rules of the layers.
    pub fn advise(&mut self, layers: &Layers) {
        self.advice = advise(&self.estimate, layers);
    }

    /// Runs the simulation: `trials` trials from `seed`.
    pub fn simulate(&mut self, trials: u32, seed: u64, progress: &(dyn Fn(u64) + Sync)) {
        self.simulation = Some(simulate(&self.estimate.model, trials, seed, progress));
    }

    /// Holds the assessment against a budget; true when it is over.
    pub fn gate(&mut self, budget: Budget) -> bool {
        self.budget = self
            .value_at(budget.at)
            .map(|value| BudgetCheck { budget, value });
        self.budget.is_some_and(|c| c.over())
    }

    /// The cost at a gate's point (p50 and p90 rounded to cents); `None`
    /// when the point needs a simulation that was not run.
    pub fn value_at(&self, at: GatePoint) -> Option<Decimal> {
        let simulated = |p: fn(&Simulation) -> f64| Some(cents(decimal(p(self.simulation.as_ref()?))));
        match at {
            GatePoint::Low => Some(self.cost.low),
            GatePoint::Likely => Some(self.cost.likely),
            GatePoint::High => Some(self.cost.high),
            GatePoint::P50 => simulated(|s| s.cost.p50),
            GatePoint::P90 => simulated(|s| s.cost.p90),
        }
    }
}
