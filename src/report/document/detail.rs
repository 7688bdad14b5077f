//! The detail after the decision summary: the comparison table, warnings,
//! who to hire, the charts and the assumptions with their sources.

use super::{Document, SourceLine, Writer};
use crate::assessment::Assessment;
use crate::brief::{NO_BRIEF, RoleBrief, seat_lines};
use crate::money::{grouped, plain, two_places};
use crate::range::Range;

fn range_text(r: &Range) -> String {
    if r.is_fixed() {
        r.typical().normalize().to_string()
    } else {
        format!(
            "{} / {} / {}",
            r.low().normalize(),
            r.typical().normalize(),
            r.high().normalize()
        )
    }
}

/// Rows of employer terms for one place: (term, low / typical / high).
fn terms(l: &crate::rates::table::Location) -> Vec<(&'static str, String)> {
    let h = &l.in_house;
    let a = &l.agency;
    let mut rows = vec![
        ("in-house burden (x salary)", range_text(&h.burden)),
        ("recruiting fee (x salary)", range_text(&h.recruiting_fee)),
        ("time to hire (weeks)", range_text(&h.time_to_hire_weeks)),
        ("in-house ramp-up (weeks)", range_text(&h.ramp_up_weeks)),
        ("in-house ramp productivity", range_text(&h.ramp_productivity)),
        (
            "overhead per FTE per month",
            format!("{} {}", l.currency.value, range_text(&h.overhead_monthly)),
        ),
        (
            "management overhead (x salary)",
            range_text(&h.management_overhead),
        ),
        ("agency hours per month", range_text(&a.hours_per_month)),
        ("agency time to start (weeks)", range_text(&a.time_to_start_weeks)),
        ("agency ramp-up (weeks)", range_text(&a.ramp_up_weeks)),
        ("agency ramp productivity", range_text(&a.ramp_productivity)),
    ];
    // the terms of plans over time, where a place has them (MODEL.md 8)
    let set =
        |r: &crate::range::Range, default: rust_decimal::Decimal| !(r.is_fixed() && r.typical() == default);
    let (one, zero) = (rust_decimal::Decimal::ONE, rust_decimal::Decimal::ZERO);
    for (name, range, default) in [
        ("availability (share of paid time worked)", &h.availability, one),
        ("attrition (share leaving a year)", &h.attrition, zero),
        ("annual raise", &h.annual_raise, zero),
        ("exit cost (months of salary)", &h.exit_months, zero),
        (
            "exit cost per year of tenure (months)",
            &h.exit_months_per_year,
            zero,
        ),
        ("agency annual increase", &a.annual_increase, zero),
    ] {
        if set(range, default) {
            rows.push((name, range_text(range)));
        }
    }
    rows
}

fn comparison(estimates: &[Assessment]) -> (Vec<String>, Vec<Vec<String>>) {
    let header = std::iter::once(String::new())
        .chain(estimates.iter().map(|e| e.scenario.name.clone()))
        .collect();
    let rows = crate::report::comparison_rows(estimates, grouped)
        .into_iter()
        .map(|(label, cells)| std::iter::once(label).chain(cells).collect())
        .collect();
    (header, rows)
}

/// The detail, section by section, in either format.
pub(super) fn write(w: &mut impl Writer, doc: &Document<'_>) {
    let (estimates, a) = (doc.estimates, doc.assumptions);
    w.section("comparison", "Comparison");
    let (header, rows) = comparison(estimates);
    w.table(&header, &rows);
    let warnings: Vec<String> = estimates
        .iter()
        .flat_map(|e| {
            e.warnings
                .iter()
                .map(move |x| format!("{}: {x}", e.scenario.name))
        })
        .collect();
    periods(w, estimates);
    if !warnings.is_empty() {
        w.section("warnings", "Warnings");
        w.warnings(&warnings);
    }
    if !doc.briefs.is_empty() {
        who_to_hire(w, doc.briefs, estimates.len() > 1);
    }
    w.section("charts", "Charts");
    for f in doc.figures {
        w.figure(f);
    }
    w.section("assumptions", "Assumptions");
    w.heading(3, "Rate layers");
    let rows: Vec<Vec<String>> = a.layers.iter().map(|(s, l)| vec![s.clone(), l.clone()]).collect();
    w.table(&["Scenario".into(), "Layers, bottom first".into()], &rows);
    for (id, l) in &a.locations {
        w.heading(
            3,
            &format!("Employer terms: {} ({id}, {})", l.name, l.currency.value),
        );
        let rows: Vec<Vec<String>> = terms(l)
            .into_iter()
            .map(|(t, v)| vec![t.to_string(), v])
            .collect();
        w.table(&["Term".into(), "low / typical / high".into()], &rows);
        if let Some(note) = &l.note {
            w.paragraph(note);
        }
    }
    if !a.fx.is_empty() {
        w.heading(3, "Exchange rates (units of the base per unit)");
        let rows: Vec<Vec<String>> = a.fx.iter().map(|(c, r)| vec![c.clone(), r.clone()]).collect();
        w.table(&["Currency".into(), "Rate".into()], &rows);
    }
    if !a.premiums.is_empty() {
        w.heading(3, "Skill premiums (shares of salary and of the hourly rate)");
        let rows: Vec<Vec<String>> = a
            .premiums
            .iter()
            .map(|(id, p)| {
                vec![
                    format!("{id}: {}", p.title),
                    range_text(&p.salary),
                    range_text(&p.agency),
                    p.source.value.clone(),
                ]
            })
            .collect();
        w.table(
            &[
                "Premium".into(),
                "salary low / typical / high".into(),
                "hourly rate low / typical / high".into(),
                "Source".into(),
            ],
            &rows,
        );
        for (id, p) in &a.premiums {
            if let Some(note) = &p.note {
                w.paragraph(&format!("{id}: {note}"));
            }
        }
    }
    w.heading(3, "Sources of the rates used");
    let sources: Vec<SourceLine<'_>> = a
        .sources
        .iter()
        .map(|(id, cited)| SourceLine {
            id,
            title: &cited.source.title,
            url: cited.source.url.as_deref(),
            published: &cited.source.published,
            grade: cited
                .source
                .grade
                .as_deref()
                .map(|g| format!(", grade {g}"))
                .unwrap_or_default(),
            used_for: cited.figures.join("; "),
        })
        .collect();
    w.sources(&sources);
}

/// Each scenario's cost and output by quarter and by (fiscal) year
/// (MODEL.md 10.6): the sums of its months at each corner.
fn periods(w: &mut impl Writer, estimates: &[Assessment]) {
    w.section("periods", "By quarter and year");
    w.paragraph("Each period is the sum of its months: low and high are the months of the low and high ends of every input, so they need not bracket a period's likely (a later hire moves its fee into another quarter); only the totals are ordered. Output is the likely productive person-months.");
    for e in estimates {
        let currency = e.currency.to_string();
        let header: Vec<String> = [
            "Period",
            "Months",
            &format!("Cost likely ({currency})"),
            "Cost low",
            "Cost high",
            "Output (person-months)",
        ]
        .map(String::from)
        .to_vec();
        let rows: Vec<Vec<String>> = e
            .quarters
            .iter()
            .chain(&e.fiscal_years)
            .map(|p| {
                vec![
                    p.label.clone(),
                    format!("{}-{}", plain(p.from_month), plain(p.until_month)),
                    grouped(p.cost.likely),
                    grouped(p.cost.low),
                    grouped(p.cost.high),
                    two_places(p.capacity),
                ]
            })
            .collect();
        let on = match &e.scenario.calendar {
            Some(c) => {
                const MONTHS: [&str; 12] = [
                    "January",
                    "February",
                    "March",
                    "April",
                    "May",
                    "June",
                    "July",
                    "August",
                    "September",
                    "October",
                    "November",
                    "December",
                ];
                let first = MONTHS[usize::from(c.fiscal_year_start().clamp(1, 12) - 1)];
                format!(", from {} (fiscal years from {first})", c.start())
            }
            None => String::new(),
        };
        w.heading(3, &format!("{}{on}", e.scenario.name));
        w.table(&header, &rows);
    }
}

/// "Who to hire": one brief per role, with the seats that need it.
fn who_to_hire(w: &mut impl Writer, briefs: &[RoleBrief], several: bool) {
    w.section("who-to-hire", "Who to hire");
    for b in briefs {
        w.heading(3, &format!("{} ({})", b.title, b.role));
        w.paragraph("Seats:");
        w.list(&seat_lines(b, several));
        let Some(brief) = &b.brief else {
            w.paragraph(NO_BRIEF);
            continue;
        };
        w.paragraph(&format!("Will own: {}", brief.owns));
        w.paragraph("Look for:");
        w.list(&brief.look_for);
        w.paragraph("Ask:");
        w.list(&brief.ask);
    }
}
