//! `teamcost report`: one document for the budget meeting, as a
//! self-contained HTML file (charts inline, no external requests) or as
//! Markdown with the charts beside it. It opens with a header (when it was
//! made, by which version, on which rates and simulation) and the decision
//! summary; the detail follows.

mod detail;
mod html;
mod markdown;
mod summary;

use crate::assessment::Assessment;
use crate::brief::RoleBrief;
use crate::report::assumptions::Assumptions;

use html::Html;
use markdown::Markdown;

/// A chart to put in the document: its title and its SVG (for HTML) or
/// the file it was written to (for Markdown).
pub struct Figure {
    pub title: String,
    pub svg: String,
    pub file: String,
}

/// When and how the report was made. The caller reads the clock (or
/// `SOURCE_DATE_EPOCH`), so that the same inputs give the same document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Made {
    pub at: jiff::Timestamp,
    /// Monte Carlo trials per scenario; 0 when none were run.
    pub trials: u32,
    pub seed: u64,
}

/// Everything the document shows.
pub struct Document<'a> {
    pub title: &'a str,
    pub made: Made,
    pub estimates: &'a [Assessment],
    pub assumptions: &'a Assumptions,
    pub briefs: &'a [RoleBrief],
    pub figures: &'a [Figure],
}

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
    /// Starts a top-level part (`<section>`, `##`).
    fn section(&mut self, id: &str, title: &str);
    fn heading(&mut self, level: usize, text: &str);
    /// A sentence to read first, in bold.
    fn lead(&mut self, text: &str);
    fn table(&mut self, header: &[String], rows: &[Vec<String>]);
    /// A table whose rows stand alone, shown as cards on a narrow screen.
    fn stacked_table(&mut self, header: &[String], rows: &[Vec<String>]) {
        self.table(header, rows);
    }
    fn paragraph(&mut self, text: &str);
    fn warnings(&mut self, items: &[String]);
    fn list(&mut self, items: &[String]);
    fn figure(&mut self, figure: &Figure);
    fn sources(&mut self, sources: &[SourceLine<'_>]);
}

/// The header's facts: (term, value).
fn facts(doc: &Document<'_>) -> Vec<(String, String)> {
    let made = &doc.made;
    let date = made.at.strftime("%-d %B %Y").to_string();
    // each table once, bottom first, in the order the scenarios name them
    let mut tables: Vec<String> = Vec::new();
    for e in doc.estimates {
        for t in e.rate_layers.tables() {
            let text = match &t.effective {
                Some(date) => format!("{} (effective {date})", t.name.value),
                None => format!("{} (no effective date)", t.name.value),
            };
            if !tables.contains(&text) {
                tables.push(text);
            }
        }
    }
    let simulation = if made.trials == 0 {
        "not run (--trials 0)".to_string()
    } else {
        format!(
            "{} trials per scenario, seed {}",
            crate::money::group_digits(&made.trials.to_string()),
            made.seed
        )
    };
    let mut currencies: Vec<String> = doc.estimates.iter().map(|e| e.currency.to_string()).collect();
    currencies.sort();
    currencies.dedup();
    let n = doc.estimates.len();
    let mut facts = vec![
        ("Made".into(), date),
        (
            "teamcost".into(),
            format!("version {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            "Scenarios".into(),
            format!(
                "{n} scenario{}, in {}",
                if n == 1 { "" } else { "s" },
                currencies.join(", ")
            ),
        ),
        ("Rate layers".into(), tables.join("; ")),
        ("Simulation".into(), simulation),
    ];
    // a converted figure never passes for a native one
    if let Some(note) = Assessment::conversion_note(doc.estimates) {
        facts.insert(3, ("Currency".into(), format!("All figures {note}.")));
    }
    facts
}

/// The self-contained HTML report.
pub fn html(doc: &Document<'_>) -> String {
    let mut w = Html::new(doc.title, &facts(doc));
    summary::write(&mut w, doc);
    detail::write(&mut w, doc);
    w.finish()
}

/// The Markdown report; its charts are the files named in `figures`.
pub fn markdown(doc: &Document<'_>) -> String {
    let mut w = Markdown::new(doc.title, &facts(doc));
    summary::write(&mut w, doc);
    detail::write(&mut w, doc);
    w.finish()
}
