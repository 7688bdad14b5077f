//! The quarters and fiscal years of an estimate (MODEL.md 10.6): each the
//! sum of its months, at the low, likely and high corners of cost and the
//! likely output. Plan quarters and years without a calendar; fiscal ones,
//! named after the calendar year a fiscal year ends in, with one.

use rust_decimal::Decimal;

use crate::engine::{Month, Triple};
use crate::scenario::calendar::Calendar;

/// A quarter or a (fiscal) year of the plan: months [from, until).
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// "Q1", "Year 1"; "FY2028 Q1", "FY2028" on the calendar.
    pub label: String,
    pub from_month: Decimal,
    pub until_month: Decimal,
    /// The sums of its months at each corner: the low and high months are
    /// those of the low and high corners, which need not bracket the
    /// period's likely (a delay moves a hiring fee into another quarter).
    pub cost: Triple,
    /// The likely output inside the period, productive person-months.
    pub capacity: Decimal,
}

/// The quarters and the years of the months. `low` and `high` are the
/// months' costs at the low and high corners, in the order of `months`;
/// `duration` ends the last period.
pub fn periods(
    months: &[Month],
    low: &[Decimal],
    high: &[Decimal],
    duration: Decimal,
    calendar: Option<&Calendar>,
) -> (Vec<Period>, Vec<Period>) {
    let quarter = |m: usize| match calendar {
        None => format!("Q{}", (m - 1) / 3 + 1),
        Some(c) => {
            let (year, q) = c.fiscal(c.month(m));
            format!("FY{year} Q{q}")
        }
    };
    let year = |m: usize| match calendar {
        None => format!("Year {}", (m - 1) / 12 + 1),
        Some(c) => format!("FY{}", c.fiscal(c.month(m)).0),
    };
    (
        grouped(months, low, high, duration, quarter),
        grouped(months, low, high, duration, year),
    )
}

/// Consecutive months with the same label, summed.
fn grouped(
    months: &[Month],
    low: &[Decimal],
    high: &[Decimal],
    duration: Decimal,
    label: impl Fn(usize) -> String,
) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for (i, m) in months.iter().enumerate() {
        let name = label(m.month);
        let until = Decimal::from(m.month).min(duration);
        let (l, h) = (
            low.get(i).copied().unwrap_or_default(),
            high.get(i).copied().unwrap_or_default(),
        );
        match out.last_mut() {
            Some(p) if p.label == name => {
                p.until_month = until;
                p.cost.low += l;
                p.cost.likely += m.likely;
                p.cost.high += h;
                p.capacity += m.capacity_pm;
            }
            _ => out.push(Period {
                label: name,
                from_month: Decimal::from(m.month - 1),
                until_month: until,
                cost: Triple {
                    low: l,
                    likely: m.likely,
                    high: h,
                },
                capacity: m.capacity_pm,
            }),
        }
    }
    out
}
