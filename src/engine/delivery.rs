//! When a scenario delivers its goal and what it costs to get there
//! (MODEL.md section 10.3): the completion month t*, solved exactly on the
//! linear piece of the cumulative output C(t) where it reaches the goal, or
//! past the end of the plan at its end rates; the cost to deliver, the cost
//! inside [0, t*) (continued at the end's cost rate past D); what is
//! delivered by the goal's month, and whether it is on time. Read from the
//! one seat formula at typical values ([`Likely`]).

use rust_decimal::Decimal;

use crate::engine::likely::Likely;
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

/// The cumulative output and cost of a team over time: what a delivery is
/// worked out from.
pub trait Curve {
    /// D.
    fn duration(&self) -> Decimal;
    /// Every time in [0, D] at which a rate may change, in any order.
    fn turns(&self) -> Vec<Decimal>;
    /// Output inside [a, b).
    fn output(&self, a: Decimal, b: Decimal) -> Result<Decimal, Diagnostic>;
    /// Cost of the work inside [a, b): exit costs of seats released at u
    /// in (a, b), none at b.
    fn cost(&self, a: Decimal, b: Decimal) -> Result<Decimal, Diagnostic>;
    /// The error of a figure too large to compute.
    fn too_large(&self, what: &str) -> Diagnostic;
}

impl Curve for Likely {
    fn duration(&self) -> Decimal {
        self.duration()
    }

    fn turns(&self) -> Vec<Decimal> {
        self.turns()
    }

    fn output(&self, a: Decimal, b: Decimal) -> Result<Decimal, Diagnostic> {
        self.capacity_within(a, b)
    }

    fn cost(&self, a: Decimal, b: Decimal) -> Result<Decimal, Diagnostic> {
        self.cost_before(a, b)
    }

    fn too_large(&self, what: &str) -> Diagnostic {
        self.too_large(what)
    }
}

/// The delivery of `goal` by the team whose output and cost `curve` gives.
pub fn deliver(curve: &impl Curve, goal: &Goal) -> Result<Delivery, Diagnostic> {
    let d = curve.duration();
    let zero = Decimal::ZERO;
    // the turns inside [0, D] (a seat that never starts turns after D),
    // with both ends
    let mut points: Vec<Decimal> = curve.turns().into_iter().map(|t| t.clamp(zero, d)).collect();
    points.extend([zero, d]);
    points.sort();
    points.dedup();
    let e = goal.effort_pm;
    let checked = |x: Option<Decimal>| x.ok_or_else(|| curve.too_large("cost to deliver"));
    // a * b / c, exactly, or an error when it does not fit
    let scaled =
        |a: Decimal, b: Decimal, c: Decimal| checked(a.checked_mul(b).and_then(|ab| ab.checked_div(c)));
    let mut completion = None;
    // C at each turn; the first turn where C reaches E closes the piece
    // on which C(t) = E is solved: C is linear between turns
    let mut before = (zero, zero);
    for &t in points.iter().skip(1) {
        let c = curve.output(zero, t)?;
        if c >= e {
            let (t0, c0) = before;
            completion = Some(t0 + scaled(e - c0, t - t0, c - c0)?);
            break;
        }
        before = (t, c);
    }
    let capacity = before.1;
    let cost_to_deliver = match completion {
        Some(t) => Some(curve.cost(zero, t)?),
        None => {
            // past D at the end's rates: those of the last piece [b, D),
            // read on its second half, clear of any fee at b
            let b = points.iter().rev().nth(1).copied().unwrap_or(zero);
            let gained = capacity - curve.output(zero, b)?;
            if gained > zero {
                // t* = D + (E - C(D)) / rho_D, rho_D = gained / (D - b)
                let t = d + scaled(e - capacity, d - b, gained)?;
                completion = Some(t);
                let m = (b + d) / Decimal::TWO;
                // X(D) + (t* - D) * b_D, b_D = cost(m, D) / (D - m)
                let more = scaled(t - d, curve.cost(m, d)?, d - m)?;
                Some(checked(curve.cost(zero, d)?.checked_add(more))?)
            } else {
                None
            }
        }
    };
    let by = goal.by_month;
    Ok(Delivery {
        goal: goal.clone(),
        completion_month: completion,
        delivered_pm: curve.output(zero, by)?,
        cost_to_deliver,
        on_time: completion.is_some_and(|t| t <= by),
        late_months: completion.map(|t| (t - by).max(zero)),
    })
}
