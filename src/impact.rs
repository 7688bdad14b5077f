//! The impact of a rate change on every scenario: each estimated under the
//! old and under the new layers, largest change (in percent) first.

use rust_decimal::Decimal;

use crate::engine::{Estimate, Triple};
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

/// The scenario with a layer renamed, when the new plugin has another name.
fn renamed(scenario: &Scenario, rename: Option<(&str, &str)>) -> Scenario {
    let mut s = scenario.clone();
    if let Some((from, to)) = rename {
        for layer in &mut s.rates {
            if layer.value == from {
                layer.value = to.to_string();
            }
        }
    }
    s
}

fn p90(e: &mut Estimate, trials: u32, seed: u64) -> Option<Decimal> {
    if trials == 0 {
        return None;
    }
    let sim = crate::engine::simulation::simulate(&e.model, trials, seed, &|_| {});
    Some(crate::money::cents(crate::engine::simulation::decimal(
        sim.cost.p90,
    )))
}

/// Each scenario under the old and the new catalog; `rename` maps the old
/// plugin's name to the new one's in the scenarios' layers.
pub fn impact(
    old: &Catalog,
    new: &Catalog,
    rename: Option<(&str, &str)>,
    scenarios: &[Scenario],
    trials: u32,
    seed: u64,
) -> Result<Vec<ImpactRow>, Diagnostics> {
    let mut rows = Vec::with_capacity(scenarios.len());
    for s in scenarios {
        let mut before = crate::estimate_scenario(old, s)?;
        let mut after = crate::estimate_scenario(new, &renamed(s, rename))?;
        let p90 = p90(&mut before, trials, seed).zip(p90(&mut after, trials, seed));
        rows.push(ImpactRow {
            scenario: s.name.clone(),
            file: s.file.clone(),
            currency: before.currency.to_string(),
            old: before.cost,
            new: after.cost,
            p90,
        });
    }
    // by percent, so scenarios in different currencies compare fairly
    let size = |r: &ImpactRow| r.percent().unwrap_or_default().abs();
    rows.sort_by(|a, b| size(b).cmp(&size(a)).then_with(|| a.scenario.cmp(&b.scenario)));
    Ok(rows)
}
