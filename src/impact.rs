//! The impact of a rate change on every scenario: each estimated under the
//! old and under the new layers, largest change (in percent) first.

use rust_decimal::Decimal;

use crate::budget::GatePoint;
use crate::engine::Triple;
use crate::input::diagnostic::Diagnostics;
use crate::rates::Catalog;
use crate::scenario::Scenario;

/// One scenario before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct ImpactRow {
    pub scenario: String,
    pub file: String,
    pub currency: String,
    pub old: Triple,
    pub new: Triple,
    /// Simulated p90 before and after, when simulating.
    pub p90: Option<(Decimal, Decimal)>,
}

impl ImpactRow {
    pub fn change(&self) -> Decimal {
        self.new.likely - self.old.likely
    }

    pub fn percent(&self) -> Option<Decimal> {
        (!self.old.likely.is_zero()).then(|| self.change() * Decimal::from(100) / self.old.likely)
    }
}

/// How the new plugin stands to the old one in a scenario's layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement<'a> {
    /// A new version of the plugin, under its own name or another: it
    /// takes the old one's place.
    Replace { from: &'a str, to: &'a str },
    /// An overlay (another name, as `rates new` writes): it goes on top of
    /// the old one, which stays below it.
    Overlay { on: &'a str, top: &'a str },
}

/// The scenario's layers after the change.
fn changed(scenario: &Scenario, change: Placement<'_>) -> Scenario {
    let mut s = scenario.clone();
    match change {
        Placement::Replace { from, to } => {
            for layer in &mut s.rates {
                if layer.value == from {
                    layer.value = to.to_string();
                }
            }
        }
        Placement::Overlay { on, top } => {
            if let Some(i) = s.rates.iter().position(|l| l.value == on) {
                let mut layer = s.rates[i].clone();
                layer.value = top.to_string();
                s.rates.insert(i + 1, layer);
            }
        }
    }
    s
}

/// The scenario assessed under a catalog, and its simulated p90 when
/// simulating.
fn assessed(
    catalog: &Catalog,
    scenario: Scenario,
    trials: u32,
    seed: u64,
) -> Result<(Triple, Option<Decimal>, String), Diagnostics> {
    let mut a = crate::pipeline::assess_scenario(catalog, scenario, None)?;
    if trials > 0 {
        a.simulate(trials, seed, &|_| {});
    }
    Ok((
        a.cost,
        a.value_at(GatePoint::P90).filter(|_| trials > 0),
        a.currency.to_string(),
    ))
}

/// Each scenario under the old and the new catalog; `change` says where the
/// new plugin goes in the scenarios' layers.
pub fn impact(
    old: &Catalog,
    new: &Catalog,
    change: Placement<'_>,
    scenarios: &[Scenario],
    trials: u32,
    seed: u64,
) -> Result<Vec<ImpactRow>, Diagnostics> {
    let mut rows = Vec::with_capacity(scenarios.len());
    for s in scenarios {
        let (before, before_p90, currency) = assessed(old, s.clone(), trials, seed)?;
        let (after, after_p90, _) = assessed(new, changed(s, change), trials, seed)?;
        rows.push(ImpactRow {
            scenario: s.name.clone(),
            file: s.file.clone(),
            currency,
            old: before,
            new: after,
            p90: before_p90.zip(after_p90),
        });
    }
    // by percent, so scenarios in different currencies compare fairly
    let size = |r: &ImpactRow| r.percent().unwrap_or_default().abs();
    rows.sort_by(|a, b| size(b).cmp(&size(a)).then_with(|| a.scenario.cmp(&b.scenario)));
    Ok(rows)
}
