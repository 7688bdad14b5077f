//! Advice (MODEL.md section 9): each phase of an estimated scenario held
//! against the hiring mistakes the rate layers' advice rules describe.
//! Computed beside the estimate, like its simulation: advice never changes
//! a figure, and a rule that cannot be judged (a break-even that cannot be
//! priced) says nothing rather than failing.

use rust_decimal::Decimal;

use crate::engine::{Estimate, PhaseEstimate, SeatEstimate};
use crate::rates::Layers;
use crate::rates::guide::{Condition, fill};
use crate::vocabulary::{Engagement, Focus, Stage};

/// One finding: which rule, in which phase (1-based), and what to say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub rule: String,
    pub phase: usize,
    pub stage: Stage,
    pub message: String,
}

/// One piece of advice on one line: `phase 2 (Production),
/// no-production-experience: <message>`.
impl std::fmt::Display for Advice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "phase {} ({}), {}: {}",
            self.phase, self.stage, self.rule, self.message
        )
    }
}

/// The advice of every rule in force, phase by phase, rule by rule; the
/// break-even is priced here, at most once and only when a rule asks for it.
pub fn advise(estimate: &Estimate, layers: &Layers) -> Vec<Advice> {
    let months = std::cell::OnceCell::new();
    advise_given(estimate, layers, || {
        *months.get_or_init(|| {
            let seats: Vec<_> = estimate.seats.iter().map(|s| s.seat.clone()).collect();
            crate::engine::breakeven::breakeven(&estimate.scenario, &seats, layers)
                .ok()
                .and_then(|b| b.months)
        })
    })
}

/// [`advise`] with the break-even (in months, `None` when in-house never
/// pays off or it cannot be priced) asked of `breakeven_months`, which is
/// called only when a rule needs it.
pub fn advise_given(
    estimate: &Estimate,
    layers: &Layers,
    breakeven_months: impl Fn() -> Option<u32>,
) -> Vec<Advice> {
    let rules = layers.advice_rules();
    let mut out = Vec::new();
    for (index, phase) in estimate.phases.iter().enumerate() {
        let last = index + 1 == estimate.phases.len();
        for (id, when, says) in &rules {
            let extra = match fires(when, estimate, phase, last, &breakeven_months) {
                Some(extra) => extra,
                None => continue,
            };
            let mut values = vec![
                ("stage", phase.stage.to_string()),
                ("phase", (index + 1).to_string()),
                (
                    "months",
                    format!(
                        "{}-{}",
                        phase.from_month.normalize(),
                        phase.until_month.normalize()
                    ),
                ),
                ("engineering_fte", fte(phase.engineering_fte)),
                ("development_fte", fte(phase.development_fte)),
                ("fte", fte(phase.engineering_fte + phase.development_fte)),
                (
                    "duration",
                    estimate.scenario.duration.get().normalize().to_string(),
                ),
            ];
            values.extend(extra);
            out.push(Advice {
                rule: id.to_string(),
                phase: index + 1,
                stage: phase.stage,
                message: fill(says, &values),
            });
        }
    }
    out
}

/// FTE as people read them: at most two places, no trailing zeros.
fn fte(value: Decimal) -> String {
    value.round_dp(2).normalize().to_string()
}

/// Whether `when` holds in `phase`; the extra placeholder values when it
/// does.
fn fires(
    when: &Condition,
    estimate: &Estimate,
    phase: &PhaseEstimate,
    last: bool,
    breakeven: impl FnOnce() -> Option<u32>,
) -> Option<Vec<(&'static str, String)>> {
    let holds = match when {
        Condition::DeveloperForEngineeringProblem { stages, requirements } => {
            let needs_engineering = stages.contains(&phase.stage)
                || requirements
                    .iter()
                    .any(|r| estimate.scenario.requirements.contains(r));
            needs_engineering && phase.engineering_fte.is_zero()
        }
        Condition::EngineerForPrototype { stages, above_share } => {
            let total = phase.engineering_fte + phase.development_fte;
            stages.contains(&phase.stage)
                && estimate.scenario.requirements.is_empty()
                && !total.is_zero()
                && phase.engineering_fte > total * above_share
        }
        Condition::NoProductionExperience { stages, levels } => {
            let mut engineers = in_phase(estimate, phase).filter(|s| s.focus == Focus::Engineering);
            let first = engineers.next();
            stages.contains(&phase.stage)
                && first.is_some_and(|f| {
                    levels.contains(&f.seat.level) && engineers.all(|s| levels.contains(&s.seat.level))
                })
        }
        Condition::AgencyForLongTermOwnership { stages } => {
            let all_agency = !estimate.seats.is_empty()
                && estimate
                    .seats
                    .iter()
                    .all(|s| s.seat.engagement == Engagement::Agency);
            if !(last && stages.contains(&phase.stage) && all_agency) {
                return None;
            }
            let months = breakeven()?;
            if Decimal::from(months) > estimate.scenario.duration.get() {
                return None;
            }
            return Some(vec![("breakeven", months.to_string())]);
        }
    };
    holds.then(Vec::new)
}

/// The seats whose window [from, until) overlaps the phase.
fn in_phase<'e>(estimate: &'e Estimate, phase: &'e PhaseEstimate) -> impl Iterator<Item = &'e SeatEstimate> {
    estimate
        .seats
        .iter()
        .filter(|s| s.from_month < phase.until_month && s.until_month > phase.from_month)
}

#[cfg(test)]
#[path = "advice_tests.rs"]
mod tests;
