//! `rates audit`: the checks a person who maintains a rate table runs
//! before a meeting. Each finding points at the file and line of the figure
//! to look at, says what is wrong, and gives the figure and the threshold it
//! crossed. The audit reads layers and never changes them; it finds, it does
//! not fix.
//!
//! An old source whose entry says why it is still used (`stale: "..."`) is
//! not a finding: the audit lists it apart, as acknowledged, with its
//! reason, and `--strict` passes over it. `Audit::everything` puts those
//! back among the findings for a reviewer who wants to see every old source.
//!
//! The audited plugin is the top layer. Findings are about the merged view a
//! scenario would see, but only those that involve a figure of the audited
//! plugin are reported: auditing an overlay does not report the table below
//! it again.
//!
//! The audit sits above the engine and asks it for every figure it judges:
//! amounts converted as the engine converts them, loaded months from the
//! seat formula, the standard team's break-even. It computes no money of
//! its own.

use std::collections::BTreeSet;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::engine::breakeven::{self, LONGEST};
use crate::engine::inputs::cost_values;
use crate::engine::model;
use crate::input::origin::{Located, Origin};
use crate::money::grouped;
use crate::range::Bound;
use crate::rates::Layers;
use crate::rates::table::{Price, RateKey, RateTable};
use crate::scenario::{Months, Scenario, Seat, Team};
use crate::vocabulary::{Engagement, EngagementChoice, Focus, Level, Stage};

/// The limits each check compares against (the `rates audit` flags).
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Agency month / loaded in-house month, at least.
    pub min_agency_ratio: Decimal,
    /// Agency month / loaded in-house month, at most.
    pub max_agency_ratio: Decimal,
    /// Engineering-focus role / `ai-developer` of the same level and place.
    pub min_premium: Decimal,
    pub max_premium: Decimal,
    /// How long before the table's `effective` date a source may be published.
    pub max_source_age_months: u32,
    /// An overlay figure over the figure it replaces, at most this and at
    /// least its reciprocal.
    pub max_overlay_ratio: Decimal,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_agency_ratio: Decimal::ONE,
            max_agency_ratio: Decimal::from(3),
            min_premium: Decimal::ONE,
            max_premium: Decimal::new(15, 1),
            max_source_age_months: 24,
            max_overlay_ratio: Decimal::from(2),
        }
    }
}

/// Which check found something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Check {
    Level,
    AgencyRatio,
    Premium,
    SourceAge,
    BreakEven,
    Overlay,
}

impl Check {
    pub fn name(self) -> &'static str {
        match self {
            Check::Level => "level",
            Check::AgencyRatio => "agency-ratio",
            Check::Premium => "premium",
            Check::SourceAge => "source-age",
            Check::BreakEven => "break-even",
            Check::Overlay => "overlay",
        }
    }
}

/// One thing to look at before the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub check: Check,
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    /// The figure found (a ratio, an amount, months).
    pub value: Decimal,
    /// The threshold it crossed, in the same unit.
    pub threshold: Decimal,
    /// The two for people: "0.85, at least 1.00".
    pub figures: String,
    /// The reason the plugin gives for keeping what was found (an old
    /// source's `stale`): with one, the finding is acknowledged.
    pub reason: Option<String>,
}

impl Finding {
    fn at(
        check: Check,
        origin: &Origin,
        message: String,
        value: Decimal,
        threshold: Decimal,
        figures: String,
    ) -> Self {
        Finding {
            check,
            file: origin.file().to_string(),
            line: origin.span().map(|s| s.start.line),
            message,
            value,
            threshold,
            figures,
            reason: None,
        }
    }

    /// `file:line`, or the file alone when there is no line.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.file),
            None => self.file.clone(),
        }
    }
}

/// What the audit found, what the plugin acknowledges (old sources with a
/// `stale` reason, set apart from the findings), and what it could not check
/// (with why).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Audit {
    pub findings: Vec<Finding>,
    pub acknowledged: Vec<Finding>,
    pub notes: Vec<String>,
}

impl Audit {
    /// The acknowledged findings counted as findings again (each keeps its
    /// reason), for a reviewer who wants to see everything.
    pub fn everything(mut self) -> Self {
        self.findings.append(&mut self.acknowledged);
        sort(&mut self.findings);
        self
    }
}

fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| (&a.file, a.line, a.check).cmp(&(&b.file, b.line, b.check)));
}

/// Audits the top layer of `layers` (over the layers below it).
pub fn audit(layers: &Layers, limits: &Thresholds) -> Audit {
    let mut audit = Audit::default();
    let Some(top) = layers.tables().last() else {
        return audit;
    };
    let view = View { layers, top };
    levels(&view, &mut audit);
    agency_ratio(&view, limits, &mut audit);
    premium(&view, limits, &mut audit);
    source_age(&view, limits, &mut audit);
    break_even(&view, &mut audit);
    overlay(&view, limits, &mut audit);
    let (acknowledged, findings) = audit.findings.into_iter().partition(|f| f.reason.is_some());
    audit.findings = findings;
    audit.acknowledged = acknowledged;
    sort(&mut audit.findings);
    sort(&mut audit.acknowledged);
    audit
}

/// The merged layers and the plugin audited.
struct View<'a> {
    layers: &'a Layers,
    top: &'a Arc<RateTable>,
}

/// Salary or agency rate: the two kinds of price, looked up the same way.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Salary,
    Agency,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Salary => "salary",
            Kind::Agency => "agency rate",
        }
    }
}

impl<'a> View<'a> {
    fn price(&self, kind: Kind, key: &RateKey) -> Option<(&'a Price, &'a RateTable)> {
        match kind {
            Kind::Salary => self.layers.salary(key),
            Kind::Agency => self.layers.agency_rate(key),
        }
    }

    fn is_top(&self, table: &RateTable) -> bool {
        std::ptr::eq(table, &**self.top)
    }

    /// Every key of a kind in any layer, in order.
    fn keys(&self, kind: Kind) -> BTreeSet<&'a RateKey> {
        self.layers
            .tables()
            .iter()
            .flat_map(|t| match kind {
                Kind::Salary => t.salaries.keys(),
                Kind::Agency => t.agency_rates.keys(),
            })
            .collect()
    }

    /// The typical figure of a price in its location's currency, and that
    /// currency; `None` when the place or an exchange rate is missing
    /// (`check` reports those).
    fn typical(&self, key: &RateKey, price: &Price) -> Option<(Decimal, String)> {
        local(self.layers, key, price, price.amount.typical())
    }

    /// The place of the first figure that belongs to the audited plugin.
    fn own<'o>(&self, figures: &[(Option<&'o Origin>, bool)]) -> Option<&'o Origin> {
        figures.iter().find(|(_, own)| *own).and_then(|(o, _)| *o)
    }
}

/// `amount` of `price` in the currency of its location, converted as the
/// engine converts it.
fn local(layers: &Layers, key: &RateKey, price: &Price, amount: Decimal) -> Option<(Decimal, String)> {
    let location = layers.location(&key.location)?;
    let currency = price.currency.as_ref().unwrap_or(&location.currency);
    let amount = model::conversion(layers, currency, &location.currency.value)
        .ok()?
        .exact(amount)?;
    Some((amount, location.currency.value.to_string()))
}

fn money(value: Decimal) -> String {
    grouped(value.round_dp(0)).trim_end_matches(".00").to_string()
}

fn ratio(value: Decimal) -> String {
    format!("{:.2}", value.round_dp(2))
}

fn line_of(origin: &Origin) -> String {
    origin
        .span()
        .map(|s| format!("line {}", s.start.line))
        .unwrap_or_else(|| "no line".into())
}

/// A level that pays less than the nearest level below it with a figure
/// (same role, place and kind), at typical.
fn levels(view: &View<'_>, audit: &mut Audit) {
    for kind in [Kind::Salary, Kind::Agency] {
        let keys = view.keys(kind);
        for key in &keys {
            let below = [Level::Junior, Level::Mid, Level::Senior]
                .into_iter()
                .filter(|l| *l < key.level)
                .rev()
                .map(|level| RateKey {
                    level,
                    ..(*key).clone()
                })
                .find(|k| keys.contains(k));
            let Some(lower) = below else { continue };
            let (Some((p, pt)), Some((q, qt))) = (view.price(kind, key), view.price(kind, &lower)) else {
                continue;
            };
            let (Some((upper, cur)), Some((under, _))) = (view.typical(key, p), view.typical(&lower, q))
            else {
                continue;
            };
            if upper >= under {
                continue;
            }
            let Some(at) = view.own(&[
                (Some(&p.role_origin), view.is_top(pt)),
                (Some(&q.role_origin), view.is_top(qt)),
            ]) else {
                continue;
            };
            audit.findings.push(Finding::at(
                Check::Level,
                at,
                format!(
                    "{} {key} ({cur} {}) is below {} {lower} ({cur} {}, {} of {})",
                    kind.name(),
                    money(upper),
                    kind.name(),
                    money(under),
                    line_of(&q.role_origin),
                    q.role_origin.file()
                ),
                upper,
                under,
                format!("{}, at least {} ({})", money(upper), money(under), lower.level),
            ));
        }
    }
}

/// The loaded in-house month and the agency month of one key at typical,
/// in the location's currency (MODEL.md section 4), as the engine prices
/// one seat of each; `None` when it cannot (`check` reports why).
fn months(view: &View<'_>, key: &RateKey) -> Option<(Decimal, Decimal, String)> {
    let scenario = standard_scenario(&key.location)?;
    let seat = |engagement| {
        Seat::new(
            Located::new(key.role.clone(), Origin::new(AUDIT)),
            key.level,
            1,
            scenario.location.clone(),
            engagement,
        )
    };
    let seats = [seat(Engagement::InHouse), seat(Engagement::Agency)];
    let model = model::build(&scenario, &seats, view.layers).ok()?;
    let values = cost_values(&model.inputs, Bound::Typical);
    let [in_house, agency] = [&model.seats[0], &model.seats[1]].map(|s| s.loaded_month(&values).ok());
    Some((in_house?, agency?, model.currency.to_string()))
}

/// An agency month below a loaded in-house month, or far above it.
fn agency_ratio(view: &View<'_>, limits: &Thresholds, audit: &mut Audit) {
    for key in view.keys(Kind::Agency) {
        let (Some((a, at)), Some((s, st))) = (view.price(Kind::Agency, key), view.price(Kind::Salary, key))
        else {
            continue;
        };
        let Some((in_house, agency, cur)) = months(view, key) else {
            continue;
        };
        if in_house.is_zero() {
            continue;
        }
        let r = agency / in_house;
        let (bound, word, which) = if r < limits.min_agency_ratio {
            (limits.min_agency_ratio, "at least", "below".to_string())
        } else if r > limits.max_agency_ratio {
            let bound = limits.max_agency_ratio;
            (bound, "at most", format!("above {}x", ratio(bound)))
        } else {
            continue;
        };
        let location = view.top.locations.get(&key.location).map(|l| &l.origin);
        let Some(place) = view.own(&[
            (Some(&a.role_origin), view.is_top(at)),
            (Some(&s.role_origin), view.is_top(st)),
            (location, location.is_some()),
        ]) else {
            continue;
        };
        audit.findings.push(Finding::at(
            Check::AgencyRatio,
            place,
            format!(
                "{key}: agency month {cur} {} is {which} the loaded in-house month {cur} {}",
                money(agency),
                money(in_house)
            ),
            r.round_dp(4),
            bound,
            format!("{}x, {word} {}x", ratio(r), ratio(bound)),
        ));
    }
}

/// An engineering-focus role's pay against the `ai-developer` of the same
/// level and place.
fn premium(view: &View<'_>, limits: &Thresholds, audit: &mut Audit) {
    const DEVELOPER: &str = "ai-developer";
    for kind in [Kind::Salary, Kind::Agency] {
        for key in view.keys(kind) {
            if view
                .layers
                .role(&key.role)
                .is_none_or(|r| r.focus != Focus::Engineering)
            {
                continue;
            }
            let dev = RateKey {
                role: DEVELOPER.into(),
                ..key.clone()
            };
            let (Some((p, pt)), Some((q, qt))) = (view.price(kind, key), view.price(kind, &dev)) else {
                continue;
            };
            let (Some((eng, cur)), Some((devs, _))) = (view.typical(key, p), view.typical(&dev, q)) else {
                continue;
            };
            if devs.is_zero() {
                continue;
            }
            let r = eng / devs;
            let (bound, word) = if r < limits.min_premium {
                (limits.min_premium, "at least")
            } else if r > limits.max_premium {
                (limits.max_premium, "at most")
            } else {
                continue;
            };
            let Some(place) = view.own(&[
                (Some(&p.role_origin), view.is_top(pt)),
                (Some(&q.role_origin), view.is_top(qt)),
            ]) else {
                continue;
            };
            audit.findings.push(Finding::at(
                Check::Premium,
                place,
                format!(
                    "{} {key} is {}x the {dev} ({cur} {} against {}), outside the band {} to {}",
                    kind.name(),
                    ratio(r),
                    money(eng),
                    money(devs),
                    ratio(limits.min_premium),
                    ratio(limits.max_premium)
                ),
                r.round_dp(4),
                bound,
                format!("{}x, {word} {}x", ratio(r), ratio(bound)),
            ));
        }
    }
}

/// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as (year, month, day);
/// a part left out is the latest it can be (`latest`, for a publication
/// date) or the earliest (for an effective date), so that an age is never
/// overstated.
fn date(text: &str, latest: bool) -> Option<(i32, u32, u32)> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let (month, day) = if latest { (12, 31) } else { (1, 1) };
    let month = parts.next().map(str::parse).transpose().ok()?.unwrap_or(month);
    let day = parts.next().map(str::parse).transpose().ok()?.unwrap_or(day);
    Some((year, month, day))
}

/// Whole months from `from` to `to` (negative when `from` is later).
fn months_between(from: (i32, u32, u32), to: (i32, u32, u32)) -> i64 {
    let m = i64::from(to.0 - from.0) * 12 + i64::from(to.1) - i64::from(from.1);
    if to.2 < from.2 { m - 1 } else { m }
}

/// A source of the audited plugin published long before the effective
/// date (the plugin's, else the nearest layer's below it); acknowledged when
/// the source says why it is still used (`stale`).
fn source_age(view: &View<'_>, limits: &Thresholds, audit: &mut Audit) {
    if view.top.sources.is_empty() {
        return;
    }
    let Some(effective) = view
        .layers
        .tables()
        .iter()
        .rev()
        .find_map(|t| t.effective.clone())
    else {
        audit.notes.push(format!(
            "{}: no `effective` date, so the ages of its sources were not checked",
            view.top.file
        ));
        return;
    };
    let Some(eff) = date(&effective, false) else {
        return;
    };
    for (id, source) in &view.top.sources {
        let Some(published) = date(&source.value.published, true) else {
            continue;
        };
        let age = months_between(published, eff);
        let max = i64::from(limits.max_source_age_months);
        if age > max {
            audit.findings.push(Finding {
                reason: source.value.stale.clone(),
                ..Finding::at(
                    Check::SourceAge,
                    &source.origin,
                    format!(
                        "source `{id}` published {}, {age} months before effective {effective}",
                        source.value.published
                    ),
                    Decimal::from(age),
                    Decimal::from(max),
                    format!("{age} months, at most {max}"),
                )
            });
        }
    }
}

/// The standard team of the break-even check: (role, level, count).
pub const STANDARD_TEAM: [(&str, Level, u32); 3] = [
    ("ai-engineer", Level::Senior, 1),
    ("ai-developer", Level::Mid, 2),
    ("ai-developer", Level::Junior, 1),
];

/// Where the audit's own scenarios come from, for messages.
const AUDIT: &str = "<rates audit>";

/// The standard team in `location` all in-house at Production over
/// [`LONGEST`] months, as a scenario built the way the reader builds one;
/// break-even switches it to agency itself.
fn standard_scenario(location: &str) -> Option<Scenario> {
    let origin = Origin::new(AUDIT);
    let place = Located::new(location.to_string(), origin.clone());
    let seats = STANDARD_TEAM
        .iter()
        .map(|(role, level, count)| {
            let role = Located::new(role.to_string(), origin.clone());
            Seat::new(role, *level, *count, place.clone(), Engagement::InHouse)
        })
        .collect();
    Scenario::of_seats(
        &format!("standard team in {location}"),
        AUDIT,
        Stage::Production,
        Months::new(Decimal::from(LONGEST))?,
        place,
        EngagementChoice::InHouse,
        seats,
    )
}

/// A place where the standard team never breaks even within 60 months.
fn break_even(view: &View<'_>, audit: &mut Audit) {
    for id in view.layers.location_ids() {
        let mut own: Vec<&Origin> = view
            .top
            .locations
            .get(id)
            .map(|l| &l.origin)
            .into_iter()
            .collect();
        let mut missing = Vec::new();
        for (role, level, _) in STANDARD_TEAM {
            let key = RateKey {
                role: role.into(),
                level,
                location: id.into(),
            };
            for kind in [Kind::Salary, Kind::Agency] {
                match view.price(kind, &key) {
                    Some((p, t)) if view.is_top(t) => own.push(&p.role_origin),
                    Some(_) => {}
                    None => missing.push(format!("{} {key}", kind.name())),
                }
            }
        }
        let Some(place) = own.first() else { continue };
        if !missing.is_empty() {
            audit.notes.push(format!(
                "break-even in {id} not checked: the standard team needs {}",
                missing.join(", ")
            ));
            continue;
        }
        let Some(scenario) = standard_scenario(id) else {
            continue;
        };
        let Team::Seats(seats) = &scenario.team else {
            continue;
        };
        let result = match breakeven::breakeven(&scenario, seats, view.layers) {
            Ok(r) => r,
            Err(problems) => {
                let why: Vec<_> = problems.iter().map(|d| d.message.clone()).collect();
                audit
                    .notes
                    .push(format!("break-even in {id} not checked: {}", why.join("; ")));
                continue;
            }
        };
        if result.months.is_some() {
            continue;
        }
        let Some(last) = result.durations.last() else {
            continue;
        };
        let cur = view
            .layers
            .location(id)
            .map(|l| l.currency.value.to_string())
            .unwrap_or_default();
        let (h, a) = (last.in_house.unwrap_or_default(), last.agency.unwrap_or_default());
        audit.findings.push(Finding::at(
            Check::BreakEven,
            place,
            format!(
                "standard team in {id} never breaks even within {} months (at {}: in-house {cur} {}, agency {cur} {} per productive person-month)",
                LONGEST,
                last.months,
                money(h),
                money(a)
            ),
            h.round_dp(2),
            a.round_dp(2),
            format!("{} in-house, at most {} (agency)", money(h), money(a)),
        ));
    }
}

/// An overlay figure far from the figure it replaces in the layers below.
fn overlay(view: &View<'_>, limits: &Thresholds, audit: &mut Audit) {
    let below = &view.layers.tables()[..view.layers.tables().len() - 1];
    if below.is_empty() || limits.max_overlay_ratio.is_zero() {
        return;
    }
    let Ok(base) = Layers::new(below.to_vec()) else {
        return;
    };
    let min = Decimal::ONE / limits.max_overlay_ratio;
    for (kind, entries) in [
        (Kind::Salary, &view.top.salaries),
        (Kind::Agency, &view.top.agency_rates),
    ] {
        for (key, new) in entries {
            let old = match kind {
                Kind::Salary => base.salary(key),
                Kind::Agency => base.agency_rate(key),
            };
            let Some((old, old_table)) = old else { continue };
            // each figure in its own layers' terms: the new one as the merged
            // view converts it, the old one as the table below does
            let (Some((n, cur)), Some((o, _))) = (
                view.typical(key, new),
                local(&base, key, old, old.amount.typical()),
            ) else {
                continue;
            };
            if o.is_zero() {
                continue;
            }
            let r = n / o;
            let (bound, word) = if r > limits.max_overlay_ratio {
                (limits.max_overlay_ratio, "at most")
            } else if r < min {
                (min, "at least")
            } else {
                continue;
            };
            audit.findings.push(Finding::at(
                Check::Overlay,
                &new.role_origin,
                format!(
                    "{} {key} ({cur} {}) is {}x the {cur} {} it replaces ({} of {})",
                    kind.name(),
                    money(n),
                    ratio(r),
                    money(o),
                    line_of(&old.role_origin),
                    old_table.file
                ),
                r.round_dp(4),
                bound.round_dp(4),
                format!("{}x, {word} {}x", ratio(r), ratio(bound)),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::Source;

    /// A scenario with every origin reduced to its file, so one built as
    /// values compares with one read from text.
    fn unplaced(s: Scenario) -> Scenario {
        let plain = |l: &Located<String>| Located::new(l.value.clone(), Origin::new(&s.file));
        let team = match &s.team {
            Team::Seats(seats) => Team::Seats(
                seats
                    .iter()
                    .map(|seat| Seat {
                        role: plain(&seat.role),
                        location: plain(&seat.location),
                        ..seat.clone()
                    })
                    .collect(),
            ),
            other => other.clone(),
        };
        Scenario {
            location: plain(&s.location),
            rates: s.rates.iter().map(plain).collect(),
            team,
            ..s.clone()
        }
    }

    #[test]
    fn the_standard_team_is_the_scenario_the_reader_makes_of_its_text() {
        // the text the audit used to format and read
        let text = r#"Scenario(name: "standard team in us", stage: Production, duration_months: 60, location: "us", engagement: InHouse, team: Seats([(role: "ai-engineer", level: Senior, count: 1), (role: "ai-developer", level: Mid, count: 2), (role: "ai-developer", level: Junior, count: 1)]))"#;
        let read = Scenario::read(Source::new(AUDIT, text)).expect("the text reads");
        let built = standard_scenario("us").expect("the standard team is a scenario");
        assert_eq!(unplaced(built), unplaced(read));
    }

    #[test]
    fn a_date_left_partial_is_the_latest_it_can_be() {
        assert_eq!(date("2024", true), Some((2024, 12, 31)));
        assert_eq!(date("2024-03", true), Some((2024, 3, 31)));
        assert_eq!(date("2024-03-05", true), Some((2024, 3, 5)));
        // an effective date left partial is the earliest it can be
        assert_eq!(date("2026", false), Some((2026, 1, 1)));
        // 2024-03-05 to 2026-04-01: 25 months less the days short of the 5th
        assert_eq!(months_between((2024, 3, 5), (2026, 4, 1)), 24);
        assert_eq!(months_between((2024, 3, 1), (2026, 4, 1)), 25);
        // "2023" read as December 2023: 27 months before April 2026 (day 31 > 1)
        assert_eq!(months_between(date("2023", true).unwrap(), (2026, 4, 1)), 27);
    }
}
