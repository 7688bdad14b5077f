//! The shipped scenarios and rate tables: all valid, all estimated, from
//! any directory.

use serde_json::Value;

use crate::support::{Workdir, repo, shipped_scenarios};

#[test]
fn check_passes_on_the_shipped_files() {
    let run = assert_cmd::Command::cargo_bin("teamcost")
        .expect("binary")
        .current_dir(repo())
        .arg("check")
        .output()
        .expect("run");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let scenarios = shipped_scenarios();
    assert!(scenarios.len() >= 6, "at least six shipped scenarios");
    for file in &scenarios {
        let name = file.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            stdout.contains(&format!("ok    scenarios/{name}")),
            "{name} not checked:\n{stdout}"
        );
    }
    assert!(stdout.contains("ok    rates/market-2026.ron"), "{stdout}");
}

#[test]
fn every_shipped_scenario_is_estimated_from_another_directory() {
    let elsewhere = Workdir::new(&[]);
    for file in shipped_scenarios() {
        let path = file.display().to_string();
        let run = elsewhere.run(&["estimate", &path, "--format", "json"]);
        assert_eq!(run.status, 0, "{path}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        for key in [
            "scenario",
            "file",
            "currency",
            "duration_months",
            "cost",
            "capacity_pm",
            "team",
            "components",
            "monthly",
        ] {
            assert!(json.get(key).is_some(), "{path}: no `{key}`");
        }
        let cost = &json["cost"];
        assert!(
            money(&cost["low"]) <= money(&cost["likely"]) && money(&cost["likely"]) <= money(&cost["high"])
        );
        assert!(
            money(&cost["likely"]) > 0.0,
            "{path}: a shipped scenario costs something"
        );
        let components: f64 = json["components"]
            .as_object()
            .expect("object")
            .values()
            .map(money)
            .sum();
        assert!(
            (components - money(&cost["likely"])).abs() < 0.05,
            "{path}: components add up"
        );
        let last = json["monthly"].as_array().and_then(|m| m.last()).expect("months");
        assert_eq!(
            last["cumulative"], cost["likely"],
            "{path}: the burn ends at the likely cost"
        );
        assert_eq!(
            json["warnings"].as_array().map(Vec::len),
            Some(0),
            "{path}: shipped scenarios have no warnings"
        );
    }
}

/// A decimal string of the JSON output as a number.
fn money(v: &Value) -> f64 {
    v.as_str()
        .expect("decimal string")
        .parse::<f64>()
        .expect("number")
}

/// The shipped plans (`phases` over time): each has three phases in order
/// that cover the project and add up to its cost and capacity, its non-labour
/// cost lines in `other`, and, being longer than a year with people in-house,
/// raises and attrition that move its cost (they come from the location terms
/// of market-2026, not from the scenario).
#[test]
fn the_shipped_plans_add_up_phase_by_phase() {
    let elsewhere = Workdir::new(&[]);
    let mut plans = 0;
    for file in shipped_scenarios() {
        let path = file.display().to_string();
        let run = elsewhere.run(&["estimate", &path, "--format", "json", "--trials", "0"]);
        assert_eq!(run.status, 0, "{path}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let phases = json["phases"].as_array().expect("phases");
        if phases.len() == 1 {
            continue;
        }
        plans += 1;
        assert_eq!(phases.len(), 3, "{path}: prototype, pilot, production");
        let stages: Vec<&str> = phases
            .iter()
            .map(|p| p["stage"].as_str().expect("stage"))
            .collect();
        assert_eq!(stages, ["Prototype", "Pilot", "Production"], "{path}");
        assert_eq!(
            json["stage"].as_str(),
            Some("Prototype → Pilot → Production"),
            "{path}"
        );
        let mut end = 0.0;
        for phase in phases {
            assert_eq!(
                money(&phase["from_month"]),
                end,
                "{path}: phases follow each other"
            );
            end = money(&phase["until_month"]);
            assert!(
                money(&phase["cost"]["likely"]) > 0.0,
                "{path}: every phase costs something"
            );
        }
        assert_eq!(
            end,
            money(&json["duration_months"]),
            "{path}: the last phase ends the project"
        );
        for (key, what) in [("cost", "cost"), ("capacity_pm", "capacity")] {
            for corner in ["low", "likely", "high"] {
                let sum: f64 = phases.iter().map(|p| money(&p[key][corner])).sum();
                let total = money(&json[key][corner]);
                assert!(
                    (sum - total).abs() <= 0.01 * phases.len() as f64,
                    "{path}: phases add up to the {what} ({corner}): {sum} against {total}"
                );
            }
        }
        let lines = json["costs"].as_array().expect("cost lines");
        assert!(!lines.is_empty(), "{path}: a plan lists its non-labour costs");
        let other: f64 = lines.iter().map(|l| money(&l["cost"]["likely"])).sum();
        assert!(other > 0.0, "{path}");
        assert!(
            (other - money(&json["components"]["other"])).abs() < 0.01 * lines.len() as f64,
            "{path}: the cost lines are the `other` component"
        );
        let windows = json["team"]["seats"]
            .as_array()
            .expect("seats")
            .iter()
            .filter(|s| money(&s["from_month"]) > 0.0 || money(&s["until_month"]) < end)
            .count();
        assert!(windows >= 2, "{path}: people join and leave over the plan");

        let run = elsewhere.run(&["sensitivity", &path, "--format", "json"]);
        assert_eq!(run.status, 0, "{path}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let inputs = json["inputs"].as_array().expect("inputs");
        // the terms of plans over time move the cost: attrition and raises
        // of the in-house seats, the agency's yearly increase where every
        // seat is through an agency
        let has = |term: &str| {
            inputs
                .iter()
                .any(|i| i["input"].as_str().is_some_and(|n| n.starts_with(term)))
        };
        let terms: &[&str] = if has("attrition ") {
            &["attrition ", "raise "]
        } else {
            &["agency increase "]
        };
        for term in terms {
            let swing = inputs
                .iter()
                .filter(|i| i["input"].as_str().is_some_and(|n| n.starts_with(term)))
                .map(|i| money(&i["swing"]))
                .fold(0.0, f64::max);
            assert!(
                swing > 0.0,
                "{path}: `{term}` from the location terms moves the cost"
            );
        }
    }
    assert!(plans >= 2, "at least two shipped plans, found {plans}");
}

/// rates/market-2026.ron is what tools/derive-market-2026.py writes, byte
/// for byte (skipped, with a message, where python3 is missing).
#[test]
fn the_shipped_table_is_what_the_script_writes() {
    let python = std::process::Command::new("python3").arg("--version").output();
    if !python.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 not found, tools/derive-market-2026.py --check not run");
        return;
    }
    let run = std::process::Command::new("python3")
        .arg(repo().join("tools/derive-market-2026.py"))
        .arg("--check")
        .output()
        .expect("run python3");
    assert!(
        run.status.success(),
        "{}{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
}

#[test]
fn compare_runs_on_all_shipped_scenarios() {
    let files: Vec<String> = shipped_scenarios()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    let run = Workdir::new(&[]).run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Cost likely"));
    assert!(run.stdout.contains("Fraud detection"));
}

#[test]
fn the_examples_in_the_readme_pass_check() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README");
    let blocks: Vec<&str> = readme
        .split("```ron\n")
        .skip(1)
        .map(|rest| rest.split("```").next().unwrap_or(""))
        .collect();
    assert!(blocks.len() >= 3, "README has its annotated examples");
    for (i, block) in blocks.iter().enumerate() {
        let name = format!("example-{i}.ron");
        let dir = Workdir::new(&[(&name, block)]);
        let run = dir.run(&["check", &name]);
        assert_eq!(run.status, 0, "README example {i}:\n{block}\n{}", run.stderr);
    }
}
