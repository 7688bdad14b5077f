//! Reading validated leaves out of raw values: text, ids, currencies, dates,
//! bounded numbers and ranges. Shared by scenario and rate files.

use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::input::diagnostic::Diagnostic;
use crate::input::origin::{Located, Origin};
use crate::input::source::Source;
use crate::money::Currency;
use crate::range::Range;

/// The values a number may take, with the words to explain it.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub min: Decimal,
    pub min_inclusive: bool,
    pub max: Decimal,
    /// What the figure is, for the `expected` line.
    pub explain: &'static str,
}

/// `mantissa * 10^-scale`, for the bounds table below.
const fn dec(mantissa: u32, scale: u32) -> Decimal {
    Decimal::from_parts(mantissa, 0, 0, false, scale)
}

// # The bounds of every figure, and why no valid file can overflow
//
// rust_decimal holds at most 79,228,162,514,264,337,593,543,950,335
// (about 7.9e28) and panics beyond it. Every figure read from a file has a
// range below, checked when the file is read, chosen so that the largest
// cost any valid file can produce stays under that with room to spare:
//
// - Exchange rates are within [1e-6, 1e6] of the base, so converting an
//   amount multiplies it by at most rate[from] / rate[to] <= 1e12
//   (amount * rate[from] <= 1e9 * 1e6 = 1e15 before the division).
// - A project lasts at most 120 months: project years k = 0..=9. Raises
//   (`annual_raise`, `annual_increase`) are at most 0.25 a year, so a
//   salary or rate in year k is at most 1.25^k of the written one
//   (1.25^9 ~= 7.45), and Σ_{k=0..9} 1.25^k ~= 33.3 years' worth at the
//   written figure in place of 10 (MODEL.md 8.2).
// - Per FTE and year, in the reporting currency, at the written figures:
//   in-house salary * (burden + management) <= 1e9 * 1e12 * (5 + 2) = 7e21,
//   plus overhead (never raised) <= 1e8 * 1e12 * 12 = 1.2e21; agency
//   hourly * hours * 12 <= 1e6 * 1e12 * 744 * 12 ~= 8.9e21. Over the
//   project with raises: in-house <= 7e21 * 33.3 + 1.2e22 ~= 2.45e23;
//   agency <= 8.9e21 * 33.3 ~= 2.97e23. In-house adds a recruiting fee of
//   at most 2 * 1e9 * 1e12 * 1.25^9 ~= 1.5e22 once, and replacements for
//   leavers at attrition <= 0.5 a year: 0.5 * 2 * 1e21 per year, at most
//   1e21 * 33.3 ~= 3.3e22. So one FTE costs at most ~3.0e23 either way.
// - Skill premiums (MODEL.md section 3) multiply a seat's salary, or its
//   hourly rate, by 1 + Σ shares of its skills. Each share is 0..=1 and a
//   seat lists at most 10 skills, but 10 shares of 1 (x11) would break the
//   bound below, so a seat's shares of each kind must also add up to at
//   most 1 at their high ends (checked when the seat is resolved,
//   engine/model.rs): pay at most doubles. Everything a salary drives
//   doubles with it (in-house <= 2 * (7e21 * 33.3 + 1.5e22 + 3.3e22) +
//   1.2e22 ~= 5.7e23 per FTE, overhead not multiplied); agency <= 2 *
//   2.97e23 ~= 5.9e23. So one FTE costs at most ~5.9e23 (~3.0e23 without
//   premiums).
// - A seat has at most 1000 people at allocation <= 1 (1000 FTE) and a
//   scenario at most 100 seat lines (1e5 FTE): at most ~5.9e28 (~3.0e28
//   without premiums). A recommended team is at most `max_fte` <= 1000 FTE
//   and has no skills.
// - A non-labour cost line adds at most monthly * 120 + once <= (1e9 * 120
//   + 1e9) * 1e12 ~= 1.2e23, and a scenario has at most 100 lines: 1.2e25.
//   Every total, corner, component, phase, month and cumulative sum is
//   therefore <= ~5.9e28 < 7.9e28. (Raises up to 0.5, as once proposed,
//   would allow ~1e29: that is why they stop at 0.25.)
// - Weeks (<= 520) only shift the start inside the duration; windows and
//   phases lie inside the duration; shares, availability (<= 1) and
//   productivity (<= 3) are small and only scale capacity, which is at most
//   1e5 FTE * 3 * 120 months = 3.6e7 person-months; a budget (<= 1e15) and
//   an effort (<= 1e6) are only compared with totals. What the bounds
//   cannot rule out is a cost divided by a capacity that is tiny but not
//   zero (cost per person-month of a seat that barely starts); the engine
//   reports that overflow as an error, never a panic.
impl Limits {
    /// An annual salary: more than 0, at most 1,000,000,000 a year.
    pub const SALARY: Limits = Limits::above_zero(dec(1_000_000_000, 0), "an annual salary");
    /// An hourly agency rate: more than 0, at most 1,000,000 an hour.
    pub const HOURLY: Limits = Limits::above_zero(dec(1_000_000, 0), "an hourly rate");
    /// Overhead per FTE and month: 0 to 100,000,000.
    pub const OVERHEAD: Limits = Limits::from_to(
        Decimal::ZERO,
        dec(100_000_000, 0),
        "an amount per FTE and month (equipment, software, space)",
    );
    /// Employer burden, as a multiplier of base salary: 1 to 5.
    pub const BURDEN: Limits = Limits::from_to(
        Decimal::ONE,
        dec(5, 0),
        "a multiplier of base salary (1.3 adds 30%)",
    );
    /// Recruiting fee, as a share of annual salary: 0 to 2.
    pub const RECRUITING_FEE: Limits =
        Limits::from_to(Decimal::ZERO, dec(2, 0), "a share of annual salary (0.15 is 15%)");
    /// Management overhead, as a share of monthly salary: 0 to 2.
    pub const MANAGEMENT: Limits =
        Limits::from_to(Decimal::ZERO, dec(2, 0), "a share of monthly salary (0.1 is 10%)");
    /// A share such as ramp productivity: 0 to 1.
    pub const SHARE: Limits =
        Limits::from_to(Decimal::ZERO, Decimal::ONE, "a share from 0 to 1 (0.5 is half)");
    /// Weeks of delay or ramp-up: 0 to 520 (ten years).
    pub const WEEKS: Limits = Limits::from_to(Decimal::ZERO, dec(520, 0), "a number of weeks");
    /// Agency hours billed per month: 1 to 744 (every hour of 31 days).
    pub const HOURS_PER_MONTH: Limits = Limits::from_to(Decimal::ONE, dec(744, 0), "hours billed per month");
    /// Units of the base currency per one unit of another: 0.000001 to 1,000,000.
    pub const FX: Limits = Limits::from_to(
        dec(1, 6),
        dec(1_000_000, 0),
        "units of the base currency per one unit of this one",
    );
    /// A goal's effort (MODEL.md section 10.1): more than 0, at most 10,000
    /// productive person-months.
    pub const GOAL_EFFORT_PM: Limits =
        Limits::above_zero(dec(10_000, 0), "productive person-months to deliver");
    /// A recommender's effort target: more than 0, at most 1,000,000 person-months.
    pub const EFFORT_PM: Limits = Limits::above_zero(dec(1_000_000, 0), "productive person-months");
    /// A recommender's budget: more than 0, at most 1,000,000,000,000,000.
    pub const BUDGET: Limits = Limits {
        min: Decimal::ZERO,
        min_inclusive: false,
        max: Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0), // 1e15
        explain: "an amount in the reporting currency",
    };
    /// The recommender's step between team sizes: 0.1 to 10 FTE, so that a
    /// search over sizes up to `max_fte` takes at most 10,000 steps.
    pub const STEP_FTE: Limits = Limits::from_to(dec(1, 1), dec(10, 0), "a step between team sizes in FTE");
    /// A team size or FTE threshold of the staffing profile: more than 0, at most 1000.
    pub const FTE: Limits = Limits::above_zero(dec(1000, 0), "a number of FTE");
    /// Share of paid time actually worked: more than 0, at most 1.
    pub const AVAILABILITY: Limits = Limits::above_zero(
        Decimal::ONE,
        "a share of paid time worked after leave and holidays (0.89 is 89%)",
    );
    /// Share of employees who leave in a year: 0 to 0.5.
    pub const ATTRITION: Limits = Limits::from_to(
        Decimal::ZERO,
        dec(5, 1),
        "a share of employees who leave in a year (0.13 is 13%)",
    );
    /// Yearly rise of salaries or agency rates: 0 to 0.25 (see above: the
    /// bound that keeps ten compounded years from overflowing).
    pub const RAISE: Limits = Limits::from_to(Decimal::ZERO, dec(25, 2), "a yearly rise (0.04 is 4%)");
    /// Months of salary paid when an employee is let go (notice not
    /// worked, severance): 0 to 24 (MODEL.md 10.4).
    pub const EXIT_MONTHS: Limits = Limits::from_to(
        Decimal::ZERO,
        dec(24, 0),
        "months of salary paid when an employee is let go (notice not worked and severance)",
    );
    /// Months of salary added to the exit cost per year of tenure: 0 to 3.
    pub const EXIT_MONTHS_PER_YEAR: Limits = Limits::from_to(
        Decimal::ZERO,
        dec(3, 0),
        "months of salary added to the exit cost per year of tenure (0.5 is half a month a year)",
    );
    /// Output of a person-month at a level, Mid = 1: more than 0, at most 3.
    pub const PRODUCTIVITY: Limits = Limits::above_zero(
        dec(3, 0),
        "the output of a person-month at this level, Mid = 1 (1.3 is 30% more)",
    );
    /// A skill premium, as a share of salary or of the hourly rate: 0 to 1
    /// (a seat's shares of each kind add up to at most 1, see above).
    pub const PREMIUM: Limits = Limits::from_to(
        Decimal::ZERO,
        Decimal::ONE,
        "a share of salary or of the hourly rate (0.1 is 10%)",
    );
    /// A non-labour amount, monthly or once: 0 to 1,000,000,000.
    pub const COST_AMOUNT: Limits = Limits::from_to(
        Decimal::ZERO,
        dec(1_000_000_000, 0),
        "an amount in the cost line's currency",
    );

    const fn above_zero(max: Decimal, explain: &'static str) -> Limits {
        Limits {
            min: Decimal::ZERO,
            min_inclusive: false,
            max,
            explain,
        }
    }

    const fn from_to(min: Decimal, max: Decimal, explain: &'static str) -> Limits {
        Limits {
            min,
            min_inclusive: true,
            max,
            explain,
        }
    }

    fn admits(&self, value: Decimal) -> bool {
        let above = if self.min_inclusive {
            value >= self.min
        } else {
            value > self.min
        };
        above && value <= self.max
    }

    /// The range in words: "from 1 to 5", "more than 0 and at most 1,000,000".
    pub fn range_text(&self) -> String {
        let (min, max) = (number_text(self.min), number_text(self.max));
        if self.min_inclusive {
            format!("from {min} to {max}")
        } else {
            format!("more than {min} and at most {max}")
        }
    }
}

/// A bound for people: `1,000,000`, `0.1`, `0.000001`.
fn number_text(value: Decimal) -> String {
    let text = value.normalize().to_string();
    match text.split_once('.') {
        Some((whole, fraction)) => format!("{}.{fraction}", crate::money::group_digits(whole)),
        None => crate::money::group_digits(&text),
    }
}

/// Whether `text` is written as a number, even one too large or too precise
/// for a decimal (`79228162514264337593543950336`, `1e40`).
fn looks_numeric(text: &str) -> bool {
    let text = text
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text);
    let digits = text.trim_start_matches(['-', '+']);
    digits.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '_' | 'e' | 'E' | '-' | '+'))
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

    /// A number, or `None` when it is written as a number but too large or
    /// too precise for a decimal (more than 28 significant digits): a value
    /// outside any range, for the caller to say so.
    pub fn figure(&self, raw: &'a RawValue, what: &str) -> Result<Option<Decimal>, Diagnostic> {
        let text = raw.get_ron().trim();
        match crate::input::source::parse_decimal(text) {
            Some(value) => Ok(Some(value)),
            None if looks_numeric(text) => Ok(None),
            None => self.decimal(raw, what).map(Some),
        }
    }

    /// One number within `limits`. A number too large for a decimal gets
    /// the same message as one outside the range.
    pub fn number(&self, raw: &'a RawValue, what: &str, limits: Limits) -> Result<Decimal, Diagnostic> {
        match self.figure(raw, what)? {
            Some(value) if limits.admits(value) => Ok(value),
            _ => Err(self.out_of_range(raw.get_ron().trim(), what, limits)),
        }
    }

    fn out_of_range(&self, at: &str, what: &str, limits: Limits) -> Diagnostic {
        let range = limits.range_text();
        self.diag_at(at, format!("{what} is {at}, outside its range: {range}"))
            .expected(format!("{}, {range}", limits.explain))
            .help(
                "write a value inside the range; \"Ranges\" in README.md lists every figure's range and why",
            )
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
