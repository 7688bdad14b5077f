//! When a scenario delivers its goal and what it costs to get there
//! (MODEL.md section 10.3): the completion month t*, solved exactly on the
//! linear piece of the cumulative output C(t) where it reaches the goal, or
//! past the end of the plan at its end rates; the cost to deliver, the cost
//! inside [0, t*) (continued at the end's cost rate past D); what is
//! delivered by the goal's month, and whether it is on time. Read from the
//! one seat formula at typical values ([`Likely`]).

use rust_decimal::Decimal;

use crate::engine::likely::Likely;
use crate::engine::model::CostModel;
use crate::engine::number::{Exact, Number};
use crate::engine::seat::Terms;
use crate::input::diagnostic::Diagnostic;
use crate::scenario::Goal;

/// A goal against the likely figures of a team.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    pub goal: Goal,
    /// t*: the month the goal's output is reached; `None` when it never is
    /// (no seat delivers at the end of the plan).
    pub completion_month: Option<Decimal>,
    /// C(T): the output delivered by the goal's month.
    pub delivered_pm: Decimal,
    /// The cost of the work up to t*; `None` when the goal is never reached.
    pub cost_to_deliver: Option<Decimal>,
    /// t* <= T.
    pub on_time: bool,
    /// max(0, t* - T); `None` when the goal is never reached.
    pub late_months: Option<Decimal>,
}

/// The cumulative output and cost of a team over time, in one number type:
/// what a completion and a cost to deliver are worked out from, at typical
/// values ([`Likely`], exact) or in one simulated trial (`f64`).
pub trait Curve<N: Number> {
    /// D.
    fn duration(&self) -> N;
    /// Every seat's output pieces `(from, until, rate)` ([`Terms::pieces`](crate::engine::seat::Terms::pieces)).
    fn pieces(&self, out: &mut Vec<(N, N, N)>);
    /// The times inside (0, D) other than the pieces' ends at which the
    /// cost rate may change: project years (a raise), cost lines' windows.
    fn cost_turns(&self) -> &[N];
    /// The cost of the work inside [a, b): exit costs of seats released at
    /// u in (a, b), none at b ([`Terms::cost_before`](crate::engine::seat::Terms::cost_before)).
    fn cost(&self, a: N, b: N) -> N;
}

/// The scratch space of [`reach`]: the output pieces and the times their
/// rates change.
#[derive(Debug, Default)]
pub struct Buffers<N> {
    pieces: Vec<(N, N, N)>,
    events: Vec<(N, N)>,
}

/// When a team reaches `effort` and what the work costs up to then
/// (MODEL.md 10.3): `(t*, X)`, both `None` when the goal is never reached.
/// C(t) is swept piece by piece: its rate changes only where a piece starts
/// or ends, so t* is solved exactly on the interval where C reaches the
/// effort; past D the plan goes on at the rate of its last interval.
/// `buffers` (the pieces and the rate changes) are reused between trials.
pub fn reach<N: Number>(
    curve: &impl Curve<N>,
    effort: N,
    buffers: &mut Buffers<N>,
) -> (Option<N>, Option<N>) {
    let (zero, d) = (N::zero(), curve.duration());
    let Buffers { pieces, events } = buffers;
    pieces.clear();
    curve.pieces(pieces);
    events.clear();
    // rho_D: the rates of the pieces still delivering at D⁻
    let mut end_rate = zero;
    for &(from, until, rate) in pieces.iter() {
        // only what lies inside [0, D) delivers within the plan
        let (from, until) = (from.max(zero), until.min(d));
        if from < until && rate > zero {
            events.push((from, rate));
            events.push((until, zero - rate));
            if until == d {
                end_rate = end_rate + rate;
            }
        }
    }
    events.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
    let (mut at, mut rate, mut done) = (zero, zero, zero);
    // the last time before D at which the output rate changed
    let mut last = zero;
    for &(t, change) in events.iter() {
        if t > at {
            let gained = rate * (t - at);
            if done + gained >= effort {
                let t_star = at + (effort - done) / rate;
                return (Some(t_star), Some(curve.cost(zero, t_star)));
            }
            done = done + gained;
            at = t;
        }
        if t < d {
            last = t;
        }
        rate = rate + change;
    }
    // no seat at the end (or an overflowed rate): never reached
    if end_rate.partial_cmp(&zero) != Some(std::cmp::Ordering::Greater) {
        return (None, None);
    }
    // t* = D + (E - C(D)) / rho_D; X = X(D) + (t* - D) * b_D, b_D the cost
    // rate on the last interval [b, D), read on its second half, clear of
    // any fee at b
    let t_star = d + (effort - done) / end_rate;
    let b = curve
        .cost_turns()
        .iter()
        .copied()
        // cost turns lie inside (0, D)
        .fold(last, |b, t| b.max(t));
    let m = (b + d).scale(N::int(1), N::int(2));
    let cost_rate = curve.cost(m, d) / (d - m);
    (Some(t_star), Some(curve.cost(zero, d) + (t_star - d) * cost_rate))
}

/// A model at one set of input values, exact: the curve sensitivity moves
/// one input at a time on.
pub struct At<'m> {
    model: &'m CostModel,
    values: &'m [Decimal],
    terms: Vec<Terms<Exact>>,
    cost_turns: Vec<Exact>,
}

impl<'m> At<'m> {
    pub fn new(model: &'m CostModel, values: &'m [Decimal]) -> At<'m> {
        At {
            terms: model
                .seats
                .iter()
                .map(|s| s.terms(values, model.duration))
                .collect(),
            cost_turns: model.cost_turns().into_iter().map(Exact::new).collect(),
            model,
            values,
        }
    }

    /// `(t*, X)` for `effort` at these values; an overflow is an error.
    pub fn reach(&self, effort: Decimal) -> Result<(Option<Decimal>, Option<Decimal>), Diagnostic> {
        let (t, x) = reach(self, Exact::new(effort), &mut Buffers::default());
        let too_large = || self.model.too_large("cost to deliver");
        Ok((
            t.map(|t| t.get().ok_or_else(too_large)).transpose()?,
            x.map(|x| x.get().ok_or_else(too_large)).transpose()?,
        ))
    }
}

impl Curve<Exact> for At<'_> {
    fn duration(&self) -> Exact {
        Exact::new(self.model.duration)
    }

    fn pieces(&self, out: &mut Vec<(Exact, Exact, Exact)>) {
        out.extend(self.terms.iter().flat_map(|t| t.pieces()));
    }

    fn cost_turns(&self) -> &[Exact] {
        &self.cost_turns
    }

    fn cost(&self, a: Exact, b: Exact) -> Exact {
        let seats = self
            .terms
            .iter()
            .fold(Exact::zero(), |sum, t| sum + t.cost_before(a, b));
        match (a.get(), b.get()) {
            (Some(i0), Some(i1)) => self.model.lines.iter().fold(seats, |sum, l| {
                sum + l.cost_within(self.values, self.model.duration, i0, i1)
            }),
            // an overflowed bound makes an overflowed cost
            _ => Exact::zero() * a * b,
        }
    }
}

/// The delivery of `goal` by the team whose likely figures `likely` holds.
pub fn deliver(likely: &Likely, goal: &Goal) -> Result<Delivery, Diagnostic> {
    let zero = Decimal::ZERO;
    let (completion, cost_to_deliver) = likely.at().reach(goal.effort_pm)?;
    let by = goal.by_month;
    Ok(Delivery {
        goal: goal.clone(),
        completion_month: completion,
        delivered_pm: likely.capacity_within(zero, by)?,
        cost_to_deliver,
        on_time: completion.is_some_and(|t| t <= by),
        late_months: completion.map(|t| (t - by).max(zero)),
    })
}
