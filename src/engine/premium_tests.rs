//! Skill premiums (MODEL.md section 3), worked out by hand on the hand
//! table of `tests.rs` with the overlay below. Its us terms: S = 108000 /
//! 120000 / 144000, burden 1.2 / 1.3 / 1.4, fee 0.1 / 0.15 / 0.2, time to
//! hire 26 / 13 / 0 weeks (cost low reads the high end: 6 / 3 / 0 months),
//! overhead 600, management 0.1; agency h = 80 / 100 / 125 at 160 hours,
//! time to start 13 / 0 / 0 weeks for cost low / likely / high.

use rust_decimal_macros::dec;

use super::tests::{HAND_TABLE, table};
use super::*;
use crate::estimate;
use crate::input::source::Source;

/// Two premiums over the hand table (its source "s").
pub const PREMIUMS: &str = r#"RateTable(
    name: "skills",
    premiums: {
        "genai": (title: "GenAI", salary: (low: 0.05, typical: 0.10, high: 0.20),
                  agency: (low: 0.05, typical: 0.10, high: 0.15), source: "s"),
        "cloud": (title: "Cloud", salary: (low: 0, typical: 0.05, high: 0.10),
                  agency: 0.05, source: "s"),
    },
)"#;

fn layers() -> Layers {
    Layers::new(vec![table(HAND_TABLE), table(PREMIUMS)]).expect("layers")
}

fn scenario(seats: &str) -> Scenario {
    let text = format!(
        "Scenario(name: \"t\", stage: Pilot, duration_months: 12, location: \"us\", \
         engagement: InHouse, rates: [\"hand\", \"skills\"], team: Seats([{seats}]))"
    );
    Scenario::read(Source::new("t.ron", &text)).expect("test scenario reads")
}

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior, skills: ["genai", "cloud"])"#;
const PLAIN_ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;
const DEVELOPERS: &str = r#"(role: "ai-developer", level: Mid, count: 2, allocation: 0.5,
    engagement: Agency, skills: ["genai", "cloud"])"#;
const PLAIN_DEVELOPERS: &str =
    r#"(role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#;

#[test]
fn an_in_house_seat_with_two_skills() {
    let e = estimate(&scenario(ENGINEER), &layers()).expect("estimate");
    // likely: 1 + 0.10 + 0.05 = 1.15; S = 120000 * 1.15 = 138000 (11500 a
    //   month); monthly = 11500 * 1.3 + 600 + 11500 * 0.1 = 16700; active
    //   12 - 3 = 9: 150300; hire 138000 * 0.15 = 20700; cost 171000
    // low: 1 + 0.05 + 0 = 1.05; S = 108000 * 1.05 = 113400 (9450);
    //   monthly = 9450 * 1.2 + 600 + 945 = 12885; active 6: 77310;
    //   hire 113400 * 0.1 = 11340; cost 88650
    // high: 1 + 0.20 + 0.10 = 1.30; S = 144000 * 1.3 = 187200 (15600);
    //   monthly = 15600 * 1.4 + 600 + 1560 = 24000; active 12: 288000;
    //   hire 187200 * 0.2 = 37440; cost 325440
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(88650),
            likely: dec!(171000),
            high: dec!(325440)
        }
    );
    // components at likely: salary 11500 * 9, burden 11500 * 0.3 * 9,
    // overhead 600 * 9 (no premium on it), management 1150 * 9, recruiting
    let c = &e.components;
    assert_eq!(
        (c.salary, c.burden, c.overhead, c.management, c.recruiting),
        (dec!(103500), dec!(31050), dec!(5400), dec!(10350), dec!(20700))
    );
    // no effect on capacity: the same seat without skills delivers as much
    let plain = estimate(&scenario(PLAIN_ENGINEER), &layers()).expect("estimate");
    assert_eq!(e.capacity, plain.capacity);
    assert_eq!(plain.cost.likely, dec!(149400));
    // the seat reads the salary shares only: no agency share is an input
    let names: Vec<String> = e.model.inputs.iter().map(ToString::to_string).collect();
    assert!(names.contains(&"premium genai salary".to_string()), "{names:?}");
    assert!(names.contains(&"premium cloud salary".to_string()), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.ends_with(" agency") && n.starts_with("premium")),
        "{names:?}"
    );
}

#[test]
fn an_agency_seat_with_two_skills() {
    let e = estimate(&scenario(DEVELOPERS), &layers()).expect("estimate");
    // 2 x 0.5 = 1 FTE. likely: 1 + 0.10 + 0.05 = 1.15; h = 115;
    //   monthly 115 * 160 = 18400; starts at 0, 12 months: 220800
    // low: 1 + 0.05 + 0.05 = 1.10; h = 88; monthly 14080; starts at 13 wk
    //   = 3 months, 9 months: 126720
    // high: 1 + 0.15 + 0.05 = 1.20; h = 150; monthly 24000; 12 months: 288000
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(126720),
            likely: dec!(220800),
            high: dec!(288000)
        }
    );
    assert_eq!(e.components.agency, dec!(220800));
    let plain = estimate(&scenario(PLAIN_DEVELOPERS), &layers()).expect("estimate");
    assert_eq!(e.capacity, plain.capacity);
    assert_eq!(plain.cost.likely, dec!(192000));
}

#[test]
fn premiums_are_inputs_of_sensitivity() {
    let e = estimate(&scenario(ENGINEER), &layers()).expect("estimate");
    let sensitivity::Sensitivity { likely, swings, .. } =
        sensitivity::sensitivity(&e.model).expect("sensitivity");
    assert_eq!(likely, dec!(171000));
    let swing = |name: &str| {
        swings
            .iter()
            .find(|s| s.input.to_string() == name)
            .map(|s| (s.at_low, s.at_high))
            .unwrap_or_else(|| panic!("{name} in sensitivity"))
    };
    // genai salary at 0.05: 1.10, S = 132000 (11000); monthly 14300 + 600
    //   + 1100 = 16000; 9 months 144000 + hire 19800 = 163800
    // at 0.20: 1.25, S = 150000 (12500); monthly 16250 + 600 + 1250 =
    //   18100; 162900 + hire 22500 = 185400
    assert_eq!(swing("premium genai salary"), (dec!(163800), dec!(185400)));
    // cloud salary at 0: 1.10 again (163800); at 0.10: 1.20, S = 144000
    //   (12000); monthly 15600 + 600 + 1200 = 17400; 156600 + 21600 = 178200
    assert_eq!(swing("premium cloud salary"), (dec!(163800), dec!(178200)));
}

#[test]
fn a_seat_without_skills_reads_no_premium() {
    let e = estimate(&scenario(PLAIN_ENGINEER), &layers()).expect("estimate");
    assert!(
        e.model
            .inputs
            .iter()
            .all(|i| !i.to_string().starts_with("premium")),
        "{:?}",
        e.model.inputs
    );
    assert_eq!(e.cost.low, dec!(84600));
    assert_eq!(e.cost.high, dec!(252000));
}
