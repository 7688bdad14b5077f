//! What the figures rest on: for each estimate, its rate layers, the
//! employer terms of every place it uses, the exchange rates, and the
//! source of every rate it reads. Gathered once for the HTML and Markdown
//! reports.

use std::collections::BTreeMap;

use crate::assessment::Assessment;
use crate::rates::table::{Location, Premium, SourceRef};
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
    /// The skill premiums the seats are paid, by id.
    pub premiums: BTreeMap<String, Premium>,
}

/// Gathers the assumptions of the estimates, each from its own layers.
pub fn gather(estimates: &[Assessment]) -> Assumptions {
    let mut out = Assumptions::default();
    for e in estimates {
        let l = &e.rate_layers;
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
            if let Some((price, _)) = price {
                cite(&mut out, l, &price.source.value, format!("{what} {key}"));
            }
            for skill in &seat.seat.skills {
                let Some(premium) = l.premium(&skill.value) else {
                    continue;
                };
                out.premiums
                    .entry(skill.value.clone())
                    .or_insert_with(|| premium.clone());
                let share = match seat.seat.engagement {
                    Engagement::InHouse => "salary",
                    Engagement::Agency => "agency",
                };
                cite(
                    &mut out,
                    l,
                    &premium.source.value,
                    format!("premium {} {share}", skill.value),
                );
            }
        }
    }
    out
}

/// Notes that `figure` rests on the source `id`.
fn cite(out: &mut Assumptions, layers: &Layers, id: &str, figure: String) {
    let Some(source) = layers.source(id) else {
        return;
    };
    let cited = out.sources.entry(id.to_string()).or_insert_with(|| Cited {
        source: source.clone(),
        figures: Vec::new(),
    });
    if !cited.figures.contains(&figure) {
        cited.figures.push(figure);
    }
}
