//! A scenario before it is checked, and the one constructor that checks it:
//! the file reader and the recommender's flags both produce a [`Spec`], and
//! [`Scenario::new`] derives the stage and the phases from its plan and
//! holds every rule that ties the fields together (phases cover the
//! project in order, a plan has a target per phase, windows and seats lie
//! inside the project).

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use crate::input::diagnostic::Diagnostic;
use crate::input::origin::Located;
use crate::money::Currency;
use crate::scenario::calendar::Calendar;
use crate::scenario::{
    CostLine, Goal, MAX_COUNT, MAX_SEATS, MAX_SKILLS, Months, Phase, Scenario, Target, Team,
};
use crate::vocabulary::{After, EngagementChoice, Product, Requirement, Stage};

/// The stages of a scenario as given: one stage over the whole project,
/// or phases in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Plan {
    One(Stage),
    Phases(Vec<Phase>),
}

/// Everything a scenario says, as given.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    pub name: String,
    /// The file it came from, or what stands for one (`<command line>`).
    pub file: String,
    pub plan: Plan,
    pub costs: Vec<CostLine>,
    pub product: Option<Product>,
    pub duration: Months,
    pub location: Located<String>,
    pub engagement: EngagementChoice,
    pub requirements: BTreeSet<Requirement>,
    /// Rate layers, bottom to top: at least one.
    pub rates: Vec<Located<String>>,
    pub currency: Option<Located<Currency>>,
    pub team: Team,
    pub note: Option<String>,
    /// The goal as given; a single-stage `Recommend(effort_pm: E)` without
    /// one is given the goal of E by the end (MODEL.md 10.1).
    pub goal: Option<Goal>,
    /// What happens at the end of the plan to the in-house seats that run
    /// to it (MODEL.md 10.4): kept on the payroll, or released.
    pub after: After,
    /// Where the plan sits on the calendar (MODEL.md 10.6); `None`: plan
    /// months only.
    pub calendar: Option<Calendar>,
}

impl Scenario {
    /// The scenario of a specification, or every rule it breaks.
    pub fn new(spec: Spec) -> Result<Scenario, Vec<Diagnostic>> {
        let end = spec.duration.get();
        let phases = match spec.plan {
            Plan::One(stage) => vec![Phase {
                stage,
                start: Decimal::ZERO,
                end,
            }],
            Plan::Phases(phases) => phases,
        };
        let problem = |message: String| Diagnostic::new(spec.file.clone(), message);
        let mut problems = Vec::new();
        let mut start = Decimal::ZERO;
        for (i, p) in phases.iter().enumerate() {
            if p.start != start || p.end <= p.start {
                problems.push(problem(format!(
                    "phase {} ({}) runs from month {} to {}, and must start at month {} and end after it",
                    i + 1,
                    p.stage,
                    p.start.normalize(),
                    p.end.normalize(),
                    start.normalize()
                )));
            }
            start = p.end;
        }
        if phases.last().is_none_or(|p| p.end != end) {
            problems.push(problem(format!(
                "the phases end at month {}, and the project at {}",
                start.normalize(),
                end.normalize()
            )));
        }
        if spec.rates.is_empty() {
            problems.push(problem("the scenario names no rate layer".into()));
        }
        let inside = |from: Decimal, until: Option<Decimal>| {
            let until = until.unwrap_or(end);
            from >= Decimal::ZERO && from < end && until > from && until <= end
        };
        match &spec.team {
            Team::Seats(seats) => {
                if seats.is_empty() || seats.len() > MAX_SEATS {
                    problems.push(problem(format!(
                        "the team has {} seats, and needs 1 to {MAX_SEATS}",
                        seats.len()
                    )));
                }
                for (i, s) in seats.iter().enumerate() {
                    if !(1..=MAX_COUNT).contains(&s.count) || s.skills.len() > MAX_SKILLS {
                        problems.push(problem(format!(
                            "seat {} ({} {}) has {} people and {} skills, and may have 1 to {MAX_COUNT} people and at most {MAX_SKILLS} skills",
                            i + 1,
                            s.role.value,
                            s.level,
                            s.count,
                            s.skills.len()
                        )));
                    }
                    if !inside(s.from_month, s.until_month) {
                        problems.push(problem(format!(
                            "seat {} ({} {}) has a window outside the project's {} months",
                            i + 1,
                            s.role.value,
                            s.level,
                            end.normalize()
                        )));
                    }
                }
            }
            Team::Recommend { target, .. } => {
                if !positive(target) {
                    problems.push(problem("the team's target is not a positive amount".into()));
                }
            }
            Team::RecommendPlan { targets, .. } => {
                if targets.len() != phases.len() || !targets.iter().all(positive) {
                    problems.push(problem(format!(
                        "a plan recommended phase by phase needs one positive target for each of its {} phases, not {}",
                        phases.len(),
                        targets.len()
                    )));
                }
            }
        }
        for line in &spec.costs {
            if !inside(line.from_month, line.until_month) {
                problems.push(problem(format!(
                    "cost line `{}` has a window outside the project's {} months",
                    line.name.value,
                    end.normalize()
                )));
            }
        }
        if let Some(g) = &spec.goal
            && !(g.effort_pm > Decimal::ZERO && g.by_month > Decimal::ZERO && g.by_month <= end)
        {
            problems.push(problem(format!(
                "the goal of {} person-months by month {} lies outside the project's {} months",
                g.effort_pm.normalize(),
                g.by_month.normalize(),
                end.normalize()
            )));
        }
        if let (
            Some(g),
            Team::Recommend {
                target: Target::EffortPm(e),
                ..
            },
        ) = (&spec.goal, &spec.team)
            && g.effort_pm != *e
        {
            problems.push(problem(format!(
                "the goal's effort of {} person-months and the recommendation's target of {} disagree",
                g.effort_pm.normalize(),
                e.normalize()
            )));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let goal = spec
            .goal
            .clone()
            .or_else(|| implied_goal(&spec.team, phases.len(), end));
        let Some(first) = phases.first() else {
            return Err(problems);
        };
        Ok(Scenario {
            name: spec.name,
            file: spec.file,
            stage: first.stage,
            phases,
            costs: spec.costs,
            product: spec.product,
            duration: spec.duration,
            location: spec.location,
            engagement: spec.engagement,
            requirements: spec.requirements,
            rates: spec.rates,
            currency: spec.currency,
            team: spec.team,
            note: spec.note,
            goal,
            after: spec.after,
            calendar: spec.calendar,
        })
    }

    /// The specification of this scenario, to change and build again.
    pub fn spec(&self) -> Spec {
        Spec {
            name: self.name.clone(),
            file: self.file.clone(),
            plan: Plan::Phases(self.phases.clone()),
            costs: self.costs.clone(),
            product: self.product,
            duration: self.duration,
            location: self.location.clone(),
            engagement: self.engagement,
            requirements: self.requirements.clone(),
            rates: self.rates.clone(),
            currency: self.currency.clone(),
            team: self.team.clone(),
            note: self.note.clone(),
            // an implied goal follows the team's target, not the other way
            goal: self.goal.clone().filter(|g| {
                Some(g) != implied_goal(&self.team, self.phases.len(), self.duration.get()).as_ref()
            }),
            after: self.after,
            calendar: self.calendar,
        }
    }
}

/// The goal a single-stage `Recommend(effort_pm: E)` implies: E by the
/// end (MODEL.md 10.1).
fn implied_goal(team: &Team, phases: usize, end: Decimal) -> Option<Goal> {
    match (team, phases) {
        (
            Team::Recommend {
                target: Target::EffortPm(e),
                ..
            },
            1,
        ) => Some(Goal {
            name: None,
            effort_pm: *e,
            by_month: end,
        }),
        _ => None,
    }
}

fn positive(target: &Target) -> bool {
    match target {
        Target::EffortPm(v) | Target::Budget(v) => *v > Decimal::ZERO,
    }
}
