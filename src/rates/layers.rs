//! A stack of rate plugins, bottom to top: an upper layer's entry replaces a
//! lower one with the same key (MODEL.md section 3).

use std::sync::Arc;

use crate::input::diagnostic::Diagnostic;
use crate::input::origin::Located;
use crate::input::suggest::did_you_mean;
use crate::money::Currency;
use crate::range::Range;
use crate::rates::guide::{Brief, Condition, Rule};
use crate::rates::table::{Fx, Location, Premium, Price, RateKey, RateTable, Role, SourceRef};
use crate::vocabulary::Level;

#[derive(Debug, Clone)]
pub struct Layers {
    tables: Vec<Arc<RateTable>>,
    /// For each table that shadows another plugin of the same name, what it
    /// shadows ("the shipped table", or a file), so that a failed lookup
    /// says which file was searched.
    shadows: Vec<Option<String>>,
}

impl Layers {
    /// The layers, bottom first. Checks the references across them.
    pub fn new(tables: Vec<Arc<RateTable>>) -> Result<Layers, Vec<Diagnostic>> {
        Layers::shadowing(tables, Vec::new())
    }

    /// Like [`Layers::new`], with what each table shadows (by index, as
    /// [`crate::rates::Catalog`] knows it).
    pub fn shadowing(
        tables: Vec<Arc<RateTable>>,
        shadows: Vec<Option<String>>,
    ) -> Result<Layers, Vec<Diagnostic>> {
        let layers = Layers { tables, shadows };
        let problems = layers.check_references();
        if problems.is_empty() {
            Ok(layers)
        } else {
            Err(problems)
        }
    }

    pub fn tables(&self) -> &[Arc<RateTable>] {
        &self.tables
    }

    /// The layer names, bottom first, as `a + b` for messages; a layer
    /// that shadows another plugin of its name says so:
    /// `market-2026 (./rates/market-2026.ron shadows the shipped table)`.
    pub fn describe(&self) -> String {
        self.tables
            .iter()
            .enumerate()
            .map(|(i, t)| match self.shadows.get(i).and_then(Option::as_deref) {
                Some(shadowed) => format!("{} ({} shadows {shadowed})", t.name.value, t.file),
                None => t.name.value.clone(),
            })
            .collect::<Vec<_>>()
            .join(" + ")
    }

    fn topmost<'s, T>(&'s self, pick: impl Fn(&'s RateTable) -> Option<T>) -> Option<T> {
        self.tables.iter().rev().find_map(|t| pick(t))
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.topmost(|t| t.roles.get(id)).map(|r| &r.value)
    }

    pub fn location(&self, id: &str) -> Option<&Location> {
        self.topmost(|t| t.locations.get(id)).map(|l| &l.value)
    }

    pub fn source(&self, id: &str) -> Option<&SourceRef> {
        self.topmost(|t| t.sources.get(id)).map(|s| &s.value)
    }

    /// The salary for a key and the table it came from.
    pub fn salary(&self, key: &RateKey) -> Option<(&Price, &RateTable)> {
        self.topmost(|t| t.salaries.get(key).map(|p| (p, t)))
    }

    pub fn agency_rate(&self, key: &RateKey) -> Option<(&Price, &RateTable)> {
        self.topmost(|t| t.agency_rates.get(key).map(|p| (p, t)))
    }

    /// The skill premium `id`: the topmost layer's entry.
    pub fn premium(&self, id: &str) -> Option<&Premium> {
        self.topmost(|t| t.premiums.get(id)).map(|p| &p.value)
    }

    /// The topmost `fx` block, which wins whole.
    pub fn fx(&self) -> Option<&Fx> {
        self.topmost(|t| t.fx.as_ref())
    }

    /// The output of a person-month at `level` (Mid = 1): the topmost
    /// `productivity` block, which wins whole; a level it leaves out is 1.
    pub fn productivity(&self, level: Level) -> Range {
        self.topmost(|t| t.productivity.as_ref())
            .and_then(|p| p.get(&level).copied())
            .unwrap_or(Range::single(rust_decimal::Decimal::ONE))
    }

    /// The topmost staffing profile, which wins whole.
    pub fn staffing(&self) -> Option<&crate::rates::staffing::Staffing> {
        self.topmost(|t| t.staffing.as_ref())
    }

    /// The advice rules in force (MODEL.md section 9): every layer's
    /// staffing profile gives rules by id; an upper layer's rule replaces a
    /// lower one of the same id, and `enabled: false` silences it. Unlike
    /// the recommender's figures these do not win whole, so a plugin adds or
    /// silences one rule without repeating the others. In the order first
    /// given, bottom layer first.
    pub fn advice_rules(&self) -> Vec<(&str, &Condition, &str)> {
        let mut rules: Vec<(&str, &Rule)> = Vec::new();
        for staffing in self.tables.iter().filter_map(|t| t.staffing.as_ref()) {
            for (id, rule) in &staffing.advice {
                match rules.iter_mut().find(|(known, _)| known == id) {
                    Some(entry) => entry.1 = rule,
                    None => rules.push((id, rule)),
                }
            }
        }
        rules
            .into_iter()
            .filter_map(|(id, rule)| match rule {
                Rule::Enabled { when, says } => Some((id, when, says.as_str())),
                Rule::Silenced => None,
            })
            .collect()
    }

    /// The hiring brief of a role: the topmost layer that gives one.
    pub fn brief(&self, role: &str) -> Option<&Brief> {
        self.topmost(|t| {
            t.staffing
                .as_ref()
                .and_then(|s| s.briefs.iter().find(|(id, _)| id == role).map(|(_, b)| b))
        })
    }

    pub fn role_ids(&self) -> Vec<&str> {
        self.ids(|t| t.roles.keys().map(String::as_str).collect())
    }

    pub fn location_ids(&self) -> Vec<&str> {
        self.ids(|t| t.locations.keys().map(String::as_str).collect())
    }

    pub fn premium_ids(&self) -> Vec<&str> {
        self.ids(|t| t.premiums.keys().map(String::as_str).collect())
    }

    pub fn source_ids(&self) -> Vec<&str> {
        self.ids(|t| t.sources.keys().map(String::as_str).collect())
    }

    fn ids<'s>(&'s self, of: impl Fn(&'s RateTable) -> Vec<&'s str>) -> Vec<&'s str> {
        let mut ids: Vec<&str> = self.tables.iter().flat_map(|t| of(t)).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Units of `to` per one unit of `from`, as the pair (rate[from], rate[to])
    /// so that conversion stays `amount * rate[from] / rate[to]`.
    pub fn conversion(
        &self,
        from: &Located<Currency>,
        to: &Currency,
    ) -> Result<(rust_decimal::Decimal, rust_decimal::Decimal), Diagnostic> {
        use rust_decimal::Decimal;
        if &from.value == to {
            return Ok((Decimal::ONE, Decimal::ONE));
        }
        let Some(fx) = self.fx() else {
            return Err(from
                .origin
                .diag(format!("no exchange rates to convert {} to {to}", from.value))
                .expected(format!("an `fx` block in one of the layers {}", self.describe()))
                .help("add fx: (base: \"USD\", rates: { ... }) to a plugin"));
        };
        let rate = |c: &Currency, origin: &crate::input::origin::Origin| {
            fx.rate(c).ok_or_else(|| {
                origin
                    .diag(format!(
                        "currency {c} has no exchange rate in layers {}",
                        self.describe()
                    ))
                    .expected(format!(
                        "one of {}",
                        fx.currencies().collect::<Vec<_>>().join(", ")
                    ))
                    .maybe_help(did_you_mean(c.as_str(), fx.currencies()).or_else(|| {
                        let file = fx.origin.file();
                        Some(if file.starts_with("<embedded>") {
                            // the shipped table cannot be edited; the topmost fx block wins whole
                            format!(
                                "give a plugin of your own an fx block with \"{c}\": <{} per {c}> and the rates of {file}",
                                fx.base.value
                            )
                        } else {
                            format!("add \"{c}\": <{} per {c}> to fx.rates in {file}", fx.base.value)
                        })
                    }))
            })
        };
        Ok((rate(&from.value, &from.origin)?, rate(to, &from.origin)?))
    }

    /// Every salary and agency rate of `table` quoted in a currency the
    /// exchange rates cannot convert into its location's currency: the
    /// engine could not price it (MODEL.md: a currency with no fx entry is an
    /// error). A price in its location's currency needs no rate.
    pub fn unconvertible(&self, table: &RateTable) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for (key, price) in table.salaries.iter().chain(&table.agency_rates) {
            let (Some(currency), Some(location)) = (&price.currency, self.location(&key.location)) else {
                continue;
            };
            if let Err(d) = self.conversion(currency, &location.currency.value) {
                problems.push(d);
            }
        }
        problems
    }

    /// Every price names a role, a location and a source that the layers
    /// know; every premium and fx block a source.
    fn check_references(&self) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        let (roles, locations, sources) = (self.role_ids(), self.location_ids(), self.source_ids());
        for table in &self.tables {
            let prices = table.salaries.iter().chain(&table.agency_rates);
            for (key, price) in prices {
                if self.role(&key.role).is_none() {
                    problems.push(unknown(
                        &price.role_origin.diag(format!("unknown role `{}`", key.role)),
                        "role",
                        &key.role,
                        &roles,
                        self,
                    ));
                }
                if self.location(&key.location).is_none() {
                    problems.push(unknown(
                        &price
                            .location_origin
                            .diag(format!("unknown location `{}`", key.location)),
                        "location",
                        &key.location,
                        &locations,
                        self,
                    ));
                }
                if self.source(&price.source.value).is_none() {
                    problems.push(unknown(
                        &price
                            .source
                            .origin
                            .diag(format!("unknown source `{}`", price.source.value)),
                        "source",
                        &price.source.value,
                        &sources,
                        self,
                    ));
                }
            }
            let fx_source = table.fx.as_ref().and_then(|f| f.source.as_ref());
            let premium_sources = table.premiums.values().map(|p| &p.value.source);
            for source in premium_sources.chain(fx_source) {
                if self.source(&source.value).is_none() {
                    problems.push(unknown(
                        &source.origin.diag(format!("unknown source `{}`", source.value)),
                        "source",
                        &source.value,
                        &sources,
                        self,
                    ));
                }
            }
        }
        problems
    }
}

/// Completes a diagnostic about an unknown id with the known ones.
pub fn unknown(diag: &Diagnostic, what: &str, found: &str, known: &[&str], layers: &Layers) -> Diagnostic {
    // a long list hides the answer: the nearest ones, and where to see all
    const LISTED: usize = 10;
    let listed = if known.len() > LISTED + 5 {
        let mut nearest = known.to_vec();
        nearest.sort_by(|a, b| {
            strsim::normalized_levenshtein(found, b).total_cmp(&strsim::normalized_levenshtein(found, a))
        });
        let more = if what == "source" {
            "; `teamcost rates show NAME --sources` lists them"
        } else {
            ""
        };
        format!(
            "the nearest of {} are {}{more}",
            known.len(),
            nearest[..LISTED].join(", ")
        )
    } else {
        known.join(", ")
    };
    diag.clone()
        .expected(format!(
            "a {what} defined in layers {}: {listed}",
            layers.describe()
        ))
        .maybe_help(did_you_mean(found, known.iter().copied()).or_else(|| {
            Some(format!(
                "define `{found}` in a rate plugin, or use one of the known {what}s"
            ))
        }))
}

/// A scenario names a layer no plugin has.
pub fn unknown_layer(name: &Located<String>, known: &[&str]) -> Diagnostic {
    name.origin
        .diag(format!("unknown rate layer `{}`", name.value))
        .expected(format!("the name of a rate plugin: {}", known.join(", ")))
        .maybe_help(did_you_mean(&name.value, known.iter().copied()).or_else(|| {
            Some("put the plugin in ./rates or pass its directory with --rates DIR; `teamcost check` lists the plugins it finds".into())
        }))
}

/// A plugin as a layer over the shipped default table (unless it is that
/// table): how `check` and `rates set` judge a plugin on its own.
pub fn over_default(
    table: crate::rates::RateTable,
    catalog: &crate::rates::Catalog,
) -> Result<Layers, Vec<Diagnostic>> {
    let table = Arc::new(table);
    let mut stack: Vec<Arc<crate::rates::RateTable>> = crate::vocabulary::DEFAULT_LAYERS
        .iter()
        .filter(|base| **base != table.name.value)
        .filter_map(|base| catalog.get(base).cloned())
        .collect();
    stack.push(table);
    Layers::new(stack)
}

/// A plugin judged on its own, as `check`, `rates set`, `rates import` and
/// `rates new` do: over the shipped default table, every reference
/// resolved, and every price of the plugin in a currency the exchange rates
/// of those layers can convert.
pub fn check_plugin(
    table: crate::rates::RateTable,
    catalog: &crate::rates::Catalog,
) -> Result<Layers, Vec<Diagnostic>> {
    let layers = over_default(table, catalog)?;
    let problems = match layers.tables().last() {
        Some(top) => layers.unconvertible(top),
        None => Vec::new(),
    };
    if problems.is_empty() {
        Ok(layers)
    } else {
        Err(problems)
    }
}
