//! The one seat formula (MODEL.md sections 4 and 8.2): what a seat costs
//! and what it delivers, inside any span of the project, at one set of
//! input values. Written once, over any
//! [`Number`]: the deterministic corners, the months, the components,
//! sensitivity and break-even read it in [`Exact`](super::number::Exact)
//! decimals, the simulation in `f64`.

use rust_decimal::Decimal;

use crate::engine::number::{Exact, Number};

/// Weeks to months: `w / WPM` with WPM = 52 / 12, written as `w * 12 / 52`
/// so no rounded constant enters the figures.
pub fn weeks_to_months<N: Number>(weeks: N) -> N {
    weeks.scale(N::int(12), N::int(52))
}

/// `amount * rate[from] / rate[to]` (MODEL.md section 3), kept as the two
/// rates so the conversion is done in the order MODEL.md writes it; `None`
/// when the amount is already in the reporting currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FxFactor<N>(pub Option<(N, N)>);

impl<N: Number> FxFactor<N> {
    pub fn apply(self, amount: N) -> N {
        match self.0 {
            Some((from, to)) => amount.scale(from, to),
            None => amount,
        }
    }
}

impl FxFactor<Decimal> {
    /// [`FxFactor::apply`] on an exact amount; `None` when it overflows.
    pub fn exact(self, amount: Decimal) -> Option<Decimal> {
        self.map(Exact::new).apply(Exact::new(amount)).get()
    }
}

impl<N: Copy> FxFactor<N> {
    pub fn map<M>(self, f: impl Fn(N) -> M) -> FxFactor<M> {
        FxFactor(self.0.map(|(a, b)| (f(a), f(b))))
    }
}

/// The most skill premiums a seat reads: a scenario seat lists at most
/// this many skills.
pub const MAX_PREMIUMS: usize = crate::scenario::MAX_SKILLS;

/// The inputs of a seat's skill premiums (shares of salary in-house, of the
/// hourly rate through an agency), held inline so that a [`Formula`] stays
/// `Copy` for the simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Premiums {
    inputs: [usize; MAX_PREMIUMS],
    len: usize,
}

impl Premiums {
    /// The premiums of these inputs; `None` for more than [`MAX_PREMIUMS`].
    pub fn new(inputs: &[usize]) -> Option<Premiums> {
        let mut premiums = Premiums::default();
        premiums.inputs.get_mut(..inputs.len())?.copy_from_slice(inputs);
        premiums.len = inputs.len();
        Some(premiums)
    }

    /// The input indices, in the order the seat lists its skills.
    pub fn inputs(&self) -> &[usize] {
        &self.inputs[..self.len]
    }

    /// `amount * (1 + Σ shares)`; the amount itself when the seat has no
    /// premiums, so a seat without skills computes exactly as before.
    #[inline]
    fn apply<N: Number>(&self, amount: N, value: &impl Fn(usize) -> N) -> N {
        if self.len == 0 {
            return amount;
        }
        let shares = self.inputs().iter().fold(N::zero(), |sum, &i| sum + value(i));
        amount * (N::int(1) + shares)
    }
}

/// Which inputs a seat reads, by index into the model's inputs, and the
/// currency conversions of its amounts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pay<N> {
    InHouse {
        salary: usize,
        salary_fx: FxFactor<N>,
        burden: usize,
        recruiting_fee: usize,
        time_to_hire: usize,
        ramp_up: usize,
        ramp_productivity: usize,
        overhead: usize,
        overhead_fx: FxFactor<N>,
        management: usize,
        availability: usize,
        attrition: usize,
        raise: usize,
        /// Shares of salary: S * (1 + Σ shares).
        premiums: Premiums,
        /// The inputs of the months of salary paid when let go, and per
        /// year of tenure (MODEL.md 10.4); `None` for a seat that is kept.
        exit: Option<(usize, usize)>,
    },
    Agency {
        hourly: usize,
        hourly_fx: FxFactor<N>,
        hours: usize,
        time_to_start: usize,
        ramp_up: usize,
        ramp_productivity: usize,
        increase: usize,
        /// Shares of the hourly rate: h * (1 + Σ shares).
        premiums: Premiums,
    },
}

/// A seat ready to evaluate: its FTE (n * a), its window [f, u) in months
/// (`until` `None`: the end of the project), the input of its level's
/// productivity, and what it is paid.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Formula<N> {
    pub fte: N,
    pub from: N,
    pub until: Option<N>,
    pub productivity: usize,
    pub pay: Pay<N>,
    /// Already employed and productive (MODEL.md 10.5): starts at f, no
    /// hiring fee, no ramp-up piece.
    pub existing: bool,
    /// Let go at u, paying the exit cost (MODEL.md 10.4); never for an
    /// agency seat.
    pub released: bool,
}

/// The project's length and its number of project years (ceil(D / 12)),
/// the span every seat is evaluated over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Horizon<N> {
    pub duration: N,
    pub years: u32,
}

/// overlap([a0, a1), [b0, b1)): the length of the intersection, 0 when
/// there is none.
#[inline]
pub fn overlap<N: Number>(a0: N, a1: N, b0: N, b1: N) -> N {
    (a1.min(b1) - a0.max(b0)).max(N::zero())
}

/// Cost components (MODEL.md sections 4 and 8.2); they add up to the
/// cost. `other` is the non-labour cost lines (zero for a seat); `exit`
/// what a released employee is paid on leaving (notice not worked and
/// severance, MODEL.md section 10), zero until the engine prices it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Components<N = Decimal> {
    pub salary: N,
    pub burden: N,
    pub overhead: N,
    pub management: N,
    pub recruiting: N,
    pub agency: N,
    pub other: N,
    /// What letting people go costs (MODEL.md 10.4).
    pub exit: N,
}

impl<N: Number> Components<N> {
    pub fn zero() -> Components<N> {
        let z = N::zero();
        Components {
            salary: z,
            burden: z,
            overhead: z,
            management: z,
            recruiting: z,
            agency: z,
            other: z,
            exit: z,
        }
    }
}

impl<N: Copy + std::ops::Add<Output = N>> Components<N> {
    pub fn total(&self) -> N {
        self.salary
            + self.burden
            + self.overhead
            + self.management
            + self.recruiting
            + self.agency
            + self.other
            + self.exit
    }

    pub fn add(&mut self, other: &Components<N>) {
        *self = Components {
            salary: self.salary + other.salary,
            burden: self.burden + other.burden,
            overhead: self.overhead + other.overhead,
            management: self.management + other.management,
            recruiting: self.recruiting + other.recruiting,
            agency: self.agency + other.agency,
            other: self.other + other.other,
            exit: self.exit + other.exit,
        };
    }

    /// (name, amount) pairs in the order reports show them.
    pub fn named(&self) -> [(&'static str, N); 8] {
        [
            ("salary", self.salary),
            ("burden", self.burden),
            ("overhead", self.overhead),
            ("management", self.management),
            ("recruiting", self.recruiting),
            ("agency", self.agency),
            ("other", self.other),
            ("exit", self.exit),
        ]
    }

    /// The components a report shows: the six of labour always, `other`
    /// and `exit` only when the scenario has non-labour or exit costs, so a
    /// file without them reads as it always did.
    pub fn shown(&self) -> Vec<(&'static str, N)>
    where
        N: PartialEq + Default,
    {
        self.named()
            .into_iter()
            .filter(|(name, amount)| !matches!(*name, "other" | "exit") || *amount != N::default())
            .collect()
    }

    /// The same components in another number type.
    pub fn map<M>(self, f: impl Fn(N) -> M) -> Components<M> {
        Components {
            salary: f(self.salary),
            burden: f(self.burden),
            overhead: f(self.overhead),
            management: f(self.management),
            recruiting: f(self.recruiting),
            agency: f(self.agency),
            other: f(self.other),
            exit: f(self.exit),
        }
    }
}

/// What a seat is paid at one set of values, per FTE, in the first
/// project year.
#[derive(Debug, Clone, Copy)]
enum Paid<N> {
    InHouse {
        /// S: the annual salary in the reporting currency.
        annual: N,
        burden: N,
        /// Overhead per month, in the reporting currency.
        overhead: N,
        management: N,
        recruiting_fee: N,
        /// Months of salary paid when let go, and per year of tenure; (0,
        /// 0) for a seat that is kept.
        exit_months: N,
        exit_per_year: N,
    },
    Agency {
        /// h * H: the hourly rate (in the reporting currency) times hours
        /// per month.
        monthly: N,
    },
}

/// A seat at one set of values: everything its cost, capacity, components
/// and months are made of. Times are in months from the project's start.
#[derive(Debug, Clone, Copy)]
pub struct Terms<N> {
    fte: N,
    /// f: when the position opens.
    from: N,
    /// u: when the seat ends.
    until: N,
    /// s = f + w / WPM: when work starts.
    start: N,
    /// r: the ramp-up piece's length (0 for someone already employed).
    ramp: N,
    /// r of the place: the ramp-up of the people who replace leavers.
    replacement_ramp: N,
    /// Hired for the plan: pays the hiring fee (not someone already
    /// employed).
    hired: bool,
    /// Kept on the payroll at u (not released).
    kept: bool,
    /// p: share of full output during the ramp-up.
    ramp_productivity: N,
    /// L * v: the level's productivity times availability (v = 1 for an
    /// agency seat).
    output: N,
    /// q: yearly attrition (0 for an agency seat).
    attrition: N,
    /// g: the yearly raise, or the agency's yearly increase.
    growth: N,
    /// D: the project's length, and its number of project years.
    duration: N,
    years: u32,
    paid: Paid<N>,
}

impl<N: Number> Formula<N> {
    /// Reads the seat's terms from `value` (input index to value) over the
    /// project's horizon.
    #[inline]
    pub fn terms(&self, value: impl Fn(usize) -> N, horizon: Horizon<N>) -> Terms<N> {
        let (delay, ramp, ramp_productivity) = self.timing();
        let one = N::int(1);
        let (paid, availability, attrition, growth) = match self.pay {
            Pay::InHouse {
                salary,
                salary_fx,
                burden,
                recruiting_fee,
                overhead,
                overhead_fx,
                management,
                availability,
                attrition,
                raise,
                premiums,
                exit,
                ..
            } => (
                Paid::InHouse {
                    annual: premiums.apply(salary_fx.apply(value(salary)), &value),
                    burden: value(burden),
                    overhead: overhead_fx.apply(value(overhead)),
                    management: value(management),
                    recruiting_fee: value(recruiting_fee),
                    exit_months: exit.map_or(N::zero(), |(months, _)| value(months)),
                    exit_per_year: exit.map_or(N::zero(), |(_, per_year)| value(per_year)),
                },
                value(availability),
                value(attrition),
                value(raise),
            ),
            Pay::Agency {
                hourly,
                hourly_fx,
                hours,
                increase,
                premiums,
                ..
            } => (
                Paid::Agency {
                    monthly: premiums.apply(hourly_fx.apply(value(hourly)), &value) * value(hours),
                },
                one,
                N::zero(),
                value(increase),
            ),
        };
        let ramp = weeks_to_months(value(ramp));
        Terms {
            fte: self.fte,
            from: self.from,
            until: horizon.duration,
            start: if self.existing {
                self.from
            } else {
                self.from + weeks_to_months(value(delay))
            },
            ramp: if self.existing { N::zero() } else { ramp },
            replacement_ramp: ramp,
            hired: !self.existing,
            kept: !self.released,
            ramp_productivity: value(ramp_productivity),
            output: value(self.productivity) * availability,
            attrition,
            growth,
            duration: horizon.duration,
            years: horizon.years,
            paid,
        }
        .over(self.until, horizon)
    }
}

impl<N: Copy> Formula<N> {
    /// The inputs of the start delay, the ramp-up length and the ramp
    /// productivity.
    fn timing(&self) -> (usize, usize, usize) {
        match self.pay {
            Pay::InHouse {
                time_to_hire,
                ramp_up,
                ramp_productivity,
                ..
            } => (time_to_hire, ramp_up, ramp_productivity),
            Pay::Agency {
                time_to_start,
                ramp_up,
                ramp_productivity,
                ..
            } => (time_to_start, ramp_up, ramp_productivity),
        }
    }

    /// Whether the seat reads input `i`: a change in any other input leaves
    /// its figures as they were (sensitivity moves one input at a time).
    pub fn reads(&self, i: usize) -> bool {
        let pay = match self.pay {
            Pay::InHouse {
                salary,
                salary_fx: _,
                burden,
                recruiting_fee,
                time_to_hire,
                ramp_up,
                ramp_productivity,
                overhead,
                overhead_fx: _,
                management,
                availability,
                attrition,
                raise,
                premiums,
                exit,
            } => {
                [
                    salary,
                    burden,
                    recruiting_fee,
                    time_to_hire,
                    ramp_up,
                    ramp_productivity,
                    overhead,
                    management,
                    availability,
                    attrition,
                    raise,
                ]
                .contains(&i)
                    || premiums.inputs().contains(&i)
                    || exit.is_some_and(|(months, per_year)| i == months || i == per_year)
            }
            Pay::Agency {
                hourly,
                hourly_fx: _,
                hours,
                time_to_start,
                ramp_up,
                ramp_productivity,
                increase,
                premiums,
            } => {
                [hourly, hours, time_to_start, ramp_up, ramp_productivity, increase].contains(&i)
                    || premiums.inputs().contains(&i)
            }
        };
        pay || i == self.productivity
    }

    /// The input that holds the seat's start delay, in weeks.
    pub fn delay_input(&self) -> usize {
        self.timing().0
    }

    /// The same formula over another number type.
    pub fn map<M>(&self, f: impl Fn(N) -> M + Copy) -> Formula<M> {
        let pay = match self.pay {
            Pay::InHouse {
                salary,
                salary_fx,
                burden,
                recruiting_fee,
                time_to_hire,
                ramp_up,
                ramp_productivity,
                overhead,
                overhead_fx,
                management,
                availability,
                attrition,
                raise,
                premiums,
                exit,
            } => Pay::InHouse {
                salary,
                salary_fx: salary_fx.map(f),
                burden,
                recruiting_fee,
                time_to_hire,
                ramp_up,
                ramp_productivity,
                overhead,
                overhead_fx: overhead_fx.map(f),
                management,
                availability,
                attrition,
                raise,
                premiums,
                exit,
            },
            Pay::Agency {
                hourly,
                hourly_fx,
                hours,
                time_to_start,
                ramp_up,
                ramp_productivity,
                increase,
                premiums,
            } => Pay::Agency {
                hourly,
                hourly_fx: hourly_fx.map(f),
                hours,
                time_to_start,
                ramp_up,
                ramp_productivity,
                increase,
                premiums,
            },
        };
        Formula {
            fte: f(self.fte),
            from: f(self.from),
            until: self.until.map(f),
            productivity: self.productivity,
            pay,
            existing: self.existing,
            released: self.released,
        }
    }
}

impl<N: Number> Terms<N> {
    /// The same seat over a project of another horizon, `until` the end of
    /// its window (`None`: the project's end): the horizon is all that
    /// changes in the terms, so break-even reads each seat once and then
    /// over every duration.
    #[inline]
    pub fn over(self, until: Option<N>, horizon: Horizon<N>) -> Terms<N> {
        Terms {
            until: until.unwrap_or(horizon.duration),
            duration: horizon.duration,
            years: horizon.years,
            ..self
        }
    }

    /// active = max(0, u - s): months staffed.
    #[inline]
    pub fn active(&self) -> N {
        (self.until - self.start).max(N::zero())
    }

    /// Σ_k (1 + g)^k * overlap([lo, hi) ∩ [i0, i1), Y_k) over the project
    /// years Y_k = [12k, 12k + 12): months weighted by the year's raise.
    #[inline]
    fn raised(&self, lo: N, hi: N, i0: N, i1: N) -> N {
        let (lo, hi) = (lo.max(i0), hi.min(i1));
        if self.growth == N::zero() {
            return (hi - lo).max(N::zero());
        }
        let (mut sum, mut factor) = (N::zero(), N::int(1));
        let (twelve, step) = (N::int(12), N::int(1) + self.growth);
        let mut year = N::zero();
        for _ in 0..self.years {
            sum = sum + factor * overlap(lo, hi, year, year + twelve);
            factor = factor * step;
            year = year + twelve;
        }
        sum
    }

    /// (1 + g)^k0 with k0 = floor(f / 12): the raise of the year the
    /// position opens.
    #[inline]
    fn opening_factor(&self) -> N {
        let (mut factor, step) = (N::int(1), N::int(1) + self.growth);
        for k in 1..self.years {
            factor = factor * step.powered_if(N::int(12 * k) <= self.from);
        }
        factor
    }

    /// (1 + g)^k, k the project year of t⁻ (the year holding the instant
    /// just before t): the raise of a charge paid at t.
    #[inline]
    fn factor_before(&self, t: N) -> N {
        let (mut factor, step) = (N::int(1), N::int(1) + self.growth);
        for k in 1..self.years {
            factor = factor * step.powered_if(N::int(12 * k) < t);
        }
        factor
    }

    /// The cost inside [i0, i1), split into components, each times n * a:
    /// the pay of the months of A inside it (raised by project year), the
    /// hiring fee when work starts inside it, the replacement fees of
    /// leavers over F inside it, and the exit cost when the seat is let go
    /// at u in (i0, i1] (month ceil(u), the phase it leaves).
    #[inline]
    pub fn components_within(&self, i0: N, i1: N) -> Components<N> {
        self.parts(i0, i1, true)
    }

    /// The cost inside [i0, i1) of the work done in it: as
    /// [`Terms::components_within`], but without the exit cost of a seat
    /// that ends at i1 (MODEL.md 10.3: a team that stops when it delivers
    /// is not let go).
    #[inline]
    pub fn cost_before(&self, i0: N, i1: N) -> N {
        self.parts(i0, i1, false).total()
    }

    #[inline]
    fn parts(&self, i0: N, i1: N, exit_at_end: bool) -> Components<N> {
        let na = self.fte;
        let months = self.raised(self.start, self.until, i0, i1);
        match self.paid {
            Paid::InHouse {
                annual,
                burden,
                overhead,
                management,
                recruiting_fee,
                exit_months,
                exit_per_year,
            } => {
                let month = annual.scale(N::int(1), N::int(12));
                let hire = if self.hired {
                    annual
                        * self.opening_factor()
                        * recruiting_fee
                        * self.active().positive()
                        * self.start.between(i0, i1)
                } else {
                    N::zero()
                };
                let replace = if self.attrition == N::zero() {
                    N::zero()
                } else {
                    let full = self.raised(self.start + self.ramp, self.until, i0, i1);
                    self.attrition.scale(N::int(1), N::int(12)) * full * annual * recruiting_fee
                };
                // S_k/12 * (exit_months + exit_per_year * (u - s)/12), k
                // the project year of u⁻; only when someone worked (s < u)
                let exit = if exit_months == N::zero() && exit_per_year == N::zero() {
                    N::zero()
                } else {
                    let tenure = (self.until - self.start).scale(N::int(1), N::int(12));
                    month
                        * self.factor_before(self.until)
                        * (exit_months + exit_per_year * tenure)
                        * self.active().positive()
                        * self.until.ends_in(i0, i1, exit_at_end)
                };
                Components {
                    salary: na * month * months,
                    burden: na * month * (burden - N::int(1)) * months,
                    overhead: na * overhead * overlap(self.start, self.until, i0, i1),
                    management: na * month * management * months,
                    recruiting: na * (hire + replace),
                    exit: na * exit,
                    ..Components::zero()
                }
            }
            Paid::Agency { monthly } => Components {
                agency: na * monthly * months,
                ..Components::zero()
            },
        }
    }

    /// The times at which the seat's output or cost rate may change: when
    /// work starts, when the ramp-up ends (or the seat, if sooner), and
    /// when the seat ends. Between them both rates are constant, but for
    /// the project years (12, 24, ... months) of a raise.
    pub fn turns(&self) -> [N; 3] {
        [self.start, (self.start + self.ramp).min(self.until), self.until]
    }

    /// The loaded month of one FTE before any raise (MODEL.md section 4's
    /// `monthly`): in-house S/12 x burden + overhead_monthly + S/12 x
    /// management_overhead, through an agency h x hours_per_month; premiums
    /// and conversion into the reporting currency included, the count and
    /// allocation, window, delays and recruiting fees not.
    pub fn loaded_month(&self) -> N {
        match self.paid {
            Paid::InHouse {
                annual,
                burden,
                overhead,
                management,
                ..
            } => {
                let month = annual.scale(N::int(1), N::int(12));
                month * burden + overhead + month * management
            }
            Paid::Agency { monthly } => monthly,
        }
    }

    /// Someone works in the seat at the end of the plan: it runs to D and
    /// work has started (s < D).
    pub fn runs_to_the_end(&self) -> bool {
        self.until == self.duration && self.start < self.duration
    }

    /// Its people stay on the payroll after the plan (MODEL.md 10.4): an
    /// in-house seat that runs to the end and is not released.
    pub fn on_payroll_after(&self) -> bool {
        self.kept && matches!(self.paid, Paid::InHouse { .. }) && self.runs_to_the_end()
    }

    /// What the seat goes on costing a month after the plan (MODEL.md
    /// 10.4), at D⁻ (the raise of the plan's last project year), when it
    /// runs to the end and someone has started (s < D): `(in_house,
    /// agency)`, one of them 0. In-house, a kept seat's n*a*(monthly_k +
    /// q/12 * S_k * φ), the payroll the company carries on with (0 when it
    /// is released); through an agency n*a*monthly_k, which can be ended.
    pub fn after_plan(&self) -> (N, N) {
        let zero = N::zero();
        if !self.runs_to_the_end() {
            return (zero, zero);
        }
        let factor = self.factor_before(self.duration);
        match self.paid {
            Paid::InHouse {
                annual,
                burden,
                overhead,
                management,
                recruiting_fee,
                ..
            } if self.kept => {
                let month = annual.scale(N::int(1), N::int(12)) * factor;
                let replace = self.attrition.scale(N::int(1), N::int(12)) * annual * factor * recruiting_fee;
                (
                    self.fte * (month * burden + overhead + month * management + replace),
                    zero,
                )
            }
            Paid::InHouse { .. } => (zero, zero),
            Paid::Agency { monthly } => (zero, self.fte * monthly * factor),
        }
    }

    /// The cost over the whole project [0, D).
    #[inline]
    pub fn cost(&self) -> N {
        self.cost_within(N::zero(), self.duration)
    }

    /// The capacity over the whole project [0, D).
    #[inline]
    pub fn capacity(&self) -> N {
        self.capacity_within(N::zero(), self.duration)
    }

    /// The cost components over the whole project.
    pub fn components(&self) -> Components<N> {
        self.components_within(N::zero(), self.duration)
    }

    /// The cost inside [i0, i1).
    #[inline]
    pub fn cost_within(&self, i0: N, i1: N) -> N {
        self.components_within(i0, i1).total()
    }

    /// The productive capacity inside [i0, i1), in person-months:
    /// n * a * L * v * (p * ramp months inside + full months inside *
    /// (1 - q/12 * r * (1 - p))); the last factor is kept at 0 or more.
    #[inline]
    pub fn capacity_within(&self, i0: N, i1: N) -> N {
        let ramp_end = (self.start + self.ramp).min(self.until);
        let ramping = overlap(self.start, ramp_end, i0, i1);
        let full = overlap(self.start + self.ramp, self.until, i0, i1);
        self.fte * self.output * (self.ramp_productivity * ramping + full * self.kept_output())
    }

    /// 1 - q/12 * r * (1 - p), kept at 0 or more: the share of full output
    /// left when leavers are replaced and their replacements ramp up.
    #[inline]
    fn kept_output(&self) -> N {
        let one = N::int(1);
        if self.attrition == N::zero() {
            one
        } else {
            (one - self.attrition.scale(N::int(1), N::int(12))
                * self.replacement_ramp
                * (one - self.ramp_productivity))
                .max(N::zero())
        }
    }

    /// The seat's output as two pieces at constant rates (MODEL.md 10.2):
    /// the ramp-up [s, min(s + r, u)) at n*a*L*v*p and full output
    /// [s + r, u) at n*a*L*v*(1 - q/12 * r * (1 - p)), each `(from, until,
    /// rate)`; a piece may be empty (from >= until). Their rates times
    /// their lengths are the capacity.
    #[inline]
    pub fn pieces(&self) -> [(N, N, N); 2] {
        let ramp_end = (self.start + self.ramp).min(self.until);
        let na = self.fte * self.output;
        [
            (self.start, ramp_end, na * self.ramp_productivity),
            (self.start + self.ramp, self.until, na * self.kept_output()),
        ]
    }

    /// Adds the seat's cost in each month to `months` (months 1..=ceil(D);
    /// month m spans [m - 1, min(m, D))).
    pub fn add_months(&self, months: &mut [N]) {
        for (i, month) in months.iter_mut().enumerate() {
            let m = N::int(u32::try_from(i).unwrap_or(u32::MAX));
            *month = *month + self.cost_within(m, (m + N::int(1)).min(self.duration));
        }
    }
}
