//! Where a value was written, so a later check can still point at it.

use crate::diagnostic::{Diagnostic, Span};

/// The file and place a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub span: Option<Span>,
}

impl Origin {
    pub fn new(file: impl Into<String>, span: Option<Span>) -> Self {
        Origin {
            file: file.into(),
            span,
        }
    }

    /// A diagnostic pointing at this value.
    pub fn diag(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.file.clone(), message).at(self.span.clone())
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
