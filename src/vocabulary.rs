//! The fixed words of the model (MODEL.md section 1): stages, products,
//! levels, engagements, role focus and requirements, and the name of the
//! rate table a scenario reads when it names none (section 2).

use std::fmt;

use serde::{Deserialize, Serialize};

/// The rate layers a scenario uses when it names none: the shipped market
/// table (MODEL.md section 2). Here, below both `scenario` (the default of
/// `rates:`) and `rates` (a plugin judged over it), so neither reads the
/// other.
pub const DEFAULT_LAYERS: &[&str] = &["market-2026"];

/// Where the product is in its life; early stages lean on developers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Stage {
    Idea,
    Prototype,
    Pilot,
    Production,
    Scale,
}

/// What kind of AI product the scenario builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Product {
    Chatbot,
    Rag,
    Agent,
    Recommendation,
    FraudDetection,
    ComputerVision,
    PredictiveAnalytics,
    Automation,
    Other,
}

/// Seniority of a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Level {
    Junior,
    Mid,
    Senior,
    Lead,
}

/// How one seat is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Engagement {
    InHouse,
    Agency,
}

/// What happens to a seat at its end (MODEL.md 10.4): the person is kept
/// (moved to other work, or on the payroll after the plan) or released
/// (let go, with the place's exit cost).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum After {
    Keep,
    Release,
}

/// How a scenario fills its seats by default; `Hybrid` mixes the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum EngagementChoice {
    InHouse,
    Agency,
    Hybrid,
}

/// What a role is for: the production system, or the feature and model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Focus {
    Engineering,
    Development,
}

/// Demands on the product that call for engineering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Requirement {
    SensitiveData,
    RealTime,
    HighScale,
    EnterpriseIntegration,
    Compliance,
    ContinuousRetraining,
}

macro_rules! display_as_debug {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self, f)
            }
        }
    )*};
}
display_as_debug!(
    Stage,
    Product,
    Level,
    Engagement,
    EngagementChoice,
    Focus,
    Requirement
);
