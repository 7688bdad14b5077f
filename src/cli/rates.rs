//! `teamcost rates ...`: listing, showing, comparing and editing rate
//! plugins, and the impact of a change on the scenarios.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use rust_decimal::Decimal;
use teamcost::impact::Change as Placement;
use teamcost::input::origin::Origin;
use teamcost::range::Range;
use teamcost::rates::catalog::read_plugin;
use teamcost::rates::edit::{self, Change, Field, Kind, Outcome};
use teamcost::rates::import;
use teamcost::rates::{Catalog, RateKey, RateTable};
use teamcost::report::rates::{Listed, Shown};
use teamcost::report::{Format, Width};
use teamcost::{Diagnostic, Diagnostics};

use super::{FormatArg, LevelArg, help, note_links, ok, output_error, write};

#[derive(Subcommand)]
pub enum RatesCommand {
    /// Every plugin found (embedded, ./rates, --rates) and which shadows which.
    #[command(after_help = help::RATES_LIST)]
    List {
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// The salaries and agency rates of a plugin.
    #[command(after_help = help::RATES_SHOW)]
    Show {
        /// A plugin name or a plugin file.
        name: String,
        /// Only the entries of this role, e.g. ai-engineer.
        #[arg(long)]
        role: Option<String>,
        /// Only the entries of this level.
        #[arg(long, value_enum)]
        level: Option<LevelArg>,
        /// Only the entries of this location id, e.g. us, germany.
        #[arg(long)]
        location: Option<String>,
        /// The data card instead: per location its basis, the sources its
        /// entries name (grade, date) and the weakest figures.
        #[arg(long)]
        sources: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// What changed from plugin A to plugin B: figures (in percent) and entries added.
    ///
    /// Two versions of one plugin (the same name) also show the entries
    /// removed. B with another name is read as an overlay on A: what it
    /// leaves out still holds, so it is not listed (--all lists it as kept),
    /// except from the blocks that win whole (fx, productivity).
    #[command(after_help = help::RATES_DIFF)]
    Diff {
        /// The old one: a plugin name or a plugin file (e.g. an old version
        /// saved from git, or the table an overlay is layered on).
        a: String,
        /// The new one: a plugin name or a plugin file, the newer version or
        /// an overlay.
        b: String,
        /// Also list the entries of A that the overlay B does not override.
        #[arg(long)]
        all: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Each scenario's cost under the old and the new rates, largest change first.
    #[command(
        after_help = help::RATES_IMPACT,
        override_usage = "teamcost rates impact [OPTIONS] --from <PLUGIN> --to <PLUGIN>\n           <SCENARIO>..."
    )]
    Impact {
        /// The old rates: a plugin name or a plugin file.
        #[arg(long, value_name = "PLUGIN")]
        from: String,
        /// The new rates: a plugin name or a plugin file.
        #[arg(long, value_name = "PLUGIN")]
        to: String,
        /// Scenario files to estimate under both.
        #[arg(required = true, value_name = "SCENARIO")]
        scenarios: Vec<PathBuf>,
        /// Simulation trials for the p90 (0: none).
        #[arg(long, default_value_t = teamcost::engine::simulation::DEFAULT_TRIALS)]
        trials: u32,
        /// Seed of the simulation: the same files and seed give the same figures.
        #[arg(long, default_value_t = teamcost::engine::simulation::DEFAULT_SEED)]
        seed: u64,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Update or add one salary or agency rate in place; the rest of the file stays byte for byte.
    ///
    /// A new figure, or one that changes, needs --source (the old entry's
    /// source is not assumed to hold for it). The change is checked against
    /// the layers below first, and the whole file as `check` does before it
    /// is written; on any error the file is left as it was.
    #[command(
        after_help = help::RATES_SET,
        override_usage = "teamcost rates set [OPTIONS] <FILE> --role <ROLE> --level <LEVEL>\n           \
                          --location <LOCATION> (--annual <ANNUAL> | --hourly <HOURLY>)"
    )]
    Set {
        /// The rate plugin to edit (e.g. one `rates new` wrote).
        file: PathBuf,
        /// Role id of the entry, e.g. ai-engineer.
        #[arg(long)]
        role: String,
        /// Level of the entry.
        #[arg(long, value_enum)]
        level: LevelArg,
        /// Location id of the entry, e.g. us, germany.
        #[arg(long)]
        location: String,
        /// Annual salary: one number or LOW,TYPICAL,HIGH.
        #[arg(long, conflicts_with = "hourly", required_unless_present = "hourly")]
        annual: Option<String>,
        /// Hourly agency rate: one number or LOW,TYPICAL,HIGH.
        #[arg(long)]
        hourly: Option<String>,
        /// Source id of the figure: required for a new entry and for a
        /// figure that changes (the old entry's source is not assumed).
        #[arg(long, value_name = "ID")]
        source: Option<String>,
        /// Currency of the amount, when not the location's.
        #[arg(long)]
        currency: Option<String>,
    },
    /// Bulk update from a spreadsheet export: all rows or nothing.
    ///
    /// Each row is one `rates set`: engagement in-house sets an annual
    /// salary, agency an hourly rate; low and high may be empty. A row whose
    /// figure is new or changes needs a source (its column, or --source).
    /// Every bad cell is reported at its row and column of the CSV file, and
    /// nothing is written.
    #[command(after_help = help::RATES_IMPORT)]
    Import {
        /// CSV with header role,level,location,engagement,low,typical,high,currency,source
        csv: PathBuf,
        /// The rate plugin to update in place.
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
        /// Source id for the rows whose source column is empty (needed by
        /// each row whose figure is new or changes).
        #[arg(long, value_name = "ID")]
        source: Option<String>,
    },
    /// The checks to run on a rate table before a meeting.
    ///
    /// Inverted levels, agency months out of line with in-house ones, engineer
    /// premiums out of band, old sources, places where a standard team never
    /// breaks even, and overlay figures far from what they replace. Findings
    /// print with exit status 0 (2 with --strict). An old source whose entry
    /// says why it is still used (`stale`) is listed apart as acknowledged,
    /// not as a finding.
    #[command(after_help = help::RATES_AUDIT)]
    Audit {
        /// A plugin file or name; an overlay is audited over the table below
        /// it. Default: the plugins of each --rates DIR, or with none every
        /// plugin in force.
        file: Option<String>,
        /// Least agency month (hourly x hours_per_month) per loaded in-house
        /// month (S/12 x burden + overhead + S/12 x management), at typical.
        #[arg(long, default_value = "1.0", value_name = "RATIO")]
        min_agency_ratio: Decimal,
        /// Most agency month per loaded in-house month.
        #[arg(long, default_value = "3.0", value_name = "RATIO")]
        max_agency_ratio: Decimal,
        /// Least pay of an engineering role per ai-developer of the same
        /// level and location.
        #[arg(long, default_value = "1.0", value_name = "RATIO")]
        min_premium: Decimal,
        /// Most pay of an engineering role per ai-developer.
        #[arg(long, default_value = "1.5", value_name = "RATIO")]
        max_premium: Decimal,
        /// Most months a source may be published before the table's
        /// `effective` date.
        #[arg(long, default_value_t = 24, value_name = "MONTHS")]
        max_source_age_months: u32,
        /// Most an overlay figure may be over the figure it replaces (and at
        /// least its reciprocal under it).
        #[arg(long, default_value = "2", value_name = "RATIO")]
        max_overlay_ratio: Decimal,
        /// Exit with status 2 when there is any finding (acknowledged ones
        /// aside).
        #[arg(long)]
        strict: bool,
        /// Count acknowledged old sources (those with a `stale` reason) as
        /// findings again, for a reviewer who wants to see every one.
        #[arg(long)]
        no_acknowledged: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = FormatArg::Table)]
        format: FormatArg,
    },
    /// Scaffold an overlay plugin with every section explained.
    ///
    /// Its lists are empty but for commented examples; `rates set` and
    /// `rates import` fill them in.
    #[command(after_help = help::RATES_NEW)]
    New {
        /// The new plugin's name.
        name: String,
        /// The plugin it is layered on.
        #[arg(long, value_name = "BASE")]
        from: Option<String>,
        /// Where to write it (default rates/NAME.ron); `-` writes it to stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
}

/// A plugin by file path or by name in the catalog.
fn plugin(catalog: &Catalog, what: &str) -> Result<RateTable, Diagnostics> {
    let path = Path::new(what);
    if path.is_file() {
        return read_plugin(path).map_err(Diagnostics);
    }
    catalog.get(what).map(|t| (**t).clone()).ok_or_else(|| {
        Diagnostics::from(
            Diagnostic::new(what, "no such plugin or file")
                .expected(format!(
                    "a plugin name ({}) or a plugin file",
                    catalog.names().join(", ")
                ))
                .maybe_help(teamcost::input::suggest::did_you_mean(what, catalog.names())),
        )
    })
}

/// "185000" or "150000,185000,240000".
fn amount(flag: &str, text: &str) -> Result<Range, Diagnostic> {
    let parts: Vec<_> = text
        .split(',')
        .map(|p| teamcost::input::source::parse_decimal(p.trim()))
        .collect();
    let bad = || {
        Diagnostic::new(flag, format!("`{text}` is not an amount"))
            .expected("one positive number, or LOW,TYPICAL,HIGH in order")
            .help(format!("write {flag} 185000 or {flag} 150000,185000,240000"))
    };
    let positive = |v: Option<rust_decimal::Decimal>| v.filter(|v| *v > rust_decimal::Decimal::ZERO);
    match parts.as_slice() {
        [one] => positive(*one).map(Range::single).ok_or_else(bad),
        [l, t, h] => Range::new(
            positive(*l).ok_or_else(bad)?,
            positive(*t).ok_or_else(bad)?,
            positive(*h).ok_or_else(bad)?,
        )
        .ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// Where the changes of one command were given, for its messages.
struct Given<'a> {
    /// Where field of change i was given: a flag, a CSV cell.
    at: &'a dyn Fn(usize, Field) -> Origin,
    /// A problem with field of change i, worded for the user.
    word: &'a dyn Fn(usize, Field, Diagnostic) -> Diagnostic,
    /// How to give a source ("pass --source ID").
    how: &'a str,
    /// The source of changes that name none, when their figure changes.
    default_source: Option<&'a str>,
    /// Problems found before (bad CSV rows), reported with the review's.
    earlier: Vec<Diagnostic>,
}

/// Applies changes to a plugin file: reviews them first against the file
/// as it is (which must pass `check`), each problem reported where the
/// change was given; then checks the whole result as `check` does and
/// writes it atomically. On any error the file is unchanged. The file is
/// locked from the read to the rename, so concurrent edits serialise.
fn edit_file(
    catalog: &Catalog,
    file: &Path,
    changes: &[Change],
    given: &Given,
) -> anyhow::Result<Vec<(Change, Outcome)>> {
    let name = file.display().to_string();
    let locked = teamcost::output::Edit::open(file).map_err(output_error)?;
    let original = locked.read_to_string().map_err(|e| {
        Diagnostics::from(Diagnostic::new(
            name.clone(),
            format!("cannot read rate plugin: {e}"),
        ))
    })?;
    let table =
        RateTable::read(teamcost::input::source::Source::new(&name, &original)).map_err(Diagnostics)?;
    let layers = teamcost::rates::layers::check_plugin(table, catalog).map_err(Diagnostics)?;
    let mut changes = changes.to_vec();
    if let (Some(id), Some(top)) = (given.default_source, layers.tables().last()) {
        for change in changes.iter_mut().filter(|c| c.source.is_none()) {
            if !edit::unchanged(change, top) {
                change.source = Some(id.to_string());
            }
        }
    }
    let mut problems = given.earlier.clone();
    problems.extend(
        edit::review(&changes, &layers, given.at, given.how)
            .into_iter()
            .map(|(i, field, d)| (given.word)(i, field, d)),
    );
    // in the order of the lines they point at; a problem with --source
    // shared by many rows, once
    problems.sort_by_key(|d| d.span.as_ref().map(|s| s.start));
    let mut once: Vec<Diagnostic> = Vec::new();
    for d in problems {
        if !once.contains(&d) {
            once.push(d);
        }
    }
    let problems = once;
    if !problems.is_empty() {
        return Err(Diagnostics(problems).into());
    }
    let mut text = original.clone();
    let mut outcomes = Vec::new();
    for change in changes {
        let (edited, outcome) = edit::apply_change(&name, &text, &change).map_err(Diagnostics::from)?;
        text = edited;
        outcomes.push((change, outcome));
    }
    edit::validate(&name, &text, catalog).map_err(Diagnostics)?;
    if text != original {
        let written = locked.replace(text.as_bytes()).map_err(output_error)?;
        note_links(file, written);
    }
    Ok(outcomes)
}

fn summary(outcomes: &[(Change, Outcome)]) -> String {
    let mut out = String::new();
    let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
    for (c, o) in outcomes {
        let new = edit::range_text(&c.amount);
        match o {
            Outcome::Added => out.push_str(&format!("added    {} {}: {new}\n", c.kind.name(), c.key)),
            Outcome::Changed { old } => {
                out.push_str(&format!("changed  {} {}: {old} -> {new}\n", c.kind.name(), c.key))
            }
            Outcome::Unchanged => out.push_str(&format!("same     {} {}: {new}\n", c.kind.name(), c.key)),
        }
    }
    out.push_str(&format!(
        "{} added, {} changed, {} unchanged\n",
        count(|o| matches!(o, Outcome::Added)),
        count(|o| matches!(o, Outcome::Changed { .. })),
        count(|o| matches!(o, Outcome::Unchanged))
    ));
    out
}

/// The plugins `rates audit` audits: FILE, else those loaded from the
/// `--rates` directories, else every plugin in force.
fn audited(
    catalog: &Catalog,
    file: Option<&str>,
    cli_dirs: &[PathBuf],
) -> Result<Vec<RateTable>, Diagnostics> {
    if let Some(file) = file {
        return Ok(vec![plugin(catalog, file)?]);
    }
    let from_dirs = |t: &RateTable| {
        Path::new(&t.file)
            .parent()
            .is_some_and(|p| cli_dirs.iter().any(|d| d == p))
    };
    Ok(catalog
        .all()
        .filter_map(|(_, tables)| tables.first())
        .filter(|t| cli_dirs.is_empty() || from_dirs(t))
        .map(|t| (**t).clone())
        .collect())
}

pub fn run(
    dirs: &[PathBuf],
    cli_dirs: &[PathBuf],
    command: RatesCommand,
    width: Width,
) -> anyhow::Result<super::Outcome> {
    let catalog = Catalog::load(dirs)?;
    match command {
        RatesCommand::List { format } => {
            let mut listed = Vec::new();
            for (name, tables) in catalog.all() {
                for (i, t) in tables.iter().enumerate() {
                    let status = if i == 0 {
                        "in force".to_string()
                    } else {
                        format!("shadowed by {}", tables[0].file)
                    };
                    listed.push(Listed {
                        name: name.to_string(),
                        file: t.file.clone(),
                        effective: t.effective.clone().unwrap_or_default(),
                        counts: [
                            t.roles.len(),
                            t.locations.len(),
                            t.salaries.len(),
                            t.agency_rates.len(),
                        ],
                        status,
                    });
                }
            }
            Ok(ok(teamcost::report::rates::list(
                &listed,
                Format::from(format),
                width,
            )))
        }
        RatesCommand::Show {
            name,
            role,
            level,
            location,
            sources,
            format,
        } => {
            let table = plugin(&catalog, &name)?;
            let level = level.map(teamcost::vocabulary::Level::from);
            let wanted = |k: &RateKey| {
                role.as_ref().is_none_or(|r| &k.role == r)
                    && level.is_none_or(|l| k.level == l)
                    && location.as_ref().is_none_or(|x| &k.location == x)
            };
            let layers = teamcost::rates::layers::over_default(table.clone(), &catalog).ok();
            if sources {
                return Ok(ok(data_card(
                    &table,
                    layers.as_ref(),
                    &wanted,
                    Format::from(format),
                    width,
                )));
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
                Format::from(format),
                width,
            )))
        }
        RatesCommand::Diff { a, b, all, format } => {
            let (x, y) = (plugin(&catalog, &a)?, plugin(&catalog, &b)?);
            let reading = teamcost::rates::diff::Reading::of(&x, &y);
            let differences = teamcost::rates::diff::diff(&x, &y, reading);
            let report = teamcost::report::rates::DiffReport {
                from: &a,
                to: &b,
                reading,
                differences: &differences,
                all,
            };
            Ok(ok(teamcost::report::rates::diff(
                &report,
                Format::from(format),
                width,
            )))
        }
        RatesCommand::Impact {
            from,
            to,
            scenarios,
            trials,
            seed,
            format,
        } => {
            let (old, new) = (plugin(&catalog, &from)?, plugin(&catalog, &to)?);
            // read as `rates diff` reads them: another name is an overlay
            let (from_name, to_name) = (old.name.value.clone(), new.name.value.clone());
            let change = match teamcost::rates::diff::Reading::of(&old, &new) {
                teamcost::rates::diff::Reading::Versions => Placement::Replace {
                    from: &from_name,
                    to: &to_name,
                },
                teamcost::rates::diff::Reading::Overlay => Placement::Overlay {
                    on: &from_name,
                    top: &to_name,
                },
            };
            let (mut before, mut after) = (catalog.clone(), catalog.clone());
            before.add(old);
            after.add(new);
            let scenarios: Vec<_> = scenarios
                .iter()
                .map(|f| teamcost::load_scenario(f))
                .collect::<Result<_, _>>()?;
            let rows = teamcost::impact::impact(&before, &after, change, &scenarios, trials, seed)?;
            Ok(ok(teamcost::report::rates::impact(
                &from,
                &to,
                &rows,
                Format::from(format),
                width,
            )))
        }
        RatesCommand::Set {
            file,
            role,
            level,
            location,
            annual,
            hourly,
            source,
            currency,
        } => {
            let (kind, text, flag) = match (&annual, &hourly) {
                (Some(a), _) => (Kind::Salary, a, "--annual"),
                (None, Some(h)) => (Kind::AgencyRate, h, "--hourly"),
                (None, None) => anyhow::bail!("give --annual or --hourly"),
            };
            let change = Change {
                kind,
                key: RateKey {
                    role,
                    level: level.into(),
                    location,
                },
                amount: amount(flag, text).map_err(Diagnostics::from)?,
                source,
                currency,
            };
            let flag = |field: Field| match field {
                Field::Role => "--role",
                Field::Location => "--location",
                Field::Amount => flag,
                Field::Currency => "--currency",
                Field::Source => "--source",
            };
            let given = Given {
                at: &|_, field| Origin::new(flag(field)),
                word: &|_, _, d| d,
                how: "pass --source ID",
                default_source: None,
                earlier: Vec::new(),
            };
            let outcomes = edit_file(&catalog, &file, &[change], &given)?;
            Ok(ok(summary(&outcomes)))
        }
        RatesCommand::Import { csv, into, source } => {
            let name = csv.display().to_string();
            let text = std::fs::read_to_string(&csv)
                .map_err(|e| Diagnostics::from(Diagnostic::new(name.clone(), format!("cannot read: {e}"))))?;
            let (rows, earlier) = import::read(&name, &text);
            let changes: Vec<Change> = rows.iter().map(|r| r.change.clone()).collect();
            let given = Given {
                // a source --source gave is that flag's, not the empty cell's
                at: &|i, field| match field {
                    Field::Source if source.is_some() && rows[i].change.source.is_none() => {
                        Origin::new("--source")
                    }
                    _ => rows[i].at(field),
                },
                word: &|_, field, mut d| {
                    // a problem at a cell (not at --source) names its column
                    if d.span.is_some() {
                        d.message = format!("{}{}", import::column_prefix(import::column(field)), d.message);
                    }
                    d
                },
                how: "fill in the source column, or pass --source ID for the rows that have none",
                default_source: source.as_deref(),
                earlier,
            };
            let outcomes = edit_file(&catalog, &into, &changes, &given)?;
            Ok(ok(summary(&outcomes)))
        }
        RatesCommand::Audit {
            file,
            min_agency_ratio,
            max_agency_ratio,
            min_premium,
            max_premium,
            max_source_age_months,
            max_overlay_ratio,
            strict,
            no_acknowledged,
            format,
        } => {
            let limits = teamcost::audit::Thresholds {
                min_agency_ratio,
                max_agency_ratio,
                min_premium,
                max_premium,
                max_source_age_months,
                max_overlay_ratio,
            };
            let tables = audited(&catalog, file.as_deref(), cli_dirs)?;
            let mut findings = Vec::new();
            let mut acknowledged = Vec::new();
            let mut names = Vec::new();
            for table in tables {
                names.push(format!("{} ({})", table.name.value, table.file));
                let layers = teamcost::rates::layers::over_default(table, &catalog).map_err(Diagnostics)?;
                let mut audit = teamcost::audit::audit(&layers, &limits);
                if no_acknowledged {
                    audit = audit.everything();
                }
                for note in &audit.notes {
                    eprintln!("note: {note}");
                }
                findings.extend(audit.findings);
                acknowledged.extend(audit.acknowledged);
            }
            let stdout = teamcost::report::audit::render(
                &names.join(", "),
                &findings,
                &acknowledged,
                Format::from(format),
                width,
            );
            let status = if strict && !findings.is_empty() { 2 } else { 0 };
            Ok(super::Outcome { stdout, status })
        }
        RatesCommand::New {
            name,
            from,
            output,
            force,
        } => {
            let base = from.as_deref().map(|b| plugin(&catalog, b)).transpose()?;
            let path = output.unwrap_or_else(|| PathBuf::from("rates").join(format!("{name}.ron")));
            if path.exists() && !force && !super::is_stdout(&path) {
                return Err(Diagnostics::from(
                    Diagnostic::new(
                        path.display().to_string(),
                        "the file exists; teamcost does not overwrite it",
                    )
                    .help("pass --force to replace it, or choose another name or --output"),
                )
                .into());
            }
            let text = teamcost::rates::scaffold::overlay(&name, base.as_ref());
            edit::validate(&path.display().to_string(), &text, &catalog).map_err(Diagnostics)?;
            if super::is_stdout(&path) {
                return Ok(ok(text));
            }
            write(&path, &text)?;
            Ok(ok(format!("wrote {}\n", path.display())))
        }
    }
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
    use std::collections::BTreeMap;
    use teamcost::report::rates::{Card, CardSource};

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
