//! Release, commitment and existing staff worked out by hand from MODEL.md
//! sections 10.4 and 10.5, on the hand table of the engine tests (a Senior
//! AI engineer in the US: S = 120,000 a year, so S/12 = 10,000; hired in
//! 13 weeks = 3 months; ramping up for 3 months at half output; paid
//! 14,600 a month loaded; a recruiting fee of 18,000 when work starts),
//! with exit terms of 1 / 2 / 3 months of salary plus half a month per year
//! of tenure.

use rust_decimal_macros::dec;

use super::tests::{HAND_TABLE, scenario, table};
use super::{Commitment, Estimate, Triple};
use crate::rates::Layers;

fn layers(extra: &str) -> Layers {
    let text = HAND_TABLE.replace(
        "management_overhead: 0.1,",
        &format!("management_overhead: 0.1, exit_months: (low: 1, typical: 2, high: 3), exit_months_per_year: 0.5, {extra}"),
    );
    Layers::new(vec![table(&text)]).expect("layers")
}

fn run(duration: &str, seats: &str, extra: &str, layers: &Layers) -> Estimate {
    crate::estimate(&scenario(duration, seats, extra), layers).expect("estimate")
}

#[test]
fn a_seat_released_mid_plan_pays_its_exit_with_tenure() {
    // until month 9 of 12: released at u = 9 (MODEL.md 10.4). Likely: s = 3,
    // tenure (9 - 3)/12 = 0.5 years, k = 0 (9⁻ lies in the first year):
    //   exit = 10,000 x (2 + 0.5 x 0.5) = 22,500
    //   cost = 14,600 x 6 + 18,000 + 22,500 = 128,100
    // low: S 108,000 (9,000 a month), hired in 26 weeks = 6 months, tenure
    // 3 months = 0.25 years, exit months 1:
    //   exit = 9,000 x (1 + 0.5 x 0.25) = 10,125
    //   cost = 12,300 x 3 + 10,800 + 10,125 = 57,825
    // high: S 144,000 (12,000), hired at once (s = 0), tenure 0.75, exit 3:
    //   exit = 12,000 x (3 + 0.375) = 40,500
    //   cost = 18,600 x 9 + 28,800 + 40,500 = 236,700
    let e = run(
        "12",
        r#"(role: "ai-engineer", level: Senior, until_month: 9)"#,
        "",
        &layers(""),
    );
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(57825),
            likely: dec!(128100),
            high: dec!(236700)
        }
    );
    assert_eq!(e.components.exit, dec!(22500));
    assert_eq!(e.seats[0].components.exit, dec!(22500));
    // paid in month ceil(9) = 9, beside that month's 14,600
    assert_eq!(e.monthly[8].likely, dec!(37100));
    assert_eq!(e.monthly[9].likely, dec!(0));
    // nobody is left at the end
    assert_eq!(e.committed, Commitment::default());
}

#[test]
fn a_seat_moved_to_other_work_pays_no_exit() {
    // the same seat with `after: Keep`: 14,600 x 6 + 18,000
    let e = run(
        "12",
        r#"(role: "ai-engineer", level: Senior, until_month: 9, after: Keep)"#,
        "",
        &layers(""),
    );
    assert_eq!(e.cost.likely, dec!(105600));
    assert_eq!(e.components.exit, dec!(0));
    // it leaves before the end: not counted in the commitment
    assert_eq!(e.committed.people, 0);
}

#[test]
fn release_at_the_end_of_the_plan() {
    // `after: Release`: u = D = 12, tenure (12 - 3)/12 = 0.75 years:
    //   exit = 10,000 x (2 + 0.375) = 23,750
    //   cost = 149,400 + 23,750 = 173,150, the exit in month 12
    let e = run(
        "12",
        r#"(role: "ai-engineer", level: Senior)"#,
        "after: Release,",
        &layers(""),
    );
    assert_eq!(e.cost.likely, dec!(173150));
    assert_eq!(e.monthly[11].likely, dec!(14600) + dec!(23750));
    assert_eq!(e.committed, Commitment::default());
    // a seat may keep its people where the scenario releases them
    let e = run(
        "12",
        r#"(role: "ai-engineer", level: Senior, after: Keep)"#,
        "after: Release,",
        &layers(""),
    );
    assert_eq!(e.cost.likely, dec!(149400));
    assert_eq!(e.committed.people, 1);
}

#[test]
fn an_exit_in_the_second_year_is_paid_on_that_years_salary() {
    // raise 10%, 18 months, released at the end: k = 1 (18⁻ is in year 2),
    // S_1 = 132,000, S_1/12 = 11,000; tenure (18 - 3)/12 = 1.25 years:
    //   exit = 11,000 x (2 + 0.5 x 1.25) = 11,000 x 2.625 = 28,875
    let e = run(
        "18",
        r#"(role: "ai-engineer", level: Senior)"#,
        "after: Release,",
        &layers("annual_raise: 0.1,"),
    );
    assert_eq!(e.components.exit, dec!(28875));
}

#[test]
fn a_kept_seat_is_the_payroll_after_the_plan() {
    // kept at the end (the default): one person, monthly_0 = 14,600
    let e = run("12", r#"(role: "ai-engineer", level: Senior)"#, "", &layers(""));
    assert_eq!(
        e.committed,
        Commitment {
            people: 1,
            fte: dec!(1),
            monthly: dec!(14600),
            annual: dec!(175200),
        }
    );
    // two people at half time: 2 people, 1 FTE, the same payroll; and no
    // exit input is read by a plan that lets nobody go
    let e = run(
        "12",
        r#"(role: "ai-engineer", level: Senior, count: 2, allocation: 0.5)"#,
        "",
        &layers(""),
    );
    assert_eq!((e.committed.people, e.committed.fte), (2, dec!(1)));
    assert_eq!(e.committed.monthly, dec!(14600));
    assert!(e.model.inputs.iter().all(|i| !i.to_string().starts_with("exit")));
    // 18 months, raise 10%, attrition 12%: at D⁻ (year 2) S_1 = 132,000:
    //   monthly_1 = 11,000 x 1.3 + 600 + 11,000 x 0.1 = 16,000
    //   replacement term q/12 x S_1 x fee = 0.01 x 132,000 x 0.15 = 198
    //   committed 16,198 a month, 194,376 a year
    let e = run(
        "18",
        r#"(role: "ai-engineer", level: Senior)"#,
        "",
        &layers("annual_raise: 0.1, attrition: 0.12,"),
    );
    assert_eq!(e.committed.monthly, dec!(16198));
    assert_eq!(e.committed.annual, dec!(194376));
}

#[test]
fn agency_seats_at_the_end_can_be_ended() {
    // two Mid developers at half time through an agency: 1 FTE x 100 x 160
    // = 16,000 a month at the end, not on the payroll, no exit cost
    let seats = r#"(role: "ai-engineer", level: Senior),
        (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#;
    let e = run("12", seats, "after: Release,", &layers(""));
    assert_eq!(e.agency_monthly_at_end, dec!(16000));
    assert_eq!(e.seats[1].components.exit, dec!(0));
    assert_eq!(e.committed.people, 0);
    // a seat that never starts (hired after the end) carries nothing on
    let late = r#"(role: "ai-engineer", level: Senior, from_month: 10)"#;
    let e = run("12", late, "", &layers(""));
    assert_eq!(e.committed, Commitment::default());
}

#[test]
fn someone_already_employed_starts_at_once_at_full_output() {
    // existing (MODEL.md 10.5): s = f = 0, no fee, no ramp piece:
    //   cost = 14,600 x 12 = 175,200; capacity = 12 (Senior, L = 1)
    let seat = r#"(role: "ai-engineer", level: Senior, existing: true)"#;
    let e = run("12", seat, "", &layers(""));
    assert_eq!(e.cost.likely, dec!(175200));
    assert_eq!(e.capacity.likely, dec!(12));
    assert_eq!(e.seats[0].start_weeks, dec!(0));
    assert_eq!(e.components.recruiting, dec!(0));
    // with attrition 12%: leavers replaced over F = A = [0, 12) at
    // 0.01 x 120,000 x 0.15 = 180 a month (2,160), and the replacements
    // ramp up over the place's 3 months: full output at
    // 1 - 0.01 x 3 x (1 - 0.5) = 0.985, capacity 11.82
    let e = run("12", seat, "", &layers("attrition: 0.12,"));
    assert_eq!(e.cost.likely, dec!(177360));
    assert_eq!(e.capacity.likely, dec!(11.82));
}

#[test]
fn someone_already_employed_who_leaves_the_plan_early_is_kept() {
    // existing, until month 6: back to other work, no exit: 14,600 x 6
    let kept = r#"(role: "ai-engineer", level: Senior, existing: true, until_month: 6)"#;
    let e = run("12", kept, "", &layers(""));
    assert_eq!(e.cost.likely, dec!(87600));
    // let go instead: tenure from f = 0, 0.5 years:
    //   exit = 10,000 x (2 + 0.25) = 22,500
    let released = r#"(role: "ai-engineer", level: Senior, existing: true, until_month: 6, after: Release)"#;
    let e = run("12", released, "", &layers(""));
    assert_eq!(e.cost.likely, dec!(87600) + dec!(22500));
}

#[test]
fn cost_to_deliver_counts_exits_before_completion_only() {
    // seat A until month 6 (released, tenure 3 months: exit 10,000 x
    // (2 + 0.125) = 21,250), seat B the whole plan. C: both ramp at 0.5
    // over [3, 6): C(6) = 3; then B alone at 1 a month: C(8) = 5, t* = 8.
    //   X = A: 18,000 + 14,600 x 3 + 21,250 (u = 6 < 8) = 83,050
    //     + B: 18,000 + 14,600 x 5 = 91,000: 174,050
    let seats = r#"(role: "ai-engineer", level: Senior, until_month: 6),
        (role: "ai-engineer", level: Senior)"#;
    let e = run("12", seats, "goal: (effort_pm: 5),", &layers(""));
    let d = e.delivery.expect("a goal");
    assert_eq!(d.completion_month, Some(dec!(8)));
    assert_eq!(d.cost_to_deliver, Some(dec!(174050)));
    // a goal reached when A ends: its exit is not part of the work
    //   C(6) = 3, t* = 6: X = 2 x (18,000 + 14,600 x 3) = 123,600
    let e = run("12", seats, "goal: (effort_pm: 3),", &layers(""));
    let d = e.delivery.expect("a goal");
    assert_eq!(d.completion_month, Some(dec!(6)));
    assert_eq!(d.cost_to_deliver, Some(dec!(123600)));
}
