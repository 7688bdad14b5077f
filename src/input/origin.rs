//! Where a value was written, so a later check can still point at it.

use std::sync::Arc;

use crate::input::diagnostic::{Diagnostic, Span};

/// The file and place a value came from. Cheap to make and clone: the line
/// and column are worked out only when a diagnostic needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    file: Arc<str>,
    place: Option<Place>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    text: Arc<str>,
    start: usize,
    len: usize,
}

impl Origin {
    /// " (first at line L, column C)": where an entry given twice was first
    /// written, for the message about the second; empty without a place.
    pub fn first_at(&self) -> String {
        self.span()
            .map(|s| format!(" (first at line {}, column {})", s.start.line, s.start.col))
            .unwrap_or_default()
    }

    /// A whole file, or a place that is not in a file (`--currency`).
    pub fn new(file: &str) -> Self {
        Origin {
            file: Arc::from(file),
            place: None,
        }
    }

    /// `len` bytes at byte `start` of `text`, the contents of `file`.
    pub fn at(file: Arc<str>, text: Arc<str>, start: usize, len: usize) -> Self {
        Origin {
            file,
            place: Some(Place { text, start, len }),
        }
    }

    pub fn file(&self) -> &str {
        &self.file
    }

    /// The same place in a file of another name with the same text: what
    /// a second read of that text would have made.
    pub(crate) fn rename(&mut self, file: &Arc<str>) {
        self.file = Arc::clone(file);
    }

    /// Line, column and the line of text, for the caret.
    pub fn span(&self) -> Option<Span> {
        self.place.as_ref().map(|p| {
            let slice = p.text.get(p.start..p.start + p.len).unwrap_or("");
            let width = slice.lines().next().unwrap_or("").chars().count();
            Span::locate(&p.text, p.start, width)
        })
    }

    /// A diagnostic pointing at this value.
    pub fn diag(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.file.to_string(), message).at(self.span())
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    pub value: T,
    pub origin: Origin,
}

impl<T> Located<T> {
    pub fn new(value: T, origin: Origin) -> Self {
        Located { value, origin }
    }
}

/// Gathers the problems of one file so all of them are reported at once.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Diagnostic>);

impl Problems {
    /// Keeps the value, or records the problem and gives `None`.
    pub fn take<T>(&mut self, result: Result<T, Diagnostic>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(diag) => {
                self.0.push(diag);
                None
            }
        }
    }

    pub fn push(&mut self, diag: Diagnostic) {
        self.0.push(diag);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
