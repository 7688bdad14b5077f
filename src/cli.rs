//! Command-line flags (clap) and their translation into library calls. The
//! library never sees clap types.

use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rust_decimal::Decimal;
use teamcost::budget::{Budget, GatePoint};
use teamcost::engine::breakeven::BreakEven;
use teamcost::engine::simulation;
use teamcost::money::Currency;
use teamcost::origin::{Located, Origin};
use teamcost::plot::{ChartData, Kind, PlotError};
use teamcost::report::Format;
use teamcost::report::document::Figure;
use teamcost::scenario::{Months, Seat, Target, Team};
use teamcost::vocabulary::{Engagement, EngagementChoice, Level, Product, Requirement, Stage};
use teamcost::{Catalog, Diagnostic, Diagnostics, Estimate, Layers, Scenario};

#[derive(Parser)]
#[command(
    name = "teamcost",
    version,
    about = "Whom to hire for AI work, where, how, and what it will cost"
)]
pub struct Cli {
    /// A directory of rate plugins to add; repeatable, later ones shadow
    /// earlier ones. ./rates is used when present.
    #[arg(long = "rates", value_name = "DIR", global = true)]
    pub rates: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Estimate scenarios: cost range, team mix, capacity, seats, components, burn.
    Estimate(ReportArgs),
    /// Compare scenarios side by side, one column each.
    Compare(ReportArgs),
    /// Check scenario files and rate plugins (default: scenarios/ and rates/).
    Check {
        /// Files or directories to check.
        paths: Vec<PathBuf>,
    },
    /// Which range input moves the likely cost most: each at its low and high end.
    Sensitivity(OneFileArgs),
    /// From how many months hiring in-house beats an agency, per productive person-month.
    Breakeven(OneFileArgs),
    /// Draw a chart for a budget meeting, as SVG.
    Chart(ChartArgs),
    /// Write one document with the comparison, every chart, the assumptions and the sources.
    Report(DocumentArgs),
    /// Propose a team for a stage, product and effort or budget, and say why.
    Recommend(Box<RecommendArgs>),
    /// Rate tables: list, show, diff, impact, set, import, new.
    #[command(subcommand)]
    Rates(crate::rates_cli::RatesCommand),
}

/// Mirrors of the model's words for clap, in kebab-case on the command line.
macro_rules! value_enum {
    ($name:ident => $model:ty { $($variant:ident),* }) => {
        #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum $name { $($variant),* }
        impl From<$name> for $model {
            fn from(v: $name) -> $model {
                match v { $($name::$variant => <$model>::$variant),* }
            }
        }
    };
}
value_enum!(StageArg => Stage { Idea, Prototype, Pilot, Production, Scale });
value_enum!(ProductArg => Product { Chatbot, Rag, Agent, Recommendation, FraudDetection, ComputerVision, PredictiveAnalytics, Automation, Other });
value_enum!(RequirementArg => Requirement { SensitiveData, RealTime, HighScale, EnterpriseIntegration, Compliance, ContinuousRetraining });
value_enum!(EngagementArg => EngagementChoice { InHouse, Agency, Hybrid });
value_enum!(LevelArg => Level { Junior, Mid, Senior, Lead });

#[derive(clap::Args)]
pub struct RecommendArgs {
    /// A scenario file to recommend for (instead of the flags); flags given too override it.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    #[arg(long, value_enum)]
    pub stage: Option<StageArg>,
    #[arg(long, value_enum)]
    pub product: Option<ProductArg>,
    /// Requirements, comma-separated: sensitive-data, real-time, high-scale, ...
    #[arg(long, value_enum, value_delimiter = ',')]
    pub requires: Vec<RequirementArg>,
    /// Months (more than 0, at most 120).
    #[arg(long, value_name = "MONTHS")]
    pub duration: Option<String>,
    /// Location id from the rate layers, e.g. us, germany, poland.
    #[arg(long)]
    pub location: Option<String>,
    #[arg(long, value_enum)]
    pub engagement: Option<EngagementArg>,
    /// Productive person-months to deliver: the smallest team that does.
    #[arg(long, value_name = "PM", conflicts_with = "budget")]
    pub effort_pm: Option<String>,
    /// Budget in the reporting currency: the largest team it buys.
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Reporting currency, e.g. USD.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Name of the scenario.
    #[arg(long)]
    pub name: Option<String>,
    /// Save the team as a scenario file with explicit seats.
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Replace the --write file if it exists.
    #[arg(long, requires = "write")]
    pub force: bool,
    /// The same team all in-house, all agency and hybrid, side by side, with the break-even.
    #[arg(long)]
    pub compare_engagements: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
}

#[derive(clap::Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// The file to write (report.html, or report.md with --format markdown).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// html: one self-contained file; markdown: a .md with its charts as SVG files beside it.
    #[arg(long, value_enum, default_value_t = DocumentFormat::Html)]
    pub format: DocumentFormat,
    /// The document's title.
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DocumentFormat {
    Html,
    Markdown,
}

#[derive(clap::Args)]
pub struct OneFileArgs {
    /// A scenario file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Report in this currency (e.g. USD), whatever the file says.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
}

#[derive(clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Table)]
    pub format: FormatArg,
    /// Also write every chart that applies, as SVG, into this directory.
    #[arg(long, value_name = "DIR")]
    pub charts: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct ChartArgs {
    /// The kind of chart.
    #[arg(value_enum)]
    pub kind: KindArg,
    #[command(flatten)]
    pub input: InputArgs,
    /// The SVG file to write.
    #[arg(short, long, value_name = "OUT.svg")]
    pub output: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Range,
    Breakdown,
    Burn,
    Mix,
    Tornado,
    Breakeven,
    Distribution,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Range => Kind::Range,
            KindArg::Breakdown => Kind::Breakdown,
            KindArg::Burn => Kind::Burn,
            KindArg::Mix => Kind::Mix,
            KindArg::Tornado => Kind::Tornado,
            KindArg::Breakeven => Kind::Breakeven,
            KindArg::Distribution => Kind::Distribution,
        }
    }
}

/// The scenarios and how to estimate them: shared by the commands that
/// read several.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Scenario files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Report every scenario in this currency (e.g. USD), whatever its files say.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Monte Carlo trials per scenario; 0 turns the simulation off.
    #[arg(long, default_value_t = simulation::DEFAULT_TRIALS, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub trials: u32,
    /// Seed of the simulation: the same files and seed give the same figures.
    #[arg(long, default_value_t = simulation::DEFAULT_SEED)]
    pub seed: u64,
    /// Exit with status 3 when a scenario costs more than this (reporting currency).
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Which figure the budget is held against.
    #[arg(long, value_enum, default_value_t = AtArg::P90, requires = "budget")]
    pub at: AtArg,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum AtArg {
    Low,
    Likely,
    High,
    P50,
    P90,
}

impl From<AtArg> for GatePoint {
    fn from(a: AtArg) -> GatePoint {
        match a {
            AtArg::Low => GatePoint::Low,
            AtArg::Likely => GatePoint::Likely,
            AtArg::High => GatePoint::High,
            AtArg::P50 => GatePoint::P50,
            AtArg::P90 => GatePoint::P90,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Table,
    Json,
    Csv,
    Markdown,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
        }
    }
}

/// What a command produced: text for stdout and the exit status.
pub struct Outcome {
    pub stdout: String,
    pub status: u8,
}

/// Exit status when a scenario is over its `--budget`.
pub const OVER_BUDGET: u8 = 3;

/// The rate directories in force: ./rates when present, then each --rates.
fn rate_dirs(cli_dirs: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    let local = PathBuf::from("rates");
    if local.is_dir() {
        dirs.push(local);
    }
    dirs.extend(cli_dirs.iter().cloned());
    dirs
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let dirs = rate_dirs(&cli.rates);
    match cli.command {
        Command::Estimate(args) => {
            let catalog = Catalog::load(&dirs)?;
            let (estimates, status) = simulated(&catalog, &args.input)?;
            write_charts(&catalog, &estimates, &args)?;
            let stdout = teamcost::report::estimates(&estimates, args.format.into());
            Ok(Outcome { stdout, status })
        }
        Command::Compare(args) => {
            let catalog = Catalog::load(&dirs)?;
            let (estimates, status) = simulated(&catalog, &args.input)?;
            write_charts(&catalog, &estimates, &args)?;
            let stdout = teamcost::report::comparison(&estimates, args.format.into());
            Ok(Outcome { stdout, status })
        }
        Command::Chart(args) => {
            let catalog = Catalog::load(&dirs)?;
            let (estimates, status) = simulated(&catalog, &args.input)?;
            let kind = Kind::from(args.kind);
            let svg = chart(
                &catalog,
                kind,
                &estimates,
                budget(&args.input).map_err(Diagnostics::from)?,
            )?;
            write(&args.output, &svg)?;
            let _ = status; // a budget draws a line here; the gate is estimate's and compare's
            Ok(ok(String::new()))
        }
        Command::Check { paths } => check(&dirs, paths),
        Command::Report(args) => report(&Catalog::load(&dirs)?, &args),
        Command::Recommend(args) => recommend(&Catalog::load(&dirs)?, &args),
        Command::Rates(command) => crate::rates_cli::run(&dirs, command),
        Command::Sensitivity(args) => {
            let (estimate, _) = one(&Catalog::load(&dirs)?, &args)?;
            let (likely, swings) = teamcost::engine::sensitivity::sensitivity(&estimate.model);
            let stdout =
                teamcost::report::sensitivity::render(&estimate, likely, &swings, args.format.into());
            Ok(ok(stdout))
        }
        Command::Breakeven(args) => {
            let (estimate, layers) = one(&Catalog::load(&dirs)?, &args)?;
            let seats: Vec<_> = estimate.seats.iter().map(|s| s.seat.clone()).collect();
            let b = teamcost::engine::breakeven::breakeven(&estimate.scenario, &seats, &layers)
                .map_err(Diagnostics)?;
            Ok(ok(teamcost::report::breakeven::render(
                &estimate,
                &b,
                args.format.into(),
            )))
        }
    }
}

pub fn ok(stdout: String) -> Outcome {
    Outcome { stdout, status: 0 }
}

fn currency(code: &Option<String>) -> Result<Option<Currency>, Diagnostic> {
    let Some(code) = code else { return Ok(None) };
    Currency::parse(code).map(Some).ok_or_else(|| {
        Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
            .expected("three upper-case letters, as in USD, EUR, PLN")
            .help(format!("write --currency {}", code.to_uppercase()))
    })
}

/// Reads a scenario, applies `--currency`, and estimates it.
fn load(
    catalog: &Catalog,
    file: &Path,
    currency: &Option<Currency>,
) -> Result<(Estimate, Layers), Diagnostics> {
    let mut scenario = teamcost::load_scenario(file)?;
    if let Some(c) = currency {
        scenario.currency = Some(Located::new(c.clone(), Origin::new("--currency")));
    }
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let estimate = teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?;
    Ok((estimate, layers))
}

fn one(catalog: &Catalog, args: &OneFileArgs) -> Result<(Estimate, Layers), Diagnostics> {
    load(catalog, &args.file, &currency(&args.currency)?)
}

fn budget(args: &InputArgs) -> Result<Option<Budget>, Diagnostic> {
    let Some(text) = &args.budget else { return Ok(None) };
    let amount = teamcost::source::parse_decimal(text)
        .filter(|a| *a > Decimal::ZERO)
        .ok_or_else(|| {
            Diagnostic::new("--budget", format!("`{text}` is not an amount"))
                .expected("a positive amount in the reporting currency, e.g. 250000 or 250000.50")
                .help("write the amount with digits only, no currency sign or separators")
        })?;
    let at = GatePoint::from(args.at);
    if at.needs_simulation() && args.trials == 0 {
        return Err(Diagnostic::new(
            "--at",
            format!("--at {} needs the simulation, and --trials is 0", at.name()),
        )
        .expected("--trials of 1 or more with --at p50 or p90")
        .help("drop --trials 0, or hold the budget against low, likely or high"));
    }
    Ok(Some(Budget { amount, at }))
}

/// Estimates, simulates and gates the scenarios; the status is 3 when one
/// is over budget.
fn simulated(catalog: &Catalog, args: &InputArgs) -> Result<(Vec<Estimate>, u8), Diagnostics> {
    let budget = budget(args)?;
    let mut estimates = estimates(catalog, args)?;
    if args.trials > 0 {
        let seat_trials: u64 = estimates
            .iter()
            .map(|e| e.seats.len() as u64 * u64::from(args.trials))
            .sum();
        let bar = progress_bar(
            args.quiet,
            seat_trials,
            estimates.len() as u64 * u64::from(args.trials),
        );
        teamcost::simulate_all(&mut estimates, args.trials, args.seed, &|n| bar.inc(n));
        bar.finish_and_clear();
    }
    let mut status = 0;
    if let Some(budget) = budget {
        for e in &mut estimates {
            e.budget = budget.check(e);
            if e.budget.is_some_and(|c| c.over()) {
                status = OVER_BUDGET;
            }
        }
    }
    Ok((estimates, status))
}

/// Draws one chart; a chart that cannot hold the scenarios is bad input.
fn chart(
    catalog: &Catalog,
    kind: Kind,
    estimates: &[Estimate],
    budget: Option<Budget>,
) -> anyhow::Result<String> {
    let breakeven = match (kind, estimates) {
        (Kind::Breakeven, [one]) => Some(breakeven_of(catalog, one)?),
        _ => None,
    };
    let data = ChartData {
        estimates,
        budget: budget.map(|b| b.amount),
        breakeven: breakeven.as_ref(),
    };
    teamcost::plot::draw(kind, &data).map_err(|e| match e {
        PlotError::Draw(_) => anyhow::Error::from(e),
        PlotError::MixedCurrencies(_) => Diagnostics::from(
            Diagnostic::new(format!("chart {}", kind.name()), e.to_string())
                .help("pass --currency USD (or another code) to report every scenario in one currency"),
        )
        .into(),
        _ => Diagnostics::from(Diagnostic::new(format!("chart {}", kind.name()), e.to_string())).into(),
    })
}

fn breakeven_of(catalog: &Catalog, e: &Estimate) -> Result<BreakEven, Diagnostics> {
    let layers = catalog.layers(&e.scenario.rates).map_err(Diagnostics)?;
    let seats: Vec<_> = e.seats.iter().map(|s| s.seat.clone()).collect();
    teamcost::engine::breakeven::breakeven(&e.scenario, &seats, &layers).map_err(Diagnostics)
}

/// Writes a file whole, or reports which and why.
pub fn write(path: &Path, content: &str) -> anyhow::Result<()> {
    teamcost::output::write_atomic(path, content.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// Every chart that applies to these scenarios, as (file name, title,
/// SVG). Kinds of one scenario (tornado, breakeven) are drawn for each,
/// named after its file; a break-even that cannot be priced is skipped with
/// a note on stderr.
fn all_charts(
    catalog: &Catalog,
    estimates: &[Estimate],
    input: &InputArgs,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let budget = budget(input).map_err(Diagnostics::from)?;
    let mut drawn = Vec::new();
    for (kind, title) in [
        (Kind::Range, "Cost range"),
        (Kind::Breakdown, "Cost components"),
        (Kind::Burn, "Cumulative spend"),
        (Kind::Mix, "Team mix"),
        (Kind::Distribution, "Simulated cost"),
    ] {
        if kind == Kind::Distribution && input.trials == 0 {
            continue;
        }
        drawn.push((
            format!("{}.svg", kind.name()),
            title.to_string(),
            chart(catalog, kind, estimates, budget)?,
        ));
    }
    for e in estimates {
        let stem = Path::new(&e.scenario.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("scenario");
        let one = std::slice::from_ref(e);
        let name = &e.scenario.name;
        drawn.push((
            format!("tornado-{stem}.svg"),
            format!("Sensitivity: {name}"),
            chart(catalog, Kind::Tornado, one, budget)?,
        ));
        match chart(catalog, Kind::Breakeven, one, budget) {
            Ok(svg) => drawn.push((
                format!("breakeven-{stem}.svg"),
                format!("In-house or agency: {name}"),
                svg,
            )),
            Err(err) => eprintln!("note: no break-even chart for {stem}: {err:#}"),
        }
    }
    Ok(drawn)
}

/// `--charts DIR`: writes every chart that applies.
fn write_charts(catalog: &Catalog, estimates: &[Estimate], args: &ReportArgs) -> anyhow::Result<()> {
    let Some(dir) = &args.charts else { return Ok(()) };
    let charts = all_charts(catalog, estimates, &args.input)?;
    for (name, _, svg) in charts {
        write(&dir.join(name), &svg)?;
    }
    Ok(())
}

/// `teamcost report`: the document with every chart, table, assumption and
/// source; Markdown gets its charts as files beside it.
fn report(catalog: &Catalog, args: &DocumentArgs) -> anyhow::Result<Outcome> {
    let (estimates, _) = simulated(catalog, &args.input)?;
    let layers: Vec<Layers> = estimates
        .iter()
        .map(|e| catalog.layers(&e.scenario.rates).map_err(Diagnostics))
        .collect::<Result<_, _>>()?;
    let assumptions = teamcost::report::assumptions::gather(&estimates, &layers);
    let charts = all_charts(catalog, &estimates, &args.input)?;
    let stem = args
        .output
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("report")
        .to_string();
    let figures: Vec<Figure> = charts
        .into_iter()
        .map(|(name, title, svg)| Figure {
            title,
            svg,
            file: format!("{stem}-{name}"),
        })
        .collect();
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| "AI team cost: scenarios compared".into());
    let document = match args.format {
        DocumentFormat::Html => teamcost::report::document::html(&title, &estimates, &assumptions, &figures),
        DocumentFormat::Markdown => {
            let dir = args.output.parent().unwrap_or(Path::new(""));
            for f in &figures {
                write(&dir.join(&f.file), &f.svg)?;
            }
            teamcost::report::document::markdown(&title, &estimates, &assumptions, &figures)
        }
    };
    write(&args.output, &document)?;
    Ok(ok(String::new()))
}

/// The scenario to recommend for: the file's, with the flags on top.
fn recommend_scenario(args: &RecommendArgs) -> Result<Scenario, Diagnostics> {
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
            let months = teamcost::source::parse_decimal(duration)
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
                product,
                duration: months,
                location: Located::new(location, flag("--location")),
                engagement,
                requirements: args.requires.iter().map(|r| Requirement::from(*r)).collect(),
                rates: teamcost::scenario::DEFAULT_LAYERS
                    .iter()
                    .map(|l| Located::new(l.to_string(), flag("<default rates>")))
                    .collect(),
                currency: None,
                team: Team::Seats(Vec::new()),
                note: None,
            }
        }
    };
    if let Some(c) = currency(&args.currency)? {
        s.currency = Some(Located::new(c, flag("--currency")));
    }
    if let Some(name) = &args.name {
        s.name = name.clone();
    }
    let amount = |flag_name: &str, text: &str| {
        teamcost::source::parse_decimal(text)
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

fn recommend(catalog: &Catalog, args: &RecommendArgs) -> anyhow::Result<Outcome> {
    let scenario = recommend_scenario(args)?;
    let layers = catalog.layers(&scenario.rates).map_err(Diagnostics)?;
    let estimate = teamcost::estimate(&scenario, &layers).map_err(Diagnostics)?;
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
        variants.push(teamcost::estimate(&variant, &layers).map_err(Diagnostics)?);
    }
    let breakeven = teamcost::engine::breakeven::breakeven(&scenario, &seats, &layers)
        .map_err(|d| d.first().map(|d| d.message.clone()).unwrap_or_default());
    Ok(ok(teamcost::report::engagements(&variants, &breakeven, format)))
}

/// `--write`: the team as a scenario file, checked to reproduce the
/// estimate to the cent before it is written; never over a file unless
/// `--force`.
fn save_recommendation(
    path: &Path,
    force: bool,
    scenario: &Scenario,
    estimate: &Estimate,
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
    let written = Scenario::read(teamcost::source::Source::new(&name, &text)).map_err(Diagnostics)?;
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

/// A progress bar on stderr for runs long enough to wait for (about half a
/// second and more); indicatif hides it when stderr is not a terminal.
fn progress_bar(quiet: bool, seat_trials: u64, trials: u64) -> ProgressBar {
    const WORTH_SHOWING: u64 = 10_000_000;
    if quiet || seat_trials < WORTH_SHOWING {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(trials), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("simulating {bar:40} {pos}/{len} trials ({eta})") {
        bar.set_style(style);
    }
    bar
}

fn estimates(catalog: &Catalog, args: &InputArgs) -> Result<Vec<Estimate>, Diagnostics> {
    let currency = currency(&args.currency)?;
    let mut out = Vec::with_capacity(args.files.len());
    let mut problems = Vec::new();
    for file in &args.files {
        match load(catalog, file, &currency) {
            Ok((e, _)) => out.push(e),
            Err(mut d) => problems.append(&mut d.0),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(Diagnostics(problems))
    }
}

fn check(dirs: &[PathBuf], paths: Vec<PathBuf>) -> anyhow::Result<Outcome> {
    let (catalog, catalog_problems) = Catalog::load_lenient(dirs)?;
    let paths = if paths.is_empty() {
        let defaults: Vec<PathBuf> = ["scenarios", "rates"]
            .iter()
            .map(PathBuf::from)
            .filter(|p| p.is_dir())
            .collect();
        if defaults.is_empty() {
            return Err(Diagnostics::from(
                Diagnostic::new(
                    ".",
                    "nothing to check: there is no scenarios/ or rates/ directory here",
                )
                .help("name the files or directories to check: teamcost check my-scenario.ron"),
            )
            .into());
        }
        defaults
    } else {
        paths
    };
    let files = teamcost::check::expand(&paths).map_err(Diagnostics::from)?;
    let results = teamcost::check::check(&files, &catalog, catalog_problems);
    let mut stdout = String::new();
    let mut problems = Vec::new();
    for r in results {
        match r.outcome {
            Ok(summary) => stdout.push_str(&format!("ok    {}: {summary}\n", r.file)),
            Err(mut d) => {
                stdout.push_str(&format!("FAIL  {}: {} problem(s)\n", r.file, d.len()));
                problems.append(&mut d);
            }
        }
    }
    if !problems.is_empty() {
        return Err(CheckFailed {
            stdout,
            problems: Diagnostics(problems),
        }
        .into());
    }
    Ok(ok(stdout))
}

/// `check` found problems: the summary still goes to stdout.
#[derive(Debug)]
pub struct CheckFailed {
    pub stdout: String,
    pub problems: Diagnostics,
}

impl std::fmt::Display for CheckFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.problems)
    }
}

impl std::error::Error for CheckFailed {}
