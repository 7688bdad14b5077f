//! The report document: its header (date from SOURCE_DATE_EPOCH, version,
//! rate layers, simulation) and the decision summary that opens it, on the
//! worked-example table, in HTML and Markdown.

use assert_cmd::Command;

use crate::support::{ENGINEER, QUOTE, Run, Workdir, hand_table};

/// Two teams on the hand table and the agency quote: the worked example's
/// engineer alone (`ENGINEER`), and the chart tests' engineer with two
/// agency developers, named for this document.
fn team() -> String {
    crate::charts::TEAM.replace(
        "Worked example: an in-house engineer and agency developers",
        "Engineer and developers",
    )
}

/// 2026-01-01 00:00:00 UTC.
const NEW_YEAR: &str = "1767225600";

fn workdir() -> Workdir {
    let hand = hand_table();
    Workdir::new(&[
        ("team.ron", &team()),
        ("engineer.ron", ENGINEER),
        ("rates/hand.ron", &hand),
        ("rates/quote.ron", QUOTE),
    ])
}

/// `teamcost` with SOURCE_DATE_EPOCH set (or removed, for `None`).
fn run(dir: &Workdir, epoch: Option<&str>, args: &[&str]) -> Run {
    let mut command = Command::cargo_bin("teamcost").expect("binary");
    command.current_dir(dir.path()).args(args);
    match epoch {
        Some(e) => command.env("SOURCE_DATE_EPOCH", e),
        None => command.env_remove("SOURCE_DATE_EPOCH"),
    };
    let output = command.output().expect("run teamcost");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

const HTML: [&str; 9] = [
    "report",
    "team.ron",
    "engineer.ron",
    "--trials",
    "500",
    "--seed",
    "7",
    "-o",
    "r.html",
];

fn html(dir: &Workdir) -> String {
    let run = run(dir, Some(NEW_YEAR), &HTML);
    assert_eq!(run.status, 0, "{}", run.stderr);
    std::fs::read_to_string(dir.path().join("r.html")).expect("report")
}

#[test]
fn the_header_says_when_by_which_version_on_which_rates_and_simulation() {
    let html = html(&workdir());
    let header = html
        .split("<header>\n")
        .nth(1)
        .and_then(|h| h.split("</header>").next())
        .expect("a header");
    assert_eq!(
        header,
        format!(
            "<h1>AI team cost: scenarios compared</h1>\n<dl class=\"made\">\n\
             <dt>Made</dt><dd>1 January 2026</dd>\n\
             <dt>teamcost</dt><dd>version {}</dd>\n\
             <dt>Scenarios</dt><dd>2 scenarios, in USD</dd>\n\
             <dt>Rate layers</dt><dd>hand (effective 2026-01-01); quote (no effective date)</dd>\n\
             <dt>Simulation</dt><dd>500 trials per scenario, seed 7</dd>\n</dl>\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    // a phone lays the page out at its own width
    assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
}

#[test]
fn the_decision_summary_is_the_first_section() {
    let html = html(&workdir());
    let main = html.split("<main>\n").nth(1).expect("a main");
    assert!(
        main.starts_with("<section id=\"summary\">\n<h2>Decision summary</h2>\n<p class=\"lead\"><strong>Cheapest per productive person-month: "),
        "{main}"
    );
    let sections: Vec<&str> = main
        .split("<section id=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(
        sections,
        [
            "summary",
            "comparison",
            "periods",
            "who-to-hire",
            "charts",
            "assumptions"
        ]
    );
    // every table scrolls in its own box; the ranking stacks on a phone
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<div class=\"scroll\"").count()
    );
    assert_eq!(html.matches("<table class=\"stack\">").count(), 1);
    // the print and narrow-screen styles are in the page
    for rule in [
        "@media print",
        "break-inside: avoid",
        "overflow-x: auto",
        "@media (max-width: 600px)",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
}

#[test]
fn the_markdown_summary() {
    let dir = workdir();
    let run = run(
        &dir,
        Some(NEW_YEAR),
        &[
            "report",
            "team.ron",
            "engineer.ron",
            "--trials",
            "500",
            "--seed",
            "7",
            "--format",
            "markdown",
            "-o",
            "r.md",
        ],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("r.md")).expect("report");
    let (head, rest) = md.split_once("## Decision summary\n").expect("a summary");
    assert_eq!(
        head,
        format!(
            "# AI team cost: scenarios compared\n\n\
             - **Made:** 1 January 2026\n\
             - **teamcost:** version {}\n\
             - **Scenarios:** 2 scenarios, in USD\n\
             - **Rate layers:** hand (effective 2026-01-01); quote (no effective date)\n\
             - **Simulation:** 500 trials per scenario, seed 7\n\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    let summary = rest.split("\n## Comparison\n").next().expect("the summary");
    insta::assert_snapshot!("document_summary", summary);
}

#[test]
fn the_same_files_and_epoch_give_the_same_document() {
    let dir = workdir();
    let first = html(&dir);
    assert_eq!(html(&dir), first);
}

#[test]
fn without_source_date_epoch_the_report_is_dated_today() {
    let dir = workdir();
    let run = run(&dir, None, &HTML);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("r.html")).expect("report");
    let made = html
        .split("<dt>Made</dt><dd>")
        .nth(1)
        .and_then(|m| m.split("</dd>").next())
        .expect("a date");
    let year: u32 = made
        .rsplit(' ')
        .next()
        .and_then(|y| y.parse().ok())
        .expect("a year");
    assert!(year >= 2026 && made != "1 January 1970", "{made}");
}

#[test]
fn a_source_date_epoch_that_is_not_a_number_is_bad_input() {
    let dir = workdir();
    let run = run(&dir, Some("yesterday"), &HTML);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: SOURCE_DATE_EPOCH: `yesterday` is not a date\n  \
= expected: a whole number of seconds since 1970-01-01 UTC, such as 1767225600\n  \
= help: unset SOURCE_DATE_EPOCH to date the report now\n"
    );
    assert!(!dir.path().join("r.html").exists());
}

#[test]
fn scenarios_in_two_currencies_are_not_ranked() {
    // through the library, which takes the date as a value: the engineer
    // reported in EUR beside the same engineer in USD (the binary refuses
    // to chart the two; the summary asks for one currency rather than
    // compare them)
    use std::sync::Arc;
    use teamcost::input::source::Source;
    use teamcost::rates::{Layers, RateTable};
    use teamcost::report::assumptions;
    use teamcost::report::document::{Document, Made, html};
    use teamcost::{Assessment, Scenario};

    let hand = hand_table();
    let table = RateTable::read(Source::new("hand.ron", &hand)).expect("hand table");
    let quote = RateTable::read(Source::new("quote.ron", QUOTE)).expect("quote");
    let layers = Layers::new(vec![Arc::new(table), Arc::new(quote)]).expect("layers");
    let in_euros = ENGINEER.replace("    rates:", "    currency: \"EUR\",\n    rates:");
    let estimates: Vec<Assessment> = [ENGINEER, in_euros.as_str()]
        .iter()
        .map(|text| {
            let scenario = Scenario::read(Source::new("e.ron", text)).expect("scenario");
            teamcost::assess_in(scenario, layers.clone(), None).expect("estimate")
        })
        .collect();
    let doc = Document {
        title: "Two currencies",
        made: Made {
            at: jiff::Timestamp::from_second(1_767_225_600).expect("a time"),
            trials: 0,
            seed: 1,
        },
        estimates: &estimates,
        assumptions: &assumptions::gather(&estimates),
        briefs: &[],
        figures: &[],
    };
    let html = html(&doc);
    assert!(
        html.contains("<p class=\"lead\"><strong>The scenarios are in different currencies (EUR, USD): make the report with --currency to compare them.</strong></p>"),
        "{html}"
    );
    assert!(html.contains("<dt>Scenarios</dt><dd>2 scenarios, in EUR, USD</dd>"));
    assert!(html.contains("<dt>Simulation</dt><dd>not run (--trials 0)</dd>"));
    // each figure with its currency, in the order given
    assert!(
        html.contains("<td data-label=\"Per productive person-month, likely\">USD 19,920.00</td>"),
        "{html}"
    );
    assert!(html.contains("p10 to p90: the simulation was not run (--trials 0)."));
}
