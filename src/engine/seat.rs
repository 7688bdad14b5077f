//! The cost and capacity of one seat at given input values (MODEL.md
//! section 4): the formulas, and nothing else.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::model::{Pay, SeatModel};

/// Weeks to months: `w / WPM` with WPM = 52 / 12, written as `w * 12 / 52`
/// so no rounded constant enters the figures.
pub fn weeks_to_months(weeks: Decimal) -> Decimal {
    weeks * Decimal::from(12) / Decimal::from(52)
}

/// Cost components (MODEL.md section 4); they add up to the cost.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Components {
    pub salary: Decimal,
    pub burden: Decimal,
    pub overhead: Decimal,
    pub management: Decimal,
    pub recruiting: Decimal,
    pub agency: Decimal,
}

impl Components {
    pub fn total(&self) -> Decimal {
        self.salary + self.burden + self.overhead + self.management + self.recruiting + self.agency
    }

    pub fn add(&mut self, other: &Components) {
        self.salary += other.salary;
        self.burden += other.burden;
        self.overhead += other.overhead;
        self.management += other.management;
        self.recruiting += other.recruiting;
        self.agency += other.agency;
    }

    /// (name, amount) pairs in the order reports show them.
    pub fn named(&self) -> [(&'static str, Decimal); 6] {
        [
            ("salary", self.salary),
            ("burden", self.burden),
            ("overhead", self.overhead),
            ("management", self.management),
            ("recruiting", self.recruiting),
            ("agency", self.agency),
        ]
    }
}

/// What one seat costs over the project at one set of values.
#[derive(Debug, Clone, PartialEq)]
pub struct SeatCost {
    pub total: Decimal,
    pub components: Components,
    /// Cost per staffed month (n * a not applied) and the one-time cost.
    pub monthly_rate: Decimal,
    pub one_time: Decimal,
    /// Start, in months after the project starts.
    pub start: Decimal,
    /// Months staffed inside the project.
    pub active: Decimal,
}

/// The delay before a seat starts, in weeks, at these values.
pub fn start_weeks(seat: &SeatModel, values: &[Decimal]) -> Decimal {
    match seat.pay {
        Pay::InHouse { time_to_hire, .. } => values[time_to_hire],
        Pay::Agency { time_to_start, .. } => values[time_to_start],
    }
}

/// Number of timeline months: ceil(D).
pub fn month_count(duration: Decimal) -> usize {
    duration.ceil().to_usize().unwrap_or(0)
}

/// The cost alone, for the low and high totals: the same formula as
/// [`seat_cost`] without the breakdown.
pub fn seat_total(seat: &SeatModel, values: &[Decimal], duration: Decimal) -> Decimal {
    let active = (duration - weeks_to_months(start_weeks(seat, values))).max(Decimal::ZERO);
    if active.is_zero() {
        return Decimal::ZERO;
    }
    match seat.pay {
        Pay::InHouse {
            salary,
            salary_fx,
            burden,
            recruiting_fee,
            overhead,
            overhead_fx,
            management,
            ..
        } => {
            let annual = salary_fx.apply(values[salary]);
            let per_month = annual / Decimal::from(12);
            let monthly = per_month * values[burden]
                + overhead_fx.apply(values[overhead])
                + per_month * values[management];
            seat.fte * (monthly * active + annual * values[recruiting_fee])
        }
        Pay::Agency {
            hourly,
            hourly_fx,
            hours,
            ..
        } => seat.fte * (hourly_fx.apply(values[hourly]) * values[hours] * active),
    }
}

pub fn seat_cost(seat: &SeatModel, values: &[Decimal], duration: Decimal) -> SeatCost {
    let twelve = Decimal::from(12);
    let start = weeks_to_months(start_weeks(seat, values));
    let active = (duration - start).max(Decimal::ZERO);
    let na = seat.fte;
    let (monthly, one_time, components) = match seat.pay {
        Pay::InHouse {
            salary,
            salary_fx,
            burden,
            recruiting_fee,
            overhead,
            overhead_fx,
            management,
            ..
        } => {
            let annual = salary_fx.apply(values[salary]);
            let per_month = annual / twelve;
            let overhead_monthly = overhead_fx.apply(values[overhead]);
            let monthly = per_month * values[burden] + overhead_monthly + per_month * values[management];
            let one_time = if active > Decimal::ZERO {
                annual * values[recruiting_fee]
            } else {
                Decimal::ZERO
            };
            let components = Components {
                salary: na * per_month * active,
                burden: na * per_month * (values[burden] - Decimal::ONE) * active,
                overhead: na * overhead_monthly * active,
                management: na * per_month * values[management] * active,
                recruiting: na * one_time,
                agency: Decimal::ZERO,
            };
            (monthly, one_time, components)
        }
        Pay::Agency {
            hourly,
            hourly_fx,
            hours,
            ..
        } => {
            let monthly = hourly_fx.apply(values[hourly]) * values[hours];
            let components = Components {
                agency: na * monthly * active,
                ..Components::default()
            };
            (monthly, Decimal::ZERO, components)
        }
    };
    SeatCost {
        total: na * (monthly * active + one_time),
        components,
        monthly_rate: monthly,
        one_time,
        start,
        active,
    }
}

/// Adds a seat's months to `months` (one entry per month 1..=ceil(D)):
/// cost_m = n * a * monthly * share_m, plus the one-time cost in month
/// floor(s) + 1 when the seat starts inside the project.
pub fn add_timeline(months: &mut [Decimal], fte: Decimal, cost: &SeatCost, duration: Decimal) {
    let per_month = fte * cost.monthly_rate;
    let first = month_count(cost.start.floor() + Decimal::ONE);
    for (i, month) in months.iter_mut().enumerate().skip(first.saturating_sub(1)) {
        let m = Decimal::from(i + 1);
        let (m_start, m_end) = ((m - Decimal::ONE).max(cost.start), m.min(duration));
        if m_start == m - Decimal::ONE && m_end == m {
            *month += per_month; // a whole month staffed: share 1
        } else {
            *month += per_month * (m_end - m_start).max(Decimal::ZERO);
        }
    }
    if cost.start < duration
        && !cost.one_time.is_zero()
        && let Some(month) = months.get_mut(first - 1)
    {
        *month += fte * cost.one_time;
    }
}

/// capacity = n * a * (p * min(active, r) + max(0, active - r)), in
/// productive person-months.
pub fn seat_capacity(seat: &SeatModel, values: &[Decimal], duration: Decimal) -> Decimal {
    let (ramp_up, productivity) = match seat.pay {
        Pay::InHouse {
            ramp_up,
            ramp_productivity,
            ..
        }
        | Pay::Agency {
            ramp_up,
            ramp_productivity,
            ..
        } => (values[ramp_up], values[ramp_productivity]),
    };
    let start = weeks_to_months(start_weeks(seat, values));
    let active = (duration - start).max(Decimal::ZERO);
    let r = weeks_to_months(ramp_up);
    seat.fte * (productivity * active.min(r) + (active - r).max(Decimal::ZERO))
}
