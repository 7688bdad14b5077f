//! Scenarios in different currencies: shown on one scale they are converted
//! to one currency and say so; a budget needs one currency.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::support::{Run, Workdir, repo};

/// Sales-assistant idea discovery, based in the UK: GBP.
const GBP: &str = "scenarios/agent-idea-discovery.ron";
/// AI search at scale, based in the US: USD.
const USD: &str = "scenarios/ai-search-scale.ron";

fn run(args: &[&str]) -> Run {
    let dir = Workdir::new(&[]);
    let mut all: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    for a in &mut all {
        if a.starts_with("scenarios/") {
            *a = repo().join(&*a).display().to_string();
        }
    }
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    dir.run(&all)
}

fn likely(v: &Value) -> Decimal {
    v["cost"]["likely"]
        .as_str()
        .expect("likely")
        .parse()
        .expect("decimal")
}

#[test]
fn compare_converts_to_the_first_scenarios_currency_and_says_so() {
    let table = run(&["compare", GBP, USD, "--trials", "0"]);
    assert_eq!(table.status, 0, "{}", table.stderr);
    // market-2026's fx: USD per unit, GBP 1.3397; so 1 USD = 1 / 1.3397 =
    // 0.7464357692... GBP, shown to six significant digits
    assert!(
        table.stdout.starts_with(
            "All figures in GBP at fx of market-2026 (nbp-2026-01-16, 2026-01-16): 1 USD = 0.746436 GBP.\n\n"
        ),
        "{}",
        table.stdout
    );

    let converted = run(&["compare", GBP, USD, "--trials", "0", "--format", "json"]);
    let converted: Value = serde_json::from_str(&converted.stdout).expect("json");
    let native = run(&["compare", USD, "--trials", "0", "--format", "json"]);
    let native: Value = serde_json::from_str(&native.stdout).expect("json");
    assert_eq!(converted[0]["currency"], "GBP");
    assert_eq!(converted[1]["currency"], "GBP");
    assert_eq!(native[0]["currency"], "USD");
    // every price is converted exactly (price x 1 / 1.3397), so the total in
    // GBP is the USD total / 1.3397 up to the rounding to cents
    let expected = likely(&native[0]) / Decimal::new(13397, 4);
    let diff = (likely(&converted[1]) - expected).abs();
    assert!(
        diff <= Decimal::new(1, 2),
        "{} vs {expected}",
        likely(&converted[1])
    );
    assert!(
        converted[0].get("conversion").is_none(),
        "the GBP scenario is its own"
    );
    assert_eq!(
        converted[1]["conversion"],
        serde_json::json!({
            "from": "USD", "to": "GBP", "rate": converted[1]["conversion"]["rate"],
            "fx_table": "market-2026", "fx_source": "nbp-2026-01-16", "fx_published": "2026-01-16",
        })
    );
}

#[test]
fn currency_flag_picks_the_scale_and_names_only_the_converted() {
    let out = run(&["compare", GBP, USD, "--trials", "0", "--currency", "USD"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with(
            "All figures in USD at fx of market-2026 (nbp-2026-01-16, 2026-01-16): 1 GBP = 1.3397 USD.\n\n"
        ),
        "{}",
        out.stdout
    );
    let one = run(&["estimate", GBP, "--trials", "0", "--currency", "USD"]);
    assert!(
        one.stdout
            .contains("\nFigures converted from GBP at fx of market-2026 (nbp-2026-01-16, 2026-01-16): 1 GBP = 1.3397 USD.\n"),
        "{}",
        one.stdout
    );
    let csv = run(&["compare", GBP, USD, "--trials", "0", "--format", "csv"]);
    assert!(
        csv.stdout
            .contains("\nConverted from,,USD\nConversion rate,,0.746435769202060162722997686\n"),
        "{}",
        csv.stdout
    );
    let csv = run(&[
        "estimate",
        USD,
        "--trials",
        "0",
        "--format",
        "csv",
        "--currency",
        "GBP",
    ]);
    let rows = crate::support::csv_rows(&csv.stdout);
    let row = |item: &str| crate::support::csv_row(&rows, "conversion", item);
    assert_eq!(row("from")["text"], "USD");
    assert_eq!(row("from")["currency"], "GBP");
    assert_eq!(row("rate")["likely"], "0.746435769202060162722997686");
    assert_eq!(
        row("fx")["text"],
        "fx of market-2026 (nbp-2026-01-16, 2026-01-16)"
    );
    let native = run(&["estimate", GBP, "--trials", "0"]);
    assert!(!native.stdout.contains("converted"), "{}", native.stdout);
}

#[test]
fn estimate_shows_each_in_its_own_currency_unless_it_draws_charts() {
    let out = run(&["estimate", GBP, USD, "--trials", "0", "--format", "json"]);
    let v: Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        (v[0]["currency"].as_str(), v[1]["currency"].as_str()),
        (Some("GBP"), Some("USD"))
    );

    let dir = Workdir::new(&[]);
    let (gbp, usd) = (repo().join(GBP), repo().join(USD));
    let charted = dir.run(&[
        "estimate",
        gbp.to_str().expect("path"),
        usd.to_str().expect("path"),
        "--trials",
        "100",
        "--charts",
        "charts",
        "--format",
        "json",
    ]);
    assert_eq!(charted.status, 0, "{}", charted.stderr);
    let v: Value = serde_json::from_str(&charted.stdout).expect("json");
    assert_eq!(
        (v[0]["currency"].as_str(), v[1]["currency"].as_str()),
        (Some("GBP"), Some("GBP"))
    );
    assert!(dir.path().join("charts/range.svg").exists());
}

#[test]
fn a_budget_over_mixed_currencies_is_refused() {
    let out = run(&["compare", GBP, USD, "--budget", "100000"]);
    assert_eq!(out.status, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: --budget: the scenarios report in different currencies (GBP, USD), so the budget would be a different sum for each\n  \
         = expected: one reporting currency, not GBP: agent-idea-discovery.ron; USD: ai-search-scale.ron\n  \
         = help: pass --currency GBP (or another code) to read the budget, and report every scenario, in that currency\n"
    );
    let chosen = run(&[
        "compare",
        GBP,
        USD,
        "--budget",
        "100000",
        "--currency",
        "USD",
        "--trials",
        "100",
    ]);
    assert_eq!(chosen.status, 3, "over budget, in USD: {}", chosen.stderr);
}

#[test]
fn charts_and_reports_of_mixed_currencies_are_drawn_in_one() {
    let dir = Workdir::new(&[]);
    let (gbp, usd) = (repo().join(GBP), repo().join(USD));
    let (gbp, usd) = (gbp.to_str().expect("path"), usd.to_str().expect("path"));
    let chart = dir.run(&["chart", "range", gbp, usd, "--trials", "100", "-o", "range.svg"]);
    assert_eq!(chart.status, 0, "{}", chart.stderr);
    let svg = std::fs::read_to_string(dir.path().join("range.svg")).expect("svg");
    assert!(svg.contains("GBP"), "the money axis is in GBP");
    assert!(
        svg.contains("1 USD = 0.746436 GBP"),
        "the chart says how it converted"
    );

    let report = dir.run(&["report", gbp, usd, "--trials", "100", "-o", "report.html"]);
    assert_eq!(report.status, 0, "{}", report.stderr);
    let html = std::fs::read_to_string(dir.path().join("report.html")).expect("html");
    assert!(
        html.contains(
            "<dt>Currency</dt><dd>All figures in GBP at fx of market-2026 (nbp-2026-01-16, 2026-01-16): 1 USD = 0.746436 GBP.</dd>"
        ),
        "the report's header says how it converted"
    );
    let markdown = dir.run(&[
        "report",
        gbp,
        usd,
        "--trials",
        "100",
        "--format",
        "markdown",
        "-o",
        "report.md",
    ]);
    assert_eq!(markdown.status, 0, "{}", markdown.stderr);
    let md = std::fs::read_to_string(dir.path().join("report.md")).expect("md");
    assert!(md.contains("All figures in GBP at fx of market-2026"), "{md}");
}

#[test]
fn a_scale_the_rates_cannot_reach_names_where_the_currency_came_from() {
    let us = std::fs::read_to_string(repo().join(USD))
        .expect("shipped")
        .replace(
            "    currency: \"USD\",",
            "    currency: \"USD\",\n    rates: [\"market-2026\", \"mine\"],",
        );
    let dir = Workdir::new(&[
        ("us.ron", us.as_str()),
        (
            "rates/mine.ron",
            r#"RateTable(name: "mine", sources: {}, roles: {}, locations: {}, salaries: [], agency_rates: [],
    fx: (base: "USD", rates: { "EUR": 1.1608, "PLN": 0.27513, "INR": 0.011005 }))"#,
        ),
    ]);
    let gbp = repo().join(GBP);
    let out = dir.run(&["compare", gbp.to_str().expect("path"), "us.ron", "--trials", "0"]);
    assert_eq!(out.status, 2);
    assert_eq!(
        out.stderr,
        "error: the first scenario's currency (GBP), as the scenarios mix currencies: currency GBP has no exchange rate in layers market-2026 + mine\n  \
         = expected: one of USD, EUR, INR, PLN\n  \
         = help: add \"GBP\": <USD per GBP> to fx.rates in rates/mine.ron\n"
    );
}
