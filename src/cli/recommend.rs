//! `teamcost recommend`: the scenario from flags or a file, the
//! recommendation, `--write` and `--compare-engagements`.

use std::path::Path;

use rust_decimal::Decimal;
use teamcost::report::{Format, Width};
use teamcost::scenario::{Months, Phase, Plan, Seat, Spec, Target, Team};
use teamcost::vocabulary::{Engagement, EngagementChoice, Product, Requirement, Stage};
use teamcost::{Assessment, Catalog, Diagnostic, Diagnostics, Scenario};
use teamcost::{Located, Origin};

use super::*;

/// `--duration`: months, more than 0 and at most 120.
fn months(text: &str) -> Result<Months, Diagnostics> {
    teamcost::parse_decimal(text)
        .and_then(Months::new)
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::new("--duration", format!("`{text}` is not a duration"))
                    .expected("a number of months greater than 0 and at most 120")
                    .help("write --duration 12"),
            )
        })
}

/// `--phases prototype:3,pilot:6,production:9`: the phases in order, each
/// with its length in months; the duration is their sum.
fn phases_flag(text: &str) -> Result<(Vec<Phase>, Months), Diagnostics> {
    let bad = |part: &str, why: &str| {
        Diagnostics::from(
            Diagnostic::new("--phases", format!("`{part}` is not a phase: {why}"))
                .expected("STAGE:MONTHS in order, comma-separated, the months being each phase's length")
                .help("write, for example, --phases prototype:3,pilot:6,production:9 (18 months in all)"),
        )
    };
    let mut phases = Vec::new();
    let mut start = Decimal::ZERO;
    for part in text.split(',').map(str::trim) {
        let (stage, months) = part
            .split_once(':')
            .ok_or_else(|| bad(part, "no `:` between the stage and the months"))?;
        let stage = <StageArg as clap::ValueEnum>::from_str(stage.trim(), true).map_err(|_| {
            bad(
                part,
                "the stage is one of idea, prototype, pilot, production, scale",
            )
        })?;
        let months = teamcost::parse_decimal(months.trim())
            .filter(|m| *m > Decimal::ZERO)
            .ok_or_else(|| bad(part, "the months are a number greater than 0"))?;
        let end = start + months;
        phases.push(Phase {
            stage: stage.into(),
            start,
            end,
        });
        start = end;
    }
    let duration = Months::new(start).ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::new(
                "--phases",
                format!("the phases add up to {} months, more than 120", start.normalize()),
            )
            .expected("phases that add up to at most 120 months")
            .help("shorten the phases, or plan the later ones in a scenario of their own"),
        )
    })?;
    Ok((phases, duration))
}

/// `--effort-pm 6,20,40` or `--budget 150000,600000`: one positive amount
/// per phase (one for a single stage).
fn amounts(flag_name: &str, text: &str) -> Result<Vec<Decimal>, Diagnostics> {
    text.split(',')
        .map(|part| {
            let part = part.trim();
            teamcost::parse_decimal(part)
                .filter(|v| *v > Decimal::ZERO)
                .ok_or_else(|| {
                    Diagnostics::from(
                        Diagnostic::new(flag_name, format!("`{part}` is not a positive number"))
                            .help(format!(
                                "write {flag_name} with digits only, one value per phase separated by commas, e.g. {flag_name} 18"
                            )),
                    )
                })
        })
        .collect()
}

/// The targets from `--effort-pm` or `--budget`, when one is given.
fn flag_targets(args: &RecommendArgs) -> Result<Option<(&'static str, Vec<Target>)>, Diagnostics> {
    Ok(match (&args.effort_pm, &args.budget) {
        (Some(e), _) => Some((
            "--effort-pm",
            amounts("--effort-pm", e)?
                .into_iter()
                .map(Target::EffortPm)
                .collect(),
        )),
        (_, Some(b)) => Some((
            "--budget",
            amounts("--budget", b)?.into_iter().map(Target::Budget).collect(),
        )),
        _ => None,
    })
}

/// The scenario to recommend for: the file's, with the flags on top.
pub(crate) fn recommend_scenario(args: &RecommendArgs) -> Result<Scenario, Diagnostics> {
    let mut spec = match &args.file {
        Some(file) => with_flags(teamcost::load_scenario(file)?.spec(), args)?,
        None => from_flags(args)?,
    };
    if let Some(c) = options::currency(&args.currency)? {
        spec.currency = Some(c);
    }
    if let Some(name) = &args.name {
        spec.name = name.clone();
    }
    spec.team = team(args, &spec)?;
    Scenario::new(spec).map_err(Diagnostics)
}

/// The phases of `--phases`, or the one stage of `--stage` over
/// `--duration`, with the duration they make.
fn plan_flags(args: &RecommendArgs) -> Result<Option<(Plan, Months)>, Diagnostics> {
    if let Some(text) = &args.phases {
        let (phases, months) = phases_flag(text)?;
        return Ok(Some((Plan::Phases(phases), months)));
    }
    Ok(None)
}

/// A scenario from the flags alone.
fn from_flags(args: &RecommendArgs) -> Result<Spec, Diagnostics> {
    let missing = |what: &str, example: &str| {
        Diagnostics::from(
            Diagnostic::new(
                format!("--{what}"),
                format!("--{what} is needed without a scenario file"),
            )
            .help(format!("give --{what} {example}, or name a scenario file")),
        )
    };
    let (plan, duration) = match plan_flags(args)? {
        Some(given) => given,
        None => {
            let stage: Stage = args
                .stage
                .ok_or_else(|| missing("stage", "production (or --phases prototype:3,pilot:6)"))?
                .into();
            let duration = args
                .duration
                .as_deref()
                .ok_or_else(|| missing("duration", "12"))?;
            (Plan::One(stage), months(duration)?)
        }
    };
    let location = args.location.clone().ok_or_else(|| missing("location", "us"))?;
    let product = args.product.map(Product::from);
    let name = args.name.clone().unwrap_or_else(|| {
        let product = product.map(|p| format!(" {p}")).unwrap_or_default();
        match &plan {
            Plan::Phases(phases) => {
                let stages: Vec<String> = phases.iter().map(|p| p.stage.to_string()).collect();
                format!("Recommended plan: {}{product} in {location}", stages.join(" → "))
            }
            Plan::One(stage) => format!("Recommended team: {stage}{product} in {location}"),
        }
    });
    let flag = |name: &str| Origin::new(name);
    Ok(Spec {
        name,
        file: "<command line>".into(),
        plan,
        costs: Vec::new(),
        product,
        duration,
        location: Located::new(location, flag("--location")),
        engagement: args.engagement.map_or(EngagementChoice::InHouse, Into::into),
        requirements: args.requires.iter().map(|r| Requirement::from(*r)).collect(),
        rates: teamcost::rates::DEFAULT_LAYERS
            .iter()
            .map(|l| Located::new(l.to_string(), flag("<default rates>")))
            .collect(),
        currency: None,
        team: Team::Seats(Vec::new()),
        note: None,
        goal: None,
        after: teamcost::vocabulary::After::Keep,
        calendar: None,
    })
}

/// A scenario file's specification with the flags given beside it on top.
fn with_flags(mut spec: Spec, args: &RecommendArgs) -> Result<Spec, Diagnostics> {
    let first_stage = |plan: &Plan| match plan {
        Plan::One(stage) => *stage,
        Plan::Phases(phases) => phases.first().map_or(Stage::Prototype, |p| p.stage),
    };
    if let Some(stage) = args.stage {
        spec.plan = Plan::One(stage.into());
    }
    if let Some(product) = args.product {
        spec.product = Some(product.into());
    }
    if !args.requires.is_empty() {
        spec.requirements = args.requires.iter().map(|r| Requirement::from(*r)).collect();
    }
    if let Some(location) = &args.location {
        spec.location = Located::new(location.clone(), Origin::new("--location"));
    }
    if let Some(engagement) = args.engagement {
        spec.engagement = engagement.into();
    }
    if let Some(duration) = &args.duration {
        spec.duration = months(duration)?;
        spec.plan = Plan::One(first_stage(&spec.plan));
    }
    if let Some((plan, duration)) = plan_flags(args)? {
        spec.plan = plan;
        spec.duration = duration;
    }
    Ok(spec)
}

/// The team to recommend: for the target of the flags, else the file's;
/// one per phase for a plan.
fn team(args: &RecommendArgs, spec: &Spec) -> Result<Team, Diagnostics> {
    let from_flags = flag_targets(args)?;
    let from_file = match &spec.team {
        Team::Recommend { target, .. } => Some(vec![*target]),
        Team::RecommendPlan { targets, .. } => Some(targets.clone()),
        Team::Seats(_) => None,
    };
    let origin = Origin::new(from_flags.as_ref().map_or("--effort-pm", |(f, _)| *f));
    let (flag_name, targets) = match (from_flags, from_file) {
        (Some(given), _) => given,
        (None, Some(targets)) => ("the scenario file", targets),
        (None, None) => {
            return Err(Diagnostics::from(
                Diagnostic::new("--effort-pm", "a recommendation needs an effort or a budget")
                    .expected("--effort-pm N (productive person-months) or --budget AMOUNT; one per phase with --phases")
                    .help("add --effort-pm 18, or a file with team: Recommend(effort_pm: 18)"),
            ));
        }
    };
    let stages: Vec<String> = match &spec.plan {
        Plan::One(stage) => vec![stage.to_string().to_lowercase()],
        Plan::Phases(phases) => phases
            .iter()
            .map(|p| p.stage.to_string().to_lowercase())
            .collect(),
    };
    let plan = args.phases.is_some() || stages.len() > 1;
    if plan && targets.len() != stages.len() {
        let thousands = if flag_name == "--budget" {
            "; write amounts with digits only, no thousands separators"
        } else {
            ""
        };
        return Err(Diagnostics::from(
            Diagnostic::new(
                flag_name,
                format!(
                    "{flag_name} gives {} target(s) for {} phases ({})",
                    targets.len(),
                    stages.len(),
                    stages.join(", ")
                ),
            )
            .expected("one target per phase, in the order of the phases")
            .help(format!(
                "for example --phases prototype:3,pilot:6,production:9 --effort-pm 6,20,40{thousands}"
            )),
        ));
    }
    match targets.as_slice() {
        [target] if !plan => Ok(Team::Recommend {
            target: *target,
            origin,
        }),
        _ if plan => Ok(Team::RecommendPlan { targets, origin }),
        _ => {
            let thousands = if flag_name == "--budget" {
                ", without thousands separators"
            } else {
                ""
            };
            Err(Diagnostics::from(
                Diagnostic::new(
                    flag_name,
                    format!(
                        "{flag_name} gives {} targets, and there is one stage ({})",
                        targets.len(),
                        stages.join(", ")
                    ),
                )
                .expected(format!("one value{thousands}; several only with --phases, one per phase"))
                .help("give one value, or a plan: --phases prototype:3,pilot:6,production:9 --effort-pm 6,20,40"),
            ))
        }
    }
}

pub(crate) fn recommend(catalog: &Catalog, args: &RecommendArgs, width: Width) -> anyhow::Result<Outcome> {
    let scenario = recommend_scenario(args)?;
    let estimate = teamcost::assess_scenario(catalog, scenario.clone(), None)?;
    let layers = &estimate.rate_layers;
    let seats: Vec<Seat> = estimate.seats.iter().map(|s| s.seat.clone()).collect();
    if let Some(path) = &args.write {
        if is_stdout(path) && args.compare_engagements {
            return Err(Diagnostics::from(
                Diagnostic::new(
                    "--write -",
                    "the scenario file and --compare-engagements would share stdout",
                )
                .expected("--write FILE with --compare-engagements, or --write - alone")
                .help("write --write plan.ron to keep both"),
            )
            .into());
        }
        let text = save_recommendation(path, args.force, &scenario, &estimate, &seats, catalog)?;
        if is_stdout(path) {
            return Ok(ok(text));
        }
    }
    let format = Format::from(args.format);
    if !args.compare_engagements {
        return Ok(ok(teamcost::report::estimates(
            std::slice::from_ref(&estimate),
            format,
            width,
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
        let variant = Scenario::new(Spec {
            name: format!("{} ({label})", scenario.name),
            engagement: choice,
            team: Team::Seats(seats),
            ..scenario.spec()
        })
        .map_err(Diagnostics)?;
        variants.push(teamcost::assess_in(variant, layers.clone(), None)?);
    }
    let breakeven = estimate
        .breakeven()
        .clone()
        .map_err(|d| d.first().map(|d| d.message.clone()).unwrap_or_default());
    Ok(ok(teamcost::report::engagements(
        &variants, &breakeven, format, width,
    )))
}

/// `--write`: the team as a scenario file, checked to reproduce the
/// estimate to the cent before it is written; never over a file unless
/// `--force`. Returns the file's text; `--write -` writes nothing (the
/// caller prints it).
pub(crate) fn save_recommendation(
    path: &Path,
    force: bool,
    scenario: &Scenario,
    estimate: &Assessment,
    seats: &[Seat],
    catalog: &Catalog,
) -> anyhow::Result<String> {
    if path.exists() && !force && !is_stdout(path) {
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
    let written = Scenario::read(teamcost::Source::new(&name, &text)).map_err(Diagnostics)?;
    let again = teamcost::assess_scenario(catalog, written, None)?;
    anyhow::ensure!(
        teamcost::money::cents(again.cost.likely) == teamcost::money::cents(estimate.cost.likely),
        "the written scenario does not reproduce the estimate ({} vs {}); not written",
        again.cost.likely,
        estimate.cost.likely
    );
    if !is_stdout(path) {
        write(path, &text)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(text)
}
