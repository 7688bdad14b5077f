//! `chart`, `--charts DIR` and `report`: drawing and writing charts and
//! documents.

use std::path::Path;

use teamcost::budget::Budget;
use teamcost::pipeline::Scale;
use teamcost::plot::{ChartData, Kind, PlotError};
use teamcost::report::document::{Document, Figure, Made};
use teamcost::{Assessment, Catalog, Diagnostic, Diagnostics, Request};

use super::*;

/// Draws one chart; a chart that cannot hold the scenarios is bad input.
pub(crate) fn chart(kind: Kind, estimates: &[Assessment], budget: Option<Budget>) -> anyhow::Result<String> {
    if let (Kind::Breakeven, [one]) = (kind, estimates)
        && let Err(problems) = one.breakeven()
    {
        return Err(Diagnostics(problems.clone()).into());
    }
    let data = ChartData {
        estimates,
        budget: budget.map(|b| b.amount),
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

/// Every chart that applies to these scenarios, as (file name, title,
/// SVG). Kinds of one scenario (tornado, breakeven) are drawn for each,
/// named after its file; a break-even that cannot be priced is skipped with
/// a note on stderr.
pub(crate) fn all_charts(
    estimates: &[Assessment],
    request: &Request,
) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut drawn = Vec::new();
    for planned in teamcost::plot::planned(estimates, request.simulation.is_some()) {
        match chart(planned.kind, &estimates[planned.of.clone()], request.budget) {
            Ok(svg) => drawn.push((planned.file, planned.title, svg)),
            Err(err) if planned.optional => {
                let stem = teamcost::plot::stem(&estimates[planned.of.start].scenario.file);
                let what = match planned.kind {
                    Kind::Breakeven => "break-even",
                    other => other.name(),
                };
                eprintln!("note: no {what} chart for {stem}: {err:#}");
            }
            Err(err) => return Err(err),
        }
    }
    Ok(drawn)
}

/// `--charts DIR`: writes every chart that applies.
pub(crate) fn write_charts(
    estimates: &[Assessment],
    args: &ReportArgs,
    request: &Request,
) -> anyhow::Result<()> {
    let Some(dir) = &args.charts else { return Ok(()) };
    let charts = all_charts(estimates, request)?;
    write_all(
        charts
            .into_iter()
            .map(|(name, _, svg)| (dir.join(name), svg))
            .collect(),
    )
}

/// `teamcost report`: the document with every chart, table, assumption and
/// source; Markdown gets its charts as files beside it.
pub(crate) fn report(catalog: &Catalog, args: &DocumentArgs) -> anyhow::Result<Outcome> {
    let at = made_at()?;
    if is_stdout(&args.output) && matches!(args.format, DocumentFormat::Markdown) {
        // a Markdown document without its charts would point at files that
        // are not there: refuse rather than write half a report
        return Err(Diagnostics::from(
            Diagnostic::new("-o -", "a Markdown report cannot go to stdout")
                .expected("a file for the document: its charts are written beside it as SVG files")
                .help("write -o report.md, or --format html -o - for one self-contained file on stdout"),
        )
        .into());
    }
    let request = options::request(&args.input, Scale::Shared)?;
    // a budget draws a line; the gate (status 3) is estimate's and compare's
    let estimates = progress::assessed(catalog, &request, args.input.quiet)?.assessments;
    let assumptions = teamcost::report::assumptions::gather(&estimates);
    let briefs = teamcost::brief::gather(&estimates);
    let charts = all_charts(&estimates, &request)?;
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
    let doc = Document {
        title: &title,
        made: Made {
            at,
            trials: args.input.trials,
            seed: args.input.seed,
        },
        estimates: &estimates,
        assumptions: &assumptions,
        briefs: &briefs,
        figures: &figures,
    };
    let document = match args.format {
        DocumentFormat::Html => teamcost::report::document::html(&doc),
        DocumentFormat::Markdown => {
            // the charts and the document all or none, the document last
            let dir = args.output.parent().unwrap_or(Path::new(""));
            let document = teamcost::report::document::markdown(&doc);
            let mut files: Vec<(std::path::PathBuf, String)> =
                figures.into_iter().map(|f| (dir.join(f.file), f.svg)).collect();
            files.push((args.output.clone(), document));
            write_all(files)?;
            return Ok(ok(String::new()));
        }
    };
    if is_stdout(&args.output) {
        return Ok(ok(document));
    }
    write(&args.output, &document)?;
    Ok(ok(String::new()))
}

/// When the report is made: `SOURCE_DATE_EPOCH` (seconds since 1970-01-01
/// UTC) when it is set, for reproducible documents, else now.
fn made_at() -> Result<jiff::Timestamp, Diagnostics> {
    let Some(value) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(jiff::Timestamp::now());
    };
    let text = value.to_string_lossy();
    if text.is_empty() {
        return Ok(jiff::Timestamp::now());
    }
    text.trim()
        .parse::<i64>()
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .ok_or_else(|| {
            Diagnostics::from(
                Diagnostic::new("SOURCE_DATE_EPOCH", format!("`{text}` is not a date"))
                    .expected("a whole number of seconds since 1970-01-01 UTC, such as 1767225600")
                    .help("unset SOURCE_DATE_EPOCH to date the report now"),
            )
        })
}
