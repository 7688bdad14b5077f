//! The hiring guide in the staffing profile (MODEL.md section 9): the
//! advice rules and the hiring brief of each role, as data. Each rule is an
//! id, a condition from a small fixed vocabulary (`Condition`) with its
//! parameters, and its words; each brief says what a role owns, what to
//! look for and what to ask. Both layer by id across the rate layers (see
//! [`crate::rates::Layers::advice_rules`]), so a company's plugin can add,
//! change or silence one entry without copying the rest.

use ron::value::RawValue;
use rust_decimal::Decimal;
use serde::Deserialize;

use crate::input::fields::Limits;
use crate::input::origin::Problems;
use crate::input::source::Source;
use crate::input::suggest::did_you_mean;
use crate::rates::entries::Entries;
use crate::rates::entries::once_each;
use crate::vocabulary::{Level, Requirement, Stage};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule<'a> {
    #[serde(default, borrow)]
    pub when: Option<RawCondition<'a>>,
    #[serde(default)]
    pub says: Option<String>,
    #[serde(default)]
    pub enabled: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RawCondition<'a> {
    DeveloperForEngineeringProblem {
        stages: Vec<Stage>,
        #[serde(default)]
        requirements: Vec<Requirement>,
    },
    EngineerForPrototype {
        stages: Vec<Stage>,
        #[serde(borrow)]
        above_share: &'a RawValue,
    },
    NoProductionExperience {
        stages: Vec<Stage>,
        levels: Vec<Level>,
    },
    AgencyForLongTermOwnership {
        stages: Vec<Stage>,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBrief {
    pub owns: String,
    pub look_for: Vec<String>,
    pub ask: Vec<String>,
}

/// When a rule fires, in one phase of a scenario (a seat is in a phase
/// when its window overlaps it; FTE are the phase's planned averages).
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// No engineering FTE in a phase whose stage is one of `stages`, or in
    /// any phase when the scenario has one of `requirements`.
    DeveloperForEngineeringProblem {
        stages: Vec<Stage>,
        requirements: Vec<Requirement>,
    },
    /// A phase of one of `stages`, in a scenario without requirements,
    /// whose engineering FTE is more than `above_share` of its FTE.
    EngineerForPrototype {
        stages: Vec<Stage>,
        above_share: Decimal,
    },
    /// A phase of one of `stages` with at least one engineering seat, every
    /// one of them at one of `levels`.
    NoProductionExperience { stages: Vec<Stage>, levels: Vec<Level> },
    /// The last phase is one of `stages`, every seat is Agency, and the
    /// break-even (MODEL.md section 6) is at most the duration; reported
    /// on the last phase.
    AgencyForLongTermOwnership { stages: Vec<Stage> },
}

impl Condition {
    /// The placeholders this condition can fill in its words.
    pub fn placeholders(&self) -> &'static [&'static str] {
        const COMMON: &[&str] = &[
            "stage",
            "phase",
            "months",
            "engineering_fte",
            "development_fte",
            "fte",
            "duration",
        ];
        const WITH_BREAKEVEN: &[&str] = &[
            "stage",
            "phase",
            "months",
            "engineering_fte",
            "development_fte",
            "fte",
            "duration",
            "breakeven",
        ];
        match self {
            Condition::AgencyForLongTermOwnership { .. } => WITH_BREAKEVEN,
            _ => COMMON,
        }
    }
}

/// One advice rule; `enabled: false` silences the rule of that id in the
/// layers below (and keeps no condition or words).
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Enabled { when: Condition, says: String },
    Silenced,
}

/// What to tell a hiring manager about one role.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    /// What the person will own, in a sentence or two.
    pub owns: String,
    /// What to look for: skills and experience.
    pub look_for: Vec<String>,
    /// What to ask when vetting.
    pub ask: Vec<String>,
}

pub fn read_rules<'a>(
    source: &Source<'a>,
    raw: Entries<'a, RawRule<'a>>,
    problems: &mut Problems,
) -> Vec<(String, Rule)> {
    let mut rules = Vec::new();
    for (id, r) in once_each(source, raw, "staffing.advice", problems) {
        let at = source.origin_of_slice(id);
        if r.enabled == Some(false) {
            rules.push((id.to_string(), Rule::Silenced));
            continue;
        }
        let (Some(when), Some(says)) = (r.when, r.says) else {
            problems.push(
                at.diag(format!("advice rule `{id}` needs `when` and `says`"))
                    .expected("(when: <condition>, says: \"...\"), or (enabled: false) to silence the rule")
                    .help("the four conditions are DeveloperForEngineeringProblem, EngineerForPrototype, NoProductionExperience, AgencyForLongTermOwnership; README.md shows each"),
            );
            continue;
        };
        let stages_given =
            |stages: &[Stage], problems: &mut Problems| {
                if stages.is_empty() {
                    problems.push(at.diag(format!("advice rule `{id}` names no stage")).expected(
                        "stages: [..] with at least one of Idea, Prototype, Pilot, Production, Scale",
                    ));
                }
            };
        let when = match when {
            RawCondition::DeveloperForEngineeringProblem { stages, requirements } => {
                if stages.is_empty() && requirements.is_empty() {
                    problems.push(
                        at.diag(format!("advice rule `{id}` names no stage and no requirement"))
                            .expected("stages: [..] or requirements: [..], not both empty"),
                    );
                }
                Condition::DeveloperForEngineeringProblem { stages, requirements }
            }
            RawCondition::EngineerForPrototype { stages, above_share } => {
                stages_given(&stages, problems);
                let what = format!("staffing.advice.{id}.above_share");
                let Some(above_share) = problems.take(source.number(above_share, &what, Limits::SHARE))
                else {
                    continue;
                };
                Condition::EngineerForPrototype { stages, above_share }
            }
            RawCondition::NoProductionExperience { stages, levels } => {
                stages_given(&stages, problems);
                if levels.is_empty() {
                    problems.push(
                        at.diag(format!("advice rule `{id}` names no level"))
                            .expected("levels: [..] with at least one of Junior, Mid, Senior, Lead"),
                    );
                }
                Condition::NoProductionExperience { stages, levels }
            }
            RawCondition::AgencyForLongTermOwnership { stages } => {
                stages_given(&stages, problems);
                Condition::AgencyForLongTermOwnership { stages }
            }
        };
        for name in placeholders(&says) {
            if !when.placeholders().contains(&name) {
                let known = when.placeholders();
                problems.push(
                    at.diag(format!(
                        "advice rule `{id}` says {{{name}}}, which its condition cannot fill"
                    ))
                    .expected(format!(
                        "one of {}",
                        known
                            .iter()
                            .map(|k| format!("{{{k}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .maybe_help(did_you_mean(name, known.iter().copied())),
                );
            }
        }
        rules.push((id.to_string(), Rule::Enabled { when, says }));
    }
    rules
}

pub fn read_briefs<'a>(
    source: &Source<'a>,
    raw: Entries<'a, RawBrief>,
    problems: &mut Problems,
) -> Vec<(String, Brief)> {
    once_each(source, raw, "staffing.briefs", problems)
        .into_iter()
        .map(|(role, b)| {
            (
                role.to_string(),
                Brief {
                    owns: b.owns,
                    look_for: b.look_for,
                    ask: b.ask,
                },
            )
        })
        .collect()
}

/// The `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// The text with each `{name}` replaced by its value; a name without a
/// value stays as written.
pub fn fill(text: &str, values: &[(&str, String)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_found_and_filled() {
        let text = "from month {breakeven} of {duration}";
        assert_eq!(placeholders(text), vec!["breakeven", "duration"]);
        assert_eq!(
            fill(text, &[("breakeven", "14".into()), ("duration", "24".into())]),
            "from month 14 of 24"
        );
        assert_eq!(fill("{unknown}", &[]), "{unknown}");
    }
}
