//! The one seat formula (MODEL.md section 4): what a seat costs and what
//! it delivers at one set of input values. Written once, over any
//! [`Number`]: the deterministic corners, the months, the components,
//! sensitivity and break-even read it in [`Exact`](super::number::Exact)
//! decimals, the simulation in `f64`.

use rust_decimal::Decimal;

use crate::engine::number::Number;

/// Weeks to months: `w / WPM` with WPM = 52 / 12, written as `w * 12 / 52`
/// so no rounded constant enters the figures.
pub fn weeks_to_months<N: Number>(weeks: N) -> N {
    weeks.scale(N::int(12), N::int(52))
}

/// `amount * rate[from] / rate[to]` (MODEL.md section 3), kept as the two
/// rates so the conversion is done in the order MODEL.md writes it; `None`
/// when the amount is already in the reporting currency.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conversion<N>(pub Option<(N, N)>);

impl<N: Number> Conversion<N> {
    pub fn apply(self, amount: N) -> N {
        match self.0 {
            Some((from, to)) => amount.scale(from, to),
            None => amount,
        }
    }
}

impl<N: Copy> Conversion<N> {
    fn map<M>(self, f: impl Fn(N) -> M) -> Conversion<M> {
        Conversion(self.0.map(|(a, b)| (f(a), f(b))))
    }
}

/// Which inputs a seat reads, by index into the model's inputs, and the
/// currency conversions of its amounts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pay<N> {
    InHouse {
        salary: usize,
        salary_fx: Conversion<N>,
        burden: usize,
        recruiting_fee: usize,
        time_to_hire: usize,
        ramp_up: usize,
        ramp_productivity: usize,
        overhead: usize,
        overhead_fx: Conversion<N>,
        management: usize,
    },
    Agency {
        hourly: usize,
        hourly_fx: Conversion<N>,
        hours: usize,
        time_to_start: usize,
        ramp_up: usize,
        ramp_productivity: usize,
    },
}

/// A seat ready to evaluate: its FTE (n * a) and what it reads.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Formula<N> {
    pub fte: N,
    pub pay: Pay<N>,
}

/// Cost components (MODEL.md section 4); they add up to the cost.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Components<N = Decimal> {
    pub salary: N,
    pub burden: N,
    pub overhead: N,
    pub management: N,
    pub recruiting: N,
    pub agency: N,
}

impl<N: Number> Components<N> {
    fn zero() -> Components<N> {
        let z = N::zero();
        Components {
            salary: z,
            burden: z,
            overhead: z,
            management: z,
            recruiting: z,
            agency: z,
        }
    }
}

impl<N: Copy + std::ops::Add<Output = N>> Components<N> {
    pub fn total(&self) -> N {
        self.salary + self.burden + self.overhead + self.management + self.recruiting + self.agency
    }

    pub fn add(&mut self, other: &Components<N>) {
        *self = Components {
            salary: self.salary + other.salary,
            burden: self.burden + other.burden,
            overhead: self.overhead + other.overhead,
            management: self.management + other.management,
            recruiting: self.recruiting + other.recruiting,
            agency: self.agency + other.agency,
        };
    }

    /// (name, amount) pairs in the order reports show them.
    pub fn named(&self) -> [(&'static str, N); 6] {
        [
            ("salary", self.salary),
            ("burden", self.burden),
            ("overhead", self.overhead),
            ("management", self.management),
            ("recruiting", self.recruiting),
            ("agency", self.agency),
        ]
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
        }
    }
}

/// What a seat is paid at one set of values, per FTE.
#[derive(Debug, Clone, Copy)]
enum Paid<N> {
    InHouse {
        /// The annual salary in the reporting currency.
        annual: N,
        burden: N,
        /// Overhead per month, in the reporting currency.
        overhead: N,
        management: N,
        recruiting_fee: N,
    },
    Agency {
        /// Hourly rate (in the reporting currency) times hours per month.
        monthly: N,
    },
}

/// A seat at one set of values: everything the cost, capacity, components
/// and months are made of. Times are in months from the project's start.
#[derive(Debug, Clone, Copy)]
pub struct Terms<N> {
    fte: N,
    /// s: when work starts.
    start: N,
    /// When the seat ends: the end of the project.
    until: N,
    /// r: ramp-up length.
    ramp: N,
    /// p: share of full output during the ramp-up.
    ramp_productivity: N,
    paid: Paid<N>,
}

impl<N: Number> Formula<N> {
    /// Reads the seat's terms from `value` (input index to value) for a
    /// project of `duration` months.
    #[inline]
    pub fn terms(&self, value: impl Fn(usize) -> N, duration: N) -> Terms<N> {
        let (delay, ramp, ramp_productivity) = self.timing();
        let paid = match self.pay {
            Pay::InHouse {
                salary,
                salary_fx,
                burden,
                recruiting_fee,
                overhead,
                overhead_fx,
                management,
                ..
            } => Paid::InHouse {
                annual: salary_fx.apply(value(salary)),
                burden: value(burden),
                overhead: overhead_fx.apply(value(overhead)),
                management: value(management),
                recruiting_fee: value(recruiting_fee),
            },
            Pay::Agency {
                hourly,
                hourly_fx,
                hours,
                ..
            } => Paid::Agency {
                monthly: hourly_fx.apply(value(hourly)) * value(hours),
            },
        };
        Terms {
            fte: self.fte,
            start: weeks_to_months(value(delay)),
            until: duration,
            ramp: weeks_to_months(value(ramp)),
            ramp_productivity: value(ramp_productivity),
            paid,
        }
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
            },
            Pay::Agency {
                hourly,
                hourly_fx,
                hours,
                time_to_start,
                ramp_up,
                ramp_productivity,
            } => Pay::Agency {
                hourly,
                hourly_fx: hourly_fx.map(f),
                hours,
                time_to_start,
                ramp_up,
                ramp_productivity,
            },
        };
        Formula {
            fte: f(self.fte),
            pay,
        }
    }
}

impl<N: Number> Terms<N> {
    /// Start of work, in months after the project starts.
    pub fn start(&self) -> N {
        self.start
    }

    /// active = max(0, D - s): months staffed inside the project.
    pub fn active(&self) -> N {
        (self.until - self.start).max(N::zero())
    }

    /// 1 when the seat starts inside the project, else 0.
    fn started(&self) -> N {
        self.active().positive()
    }

    /// Cost per staffed month, for one FTE: in-house
    /// S/12 * burden + overhead + S/12 * management; agency h * H.
    pub fn monthly(&self) -> N {
        match self.paid {
            Paid::InHouse {
                annual,
                burden,
                overhead,
                management,
                ..
            } => {
                let month = annual / N::int(12);
                month * burden + overhead + month * management
            }
            Paid::Agency { monthly } => monthly,
        }
    }

    /// The recruiting fee per FTE (S * fee) when the seat starts inside the
    /// project, else 0.
    pub fn one_time(&self) -> N {
        match self.paid {
            Paid::InHouse {
                annual,
                recruiting_fee,
                ..
            } => annual * recruiting_fee * self.started(),
            Paid::Agency { .. } => N::zero(),
        }
    }

    /// cost = n * a * (monthly * active + one_time).
    pub fn cost(&self) -> N {
        self.fte * (self.monthly() * self.active() + self.one_time())
    }

    /// capacity = n * a * (p * min(active, r) + max(0, active - r)), in
    /// productive person-months.
    pub fn capacity(&self) -> N {
        let active = self.active();
        self.fte * (self.ramp_productivity * active.min(self.ramp) + (active - self.ramp).max(N::zero()))
    }

    /// The cost split into components (MODEL.md section 4), each times
    /// n * a.
    pub fn components(&self) -> Components<N> {
        let (na, active) = (self.fte, self.active());
        match self.paid {
            Paid::InHouse {
                annual,
                burden,
                overhead,
                management,
                ..
            } => {
                let month = annual / N::int(12);
                Components {
                    salary: na * month * active,
                    burden: na * month * (burden - N::int(1)) * active,
                    overhead: na * overhead * active,
                    management: na * month * management * active,
                    recruiting: na * self.one_time(),
                    agency: N::zero(),
                }
            }
            Paid::Agency { monthly } => Components {
                agency: na * monthly * active,
                ..Components::zero()
            },
        }
    }

    /// Adds the seat's months to `months` (months 1..=ceil(D)): month m
    /// spans [m - 1, min(m, D)] and costs n * a * monthly * its staffed
    /// share, plus n * a * one_time in month floor(s) + 1.
    pub fn add_months(&self, months: &mut [N]) {
        let per_month = self.fte * self.monthly();
        let one_time = self.fte * self.one_time();
        let first = self.start.floor();
        for (i, month) in months.iter_mut().enumerate() {
            let m = N::int(u32::try_from(i).unwrap_or(u32::MAX)) + N::int(1);
            let begin = (m - N::int(1)).max(self.start);
            let end = m.min(self.until);
            *month = *month + per_month * (end - begin).max(N::zero());
            if m - N::int(1) == first {
                *month = *month + one_time;
            }
        }
    }
}
