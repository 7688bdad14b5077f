//! A scenario: what is being built, for how long, where, and with whom
//! (MODEL.md section 2). `Scenario::read` checks everything that can be
//! checked without rate tables; ids are checked against the layers later.

pub mod calendar;
mod plan;
mod raw;
mod spec;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use ron::value::RawValue;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::input::diagnostic::Diagnostic;
use crate::input::fields::Limits;
use crate::input::origin::{Located, Origin, Problems};
use crate::input::source::Source;
use crate::money::Currency;
use crate::range::Range;
use crate::vocabulary::{After, Engagement, EngagementChoice, Level, Product, Requirement, Stage};
use raw::{RawScenario, RawSeat, RawTeam};
pub use spec::{Plan, Spec};

/// A project length in months: more than 0, at most 120.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Months(Decimal);

impl Months {
    pub const MAX: Decimal = Decimal::from_parts(120, 0, 0, false, 0);

    pub fn new(months: Decimal) -> Option<Months> {
        (months > Decimal::ZERO && months <= Self::MAX).then_some(Months(months))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// A share of full time: more than 0, at most 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Allocation(Decimal);

impl Allocation {
    pub const FULL: Allocation = Allocation(Decimal::ONE);

    pub fn new(share: Decimal) -> Option<Allocation> {
        (share > Decimal::ZERO && share <= Decimal::ONE).then_some(Allocation(share))
    }

    pub fn get(self) -> Decimal {
        self.0
    }
}

/// One line of a team: `count` people of a role and level, each at `allocation`.
#[derive(Debug, Clone, PartialEq)]
pub struct Seat {
    pub role: Located<String>,
    pub level: Level,
    pub count: u32,
    pub allocation: Allocation,
    pub location: Located<String>,
    pub engagement: Engagement,
    /// Why the seat is there, for a recommended team.
    pub reason: Option<String>,
    /// When the position opens, in months from the project's start (the
    /// search starts, or the agency request goes out); default 0.
    pub from_month: Decimal,
    /// When the seat ends; `None`: at the end of the project.
    pub until_month: Option<Decimal>,
    /// Ids of the skill premiums the seat is paid (MODEL.md section 3),
    /// each once, at most [`MAX_SKILLS`]; empty for a recommended seat.
    pub skills: Vec<Located<String>>,
    /// Someone already employed and productive (MODEL.md 10.5): no search,
    /// no notice, no hiring fee, no ramp-up; in-house seats only.
    pub existing: bool,
    /// What happens at the seat's end when it says (MODEL.md 10.4); `None`:
    /// released before the end of the plan (kept, for an existing seat),
    /// the scenario's `after` at its end.
    pub after: Option<After>,
}

impl Seat {
    /// `count` people of a role and level in `location`, full time for the
    /// whole project, with no skills and no reason: the seat the reader
    /// makes of `(role: "...", level: ..., count: n)` written in a scenario
    /// at `location` with `engagement`. [`Scenario::of_seats`] checks it.
    pub fn new(
        role: Located<String>,
        level: Level,
        count: u32,
        location: Located<String>,
        engagement: Engagement,
    ) -> Seat {
        Seat {
            role,
            level,
            count,
            allocation: Allocation::FULL,
            location,
            engagement,
            reason: None,
            from_month: Decimal::ZERO,
            until_month: None,
            skills: Vec::new(),
            existing: false,
            after: None,
        }
    }

    /// Whether the seat's people are let go at its end, u (MODEL.md 10.4,
    /// 10.13): what the seat says, else released before the end of the plan
    /// (kept, moved to other work, when already employed) and at the end as
    /// the scenario's `after` says. An agency seat is never released: it is
    /// ended, at no exit cost.
    pub fn released(&self, duration: Decimal, at_end: After) -> bool {
        if self.engagement == Engagement::Agency {
            return false;
        }
        let after = self.after.unwrap_or(match self.until_month {
            Some(u) if u < duration && self.existing => After::Keep,
            Some(u) if u < duration => After::Release,
            _ => at_end,
        });
        after == After::Release
    }

    /// Full-time equivalents: count x allocation.
    pub fn fte(&self) -> Decimal {
        Decimal::from(self.count) * self.allocation.get()
    }

    /// The role with the seat's skills, for reports: `ai-engineer (genai,
    /// cloud)`; the role alone when it has none.
    pub fn role_label(&self) -> String {
        if self.skills.is_empty() {
            return self.role.value.clone();
        }
        let skills: Vec<&str> = self.skills.iter().map(|s| s.value.as_str()).collect();
        format!("{} ({})", self.role.value, skills.join(", "))
    }
}

/// What the recommender should size the team for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    EffortPm(Decimal),
    Budget(Decimal),
}

/// One stage of a plan: months [start, end) of the project (MODEL.md 8.1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Phase {
    pub stage: Stage,
    pub start: Decimal,
    pub end: Decimal,
}

/// A non-labour cost line (MODEL.md 8.1): `monthly` over its window and
/// `once` in the month it opens, in `currency` (default: the currency of
/// the scenario's location).
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    pub name: Located<String>,
    pub monthly: Range,
    pub once: Range,
    pub from_month: Decimal,
    /// `None`: to the end of the project.
    pub until_month: Option<Decimal>,
    pub currency: Option<Located<Currency>>,
}

/// The work a scenario is to deliver (MODEL.md section 10.1): `effort_pm`
/// productive person-months by `by_month`; scenarios whose goals share a
/// `name` are options for one decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Goal {
    pub name: Option<String>,
    pub effort_pm: Decimal,
    /// 0 < by_month <= D.
    pub by_month: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Team {
    Seats(Vec<Seat>),
    Recommend {
        target: Target,
        origin: Origin,
    },
    /// A plan recommended phase by phase (MODEL.md 8.6): the target of
    /// each of the scenario's phases, in order.
    RecommendPlan {
        targets: Vec<Target>,
        origin: Origin,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub file: String,
    /// The stage of the first phase.
    pub stage: Stage,
    /// The stages in order, covering [0, D); one for `stage: X`.
    pub phases: Vec<Phase>,
    /// Non-labour costs.
    pub costs: Vec<CostLine>,
    pub product: Option<Product>,
    pub duration: Months,
    pub location: Located<String>,
    pub engagement: EngagementChoice,
    pub requirements: BTreeSet<Requirement>,
    /// Rate layers, bottom to top.
    pub rates: Vec<Located<String>>,
    pub currency: Option<Located<Currency>>,
    pub team: Team,
    /// Free text: what the scenario assumes.
    pub note: Option<String>,
    /// The work to deliver: as written, or implied by a single-stage
    /// `Recommend(effort_pm: E)` (E by the end).
    pub goal: Option<Goal>,
    /// What happens at the end of the plan to the in-house seats that run
    /// to it (MODEL.md 10.4); default Keep.
    pub after: After,
    /// Where the plan sits on the calendar (MODEL.md 10.6); `None`: plan
    /// months only.
    pub calendar: Option<calendar::Calendar>,
}

impl Scenario {
    /// The stages of the plan joined by arrows: "Prototype → Pilot →
    /// Production"; the one stage of a single-stage scenario.
    pub fn stage_label(&self) -> String {
        if self.phases.is_empty() {
            return self.stage.to_string();
        }
        self.phases
            .iter()
            .map(|p| p.stage.to_string())
            .collect::<Vec<_>>()
            .join(" → ")
    }

    /// A scenario of explicit seats over one stage, built as values rather
    /// than read: every field a file may leave out is what the reader gives
    /// it then (no product, requirements, cost lines, note or currency; the
    /// default rate layers), and `file` says where it comes from. `None`
    /// where the reader would refuse the team: no seats, more than
    /// [`MAX_SEATS`], a count outside 1 to [`MAX_COUNT`], more than
    /// [`MAX_SKILLS`] skills, or a window outside the project.
    pub fn of_seats(
        name: &str,
        file: &str,
        stage: Stage,
        duration: Months,
        location: Located<String>,
        engagement: EngagementChoice,
        seats: Vec<Seat>,
    ) -> Option<Scenario> {
        let origin = Origin::new(file);
        Scenario::new(Spec {
            name: name.to_string(),
            file: file.to_string(),
            plan: Plan::One(stage),
            costs: Vec::new(),
            product: None,
            duration,
            location,
            engagement,
            requirements: BTreeSet::new(),
            rates: crate::vocabulary::DEFAULT_LAYERS
                .iter()
                .map(|l| Located::new(l.to_string(), origin.clone()))
                .collect(),
            currency: None,
            team: Team::Seats(seats),
            note: None,
            goal: None,
            after: After::Keep,
            calendar: None,
        })
        .ok()
    }

    /// Reads and checks one scenario file; reports every problem it finds.
    pub fn read(source: Source<'_>) -> Result<Scenario, Vec<Diagnostic>> {
        let raw: RawScenario = source.parse().map_err(|d| vec![d])?;
        let mut problems = Problems::default();
        let scenario = convert(&source, raw, &mut problems);
        match scenario {
            Some(s) if problems.is_empty() => Ok(s),
            _ => Err(problems.0),
        }
    }
}

fn convert<'a>(source: &Source<'a>, raw: RawScenario<'a>, problems: &mut Problems) -> Option<Scenario> {
    let name = problems.take(source.text(raw.name, "name"));
    let duration = problems.take(duration(source, raw.duration_months));
    let months = duration.map(Months::get);
    let phases = plan::phases(source, raw.stage, raw.phases, months, problems);
    let costs = plan::costs(source, raw.costs, months, problems);
    let calendar = calendar::read(source, raw.start, raw.fiscal_year_start, problems);
    let location = problems.take(source.id(raw.location, "location"));
    let currency = match raw.currency {
        Some(c) => Some(problems.take(source.currency(c))?),
        None => None,
    };
    let rates = match raw.rates {
        Some(layers) => layers
            .into_iter()
            .map(|l| problems.take(source.id(l, "rate layer")))
            .collect::<Option<Vec<_>>>(),
        None => Some(
            crate::vocabulary::DEFAULT_LAYERS
                .iter()
                .map(|l| Located::new(l.to_string(), Origin::new(source.name)))
                .collect(),
        ),
    };
    if let Some(layers) = &rates
        && layers.is_empty()
    {
        problems.push(
            source
                .diag("`rates: []` names no rate layer")
                .expected("at least one plugin name, bottom layer first")
                .help("remove `rates` to use the shipped table, or write rates: [\"market-2026\"]"),
        );
    }
    let team_text = raw.team.get_ron().trim();
    let raw_team = if team_text == "Recommend" {
        // bare: no target of its own (MODEL.md 8.6)
        Some(RawTeam::Recommend {
            effort_pm: None,
            budget: None,
        })
    } else {
        problems.take(source.parse_raw::<RawTeam>(raw.team))
    };
    let team = match raw_team? {
        RawTeam::Seats(seats) => {
            phase_targets_need_recommend(source, phases.as_deref(), problems);
            let location = location.clone()?;
            let seats: Vec<Option<Seat>> = seats
                .into_iter()
                .enumerate()
                .map(|(i, s)| seat(source, i + 1, s, (&location, raw.engagement, months), problems))
                .collect();
            Team::Seats(seats.into_iter().collect::<Option<Vec<_>>>()?)
        }
        RawTeam::Recommend { effort_pm, budget } => {
            let word = recommend_slice(team_text);
            let origin = source.origin_of_slice(word);
            if raw.phases.is_some() {
                let targets = plan_targets(source, (effort_pm, budget), phases.as_deref(), problems)?;
                Team::RecommendPlan { targets, origin }
            } else {
                Team::Recommend {
                    target: problems.take(target(source, word, effort_pm, budget))?,
                    origin,
                }
            }
        }
    };
    if let Team::Seats(seats) = &team
        && seats.len() > MAX_SEATS
    {
        problems.push(
            seats[MAX_SEATS]
                .role
                .origin
                .diag(format!(
                    "the team has {} seat lines, more than {MAX_SEATS}",
                    seats.len()
                ))
                .expected(format!("at most {MAX_SEATS} seats in `team: Seats([...])`"))
                .help("merge seats of the same role, level, location and engagement with `count`, or split the scenario"),
        );
    }
    if let Team::Seats(seats) = &team
        && seats.is_empty()
    {
        problems.push(
            source
                .diag("the team has no seats")
                .expected("at least one seat in `team: Seats([...])`")
                .help("add a seat such as (role: \"ai-developer\", level: Senior), or write team: Recommend(effort_pm: 12)"),
        );
    }
    let goal = match raw.goal {
        Some(g) => Some(goal(source, g, months, &team, problems)?),
        None => None,
    };
    let phases: Vec<Phase> = phases?.into_iter().map(|p| p.phase).collect();
    let spec = Spec {
        name: name?,
        file: source.name.to_string(),
        plan: Plan::Phases(phases),
        costs: costs?,
        product: raw.product,
        duration: duration?,
        location: location?,
        engagement: raw.engagement,
        requirements: raw.requirements.into_iter().collect(),
        rates: rates?,
        currency,
        team,
        note: raw.note,
        goal,
        after: raw.after.unwrap_or(After::Keep),
        calendar: calendar?,
    };
    // what the checks above let through breaks no rule of the constructor
    Scenario::new(spec)
        .map_err(|found| found.into_iter().for_each(|d| problems.push(d)))
        .ok()
}

/// A goal as written: its effort within bounds, its month inside the
/// project, and no contradiction with a `Recommend(effort_pm)` target.
fn goal<'a>(
    source: &Source<'a>,
    raw: raw::RawGoal<'a>,
    duration: Option<Decimal>,
    team: &Team,
    problems: &mut Problems,
) -> Option<Goal> {
    let effort_pm = problems.take(source.number(raw.effort_pm, "effort_pm", Limits::GOAL_EFFORT_PM))?;
    let by_month = match raw.by_month {
        None => duration?,
        Some(at) => {
            let text = at.get_ron().trim();
            let month = problems.take(source.figure(at, "by_month"))?;
            match (month, duration) {
                (Some(m), Some(d)) if m > Decimal::ZERO && m <= d => m,
                (_, Some(d)) => {
                    problems.push(
                        source
                            .diag_at(
                                text,
                                format!("the goal's by_month is {text}, outside the project (0 to {d})"),
                            )
                            .expected("a month greater than 0 and at most duration_months")
                            .help("leave by_month out for the end of the project"),
                    );
                    return None;
                }
                (_, None) => return None,
            }
        }
    };
    if let Team::Recommend {
        target: Target::EffortPm(target),
        ..
    } = team
        && *target != effort_pm
    {
        let text = raw.effort_pm.get_ron().trim();
        problems.push(
            source
                .diag_at(
                    text,
                    format!(
                        "the goal's effort_pm is {text}, and team: Recommend(effort_pm: {}) asks for another",
                        target.normalize()
                    ),
                )
                .expected("the same effort in the goal and in Recommend, or one of them")
                .help("remove effort_pm from Recommend (the goal sizes the team), or make the two agree"),
        );
        return None;
    }
    Some(Goal {
        name: raw.name,
        effort_pm,
        by_month,
    })
}

fn duration<'a>(source: &Source<'a>, raw: &'a ron::value::RawValue) -> Result<Months, Diagnostic> {
    let text = raw.get_ron().trim();
    let months = source.figure(raw, "duration_months")?;
    months.and_then(Months::new).ok_or_else(|| {
        source
            .diag_at(text, format!("duration_months is {text}, outside 0 to 120"))
            .expected("a number of months greater than 0 and at most 120 (fractions such as 4.5 are fine)")
            .help("set duration_months to the length of the project, e.g. 6")
    })
}

const NO_TARGET: &str = "Recommend needs effort_pm or budget";

fn target<'a>(
    source: &Source<'a>,
    word: &'a str,
    effort_pm: Option<&'a ron::value::RawValue>,
    budget: Option<&'a ron::value::RawValue>,
) -> Result<Target, Diagnostic> {
    match (effort_pm, budget) {
        (Some(e), None) => source
            .number(e, "effort_pm", Limits::EFFORT_PM)
            .map(Target::EffortPm),
        (None, Some(b)) => source.number(b, "budget", Limits::BUDGET).map(Target::Budget),
        (Some(e), Some(_)) => Err(source
            .diag_at(
                e.get_ron().trim(),
                "Recommend takes effort_pm or budget, not both",
            )
            .expected("Recommend(effort_pm: N) or Recommend(budget: N)")
            .help("remove one of the two")),
        (None, None) => Err(source
            .diag_at(word, NO_TARGET)
            .expected("Recommend(effort_pm: N) or Recommend(budget: N)")
            .help("write, for example, team: Recommend(effort_pm: 18)")),
    }
}

const PLAN_EXAMPLE: &str = "phases: [(stage: Prototype, until_month: 3, effort_pm: 6), (stage: Pilot, effort_pm: 20)], team: Recommend";

/// The targets of a plan recommended phase by phase (MODEL.md 8.6): one on
/// every phase, none on the team. `None` when a problem was found (or the
/// phases could not be read).
fn plan_targets<'a>(
    source: &Source<'a>,
    (effort_pm, budget): (Option<&'a ron::value::RawValue>, Option<&'a ron::value::RawValue>),
    phases: Option<&[plan::ReadPhase<'a>]>,
    problems: &mut Problems,
) -> Option<Vec<Target>> {
    let own = [("effort_pm", effort_pm), ("budget", budget)];
    if let Some((field, raw)) = own.iter().find_map(|(f, r)| r.map(|r| (*f, r))) {
        problems.push(
            source
                .diag_at(
                    raw.get_ron().trim(),
                    format!("team: Recommend has its own {field}, and the scenario has phases"),
                )
                .expected(format!(
                    "with phases, a bare team: Recommend and a target on every phase: {PLAN_EXAMPLE}"
                ))
                .help("move the target into the phases, one per phase, or write stage: X for one stage"),
        );
        return None;
    }
    let mut targets = Vec::new();
    for phase in phases? {
        match phase.target {
            Some((target, _)) => targets.push(target),
            None => problems.push(
                source
                    .diag_at(
                        phase.at,
                        format!(
                            "{} has no target, and the team is recommended phase by phase",
                            phase.label()
                        ),
                    )
                    .expected(format!(
                        "effort_pm: N or budget: N on every phase: {PLAN_EXAMPLE}"
                    ))
                    .help(format!(
                        "add, for example, effort_pm: 20 (productive person-months) to {}",
                        phase.label()
                    )),
            ),
        }
    }
    (targets.len() == phases?.len()).then_some(targets)
}

/// A phase's own target only means something when the team is recommended.
fn phase_targets_need_recommend(
    source: &Source<'_>,
    phases: Option<&[plan::ReadPhase<'_>]>,
    problems: &mut Problems,
) {
    for phase in phases.unwrap_or_default() {
        if let Some((target, at)) = phase.target {
            let field = match target {
                Target::EffortPm(_) => "effort_pm",
                Target::Budget(_) => "budget",
            };
            problems.push(
                source
                    .diag_at(
                        at,
                        format!("{} has {field}, but the team is not recommended", phase.label()),
                    )
                    .expected(
                        "a target on a phase only with team: Recommend, which proposes a team per phase",
                    )
                    .help(format!(
                        "remove {field} from the phase, or replace team: Seats([...]) with team: Recommend"
                    )),
            );
        }
    }
}

/// `Recommend` at the head of a recommended team's text, for messages
/// about it.
fn recommend_slice(team: &str) -> &str {
    team.get(.."Recommend".len()).unwrap_or(team)
}

fn seat<'a>(
    source: &Source<'a>,
    number: usize,
    raw: RawSeat<'a>,
    (default_location, default_engagement, duration): (&Located<String>, EngagementChoice, Option<Decimal>),
    problems: &mut Problems,
) -> Option<Seat> {
    let role = problems.take(source.id(raw.role, "role"));
    let count = match raw.count {
        Some(c) => problems.take(count(source, c)),
        None => Some(1),
    };
    let allocation = match raw.allocation {
        Some(a) => problems.take(allocation(source, a)),
        None => Some(Allocation::FULL),
    };
    let location = match raw.location {
        Some(l) => problems.take(source.id(l, "location")),
        None => Some(default_location.clone()),
    };
    let role = role?;
    let label = format!("seat {number} ({} {})", role.value, raw.level);
    let window = problems.take(plan::window(
        source,
        raw.from_month,
        raw.until_month,
        (
            &label,
            "the position opens (the search or the agency request starts)",
        ),
        duration,
    ));
    let engagement = match (raw.engagement, default_engagement) {
        (Some(e), _) => e,
        (None, EngagementChoice::InHouse) => Engagement::InHouse,
        (None, EngagementChoice::Agency) => Engagement::Agency,
        (None, EngagementChoice::Hybrid) => {
            problems.push(
                role.origin
                    .diag(format!(
                        "seat {number} ({} {}) has no engagement, and the scenario is Hybrid",
                        role.value, raw.level
                    ))
                    .expected("with `engagement: Hybrid`, every seat names its own engagement")
                    .help("add `engagement: InHouse` or `engagement: Agency` to this seat"),
            );
            return None;
        }
    };
    let skills = skills(source, &label, raw.skills, problems);
    let existing = match raw.existing {
        Some(e) => problems.take(existing(source, e, &label, engagement)),
        None => Some(false),
    };
    Some(Seat {
        role,
        level: raw.level,
        count: count?,
        allocation: allocation?,
        location: location?,
        engagement,
        reason: raw.reason,
        from_month: window?.0,
        until_month: window?.1,
        skills: skills?,
        existing: existing?,
        after: raw.after,
    })
}

/// A seat's `existing`: true or false, and true only in-house (MODEL.md
/// 10.5: an agency seat has no employee to keep).
fn existing<'a>(
    source: &Source<'a>,
    raw: &'a RawValue,
    label: &str,
    engagement: Engagement,
) -> Result<bool, Diagnostic> {
    let at = |message: String| source.diag_at(raw.get_ron(), message);
    let Ok(value) = source.parse_raw::<bool>(raw) else {
        return Err(at(format!("{label}: `existing` is `{}`", raw.get_ron().trim()))
            .expected("`existing: true` (someone already employed) or `existing: false`")
            .help("write true or false, without quotes"));
    };
    if value && engagement == Engagement::Agency {
        return Err(
            at(format!("{label} is through an agency and says `existing: true`"))
                .expected("`existing: true` only on an in-house seat: someone the company already employs")
                .help("remove `existing`, or set `engagement: InHouse` on this seat"),
        );
    }
    Ok(value)
}

/// A seat's `skills`: ids, each once, at most [`MAX_SKILLS`]. Whether the
/// layers define them is checked when the seat is resolved.
fn skills<'a>(
    source: &Source<'a>,
    label: &str,
    raw: Vec<&'a ron::value::RawValue>,
    problems: &mut Problems,
) -> Option<Vec<Located<String>>> {
    let count = raw.len();
    let mut skills: Vec<Located<String>> = Vec::with_capacity(count);
    let mut complete = true;
    for raw in raw {
        let Some(skill) = problems.take(source.id(raw, "skill")) else {
            complete = false;
            continue;
        };
        if let Some(first) = skills.iter().find(|s| s.value == skill.value) {
            let at = first.origin.first_at();
            problems.push(
                skill
                    .origin
                    .diag(format!("{label} lists skill `{}` twice{at}", skill.value))
                    .expected("each skill once in a seat's `skills`")
                    .help("remove one of the two; a premium is paid once"),
            );
            complete = false;
            continue;
        }
        skills.push(skill);
    }
    if count > MAX_SKILLS
        && let Some(extra) = skills.get(MAX_SKILLS).or(skills.last())
    {
        problems.push(
            extra
                .origin
                .diag(format!("{label} lists {count} skills, more than {MAX_SKILLS}"))
                .expected(format!("at most {MAX_SKILLS} skills per seat"))
                .help(
                    "keep the skills whose premiums the seat is paid for; \"Ranges\" in README.md says why",
                ),
        );
        complete = false;
    }
    complete.then_some(skills)
}

/// The most people one seat line may hold (see the bounds in src/input/fields.rs).
pub const MAX_COUNT: u32 = 1000;

/// The most skills one seat may list (see the bounds in src/input/fields.rs).
pub const MAX_SKILLS: usize = 10;

/// The most seat lines a scenario may hold (see the bounds in src/input/fields.rs).
pub const MAX_SEATS: usize = 100;

fn count<'a>(source: &Source<'a>, raw: &'a ron::value::RawValue) -> Result<u32, Diagnostic> {
    let text = raw.get_ron().trim();
    let value = source.figure(raw, "count")?;
    let whole = value
        .filter(|v| v.fract().is_zero() && *v >= Decimal::ONE)
        .and_then(|v| v.to_u32())
        .filter(|n| *n <= MAX_COUNT);
    whole.ok_or_else(|| {
        source
            .diag_at(
                text,
                format!("count is {text}, not a whole number of people from 1 to {MAX_COUNT}"),
            )
            .expected(format!("a whole number from 1 to {MAX_COUNT}"))
            .help("for part-time people keep count whole and set allocation, e.g. count: 1, allocation: 0.5")
    })
}

fn allocation<'a>(source: &Source<'a>, raw: &'a ron::value::RawValue) -> Result<Allocation, Diagnostic> {
    let text = raw.get_ron().trim();
    let value = source.figure(raw, "allocation")?;
    value.and_then(Allocation::new).ok_or_else(|| {
        source
            .diag_at(text, format!("allocation is {text}, outside (0, 1]"))
            .expected("a share of full time greater than 0 and at most 1 (0.5 is half time)")
            .help("for more than one full-time person, raise count instead")
    })
}
