//! `teamcost report`: one document for the budget meeting, as a
//! self-contained HTML file (charts inline, no external requests) or as
//! Markdown with the charts beside it.

use crate::assessment::Assessment;
use crate::brief::{NO_BRIEF, RoleBrief, seat_lines};
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
    let mut rows = vec![
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
    ];
    // the terms of plans over time, where a place has them (MODEL.md 8)
    let set =
        |r: &crate::range::Range, default: rust_decimal::Decimal| !(r.is_fixed() && r.typical() == default);
    let (one, zero) = (rust_decimal::Decimal::ONE, rust_decimal::Decimal::ZERO);
    for (name, range, default) in [
        ("availability (share of paid time worked)", &h.availability, one),
        ("attrition (share leaving a year)", &h.attrition, zero),
        ("annual raise", &h.annual_raise, zero),
        ("agency annual increase", &a.annual_increase, zero),
    ] {
        if set(range, default) {
            rows.push((name, range_text(range)));
        }
    }
    rows
}

const STYLE: &str = "body{font-family:sans-serif;max-width:1200px;margin:2em auto;color:#222;padding:0 1em}\
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}\
td:first-child,th:first-child{text-align:left}svg{max-width:100%;height:auto;display:block;margin:1em 0}\
.warning{color:#a50}figure{margin:2em 0}figcaption{font-weight:bold}";

/// One source, ready to write: id, title, address, published, grade, use.
struct SourceLine<'a> {
    id: &'a str,
    title: &'a str,
    url: Option<&'a str>,
    published: &'a str,
    grade: String,
    used_for: String,
}

/// How a document format writes the parts of the report.
trait Writer {
    fn heading(&mut self, level: usize, text: &str);
    fn table(&mut self, header: &[String], rows: &[Vec<String>]);
    fn paragraph(&mut self, text: &str);
    fn warnings(&mut self, items: &[String]);
    fn list(&mut self, items: &[String]);
    fn figure(&mut self, figure: &Figure);
    fn sources(&mut self, sources: &[SourceLine<'_>]);
}

struct Html(String);

impl Writer for Html {
    fn heading(&mut self, level: usize, text: &str) {
        self.0
            .push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let row = |tag: &str, cells: &[String]| {
            let cells: String = cells
                .iter()
                .map(|c| format!("<{tag}>{}</{tag}>", escape(c)))
                .collect();
            format!("<tr>{cells}</tr>\n")
        };
        self.0.push_str("<table>\n");
        self.0.push_str(&row("th", header));
        for r in rows {
            self.0.push_str(&row("td", r));
        }
        self.0.push_str("</table>\n");
    }

    fn paragraph(&mut self, text: &str) {
        self.0.push_str(&format!("<p>{}</p>\n", escape(text)));
    }

    fn warnings(&mut self, items: &[String]) {
        self.0.push_str("<ul>\n");
        for w in items {
            self.0
                .push_str(&format!("<li class=\"warning\">{}</li>\n", escape(w)));
        }
        self.0.push_str("</ul>\n");
    }

    fn list(&mut self, items: &[String]) {
        self.0.push_str("<ul>\n");
        for item in items {
            self.0.push_str(&format!("<li>{}</li>\n", escape(item)));
        }
        self.0.push_str("</ul>\n");
    }

    fn figure(&mut self, f: &Figure) {
        self.0.push_str(&format!(
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
            escape(&f.title),
            f.svg
        ));
    }

    fn sources(&mut self, sources: &[SourceLine<'_>]) {
        self.0.push_str("<ul>\n");
        for s in sources {
            let title = match s.url {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(s.title)),
                None => escape(s.title),
            };
            self.0.push_str(&format!(
                "<li><b>{}</b>: {title} (published {}{}). Used for: {}.</li>\n",
                escape(s.id),
                escape(s.published),
                escape(&s.grade),
                escape(&s.used_for)
            ));
        }
        self.0.push_str("</ul>\n");
    }
}

struct Markdown(String);

impl Writer for Markdown {
    fn heading(&mut self, level: usize, text: &str) {
        if !self.0.is_empty() && !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
        self.0.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells
                .iter()
                .map(|c| c.replace('|', "\\|").replace('\n', " "))
                .collect();
            format!("| {} |\n", cells.join(" | "))
        };
        self.0.push_str(&row(header));
        self.0.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for r in rows {
            self.0.push_str(&row(r));
        }
    }

    fn paragraph(&mut self, text: &str) {
        // one blank line before it, whatever came before
        if !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
        self.0.push_str(&format!("{text}\n"));
    }

    fn warnings(&mut self, items: &[String]) {
        for w in items {
            self.0.push_str(&format!("- {w}\n"));
        }
    }

    fn list(&mut self, items: &[String]) {
        if !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
        for item in items {
            self.0.push_str(&format!("- {}\n", item.replace('\n', " ")));
        }
    }

    fn figure(&mut self, f: &Figure) {
        self.0
            .push_str(&format!("### {}\n\n![{}]({})\n\n", f.title, f.title, f.file));
    }

    fn sources(&mut self, sources: &[SourceLine<'_>]) {
        for s in sources {
            let title = match s.url {
                Some(url) => format!("[{}]({url})", s.title),
                None => s.title.to_string(),
            };
            self.0.push_str(&format!(
                "- **{}**: {title} (published {}{}). Used for: {}.\n",
                s.id, s.published, s.grade, s.used_for
            ));
        }
    }
}

fn comparison(estimates: &[Assessment]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = std::iter::once(String::new())
        .chain(estimates.iter().map(|e| e.scenario.name.clone()))
        .collect();
    let rows = super::comparison_rows(estimates, grouped)
        .into_iter()
        .map(|(label, cells)| std::iter::once(label).chain(cells).collect())
        .collect();
    (header, rows)
}

/// The report, section by section, in either format.
fn write(
    w: &mut impl Writer,
    estimates: &[Assessment],
    a: &Assumptions,
    briefs: &[RoleBrief],
    figures: &[Figure],
) {
    w.heading(2, "Comparison");
    let (header, rows) = comparison(estimates);
    w.table(&header, &rows);
    let warnings: Vec<String> = estimates
        .iter()
        .flat_map(|e| {
            e.warnings
                .iter()
                .map(move |x| format!("{}: {x}", e.scenario.name))
        })
        .collect();
    if !warnings.is_empty() {
        w.heading(2, "Warnings");
        w.warnings(&warnings);
    }
    let advice: Vec<String> = estimates
        .iter()
        .flat_map(|e| {
            e.advice
                .iter()
                .map(move |x| format!("{}: {}", e.scenario.name, x))
        })
        .collect();
    if !advice.is_empty() {
        w.heading(2, "Advice");
        w.warnings(&advice);
    }
    if !briefs.is_empty() {
        who_to_hire(w, briefs, estimates.len() > 1);
    }
    w.heading(2, "Charts");
    for f in figures {
        w.figure(f);
    }
    w.heading(2, "Assumptions");
    w.heading(3, "Rate layers");
    let rows: Vec<Vec<String>> = a.layers.iter().map(|(s, l)| vec![s.clone(), l.clone()]).collect();
    w.table(&["Scenario".into(), "Layers, bottom first".into()], &rows);
    for (id, l) in &a.locations {
        w.heading(
            3,
            &format!("Employer terms: {} ({id}, {})", l.name, l.currency.value),
        );
        let rows: Vec<Vec<String>> = terms(l)
            .into_iter()
            .map(|(t, v)| vec![t.to_string(), v])
            .collect();
        w.table(&["Term".into(), "low / typical / high".into()], &rows);
        if let Some(note) = &l.note {
            w.paragraph(note);
        }
    }
    if !a.fx.is_empty() {
        w.heading(3, "Exchange rates (units of the base per unit)");
        let rows: Vec<Vec<String>> = a.fx.iter().map(|(c, r)| vec![c.clone(), r.clone()]).collect();
        w.table(&["Currency".into(), "Rate".into()], &rows);
    }
    if !a.premiums.is_empty() {
        w.heading(3, "Skill premiums (shares of salary and of the hourly rate)");
        let rows: Vec<Vec<String>> = a
            .premiums
            .iter()
            .map(|(id, p)| {
                vec![
                    format!("{id}: {}", p.title),
                    range_text(&p.salary),
                    range_text(&p.agency),
                    p.source.value.clone(),
                ]
            })
            .collect();
        w.table(
            &[
                "Premium".into(),
                "salary low / typical / high".into(),
                "hourly rate low / typical / high".into(),
                "Source".into(),
            ],
            &rows,
        );
        for (id, p) in &a.premiums {
            if let Some(note) = &p.note {
                w.paragraph(&format!("{id}: {note}"));
            }
        }
    }
    w.heading(3, "Sources of the rates used");
    let sources: Vec<SourceLine<'_>> = a
        .sources
        .iter()
        .map(|(id, cited)| SourceLine {
            id,
            title: &cited.source.title,
            url: cited.source.url.as_deref(),
            published: &cited.source.published,
            grade: cited
                .source
                .grade
                .as_deref()
                .map(|g| format!(", grade {g}"))
                .unwrap_or_default(),
            used_for: cited.figures.join("; "),
        })
        .collect();
    w.sources(&sources);
}

/// "Who to hire": one brief per role, with the seats that need it.
fn who_to_hire(w: &mut impl Writer, briefs: &[RoleBrief], several: bool) {
    w.heading(2, "Who to hire");
    for b in briefs {
        w.heading(3, &format!("{} ({})", b.title, b.role));
        w.paragraph("Seats:");
        w.list(&seat_lines(b, several));
        let Some(brief) = &b.brief else {
            w.paragraph(NO_BRIEF);
            continue;
        };
        w.paragraph(&format!("Will own: {}", brief.owns));
        w.paragraph("Look for:");
        w.list(&brief.look_for);
        w.paragraph("Ask:");
        w.list(&brief.ask);
    }
}

/// The self-contained HTML report.
pub fn html(
    title: &str,
    estimates: &[Assessment],
    assumptions: &Assumptions,
    briefs: &[RoleBrief],
    figures: &[Figure],
) -> String {
    let mut doc = Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    ));
    doc.heading(1, title);
    write(&mut doc, estimates, assumptions, briefs, figures);
    doc.0.push_str("</body>\n</html>\n");
    doc.0
}

/// The Markdown report; its charts are the files named in `figures`.
pub fn markdown(
    title: &str,
    estimates: &[Assessment],
    assumptions: &Assumptions,
    briefs: &[RoleBrief],
    figures: &[Figure],
) -> String {
    let mut doc = Markdown(String::new());
    doc.heading(1, title);
    write(&mut doc, estimates, assumptions, briefs, figures);
    doc.0
}
