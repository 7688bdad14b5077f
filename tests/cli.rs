//! The command line's conventions: every command's help at 80 columns, its
//! examples run as written, `-o -` to stdout, completions and man pages.
//! (That every flag has help is a unit test of the binary: src/cli/help.rs.)

use std::path::Path;
use std::process::Command;

use crate::support::{Workdir, repo};

const BIN: &str = env!("CARGO_BIN_EXE_teamcost");

/// A working directory holding copies of the shipped scenarios/ and rates/,
/// as the repository root does.
fn shipped_copy() -> Workdir {
    let mut files = Vec::new();
    for dir in ["scenarios", "rates"] {
        for entry in std::fs::read_dir(repo().join(dir)).expect("shipped dir") {
            let path = entry.expect("entry").path();
            let name = format!("{dir}/{}", path.file_name().expect("name").to_string_lossy());
            files.push((name, std::fs::read_to_string(&path).expect("shipped file")));
        }
    }
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    Workdir::new(&files)
}

/// `teamcost ARGS --help` at 80 columns.
fn help(path: &[&str]) -> String {
    let out = Command::new(BIN)
        .args(path)
        .arg("--help")
        .env("COLUMNS", "80")
        .output()
        .expect("run teamcost");
    assert!(out.status.success(), "teamcost {} --help failed", path.join(" "));
    String::from_utf8(out.stdout).expect("utf-8 help")
}

/// The commands a help lists under "Commands:" (clap's `help` aside).
fn listed(help: &str) -> Vec<String> {
    let Some((_, rest)) = help.split_once("Commands:\n") else {
        return Vec::new();
    };
    rest.lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// Every command path, "" (teamcost itself) first, with its help.
fn every_help() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut todo = vec![Vec::<String>::new()];
    while let Some(path) = todo.pop() {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        let text = help(&args);
        for sub in listed(&text) {
            let mut next = path.clone();
            next.push(sub);
            todo.push(next);
        }
        out.push((path, text));
    }
    out
}

/// The lines under "Examples:", a line ending in `\` joined with the next.
fn examples(help: &str) -> Vec<String> {
    let (_, rest) = help.split_once("Examples:\n").expect("an Examples: section");
    let mut lines = Vec::new();
    let mut current = String::new();
    for line in rest.lines().take_while(|l| !l.is_empty()) {
        let line = line.trim();
        match line.strip_suffix('\\') {
            Some(head) => current.push_str(head),
            None => {
                current.push_str(line);
                lines.push(std::mem::take(&mut current));
            }
        }
    }
    lines
}

#[test]
fn every_help_fits_80_columns_and_has_examples_and_exit_statuses() {
    let helps = every_help();
    let paths: Vec<String> = helps.iter().map(|(p, _)| p.join(" ")).collect();
    for expected in [
        "estimate",
        "chart",
        "recommend",
        "rates",
        "rates set",
        "completions",
        "man",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "`{expected}` not found in {paths:?}"
        );
    }
    for (path, text) in &helps {
        let path = path.join(" ");
        for line in text.lines() {
            assert!(
                line.chars().count() <= 80,
                "`teamcost {path} --help` has a line over 80 columns:\n{line}"
            );
        }
        assert!(
            text.contains("\nExamples:\n"),
            "`teamcost {path} --help` has no examples"
        );
        assert!(
            text.contains("Exit status"),
            "`teamcost {path} --help` gives no exit status"
        );
        assert!(
            text.contains("  1  any other failure"),
            "`teamcost {path} --help`"
        );
    }
}

/// Each command's examples run as written, in order, in a copy of the
/// repository root (output files land in the copy, `~` is a temporary home).
#[test]
fn every_example_in_the_help_runs() {
    let bin_dir = Path::new(BIN).parent().expect("bin dir");
    let search = std::env::join_paths(
        std::iter::once(bin_dir.to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .expect("PATH");
    let mut ran = 0;
    for (path, text) in every_help() {
        let dir = shipped_copy();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).expect("home");
        for line in examples(&text) {
            let out = Command::new("sh")
                .arg("-c")
                .arg(&line)
                .current_dir(dir.path())
                .env("PATH", &search)
                .env("HOME", &home)
                .output()
                .expect("run sh");
            assert!(
                out.status.success(),
                "example of `teamcost {}` failed ({}):\n{line}\n{}",
                path.join(" "),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            ran += 1;
        }
        assert!(
            !dir.path().join("-").exists(),
            "an example wrote a file named `-`"
        );
    }
    assert!(ran > 40, "only {ran} examples ran");
}

#[test]
fn chart_and_report_write_to_stdout_with_o_dash() {
    let dir = shipped_copy();
    let run = dir.run(&[
        "chart",
        "range",
        "scenarios/ai-search-scale.ron",
        "--trials",
        "100",
        "-o",
        "-",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("<svg"),
        "{}",
        &run.stdout[..run.stdout.len().min(200)]
    );
    assert_eq!(run.stderr, "");

    let run = dir.run(&[
        "report",
        "scenarios/ai-search-scale.ron",
        "--trials",
        "100",
        "-o",
        "-",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<html"), "no HTML on stdout");
    assert!(run.stdout.contains("<svg"), "the charts are inline");
    assert!(!dir.path().join("-").exists(), "a file named `-` was written");
}

#[test]
fn a_markdown_report_to_stdout_is_refused() {
    let dir = shipped_copy();
    let run = dir.run(&[
        "report",
        "scenarios/ai-search-scale.ron",
        "--format",
        "markdown",
        "-o",
        "-",
    ]);
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: -o -: a Markdown report cannot go to stdout
  = expected: a file for the document: its charts are written beside it as SVG files
  = help: write -o report.md, or --format html -o - for one self-contained file on stdout
"
    );
}

#[test]
fn recommend_write_dash_prints_the_scenario_file() {
    let dir = shipped_copy();
    let flags = [
        "recommend",
        "--stage",
        "prototype",
        "--duration",
        "12",
        "--location",
        "us",
        "--effort-pm",
        "40",
    ];
    let run = dir.run(&[&flags[..], &["--write", "-"]].concat());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Scenario("), "{}", run.stdout);
    assert_eq!(run.stderr, "", "no `wrote` note");
    assert!(!dir.path().join("-").exists());
    // what was printed is a scenario file that estimates as recommended
    std::fs::write(dir.path().join("plan.ron"), &run.stdout).expect("write plan");
    let check = dir.run(&["check", "plan.ron"]);
    assert_eq!(check.status, 0, "{}{}", check.stdout, check.stderr);

    let run = dir.run(&[&flags[..], &["--write", "-", "--compare-engagements"]].concat());
    assert_eq!(run.status, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: --write -: the scenario file and --compare-engagements would share stdout
  = expected: --write FILE with --compare-engagements, or --write - alone
  = help: write --write plan.ron to keep both
"
    );
}

#[test]
fn rates_new_writes_to_stdout_with_o_dash() {
    let dir = shipped_copy();
    let run = dir.run(&["rates", "new", "acme", "--from", "market-2026", "-o", "-"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("// acme: an overlay on market-2026"),
        "{}",
        run.stdout
    );
    assert!(!dir.path().join("rates/acme.ron").exists());
    assert!(!dir.path().join("-").exists());
}

#[test]
fn completions_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = Workdir::new(&[]).run(&["completions", shell]);
        assert_eq!(run.status, 0, "{shell}: {}", run.stderr);
        for word in ["recommend", "rates", "estimate", "--budget"] {
            assert!(run.stdout.contains(word), "{shell} completions lack `{word}`");
        }
    }
    let run = Workdir::new(&[]).run(&["completions", "tcsh"]);
    assert_eq!(run.status, 2);
}

#[test]
fn man_prints_roff_and_writes_a_page_per_command() {
    let dir = Workdir::new(&[]);
    let run = dir.run(&["man"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH teamcost 1"), "{}", run.stdout);
    assert!(run.stdout.contains(".SH NAME"));
    assert!(run.stdout.contains("recommend"), "the page lists the commands");
    assert!(run.stdout.contains("Exit status"), "and the exit statuses");

    let run = dir.run(&["man", "--out", "man/man1"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "wrote 21 manual pages into man/man1\n");
    for page in [
        "teamcost.1",
        "teamcost-estimate.1",
        "teamcost-rates.1",
        "teamcost-rates-set.1",
    ] {
        let text = std::fs::read_to_string(dir.path().join("man/man1").join(page)).expect(page);
        assert!(text.contains(".SH NAME"), "{page}");
    }
    let set = std::fs::read_to_string(dir.path().join("man/man1/teamcost-rates-set.1")).expect("page");
    assert!(set.contains("teamcost\\-rates\\-set"), "{set}");
}

/// A command whose output cannot be written fails (status 1, saying why);
/// before, `estimate ... > /dev/full` exited 0 having written nothing.
#[cfg(target_os = "linux")]
#[test]
fn an_output_that_cannot_be_written_is_an_error() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let output = Command::new(env!("CARGO_BIN_EXE_teamcost"))
        .current_dir(repo())
        .args(["estimate", "scenarios/fraud-detection-plan.ron", "--trials", "0"])
        .stdout(full)
        .output()
        .expect("run teamcost");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("error: cannot write the output to stdout"),
        "{stderr}"
    );
}

/// A reader that goes away (`| head`) ends the run quietly: no error, status 0.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_teamcost"))
        .current_dir(repo())
        // the report is far more than a pipe's buffer (about 340 kB against
        // 64 kB), so the write meets the closed end
        .args(["report", "--trials", "0", "-o", "-"])
        .args(crate::support::shipped_scenarios())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run teamcost");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, "");
}
