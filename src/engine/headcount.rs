//! Team size over time (MODEL.md 10.7): the planned FTE by focus at its
//! peak and on average over the plan, from the seats' windows [f, u);
//! beside the sums of seat FTE, which a plan whose seats come and go
//! overstates.

use rust_decimal::Decimal;

use crate::engine::SeatEstimate;
use crate::vocabulary::Focus;

/// The largest planned FTE of `focus` at any moment: Σ n*a of the seats
/// whose window holds t, largest at some seat's `from_month`.
pub fn peak(seats: &[SeatEstimate], focus: Focus) -> Decimal {
    let of_focus: Vec<&SeatEstimate> = seats.iter().filter(|s| s.focus == focus).collect();
    of_focus
        .iter()
        .map(|at| {
            let t = at.from_month;
            of_focus
                .iter()
                .filter(|s| s.from_month <= t && t < s.until_month)
                .map(|s| s.fte)
                .sum::<Decimal>()
        })
        .max()
        .unwrap_or_default()
}

/// The planned FTE of `focus` on average over the plan: Σ n*a*(u - f) / D.
pub fn average(seats: &[SeatEstimate], focus: Focus, duration: Decimal) -> Decimal {
    if duration <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    seats
        .iter()
        .filter(|s| s.focus == focus)
        .map(|s| s.fte * (s.until_month - s.from_month))
        .sum::<Decimal>()
        / duration
}
