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

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;

/// One quarter or year: (label, from, until, cost low, likely, high,
/// capacity).
type Row = (&'static str, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal);

fn rows(
    periods: &[crate::engine::periods::Period],
) -> Vec<(String, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal)> {
    periods
        .iter()
        .map(|p| {
            (
                p.label.clone(),
                p.from_month,
                p.until_month,
                p.cost.low,
                p.cost.likely,
                p.cost.high,
                p.capacity,
            )
        })
        .collect()
}

fn expected(rows: &[Row]) -> Vec<(String, Decimal, Decimal, Decimal, Decimal, Decimal, Decimal)> {
    rows.iter()
        .map(|r| (r.0.to_string(), r.1, r.2, r.3, r.4, r.5, r.6))
        .collect()
}

/// MODEL.md 10.6, worked by hand: the engineer alone for 7.5 months from
/// February 2027, fiscal years from April.
///
/// Plan months 1-8 are 2027-02 .. 2027-09; April 2027 opens FY2028 (it
/// ends in March 2028), so Feb-Mar are FY2027 Q4, Apr-Jun FY2028 Q1,
/// Jul-Sep FY2028 Q2, the last one cut at 7.5.
///
/// likely: hired after 3 months, 14600 a month, fee 18000 in month 4:
///   months 1-3 0, month 4 32600, 5-7 14600, month 8 (half) 7300
///   Q4 0; Q1 0 + 32600 + 14600 = 47200; Q2 14600 + 14600 + 7300 = 36500
/// low: hired after 6 months, 12300 a month, fee 10800 in month 7:
///   month 7 23100, month 8 6150: Q2 29250, the rest 0
/// high: hired at once, 18600 a month, fee 28800 in month 1:
///   month 1 47400, 2-7 18600, month 8 9300
///   Q4 47400 + 18600 = 66000; Q1 3 * 18600 = 55800; Q2 18600 * 2 + 9300 = 46500
/// output (likely): ramp [3, 6) at 0.5, full [6, 7.5) at 1:
///   Q4 0; Q1 months 3-5 0 + 0.5 + 0.5 = 1; Q2 0.5 + 1 + 0.5 = 2
/// (The corners of a period need not bracket its likely: here they do, but
/// only whole-plan totals are ordered.)
#[test]
fn quarters_across_a_fiscal_year_boundary_with_a_cut_last_month() {
    let s = scenario("7.5", ENGINEER, r#"start: "2027-02", fiscal_year_start: 4,"#);
    let e = estimate(&s, &hand_layers()).expect("estimate");
    let calendar: Vec<String> = e
        .monthly
        .iter()
        .map(|m| m.calendar.map(|c| c.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(
        calendar,
        [
            "2027-02", "2027-03", "2027-04", "2027-05", "2027-06", "2027-07", "2027-08", "2027-09"
        ]
    );
    assert_eq!(
        rows(&e.quarters),
        expected(&[
            (
                "FY2027 Q4",
                dec!(0),
                dec!(2),
                dec!(0),
                dec!(0),
                dec!(66000),
                dec!(0)
            ),
            (
                "FY2028 Q1",
                dec!(2),
                dec!(5),
                dec!(0),
                dec!(47200),
                dec!(55800),
                dec!(1)
            ),
            (
                "FY2028 Q2",
                dec!(5),
                dec!(7.5),
                dec!(29250),
                dec!(36500),
                dec!(46500),
                dec!(2)
            ),
        ])
    );
    // FY2027: months 1-2; FY2028: months 3-8 (high 168300 - 66000 = 102300)
    assert_eq!(
        rows(&e.fiscal_years),
        expected(&[
            ("FY2027", dec!(0), dec!(2), dec!(0), dec!(0), dec!(66000), dec!(0)),
            (
                "FY2028",
                dec!(2),
                dec!(7.5),
                dec!(29250),
                dec!(83700),
                dec!(102300),
                dec!(3)
            ),
        ])
    );
    // the totals: 83700 likely (14600 * 4.5 + 18000), 29250 low, 168300 high
    assert_eq!(
        (e.cost.low, e.cost.likely, e.cost.high),
        (dec!(29250), dec!(83700), dec!(168300))
    );
}

/// Without `start`: plan quarters of three months numbered through the
/// plan (month 13 is in Q5) and "Year 1", "Year 2"; no calendar months.
#[test]
fn plan_quarters_and_years_without_a_start() {
    let e = estimate(&scenario("14", ENGINEER, ""), &hand_layers()).expect("estimate");
    assert!(e.monthly.iter().all(|m| m.calendar.is_none()));
    let labels: Vec<&str> = e.quarters.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["Q1", "Q2", "Q3", "Q4", "Q5"]);
    let q5 = &e.quarters[4];
    // months 13-14 at 14600 (hired at 3, no raise in the hand table)
    assert_eq!(
        (q5.from_month, q5.until_month, q5.cost.likely),
        (dec!(12), dec!(14), dec!(29200))
    );
    let years: Vec<(&str, Decimal, Decimal)> = e
        .fiscal_years
        .iter()
        .map(|p| (p.label.as_str(), p.from_month, p.until_month))
        .collect();
    assert_eq!(
        years,
        [("Year 1", dec!(0), dec!(12)), ("Year 2", dec!(12), dec!(14))]
    );
    // Q2 holds the fee: months 4-6 = 32600 + 14600 * 2
    assert_eq!(e.quarters[1].cost.likely, dec!(61800));
    // year 1: 14600 * 9 + 18000
    assert_eq!(e.fiscal_years[0].cost.likely, dec!(149400));
}

/// With `start` and fiscal years from January the labels are still
/// "FY<year>": the calendar year.
#[test]
fn fiscal_years_from_january_are_calendar_years() {
    let s = scenario("4", ENGINEER, r#"start: "2027-11","#);
    let e = estimate(&s, &hand_layers()).expect("estimate");
    let labels: Vec<&str> = e.quarters.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["FY2027 Q4", "FY2028 Q1"]);
    let years: Vec<&str> = e.fiscal_years.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(years, ["FY2027", "FY2028"]);
}

/// MODEL.md 10.7 and 10.13, by hand: a 12-month plan whose seats of one
/// focus never overlap but one.
///   engineering: 1 FTE [0, 6), 2 FTE [6, 12), 1 FTE [10, 12) (hired at
///     13, after the end: it never starts)
///   development (agency, start 0): 1 FTE [0, 3), 1 FTE [9, 12)
/// sums: engineering 4, development 2
/// peak: engineering 2 + 1 = 3 on [10, 12); development 1 (never together)
/// average: engineering (1 * 6 + 2 * 6 + 1 * 2) / 12 = 20 / 12; development
///   (1 * 3 + 1 * 3) / 12 = 0.5
/// starts s = f + 3 in-house, f through the agency: 3, 9, (13: none), 0, 9:
///   staffed_by_month 9, the last seat starting in month floor(9) + 1 = 10
#[test]
fn peak_and_average_team_on_a_plan_whose_seats_come_and_go() {
    let seats = r#"(role: "ai-engineer", level: Senior, until_month: 6),
        (role: "ai-engineer", level: Senior, count: 2, from_month: 6),
        (role: "ai-engineer", level: Senior, from_month: 10),
        (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency, until_month: 3),
        (role: "ai-developer", level: Mid, engagement: Agency, from_month: 9)"#;
    let e = estimate(&scenario("12", seats, ""), &hand_layers()).expect("estimate");
    assert_eq!((e.engineering_fte, e.development_fte), (dec!(4), dec!(2)));
    assert_eq!(
        (e.peak_engineering_fte, e.peak_development_fte),
        (dec!(3), dec!(1))
    );
    assert_eq!(e.average_engineering_fte, dec!(20) / dec!(12));
    assert_eq!(e.average_development_fte, dec!(0.5));
    assert_eq!(e.staffed_by_month, Some(dec!(9)));
    assert_eq!(e.last_start_month(), Some(dec!(10)));
    assert!(e.team_changes());
}

/// A team over the whole project: peak and average are the sums; a seat
/// starting mid-month gives a fractional `staffed_by_month`.
#[test]
fn a_team_over_the_whole_project_peaks_at_its_sum() {
    // engineer s = 3; developers s = 0
    let e = estimate(&scenario("12", &format!("{ENGINEER}, (role: \"ai-developer\", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"), ""), &hand_layers())
        .expect("estimate");
    assert_eq!(
        (e.peak_engineering_fte, e.average_engineering_fte),
        (dec!(1), dec!(1))
    );
    assert_eq!(
        (e.peak_development_fte, e.average_development_fte),
        (dec!(1), dec!(1))
    );
    assert_eq!(e.staffed_by_month, Some(dec!(3)));
    assert!(!e.team_changes());
    // from month 0.5: s = 3.5, the last seat starts in month 4
    let late = estimate(
        &scenario(
            "12",
            r#"(role: "ai-engineer", level: Senior, from_month: 0.5)"#,
            "",
        ),
        &hand_layers(),
    )
    .expect("estimate");
    assert_eq!(late.staffed_by_month, Some(dec!(3.5)));
    assert_eq!(late.last_start_month(), Some(dec!(4)));
    // hired after 3 months in a 2-month project: no seat starts
    let none = estimate(&scenario("2", ENGINEER, ""), &hand_layers()).expect("estimate");
    assert_eq!(none.staffed_by_month, None);
    assert_eq!(none.last_start_month(), None);
}
