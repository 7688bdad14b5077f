//! Advice worked by hand (MODEL.md section 9): every condition that fires,
//! with a near miss on each side of each of its thresholds, over the
//! engine's worked-example table (`tests/data/hand-table.ron`) and a test
//! layer holding the rules under test and the few rates the fixtures need.
//!
//! Each test rule says all of its placeholders, separated by `|`:
//! stage | phase | months | engineering FTE | development FTE | FTE |
//! duration (| break-even), so every expected message spells out the
//! figures the rule was judged on. FTE are the phase's planned averages
//! (`engine::PhaseEstimate`): Σ n·a·overlap(seat window, phase) / |phase|.

use std::sync::Arc;

use super::*;
use crate::input::source::Source;
use crate::rates::RateTable;
use crate::scenario::Scenario;

/// The engine tests' worked-example table.
const HAND_TABLE: &str = include_str!("../tests/data/hand-table.ron");

fn table(text: &str) -> Arc<RateTable> {
    Arc::new(RateTable::read(Source::new("table.ron", text)).expect("test table reads"))
}

/// Every placeholder a rule can fill, in a fixed order.
const ALL: &str = "{stage}|{phase}|{months}|{engineering_fte}|{development_fte}|{fte}|{duration}";

const DEVELOPER: &str =
    "DeveloperForEngineeringProblem(stages: [Production, Scale], requirements: [SensitiveData, RealTime])";
const PROTOTYPE: &str = "EngineerForPrototype(stages: [Idea, Prototype], above_share: 0.5)";
const JUNIOR: &str = "NoProductionExperience(stages: [Production, Scale], levels: [Junior])";
const AGENCY: &str = "AgencyForLongTermOwnership(stages: [Production, Scale])";

/// The hand table under a layer with the rates the fixtures add (Junior and
/// Mid engineers in-house, a Senior engineer through an agency at 125 an
/// hour) and the given advice rules, `(id, condition)`, each saying [`ALL`]
/// (and `{breakeven}` for the agency rule).
fn layers(rules: &[(&str, &str)]) -> Layers {
    let advice: String = rules
        .iter()
        .map(|(id, when)| {
            let says = if when.starts_with("AgencyForLongTermOwnership") {
                format!("{ALL}|{{breakeven}}")
            } else {
                ALL.to_string()
            };
            format!("\"{id}\": (when: {when}, says: \"{says}\"),\n")
        })
        .collect();
    let text = format!(
        r#"RateTable(
    name: "advice",
    salaries: [
        (role: "ai-engineer", level: Junior, location: "us", annual: 60000, source: "s"),
        (role: "ai-engineer", level: Mid, location: "us", annual: 90000, source: "s"),
    ],
    agency_rates: [
        (role: "ai-engineer", level: Senior, location: "us", hourly: 125, source: "s"),
    ],
    staffing: (
        stage_shares: (idea: 0.00, prototype: 0.15, pilot: 0.35, production: 0.55, scale: 0.65),
        requirement_share: 0.05,
        max_engineering_share: 0.80,
        step_fte: 0.5,
        max_fte: 50,
        engineer_from: Production,
        lead_from_fte: 4,
        mlops: (from_fte: 2, fte: 1, from_stage: Production),
        data_engineer: (from_fte: 3, fte: 1, products: [Recommendation]),
        prompt_engineer: (from_fte: 2, fte: 0.5, products: [Chatbot]),
        hybrid_in_house: [Senior, Lead],
        advice: {{
{advice}
        }},
    ),
)"#
    );
    Layers::new(vec![table(HAND_TABLE), table(&text)]).expect("layers")
}

/// A scenario in the US, in-house unless a seat says otherwise: `when` is
/// `stage: X` (with any requirements) or `phases: [..]`.
fn scenario(when: &str, months: u32, seats: &str) -> Scenario {
    let text = format!(
        "Scenario(name: \"t\", {when}, duration_months: {months}, location: \"us\", \
         engagement: InHouse, rates: [\"hand\", \"advice\"], team: Seats([{seats}]))"
    );
    Scenario::read(Source::new("t.ron", &text)).expect("test scenario reads")
}

/// The advice as (rule, phase, stage, message).
fn advice(
    rules: &[(&str, &str)],
    when: &str,
    months: u32,
    seats: &str,
) -> Vec<(String, usize, Stage, String)> {
    let layers = layers(rules);
    let e = crate::estimate(&scenario(when, months, seats), &layers).expect("estimate");
    advise(&e, &layers)
        .into_iter()
        .map(|a| (a.rule, a.phase, a.stage, a.message))
        .collect()
}

fn one(rule: &str, phase: usize, stage: Stage, message: &str) -> Vec<(String, usize, Stage, String)> {
    vec![(rule.into(), phase, stage, message.into())]
}

const NONE: Vec<(String, usize, Stage, String)> = Vec::new();

const SENIOR: &str = r#"(role: "ai-engineer", level: Senior)"#;
const DEV: &str = r#"(role: "ai-developer", level: Mid, engagement: Agency)"#;

// ---------------------------------------------------------------- developer

#[test]
fn developer_for_engineering_problem_fires_on_a_stage_without_engineers() {
    let rules = [("developer", DEVELOPER)];
    // Production is one of the rule's stages; one developer, no engineer:
    // engineering 0, development 1, FTE 1, months 0-12
    assert_eq!(
        advice(&rules, "stage: Production", 12, DEV),
        one("developer", 1, Stage::Production, "Production|1|0-12|0|1|1|12")
    );
    // Scale, the rule's other stage, with two developers at half time
    let devs = r#"(role: "ai-developer", level: Mid, engagement: Agency, count: 2, allocation: 0.5)"#;
    assert_eq!(
        advice(&rules, "stage: Scale", 6, devs),
        one("developer", 1, Stage::Scale, "Scale|1|0-6|0|1|1|6")
    );
}

#[test]
fn developer_for_engineering_problem_near_misses_on_the_stage() {
    let rules = [("developer", DEVELOPER)];
    // a tenth of an engineer is an engineer: 0.1 is not zero
    let seats = format!(r#"{DEV}, (role: "ai-engineer", level: Senior, allocation: 0.1)"#);
    assert_eq!(advice(&rules, "stage: Production", 12, &seats), NONE);
    // a Pilot is not one of the rule's stages, and it has no requirement
    assert_eq!(advice(&rules, "stage: Pilot", 12, DEV), NONE);
}

#[test]
fn developer_for_engineering_problem_fires_on_a_requirement_at_any_stage() {
    let rules = [("developer", DEVELOPER)];
    // a Pilot is no stage of the rule, but RealTime (the second listed
    // requirement) calls for an engineer
    assert_eq!(
        advice(&rules, "stage: Pilot, requirements: [RealTime]", 6, DEV),
        one("developer", 1, Stage::Pilot, "Pilot|1|0-6|0|1|1|6")
    );
    // near misses: a requirement the rule does not list; the listed one,
    // but with a quarter of an engineer
    assert_eq!(
        advice(
            &rules,
            "stage: Pilot, requirements: [EnterpriseIntegration]",
            6,
            DEV
        ),
        NONE
    );
    let seats = format!(r#"{DEV}, (role: "ai-engineer", level: Senior, allocation: 0.25)"#);
    assert_eq!(
        advice(&rules, "stage: Pilot, requirements: [SensitiveData]", 6, &seats),
        NONE
    );
}

#[test]
fn developer_for_engineering_problem_is_judged_phase_by_phase() {
    let rules = [("developer", DEVELOPER)];
    // the engineer leaves when the Pilot [0, 4) ends; the Production phase
    // [4, 12) has the developer alone: engineering 0, development 1
    let seats = format!(r#"{DEV}, (role: "ai-engineer", level: Senior, until_month: 4)"#);
    assert_eq!(
        advice(
            &rules,
            "phases: [(stage: Pilot, until_month: 4), (stage: Production)]",
            12,
            &seats
        ),
        one("developer", 2, Stage::Production, "Production|2|4-12|0|1|1|12")
    );
}

// ---------------------------------------------------------------- prototype

#[test]
fn engineer_for_prototype_fires_just_above_the_share() {
    let rules = [("prototype", PROTOTYPE)];
    // engineering 1, development 0.98, FTE 1.98: 1 > 1.98 x 0.5 = 0.99
    let seats = r#"(role: "ai-engineer", level: Senior), (role: "ai-developer", level: Mid, engagement: Agency, allocation: 0.98)"#;
    assert_eq!(
        advice(&rules, "stage: Prototype", 4, seats),
        one("prototype", 1, Stage::Prototype, "Prototype|1|0-4|1|0.98|1.98|4")
    );
    // Idea, the rule's other stage, engineers only: 1 > 1 x 0.5
    assert_eq!(
        advice(&rules, "stage: Idea", 4, SENIOR),
        one("prototype", 1, Stage::Idea, "Idea|1|0-4|1|0|1|4")
    );
}

#[test]
fn engineer_for_prototype_near_misses_on_the_share() {
    let rules = [("prototype", PROTOTYPE)];
    // exactly half: engineering 1 of FTE 2, and 1 > 2 x 0.5 = 1 is false
    let half = format!("{SENIOR}, {DEV}");
    assert_eq!(advice(&rules, "stage: Prototype", 4, &half), NONE);
    // just below half: 1 of 1 + 2 x 0.51 = 2.02, and 1 > 1.01 is false
    let below = format!(
        r#"{SENIOR}, (role: "ai-developer", level: Mid, engagement: Agency, count: 2, allocation: 0.51)"#
    );
    assert_eq!(advice(&rules, "stage: Prototype", 4, &below), NONE);
}

#[test]
fn engineer_for_prototype_near_misses_on_stage_requirements_and_people() {
    let rules = [("prototype", PROTOTYPE)];
    // all engineers (1 of 1), but in a Pilot
    assert_eq!(advice(&rules, "stage: Pilot", 4, SENIOR), NONE);
    // all engineers in a Prototype, but one with a requirement
    assert_eq!(
        advice(
            &rules,
            "stage: Prototype, requirements: [SensitiveData]",
            4,
            SENIOR
        ),
        NONE
    );
    // nobody in the Prototype [0, 3): the engineer joins for the Pilot
    let later = r#"(role: "ai-engineer", level: Senior, from_month: 3)"#;
    assert_eq!(
        advice(
            &rules,
            "phases: [(stage: Prototype, until_month: 3), (stage: Pilot)]",
            6,
            later
        ),
        NONE
    );
}

#[test]
fn fte_are_shown_to_two_places() {
    let rules = [("prototype", PROTOTYPE)];
    // the engineer for 4 of the 12 months: 4/12 = 0.333.. FTE; a developer
    // at 0.25: FTE 0.5833..; 0.333.. > 0.5833.. x 0.5 = 0.2916..
    let seats = r#"(role: "ai-engineer", level: Senior, until_month: 4), (role: "ai-developer", level: Mid, engagement: Agency, allocation: 0.25)"#;
    assert_eq!(
        advice(&rules, "stage: Prototype", 12, seats),
        one(
            "prototype",
            1,
            Stage::Prototype,
            "Prototype|1|0-12|0.33|0.25|0.58|12"
        )
    );
}

// ------------------------------------------------------------------- junior

const JUNIORS: &str = r#"(role: "ai-engineer", level: Junior, count: 2)"#;
const MID: &str = r#"(role: "ai-engineer", level: Mid)"#;
const ONE_JUNIOR: &str = r#"(role: "ai-engineer", level: Junior)"#;

#[test]
fn no_production_experience_fires_when_every_engineer_is_junior() {
    let rules = [("junior", JUNIOR)];
    // two Junior engineers and a (Mid) developer: the developer does not
    // count; engineering 2, development 1, FTE 3
    let seats = format!("{JUNIORS}, {DEV}");
    assert_eq!(
        advice(&rules, "stage: Production", 12, &seats),
        one("junior", 1, Stage::Production, "Production|1|0-12|2|1|3|12")
    );
    // Scale, the other stage
    assert_eq!(
        advice(&rules, "stage: Scale", 12, ONE_JUNIOR),
        one("junior", 1, Stage::Scale, "Scale|1|0-12|1|0|1|12")
    );
}

#[test]
fn no_production_experience_near_misses() {
    let rules = [("junior", JUNIOR)];
    // juniors only, but in a Pilot
    assert_eq!(advice(&rules, "stage: Pilot", 12, JUNIORS), NONE);
    // one Mid beside the juniors, listed after them and before them
    assert_eq!(
        advice(&rules, "stage: Production", 12, &format!("{JUNIORS}, {MID}")),
        NONE
    );
    assert_eq!(
        advice(&rules, "stage: Production", 12, &format!("{MID}, {JUNIORS}")),
        NONE
    );
    // no engineer at all: nobody to lack the experience
    assert_eq!(advice(&rules, "stage: Production", 12, DEV), NONE);
}

#[test]
fn no_production_experience_accepts_any_listed_level() {
    let rules = [(
        "junior",
        "NoProductionExperience(stages: [Production], levels: [Junior, Mid])",
    )];
    // a Junior and a Mid: both listed; engineering 3
    assert_eq!(
        advice(&rules, "stage: Production", 12, &format!("{JUNIORS}, {MID}")),
        one("junior", 1, Stage::Production, "Production|1|0-12|3|0|3|12")
    );
    // a Senior is not
    assert_eq!(
        advice(&rules, "stage: Production", 12, &format!("{JUNIORS}, {SENIOR}")),
        NONE
    );
}

#[test]
fn a_seat_is_in_a_phase_when_its_window_overlaps_it() {
    let rules = [("junior", JUNIOR)];
    let phases = "phases: [(stage: Production, until_month: 4), (stage: Scale)]";
    // The Mid engineer's window starts where the first phase ends: [4, 12)
    // against [0, 4) does not overlap (4 < 4 is false), so the first phase
    // has the Junior alone (engineering 1) and the second both (2).
    let starts = format!(r#"{ONE_JUNIOR}, (role: "ai-engineer", level: Mid, from_month: 4)"#);
    assert_eq!(
        advice(&rules, phases, 12, &starts),
        one("junior", 1, Stage::Production, "Production|1|0-4|1|0|1|12")
    );
    // The Mid engineer's window ends where the second phase starts: [0, 4)
    // against [4, 12) does not overlap (4 > 4 is false), so the second
    // phase has the Junior alone.
    let ends = format!(r#"{ONE_JUNIOR}, (role: "ai-engineer", level: Mid, until_month: 4)"#);
    assert_eq!(
        advice(&rules, phases, 12, &ends),
        one("junior", 2, Stage::Scale, "Scale|2|4-12|1|0|1|12")
    );
    // One month inside each boundary, the Mid is in both phases: [3, 12)
    // overlaps [0, 4), [0, 5) overlaps [4, 12).
    let early = format!(r#"{ONE_JUNIOR}, (role: "ai-engineer", level: Mid, from_month: 3)"#);
    assert_eq!(advice(&rules, phases, 12, &early), NONE);
    let late = format!(r#"{ONE_JUNIOR}, (role: "ai-engineer", level: Mid, until_month: 5)"#);
    assert_eq!(advice(&rules, phases, 12, &late), NONE);
}

// ------------------------------------------------------------------- agency

/// One Senior engineer through an agency.
///
/// Break-even by hand (hand table, typical values; `engine::tests::
/// in_house_seat` works the in-house seat): in-house over d >= 6 months
/// costs 14600 (d - 3) + 18000 = 14600 d - 25800 for a capacity of
/// 0.5 x 3 + (d - 3 - 3) = d - 4.5 person-months (hired after 3, ramping 3
/// months at half); through the agency, 125 x 160 = 20000 a month from
/// month 0 at full output: 20000 per person-month at every d. In-house is
/// cheaper when 14600 d - 25800 < 20000 (d - 4.5), i.e. 5400 d > 64200,
/// d > 11.89: at 11, 134800 / 6.5 = 20738.46; at 12, 149400 / 7.5 = 19920;
/// and falling from there. The break-even is 12 months.
const AGENT: &str = r#"(role: "ai-engineer", level: Senior, engagement: Agency)"#;

#[test]
fn the_agency_fixture_breaks_even_at_twelve_months() {
    let layers = layers(&[]);
    for months in [11, 12, 24] {
        let s = scenario("stage: Production", months, AGENT);
        let e = crate::estimate(&s, &layers).expect("estimate");
        let seats: Vec<_> = e.seats.iter().map(|s| s.seat.clone()).collect();
        let b = crate::engine::breakeven::breakeven(&e.scenario, &seats, &layers).expect("break-even");
        assert_eq!(b.months, Some(12), "{months}");
    }
}

#[test]
fn agency_for_long_term_ownership_fires_from_the_break_even() {
    let rules = [("agency", AGENCY)];
    // break-even 12 <= duration 12; engineering 1 (the agency seat)
    assert_eq!(
        advice(&rules, "stage: Production", 12, AGENT),
        one("agency", 1, Stage::Production, "Production|1|0-12|1|0|1|12|12")
    );
    // 13 months, in Scale
    assert_eq!(
        advice(&rules, "stage: Scale", 13, AGENT),
        one("agency", 1, Stage::Scale, "Scale|1|0-13|1|0|1|13|12")
    );
    // near miss: 11 months, one short of the break-even
    assert_eq!(advice(&rules, "stage: Production", 11, AGENT), NONE);
}

#[test]
fn agency_for_long_term_ownership_needs_every_seat_through_an_agency() {
    let rules = [("agency", AGENCY)];
    // the same engineer twice, one of them in-house: the break-even of the
    // team is still 12 (both seats switch engagement), but not all agency
    let seats = format!("{AGENT}, {SENIOR}");
    assert_eq!(advice(&rules, "stage: Production", 24, &seats), NONE);
    // two agency seats
    let seats = format!("{AGENT}, {AGENT}");
    assert_eq!(
        advice(&rules, "stage: Production", 24, &seats),
        one("agency", 1, Stage::Production, "Production|1|0-24|2|0|2|24|12")
    );
}

#[test]
fn agency_for_long_term_ownership_is_judged_on_the_last_phase_only() {
    let rules = [("agency", AGENCY)];
    // Production then Scale: both are the rule's stages, only the last
    // phase [6, 24) is reported
    assert_eq!(
        advice(
            &rules,
            "phases: [(stage: Production, until_month: 6), (stage: Scale)]",
            24,
            AGENT
        ),
        one("agency", 2, Stage::Scale, "Scale|2|6-24|1|0|1|24|12")
    );
    // Production then a Pilot: the product does not end in a rule's stage
    assert_eq!(
        advice(
            &rules,
            "phases: [(stage: Production, until_month: 6), (stage: Pilot)]",
            24,
            AGENT
        ),
        NONE
    );
    // a Pilot alone, past the break-even
    assert_eq!(advice(&rules, "stage: Pilot", 24, AGENT), NONE);
}

#[test]
fn agency_for_long_term_ownership_says_nothing_without_a_break_even() {
    let rules = [("agency", AGENCY)];
    // the developer has no salary in the layers: the break-even cannot be
    // priced, and the rule says nothing rather than failing
    assert_eq!(advice(&rules, "stage: Production", 24, DEV), NONE);
}

// ------------------------------------------------------------------ overall

#[test]
fn advice_runs_phase_by_phase_then_rule_by_rule() {
    let rules = [("developer", DEVELOPER), ("prototype", PROTOTYPE)];
    // Prototype [0, 4): the engineer alone, 1 of 1 (prototype fires);
    // Production [4, 10): the developer alone (developer fires)
    let seats = r#"(role: "ai-engineer", level: Senior, until_month: 4), (role: "ai-developer", level: Mid, engagement: Agency, from_month: 4)"#;
    let phases = "phases: [(stage: Prototype, until_month: 4), (stage: Production)]";
    let layers = layers(&rules);
    let e = crate::estimate(&scenario(phases, 10, seats), &layers).expect("estimate");
    let lines: Vec<String> = advise(&e, &layers).iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        vec![
            "phase 1 (Prototype), prototype: Prototype|1|0-4|1|0|1|10",
            "phase 2 (Production), developer: Production|2|4-10|0|1|1|10",
        ]
    );
}

#[test]
fn no_rules_no_advice() {
    // the developer alone in Production fires the shipped rule, but these
    // layers have none
    assert_eq!(advice(&[], "stage: Production", 12, DEV), NONE);
}
