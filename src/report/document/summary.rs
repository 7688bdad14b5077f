//! The decision summary that opens the report: the cheapest option per
//! productive person-month and by how much it beats the next, where
//! in-house pays off, the largest risk of each scenario, the advice, and
//! how to read the ranges. Every figure is the engine's (cost per person-
//! month, break-even, sensitivity); the summary only compares and words
//! them.

use rust_decimal::Decimal;

use super::{Document, Writer};
use crate::assessment::Assessment;
use crate::engine::Triple;
use crate::engine::breakeven::{BreakEven, LONGEST};
use crate::engine::inputs::{Input, InputKind};
use crate::engine::sensitivity::{Swing, sensitivity};
use crate::money::grouped;
use crate::rates::Layers;

/// What the summary says of one scenario.
struct Row<'a> {
    e: &'a Assessment,
    per_pm: Option<Triple>,
    breakeven: Result<&'a BreakEven, String>,
    /// The likely cost and the input that moves it most (in words), if
    /// any varies.
    risk: Result<(Decimal, Option<(Swing, String)>), String>,
}

fn row(e: &Assessment) -> Row<'_> {
    let layers = Some(&e.rate_layers);
    let breakeven = e
        .breakeven()
        .as_ref()
        .map_err(|d| d.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "));
    let risk = sensitivity(&e.model)
        .map(|crate::engine::sensitivity::Sensitivity { likely, swings, .. }| {
            let top = swings.into_iter().next().map(|s| {
                let words = words(&s.input, e, layers);
                (s, words)
            });
            (likely, top)
        })
        .map_err(|d| d.message);
    Row {
        e,
        per_pm: e.cost_per_pm(),
        breakeven,
        risk,
    }
}

/// The decision summary, in either format.
pub(super) fn write(w: &mut impl Writer, doc: &Document<'_>) {
    let rows: Vec<Row<'_>> = doc.estimates.iter().map(row).collect();
    let mut currencies: Vec<String> = doc.estimates.iter().map(|e| e.currency.to_string()).collect();
    currencies.sort();
    currencies.dedup();
    let one_currency = (currencies.len() == 1).then(|| currencies[0].clone());
    w.section("summary", "Decision summary");
    cheapest(w, &rows, one_currency.as_deref(), &currencies);
    ranking(w, &rows, one_currency.as_deref());
    goals(w, doc.estimates);
    risks(w, &rows);
    advice(w, doc.estimates);
    how_to_read(w, doc);
}

/// `USD 1,234.56`.
fn money(e: &Assessment, value: Decimal) -> String {
    format!("{} {}", e.currency, grouped(value))
}

/// The lead: the cheapest scenario per productive person-month and its
/// margin over the next.
fn cheapest(w: &mut impl Writer, rows: &[Row<'_>], one_currency: Option<&str>, currencies: &[String]) {
    if one_currency.is_none() {
        w.lead(&format!(
            "The scenarios are in different currencies ({}): make the report with --currency to compare them.",
            currencies.join(", ")
        ));
        return;
    }
    let ranked = ranked(rows);
    let Some((best, per)) = ranked.first() else {
        w.lead("No scenario has any productive capacity: there is no cost per productive person-month to compare.");
        return;
    };
    let e = best.e;
    // likely only: the deterministic low and high of a ratio paired worlds
    // that cannot happen together (MODEL.md 10.8)
    w.lead(&format!(
        "Cheapest per productive person-month: {}, {} likely.",
        e.scenario.name,
        money(e, per.likely),
    ));
    match ranked.get(1) {
        None if rows.len() == 1 => {}
        None => w.paragraph("No other scenario has productive capacity to compare it with."),
        Some((next, next_per)) => {
            let margin = next_per.likely - per.likely;
            if margin.is_zero() {
                w.paragraph(&format!("It is as cheap as the next, {}.", next.e.scenario.name));
            } else {
                let share = (margin * Decimal::ONE_HUNDRED / next_per.likely).round();
                w.paragraph(&format!(
                    "That is {} ({share}%) less per productive person-month than the next, {} at {}.",
                    money(e, margin),
                    next.e.scenario.name,
                    money(next.e, next_per.likely)
                ));
            }
        }
    }
}

/// The scenarios that have a cost per productive person-month, cheapest
/// first (in the order given where they tie).
fn ranked<'r, 'a>(rows: &'r [Row<'a>]) -> Vec<(&'r Row<'a>, Triple)> {
    let mut ranked: Vec<(&Row<'_>, Triple)> = rows.iter().filter_map(|r| r.per_pm.map(|p| (r, p))).collect();
    ranked.sort_by_key(|r| r.1.likely);
    ranked
}

/// Every scenario, cheapest per productive person-month first: its length,
/// cost per productive person-month, likely cost and break-even.
fn ranking(w: &mut impl Writer, rows: &[Row<'_>], one_currency: Option<&str>) {
    let mut order: Vec<&Row<'_>> = match one_currency {
        Some(_) => ranked(rows).into_iter().map(|(r, _)| r).collect(),
        None => Vec::new(),
    };
    let rest: Vec<&Row<'_>> = rows
        .iter()
        .filter(|r| !order.iter().any(|o| std::ptr::eq(*o, *r)))
        .collect();
    order.extend(rest);
    let cell = |e: &Assessment, value: Decimal| match one_currency {
        Some(_) => grouped(value),
        None => money(e, value),
    };
    let unit = one_currency.map(|c| format!(" ({c})")).unwrap_or_default();
    let header = vec![
        "Scenario".to_string(),
        "Months".to_string(),
        format!("Per productive person-month, likely{unit}"),
        format!("Total cost, likely{unit}"),
        "In-house pays off".to_string(),
    ];
    let table: Vec<Vec<String>> = order
        .iter()
        .map(|r| {
            let e = r.e;
            let likely = match r.per_pm {
                Some(p) => cell(e, p.likely),
                None => "n/a: no productive capacity".into(),
            };
            let pays_off = match &r.breakeven {
                Ok(BreakEven { months: Some(m), .. }) => format!("from month {m}"),
                Ok(BreakEven { months: None, .. }) => format!("never within {LONGEST} months"),
                Err(_) => "n/a".into(),
            };
            vec![
                e.scenario.name.clone(),
                e.scenario.duration.get().normalize().to_string(),
                likely,
                cell(e, e.cost.likely),
                pays_off,
            ]
        })
        .collect();
    w.heading(3, "Scenarios, cheapest per productive person-month first");
    w.stacked_table(&header, &table);
    w.paragraph(&format!(
        "In-house pays off from month N: for a project that long or longer, the same team hired in-house costs less per productive person-month than through an agency (likely figures, up to {LONGEST} months)."
    ));
    let missing: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            r.breakeven
                .as_ref()
                .err()
                .map(|why| format!("{}: no break-even: {why}", r.e.scenario.name))
        })
        .collect();
    if !missing.is_empty() {
        w.list(&missing);
    }
}

/// The input that moves each scenario's likely cost most (the top bar of
/// its tornado chart), in words.
fn risks(w: &mut impl Writer, rows: &[Row<'_>]) {
    w.heading(3, "Largest risk");
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            let e = r.e;
            let name = &e.scenario.name;
            match &r.risk {
                Ok((_, None)) => format!("{name}: no input varies, so no single figure moves the cost."),
                // with a goal the largest risk is the largest swing of the
                // cost to deliver (MODEL.md 10.12), said in those terms
                Ok((likely, Some((s, words)))) => match (
                    e.delivery.as_ref().and_then(|d| d.cost_to_deliver),
                    s.deliver.and_then(|d| Some((d.deliver_at_low?, d.deliver_at_high?))),
                ) {
                    (Some(x), Some((low, high))) => format!(
                        "{name}: {words} moves the likely cost to deliver the goal, {}, by {} to {} across its range.",
                        money(e, x),
                        signed(low.min(high) - x),
                        signed(low.max(high) - x),
                    ),
                    (Some(_), None) => format!(
                        "{name}: at one end of its range, {words} leaves the goal unreached at the end rates."
                    ),
                    _ => format!(
                        "{name}: {words} moves the likely cost of {} by {} to {} across its range.",
                        money(e, *likely),
                        signed(s.at_low.min(s.at_high) - likely),
                        signed(s.at_low.max(s.at_high) - likely),
                    ),
                },
                Err(why) => format!("{name}: not available: {why}"),
            }
        })
        .collect();
    w.list(&items);
}

/// A change with its sign: "+1,234.00", "−56.00" (a minus sign), "0.00".
fn signed(change: Decimal) -> String {
    if change.is_sign_negative() && !change.is_zero() {
        format!("\u{2212}{}", grouped(-change))
    } else if change.is_zero() {
        grouped(change)
    } else {
        format!("+{}", grouped(change))
    }
}

/// An input as a person would name it: "the salary of a Senior AI
/// engineer (United States)".
fn words(input: &Input, e: &Assessment, layers: Option<&Layers>) -> String {
    let subject = input.subject.as_str();
    let place_of = |id: &str| {
        layers
            .and_then(|l| l.location(id))
            .map_or_else(|| id.to_string(), |l| l.name.clone())
    };
    let place = place_of(subject);
    let of_seat = |what: &str| {
        e.model
            .seats
            .iter()
            .find(|s| format!("{} {} {}", s.seat.role.value, s.seat.level, s.seat.location.value) == subject)
            .map_or_else(
                || format!("the {what} of {subject}"),
                |s| {
                    format!(
                        "the {what} of a {} {} ({})",
                        s.seat.level,
                        s.title,
                        place_of(&s.seat.location.value)
                    )
                },
            )
    };
    match input.kind {
        InputKind::Salary => of_seat("salary"),
        InputKind::AgencyRate => of_seat("agency rate"),
        InputKind::Burden => format!("the employer's burden on salaries ({place})"),
        InputKind::RecruitingFee => format!("the recruiting fee ({place})"),
        InputKind::TimeToHire => format!("the time to hire ({place})"),
        InputKind::InHouseRampUp => format!("the in-house ramp-up time ({place})"),
        InputKind::InHouseRampProductivity => format!("the output of new hires while they ramp up ({place})"),
        InputKind::Overhead => format!("the overhead per employee ({place})"),
        InputKind::ManagementOverhead => format!("the management overhead ({place})"),
        InputKind::AgencyHours => format!("the agency hours billed a month ({place})"),
        InputKind::TimeToStart => format!("the agency's time to start ({place})"),
        InputKind::AgencyRampUp => format!("the agency's ramp-up time ({place})"),
        InputKind::AgencyRampProductivity => format!("the agency's output while it ramps up ({place})"),
        InputKind::Availability => format!("the share of paid time worked ({place})"),
        InputKind::Attrition => format!("attrition ({place})"),
        InputKind::Raise => format!("the annual raise ({place})"),
        InputKind::AgencyIncrease => format!("the agency's annual increase ({place})"),
        InputKind::Productivity => format!("the output of a {subject} person-month"),
        InputKind::CostMonthly => format!("the monthly cost \"{subject}\""),
        InputKind::CostOnce => format!("the one-off cost \"{subject}\""),
        InputKind::PremiumSalary => format!("the {subject} skill premium on salaries"),
        InputKind::PremiumAgency => format!("the {subject} skill premium on agency rates"),
        InputKind::ExitMonths => format!("the cost of letting an employee go ({place})"),
        InputKind::ExitMonthsPerYear => format!("the exit cost per year of tenure ({place})"),
    }
}

/// Each scenario's goal and what the company carries on paying after it
/// (MODEL.md 10.3, 10.4), in sentences: the figures a decision between
/// options on the same work reads.
fn goals(w: &mut impl Writer, estimates: &[Assessment]) {
    let items: Vec<String> = estimates
        .iter()
        .filter_map(|e| {
            let goal = crate::report::goal_sentence(e).map(|g| {
                let share = e.simulation.as_ref().and_then(|s| s.goal.as_ref()).map(|g| {
                    let percent = Decimal::from_f64_retain(g.on_time_share * 100.0).unwrap_or_default();
                    format!(" On time in {}% of simulated outcomes.", percent.round())
                });
                g + &share.unwrap_or_default()
            });
            let after = crate::report::commitment_sentence(e);
            let text = [goal, after].into_iter().flatten().collect::<Vec<_>>().join(" ");
            (!text.is_empty()).then(|| format!("{}: {text}", e.scenario.name))
        })
        .collect();
    if items.is_empty() {
        return;
    }
    w.heading(3, "Goals, and what is carried on after the plan");
    w.list(&items);
}

/// The hiring mistakes the plans may be making.
fn advice(w: &mut impl Writer, estimates: &[Assessment]) {
    w.heading(3, "Advice");
    let advice: Vec<String> = estimates
        .iter()
        .flat_map(|e| {
            e.advice
                .iter()
                .map(move |x| format!("{}: {}", e.scenario.name, x))
        })
        .collect();
    if advice.is_empty() {
        w.paragraph("No hiring mistakes found: none of the advice rules fires for these teams.");
    } else {
        w.warnings(&advice);
    }
    let warnings: usize = estimates.iter().map(|e| e.warnings.len()).sum();
    if warnings > 0 {
        let s = if warnings == 1 { "" } else { "s" };
        w.paragraph(&format!(
            "{warnings} warning{s} about these figures: see Warnings below."
        ));
    }
}

/// Low / likely / high against p10 to p90, and what a productive
/// person-month is.
fn how_to_read(w: &mut impl Writer, doc: &Document<'_>) {
    w.heading(3, "How to read the figures");
    let simulation = if doc.made.trials == 0 {
        "p10 to p90: the simulation was not run (--trials 0).".to_string()
    } else {
        format!(
            "p10 to p90 (simulated, {} trials per scenario, seed {}): each input drawn at random within its range; 8 in 10 outcomes fall between p10 and p90.",
            crate::money::group_digits(&doc.made.trials.to_string()),
            doc.made.seed
        )
    };
    w.list(&[
        "Low / likely / high: every input at its low, typical or high end together. A range of what is possible; all inputs rarely land at one end at once.".into(),
        simulation,
        "Per productive person-month: what the team costs (cost lines aside) for each month of output it delivers, a Mid engineer's month counting 1; it compares teams of different sizes and mixes.".into(),
    ]);
}
