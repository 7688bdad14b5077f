//! The report as Markdown: sections as `##` headings, tables as pipe
//! tables, charts as images written beside the document.

use super::{Figure, SourceLine, Writer};

pub(super) struct Markdown(String);

impl Markdown {
    /// The title and the facts of the header, one bullet each.
    pub(super) fn new(title: &str, facts: &[(String, String)]) -> Markdown {
        let mut doc = Markdown(String::new());
        doc.heading(1, title);
        for (term, value) in facts {
            doc.0.push_str(&format!("- **{term}:** {value}\n"));
        }
        doc
    }

    pub(super) fn finish(self) -> String {
        self.0
    }

    /// One blank line before what comes next, whatever came before.
    fn blank_line(&mut self) {
        if !self.0.is_empty() && !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }
}

impl Writer for Markdown {
    fn section(&mut self, _id: &str, title: &str) {
        self.heading(2, title);
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.blank_line();
        self.0.push_str(&format!("{} {text}\n\n", "#".repeat(level)));
    }

    fn lead(&mut self, text: &str) {
        self.blank_line();
        self.0.push_str(&format!("**{text}**\n"));
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        let row = |cells: &[String]| {
            let cells: Vec<String> = cells
                .iter()
                .map(|c| c.replace('|', "\\|").replace('\n', " "))
                .collect();
            format!("| {} |\n", cells.join(" | "))
        };
        self.blank_line();
        self.0.push_str(&row(header));
        self.0.push_str(&format!("|{}\n", "---|".repeat(header.len())));
        for r in rows {
            self.0.push_str(&row(r));
        }
    }

    fn paragraph(&mut self, text: &str) {
        self.blank_line();
        self.0.push_str(&format!("{text}\n"));
    }

    fn warnings(&mut self, items: &[String]) {
        for w in items {
            self.0.push_str(&format!("- {w}\n"));
        }
    }

    fn list(&mut self, items: &[String]) {
        self.blank_line();
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
