//! Simulation, budget gates, sensitivity and break-even through the binary,
//! on the worked-example table (figures worked in src/engine/*tests.rs).

use serde_json::Value;

use crate::support::{ENGINEER, QUOTE, Workdir, hand_table};

fn workdir() -> Workdir {
    let hand = hand_table();
    Workdir::new(&[
        ("e.ron", ENGINEER),
        ("rates/hand.ron", &hand),
        ("rates/quote.ron", QUOTE),
    ])
}

fn json(out: &str) -> Value {
    serde_json::from_str(out).expect("JSON")
}

#[test]
fn simulation_is_on_by_default_and_reproducible() {
    let dir = workdir();
    let first = dir.run(&["estimate", "e.ron", "--format", "json"]);
    let again = dir.run(&["estimate", "e.ron", "--format", "json"]);
    assert_eq!(first.status, 0, "{}", first.stderr);
    assert_eq!(first.stdout, again.stdout, "same files and seed, same figures");
    let v = json(&first.stdout);
    let sim = &v["simulation"];
    assert_eq!(sim["trials"], 10000);
    assert_eq!(sim["seed"], 42);
    let m = |x: &Value| {
        x.as_str()
            .expect("decimal string")
            .parse::<f64>()
            .expect("number")
    };
    // inside the deterministic range 84600 .. 252000 (src/engine/tests.rs)
    let (p10, p50, p90) = (
        m(&sim["cost"]["p10"]),
        m(&sim["cost"]["p50"]),
        m(&sim["cost"]["p90"]),
    );
    assert!(
        84600.0 <= p10 && p10 <= p50 && p50 <= p90 && p90 <= 252000.0,
        "{sim}"
    );

    let other_seed = json(
        &dir.run(&["estimate", "e.ron", "--format", "json", "--seed", "7"])
            .stdout,
    );
    assert_ne!(other_seed["simulation"]["cost"], sim["cost"]);
    let off = json(
        &dir.run(&["estimate", "e.ron", "--format", "json", "--trials", "0"])
            .stdout,
    );
    assert!(off.get("simulation").is_none());
}

#[test]
fn budget_gate_exit_statuses() {
    let dir = workdir();
    // likely 149400: over a budget of 149399.99, within 149400
    let over = dir.run(&[
        "estimate",
        "e.ron",
        "--budget",
        "149399.99",
        "--at",
        "likely",
        "--format",
        "json",
    ]);
    assert_eq!(over.status, 3, "{}", over.stderr);
    let v = json(&over.stdout);
    assert_eq!(v["budget"]["over"], true);
    assert_eq!(v["budget"]["margin"], "0.01");
    let within = dir.run(&["compare", "e.ron", "--budget", "149400", "--at", "likely"]);
    assert_eq!(within.status, 0, "{}", within.stderr);
    assert!(
        within.stdout.contains("within budget, 0.00 to spare at likely"),
        "{}",
        within.stdout
    );
    // p90 (the default) lies below high = 252000
    assert_eq!(dir.run(&["estimate", "e.ron", "--budget", "252000"]).status, 0);
    assert_eq!(
        dir.run(&["estimate", "e.ron", "--budget", "84599", "--at", "low"])
            .status,
        3
    );

    let bad = dir.run(&["estimate", "e.ron", "--budget", "$150k"]);
    assert_eq!(bad.status, 2);
    assert_eq!(
        bad.stderr,
        "error: --budget: `$150k` is not an amount\n  = expected: a positive amount in the reporting currency, e.g. 250000 or 250000.50\n  = help: write the amount with digits only, no currency sign or separators\n"
    );
    let no_sim = dir.run(&["estimate", "e.ron", "--budget", "1", "--trials", "0"]);
    assert_eq!(no_sim.status, 2);
    assert!(
        no_sim
            .stderr
            .starts_with("error: --at: --at p90 needs the simulation, and --trials is 0"),
        "{}",
        no_sim.stderr
    );
    assert_eq!(no_sim.stdout, "");
}

#[test]
fn sensitivity_lists_inputs_largest_swing_first() {
    let run = workdir().run(&["sensitivity", "e.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v = json(&run.stdout);
    assert_eq!(v["likely"], "149400.00");
    let first = &v["inputs"][0];
    // time to hire 0 weeks: 193200; 26 weeks: 105600 (src/engine/decision_tests.rs)
    assert_eq!(first["input"], "time to hire us");
    assert_eq!(
        (
            first["at_low"].as_str(),
            first["at_high"].as_str(),
            first["swing"].as_str()
        ),
        (Some("193200.00"), Some("105600.00"), Some("87600.00"))
    );
    assert_eq!(v["inputs"][1]["input"], "salary ai-engineer Senior us");
}

#[test]
fn breakeven_finds_the_month_in_house_wins() {
    let dir = workdir();
    let run = dir.run(&["breakeven", "e.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v = json(&run.stdout);
    // in-house 105600 / 4.5 = 23466.67 < agency 24000 from 9 months on
    assert_eq!(v["breakeven_months"], 9);
    assert_eq!(
        v["durations"][2],
        serde_json::json!({"months": 3, "in_house": null, "agency": "24000.00"})
    );
    assert_eq!(v["durations"][8]["in_house"], "23466.67");
    assert_eq!(v["durations"].as_array().map(Vec::len), Some(60));
    let table = dir.run(&["breakeven", "e.ron"]);
    assert!(
        table
            .stdout
            .ends_with("Break-even: in-house is cheaper per productive person-month from 9 months on\n"),
        "{}",
        table.stdout
    );
}

#[test]
fn breakeven_names_a_seat_without_an_agency_rate() {
    let dir = workdir();
    let scenario = ENGINEER.replace(r#"rates: ["hand", "quote"]"#, r#"rates: ["hand"]"#);
    std::fs::write(dir.path().join("e.ron"), scenario).expect("write");
    let run = dir.run(&["breakeven", "e.ron"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr
            .starts_with("error: e.ron:8:25: no agency rate for ai-engineer Senior us in layers hand"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: break-even prices every seat both in-house and through an agency"),
        "{}",
        run.stderr
    );
}

/// A goal (MODEL.md 10.1, 10.3) in the table and in JSON, on the hand
/// table of the engine tests: a Senior AI engineer hired in 3 months,
/// ramping up 3 months at half output, 14,600 a month and an 18,000 fee.
/// C(6) = 1.5, then 1 a month: 4 person-months at 6 + 2.5 = 8.5, costing
/// 18,000 + 14,600 x 5.5 = 98,300; wanted by month 8, when C(8) = 3.5.
#[test]
fn a_goal_is_reported_in_every_format() {
    let hand = std::fs::read_to_string(crate::support::repo().join("tests/data/hand-table.ron"))
        .expect("hand table");
    let scenario = r#"Scenario(name: "Goal", stage: Pilot, duration_months: 12, location: "us",
        engagement: InHouse, rates: ["hand"], goal: (name: "Pilot done", effort_pm: 4, by_month: 8),
        team: Seats([(role: "ai-engineer", level: Senior)]))"#;
    let dir = crate::support::Workdir::new(&[("rates/hand.ron", hand.as_str()), ("g.ron", scenario)]);
    let run = dir.run(&["estimate", "g.ron", "--trials", "0"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "Goal (Pilot done): 4 productive person-months by month 8. Delivered by then: 3.50; \
             delivered in month 9, 0.5 months late; cost to deliver (likely) USD 98,300.00."
        ),
        "{}",
        run.stdout
    );
    let run = dir.run(&["estimate", "g.ron", "--trials", "0", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(
        json["goal"],
        serde_json::json!({
            "name": "Pilot done",
            "effort_pm": "4.00",
            "by_month": "8.00",
            "completion_month": "8.50",
            "delivered_pm": "3.50",
            "cost_to_deliver": "98300.00",
            "on_time": false,
            "late_months": "0.50",
        })
    );
    let run = dir.run(&["compare", "g.ron", "--trials", "0"]);
    assert!(run.stdout.contains("Goal completed (month)"), "{}", run.stdout);
    assert!(run.stdout.contains("98,300.00"), "{}", run.stdout);
}
