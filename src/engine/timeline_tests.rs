//! The plan over time worked out by hand from MODEL.md 10.2 (output by
//! month), on the hand table of `tests.rs`: in-house hire 13 weeks = 3
//! months, ramp-up 13 weeks = 3 months at p = 0.5; agency start 0, no
//! ramp-up.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::tests::{hand_layers, scenario};
use crate::estimate;

/// The engineer opens at 0.5, the developers (n * a = 1) stop at 2.5, the
/// plan ends at 8.5: the first and the last months are cut.
const STAGGERED: &str = r#"(role: "ai-engineer", level: Senior, from_month: 0.5),
    (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency, until_month: 2.5)"#;

#[test]
fn output_by_month_reads_the_seat_formula_month_by_month() {
    let e = estimate(&scenario("8.5", STAGGERED, ""), &hand_layers()).expect("estimate");
    // engineer: s = 0.5 + 3 = 3.5; ramp [3.5, 6.5) at 0.5 a month, full
    //   [6.5, 8.5) at 1: month 4 [3, 4) 0.5 * 0.5 = 0.25, months 5 and 6
    //   0.5, month 7 [6, 7) 0.5 * 0.5 + 0.5 * 1 = 0.75, month 8 1, month 9
    //   [8, 8.5) 0.5; capacity 0.5 * 3 + 2 = 3.5
    // developers: full from 0 to 2.5 at 1: months 1 and 2 1, month 3 0.5;
    //   capacity 2.5
    let output: Vec<Decimal> = e.monthly.iter().map(|m| m.capacity_pm).collect();
    assert_eq!(
        output,
        [
            dec!(1),
            dec!(1),
            dec!(0.5),
            dec!(0.25),
            dec!(0.5),
            dec!(0.5),
            dec!(0.75),
            dec!(1),
            dec!(0.5)
        ]
    );
    let cumulative: Vec<Decimal> = e.monthly.iter().map(|m| m.cumulative_pm).collect();
    assert_eq!(
        cumulative,
        [
            dec!(1),
            dec!(2),
            dec!(2.5),
            dec!(2.75),
            dec!(3.25),
            dec!(3.75),
            dec!(4.5),
            dec!(5.5),
            dec!(6)
        ]
    );
    // C(D) is the capacity: 3.5 + 2.5
    assert_eq!(e.capacity.likely, dec!(6));
}
