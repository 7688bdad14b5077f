//! The range inputs of a scenario: every distinct figure that varies, named
//! for people, and which end of it a low or high total reads.

use std::fmt;

use rust_decimal::Decimal;

use crate::money::Currency;
use crate::range::{Bound, Range};

/// What a figure is, which decides how it moves the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputKind {
    Salary,
    AgencyRate,
    Burden,
    RecruitingFee,
    TimeToHire,
    InHouseRampUp,
    InHouseRampProductivity,
    Overhead,
    ManagementOverhead,
    AgencyHours,
    TimeToStart,
    AgencyRampUp,
    AgencyRampProductivity,
    Availability,
    Attrition,
    Raise,
    AgencyIncrease,
    Productivity,
    CostMonthly,
    CostOnce,
    /// A skill premium's share of salary (MODEL.md section 3).
    PremiumSalary,
    /// A skill premium's share of the hourly rate.
    PremiumAgency,
    /// Months of salary paid when an employee is let go (MODEL.md 10.4).
    ExitMonths,
    /// Months of salary added to that per year of tenure.
    ExitMonthsPerYear,
}

impl InputKind {
    fn label(self) -> &'static str {
        match self {
            InputKind::Salary => "salary",
            InputKind::AgencyRate => "agency rate",
            InputKind::Burden => "burden",
            InputKind::RecruitingFee => "recruiting fee",
            InputKind::TimeToHire => "time to hire",
            InputKind::InHouseRampUp => "in-house ramp-up",
            InputKind::InHouseRampProductivity => "in-house ramp productivity",
            InputKind::Overhead => "overhead",
            InputKind::ManagementOverhead => "management overhead",
            InputKind::AgencyHours => "agency hours",
            InputKind::TimeToStart => "agency time to start",
            InputKind::AgencyRampUp => "agency ramp-up",
            InputKind::AgencyRampProductivity => "agency ramp productivity",
            InputKind::Availability => "availability",
            InputKind::Attrition => "attrition",
            InputKind::Raise => "raise",
            InputKind::AgencyIncrease => "agency increase",
            InputKind::Productivity => "productivity",
            InputKind::CostMonthly | InputKind::CostOnce => "cost",
            InputKind::PremiumSalary | InputKind::PremiumAgency => "premium",
            InputKind::ExitMonths => "exit",
            InputKind::ExitMonthsPerYear => "exit per year",
        }
    }

    /// The end a total at `bound` reads for this input (MODEL.md sections
    /// 4 and 8.2): prices, raises, attrition and non-labour amounts follow
    /// the bound; delays go the other way, and so does the in-house ramp-up
    /// (a longer ramp leaves fewer months in which leavers are replaced);
    /// what only moves capacity stays at typical.
    pub fn cost_bound(self, bound: Bound) -> Bound {
        match self {
            InputKind::TimeToHire | InputKind::TimeToStart | InputKind::InHouseRampUp => bound.reversed(),
            InputKind::InHouseRampProductivity
            | InputKind::AgencyRampUp
            | InputKind::AgencyRampProductivity
            | InputKind::Availability
            | InputKind::Productivity => Bound::Typical,
            InputKind::Salary
            | InputKind::AgencyRate
            | InputKind::Burden
            | InputKind::RecruitingFee
            | InputKind::Overhead
            | InputKind::ManagementOverhead
            | InputKind::AgencyHours
            | InputKind::Attrition
            | InputKind::Raise
            | InputKind::AgencyIncrease
            | InputKind::CostMonthly
            | InputKind::CostOnce
            | InputKind::PremiumSalary
            | InputKind::PremiumAgency
            | InputKind::ExitMonths
            | InputKind::ExitMonthsPerYear => bound,
        }
    }

    /// The end a capacity at `bound` reads: delays and ramp-up length go the
    /// other way, ramp productivity follows; prices do not matter.
    pub fn capacity_bound(self, bound: Bound) -> Bound {
        match self {
            InputKind::TimeToHire
            | InputKind::TimeToStart
            | InputKind::InHouseRampUp
            | InputKind::AgencyRampUp
            | InputKind::Attrition => bound.reversed(),
            InputKind::InHouseRampProductivity
            | InputKind::AgencyRampProductivity
            | InputKind::Availability
            | InputKind::Productivity => bound,
            InputKind::Salary
            | InputKind::AgencyRate
            | InputKind::Burden
            | InputKind::RecruitingFee
            | InputKind::Overhead
            | InputKind::ManagementOverhead
            | InputKind::AgencyHours
            | InputKind::Raise
            | InputKind::AgencyIncrease
            | InputKind::CostMonthly
            | InputKind::CostOnce
            | InputKind::PremiumSalary
            | InputKind::PremiumAgency
            | InputKind::ExitMonths
            | InputKind::ExitMonthsPerYear => Bound::Typical,
        }
    }
}

/// One distinct range input, shared by every seat that reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub kind: InputKind,
    /// What it belongs to: "ai-engineer Senior us" or "us".
    pub subject: String,
    pub range: Range,
    /// The currency an amount is written in (its entry's, else its
    /// location's); `None` for inputs that are not amounts.
    pub currency: Option<Currency>,
}

impl fmt::Display for Input {
    /// "salary ai-engineer Senior us", "raise us", "productivity Senior",
    /// "cost LLM API monthly", "cost Security audit once", "premium genai
    /// salary", "premium genai agency".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            InputKind::CostMonthly => write!(f, "cost {} monthly", self.subject),
            InputKind::CostOnce => write!(f, "cost {} once", self.subject),
            InputKind::PremiumSalary => write!(f, "premium {} salary", self.subject),
            InputKind::PremiumAgency => write!(f, "premium {} agency", self.subject),
            _ => write!(f, "{} {}", self.kind.label(), self.subject),
        }
    }
}

/// One value per input: what a total, a trial or a what-if reads.
pub type Values = Vec<Decimal>;

/// Values for a cost total at `bound`.
pub fn cost_values(inputs: &[Input], bound: Bound) -> Values {
    inputs
        .iter()
        .map(|i| i.range.at(i.kind.cost_bound(bound)))
        .collect()
}

/// Values for a capacity total at `bound`.
pub fn capacity_values(inputs: &[Input], bound: Bound) -> Values {
    inputs
        .iter()
        .map(|i| i.range.at(i.kind.capacity_bound(bound)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use InputKind::*;

    #[test]
    fn which_end_each_total_reads() {
        // MODEL.md section 4, "The range": prices follow the bound, delays go
        // the other way, ramp terms do not enter the cost; capacity reads
        // delays and ramp length reversed and ramp productivity as is.
        // MODEL.md 8.2 adds: raises, attrition and non-labour amounts raise
        // cost; availability and productivity are capacity inputs; attrition
        // lowers capacity; the in-house ramp-up moves cost the other way.
        // MODEL.md 3: skill premiums raise cost and leave capacity alone;
        // 10.4: so do exit costs.
        let prices = [
            Salary,
            AgencyRate,
            Burden,
            RecruitingFee,
            Overhead,
            ManagementOverhead,
            AgencyHours,
            Raise,
            AgencyIncrease,
            CostMonthly,
            CostOnce,
            PremiumSalary,
            PremiumAgency,
            ExitMonths,
            ExitMonthsPerYear,
        ];
        let delays = [TimeToHire, TimeToStart];
        let ramp_shares = [
            InHouseRampProductivity,
            AgencyRampProductivity,
            Availability,
            Productivity,
        ];
        for bound in [Bound::Low, Bound::Typical, Bound::High] {
            for k in prices {
                assert_eq!(k.cost_bound(bound), bound, "{k:?}");
                assert_eq!(k.capacity_bound(bound), Bound::Typical, "{k:?}");
            }
            for k in delays {
                assert_eq!(k.cost_bound(bound), bound.reversed(), "{k:?}");
                assert_eq!(k.capacity_bound(bound), bound.reversed(), "{k:?}");
            }
            assert_eq!(InHouseRampUp.cost_bound(bound), bound.reversed());
            assert_eq!(InHouseRampUp.capacity_bound(bound), bound.reversed());
            assert_eq!(AgencyRampUp.cost_bound(bound), Bound::Typical);
            assert_eq!(AgencyRampUp.capacity_bound(bound), bound.reversed());
            assert_eq!(Attrition.cost_bound(bound), bound);
            assert_eq!(Attrition.capacity_bound(bound), bound.reversed());
            for k in ramp_shares {
                assert_eq!(k.cost_bound(bound), Bound::Typical, "{k:?}");
                assert_eq!(k.capacity_bound(bound), bound, "{k:?}");
            }
        }
        assert_eq!(Bound::Low.reversed(), Bound::High);
    }
}
