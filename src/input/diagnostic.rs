//! Diagnostics: what went wrong in which file, where, and how to fix it.
//!
//! Every bad-input error teamcost reports is a [`Diagnostic`]: the file, the
//! line and column when there is one (with the offending line and a caret),
//! what was expected, and the fix. A run collects them and fails once, so a
//! user sees every problem of a file at the same time.

use std::fmt;

/// A place in a text file: 1-based line, 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

/// The place of a problem and the line of text around it, for the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: Position,
    /// How many characters to underline (at least one).
    pub width: usize,
    /// The whole source line the problem is on.
    pub line_text: String,
}

impl Span {
    /// The span of `width` characters at byte `offset` of `text`.
    pub fn locate(text: &str, offset: usize, width: usize) -> Span {
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        let line_text = text[line_start..].lines().next().unwrap_or("").to_string();
        Span {
            start: Position { line, col },
            width,
            line_text,
        }
    }
}

/// One problem in one input, with everything a person needs to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub span: Option<Box<Span>>,
    pub message: String,
    pub expected: Option<String>,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            span: None,
            message: message.into(),
            expected: None,
            help: None,
        }
    }

    pub fn at(mut self, span: Option<Span>) -> Self {
        self.span = span.map(Box::new);
        self
    }

    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a help line only when there is one to give.
    pub fn maybe_help(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.span {
            Some(span) => write!(
                f,
                "{}:{}:{}: {}",
                self.file, span.start.line, span.start.col, self.message
            )?,
            None => write!(f, "{}: {}", self.file, self.message)?,
        }
        let gutter = self.span.as_ref().map_or(1, |s| s.start.line.to_string().len());
        let pad = " ".repeat(gutter);
        if let Some(span) = &self.span {
            let caret_pad: String = span
                .line_text
                .chars()
                .take(span.start.col.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{pad} |\n{} | {}\n{pad} | {caret_pad}{}",
                span.start.line,
                span.line_text.trim_end(),
                "^".repeat(span.width.max(1))
            )?;
        }
        if let Some(expected) = &self.expected {
            write!(f, "\n{pad} = expected: {expected}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Several diagnostics, shown one after the other with a blank line between.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}
