//! What the figures rest on: for each estimate, its rate layers, the
//! employer terms of every place it uses, the exchange rates, and the
//! source of every rate it reads. Gathered once for the HTML and Markdown
//! reports.

use std::collections::BTreeMap;

use crate::assessment::Assessment;
use crate::rates::table::{Location, SourceRef};
use crate::rates::{Layers, RateKey};
use crate::vocabulary::Engagement;

/// One source and the figures that cite it.
#[derive(Debug, Clone)]
pub struct Cited {
    pub source: SourceRef,
    pub figures: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Assumptions {
    /// Per scenario: its name and its layers, bottom first.
    pub layers: Vec<(String, String)>,
    pub locations: BTreeMap<String, Location>,
    /// Currency code and units of the base per unit, with the base first.
    pub fx: Vec<(String, String)>,
    pub sources: BTreeMap<String, Cited>,
}

/// Gathers the assumptions of the estimates; `layers[i]` are those of
/// `estimates[i]`.
pub fn gather(estimates: &[Assessment], layers: &[Layers]) -> Assumptions {
    let mut out = Assumptions::default();
    for (e, l) in estimates.iter().zip(layers) {
        out.layers.push((e.scenario.name.clone(), l.describe()));
        if let Some(fx) = l.fx()
            && out.fx.is_empty()
        {
            out.fx.push((format!("{} (base)", fx.base.value), "1".into()));
            out.fx.extend(
                fx.rates
                    .iter()
                    .map(|(c, r)| (c.to_string(), r.normalize().to_string())),
            );
        }
        for seat in &e.seats {
            let place = &seat.seat.location.value;
            if let Some(location) = l.location(place) {
                out.locations
                    .entry(place.clone())
                    .or_insert_with(|| location.clone());
            }
            let key = RateKey {
                role: seat.seat.role.value.clone(),
                level: seat.seat.level,
                location: place.clone(),
            };
            let (price, what) = match seat.seat.engagement {
                Engagement::InHouse => (l.salary(&key), "salary"),
                Engagement::Agency => (l.agency_rate(&key), "agency rate"),
            };
            if let Some((price, _)) = price
                && let Some(source) = l.source(&price.source.value)
            {
                let cited = out
                    .sources
                    .entry(price.source.value.clone())
                    .or_insert_with(|| Cited {
                        source: source.clone(),
                        figures: Vec::new(),
                    });
                let figure = format!("{what} {key}");
                if !cited.figures.contains(&figure) {
                    cited.figures.push(figure);
                }
            }
        }
    }
    out
}
