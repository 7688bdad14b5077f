//! Break-even (MODEL.md section 6): the scenario's team all in-house versus
//! all through an agency, as likely cost per productive person-month over
//! durations of 1 to 60 months.

use rust_decimal::Decimal;

use crate::engine::inputs::cost_values;
use crate::engine::model::{self, CostModel, horizon};
use crate::engine::number::{Exact, Number};
use crate::engine::seat::Terms;
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;
use crate::rates::Layers;
use crate::scenario::{Scenario, Seat};
use crate::vocabulary::{After, Engagement};

pub const LONGEST: u32 = 60;

/// Likely cost per productive person-month at one duration; `None` where
/// the team has no capacity inside the project.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub months: u32,
    pub in_house: Option<Decimal>,
    pub agency: Option<Decimal>,
}

impl Duration {
    pub fn in_house_cheaper(&self) -> bool {
        matches!((self.in_house, self.agency), (Some(h), Some(a)) if h < a)
            || (self.in_house.is_some() && self.agency.is_none())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BreakEven {
    /// The first duration from which in-house stays cheaper up to 60 months.
    pub months: Option<u32>,
    pub durations: Vec<Duration>,
}

/// A model's seats at typical values, each read once: break-even then
/// needs only its likely cost and capacity at each duration.
struct Likely<'m> {
    model: &'m CostModel,
    /// Each seat's window end and its terms over some horizon.
    seats: Vec<(Option<Exact>, Terms<Exact>)>,
}

impl Likely<'_> {
    fn of(model: &CostModel) -> Likely<'_> {
        let values = cost_values(&model.inputs, Bound::Typical);
        let seats = model
            .seats
            .iter()
            .map(|s| (s.formula.until.map(Exact::new), s.terms(&values, Decimal::ONE)))
            .collect();
        Likely { model, seats }
    }

    /// Likely cost per productive person-month over `duration` months;
    /// `Ok(None)` where the team has no capacity.
    fn per_pm(&self, duration: Decimal) -> Result<Option<Decimal>, Diagnostic> {
        let horizon = horizon(duration);
        let (mut cost, mut capacity) = (Exact::zero(), Exact::zero());
        for (until, terms) in &self.seats {
            let terms = terms.over(*until, horizon);
            cost = cost + terms.cost();
            capacity = capacity + terms.capacity();
        }
        let capacity = capacity.get().ok_or_else(|| self.model.too_large("capacity"))?;
        if capacity.is_zero() {
            return Ok(None);
        }
        let per = cost / Exact::new(capacity);
        per.get()
            .map(Some)
            .ok_or_else(|| self.model.too_large("cost per person-month"))
    }
}

/// The team with every seat switched to one engagement, each for the whole
/// duration (windows set aside, MODEL.md section 6), each a new hire kept
/// at the end (10.13: break-even ignores `existing`, `after` and exit
/// costs).
fn all(seats: &[Seat], engagement: Engagement) -> Vec<Seat> {
    seats
        .iter()
        .map(|s| Seat {
            engagement,
            from_month: Decimal::ZERO,
            until_month: None,
            existing: false,
            after: None,
            ..s.clone()
        })
        .collect()
}

/// Break-even of a team; a seat with no salary or no agency rate in the
/// layers is an error naming it.
pub fn breakeven(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<BreakEven, Vec<Diagnostic>> {
    let kept = Scenario {
        after: After::Keep,
        ..scenario.clone()
    };
    let in_house = model::build(&kept, &all(seats, Engagement::InHouse), layers);
    let agency = model::build(&kept, &all(seats, Engagement::Agency), layers);
    let (in_house, agency) = match (in_house, agency) {
        (Ok(h), Ok(a)) => (h, a),
        (h, a) => {
            let help = "break-even prices every seat both in-house and through an agency: add the missing entry to a plugin layered on top";
            return Err(h
                .err()
                .into_iter()
                .chain(a.err())
                .flatten()
                .map(|d| d.help(help))
                .collect());
        }
    };
    let (in_house, agency) = (Likely::of(&in_house), Likely::of(&agency));
    let durations = (1..=LONGEST)
        .map(|months| {
            let d = Decimal::from(months);
            Ok(Duration {
                months,
                in_house: in_house.per_pm(d)?,
                agency: agency.per_pm(d)?,
            })
        })
        .collect::<Result<Vec<Duration>, Diagnostic>>()
        .map_err(|d| vec![d])?;
    Ok(BreakEven {
        months: stays_cheaper(&durations),
        durations,
    })
}

/// The first duration from which in-house is cheaper at every longer
/// duration too (not merely the first where it is cheaper).
fn stays_cheaper(durations: &[Duration]) -> Option<u32> {
    durations
        .iter()
        .rev()
        .take_while(|d| d.in_house_cheaper())
        .last()
        .map(|d| d.months)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn at(months: u32, in_house: Option<Decimal>, agency: Option<Decimal>) -> Duration {
        Duration {
            months,
            in_house,
            agency,
        }
    }

    #[test]
    fn break_even_is_where_in_house_stays_cheaper_not_where_it_first_is() {
        // cheaper at 2, dearer again at 3, cheaper from 4 on: the answer is 4
        let d = [
            at(1, Some(dec!(12)), Some(dec!(10))),
            at(2, Some(dec!(9)), Some(dec!(10))),
            at(3, Some(dec!(11)), Some(dec!(10))),
            at(4, Some(dec!(9)), Some(dec!(10))),
            at(5, Some(dec!(8)), Some(dec!(10))),
        ];
        assert_eq!(stays_cheaper(&d), Some(4));
        // equal is not cheaper
        assert_eq!(stays_cheaper(&d[..3]), None);
        let tie = [at(1, Some(dec!(10)), Some(dec!(10)))];
        assert_eq!(stays_cheaper(&tie), None);
    }

    /// Each seat read once and then over every duration gives what reading
    /// the whole model at each duration gives, on every shipped scenario
    /// (windows, raises, attrition, premiums, several currencies).
    #[test]
    fn reading_each_seat_once_gives_the_figures_of_the_whole_model() {
        let catalog = crate::Catalog::embedded().expect("shipped rates");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("scenarios")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(files.len() >= 10);
        for file in files {
            let scenario = crate::load_scenario(&file).expect("a shipped scenario reads");
            let layers = catalog.layers(&scenario.rates).expect("layers");
            let (seats, _) = crate::team::seats(&scenario, &layers).expect("seats");
            let got = breakeven(&scenario, &seats, &layers).expect("break-even");
            let whole = |engagement| {
                let model = model::build(&scenario, &all(&seats, engagement), &layers).expect("model");
                let values = cost_values(&model.inputs, Bound::Typical);
                (1..=LONGEST)
                    .map(|months| {
                        let d = Decimal::from(months);
                        let cost = model.seat_cost(&values, d);
                        let capacity = model.capacity(&values, d).get().expect("capacity");
                        (!capacity.is_zero()).then(|| (cost / Exact::new(capacity)).get().expect("per pm"))
                    })
                    .collect::<Vec<_>>()
            };
            let (in_house, agency) = (whole(Engagement::InHouse), whole(Engagement::Agency));
            for (d, (h, a)) in got.durations.iter().zip(in_house.into_iter().zip(agency)) {
                assert_eq!(
                    (d.in_house, d.agency),
                    (h, a),
                    "{} at {} months",
                    file.display(),
                    d.months
                );
                // the same decimal, not only the same value
                assert_eq!(
                    (d.in_house.map(|x| x.scale()), d.agency.map(|x| x.scale())),
                    (h.map(|x| x.scale()), a.map(|x| x.scale()))
                );
            }
            assert_eq!(got.durations.len(), LONGEST as usize);
        }
    }

    #[test]
    fn a_side_with_no_capacity_is_never_the_cheaper_one() {
        // in-house has capacity and agency none: in-house is cheaper
        assert!(at(1, Some(dec!(10)), None).in_house_cheaper());
        // in-house has none: never cheaper
        assert!(!at(1, None, Some(dec!(10))).in_house_cheaper());
        assert!(!at(1, None, None).in_house_cheaper());
        let d = [at(1, None, Some(dec!(5))), at(2, Some(dec!(50)), None)];
        assert_eq!(stays_cheaper(&d), Some(2));
    }
}
