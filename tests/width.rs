//! Tables fit a width: `--width N`, else `COLUMNS`; piped with neither,
//! no limit. Every line within the width (in characters), figures whole.

use std::path::PathBuf;

use assert_cmd::Command;

use crate::support::{repo, shipped_scenarios};

/// Runs teamcost in the repository with `COLUMNS` as given (unset when
/// `None`): (status, stdout, stderr).
fn teamcost(args: &[String], columns: Option<&str>) -> (i32, String, String) {
    let mut cmd = Command::cargo_bin("teamcost").expect("binary");
    cmd.current_dir(repo()).args(args).env_remove("COLUMNS");
    if let Some(c) = columns {
        cmd.env("COLUMNS", c);
    }
    let out = cmd.output().expect("run teamcost");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

fn scenarios() -> Vec<String> {
    shipped_scenarios()
        .iter()
        .map(|p| p.display().to_string())
        .collect()
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Every line within `width`, or the first that is not.
fn assert_within(what: &str, text: &str, width: usize) {
    if let Some(line) = text.lines().find(|l| l.chars().count() > width) {
        panic!(
            "{what}: a line of {} characters, over {width}:\n{line}\n\n{text}",
            line.chars().count()
        );
    }
}

/// The figures of a text: tokens of digits with their separators.
fn figures(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || "│┆".contains(c))
        .map(|t| t.trim_matches(|c| "(),;:".contains(c)))
        .filter(|t| {
            t.len() > 4 && t.contains(',') && t.chars().all(|c| c.is_ascii_digit() || ",.-".contains(c))
        })
        .map(str::to_string)
        .collect()
}

/// A copy of the shipped rate table under another name, one salary changed,
/// for `rates impact`.
fn changed_table() -> (tempfile::TempDir, PathBuf) {
    let text = std::fs::read_to_string(repo().join("rates/market-2026.ron")).expect("shipped table");
    let text = text
        .replacen(r#"name: "market-2026""#, r#"name: "market-2027""#, 1)
        .replacen(
            r#"location: "us", annual: (low: 142000, typical: 160000, high: 176000)"#,
            r#"location: "us", annual: (low: 152000, typical: 170000, high: 186000)"#,
            1,
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("market-2027.ron");
    std::fs::write(&path, text).expect("write table");
    (dir, path)
}

/// Each command of a budget meeting, as arguments.
fn commands(table: &str) -> Vec<Vec<String>> {
    let all = scenarios();
    let one = repo()
        .join("scenarios/fraud-detection-plan.ron")
        .display()
        .to_string();
    let recommend = strings(&[
        "recommend",
        "--stage",
        "prototype",
        "--duration",
        "12",
        "--location",
        "us",
        "--effort-pm",
        "40",
    ]);
    let with = |head: &[&str], tail: &[String]| {
        let mut v = strings(head);
        v.extend(tail.iter().cloned());
        v
    };
    vec![
        with(&["compare", "--currency", "USD"], &all),
        with(&["estimate", "--trials", "1000"], &all),
        recommend.clone(),
        with(&[], &[recommend, strings(&["--compare-engagements"])].concat()),
        strings(&["sensitivity", &one]),
        strings(&["breakeven", &one]),
        strings(&["rates", "show", "market-2026"]),
        strings(&["rates", "show", "market-2026", "--sources"]),
        strings(&["rates", "list"]),
        with(
            &[
                "rates",
                "impact",
                "--from",
                "market-2026",
                "--to",
                table,
                "--trials",
                "200",
            ],
            &all,
        ),
        strings(&["rates", "diff", "market-2026", table]),
        strings(&["rates", "audit"]),
        with(&["brief"], &all),
    ]
}

#[test]
fn every_command_fits_80_columns() {
    let (_dir, table) = changed_table();
    for args in commands(&table.display().to_string()) {
        let what = args[..2].join(" ");
        let (status, stdout, stderr) = teamcost(&[strings(&["--width", "80"]), args.clone()].concat(), None);
        assert_eq!(status, 0, "{what}: {stderr}");
        assert_within(&what, &stdout, 80);
        // the same figures as piped, each whole on one line
        let (_, wide, _) = teamcost(&args, None);
        for figure in figures(&wide) {
            assert!(
                stdout.contains(&figure),
                "{what}: {figure} broken or lost:\n{stdout}"
            );
        }
    }
}

#[test]
fn columns_sets_the_width_and_the_flag_wins() {
    let args = [strings(&["compare", "--currency", "USD"]), scenarios()].concat();
    let (status, stdout, stderr) = teamcost(&args, Some("80"));
    assert_eq!(status, 0, "{stderr}");
    assert_within("COLUMNS=80", &stdout, 80);
    // ten scenarios do not fit side by side: parts, labels repeated
    assert!(stdout.contains("Scenarios 1 to 3 of"), "{stdout}");
    assert!(stdout.matches("│ Cost likely ").count() > 1, "{stdout}");

    let (_, wider, _) = teamcost(&[strings(&["--width", "120"]), args.clone()].concat(), Some("80"));
    assert!(widest(&wider) > 80 && widest(&wider) <= 120, "{wider}");
}

#[test]
fn piped_without_a_width_nothing_wraps() {
    let args = [strings(&["compare", "--currency", "USD"]), scenarios()].concat();
    let (_, piped, _) = teamcost(&args, None);
    assert!(widest(&piped) > 200, "one table, one row per line:\n{piped}");
    assert!(!piped.contains("Scenarios 1 to"), "{piped}");
    // --width 0 is no limit, whatever COLUMNS says
    let (status, unlimited, _) = teamcost(&[strings(&["--width", "0"]), args].concat(), Some("80"));
    assert_eq!(status, 0);
    assert_eq!(unlimited, piped);
}

#[test]
fn a_width_too_narrow_is_refused() {
    let (status, stdout, stderr) = teamcost(&strings(&["--width", "10", "rates", "list"]), None);
    assert_eq!(status, 2);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "error: --width: --width 10 is too narrow for a table\n  \
         = expected: a number of columns from 40 on, or 0 for no limit\n  \
         = help: write --width 80, or leave --width out to fit the terminal\n"
    );
    let (status, _, stderr) = teamcost(&strings(&["--width", "wide", "rates", "list"]), None);
    assert_eq!(status, 2, "{stderr}");
}

#[test]
fn help_wraps_to_the_width() {
    let (status, stdout, _) = teamcost(&strings(&["rates", "--help"]), Some("60"));
    assert_eq!(status, 0);
    assert_within("rates --help", &stdout, 60);
}

/// `rates list` as a table while it fits, then a sentence per plugin; a
/// long path breaks before its file name, not inside it.
#[test]
fn rates_list_narrows_to_sentences() {
    let (status, out, _) = teamcost(&strings(&["rates", "list", "--width", "72"]), None);
    assert_eq!(status, 0);
    assert_within("rates list at 72", &out, 72);
    assert!(out.contains("│ <embedded>/ "), "{out}");
    assert!(out.contains("│ market-2026.ron "), "{out}");
    let (status, out, _) = teamcost(&strings(&["rates", "list", "--width", "60"]), None);
    assert_eq!(status, 0);
    assert_within("rates list at 60", &out, 60);
    assert!(!out.contains('│'), "no table at 60:\n{out}");
    assert!(
        out.contains("- market-2026 (rates/market-2026.ron, in force): effective"),
        "{out}"
    );
}
