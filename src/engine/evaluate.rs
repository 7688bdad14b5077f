//! The deterministic figures of a cost model (MODEL.md sections 4 and 8):
//! the low, likely and high corners of cost and capacity, per seat, per
//! cost line and per phase, the components and the months, all read from
//! the one seat formula in exact decimals. An overflow is an error naming
//! the seat or the scenario, never a panic.

use rust_decimal::Decimal;

use crate::engine::inputs::{capacity_values, cost_values};
use crate::engine::model::{CostModel, SeatModel};
use crate::engine::number::{Exact, Number};
use crate::engine::seat::{Components, Terms};
use crate::engine::{
    Commitment, Estimate, LineEstimate, Month, PhaseEstimate, SeatEstimate, Triple, month_count,
};
use crate::engine::{headcount, periods};
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;
use crate::rates::Layers;
use crate::scenario::Scenario;
use crate::vocabulary::{Engagement, Focus};

/// The input values of the five corners: cost low, likely, cost high,
/// capacity low, capacity high.
struct Corners {
    cost_low: Vec<Decimal>,
    likely: Vec<Decimal>,
    cost_high: Vec<Decimal>,
    cap_low: Vec<Decimal>,
    cap_high: Vec<Decimal>,
}

/// A figure at the three ends, still exact: summed before it is checked.
#[derive(Clone, Copy)]
struct Sums {
    low: Exact,
    likely: Exact,
    high: Exact,
}

impl Sums {
    fn zero() -> Sums {
        Sums {
            low: Exact::zero(),
            likely: Exact::zero(),
            high: Exact::zero(),
        }
    }

    fn add(&mut self, other: Sums) {
        *self = Sums {
            low: self.low + other.low,
            likely: self.likely + other.likely,
            high: self.high + other.high,
        };
    }

    fn checked(self, too_large: impl Fn(&str) -> Diagnostic, what: &str) -> Result<Triple, Diagnostic> {
        let get = |x: Exact, end: &str| x.get().ok_or_else(|| too_large(&format!("{end} {what}")));
        Ok(Triple {
            low: get(self.low, "low")?,
            likely: get(self.likely, "likely")?,
            high: get(self.high, "high")?,
        })
    }
}

/// The totals of a model at typical inputs, and at the low and high ends.
pub fn evaluate(scenario: &Scenario, layers: &Layers, model: CostModel) -> Result<Estimate, Diagnostic> {
    let d = model.duration;
    let corners = Corners {
        cost_low: cost_values(&model.inputs, Bound::Low),
        likely: cost_values(&model.inputs, Bound::Typical),
        cost_high: cost_values(&model.inputs, Bound::High),
        cap_low: capacity_values(&model.inputs, Bound::Low),
        cap_high: capacity_values(&model.inputs, Bound::High),
    };
    let within = |i0: Decimal, i1: Decimal| -> (Sums, Sums) { spans(&model, &corners, i0, i1) };
    let scenario_error = |what: &str| {
        Diagnostic::new(
            scenario.file.clone(),
            format!("the {what} of the scenario is too large to compute"),
        )
        .expected("figures whose sums stay below 7.9e28 (rust_decimal's largest number)")
        .help("check the counts of the seats, the cost lines and the rates and exchange rates they read")
    };

    let mut seats = Vec::with_capacity(model.seats.len());
    let mut warnings = Vec::new();
    let mut components = Components::<Exact>::zero();
    let mut monthly = vec![Exact::zero(); month_count(d)];
    let mut monthly_output = vec![Exact::zero(); month_count(d)];
    // the months at the low and high corners, for the quarters and years
    let mut monthly_low = vec![Exact::zero(); month_count(d)];
    let mut monthly_high = vec![Exact::zero(); month_count(d)];
    let (mut engineering_fte, mut development_fte) = (Decimal::ZERO, Decimal::ZERO);
    let (mut committed, mut kept_monthly, mut agency_at_end) =
        (Commitment::default(), Exact::zero(), Exact::zero());
    // when each seat that starts inside its window starts (MODEL.md 10.13)
    let mut starts = Vec::with_capacity(model.seats.len());
    for s in &model.seats {
        let at_likely = s.terms(&corners.likely, d);
        let (kept, agency) = at_likely.after_plan();
        kept_monthly = kept_monthly + kept;
        agency_at_end = agency_at_end + agency;
        if at_likely.on_payroll_after() {
            committed.people = committed.people.saturating_add(s.seat.count);
            committed.fte += s.fte;
        }
        let cost = Sums {
            low: s.terms(&corners.cost_low, d).cost(),
            likely: at_likely.cost(),
            high: s.terms(&corners.cost_high, d).cost(),
        }
        .checked(|w| s.too_large(w), "cost")?;
        let capacity = Sums {
            low: s.terms(&corners.cap_low, d).capacity(),
            likely: at_likely.capacity(),
            high: s.terms(&corners.cap_high, d).capacity(),
        }
        .checked(|w| s.too_large(w), "capacity")?;
        let parts = at_likely.components();
        components.add(&parts);
        at_likely.add_months(&mut monthly);
        add_output_months(&at_likely, &mut monthly_output, d);
        s.terms(&corners.cost_low, d).add_months(&mut monthly_low);
        s.terms(&corners.cost_high, d).add_months(&mut monthly_high);
        match s.focus {
            Focus::Engineering => engineering_fte += s.fte,
            Focus::Development => development_fte += s.fte,
        }
        let start = s.start_weeks(&corners.likely);
        let active = s.exact(at_likely.active(), "active months")?;
        if active > Decimal::ZERO {
            starts.push(s.exact(at_likely.turns()[0], "start")?);
        }
        let until = s.seat.until_month.unwrap_or(d);
        warnings.extend(start_warning(s, start, &corners.cost_low, d, active));
        seats.push(SeatEstimate {
            seat: s.seat.clone(),
            title: s.title.clone(),
            focus: s.focus,
            fte: s.fte,
            cost,
            capacity,
            components: checked_components(parts, |w| s.too_large(w))?,
            start_weeks: start,
            from_month: s.seat.from_month,
            until_month: until,
        });
    }
    let mut costs = Vec::with_capacity(model.lines.len());
    let mut other = Sums::zero();
    for l in &model.lines {
        let at = |values: &[Decimal]| l.cost_within(values, d, Decimal::ZERO, d);
        let sums = Sums {
            low: at(&corners.cost_low),
            likely: at(&corners.likely),
            high: at(&corners.cost_high),
        };
        other.add(sums);
        for (i, month) in monthly.iter_mut().enumerate() {
            let m = Decimal::from(i);
            *month = *month + l.cost_within(&corners.likely, d, m, (m + Decimal::ONE).min(d));
        }
        for (values, months) in [
            (&corners.cost_low, &mut monthly_low),
            (&corners.cost_high, &mut monthly_high),
        ] {
            for (i, month) in months.iter_mut().enumerate() {
                let m = Decimal::from(i);
                *month = *month + l.cost_within(values, d, m, (m + Decimal::ONE).min(d));
            }
        }
        costs.push(LineEstimate {
            name: l.line.name.value.clone(),
            cost: sums.checked(scenario_error, &format!("cost of `{}`", l.line.name.value))?,
        });
    }
    components.other = other.likely;
    let (seat_cost, seat_capacity) = within(Decimal::ZERO, d);
    let mut total = seat_cost;
    total.add(other);
    let phases = scenario
        .phases
        .iter()
        .map(|p| {
            let (mut cost, capacity) = within(p.start, p.end);
            cost.add(line_sums(&model, &corners, p.start, p.end));
            let (engineering, development) = planned_fte(&model, p.start, p.end);
            Ok(PhaseEstimate {
                stage: p.stage,
                from_month: p.start,
                until_month: p.end,
                cost: cost.checked(scenario_error, &format!("{} phase cost", p.stage))?,
                capacity: capacity.checked(scenario_error, &format!("{} phase capacity", p.stage))?,
                engineering_fte: engineering,
                development_fte: development,
            })
        })
        .collect::<Result<Vec<_>, Diagnostic>>()?;
    let (mut cumulative, mut cumulative_pm) = (Decimal::ZERO, Decimal::ZERO);
    let mut months = Vec::with_capacity(monthly.len());
    for (i, (likely, output)) in monthly.into_iter().zip(monthly_output).enumerate() {
        let likely = likely.get().ok_or_else(|| scenario_error("monthly cost"))?;
        let capacity_pm = output.get().ok_or_else(|| scenario_error("monthly capacity"))?;
        cumulative += likely;
        cumulative_pm += capacity_pm;
        months.push(Month {
            month: i + 1,
            likely,
            cumulative,
            capacity_pm,
            cumulative_pm,
            calendar: scenario.calendar.map(|c| c.month(i + 1)),
        });
    }
    committed.monthly = kept_monthly
        .get()
        .ok_or_else(|| scenario_error("monthly cost after the plan"))?;
    committed.annual = (Exact::new(committed.monthly) * Exact::int(12))
        .get()
        .ok_or_else(|| scenario_error("annual cost after the plan"))?;
    let exact = |months: Vec<Exact>, what: &str| -> Result<Vec<Decimal>, Diagnostic> {
        months
            .into_iter()
            .map(|m| m.get().ok_or_else(|| scenario_error(what)))
            .collect()
    };
    let (quarters, fiscal_years) = periods::periods(
        &months,
        &exact(monthly_low, "low monthly cost")?,
        &exact(monthly_high, "high monthly cost")?,
        d,
        scenario.calendar.as_ref(),
    );
    let (peak, average) = (headcount::peak, headcount::average);
    Ok(Estimate {
        peak_engineering_fte: peak(&seats, Focus::Engineering),
        peak_development_fte: peak(&seats, Focus::Development),
        average_engineering_fte: average(&seats, Focus::Engineering, d),
        average_development_fte: average(&seats, Focus::Development, d),
        staffed_by_month: starts.into_iter().max(),
        scenario: scenario.clone(),
        layers: layers.tables().iter().map(|t| t.name.value.clone()).collect(),
        currency: model.currency.clone(),
        cost: total.checked(scenario_error, "cost")?,
        capacity: seat_capacity.checked(scenario_error, "capacity")?,
        engineering_fte,
        development_fte,
        staffed_weeks: seats.iter().map(|s| s.start_weeks).max().unwrap_or_default(),
        seats,
        components: checked_components(components, scenario_error)?,
        monthly: months,
        phases,
        other: other.checked(scenario_error, "non-labour cost")?,
        costs,
        warnings,
        model,
        reasoning: Vec::new(),
        delivery: None,
        committed,
        agency_monthly_at_end: agency_at_end
            .get()
            .ok_or_else(|| scenario_error("agency cost at the end"))?,
        quarters,
        fiscal_years,
    })
}

/// The seats' cost and capacity inside [i0, i1) at the three ends.
fn spans(model: &CostModel, corners: &Corners, i0: Decimal, i1: Decimal) -> (Sums, Sums) {
    let (a, b) = (Exact::new(i0), Exact::new(i1));
    let d = model.duration;
    let (mut cost, mut capacity) = (Sums::zero(), Sums::zero());
    for s in &model.seats {
        cost.add(Sums {
            low: s.terms(&corners.cost_low, d).cost_within(a, b),
            likely: s.terms(&corners.likely, d).cost_within(a, b),
            high: s.terms(&corners.cost_high, d).cost_within(a, b),
        });
        capacity.add(Sums {
            low: s.terms(&corners.cap_low, d).capacity_within(a, b),
            likely: s.terms(&corners.likely, d).capacity_within(a, b),
            high: s.terms(&corners.cap_high, d).capacity_within(a, b),
        });
    }
    (cost, capacity)
}

/// Adds a seat's likely output in each month to `months` (MODEL.md 10.2:
/// month m spans [m - 1, min(m, D))), read from the seat formula's
/// capacity inside the month, as phases read it.
fn add_output_months(terms: &Terms<Exact>, months: &mut [Exact], d: Decimal) {
    for (i, month) in months.iter_mut().enumerate() {
        let m = Decimal::from(i);
        let end = (m + Decimal::ONE).min(d);
        *month = *month + terms.capacity_within(Exact::new(m), Exact::new(end));
    }
}

/// The cost lines inside [i0, i1) at the three ends.
fn line_sums(model: &CostModel, corners: &Corners, i0: Decimal, i1: Decimal) -> Sums {
    let d = model.duration;
    let mut sums = Sums::zero();
    for l in &model.lines {
        sums.add(Sums {
            low: l.cost_within(&corners.cost_low, d, i0, i1),
            likely: l.cost_within(&corners.likely, d, i0, i1),
            high: l.cost_within(&corners.cost_high, d, i0, i1),
        });
    }
    sums
}

/// The planned average FTE by focus inside [start, end) (MODEL.md 8.3).
fn planned_fte(model: &CostModel, start: Decimal, end: Decimal) -> (Decimal, Decimal) {
    let length = end - start;
    let (mut engineering, mut development) = (Decimal::ZERO, Decimal::ZERO);
    if length <= Decimal::ZERO {
        return (engineering, development);
    }
    for s in &model.seats {
        let until = s.seat.until_month.unwrap_or(model.duration);
        let months = (until.min(end) - s.seat.from_month.max(start)).max(Decimal::ZERO);
        let planned = s.fte * months / length;
        match s.focus {
            Focus::Engineering => engineering += planned,
            Focus::Development => development += planned,
        }
    }
    (engineering, development)
}

fn checked_components(
    c: Components<Exact>,
    too_large: impl Fn(&str) -> Diagnostic,
) -> Result<Components, Diagnostic> {
    let get = |x: Exact, what: &str| x.get().ok_or_else(|| too_large(&format!("{what} component")));
    Ok(Components {
        salary: get(c.salary, "salary")?,
        burden: get(c.burden, "burden")?,
        overhead: get(c.overhead, "overhead")?,
        management: get(c.management, "management")?,
        recruiting: get(c.recruiting, "recruiting")?,
        agency: get(c.agency, "agency")?,
        other: get(c.other, "other")?,
        exit: get(c.exit, "exit")?,
    })
}

/// A seat whose delay outlasts its window (the project, or the months it
/// is planned for) costs nothing: say so (MODEL.md 8.4).
fn start_warning(
    s: &SeatModel,
    start: Decimal,
    slow: &[Decimal],
    duration: Decimal,
    active: Decimal,
) -> Option<String> {
    let what = match s.seat.engagement {
        Engagement::InHouse => "time to hire",
        Engagement::Agency => "agency time to start",
    };
    let seat = format!(
        "{} {} in {}",
        s.seat.role.value, s.seat.level, s.seat.location.value
    );
    let (from, until) = (s.seat.from_month, s.seat.until_month.unwrap_or(duration));
    let weeks = (until - from) * Decimal::from(52) / Decimal::from(12);
    let weeks_text = crate::money::plain(weeks.round_dp(1));
    let span = if from.is_zero() && until == duration {
        format!("the project ({weeks_text} weeks)")
    } else {
        format!(
            "its window (months {} to {}, {weeks_text} weeks)",
            crate::money::plain(from),
            crate::money::plain(until)
        )
    };
    if active.is_zero() {
        return Some(format!(
            "{seat} never starts: its typical {what} of {} weeks is longer than {span}, so it costs nothing and adds no capacity",
            start.normalize(),
        ));
    }
    let slowest = s.start_weeks(slow);
    (slowest >= weeks).then(|| {
        format!(
            "{seat} may never start: at the high end its {what} is {} weeks, as long as {span}",
            slowest.normalize(),
        )
    })
}
