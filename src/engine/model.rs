//! Resolving a scenario against rate layers into a cost model: every seat's
//! figures looked up (never invented), converted to the reporting currency,
//! and tied to the shared inputs they read.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::inputs::{Input, InputKind};
use crate::engine::line::LineFormula;
use crate::engine::number::{Exact, Number};
use crate::engine::seat::{Formula, FxFactor, Horizon, Pay, Premiums, Terms};
use crate::input::diagnostic::Diagnostic;
use crate::input::origin::Located;
use crate::money::Currency;
use crate::range::Range;
use crate::rates::layers::unknown;
use crate::rates::table::Premium;
use crate::rates::{Layers, RateKey};
use crate::scenario::{CostLine, Scenario, Seat};
use crate::vocabulary::{After, Engagement, Focus};

/// One seat, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatModel {
    pub seat: Seat,
    pub title: String,
    pub focus: Focus,
    /// count x allocation.
    pub fte: Decimal,
    /// What the seat reads and how its amounts convert.
    pub formula: Formula<Decimal>,
}

impl SeatModel {
    /// The seat's terms at these values over a project of `duration`
    /// months, in exact decimals.
    pub fn terms(&self, values: &[Decimal], duration: Decimal) -> Terms<Exact> {
        self.formula
            .map(Exact::new)
            .terms(|i| Exact::new(values[i]), horizon(duration))
    }

    /// The seat's loaded month per FTE at these values, in the model's
    /// currency ([`Terms::loaded_month`]); an overflow is an error naming
    /// the seat.
    pub fn loaded_month(&self, values: &[Decimal]) -> Result<Decimal, Diagnostic> {
        let month = self.terms(values, Decimal::ONE).loaded_month();
        self.exact(month, "loaded month")
    }

    /// The delay before the seat starts, in weeks, at these values: none
    /// for someone already employed (MODEL.md 10.5).
    pub fn start_weeks(&self, values: &[Decimal]) -> Decimal {
        if self.formula.existing {
            return Decimal::ZERO;
        }
        values[self.formula.delay_input()]
    }

    /// A figure of this seat that overflowed: an error naming the seat,
    /// never a panic.
    pub fn exact(&self, figure: Exact, what: &str) -> Result<Decimal, Diagnostic> {
        figure.get().ok_or_else(|| self.too_large(what))
    }

    /// The error for a figure of this seat that overflowed.
    pub fn too_large(&self, what: &str) -> Diagnostic {
        self.seat
            .role
            .origin
            .diag(format!(
                "the {what} of {} {} in {} is too large to compute",
                self.seat.role.value, self.seat.level, self.seat.location.value
            ))
            .expected("figures whose products stay below 7.9e28 (rust_decimal's largest number)")
            .help("check the count of this seat and the salaries, rates and exchange rates it reads")
    }
}

/// The horizon of a project of `duration` months: ceil(D / 12) project
/// years.
pub fn horizon<N: Number>(duration: Decimal) -> Horizon<N> {
    let years = (duration / Decimal::from(12)).ceil().to_u32().unwrap_or(0);
    Horizon {
        duration: N::from_decimal(duration),
        years,
    }
}

/// One non-labour cost line, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct LineModel {
    pub line: CostLine,
    pub formula: LineFormula<Decimal>,
}

impl LineModel {
    /// The line's cost inside [i0, i1) at these values, in exact decimals.
    pub fn cost_within(&self, values: &[Decimal], duration: Decimal, i0: Decimal, i1: Decimal) -> Exact {
        self.formula.map(Exact::new).cost_within(
            |i| Exact::new(values[i]),
            Exact::new(duration),
            Exact::new(i0),
            Exact::new(i1),
        )
    }
}

/// A scenario ready to evaluate: seats and cost lines over shared inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct CostModel {
    /// The scenario file, for messages.
    pub file: String,
    pub currency: Currency,
    pub duration: Decimal,
    pub inputs: Vec<Input>,
    pub seats: Vec<SeatModel>,
    pub lines: Vec<LineModel>,
    /// The goal's effort and month (MODEL.md 10.1), which the simulation
    /// reads too.
    pub goal: Option<(Decimal, Decimal)>,
}

impl CostModel {
    /// The cost of the seats at these values over a project of `duration`
    /// months (cost lines set aside: what a unit of team output costs).
    pub fn seat_cost(&self, values: &[Decimal], duration: Decimal) -> Exact {
        self.seats
            .iter()
            .fold(Exact::zero(), |sum, s| sum + s.terms(values, duration).cost())
    }

    /// The cost of the cost lines, likewise.
    pub fn line_cost(&self, values: &[Decimal], duration: Decimal) -> Exact {
        self.lines.iter().fold(Exact::zero(), |sum, l| {
            sum + l.cost_within(values, duration, Decimal::ZERO, duration)
        })
    }

    /// The cost of the whole plan: seats and cost lines.
    pub fn cost(&self, values: &[Decimal], duration: Decimal) -> Exact {
        self.seat_cost(values, duration) + self.line_cost(values, duration)
    }

    /// The productive capacity of the seats, likewise.
    pub fn capacity(&self, values: &[Decimal], duration: Decimal) -> Exact {
        self.seats
            .iter()
            .fold(Exact::zero(), |sum, s| sum + s.terms(values, duration).capacity())
    }

    /// The times inside (0, D) at which the cost rate may change besides
    /// the seats' own turns: each project year (a raise) and each cost
    /// line's window.
    pub fn cost_turns(&self) -> Vec<Decimal> {
        let d = self.duration;
        let mut out = Vec::new();
        let mut year = Decimal::from(12);
        while year < d {
            out.push(year);
            year += Decimal::from(12);
        }
        for l in &self.lines {
            out.push(l.formula.from);
            out.extend(l.formula.until);
        }
        out.retain(|t| *t > Decimal::ZERO && *t < d);
        out
    }

    /// The error for a team figure that overflowed.
    pub fn too_large(&self, what: &str) -> Diagnostic {
        Diagnostic::new(
            self.file.clone(),
            format!("the {what} of the team is too large to compute"),
        )
        .expected("figures whose sums stay below 7.9e28 (rust_decimal's largest number)")
        .help("check the counts of the seats and the salaries, rates and exchange rates they read")
    }
}

/// The reporting currency: the scenario's, else its location's.
pub fn reporting_currency(scenario: &Scenario, layers: &Layers) -> Result<Currency, Diagnostic> {
    if let Some(c) = &scenario.currency {
        return Ok(c.value.clone());
    }
    let location = layers
        .location(&scenario.location.value)
        .ok_or_else(|| unknown_location(&scenario.location, layers))?;
    Ok(location.currency.value.clone())
}

fn unknown_location(id: &Located<String>, layers: &Layers) -> Diagnostic {
    unknown(
        &id.origin.diag(format!("unknown location `{}`", id.value)),
        "location",
        &id.value,
        &layers.location_ids(),
        layers,
    )
}

/// Builds the model of the given seats; reports every seat that cannot be
/// resolved.
pub fn build(scenario: &Scenario, seats: &[Seat], layers: &Layers) -> Result<CostModel, Vec<Diagnostic>> {
    let currency = reporting_currency(scenario, layers).map_err(|d| vec![d])?;
    // A reporting currency the exchange rates cannot reach is an error even
    // before a seat needs converting.
    if let Some(c) = &scenario.currency
        && let Some(fx) = layers.fx()
    {
        layers.conversion(c, &fx.base.value).map_err(|d| vec![d])?;
    }
    let mut builder = Builder {
        layers,
        currency: &currency,
        inputs: Vec::new(),
        duration: scenario.duration.get(),
        after: scenario.after,
    };
    let mut problems = Vec::new();
    let mut models = Vec::new();
    for seat in seats {
        match builder.seat(seat) {
            Ok(m) => models.push(m),
            Err(mut d) => problems.append(&mut d),
        }
    }
    let mut lines = Vec::new();
    for line in &scenario.costs {
        match builder.line(scenario, line) {
            Ok(m) => lines.push(m),
            Err(mut d) => problems.append(&mut d),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(CostModel {
        file: scenario.file.clone(),
        currency: currency.clone(),
        duration: scenario.duration.get(),
        inputs: builder.inputs,
        seats: models,
        lines,
        goal: scenario.goal.as_ref().map(|g| (g.effort_pm, g.by_month)),
    })
}

struct Builder<'l> {
    layers: &'l Layers,
    currency: &'l Currency,
    inputs: Vec<Input>,
    /// D, and what happens at it to the seats that run to the end.
    duration: Decimal,
    after: After,
}

impl Builder<'_> {
    /// The index of an input, adding it the first time it is read.
    /// (A scenario reads a few dozen inputs: a linear search is the fastest.)
    fn input(&mut self, kind: InputKind, subject: &str, range: Range) -> usize {
        self.amount(kind, subject, range, None)
    }

    /// [`Builder::input`] for an amount written in `currency`.
    fn amount(&mut self, kind: InputKind, subject: &str, range: Range, currency: Option<&Currency>) -> usize {
        if let Some(i) = self
            .inputs
            .iter()
            .position(|i| i.kind == kind && i.subject == subject)
        {
            return i;
        }
        self.inputs.push(Input {
            kind,
            subject: subject.to_string(),
            range,
            currency: currency.cloned(),
        });
        self.inputs.len() - 1
    }

    fn seat(&mut self, seat: &Seat) -> Result<SeatModel, Vec<Diagnostic>> {
        let layers = self.layers;
        let mut problems = Vec::new();
        let role = layers.role(&seat.role.value);
        if role.is_none() {
            problems.push(unknown(
                &seat
                    .role
                    .origin
                    .diag(format!("unknown role `{}`", seat.role.value)),
                "role",
                &seat.role.value,
                &layers.role_ids(),
                layers,
            ));
        }
        let location = layers.location(&seat.location.value);
        if location.is_none() {
            problems.push(unknown_location(&seat.location, layers));
        }
        let premiums = skills(seat, layers, &mut problems);
        let (Some(role), Some(location), Some(premiums)) = (role, location, premiums) else {
            return Err(problems);
        };
        let key = RateKey {
            role: seat.role.value.clone(),
            level: seat.level,
            location: seat.location.value.clone(),
        };
        let place = seat.location.value.as_str();
        let released = seat.released(self.duration, self.after);
        let pay = match seat.engagement {
            Engagement::InHouse => {
                let (price, _) = layers
                    .salary(&key)
                    .ok_or_else(|| vec![missing(seat, &key, "salary", layers)])?;
                let currency = price.currency.as_ref().unwrap_or(&location.currency);
                let salary_fx = self.conversion(currency)?;
                let overhead_fx = self.conversion(&location.currency)?;
                let terms = &location.in_house;
                let subject = key.to_string();
                Pay::InHouse {
                    salary: self.amount(InputKind::Salary, &subject, price.amount, Some(&currency.value)),
                    salary_fx,
                    burden: self.input(InputKind::Burden, place, terms.burden),
                    recruiting_fee: self.input(InputKind::RecruitingFee, place, terms.recruiting_fee),
                    time_to_hire: self.input(InputKind::TimeToHire, place, terms.time_to_hire_weeks),
                    ramp_up: self.input(InputKind::InHouseRampUp, place, terms.ramp_up_weeks),
                    ramp_productivity: self.input(
                        InputKind::InHouseRampProductivity,
                        place,
                        terms.ramp_productivity,
                    ),
                    overhead: self.amount(
                        InputKind::Overhead,
                        place,
                        terms.overhead_monthly,
                        Some(&location.currency.value),
                    ),
                    overhead_fx,
                    management: self.input(InputKind::ManagementOverhead, place, terms.management_overhead),
                    availability: self.input(InputKind::Availability, place, terms.availability),
                    attrition: self.input(InputKind::Attrition, place, terms.attrition),
                    raise: self.input(InputKind::Raise, place, terms.annual_raise),
                    premiums: self.premiums(&premiums, InputKind::PremiumSalary),
                    // read only for people let go, so a plan that keeps
                    // everyone has no exit inputs
                    exit: released.then(|| {
                        (
                            self.input(InputKind::ExitMonths, place, terms.exit_months),
                            self.input(InputKind::ExitMonthsPerYear, place, terms.exit_months_per_year),
                        )
                    }),
                }
            }
            Engagement::Agency => {
                let (price, _) = layers
                    .agency_rate(&key)
                    .ok_or_else(|| vec![missing(seat, &key, "agency rate", layers)])?;
                let currency = price.currency.as_ref().unwrap_or(&location.currency);
                let hourly_fx = self.conversion(currency)?;
                let terms = &location.agency;
                Pay::Agency {
                    hourly: self.amount(
                        InputKind::AgencyRate,
                        &key.to_string(),
                        price.amount,
                        Some(&currency.value),
                    ),
                    hourly_fx,
                    hours: self.input(InputKind::AgencyHours, place, terms.hours_per_month),
                    time_to_start: self.input(InputKind::TimeToStart, place, terms.time_to_start_weeks),
                    ramp_up: self.input(InputKind::AgencyRampUp, place, terms.ramp_up_weeks),
                    ramp_productivity: self.input(
                        InputKind::AgencyRampProductivity,
                        place,
                        terms.ramp_productivity,
                    ),
                    increase: self.input(InputKind::AgencyIncrease, place, terms.annual_increase),
                    premiums: self.premiums(&premiums, InputKind::PremiumAgency),
                }
            }
        };
        Ok(SeatModel {
            seat: seat.clone(),
            title: role.title.clone(),
            focus: role.focus,
            fte: seat.fte(),
            formula: Formula {
                fte: seat.fte(),
                from: seat.from_month,
                until: seat.until_month,
                productivity: self.input(
                    InputKind::Productivity,
                    &seat.level.to_string(),
                    layers.productivity(seat.level),
                ),
                pay,
                existing: seat.existing,
                released,
            },
        })
    }

    /// The inputs of a seat's premiums of one kind (shares of salary or of
    /// the hourly rate), keyed by the premium's id.
    fn premiums(&mut self, premiums: &[(&str, &Premium)], kind: InputKind) -> Premiums {
        let inputs: Vec<usize> = premiums
            .iter()
            .map(|(id, p)| {
                let share = match kind {
                    InputKind::PremiumAgency => p.agency,
                    _ => p.salary,
                };
                self.input(kind, id, share)
            })
            .collect();
        // a seat lists at most MAX_SKILLS skills (scenario reading)
        Premiums::new(&inputs).unwrap_or_default()
    }

    /// A cost line: its amounts as inputs keyed by its name, in its
    /// currency (default: the currency of the scenario's location).
    fn line(&mut self, scenario: &Scenario, line: &CostLine) -> Result<LineModel, Vec<Diagnostic>> {
        let currency = match &line.currency {
            Some(c) => c.clone(),
            None => {
                let location = self
                    .layers
                    .location(&scenario.location.value)
                    .ok_or_else(|| vec![unknown_location(&scenario.location, self.layers)])?;
                location.currency.clone()
            }
        };
        let fx = self.conversion(&currency)?;
        let name = line.name.value.as_str();
        Ok(LineModel {
            line: line.clone(),
            formula: LineFormula {
                monthly: self.amount(InputKind::CostMonthly, name, line.monthly, Some(&currency.value)),
                once: self.amount(InputKind::CostOnce, name, line.once, Some(&currency.value)),
                fx,
                from: line.from_month,
                until: line.until_month,
            },
        })
    }

    fn conversion(&self, from: &Located<Currency>) -> Result<FxFactor<Decimal>, Vec<Diagnostic>> {
        conversion(self.layers, from, self.currency).map_err(|d| vec![d])
    }
}

/// How an amount in `from` becomes one in `to` through the topmost `fx`
/// block of the layers (MODEL.md section 3), as every seat and cost line
/// of a model converts; no conversion when the two rates are 1.
pub fn conversion(
    layers: &Layers,
    from: &Located<Currency>,
    to: &Currency,
) -> Result<FxFactor<Decimal>, Diagnostic> {
    let (from, to) = layers.conversion(from, to)?;
    Ok(FxFactor(
        (from != Decimal::ONE || to != Decimal::ONE).then_some((from, to)),
    ))
}

/// The premiums of a seat's skills from the layers; an unknown id is an
/// error with the known ones. `None` when one is unknown, or when the
/// shares the seat is paid add up to more than 1 at their high ends (the
/// bound that keeps every total computable, src/input/fields.rs).
fn skills<'l>(
    seat: &Seat,
    layers: &'l Layers,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<(&'l str, &'l Premium)>> {
    let known = layers.premium_ids();
    let mut premiums = Vec::with_capacity(seat.skills.len());
    let mut complete = true;
    for skill in &seat.skills {
        match known
            .iter()
            .find(|id| **id == skill.value)
            .and_then(|id| layers.premium(id).map(|p| (*id, p)))
        {
            Some(premium) => premiums.push(premium),
            None => {
                complete = false;
                problems.push(unknown(
                    &skill.origin.diag(format!("unknown skill `{}`", skill.value)),
                    "skill",
                    &skill.value,
                    &known,
                    layers,
                ));
            }
        }
    }
    let (what, shares): (&str, Vec<Decimal>) = match seat.engagement {
        Engagement::InHouse => ("salary", premiums.iter().map(|(_, p)| p.salary.high()).collect()),
        Engagement::Agency => (
            "hourly rate",
            premiums.iter().map(|(_, p)| p.agency.high()).collect(),
        ),
    };
    let total: Decimal = shares.iter().sum();
    if complete && total > Decimal::ONE {
        complete = false;
        problems.push(
            seat.role
                .origin
                .diag(format!(
                    "the skill premiums of {} {} add up to {} of its {what} at their high ends",
                    seat.role.value,
                    seat.level,
                    total.normalize()
                ))
                .expected(format!("shares of {what} that add up to at most 1 for one seat"))
                .help("list fewer skills on this seat, or lower the premiums' high ends; \"Ranges\" in README.md says why"),
        );
    }
    complete.then_some(premiums)
}

/// A figure no layer has: name the key and the layers searched.
fn missing(seat: &Seat, key: &RateKey, what: &str, layers: &Layers) -> Diagnostic {
    let other = match seat.engagement {
        Engagement::InHouse => "Agency",
        Engagement::Agency => "InHouse",
    };
    seat.role
        .origin
        .diag(format!("no {what} for {key} in layers {}", layers.describe()))
        .expected(format!("{} {what} entry for role `{}`, level {}, location `{}` in one of the layers", if what.starts_with('a') { "an" } else { "a" }, key.role, key.level, key.location))
        .help(format!(
            "add the entry to a plugin layered on top (teamcost never invents a rate), or change this seat's level or location, or set `engagement: {other}`"
        ))
}
