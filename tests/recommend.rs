//! `teamcost recommend` end to end: flags, files, --write and
//! --compare-engagements.

use serde_json::Value;

use crate::support::{Workdir, repo};

const FLAGS: [&str; 13] = [
    "recommend",
    "--stage",
    "production",
    "--product",
    "fraud-detection",
    "--requires",
    "sensitive-data,real-time",
    "--duration",
    "12",
    "--location",
    "germany",
    "--engagement",
    "hybrid",
];

fn likely(out: &str) -> Value {
    serde_json::from_str::<Value>(out).expect("JSON")["cost"]["likely"].clone()
}

#[test]
fn a_written_team_is_checked_and_estimated_to_the_cent() {
    let dir = Workdir::new(&[]);
    let mut args = FLAGS.to_vec();
    args.extend(["--effort-pm", "40", "--write", "team.ron", "--format", "json"]);
    let run = dir.run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "wrote team.ron\n");
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["team"]["engineering_fte"], "3.00");
    assert!(
        json["reasoning"][0]
            .as_str()
            .is_some_and(|r| r.starts_with("Engineering share: Production stage 0.55"))
    );
    assert!(
        json["team"]["seats"][0]["reason"]
            .as_str()
            .is_some_and(|r| r.contains("owns deployment"))
    );

    let check = dir.run(&["check", "team.ron"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let estimate = dir.run(&["estimate", "team.ron", "--format", "json", "--trials", "0"]);
    assert_eq!(likely(&estimate.stdout), json["cost"]["likely"]);

    // never over an existing file without --force
    let before = std::fs::read(dir.path().join("team.ron")).expect("file");
    let mut again = FLAGS.to_vec();
    again.extend(["--effort-pm", "20", "--write", "team.ron"]);
    let refused = dir.run(&again);
    assert_eq!(refused.status, 2);
    assert_eq!(
        refused.stderr,
        "error: team.ron: the file exists; teamcost does not overwrite it\n  = help: pass --force to replace it, or choose another file\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("team.ron")).expect("file"),
        before,
        "unchanged"
    );
    again.push("--force");
    assert_eq!(dir.run(&again).status, 0);
    assert_ne!(std::fs::read(dir.path().join("team.ron")).expect("file"), before);
}

#[test]
fn engagements_side_by_side_with_the_break_even() {
    let mut args = FLAGS.to_vec();
    args.extend(["--effort-pm", "40", "--compare-engagements"]);
    let run = Workdir::new(&[]).run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    for column in ["(all", "in-house)", "agency)", "(hybrid)"] {
        assert!(run.stdout.contains(column), "{column}:\n{}", run.stdout);
    }
    assert!(run.stdout.contains("\nBreak-even: "), "{}", run.stdout);
}

#[test]
fn a_scenario_file_with_recommend_is_estimated_like_any_other() {
    let file = repo().join("scenarios/contract-review-agent-recommended.ron");
    let path = file.display().to_string();
    let dir = Workdir::new(&[]);
    let estimate = dir.run(&["estimate", &path, "--format", "json", "--trials", "0"]);
    assert_eq!(estimate.status, 0, "{}", estimate.stderr);
    let recommend = dir.run(&["recommend", &path, "--format", "json"]);
    assert_eq!(likely(&estimate.stdout), likely(&recommend.stdout));
    let json: Value = serde_json::from_str(&estimate.stdout).expect("JSON");
    let capacity: f64 = json["capacity_pm"]["likely"]
        .as_str()
        .and_then(|c| c.parse().ok())
        .expect("capacity");
    assert!(capacity >= 40.0, "the team delivers the effort: {capacity}");
}

#[test]
fn missing_flags_say_what_to_give() {
    let run = Workdir::new(&[]).run(&[
        "recommend",
        "--duration",
        "6",
        "--location",
        "us",
        "--engagement",
        "agency",
        "--effort-pm",
        "5",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: --stage: --stage is needed without a scenario file\n  = help: give --stage production (or --phases prototype:3,pilot:6), or name a scenario file\n"
    );
    let no_target = Workdir::new(&[]).run(&[
        "recommend",
        "--stage",
        "idea",
        "--duration",
        "6",
        "--location",
        "us",
        "--engagement",
        "agency",
    ]);
    assert_eq!(no_target.status, 2);
    assert!(
        no_target
            .stderr
            .contains("a recommendation needs an effort or a budget"),
        "{}",
        no_target.stderr
    );
}

const PLAN: [&str; 7] = [
    "recommend",
    "--phases",
    "prototype:3,pilot:6,production:9",
    "--effort-pm",
    "6,20,40",
    "--location",
    "us",
];

#[test]
fn a_plan_over_phases_is_written_with_windows_and_reproduced_to_the_cent() {
    let dir = Workdir::new(&[]);
    let mut args = PLAN.to_vec();
    args.extend([
        "--engagement",
        "hybrid",
        "--write",
        "plan.ron",
        "--format",
        "json",
    ]);
    let run = dir.run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["phases"].as_array().map(Vec::len), Some(3));
    let text = std::fs::read_to_string(dir.path().join("plan.ron")).expect("written");
    assert!(text.contains("(stage: Pilot, until_month: 9),"), "{text}");
    assert!(text.contains("from_month: "), "{text}");
    assert!(text.contains("; leaves after Prototype\n"), "{text}");
    let check = dir.run(&["check", "plan.ron"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    let estimate = dir.run(&["estimate", "plan.ron", "--format", "json", "--trials", "0"]);
    assert_eq!(likely(&estimate.stdout), json["cost"]["likely"]);
}

#[test]
fn one_target_per_phase_or_a_clear_error() {
    let mut args = PLAN.to_vec();
    args[4] = "6,20";
    let run = Workdir::new(&[]).run(&args);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: --effort-pm: --effort-pm gives 2 target(s) for 3 phases (prototype, pilot, production)\n  = expected: one target per phase, in the order of the phases\n  = help: for example --phases prototype:3,pilot:6,production:9 --effort-pm 6,20,40\n"
    );
    let mut args = PLAN.to_vec();
    args[2] = "prototype-3";
    let run = Workdir::new(&[]).run(&args);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: --phases: `prototype-3` is not a phase: no `:` between the stage and the months\n  = expected: STAGE:MONTHS in order, comma-separated, the months being each phase's length\n  = help: write, for example, --phases prototype:3,pilot:6,production:9 (18 months in all)\n"
    );
}
