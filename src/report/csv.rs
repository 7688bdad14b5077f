//! CSV for spreadsheets: an estimate in long form (one figure per row), a
//! comparison with one column per scenario.

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::engine::Triple;
use crate::engine::simulation::decimal;
use crate::money::two_places;

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// `scenario,file,currency,section,item,low,likely,high`; a single figure
/// sits in `likely`.
pub fn estimates(estimates: &[Assessment]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "scenario", "file", "currency", "section", "item", "low", "likely", "high",
    ]);
    for e in estimates {
        let head = [
            e.scenario.name.as_str(),
            e.scenario.file.as_str(),
            e.currency.as_str(),
        ];
        let mut row = |section: &str, item: &str, low: String, likely: String, high: String| {
            let _ = w.write_record(head.iter().copied().chain([section, item, &low, &likely, &high]));
        };
        let mut range = |section: &str, item: &str, t: &Triple| {
            row(
                section,
                item,
                two_places(t.low),
                two_places(t.likely),
                two_places(t.high),
            )
        };
        range("total", "cost", &e.cost);
        range("total", "capacity_pm", &e.capacity);
        if let Some(per_pm) = e.cost_per_pm() {
            range("total", "cost_per_pm", &per_pm);
        }
        for s in &e.seats {
            let item = format!(
                "{} {} {} {} x{} @{}",
                s.seat.role_label(),
                s.seat.level,
                s.seat.location.value,
                s.seat.engagement,
                s.seat.count,
                s.seat.allocation.get().normalize()
            );
            range("seat cost", &item, &s.cost);
            range("seat capacity_pm", &item, &s.capacity);
        }
        if e.is_plan() {
            for p in &e.phases {
                let item = format!(
                    "{} months {}-{}",
                    p.stage,
                    p.from_month.normalize(),
                    p.until_month.normalize()
                );
                range("phase cost", &item, &p.cost);
                range("phase capacity_pm", &item, &p.capacity);
            }
        }
        for c in &e.costs {
            range("cost line", &c.name, &c.cost);
        }
        let mut single = |section: &str, item: &str, value: Decimal| {
            row(section, item, String::new(), two_places(value), String::new())
        };
        single("mix", "engineering_fte", e.engineering_fte);
        single("mix", "development_fte", e.development_fte);
        if e.is_plan() {
            for p in &e.phases {
                let item = |focus: &str| format!("{} {focus}_fte", p.stage);
                single("phase mix", &item("engineering"), p.engineering_fte);
                single("phase mix", &item("development"), p.development_fte);
            }
        }
        for (name, amount) in e.components.shown() {
            single("component", name, amount);
        }
        for m in &e.monthly {
            single("month", &m.month.to_string(), m.likely);
            single("cumulative", &m.month.to_string(), m.cumulative);
        }
        if let Some(sim) = &e.simulation {
            let trials = format!("{} trials, seed {}", sim.trials, sim.seed);
            single("simulation", &trials, Decimal::from(sim.trials));
            for (what, summary) in [("cost", &sim.cost), ("capacity_pm", &sim.capacity)] {
                for (name, value) in [
                    ("p10", summary.p10),
                    ("p50", summary.p50),
                    ("p90", summary.p90),
                    ("mean", summary.mean),
                ] {
                    single("simulation", &format!("{what} {name}"), decimal(value));
                }
            }
        }
        if let Some(check) = &e.budget {
            let verdict = if check.over() { "over" } else { "within" };
            single(
                "budget",
                &format!("{verdict} at {}", check.budget.at.name()),
                check.budget.amount,
            );
        }
        if let Some(c) = &e.conversion {
            // the exact rate: 1 unit of `from` in the reporting currency
            let item = format!("from {} at {}", c.from, c.fx);
            row(
                "conversion",
                &item,
                String::new(),
                c.rate.to_string(),
                String::new(),
            );
        }
        for warning in &e.warnings {
            row("warning", warning, String::new(), String::new(), String::new());
        }
        for a in &e.advice {
            row(
                "advice",
                &a.to_string(),
                String::new(),
                String::new(),
                String::new(),
            );
        }
    }
    finish(w)
}

/// `metric,<scenario>...`: one row per figure, one column per scenario.
pub fn comparison(estimates: &[Assessment]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header =
        std::iter::once("metric".to_string()).chain(estimates.iter().map(|e| e.scenario.name.clone()));
    let _ = w.write_record(header);
    for (label, cells) in super::comparison_rows(estimates, two_places) {
        let _ = w.write_record(std::iter::once(label).chain(cells));
    }
    finish(w)
}

/// A header and rows as CSV.
pub fn grid(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row);
    }
    finish(w)
}
