//! Output formats and rate layering, on the worked-example table of the
//! engine tests (tests/data/hand-table.ron), so every figure here was
//! checked by hand.

use serde_json::Value;

use crate::support::{Workdir, hand_table};

/// An in-house Senior AI engineer and two half-time agency developers, 12 months.
const TEAM: &str = r#"Scenario(
    name: "Worked example",
    stage: Pilot,
    duration_months: 12,
    location: "us",
    engagement: InHouse,
    rates: ["hand"],
    team: Seats([
        (role: "ai-engineer", level: Senior),
        (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency),
    ]),
)
"#;

fn workdir() -> Workdir {
    Workdir::new(&[("s.ron", TEAM), ("rates/hand.ron", &hand_table())])
}

#[test]
fn json_follows_the_contract_with_hand_checked_figures() {
    let run = workdir().run(&["estimate", "s.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    // engineer (src/engine/tests.rs): low 84600, likely 149400, high 252000
    // developers: n * a = 1; likely 100 * 160 * 12 = 192000;
    //   low 80 * 160 * (12 - 3) = 115200; high 125 * 160 * 12 = 240000
    assert_eq!(
        json["cost"],
        serde_json::json!({"low": "199800.00", "likely": "341400.00", "high": "492000.00"})
    );
    // capacity: engineer 2.4 / 7.5 / 12, developers 9 / 12 / 12
    assert_eq!(
        json["capacity_pm"],
        serde_json::json!({"low": "11.40", "likely": "19.50", "high": "24.00"})
    );
    assert_eq!(json["team"]["engineering_fte"], "1.00");
    assert_eq!(json["team"]["development_fte"], "1.00");
    assert_eq!(json["duration_months"], "12");
    assert_eq!(json["currency"], "USD");
    assert_eq!(json["file"], "s.ron");
    // components: salary 90000, burden 27000, overhead 5400, management 9000,
    // recruiting 18000, agency 192000
    // every key, "0.00" where there is none (MODEL.md section 12)
    assert_eq!(
        json["components"],
        serde_json::json!({"salary": "90000.00", "burden": "27000.00", "overhead": "5400.00",
            "management": "9000.00", "recruiting": "18000.00", "agency": "192000.00",
            "other": "0.00", "exit": "0.00"})
    );
    assert_eq!(json["schema_version"], 2);
    // 341400 / 19.5 = 17507.69...; no deterministic low or high (10.8)
    assert_eq!(json["cost_per_pm"]["likely"], "17507.69");
    assert_eq!(json["cost_per_pm"].as_object().map(|o| o.len()), Some(3));
    // its range is the simulated ratio's p10 and p90, around the likely
    let per = |k: &str| json["cost_per_pm"][k].as_str().expect(k).parse::<f64>().expect(k);
    assert!(
        per("p10") < 17507.69 && 17507.69 < per("p90"),
        "{}",
        json["cost_per_pm"]
    );
    assert_eq!(
        json["team"]["seats"][1]["components"]["recruiting"], "0.00",
        "an agency seat has every key too"
    );
    // month 4: engineer 14600 + 18000 fee, developers 16000; output
    // (MODEL.md 10.2): developers 1 a month, the engineer 0.5 on the first
    // month of his ramp-up (hired after 3 months): 1.5, to date 3 + 1.5
    assert_eq!(
        json["monthly"][3],
        serde_json::json!({"month": 4, "likely": "48600.00", "cumulative": "96600.00",
            "capacity_pm": "1.50", "cumulative_pm": "4.50", "calendar": null})
    );
    // MODEL.md 10.6, plan quarters: Q2 = months 4-6
    //   likely 48600 + 30600 * 2 = 109800; output 1.5 * 3
    //   low: the engineer hired after 6 months (nothing yet), developers at
    //   80 * 160 = 12800 from month 4: 38400
    //   high: the engineer hired at once, 18600 a month; developers 125 *
    //   160 = 20000 a month: 3 * 38600 = 115800
    assert_eq!(
        json["quarters"][1],
        serde_json::json!({"label": "Q2", "from_month": "3", "until_month": "6",
            "cost": {"low": "38400.00", "likely": "109800.00", "high": "115800.00"},
            "capacity_pm": "4.50"})
    );
    assert_eq!(json["quarters"].as_array().map(Vec::len), Some(4));
    assert_eq!(
        json["fiscal_years"],
        serde_json::json!([{"label": "Year 1", "from_month": "0", "until_month": "12",
            "cost": {"low": "199800.00", "likely": "341400.00", "high": "492000.00"},
            "capacity_pm": "19.50"}])
    );
    // month 12: the engineer at full output, to date the capacity
    assert_eq!(json["monthly"][11]["capacity_pm"], "2.00");
    assert_eq!(json["monthly"][11]["cumulative_pm"], "19.50");
    let seat = &json["team"]["seats"][1];
    for (key, value) in [
        ("role", "ai-developer"),
        ("level", "Mid"),
        ("location", "us"),
        ("engagement", "Agency"),
        ("allocation", "0.5"),
        ("focus", "Development"),
    ] {
        assert_eq!(seat[key], value, "seat field {key}");
    }
    assert_eq!(seat["count"], 2);
    assert_eq!(seat["cost"]["likely"], "192000.00");
    insta::assert_snapshot!("json_worked_example", run.stdout);
}

#[test]
fn several_files_give_a_json_array() {
    let run = workdir().run(&["estimate", "s.ron", "s.ron", "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(2));
    for e in json.as_array().into_iter().flatten() {
        assert_eq!(e["schema_version"], 2);
    }
}

/// MODEL.md section 12: every top-level object of estimate, compare,
/// sensitivity, breakeven and recommend (each element of an array) carries
/// `"schema_version": 2`.
#[test]
fn every_json_object_carries_the_schema_version() {
    let dir = Workdir::new(&[
        ("s.ron", TEAM),
        ("e.ron", crate::support::ENGINEER),
        ("rates/hand.ron", &hand_table()),
        ("rates/quote.ron", crate::support::QUOTE),
    ]);
    for args in [
        &["compare", "s.ron", "s.ron", "--format", "json"][..],
        &["sensitivity", "s.ron", "--format", "json"],
        &["breakeven", "e.ron", "--format", "json"],
        &[
            "recommend",
            "--stage",
            "pilot",
            "--duration",
            "6",
            "--location",
            "us",
            "--effort-pm",
            "6",
            "--format",
            "json",
        ],
        &[
            "recommend",
            "--stage",
            "pilot",
            "--duration",
            "6",
            "--location",
            "us",
            "--effort-pm",
            "6",
            "--compare-engagements",
            "--format",
            "json",
        ],
    ] {
        let run = dir.run(args);
        assert_eq!(run.status, 0, "{args:?}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
        let objects = match &json {
            Value::Array(all) => all.clone(),
            one => vec![one.clone()],
        };
        assert!(!objects.is_empty(), "{args:?}");
        for o in objects {
            assert_eq!(o["schema_version"], 2, "{args:?}: {o}");
        }
    }
}

#[test]
fn table_csv_and_markdown() {
    let dir = workdir();
    let table = dir.run(&["estimate", "s.ron"]);
    assert_eq!(table.status, 0, "{}", table.stderr);
    insta::assert_snapshot!("table_worked_example", table.stdout);

    let csv = dir.run(&["estimate", "s.ron", "--format", "csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(
        lines[0].starts_with("scenario,file,currency,section,item,low,likely,high,"),
        "{}",
        lines[0]
    );
    let rows = crate::support::csv_rows(&csv.stdout);
    let row = |section: &str, item: &str| crate::support::csv_row(&rows, section, item);
    let cost = row("total", "cost");
    assert_eq!(
        [&cost["low"], &cost["likely"], &cost["high"]],
        ["199800.00", "341400.00", "492000.00"]
    );
    assert_eq!(row("component", "recruiting")["likely"], "18000.00");
    assert_eq!(row("component", "exit")["likely"], "0.00");
    assert_eq!(row("total", "cost_per_pm")["likely"], "17507.69");
    assert_eq!(row("total", "cost_per_pm")["low"], "");
    // a seat is one row with its own columns, as in the JSON
    let seat = row("seat", "2");
    for (column, value) in [
        ("role", "ai-developer"),
        ("level", "Mid"),
        ("location", "us"),
        ("engagement", "Agency"),
        ("count", "2"),
        ("allocation", "0.5"),
        ("fte", "1.00"),
        ("focus", "Development"),
        ("from_month", "0"),
        ("until_month", "12"),
        ("likely", "192000.00"),
        ("capacity_likely", "12.00"),
    ] {
        assert_eq!(seat[column], value, "seat column {column}");
    }
    // month 4: engineer 14600 + 18000 fee, developers 16000
    let month = row("month", "4");
    assert_eq!(
        [
            &month["likely"],
            &month["cumulative"],
            &month["capacity_likely"],
            &month["cumulative_pm"],
            &month["from_month"],
            &month["until_month"]
        ],
        ["48600.00", "96600.00", "1.50", "4.50", "3", "4"]
    );
    // plain numbers only: no thousands separators in any figure
    for r in &rows {
        for column in [
            "low",
            "likely",
            "high",
            "capacity_low",
            "capacity_likely",
            "capacity_high",
            "cumulative",
        ] {
            assert!(!r[column].contains(','), "{column}: {r:?}");
        }
    }

    let markdown = dir.run(&["estimate", "s.ron", "--format", "markdown"]);
    assert!(
        markdown.stdout.starts_with("## Worked example\n"),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("| Cost "), "{}", markdown.stdout);

    let compare = dir.run(&["compare", "s.ron", "--format", "csv"]);
    assert!(
        compare.stdout.starts_with("metric,Worked example\n"),
        "{}",
        compare.stdout
    );
    assert!(
        compare.stdout.contains("Cost likely,341400.00\n"),
        "{}",
        compare.stdout
    );
    // 341400 / 19.5 = 17507.69...; likely only (MODEL.md 10.8)
    assert!(
        compare.stdout.contains("Cost per person-month likely,17507.69\n"),
        "{}",
        compare.stdout
    );
    assert!(
        !compare.stdout.contains("person-month low") && !compare.stdout.contains("person-month high"),
        "{}",
        compare.stdout
    );
}

#[test]
fn currency_flag_reports_in_another_currency() {
    let run = workdir().run(&["estimate", "s.ron", "--format", "json", "--currency", "EUR"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    // USD -> EUR at 1 / 1.25: 341400 * 0.8
    assert_eq!(json["cost"]["likely"], "273120.00");
    assert_eq!(json["currency"], "EUR");
}

#[test]
fn a_rates_directory_shadows_the_embedded_plugin() {
    let shadow = hand_table().replace("name: \"hand\"", "name: \"market-2026\"");
    let scenario = TEAM.replace("    rates: [\"hand\"],\n", "");
    let dir = Workdir::new(&[("s.ron", &scenario), ("mine/market.ron", &shadow)]);
    let embedded = dir.run(&["estimate", "s.ron", "--format", "json"]);
    let shadowed = dir.run(&["estimate", "s.ron", "--format", "json", "--rates", "mine"]);
    let likely = |out: &str| serde_json::from_str::<Value>(out).expect("JSON")["cost"]["likely"].clone();
    assert_eq!(likely(&shadowed.stdout), "341400.00");
    assert_ne!(likely(&embedded.stdout), likely(&shadowed.stdout));
}

#[test]
fn check_reports_every_problem_and_fails() {
    let dir = Workdir::new(&[
        ("scenarios/good.ron", TEAM),
        (
            "scenarios/bad.ron",
            &TEAM
                .replace("duration_months: 12", "duration_months: 0")
                .replace("level: Mid", "level: Middle"),
        ),
        ("rates/hand.ron", &hand_table()),
    ]);
    let run = dir.run(&["check"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stdout,
        "FAIL  scenarios/bad.ron: 2 problem(s)\nok    scenarios/good.ron: scenario, 2 seats, 2 FTE, likely USD 341,400.00\n\
         ok    rates/hand.ron: rate plugin `hand`, 2 roles, 1 locations, 1 salaries, 1 agency rates, 1 sources\n"
    );
    // both problems of bad.ron: the team is read after the rest of the file
    // (a bare `team: Recommend` is not a serde variant), so the bad level no
    // longer hides the bad duration
    assert!(
        run.stderr
            .contains("scenarios/bad.ron:10:39: `Middle` is not a valid Level"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("duration_months is 0, outside 0 to 120"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `Mid`?"), "{}", run.stderr);
}

/// MODEL.md 10.6: the worked example from February 2027 with fiscal years
/// from April, in every format: calendar months, "FY" labels.
#[test]
fn a_plan_on_the_calendar_in_every_format() {
    let team = TEAM.replace(
        "    engagement: InHouse,\n",
        "    engagement: InHouse,\n    start: \"2027-02\",\n    fiscal_year_start: 4,\n",
    );
    let dir = Workdir::new(&[("s.ron", &team), ("rates/hand.ron", &hand_table())]);
    let run = dir.run(&["estimate", "s.ron", "--format", "json", "--trials", "0"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["monthly"][0]["calendar"], "2027-02");
    assert_eq!(json["monthly"][11]["calendar"], "2028-01");
    let labels = |key: &str| -> Vec<String> {
        json[key]
            .as_array()
            .expect("periods")
            .iter()
            .map(|p| p["label"].as_str().expect("label").to_string())
            .collect()
    };
    // Feb-Mar 2027, then April 2027 to March 2028 (FY2028), then January 2028
    assert_eq!(
        labels("quarters"),
        ["FY2027 Q4", "FY2028 Q1", "FY2028 Q2", "FY2028 Q3", "FY2028 Q4"]
    );
    assert_eq!(labels("fiscal_years"), ["FY2027", "FY2028"]);
    // FY2027 Q4 = months 1-2: the developers alone, 16000 a month
    assert_eq!(json["quarters"][0]["cost"]["likely"], "32000.00");
    assert_eq!(json["quarters"][4]["until_month"], "12");

    let csv = dir.run(&["estimate", "s.ron", "--format", "csv", "--trials", "0"]);
    let rows = crate::support::csv_rows(&csv.stdout);
    assert_eq!(
        crate::support::csv_row(&rows, "month", "1")["calendar"],
        "2027-02"
    );
    let q = crate::support::csv_row(&rows, "quarter", "FY2027 Q4");
    assert_eq!(
        [&q["from_month"], &q["until_month"], &q["likely"]],
        ["0", "2", "32000.00"]
    );
    assert_eq!(
        crate::support::csv_row(&rows, "fiscal_year", "FY2028")["until_month"],
        "12"
    );

    let text = dir.run(&["estimate", "s.ron", "--trials", "0"]);
    assert!(
        text.stdout.contains("By fiscal quarter and year (likely)\n"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("│ FY2027 Q4 ┆    0-2 ┆  32,000.00 ┆        2.00 │"),
        "{}",
        text.stdout
    );
    // within 80 columns
    let narrow = dir.run(&["estimate", "s.ron", "--trials", "0", "--width", "80"]);
    assert!(
        narrow.stdout.lines().all(|l| l.chars().count() <= 80),
        "{}",
        narrow.stdout
    );

    dir.run(&[
        "report", "s.ron", "--format", "markdown", "-o", "r.md", "--trials", "0",
    ]);
    let md = std::fs::read_to_string(dir.path().join("r.md")).expect("report");
    assert!(md.contains("By quarter and year"), "{md}");
    assert!(
        md.contains("Worked example, from 2027-02 (fiscal years from April)"),
        "{md}"
    );
    assert!(md.contains("| FY2028 Q1 | 2-5 |"), "{md}");
}
