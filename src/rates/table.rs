//! One validated rate plugin: roles, locations and their employer terms,
//! salaries, agency rates, sources and exchange rates.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

use rust_decimal::Decimal;

use crate::input::diagnostic::Diagnostic;
use crate::input::fields::Limits;
use crate::input::origin::{Located, Origin, Problems};
use crate::input::source::Source;
use crate::money::Currency;
use crate::range::Range;
use crate::rates::entries::once_each;
use crate::rates::raw::{Pairs, RawAgency, RawFx, RawInHouse, RawLocation, RawPremium, RawRateTable};
use crate::rates::staffing::Staffing;
use crate::vocabulary::{Focus, Level};

/// A public source a figure was taken from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub title: String,
    pub url: Option<String>,
    pub published: String,
    pub grade: Option<String>,
    pub note: Option<String>,
    /// Why an old source is still used and how its figures were brought up
    /// to date: `rates audit` lists such a source as acknowledged rather
    /// than as a `source-age` finding.
    pub stale: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub title: String,
    pub focus: Focus,
}

/// What it costs to employ someone in a place, beyond the salary.
#[derive(Debug, Clone, PartialEq)]
pub struct InHouseTerms {
    pub burden: Range,
    pub recruiting_fee: Range,
    pub time_to_hire_weeks: Range,
    pub ramp_up_weeks: Range,
    pub ramp_productivity: Range,
    pub overhead_monthly: Range,
    pub management_overhead: Range,
    /// Share of paid time worked (leave, holidays), 0 < v <= 1; default 1.
    pub availability: Range,
    /// Share of employees who leave in a year, 0..=0.5; default 0.
    pub attrition: Range,
    /// Yearly rise of salaries, by project year; default 0.
    pub annual_raise: Range,
    /// Months of salary paid when an employee is let go (MODEL.md 10.4);
    /// default 0.
    pub exit_months: Range,
    /// Months of salary added to that per year of tenure; default 0.
    pub exit_months_per_year: Range,
}

/// How agency work is billed and started in a place.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyTerms {
    pub hours_per_month: Range,
    pub time_to_start_weeks: Range,
    pub ramp_up_weeks: Range,
    pub ramp_productivity: Range,
    /// Yearly rise of the rates, by project year; default 0.
    pub annual_increase: Range,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub name: String,
    pub currency: Located<Currency>,
    pub in_house: InHouseTerms,
    pub agency: AgencyTerms,
    /// How the terms were derived.
    pub note: Option<String>,
}

/// The key of a salary or agency rate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RateKey {
    pub role: String,
    pub level: Level,
    pub location: String,
}

impl std::fmt::Display for RateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} {}", self.role, self.level, self.location)
    }
}

/// A salary (annual) or agency rate (hourly) with its currency and source.
#[derive(Debug, Clone, PartialEq)]
pub struct Price {
    pub amount: Range,
    /// Written on the entry; otherwise the location's currency applies.
    pub currency: Option<Located<Currency>>,
    pub source: Located<String>,
    pub note: Option<String>,
    /// Where the entry's role and location ids were written.
    pub role_origin: Origin,
    pub location_origin: Origin,
}

/// A skill premium (MODEL.md section 3): a seat with the skill is paid
/// `salary` more of its annual salary in-house, `agency` more of its hourly
/// rate through an agency.
#[derive(Debug, Clone, PartialEq)]
pub struct Premium {
    pub title: String,
    /// Share of annual salary, 0..=1; default 0.
    pub salary: Range,
    /// Share of the hourly rate, 0..=1; default 0.
    pub agency: Range,
    pub source: Located<String>,
    /// How the shares were derived.
    pub note: Option<String>,
}

/// Exchange rates: units of `base` per one unit of each currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Fx {
    pub base: Located<Currency>,
    pub rates: BTreeMap<Currency, Decimal>,
    /// The source id the rates were taken from, when the block names one.
    pub source: Option<Located<String>>,
    pub origin: Origin,
}

impl Fx {
    /// Units of base per one unit of `currency` (the base itself is 1).
    pub fn rate(&self, currency: &Currency) -> Option<Decimal> {
        if currency == &self.base.value {
            Some(Decimal::ONE)
        } else {
            self.rates.get(currency).copied()
        }
    }

    pub fn currencies(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.base.value.as_str()).chain(self.rates.keys().map(Currency::as_str))
    }
}

/// One rate plugin, every figure in it checked.
#[derive(Debug, Clone, PartialEq)]
pub struct RateTable {
    pub name: Located<String>,
    pub effective: Option<String>,
    pub note: Option<String>,
    /// The file it was read from (`<embedded>/...` for the shipped tables).
    pub file: String,
    pub sources: BTreeMap<String, Located<SourceRef>>,
    pub roles: BTreeMap<String, Located<Role>>,
    pub locations: BTreeMap<String, Located<Location>>,
    pub salaries: BTreeMap<RateKey, Price>,
    pub agency_rates: BTreeMap<RateKey, Price>,
    /// Skill premiums by id; an upper layer's entry replaces a lower one.
    pub premiums: BTreeMap<String, Located<Premium>>,
    pub fx: Option<Fx>,
    /// The recommender's profile, when this plugin carries one.
    pub staffing: Option<Staffing>,
    /// Output of a person-month at each level (Mid = 1), when this plugin
    /// carries the block; a level left out is 1. The topmost block wins
    /// whole.
    pub productivity: Option<BTreeMap<Level, Range>>,
}

impl RateTable {
    /// Reads and checks one plugin file; reports every problem it finds.
    /// A text read before in this process, under any name, is not parsed
    /// again (the shipped table and a `rates/` copy of it, `check` of that
    /// copy): the earlier table is given the new name, which is exactly
    /// what parsing it again would give.
    pub fn read(source: Source<'_>) -> Result<RateTable, Vec<Diagnostic>> {
        if let Some(table) = read_before(source.text) {
            return Ok(if table.file == source.name {
                table
            } else {
                table.renamed(source.name)
            });
        }
        let table = RateTable::parse(&source)?;
        remember(source.text, &table);
        Ok(table)
    }

    /// The table with every origin in it moved to a file named `file` (a
    /// table read from the same text under that name).
    fn renamed(mut self, file: &str) -> RateTable {
        let shared: Arc<str> = Arc::from(file);
        let rename = |origin: &mut Origin| origin.rename(&shared);
        self.file = file.to_string();
        rename(&mut self.name.origin);
        for source in self.sources.values_mut() {
            rename(&mut source.origin);
        }
        for role in self.roles.values_mut() {
            rename(&mut role.origin);
        }
        for location in self.locations.values_mut() {
            rename(&mut location.origin);
            rename(&mut location.value.currency.origin);
        }
        for price in self.salaries.values_mut().chain(self.agency_rates.values_mut()) {
            if let Some(currency) = &mut price.currency {
                rename(&mut currency.origin);
            }
            rename(&mut price.source.origin);
            rename(&mut price.role_origin);
            rename(&mut price.location_origin);
        }
        for premium in self.premiums.values_mut() {
            rename(&mut premium.origin);
            rename(&mut premium.value.source.origin);
        }
        if let Some(fx) = &mut self.fx {
            rename(&mut fx.base.origin);
            if let Some(source) = &mut fx.source {
                rename(&mut source.origin);
            }
            rename(&mut fx.origin);
        }
        self
    }

    /// Parses and checks the text, every time.
    fn parse(source: &Source<'_>) -> Result<RateTable, Vec<Diagnostic>> {
        let raw: RawRateTable = source.parse().map_err(|d| vec![d])?;
        let mut problems = Problems::default();
        let table = convert(source, raw, &mut problems);
        match table {
            Some(table) if problems.is_empty() => Ok(table),
            _ => Err(problems.0),
        }
    }
}

/// Texts that read without a problem, and their tables: a process reads
/// few rate plugins, so a short list searched in order is enough.
type Parsed = Mutex<Vec<(Arc<str>, RateTable)>>;
static PARSED: OnceLock<Parsed> = OnceLock::new();
/// The most texts remembered (a test that reads thousands of generated
/// tables would otherwise keep them all).
const REMEMBERED: usize = 16;

/// The table of a text already read in this process, under its first name.
fn read_before(text: &str) -> Option<RateTable> {
    let parsed = PARSED.get()?.lock().ok()?;
    parsed
        .iter()
        .find(|(t, _)| &**t == text)
        .map(|(_, table)| table.clone())
}

fn remember(text: &str, table: &RateTable) {
    let parsed = PARSED.get_or_init(|| Mutex::new(Vec::new()));
    if let Ok(mut parsed) = parsed.lock()
        && parsed.len() < REMEMBERED
    {
        parsed.push((Arc::from(text), table.clone()));
    }
}

fn convert<'a>(source: &Source<'a>, raw: RawRateTable<'a>, problems: &mut Problems) -> Option<RateTable> {
    let name = problems.take(source.id(raw.name, "name"));
    let effective = raw
        .effective
        .and_then(|e| problems.take(source.date(e, "effective")));

    let mut sources = BTreeMap::new();
    for (id, s) in once_each(source, raw.sources, "sources", problems) {
        if let Some(published) = problems.take(source.date(s.published, "published")) {
            if let Some(grade) = s.grade.as_deref().filter(|g| !matches!(*g, "A" | "B" | "C")) {
                problems.push(
                    source.origin_of_slice(id)
                        .diag(format!("source `{id}` has grade `{grade}`"))
                        .expected("grade \"A\" (official statistics), \"B\" (survey or job-ad data) or \"C\" (vendor page or second-hand)")
                        .help("use one of A, B, C as rates/README explains"),
                );
            }
            let stale = s.stale.and_then(|raw| {
                let text = problems.take(source.text(raw, "stale"))?;
                if text.trim().is_empty() {
                    problems.push(
                        source
                            .diag_at(raw.get_ron().trim(), format!("source `{id}` has an empty `stale`"))
                            .expected("why the old source is still used and how its figures were brought up to date")
                            .help("write the reason, or leave `stale` out so that `rates audit` reports the source's age"),
                    );
                    return None;
                }
                Some(text)
            });
            let value = SourceRef {
                title: s.title,
                url: s.url,
                published,
                grade: s.grade,
                note: s.note,
                stale,
            };
            sources.insert(id.to_string(), Located::new(value, source.origin_of_slice(id)));
        }
    }

    let roles = once_each(source, raw.roles, "roles", problems)
        .into_iter()
        .map(|(id, r)| {
            let role = Role {
                title: r.title,
                focus: r.focus,
            };
            (id.to_string(), Located::new(role, source.origin_of_slice(id)))
        })
        .collect();

    let mut locations = BTreeMap::new();
    for (id, l) in once_each(source, raw.locations, "locations", problems) {
        if let Some(location) = location(source, id, l, problems) {
            locations.insert(id.to_string(), Located::new(location, source.origin_of_slice(id)));
        }
    }

    let mut salaries = BTreeMap::new();
    for s in raw.salaries {
        let price = price(
            source,
            s.role,
            s.level,
            s.location,
            s.annual,
            ("annual salary", Limits::SALARY),
            s.currency,
            s.source,
            s.note,
            problems,
        );
        insert_price(&mut salaries, price, s.level, "salary", problems);
    }
    let mut agency_rates = BTreeMap::new();
    for a in raw.agency_rates {
        let price = price(
            source,
            a.role,
            a.level,
            a.location,
            a.hourly,
            ("hourly agency rate", Limits::HOURLY),
            a.currency,
            a.source,
            a.note,
            problems,
        );
        insert_price(&mut agency_rates, price, a.level, "agency rate", problems);
    }

    let mut premiums = BTreeMap::new();
    for (id, p) in once_each(source, raw.premiums, "premiums", problems) {
        if let Some(premium) = premium(source, id, p, problems) {
            premiums.insert(id.to_string(), Located::new(premium, source.origin_of_slice(id)));
        }
    }

    let fx = raw.fx.and_then(|f| fx(source, f, problems));
    let staffing = raw
        .staffing
        .and_then(|s| crate::rates::staffing::read(source, s, problems));
    let productivity = raw.productivity.map(|p| productivity(source, p, problems));
    Some(RateTable {
        name: name?,
        effective,
        note: raw.note,
        file: source.name.to_string(),
        sources,
        roles,
        locations,
        salaries,
        agency_rates,
        premiums,
        fx,
        staffing,
        productivity,
    })
}

fn insert_price(
    into: &mut BTreeMap<RateKey, Price>,
    entry: Option<(String, String, Price)>,
    level: Level,
    what: &str,
    problems: &mut Problems,
) {
    let Some((role, location, price)) = entry else {
        return;
    };
    let key = RateKey {
        role,
        level,
        location,
    };
    if into.contains_key(&key) {
        problems.push(
            price
                .role_origin
                .diag(format!("a second {what} for {key}"))
                .help("keep one entry per role, level and location; a plugin layered above may replace it"),
        );
        return;
    }
    into.insert(key, price);
}

#[allow(clippy::too_many_arguments)]
fn price<'a>(
    source: &Source<'a>,
    role: &'a ron::value::RawValue,
    level: Level,
    location: &'a ron::value::RawValue,
    amount: &'a ron::value::RawValue,
    (what, limits): (&str, Limits),
    currency: Option<&'a ron::value::RawValue>,
    src: &'a ron::value::RawValue,
    note: Option<String>,
    problems: &mut Problems,
) -> Option<(String, String, Price)> {
    let role = problems.take(source.id(role, "role"));
    let location = problems.take(source.id(location, "location"));
    let label = match (&role, &location) {
        (Some(r), Some(l)) => format!("{what} of {} {level} {}", r.value, l.value),
        _ => what.to_string(),
    };
    let amount = problems.take(source.range(amount, &label, limits));
    let currency = match currency {
        Some(c) => Some(problems.take(source.currency(c))?),
        None => None,
    };
    let src = problems.take(source.id(src, "source"));
    let (role, location) = (role?, location?);
    Some((
        role.value,
        location.value,
        Price {
            amount: amount?,
            currency,
            source: src?,
            note,
            role_origin: role.origin,
            location_origin: location.origin,
        },
    ))
}

/// A skill premium: each share 0..=1, left out 0; its source an id (that
/// the source exists is checked across the layers).
fn premium<'a>(
    source: &Source<'a>,
    id: &str,
    raw: RawPremium<'a>,
    problems: &mut Problems,
) -> Option<Premium> {
    let mut share = |raw: Option<&'a ron::value::RawValue>, field: &str| match raw {
        Some(raw) => problems.take(source.range(raw, &format!("premium {id} {field}"), Limits::PREMIUM)),
        None => Some(Range::single(Decimal::ZERO)),
    };
    let salary = share(raw.salary, "salary");
    let agency = share(raw.agency, "agency");
    let src = problems.take(source.id(raw.source, "source"));
    Some(Premium {
        title: raw.title,
        salary: salary?,
        agency: agency?,
        source: src?,
        note: raw.note,
    })
}

fn location<'a>(
    source: &Source<'a>,
    id: &str,
    raw: RawLocation<'a>,
    problems: &mut Problems,
) -> Option<Location> {
    let currency = problems.take(source.currency(raw.currency));
    let in_house = in_house_terms(source, id, raw.in_house, problems);
    let agency = agency_terms(source, id, raw.agency, problems);
    Some(Location {
        name: raw.name,
        currency: currency?,
        in_house: in_house?,
        agency: agency?,
        note: raw.note,
    })
}

fn in_house_terms<'a>(
    source: &Source<'a>,
    id: &str,
    raw: RawInHouse<'a>,
    problems: &mut Problems,
) -> Option<InHouseTerms> {
    let mut range = |raw, field: &str, limits| {
        problems.take(source.range(raw, &format!("{id} in_house.{field}"), limits))
    };
    let burden = range(raw.burden, "burden", Limits::BURDEN);
    let recruiting_fee = range(raw.recruiting_fee, "recruiting_fee", Limits::RECRUITING_FEE);
    let time_to_hire_weeks = range(raw.time_to_hire_weeks, "time_to_hire_weeks", Limits::WEEKS);
    let ramp_up_weeks = range(raw.ramp_up_weeks, "ramp_up_weeks", Limits::WEEKS);
    let ramp_productivity = range(raw.ramp_productivity, "ramp_productivity", Limits::SHARE);
    let overhead_monthly = range(raw.overhead_monthly, "overhead_monthly", Limits::OVERHEAD);
    let management_overhead = range(raw.management_overhead, "management_overhead", Limits::MANAGEMENT);
    // optional (MODEL.md 8.2): left out, each is the figure that changes nothing
    let mut optional = |raw: Option<_>, field: &str, limits, default| match raw {
        Some(raw) => range(raw, field, limits),
        None => Some(Range::single(default)),
    };
    let availability = optional(
        raw.availability,
        "availability",
        Limits::AVAILABILITY,
        Decimal::ONE,
    );
    let attrition = optional(raw.attrition, "attrition", Limits::ATTRITION, Decimal::ZERO);
    let annual_raise = optional(raw.annual_raise, "annual_raise", Limits::RAISE, Decimal::ZERO);
    let exit_months = optional(raw.exit_months, "exit_months", Limits::EXIT_MONTHS, Decimal::ZERO);
    let exit_months_per_year = optional(
        raw.exit_months_per_year,
        "exit_months_per_year",
        Limits::EXIT_MONTHS_PER_YEAR,
        Decimal::ZERO,
    );
    Some(InHouseTerms {
        burden: burden?,
        recruiting_fee: recruiting_fee?,
        time_to_hire_weeks: time_to_hire_weeks?,
        ramp_up_weeks: ramp_up_weeks?,
        ramp_productivity: ramp_productivity?,
        overhead_monthly: overhead_monthly?,
        management_overhead: management_overhead?,
        availability: availability?,
        attrition: attrition?,
        annual_raise: annual_raise?,
        exit_months: exit_months?,
        exit_months_per_year: exit_months_per_year?,
    })
}

fn agency_terms<'a>(
    source: &Source<'a>,
    id: &str,
    raw: RawAgency<'a>,
    problems: &mut Problems,
) -> Option<AgencyTerms> {
    let mut range =
        |raw, field: &str, limits| problems.take(source.range(raw, &format!("{id} agency.{field}"), limits));
    let hours_per_month = range(raw.hours_per_month, "hours_per_month", Limits::HOURS_PER_MONTH);
    let time_to_start_weeks = range(raw.time_to_start_weeks, "time_to_start_weeks", Limits::WEEKS);
    let ramp_up_weeks = range(raw.ramp_up_weeks, "ramp_up_weeks", Limits::WEEKS);
    let ramp_productivity = range(raw.ramp_productivity, "ramp_productivity", Limits::SHARE);
    let annual_increase = match raw.annual_increase {
        Some(raw) => range(raw, "annual_increase", Limits::RAISE),
        None => Some(Range::single(Decimal::ZERO)),
    };
    Some(AgencyTerms {
        hours_per_month: hours_per_month?,
        time_to_start_weeks: time_to_start_weeks?,
        ramp_up_weeks: ramp_up_weeks?,
        ramp_productivity: ramp_productivity?,
        annual_increase: annual_increase?,
    })
}

/// The `productivity` block: each level at most once, each figure in
/// (0, 3]. A level left out is 1 (`Layers::productivity`).
fn productivity<'a>(
    source: &Source<'a>,
    raw: Pairs<&'a ron::value::RawValue, &'a ron::value::RawValue>,
    problems: &mut Problems,
) -> BTreeMap<Level, Range> {
    let mut levels: BTreeMap<Level, Range> = BTreeMap::new();
    let mut seen: BTreeMap<Level, Origin> = BTreeMap::new();
    for (key, value) in raw.0 {
        // the level as written, so that `Senoir` gets "did you mean"
        let Some(level) = problems.take(source.parse_raw::<Level>(key)) else {
            continue;
        };
        let origin = source.origin_of(key);
        if let Some(first) = seen.get(&level) {
            let at = first.first_at();
            problems.push(
                origin
                    .diag(format!("`{level}` is given twice in productivity{at}"))
                    .expected("each level once in productivity")
                    .help("remove one of the two entries"),
            );
            continue;
        }
        seen.insert(level, origin);
        let figure = source.range(value, &format!("productivity {level}"), Limits::PRODUCTIVITY);
        if let Some(range) = problems.take(figure) {
            levels.insert(level, range);
        }
    }
    levels
}

fn fx<'a>(source: &Source<'a>, raw: RawFx<'a>, problems: &mut Problems) -> Option<Fx> {
    let base = problems.take(source.currency(raw.base));
    let mut rates = BTreeMap::new();
    for (code, value) in once_each(source, raw.rates, "fx.rates", problems) {
        let origin = source.origin_of_slice(code);
        let Some(currency) = Currency::parse(code) else {
            problems.push(
                origin
                    .diag(format!("`{code}` is not a currency code"))
                    .expected("three upper-case letters, as in \"EUR\"")
                    .help(format!("write \"{}\"", code.to_uppercase())),
            );
            continue;
        };
        let rate = problems.take(source.number(value, &format!("fx rate of {code}"), Limits::FX));
        if let Some(base) = &base
            && base.value == currency
        {
            problems.push(
                origin
                    .diag(format!("fx.rates has an entry for {code}, the base currency"))
                    .expected(format!(
                        "rates of the other currencies only: the base {code} is 1 by definition"
                    ))
                    .help(format!("remove \"{code}\" from fx.rates, or change fx.base")),
            );
            continue;
        }
        if let Some(rate) = rate {
            rates.insert(currency, rate);
        }
    }
    let fx_source = raw.source.and_then(|s| problems.take(source.id(s, "fx.source")));
    let base = base?;
    let origin = base.origin.clone();
    Some(Fx {
        base,
        rates,
        source: fx_source,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rates::catalog::EMBEDDED;

    /// A text read again under another name gives, from the table read
    /// first, exactly the table parsing it under that name gives: every
    /// origin (so every message) names the new file.
    #[test]
    fn a_text_read_again_is_what_parsing_it_again_gives() {
        let (_, text) = EMBEDDED[0];
        let fresh =
            |name: &str| RateTable::parse(&Source::new(name, text)).expect("the shipped table parses");
        let first = RateTable::read(Source::new("<embedded>/market-2026.ron", text)).expect("reads");
        let again = RateTable::read(Source::new("rates/market-2026.ron", text)).expect("reads");
        assert!(
            again == fresh("rates/market-2026.ron"),
            "renamed as parsing names it"
        );
        assert!(
            first == fresh("<embedded>/market-2026.ron"),
            "the first stays as it was"
        );
        assert!(again != first, "the names differ");
        assert_eq!(again.file, "rates/market-2026.ron");
        let location = again.locations.values().next().expect("a location");
        assert_eq!(location.origin.file(), "rates/market-2026.ron");
        assert_eq!(location.value.currency.origin.file(), "rates/market-2026.ron");
        // the shipped table has every part that holds an origin
        assert!(again.fx.is_some() && !again.premiums.is_empty());
        assert!(again.agency_rates.values().any(|p| p.currency.is_some()));
        // a text that does not read is not remembered: read again, it
        // reports the same problems
        let broken = text.replacen("RateTable(", "RateTable(bogus: 1, ", 1);
        let problems = RateTable::read(Source::new("a.ron", &broken)).expect_err("does not read");
        assert_eq!(
            RateTable::read(Source::new("a.ron", &broken)).expect_err("does not read"),
            problems
        );
    }
}
