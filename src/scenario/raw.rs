//! The scenario file as written (MODEL.md section 2), before validation.

use ron::value::RawValue;
use serde::Deserialize;

use crate::vocabulary::{Engagement, EngagementChoice, Level, Product, Requirement, Stage};

#[derive(Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct RawScenario<'a> {
    #[serde(borrow)]
    pub name: &'a RawValue,
    pub stage: Stage,
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
    #[serde(borrow)]
    pub team: RawTeam<'a>,
    #[serde(default)]
    pub note: Option<String>,
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
}
