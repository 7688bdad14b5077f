//! The report as one self-contained HTML page: its skeleton (header, main,
//! one section per part), the inline style sheet and how each part is
//! written. Every text is escaped; the charts' SVG is put in as it is.

use super::{Figure, SourceLine, Writer};

/// Screen, narrow-screen and print styles.
const STYLE: &str = include_str!("style.css");

pub(super) struct Html {
    out: String,
    /// A section is open (closed by the next one and by `finish`).
    open: bool,
    /// The last heading, which names the table under it for screen readers.
    last_heading: String,
}

impl Html {
    /// The page up to `<main>`, with its header: title and facts.
    pub(super) fn new(title: &str, facts: &[(String, String)]) -> Html {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
            escape(title),
            escape(title)
        );
        out.push_str("<dl class=\"made\">\n");
        for (term, value) in facts {
            out.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(term), escape(value)));
        }
        out.push_str("</dl>\n</header>\n<main>\n");
        Html {
            out,
            open: false,
            last_heading: title.to_string(),
        }
    }

    /// The whole page.
    pub(super) fn finish(mut self) -> String {
        if self.open {
            self.out.push_str("</section>\n");
        }
        self.out.push_str("</main>\n</body>\n</html>\n");
        self.out
    }
}

impl Html {
    /// A table in a box of its own that scrolls when it is wider than the
    /// page; a `stacked` one shows each row as a card on a narrow screen,
    /// each cell labelled with its column.
    fn grid(&mut self, header: &[String], rows: &[Vec<String>], stacked: bool) {
        let class = if stacked { " class=\"stack\"" } else { "" };
        self.out.push_str(&format!(
            "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table{class}>\n<thead>\n<tr>",
            escape(&self.last_heading)
        ));
        for h in header {
            self.out.push_str(&format!("<th>{}</th>", escape(h)));
        }
        self.out.push_str("</tr>\n</thead>\n<tbody>\n");
        for r in rows {
            self.out.push_str("<tr>");
            for (i, c) in r.iter().enumerate() {
                match header.get(i).filter(|_| stacked) {
                    Some(label) => self.out.push_str(&format!(
                        "<td data-label=\"{}\">{}</td>",
                        escape(label),
                        escape(c)
                    )),
                    None => self.out.push_str(&format!("<td>{}</td>", escape(c))),
                }
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
    }
}

pub(super) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

impl Writer for Html {
    fn section(&mut self, id: &str, title: &str) {
        if self.open {
            self.out.push_str("</section>\n");
        }
        self.open = true;
        self.out.push_str(&format!("<section id=\"{id}\">\n"));
        self.heading(2, title);
    }

    fn heading(&mut self, level: usize, text: &str) {
        self.last_heading = text.to_string();
        self.out
            .push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
    }

    fn lead(&mut self, text: &str) {
        self.out.push_str(&format!(
            "<p class=\"lead\"><strong>{}</strong></p>\n",
            escape(text)
        ));
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        self.grid(header, rows, false);
    }

    fn stacked_table(&mut self, header: &[String], rows: &[Vec<String>]) {
        self.grid(header, rows, true);
    }

    fn paragraph(&mut self, text: &str) {
        self.out.push_str(&format!("<p>{}</p>\n", escape(text)));
    }

    fn warnings(&mut self, items: &[String]) {
        self.out.push_str("<ul>\n");
        for w in items {
            self.out
                .push_str(&format!("<li class=\"warning\">{}</li>\n", escape(w)));
        }
        self.out.push_str("</ul>\n");
    }

    fn list(&mut self, items: &[String]) {
        self.out.push_str("<ul>\n");
        for item in items {
            self.out.push_str(&format!("<li>{}</li>\n", escape(item)));
        }
        self.out.push_str("</ul>\n");
    }

    fn figure(&mut self, f: &Figure) {
        self.out.push_str(&format!(
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>\n",
            escape(&f.title),
            f.svg
        ));
    }

    fn sources(&mut self, sources: &[SourceLine<'_>]) {
        self.out.push_str("<ul>\n");
        for s in sources {
            let title = match s.url {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), escape(s.title)),
                None => escape(s.title),
            };
            self.out.push_str(&format!(
                "<li><b>{}</b>: {title} (published {}{}). Used for: {}.</li>\n",
                escape(s.id),
                escape(s.published),
                escape(&s.grade),
                escape(&s.used_for)
            ));
        }
        self.out.push_str("</ul>\n");
    }
}
