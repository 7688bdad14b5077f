//! The rate plugin file as written (MODEL.md section 3), before validation.
//!
//! Leaves are borrowed `&RawValue`s so validation can read numbers exactly
//! and point at them.

use std::collections::BTreeMap;

use ron::value::RawValue;
use serde::Deserialize;

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
    pub sources: BTreeMap<&'a str, RawSource<'a>>,
    #[serde(default, borrow)]
    pub roles: BTreeMap<&'a str, RawRole>,
    #[serde(default, borrow)]
    pub locations: BTreeMap<&'a str, RawLocation<'a>>,
    #[serde(default, borrow)]
    pub salaries: Vec<RawSalary<'a>>,
    #[serde(default, borrow)]
    pub agency_rates: Vec<RawAgencyRate<'a>>,
    #[serde(default, borrow)]
    pub fx: Option<RawFx<'a>>,
    #[serde(default, borrow)]
    pub staffing: Option<crate::team::staffing::RawStaffing<'a>>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFx<'a> {
    #[serde(borrow)]
    pub base: &'a RawValue,
    #[serde(borrow)]
    pub rates: BTreeMap<&'a str, &'a RawValue>,
}
