//! Skill premiums (MODEL.md section 3) through the binary: a seat's
//! `skills` against the shipped premiums and an overlay's, the messages of
//! bad ones, and where premiums show in the outputs.

use crate::errors::{assert_bad_input, base, layered};
use crate::support::Workdir;

/// The base scenario with its engineer listing `skills`.
fn with_skills(scenario: &str, skills: &str) -> String {
    scenario.replacen(
        r#"(role: "ai-engineer", level: Senior),"#,
        &format!(r#"(role: "ai-engineer", level: Senior, skills: [{skills}]),"#),
        1,
    )
}

fn skilled(skills: &str) -> String {
    with_skills(&base("", ""), skills)
}

#[test]
fn an_unknown_skill_gets_did_you_mean() {
    let scenario = skilled(r#""genia""#);
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:55: unknown skill `genia`
  |
8 |         (role: "ai-engineer", level: Senior, skills: ["genia"]),
  |                                                       ^^^^^^^
  = expected: a skill defined in layers market-2026: cloud, genai, mlops
  = help: did you mean `genai`?
"#,
    );
}

#[test]
fn a_skill_given_twice_on_one_seat() {
    let scenario = skilled(r#""genai", "cloud", "genai""#);
    assert_bad_input(
        &[("s.ron", scenario.as_str())],
        r#"error: s.ron:8:73: seat 1 (ai-engineer Senior) lists skill `genai` twice (first at line 8, column 55)
  |
8 |         (role: "ai-engineer", level: Senior, skills: ["genai", "cloud", "genai"]),
  |                                                                         ^^^^^^^
  = expected: each skill once in a seat's `skills`
  = help: remove one of the two; a premium is paid once
"#,
    );
}

#[test]
fn a_premium_share_out_of_range() {
    let scenario = with_skills(&layered("us"), r#""genai""#);
    let overlay = r#"RateTable(
    name: "overlay",
    premiums: {
        "genai": (title: "GenAI", salary: (low: 0.05, typical: 0.1, high: 1.5), source: "quess-genai-2025"),
    },
)
"#;
    assert_bad_input(
        &[("s.ron", scenario.as_str()), ("rates/overlay.ron", overlay)],
        r#"error: rates/overlay.ron:4:75: premium genai salary high is 1.5, outside its range: from 0 to 1
  |
4 |         "genai": (title: "GenAI", salary: (low: 0.05, typical: 0.1, high: 1.5), source: "quess-genai-2025"),
  |                                                                           ^^^
  = expected: a share of salary or of the hourly rate (0.1 is 10%), from 0 to 1
  = help: write a value inside the range; "Ranges" in README.md lists every figure's range and why
"#,
    );
}

#[test]
fn a_seats_premiums_add_up_to_at_most_one() {
    let scenario = with_skills(&layered("us"), r#""genai", "rust""#);
    let overlay = r#"RateTable(
    name: "overlay",
    premiums: {
        "rust": (title: "Rust", salary: 0.9, source: "quess-genai-2025"),
    },
)
"#;
    assert_bad_input(
        &[("s.ron", scenario.as_str()), ("rates/overlay.ron", overlay)],
        r#"error: s.ron:9:16: the skill premiums of ai-engineer Senior add up to 1.1 of its salary at their high ends
  |
9 |         (role: "ai-engineer", level: Senior, skills: ["genai", "rust"]),
  |                ^^^^^^^^^^^^^
  = expected: shares of salary that add up to at most 1 for one seat
  = help: list fewer skills on this seat, or lower the premiums' high ends; "Ranges" in README.md says why
"#,
    );
}

#[test]
fn a_premium_with_an_unknown_source() {
    let scenario = with_skills(&layered("us"), r#""rust""#);
    let overlay = r#"RateTable(
    name: "overlay",
    premiums: { "rust": (title: "Rust", salary: 0.1, source: "nowhere") },
)
"#;
    let run = Workdir::new(&[("s.ron", scenario.as_str()), ("rates/overlay.ron", overlay)])
        .run(&["estimate", "s.ron"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with("error: rates/overlay.ron:3:62: unknown source `nowhere`\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_upper_layer_replaces_a_premium_and_json_shows_skills() {
    let scenario = with_skills(&layered("us"), r#""genai", "cloud""#);
    // genai made a fixed 0.5 of salary: the seat costs more than with the
    // shipped genai at 0.1, and its JSON seat lists the skills
    let overlay = r#"RateTable(
    name: "overlay",
    premiums: { "genai": (title: "GenAI", salary: 0.5, source: "quess-genai-2025") },
)
"#;
    let over = Workdir::new(&[("s.ron", scenario.as_str()), ("rates/overlay.ron", overlay)])
        .run(&["estimate", "s.ron", "--format", "json", "--trials", "0"]);
    assert_eq!(over.status, 0, "{}", over.stderr);
    let json: serde_json::Value = serde_json::from_str(&over.stdout).expect("json");
    let seat = &json["team"]["seats"][0];
    assert_eq!(seat["skills"], serde_json::json!(["genai", "cloud"]));
    let shipped = Workdir::new(&[(
        "s.ron",
        with_skills(&base("", ""), r#""genai", "cloud""#).as_str(),
    )])
    .run(&["estimate", "s.ron", "--format", "json", "--trials", "0"]);
    let plain = Workdir::new(&[("s.ron", base("", "").as_str())])
        .run(&["estimate", "s.ron", "--format", "json", "--trials", "0"]);
    let likely = |out: &str| -> f64 {
        let v: serde_json::Value = serde_json::from_str(out).expect("json");
        v["cost"]["likely"]
            .as_str()
            .expect("likely")
            .parse()
            .expect("number")
    };
    let (p, s, o) = (
        likely(&plain.stdout),
        likely(&shipped.stdout),
        likely(&over.stdout),
    );
    assert!(p < s && s < o, "{p} < {s} < {o}");
    // a seat without skills has no `skills` field: files without them read as before
    let v: serde_json::Value = serde_json::from_str(&plain.stdout).expect("json");
    assert!(v["team"]["seats"][0]["role"].is_string());
    assert!(v["team"]["seats"][0].get("skills").is_none());
}

#[test]
fn table_and_csv_name_the_skills_with_the_role() {
    let scenario = skilled(r#""genai", "cloud""#);
    let dir = Workdir::new(&[("s.ron", scenario.as_str())]);
    let table = dir.run(&["estimate", "s.ron", "--trials", "0"]);
    assert!(
        table.stdout.contains("│ ai-engineer (genai, cloud) ┆ Senior"),
        "{}",
        table.stdout
    );
    let csv = dir.run(&["estimate", "s.ron", "--format", "csv", "--trials", "0"]);
    // a seat is a row with its own columns, the skills one field of ids
    let seat = crate::support::csv_row(&crate::support::csv_rows(&csv.stdout), "seat", "1");
    assert_eq!(seat["role"], "ai-engineer");
    assert_eq!(seat["skills"], "genai cloud");
    assert_eq!(seat["level"], "Senior");
    assert_eq!(seat["engagement"], "InHouse");
}

#[test]
fn sensitivity_lists_the_premiums() {
    let scenario = skilled(r#""genai""#);
    let run =
        Workdir::new(&[("s.ron", scenario.as_str())]).run(&["sensitivity", "s.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("premium genai salary"), "{}", run.stdout);
    assert!(
        run.stdout.contains(r#""unit": "share of salary""#),
        "{}",
        run.stdout
    );
    // an in-house seat reads no agency share
    assert!(!run.stdout.contains("premium genai agency"), "{}", run.stdout);
}
