//! Charts and the report through the binary, on the worked-example table.
//! Each chart is rasterised with the embedded DejaVu Sans to prove its text
//! is drawn; SVGs are snapshot-tested and must be the same bytes each run.

use crate::support::{ENGINEER, QUOTE, Workdir, hand_table, repo, shipped_scenarios};

pub(crate) const TEAM: &str = r#"Scenario(
    name: "Worked example: an in-house engineer and agency developers",
    stage: Pilot,
    duration_months: 12,
    location: "us",
    engagement: InHouse,
    rates: ["hand", "quote"],
    team: Seats([
        (role: "ai-engineer", level: Senior),
        (role: "ai-developer", level: Mid, count: 2, allocation: 0.5, engagement: Agency),
    ]),
)
"#;

pub(crate) fn workdir() -> Workdir {
    let hand = hand_table();
    Workdir::new(&[
        ("a.ron", TEAM),
        ("b.ron", ENGINEER),
        ("rates/hand.ron", &hand),
        ("rates/quote.ron", QUOTE),
    ])
}

/// Dark pixels in the rows `rows` of the SVG rendered to PNG; `fonts`
/// false renders with no font at all (resvg then draws no text).
fn dark_pixels(svg: &str, rows: std::ops::Range<u32>, fonts: bool) -> usize {
    let mut options = resvg::usvg::Options::default();
    if fonts {
        let db = options.fontdb_mut();
        db.load_font_data(dejavu::sans::regular().to_vec());
        db.set_sans_serif_family("DejaVu Sans");
    }
    let tree = resvg::usvg::Tree::from_str(svg, &options).expect("valid SVG");
    let size = tree.size().to_int_size();
    assert_eq!((size.width(), size.height()), (1600, 900), "a 16:9 slide");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).expect("pixmap");
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    let width = size.width() as usize;
    pixmap
        .pixels()
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            rows.contains(&((i / width) as u32))
                && p.alpha() > 200
                && p.red() < 90
                && p.green() < 90
                && p.blue() < 90
        })
        .count()
}

pub(crate) fn draw(dir: &Workdir, kind: &str, files: &[&str]) -> String {
    let out = format!("{kind}.svg");
    let mut args = vec!["chart", kind, "-o", &out];
    args.extend(files);
    let run = dir.run(&args);
    assert_eq!(run.status, 0, "{kind}: {}", run.stderr);
    assert_eq!(run.stdout, "");
    std::fs::read_to_string(dir.path().join(&out)).expect("chart written")
}

#[test]
fn every_kind_draws_its_text_the_same_way_each_time() {
    let dir = workdir();
    let cases: [(&str, &[&str]); 8] = [
        ("range", &["a.ron", "b.ron"]),
        ("breakdown", &["a.ron", "b.ron"]),
        ("burn", &["a.ron", "b.ron"]),
        ("mix", &["a.ron", "b.ron"]),
        ("distribution", &["a.ron", "b.ron"]),
        ("tornado", &["a.ron"]),
        ("breakeven", &["b.ron"]),
        ("delivery", &["a.ron", "b.ron"]),
    ];
    for (kind, files) in cases {
        let svg = draw(&dir, kind, files);
        assert!(svg.starts_with("<svg"), "{kind}");
        assert_eq!(svg, draw(&dir, kind, files), "{kind}: same input, same bytes");
        // the title band holds the title: dark text with the font, none without
        let with_font = dark_pixels(&svg, 10..70, true);
        assert!(with_font > 300, "{kind}: title drawn ({with_font} dark pixels)");
        assert_eq!(
            dark_pixels(&svg, 10..70, false),
            0,
            "{kind}: the dark pixels up there are text"
        );
        insta::assert_snapshot!(format!("chart_{kind}"), svg);
    }
}

#[test]
fn charts_refuse_what_they_cannot_show() {
    let dir = workdir();
    let two = dir.run(&["chart", "tornado", "a.ron", "b.ron", "-o", "x.svg"]);
    assert_eq!(two.status, 2);
    assert!(
        two.stderr
            .contains("a tornado chart shows one scenario; name one file"),
        "{}",
        two.stderr
    );
    let no_sim = dir.run(&["chart", "distribution", "a.ron", "--trials", "0", "-o", "x.svg"]);
    assert_eq!(no_sim.status, 2);
    assert!(
        no_sim
            .stderr
            .contains("the distribution needs the simulation: drop --trials 0"),
        "{}",
        no_sim.stderr
    );
}

#[test]
fn compare_writes_every_chart_that_applies() {
    let dir = workdir();
    let run = dir.run(&["compare", "a.ron", "b.ron", "--charts", "charts"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let mut files: Vec<String> = std::fs::read_dir(dir.path().join("charts"))
        .expect("charts/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // a.ron's developers have no salary in the layers: no break-even for a
    assert_eq!(
        files,
        [
            "breakdown.svg",
            "breakeven-b.svg",
            "burn.svg",
            "distribution.svg",
            "mix.svg",
            "range.svg",
            "tornado-a.svg",
            "tornado-b.svg"
        ]
    );
    assert!(
        run.stderr.starts_with("note: no break-even chart for a: "),
        "{}",
        run.stderr
    );
}

/// Every `src="…"` and `href="…"` value in a document.
fn links(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for attr in ["src=\"", "href=\""] {
        for part in html.split(attr).skip(1) {
            out.push(part.split('"').next().unwrap_or("").to_string());
        }
    }
    out
}

#[test]
fn the_html_report_holds_everything_and_fetches_nothing() {
    let files: Vec<String> = shipped_scenarios()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let dir = Workdir::new(&[]);
    let mut args = vec!["report", "--currency", "USD", "-o", "out/report.html"];
    args.extend(files.iter().map(String::as_str));
    let run = dir.run(&args);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("out/report.html")).expect("report");
    // 5 charts of all scenarios, the delivery of those with a goal (the
    // contract-review agent's Recommend target) + a tornado and a
    // break-even for each
    assert_eq!(html.matches("<svg").count(), 5 + 1 + 2 * files.len());
    assert!(html.contains("<h2>Comparison</h2>") && html.contains("<td>Cost likely</td>"));
    for scenario in [
        "Fraud detection: production (Germany, in-house)",
        "AI search platform: scale (hybrid)",
    ] {
        assert!(html.contains(scenario), "{scenario}");
    }
    assert!(html.contains("Employer terms: Germany (germany, EUR)"));
    assert!(html.contains("<h3>Exchange rates (units of the base per unit)</h3>"));
    for source in [
        "aijobs-net-2025",
        "stepstone-2025",
        "topechelon-markup",
        "itjobswatch-2026",
        "quess-2025",
    ] {
        assert!(
            html.contains(&format!("<li><b>{source}</b>")),
            "source {source} listed"
        );
    }
    // the only links are the sources' own addresses (those of the sources
    // the shipped scenarios' entries name)
    let shipped = std::fs::read_to_string(repo().join("rates/market-2026.ron")).expect("shipped table");
    let links = links(&html);
    assert!(links.len() >= 5, "{links:?}");
    for link in links {
        assert!(
            link.starts_with("https://") && shipped.contains(&format!("url: \"{link}\"")),
            "{link} is not a source's address"
        );
    }
}

#[test]
fn the_markdown_report_links_charts_written_beside_it() {
    let dir = workdir();
    let run = dir.run(&[
        "report",
        "a.ron",
        "b.ron",
        "--format",
        "markdown",
        "-o",
        "wiki/costs.md",
    ]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("wiki/costs.md")).expect("report");
    assert!(md.starts_with("# AI team cost: scenarios compared\n"));
    let images: Vec<&str> = md
        .split("](")
        .skip(1)
        .filter_map(|p| p.split(')').next())
        .collect();
    assert_eq!(images.len(), 8, "{md}");
    for image in images {
        assert!(
            dir.path().join("wiki").join(image).is_file(),
            "{image} written beside the report"
        );
    }
    assert!(md.contains("- **s**: worked example (published 2026)."), "{md}");
}

/// A plan on the hand table, built in code until the reader of `phases`,
/// windows and `costs` lands: agency developers from the start, two of
/// whom leave after the pilot; an engineer searched for from month 3 and
/// two more from month 9; an LLM bill from the pilot on.
mod plan {
    use std::sync::Arc;

    use rust_decimal_macros::dec;
    use teamcost::input::origin::{Located, Origin};
    use teamcost::input::source::Source;
    use teamcost::range::Range;
    use teamcost::rates::{Layers, RateTable};
    use teamcost::scenario::{CostLine, Phase, Team};
    use teamcost::vocabulary::Stage;
    use teamcost::{Assessment, Scenario};

    const PLAN: &str = r#"Scenario(
    name: "Support assistant: prototype to production",
    stage: Prototype,
    duration_months: 18,
    location: "us",
    engagement: InHouse,
    rates: ["hand"],
    team: Seats([
        (role: "ai-developer", level: Mid, count: 2, engagement: Agency),
        (role: "ai-developer", level: Mid, engagement: Agency),
        (role: "ai-engineer", level: Senior),
        (role: "ai-engineer", level: Senior, count: 2),
    ]),
)
"#;

    pub fn layers() -> Layers {
        let hand = crate::support::hand_table();
        let table = RateTable::read(Source::new("hand.ron", &hand)).expect("hand table");
        Layers::new(vec![Arc::new(table)]).expect("layers")
    }

    /// The plan as written, before its phases and windows are set.
    pub fn scenario() -> Scenario {
        Scenario::read(Source::new("plan.ron", PLAN)).expect("plan reads")
    }

    pub fn estimate(scenario: &Scenario) -> Assessment {
        teamcost::assess_in(scenario.clone(), layers(), None).expect("estimate")
    }

    /// Prototype [0, 4), Pilot [4, 10), Production [10, 18).
    pub fn phased(mut s: Scenario) -> Scenario {
        let phase = |stage, start, end| Phase { stage, start, end };
        s.phases = vec![
            phase(Stage::Prototype, dec!(0), dec!(4)),
            phase(Stage::Pilot, dec!(4), dec!(10)),
            phase(Stage::Production, dec!(10), dec!(18)),
        ];
        if let Team::Seats(seats) = &mut s.team {
            seats[0].until_month = Some(dec!(10));
            seats[2].from_month = dec!(3);
            seats[3].from_month = dec!(9);
        }
        s
    }

    pub fn with_costs(mut s: Scenario) -> Scenario {
        s.costs = vec![CostLine {
            name: Located::new("LLM API".into(), Origin::new("plan.ron")),
            monthly: Range::single(dec!(3000)),
            once: Range::single(dec!(0)),
            from_month: dec!(4),
            until_month: None,
            currency: None,
        }];
        s
    }
}

fn chart(kind: teamcost::plot::Kind, estimates: &[teamcost::Assessment]) -> String {
    let data = teamcost::plot::ChartData {
        estimates,
        budget: None,
    };
    teamcost::plot::draw(kind, &data).expect("chart")
}

/// The title (and for `rows`, more) is text that is drawn: dark pixels with
/// the font, none without it.
fn assert_text_drawn(svg: &str, what: &str, rows: std::ops::Range<u32>) {
    let with_font = dark_pixels(svg, rows.clone(), true);
    assert!(with_font > 300, "{what}: text drawn ({with_font} dark pixels)");
    assert_eq!(
        dark_pixels(svg, rows, false),
        0,
        "{what}: the dark pixels are text"
    );
}

/// Whether the SVG writes `text` as one text element.
pub(crate) fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!(">\n{text}\n</text>"))
}

/// The first band's grey (translucent black), as the SVG writes it.
const BAND: &str = "opacity=\"0.045\" fill=\"#000000\"";

#[test]
fn a_plan_burns_in_shaded_phases_with_its_seats_marked() {
    use teamcost::plot::Kind;
    let e = plan::estimate(&plan::phased(plan::scenario()));
    assert_eq!(e.phases.len(), 3);
    let svg = chart(Kind::Burn, std::slice::from_ref(&e));
    assert_text_drawn(&svg, "title", 10..70);
    // the stage names at the top of the plot
    assert_text_drawn(&svg, "stage names", 80..105);
    for text in [
        "Prototype",
        "Pilot",
        "Production",
        "+ AI engineer Senior",
        "+ 2 AI engineer Senior",
        "- 2 AI developer Mid",
        "position opens (+)",
        "seat leaves (-)",
    ] {
        assert!(has_text(&svg, text), "{text} in the burn chart");
    }
    assert_eq!(svg.matches(BAND).count(), 2, "Prototype and Production");
    insta::assert_snapshot!("chart_burn_plan", svg);
}

#[test]
fn bands_only_when_every_line_has_the_same_phases() {
    use teamcost::plot::Kind;
    let phased = plan::estimate(&plan::phased(plan::scenario()));
    let single = plan::estimate(&plan::scenario());
    let both = chart(Kind::Burn, &[phased.clone(), phased.clone()]);
    assert_eq!(both.matches(BAND).count(), 2);
    // a single-stage line beside a plan: no band is true of both
    let mixed = chart(Kind::Burn, &[phased, single.clone()]);
    assert_eq!(mixed.matches(BAND).count(), 0);
    assert!(!has_text(&mixed, "Pilot"));
    // the plan's seats are still marked, on its own line
    assert!(has_text(&mixed, "+ AI engineer Senior"));
    // a single stage read from a file draws as it always did: no band, no marker
    let alone = chart(Kind::Burn, &[single]);
    assert!(!alone.contains(BAND) && !alone.contains("<circle"));
}

#[test]
fn a_plan_mixes_phase_by_phase() {
    use teamcost::plot::Kind;
    let e = plan::estimate(&plan::phased(plan::scenario()));
    // planned FTE: Prototype eng 1 x 1 month / 4; Pilot (1 x 6 + 2 x 1) / 6;
    // Production 3; developers 3, 3, 1
    let eng: Vec<String> = e
        .phases
        .iter()
        .map(|p| p.engineering_fte.round_dp(2).to_string())
        .collect();
    assert_eq!(eng, ["0.25", "1.33", "3"]);
    let svg = chart(Kind::Mix, std::slice::from_ref(&e));
    assert_text_drawn(&svg, "title", 10..70);
    for text in [
        "Prototype (months 0 to 4)",
        "Pilot (months 4 to 10)",
        "Production (months 10 to 18)",
        " 0.25 eng + 3 dev",
        " 1.33 eng + 3 dev",
        " 3 eng + 1 dev",
        "engineering",
        "development",
    ] {
        assert!(has_text(&svg, text), "{text} in the mix chart");
    }
    insta::assert_snapshot!("chart_mix_plan", svg);
    // two scenarios: the mix of whole teams, by role
    let two = chart(Kind::Mix, &[e.clone(), e]);
    assert!(has_text(&two, "AI engineer (engineering)") && !two.contains("months 0 to 4"));
}

#[test]
fn breakdown_shows_other_only_when_a_scenario_has_it() {
    use teamcost::plot::Kind;
    let mut with_bill = plan::with_costs(plan::phased(plan::scenario()));
    with_bill.name = "The plan with its LLM bill".into();
    let lined = plan::estimate(&with_bill);
    // 3000 a month over [4, 18)
    assert_eq!(lined.components.other, rust_decimal_macros::dec!(42000));
    let plain = plan::estimate(&plan::scenario());
    let svg = chart(Kind::Breakdown, &[lined, plain.clone()]);
    assert_text_drawn(&svg, "title", 10..70);
    assert!(has_text(&svg, "other"));
    insta::assert_snapshot!("chart_breakdown_other", svg);
    assert!(!has_text(&chart(Kind::Breakdown, &[plain]), "other"));
}

/// The body of a committed snapshot: what follows its header.
fn snapshot(name: &str) -> String {
    let path = crate::support::repo().join(format!("tests/snapshots/lib__charts__{name}.snap"));
    let text = std::fs::read_to_string(path).expect("snapshot");
    text.splitn(3, "---\n").nth(2).expect("header").to_string()
}

#[test]
fn single_stage_charts_are_the_same_bytes_as_before_plans() {
    let dir = workdir();
    for kind in ["burn", "mix", "breakdown"] {
        let svg = draw(&dir, kind, &["a.ron", "b.ron"]);
        assert_eq!(
            svg.trim_end(),
            snapshot(&format!("chart_{kind}")).trim_end(),
            "{kind}"
        );
        assert!(!svg.contains(BAND) && !svg.contains("<circle"), "{kind}");
    }
}

/// Every text of the SVG in order, joined by spaces: what a reader reads,
/// wrapped lines put back together.
fn words(svg: &str) -> String {
    svg.split("</text>")
        .filter_map(|part| part.rsplit_once(">\n").map(|(_, text)| text.trim()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The worked example with a goal: `name` for the scenario, the goal as
/// written, and `until` (a month) ending every seat early when given.
fn with_goal(name: &str, goal: &str, until: Option<u32>) -> String {
    let mut text = TEAM
        .replace("Worked example: an in-house engineer and agency developers", name)
        .replace("\n)\n", &format!("\n    goal: {goal},\n)\n"));
    if let Some(u) = until {
        text = text
            .replace("level: Senior)", &format!("level: Senior, until_month: {u})"))
            .replace(
                "engagement: Agency)",
                &format!("engagement: Agency, until_month: {u})"),
            );
    }
    text
}

/// Scenarios of the worked example with a goal: met inside the plan (10
/// person-months by month 10: 15.50 delivered by then, done in month 8),
/// reached past its end (24 by month 12: 19.50 by then, done at the end
/// rates in month 15) and never reached (every seat leaves at month 9, no
/// one works at the end); `none.ron` has no goal.
fn goal_workdir() -> Workdir {
    let hand = hand_table();
    let met = with_goal("Met inside the plan", "(effort_pm: 10, by_month: 10)", None);
    let past = with_goal("Reached past the end", "(effort_pm: 24, by_month: 12)", None);
    let never = with_goal("Never reached", "(effort_pm: 20, by_month: 12)", Some(9));
    Workdir::new(&[
        ("met.ron", &met),
        ("past.ron", &past),
        ("never.ron", &never),
        ("none.ron", TEAM),
        ("rates/hand.ron", &hand),
        ("rates/quote.ron", QUOTE),
    ])
}

/// The translucent band of the first scenario's colour, as the SVG writes it.
const OUTPUT_BAND: &str = "opacity=\"0.2\" fill=\"#0072B2\"";

#[test]
fn delivery_marks_a_goal_met_inside_the_plan() {
    let dir = goal_workdir();
    let svg = draw(&dir, "delivery", &["met.ron"]);
    assert_text_drawn(&svg, "title", 10..70);
    for text in [
        "Cumulative output against the goal",
        "Goal: 10 person-months",
        "wanted by month 10",
        "delivered in month 8",
        "Cumulative productive person-months",
        "Met inside the plan",
        "Shaded: p10 to p90 of the output in 10,000 simulated",
    ] {
        assert!(words(&svg).contains(text), "{text} in the delivery chart");
    }
    // inside the plan: no dashed extension, no end of plan marked
    assert!(!svg.contains("end of plan") && !svg.contains("past the end of the plan"));
    assert_eq!(svg.matches(OUTPUT_BAND).count(), 1, "one band");
    assert_eq!(svg, draw(&dir, "delivery", &["met.ron"]), "same bytes");
    insta::assert_snapshot!("chart_delivery_met", svg);
}

#[test]
fn delivery_past_the_end_runs_on_dashed_at_the_end_rates() {
    let dir = goal_workdir();
    let svg = draw(&dir, "delivery", &["past.ron"]);
    for text in [
        "Goal: 24 person-months",
        "wanted by month 12",
        // t* = 14.2: month 15
        "delivered in month 15",
        "end of plan: month 12",
        "past the end of the plan, at its end rates",
    ] {
        assert!(words(&svg).contains(text), "{text} in the delivery chart");
    }
    insta::assert_snapshot!("chart_delivery_past", svg);
}

#[test]
fn delivery_of_a_goal_never_reached_says_so() {
    let dir = goal_workdir();
    let svg = draw(&dir, "delivery", &["never.ron"]);
    assert!(has_text(&svg, "goal not reached at the end rates"));
    assert!(has_text(&svg, "Goal: 20 person-months"));
    assert!(!svg.contains("delivered in month") && !svg.contains("end of plan"));
    insta::assert_snapshot!("chart_delivery_never", svg);
}

#[test]
fn delivery_draws_a_line_per_scenario_and_each_goal_once() {
    let dir = goal_workdir();
    let svg = draw(
        &dir,
        "delivery",
        &["met.ron", "past.ron", "never.ron", "none.ron"],
    );
    for text in [
        "Met inside the plan",
        "Reached past the end",
        "Never reached",
        "Worked example: an in-house engineer and agency",
        "Goal: 10 person-months",
        "Goal: 24 person-months",
        "Goal: 20 person-months",
        "delivered in month 8",
        "delivered in month 15",
        "goal not reached at the end rates",
    ] {
        assert!(words(&svg).contains(text), "{text} in the delivery chart");
    }
    // three goals, one scenario without: three goal names
    assert_eq!(svg.matches(">\nGoal: ").count(), 3);
    insta::assert_snapshot!("chart_delivery_several", svg);
    // two scenarios of one goal: it is drawn once
    let alternatives = Workdir::new(&[
        (
            "a.ron",
            &with_goal("Option A", "(effort_pm: 10, by_month: 10)", None),
        ),
        (
            "b.ron",
            &with_goal("Option B", "(effort_pm: 10, by_month: 10)", Some(9)),
        ),
        ("rates/hand.ron", &hand_table()),
        ("rates/quote.ron", QUOTE),
    ]);
    let svg = draw(&alternatives, "delivery", &["a.ron", "b.ron"]);
    assert_eq!(svg.matches("Goal: 10 person-months").count(), 1, "one goal line");
    assert_eq!(svg.matches("wanted by month 10").count(), 1);
}

#[test]
fn delivery_shades_the_band_only_with_the_simulation() {
    let dir = goal_workdir();
    let run = dir.run(&["chart", "delivery", "met.ron", "--trials", "0", "-o", "d.svg"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.path().join("d.svg")).expect("chart");
    assert!(!svg.contains(OUTPUT_BAND) && !svg.contains("Shaded"));
    assert!(has_text(&svg, "delivered in month 8"));
    // more trials than the band reads: it says how many it read
    let run = dir.run(&["chart", "delivery", "met.ron", "--trials", "12000", "-o", "d.svg"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.path().join("d.svg")).expect("chart");
    assert!(svg.contains(OUTPUT_BAND));
    assert!(
        words(&svg).contains("10,240 simulated outcomes (the first 10,240 of 12,000 trials)"),
        "band note"
    );
}

#[test]
fn delivery_without_a_goal_draws_the_output_and_says_no_goal_is_set() {
    let dir = goal_workdir();
    let svg = draw(&dir, "delivery", &["none.ron"]);
    assert!(has_text(&svg, "Cumulative output, month by month"));
    assert!(words(&svg).contains("No goal is set for this scenario: only the output is drawn."));
    assert!(!svg.contains("Goal:") && !svg.contains(OUTPUT_BAND));
}

#[test]
fn delivery_of_a_broken_file_is_a_located_error_and_writes_nothing() {
    let dir = goal_workdir();
    std::fs::write(
        dir.path().join("bad.ron"),
        "Scenario(\n    name: \"x\",\n    goal: 5,\n)\n",
    )
    .expect("bad file");
    let run = dir.run(&["chart", "delivery", "met.ron", "bad.ron", "-o", "d.svg"]);
    assert_eq!(run.status, 2, "{}", run.stderr);
    assert!(run.stderr.starts_with("error: bad.ron:"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(!dir.path().join("d.svg").exists(), "no partial chart");
}

#[test]
fn the_charts_of_a_compare_hold_the_delivery_when_a_scenario_has_a_goal() {
    let dir = goal_workdir();
    let run = dir.run(&["compare", "met.ron", "none.ron", "past.ron", "--charts", "charts"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let svg = std::fs::read_to_string(dir.path().join("charts/delivery.svg")).expect("delivery.svg");
    let text = words(&svg);
    assert!(text.contains("Met inside the plan") && text.contains("Reached past the end"));
    // the scenario without a goal is drawn too, without goal marks
    assert!(text.contains("Worked example"));
    assert_eq!(svg.matches(">\nGoal: ").count(), 2);
    // none of them with a goal: no delivery chart
    let run = dir.run(&["compare", "none.ron", "--charts", "plain"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert!(!dir.path().join("plain/delivery.svg").exists());
}
