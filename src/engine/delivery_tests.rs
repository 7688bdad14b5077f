//! Completion and cost to deliver worked out by hand from MODEL.md section
//! 10.3, on the hand table of the engine tests: a Senior AI engineer in
//! the US hired in 13 weeks (3 months), ramping up for 3 months at half
//! output, paid 14,600 a month with a recruiting fee of 18,000 when work
//! starts.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::delivery::{Delivery, deliver};
use super::likely::Likely;
use super::tests::{HAND_TABLE, scenario, table};
use crate::rates::Layers;
use crate::scenario::Team;

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;

fn delivery(duration: &str, seats: &str, goal: &str, layers: &Layers) -> Delivery {
    let s = scenario(duration, seats, &format!("goal: {goal},"));
    let Team::Seats(seats) = &s.team else {
        panic!("seats")
    };
    let likely = Likely::of(&s, seats, layers).expect("model");
    deliver(&likely, s.goal.as_ref().expect("a goal")).expect("delivery")
}

fn hand() -> Layers {
    Layers::new(vec![table(HAND_TABLE)]).expect("layers")
}

/// The hand table with 12% yearly attrition in the US.
fn leaving() -> Layers {
    let text = HAND_TABLE.replace(
        "management_overhead: 0.1,",
        "management_overhead: 0.1, attrition: 0.12,",
    );
    Layers::new(vec![table(&text)]).expect("layers")
}

#[test]
fn a_goal_met_on_the_ramp() {
    // C(t) = 0 to month 3, then 0.5 a month on the ramp [3, 6):
    // C(t*) = 1 at t* = 3 + 1 / 0.5 = 5.
    // cost inside [0, 5): the fee 18,000 (work starts at 3 < 5) and
    // 14,600 x 2 months = 29,200: 47,200.
    let d = delivery("12", ENGINEER, "(effort_pm: 1)", &hand());
    assert_eq!(d.completion_month, Some(dec!(5)));
    assert_eq!(d.cost_to_deliver, Some(dec!(47200)));
    // by the end (month 12): 0.5 x 3 + 1 x 6 = 7.5
    assert_eq!(d.delivered_pm, dec!(7.5));
    assert!(d.on_time);
    assert_eq!(d.late_months, Some(dec!(0)));
}

#[test]
fn a_goal_met_on_full_output_but_late() {
    // C(6) = 1.5, then 1 a month: C(t*) = 4 at t* = 6 + 2.5 = 8.5.
    // cost inside [0, 8.5): 18,000 + 14,600 x 5.5 = 18,000 + 80,300 = 98,300.
    // wanted by month 8: C(8) = 1.5 + 2 = 3.5 delivered, late by 0.5.
    let d = delivery("12", ENGINEER, "(effort_pm: 4, by_month: 8)", &hand());
    assert_eq!(d.completion_month, Some(dec!(8.5)));
    assert_eq!(d.cost_to_deliver, Some(dec!(98300)));
    assert_eq!(d.delivered_pm, dec!(3.5));
    assert!(!d.on_time);
    assert_eq!(d.late_months, Some(dec!(0.5)));
}

#[test]
fn a_goal_met_only_past_the_end_with_leavers_replaced() {
    // q = 0.12: leavers are replaced at 0.01 per FTE-month of full output,
    // each ramping up again, so full output runs at
    // 1 - 0.01 x 3 x (1 - 0.5) = 0.985 a month, and each full month costs
    // a replacement fee of 0.01 x 120,000 x 0.15 = 180 more.
    // C(12) = 1.5 + 6 x 0.985 = 7.41 < 10: the plan goes on at its end
    // rates, rho_D = 0.985, b_D = 14,600 + 180 = 14,780:
    //   t* = 12 + (10 - 7.41) / 0.985 = 12 + 2.6294416243654822335...
    //   X(12) = 149,400 + 6 x 180 = 150,480
    //   X = 150,480 + 2.6294416243654822335... x 14,780 = 189,343.147208...
    let d = delivery("12", ENGINEER, "(effort_pm: 10)", &leaving());
    let t = d.completion_month.expect("reached");
    assert_eq!(t.round_dp(12), dec!(14.629441624365));
    let x = d.cost_to_deliver.expect("priced");
    assert_eq!(x.round_dp(6), dec!(189343.147208));
    assert_eq!(d.delivered_pm, dec!(7.41));
    assert!(!d.on_time);
    assert_eq!(d.late_months.map(|l| l.round_dp(6)), Some(dec!(2.629442)));
}

#[test]
fn a_goal_never_reached_when_no_seat_delivers_at_the_end() {
    // the engineer leaves at month 9: C(9) = 1.5 + 3 = 4.5 = C(12), and at
    // the end no seat delivers, so a goal of 5 is never reached
    let seat = r#"(role: "ai-engineer", level: Senior, until_month: 9)"#;
    let d = delivery("12", seat, "(effort_pm: 5)", &hand());
    assert_eq!(d.completion_month, None);
    assert_eq!(d.cost_to_deliver, None);
    assert_eq!(d.late_months, None);
    assert!(!d.on_time);
    assert_eq!(d.delivered_pm, dec!(4.5));
    // 4.5 exactly is reached at month 9, the end of the seat
    let d = delivery("12", seat, "(effort_pm: 4.5)", &hand());
    assert_eq!(d.completion_month, Some(dec!(9)));
}

#[test]
fn completion_is_continuous_at_the_end_of_the_plan() {
    // a goal of exactly C(D) = 7.5 completes at D, inside the plan, and a
    // hair more just past it, at the end's rate of 1 a month
    let at_end = delivery("12", ENGINEER, "(effort_pm: 7.5)", &hand());
    assert_eq!(at_end.completion_month, Some(dec!(12)));
    assert_eq!(at_end.cost_to_deliver, Some(dec!(149400)));
    let past = delivery("12", ENGINEER, "(effort_pm: 7.51)", &hand());
    assert_eq!(past.completion_month, Some(dec!(12.01)));
    // 149,400 + 0.01 x 14,600
    assert_eq!(past.cost_to_deliver, Some(dec!(149546)));
    let zero = Decimal::ZERO;
    assert_eq!(past.late_months, Some(dec!(0.01)));
    assert_eq!(at_end.late_months, Some(zero));
}

#[test]
fn the_output_curve_has_a_corner_where_its_rate_changes() {
    // the engineer of the hand table: nothing until month 3, half output
    // on the ramp to month 6, full output to 12: C = 0, 0, 1.5, 7.5
    let s = scenario("12", ENGINEER, "");
    let e = crate::estimate(&s, &hand()).expect("estimate");
    assert_eq!(
        e.output_points().expect("points"),
        vec![
            (dec!(0), dec!(0)),
            (dec!(3), dec!(0)),
            (dec!(6), dec!(1.5)),
            (dec!(12), dec!(7.5))
        ]
    );
}

#[test]
fn past_the_end_the_cost_rate_is_that_of_the_last_project_year() {
    // raise 10%, 14 months: pieces [3, 6) and [6, 14), a raise at 12.
    // C(14) = 1.5 + 8 = 9.5; a goal of 20 goes on at 1 a month:
    //   t* = 14 + 10.5 = 24.5
    // the cost rate at D⁻ is year 2's: S_1 = 132,000,
    //   11,000 x 1.3 + 600 + 1,100 = 16,000 a month (not an average over
    //   [10, 14), which straddles the raise)
    //   X(14) = 18,000 + 14,600 x 9 + 16,000 x 2 = 181,400
    //   X = 181,400 + 10.5 x 16,000 = 349,400
    let text = HAND_TABLE.replace(
        "management_overhead: 0.1,",
        "management_overhead: 0.1, annual_raise: 0.1,",
    );
    let layers = Layers::new(vec![table(&text)]).expect("layers");
    let d = delivery("14", ENGINEER, "(effort_pm: 20)", &layers);
    assert_eq!(d.completion_month, Some(dec!(24.5)));
    assert_eq!(d.cost_to_deliver, Some(dec!(349400)));
    // the path sensitivity takes, at typical values, gives the same
    let s = scenario("14", ENGINEER, "goal: (effort_pm: 20),");
    let e = crate::estimate(&s, &layers).expect("estimate");
    let typical = crate::engine::inputs::cost_values(&e.model.inputs, crate::range::Bound::Typical);
    let at = super::delivery::At::new(&e.model, &typical)
        .reach(dec!(20))
        .expect("reach");
    assert_eq!(at, (Some(dec!(24.5)), Some(dec!(349400))));
}

#[test]
fn a_cost_line_counts_in_the_cost_to_deliver_and_its_rate_past_the_end() {
    // a cost line of 1,000 a month from month 10: the last interval before
    // D = 12 is [10, 12) for the cost (the line starts at 10), [6, 12) for
    // the output. A goal of 10: C(12) = 7.5, t* = 12 + 2.5 = 14.5
    //   X(12) = 149,400 + 2 x 1,000 = 151,400
    //   X = 151,400 + 2.5 x (14,600 + 1,000) = 190,400
    let s = scenario(
        "12",
        ENGINEER,
        r#"goal: (effort_pm: 10), costs: [(name: "API", monthly: 1000, from_month: 10)],"#,
    );
    let e = crate::estimate(&s, &hand()).expect("estimate");
    let d = e.delivery.clone().expect("goal");
    assert_eq!(d.completion_month, Some(dec!(14.5)));
    assert_eq!(d.cost_to_deliver, Some(dec!(190400)));
    let typical = crate::engine::inputs::cost_values(&e.model.inputs, crate::range::Bound::Typical);
    let at = super::delivery::At::new(&e.model, &typical)
        .reach(dec!(10))
        .expect("reach");
    assert_eq!(at, (Some(dec!(14.5)), Some(dec!(190400))));
}

#[test]
fn past_the_end_the_cost_rate_is_read_after_the_last_start() {
    // two engineers, the second searched for from month 5 (works from 8,
    // full output from 11). C(12) = (1.5 + 6) + (1.5 + 1) = 10; a goal of
    // 20 goes on at 2 a month: t* = 12 + 10 / 2 = 17
    //   X(12) = 149,400 + 18,000 + 14,600 x 4 = 225,800
    //   X = 225,800 + 5 x 2 x 14,600 = 371,800 (the rate of [11, 12),
    //   both at full pay, not an average over the second hire's fee)
    let seats = r#"(role: "ai-engineer", level: Senior),
        (role: "ai-engineer", level: Senior, from_month: 5)"#;
    let d = delivery("12", seats, "(effort_pm: 20)", &hand());
    assert_eq!(d.completion_month, Some(dec!(17)));
    assert_eq!(d.cost_to_deliver, Some(dec!(371800)));
}
