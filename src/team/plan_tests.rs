//! Recommending a plan over phases (MODEL.md 8.6), worked by hand: last
//! in, first out, the searches ahead, the reasons, and the plan read from
//! and written to a file.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::plan::{merge, months_ahead, spans};
use super::*;
use crate::Catalog;
use crate::estimate;
use crate::input::origin::{Located, Origin};
use crate::input::source::Source;
use crate::scenario::{Allocation, Phase, Target};
use crate::vocabulary::{Engagement, Level, Stage};

fn layers() -> Layers {
    Catalog::embedded()
        .expect("shipped rates")
        .layers(&[Located::new("market-2026".into(), Origin::new("test"))])
        .expect("layers")
}

fn read(text: &str) -> Result<Scenario, String> {
    Scenario::read(Source::new("plan.ron", text))
        .map_err(|d| crate::input::diagnostic::Diagnostics(d).to_string())
}

#[test]
fn people_leave_last_in_first_out() {
    // counts 2, 1, 2: A and B join for phase 1; the count falls, so the one
    // who joined last (B) leaves after phase 1; the count rises again, so a
    // new person C joins for phase 3 (B does not come back).
    let mut people = spans(&[2, 1, 2]);
    people.sort();
    assert_eq!(people, vec![(0, 0), (0, 2), (2, 2)]);
    // counts 1, 3, 2, 3: A joins for 1; B and C for 2; C (last in) leaves
    // after 2; D joins for 4. A and B stay to the end.
    let mut people = spans(&[1, 3, 2, 3]);
    people.sort();
    assert_eq!(people, vec![(0, 3), (1, 1), (1, 3), (3, 3)]);
    // nobody in the middle: the first leave after phase 1, new people join
    let mut people = spans(&[1, 0, 1]);
    people.sort();
    assert_eq!(people, vec![(0, 0), (2, 2)]);
}

#[test]
fn searches_open_whole_months_ahead() {
    // ceil(w / WPM) = ceil(12w / 52)
    assert_eq!(months_ahead(dec!(7)), dec!(2)); // 84/52 = 1.615... -> 2
    assert_eq!(months_ahead(dec!(2)), dec!(1)); // 24/52 = 0.46... -> 1
    assert_eq!(months_ahead(dec!(13)), dec!(3)); // 156/52 = 3 exactly
    assert_eq!(months_ahead(dec!(0)), dec!(0));
}

fn seat(role: &str, level: Level, count: u32, engagement: Engagement, reason: &str) -> Seat {
    Seat {
        role: Located::new(role.into(), Origin::new("t")),
        level,
        count,
        allocation: Allocation::FULL,
        location: Located::new("us".into(), Origin::new("t")),
        engagement,
        reason: Some(reason.into()),
        from_month: Decimal::ZERO,
        until_month: None,
        skills: Vec::new(),
        existing: false,
        after: None,
    }
}

fn phase(stage: Stage, start: Decimal, end: Decimal) -> Phase {
    Phase { stage, start, end }
}

#[test]
fn a_count_that_rises_falls_and_rises_again_worked_by_hand() {
    // Prototype [0, 3), Pilot [3, 9), Production [9, 18); in-house 7 weeks
    // to hire (2 months ahead), agency 2 weeks to start (1 month ahead).
    let phases = [
        phase(Stage::Prototype, dec!(0), dec!(3)),
        phase(Stage::Pilot, dec!(3), dec!(9)),
        phase(Stage::Production, dec!(9), dec!(18)),
    ];
    let dev = |n, why: &str| seat("ai-developer", Level::Mid, n, Engagement::InHouse, why);
    let prototype = [dev(2, "builds the prototype")];
    let pilot = [
        seat(
            "ai-engineer",
            Level::Senior,
            1,
            Engagement::Agency,
            "owns the pilot's path",
        ),
        dev(1, "keeps the pilot going"),
    ];
    let production = [
        seat(
            "ai-engineer",
            Level::Senior,
            1,
            Engagement::Agency,
            "owns production",
        ),
        dev(2, "builds features in production"),
    ];
    let teams: [&[Seat]; 3] = [&prototype, &pilot, &production];
    let delay = |s: &Seat| match s.engagement {
        Engagement::InHouse => dec!(7),
        Engagement::Agency => dec!(2),
    };
    let plan = merge(&phases, &teams, &delay);
    let got: Vec<(&str, u32, Decimal, Option<Decimal>, &str)> = plan
        .iter()
        .map(|s| {
            (
                s.role.value.as_str(),
                s.count,
                s.from_month,
                s.until_month,
                s.reason.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            // developers 2, 1, 2: the one who stays runs [0, 18)
            (
                "ai-developer",
                1,
                dec!(0),
                None,
                "Prototype team: builds the prototype; continues into Pilot, Production"
            ),
            // the second leaves at the end of the Prototype (last in, first out)
            (
                "ai-developer",
                1,
                dec!(0),
                Some(dec!(3)),
                "Prototype team: builds the prototype; leaves after Prototype"
            ),
            // the engineer joins for the Pilot: agency, 2 weeks -> ceil(0.46) =
            // 1 month ahead: 3 - 1 = 2, and stays
            (
                "ai-engineer",
                1,
                dec!(2),
                None,
                "Pilot team: owns the pilot's path; joins for Pilot: the agency request goes out at month 2, \
                 1 month ahead of the phase (2 weeks to start); continues into Production"
            ),
            // a new developer for Production: in-house, 7 weeks -> ceil(1.62)
            // = 2 months ahead: 9 - 2 = 7
            (
                "ai-developer",
                1,
                dec!(7),
                None,
                "Production team: builds features in production; joins for Production: the search opens \
                 at month 7, 2 months ahead of the phase (7 weeks to hire)"
            ),
        ]
    );
    // a phase that starts too early for the whole search opens it at 0:
    // max(0, 1 - 2) = 0
    let early = [
        phase(Stage::Prototype, dec!(0), dec!(1)),
        phase(Stage::Pilot, dec!(1), dec!(4)),
    ];
    let plan = merge(&early, &[&[], &[dev(3, "pilot")]], &delay);
    assert_eq!(plan.len(), 1);
    assert_eq!(
        (plan[0].count, plan[0].from_month, plan[0].until_month),
        (3, dec!(0), None)
    );
}

const PLAN: &str = r#"Scenario(
    name: "Plan",
    duration_months: 18,
    location: "us",
    engagement: InHouse,
    phases: [
        (stage: Prototype, until_month: 3, effort_pm: 6),
        (stage: Pilot, until_month: 9, effort_pm: 20),
        (stage: Production, effort_pm: 40),
    ],
    costs: [(name: "LLM API", monthly: (low: 500, typical: 1000, high: 3000), from_month: 3)],
    team: Recommend,
)"#;

#[test]
fn the_plan_meets_every_phase_target_and_its_file_reproduces_it() {
    let l = layers();
    let s = read(PLAN).expect("the plan reads");
    let Team::RecommendPlan { targets, .. } = &s.team else {
        panic!("a plan")
    };
    assert_eq!(
        targets,
        &vec![
            Target::EffortPm(dec!(6)),
            Target::EffortPm(dec!(20)),
            Target::EffortPm(dec!(40))
        ]
    );
    let e = estimate(&s, &l).expect("estimate");
    for (phase, effort) in e.phases.iter().zip([dec!(6), dec!(20), dec!(40)]) {
        assert!(
            phase.capacity.likely >= effort,
            "{}: {}",
            phase.stage,
            phase.capacity.likely
        );
    }
    assert!(
        e.reasoning[1]
            .starts_with("Phase 1, Prototype (months 0-3): target 6 productive person-months; a team of ")
    );
    // at Prototype only Mid engineers; every seat says why and until when
    for seat in &e.seats {
        let reason = seat.seat.reason.as_deref().unwrap_or("");
        if seat.seat.from_month.is_zero() && seat.seat.role.value == "ai-engineer" {
            assert_eq!(seat.seat.level, Level::Mid, "{reason}");
        }
        match seat.seat.until_month {
            Some(u) if u == dec!(3) => assert!(reason.ends_with("leaves after Prototype"), "{reason}"),
            Some(u) if u == dec!(9) => assert!(reason.ends_with("leaves after Pilot"), "{reason}"),
            _ => {}
        }
    }
    let seats: Vec<_> = e.seats.iter().map(|x| x.seat.clone()).collect();
    let text = write::scenario_file(&s, &seats, &e.reasoning, &e.layers);
    let again = read(&text).expect("the written plan reads");
    assert!(matches!(again.team, Team::Seats(_)));
    assert_eq!(again.phases, s.phases);
    let e2 = estimate(&again, &l).expect("estimate");
    assert_eq!(e2.cost, e.cost);
    assert_eq!(e2.capacity, e.capacity);
    assert_eq!(e2.phases, e.phases);
}

#[test]
fn a_target_on_the_team_and_phases_is_an_error() {
    let text = PLAN.replace("team: Recommend,", "team: Recommend(effort_pm: 60),");
    assert_eq!(
        read(&text).expect_err("both"),
        "plan.ron:12:32: team: Recommend has its own effort_pm, and the scenario has phases\n   |\n12 |     team: Recommend(effort_pm: 60),\n   |                                ^^\n   = expected: with phases, a bare team: Recommend and a target on every phase: phases: [(stage: Prototype, until_month: 3, effort_pm: 6), (stage: Pilot, effort_pm: 20)], team: Recommend\n   = help: move the target into the phases, one per phase, or write stage: X for one stage"
    );
}

#[test]
fn phase_targets_need_a_recommended_team_and_one_per_phase() {
    let missing = PLAN.replace(
        "(stage: Pilot, until_month: 9, effort_pm: 20)",
        "(stage: Pilot, until_month: 9)",
    );
    let err = read(&missing).expect_err("a phase without a target");
    assert!(
        err.starts_with(
            "plan.ron:8:9: phase 2 (Pilot) has no target, and the team is recommended phase by phase\n"
        ),
        "{err}"
    );
    let seats = PLAN.replace(
        "team: Recommend,",
        "team: Seats([(role: \"ai-developer\", level: Mid)]),",
    );
    let err = read(&seats).expect_err("targets without Recommend");
    assert!(
        err.starts_with(
            "plan.ron:7:55: phase 1 (Prototype) has effort_pm, but the team is not recommended\n"
        ),
        "{err}"
    );
    let both = PLAN.replace("effort_pm: 40)", "effort_pm: 40, budget: 100)");
    let err = read(&both).expect_err("effort and budget");
    assert!(
        err.contains("phase 3 (Production) has both effort_pm and budget"),
        "{err}"
    );
    let bounds = PLAN.replace("effort_pm: 40)", "effort_pm: 0)");
    let err = read(&bounds).expect_err("out of range");
    assert!(
        err.contains("effort_pm of phase 3 (Production) is 0, outside its range"),
        "{err}"
    );
    // Recommend() reads like the bare word
    let parens = read(&PLAN.replace("team: Recommend,", "team: Recommend(),")).expect("Recommend()");
    assert!(matches!(&parens.team, Team::RecommendPlan { targets, .. } if targets.len() == 3));
}

/// A person needed from a later phase is searched for ahead of it by the
/// typical delay of the seat's location and engagement: time to hire
/// in-house, time to start through an agency (7 and 2 weeks in the `us`
/// of the shipped table: 2 months and 1 month ahead).
#[test]
fn a_later_phase_is_searched_for_ahead_by_the_seats_own_delay() {
    let l = layers();
    let s = read(&PLAN.replace("engagement: InHouse", "engagement: Hybrid")).expect("the plan reads");
    let e = estimate(&s, &l).expect("estimate");
    let us = l.location("us").expect("us");
    let (hire, start) = (
        us.in_house.time_to_hire_weeks.typical(),
        us.agency.time_to_start_weeks.typical(),
    );
    assert_eq!((months_ahead(hire), months_ahead(start)), (dec!(2), dec!(1)));
    let mut ahead = [0, 0];
    for seat in e.seats.iter().map(|x| &x.seat) {
        let reason = seat.reason.as_deref().unwrap_or("");
        let Some(phase) = s
            .phases
            .iter()
            .skip(1)
            .find(|p| reason.contains(&format!("joins for {}", p.stage)))
        else {
            assert!(seat.from_month.is_zero(), "{reason}");
            continue;
        };
        let (weeks, wait, kind) = match seat.engagement {
            Engagement::InHouse => (hire, "to hire", 0),
            Engagement::Agency => (start, "to start", 1),
        };
        assert_eq!(seat.from_month, phase.start - months_ahead(weeks), "{reason}");
        assert!(
            reason.contains(&format!("({} weeks {wait})", crate::money::plain(weeks))),
            "{reason}"
        );
        ahead[kind] += 1;
    }
    assert!(
        ahead[0] > 0 && ahead[1] > 0,
        "seats of both engagements join later: {ahead:?}"
    );
}

/// A phase's budget is for its seats: the plan's cost lines change neither
/// the teams nor the figures the reasoning quotes for them.
#[test]
fn cost_lines_do_not_change_a_plan_for_budgets() {
    let l = layers();
    let budgets = PLAN
        .replace("effort_pm: 6", "budget: 150000")
        .replace("effort_pm: 20", "budget: 600000")
        .replace("effort_pm: 40", "budget: 1200000")
        .replace(
            "monthly: (low: 500, typical: 1000, high: 3000)",
            "monthly: 20000, once: 50000",
        );
    let with_lines = read(&budgets).expect("the plan reads");
    assert_eq!(with_lines.costs.len(), 1);
    let without = Scenario {
        costs: Vec::new(),
        ..with_lines.clone()
    };
    let plan = |s: &Scenario| {
        let Team::RecommendPlan { targets, origin } = &s.team else {
            panic!("a plan")
        };
        plan::recommend_plan(s, targets, origin, &l).expect("a plan")
    };
    let (a, b) = (plan(&with_lines), plan(&without));
    assert_eq!(a.seats, b.seats);
    assert_eq!(a.reasoning, b.reasoning);
    assert!(
        a.reasoning[1].contains("in the plan the phase's seats cost"),
        "{}",
        a.reasoning[1]
    );
}
