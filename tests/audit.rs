//! `rates audit`: every planted anomaly of tests/data/audit found at its
//! file:line, none on the clean variant, `--strict` exit statuses, the
//! threshold flags, and the shipped table audited.

use serde_json::Value;

use crate::support::{Run, Workdir, repo};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/data/audit").join(name)).expect("audit fixture")
}

/// The fixture with every planted anomaly taken out: each replacement
/// occurs once in the file.
fn clean(text: &str, replacements: &[(&str, &str)]) -> String {
    replacements.iter().fold(text.to_string(), |t, (from, to)| {
        assert_eq!(t.matches(from).count(), 1, "{from} occurs once");
        t.replace(from, to)
    })
}

fn clean_table() -> String {
    clean(
        &fixture("market-2026.ron"),
        &[
            // Lead above Senior
            (
                "level: Lead, location: \"alpha\", annual: 120000",
                "level: Lead, location: \"alpha\", annual: 160000",
            ),
            // 88,000 / 80,000 = 1.1x
            (
                "level: Junior, location: \"alpha\", annual: 130000",
                "level: Junior, location: \"alpha\", annual: 88000",
            ),
            // 2025-06-30 is 9 months before 2026-04-01
            ("published: \"2021\"", "published: \"2025-06\""),
            // 120 x 160 / 12,267 = 1.57x; 70 x 160 / 7,600 = 1.47x
            (
                "location: \"gamma\", hourly: 60",
                "location: \"gamma\", hourly: 120",
            ),
            (
                "location: \"gamma\", hourly: 200",
                "location: \"gamma\", hourly: 70",
            ),
            // delta hires and ramps up in 13 weeks like the others: at 60
            // months in-house (52,567 x 57 + 64,500) / (4 x 55.5) = 13,787
            // per productive person-month, under the agency's 13,880
            ("time_to_hire_weeks: 26", "time_to_hire_weeks: 13"),
            ("ramp_up_weeks: 26", "ramp_up_weeks: 13"),
        ],
    )
}

fn clean_overlay() -> String {
    // 135,000 / 90,000 = 1.5x
    clean(&fixture("overlay.ron"), &[("annual: 270000", "annual: 135000")])
}

fn findings(run: &Run) -> Vec<(String, String, u64)> {
    let json: Value = serde_json::from_str(&run.stdout).expect("audit JSON");
    json.as_array()
        .expect("an array of findings")
        .iter()
        .map(|f| {
            (
                f["check"].as_str().expect("check").to_string(),
                f["file"].as_str().expect("file").to_string(),
                f["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

fn planted(dir: &str) -> Workdir {
    Workdir::new(&[
        (&format!("{dir}/market-2026.ron"), &fixture("market-2026.ron")),
        (&format!("{dir}/overlay.ron"), &fixture("overlay.ron")),
    ])
}

#[test]
fn audit_finds_each_planted_anomaly_at_its_line() {
    let w = planted("rates");
    let run = w.run(&["rates", "audit", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let table = "rates/market-2026.ron";
    let expected: Vec<(String, String, u64)> = [
        // acme is audited over the fixture below it
        ("overlay", "rates/overlay.ron", 6),
        ("source-age", table, 12),
        // the line of the location `delta`
        ("break-even", table, 54),
        ("level", table, 74),
        ("premium", table, 76),
        ("agency-ratio", table, 92),
        ("agency-ratio", table, 94),
    ]
    .iter()
    .map(|(c, f, l)| (c.to_string(), f.to_string(), *l))
    .collect();
    assert_eq!(findings(&run), expected);
    // gamma has no standard team: a note, not a finding
    assert_eq!(
        run.stderr,
        "note: break-even in gamma not checked: the standard team needs salary ai-developer Mid gamma, agency rate ai-developer Mid gamma\n"
    );

    // the figures and thresholds, worked out in the fixture's comments
    let json: Value = serde_json::from_str(&run.stdout).expect("json");
    let figures: Vec<(&str, &str)> = json
        .as_array()
        .expect("array")
        .iter()
        .map(|f| {
            (
                f["value"].as_str().expect("value"),
                f["threshold"].as_str().expect("threshold"),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("3", "2"),
            ("51", "24"),
            ("14230.88", "13880"),
            ("120000", "130000"),
            ("1.625", "1.5"),
            ("0.7826", "1"),
            ("4.2105", "3"),
        ]
    );

    let run = w.run(&["rates", "audit"]);
    assert_eq!(run.status, 0);
    assert!(run.stdout.ends_with("\n7 findings\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "ai-engineer Senior gamma: agency month USD 9,600 is below the loaded in-house month USD 12,267"
        ),
        "{}",
        run.stdout
    );

    let run = w.run(&["rates", "audit", "--strict"]);
    assert_eq!(run.status, 2);
    assert!(run.stdout.ends_with("\n7 findings\n"));
}

#[test]
fn audit_of_one_file_or_of_the_rates_dirs() {
    // FILE: the overlay alone, over the table below it
    let w = planted("rates");
    let run = w.run(&["rates", "audit", "rates/overlay.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        findings(&run),
        [("overlay".to_string(), "rates/overlay.ron".to_string(), 6)]
    );

    // --rates DIR: the plugins of that directory (not the embedded table)
    let w = planted("mine");
    let run = w.run(&["--rates", "mine", "rates", "audit", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(findings(&run).len(), 7);
    assert!(findings(&run).iter().all(|(_, f, _)| f.starts_with("mine/")));
}

#[test]
fn thresholds_are_flags() {
    let w = planted("rates");
    let run = w.run(&[
        "rates",
        "audit",
        "--format",
        "json",
        "--max-source-age-months",
        "60",
        "--max-overlay-ratio",
        "4",
        "--max-premium",
        "1.7",
        "--min-agency-ratio",
        "0.7",
        "--max-agency-ratio",
        "5",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let checks: Vec<String> = findings(&run).into_iter().map(|(c, _, _)| c).collect();
    assert_eq!(checks, ["break-even", "level"]);
    // a band that the 1.1x of the clean engineers misses
    let w = Workdir::new(&[("rates/market-2026.ron", &clean_table())]);
    let run = w.run(&["rates", "audit", "--format", "json", "--min-premium", "1.2"]);
    let checks: Vec<String> = findings(&run).into_iter().map(|(c, _, _)| c).collect();
    // ai-engineer Junior alpha 88,000 / 80,000 = 1.1; Senior 150,000 / 130,000 = 1.15;
    // Senior agency 170 / 150 = 1.13
    assert_eq!(checks, ["premium", "premium", "premium"]);
}

#[test]
fn a_clean_table_has_no_findings() {
    let w = Workdir::new(&[
        ("rates/market-2026.ron", &clean_table()),
        ("rates/overlay.ron", &clean_overlay()),
    ]);
    let run = w.run(&["rates", "audit", "--strict"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "No findings in acme (rates/overlay.ron), market-2026 (rates/market-2026.ron).\n"
    );
    let run = w.run(&["rates", "audit", "--strict", "--format", "json"]);
    assert_eq!(run.status, 0);
    assert_eq!(run.stdout.trim(), "[]");
}

#[test]
fn the_shipped_table_can_be_audited() {
    // The embedded table alone (no ./rates in a fresh directory).
    let w = Workdir::new(&[]);
    let run = w.run(&["rates", "audit"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    // the count of findings, then the acknowledged ones
    let count = run
        .stdout
        .lines()
        .find(|l| !l.starts_with(['┌', '│', '╞', '├', '└']) && !l.starts_with("Audit of"))
        .unwrap_or_default();
    assert!(
        count.ends_with(" findings") || count.ends_with(" finding") || count.starts_with("No findings"),
        "{count}"
    );
    // issue 11: the shipped table passes `rates audit --strict`; its old
    // sources are not hidden but acknowledged, each with its reason
    let run = w.run(&["rates", "audit", "--strict"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("No findings in market-2026 (<embedded>/market-2026.ron).\n\n14 acknowledged"),
        "{}",
        run.stdout
    );
    let run = w.run(&["rates", "audit", "--strict", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("audit JSON");
    let entries = json.as_array().expect("an array");
    let mut ids: Vec<&str> = entries
        .iter()
        .map(|f| {
            assert_eq!(f["check"], "source-age", "{f}");
            assert_eq!(f["acknowledged"], true, "{f}");
            assert!(f["reason"].as_str().is_some_and(|r| r.len() > 80), "{f}");
            let message = f["message"].as_str().expect("message");
            message.split('`').nth(1).expect("a source id")
        })
        .collect();
    ids.sort_unstable();
    let mut old = OLD_SOURCES.to_vec();
    old.sort_unstable();
    assert_eq!(ids, old);
    // the table lists each one with its reason
    let table = w.run(&["rates", "audit"]).stdout;
    assert_eq!(
        table
            .matches("\n  acknowledged: <embedded>/market-2026.ron:")
            .count(),
        14,
        "{table}"
    );
    for id in OLD_SOURCES {
        assert!(
            table.contains(&format!(": source `{id}` published")),
            "{id}: {table}"
        );
    }

    // a reviewer who wants to see everything
    let run = w.run(&["rates", "audit", "--strict", "--no-acknowledged"]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    assert!(run.stdout.ends_with("\n14 findings\n"), "{}", run.stdout);
    assert!(!run.stdout.contains("acknowledged:"), "{}", run.stdout);
}

/// The shipped table's sources published more than 24 months before its
/// `effective` date, each kept with a `stale` reason.
const OLD_SOURCES: [&str; 14] = [
    "stepstone-ai-jobs-2024",
    "soda-raport-2023",
    "robert-half-br-2022",
    "shrm-2022",
    "shrm-benchmark-2015",
    "linkedin-2021",
    "swimm-2020",
    "sia-2022",
    "aon-us-turnover-2021",
    "linkedin-turnover-2018",
    "isg-de-2021",
    "assespro-br-2019",
    "freelancermap-2023",
    "cocomo-ii-2000",
];

/// The clean fixture with its old source put back, with `stale` as given.
fn acknowledged_table(stale: &str) -> String {
    clean(
        &clean_table(),
        &[(
            "\"old\": (title: \"an old survey\", published: \"2025-06\")",
            &format!("\"old\": (title: \"an old survey\", published: \"2021\", stale: {stale})"),
        )],
    )
}

#[test]
fn an_old_source_with_a_stale_reason_is_acknowledged_not_found() {
    let w = Workdir::new(&[(
        "rates/market-2026.ron",
        &acknowledged_table("\"the only survey of its kind; figures scaled by 3% a year\""),
    )]);
    let run = w.run(&["rates", "audit", "--strict"]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        run.stdout,
        "No findings in market-2026 (rates/market-2026.ron).\n\n\
         1 acknowledged (the plugin says why each is still used; --no-acknowledged counts them as findings):\n\
         \x20 acknowledged: rates/market-2026.ron:12: source `old` published 2021, 51 months before effective 2026-04-01:\n\
         \x20   the only survey of its kind; figures scaled by 3% a year\n"
    );
    let run = w.run(&["rates", "audit", "--strict", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("audit JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "{json}");
    assert_eq!(json[0]["check"], "source-age");
    assert_eq!(json[0]["line"], 12);
    assert_eq!(json[0]["acknowledged"], true);
    assert_eq!(
        json[0]["reason"],
        "the only survey of its kind; figures scaled by 3% a year"
    );

    // the opt-out: a finding again, with its reason kept in JSON
    let run = w.run(&["rates", "audit", "--strict", "--no-acknowledged"]);
    assert_eq!(run.status, 2, "{}", run.stdout);
    assert!(run.stdout.ends_with("\n1 finding\n"), "{}", run.stdout);
    assert!(
        run.stdout.contains("source `old` published 2021"),
        "{}",
        run.stdout
    );
    let run = w.run(&["rates", "audit", "--no-acknowledged", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        findings(&run),
        [("source-age".to_string(), "rates/market-2026.ron".to_string(), 12)]
    );
    let json: Value = serde_json::from_str(&run.stdout).expect("audit JSON");
    assert_eq!(json[0]["acknowledged"], false);
    assert_eq!(
        json[0]["reason"],
        "the only survey of its kind; figures scaled by 3% a year"
    );

    // a recent source's `stale` changes nothing: it is not old
    let w = Workdir::new(&[(
        "rates/market-2026.ron",
        &clean_table().replace(
            "published: \"2025-06\")",
            "published: \"2025-06\", stale: \"not needed\")",
        ),
    )]);
    let run = w.run(&["rates", "audit", "--strict", "--no-acknowledged"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(
        run.stdout,
        "No findings in market-2026 (rates/market-2026.ron).\n"
    );
}

#[test]
fn an_empty_stale_is_an_error_at_its_place() {
    for stale in ["\"\"", "\"  \""] {
        let w = Workdir::new(&[("rates/market-2026.ron", &acknowledged_table(stale))]);
        let run = w.run(&["rates", "audit"]);
        assert_eq!(run.status, 2, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stderr
                .starts_with("error: rates/market-2026.ron:12:67: source `old` has an empty `stale`"),
            "{}",
            run.stderr
        );
    }
}
