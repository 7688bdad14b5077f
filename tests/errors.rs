//! Bad input: each case breaks the base scenario (or a plugin beside it)
//! one way and gets a message naming the file, line and column, what was
//! expected and the fix, exit status 2, and nothing on stdout. The expected
//! messages were read and judged by a person.

use crate::support::Workdir;

/// The base scenario the cases break one way each.
pub const BASE: &str = r#"Scenario(
    name: "Base",
    stage: Pilot,
    duration_months: 6,
    location: "us",
    engagement: InHouse,
    team: Seats([
        (role: "ai-engineer", level: Senior),
    ]),
)
"#;

/// The base with one piece of text replaced.
pub fn base(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "`{from}` is in the base");
    BASE.replacen(from, to, 1)
}

/// The base at `location`, layering the plugin `overlay` over the shipped table.
pub fn layered(location: &str) -> String {
    base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    rates: [\"market-2026\", \"overlay\"],\n",
    )
    .replace("\"us\"", &format!("{location:?}"))
}

/// An overlay adding a place, "mexico", with the given in-house burden.
pub fn mexico(burden: &str) -> String {
    format!(
        r#"RateTable(
    name: "overlay",
    locations: {{
        "mexico": (
            name: "Mexico",
            currency: "MXN",
            in_house: (
                burden: {burden},
                recruiting_fee: 0.2,
                time_to_hire_weeks: 7,
                ramp_up_weeks: 26,
                ramp_productivity: 0.5,
                overhead_monthly: 11000,
                management_overhead: 0.1,
            ),
            agency: (hours_per_month: 160, time_to_start_weeks: 2, ramp_up_weeks: 2, ramp_productivity: 0.6),
        ),
    }},
)
"#
    )
}

/// An overlay with one salary for ai-engineer Senior us.
pub fn salary(annual: &str, source: &str) -> String {
    format!(
        r#"RateTable(
    name: "overlay",
    salaries: [
        (role: "ai-engineer", level: Senior, location: "us", annual: {annual}, source: "{source}"),
    ],
)
"#
    )
}

pub fn assert_bad_input(files: &[(&str, &str)], expected: &str) {
    let dir = Workdir::new(files);
    let run = dir.run(&["estimate", "s.ron"]);
    assert_eq!(run.stderr, expected, "stderr was:\n{}", run.stderr);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "", "no partial output");
}

#[test]
fn the_base_scenario_is_valid() {
    let run = Workdir::new(&[("s.ron", BASE)]).run(&["estimate", "s.ron"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
}

/// a missing comma
#[test]
fn file_that_does_not_parse() {
    let scenario = base(r#"name: "Base","#, r#"name: "Base""#);
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:3:5: expected a comma before this
  |
3 |     stage: Pilot,
  |     ^
  = help: separate fields and list items with `,`; a missing comma is reported at the next item
"#,
    );
}

/// a misspelt field name
#[test]
fn unknown_field() {
    let scenario = base("duration_months", "durration_months");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:4:5: unknown field `durration_months` in Scenario
  |
4 |     durration_months: 6,
  |     ^^^^^^^^^^^^^^^^
  = expected: one of the fields name, stage, phases, product, duration_months, location, engagement, requirements, rates, currency, team, costs, note, goal, after, start, fiscal_year_start
  = help: did you mean `duration_months`?
"#,
    );
}

#[test]
fn misspelt_role() {
    let scenario = base(r#""ai-engineer""#, r#""ai-enginer""#);
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:16: unknown role `ai-enginer`
  |
8 |         (role: "ai-enginer", level: Senior),
  |                ^^^^^^^^^^^^
  = expected: a role defined in layers market-2026: ai-developer, ai-engineer, data-engineer, mlops-engineer, prompt-engineer
  = help: did you mean `ai-engineer`?
"#,
    );
}

#[test]
fn misspelt_level() {
    let scenario = base("Senior", "Senoir");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:38: `Senoir` is not a valid Level
  |
8 |         (role: "ai-engineer", level: Senoir),
  |                                      ^^^^^^
  = expected: one of Junior, Mid, Senior, Lead
  = help: did you mean `Senior`?
"#,
    );
}

#[test]
fn misspelt_location() {
    let scenario = base(r#""us""#, r#""usa""#);
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:5:15: unknown location `usa`
  |
5 |     location: "usa",
  |               ^^^^^
  = expected: a location defined in layers market-2026: brazil, germany, india, poland, uk, us
  = help: did you mean one of `us`, `uk`?
"#,
    );
}

#[test]
fn misspelt_layer() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    rates: [\"market-2025\"],\n",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:13: unknown rate layer `market-2025`
  |
7 |     rates: ["market-2025"],
  |             ^^^^^^^^^^^^^
  = expected: the name of a rate plugin: market-2026
  = help: did you mean `market-2026`?
"#,
    );
}

#[test]
fn misspelt_currency() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    currency: \"UDS\",\n",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:15: currency UDS has no exchange rate in layers market-2026
  |
7 |     currency: "UDS",
  |               ^^^^^
  = expected: one of USD, BRL, EUR, GBP, INR, MXN, PLN
  = help: did you mean `USD`?
"#,
    );
}

/// in a plugin's employer terms
#[test]
fn range_low_above_typical() {
    let scenario = layered("mexico");
    let overlay = mexico("(low: 1.4, typical: 1.3, high: 1.5)");
    assert_bad_input(
        &[
            ("s.ron", scenario.as_str()),
            ("rates/overlay.ron", overlay.as_str()),
        ],
        r#"error: rates/overlay.ron:8:25: mexico in_house.burden is out of order: low 1.4, typical 1.3, high 1.5
  |
8 |                 burden: (low: 1.4, typical: 1.3, high: 1.5),
  |                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = expected: low <= typical <= high
  = help: swap the values so that low is the smallest and high the largest
"#,
    );
}

/// in a plugin's salary
#[test]
fn range_typical_above_high() {
    let scenario = layered("us");
    let overlay = salary("(low: 150000, typical: 190000, high: 180000)", "bls-oews-2024");
    assert_bad_input(
        &[
            ("s.ron", scenario.as_str()),
            ("rates/overlay.ron", overlay.as_str()),
        ],
        r#"error: rates/overlay.ron:4:70: annual salary of ai-engineer Senior us is out of order: low 150000, typical 190000, high 180000
  |
4 |         (role: "ai-engineer", level: Senior, location: "us", annual: (low: 150000, typical: 190000, high: 180000), source: "bls-oews-2024"),
  |                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = expected: low <= typical <= high
  = help: swap the values so that low is the smallest and high the largest
"#,
    );
}

#[test]
fn duration_zero() {
    let scenario = base("duration_months: 6", "duration_months: 0");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:4:22: duration_months is 0, outside 0 to 120
  |
4 |     duration_months: 0,
  |                      ^
  = expected: a number of months greater than 0 and at most 120 (fractions such as 4.5 are fine)
  = help: set duration_months to the length of the project, e.g. 6
"#,
    );
}

#[test]
fn duration_over_120() {
    let scenario = base("duration_months: 6", "duration_months: 121");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:4:22: duration_months is 121, outside 0 to 120
  |
4 |     duration_months: 121,
  |                      ^^^
  = expected: a number of months greater than 0 and at most 120 (fractions such as 4.5 are fine)
  = help: set duration_months to the length of the project, e.g. 6
"#,
    );
}

#[test]
fn allocation_above_one() {
    let scenario = base("level: Senior)", "level: Senior, allocation: 1.5)");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:58: allocation is 1.5, outside (0, 1]
  |
8 |         (role: "ai-engineer", level: Senior, allocation: 1.5),
  |                                                          ^^^
  = expected: a share of full time greater than 0 and at most 1 (0.5 is half time)
  = help: for more than one full-time person, raise count instead
"#,
    );
}

#[test]
fn allocation_zero() {
    let scenario = base("level: Senior)", "level: Senior, allocation: 0)");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:58: allocation is 0, outside (0, 1]
  |
8 |         (role: "ai-engineer", level: Senior, allocation: 0),
  |                                                          ^
  = expected: a share of full time greater than 0 and at most 1 (0.5 is half time)
  = help: for more than one full-time person, raise count instead
"#,
    );
}

#[test]
fn count_below_one() {
    let scenario = base("level: Senior)", "level: Senior, count: 0)");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:53: count is 0, not a whole number of people from 1 to 1000
  |
8 |         (role: "ai-engineer", level: Senior, count: 0),
  |                                                     ^
  = expected: a whole number from 1 to 1000
  = help: for part-time people keep count whole and set allocation, e.g. count: 1, allocation: 0.5
"#,
    );
}

/// a location with no salaries
#[test]
fn figure_missing_from_every_layer() {
    let scenario = layered("mexico");
    let overlay = mexico("1.3");
    assert_bad_input(
        &[
            ("s.ron", scenario.as_str()),
            ("rates/overlay.ron", overlay.as_str()),
        ],
        r#"error: s.ron:9:16: no salary for ai-engineer Senior mexico in layers market-2026 + overlay
  |
9 |         (role: "ai-engineer", level: Senior),
  |                ^^^^^^^^^^^^^
  = expected: a salary entry for role `ai-engineer`, level Senior, location `mexico` in one of the layers
  = help: add the entry to a plugin layered on top (teamcost never invents a rate), or change this seat's level or location, or set `engagement: Agency`
"#,
    );
}

#[test]
fn hybrid_seat_without_engagement() {
    let scenario = base("engagement: InHouse", "engagement: Hybrid");
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:16: seat 1 (ai-engineer Senior) has no engagement, and the scenario is Hybrid
  |
8 |         (role: "ai-engineer", level: Senior),
  |                ^^^^^^^^^^^^^
  = expected: with `engagement: Hybrid`, every seat names its own engagement
  = help: add `engagement: InHouse` or `engagement: Agency` to this seat
"#,
    );
}

#[test]
fn unknown_source_id() {
    let scenario = layered("us");
    let overlay = salary("190000", "bls-oews-2O24");
    assert_bad_input(
        &[
            ("s.ron", scenario.as_str()),
            ("rates/overlay.ron", overlay.as_str()),
        ],
        r#"error: rates/overlay.ron:4:86: unknown source `bls-oews-2O24`
  |
4 |         (role: "ai-engineer", level: Senior, location: "us", annual: 190000, source: "bls-oews-2O24"),
  |                                                                                      ^^^^^^^^^^^^^^^
  = expected: a source defined in layers market-2026 + overlay: the nearest of 70 are bls-oews-2024, bls-ncs-2024, soda-2024, bls-ecec-2026-03, br-clt-leave-2026, isg-de-2021, quess-2025, wtw-de-2025, wtw-de-2026, quess-genai-2025; `teamcost rates show NAME --sources` lists them
  = help: did you mean one of `bls-oews-2024`, `bls-ncs-2024`?
"#,
    );
}

#[test]
fn scenario_file_missing() {
    assert_bad_input(
        &[],
        r#"error: s.ron: cannot read scenario file: No such file or directory (os error 2)
  = help: check the path; `teamcost check` with no arguments checks scenarios/ and rates/
"#,
    );
}

/// `brief` of several bad files reports every one of them, as `estimate`
/// does; it used to stop at the first.
#[test]
fn brief_reports_the_problems_of_every_file() {
    let one = r#"Scenario(name: "a", stage: Pilot, duration_months: 6, location: "usa", engagement: InHouse,
        team: Seats([(role: "ai-engineer", level: Mid)]))"#;
    let two = one.replace("\"a\"", "\"b\"").replace("usa", "germny");
    let dir = Workdir::new(&[("a.ron", one), ("b.ron", &two)]);
    let run = dir.run(&["brief", "a.ron", "b.ron"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("a.ron:1:") && run.stderr.contains("unknown location `usa`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("b.ron:1:") && run.stderr.contains("unknown location `germny`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `germany`"), "{}", run.stderr);
    assert_eq!(run.stdout, "", "no partial output");
}

/// A goal's month outside the project (MODEL.md 10.1).
#[test]
fn goal_by_month_past_the_end() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    goal: (effort_pm: 12, by_month: 7),\n",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:37: the goal's by_month is 7, outside the project (0 to 6)
  |
7 |     goal: (effort_pm: 12, by_month: 7),
  |                                     ^
  = expected: a month greater than 0 and at most duration_months
  = help: leave by_month out for the end of the project
"#,
    );
}

/// A goal of no work.
#[test]
fn goal_of_zero_effort() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    goal: (effort_pm: 0),\n",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:23: effort_pm is 0, outside its range: more than 0 and at most 10,000
  |
7 |     goal: (effort_pm: 0),
  |                       ^
  = expected: productive person-months to deliver, more than 0 and at most 10,000
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

/// A goal that asks for another effort than the recommendation's target.
#[test]
fn goal_that_contradicts_the_recommendation() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    goal: (effort_pm: 12),\n",
    )
    .replace(
        "team: Seats([\n        (role: \"ai-engineer\", level: Senior),\n    ]),",
        "team: Recommend(effort_pm: 10),",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:23: the goal's effort_pm is 12, and team: Recommend(effort_pm: 10) asks for another
  |
7 |     goal: (effort_pm: 12),
  |                       ^^
  = expected: the same effort in the goal and in Recommend, or one of them
  = help: remove effort_pm from Recommend (the goal sizes the team), or make the two agree
"#,
    );
}

/// Someone already employed through an agency: an agency has no employee
/// to keep (MODEL.md 10.5).
#[test]
fn existing_agency_seat() {
    let scenario = base(
        "(role: \"ai-engineer\", level: Senior),",
        "(role: \"ai-engineer\", level: Senior, engagement: Agency, existing: true),",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:76: seat 1 (ai-engineer Senior) is through an agency and says `existing: true`
  |
8 |         (role: "ai-engineer", level: Senior, engagement: Agency, existing: true),
  |                                                                            ^^^^
  = expected: `existing: true` only on an in-house seat: someone the company already employs
  = help: remove `existing`, or set `engagement: InHouse` on this seat
"#,
    );
}

/// `existing` that is not true or false.
#[test]
fn existing_not_a_bool() {
    let scenario = base(
        "(role: \"ai-engineer\", level: Senior),",
        "(role: \"ai-engineer\", level: Senior, existing: \"yes\"),",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:56: seat 1 (ai-engineer Senior): `existing` is `"yes"`
  |
8 |         (role: "ai-engineer", level: Senior, existing: "yes"),
  |                                                        ^^^^^
  = expected: `existing: true` (someone already employed) or `existing: false`
  = help: write true or false, without quotes
"#,
    );
}

/// `after` that is neither Keep nor Release.
#[test]
fn after_misspelt() {
    let scenario = base(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    after: Relase,\n",
    );
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:7:12: `Relase` is not a valid After
  |
7 |     after: Relase,
  |            ^^^^^^
  = expected: one of Keep, Release
  = help: did you mean `Release`?
"#,
    );
}

/// The base with calendar fields (MODEL.md 10.6) after its engagement.
fn on_the_calendar(fields: &str) -> String {
    base(
        "    engagement: InHouse,\n",
        &format!("    engagement: InHouse,\n    {fields}\n"),
    )
}

/// A month 13 is no month (MODEL.md 10.6).
#[test]
fn start_with_month_13() {
    assert_bad_input(
        &[("s.ron", on_the_calendar(r#"start: "2027-13","#).as_str())],
        r#"error: s.ron:7:12: start is "2027-13", not a year and month
  |
7 |     start: "2027-13",
  |            ^^^^^^^^^
  = expected: the month the plan starts, written "YYYY-MM" with the month 01 to 12
  = help: write, for example, start: "2027-01" for January 2027
"#,
    );
}

/// A start written with a slash.
#[test]
fn start_with_a_slash() {
    assert_bad_input(
        &[("s.ron", on_the_calendar(r#"start: "2027/01","#).as_str())],
        r#"error: s.ron:7:12: start is "2027/01", not a year and month
  |
7 |     start: "2027/01",
  |            ^^^^^^^^^
  = expected: the month the plan starts, written "YYYY-MM" with the month 01 to 12
  = help: write, for example, start: "2027-01" for January 2027
"#,
    );
}

/// A fiscal year starting in month 0 or 13.
#[test]
fn fiscal_year_start_outside_1_to_12() {
    for (month, caret) in [("0", "^"), ("13", "^^")] {
        let scenario = on_the_calendar(&format!(r#"start: "2027-01", fiscal_year_start: {month},"#));
        assert_bad_input(
            &[("s.ron", scenario.as_str())],
            &format!(
                r#"error: s.ron:7:42: fiscal_year_start is {month}, not a month
  |
7 |     start: "2027-01", fiscal_year_start: {month},
  |                                          {caret}
  = expected: the month a fiscal year starts in, a whole number from 1 (January) to 12 (December)
  = help: write, for example, fiscal_year_start: 4 for a year from April to March
"#
            ),
        );
    }
}

/// Fiscal years need the plan on the calendar.
#[test]
fn fiscal_year_start_without_start() {
    assert_bad_input(
        &[("s.ron", on_the_calendar("fiscal_year_start: 4,").as_str())],
        r#"error: s.ron:7:24: fiscal_year_start is given without start
  |
7 |     fiscal_year_start: 4,
  |                        ^
  = expected: start: "YYYY-MM" beside fiscal_year_start: fiscal years need the plan on the calendar
  = help: add the month the plan starts, e.g. start: "2027-01", or remove fiscal_year_start
"#,
    );
}
