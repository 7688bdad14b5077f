//! Reports of the `rates` commands: plugins found, entries shown, a diff and
//! the impact of a change, in the usual formats.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::Format;
use super::Width;
use super::grid::{Style, fitted, titled};
use crate::impact::ImpactRow;
use crate::money::group_digits;
use crate::money::{grouped, two_places};
use crate::range::Range;
use crate::rates::diff::{self, Difference, EntryChange, Reading};
use crate::rates::edit::range_text;

/// A titled grid in every format; JSON is given whole.
fn render(
    title: &str,
    header: &[&str],
    rows: Vec<Vec<String>>,
    json: Value,
    format: Format,
    width: Width,
) -> String {
    match format {
        Format::Json => super::json::pretty(&json),
        Format::Csv => super::csv::grid(header, &rows),
        Format::Table | Format::Markdown => titled(
            Style::of(format, width),
            title,
            header.iter().map(|h| h.to_string()).collect(),
            rows,
            99,
        ),
    }
}

/// One plugin found, for `rates list`.
pub struct Listed {
    pub name: String,
    pub file: String,
    pub effective: String,
    pub counts: [usize; 4],
    /// "in force", or "shadowed by FILE".
    pub status: String,
}

pub fn list(plugins: &[Listed], format: Format, width: Width) -> String {
    let rows = plugins
        .iter()
        .map(|p| {
            let [r, l, s, a] = p.counts;
            vec![
                p.name.clone(),
                p.file.clone(),
                p.effective.clone(),
                r.to_string(),
                l.to_string(),
                s.to_string(),
                a.to_string(),
                p.status.clone(),
            ]
        })
        .collect();
    let json = Value::Array(
        plugins
            .iter()
            .map(|p| {
                json!({ "name": p.name, "file": p.file, "effective": p.effective, "roles": p.counts[0],
                        "locations": p.counts[1], "salaries": p.counts[2], "agency_rates": p.counts[3], "status": p.status })
            })
            .collect(),
    );
    let header = [
        "name",
        "file",
        "effective",
        "roles",
        "locations",
        "salaries",
        "agency rates",
        "status",
    ];
    let title = "Rate plugins found (a later one shadows an earlier one of the same name)";
    if format == Format::Table {
        let header = header.iter().map(|h| h.to_string()).collect();
        if let Some(grid) = fitted(Style::Terminal(width), header, rows, 99) {
            return format!("{}{grid}", width.fill(title, "", ""));
        }
        // the plugin, its file and its status in one cell that wraps
        let rows = plugins
            .iter()
            .map(|p| {
                let [r, l, s, a] = p.counts;
                let status = match p.status.strip_prefix("shadowed by ") {
                    Some(path) => format!("shadowed by\n{}", breakable(path)),
                    None => p.status.clone(),
                };
                let cell = format!("{}\n{}\n{status}", p.name, breakable(&p.file));
                vec![
                    cell,
                    p.effective.clone(),
                    r.to_string(),
                    l.to_string(),
                    s.to_string(),
                    a.to_string(),
                ]
            })
            .collect();
        let header = [
            "plugin",
            "effective",
            "roles",
            "locations",
            "salaries",
            "agency\nrates",
        ]
        .map(String::from)
        .to_vec();
        if let Some(grid) = fitted(Style::Terminal(width), header, rows, 2) {
            return format!("{}{grid}", width.fill(title, "", ""));
        }
        // narrower still: a sentence per plugin
        let mut out = width.fill(title, "", "");
        for p in plugins {
            let [r, l, s, a] = p.counts;
            let text = format!(
                "{} ({}, {}): effective {}; {r} roles, {l} locations, {s} salaries, {a} agency rates",
                p.name, p.file, p.status, p.effective
            );
            out.push_str(&width.fill(&text, "- ", "  "));
        }
        return out;
    }
    render(title, &header, rows, json, format, width)
}

/// A long path with a line break before its file name, so that a narrow
/// cell breaks it there rather than inside a name.
fn breakable(path: &str) -> String {
    match path.rsplit_once('/') {
        Some((dir, name)) if path.chars().count() > 16 => format!("{dir}/\n{name}"),
        _ => path.to_string(),
    }
}

/// One salary or agency rate, for `rates show`.
pub struct Shown {
    pub kind: &'static str,
    pub role: String,
    pub level: String,
    pub location: String,
    pub amount: crate::range::Range,
    pub currency: String,
    pub source: String,
    pub published: String,
}

pub fn show(name: &str, entries: &[Shown], format: Format, width: Width) -> String {
    let rows = entries
        .iter()
        .map(|e| {
            vec![
                e.kind.to_string(),
                e.role.clone(),
                e.level.clone(),
                e.location.clone(),
                grouped(e.amount.low()),
                grouped(e.amount.typical()),
                grouped(e.amount.high()),
                e.currency.clone(),
                format!("{} ({})", e.source, e.published),
            ]
        })
        .collect();
    let json = json!({
        "plugin": name,
        "entries": entries.iter().map(|e| json!({
            "kind": e.kind, "role": e.role, "level": e.level, "location": e.location,
            "low": two_places(e.amount.low()), "typical": two_places(e.amount.typical()), "high": two_places(e.amount.high()),
            "currency": e.currency, "source": e.source, "published": e.published,
        })).collect::<Vec<_>>(),
    });
    let header = [
        "kind", "role", "level", "location", "low", "typical", "high", "currency", "source",
    ];
    let title = format!("Rates in {name}");
    if format == Format::Table {
        let header = header.iter().map(|h| h.to_string()).collect();
        if let Some(grid) = fitted(Style::Terminal(width), header, rows, 99) {
            return format!("{}{grid}", width.fill(&title, "", ""));
        }
        // who, in what currency and from which source in one cell that
        // wraps, beside the three figures
        let rows = entries
            .iter()
            .map(|e| {
                vec![
                    format!(
                        "{} {}, {}\n{} in {}\n{} ({})",
                        e.role, e.level, e.location, e.kind, e.currency, e.source, e.published
                    ),
                    grouped(e.amount.low()),
                    grouped(e.amount.typical()),
                    grouped(e.amount.high()),
                ]
            })
            .collect();
        let header = ["entry", "low", "typical", "high"].map(String::from).to_vec();
        return titled(Style::Terminal(width), &title, header, rows, 1);
    }
    render(&title, &header, rows, json, format, width)
}

fn change_cells(d: &Difference) -> (&'static str, String, String) {
    match &d.change {
        EntryChange::Added(v) => ("added", String::new(), v.text()),
        EntryChange::Removed(v) => ("removed", v.text(), String::new()),
        EntryChange::Kept(v) => ("kept", v.text(), String::new()),
        EntryChange::Figure { old, new } => ("changed", range_text(old), range_text(new)),
        EntryChange::Text { old, new } => ("changed", old.clone(), new.clone()),
    }
}

fn opt(d: Option<Decimal>, f: fn(Decimal) -> String) -> String {
    d.map(f).unwrap_or_default()
}

/// A number as people read it: `185,000`, `1.3`, `2,608,700.5`.
fn number(d: Decimal) -> String {
    let text = d.normalize().to_string();
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |t| ("-", t));
    match digits.split_once('.') {
        Some((whole, fraction)) => format!("{sign}{}.{fraction}", group_digits(whole)),
        None => format!("{sign}{}", group_digits(digits)),
    }
}

/// A figure in a narrow cell: `185,000`, or `150,000 / 185,000 / 240,000`.
fn figure(r: &Range) -> String {
    if r.is_fixed() {
        number(r.typical())
    } else {
        format!(
            "{} / {} / {}",
            number(r.low()),
            number(r.typical()),
            number(r.high())
        )
    }
}

/// A text in a narrow cell: at most 40 characters.
fn short(text: &str) -> String {
    if text.chars().count() <= 40 {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(39).collect::<String>())
    }
}

fn cell(v: &diff::Value) -> String {
    match v {
        diff::Value::Figure(r) => figure(r),
        diff::Value::Text(t) => short(t),
    }
}

/// What `rates diff` shows: the differences from one table to another.
pub struct DiffReport<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub reading: Reading,
    pub differences: &'a [Difference],
    /// Also the entries an overlay keeps from below (they do not change).
    pub all: bool,
}

pub fn diff(report: &DiffReport, format: Format, width: Width) -> String {
    let DiffReport {
        from: a,
        to: b,
        reading,
        all,
        ..
    } = *report;
    let kept = report
        .differences
        .iter()
        .filter(|d| matches!(d.change, EntryChange::Kept(_)))
        .count();
    let differences: Vec<&Difference> = report
        .differences
        .iter()
        .filter(|d| all || !matches!(d.change, EntryChange::Kept(_)))
        .collect();
    let reading_word = match reading {
        Reading::Overlay => "overlay",
        Reading::Versions => "versions",
    };
    match format {
        Format::Json => {
            return super::json::pretty(&json!({
                "from": a,
                "to": b,
                "reading": reading_word,
                "kept_left_out": if all { 0 } else { kept },
                "differences": differences.iter().map(|d| {
                    let (what, old, new) = change_cells(d);
                    json!({ "section": d.section, "key": d.key, "change": what, "old": old, "new": new,
                            "absolute": d.absolute().map(|v| v.normalize().to_string()),
                            "percent": d.percent().map(two_places) })
                }).collect::<Vec<_>>(),
            }));
        }
        Format::Csv => {
            let rows = differences
                .iter()
                .map(|d| {
                    let (what, old, new) = change_cells(d);
                    vec![
                        d.section.to_string(),
                        d.key.clone(),
                        what.to_string(),
                        old,
                        new,
                        opt(d.absolute(), |v| v.normalize().to_string()),
                        opt(d.percent(), two_places),
                    ]
                })
                .collect::<Vec<_>>();
            let header = ["section", "key", "change", "old", "new", "absolute", "percent"];
            return super::csv::grid(&header, &rows);
        }
        Format::Table | Format::Markdown => {}
    }
    let mut notes = Vec::new();
    match reading {
        Reading::Overlay if kept > 0 && !all => notes.push(format!(
            "{b} is read as an overlay on {a}: the {kept} entries of {a} it does not override still hold and are left out (--all lists them)."
        )),
        Reading::Overlay if kept > 0 => notes.push(format!(
            "kept: in {a} only; {b}, an overlay on it, does not override it, so it still holds."
        )),
        _ => {}
    }
    if differences.is_empty() {
        let mut out = format!("No differences between {a} and {b}.\n");
        for n in notes {
            out.push_str(&width.fill(&n, "", ""));
        }
        return out;
    }
    let pct = |d: Decimal| {
        let d = d.round_dp(1).normalize();
        if d > Decimal::ZERO {
            format!("+{d}%")
        } else {
            format!("{d}%")
        }
    };
    let rows = differences
        .iter()
        .map(|d| {
            let (before, after, change) = match &d.change {
                EntryChange::Added(v) => (String::new(), cell(v), "added".to_string()),
                EntryChange::Removed(v) => (cell(v), String::new(), "removed".to_string()),
                EntryChange::Kept(v) => (cell(v), String::new(), "kept".to_string()),
                EntryChange::Figure { old, new } => (
                    figure(old),
                    figure(new),
                    d.percent().map_or_else(|| "changed".into(), pct),
                ),
                EntryChange::Text { old, new } => (short(old), short(new), "changed".to_string()),
            };
            vec![format!("{} {}", d.section, d.key), before, after, change]
        })
        .collect();
    let title = match reading {
        Reading::Overlay => format!("What {b} changes over {a}"),
        Reading::Versions => format!("Changes from {a} to {b}"),
    };
    let mut out = titled(
        Style::of(format, width),
        &title,
        ["key", "before", "after", "change"].map(String::from).to_vec(),
        rows,
        99,
    );
    if differences
        .iter()
        .any(|d| matches!(d.change, EntryChange::Figure { old, new } if !old.is_fixed() || !new.is_fixed()))
    {
        notes.insert(
            0,
            "Figures: low / typical / high; change: of the typical figure.".into(),
        );
    }
    for n in notes {
        out.push_str(&width.fill(&n, "", ""));
    }
    out
}

pub fn impact(from: &str, to: &str, rows: &[ImpactRow], format: Format, width: Width) -> String {
    let money = |d: Decimal| grouped(d);
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut row = vec![
                r.scenario.clone(),
                r.currency.clone(),
                format!(
                    "{} / {} / {}",
                    money(r.old.low),
                    money(r.old.likely),
                    money(r.old.high)
                ),
                format!(
                    "{} / {} / {}",
                    money(r.new.low),
                    money(r.new.likely),
                    money(r.new.high)
                ),
                money(r.change()),
                opt(r.percent(), |p| format!("{}%", p.round_dp(2))),
            ];
            if let Some((a, b)) = r.p90 {
                row.push(format!("{} -> {}", money(a), money(b)));
            }
            row
        })
        .collect();
    let triple = |t: &crate::engine::Triple| json!({ "low": two_places(t.low), "likely": two_places(t.likely), "high": two_places(t.high) });
    let json = json!({
        "from": from,
        "to": to,
        "scenarios": rows.iter().map(|r| {
            let mut v = json!({ "scenario": r.scenario, "file": r.file, "currency": r.currency,
                "old": triple(&r.old), "new": triple(&r.new),
                "change_likely": two_places(r.change()), "percent_likely": r.percent().map(two_places) });
            if let Some((a, b)) = r.p90 {
                v["old"]["p90"] = Value::String(two_places(a));
                v["new"]["p90"] = Value::String(two_places(b));
            }
            v
        }).collect::<Vec<_>>(),
    });
    let mut header = vec![
        "scenario",
        "currency",
        "old low / likely / high",
        "new low / likely / high",
        "change (likely)",
        "change %",
    ];
    if rows.iter().any(|r| r.p90.is_some()) {
        header.push("p90 old -> new");
    }
    if format == Format::Csv {
        let csv_rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    r.scenario.clone(),
                    r.currency.clone(),
                    two_places(r.old.low),
                    two_places(r.old.likely),
                    two_places(r.old.high),
                    two_places(r.new.low),
                    two_places(r.new.likely),
                    two_places(r.new.high),
                    two_places(r.change()),
                    opt(r.percent(), two_places),
                ];
                if let Some((a, b)) = r.p90 {
                    row.extend([two_places(a), two_places(b)]);
                }
                row
            })
            .collect();
        let mut h = vec![
            "scenario",
            "currency",
            "old_low",
            "old_likely",
            "old_high",
            "new_low",
            "new_likely",
            "new_high",
            "change_likely",
            "percent_likely",
        ];
        if rows.iter().any(|r| r.p90.is_some()) {
            h.extend(["old_p90", "new_p90"]);
        }
        return super::csv::grid(&h, &csv_rows);
    }
    let title = format!("Impact of {from} -> {to} on each scenario, largest change first");
    if format == Format::Table {
        let header = header.iter().map(|h| h.to_string()).collect();
        return match fitted(Style::Terminal(width), header, table, 99) {
            Some(grid) => format!("{}{grid}", width.fill(&title, "", "")),
            None => impact_narrow(&title, rows, width),
        };
    }
    render(&title, &header, table, json, format, width)
}

/// The impact when its columns do not fit: a scenario's old and new
/// figures one above the other (low, likely, high, p90), the change beside
/// the likely one.
fn impact_narrow(title: &str, rows: &[ImpactRow], width: Width) -> String {
    let lines = |cells: Vec<String>| cells.join("\n");
    let table = rows
        .iter()
        .map(|r| {
            let mut points = vec!["low", "likely", "high"];
            let mut old = vec![grouped(r.old.low), grouped(r.old.likely), grouped(r.old.high)];
            let mut new = vec![grouped(r.new.low), grouped(r.new.likely), grouped(r.new.high)];
            if let Some((a, b)) = r.p90 {
                points.push("p90");
                old.push(grouped(a));
                new.push(grouped(b));
            }
            vec![
                format!(
                    "{}\nin {}",
                    super::grid::wrap_name(&r.scenario, 12).join("\n"),
                    r.currency
                ),
                points.join("\n"),
                lines(old),
                lines(new),
                format!("\n{}", grouped(r.change())),
                format!("\n{}", opt(r.percent(), |p| format!("{}%", p.round_dp(2)))),
            ]
        })
        .collect();
    let header = ["scenario", "", "old", "new", "change", "change %"]
        .map(String::from)
        .to_vec();
    titled(Style::Terminal(width), title, header, table, 2)
}

/// One source as a location of a data card uses it.
pub struct CardSource {
    pub id: String,
    pub grade: String,
    pub published: String,
    /// Why an old source is still used (its `stale`), when it says.
    pub stale: Option<String>,
    pub salaries: usize,
    pub agency_rates: usize,
    /// The roles whose entries name it.
    pub roles: Vec<String>,
}

impl CardSource {
    /// Grade C, no grade, or the maintainers' own assumption.
    pub fn weak(&self) -> bool {
        self.id == "teamcost-assumption" || !matches!(self.grade.as_str(), "A" | "B")
    }

    fn counts(&self) -> String {
        let mut parts = Vec::new();
        let n =
            |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        if self.salaries > 0 {
            parts.push(n(self.salaries, "salary", "salaries"));
        }
        if self.agency_rates > 0 {
            parts.push(n(self.agency_rates, "agency rate", "agency rates"));
        }
        parts.join(", ")
    }
}

/// What a reader should know about one location's figures: its basis (the
/// location's note) and the sources its entries name, weakest listed apart.
pub struct Card {
    pub location: String,
    pub name: String,
    pub currency: String,
    pub basis: String,
    pub sources: Vec<CardSource>,
}

/// `rates show --sources`: the data card of a plugin, per location.
pub fn card(name: &str, effective: Option<&str>, cards: &[Card], format: Format, width: Width) -> String {
    let grade = |g: &str| {
        if g.is_empty() {
            "-".to_string()
        } else {
            g.to_string()
        }
    };
    match format {
        Format::Json => super::json::pretty(&json!({
            "plugin": name,
            "effective": effective,
            "locations": cards.iter().map(|c| json!({
                "location": c.location, "name": c.name, "currency": c.currency, "basis": c.basis,
                "sources": c.sources.iter().map(|s| json!({
                    "id": s.id, "grade": s.grade, "published": s.published, "stale": s.stale,
                    "salaries": s.salaries, "agency_rates": s.agency_rates, "roles": s.roles, "weak": s.weak(),
                })).collect::<Vec<_>>(),
                "weakest": c.sources.iter().filter(|s| s.weak()).map(|s| s.id.clone()).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })),
        Format::Csv => {
            let header = [
                "location",
                "source",
                "grade",
                "published",
                "stale",
                "salaries",
                "agency_rates",
                "weak",
                "basis",
            ];
            let rows: Vec<Vec<String>> = cards
                .iter()
                .flat_map(|c| {
                    c.sources.iter().map(move |s| {
                        vec![
                            c.location.clone(),
                            s.id.clone(),
                            s.grade.clone(),
                            s.published.clone(),
                            s.stale.clone().unwrap_or_default(),
                            s.salaries.to_string(),
                            s.agency_rates.to_string(),
                            s.weak().to_string(),
                            c.basis.clone(),
                        ]
                    })
                })
                .collect();
            super::csv::grid(&header, &rows)
        }
        Format::Table | Format::Markdown => {
            let md = matches!(format, Format::Markdown);
            let width = if md { Width::Unlimited } else { width };
            let mut out = String::new();
            let when = effective.map(|e| format!(" (effective {e})")).unwrap_or_default();
            out.push_str(&if md {
                format!("# Data card of {name}{when}\n")
            } else {
                width.fill(&format!("Data card of {name}{when}"), "", "")
            });
            for c in cards {
                out.push('\n');
                let title = format!("{} ({}), {}", c.name, c.location, c.currency);
                out.push_str(&if md {
                    format!("## {title}\n\n")
                } else {
                    width.fill(&title, "", "")
                });
                let indent = if md { "" } else { "  " };
                let basis = match c.basis.trim() {
                    "" => "not stated (the location has no note)",
                    note => note.strip_prefix("Basis:").map_or(note, str::trim_start),
                };
                for line in crate::text::wrap(
                    &format!("Basis: {basis}"),
                    width.prose(88).saturating_sub(indent.len()).max(1),
                ) {
                    out.push_str(&format!("{indent}{line}\n"));
                }
                out.push_str(&format!(
                    "{}{indent}Sources (grade, published, entries):\n",
                    if md { "\n" } else { "" }
                ));
                for s in &c.sources {
                    let bullet = if md { "- " } else { "    " };
                    let line = format!("{} ({}, {}): {}", s.id, grade(&s.grade), s.published, s.counts());
                    out.push_str(&width.fill(&line, bullet, &format!("{bullet}  ")));
                    if let Some(stale) = &s.stale {
                        let pad = if md { "  " } else { "      " };
                        for line in crate::text::wrap(
                            &format!("stale: {stale}"),
                            width.prose(88).saturating_sub(pad.len()).max(1),
                        ) {
                            out.push_str(&format!(
                                "{pad}{line}
"
                            ));
                        }
                    }
                }
                let weak: Vec<&CardSource> = c.sources.iter().filter(|s| s.weak()).collect();
                out.push_str(&format!(
                    "{}{indent}Weakest figures (grade C or teamcost-assumption):{}\n",
                    if md { "\n" } else { "" },
                    if weak.is_empty() { " none" } else { "" }
                ));
                for s in weak {
                    let bullet = if md { "- " } else { "    " };
                    let line = format!(
                        "{} of {} ({}, {})",
                        s.counts(),
                        s.roles.join(", "),
                        s.id,
                        grade(&s.grade)
                    );
                    out.push_str(&width.fill(&line, bullet, &format!("{bullet}  ")));
                }
            }
            out
        }
    }
}
