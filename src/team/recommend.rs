//! The recommender (MODEL.md section 5): from stage, product, requirements
//! and an effort or a budget to a team, every seat with the rule that put
//! it there.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::Likely;
use crate::input::diagnostic::Diagnostic;
use crate::input::origin::{Located, Origin};
use crate::money::{grouped, plain, two_places};
use crate::rates::Layers;
use crate::rates::staffing::{Specialist, Staffing};
use crate::scenario::{Allocation, Scenario, Seat, Target};
use crate::vocabulary::{Engagement, EngagementChoice, Focus, Level, Stage};

/// A proposed team and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub seats: Vec<Seat>,
    pub total_fte: Decimal,
    pub engineering_share: Decimal,
    pub engineering_fte: Decimal,
    pub development_fte: Decimal,
    /// The working, in words.
    pub reasoning: Vec<String>,
}

/// e = stage share + requirement share per distinct requirement, capped.
pub fn engineering_share(staffing: &Staffing, scenario: &Scenario) -> Decimal {
    let raw = staffing.stage_share(scenario.stage)
        + staffing.requirement_share * Decimal::from(scenario.requirements.len());
    raw.min(staffing.max_engineering_share)
}

/// x rounded to the nearest step, ties up.
fn round_to_step(x: Decimal, step: Decimal) -> Decimal {
    ((x / step) + Decimal::new(5, 1)).floor() * step
}

/// Engineering and development FTE of a team of `total` FTE.
pub fn split(staffing: &Staffing, scenario: &Scenario, total: Decimal) -> (Decimal, Decimal) {
    let e = engineering_share(staffing, scenario);
    let mut engineering = round_to_step(total * e, staffing.step_fte);
    if scenario.stage >= staffing.engineer_from {
        engineering = engineering.max(Decimal::ONE);
    }
    if scenario.stage == Stage::Idea && scenario.requirements.is_empty() {
        engineering = Decimal::ZERO;
    }
    engineering = engineering.min(total);
    (engineering, total - engineering)
}

/// One slice of a focus: a role at a level, some FTE, and why.
struct Part {
    role: &'static str,
    level: Level,
    fte: Decimal,
    reason: String,
}

fn focus_parts(staffing: &Staffing, scenario: &Scenario, focus: Focus, fte: Decimal) -> Vec<Part> {
    if fte.is_zero() {
        return Vec::new();
    }
    let (base, title) = match focus {
        Focus::Engineering => ("ai-engineer", "AI engineer"),
        Focus::Development => ("ai-developer", "AI developer"),
    };
    let stage = scenario.stage;
    let mut parts = Vec::new();
    // before `senior_engineer_from` every engineering FTE is Mid: no
    // Senior, no Lead (MODEL.md section 5)
    let all_mid = focus == Focus::Engineering && stage < staffing.senior_engineer_from;
    let senior_reason = match focus {
        Focus::Engineering if stage >= staffing.engineer_from => format!(
            "{stage} stage: at least one senior AI engineer owns deployment, infrastructure, monitoring, security and latency"
        ),
        Focus::Engineering => {
            let because = if scenario.requirements.is_empty() {
                format!("the {stage} stage")
            } else {
                scenario.requirements.iter().map(|r| r.to_string()).collect::<Vec<_>>().join(", ")
            };
            if all_mid {
                format!(
                    "{because}: mid-level AI engineers prepare the path to production (architecture, data handling, deployment); \
                     before the {} stage a senior engineer is more expensive than necessary",
                    staffing.senior_engineer_from
                )
            } else {
                format!("{because}: a senior AI engineer prepares the path to production (architecture, data handling, deployment)")
            }
        }
        Focus::Development => {
            "a senior AI developer leads the feature work: prototypes, application logic, prompts, fine-tuning and output testing".to_string()
        }
    };
    let senior = if all_mid {
        Decimal::ZERO
    } else {
        fte.min(Decimal::ONE)
    };
    if !senior.is_zero() {
        parts.push(Part {
            role: base,
            level: Level::Senior,
            fte: senior,
            reason: senior_reason.clone(),
        });
    }
    let mut mid = fte - senior;
    let focus_name = focus.to_string().to_lowercase();
    if !all_mid && fte >= staffing.lead_from_fte && mid >= Decimal::ONE {
        mid -= Decimal::ONE;
        parts.push(Part {
            role: base,
            level: Level::Lead,
            fte: Decimal::ONE,
            reason: format!(
                "{} FTE of {focus_name}: a lead {title} coordinates the work in place of a mid-level seat",
                plain(fte)
            ),
        });
    }
    let specialists: Vec<(&'static str, &Specialist, String)> = match focus {
        Focus::Engineering => vec![
            (
                "mlops-engineer",
                &staffing.mlops,
                format!(
                    "{} FTE of engineering at the {stage} stage: an MLOps engineer runs deployment pipelines, monitoring and retraining",
                    plain(fte)
                ),
            ),
            (
                "data-engineer",
                &staffing.data_engineer,
                format!(
                    "{}: with {} FTE of engineering, a data engineer owns the data pipelines the model depends on",
                    scenario.product.map(|p| p.to_string()).unwrap_or_default(),
                    plain(fte)
                ),
            ),
        ],
        Focus::Development => vec![(
            "prompt-engineer",
            &staffing.prompt_engineer,
            format!(
                "{} with {} FTE of development: prompt engineering designs, tunes and tests the prompts",
                scenario.product.map(|p| p.to_string()).unwrap_or_default(),
                plain(fte)
            ),
        )],
    };
    for (role, specialist, reason) in specialists {
        if specialist.applies(fte, stage, scenario.product) && mid >= specialist.fte {
            mid -= specialist.fte;
            parts.push(Part {
                role,
                level: Level::Mid,
                fte: specialist.fte,
                reason,
            });
        }
    }
    if mid > Decimal::ZERO {
        let reason = if all_mid {
            senior_reason
        } else {
            format!("mid-level {title}s add delivery capacity under the senior")
        };
        let at = usize::from(!senior.is_zero()).min(parts.len());
        parts.insert(
            at,
            Part {
                role: base,
                level: Level::Mid,
                fte: mid,
                reason,
            },
        );
    }
    parts
}

/// The engagement of a seat at `level`.
fn engagement_for(staffing: &Staffing, choice: EngagementChoice, level: Level) -> Engagement {
    match choice {
        EngagementChoice::InHouse => Engagement::InHouse,
        EngagementChoice::Agency => Engagement::Agency,
        EngagementChoice::Hybrid if staffing.hybrid_in_house.contains(&level) => Engagement::InHouse,
        EngagementChoice::Hybrid => Engagement::Agency,
    }
}

/// The seats of a team of `total` FTE.
pub fn seats(staffing: &Staffing, scenario: &Scenario, total: Decimal) -> Vec<Seat> {
    let (engineering, development) = split(staffing, scenario, total);
    let origin = Origin::new(&scenario.file);
    let mut out = Vec::new();
    for (focus, fte) in [
        (Focus::Engineering, engineering),
        (Focus::Development, development),
    ] {
        for part in focus_parts(staffing, scenario, focus, fte) {
            let engagement = engagement_for(staffing, scenario.engagement, part.level);
            let reason = match scenario.engagement {
                EngagementChoice::Hybrid => format!(
                    "{}; Hybrid: {} seats {}",
                    part.reason,
                    part.level,
                    if engagement == Engagement::InHouse {
                        "stay in-house (strategy and ownership)"
                    } else {
                        "go to an agency (delivery)"
                    }
                ),
                _ => part.reason,
            };
            // whole people at full time, and a part-time seat for the rest
            let whole = part.fte.trunc();
            let rest = part.fte - whole;
            let mut push = |count: u32, allocation: Allocation| {
                out.push(Seat {
                    role: Located::new(part.role.to_string(), origin.clone()),
                    level: part.level,
                    count,
                    allocation,
                    location: scenario.location.clone(),
                    engagement,
                    reason: Some(reason.clone()),
                    from_month: Decimal::ZERO,
                    until_month: None,
                    skills: Vec::new(),
                    existing: false,
                    after: None,
                });
            };
            if whole >= Decimal::ONE {
                push(whole.to_u32().unwrap_or(1), Allocation::FULL);
            }
            if let Some(allocation) = Allocation::new(rest) {
                push(1, allocation);
            }
        }
    }
    out
}

fn no_staffing(scenario: &Scenario, layers: &Layers) -> Diagnostic {
    Diagnostic::new(
        &scenario.file,
        format!("no staffing profile in layers {}", layers.describe()),
    )
    .expected("a `staffing` section in one of the rate layers (the shipped market-2026 has one)")
    .help("add market-2026 below your own layers, or give your plugin a staffing section")
}

/// Recommends a team for the scenario's target.
pub fn recommend(
    scenario: &Scenario,
    target: Target,
    layers: &Layers,
) -> Result<Recommendation, Vec<Diagnostic>> {
    let staffing = layers
        .staffing()
        .ok_or_else(|| vec![no_staffing(scenario, layers)])?;
    let step = staffing.step_fte;
    let steps = (staffing.max_fte / step).floor();
    let sizes = (1..=steps.to_usize().unwrap_or(0)).map(|k| step * Decimal::from(k));
    // each size is priced for the one figure its search compares, not
    // estimated whole
    let likely_of = |total: Decimal| -> Result<Likely, Vec<Diagnostic>> {
        Likely::of(scenario, &seats(staffing, scenario, total), layers)
    };
    let e = engineering_share(staffing, scenario);
    let months = plain(scenario.duration.get());
    let (total, why) = match target {
        Target::EffortPm(effort) => {
            let mut found = None;
            let mut last = None;
            for total in sizes {
                let capacity = likely_of(total)?.capacity().map_err(|d| vec![d])?;
                if capacity >= effort {
                    found = Some((total, capacity, last));
                    break;
                }
                last = Some((total, capacity));
            }
            let Some((total, capacity, smaller)) = found else {
                let most = last.map(|(_, c)| two_places(c)).unwrap_or_default();
                return Err(vec![
                    Diagnostic::new(&scenario.file, format!(
                        "an effort of {} person-months needs more than {} FTE in {months} months: {} FTE deliver {most} productive person-months",
                        plain(effort), plain(staffing.max_fte), plain(staffing.max_fte)
                    ))
                    .expected(format!("an effort that at most {} FTE can deliver in the duration", plain(staffing.max_fte)))
                    .help("lengthen duration_months, lower effort_pm, or split the work into several scenarios"),
                ]);
            };
            let smaller = smaller
                .map(|(t, c)| format!("; {} FTE would give {}", plain(t), two_places(c)))
                .unwrap_or_default();
            (
                total,
                format!(
                    "Team size: {} FTE is the smallest team whose likely capacity ({} person-months) meets the effort of {}{smaller}",
                    plain(total),
                    two_places(capacity),
                    plain(effort)
                ),
            )
        }
        Target::Budget(budget) => {
            let mut best = None;
            let mut smallest_cost = None;
            for total in sizes {
                let cost = likely_of(total)?.cost().map_err(|d| vec![d])?;
                smallest_cost.get_or_insert(cost);
                if cost <= budget {
                    best = Some((total, cost));
                }
            }
            let Some((total, cost)) = best else {
                let cheapest = smallest_cost.map(grouped).unwrap_or_default();
                return Err(vec![
                    Diagnostic::new(&scenario.file, format!(
                        "a budget of {} does not buy {} FTE for {months} months: the smallest team costs {cheapest}",
                        grouped(budget), plain(step)
                    ))
                    .expected(format!("a budget of at least {cheapest} in the reporting currency"))
                    .help("raise the budget, shorten duration_months, or pick a cheaper location or engagement"),
                ]);
            };
            (
                total,
                format!(
                    "Team size: {} FTE is the largest team whose likely cost ({}) fits the budget of {}",
                    plain(total),
                    grouped(cost),
                    grouped(budget)
                ),
            )
        }
    };
    let (engineering, development) = split(staffing, scenario, total);
    let reasoning = vec![
        format!(
            "Engineering share: {} stage {} + {} per requirement x {} = {}{}",
            scenario.stage,
            plain(staffing.stage_share(scenario.stage)),
            plain(staffing.requirement_share),
            scenario.requirements.len(),
            plain(e),
            if e == staffing.max_engineering_share {
                " (the cap)"
            } else {
                ""
            }
        ),
        why,
        format!(
            "Mix: {} x {} = {}, rounded to the nearest {}: {} engineering FTE and {} development FTE",
            plain(total),
            plain(e),
            plain(total * e),
            plain(step),
            plain(engineering),
            plain(development)
        ),
    ];
    Ok(Recommendation {
        seats: seats(staffing, scenario, total),
        total_fte: total,
        engineering_share: e,
        engineering_fte: engineering,
        development_fte: development,
        reasoning,
    })
}
