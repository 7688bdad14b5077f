//! The team: the seats a scenario is estimated with, explicit or
//! recommended (MODEL.md section 5; a plan over phases, 8.6), and the
//! staffing profile behind the recommendation.

pub mod plan;
#[cfg(test)]
mod plan_tests;
pub mod recommend;
#[cfg(test)]
mod tests;
pub mod write;

use crate::input::diagnostic::Diagnostic;
use crate::rates::Layers;
use crate::scenario::{Scenario, Seat, Team};
pub use recommend::{Recommendation, recommend};

/// The seats a scenario is estimated with, and the reasoning when they were
/// recommended.
pub fn seats(scenario: &Scenario, layers: &Layers) -> Result<(Vec<Seat>, Vec<String>), Vec<Diagnostic>> {
    match &scenario.team {
        Team::Seats(seats) => Ok((seats.clone(), Vec::new())),
        Team::Recommend { target, .. } => {
            let r = recommend(scenario, *target, layers)?;
            Ok((r.seats, r.reasoning))
        }
        Team::RecommendPlan { targets, origin } => {
            let r = plan::recommend_plan(scenario, targets, origin, layers)?;
            Ok((r.seats, r.reasoning))
        }
    }
}
