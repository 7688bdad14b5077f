//! Advice (MODEL.md section 9): one scenario per shipped rule that makes
//! the mistake, with the whole message, and a near miss that does not; a
//! plugin that adds a rule and one that silences one; advice in every
//! format and in `check`; hiring briefs (`teamcost brief`, the report).

use serde_json::Value;

use crate::support::{Workdir, repo, shipped_scenarios};

/// A scenario over the shipped rates: `when` is `stage: X` or `phases: [..]`.
fn scenario(when: &str, months: u32, place: &str, engagement: &str, seats: &str) -> String {
    format!(
        "Scenario(\n    name: \"S\",\n    {when},\n    duration_months: {months},\n    location: \"{place}\",\n    engagement: {engagement},\n    team: Seats([\n{seats}\n    ]),\n)\n"
    )
}

/// The advice of `estimate --format json` as (rule, phase, stage, message).
fn advice_of(files: &[(&str, &str)]) -> Vec<(String, u64, String, String)> {
    let run = Workdir::new(files).run(&["estimate", "s.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("json");
    v["advice"]
        .as_array()
        .expect("advice is always an array")
        .iter()
        .map(|a| {
            (
                a["rule"].as_str().unwrap_or_default().to_string(),
                a["phase"].as_u64().unwrap_or_default(),
                a["stage"].as_str().unwrap_or_default().to_string(),
                a["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn advice(text: &str) -> Vec<(String, u64, String, String)> {
    advice_of(&[("s.ron", text)])
}

fn one(rule: &str, phase: u64, stage: &str, message: &str) -> Vec<(String, u64, String, String)> {
    vec![(rule.into(), phase, stage.into(), message.into())]
}

const DEVELOPER: &str = "No engineer is planned in this Production phase, yet the work calls for one: putting a model into service, guarding its data, watching it in use and keeping it fast under load is a different job from building the feature. Plan an AI engineer, even part-time, instead of expecting the developers to cover it.";

const JUNIOR: &str = "Every engineer in this Production phase is junior. A live AI system needs at least one person who has already shipped a model, kept an eye on it after launch and grown it with its users; being able to train a model is not the same. Make one engineering seat Mid or above, and ask candidates about systems they have run in production.";

#[test]
fn developer_for_engineering_problem_fires_in_production_without_engineers() {
    let s = scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Senior, count: 2),",
    );
    assert_eq!(
        advice(&s),
        one("developer-for-engineering-problem", 1, "Production", DEVELOPER)
    );
}

#[test]
fn developer_for_engineering_problem_fires_on_a_requirement_at_any_stage() {
    // a Pilot has no stage condition, but sensitive data calls for an engineer
    let s = scenario(
        "stage: Pilot,\n    requirements: [SensitiveData]",
        6,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Senior),",
    );
    let expected = DEVELOPER.replace("Production phase", "Pilot phase");
    assert_eq!(
        advice(&s),
        one("developer-for-engineering-problem", 1, "Pilot", &expected)
    );
}

#[test]
fn developer_for_engineering_problem_near_misses() {
    // a quarter of an engineer is an engineer in the phase
    let s = scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Senior, count: 2),\n        (role: \"ai-engineer\", level: Senior, allocation: 0.25),",
    );
    assert_eq!(advice(&s), vec![]);
    // a Pilot with a requirement outside the rule's list (enterprise integration)
    let s = scenario(
        "stage: Pilot,\n    requirements: [EnterpriseIntegration]",
        6,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Senior),",
    );
    assert_eq!(advice(&s), vec![]);
}

#[test]
fn engineer_for_prototype_fires_above_half_of_the_phase() {
    // 1 engineering FTE of 1.5: two thirds, above half
    let s = scenario(
        "stage: Prototype",
        4,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Senior),\n        (role: \"ai-developer\", level: Mid, allocation: 0.5),",
    );
    assert_eq!(
        advice(&s),
        one(
            "engineer-for-prototype",
            1,
            "Prototype",
            "1 of the 1.5 FTE in this Prototype phase are engineers. Finding out whether an idea works needs builders more than infrastructure: AI developers can reach a working proof of concept for less. Bring engineers in as the product heads for production."
        )
    );
}

#[test]
fn engineer_for_prototype_near_misses() {
    // exactly half: 1 engineering FTE of 2
    let seats = "        (role: \"ai-engineer\", level: Mid),\n        (role: \"ai-developer\", level: Mid),";
    assert_eq!(
        advice(&scenario("stage: Prototype", 4, "us", "InHouse", seats)),
        vec![]
    );
    // all engineers, but the prototype handles sensitive data
    let s = scenario(
        "stage: Prototype,\n    requirements: [SensitiveData]",
        4,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Senior),",
    );
    assert_eq!(advice(&s), vec![]);
}

#[test]
fn no_production_experience_fires_when_every_engineer_is_junior() {
    let s = scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Junior, count: 2),\n        (role: \"ai-developer\", level: Senior),",
    );
    assert_eq!(
        advice(&s),
        one("no-production-experience", 1, "Production", JUNIOR)
    );
}

#[test]
fn no_production_experience_near_miss_one_mid_engineer() {
    let s = scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Mid),",
    );
    assert_eq!(advice(&s), vec![]);
    // a Junior beside a Mid engineer is fine too
    let s = scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Mid),\n        (role: \"mlops-engineer\", level: Junior),",
    );
    assert_eq!(advice(&s), vec![]);
}

/// Germany, a Senior engineer and a Mid developer through an agency:
/// `teamcost breakeven` puts in-house ahead from 9 months on.
fn agency_team(months: u32) -> String {
    scenario(
        "stage: Production",
        months,
        "germany",
        "Agency",
        "        (role: \"ai-engineer\", level: Senior),\n        (role: \"ai-developer\", level: Mid),",
    )
}

#[test]
fn agency_for_long_term_ownership_fires_from_the_break_even() {
    // the break-even (9) is at most the duration (9)
    assert_eq!(
        advice(&agency_team(9)),
        one(
            "agency-for-long-term-ownership",
            1,
            "Production",
            "The whole team comes through an agency, but the product ends in Production and will be yours to run for good. For this team, in-house people cost less per productive person-month from month 9 on, inside the 9 months planned. An agency buys speed and flexibility; for lasting ownership consider hiring in-house, or a hybrid that keeps the core people on staff."
        )
    );
    let run = Workdir::new(&[("s.ron", &agency_team(9))]).run(&["breakeven", "s.ron"]);
    assert!(run.stdout.ends_with("from 9 months on\n"), "{}", run.stdout);
}

#[test]
fn agency_for_long_term_ownership_near_misses() {
    // 8 months: shorter than the break-even
    assert_eq!(advice(&agency_team(8)), vec![]);
    // one seat in-house
    let s = agency_team(24).replace("level: Mid)", "level: Mid, engagement: InHouse)");
    assert_eq!(advice(&s), vec![]);
}

#[test]
fn advice_is_given_per_phase_of_a_plan() {
    // developers only in the prototype, a Junior engineer joins for production
    let s = scenario(
        "phases: [(stage: Prototype, until_month: 4), (stage: Production)]",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Mid, count: 2),\n        (role: \"ai-engineer\", level: Junior, from_month: 4),",
    );
    assert_eq!(
        advice(&s),
        one("no-production-experience", 2, "Production", JUNIOR)
    );
}

/// A company plugin: the shipped recommender figures (its staffing section
/// must give them) and `advice` entries.
fn company(advice: &str) -> String {
    format!(
        r#"RateTable(
    name: "company",
    staffing: (
        stage_shares: (idea: 0.00, prototype: 0.15, pilot: 0.35, production: 0.55, scale: 0.65),
        requirement_share: 0.05,
        max_engineering_share: 0.80,
        step_fte: 0.5,
        max_fte: 50,
        engineer_from: Production,
        lead_from_fte: 4,
        mlops: (from_fte: 2, fte: 1, from_stage: Production),
        data_engineer: (from_fte: 3, fte: 1, products: [Recommendation, FraudDetection, PredictiveAnalytics]),
        prompt_engineer: (from_fte: 2, fte: 0.5, products: [Chatbot, Rag, Agent]),
        hybrid_in_house: [Senior, Lead],
        advice: {{
{advice}
        }},
    ),
)
"#
    )
}

/// The scenario over the shipped table and the company plugin.
fn over_company(text: &str) -> String {
    text.replace(
        "    team:",
        "    rates: [\"market-2026\", \"company\"],\n    team:",
    )
}

#[test]
fn a_plugin_adds_a_rule() {
    // the company wants a Senior engineer in production: the condition of
    // no-production-experience with Mid added to its levels, other words
    let rule = r#"            "senior-in-production": (
                when: NoProductionExperience(stages: [Production, Scale], levels: [Junior, Mid]),
                says: "Our policy: a {stage} phase (months {months}) needs a Senior engineer.",
            ),"#;
    let s = over_company(&scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Mid),",
    ));
    let plugin = company(rule);
    assert_eq!(
        advice_of(&[("s.ron", &s), ("rates/company.ron", &plugin)]),
        one(
            "senior-in-production",
            1,
            "Production",
            "Our policy: a Production phase (months 0-12) needs a Senior engineer."
        )
    );
    // the shipped rules stay in force beside it
    let s = s.replace("level: Mid)", "level: Junior)");
    let rules: Vec<String> = advice_of(&[("s.ron", &s), ("rates/company.ron", &plugin)])
        .into_iter()
        .map(|a| a.0)
        .collect();
    assert_eq!(rules, ["no-production-experience", "senior-in-production"]);
}

#[test]
fn a_plugin_silences_a_rule() {
    let s = scenario(
        "stage: Prototype",
        4,
        "us",
        "InHouse",
        "        (role: \"ai-engineer\", level: Senior),",
    );
    assert_eq!(advice(&s)[0].0, "engineer-for-prototype");
    let plugin = company(r#"            "engineer-for-prototype": (enabled: false),"#);
    assert_eq!(
        advice_of(&[("s.ron", &over_company(&s)), ("rates/company.ron", &plugin)]),
        vec![]
    );
}

#[test]
fn a_rule_with_a_placeholder_its_condition_cannot_fill() {
    let plugin = company(
        r#"            "mine": (
                when: NoProductionExperience(stages: [Production], levels: [Junior]),
                says: "from month {breakeven}",
            ),"#,
    );
    let run = Workdir::new(&[("rates/company.ron", &plugin)]).run(&["check", "rates/company.ron"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .contains("advice rule `mine` says {breakeven}, which its condition cannot fill"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("expected: one of {stage}, {phase}, {months}, {engineering_fte}, {development_fte}, {fte}, {duration}"), "{}", run.stderr);
}

/// The Production scenario with developers only, in every format.
fn developers_only() -> String {
    scenario(
        "stage: Production",
        12,
        "us",
        "InHouse",
        "        (role: \"ai-developer\", level: Senior, count: 2),",
    )
}

#[test]
fn advice_in_every_format_and_in_check() {
    let dir = Workdir::new(&[("s.ron", &developers_only())]);
    let line = format!("phase 1 (Production), developer-for-engineering-problem: {DEVELOPER}");
    let table = dir.run(&["estimate", "s.ron"]);
    assert!(
        table.stdout.ends_with(&format!("\nAdvice\n- {line}\n")),
        "{}",
        table.stdout
    );
    let md = dir.run(&["estimate", "s.ron", "--format", "markdown"]);
    assert!(
        md.stdout.ends_with(&format!("\n### Advice\n\n- {line}\n")),
        "{}",
        md.stdout
    );
    let csv = dir.run(&["estimate", "s.ron", "--format", "csv"]);
    // the rule id, the phase and the message, each in its own column
    let advice = crate::support::csv_row(
        &crate::support::csv_rows(&csv.stdout),
        "advice",
        "developer-for-engineering-problem",
    );
    assert_eq!(advice["phase"], "1");
    assert_eq!(advice["text"], DEVELOPER);
    let compare = dir.run(&["compare", "s.ron"]);
    assert!(
        compare.stdout.ends_with(&format!("advice (S): {line}\n")),
        "{}",
        compare.stdout
    );
    let compare_json = dir.run(&["compare", "s.ron", "--format", "json"]);
    let v: Value = serde_json::from_str(&compare_json.stdout).expect("json");
    assert_eq!(v[0]["advice"][0]["rule"], "developer-for-engineering-problem");
    let check = dir.run(&["check", "s.ron"]);
    assert_eq!(check.status, 0, "advice never fails check: {}", check.stderr);
    assert!(
        check.stdout.ends_with(&format!("\n      advice: {line}\n")),
        "{}",
        check.stdout
    );
    let report = dir.run(&["report", "s.ron", "--trials", "0", "-o", "r.html"]);
    assert_eq!(report.status, 0, "{}", report.stderr);
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("report");
    assert!(html.contains("<h3>Advice</h3>\n<ul>\n<li class=\"warning\">S: phase 1 (Production), developer-for-engineering-problem: No engineer is planned"), "{html}");
}

#[test]
fn shipped_scenarios_get_no_advice() {
    // each was judged: early stages lean on developers, later ones have
    // Mid-or-better engineers, and no production team is all agency
    for file in shipped_scenarios() {
        let run = Workdir::new(&[]).run(&[
            "estimate",
            file.to_str().expect("path"),
            "--format",
            "json",
            "--trials",
            "0",
        ]);
        assert_eq!(run.status, 0, "{}", run.stderr);
        let v: Value = serde_json::from_str(&run.stdout).expect("json");
        assert_eq!(v["advice"], Value::Array(vec![]), "{}", file.display());
    }
}

#[test]
fn brief_of_a_shipped_scenario() {
    let file = repo().join("scenarios/support-summarizer-prototype.ron");
    let run = Workdir::new(&[]).run(&["brief", file.to_str().expect("path")]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(
        out.starts_with("Support-ticket summarizer: prototype: who to hire\n====="),
        "{out}"
    );
    // each role once, in the order of the seats, with the seats sharing it
    let roles: Vec<&str> = out
        .lines()
        .filter(|l| l.ends_with(')') && !l.starts_with(' '))
        .collect();
    assert_eq!(
        roles,
        [
            "AI developer (ai-developer)",
            "Prompt engineer (prompt-engineer)",
            "AI engineer (ai-engineer)"
        ]
    );
    assert!(out.contains("AI developer (ai-developer)\n---------------------------\nSeats:\n  - 1 x Senior, poland, Agency\n  - 2 x Mid, poland, Agency\nWill own:\n  The AI feature users touch:"), "{out}");
    assert!(
        out.contains("  - 1 x Senior at 25%, us, InHouse\nWill own:\n  The system around the model:"),
        "{out}"
    );
    assert!(
        out.contains("Ask:\n  - Which AI systems have you deployed, on which cloud, and what broke first?\n"),
        "{out}"
    );
}

#[test]
fn the_report_says_who_to_hire() {
    let file = repo().join("scenarios/vision-inspection-prototype.ron");
    let dir = Workdir::new(&[]);
    let run = dir.run(&[
        "report",
        file.to_str().expect("path"),
        "--trials",
        "0",
        "--format",
        "markdown",
        "-o",
        "r.md",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("r.md")).expect("report");
    let section = md
        .split("## Who to hire\n")
        .nth(1)
        .expect("a Who to hire section");
    assert!(section.starts_with("\n### AI developer (ai-developer)\n\nSeats:\n\n- 1 x Senior, india, InHouse\n- 2 x Mid, india, InHouse\n\nWill own: The AI feature users touch"), "{section}");
    assert!(
        section.contains("### AI engineer (ai-engineer)\n\nSeats:\n\n- 1 x Mid at 50%, india, InHouse\n"),
        "{section}"
    );
    assert!(
        section.contains(
            "\nAsk:\n\n- Which AI systems have you deployed, on which cloud, and what broke first?\n"
        ),
        "{section}"
    );
}
