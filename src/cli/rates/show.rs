//! `teamcost rates show`: a plugin's salaries and agency rates, or its
//! data card (`--sources`).

use std::collections::BTreeMap;

use teamcost::rates::{Catalog, RateKey, RateTable};
use teamcost::report::rates::{Card, CardSource, Shown};
use teamcost::report::{Format, Width};

use super::super::{FormatArg, LevelArg, Outcome, ok};
use super::plugin;

#[derive(clap::Args)]
pub struct Args {
    /// A plugin name or a plugin file.
    pub name: String,
    /// Only the entries of this role, e.g. ai-engineer.
    #[arg(long)]
    pub role: Option<String>,
    /// Only the entries of this level.
    #[arg(long, value_enum)]
    pub level: Option<LevelArg>,
    /// Only the entries of this location id, e.g. us, germany.
    #[arg(long)]
    pub location: Option<String>,
    /// The data card instead: per location its basis, the sources its
    /// entries name (grade, date) and the weakest figures.
    #[arg(long)]
    pub sources: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

pub(super) fn run(catalog: &Catalog, args: &Args, width: Width) -> anyhow::Result<Outcome> {
    let table = plugin(catalog, &args.name)?;
    let level = args.level.map(teamcost::vocabulary::Level::from);
    let wanted = |k: &RateKey| {
        args.role.as_ref().is_none_or(|r| &k.role == r)
            && level.is_none_or(|l| k.level == l)
            && args.location.as_ref().is_none_or(|x| &k.location == x)
    };
    let layers = teamcost::rates::layers::over_default(table.clone(), catalog).ok();
    let format = Format::from(args.format);
    if args.sources {
        return Ok(ok(data_card(&table, layers.as_ref(), &wanted, format, width)));
    }
    let mut shown = Vec::new();
    for (kind, entries) in [("salary", &table.salaries), ("agency rate", &table.agency_rates)] {
        for (k, p) in entries.iter().filter(|(k, _)| wanted(k)) {
            let currency = p.currency.as_ref().map(|c| c.value.to_string()).or_else(|| {
                layers
                    .as_ref()
                    .and_then(|l| l.location(&k.location))
                    .map(|l| l.currency.value.to_string())
            });
            let published = layers
                .as_ref()
                .and_then(|l| l.source(&p.source.value))
                .map(|s| s.published.clone())
                .unwrap_or_default();
            shown.push(Shown {
                kind,
                role: k.role.clone(),
                level: k.level.to_string(),
                location: k.location.clone(),
                amount: p.amount,
                currency: currency.unwrap_or_default(),
                source: p.source.value.clone(),
                published,
            });
        }
    }
    Ok(ok(teamcost::report::rates::show(
        &table.name.value,
        &shown,
        format,
        width,
    )))
}

/// The data card of `rates show --sources`: for each location with entries
/// in the plugin, its note (the basis) and the sources its entries name, with
/// their grade and date, read through the layers under it.
fn data_card(
    table: &RateTable,
    layers: Option<&teamcost::Layers>,
    wanted: &dyn Fn(&RateKey) -> bool,
    format: Format,
    width: Width,
) -> String {
    /// Salaries and agency rates naming a source, and their roles.
    type Uses = (usize, usize, Vec<String>);
    // location -> source -> uses
    let mut used: BTreeMap<&str, BTreeMap<&str, Uses>> = BTreeMap::new();
    for (salary, entries) in [(true, &table.salaries), (false, &table.agency_rates)] {
        for (k, p) in entries.iter().filter(|(k, _)| wanted(k)) {
            let e = used
                .entry(k.location.as_str())
                .or_default()
                .entry(p.source.value.as_str())
                .or_default();
            if salary {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
            if !e.2.contains(&k.role) {
                e.2.push(k.role.clone());
            }
        }
    }
    let cards: Vec<Card> = used
        .into_iter()
        .map(|(id, sources)| {
            let place = table
                .locations
                .get(id)
                .map(|l| &l.value)
                .or_else(|| layers.and_then(|l| l.location(id)));
            let mut sources: Vec<CardSource> = sources
                .into_iter()
                .map(|(source, (salaries, agency_rates, roles))| {
                    let found = table
                        .sources
                        .get(source)
                        .map(|s| &s.value)
                        .or_else(|| layers.and_then(|l| l.source(source)));
                    CardSource {
                        id: source.to_string(),
                        grade: found.and_then(|s| s.grade.clone()).unwrap_or_default(),
                        published: found.map(|s| s.published.clone()).unwrap_or_default(),
                        stale: found.and_then(|s| s.stale.clone()),
                        salaries,
                        agency_rates,
                        roles,
                    }
                })
                .collect();
            sources.sort_by(|a, b| a.grade.cmp(&b.grade).then_with(|| a.id.cmp(&b.id)));
            Card {
                location: id.to_string(),
                name: place.map(|p| p.name.clone()).unwrap_or_default(),
                currency: place.map(|p| p.currency.value.to_string()).unwrap_or_default(),
                basis: place.and_then(|p| p.note.clone()).unwrap_or_default(),
                sources,
            }
        })
        .collect();
    teamcost::report::rates::card(
        &table.name.value,
        table.effective.as_deref(),
        &cards,
        format,
        width,
    )
}
