//! A scenario reported in a currency other than its own: the exchange rate
//! used, the rate table and source it came from, and the sentence every
//! output prints so that a converted figure never passes for a native one.

use std::fmt;

use rust_decimal::Decimal;

use crate::Assessment;
use crate::money::Currency;
use crate::rates::Layers;

/// How one scenario's figures were brought from its own currency into the
/// reporting one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The scenario's own reporting currency (its file's, else its location's).
    pub from: Currency,
    /// The currency it is reported in.
    pub to: Currency,
    /// Units of `to` per one unit of `from`, as the fx block gives it.
    pub rate: Decimal,
    /// Where the rate comes from.
    pub fx: FxOrigin,
}

/// The fx block a rate was read from: its table, and its source when the
/// block names one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FxOrigin {
    pub table: String,
    pub source: Option<String>,
    /// The source's publication date.
    pub published: Option<String>,
}

impl fmt::Display for FxOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fx of {}", self.table)?;
        match (&self.source, &self.published) {
            (Some(source), Some(date)) => write!(f, " ({source}, {date})"),
            (Some(source), None) => write!(f, " ({source})"),
            _ => Ok(()),
        }
    }
}

impl Conversion {
    /// The conversion from `from` to `to` through the topmost fx block of
    /// `layers`; `None` when the currencies are the same, or when the
    /// layers cannot convert (the engine reports that as an error).
    pub fn between(from: &Currency, to: &Currency, layers: &Layers) -> Option<Conversion> {
        if from == to {
            return None;
        }
        let table = layers.tables().iter().rev().find(|t| t.fx.is_some())?;
        let fx = table.fx.as_ref()?;
        let rate = fx.rate(from)?.checked_div(fx.rate(to)?)?;
        let source = fx.source.as_ref().map(|s| s.value.clone());
        let published = source
            .as_deref()
            .and_then(|id| layers.source(id))
            .map(|s| s.published.clone());
        Some(Conversion {
            from: from.clone(),
            to: to.clone(),
            rate: rate.normalize(),
            fx: FxOrigin {
                table: table.name.value.clone(),
                source,
                published,
            },
        })
    }
}

impl Conversion {
    /// The rate for people: six significant digits (a cross rate through
    /// the fx base has many more); the figures use the exact one.
    pub fn shown_rate(&self) -> Decimal {
        self.rate.round_sf(6).unwrap_or(self.rate).normalize()
    }
}

impl fmt::Display for Conversion {
    /// `converted from GBP at fx of market-2026 (nbp-2026-01-16,
    /// 2026-01-16): 1 GBP = 1.3397 USD`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "converted from {} at {}: 1 {} = {} {}",
            self.from,
            self.fx,
            self.from,
            self.shown_rate(),
            self.to
        )
    }
}

/// The sentence for outputs that show these assessments together, when any
/// was converted: `in USD at fx of market-2026 (nbp-2026-01-16,
/// 2026-01-16): 1 GBP = 1.3397 USD, 1 INR = 0.011005 USD`. Rates from
/// different fx blocks are grouped by block.
pub fn note(assessments: &[Assessment]) -> Option<String> {
    let conversions: Vec<&Conversion> = assessments.iter().filter_map(|a| a.conversion.as_ref()).collect();
    let first = conversions.first()?;
    let mut origins: Vec<&FxOrigin> = conversions.iter().map(|c| &c.fx).collect();
    origins.sort();
    origins.dedup();
    let groups: Vec<String> = origins
        .into_iter()
        .map(|origin| {
            let mut rates: Vec<String> = conversions
                .iter()
                .filter(|c| &c.fx == origin)
                .map(|c| format!("1 {} = {} {}", c.from, c.shown_rate(), c.to))
                .collect();
            rates.sort();
            rates.dedup();
            format!("at {origin}: {}", rates.join(", "))
        })
        .collect();
    Some(format!("in {} {}", first.to, groups.join("; ")))
}
