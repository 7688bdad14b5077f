//! A scenario reported in a currency other than its own: the exchange rate
//! used, the rate table and source it came from, and the sentence every
//! output prints so that a converted figure never passes for a native one.

use std::fmt;

use rust_decimal::Decimal;

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
        // a named source is known to the layers (checked on reading), so it
        // has its date
        match (&self.source, &self.published) {
            (Some(source), Some(date)) => write!(f, " ({source}, {date})"),
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

/// The sentence for outputs that show several converted scenarios
/// together: `in USD at fx of market-2026 (nbp-2026-01-16, 2026-01-16): 1
/// GBP = 1.3397 USD, 1 INR = 0.011005 USD`; `None` when nothing was
/// converted. Rates from different fx blocks are grouped by block.
pub fn note(conversions: &[&Conversion]) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rust_decimal_macros::dec;

    use super::*;
    use crate::input::source::Source;
    use crate::rates::RateTable;

    fn layers(fx: &str) -> Layers {
        let text = format!(
            r#"RateTable(name: "fx-only", sources: {{ "central-bank": (title: "A central bank", published: "2026-01-16") }},
               roles: {{}}, locations: {{}}, salaries: [], agency_rates: [], fx: {fx})"#
        );
        let table = RateTable::read(Source::new("fx.ron", &text)).expect("table");
        Layers::new(vec![Arc::new(table)]).expect("layers")
    }

    fn code(c: &str) -> Currency {
        Currency::parse(c).expect("code")
    }

    #[test]
    fn a_cross_rate_goes_through_the_base() {
        let l = layers(r#"(base: "USD", rates: { "EUR": 1.25, "GBP": 1.5 }, source: "central-bank")"#);
        // 1 GBP = 1.5 USD and 1 EUR = 1.25 USD, so 1 GBP = 1.5 / 1.25 = 1.2 EUR
        let c = Conversion::between(&code("GBP"), &code("EUR"), &l).expect("conversion");
        assert_eq!(c.rate, dec!(1.2));
        // into the base: the rate itself; out of it: its inverse, 1 / 1.25 = 0.8
        let into = Conversion::between(&code("EUR"), &code("USD"), &l).expect("conversion");
        assert_eq!(into.rate, dec!(1.25));
        let out = Conversion::between(&code("USD"), &code("EUR"), &l).expect("conversion");
        assert_eq!(out.rate, dec!(0.8));
        assert_eq!(
            c.fx,
            FxOrigin {
                table: "fx-only".into(),
                source: Some("central-bank".into()),
                published: Some("2026-01-16".into()),
            }
        );
        assert_eq!(
            c.to_string(),
            "converted from GBP at fx of fx-only (central-bank, 2026-01-16): 1 GBP = 1.2 EUR"
        );
        assert_eq!(Conversion::between(&code("EUR"), &code("EUR"), &l), None);
        assert_eq!(Conversion::between(&code("EUR"), &code("JPY"), &l), None);
    }

    #[test]
    fn a_rate_for_people_has_six_significant_digits() {
        let l = layers(r#"(base: "USD", rates: { "GBP": 1.3397 })"#);
        let c = Conversion::between(&code("USD"), &code("GBP"), &l).expect("conversion");
        // 1 / 1.3397 = 0.74643576920206...
        assert_eq!(c.shown_rate(), dec!(0.746436));
        assert_eq!(c.fx.to_string(), "fx of fx-only", "no source, no date");
    }

    #[test]
    fn the_note_names_each_rate_once_grouped_by_fx_block() {
        let l = layers(r#"(base: "USD", rates: { "EUR": 1.25, "GBP": 1.5 }, source: "central-bank")"#);
        let other = layers(r#"(base: "USD", rates: { "EUR": 1.2 })"#);
        let gbp = Conversion::between(&code("GBP"), &code("USD"), &l).expect("conversion");
        let eur = Conversion::between(&code("EUR"), &code("USD"), &l).expect("conversion");
        let mut eur_elsewhere = Conversion::between(&code("EUR"), &code("USD"), &other).expect("conversion");
        eur_elsewhere.fx.table = "other".into();
        assert_eq!(note(&[]), None);
        assert_eq!(
            note(&[&gbp, &eur, &gbp]).as_deref(),
            Some("in USD at fx of fx-only (central-bank, 2026-01-16): 1 EUR = 1.25 USD, 1 GBP = 1.5 USD")
        );
        assert_eq!(
            note(&[&gbp, &eur_elsewhere]).as_deref(),
            Some(
                "in USD at fx of fx-only (central-bank, 2026-01-16): 1 GBP = 1.5 USD; at fx of other: 1 EUR = 1.2 USD"
            )
        );
    }
}
