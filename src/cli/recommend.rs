//! `teamcost recommend`: the scenario from flags or a file, the
//! recommendation, `--write` and `--compare-engagements`.

use std::path::Path;

use rust_decimal::Decimal;
use teamcost::input::origin::{Located, Origin};
use teamcost::report::Format;
use teamcost::scenario::{Months, Seat, Target, Team};
use teamcost::vocabulary::{Engagement, EngagementChoice, Product, Requirement, Stage};
use teamcost::{Assessment, Catalog, Diagnostic, Diagnostics, Scenario};

use super::*;

/// `--duration`: months, more than 0 and at most 120.
fn months(text: &str) -> Result<Months, Diagnostics> {
    teamcost::input::source::parse_decimal(text)
        .and_then(Months::new)
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::new("--duration", format!("`{text}` is not a duration"))
                    .expected("a number of months greater than 0 and at most 120")
                    .help("write --duration 12"),
            )
        })
}

/// The scenario to recommend for: the file's, with the flags on top.
pub(crate) fn recommend_scenario(args: &RecommendArgs) -> Result<Scenario, Diagnostics> {
    let flag = |name: &str| Origin::new(name);
    let missing = |what: &str, example: &str| {
        Diagnostics::from(
            Diagnostic::new(
                format!("--{what}"),
                format!("--{what} is needed without a scenario file"),
            )
            .help(format!("give --{what} {example}, or name a scenario file")),
        )
    };
    let mut s = match &args.file {
        Some(file) => teamcost::load_scenario(file)?,
        None => {
            let stage: Stage = args.stage.ok_or_else(|| missing("stage", "production"))?.into();
            let location = args.location.clone().ok_or_else(|| missing("location", "us"))?;
            let engagement = args
                .engagement
                .ok_or_else(|| missing("engagement", "in-house"))?
                .into();
            let duration = args
                .duration
                .as_deref()
                .ok_or_else(|| missing("duration", "12"))?;
            let months = teamcost::input::source::parse_decimal(duration)
                .and_then(Months::new)
                .ok_or_else(|| {
                    Diagnostics::from(
                        Diagnostic::new("--duration", format!("`{duration}` is not a duration"))
                            .expected("a number of months greater than 0 and at most 120")
                            .help("write --duration 12"),
                    )
                })?;
            let product = args.product.map(Product::from);
            let name = args.name.clone().unwrap_or_else(|| {
                let product = product.map(|p| format!(" {p}")).unwrap_or_default();
                format!("Recommended team: {stage}{product} in {location}")
            });
            Scenario {
                name,
                file: "<command line>".into(),
                stage,
                phases: Vec::new(),
                costs: Vec::new(),
                product,
                duration: months,
                location: Located::new(location, flag("--location")),
                engagement,
                requirements: args.requires.iter().map(|r| Requirement::from(*r)).collect(),
                rates: teamcost::rates::DEFAULT_LAYERS
                    .iter()
                    .map(|l| Located::new(l.to_string(), flag("<default rates>")))
                    .collect(),
                currency: None,
                team: Team::Seats(Vec::new()),
                note: None,
            }
            .one_stage(stage)
        }
    };
    // flags given with a file override it
    if args.file.is_some() {
        if let Some(stage) = args.stage {
            s = s.one_stage(stage.into());
        }
        if let Some(product) = args.product {
            s.product = Some(product.into());
        }
        if !args.requires.is_empty() {
            s.requirements = args.requires.iter().map(|r| Requirement::from(*r)).collect();
        }
        if let Some(location) = &args.location {
            s.location = Located::new(location.clone(), flag("--location"));
        }
        if let Some(engagement) = args.engagement {
            s.engagement = engagement.into();
        }
        if let Some(duration) = &args.duration {
            s.duration = months(duration)?;
            let stage = s.stage;
            s = s.one_stage(stage);
        }
    }
    if let Some(c) = currency(&args.currency)? {
        s.currency = Some(Located::new(c, flag("--currency")));
    }
    if let Some(name) = &args.name {
        s.name = name.clone();
    }
    let amount = |flag_name: &str, text: &str| {
        teamcost::input::source::parse_decimal(text)
            .filter(|v| *v > Decimal::ZERO)
            .ok_or_else(|| {
                Diagnostics::from(
                    Diagnostic::new(flag_name, format!("`{text}` is not a positive number"))
                        .help(format!("write {flag_name} with digits only, e.g. {flag_name} 18")),
                )
            })
    };
    let target = match (&args.effort_pm, &args.budget, &s.team) {
        (Some(e), _, _) => Some(Target::EffortPm(amount("--effort-pm", e)?)),
        (_, Some(b), _) => Some(Target::Budget(amount("--budget", b)?)),
        (None, None, Team::Recommend { target, .. }) => Some(*target),
        _ => None,
    };
    let target = target.ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::new("--effort-pm", "a recommendation needs an effort or a budget")
                .expected("--effort-pm N (productive person-months) or --budget AMOUNT")
                .help("add --effort-pm 18, or a file with team: Recommend(effort_pm: 18)"),
        )
    })?;
    s.team = Team::Recommend {
        target,
        origin: flag("--effort-pm"),
    };
    Ok(s)
}

pub(crate) fn recommend(catalog: &Catalog, args: &RecommendArgs) -> anyhow::Result<Outcome> {
    let scenario = recommend_scenario(args)?;
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let estimate = Assessment::advised(
        teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?,
        &layers,
    );
    let seats: Vec<Seat> = estimate.seats.iter().map(|s| s.seat.clone()).collect();
    if let Some(path) = &args.write {
        save_recommendation(path, args.force, &scenario, &estimate, &seats, catalog)?;
    }
    let format = Format::from(args.format);
    if !args.compare_engagements {
        return Ok(ok(teamcost::report::estimates(
            std::slice::from_ref(&estimate),
            format,
        )));
    }
    let mut variants = Vec::new();
    for (choice, label) in [
        (EngagementChoice::InHouse, "all in-house"),
        (EngagementChoice::Agency, "all agency"),
        (EngagementChoice::Hybrid, "hybrid"),
    ] {
        let staffing = layers.staffing();
        let seats: Vec<Seat> = seats
            .iter()
            .map(|s| Seat {
                engagement: match choice {
                    EngagementChoice::InHouse => Engagement::InHouse,
                    EngagementChoice::Agency => Engagement::Agency,
                    EngagementChoice::Hybrid => {
                        if staffing.is_some_and(|p| p.hybrid_in_house.contains(&s.level)) {
                            Engagement::InHouse
                        } else {
                            Engagement::Agency
                        }
                    }
                },
                ..s.clone()
            })
            .collect();
        let variant = Scenario {
            name: format!("{} ({label})", scenario.name),
            engagement: choice,
            team: Team::Seats(seats),
            ..scenario.clone()
        };
        variants.push(Assessment::advised(
            teamcost::estimate(&variant, &layers).map_err(Diagnostics)?,
            &layers,
        ));
    }
    let breakeven = teamcost::engine::breakeven::breakeven(&scenario, &seats, &layers)
        .map_err(|d| d.first().map(|d| d.message.clone()).unwrap_or_default());
    Ok(ok(teamcost::report::engagements(&variants, &breakeven, format)))
}

/// `--write`: the team as a scenario file, checked to reproduce the
/// estimate to the cent before it is written; never over a file unless
/// `--force`.
pub(crate) fn save_recommendation(
    path: &Path,
    force: bool,
    scenario: &Scenario,
    estimate: &Assessment,
    seats: &[Seat],
    catalog: &Catalog,
) -> anyhow::Result<()> {
    if path.exists() && !force {
        return Err(Diagnostics::from(
            Diagnostic::new(
                path.display().to_string(),
                "the file exists; teamcost does not overwrite it",
            )
            .help("pass --force to replace it, or choose another file"),
        )
        .into());
    }
    let text = teamcost::team::write::scenario_file(scenario, seats, &estimate.reasoning, &estimate.layers);
    let name = path.display().to_string();
    let written = Scenario::read(teamcost::input::source::Source::new(&name, &text)).map_err(Diagnostics)?;
    let again = teamcost::estimate_scenario(catalog, &written)?;
    anyhow::ensure!(
        teamcost::money::cents(again.cost.likely) == teamcost::money::cents(estimate.cost.likely),
        "the written scenario does not reproduce the estimate ({} vs {}); not written",
        again.cost.likely,
        estimate.cost.likely
    );
    write(path, &text)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
