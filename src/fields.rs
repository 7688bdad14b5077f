//! Reading validated leaves out of raw values: text, ids, currencies, dates,
//! bounded numbers and ranges. Shared by scenario and rate files.

use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::money::Currency;
use crate::origin::{Located, Origin};
use crate::range::Range;
use crate::source::Source;

/// The values a number may take, with the words to explain it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min: Decimal,
    pub min_inclusive: bool,
    pub max: Option<Decimal>,
    pub explain: &'static str,
}

impl Limits {
    pub const POSITIVE: Limits = Limits {
        min: Decimal::ZERO,
        min_inclusive: false,
        max: None,
        explain: "a number greater than 0",
    };
    pub const NON_NEGATIVE: Limits = Limits {
        min: Decimal::ZERO,
        min_inclusive: true,
        max: None,
        explain: "a number of 0 or more",
    };
    pub const SHARE: Limits = Limits {
        min: Decimal::ZERO,
        min_inclusive: true,
        max: Some(Decimal::ONE),
        explain: "a share from 0 to 1 (0.5 is half)",
    };
    pub const MULTIPLIER: Limits = Limits {
        min: Decimal::ONE,
        min_inclusive: true,
        max: None,
        explain: "a multiplier of base salary, 1 or more (1.3 adds 30%)",
    };

    fn admits(&self, value: Decimal) -> bool {
        let above = if self.min_inclusive {
            value >= self.min
        } else {
            value > self.min
        };
        above && self.max.is_none_or(|max| value <= max)
    }
}

/// `(low: 1, typical: 2, high: 3)`, the long form of a range.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRangeFields<'a> {
    #[serde(borrow)]
    low: &'a RawValue,
    #[serde(borrow)]
    typical: &'a RawValue,
    #[serde(borrow)]
    high: &'a RawValue,
}

impl<'a> Source<'a> {
    pub fn origin_of(&self, raw: &RawValue) -> Origin {
        self.origin_of_slice(raw.get_ron().trim())
    }

    /// A quoted string.
    pub fn text(&self, raw: &'a RawValue, what: &str) -> Result<String, Diagnostic> {
        self.parse_raw::<String>(raw).map_err(|d| {
            Diagnostic {
                message: format!("{what} must be a quoted string"),
                ..d
            }
            .expected(format!("\"...\" for {what}"))
            .help("put the value in double quotes")
        })
    }

    /// A quoted id, with where it was written.
    pub fn id(&self, raw: &'a RawValue, what: &str) -> Result<Located<String>, Diagnostic> {
        Ok(Located::new(self.text(raw, what)?, self.origin_of(raw)))
    }

    /// A quoted currency code such as "EUR".
    pub fn currency(&self, raw: &'a RawValue) -> Result<Located<Currency>, Diagnostic> {
        let code = self.text(raw, "currency")?;
        let origin = self.origin_of(raw);
        Currency::parse(&code)
            .map(|c| Located::new(c, origin.clone()))
            .ok_or_else(|| {
                origin
                    .diag(format!("`{code}` is not a currency code"))
                    .expected("three upper-case letters, as in \"USD\", \"EUR\", \"PLN\"")
                    .help(format!("write \"{}\"", code.to_uppercase()))
            })
    }

    /// A quoted date written YYYY-MM-DD, or YYYY-MM or YYYY when the source
    /// gives no day.
    pub fn date(&self, raw: &'a RawValue, what: &str) -> Result<String, Diagnostic> {
        let text = self.text(raw, what)?;
        if is_date(&text) {
            Ok(text)
        } else {
            Err(self
                .diag_at(raw.get_ron().trim(), format!("{what} `{text}` is not a date"))
                .expected("a date written \"YYYY-MM-DD\" (or \"YYYY-MM\", \"YYYY\" when no day is known)")
                .help("write the date as, for example, \"2026-01-16\""))
        }
    }

    /// One number within `limits`.
    pub fn number(&self, raw: &'a RawValue, what: &str, limits: Limits) -> Result<Decimal, Diagnostic> {
        let value = self.decimal(raw, what)?;
        self.check_limits(raw.get_ron().trim(), value, what, limits)
    }

    fn check_limits(
        &self,
        at: &str,
        value: Decimal,
        what: &str,
        limits: Limits,
    ) -> Result<Decimal, Diagnostic> {
        if limits.admits(value) {
            Ok(value)
        } else {
            Err(self
                .diag_at(at, format!("{what} is {value}, outside what it can be"))
                .expected(limits.explain)
                .help(format!("change {what} to {}", limits.explain)))
        }
    }

    /// A range written as one number or `(low: .., typical: .., high: ..)`.
    pub fn range(&self, raw: &'a RawValue, what: &str, limits: Limits) -> Result<Range, Diagnostic> {
        let text = raw.get_ron().trim();
        if !text.starts_with('(') {
            return self.number(raw, what, limits).map(Range::single);
        }
        let fields: RawRangeFields<'a> = self.parse_raw(raw).map_err(|d| {
            d.expected(format!(
                "{what} as one number or (low: .., typical: .., high: ..)"
            ))
        })?;
        let bound = |raw: &'a RawValue, name: &str| self.number(raw, &format!("{what} {name}"), limits);
        let (low, typical, high) = (
            bound(fields.low, "low")?,
            bound(fields.typical, "typical")?,
            bound(fields.high, "high")?,
        );
        Range::new(low, typical, high).ok_or_else(|| {
            self.diag_at(
                text,
                format!("{what} is out of order: low {low}, typical {typical}, high {high}"),
            )
            .expected("low <= typical <= high")
            .help("swap the values so that low is the smallest and high the largest")
        })
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day number.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize, range: std::ops::RangeInclusive<u32>| {
        s.len() == len && s.chars().all(|c| c.is_ascii_digit()) && s.parse().is_ok_and(|n| range.contains(&n))
    };
    match parts.as_slice() {
        [y] => number(y, 4, 1900..=2100),
        [y, m] => number(y, 4, 1900..=2100) && number(m, 2, 1..=12),
        [y, m, d] => number(y, 4, 1900..=2100) && number(m, 2, 1..=12) && number(d, 2, 1..=31),
        _ => false,
    }
}
