//! `teamcost report`: one document for the budget meeting, as a
//! self-contained HTML file (charts inline, no external requests) or as
//! Markdown with the charts beside it.

use crate::engine::Estimate;
use crate::money::grouped;
use crate::range::Range;
use crate::report::assumptions::Assumptions;

/// A chart to put in the document: its title and its SVG (for HTML) or
/// the file it was written to (for Markdown).
pub struct Figure {
    pub title: String,
    pub svg: String,
    pub file: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn range_text(r: &Range) -> String {
    if r.is_fixed() {
        r.typical().normalize().to_string()
    } else {
        format!(
            "{} / {} / {}",
            r.low().normalize(),
            r.typical().normalize(),
            r.high().normalize()
        )
    }
}

/// Rows of employer terms for one place: (term, low / typical / high).
fn terms(l: &crate::rates::table::Location) -> Vec<(&'static str, String)> {
    let h = &l.in_house;
    let a = &l.agency;
    vec![
        ("in-house burden (x salary)", range_text(&h.burden)),
        ("recruiting fee (x salary)", range_text(&h.recruiting_fee)),
        ("time to hire (weeks)", range_text(&h.time_to_hire_weeks)),
        ("in-house ramp-up (weeks)", range_text(&h.ramp_up_weeks)),
        ("in-house ramp productivity", range_text(&h.ramp_productivity)),
        (
            "overhead per FTE per month",
            format!("{} {}", l.currency.value, range_text(&h.overhead_monthly)),
        ),
        (
            "management overhead (x salary)",
            range_text(&h.management_overhead),
        ),
        ("agency hours per month", range_text(&a.hours_per_month)),
        ("agency time to start (weeks)", range_text(&a.time_to_start_weeks)),
        ("agency ramp-up (weeks)", range_text(&a.ramp_up_weeks)),
        ("agency ramp productivity", range_text(&a.ramp_productivity)),
    ]
}

const STYLE: &str = "body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222;padding:0 1em}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\
td:first-child,th:first-child{text-align:left}svg{max-width:100%;height:auto;display:block;margin:1em 0}\
.warning{color:#a50}figure{margin:2em 0}figcaption{font-weight:bold}";

fn html_table(header: &[String], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<table>\n<tr>");
    for h in header {
        out.push_str(&format!("<th>{}</th>", escape(h)));
    }
    out.push_str("</tr>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            out.push_str(&format!("<td>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn comparison(estimates: &[Estimate]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = std::iter::once(String::new())
        .chain(estimates.iter().map(|e| e.scenario.name.clone()))
        .collect();
    let rows = super::comparison_rows(estimates, grouped)
        .into_iter()
        .map(|(label, cells)| std::iter::once(label).chain(cells).collect())
        .collect();
    (header, rows)
}

fn warnings(estimates: &[Estimate]) -> Vec<String> {
    estimates
        .iter()
        .flat_map(|e| {
            e.warnings
                .iter()
                .map(move |w| format!("{}: {w}", e.scenario.name))
        })
        .collect()
}

/// The self-contained HTML report.
pub fn html(title: &str, estimates: &[Estimate], assumptions: &Assumptions, figures: &[Figure]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(title),
        escape(title)
    );
    out.push_str("<h2>Comparison</h2>\n");
    let (header, rows) = comparison(estimates);
    out.push_str(&html_table(&header, &rows));
    let warnings = warnings(estimates);
    if !warnings.is_empty() {
        out.push_str("<h2>Warnings</h2>\n<ul>\n");
        for w in &warnings {
            out.push_str(&format!("<li class=\"warning\">{}</li>\n", escape(w)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2>Charts</h2>\n");
    for f in figures {
        out.push_str(&format!(
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
            escape(&f.title),
            f.svg
        ));
    }
    out.push_str(&html_assumptions(assumptions));
    out.push_str("</body>\n</html>\n");
    out
}

fn html_assumptions(a: &Assumptions) -> String {
    let mut out = String::from("<h2>Assumptions</h2>\n<h3>Rate layers</h3>\n");
    let rows: Vec<Vec<String>> = a.layers.iter().map(|(s, l)| vec![s.clone(), l.clone()]).collect();
    out.push_str(&html_table(
        &["Scenario".into(), "Layers, bottom first".into()],
        &rows,
    ));
    for (id, l) in &a.locations {
        out.push_str(&format!(
            "<h3>Employer terms: {} ({id}, {})</h3>\n",
            escape(&l.name),
            l.currency.value
        ));
        let rows: Vec<Vec<String>> = terms(l)
            .into_iter()
            .map(|(t, v)| vec![t.to_string(), v])
            .collect();
        out.push_str(&html_table(
            &["Term".into(), "low / typical / high".into()],
            &rows,
        ));
        if let Some(note) = &l.note {
            out.push_str(&format!("<p>{}</p>\n", escape(note)));
        }
    }
    if !a.fx.is_empty() {
        out.push_str("<h3>Exchange rates (units of the base per unit)</h3>\n");
        let rows: Vec<Vec<String>> = a.fx.iter().map(|(c, r)| vec![c.clone(), r.clone()]).collect();
        out.push_str(&html_table(&["Currency".into(), "Rate".into()], &rows));
    }
    out.push_str("<h3>Sources of the rates used</h3>\n<ul>\n");
    for (id, cited) in &a.sources {
        let s = &cited.source;
        let title = match &s.url {
            Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(&s.title)),
            None => escape(&s.title),
        };
        let grade = s
            .grade
            .as_deref()
            .map(|g| format!(", grade {g}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "<li><b>{}</b>: {title} (published {}{grade}). Used for: {}.</li>\n",
            escape(id),
            escape(&s.published),
            escape(&cited.figures.join("; "))
        ));
    }
    out.push_str("</ul>\n");
    out
}

fn md_table(header: &[String], rows: &[Vec<String>]) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!(
        "| {} |\n",
        header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&format!(
            "| {} |\n",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        ));
    }
    out
}

/// The Markdown report; its charts are the files named in `figures`.
pub fn markdown(title: &str, estimates: &[Estimate], a: &Assumptions, figures: &[Figure]) -> String {
    let mut out = format!("# {title}\n\n## Comparison\n\n");
    let (header, rows) = comparison(estimates);
    out.push_str(&md_table(&header, &rows));
    let warnings = warnings(estimates);
    if !warnings.is_empty() {
        out.push_str("\n## Warnings\n\n");
        for w in &warnings {
            out.push_str(&format!("- {w}\n"));
        }
    }
    out.push_str("\n## Charts\n\n");
    for f in figures {
        out.push_str(&format!("### {}\n\n![{}]({})\n\n", f.title, f.title, f.file));
    }
    out.push_str("## Assumptions\n\n### Rate layers\n\n");
    let rows: Vec<Vec<String>> = a.layers.iter().map(|(s, l)| vec![s.clone(), l.clone()]).collect();
    out.push_str(&md_table(
        &["Scenario".into(), "Layers, bottom first".into()],
        &rows,
    ));
    for (id, l) in &a.locations {
        out.push_str(&format!(
            "\n### Employer terms: {} ({id}, {})\n\n",
            l.name, l.currency.value
        ));
        let rows: Vec<Vec<String>> = terms(l)
            .into_iter()
            .map(|(t, v)| vec![t.to_string(), v])
            .collect();
        out.push_str(&md_table(&["Term".into(), "low / typical / high".into()], &rows));
        if let Some(note) = &l.note {
            out.push_str(&format!("\n{note}\n"));
        }
    }
    if !a.fx.is_empty() {
        out.push_str("\n### Exchange rates (units of the base per unit)\n\n");
        let rows: Vec<Vec<String>> = a.fx.iter().map(|(c, r)| vec![c.clone(), r.clone()]).collect();
        out.push_str(&md_table(&["Currency".into(), "Rate".into()], &rows));
    }
    out.push_str("\n### Sources of the rates used\n\n");
    for (id, cited) in &a.sources {
        let s = &cited.source;
        let title = match &s.url {
            Some(url) => format!("[{}]({url})", s.title),
            None => s.title.clone(),
        };
        let grade = s
            .grade
            .as_deref()
            .map(|g| format!(", grade {g}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "- **{id}**: {title} (published {}{grade}). Used for: {}.\n",
            s.published,
            cited.figures.join("; ")
        ));
    }
    out
}
