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

/// What a seat is paid at these values: per staffed month (for one FTE)
/// and once when it starts; for in-house seats also the monthly salary and
/// overhead the components are made of.
struct Paid {
    monthly: Decimal,
    one_time: Decimal,
    salary_month: Decimal,
    overhead: Decimal,
}

fn paid(seat: &SeatModel, values: &[Decimal]) -> Paid {
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
            let salary_month = annual / Decimal::from(12);
            let overhead = overhead_fx.apply(values[overhead]);
            Paid {
                monthly: salary_month * values[burden] + overhead + salary_month * values[management],
                one_time: annual * values[recruiting_fee],
                salary_month,
                overhead,
            }
        }
        Pay::Agency {
            hourly,
            hourly_fx,
            hours,
            ..
        } => Paid {
            monthly: hourly_fx.apply(values[hourly]) * values[hours],
            one_time: Decimal::ZERO,
            salary_month: Decimal::ZERO,
            overhead: Decimal::ZERO,
        },
    }
}

/// The cost alone, for the low and high totals: the formula of
/// [`seat_cost`] without the breakdown.
pub fn seat_total(seat: &SeatModel, values: &[Decimal], duration: Decimal) -> Decimal {
    let active = (duration - weeks_to_months(start_weeks(seat, values))).max(Decimal::ZERO);
    if active.is_zero() {
        return Decimal::ZERO;
    }
    let p = paid(seat, values);
    seat.fte * (p.monthly * active + p.one_time)
}

/// The cost of a seat with its components (MODEL.md section 4):
/// n * a * (monthly * active + one_time), the one-time cost only when the
/// seat starts inside the project.
pub fn seat_cost(seat: &SeatModel, values: &[Decimal], duration: Decimal) -> SeatCost {
    let start = weeks_to_months(start_weeks(seat, values));
    let active = (duration - start).max(Decimal::ZERO);
    let na = seat.fte;
    let p = paid(seat, values);
    let one_time = if active > Decimal::ZERO {
        p.one_time
    } else {
        Decimal::ZERO
    };
    let components = match seat.pay {
        Pay::InHouse {
            burden, management, ..
        } => Components {
            salary: na * p.salary_month * active,
            burden: na * p.salary_month * (values[burden] - Decimal::ONE) * active,
            overhead: na * p.overhead * active,
            management: na * p.salary_month * values[management] * active,
            recruiting: na * one_time,
            agency: Decimal::ZERO,
        },
        Pay::Agency { .. } => Components {
            agency: na * p.monthly * active,
            ..Components::default()
        },
    };
    SeatCost {
        total: na * (p.monthly * active + one_time),
        components,
        monthly_rate: p.monthly,
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
