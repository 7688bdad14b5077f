//! The flags of every command, as clap parses them, and their mirrors of
//! the model's words.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use teamcost::budget::GatePoint;
use teamcost::plot::Kind;
use teamcost::report::Format;
use teamcost::vocabulary::{EngagementChoice, Level, Product, Requirement, Stage};

use super::*;

#[derive(Parser)]
#[command(
    name = "teamcost",
    version,
    about = "Whom to hire for AI work, where, how, and what it will cost",
    after_help = help::TOP
)]
pub struct Cli {
    /// A directory of rate plugins to add; repeatable, later ones shadow
    /// earlier ones. ./rates is used when present.
    #[arg(long = "rates", value_name = "DIR", global = true)]
    pub rates: Vec<PathBuf>,

    /// The widest a line of a table may be, in characters; 0 for no limit.
    /// Without it: the COLUMNS environment variable, else the terminal's
    /// width, else (piped) no limit.
    #[arg(long, value_name = "N", global = true)]
    pub width: Option<u16>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Estimate scenarios: cost range, team mix, capacity, seats, components, burn.
    #[command(after_help = help::ESTIMATE)]
    Estimate(ReportArgs),
    /// Compare scenarios side by side, one column each.
    #[command(after_help = help::COMPARE)]
    Compare(ReportArgs),
    /// Check scenario files and rate plugins (default: scenarios/ and rates/).
    #[command(after_help = help::CHECK)]
    Check {
        /// Files or directories to check.
        paths: Vec<PathBuf>,
    },
    /// Which range input moves the likely cost most: each at its low and high end.
    #[command(after_help = help::SENSITIVITY)]
    Sensitivity(OneFileArgs),
    /// From how many months hiring in-house beats an agency, per productive person-month.
    #[command(after_help = help::BREAKEVEN)]
    Breakeven(OneFileArgs),
    /// Draw a chart for a budget meeting, as SVG.
    #[command(
        after_help = help::CHART,
        mut_arg("budget", |a| a.help(help::DRAWN_BUDGET)),
        mut_arg("at", |a| a.help(help::DRAWN_AT))
    )]
    Chart(ChartArgs),
    /// Write one document: the comparison, every chart, assumptions and sources.
    #[command(
        after_help = help::REPORT,
        mut_arg("budget", |a| a.help(help::DRAWN_BUDGET)),
        mut_arg("at", |a| a.help(help::DRAWN_AT))
    )]
    Report(DocumentArgs),
    /// Who to hire: per role, what the person will own, what to look for and ask.
    #[command(after_help = help::BRIEF)]
    Brief {
        /// Scenario files; a role shared by several is briefed once.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
    },
    /// Propose a team for a stage, product and effort or budget, and say why.
    ///
    /// Or a plan over --phases: a team per phase, merged into seats with
    /// windows.
    #[command(after_help = help::RECOMMEND)]
    Recommend(Box<RecommendArgs>),
    /// Rate tables: list, show, diff, impact, set, import, audit, new.
    #[command(subcommand, after_help = help::RATES)]
    Rates(rates::RatesCommand),
    /// Print a completion script for a shell to stdout.
    #[command(after_help = help::COMPLETIONS)]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to stdout, or write one page per command.
    #[command(after_help = help::MAN)]
    Man {
        /// Write teamcost.1 and a page per command (teamcost-estimate.1, ...)
        /// into this directory instead, creating it when missing.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// Mirrors of the model's words for clap, in kebab-case on the command line
/// (and in the help), each also accepting its spelling in the files
/// (`in-house` or `InHouse`, `senior` or `Senior`) as a hidden alias.
macro_rules! value_enum {
    ($name:ident => $model:ty { $($variant:ident),* }) => {
        #[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
        pub enum $name { $(#[value(alias = stringify!($variant))] $variant),* }
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
value_enum!(KindArg => Kind { Range, Breakdown, Burn, Mix, Tornado, Breakeven, Distribution, Delivery });
value_enum!(AtArg => GatePoint { Low, Likely, High, P50, P90 });
value_enum!(FormatArg => Format { Table, Json, Csv, Markdown });

#[derive(clap::Args)]
pub struct RecommendArgs {
    /// A scenario file to recommend for (instead of the flags); flags given too override it.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// The stage the team is for: what it must deliver, and so the roles it
    /// needs.
    #[arg(long, value_enum)]
    pub stage: Option<StageArg>,
    /// A plan over phases instead of one stage: STAGE:MONTHS in order, the
    /// months being each phase's length, e.g. `--phases
    /// prototype:3,pilot:6,production:9 --effort-pm 6,20,40` (18 months;
    /// one target per phase, in the same order).
    #[arg(long, value_name = "STAGE:MONTHS,...", conflicts_with_all = ["stage", "duration"])]
    pub phases: Option<String>,
    /// The kind of product, which adds the specialists it needs (e.g. a data
    /// engineer for rag).
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
    /// In-house, agency, or hybrid (senior and lead in-house, the rest
    /// through an agency); without a scenario file, in-house when left out.
    #[arg(long, value_enum)]
    pub engagement: Option<EngagementArg>,
    /// Productive person-months to deliver: the smallest team that does.
    /// With --phases, one per phase, comma-separated: --effort-pm 6,20,40.
    #[arg(long, value_name = "PM[,PM...]", conflicts_with = "budget")]
    pub effort_pm: Option<String>,
    /// Budget in the reporting currency: the largest team it buys. With
    /// --phases, one per phase (for its seats), comma-separated, digits only:
    /// --budget 150000,600000,1200000.
    #[arg(long, value_name = "AMOUNT[,AMOUNT...]")]
    pub budget: Option<String>,
    /// Reporting currency, e.g. USD.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Name of the scenario.
    #[arg(long)]
    pub name: Option<String>,
    /// Save the team as a scenario file with explicit seats; `-` prints that
    /// file to stdout instead of the report.
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
    /// The file to write (report.html, or report.md with --format markdown);
    /// `-` writes the HTML to stdout (markdown needs a file: its charts go
    /// beside it).
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
    #[value(alias = "Html")]
    Html,
    #[value(alias = "Markdown")]
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
    /// The SVG file to write; `-` writes the SVG to stdout.
    #[arg(short, long, value_name = "OUT.svg")]
    pub output: PathBuf,
}

/// The scenarios and how to estimate them: shared by the commands that
/// read several.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Scenario files.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Report every scenario in this currency (e.g. USD), whatever its files
    /// say. Without it, scenarios in different currencies shown together
    /// (compare, charts, report) are converted to the first one's; the
    /// output names the exchange rates.
    #[arg(long, value_name = "CODE")]
    pub currency: Option<String>,
    /// Monte Carlo trials per scenario; 0 turns the simulation off.
    #[arg(long, default_value_t = teamcost::DEFAULT_TRIALS, value_parser = clap::value_parser!(u32).range(0..=10_000_000))]
    pub trials: u32,
    /// Seed of the simulation: the same files and seed give the same figures.
    #[arg(long, default_value_t = teamcost::DEFAULT_SEED)]
    pub seed: u64,
    /// Exit with status 3 when a scenario costs more than this, in the
    /// reporting currency (scenarios in different currencies need --currency).
    #[arg(long, value_name = "AMOUNT")]
    pub budget: Option<String>,
    /// Which figure the budget is held against.
    #[arg(long, value_enum, default_value_t = AtArg::P90, requires = "budget")]
    pub at: AtArg,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}
