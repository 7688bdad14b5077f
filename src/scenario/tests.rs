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

/// The constructor's rules, each at its edge: a specification read from
/// the model's plan is rebuilt unchanged, and each change that breaks a
/// rule by the least amount is refused, naming the rule.
mod constructor {
    use super::*;

    fn plan() -> Spec {
        read(PLAN).spec()
    }

    fn refused(spec: Spec, says: &str) {
        match Scenario::new(spec) {
            Ok(_) => panic!("accepted; expected a refusal saying {says:?}"),
            Err(problems) => assert!(
                problems.iter().any(|d| d.message.contains(says)),
                "{problems:?} does not say {says:?}"
            ),
        }
    }

    fn with_phases(phases: Vec<Phase>) -> Spec {
        Spec {
            plan: Plan::Phases(phases),
            ..plan()
        }
    }

    #[test]
    fn a_scenario_read_is_rebuilt_from_its_spec_unchanged() {
        let s = read(PLAN);
        assert_eq!(Scenario::new(s.spec()), Ok(s));
    }

    #[test]
    fn one_stage_covers_the_project_and_names_the_stage() {
        let s = Scenario::new(Spec {
            plan: Plan::One(Stage::Pilot),
            ..plan()
        })
        .expect("one stage");
        assert_eq!(s.stage, Stage::Pilot);
        assert_eq!(s.phases, vec![phase(Stage::Pilot, dec!(0), dec!(18))]);
    }

    #[test]
    fn phases_start_at_zero_follow_each_other_and_end_with_the_project() {
        let (p, q, r) = (Stage::Prototype, Stage::Pilot, Stage::Production);
        // the model's plan: [0, 3), [3, 8), [8, 18) over 18 months
        let good = vec![
            phase(p, dec!(0), dec!(3)),
            phase(q, dec!(3), dec!(8)),
            phase(r, dec!(8), dec!(18)),
        ];
        let s = Scenario::new(with_phases(good)).expect("the model's phases");
        assert_eq!(s.stage, p, "the first phase gives the stage");
        refused(
            with_phases(vec![phase(p, dec!(0.5), dec!(3)), phase(q, dec!(3), dec!(18))]),
            "phase 1 (Prototype) runs from month 0.5 to 3, and must start at month 0",
        );
        refused(
            with_phases(vec![phase(p, dec!(0), dec!(3)), phase(q, dec!(3.5), dec!(18))]),
            "phase 2 (Pilot) runs from month 3.5 to 18, and must start at month 3",
        );
        refused(
            with_phases(vec![phase(p, dec!(0), dec!(3)), phase(q, dec!(3), dec!(3))]),
            "phase 2 (Pilot) runs from month 3 to 3",
        );
        refused(
            with_phases(vec![phase(p, dec!(0), dec!(3)), phase(q, dec!(3), dec!(17.9))]),
            "the phases end at month 17.9, and the project at 18",
        );
        refused(with_phases(Vec::new()), "the phases end at month 0");
    }

    #[test]
    fn a_plan_has_one_positive_target_per_phase() {
        let origin = Origin::new("--effort-pm");
        let targets = |t: &[Decimal]| Team::RecommendPlan {
            targets: t.iter().map(|v| Target::EffortPm(*v)).collect(),
            origin: origin.clone(),
        };
        let three = Scenario::new(Spec {
            team: targets(&[dec!(6), dec!(20), dec!(40)]),
            ..plan()
        });
        assert!(three.is_ok(), "{three:?}");
        refused(
            Spec {
                team: targets(&[dec!(6), dec!(20)]),
                ..plan()
            },
            "one positive target for each of its 3 phases, not 2",
        );
        refused(
            Spec {
                team: targets(&[dec!(6), dec!(0), dec!(40)]),
                ..plan()
            },
            "one positive target for each of its 3 phases, not 3",
        );
        refused(
            Spec {
                team: Team::Recommend {
                    target: Target::Budget(dec!(0)),
                    origin: origin.clone(),
                },
                ..plan()
            },
            "the team's target is not a positive amount",
        );
        let small = Scenario::new(Spec {
            team: Team::Recommend {
                target: Target::Budget(dec!(0.01)),
                origin,
            },
            ..plan()
        });
        assert!(small.is_ok(), "{small:?}");
    }

    #[test]
    fn seats_and_cost_lines_lie_inside_the_project() {
        let spec = plan();
        let Team::Seats(seats) = &spec.team else {
            panic!("seats")
        };
        let first = seats[0].clone();
        let team = |seat: Seat| Team::Seats(vec![seat]);
        // the project is 18 months: [17.9, 18) fits, [18, 18) does not
        let late = Seat {
            from_month: dec!(17.9),
            until_month: None,
            ..first.clone()
        };
        assert!(
            Scenario::new(Spec {
                team: team(late),
                ..plan()
            })
            .is_ok()
        );
        for (from, until) in [
            (dec!(18), None),
            (dec!(-0.1), None),
            (dec!(2), Some(dec!(2))),
            (dec!(0), Some(dec!(18.1))),
        ] {
            let seat = Seat {
                from_month: from,
                until_month: until,
                ..first.clone()
            };
            refused(
                Spec {
                    team: team(seat),
                    ..plan()
                },
                "has a window outside the project's 18 months",
            );
        }
        for count in [0, MAX_COUNT + 1] {
            let seat = Seat {
                count,
                ..first.clone()
            };
            refused(
                Spec {
                    team: team(seat),
                    ..plan()
                },
                "may have 1 to 1000 people",
            );
        }
        let skill = |i: usize| Located::new(format!("skill-{i}"), Origin::new("test"));
        let skilled = |n: usize| Seat {
            skills: (0..n).map(skill).collect(),
            ..first.clone()
        };
        assert!(
            Scenario::new(Spec {
                team: team(skilled(MAX_SKILLS)),
                ..plan()
            })
            .is_ok()
        );
        refused(
            Spec {
                team: team(skilled(MAX_SKILLS + 1)),
                ..plan()
            },
            "and 11 skills, and may have 1 to 1000 people and at most 10 skills",
        );
        let most = Seat {
            count: MAX_COUNT,
            ..first.clone()
        };
        assert!(
            Scenario::new(Spec {
                team: team(most),
                ..plan()
            })
            .is_ok()
        );
        refused(
            Spec {
                team: Team::Seats(Vec::new()),
                ..plan()
            },
            "the team has 0 seats, and needs 1 to 100",
        );
        refused(
            Spec {
                team: Team::Seats(vec![first.clone(); MAX_SEATS + 1]),
                ..plan()
            },
            "the team has 101 seats",
        );
        assert!(
            Scenario::new(Spec {
                team: Team::Seats(vec![first; MAX_SEATS]),
                ..plan()
            })
            .is_ok()
        );
        let mut late_line = plan();
        late_line.costs[0].from_month = dec!(18);
        refused(late_line, "cost line `");
        refused(
            Spec {
                rates: Vec::new(),
                ..plan()
            },
            "names no rate layer",
        );
    }
}
