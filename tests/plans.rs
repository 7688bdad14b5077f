//! Plans over time as read from the files (MODEL.md 8.1, 8.2): each bad
//! case is the one change it makes to the base scenario or an overlay
//! (tests/errors.rs), with the whole message asserted; and the plan of the
//! model reads and checks.

use serde_json::Value;

use crate::errors::{assert_bad_input, base, layered, mexico};
use crate::support::Workdir;

/// The plan of MODEL.md 8.1, as written there.
pub const PLAN: &str = include_str!("data/model-plan.ron");

/// The base with `phases` in place of its stage.
fn phased(phases: &str) -> String {
    base("    stage: Pilot,\n", &format!("    phases: {phases},\n"))
}

/// The base with cost lines after its team.
fn costs(lines: &str) -> String {
    base("    ]),\n)", &format!("    ]),\n    costs: {lines},\n)"))
}

/// The base over the mexico overlay, one line added to its in-house terms.
fn mexico_with(line: &str) -> [(&'static str, String); 2] {
    let overlay = mexico("1.3").replace(
        "                management_overhead: 0.1,\n",
        &format!("                management_overhead: 0.1,\n                {line}\n"),
    );
    [("s.ron", layered("mexico")), ("rates/overlay.ron", overlay)]
}

/// The base over an overlay holding only a productivity block.
fn productivity(block: &str) -> [(&'static str, String); 2] {
    let overlay = format!("RateTable(\n    name: \"overlay\",\n    productivity: {block},\n)\n");
    [("s.ron", layered("us")), ("rates/overlay.ron", overlay)]
}

fn assert_bad(files: &[(&'static str, String)], expected: &str) {
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    assert_bad_input(&files, expected);
}

#[test]
fn seat_window_outside_the_project() {
    assert_bad(
        &[("s.ron", base("level: Senior)", "level: Senior, from_month: 7)"))],
        r#"error: s.ron:8:58: from_month of seat 1 (ai-engineer Senior) is 7, not before the end of the project (6)
  |
8 |         (role: "ai-engineer", level: Senior, from_month: 7),
  |                                                          ^
  = expected: a month from 0 up to, not including, duration_months; fractions such as 2.5 are fine
  = help: from_month is when the position opens (the search or the agency request starts), in months from the project's start; leave it out for 0
"#,
    );
}

#[test]
fn seat_window_from_not_before_until() {
    assert_bad(
        &[(
            "s.ron",
            base(
                "level: Senior)",
                "level: Senior, from_month: 4, until_month: 2.5)",
            ),
        )],
        r#"error: s.ron:8:74: until_month of seat 1 (ai-engineer Senior) is 2.5, not after its from_month (4)
  |
8 |         (role: "ai-engineer", level: Senior, from_month: 4, until_month: 2.5),
  |                                                                          ^^^
  = expected: from_month < until_month: the window is [from_month, until_month)
  = help: swap the two, or leave until_month out to run to the end of the project
"#,
    );
}

#[test]
fn cost_line_window_past_the_end() {
    assert_bad(
        &[(
            "s.ron",
            costs(r#"[(name: "GPU cloud", monthly: 4000, until_month: 9)]"#),
        )],
        r#"error: s.ron:10:61: until_month of cost line `GPU cloud` is 9, past the end of the project (6)
   |
10 |     costs: [(name: "GPU cloud", monthly: 4000, until_month: 9)],
   |                                                             ^
   = expected: a month after from_month and at most duration_months
   = help: leave until_month out to run to the end of the project
"#,
    );
}

#[test]
fn phases_out_of_order() {
    assert_bad(
        &[(
            "s.ron",
            phased(
                "[(stage: Prototype, until_month: 4), (stage: Pilot, until_month: 3), (stage: Production)]",
            ),
        )],
        r#"error: s.ron:3:78: phases out of order: until_month of phase 2 (Pilot) is 3, not after the end of the phase before (4)
  |
3 |     phases: [(stage: Prototype, until_month: 4), (stage: Pilot, until_month: 3), (stage: Production)],
  |                                                                              ^
  = expected: phases in the order they happen, each until_month greater than the one before
  = help: reorder the phases, or correct this until_month
"#,
    );
}

#[test]
fn phase_past_the_duration() {
    assert_bad(
        &[(
            "s.ron",
            phased("[(stage: Prototype, until_month: 8), (stage: Pilot)]"),
        )],
        r#"error: s.ron:3:46: until_month of phase 1 (Prototype) is 8, past the end of the project (6)
  |
3 |     phases: [(stage: Prototype, until_month: 8), (stage: Pilot)],
  |                                              ^
  = expected: a month before duration_months (6) for every phase but the last, which ends at 6
  = help: end this phase before month 6, or lengthen duration_months
"#,
    );
}

#[test]
fn last_phase_ending_before_the_duration() {
    assert_bad(
        &[(
            "s.ron",
            phased("[(stage: Prototype, until_month: 2), (stage: Pilot, until_month: 5)]"),
        )],
        r#"error: s.ron:3:78: until_month of phase 2 (Pilot), the last phase, is 5, before the end of the project (6)
  |
3 |     phases: [(stage: Prototype, until_month: 2), (stage: Pilot, until_month: 5)],
  |                                                                              ^
  = expected: the last phase runs to the end: leave its until_month out, or write 6
  = help: remove until_month from the last phase, add a phase for the months after it, or shorten duration_months
"#,
    );
}

#[test]
fn phases_empty() {
    assert_bad(
        &[("s.ron", phased("[]"))],
        r#"error: s.ron:3:13: `phases: []` names no phase
  |
3 |     phases: [],
  |             ^^
  = expected: at least one phase, in the order they happen
  = help: write phases: [(stage: Prototype, until_month: 3), (stage: Pilot)], or stage: X for one stage
"#,
    );
}

/// a phase's own target (MODEL.md 8.6) means something only with a
/// recommended team: with explicit seats it is an error, never ignored
#[test]
fn phase_with_a_target() {
    assert_bad(
        &[(
            "s.ron",
            phased("[(stage: Prototype, until_month: 2), (stage: Pilot, effort_pm: 10)]"),
        )],
        r#"error: s.ron:3:76: phase 2 (Pilot) has effort_pm, but the team is not recommended
  |
3 |     phases: [(stage: Prototype, until_month: 2), (stage: Pilot, effort_pm: 10)],
  |                                                                            ^^
  = expected: a target on a phase only with team: Recommend, which proposes a team per phase
  = help: remove effort_pm from the phase, or replace team: Seats([...]) with team: Recommend
"#,
    );
}

#[test]
fn stage_and_phases() {
    assert_bad(
        &[(
            "s.ron",
            base(
                "    stage: Pilot,\n",
                "    stage: Pilot,\n    phases: [(stage: Pilot)],\n",
            ),
        )],
        r#"error: s.ron:3:12: the scenario has both `stage` and `phases`
  |
3 |     stage: Pilot,
  |            ^^^^^
  = expected: `stage: X` for one stage over the whole project, or `phases: [...]` for stages in order
  = help: remove `stage`: the first phase gives the scenario's stage
"#,
    );
}

#[test]
fn neither_stage_nor_phases() {
    assert_bad(
        &[("s.ron", base("    stage: Pilot,\n", ""))],
        r#"error: s.ron:1:1: the scenario has neither `stage` nor `phases`
  |
1 | Scenario(
  | ^^^^^^^^
  = expected: `stage: X` for one stage over the whole project, or `phases: [...]` for stages in order
  = help: add, for example, stage: Prototype, or phases: [(stage: Prototype, until_month: 3), (stage: Pilot)]
"#,
    );
}

#[test]
fn cost_line_with_neither_monthly_nor_once() {
    assert_bad(
        &[("s.ron", costs(r#"[(name: "GPU cloud", from_month: 2)]"#))],
        r#"error: s.ron:10:20: cost line `GPU cloud` has neither monthly nor once
   |
10 |     costs: [(name: "GPU cloud", from_month: 2)],
   |                    ^^^^^^^^^^^
   = expected: monthly (an amount per month) and/or once (paid in the month the line starts), at least one more than 0
   = help: add, for example, monthly: 3000 or once: 25000, or remove the line
"#,
    );
}

#[test]
fn cost_name_given_twice() {
    assert_bad(
        &[(
            "s.ron",
            costs(
                r#"[
        (name: "LLM API", monthly: 3000),
        (name: "LLM API", once: 500),
    ]"#,
            ),
        )],
        r#"error: s.ron:12:16: cost line `LLM API` is given twice (first at line 11, column 16)
   |
12 |         (name: "LLM API", once: 500),
   |                ^^^^^^^^^
   = expected: each cost line's name once in costs
   = help: merge the two lines, or give each its own name
"#,
    );
}

#[test]
fn attrition_above_half() {
    assert_bad(
        &mexico_with("attrition: (low: 0.1, typical: 0.2, high: 0.6),"),
        r#"error: rates/overlay.ron:15:59: mexico in_house.attrition high is 0.6, outside its range: from 0 to 0.5
   |
15 |                 attrition: (low: 0.1, typical: 0.2, high: 0.6),
   |                                                           ^^^
   = expected: a share of employees who leave in a year (0.13 is 13%), from 0 to 0.5
   = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn availability_zero() {
    assert_bad(
        &mexico_with("availability: 0,"),
        r#"error: rates/overlay.ron:15:31: mexico in_house.availability is 0, outside its range: more than 0 and at most 1
   |
15 |                 availability: 0,
   |                               ^
   = expected: a share of paid time worked after leave and holidays (0.89 is 89%), more than 0 and at most 1
   = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn annual_raise_above_its_bound() {
    assert_bad(
        &mexico_with("annual_raise: 0.3,"),
        r#"error: rates/overlay.ron:15:31: mexico in_house.annual_raise is 0.3, outside its range: from 0 to 0.25
   |
15 |                 annual_raise: 0.3,
   |                               ^^^
   = expected: a yearly rise (0.04 is 4%), from 0 to 0.25
   = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn productivity_above_three() {
    assert_bad(
        &productivity("{ Junior: 0.6, Senior: 3.5 }"),
        r#"error: rates/overlay.ron:3:42: productivity Senior is 3.5, outside its range: more than 0 and at most 3
  |
3 |     productivity: { Junior: 0.6, Senior: 3.5 },
  |                                          ^^^
  = expected: the output of a person-month at this level, Mid = 1 (1.3 is 30% more), more than 0 and at most 3
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn unknown_level_in_productivity() {
    assert_bad(
        &productivity("{ Junior: 0.6, Senoir: 1.3 }"),
        r#"error: rates/overlay.ron:3:34: `Senoir` is not a valid Level
  |
3 |     productivity: { Junior: 0.6, Senoir: 1.3 },
  |                                  ^^^^^^
  = expected: one of Junior, Mid, Senior, Lead
  = help: did you mean `Senior`?
"#,
    );
}

#[test]
fn the_plan_of_the_model_checks_and_estimates() {
    let dir = Workdir::new(&[("plan.ron", PLAN)]);
    let check = dir.run(&["check", "plan.ron"]);
    assert_eq!(check.status, 0, "{}\n{}", check.stdout, check.stderr);
    assert!(
        check.stdout.starts_with("ok    plan.ron: scenario, 4 seats"),
        "{}",
        check.stdout
    );
    let run = dir.run(&["estimate", "plan.ron", "--trials", "0", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["duration_months"], "18");
    assert_eq!(json["stage"], "Prototype → Pilot → Production");
    // the phases cover the plan and add up to it (to the cent: each is
    // rounded on its own)
    let cents = |v: &Value| -> i64 {
        let text = v.as_str().expect("decimal string").replace('.', "");
        text.parse().expect("cents")
    };
    let phases = json["phases"].as_array().expect("phases");
    let bounds: Vec<(&str, &str, &str)> = phases
        .iter()
        .map(|p| {
            (
                p["stage"].as_str().expect("stage"),
                p["from_month"].as_str().expect("from"),
                p["until_month"].as_str().expect("until"),
            )
        })
        .collect();
    assert_eq!(
        bounds,
        vec![
            ("Prototype", "0", "3"),
            ("Pilot", "3", "8"),
            ("Production", "8", "18")
        ]
    );
    for end in ["low", "likely", "high"] {
        let sum: i64 = phases.iter().map(|p| cents(&p["cost"][end])).sum();
        assert!((sum - cents(&json["cost"][end])).abs() <= 2, "{end}: {sum}");
    }
    // the cost lines: 3000 a month from 3 to 18, 4000 from 8, 25000 once
    let lines: Vec<(&str, &str)> = json["costs"]
        .as_array()
        .expect("costs")
        .iter()
        .map(|c| {
            (
                c["name"].as_str().expect("name"),
                c["cost"]["likely"].as_str().expect("likely"),
            )
        })
        .collect();
    assert_eq!(
        lines,
        vec![
            ("LLM API", "45000.00"),
            ("GPU cloud", "40000.00"),
            ("Security audit", "25000.00")
        ]
    );
    assert_eq!(json["components"]["other"], "110000.00");
    let seats = json["team"]["seats"].as_array().expect("seats");
    assert_eq!(
        (&seats[0]["from_month"], &seats[0]["until_month"]),
        (&Value::from("0"), &Value::from("8"))
    );
    assert_eq!(seats[2]["from_month"], "2");
}

/// every new term and the productivity block, written in full, read
#[test]
fn location_terms_and_productivity_read_and_diff() {
    let terms = "availability: (low: 0.86, typical: 0.89, high: 0.91),\n                attrition: (low: 0.08, typical: 0.13, high: 0.2),\n                annual_raise: 0.04,";
    let newer = mexico("1.3")
        .replace(
            "                management_overhead: 0.1,\n",
            &format!("                management_overhead: 0.1,\n                {terms}\n"),
        )
        .replace("ramp_productivity: 0.6)", "ramp_productivity: 0.6, annual_increase: 0.03)")
        .replace(
            "    locations:",
            "    productivity: {\n        Junior: (low: 0.45, typical: 0.6, high: 0.75), Mid: 1,\n        Senior: (low: 1.15, typical: 1.3, high: 1.5), Lead: 1.2,\n    },\n    locations:",
        );
    let dir = Workdir::new(&[("old/overlay.ron", &mexico("1.3")), ("rates/overlay.ron", &newer)]);
    let check = dir.run(&["check", "rates/overlay.ron"]);
    assert_eq!(check.status, 0, "{}\n{}", check.stdout, check.stderr);
    let diff = dir.run(&[
        "rates",
        "diff",
        "old/overlay.ron",
        "rates/overlay.ron",
        "--format",
        "json",
    ]);
    assert_eq!(diff.status, 0, "{}", diff.stderr);
    let v: Value = serde_json::from_str(&diff.stdout).expect("JSON");
    let keys: Vec<&str> = v["differences"]
        .as_array()
        .expect("list")
        .iter()
        .map(|d| d["key"].as_str().expect("key"))
        .collect();
    assert_eq!(
        keys,
        [
            "mexico in_house.availability",
            "mexico in_house.attrition",
            "mexico in_house.annual_raise",
            "mexico agency.annual_increase",
            "Junior",
            "Lead",
            "Mid",
            "Senior",
        ]
    );
}

/// MODEL.md 10.7, the plan of src/engine/timeline_tests.rs through the
/// binary: seats that come and go are shown by their peak and average,
/// never the sum, and the month the last seat starts.
///   engineering 1 FTE [0, 6), 2 FTE [6, 12); development 1 FTE [0, 3),
///   1 FTE [9, 12): peak 2 and 1, average 1.5 and 0.5; starts 3, 9, 0, 9
#[test]
fn a_plan_shows_its_peak_and_average_team_and_its_last_start() {
    let scenario = r#"Scenario(
    name: "Come and go",
    stage: Pilot,
    duration_months: 12,
    location: "us",
    engagement: InHouse,
    rates: ["hand"],
    team: Seats([
        (role: "ai-engineer", level: Senior, until_month: 6),
        (role: "ai-engineer", level: Senior, count: 2, from_month: 6),
        (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency, until_month: 3),
        (role: "ai-developer", level: Mid, engagement: Agency, from_month: 9),
    ]),
)
"#;
    let dir = Workdir::new(&[
        ("s.ron", scenario),
        ("rates/hand.ron", &crate::support::hand_table()),
    ]);
    let json = dir.run(&["estimate", "s.ron", "--format", "json", "--trials", "0"]);
    assert_eq!(json.status, 0, "{}", json.stderr);
    let v: Value = serde_json::from_str(&json.stdout).expect("JSON");
    let team = &v["team"];
    for (key, value) in [
        ("engineering_fte", "3.00"),
        ("development_fte", "2.00"),
        ("peak_engineering_fte", "2.00"),
        ("peak_development_fte", "1.00"),
        ("average_engineering_fte", "1.50"),
        ("average_development_fte", "0.50"),
    ] {
        assert_eq!(team[key], value, "{key}");
    }
    assert_eq!(v["staffed_by_month"], "9.00");

    let text = dir.run(&["estimate", "s.ron", "--trials", "0", "--width", "80"]);
    assert!(
        text.stdout.contains(
            "Team over time: at its peak 2.00 engineering and 1.00 development FTE, on\naverage 1.50 and 0.50; last seat starts in month 10 (typical delays).\n"
        ),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains("fully staffed"), "{}", text.stdout);

    let compare = dir.run(&["compare", "s.ron", "--trials", "0", "--format", "csv"]);
    for row in [
        "Engineering FTE (peak),2.00\n",
        "Engineering FTE (average),1.50\n",
        "Development FTE (peak),1.00\n",
        "Development FTE (average),0.50\n",
        "Last seat starts (month),10\n",
    ] {
        assert!(compare.stdout.contains(row), "{row}: {}", compare.stdout);
    }
    assert!(
        !compare.stdout.contains("\nEngineering FTE,"),
        "{}",
        compare.stdout
    );
    assert!(!compare.stdout.contains("Staffed after"), "{}", compare.stdout);

    let check = dir.run(&["check", "s.ron"]);
    assert!(
        check
            .stdout
            .contains("4 seats, peak 2 engineering + 1 development FTE,"),
        "{}",
        check.stdout
    );
}
