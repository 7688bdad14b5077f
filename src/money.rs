//! Money: currency codes, exact conversion, and rounding for display.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};

/// An ISO 4217 style code: three upper-case letters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(String);

impl Currency {
    /// A currency code, or `None` when it is not three upper-case letters.
    pub fn parse(code: &str) -> Option<Currency> {
        (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())).then(|| Currency(code.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Rounds to cents, half away from zero: how money is shown, never computed.
pub fn cents(value: Decimal) -> Decimal {
    let mut rounded = value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    rounded
}

/// A figure as the JSON contract writes it: a decimal string with 2 places.
pub fn two_places(value: Decimal) -> String {
    cents(value).to_string()
}

/// A figure for people: 2 places and thousands separators (`1,234,567.89`).
pub fn grouped(value: Decimal) -> String {
    let text = two_places(value);
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "00"));
    format!("{sign}{}.{fraction}", group_digits(whole))
}

/// Digits in groups of three: `1234567` as `1,234,567`.
pub fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A quantity without needless zeros: `4`, `4.5`, `0.25`.
pub fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounds_half_away_from_zero_and_groups() {
        assert_eq!(two_places(dec!(2.345)), "2.35");
        assert_eq!(two_places(dec!(-2.345)), "-2.35");
        assert_eq!(two_places(dec!(7)), "7.00");
        assert_eq!(grouped(dec!(1234567.891)), "1,234,567.89");
        assert_eq!(grouped(dec!(-999.995)), "-1,000.00");
        assert_eq!(grouped(dec!(12)), "12.00");
        assert_eq!(plain(dec!(4.50)), "4.5");
        assert!(Currency::parse("usd").is_none());
        assert_eq!(Currency::parse("PLN").map(|c| c.to_string()), Some("PLN".into()));
    }
}
