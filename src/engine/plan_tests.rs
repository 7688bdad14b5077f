//! Plans over time (MODEL.md 8.2 and 8.3), worked out by hand on the hand
//! table of `tests.rs`. Its us terms, at typical: S = 120000 (10000 a
//! month), burden 1.3, fee 0.15, time to hire 13 wk = 3 months, ramp-up 13
//! wk = 3 months at p = 0.5, overhead 600, management 0.1: an in-house
//! month costs 10000 * 1.3 + 600 + 10000 * 0.1 = 14600. The agency
//! developers (2 x 0.5 FTE) cost 100 * 160 = 16000 a month from month 0
//! with no ramp-up.

use std::sync::Arc;

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::tests::{HAND_TABLE, scenario};
use super::*;
use crate::estimate;
use crate::input::origin::{Located, Origin};
use crate::input::source::Source;
use crate::range::Range;
use crate::rates::RateTable;
use crate::scenario::{CostLine, Phase};
use crate::vocabulary::{Level, Stage};

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;
const DEVELOPERS: &str =
    r#"(role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#;

/// The hand table with its us terms changed by `change`.
fn layers(change: impl FnOnce(&mut RateTable)) -> Layers {
    let mut table = RateTable::read(Source::new("table.ron", HAND_TABLE)).expect("hand table");
    change(&mut table);
    Layers::new(vec![Arc::new(table)]).expect("layers")
}

fn us(table: &mut RateTable) -> &mut crate::rates::table::Location {
    &mut table.locations.get_mut("us").expect("us").value
}

fn window(s: &mut Scenario, seat: usize, from: Decimal, until: Option<Decimal>) {
    if let crate::scenario::Team::Seats(seats) = &mut s.team {
        seats[seat].from_month = from;
        seats[seat].until_month = until;
    }
}

fn months(e: &Estimate) -> Vec<Decimal> {
    e.monthly.iter().map(|m| m.likely).collect()
}

#[test]
fn a_seat_window_inside_the_project() {
    let mut s = scenario("12", ENGINEER, "");
    window(&mut s, 0, dec!(2), Some(dec!(10)));
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // f = 2, u = 10: the search opens at 2, work starts at s = 2 + 3 = 5,
    // active = 10 - 5 = 5: 14600 * 5 + hire 120000 * 0.15 = 73000 + 18000
    // low: S 108000 (9000), burden 1.2, fee 0.1, hire 26 wk = 6 months:
    //   s = 8, active 2: (9000 * 1.2 + 600 + 900) * 2 + 10800 = 24600 + 10800
    // high: S 144000 (12000), burden 1.4, fee 0.2, hire 0: s = 2, active 8:
    //   (16800 + 600 + 1200) * 8 + 28800 = 148800 + 28800
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(35400),
            likely: dec!(91000),
            high: dec!(177600)
        }
    );
    // capacity likely: ramp [5, 8) at 0.5 = 1.5, full [8, 10) = 2
    // low: s = 8, ramp 26 wk = 6 months at 0.4: [8, 10) = 0.8, no full months
    // high: s = 2, no ramp: [2, 10) = 8
    assert_eq!(
        e.capacity,
        Triple {
            low: dec!(0.8),
            likely: dec!(3.5),
            high: dec!(8)
        }
    );
    // months 1-5 empty; month 6 ([5, 6)) has the hire; 6 to 10 a month each
    let mut expected = vec![dec!(0); 5];
    expected.push(dec!(32600));
    expected.extend([dec!(14600); 4]);
    expected.extend([dec!(0); 2]);
    assert_eq!(months(&e), expected);
    assert_eq!(
        (e.seats[0].from_month, e.seats[0].until_month),
        (dec!(2), dec!(10))
    );
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
}

#[test]
fn a_seat_that_joins_and_leaves_mid_month() {
    let mut s = scenario("6", DEVELOPERS, "");
    window(&mut s, 0, dec!(1.5), Some(dec!(4.25)));
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // agency, no delay at typical: A = [1.5, 4.25), 2.75 months x 16000
    assert_eq!(e.cost.likely, dec!(44000));
    assert_eq!(e.capacity.likely, dec!(2.75));
    // month 2 [1, 2): half a month; 3 and 4 whole; month 5 [4, 5): a quarter
    assert_eq!(
        months(&e),
        vec![dec!(0), dec!(8000), dec!(16000), dec!(16000), dec!(4000), dec!(0)]
    );
}

#[test]
fn a_window_the_delay_outlasts_is_a_warning() {
    let mut s = scenario("12", ENGINEER, "");
    window(&mut s, 0, dec!(8), Some(dec!(10)));
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // s = 8 + 3 = 11 >= u = 10: nothing is paid, no fee
    assert_eq!(e.cost.likely, dec!(0));
    assert_eq!(
        e.warnings,
        vec![
            "ai-engineer Senior in us never starts: its typical time to hire of 13 weeks is longer than \
             its window (months 8 to 10, 8.7 weeks), so it costs nothing and adds no capacity"
                .to_string()
        ]
    );
}

#[test]
fn raises_over_a_year_boundary() {
    let mut s = scenario("18", &format!("{ENGINEER}, {ENGINEER}"), "");
    window(&mut s, 1, dec!(13), None);
    let e = estimate(
        &s,
        &layers(|t| us(t).in_house.annual_raise = Range::single(dec!(0.1))),
    )
    .expect("estimate");
    // first engineer: s = 3, A = [3, 18): 9 months in year 0, 6 in year 1
    //   S0 = 120000: 14600 a month; S1 = 132000 (11000): 11000 * 1.3 + 600 + 1100 = 16000
    //   hire on S0: 18000; cost = 14600 * 9 + 16000 * 6 + 18000 = 245400
    // second: opens at 13 (year 1), s = 16, 2 months at 16000, hire on S1:
    //   132000 * 0.15 = 19800; cost = 32000 + 19800 = 51800
    assert_eq!(e.seats[0].cost.likely, dec!(245400));
    assert_eq!(e.seats[1].cost.likely, dec!(51800));
    // components of the first: salary 10000 * 9 + 11000 * 6 = 156000,
    // burden 0.3 of it, overhead 600 * 15, management 0.1 of it, the fee
    let c = e.seats[0].components;
    assert_eq!(
        [c.salary, c.burden, c.overhead, c.management, c.recruiting],
        [dec!(156000), dec!(46800), dec!(9000), dec!(15600), dec!(18000)]
    );
    // month 12 is the last of year 0, month 13 the first of year 1;
    // month 17 ([16, 17)) has the second engineer's start and fee
    let m = months(&e);
    assert_eq!((m[11], m[12]), (dec!(14600), dec!(16000)));
    assert_eq!(m[16], dec!(16000) + dec!(16000) + dec!(19800));
}

#[test]
fn attrition_costs_replacement_fees_and_output() {
    let e = estimate(
        &scenario("12", ENGINEER, ""),
        &layers(|t| us(t).in_house.attrition = Range::single(dec!(0.12))),
    )
    .expect("estimate");
    // s = 3, r = 3: F = [6, 12), 6 full months; q/12 = 0.01
    //   replacements = 0.01 * 6 * 120000 * 0.15 = 1080; cost = 149400 + 1080
    // low: hire 26 wk and ramp 26 wk (a longer ramp, fewer replacements):
    //   s = 6, F = [12, 12) empty: 84600 as without attrition
    // high: hire 0, ramp 0: F = [0, 12): 0.01 * 12 * 144000 * 0.2 = 3456;
    //   252000 + 3456
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(84600),
            likely: dec!(150480),
            high: dec!(255456)
        }
    );
    // capacity: 0.5 * 3 + 6 * (1 - 0.01 * 3 * (1 - 0.5)) = 1.5 + 6 * 0.985
    assert_eq!(e.capacity.likely, dec!(7.41));
    assert_eq!(e.components.recruiting, dec!(18000) + dec!(1080));
    // months 7 to 12 each carry 0.01 * 18000 = 180 of replacement fees
    let m = months(&e);
    assert_eq!((m[5], m[6], m[11]), (dec!(14600), dec!(14780), dec!(14780)));
}

#[test]
fn availability_and_productivity_scale_output_not_cost() {
    let l = layers(|t| {
        us(t).in_house.availability = Range::single(dec!(0.9));
        t.productivity = Some(
            [
                (Level::Senior, Range::single(dec!(1.3))),
                (
                    Level::Mid,
                    Range::new(dec!(0.7), dec!(0.8), dec!(1)).expect("range"),
                ),
            ]
            .into_iter()
            .collect(),
        );
    });
    let e = estimate(&scenario("12", &format!("{ENGINEER}, {DEVELOPERS}"), ""), &l).expect("estimate");
    // engineer: 1.3 * 0.9 * 7.5 = 8.775; developers (agency: no availability):
    // 0.8 * 12 = 9.6 (low 0.7 * start at 13 wk: 0.7 * 9 = 6.3; high 1 * 12)
    assert_eq!(e.seats[0].capacity.likely, dec!(8.775));
    assert_eq!(
        e.seats[1].capacity,
        Triple {
            low: dec!(6.3),
            likely: dec!(9.6),
            high: dec!(12)
        }
    );
    assert_eq!(e.cost.likely, dec!(341400), "cost does not move");
    // both are inputs of simulation and sensitivity, keyed as MODEL.md says
    let names: Vec<String> = e.model.inputs.iter().map(ToString::to_string).collect();
    assert!(names.contains(&"availability us".to_string()), "{names:?}");
    assert!(names.contains(&"productivity Mid".to_string()), "{names:?}");
}

#[test]
fn an_agency_seat_with_a_yearly_increase() {
    let e = estimate(
        &scenario("18", DEVELOPERS, ""),
        &layers(|t| us(t).agency.annual_increase = Range::single(dec!(0.05))),
    )
    .expect("estimate");
    // 12 months at 16000, then 6 at 16000 * 1.05 = 16800: 192000 + 100800
    assert_eq!(e.cost.likely, dec!(292800));
    assert_eq!(e.monthly[12].likely, dec!(16800));
}

#[test]
fn a_cost_line_once_and_monthly_in_another_currency() {
    let mut s = scenario("6", DEVELOPERS, "currency: \"USD\",");
    s.costs = vec![CostLine {
        name: Located::new("LLM API".into(), Origin::new("t.ron")),
        monthly: Range::new(dec!(800), dec!(1000), dec!(1500)).expect("range"),
        once: Range::single(dec!(2000)),
        from_month: dec!(2.5),
        until_month: None,
        currency: Some(Located::new(
            crate::money::Currency::parse("EUR").expect("EUR"),
            Origin::new("t.ron"),
        )),
    }];
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // EUR -> USD x 1.25: 1250 a month over [2.5, 6) = 3.5 months, plus 2500
    // once in month floor(2.5) + 1 = 3: 4375 + 2500 = 6875
    // low 800 -> 1000 * 3.5 + 2500 = 6000; high 1500 -> 1875 * 3.5 + 2500 = 9062.5
    assert_eq!(
        e.other,
        Triple {
            low: dec!(6000),
            likely: dec!(6875),
            high: dec!(9062.5)
        }
    );
    assert_eq!(e.costs[0].cost.likely, dec!(6875));
    assert_eq!(e.components.other, dec!(6875));
    assert_eq!(e.cost.likely, dec!(96000) + dec!(6875));
    // month 3: half a month (625) and the once; months 4 to 6: 1250 each
    assert_eq!(
        months(&e),
        vec![
            dec!(16000),
            dec!(16000),
            dec!(16000) + dec!(625) + dec!(2500),
            dec!(17250),
            dec!(17250),
            dec!(17250)
        ]
    );
    // cost per productive person-month leaves the line out: likely 96000 / 6;
    // low: the developers' 38400 (start at 13 weeks) over the high capacity 6;
    // high: 120000 over the low capacity 3
    assert_eq!(
        e.cost_per_pm(),
        Some(Triple {
            low: dec!(6400),
            likely: dec!(16000),
            high: dec!(40000)
        })
    );
    assert!(e.is_plan(), "a cost line makes a plan");
    let names: Vec<String> = e.model.inputs.iter().map(ToString::to_string).collect();
    assert!(names.contains(&"cost LLM API monthly".to_string()), "{names:?}");
    assert!(names.contains(&"cost LLM API once".to_string()), "{names:?}");
}

#[test]
fn a_phase_boundary_inside_a_month() {
    let mut s = scenario("12", &format!("{ENGINEER}, {DEVELOPERS}"), "");
    s.phases = vec![
        Phase {
            stage: Stage::Prototype,
            start: dec!(0),
            end: dec!(4.5),
        },
        Phase {
            stage: Stage::Pilot,
            start: dec!(4.5),
            end: dec!(12),
        },
    ];
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // Prototype [0, 4.5): engineer A = [3, 4.5): 1.5 * 14600 = 21900 and the
    //   hire (s = 3 falls inside) 18000; developers 4.5 * 16000 = 72000
    // Pilot [4.5, 12): engineer 7.5 * 14600 = 109500; developers 120000
    let p = &e.phases;
    assert_eq!((p[0].stage, p[1].stage), (Stage::Prototype, Stage::Pilot));
    assert_eq!(p[0].cost.likely, dec!(111900));
    assert_eq!(p[1].cost.likely, dec!(229500));
    assert_eq!(p[0].cost.likely + p[1].cost.likely, e.cost.likely);
    // capacity: engineer ramp [3, 6) at 0.5 splits 0.75 / 0.75, full [6, 12) = 6;
    // developers 4.5 / 7.5
    assert_eq!(p[0].capacity.likely, dec!(5.25));
    assert_eq!(p[1].capacity.likely, dec!(14.25));
    for end in [|t: &Triple| t.low, |t: &Triple| t.high] {
        assert_eq!(end(&p[0].cost) + end(&p[1].cost), end(&e.cost));
        assert_eq!(end(&p[0].capacity) + end(&p[1].capacity), end(&e.capacity));
    }
    // planned FTE: every seat spans both phases
    assert_eq!((p[0].engineering_fte, p[0].development_fte), (dec!(1), dec!(1)));
    assert_eq!((p[1].from_month, p[1].until_month), (dec!(4.5), dec!(12)));
}

#[test]
fn planned_fte_of_a_phase_is_the_average_over_it() {
    let mut s = scenario("12", &format!("{ENGINEER}, {DEVELOPERS}"), "");
    s.phases = vec![
        Phase {
            stage: Stage::Prototype,
            start: dec!(0),
            end: dec!(4),
        },
        Phase {
            stage: Stage::Production,
            start: dec!(4),
            end: dec!(12),
        },
    ];
    // the engineer's position opens at 2: half of the prototype
    window(&mut s, 0, dec!(2), None);
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    // Prototype: 1 FTE * overlap([2, 12), [0, 4)) / 4 = 0.5
    assert_eq!(e.phases[0].engineering_fte, dec!(0.5));
    assert_eq!(e.phases[1].engineering_fte, dec!(1));
}

#[test]
fn what_makes_a_plan() {
    let plain = estimate(&scenario("12", ENGINEER, ""), &layers(|_| {})).expect("estimate");
    assert!(!plain.is_plan() && !plain.has_windows());
    // a window that ends early, or starts late
    for (from, until) in [
        (dec!(0), Some(dec!(11))),
        (dec!(1), None),
        (dec!(0), Some(dec!(12))),
    ] {
        let mut s = scenario("12", ENGINEER, "");
        window(&mut s, 0, from, until);
        let e = estimate(&s, &layers(|_| {})).expect("estimate");
        let windowed = from != dec!(0) || until != Some(dec!(12));
        assert_eq!(
            (e.has_windows(), e.is_plan()),
            (windowed, windowed),
            "{from} {until:?}"
        );
    }
    // two phases
    let mut s = scenario("12", ENGINEER, "");
    s.phases = vec![
        Phase {
            stage: Stage::Prototype,
            start: dec!(0),
            end: dec!(3),
        },
        Phase {
            stage: Stage::Pilot,
            start: dec!(3),
            end: dec!(12),
        },
    ];
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    assert!(e.is_plan() && !e.has_windows());
}

#[test]
fn the_hiring_fee_is_on_the_salary_of_the_year_the_position_opens() {
    let mut s = scenario("30", ENGINEER, "");
    window(&mut s, 0, dec!(20), None);
    let e = estimate(
        &s,
        &layers(|t| us(t).in_house.annual_raise = Range::single(dec!(0.1))),
    )
    .expect("estimate");
    // opens at 20 (project year 1: S1 = 132000), starts at 23: one month of
    // year 1 at 132000 / 12 * 1.3 + 600 + 1100 = 16000, then six months of
    // year 2 at S2 = 145200 (12100 a month): 15730 + 600 + 1210 = 17540;
    // fee 132000 * 0.15 = 19800: 16000 + 6 * 17540 + 19800 = 141040
    assert_eq!(e.cost.likely, dec!(141040));
}

#[test]
fn a_window_from_the_start_that_ends_early_is_named_in_the_warning() {
    let mut s = scenario("12", ENGINEER, "");
    window(&mut s, 0, dec!(0), Some(dec!(2)));
    let e = estimate(&s, &layers(|_| {})).expect("estimate");
    assert_eq!(
        e.warnings,
        vec![
            "ai-engineer Senior in us never starts: its typical time to hire of 13 weeks is longer than \
             its window (months 0 to 2, 8.7 weeks), so it costs nothing and adds no capacity"
                .to_string()
        ]
    );
}

#[test]
fn a_report_shows_other_and_exit_only_when_there_are_such_costs() {
    let c = Components {
        salary: dec!(1),
        burden: dec!(2),
        overhead: dec!(3),
        management: dec!(4),
        recruiting: dec!(5),
        agency: dec!(6),
        other: dec!(0),
        exit: dec!(0),
    };
    let names = |c: &Components| c.shown().iter().map(|(n, _)| *n).collect::<Vec<_>>();
    assert_eq!(
        names(&c),
        [
            "salary",
            "burden",
            "overhead",
            "management",
            "recruiting",
            "agency"
        ]
    );
    let with_other = Components { other: dec!(7), ..c };
    assert_eq!(with_other.shown().last(), Some(&("other", dec!(7))));
    assert_eq!(with_other.shown().len(), 7);
    let with_exit = Components { exit: dec!(8), ..c };
    assert_eq!(with_exit.shown().last(), Some(&("exit", dec!(8))));
    assert_eq!(with_exit.shown().len(), 7);
    // a zero labour component is still shown
    let no_agency = Components { agency: dec!(0), ..c };
    assert_eq!(no_agency.shown().len(), 6);
    // an exit cost (of a released employee) likewise, only when there is one
    let with_exit = Components { exit: dec!(8), ..c };
    assert_eq!(with_exit.shown().last(), Some(&("exit", dec!(8))));
    assert_eq!(with_exit.shown().len(), 7);
    assert_eq!(c.named().len(), 8);
}
