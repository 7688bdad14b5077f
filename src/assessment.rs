//! An estimate with what was worked out around it, kept with the rate
//! layers it was priced against: the conversion into the reporting
//! currency, the advice (MODEL.md section 9), the Monte Carlo
//! simulation, the budget gate, and the break-even, computed at most once.
//! They sit beside the estimate, not inside it, so the engine knows nothing
//! of budgets. Reports and charts read assessments; an assessment reads as
//! its estimate (`Deref`).

use std::ops::Deref;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::advice::{Advice, advise_given};
use crate::budget::{Budget, BudgetCheck, GatePoint};
use crate::conversion::Conversion;
use crate::engine::Estimate;
use crate::engine::breakeven::{BreakEven, breakeven};
use crate::engine::simulation::{Simulation, decimal, simulate};
use crate::input::diagnostic::Diagnostic;
use crate::money::cents;
use crate::rates::Layers;

/// An estimate, its layers, its simulation when one was run, and its
/// budget gate when one was asked for.
#[derive(Debug, Clone)]
pub struct Assessment {
    pub estimate: Estimate,
    /// The rate layers the estimate was priced against.
    pub rate_layers: Layers,
    pub simulation: Option<Simulation>,
    pub budget: Option<BudgetCheck>,
    /// The hiring mistakes the plan may be making; empty when there are
    /// none.
    pub advice: Vec<Advice>,
    /// How the figures were brought into the reporting currency when it is
    /// not the scenario's own.
    pub conversion: Option<Conversion>,
    /// The team all in-house against all agency, priced the first time it
    /// is asked for.
    breakeven: OnceLock<Result<BreakEven, Vec<Diagnostic>>>,
}

impl Deref for Assessment {
    type Target = Estimate;

    fn deref(&self) -> &Estimate {
        &self.estimate
    }
}

impl Assessment {
    /// An estimate with the advice of the rules in its layers.
    pub fn new(estimate: Estimate, layers: Layers) -> Assessment {
        let mut assessment = Assessment {
            estimate,
            rate_layers: layers,
            simulation: None,
            budget: None,
            advice: Vec::new(),
            conversion: None,
            breakeven: OnceLock::new(),
        };
        let advice = advise_given(&assessment.estimate, &assessment.rate_layers, || {
            assessment.breakeven().as_ref().ok().and_then(|b| b.months)
        });
        assessment.advice = advice;
        assessment
    }

    /// The break-even of the team (MODEL.md section 6): worked out the
    /// first time it is asked for, then kept.
    pub fn breakeven(&self) -> &Result<BreakEven, Vec<Diagnostic>> {
        self.breakeven.get_or_init(|| {
            let seats: Vec<_> = self.estimate.seats.iter().map(|s| s.seat.clone()).collect();
            breakeven(&self.estimate.scenario, &seats, &self.rate_layers)
        })
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

    /// The sentence for outputs that show these assessments together, when
    /// any was converted (see [`crate::conversion::note`]).
    pub fn conversion_note(assessments: &[Assessment]) -> Option<String> {
        let conversions: Vec<&Conversion> =
            assessments.iter().filter_map(|a| a.conversion.as_ref()).collect();
        crate::conversion::note(&conversions)
    }
}
