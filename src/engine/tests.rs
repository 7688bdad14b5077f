//! Engine figures worked out by hand from MODEL.md section 4.
//!
//! The test table uses delays that are multiples of 13 weeks, so months
//! come out whole: 13 weeks x 12 / 52 = 3 months exactly.

use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use super::*;
use crate::estimate;
use crate::input::source::Source;
use crate::rates::RateTable;
use std::sync::Arc;

pub const HAND_TABLE: &str = include_str!("../../tests/data/hand-table.ron");

const OVERLAY: &str = r#"RateTable(
    name: "over",
    salaries: [
        (role: "ai-engineer", level: Senior, location: "us", annual: 96000, source: "s"),
    ],
)"#;

pub fn table(text: &str) -> Arc<RateTable> {
    Arc::new(RateTable::read(Source::new("table.ron", text)).expect("test table reads"))
}

pub fn hand_layers() -> Layers {
    Layers::new(vec![table(HAND_TABLE)]).expect("layers")
}

pub fn scenario(duration: &str, seats: &str, extra: &str) -> Scenario {
    let text = format!(
        "Scenario(name: \"t\", stage: Pilot, duration_months: {duration}, location: \"us\", \
         engagement: InHouse, rates: [\"hand\"], {extra} team: Seats([{seats}]))"
    );
    Scenario::read(Source::new("t.ron", &text)).expect("test scenario reads")
}

const ENGINEER: &str = r#"(role: "ai-engineer", level: Senior)"#;
const DEVELOPERS: &str =
    r#"(role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency)"#;

fn run(duration: &str, seats: &str, extra: &str, layers: &Layers) -> Estimate {
    estimate(&scenario(duration, seats, extra), layers).expect("estimate")
}

#[test]
fn in_house_seat() {
    let e = run("12", ENGINEER, "", &hand_layers());
    // likely: S = 120000, hire 13 wk = 3 months, active = 12 - 3 = 9
    //   monthly  = 120000/12 * 1.3 + 600 + 120000/12 * 0.1 = 13000 + 600 + 1000 = 14600
    //   one_time = 120000 * 0.15 = 18000
    //   cost     = 14600 * 9 + 18000 = 149400
    // low: S 108000, burden 1.2, fee 0.1, hire at high 26 wk = 6 months, active 6
    //   monthly = 9000 * 1.2 + 600 + 900 = 12300; cost = 12300 * 6 + 10800 = 84600
    // high: S 144000, burden 1.4, fee 0.2, hire at low 0, active 12
    //   monthly = 12000 * 1.4 + 600 + 1200 = 18600; cost = 18600 * 12 + 28800 = 252000
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(84600),
            likely: dec!(149400),
            high: dec!(252000)
        }
    );
    // capacity likely: r = 13 wk = 3 months, p 0.5: 0.5 * min(9, 3) + (9 - 3) = 7.5
    // low: active 6, r 26 wk = 6 months, p 0.4: 0.4 * 6 + 0 = 2.4
    // high: active 12, r 0, p 0.6: 0 + 12 = 12
    assert_eq!(
        e.capacity,
        Triple {
            low: dec!(2.4),
            likely: dec!(7.5),
            high: dec!(12)
        }
    );
    // components: salary 10000 * 9, burden 10000 * 0.3 * 9, overhead 600 * 9,
    // management 1000 * 9, recruiting 18000
    let c = e.components;
    assert_eq!(
        [
            c.salary,
            c.burden,
            c.overhead,
            c.management,
            c.recruiting,
            c.agency
        ],
        [
            dec!(90000),
            dec!(27000),
            dec!(5400),
            dec!(9000),
            dec!(18000),
            dec!(0)
        ]
    );
    // months 1-3 empty (hiring), month 4 = 14600 + 18000 fee, then 14600 each
    let months: Vec<Decimal> = e.monthly.iter().map(|m| m.likely).collect();
    let mut expected = vec![dec!(0), dec!(0), dec!(0), dec!(32600)];
    expected.extend([dec!(14600); 8]);
    assert_eq!(months, expected);
    assert_eq!(e.monthly.last().map(|m| m.cumulative), Some(dec!(149400)));
    assert_eq!((e.engineering_fte, e.development_fte), (dec!(1), dec!(0)));
    assert_eq!(e.staffed_weeks, dec!(13));
    assert!(e.warnings.is_empty());
}

#[test]
fn agency_seat() {
    let e = run("6", DEVELOPERS, "", &hand_layers());
    // n * a = 2 * 0.5 = 1; monthly = 100 * 160 = 16000; start 0, active 6
    //   likely = 1 * 16000 * 6 = 96000
    //   low  = 80 * 160 = 12800, start at high 13 wk = 3 months: 12800 * 3 = 38400
    //   high = 125 * 160 = 20000 * 6 = 120000
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(38400),
            likely: dec!(96000),
            high: dec!(120000)
        }
    );
    // ramp 0, p 1: capacity = n * a * active = 6 (low: active 3)
    assert_eq!(
        e.capacity,
        Triple {
            low: dec!(3),
            likely: dec!(6),
            high: dec!(6)
        }
    );
    assert_eq!(e.components.agency, dec!(96000));
    assert!(e.monthly.iter().all(|m| m.likely == dec!(16000)));
    assert_eq!((e.engineering_fte, e.development_fte), (dec!(0), dec!(1)));
}

#[test]
fn fractional_duration() {
    let e = run("4.5", ENGINEER, "", &hand_layers());
    // active = 4.5 - 3 = 1.5: 14600 * 1.5 + 18000 = 21900 + 18000 = 39900
    assert_eq!(e.cost.likely, dec!(39900));
    // ceil(4.5) = 5 months: month 4 = 14600 + 18000, month 5 spans [4, 4.5] = 7300
    let months: Vec<Decimal> = e.monthly.iter().map(|m| m.likely).collect();
    assert_eq!(months, vec![dec!(0), dec!(0), dec!(0), dec!(32600), dec!(7300)]);
    // capacity = 0.5 * min(1.5, 3) = 0.75
    assert_eq!(e.capacity.likely, dec!(0.75));
}

#[test]
fn seat_that_never_starts() {
    let e = run("2", ENGINEER, "", &hand_layers());
    // hire 3 months > 2 months: active 0, no recruiting fee, nothing to pay
    assert_eq!(e.cost.likely, dec!(0));
    assert_eq!(e.capacity.likely, dec!(0));
    assert_eq!(e.monthly.iter().map(|m| m.likely).sum::<Decimal>(), dec!(0));
    // at the high end hiring takes 0 weeks: 18600 * 2 + 28800 = 66000
    assert_eq!(e.cost.high, dec!(66000));
    // the project is 2 * 52 / 12 = 8.67 weeks long
    assert_eq!(
        e.warnings,
        vec![
            "ai-engineer Senior in us never starts: its typical time to hire of 13 weeks is longer than \
             the project (8.7 weeks), so it costs nothing and adds no capacity"
                .to_string()
        ]
    );
    assert_eq!(e.cost_per_pm(), None);
}

#[test]
fn layered_override() {
    let layers = Layers::new(vec![table(HAND_TABLE), table(OVERLAY)]).expect("layers");
    let e = run("12", ENGINEER, "", &layers);
    // the overlay's 96000 replaces 120000 (a single value: low = typical = high)
    //   monthly = 8000 * 1.3 + 600 + 800 = 11800; 11800 * 9 + 96000 * 0.15 = 106200 + 14400
    assert_eq!(e.cost.likely, dec!(120600));
    assert_eq!(e.layers, vec!["hand".to_string(), "over".to_string()]);
}

#[test]
fn currency_conversion() {
    let e = run("12", ENGINEER, "currency: \"EUR\",", &hand_layers());
    // USD -> EUR: amount * rates[USD] / rates[EUR] = amount * 1 / 1.25
    //   S = 96000 EUR, overhead 480 EUR: monthly = 8000 * 1.3 + 480 + 800 = 11680
    //   cost = 11680 * 9 + 96000 * 0.15 = 105120 + 14400 = 119520 (= 149400 * 0.8)
    assert_eq!(e.currency.as_str(), "EUR");
    assert_eq!(e.cost.likely, dec!(119520));
}

#[test]
fn both_seats_add_up() {
    let e = run("12", &format!("{ENGINEER}, {DEVELOPERS}"), "", &hand_layers());
    // 149400 (engineer) + 16000 * 12 (developers) = 149400 + 192000
    assert_eq!(e.cost.likely, dec!(341400));
    assert_eq!(e.seats.len(), 2);
    // cost per productive person-month: 341400 / (7.5 + 12)
    assert_eq!(e.cost_per_pm().map(|t| t.likely), Some(dec!(341400) / dec!(19.5)));
}

/// A place in another currency, and an agency rate quoted in a third.
pub const POLAND: &str = r#"RateTable(
    name: "pl",
    locations: {
        "pl": (
            name: "Poland",
            currency: "PLN",
            in_house: (
                burden: 1.2,
                recruiting_fee: 0.1,
                time_to_hire_weeks: 13,
                ramp_up_weeks: 0,
                ramp_productivity: 1,
                overhead_monthly: 2000,
                management_overhead: 0.1,
            ),
            agency: (hours_per_month: 160, time_to_start_weeks: 0, ramp_up_weeks: 0, ramp_productivity: 1),
        ),
    },
    salaries: [(role: "ai-engineer", level: Senior, location: "pl", annual: 240000, source: "s")],
    agency_rates: [(role: "ai-developer", level: Mid, location: "pl", hourly: 50, currency: "USD", source: "s")],
    fx: (base: "USD", rates: { "EUR": 1.25, "PLN": 0.25 }),
)"#;

#[test]
fn amounts_in_the_place_and_entry_currencies() {
    let layers = Layers::new(vec![table(HAND_TABLE), table(POLAND)]).expect("layers");
    let text = "Scenario(name: \"pl\", stage: Pilot, duration_months: 6, location: \"pl\", engagement: InHouse, \
                rates: [\"hand\", \"pl\"], team: Seats([(role: \"ai-engineer\", level: Senior), \
                (role: \"ai-developer\", level: Mid, engagement: Agency)]))";
    let s = Scenario::read(Source::new("pl.ron", text)).expect("scenario");
    let e = estimate(&s, &layers).expect("estimate");
    // reported in PLN, the location's currency
    // engineer: S = 240000 PLN, hire 13 wk = 3 months, active 3
    //   monthly = 20000 * 1.2 + 2000 + 20000 * 0.1 = 28000; 28000 * 3 + 24000 = 108000
    // developer: 50 USD/h -> 50 * rates[USD] / rates[PLN] = 50 * 1 / 0.25 = 200 PLN/h
    //   200 * 160 * 6 = 192000
    assert_eq!(e.currency.as_str(), "PLN");
    assert_eq!(e.seats[0].cost.likely, dec!(108000));
    assert_eq!(e.seats[1].cost.likely, dec!(192000));
    // the same in EUR: amount * rates[PLN] / rates[EUR] = x 0.25 / 1.25 = x 0.2
    let eur = Scenario::read(Source::new(
        "pl.ron",
        &text.replace("rates: [", "currency: \"EUR\", rates: ["),
    ))
    .expect("scenario");
    let e = estimate(&eur, &layers).expect("estimate");
    // engineer 108000 * 0.2 = 21600; developer 50 USD * 1 / 1.25 = 40 EUR/h * 160 * 6 = 38400
    assert_eq!(e.seats[0].cost.likely, dec!(21600));
    assert_eq!(e.seats[1].cost.likely, dec!(38400));
}

/// A place whose every term is ranged, in a currency other than the
/// reporting one, with delays of half months (6.5 weeks = 1.5 months).
pub const GERMANY: &str = r#"RateTable(
    name: "de",
    locations: {
        "de": (
            name: "Germany",
            currency: "EUR",
            in_house: (
                burden: (low: 1.2, typical: 1.25, high: 1.3),
                recruiting_fee: 0.2,
                time_to_hire_weeks: (low: 0, typical: 6.5, high: 13),
                ramp_up_weeks: 6.5,
                ramp_productivity: 0.5,
                overhead_monthly: (low: 400, typical: 500, high: 700),
                management_overhead: (low: 0.05, typical: 0.1, high: 0.15),
            ),
            agency: (
                hours_per_month: (low: 150, typical: 160, high: 170),
                time_to_start_weeks: 0,
                ramp_up_weeks: 0,
                ramp_productivity: 1,
            ),
        ),
    },
    salaries: [(role: "ai-engineer", level: Senior, location: "de",
                annual: (low: 72000, typical: 96000, high: 120000), source: "s")],
    agency_rates: [(role: "ai-developer", level: Mid, location: "de",
                    hourly: (low: 60, typical: 80, high: 100), source: "s")],
)"#;

#[test]
fn every_term_ranged_in_another_currency_with_half_month_delays() {
    let layers = Layers::new(vec![table(HAND_TABLE), table(GERMANY)]).expect("layers");
    let text = "Scenario(name: \"de\", stage: Pilot, duration_months: 6, location: \"de\", engagement: InHouse, \
                currency: \"USD\", rates: [\"hand\", \"de\"], team: Seats([(role: \"ai-engineer\", level: Senior), \
                (role: \"ai-developer\", level: Mid, engagement: Agency)]))";
    let s = Scenario::read(Source::new("de.ron", text)).expect("scenario");
    let e = estimate(&s, &layers).expect("estimate");
    // EUR -> USD: amount * rates[EUR] / rates[USD] = amount * 1.25 / 1
    // likely, engineer: S = 96000 EUR = 120000 USD, S/12 = 10000;
    //   hire 6.5 wk = 6.5 * 12 / 52 = 1.5 months, active = 6 - 1.5 = 4.5
    //   overhead 500 EUR = 625 USD; monthly = 10000 * 1.25 + 625 + 10000 * 0.1 = 14125
    //   one_time = 120000 * 0.2 = 24000; cost = 14125 * 4.5 + 24000 = 87562.5
    // likely, developer: 80 EUR = 100 USD/h * 160 = 16000 a month, from 0: 96000
    // low: S 72000 EUR = 90000 USD (7500 a month), burden 1.2, overhead 400 EUR =
    //   500 USD, management 0.05, hire at its high end 13 wk = 3 months, active 3
    //   monthly = 7500 * 1.2 + 500 + 7500 * 0.05 = 9875; 9875 * 3 + 90000 * 0.2 = 47625
    //   developer: 60 EUR = 75 USD * 150 h = 11250 * 6 = 67500; total 115125
    // high: S 120000 EUR = 150000 USD (12500), burden 1.3, overhead 700 EUR = 875 USD,
    //   management 0.15, hire at its low end 0, active 6
    //   monthly = 12500 * 1.3 + 875 + 12500 * 0.15 = 19000; 19000 * 6 + 30000 = 144000
    //   developer: 100 EUR = 125 USD * 170 h = 21250 * 6 = 127500; total 271500
    assert_eq!(e.currency.as_str(), "USD");
    assert_eq!(e.seats[0].cost.likely, dec!(87562.5));
    assert_eq!(e.seats[1].cost.likely, dec!(96000));
    assert_eq!(
        e.cost,
        Triple {
            low: dec!(115125),
            likely: dec!(183562.5),
            high: dec!(271500)
        }
    );
    // capacity, engineer: r = 1.5 months, p = 0.5
    //   likely: 0.5 * min(4.5, 1.5) + (4.5 - 1.5) = 3.75; low: active 3: 0.75 + 1.5 = 2.25;
    //   high: active 6: 0.75 + 4.5 = 5.25; developer 6 at every end
    assert_eq!(
        e.capacity,
        Triple {
            low: dec!(8.25),
            likely: dec!(9.75),
            high: dec!(11.25)
        }
    );
    // components at likely: salary 10000 * 4.5, burden 10000 * 0.25 * 4.5,
    // overhead 625 * 4.5, management 1000 * 4.5, recruiting 24000, agency 96000
    let c = e.components;
    assert_eq!(
        [
            c.salary,
            c.burden,
            c.overhead,
            c.management,
            c.recruiting,
            c.agency
        ],
        [
            dec!(45000),
            dec!(11250),
            dec!(2812.5),
            dec!(4500),
            dec!(24000),
            dec!(96000)
        ]
    );
    // months: the engineer starts at 1.5, so month 2 has half a month
    // (7062.5) and the fee (24000); months 3 to 6 a whole 14125. The
    // developer's 16000 is in every month.
    let months: Vec<Decimal> = e.monthly.iter().map(|m| m.likely).collect();
    assert_eq!(
        months,
        vec![
            dec!(16000),
            dec!(47062.5),
            dec!(30125),
            dec!(30125),
            dec!(30125),
            dec!(30125)
        ]
    );
    assert_eq!(e.monthly.last().map(|m| m.cumulative), Some(dec!(183562.5)));
    let numbers: Vec<usize> = e.monthly.iter().map(|m| m.month).collect();
    assert_eq!(numbers, vec![1, 2, 3, 4, 5, 6]);
    assert_eq!(
        (e.engineering_fte, e.development_fte, e.total_fte()),
        (dec!(1), dec!(1), dec!(2))
    );
    assert_eq!(e.seats[0].start_weeks, dec!(6.5));
    assert_eq!(e.staffed_weeks, dec!(6.5));
}

#[test]
fn the_loaded_month_of_a_seat() {
    use crate::range::Bound;
    // in-house (in_house_seat above): 120000/12 * 1.3 + 600 + 120000/12 * 0.1
    // = 14600 whatever the count, window or delay; agency: 100 * 160 = 16000
    let s = scenario(
        "12",
        &format!(r#"(role: "ai-engineer", level: Senior, count: 3, from_month: 2), {DEVELOPERS}"#),
        "",
    );
    let crate::scenario::Team::Seats(seats) = &s.team else {
        panic!("explicit seats")
    };
    let month = |layers: &Layers, bound| {
        let m = model::build(&s, seats, layers).expect("model");
        let values = crate::engine::inputs::cost_values(&m.inputs, bound);
        m.seats
            .iter()
            .map(|seat| seat.loaded_month(&values).expect("no overflow"))
            .collect::<Vec<_>>()
    };
    assert_eq!(month(&hand_layers(), Bound::Typical), [dec!(14600), dec!(16000)]);
    // at the low ends: 108000/12 * 1.2 + 600 + 9000 * 0.1 = 12300; 80 * 160 = 12800
    assert_eq!(month(&hand_layers(), Bound::Low), [dec!(12300), dec!(12800)]);
    // a salary written in EUR converts first: 96000 * 1.25 = 120000 USD
    let eur = OVERLAY.replace("annual: 96000,", "annual: 96000, currency: \"EUR\",");
    let layers = Layers::new(vec![table(HAND_TABLE), table(&eur)]).expect("layers");
    assert_eq!(month(&layers, Bound::Typical), [dec!(14600), dec!(16000)]);
}
