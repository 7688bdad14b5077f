//! Bounded input: every figure has a range (src/fields.rs, README.md
//! "Ranges"), and a figure outside it is bad input (exit 2) with the file,
//! line and column and the range, never a panic. The first four cases are
//! the panics of issue 9, kept as regressions: each overflowed a decimal in
//! the engine (exit 101), in `check` as well as in `estimate`.

use crate::errors::{assert_bad_input, base, layered, mexico, salary};
use crate::support::Workdir;

/// The message of a bad overlay, in `estimate` and in `check` alike.
fn assert_bad_overlay(scenario: &str, overlay: &str, expected: &str) {
    let files = [("s.ron", scenario), ("rates/overlay.ron", overlay)];
    assert_bad_input(&files, expected);
    let run = Workdir::new(&files).run(&["check", "rates/overlay.ron"]);
    assert_eq!(run.stderr, expected, "check's stderr was:\n{}", run.stderr);
    assert_eq!(run.status, 2);
}

/// An overlay with only an fx block.
fn fx(rates: &str) -> String {
    format!("RateTable(\n    name: \"overlay\",\n    fx: (base: \"USD\", rates: {{ {rates} }}),\n)\n")
}

/// An overlay with the shipped staffing profile, one figure changed.
fn staffing(from: &str, to: &str) -> String {
    let profile = r#"RateTable(
    name: "overlay",
    staffing: (
        stage_shares: (idea: 0.00, prototype: 0.10, pilot: 0.35, production: 0.55, scale: 0.65),
        requirement_share: 0.05,
        max_engineering_share: 0.80,
        step_fte: 0.5,
        max_fte: 50,
        engineer_from: Production,
        senior_engineer_from: Pilot,
        lead_from_fte: 4,
        mlops: (from_fte: 2, fte: 1, from_stage: Production),
        data_engineer: (from_fte: 3, fte: 1, products: [Recommendation, FraudDetection, PredictiveAnalytics]),
        prompt_engineer: (from_fte: 2, fte: 0.5, products: [Chatbot, Rag, Agent]),
        hybrid_in_house: [Senior, Lead],
    ),
)
"#;
    assert!(profile.contains(from), "`{from}` is in the profile");
    profile.replacen(from, to, 1)
}

/// issue 9: overflowed in seat::seat_total (weeks * 12)
#[test]
fn time_to_hire_of_1e28_weeks() {
    let overlay = mexico("1.3").replace("time_to_hire_weeks: 7", "time_to_hire_weeks: 1e28");
    assert_bad_overlay(
        &layered("mexico"),
        &overlay,
        r#"error: rates/overlay.ron:10:37: mexico in_house.time_to_hire_weeks is 1e28, outside its range: from 0 to 520
   |
10 |                 time_to_hire_weeks: 1e28,
   |                                     ^^^^
   = expected: a number of weeks, from 0 to 520
   = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// issue 9: overflowed in seat::paid (monthly salary * burden)
#[test]
fn burden_of_1e27() {
    assert_bad_overlay(
        &layered("mexico"),
        &mexico("1e27"),
        r#"error: rates/overlay.ron:8:25: mexico in_house.burden is 1e27, outside its range: from 1 to 5
  |
8 |                 burden: 1e27,
  |                         ^^^^
  = expected: a multiplier of base salary (1.3 adds 30%), from 1 to 5
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// issue 9: overflowed in model::Conversion::apply (amount / 1e-28)
#[test]
fn fx_rate_of_1e_minus_28() {
    assert_bad_overlay(
        &layered("germany"),
        &fx(r#""EUR": 1e-28"#),
        r#"error: rates/overlay.ron:3:39: fx rate of EUR is 1e-28, outside its range: from 0.000001 to 1,000,000
  |
3 |     fx: (base: "USD", rates: { "EUR": 1e-28 }),
  |                                       ^^^^^
  = expected: units of the base currency per one unit of this one, from 0.000001 to 1,000,000
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// issue 9: the largest decimal as a salary overflowed in seat::paid
#[test]
fn salary_of_29_digits() {
    assert_bad_overlay(
        &layered("us"),
        &salary("79228162514264337593543950335", "bls-oews-2024"),
        r#"error: rates/overlay.ron:4:70: annual salary of ai-engineer Senior us is 79228162514264337593543950335, outside its range: more than 0 and at most 1,000,000,000
  |
4 |         (role: "ai-engineer", level: Senior, location: "us", annual: 79228162514264337593543950335, source: "bls-oews-2024"),
  |                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = expected: an annual salary, more than 0 and at most 1,000,000,000
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// one more than a decimal holds: the range message, not "is not a number"
#[test]
fn salary_too_large_for_a_decimal() {
    assert_bad_overlay(
        &layered("us"),
        &salary("79228162514264337593543950336", "bls-oews-2024"),
        r#"error: rates/overlay.ron:4:70: annual salary of ai-engineer Senior us is 79228162514264337593543950336, outside its range: more than 0 and at most 1,000,000,000
  |
4 |         (role: "ai-engineer", level: Senior, location: "us", annual: 79228162514264337593543950336, source: "bls-oews-2024"),
  |                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = expected: an annual salary, more than 0 and at most 1,000,000,000
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// issue 9: a step of 0.0001 FTE made a budget search scan 10^10 sizes
#[test]
fn staffing_step_too_small() {
    let scenario = layered("us").replace(
        "team: Seats([\n        (role: \"ai-engineer\", level: Senior),\n    ]),",
        "team: Recommend(budget: 250000),",
    );
    assert_bad_overlay(
        &scenario,
        &staffing("step_fte: 0.5", "step_fte: 0.0001"),
        r#"error: rates/overlay.ron:7:19: staffing.step_fte is 0.0001, outside its range: from 0.1 to 10
  |
7 |         step_fte: 0.0001,
  |                   ^^^^^^
  = expected: a step between team sizes in FTE, from 0.1 to 10
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn agency_hours_above_a_month() {
    let overlay = mexico("1.3").replace("hours_per_month: 160", "hours_per_month: 745");
    assert_bad_overlay(
        &layered("mexico"),
        &overlay,
        r#"error: rates/overlay.ron:16:39: mexico agency.hours_per_month is 745, outside its range: from 1 to 744
   |
16 |             agency: (hours_per_month: 745, time_to_start_weeks: 2, ramp_up_weeks: 2, ramp_productivity: 0.6),
   |                                       ^^^
   = expected: hours billed per month, from 1 to 744
   = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn count_above_1000() {
    let scenario = base("level: Senior)", "level: Senior, count: 1001)");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:53: count is 1001, not a whole number of people from 1 to 1000
  |
8 |         (role: "ai-engineer", level: Senior, count: 1001),
  |                                                     ^^^^
  = expected: a whole number from 1 to 1000
  = help: for part-time people keep count whole and set allocation, e.g. count: 1, allocation: 0.5
"#,
    );
}

/// too large for a decimal: the range, not "is not a number"
#[test]
fn duration_too_large_for_a_decimal() {
    let scenario = base("duration_months: 6", "duration_months: 1e29");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:4:22: duration_months is 1e29, outside 0 to 120
  |
4 |     duration_months: 1e29,
  |                      ^^^^
  = expected: a number of months greater than 0 and at most 120 (fractions such as 4.5 are fine)
  = help: set duration_months to the length of the project, e.g. 6
"#,
    );
}

#[test]
fn effort_above_its_range() {
    let scenario = base(
        "team: Seats([\n        (role: \"ai-engineer\", level: Senior),\n    ]),",
        "team: Recommend(effort_pm: 1e28),",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:32: effort_pm is 1e28, outside its range: more than 0 and at most 1,000,000
  |
7 |     team: Recommend(effort_pm: 1e28),
  |                                ^^^^
  = expected: productive person-months, more than 0 and at most 1,000,000
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}
