//! Source text of one input file, and the two-step reading it supports.
//!
//! Files are read in two steps (STYLE.md): serde fills `Raw*` structs that
//! borrow their leaves from the text as `&RawValue`, then validation turns
//! them into domain types. Because the leaves are slices of the text, every
//! problem found in the second step can still point at its line and column.

use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use std::cell::OnceCell;
use std::sync::Arc;

use crate::input::diagnostic::{Diagnostic, Span};
use crate::input::origin::Origin;
use crate::input::suggest::did_you_mean;

/// The text of one input file and the name to call it by in messages.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
    /// Shared copies of name and text for [`Origin`]s, made on first use.
    shared: OnceCell<(Arc<str>, Arc<str>)>,
}

/// The RON dialect teamcost reads: optional fields are written bare
/// (`currency: "EUR"`, not `currency: Some("EUR")`).
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

impl<'a> Source<'a> {
    /// The text of a file; a UTF-8 byte order mark at its start, which
    /// some editors write, is not part of it.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Source {
            name,
            text: strip_bom(text),
            shared: OnceCell::new(),
        }
    }

    /// Where `slice` (a piece of this text) stands, kept for later messages.
    pub fn origin_of_slice(&self, slice: &str) -> Origin {
        let (name, text) = self
            .shared
            .get_or_init(|| (Arc::from(self.name), Arc::from(self.text)));
        match self.offset_of(slice) {
            Some(start) => Origin::at(Arc::clone(name), Arc::clone(text), start, slice.len()),
            None => Origin::new(self.name),
        }
    }

    /// A diagnostic about this file, with no position.
    pub fn diag(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.name, message)
    }

    /// A diagnostic pointing at `slice`, which must be a piece of this text.
    pub fn diag_at(&self, slice: &str, message: impl Into<String>) -> Diagnostic {
        self.diag(message).at(self.span_of(slice))
    }

    /// Byte offset of `slice` inside this text, when it is a piece of it.
    fn offset_of(&self, slice: &str) -> Option<usize> {
        let base = self.text.as_ptr() as usize;
        let start = slice.as_ptr() as usize;
        (start >= base && start + slice.len() <= base + self.text.len()).then(|| start - base)
    }

    /// Where `slice` (a piece of this text) stands, for a caret under it.
    pub fn span_of(&self, slice: &str) -> Option<Span> {
        let offset = self.offset_of(slice)?;
        let first_line = slice.lines().next().unwrap_or("");
        Some(self.span_at(offset, first_line.chars().count()))
    }

    fn span_at(&self, offset: usize, width: usize) -> Span {
        Span::locate(self.text, offset, width)
    }

    /// Byte offset of a 1-based (line, col) inside `slice`.
    fn offset_in(slice: &str, pos: ron::error::Position) -> usize {
        let mut offset = 0;
        for (i, line) in slice.split_inclusive('\n').enumerate() {
            if i + 1 == pos.line {
                let within: usize = line
                    .chars()
                    .take(pos.col.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return offset + within;
            }
            offset += line.len();
        }
        slice.len()
    }

    /// Parses the whole file as `T`.
    pub fn parse<T: Deserialize<'a>>(&self) -> Result<T, Diagnostic> {
        self.parse_slice(self.text)
    }

    /// Parses a raw value borrowed from this text as `T`, keeping positions
    /// relative to the whole file.
    pub fn parse_raw<T: Deserialize<'a>>(&self, raw: &'a RawValue) -> Result<T, Diagnostic> {
        self.parse_slice(raw.get_ron())
    }

    fn parse_slice<T: Deserialize<'a>>(&self, slice: &'a str) -> Result<T, Diagnostic> {
        ron_options()
            .from_str(slice)
            .map_err(|e| self.ron_error(slice, &e))
    }

    fn ron_error(&self, slice: &str, err: &SpannedError) -> Diagnostic {
        let base = self.offset_of(slice).unwrap_or(0);
        let start = base + Self::offset_in(slice, err.span.start);
        let end = base + Self::offset_in(slice, err.span.end);
        let width = if err.span.start.line == err.span.end.line {
            self.text[start..end.max(start)].chars().count()
        } else {
            1
        };
        let span = self.span_at(start.min(self.text.len()), width);
        explain_ron_error(self.diag(String::new()).at(Some(span)), &err.code)
    }

    /// Reads a number exactly as written (`1234.50` keeps its cents).
    pub fn decimal(&self, raw: &'a RawValue, what: &str) -> Result<Decimal, Diagnostic> {
        let text = raw.get_ron().trim();
        parse_decimal(text).ok_or_else(|| {
            self.diag_at(text, format!("{what}: `{text}` is not a number"))
                .expected("a decimal number such as 185000 or 1.25")
                .help("write the figure with digits and an optional decimal point")
        })
    }
}

/// The text without a UTF-8 byte order mark at its start.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Parses a decimal written in a file: digits with an optional sign, point,
/// `_` separators or exponent, bare or in quotes. Never goes through binary
/// floating point.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    if cleaned.is_empty()
        || !cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
    {
        return None;
    }
    if cleaned.contains(['e', 'E']) {
        Decimal::from_scientific(&cleaned).ok()
    } else {
        Decimal::from_str_exact(cleaned.trim_start_matches('+')).ok()
    }
}

/// Turns ron's error codes into messages that say what was expected and how
/// to fix it.
fn explain_ron_error(diag: Diagnostic, code: &RonError) -> Diagnostic {
    let outer_name = |outer: &Option<String>| outer.clone().unwrap_or_else(|| "this value".into());
    match code {
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => Diagnostic {
            message: format!("`{found}` is not a valid {}", outer_name(outer)),
            ..diag
        }
        .expected(format!("one of {}", expected.join(", ")))
        .maybe_help(did_you_mean(found, expected.iter().copied())),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => Diagnostic {
            message: format!("unknown field `{found}` in {}", outer_name(outer)),
            ..diag
        }
        .expected(format!("one of the fields {}", expected.join(", ")))
        .maybe_help(
            did_you_mean(found, expected.iter().copied()).or_else(|| Some(format!("remove `{found}`"))),
        ),
        RonError::MissingStructField { field, outer } => Diagnostic {
            message: format!("missing field `{field}` in {}", outer_name(outer)),
            ..diag
        }
        .help(format!(
            "add `{field}: ...` (see the format reference in README.md)"
        )),
        RonError::DuplicateStructField { field, outer } => Diagnostic {
            message: format!("field `{field}` is given twice in {}", outer_name(outer)),
            ..diag
        }
        .help("keep one of them"),
        RonError::ExpectedDifferentStructName { expected, found } => Diagnostic {
            message: format!("this file holds a `{found}`, expected a `{expected}`"),
            ..diag
        }
        .help(format!("start the file with `{expected}(`")),
        RonError::ExpectedComma => Diagnostic {
            message: "expected a comma before this".into(),
            ..diag
        }
        .help("separate fields and list items with `,`; a missing comma is reported at the next item"),
        other => Diagnostic {
            message: format!("this is not valid RON: {other}"),
            ..diag
        }
        .help("check the brackets, quotes and commas just before this point"),
    }
}
