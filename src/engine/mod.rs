//! The engine: a scenario and its rate layers in, an [`Estimate`] out
//! (MODEL.md section 4), then simulation, sensitivity and break-even
//! (section 6). Pure: no files, no printing.

pub mod breakeven;
#[cfg(test)]
mod decision_tests;
pub mod inputs;
pub mod model;
pub mod number;
mod pert;
#[cfg(test)]
mod properties;
pub mod seat;
pub mod sensitivity;
pub mod simulation;
#[cfg(test)]
mod simulation_tests;
#[cfg(test)]
mod tests;

use rust_decimal::Decimal;

use crate::input::diagnostic::Diagnostic;
use crate::money::Currency;
use crate::range::Bound;
use crate::rates::Layers;
use crate::scenario::{Scenario, Seat};
use crate::vocabulary::{Engagement, Focus};
use inputs::{capacity_values, cost_values};
use model::{CostModel, SeatModel};
use number::{Exact, Number};
use rust_decimal::prelude::ToPrimitive;
pub use seat::Components;

/// A figure at its low, likely and high ends.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Triple {
    pub low: Decimal,
    pub likely: Decimal,
    pub high: Decimal,
}

impl Triple {
    /// The sum of two triples; `None` when a sum overflows.
    fn checked_add(&self, other: &Triple) -> Option<Triple> {
        Some(Triple {
            low: self.low.checked_add(other.low)?,
            likely: self.likely.checked_add(other.likely)?,
            high: self.high.checked_add(other.high)?,
        })
    }
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
}

/// One month of the likely burn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Month {
    pub month: usize,
    pub likely: Decimal,
    pub cumulative: Decimal,
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
    /// Weeks until the last seat starts, at typical delays.
    pub staffed_weeks: Decimal,
    pub warnings: Vec<String>,
    pub model: CostModel,
    /// How a recommended team was worked out; empty for explicit seats.
    pub reasoning: Vec<String>,
}

impl Estimate {
    /// Cost per productive person-month: low cost over high capacity, and
    /// so on; `None` where capacity is 0.
    pub fn cost_per_pm(&self) -> Option<Triple> {
        let per = |cost: Decimal, cap: Decimal| (!cap.is_zero()).then(|| cost / cap);
        Some(Triple {
            low: per(self.cost.low, self.capacity.high)?,
            likely: per(self.cost.likely, self.capacity.likely)?,
            high: per(self.cost.high, self.capacity.low)?,
        })
    }

    pub fn total_fte(&self) -> Decimal {
        self.engineering_fte + self.development_fte
    }
}

/// Estimates a scenario's seats (explicit or already recommended: the
/// team is resolved before the engine sees it) against its rate layers.
pub fn estimate(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<Estimate, Vec<Diagnostic>> {
    let model = model::build(scenario, seats, layers)?;
    evaluate(scenario, layers, model).map_err(|d| vec![d])
}

/// The totals of a model at typical inputs, and at the low and high ends.
pub fn evaluate(scenario: &Scenario, layers: &Layers, model: CostModel) -> Result<Estimate, Diagnostic> {
    let duration = model.duration;
    let cost_at = |b| cost_values(&model.inputs, b);
    let capacity_at = |b| capacity_values(&model.inputs, b);
    let (cost_low, likely, cost_high) = (cost_at(Bound::Low), cost_at(Bound::Typical), cost_at(Bound::High));
    let (cap_low, cap_high) = (capacity_at(Bound::Low), capacity_at(Bound::High));

    let mut total = Triple::default();
    let mut capacity = Triple::default();
    let mut components = Components::default();
    let mut monthly = vec![Exact::zero(); month_count(duration)];
    let mut seats = Vec::with_capacity(model.seats.len());
    let mut warnings = Vec::new();
    let (mut engineering_fte, mut development_fte) = (Decimal::ZERO, Decimal::ZERO);
    for s in &model.seats {
        let at_likely = s.terms(&likely, duration);
        let cost = Triple {
            low: s.exact(s.terms(&cost_low, duration).cost(), "low cost")?,
            likely: s.exact(at_likely.cost(), "likely cost")?,
            high: s.exact(s.terms(&cost_high, duration).cost(), "high cost")?,
        };
        let cap = Triple {
            low: s.exact(s.terms(&cap_low, duration).capacity(), "low capacity")?,
            likely: s.exact(at_likely.capacity(), "likely capacity")?,
            high: s.exact(s.terms(&cap_high, duration).capacity(), "high capacity")?,
        };
        let parts = at_likely.components();
        let seat_components = Components {
            salary: s.exact(parts.salary, "salary component")?,
            burden: s.exact(parts.burden, "burden component")?,
            overhead: s.exact(parts.overhead, "overhead component")?,
            management: s.exact(parts.management, "management component")?,
            recruiting: s.exact(parts.recruiting, "recruiting component")?,
            agency: s.exact(parts.agency, "agency component")?,
        };
        total = total.checked_add(&cost).ok_or_else(|| s.too_large("cost"))?;
        capacity = capacity
            .checked_add(&cap)
            .ok_or_else(|| s.too_large("capacity"))?;
        components.add(&seat_components.map(Exact::new));
        at_likely.add_months(&mut monthly);
        match s.focus {
            Focus::Engineering => engineering_fte += s.fte,
            Focus::Development => development_fte += s.fte,
        }
        let start = s.start_weeks(&likely);
        let active = s.exact(at_likely.active(), "active months")?;
        warnings.extend(start_warning(s, start, &cost_low, duration, active));
        seats.push(SeatEstimate {
            seat: s.seat.clone(),
            title: s.title.clone(),
            focus: s.focus,
            fte: s.fte,
            cost,
            capacity: cap,
            components: seat_components,
            start_weeks: start,
        });
    }
    let scenario_figure = |x: Exact, what: &str| {
        x.get().ok_or_else(|| {
            Diagnostic::new(
                scenario.file.clone(),
                format!("the {what} of the scenario is too large to compute"),
            )
            .expected("figures whose sums stay below 7.9e28 (rust_decimal's largest number)")
            .help("check the counts of the seats and the salaries, rates and exchange rates they read")
        })
    };
    let components = Components {
        salary: scenario_figure(components.salary, "salary component")?,
        burden: scenario_figure(components.burden, "burden component")?,
        overhead: scenario_figure(components.overhead, "overhead component")?,
        management: scenario_figure(components.management, "management component")?,
        recruiting: scenario_figure(components.recruiting, "recruiting component")?,
        agency: scenario_figure(components.agency, "agency component")?,
    };
    let mut cumulative = Decimal::ZERO;
    let mut months = Vec::with_capacity(monthly.len());
    for (i, likely) in monthly.into_iter().enumerate() {
        let likely = scenario_figure(likely, "monthly cost")?;
        cumulative += likely;
        months.push(Month {
            month: i + 1,
            likely,
            cumulative,
        });
    }
    Ok(Estimate {
        scenario: scenario.clone(),
        layers: layers.tables().iter().map(|t| t.name.value.clone()).collect(),
        currency: model.currency.clone(),
        cost: total,
        capacity,
        engineering_fte,
        development_fte,
        staffed_weeks: seats.iter().map(|s| s.start_weeks).max().unwrap_or_default(),
        seats,
        components,
        monthly: months,
        warnings,
        model,
        reasoning: Vec::new(),
    })
}

/// Number of timeline months: ceil(D).
pub fn month_count(duration: Decimal) -> usize {
    duration.ceil().to_usize().unwrap_or(0)
}

/// A seat whose delay outlasts the project costs nothing: say so.
fn start_warning(
    s: &SeatModel,
    start: Decimal,
    slow: &[Decimal],
    duration: Decimal,
    active: Decimal,
) -> Option<String> {
    let what = match s.seat.engagement {
        Engagement::InHouse => "time to hire",
        Engagement::Agency => "agency time to start",
    };
    let seat = format!(
        "{} {} in {}",
        s.seat.role.value, s.seat.level, s.seat.location.value
    );
    let project_weeks = duration * Decimal::from(52) / Decimal::from(12);
    if active.is_zero() {
        return Some(format!(
            "{seat} never starts: its typical {what} of {} weeks is longer than the project ({} weeks), so it costs nothing and adds no capacity",
            start.normalize(),
            crate::money::plain(project_weeks.round_dp(1))
        ));
    }
    let slowest = s.start_weeks(slow);
    (slowest >= project_weeks).then(|| {
        format!(
            "{seat} may never start: at the high end its {what} is {} weeks, as long as the project ({} weeks)",
            slowest.normalize(),
            crate::money::plain(project_weeks.round_dp(1))
        )
    })
}
