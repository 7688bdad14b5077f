//! Plans over time as written in a scenario (MODEL.md 8.1): the stage or
//! the phases, the window of a seat or a cost line, and the non-labour cost
//! lines. Every problem points at what was written.

use std::collections::BTreeMap;

use ron::value::RawValue;
use rust_decimal::Decimal;

use crate::input::diagnostic::Diagnostic;
use crate::input::fields::Limits;
use crate::input::origin::{Located, Origin, Problems};
use crate::input::source::Source;
use crate::range::Range;
use crate::scenario::raw::{RawCost, RawPhase};
use crate::scenario::{CostLine, Phase, Target};
use crate::vocabulary::Stage;

/// The most cost lines a scenario may hold (see the bounds in
/// src/input/fields.rs).
pub const MAX_COSTS: usize = 100;

/// A phase as read, with its own target (MODEL.md 8.6) when it names one;
/// the texts are kept for messages about them.
#[derive(Debug, Clone, Copy)]
pub struct ReadPhase<'a> {
    pub phase: Phase,
    /// `phase 2 (Pilot)`.
    pub number: usize,
    /// The target, and the text of its value.
    pub target: Option<(Target, &'a str)>,
    /// The first line of the phase as written.
    pub at: &'a str,
}

impl ReadPhase<'_> {
    pub fn label(&self) -> String {
        format!("phase {} ({})", self.number, self.phase.stage)
    }
}

const STAGE_OR_PHASES: &str =
    "`stage: X` for one stage over the whole project, or `phases: [...]` for stages in order";

/// The phases of a scenario from `stage` or `phases` (exactly one of them).
/// `duration` is `None` when it could not be read: the checks against it
/// are left out, the problem is already reported.
pub fn phases<'a>(
    source: &Source<'a>,
    stage: Option<&'a RawValue>,
    phases: Option<&'a RawValue>,
    duration: Option<Decimal>,
    problems: &mut Problems,
) -> Option<Vec<ReadPhase<'a>>> {
    let end = duration.unwrap_or(Decimal::ZERO);
    match (stage, phases) {
        (Some(stage), None) => {
            let at = stage.get_ron().trim();
            let stage = problems.take(source.parse_raw::<Stage>(stage))?;
            Some(vec![ReadPhase {
                phase: Phase {
                    stage,
                    start: Decimal::ZERO,
                    end,
                },
                number: 1,
                target: None,
                at,
            }])
        }
        (None, Some(list)) => phase_list(source, list, duration, problems),
        (Some(stage), Some(_)) => {
            problems.push(
                source
                    .diag_at(
                        stage.get_ron().trim(),
                        "the scenario has both `stage` and `phases`",
                    )
                    .expected(STAGE_OR_PHASES)
                    .help("remove `stage`: the first phase gives the scenario's stage"),
            );
            None
        }
        (None, None) => {
            let message = "the scenario has neither `stage` nor `phases`";
            let diag = match scenario_slice(source) {
                Some(word) => source.diag_at(word, message),
                None => source.diag(message),
            };
            problems.push(diag.expected(STAGE_OR_PHASES).help(
                "add, for example, stage: Prototype, or phases: [(stage: Prototype, until_month: 3), (stage: Pilot)]",
            ));
            None
        }
    }
}

/// `Scenario` at the head of the file, for a message about the whole
/// scenario.
fn scenario_slice<'a>(source: &Source<'a>) -> Option<&'a str> {
    let word = "Scenario";
    source.text.match_indices(word).find_map(|(i, _)| {
        source.text[i + word.len()..]
            .trim_start()
            .starts_with('(')
            .then(|| &source.text[i..i + word.len()])
    })
}

fn phase_list<'a>(
    source: &Source<'a>,
    list: &'a RawValue,
    duration: Option<Decimal>,
    problems: &mut Problems,
) -> Option<Vec<ReadPhase<'a>>> {
    let items: Vec<&'a RawValue> = problems.take(source.parse_raw(list))?;
    if items.is_empty() {
        problems.push(
            source
                .diag_at(list.get_ron().trim(), "`phases: []` names no phase")
                .expected("at least one phase, in the order they happen")
                .help("write phases: [(stage: Prototype, until_month: 3), (stage: Pilot)], or stage: X for one stage"),
        );
        return None;
    }
    let count = items.len();
    let mut phases = Vec::with_capacity(count);
    let mut start = Decimal::ZERO;
    let mut ok = true;
    for (i, item) in items.into_iter().enumerate() {
        let Some(raw) = problems.take(source.parse_raw::<RawPhase<'a>>(item)) else {
            ok = false;
            continue;
        };
        let (number, last) = (i + 1, i + 1 == count);
        let label = format!("phase {number} ({})", raw.stage);
        let end = match raw.until_month {
            Some(until) => phase_end(source, until, &label, start, last, duration),
            None if last => Ok(duration.unwrap_or(Decimal::ZERO)),
            None => Err(source
                .diag_at(
                    item.get_ron().trim().lines().next().unwrap_or(""),
                    format!("{label} has no until_month, and it is not the last phase"),
                )
                .expected("an until_month on every phase but the last, which runs to the end")
                .help("add until_month: N (months from the project's start) to this phase")),
        };
        let target = problems.take(phase_target(source, raw.effort_pm, raw.budget, &label));
        match (problems.take(end), target) {
            (Some(end), Some(target)) => {
                phases.push(ReadPhase {
                    phase: Phase {
                        stage: raw.stage,
                        start,
                        end,
                    },
                    number,
                    target,
                    at: item.get_ron().trim().lines().next().unwrap_or(""),
                });
                start = end;
            }
            (Some(end), None) => {
                start = end;
                ok = false;
            }
            (None, _) => ok = false,
        }
    }
    ok.then_some(phases)
}

/// A phase's own target: `effort_pm` or `budget`, with the bounds of
/// `Recommend`'s (MODEL.md 8.6).
fn phase_target<'a>(
    source: &Source<'a>,
    effort_pm: Option<&'a RawValue>,
    budget: Option<&'a RawValue>,
    label: &str,
) -> Result<Option<(Target, &'a str)>, Diagnostic> {
    match (effort_pm, budget) {
        (None, None) => Ok(None),
        (Some(e), None) => {
            let value = source.number(e, &format!("effort_pm of {label}"), Limits::EFFORT_PM)?;
            Ok(Some((Target::EffortPm(value), e.get_ron().trim())))
        }
        (None, Some(b)) => {
            let value = source.number(b, &format!("budget of {label}"), Limits::BUDGET)?;
            Ok(Some((Target::Budget(value), b.get_ron().trim())))
        }
        (Some(e), Some(_)) => Err(source
            .diag_at(
                e.get_ron().trim(),
                format!("{label} has both effort_pm and budget"),
            )
            .expected("one target per phase: effort_pm: N (productive person-months) or budget: N")
            .help("remove one of the two")),
    }
}

/// Where a phase that starts at `start` ends, from its `until_month`.
fn phase_end<'a>(
    source: &Source<'a>,
    until: &'a RawValue,
    label: &str,
    start: Decimal,
    last: bool,
    duration: Option<Decimal>,
) -> Result<Decimal, Diagnostic> {
    let text = until.get_ron().trim();
    let value = source.figure(until, "until_month")?;
    let past = |d: Decimal| value.is_none_or(|v| v > d);
    if let Some(d) = duration
        && (past(d) || (!last && value == Some(d)))
    {
        let message = if past(d) {
            format!("until_month of {label} is {text}, past the end of the project ({d})")
        } else {
            format!("until_month of {label} is {text}, the end of the project, and more phases follow")
        };
        let help = if last {
            "leave until_month out of the last phase: it runs to the end".to_string()
        } else {
            format!("end this phase before month {d}, or lengthen duration_months")
        };
        return Err(source
            .diag_at(text, message)
            .expected(format!(
                "a month before duration_months ({d}) for every phase but the last, which ends at {d}"
            ))
            .help(help));
    }
    let value = value.unwrap_or(Decimal::ZERO);
    if value <= start {
        let before = if start.is_zero() {
            "the start of the project (0)".to_string()
        } else {
            format!("the end of the phase before ({start})")
        };
        return Err(source
            .diag_at(
                text,
                format!("phases out of order: until_month of {label} is {text}, not after {before}"),
            )
            .expected("phases in the order they happen, each until_month greater than the one before")
            .help("reorder the phases, or correct this until_month"));
    }
    if let Some(d) = duration
        && last
        && value < d
    {
        return Err(source
            .diag_at(
                text,
                format!("until_month of {label}, the last phase, is {text}, before the end of the project ({d})"),
            )
            .expected(format!(
                "the last phase runs to the end: leave its until_month out, or write {d}"
            ))
            .help("remove until_month from the last phase, add a phase for the months after it, or shorten duration_months"));
    }
    Ok(value)
}

/// The window `[from_month, until_month)` of a seat or a cost line:
/// 0 <= from < until <= duration. `until` stays `None` when it is left out
/// (the end of the project).
pub fn window<'a>(
    source: &Source<'a>,
    from: Option<&'a RawValue>,
    until: Option<&'a RawValue>,
    (what, opens): (&str, &str),
    duration: Option<Decimal>,
) -> Result<(Decimal, Option<Decimal>), Diagnostic> {
    let from_month = match from {
        None => Decimal::ZERO,
        Some(raw) => {
            let text = raw.get_ron().trim();
            let value = source.figure(raw, "from_month")?;
            match value {
                Some(v) if v >= Decimal::ZERO && duration.is_none_or(|d| v < d) => v,
                _ => {
                    let message = match (value, duration) {
                        (Some(v), _) if v < Decimal::ZERO => {
                            format!("from_month of {what} is {text}, before the start of the project (0)")
                        }
                        (_, Some(d)) => {
                            format!("from_month of {what} is {text}, not before the end of the project ({d})")
                        }
                        (_, None) => format!("from_month of {what} is {text}, outside the project"),
                    };
                    return Err(source
                        .diag_at(text, message)
                        .expected("a month from 0 up to, not including, duration_months; fractions such as 2.5 are fine")
                        .help(format!("from_month is when {opens}, in months from the project's start; leave it out for 0")));
                }
            }
        }
    };
    let Some(raw) = until else {
        return Ok((from_month, None));
    };
    let text = raw.get_ron().trim();
    let value = source.figure(raw, "until_month")?;
    match value {
        Some(v) if v > from_month && duration.is_none_or(|d| v <= d) => Ok((from_month, Some(v))),
        Some(v) if v <= from_month && v > Decimal::ZERO => Err(source
            .diag_at(
                text,
                format!("until_month of {what} is {text}, not after its from_month ({from_month})"),
            )
            .expected("from_month < until_month: the window is [from_month, until_month)")
            .help("swap the two, or leave until_month out to run to the end of the project")),
        _ => Err(source
            .diag_at(
                text,
                match (value, duration) {
                    (Some(v), Some(d)) if v <= d => {
                        format!("until_month of {what} is {text}, not after the start of the project (0)")
                    }
                    (_, Some(d)) => {
                        format!("until_month of {what} is {text}, past the end of the project ({d})")
                    }
                    (_, None) => format!("until_month of {what} is {text}, outside the project"),
                },
            )
            .expected("a month after from_month and at most duration_months")
            .help("leave until_month out to run to the end of the project")),
    }
}

/// The non-labour cost lines: names unique, an amount on each, windows
/// inside the project, at most [`MAX_COSTS`].
pub fn costs<'a>(
    source: &Source<'a>,
    raw: Vec<RawCost<'a>>,
    duration: Option<Decimal>,
    problems: &mut Problems,
) -> Option<Vec<CostLine>> {
    let count = raw.len();
    let mut lines = Vec::with_capacity(count);
    let mut seen: BTreeMap<String, Origin> = BTreeMap::new();
    let mut ok = true;
    for (i, line) in raw.into_iter().enumerate() {
        let Some(name) = problems.take(source.id(line.name, "name of a cost line")) else {
            ok = false;
            continue;
        };
        if i == MAX_COSTS {
            problems.push(
                name.origin
                    .diag(format!("costs has {count} lines, more than {MAX_COSTS}"))
                    .expected(format!("at most {MAX_COSTS} cost lines"))
                    .help("merge lines that run over the same months, or split the scenario"),
            );
        }
        if let Some(first) = seen.get(&name.value) {
            let at = first.first_at();
            problems.push(
                name.origin
                    .diag(format!("cost line `{}` is given twice{at}", name.value))
                    .expected("each cost line's name once in costs")
                    .help("merge the two lines, or give each its own name"),
            );
            ok = false;
            continue;
        }
        seen.insert(name.value.clone(), name.origin.clone());
        match cost_line(source, line, name, duration, problems) {
            Some(line) => lines.push(line),
            None => ok = false,
        }
    }
    ok.then_some(lines)
}

fn cost_line<'a>(
    source: &Source<'a>,
    raw: RawCost<'a>,
    name: Located<String>,
    duration: Option<Decimal>,
    problems: &mut Problems,
) -> Option<CostLine> {
    let label = format!("cost line `{}`", name.value);
    let mut amount = |raw: Option<&'a RawValue>, field: &str| match raw {
        Some(raw) => problems.take(source.range(raw, &format!("{field} of {label}"), Limits::COST_AMOUNT)),
        None => Some(Range::single(Decimal::ZERO)),
    };
    let monthly = amount(raw.monthly, "monthly");
    let once = amount(raw.once, "once");
    let window = problems.take(window(
        source,
        raw.from_month,
        raw.until_month,
        (&label, "the cost starts"),
        duration,
    ));
    let currency = match raw.currency {
        Some(c) => Some(problems.take(source.currency(c))?),
        None => None,
    };
    let (monthly, once) = (monthly?, once?);
    if monthly.high().is_zero() && once.high().is_zero() {
        let message = if raw.monthly.is_none() && raw.once.is_none() {
            format!("{label} has neither monthly nor once")
        } else {
            format!("{label} costs nothing: its monthly and once are 0")
        };
        problems.push(
            name.origin
                .diag(message)
                .expected("monthly (an amount per month) and/or once (paid in the month the line starts), at least one more than 0")
                .help("add, for example, monthly: 3000 or once: 25000, or remove the line"),
        );
        return None;
    }
    let (from_month, until_month) = window?;
    Some(CostLine {
        name,
        monthly,
        once,
        from_month,
        until_month,
        currency,
    })
}
