//! The scenario file as written (MODEL.md section 2), before validation.

use ron::value::RawValue;
use serde::Deserialize;

use crate::vocabulary::{After, Engagement, EngagementChoice, Level, Product, Requirement, Stage};

#[derive(Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct RawScenario<'a> {
    #[serde(borrow)]
    pub name: &'a RawValue,
    /// One stage over the whole project; exactly one of `stage` and
    /// `phases` is given. Kept as written so that a problem can point at it.
    #[serde(default, borrow)]
    pub stage: Option<&'a RawValue>,
    /// `[(stage: .., until_month: ..), ...]`, read by `plan::phases`.
    #[serde(default, borrow)]
    pub phases: Option<&'a RawValue>,
    #[serde(default)]
    pub product: Option<Product>,
    #[serde(borrow)]
    pub duration_months: &'a RawValue,
    #[serde(borrow)]
    pub location: &'a RawValue,
    pub engagement: EngagementChoice,
    #[serde(default)]
    pub requirements: Vec<Requirement>,
    #[serde(default, borrow)]
    pub rates: Option<Vec<&'a RawValue>>,
    #[serde(default, borrow)]
    pub currency: Option<&'a RawValue>,
    /// `Seats([...])`, `Recommend(...)`, or a bare `Recommend` (a plan
    /// over phases, MODEL.md 8.6), which serde cannot read as the same
    /// variant: read by `Scenario::read`.
    #[serde(borrow)]
    pub team: &'a RawValue,
    #[serde(default, borrow)]
    pub costs: Vec<RawCost<'a>>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, borrow)]
    pub goal: Option<RawGoal<'a>>,
    #[serde(default)]
    pub after: Option<After>,
    /// `start: "2027-01"` (MODEL.md 10.6), kept as written so that a
    /// problem can point at it.
    #[serde(default, borrow)]
    pub start: Option<&'a RawValue>,
    /// `fiscal_year_start: 4`, the month 1 to 12 a fiscal year starts in.
    #[serde(default, borrow)]
    pub fiscal_year_start: Option<&'a RawValue>,
}

/// `goal: (name: "...", effort_pm: E, by_month: T)` (MODEL.md 10.1).
#[derive(Deserialize)]
#[serde(rename = "Goal", deny_unknown_fields)]
pub struct RawGoal<'a> {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(borrow)]
    pub effort_pm: &'a RawValue,
    #[serde(default, borrow)]
    pub by_month: Option<&'a RawValue>,
}

/// One phase of `phases` (MODEL.md 8.1), with its own target (`effort_pm`
/// or `budget`) when the team is recommended phase by phase (section 8.6).
#[derive(Deserialize)]
#[serde(rename = "Phase", deny_unknown_fields)]
pub struct RawPhase<'a> {
    pub stage: Stage,
    #[serde(default, borrow)]
    pub until_month: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub effort_pm: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub budget: Option<&'a RawValue>,
}

/// One non-labour cost line of `costs` (MODEL.md 8.1).
#[derive(Deserialize)]
#[serde(rename = "Cost", deny_unknown_fields)]
pub struct RawCost<'a> {
    #[serde(borrow)]
    pub name: &'a RawValue,
    #[serde(default, borrow)]
    pub monthly: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub once: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub from_month: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub until_month: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub currency: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RawTeam<'a> {
    Seats(#[serde(borrow)] Vec<RawSeat<'a>>),
    Recommend {
        #[serde(default, borrow)]
        effort_pm: Option<&'a RawValue>,
        #[serde(default, borrow)]
        budget: Option<&'a RawValue>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSeat<'a> {
    #[serde(borrow)]
    pub role: &'a RawValue,
    pub level: Level,
    #[serde(default, borrow)]
    pub count: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub allocation: Option<&'a RawValue>,
    #[serde(default)]
    pub engagement: Option<Engagement>,
    #[serde(default, borrow)]
    pub location: Option<&'a RawValue>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default, borrow)]
    pub from_month: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub until_month: Option<&'a RawValue>,
    /// Ids of skill premiums (MODEL.md section 3), as written.
    #[serde(default, borrow)]
    pub skills: Vec<&'a RawValue>,
    /// `existing: true`: someone already employed (MODEL.md 10.5); kept as
    /// written so that an agency seat saying it can be pointed at.
    #[serde(default, borrow)]
    pub existing: Option<&'a RawValue>,
    #[serde(default)]
    pub after: Option<After>,
}
