//! The product brief as tests (issue 5): who the recommender proposes.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::recommend::{engineering_share, seats, split};
use super::*;
use crate::Catalog;
use crate::estimate;
use crate::input::source::Source;
use crate::scenario::Target;
use crate::vocabulary::{Engagement, Focus, Level, Stage};

const STAGES: [Stage; 5] = [
    Stage::Idea,
    Stage::Prototype,
    Stage::Pilot,
    Stage::Production,
    Stage::Scale,
];

fn layers() -> Layers {
    let catalog = Catalog::embedded().expect("shipped rates");
    catalog
        .layers(&[crate::input::origin::Located::new(
            "market-2026".into(),
            crate::input::origin::Origin::new("test"),
        )])
        .expect("layers")
}

fn scenario(stage: Stage, requirements: &str, engagement: &str, target: &str) -> Scenario {
    let text = format!(
        "Scenario(name: \"r\", stage: {stage:?}, product: FraudDetection, duration_months: 12, location: \"us\", \
         engagement: {engagement}, requirements: [{requirements}], team: Recommend({target}))"
    );
    Scenario::read(Source::new("r.ron", &text)).expect("scenario")
}

fn staffing(layers: &Layers) -> &crate::rates::staffing::Staffing {
    layers
        .staffing()
        .expect("the shipped table has a staffing profile")
}

#[test]
fn the_split_worked_by_hand() {
    let l = layers();
    let p = staffing(&l);
    // Production 0.55 + 3 requirements x 0.05 = 0.70; 6.5 x 0.70 = 4.55 -> 4.5
    let s = scenario(
        Stage::Production,
        "SensitiveData, RealTime, Compliance",
        "InHouse",
        "effort_pm: 1",
    );
    assert_eq!(engineering_share(p, &s), dec!(0.70));
    assert_eq!(split(p, &s, dec!(6.5)), (dec!(4.5), dec!(2.0)));
    // Production alone 0.55: 5 x 0.55 = 2.75, a tie, rounds up to 3
    let s = scenario(Stage::Production, "", "InHouse", "effort_pm: 1");
    assert_eq!(split(p, &s, dec!(5)), (dec!(3.0), dec!(2.0)));
    // 0.5 x 0.55 = 0.275 -> 0.5, raised to 1 from Production on, but never above the team
    assert_eq!(split(p, &s, dec!(0.5)), (dec!(0.5), dec!(0)));
    assert_eq!(split(p, &s, dec!(1)), (dec!(1), dec!(0)));
    // Prototype 0.10 (0.15 before MODEL.md section 5 changed): 3 x 0.10 =
    // 0.30 -> 0.5; 2 x 0.10 = 0.20 -> 0 (it was 2 x 0.15 = 0.30 -> 0.5)
    let s = scenario(Stage::Prototype, "", "InHouse", "effort_pm: 1");
    assert_eq!(engineering_share(p, &s), dec!(0.10));
    assert_eq!(split(p, &s, dec!(3)), (dec!(0.5), dec!(2.5)));
    assert_eq!(split(p, &s, dec!(2)), (dec!(0), dec!(2)));
    // seven requirements would exceed the cap of 0.80
    let s = scenario(
        Stage::Scale,
        "SensitiveData, RealTime, HighScale, EnterpriseIntegration, Compliance",
        "InHouse",
        "effort_pm: 1",
    );
    assert_eq!(engineering_share(p, &s), dec!(0.80));
}

#[test]
fn idea_stage_with_no_requirements_proposes_no_engineers() {
    let l = layers();
    let s = scenario(Stage::Idea, "", "Agency", "effort_pm: 30");
    let e = estimate(&s, &l).expect("estimate");
    assert_eq!(e.engineering_fte, dec!(0));
    assert!(e.seats.iter().all(|seat| seat.focus == Focus::Development));
    for half in 1..=40 {
        let total = Decimal::new(half * 5, 1);
        assert_eq!(split(staffing(&l), &s, total).0, dec!(0), "{total} FTE");
    }
}

#[test]
fn from_production_on_there_is_at_least_one_engineer() {
    let l = layers();
    for stage in [Stage::Production, Stage::Scale] {
        // a budget that buys at least one FTE: a Senior AI engineer in-house
        // in the US costs about USD 312,000 in the first 12 months (market-2026)
        for effort in ["effort_pm: 5", "effort_pm: 40", "budget: 400000"] {
            let e = estimate(&scenario(stage, "", "InHouse", effort), &l).expect("estimate");
            assert!(
                e.engineering_fte >= dec!(1),
                "{stage} {effort}: {}",
                e.engineering_fte
            );
            assert!(e.seats.iter().any(|s| s.seat.role.value == "ai-engineer"));
        }
    }
}

#[test]
fn engineering_never_falls_as_the_stage_advances_or_requirements_are_added() {
    let l = layers();
    let p = staffing(&l);
    let all = [
        "SensitiveData",
        "RealTime",
        "HighScale",
        "EnterpriseIntegration",
        "Compliance",
        "ContinuousRetraining",
    ];
    // requirement sets growing one at a time
    let sets: Vec<String> = (0..=all.len()).map(|k| all[..k].join(", ")).collect();
    for half in 1..=30 {
        let total = Decimal::new(half * 5, 1);
        let mut previous_stage: Option<(Decimal, Decimal)> = None;
        for stage in STAGES {
            let mut previous_set: Option<(Decimal, Decimal)> = None;
            for set in &sets {
                let s = scenario(stage, set, "InHouse", "effort_pm: 1");
                let now = (engineering_share(p, &s), split(p, &s, total).0);
                if let Some(before) = previous_set {
                    assert!(
                        now.0 >= before.0 && now.1 >= before.1,
                        "{stage} +[{set}] at {total} FTE"
                    );
                }
                if set.is_empty() {
                    if let Some(before) = previous_stage {
                        assert!(now.0 >= before.0 && now.1 >= before.1, "{stage} at {total} FTE");
                    }
                    previous_stage = Some(now);
                }
                previous_set = Some(now);
            }
        }
    }
}

#[test]
fn hybrid_keeps_senior_and_lead_seats_in_house() {
    let l = layers();
    let e = estimate(
        &scenario(Stage::Scale, "HighScale", "Hybrid", "effort_pm: 150"),
        &l,
    )
    .expect("estimate");
    assert!(
        e.seats.iter().any(|s| s.seat.level == Level::Lead),
        "a team this size has a lead"
    );
    for s in &e.seats {
        let expected = match s.seat.level {
            Level::Senior | Level::Lead => Engagement::InHouse,
            Level::Mid | Level::Junior => Engagement::Agency,
        };
        assert_eq!(
            s.seat.engagement, expected,
            "{} {}",
            s.seat.role.value, s.seat.level
        );
    }
}

#[test]
fn the_team_meets_the_effort_and_the_next_smaller_does_not() {
    let l = layers();
    for (stage, effort) in [
        (Stage::Prototype, dec!(7)),
        (Stage::Pilot, dec!(25)),
        (Stage::Production, dec!(61)),
        (Stage::Scale, dec!(140)),
    ] {
        let s = scenario(stage, "RealTime", "Hybrid", &format!("effort_pm: {effort}"));
        let r = recommend(&s, Target::EffortPm(effort), &l).expect("recommendation");
        let capacity = |total: Decimal| {
            let team = Scenario {
                team: Team::Seats(seats(staffing(&l), &s, total)),
                ..s.clone()
            };
            estimate(&team, &l).expect("estimate").capacity.likely
        };
        assert!(capacity(r.total_fte) >= effort, "{stage}");
        assert!(
            capacity(r.total_fte - dec!(0.5)) < effort,
            "{stage}: a smaller team would do"
        );
    }
}

#[test]
fn with_a_budget_the_team_fits_and_the_next_larger_does_not() {
    let l = layers();
    for budget in [dec!(150000), dec!(400000), dec!(1500000)] {
        let s = scenario(Stage::Pilot, "", "InHouse", &format!("budget: {budget}"));
        let r = recommend(&s, Target::Budget(budget), &l).expect("recommendation");
        let cost = |total: Decimal| {
            let team = Scenario {
                team: Team::Seats(seats(staffing(&l), &s, total)),
                ..s.clone()
            };
            estimate(&team, &l).expect("estimate").cost.likely
        };
        assert!(cost(r.total_fte) <= budget, "{budget}");
        assert!(
            cost(r.total_fte + dec!(0.5)) > budget,
            "{budget}: a larger team fits"
        );
    }
}

#[test]
fn impossible_targets_say_why_with_the_numbers() {
    let l = layers();
    let s = scenario(Stage::Scale, "", "Agency", "effort_pm: 9000");
    let e = recommend(&s, Target::EffortPm(dec!(9000)), &l).expect_err("too much effort");
    assert!(
        e[0].message.starts_with(
            "an effort of 9000 person-months needs more than 50 FTE in 12 months: 50 FTE deliver "
        ),
        "{}",
        e[0].message
    );
    let b = recommend(&s, Target::Budget(dec!(1000)), &l).expect_err("too small a budget");
    assert!(
        b[0].message
            .starts_with("a budget of 1,000.00 does not buy 0.5 FTE for 12 months: the smallest team costs "),
        "{}",
        b[0].message
    );
}

#[test]
fn a_written_scenario_round_trips_to_the_cent() {
    let l = layers();
    let s = scenario(Stage::Production, "SensitiveData", "Hybrid", "effort_pm: 30");
    let e = estimate(&s, &l).expect("estimate");
    let seats: Vec<_> = e.seats.iter().map(|x| x.seat.clone()).collect();
    let text = write::scenario_file(&s, &seats, &e.reasoning, &e.layers);
    let again = Scenario::read(Source::new("written.ron", &text)).expect("the written file reads");
    assert!(matches!(again.team, Team::Seats(_)));
    let e2 = estimate(&again, &l).expect("estimate");
    assert_eq!(
        crate::money::cents(e2.cost.likely),
        crate::money::cents(e.cost.likely)
    );
    assert_eq!(e2.cost, e.cost);
    assert_eq!(e2.capacity, e.capacity);
    assert!(
        text.contains("// Production stage: at least one senior AI engineer owns deployment"),
        "{text}"
    );
}

mod properties {
    //! MODEL.md section 5: at Idea and Prototype every engineering FTE is
    //! Mid, whatever the effort, location, engagement, product and
    //! requirements.

    use proptest::prelude::*;
    use rust_decimal::Decimal;

    use super::{layers, staffing};
    use crate::estimate;
    use crate::input::source::Source;
    use crate::scenario::Scenario;
    use crate::vocabulary::{Focus, Level};

    const LOCATIONS: [&str; 6] = ["us", "uk", "germany", "poland", "india", "brazil"];
    const ENGAGEMENTS: [&str; 3] = ["InHouse", "Agency", "Hybrid"];
    const PRODUCTS: [&str; 4] = ["Chatbot", "FraudDetection", "Recommendation", "Other"];
    const REQUIREMENTS: [&str; 6] = [
        "SensitiveData",
        "RealTime",
        "HighScale",
        "EnterpriseIntegration",
        "Compliance",
        "ContinuousRetraining",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        #[test]
        fn a_prototype_team_has_no_senior_or_lead_engineer(
            effort in 1u32..=120,
            location in 0..LOCATIONS.len(),
            engagement in 0..ENGAGEMENTS.len(),
            product in 0..PRODUCTS.len(),
            requirements in proptest::sample::subsequence(REQUIREMENTS.to_vec(), 0..=6),
            idea in any::<bool>(),
        ) {
            let l = layers();
            let stage = if idea { "Idea" } else { "Prototype" };
            let text = format!(
                "Scenario(name: \"p\", stage: {stage}, product: {}, duration_months: 9, location: \"{}\", \
                 engagement: {}, requirements: [{}], team: Recommend(effort_pm: {effort}))",
                PRODUCTS[product], LOCATIONS[location], ENGAGEMENTS[engagement], requirements.join(", ")
            );
            let s = Scenario::read(Source::new("p.ron", &text)).expect("scenario");
            let e = estimate(&s, &l).expect("estimate");
            prop_assert!(e.capacity.likely >= Decimal::from(effort));
            for seat in e.seats.iter().filter(|s| s.focus == Focus::Engineering) {
                prop_assert_eq!(seat.seat.level, Level::Mid, "{} in {}", seat.seat.role.value, text);
            }
            // the rule is data: the shipped profile says where seniors start
            prop_assert_eq!(staffing(&l).senior_engineer_from, crate::vocabulary::Stage::Pilot);
        }
    }
}

/// (role, level, count, allocation, engagement) of each seat.
fn composition(seats: &[Seat]) -> Vec<(String, Level, u32, Decimal, Engagement)> {
    seats
        .iter()
        .map(|s| {
            (
                s.role.value.clone(),
                s.level,
                s.count,
                s.allocation.get(),
                s.engagement,
            )
        })
        .collect()
}

fn row(
    role: &str,
    level: Level,
    count: u32,
    allocation: Decimal,
    engagement: Engagement,
) -> (String, Level, u32, Decimal, Engagement) {
    (role.to_string(), level, count, allocation, engagement)
}

#[test]
fn the_seats_of_a_production_team_worked_by_hand() {
    let l = layers();
    let p = staffing(&l);
    let s = scenario(Stage::Production, "", "InHouse", "effort_pm: 1");
    // 9 FTE x 0.55 = 4.95 -> 5 engineering, 4 development (FraudDetection)
    // engineering 5: Senior 1, rest 4; 5 >= lead_from_fte 4: a Lead in place
    //   of a Mid (rest 3); MLOps from Production at 2 FTE and more: 1 (rest 2);
    //   a data engineer for FraudDetection at 3 FTE and more: 1 (rest 1 Mid)
    // development 4: Senior 1, rest 3; a Lead (rest 2 Mid); no prompt
    //   engineer for FraudDetection
    use Engagement::InHouse;
    let team = seats(p, &s, dec!(9));
    assert!(
        team[0]
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("Production stage: at least one senior AI engineer owns")),
        "{:?}",
        team[0].reason
    );
    assert_eq!(
        composition(&team),
        vec![
            row("ai-engineer", Level::Senior, 1, dec!(1), InHouse),
            row("ai-engineer", Level::Mid, 1, dec!(1), InHouse),
            row("ai-engineer", Level::Lead, 1, dec!(1), InHouse),
            row("mlops-engineer", Level::Mid, 1, dec!(1), InHouse),
            row("data-engineer", Level::Mid, 1, dec!(1), InHouse),
            row("ai-developer", Level::Senior, 1, dec!(1), InHouse),
            row("ai-developer", Level::Mid, 2, dec!(1), InHouse),
            row("ai-developer", Level::Lead, 1, dec!(1), InHouse),
        ]
    );
}

#[test]
fn the_seats_of_a_hybrid_pilot_team_worked_by_hand() {
    let l = layers();
    let p = staffing(&l);
    let s = scenario(Stage::Pilot, "", "Hybrid", "effort_pm: 1");
    // 7 FTE x 0.35 = 2.45 -> 2.5 engineering, 4.5 development
    // engineering 2.5 at Pilot: Senior 1, 1.5 Mid (no Lead below 4 FTE, no
    //   MLOps before Production, no data engineer below 3 FTE)
    // development 4.5: Senior 1, Lead 1, 2.5 Mid
    // Hybrid: Senior and Lead in-house, Mid through an agency
    use Engagement::{Agency, InHouse};
    let team = seats(p, &s, dec!(7));
    assert_eq!(
        composition(&team),
        vec![
            row("ai-engineer", Level::Senior, 1, dec!(1), InHouse),
            row("ai-engineer", Level::Mid, 1, dec!(1), Agency),
            row("ai-engineer", Level::Mid, 1, dec!(0.5), Agency),
            row("ai-developer", Level::Senior, 1, dec!(1), InHouse),
            row("ai-developer", Level::Mid, 2, dec!(1), Agency),
            row("ai-developer", Level::Mid, 1, dec!(0.5), Agency),
            row("ai-developer", Level::Lead, 1, dec!(1), InHouse),
        ]
    );
    let reasons: Vec<&str> = team.iter().filter_map(|s| s.reason.as_deref()).collect();
    // before Production (engineer_from) the senior engineer prepares the
    // path to production rather than owning the production system
    assert_eq!(
        reasons[0],
        "the Pilot stage: a senior AI engineer prepares the path to production (architecture, data \
         handling, deployment); Hybrid: Senior seats stay in-house (strategy and ownership)"
    );
    assert_eq!(
        reasons[1],
        "mid-level AI engineers add delivery capacity under the senior; Hybrid: Mid seats go to an agency (delivery)"
    );
    assert_eq!(
        reasons[6],
        "4.5 FTE of development: a lead AI developer coordinates the work in place of a mid-level \
         seat; Hybrid: Lead seats stay in-house (strategy and ownership)"
    );
}
