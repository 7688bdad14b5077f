//! Reading plans over time (MODEL.md 8.1): the example of the model reads
//! to the phases, windows and cost lines written in it; and a scenario
//! built as values refused where the reader would refuse its text.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;

/// The plan of MODEL.md 8.1, as written there.
pub const PLAN: &str = include_str!("../../tests/data/model-plan.ron");

fn read(text: &str) -> Scenario {
    match Scenario::read(Source::new("plan.ron", text)) {
        Ok(s) => s,
        Err(problems) => panic!("{}", crate::input::diagnostic::Diagnostics(problems)),
    }
}

fn phase(stage: Stage, start: Decimal, end: Decimal) -> Phase {
    Phase { stage, start, end }
}

fn seats(s: &Scenario) -> &[Seat] {
    match &s.team {
        Team::Seats(seats) => seats,
        Team::Recommend { .. } | Team::RecommendPlan { .. } => panic!("seats"),
    }
}

#[test]
fn the_plan_of_the_model_reads_its_phases() {
    let s = read(PLAN);
    // [0, 3) Prototype, [3, 8) Pilot, [8, 18) Production: the last to D
    assert_eq!(
        s.phases,
        vec![
            phase(Stage::Prototype, dec!(0), dec!(3)),
            phase(Stage::Pilot, dec!(3), dec!(8)),
            phase(Stage::Production, dec!(8), dec!(18)),
        ]
    );
    assert_eq!(s.stage, Stage::Prototype, "the stage of the first phase");
}

#[test]
fn the_plan_of_the_model_reads_its_seat_windows() {
    let s = read(PLAN);
    let windows: Vec<(Decimal, Option<Decimal>)> = seats(&s)
        .iter()
        .map(|seat| (seat.from_month, seat.until_month))
        .collect();
    assert_eq!(
        windows,
        vec![
            (dec!(0), Some(dec!(8))),
            (dec!(0), None),
            (dec!(2), None),
            (dec!(6), None),
        ]
    );
}

#[test]
fn the_plan_of_the_model_reads_its_cost_lines() {
    let s = read(PLAN);
    let lines: Vec<(&str, Range, Range, Decimal, Option<Decimal>)> = s
        .costs
        .iter()
        .map(|c| {
            (
                c.name.value.as_str(),
                c.monthly,
                c.once,
                c.from_month,
                c.until_month,
            )
        })
        .collect();
    let (zero, single) = (Range::single(Decimal::ZERO), Range::single);
    assert_eq!(
        lines,
        vec![
            (
                "LLM API",
                Range::new(dec!(1500), dec!(3000), dec!(8000)).expect("in order"),
                zero,
                dec!(3),
                None
            ),
            ("GPU cloud", single(dec!(4000)), zero, dec!(8), None),
            ("Security audit", zero, single(dec!(25000)), dec!(7), None),
        ]
    );
    assert!(s.costs.iter().all(|c| c.currency.is_none()));
}

#[test]
fn a_stage_is_one_phase_over_the_whole_project() {
    let text = PLAN
        .replace(
            "    phases: [                          // instead of `stage`: stages in order\n        (stage: Prototype, until_month: 3),\n        (stage: Pilot, until_month: 8),\n        (stage: Production),           // the last phase runs to the end\n    ],\n",
            "    stage: Pilot,\n",
        )
        .replace("duration_months: 18", "duration_months: 10.5");
    let s = read(&text);
    assert_eq!(s.stage, Stage::Pilot);
    assert_eq!(s.phases, vec![phase(Stage::Pilot, dec!(0), dec!(10.5))]);
}

#[test]
fn fractions_an_until_month_at_the_end_and_a_currency() {
    let text = PLAN
        .replace("(stage: Production)", "(stage: Production, until_month: 18)")
        .replace(
            "(stage: Pilot, until_month: 8)",
            "(stage: Pilot, until_month: 8.5)",
        )
        .replace("from_month: 2)", "from_month: 2.5, until_month: 18)")
        .replace(
            "once: 25000, from_month: 7",
            "once: 25000, from_month: 7, until_month: 7.5, currency: \"EUR\"",
        );
    let s = read(&text);
    assert_eq!(s.phases[1], phase(Stage::Pilot, dec!(3), dec!(8.5)));
    assert_eq!(s.phases[2], phase(Stage::Production, dec!(8.5), dec!(18)));
    let seat = &seats(&s)[2];
    assert_eq!((seat.from_month, seat.until_month), (dec!(2.5), Some(dec!(18))));
    let audit = &s.costs[2];
    assert_eq!((audit.from_month, audit.until_month), (dec!(7), Some(dec!(7.5))));
    assert_eq!(audit.currency.as_ref().map(|c| c.value.as_str()), Some("EUR"));
}

#[test]
fn a_file_without_the_new_fields_reads_as_before() {
    let text = "Scenario(name: \"Old\", stage: Scale, duration_months: 6, location: \"us\", engagement: Agency,\n    team: Seats([(role: \"ai-developer\", level: Mid)]))\n";
    let s = read(text);
    assert_eq!(s.phases, vec![phase(Stage::Scale, dec!(0), dec!(6))]);
    assert!(s.costs.is_empty());
    let seat = &seats(&s)[0];
    assert_eq!((seat.from_month, seat.until_month), (dec!(0), None));
}

#[test]
fn a_scenario_built_as_values_is_refused_where_its_text_would_be() {
    let at = |v: &str| Located::new(v.to_string(), Origin::new("values"));
    let seat = |count| {
        Seat::new(
            at("ai-developer"),
            Level::Mid,
            count,
            at("us"),
            Engagement::Agency,
        )
    };
    let d = Months::new(dec!(6)).expect("6 months");
    let build = |seats: Vec<Seat>| {
        Scenario::of_seats(
            "v",
            "values",
            Stage::Pilot,
            d,
            at("us"),
            EngagementChoice::Agency,
            seats,
        )
    };
    let s = build(vec![seat(2)]).expect("a team of two");
    assert_eq!(s.phases, vec![phase(Stage::Pilot, dec!(0), dec!(6))]);
    assert_eq!(
        s.rates.iter().map(|l| l.value.as_str()).collect::<Vec<_>>(),
        ["market-2026"]
    );
    assert_eq!(seats(&s)[0].fte(), dec!(2));
    assert!(build(vec![]).is_none(), "no seats");
    assert!(build(vec![seat(0)]).is_none(), "a count of 0");
    assert!(
        build(vec![seat(MAX_COUNT + 1)]).is_none(),
        "a count over the limit"
    );
    assert!(build(vec![seat(MAX_COUNT)]).is_some(), "the limit itself");
    assert!(
        build(vec![seat(1); MAX_SEATS + 1]).is_none(),
        "too many seat lines"
    );
    assert!(
        build(vec![seat(1); MAX_SEATS]).is_some(),
        "as many seat lines as allowed"
    );
    let late = Seat {
        from_month: dec!(6),
        ..seat(1)
    };
    assert!(build(vec![late]).is_none(), "a window that opens at the end");
    let long = Seat {
        until_month: Some(dec!(6.5)),
        ..seat(1)
    };
    assert!(build(vec![long]).is_none(), "a window past the end");
    let early = Seat {
        from_month: dec!(-1),
        ..seat(1)
    };
    assert!(build(vec![early]).is_none(), "a window before the start");
    let skills = Seat {
        skills: vec![at("genai"); MAX_SKILLS + 1],
        ..seat(1)
    };
    assert!(build(vec![skills]).is_none(), "too many skills");
}
