//! Charts and the report through the binary, on the worked-example table.
//! Each chart is rasterised with the embedded DejaVu Sans to prove its text
//! is drawn; SVGs are snapshot-tested and must be the same bytes each run.

use crate::support::{ENGINEER, QUOTE, Workdir, hand_table, shipped_scenarios};

const TEAM: &str = r#"Scenario(
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

fn workdir() -> Workdir {
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

fn draw(dir: &Workdir, kind: &str, files: &[&str]) -> String {
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
    let cases: [(&str, &[&str]); 7] = [
        ("range", &["a.ron", "b.ron"]),
        ("breakdown", &["a.ron", "b.ron"]),
        ("burn", &["a.ron", "b.ron"]),
        ("mix", &["a.ron", "b.ron"]),
        ("distribution", &["a.ron", "b.ron"]),
        ("tornado", &["a.ron"]),
        ("breakeven", &["b.ron"]),
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
    let eur = TEAM.replace(
        "engagement: InHouse,",
        "engagement: InHouse,\n    currency: \"EUR\",",
    );
    std::fs::write(dir.path().join("eur.ron"), eur).expect("write");
    let mixed = dir.run(&["chart", "range", "a.ron", "eur.ron", "-o", "x.svg"]);
    assert_eq!(mixed.status, 2);
    assert_eq!(
        mixed.stderr,
        "error: chart range: the scenarios report in different currencies (EUR, USD); a chart needs one\n  = help: pass --currency USD (or another code) to report every scenario in one currency\n"
    );
    assert!(!dir.path().join("x.svg").exists(), "no partial output");
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
    assert!(
        dir.run(&[
            "chart",
            "range",
            "a.ron",
            "eur.ron",
            "--currency",
            "USD",
            "-o",
            "x.svg"
        ])
        .status
            == 0
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
    // 5 charts of all scenarios + a tornado and a break-even for each
    assert_eq!(html.matches("<svg").count(), 5 + 2 * files.len());
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
        "bls-oews-2024",
        "ba-entgeltatlas-2024",
        "vendor-bands-2026",
        "itjobswatch-2026",
        "quess-2025",
    ] {
        assert!(
            html.contains(&format!("<li><b>{source}</b>")),
            "source {source} listed"
        );
    }
    // the only links are the sources' own addresses
    assert_eq!(
        links(&html),
        vec!["https://www.bls.gov/oes/2024/may/oes151252.htm".to_string()]
    );
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
