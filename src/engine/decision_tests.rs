//! Sensitivity and break-even on cases worked by hand from MODEL.md
//! section 6, on the worked-example table (tests/data/hand-table.ron).

use rust_decimal_macros::dec;

use super::breakeven::breakeven;
use super::sensitivity::sensitivity;
use super::tests::{hand_layers, scenario};
use super::*;
use crate::estimate;
use crate::input::source::Source;
use crate::rates::RateTable;
use std::sync::Arc;

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;

#[test]
fn sensitivity_of_an_in_house_engineer() {
    let e = estimate(&scenario("12", ENGINEER, ""), &hand_layers()).expect("estimate");
    let crate::engine::sensitivity::Sensitivity { likely, swings, .. } =
        sensitivity(&e.model).expect("sensitivity");
    assert_eq!(likely, dec!(149400));
    let rows: Vec<(String, Decimal, Decimal)> = swings
        .iter()
        .map(|s| (s.input.to_string(), s.at_low, s.at_high))
        .collect();
    // likely: monthly 14600 x 9 months + fee 18000 = 149400 (src/engine/tests.rs)
    // time to hire 0 wk: 14600 x 12 + 18000 = 193200; 26 wk (6 months): 14600 x 6 + 18000 = 105600
    // salary 108000: (9000 x 1.3 + 600 + 900) x 9 + 16200 = 135000;
    //        144000: (12000 x 1.3 + 600 + 1200) x 9 + 21600 = 178200
    // burden 1.2: (12000 + 1600) x 9 + 18000 = 140400; 1.4: (14000 + 1600) x 9 + 18000 = 158400
    // recruiting fee 0.1: 131400 + 12000 = 143400; 0.2: 131400 + 24000 = 155400
    // ramp-up and ramp productivity change capacity, not cost: no swing (ties by name)
    assert_eq!(
        rows,
        vec![
            ("time to hire us".into(), dec!(193200), dec!(105600)),
            ("salary ai-engineer Senior us".into(), dec!(135000), dec!(178200)),
            ("burden us".into(), dec!(140400), dec!(158400)),
            ("recruiting fee us".into(), dec!(143400), dec!(155400)),
            ("in-house ramp productivity us".into(), dec!(149400), dec!(149400)),
            ("in-house ramp-up us".into(), dec!(149400), dec!(149400)),
        ]
    );
    assert_eq!(swings[0].swing(), dec!(87600));
}

const AGENCY_RATE: &str = r#"RateTable(
    name: "quote",
    agency_rates: [
        (role: "ai-engineer", level: Senior, location: "us", hourly: 150, source: "s"),
    ],
)"#;

#[test]
fn breakeven_of_an_engineer_in_house_versus_agency() {
    let mut tables = hand_layers().tables().to_vec();
    tables.push(Arc::new(
        RateTable::read(Source::new("quote.ron", AGENCY_RATE)).expect("quote"),
    ));
    let layers = Layers::new(tables).expect("layers");
    let s = scenario("12", ENGINEER, "");
    let (seats, _) = crate::team::seats(&s, &layers).expect("seats");
    let b = breakeven(&s, &seats, &layers).expect("break-even");
    // agency: 150 x 160 = 24000 a month from day one, full output: 24000 per pm
    // in-house at D months: (14600 (D - 3) + 18000) / (0.5 min(D - 3, 3) + max(0, D - 6))
    //   D <= 3: no capacity; D = 4: 32600 / 0.5 = 65200; D = 8: 91000 / 3.5 = 26000
    //   D = 9: 105600 / 4.5 = 23466.67 < 24000, and falling towards 14600 after
    let at = |m: usize| b.durations[m - 1];
    assert_eq!(at(3).in_house, None);
    assert_eq!(at(4).in_house, Some(dec!(65200)));
    assert_eq!(at(8).in_house, Some(dec!(26000)));
    assert_eq!(at(9).in_house.map(crate::money::cents), Some(dec!(23466.67)));
    assert!(b.durations.iter().all(|d| d.agency == Some(dec!(24000))));
    assert_eq!(b.months, Some(9));
    assert_eq!(b.durations.len(), 60);
    // windows and cost lines are set aside: each seat for the whole duration
    let mut windowed = seats.clone();
    windowed[0].from_month = dec!(2);
    windowed[0].until_month = Some(dec!(7));
    let mut with_line = s.clone();
    with_line.costs = vec![crate::scenario::CostLine {
        name: crate::input::origin::Located::new("GPU".into(), crate::input::origin::Origin::new("t.ron")),
        monthly: crate::range::Range::single(dec!(5000)),
        once: crate::range::Range::single(dec!(0)),
        from_month: dec!(0),
        until_month: None,
        currency: None,
    }];
    let again = breakeven(&with_line, &windowed, &layers).expect("break-even");
    assert_eq!(again, b);
}

#[test]
fn breakeven_names_a_seat_with_no_agency_rate() {
    let s = scenario("12", ENGINEER, "");
    let (seats, _) = crate::team::seats(&s, &hand_layers()).expect("seats");
    let problems = breakeven(&s, &seats, &hand_layers()).expect_err("no agency rate for the engineer");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0]
            .message
            .contains("no agency rate for ai-engineer Senior us"),
        "{}",
        problems[0].message
    );
}
