//! Break-even (MODEL.md section 6): the scenario's team all in-house versus
//! all through an agency, as likely cost per productive person-month over
//! durations of 1 to 60 months.

use rust_decimal::Decimal;

use crate::engine::inputs::cost_values;
use crate::engine::model::{self, CostModel};
use crate::engine::number::Exact;
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;
use crate::rates::Layers;
use crate::scenario::{Scenario, Seat};
use crate::vocabulary::Engagement;

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

/// Likely cost per productive person-month; `Ok(None)` where the team has
/// no capacity.
fn per_pm(model: &CostModel, duration: Decimal) -> Result<Option<Decimal>, Diagnostic> {
    let values = cost_values(&model.inputs, Bound::Typical);
    let cost = model.seat_cost(&values, duration);
    let capacity = model.capacity(&values, duration);
    let capacity = capacity.get().ok_or_else(|| model.too_large("capacity"))?;
    if capacity.is_zero() {
        return Ok(None);
    }
    let per = cost / Exact::new(capacity);
    per.get()
        .map(Some)
        .ok_or_else(|| model.too_large("cost per person-month"))
}

/// The team with every seat switched to one engagement, each for the whole
/// duration (windows set aside, MODEL.md section 6).
fn all(seats: &[Seat], engagement: Engagement) -> Vec<Seat> {
    seats
        .iter()
        .map(|s| Seat {
            engagement,
            from_month: Decimal::ZERO,
            until_month: None,
            ..s.clone()
        })
        .collect()
}

/// Break-even of a team; a seat with no salary or no agency rate in the
/// layers is an error naming it.
pub fn breakeven(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<BreakEven, Vec<Diagnostic>> {
    let in_house = model::build(scenario, &all(seats, Engagement::InHouse), layers);
    let agency = model::build(scenario, &all(seats, Engagement::Agency), layers);
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
    let durations = (1..=LONGEST)
        .map(|months| {
            let d = Decimal::from(months);
            Ok(Duration {
                months,
                in_house: per_pm(&in_house, d)?,
                agency: per_pm(&agency, d)?,
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
