//! The rate plugin file as written (MODEL.md section 3), before validation.
//!
//! Leaves are borrowed `&RawValue`s so validation can read numbers exactly
//! and point at them.

use ron::value::RawValue;
use serde::Deserialize;

pub use crate::rates::entries::{Entries, Pairs};
use crate::vocabulary::{Focus, Level};

#[derive(Deserialize)]
#[serde(rename = "RateTable", deny_unknown_fields)]
pub struct RawRateTable<'a> {
    #[serde(borrow)]
    pub name: &'a RawValue,
    #[serde(default, borrow)]
    pub effective: Option<&'a RawValue>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default, borrow)]
    pub sources: Entries<'a, RawSource<'a>>,
    #[serde(default, borrow)]
    pub roles: Entries<'a, RawRole>,
    #[serde(default, borrow)]
    pub locations: Entries<'a, RawLocation<'a>>,
    #[serde(default, borrow)]
    pub salaries: Vec<RawSalary<'a>>,
    #[serde(default, borrow)]
    pub agency_rates: Vec<RawAgencyRate<'a>>,
    /// Skill premiums by id (MODEL.md section 3).
    #[serde(default, borrow)]
    pub premiums: Entries<'a, RawPremium<'a>>,
    #[serde(default, borrow)]
    pub fx: Option<RawFx<'a>>,
    #[serde(default, borrow)]
    pub staffing: Option<crate::rates::staffing::RawStaffing<'a>>,
    /// Output of a person-month by level; keys are read as written so that
    /// a misspelt or repeated level can be pointed at.
    #[serde(default, borrow)]
    pub productivity: Option<Pairs<&'a RawValue, &'a RawValue>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource<'a> {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(borrow)]
    pub published: &'a RawValue,
    #[serde(default)]
    pub grade: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Why an old source is still used and how its figures were brought up
    /// to date; read as written so that an empty one can be pointed at.
    #[serde(default, borrow)]
    pub stale: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub title: String,
    pub focus: Focus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation<'a> {
    pub name: String,
    #[serde(borrow)]
    pub currency: &'a RawValue,
    #[serde(borrow)]
    pub in_house: RawInHouse<'a>,
    #[serde(borrow)]
    pub agency: RawAgency<'a>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInHouse<'a> {
    #[serde(borrow)]
    pub burden: &'a RawValue,
    #[serde(borrow)]
    pub recruiting_fee: &'a RawValue,
    #[serde(borrow)]
    pub time_to_hire_weeks: &'a RawValue,
    #[serde(borrow)]
    pub ramp_up_weeks: &'a RawValue,
    #[serde(borrow)]
    pub ramp_productivity: &'a RawValue,
    #[serde(borrow)]
    pub overhead_monthly: &'a RawValue,
    #[serde(borrow)]
    pub management_overhead: &'a RawValue,
    #[serde(default, borrow)]
    pub availability: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub attrition: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub annual_raise: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub exit_months: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub exit_months_per_year: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgency<'a> {
    #[serde(borrow)]
    pub hours_per_month: &'a RawValue,
    #[serde(borrow)]
    pub time_to_start_weeks: &'a RawValue,
    #[serde(borrow)]
    pub ramp_up_weeks: &'a RawValue,
    #[serde(borrow)]
    pub ramp_productivity: &'a RawValue,
    #[serde(default, borrow)]
    pub annual_increase: Option<&'a RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSalary<'a> {
    #[serde(borrow)]
    pub role: &'a RawValue,
    pub level: Level,
    #[serde(borrow)]
    pub location: &'a RawValue,
    #[serde(borrow)]
    pub annual: &'a RawValue,
    #[serde(default, borrow)]
    pub currency: Option<&'a RawValue>,
    #[serde(borrow)]
    pub source: &'a RawValue,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAgencyRate<'a> {
    #[serde(borrow)]
    pub role: &'a RawValue,
    pub level: Level,
    #[serde(borrow)]
    pub location: &'a RawValue,
    #[serde(borrow)]
    pub hourly: &'a RawValue,
    #[serde(default, borrow)]
    pub currency: Option<&'a RawValue>,
    #[serde(borrow)]
    pub source: &'a RawValue,
    #[serde(default)]
    pub note: Option<String>,
}

/// A skill premium: shares of salary and of the hourly rate, each
/// optional (default 0).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPremium<'a> {
    pub title: String,
    #[serde(default, borrow)]
    pub salary: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub agency: Option<&'a RawValue>,
    #[serde(borrow)]
    pub source: &'a RawValue,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFx<'a> {
    #[serde(borrow)]
    pub base: &'a RawValue,
    #[serde(borrow)]
    pub rates: Entries<'a, &'a RawValue>,
    /// The source id the rates were taken from.
    #[serde(default, borrow)]
    pub source: Option<&'a RawValue>,
}
