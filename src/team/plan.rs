//! Recommending a plan over phases (MODEL.md 8.6): a team per phase by
//! section 5, as if each phase were a scenario of its own; the teams merged
//! into one plan, last in, first out, each person's span of phases a
//! window; searches opened ahead so that people start when their phase
//! does; every seat with the rule that put it there and when it leaves.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::engine::Likely;
use crate::engine::number::Exact;
use crate::engine::seat::weeks_to_months;
use crate::input::diagnostic::Diagnostic;
use crate::money::{grouped, plain, two_places};
use crate::rates::Layers;
use crate::scenario::{Months, Phase, Plan, Scenario, Seat, Spec, Target, Team};
use crate::team::recommend::{Recommendation, recommend};
use crate::vocabulary::{Engagement, Level, Stage};

/// A recommended plan and why.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRecommendation {
    /// The merged seats, each with its window and reason.
    pub seats: Vec<Seat>,
    /// Each phase's own team by section 5, in phase order.
    pub phases: Vec<Recommendation>,
    /// The working, in words.
    pub reasoning: Vec<String>,
}

/// Who a person is, for merging: two seats with the same key are the same
/// kind of person (a half-time seat and a full-time seat are not).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    role: String,
    level: Level,
    location: String,
    engagement: Engagement,
    allocation: Decimal,
}

impl Key {
    fn of(seat: &Seat) -> Key {
        Key {
            role: seat.role.value.clone(),
            level: seat.level,
            location: seat.location.value.clone(),
            engagement: seat.engagement,
            allocation: seat.allocation.get(),
        }
    }
}

/// The people of one key as spans of phases `(first, last)`, from the
/// count needed in each phase: when the count rises, people join for the
/// phase; when it falls, the most recently joined leave after the phase
/// before (last in, first out).
pub fn spans(counts: &[u32]) -> Vec<(usize, usize)> {
    let mut present: Vec<usize> = Vec::new();
    let mut people = Vec::new();
    for (i, &count) in counts.iter().enumerate() {
        let count = count as usize;
        while present.len() > count {
            if let Some(first) = present.pop() {
                people.push((first, i - 1));
            }
        }
        while present.len() < count {
            present.push(i);
        }
    }
    let last = counts.len().saturating_sub(1);
    people.extend(present.into_iter().rev().map(|first| (first, last)));
    people
}

/// Whole months a search opens ahead of a phase: the engine's weeks in
/// months (w / WPM), rounded up.
pub fn months_ahead(weeks: Decimal) -> Decimal {
    weeks_to_months(Exact::new(weeks))
        .get()
        .map(|months| months.ceil())
        .unwrap_or_default()
}

/// The typical delays of each phase's team in weeks, as the engine's model
/// of that team reads them (time to hire in-house, time to start through
/// an agency, of the seat's location), by the kind of person.
fn typical_delays(teams: &[Likely], proposed: &[&[Seat]]) -> BTreeMap<Key, Decimal> {
    let mut delays = BTreeMap::new();
    for (likely, seats) in teams.iter().zip(proposed) {
        for (seat, weeks) in seats.iter().zip(likely.start_weeks()) {
            delays.entry(Key::of(seat)).or_insert(weeks);
        }
    }
    delays
}

/// The typical delay of a seat in weeks, from the model of its phase.
fn typical_delay(seat: &Seat, delays: &BTreeMap<Key, Decimal>) -> Decimal {
    delays.get(&Key::of(seat)).copied().unwrap_or_default()
}

/// The phase as a scenario of its own: its stage, its length as the
/// duration, its target, no cost lines (a target is for the seats).
fn phase_scenario(
    scenario: &Scenario,
    phase: &Phase,
    target: Target,
    origin: &crate::input::origin::Origin,
) -> Result<Scenario, Vec<Diagnostic>> {
    let duration = Months::new(phase.end - phase.start).unwrap_or(scenario.duration);
    Scenario::new(Spec {
        plan: Plan::One(phase.stage),
        duration,
        costs: Vec::new(),
        team: Team::Recommend {
            target,
            origin: origin.clone(),
        },
        ..scenario.spec()
    })
}

fn label(number: usize, phase: &Phase) -> String {
    format!(
        "Phase {number}, {} (months {}-{})",
        phase.stage,
        plain(phase.start),
        plain(phase.end)
    )
}

fn joined(stages: &[Stage]) -> String {
    stages
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Recommends a plan: one team per phase of the scenario, for the target of
/// that phase, merged into seats with windows.
pub fn recommend_plan(
    scenario: &Scenario,
    targets: &[Target],
    origin: &crate::input::origin::Origin,
    layers: &Layers,
) -> Result<PlanRecommendation, Vec<Diagnostic>> {
    let phases = &scenario.phases;
    let n = phases.len();
    // 1. a team per phase, as if it were a scenario of its own
    let mut teams = Vec::with_capacity(n);
    let mut alone = Vec::with_capacity(n);
    for (i, (phase, target)) in phases.iter().zip(targets).enumerate() {
        let own = phase_scenario(scenario, phase, *target, origin)?;
        let in_phase = |problems: Vec<Diagnostic>| {
            problems
                .into_iter()
                .map(|mut d| {
                    d.message = format!("{}: {}", label(i + 1, phase), d.message);
                    d
                })
                .collect::<Vec<_>>()
        };
        let team = recommend(&own, *target, layers).map_err(in_phase)?;
        // the team on its own, as its own scenario
        alone.push(Likely::of(&own, &team.seats, layers)?);
        teams.push(team);
    }
    let proposed: Vec<&[Seat]> = teams.iter().map(|t| t.seats.as_slice()).collect();
    let delays = typical_delays(&alone, &proposed);
    let seats = merge(phases, &proposed, &|seat: &Seat| typical_delay(seat, &delays));
    let reasoning = reasoning(scenario, targets, &teams, &alone, &seats, layers)?;
    Ok(PlanRecommendation {
        seats,
        phases: teams,
        reasoning,
    })
}

/// The phases' teams as one plan (MODEL.md 8.6 steps 2-4): for each key the
/// count per phase, people joining as it rises and the most recently joined
/// leaving as it falls; people with the same key and span one seat, its
/// window from the search ahead of its first phase (`delay`: the typical
/// weeks to hire or to start) to the end of its last; its reason the rule
/// that put it in its first phase, and when it joins, continues and leaves.
pub fn merge(phases: &[Phase], teams: &[&[Seat]], delay: &dyn Fn(&Seat) -> Decimal) -> Vec<Seat> {
    let n = phases.len();
    // 2. the count of each key per phase, and the seat as proposed there
    let mut counts: BTreeMap<Key, Vec<u32>> = BTreeMap::new();
    let mut proposed: BTreeMap<(Key, usize), (usize, Seat)> = BTreeMap::new();
    for (i, team) in teams.iter().enumerate() {
        for (position, seat) in team.iter().enumerate() {
            let key = Key::of(seat);
            counts.entry(key.clone()).or_insert_with(|| vec![0; n])[i] += seat.count;
            proposed.entry((key, i)).or_insert((position, seat.clone()));
        }
    }
    // people with the same key and span form one seat
    let mut grouped_people: BTreeMap<(usize, usize, std::cmp::Reverse<usize>, Key), u32> = BTreeMap::new();
    for (key, counts) in &counts {
        for (first, last) in spans(counts) {
            let position = proposed.get(&(key.clone(), first)).map_or(0, |(p, _)| *p);
            *grouped_people
                .entry((first, position, std::cmp::Reverse(last), key.clone()))
                .or_default() += 1;
        }
    }
    let stages: Vec<Stage> = phases.iter().map(|p| p.stage).collect();
    let mut seats = Vec::with_capacity(grouped_people.len());
    for ((first, _, std::cmp::Reverse(last), key), count) in grouped_people {
        let Some((_, template)) = proposed.get(&(key, first)) else {
            continue;
        };
        // 3. searched for ahead of the phase, so that work starts with it
        let delay = delay(template);
        let ahead = months_ahead(delay);
        let from_month = if first == 0 {
            Decimal::ZERO
        } else {
            (phases[first].start - ahead).max(Decimal::ZERO)
        };
        let until_month = (last + 1 < n).then(|| phases[last].end);
        // 4. why
        let rule = template.reason.clone().unwrap_or_default();
        let stage = phases[first].stage;
        let mut reason = if rule.contains(&stage.to_string()) {
            rule
        } else {
            format!("{stage} team: {rule}")
        };
        if first > 0 {
            let (opens, wait) = match template.engagement {
                Engagement::InHouse => ("the search opens", "to hire"),
                Engagement::Agency => ("the agency request goes out", "to start"),
            };
            let early = phases[first].start - from_month;
            reason.push_str(&format!(
                "; joins for {}: {opens} at month {}, {} month{} ahead of the phase ({} weeks {wait})",
                phases[first].stage,
                plain(from_month),
                plain(early),
                if early == Decimal::ONE { "" } else { "s" },
                plain(delay)
            ));
        }
        if last > first {
            reason.push_str(&format!("; continues into {}", joined(&stages[first + 1..=last])));
        }
        if last + 1 < n {
            reason.push_str(&format!("; leaves after {}", phases[last].stage));
        }
        seats.push(Seat {
            count,
            from_month,
            until_month,
            reason: Some(reason),
            ..template.clone()
        });
    }
    seats
}

/// Each phase's target, what its own team delivers, and what the phase
/// delivers in the merged plan (seats only, without cost lines).
fn reasoning(
    scenario: &Scenario,
    targets: &[Target],
    teams: &[Recommendation],
    alone: &[Likely],
    seats: &[Seat],
    layers: &Layers,
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let plan = Scenario::new(Spec {
        costs: Vec::new(),
        team: Team::Seats(seats.to_vec()),
        ..scenario.spec()
    })?;
    let merged = Likely::of(&plan, seats, layers)?;
    let mut lines = vec![format!(
        "A plan over {} phases (MODEL.md 8.6): a team per phase for its own target, merged last in, first out; \
         people needed from a later phase are searched for ahead so that, at typical delays, they start with it",
        scenario.phases.len()
    )];
    for (i, (((phase, target), team), alone)) in scenario
        .phases
        .iter()
        .zip(targets)
        .zip(teams)
        .zip(alone)
        .enumerate()
    {
        let fte = format!(
            "a team of {} FTE ({} engineering, {} development)",
            plain(team.total_fte),
            plain(team.engineering_fte),
            plain(team.development_fte)
        );
        let figure = |f: Result<Decimal, Diagnostic>| f.map_err(|d| vec![d]);
        let line = match target {
            Target::EffortPm(effort) => format!(
                "{}: target {} productive person-months; {fte} delivers {} on its own; in the plan the phase delivers {}",
                label(i + 1, phase),
                plain(*effort),
                two_places(figure(alone.capacity())?),
                two_places(figure(merged.capacity_within(phase.start, phase.end))?)
            ),
            Target::Budget(budget) => format!(
                "{}: budget {} for the seats; {fte} costs {} on its own (likely); in the plan the phase's seats cost {}",
                label(i + 1, phase),
                grouped(*budget),
                grouped(figure(alone.cost())?),
                grouped(figure(merged.cost_within(phase.start, phase.end))?)
            ),
        };
        lines.push(line);
        for why in &team.reasoning {
            lines.push(format!("{}: {why}", phase.stage));
        }
    }
    Ok(lines)
}
