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
        let money = |v: &Value| {
            v.as_str()
                .expect("decimal string")
                .parse::<f64>()
                .expect("number")
        };
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
