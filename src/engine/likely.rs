//! A team's figures at typical values only: what a search over team sizes
//! compares and what a plan's reasoning quotes, read from the one seat
//! formula without evaluating the rest of an estimate (the low and high
//! corners, the components, the months). Each figure is summed in the
//! order [`Estimate`](super::Estimate) sums it, so it is the same decimal.

use rust_decimal::Decimal;

use crate::engine::delivery::{At, Curve};
use crate::engine::inputs::cost_values;
use crate::engine::model::{self, CostModel};
use crate::engine::number::{Exact, Number};
use crate::engine::seat::Terms;
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;
use crate::rates::Layers;
use crate::scenario::{Scenario, Seat};

/// A cost model at its typical values, each seat's terms read once.
#[derive(Debug, Clone)]
pub struct Likely {
    model: CostModel,
    values: Vec<Decimal>,
    terms: Vec<Terms<Exact>>,
}

impl Likely {
    /// The model of these seats (the same problems as an estimate of them
    /// when a seat cannot be resolved).
    pub fn of(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<Likely, Vec<Diagnostic>> {
        model::build(scenario, seats, layers).map(Likely::new)
    }

    pub fn new(model: CostModel) -> Likely {
        let values = cost_values(&model.inputs, Bound::Typical);
        let terms = model
            .seats
            .iter()
            .map(|s| s.terms(&values, model.duration))
            .collect();
        Likely { model, values, terms }
    }

    /// Each seat's terms at typical values, in the model's order.
    pub fn seat_terms(&self) -> &[Terms<Exact>] {
        &self.terms
    }

    /// The model at its typical values, as the curve a delivery is swept
    /// on ([`At`]).
    pub fn at(&self) -> At<'_> {
        At::new(&self.model, &self.values)
    }

    /// The likely cost of the whole plan, seats and cost lines:
    /// `Estimate::cost.likely`.
    pub fn cost(&self) -> Result<Decimal, Diagnostic> {
        let d = self.model.duration;
        let seats = self.sum(|t| t.cost());
        let total = seats + self.model.line_cost(&self.values, d);
        self.checked(total, "likely cost")
    }

    /// The likely productive capacity: `Estimate::capacity.likely`.
    pub fn capacity(&self) -> Result<Decimal, Diagnostic> {
        self.checked(self.sum(|t| t.capacity()), "likely capacity")
    }

    /// The likely cost inside [i0, i1), seats and cost lines: a phase's
    /// `PhaseEstimate::cost.likely`.
    pub fn cost_within(&self, i0: Decimal, i1: Decimal) -> Result<Decimal, Diagnostic> {
        let (a, b) = (Exact::new(i0), Exact::new(i1));
        let d = self.model.duration;
        let seats = self.sum(|t| t.cost_within(a, b));
        let lines = self.model.lines.iter().fold(Exact::zero(), |sum, l| {
            sum + l.cost_within(&self.values, d, i0, i1)
        });
        self.checked(seats + lines, "likely phase cost")
    }

    /// The likely cost of the work done inside [i0, i1): as
    /// [`Likely::cost_within`], without the exit cost of a seat that ends at
    /// i1 (MODEL.md 10.3: a team that stops when it delivers is not let
    /// go).
    pub fn cost_before(&self, i0: Decimal, i1: Decimal) -> Result<Decimal, Diagnostic> {
        let cost = self.at().cost(Exact::new(i0), Exact::new(i1));
        self.checked(cost, "likely cost to deliver")
    }

    /// The likely productive capacity inside [i0, i1): a phase's
    /// `PhaseEstimate::capacity.likely`.
    pub fn capacity_within(&self, i0: Decimal, i1: Decimal) -> Result<Decimal, Diagnostic> {
        let (a, b) = (Exact::new(i0), Exact::new(i1));
        self.checked(self.sum(|t| t.capacity_within(a, b)), "likely phase capacity")
    }

    /// Each seat's typical delay before it starts, in weeks (time to hire
    /// in-house, time to start through an agency), in the order of the
    /// seats: `SeatEstimate::start_weeks`.
    pub fn start_weeks(&self) -> Vec<Decimal> {
        self.model
            .seats
            .iter()
            .map(|s| s.start_weeks(&self.values))
            .collect()
    }

    /// D, the project's length.
    pub fn duration(&self) -> Decimal {
        self.model.duration
    }

    /// The error of a figure too large to compute.
    pub fn too_large(&self, what: &str) -> Diagnostic {
        self.model.too_large(what)
    }

    fn sum(&self, figure: impl Fn(&Terms<Exact>) -> Exact) -> Exact {
        self.terms.iter().fold(Exact::zero(), |sum, t| sum + figure(t))
    }

    fn checked(&self, figure: Exact, what: &str) -> Result<Decimal, Diagnostic> {
        figure.get().ok_or_else(|| self.model.too_large(what))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On every shipped scenario (windows, phases, cost lines, premiums,
    /// currencies) each figure is the estimate's, to the last digit and
    /// scale.
    #[test]
    fn the_likely_figures_are_the_estimates() {
        let catalog = crate::Catalog::embedded().expect("shipped rates");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("scenarios")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(files.len() >= 10);
        let same =
            |a: Decimal, b: Decimal| a == b && a.scale() == b.scale() && a.to_string() == b.to_string();
        for file in files {
            let scenario = crate::load_scenario(&file).expect("a shipped scenario reads");
            let layers = catalog.layers(&scenario.rates).expect("layers");
            let (seats, _) = crate::team::seats(&scenario, &layers).expect("seats");
            let e = crate::engine::estimate(&scenario, &seats, &layers).expect("estimate");
            let likely = Likely::of(&scenario, &seats, &layers).expect("model");
            let name = file.display();
            assert!(same(likely.cost().expect("cost"), e.cost.likely), "{name}");
            assert!(
                same(likely.capacity().expect("capacity"), e.capacity.likely),
                "{name}"
            );
            for p in &e.phases {
                let cost = likely
                    .cost_within(p.from_month, p.until_month)
                    .expect("phase cost");
                let capacity = likely
                    .capacity_within(p.from_month, p.until_month)
                    .expect("phase capacity");
                assert!(same(cost, p.cost.likely), "{name} {}", p.stage);
                assert!(same(capacity, p.capacity.likely), "{name} {}", p.stage);
            }
            let weeks: Vec<Decimal> = e.seats.iter().map(|s| s.start_weeks).collect();
            assert_eq!(likely.start_weeks(), weeks, "{name}");
        }
    }
}
