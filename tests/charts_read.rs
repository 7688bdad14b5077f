//! Charts read the way the data is: no tick label twice, no flat line that
//! is not in the data, no two legend names the same, totals and budget
//! overruns written on the bars, roles named by their titles.

use crate::charts::{TEAM, draw, has_text, workdir};
use crate::support::{Workdir, repo};

/// The text of every `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once(">\n").map(|(_, rest)| rest))
        .filter_map(|t| t.split_once("\n</text>").map(|(text, _)| text.to_string()))
        .collect()
}

/// The texts that are plain numbers: the ticks of a month or FTE axis.
fn numbers(svg: &str) -> Vec<String> {
    texts(svg)
        .into_iter()
        .filter(|t| t.parse::<f64>().is_ok())
        .collect()
}

fn assert_distinct(what: &str, labels: &[String]) {
    for (i, l) in labels.iter().enumerate() {
        assert!(!labels[..i].contains(l), "{what}: {l} twice in {labels:?}");
    }
}

/// The points of every polyline drawn in `colour`, in pixels.
fn polylines(svg: &str, colour: &str) -> Vec<Vec<(i32, i32)>> {
    svg.split("<polyline")
        .skip(1)
        .filter(|p| p.contains(&format!("stroke=\"{colour}\"")))
        .filter_map(|p| p.split("points=\"").nth(1)?.split('"').next())
        .map(|points| {
            points
                .split_whitespace()
                .filter_map(|xy| {
                    let (x, y) = xy.split_once(',')?;
                    Some((x.parse().ok()?, y.parse().ok()?))
                })
                .collect()
        })
        .collect()
}

#[test]
fn burn_ticks_whole_months_once_each_for_any_duration() {
    for months in ["1", "2", "3", "6", "36", "120", "1.5", "4"] {
        let scenario = TEAM.replace("duration_months: 12", &format!("duration_months: {months}"));
        let dir = Workdir::new(&[
            ("a.ron", &scenario),
            ("rates/hand.ron", &crate::support::hand_table()),
            ("rates/quote.ron", crate::support::QUOTE),
        ]);
        let svg = draw(&dir, "burn", &["a.ron"]);
        let ticks = numbers(&svg);
        assert!(ticks.len() >= 2, "{months}: {ticks:?}");
        let values: Vec<f64> = ticks.iter().map(|t| t.parse().expect("number")).collect();
        assert!(values.iter().all(|v| v.fract() == 0.0), "{months}: {ticks:?}");
        assert!(values.windows(2).all(|w| w[0] < w[1]), "{months}: {ticks:?}");
        // the last whole month of the project is on the axis
        let whole = months.parse::<f64>().expect("months").floor();
        assert!(values.last().is_some_and(|v| *v <= whole), "{months}: {ticks:?}");
    }
}

#[test]
fn breakeven_lines_stop_at_the_top_edge_with_their_true_value() {
    let dir = workdir();
    let svg = draw(&dir, "breakeven", &["b.ron"]);
    // the in-house line costs most in its first months, above the axis
    let label = texts(&svg)
        .into_iter()
        .find(|t| t.starts_with("off the scale: $"))
        .expect("an off-scale label");
    // the engineer is hired after 3 months: the line starts at month 4
    assert!(label.ends_with(" at 4 months"), "{label}");
    let lines: Vec<Vec<(i32, i32)>> = ["#0072B2", "#E69F00"]
        .iter()
        .flat_map(|c| polylines(&svg, c))
        .filter(|l| l.len() > 2)
        .collect();
    assert!(!lines.is_empty());
    let top = lines.iter().flatten().map(|p| p.1).min().expect("points");
    for line in &lines {
        assert!(
            line.windows(2).all(|w| !(w[0].1 == top && w[1].1 == top)),
            "a flat run along the top edge: {line:?}"
        );
    }
}

#[test]
fn legend_names_that_share_a_long_start_stay_apart() {
    let named = |name: &str| TEAM.replace("Worked example: an in-house engineer and agency developers", name);
    let hand = crate::support::hand_table();
    let (a, b) = (
        named("Support-ticket summarizer: prototype"),
        named("Support-ticket summarizer: prototype in-house (US)"),
    );
    let mut files: Vec<(String, String)> = vec![("a.ron".into(), a), ("b.ron".into(), b)];
    // two: each name whole over two lines
    let dir = Workdir::new(&[
        ("a.ron", &files[0].1),
        ("b.ron", &files[1].1),
        ("rates/hand.ron", &hand),
        ("rates/quote.ron", crate::support::QUOTE),
    ]);
    let svg = draw(&dir, "burn", &["a.ron", "b.ron"]);
    assert!(has_text(&svg, "prototype") && has_text(&svg, "prototype in-house (US)"));
    assert!(!svg.contains("protot…"));
    // nine long names: one line each, cut so that no two read the same
    for k in 0..7 {
        files.push((
            format!("{k}.ron"),
            named(&format!(
                "Scenario number {k} with a name far too long for one line"
            )),
        ));
    }
    let mut all: Vec<(&str, &str)> = files.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    all.push(("rates/hand.ron", &hand));
    all.push(("rates/quote.ron", crate::support::QUOTE));
    let dir = Workdir::new(&all);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for kind in ["burn", "distribution"] {
        let svg = draw(&dir, kind, &names);
        let legend: Vec<String> = texts(&svg)
            .into_iter()
            .filter(|t| t.starts_with("Support-ticket") || t.starts_with("Scenario number"))
            .collect();
        assert!(legend.len() >= 9, "{kind}: {legend:?}");
        assert_distinct(kind, &legend);
    }
    // the rows of a bar chart: the ends that differ, whole
    let svg = draw(&dir, "mix", &names);
    assert!(has_text(&svg, "prototype") && has_text(&svg, "prototype in-house (US)"));
}

#[test]
fn breakdown_writes_each_total_on_its_bar() {
    let dir = workdir();
    let svg = draw(&dir, "breakdown", &["a.ron", "b.ron"]);
    // likely 341k and 149,400 (the range chart's diamonds)
    assert!(
        has_text(&svg, "$341k") && has_text(&svg, "$149k"),
        "{:?}",
        texts(&svg)
    );
}

#[test]
fn range_marks_the_bars_over_the_budget_and_says_what_the_mark_means() {
    let dir = workdir();
    // a (likely 341k) is over 200k at p90, b (149k) is not; a chart
    // draws the budget, the gate's status 3 is estimate's
    let run = dir.run(&[
        "chart", "range", "a.ron", "b.ron", "--budget", "200000", "-o", "r.svg",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.path().join("r.svg")).expect("chart written");
    assert_eq!(svg.matches(">\nover budget\n</text>").count(), 1);
    assert!(has_text(&svg, "budget $200k"));
    let key = texts(&svg).join(" ");
    assert!(
        key.contains("hatched, outlined: over budget (its p90 cost is above the budget)"),
        "{key}"
    );
    // under every budget: nothing marked
    let run = dir.run(&[
        "chart", "range", "a.ron", "b.ron", "--budget", "900000", "-o", "r.svg",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.path().join("r.svg")).expect("chart written");
    assert!(!svg.contains(">\nover budget\n</text>"));
}

#[test]
fn mix_names_roles_by_title_and_ticks_fte_once_each() {
    let dir = workdir();
    let svg = draw(&dir, "mix", &["a.ron", "b.ron"]);
    assert!(has_text(&svg, "AI engineer (engineering)"), "{:?}", texts(&svg));
    assert!(has_text(&svg, "AI developer (development)"));
    assert!(!svg.contains("ai-engineer (engineering)"));
    // 0 to 2.7 FTE: ticks every half FTE, each once (plotters wrote "0 0 1 2 2 2")
    let ticks = numbers(&svg);
    assert_eq!(ticks, ["0", "0.5", "1", "1.5", "2", "2.5"]);
    // the bars are named by their scenarios
    assert!(has_text(&svg, "Engineer") && has_text(&svg, "Worked example: an in-house"));
}

#[test]
fn distribution_percentiles_read_apart() {
    // p10 and p50 were both "$1.4M" on this one
    let file = repo().join("scenarios/fraud-detection-production.ron");
    let dir = Workdir::new(&[]);
    let out = dir.path().join("d.svg");
    let run = dir.run(&[
        "chart",
        "distribution",
        &file.display().to_string(),
        "-o",
        &out.display().to_string(),
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(out).expect("chart written");
    let values: Vec<String> = texts(&svg)
        .into_iter()
        .filter(|t| t.starts_with("p10 ") || t.starts_with("p50 ") || t.starts_with("p90 "))
        .map(|t| t[4..].to_string())
        .collect();
    assert_eq!(values.len(), 3, "{values:?}");
    assert_distinct("percentiles", &values);
}
