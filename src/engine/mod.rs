//! The engine: a scenario and its rate layers in, an [`Estimate`] out
//! (MODEL.md section 4), then simulation, sensitivity and break-even
//! (section 6). Pure: no files, no printing.

pub mod breakeven;
#[cfg(test)]
mod decision_tests;
pub mod delivery;
#[cfg(test)]
mod delivery_tests;
mod evaluate;
pub mod headcount;
pub mod inputs;
pub mod likely;
pub mod line;
pub mod model;
pub mod number;
pub mod periods;
mod pert;
#[cfg(test)]
mod plan_tests;
#[cfg(test)]
pub(crate) mod premium_tests;
#[cfg(test)]
mod properties;
#[cfg(test)]
mod release_tests;
pub mod seat;
pub mod sensitivity;
pub mod simulation;
#[cfg(test)]
mod simulation_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod timeline_tests;

use rust_decimal::Decimal;

use crate::input::diagnostic::Diagnostic;
use crate::money::Currency;
use crate::rates::Layers;
use crate::scenario::calendar::YearMonth;
use crate::scenario::{Scenario, Seat};
use crate::vocabulary::{Focus, Stage};
pub use likely::Likely;
use model::CostModel;
use rust_decimal::prelude::ToPrimitive;
pub use seat::Components;

/// A figure at its low, likely and high ends.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Triple {
    pub low: Decimal,
    pub likely: Decimal,
    pub high: Decimal,
}

/// One seat's part of the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatEstimate {
    pub seat: Seat,
    pub title: String,
    pub focus: Focus,
    pub fte: Decimal,
    pub cost: Triple,
    pub capacity: Triple,
    pub components: Components,
    /// Weeks until the seat starts, at typical delays.
    pub start_weeks: Decimal,
    /// Its window [from, until) in months.
    pub from_month: Decimal,
    pub until_month: Decimal,
}

/// One phase of a plan (MODEL.md 8.3): what falls inside [from, until).
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseEstimate {
    pub stage: Stage,
    pub from_month: Decimal,
    pub until_month: Decimal,
    pub cost: Triple,
    pub capacity: Triple,
    /// Planned average FTE by focus: Σ n*a * overlap([f, u), P) / |P|.
    pub engineering_fte: Decimal,
    pub development_fte: Decimal,
}

/// One non-labour cost line's part of the estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct LineEstimate {
    pub name: String,
    pub cost: Triple,
}

/// One month of the likely burn, and of the likely output (MODEL.md
/// 10.2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Month {
    pub month: usize,
    pub likely: Decimal,
    pub cumulative: Decimal,
    /// The productive person-months delivered inside the month.
    pub capacity_pm: Decimal,
    /// The productive person-months delivered from the start through the
    /// month's end: C(min(m, D)).
    pub cumulative_pm: Decimal,
    /// The calendar month it is, when the scenario gives its `start`
    /// (MODEL.md 10.6).
    pub calendar: Option<YearMonth>,
}

/// What the company carries on paying after the plan (MODEL.md 10.4):
/// the in-house people who run to the end and are kept, at the running
/// cost of the plan's last month. Not part of the scenario's cost.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Commitment {
    pub people: u32,
    pub fte: Decimal,
    pub monthly: Decimal,
    /// 12 x monthly.
    pub annual: Decimal,
}

/// Everything teamcost says about one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub scenario: Scenario,
    pub layers: Vec<String>,
    pub currency: Currency,
    pub cost: Triple,
    pub capacity: Triple,
    pub engineering_fte: Decimal,
    pub development_fte: Decimal,
    pub seats: Vec<SeatEstimate>,
    pub components: Components,
    pub monthly: Vec<Month>,
    /// The phases (one for a single-stage scenario); they add up to the
    /// cost and capacity.
    pub phases: Vec<PhaseEstimate>,
    /// The non-labour cost lines.
    pub costs: Vec<LineEstimate>,
    /// The cost lines' total: part of `cost`, not of cost per person-month.
    pub other: Triple,
    /// Weeks until the last seat starts, at typical delays.
    pub staffed_weeks: Decimal,
    pub warnings: Vec<String>,
    pub model: CostModel,
    /// How a recommended team was worked out; empty for explicit seats.
    pub reasoning: Vec<String>,
    /// When the scenario's goal is delivered and at what cost (MODEL.md
    /// section 10.3), at likely figures; `None` without a goal.
    pub delivery: Option<delivery::Delivery>,
    /// The in-house payroll kept after the plan, at likely figures.
    pub committed: Commitment,
    /// What the agency seats at the end bill a month (they can be ended).
    pub agency_monthly_at_end: Decimal,
    /// The plan's quarters and (fiscal) years, each the sum of its months
    /// (MODEL.md 10.6).
    pub quarters: Vec<periods::Period>,
    pub fiscal_years: Vec<periods::Period>,
    /// The planned FTE by focus at its peak and on average over the plan
    /// (MODEL.md 10.7): what a plan's team size is, where the sums above
    /// add up people who are never there together.
    pub peak_engineering_fte: Decimal,
    pub peak_development_fte: Decimal,
    pub average_engineering_fte: Decimal,
    pub average_development_fte: Decimal,
    /// The latest start s (typical delays, plan months) of the seats that
    /// start inside their window; `None` when none does (MODEL.md 10.13).
    pub staffed_by_month: Option<Decimal>,
}

impl Estimate {
    /// Cost per productive person-month: low cost over high capacity, and
    /// so on; `None` where capacity is 0.
    /// The seats' cost (cost lines set aside) per productive
    /// person-month: low cost over high capacity, and so on; `None` where
    /// capacity is 0.
    pub fn cost_per_pm(&self) -> Option<Triple> {
        let per = |cost: Decimal, cap: Decimal| (!cap.is_zero()).then(|| cost / cap);
        Some(Triple {
            low: per(self.cost.low - self.other.low, self.capacity.high)?,
            likely: per(self.cost.likely - self.other.likely, self.capacity.likely)?,
            high: per(self.cost.high - self.other.high, self.capacity.low)?,
        })
    }

    /// A plan over time: more than one phase, a seat window, or a cost
    /// line; reports show their plan sections only then, so a single-stage
    /// scenario reads as it always did.
    pub fn is_plan(&self) -> bool {
        self.phases.len() > 1 || !self.costs.is_empty() || self.has_windows()
    }

    /// Some seat is planned for less than the whole project.
    pub fn has_windows(&self) -> bool {
        let d = self.scenario.duration.get();
        self.seats
            .iter()
            .any(|s| !s.from_month.is_zero() || s.until_month != d)
    }

    /// The team changes over time: phases, or a seat planned for less
    /// than the whole project. Tables, charts and reports then show its
    /// peak and average FTE, never the sum (MODEL.md 10.7).
    pub fn team_changes(&self) -> bool {
        self.phases.len() > 1 || self.has_windows()
    }

    /// The plan month the last seat starts in: floor(s) + 1 of
    /// `staffed_by_month` (MODEL.md 10.13).
    pub fn last_start_month(&self) -> Option<Decimal> {
        self.staffed_by_month.map(|s| s.floor() + Decimal::ONE)
    }

    pub fn total_fte(&self) -> Decimal {
        self.engineering_fte + self.development_fte
    }

    /// The likely cumulative output C(t) (MODEL.md 10.2) at every time in
    /// [0, D] where its rate changes, in order, both ends included: the
    /// corners of a piecewise linear curve, drawn exactly by joining them.
    pub fn output_points(&self) -> Result<Vec<(Decimal, Decimal)>, Diagnostic> {
        let likely = Likely::new(self.model.clone());
        let d = self.model.duration;
        let mut times: Vec<Decimal> = likely
            .seat_terms()
            .iter()
            .flat_map(|t| t.pieces())
            .flat_map(|(from, until, _)| [from, until])
            .filter_map(|t| t.get())
            .map(|t| t.clamp(Decimal::ZERO, d))
            .chain([Decimal::ZERO, d])
            .collect();
        times.sort();
        times.dedup();
        times
            .into_iter()
            .map(|t| Ok((t, likely.capacity_within(Decimal::ZERO, t)?)))
            .collect()
    }
}

/// Estimates a scenario's seats (explicit or already recommended: the
/// team is resolved before the engine sees it) against its rate layers.
pub fn estimate(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<Estimate, Vec<Diagnostic>> {
    let model = model::build(scenario, seats, layers)?;
    let delivery = match &scenario.goal {
        Some(goal) => {
            Some(delivery::deliver(&likely::Likely::new(model.clone()), goal).map_err(|d| vec![d])?)
        }
        None => None,
    };
    let mut estimate = evaluate::evaluate(scenario, layers, model).map_err(|d| vec![d])?;
    estimate.delivery = delivery;
    Ok(estimate)
}

/// Number of timeline months: ceil(D).
pub fn month_count(duration: Decimal) -> usize {
    duration.ceil().to_usize().unwrap_or(0)
}
