//! Where a plan sits on the calendar (MODEL.md 10.6): the calendar month
//! its first month is, and the month a fiscal year starts in; read from a
//! scenario's `start` and `fiscal_year_start`.

use std::fmt;

use ron::value::RawValue;

use crate::input::origin::Problems;
use crate::input::source::Source;

/// A calendar month: a year and a month 1 to 12, written "2027-01".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// "YYYY-MM": four digits, a dash, the month in two digits 01 to 12.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let (year, month) = text.split_once('-')?;
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) {
            return None;
        }
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (1..=12).contains(&month).then_some(YearMonth { year, month })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 (January) to 12 (December).
    pub fn month(self) -> u8 {
        self.month
    }

    /// The calendar month `months` later.
    pub fn plus(self, months: usize) -> YearMonth {
        let index = usize::from(self.year) * 12 + usize::from(self.month - 1) + months;
        YearMonth {
            year: u16::try_from(index / 12).unwrap_or(u16::MAX),
            // below 12, so it fits
            month: u8::try_from(index % 12).unwrap_or(0) + 1,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The plan's first month on the calendar and the first month of a
/// fiscal year (1 to 12; 1 when the scenario gives none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Calendar {
    start: YearMonth,
    fiscal_year_start: u8,
}

impl Calendar {
    /// `None` for a fiscal year start outside 1 to 12.
    pub fn new(start: YearMonth, fiscal_year_start: u8) -> Option<Calendar> {
        (1..=12).contains(&fiscal_year_start).then_some(Calendar {
            start,
            fiscal_year_start,
        })
    }

    pub fn start(&self) -> YearMonth {
        self.start
    }

    pub fn fiscal_year_start(&self) -> u8 {
        self.fiscal_year_start
    }

    /// The calendar month of plan month `m` (1-based): start + (m - 1).
    pub fn month(&self, m: usize) -> YearMonth {
        self.start.plus(m.saturating_sub(1))
    }

    /// The fiscal year of a calendar month, named after the calendar year
    /// it ends in (a year from April 2027 to March 2028 is 2028; with a
    /// fiscal year starting in January, the calendar year), and the
    /// quarter of it, 1 to 4.
    pub fn fiscal(&self, at: YearMonth) -> (u16, u8) {
        let first = self.fiscal_year_start;
        let opened = if at.month >= first { at.year } else { at.year - 1 };
        let named = if first == 1 { opened } else { opened + 1 };
        let into = (at.month + 12 - first) % 12;
        (named, into / 3 + 1)
    }
}

/// `start` and `fiscal_year_start` as written: `Some(None)` when the
/// scenario has neither, `None` when one is wrong (each problem pushed,
/// pointing where it was written).
pub fn read<'a>(
    source: &Source<'a>,
    start: Option<&'a RawValue>,
    fiscal_year_start: Option<&'a RawValue>,
    problems: &mut Problems,
) -> Option<Option<Calendar>> {
    let given = start.is_some();
    let start = match start {
        None => None,
        Some(raw) => {
            let text = problems.take(source.text(raw, "start"))?;
            let Some(month) = YearMonth::parse(&text) else {
                problems.push(
                    source
                        .diag_at(
                            raw.get_ron().trim(),
                            format!("start is \"{text}\", not a year and month"),
                        )
                        .expected("the month the plan starts, written \"YYYY-MM\" with the month 01 to 12")
                        .help("write, for example, start: \"2027-01\" for January 2027"),
                );
                return None;
            };
            Some(month)
        }
    };
    let first = match fiscal_year_start {
        None => 1,
        Some(raw) => {
            let text = raw.get_ron().trim();
            let Some(month) = text.parse::<u8>().ok().filter(|m| (1..=12).contains(m)) else {
                problems.push(
                    source
                        .diag_at(text, format!("fiscal_year_start is {text}, not a month"))
                        .expected("the month a fiscal year starts in, a whole number from 1 (January) to 12 (December)")
                        .help("write, for example, fiscal_year_start: 4 for a year from April to March"),
                );
                return None;
            };
            if !given {
                problems.push(
                    source
                        .diag_at(text, "fiscal_year_start is given without start")
                        .expected("start: \"YYYY-MM\" beside fiscal_year_start: fiscal years need the plan on the calendar")
                        .help("add the month the plan starts, e.g. start: \"2027-01\", or remove fiscal_year_start"),
                );
                return None;
            }
            month
        }
    };
    Some(start.and_then(|s| Calendar::new(s, first)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_and_fiscal_years() {
        let ym = |t: &str| YearMonth::parse(t).expect("a month");
        assert_eq!(ym("2027-01").plus(11).to_string(), "2027-12");
        assert_eq!(ym("2027-11").plus(2).to_string(), "2028-01");
        assert_eq!(ym("2027-01").plus(0), ym("2027-01"));
        for bad in [
            "2027-13",
            "2027-00",
            "2027/01",
            "2027-1",
            "27-01",
            "2027-01-01",
            "",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        // April to March: April 2027 to March 2028 is FY2028
        let april = Calendar::new(ym("2027-01"), 4).expect("calendar");
        assert_eq!(april.fiscal(ym("2027-03")), (2027, 4));
        assert_eq!(april.fiscal(ym("2027-04")), (2028, 1));
        assert_eq!(april.fiscal(ym("2027-06")), (2028, 1));
        assert_eq!(april.fiscal(ym("2027-07")), (2028, 2));
        assert_eq!(april.fiscal(ym("2028-03")), (2028, 4));
        assert_eq!(april.month(4), ym("2027-04"));
        // January: the calendar year
        let january = Calendar::new(ym("2027-01"), 1).expect("calendar");
        assert_eq!(january.fiscal(ym("2027-01")), (2027, 1));
        assert_eq!(january.fiscal(ym("2027-12")), (2027, 4));
        // October: October 2026 to September 2027 is FY2027
        let october = Calendar::new(ym("2026-10"), 10).expect("calendar");
        assert_eq!(october.fiscal(ym("2026-10")), (2027, 1));
        assert_eq!(october.fiscal(ym("2027-09")), (2027, 4));
        assert_eq!(Calendar::new(ym("2027-01"), 0), None);
        assert_eq!(Calendar::new(ym("2027-01"), 13), None);
    }
}
