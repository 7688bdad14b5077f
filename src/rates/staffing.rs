//! The staffing profile: the defaults of the recommender (MODEL.md section
//! 5) as data, carried by a rate plugin in a `staffing` section and layered
//! like everything else (the topmost wins whole), except its advice rules
//! and hiring briefs, which layer by id (`rates::guide`).

use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::input::diagnostic::Diagnostic;
use crate::input::fields::Limits;
use crate::input::origin::Problems;
use crate::input::source::Source;
use crate::rates::entries::Entries;
use crate::rates::guide::{Brief, RawBrief, RawRule, Rule, read_briefs, read_rules};
use crate::vocabulary::{Level, Product, Stage};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStaffing<'a> {
    #[serde(borrow)]
    pub stage_shares: RawStageShares<'a>,
    #[serde(borrow)]
    pub requirement_share: &'a RawValue,
    #[serde(borrow)]
    pub max_engineering_share: &'a RawValue,
    #[serde(borrow)]
    pub step_fte: &'a RawValue,
    #[serde(borrow)]
    pub max_fte: &'a RawValue,
    pub engineer_from: Stage,
    /// Optional: [`DEFAULT_SENIOR_ENGINEER_FROM`] when left out.
    #[serde(default)]
    pub senior_engineer_from: Option<Stage>,
    #[serde(borrow)]
    pub lead_from_fte: &'a RawValue,
    #[serde(borrow)]
    pub mlops: RawSpecialist<'a>,
    #[serde(borrow)]
    pub data_engineer: RawSpecialist<'a>,
    #[serde(borrow)]
    pub prompt_engineer: RawSpecialist<'a>,
    pub hybrid_in_house: Vec<Level>,
    /// The advice rules by id (MODEL.md section 9); layered by id.
    #[serde(default, borrow)]
    pub advice: Entries<'a, RawRule<'a>>,
    /// The hiring brief of each role, by role id; layered by id.
    #[serde(default, borrow)]
    pub briefs: Entries<'a, RawBrief>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStageShares<'a> {
    #[serde(borrow)]
    pub idea: &'a RawValue,
    #[serde(borrow)]
    pub prototype: &'a RawValue,
    #[serde(borrow)]
    pub pilot: &'a RawValue,
    #[serde(borrow)]
    pub production: &'a RawValue,
    #[serde(borrow)]
    pub scale: &'a RawValue,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecialist<'a> {
    #[serde(borrow)]
    pub from_fte: &'a RawValue,
    #[serde(borrow)]
    pub fte: &'a RawValue,
    #[serde(default)]
    pub from_stage: Option<Stage>,
    #[serde(default)]
    pub products: Option<Vec<Product>>,
}

/// When a specialist role takes over part of a focus.
#[derive(Debug, Clone, PartialEq)]
pub struct Specialist {
    /// The focus must have at least this many FTE.
    pub from_fte: Decimal,
    /// How many FTE the specialist takes over.
    pub fte: Decimal,
    /// Only from this stage on, when given.
    pub from_stage: Option<Stage>,
    /// Only for these products, when given.
    pub products: Option<Vec<Product>>,
}

impl Specialist {
    pub fn applies(&self, focus_fte: Decimal, stage: Stage, product: Option<Product>) -> bool {
        focus_fte >= self.from_fte
            && self.from_stage.is_none_or(|s| stage >= s)
            && self
                .products
                .as_ref()
                .is_none_or(|list| product.is_some_and(|p| list.contains(&p)))
    }
}

/// The recommender's profile, every figure checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Staffing {
    pub stage_shares: [Decimal; 5],
    pub requirement_share: Decimal,
    pub max_engineering_share: Decimal,
    pub step_fte: Decimal,
    pub max_fte: Decimal,
    /// At least one engineering FTE from this stage on.
    pub engineer_from: Stage,
    /// Senior and Lead engineering seats from this stage on; before it
    /// every engineering FTE is Mid (an engineer for a prototype is more
    /// expensive than necessary).
    pub senior_engineer_from: Stage,
    pub lead_from_fte: Decimal,
    pub mlops: Specialist,
    pub data_engineer: Specialist,
    pub prompt_engineer: Specialist,
    /// With `Hybrid`, these levels stay in-house; the others go to an agency.
    pub hybrid_in_house: Vec<Level>,
    /// The advice rules this profile gives, in file order; see
    /// [`crate::rates::Layers::advice_rules`] for how layers combine them.
    pub advice: Vec<(String, Rule)>,
    /// The hiring briefs this profile gives, by role id.
    pub briefs: Vec<(String, Brief)>,
}

/// Where a profile that does not say starts senior engineering (MODEL.md
/// section 5: at Idea and Prototype every engineering FTE is Mid).
pub const DEFAULT_SENIOR_ENGINEER_FROM: Stage = Stage::Pilot;

impl Staffing {
    pub fn stage_share(&self, stage: Stage) -> Decimal {
        self.stage_shares[stage as usize]
    }
}

pub fn read<'a>(source: &Source<'a>, raw: RawStaffing<'a>, problems: &mut Problems) -> Option<Staffing> {
    let mut number = |raw: &'a RawValue, what: &str, limits: Limits| {
        problems.take(source.number(raw, &format!("staffing.{what}"), limits))
    };
    let shares = [
        number(raw.stage_shares.idea, "stage_shares.idea", Limits::SHARE),
        number(
            raw.stage_shares.prototype,
            "stage_shares.prototype",
            Limits::SHARE,
        ),
        number(raw.stage_shares.pilot, "stage_shares.pilot", Limits::SHARE),
        number(
            raw.stage_shares.production,
            "stage_shares.production",
            Limits::SHARE,
        ),
        number(raw.stage_shares.scale, "stage_shares.scale", Limits::SHARE),
    ];
    let requirement_share = number(raw.requirement_share, "requirement_share", Limits::SHARE);
    let max_engineering_share = number(raw.max_engineering_share, "max_engineering_share", Limits::SHARE);
    let step_fte = number(raw.step_fte, "step_fte", Limits::STEP_FTE);
    let max_fte = number(raw.max_fte, "max_fte", Limits::FTE);
    let lead_from_fte = number(raw.lead_from_fte, "lead_from_fte", Limits::FTE);
    let mut specialist = |raw: RawSpecialist<'a>, what: &str| {
        let from_fte =
            problems.take(source.number(raw.from_fte, &format!("staffing.{what}.from_fte"), Limits::FTE));
        let fte = problems.take(source.number(raw.fte, &format!("staffing.{what}.fte"), Limits::FTE));
        Some(Specialist {
            from_fte: from_fte?,
            fte: fte?,
            from_stage: raw.from_stage,
            products: raw.products,
        })
    };
    let mlops = specialist(raw.mlops, "mlops");
    let data_engineer = specialist(raw.data_engineer, "data_engineer");
    let prompt_engineer = specialist(raw.prompt_engineer, "prompt_engineer");
    let [idea, prototype, pilot, production, scale] = shares;
    let stage_shares = [idea?, prototype?, pilot?, production?, scale?];
    if stage_shares.windows(2).any(|w| w[0] > w[1]) {
        problems.push(
            Diagnostic::new(source.name, "staffing.stage_shares fall as the stage advances")
                .expected("shares that never fall from idea to scale")
                .help("a later stage needs at least as much engineering as an earlier one"),
        );
    }
    let advice = read_rules(source, raw.advice, problems);
    let briefs = read_briefs(source, raw.briefs, problems);
    Some(Staffing {
        stage_shares,
        requirement_share: requirement_share?,
        max_engineering_share: max_engineering_share?,
        step_fte: step_fte?,
        max_fte: max_fte?,
        engineer_from: raw.engineer_from,
        senior_engineer_from: raw.senior_engineer_from.unwrap_or(DEFAULT_SENIOR_ENGINEER_FROM),
        lead_from_fte: lead_from_fte?,
        mlops: mlops?,
        data_engineer: data_engineer?,
        prompt_engineer: prompt_engineer?,
        hybrid_in_house: raw.hybrid_in_house,
        advice,
        briefs,
    })
}
