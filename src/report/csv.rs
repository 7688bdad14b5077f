//! CSV for spreadsheets (MODEL.md section 12): an estimate in long form,
//! one row per figure or per thing (a seat, a phase, a month), each field
//! in its own column and every number plain (no thousands separators);
//! a comparison with one column per scenario.

use rust_decimal::Decimal;

use crate::assessment::Assessment;
use crate::engine::Triple;
use crate::engine::simulation::decimal;
use crate::money::{plain, two_places};

fn finish(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The columns of an estimate, in order. `low`, `likely` and `high` hold
/// the row's cost (or its one figure, in `likely`); `capacity_*` its
/// productive person-months; the rest say which seat, phase or month the
/// row is, as the JSON does. A row leaves empty what it does not have.
const COLUMNS: [&str; 30] = [
    "scenario",
    "file",
    "currency",
    "section",
    "item",
    "low",
    "likely",
    "high",
    "capacity_low",
    "capacity_likely",
    "capacity_high",
    "cumulative",
    "cumulative_pm",
    "from_month",
    "until_month",
    "calendar",
    "role",
    "level",
    "location",
    "engagement",
    "count",
    "allocation",
    "fte",
    "focus",
    "skills",
    "start_weeks",
    "engineering_fte",
    "development_fte",
    "phase",
    "text",
];

/// One row being filled, column by column.
struct Row {
    cells: [String; COLUMNS.len()],
}

impl Row {
    fn new(e: &Assessment, section: &str, item: &str) -> Row {
        Row {
            cells: std::array::from_fn(|_| String::new()),
        }
        .set("scenario", &e.scenario.name)
        .set("file", &e.scenario.file)
        .set("currency", e.currency.as_str())
        .set("section", section)
        .set("item", item)
    }

    fn set(mut self, column: &str, value: &str) -> Row {
        match COLUMNS.iter().position(|c| *c == column) {
            Some(i) => self.cells[i] = value.to_string(),
            None => debug_assert!(false, "no CSV column {column}"),
        }
        self
    }

    fn money(self, column: &str, value: Decimal) -> Row {
        self.set(column, &two_places(value))
    }

    /// `prefix` "" for the cost's low / likely / high, "capacity_" for
    /// capacity's.
    fn triple(self, prefix: &str, t: &Triple) -> Row {
        self.money(&format!("{prefix}low"), t.low)
            .money(&format!("{prefix}likely"), t.likely)
            .money(&format!("{prefix}high"), t.high)
    }

    fn window(self, from: Decimal, until: Decimal) -> Row {
        self.set("from_month", &plain(from))
            .set("until_month", &plain(until))
    }

    fn write(&self, w: &mut csv::Writer<Vec<u8>>) {
        let _ = w.write_record(&self.cells);
    }
}

/// Every estimate in long form under one header.
pub fn estimates(estimates: &[Assessment]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(COLUMNS);
    for e in estimates {
        for row in rows(e) {
            row.write(&mut w);
        }
    }
    finish(w)
}

/// The rows of one estimate.
fn rows(e: &Assessment) -> Vec<Row> {
    let mut out = Vec::new();
    let mut add = |row: Row| out.push(row);
    add(Row::new(e, "total", "cost").triple("", &e.cost));
    add(Row::new(e, "total", "capacity_pm").triple("", &e.capacity));
    if let Some(per_pm) = e.cost_per_pm() {
        // likely only (MODEL.md 10.8)
        add(Row::new(e, "total", "cost_per_pm").money("likely", per_pm.likely));
    }
    for (i, s) in e.seats.iter().enumerate() {
        let skills: Vec<&str> = s.seat.skills.iter().map(|k| k.value.as_str()).collect();
        add(Row::new(e, "seat", &(i + 1).to_string())
            .triple("", &s.cost)
            .triple("capacity_", &s.capacity)
            .window(s.from_month, s.until_month)
            .set("role", &s.seat.role.value)
            .set("level", &s.seat.level.to_string())
            .set("location", &s.seat.location.value)
            .set("engagement", &s.seat.engagement.to_string())
            .set("count", &s.seat.count.to_string())
            .set("allocation", &plain(s.seat.allocation.get()))
            .money("fte", s.fte)
            .set("focus", &s.focus.to_string())
            .set("skills", &skills.join(" "))
            .set("start_weeks", &plain(s.start_weeks)));
    }
    if e.is_plan() {
        for (i, p) in e.phases.iter().enumerate() {
            add(Row::new(e, "phase", &p.stage.to_string())
                .triple("", &p.cost)
                .triple("capacity_", &p.capacity)
                .window(p.from_month, p.until_month)
                .money("engineering_fte", p.engineering_fte)
                .money("development_fte", p.development_fte)
                .set("phase", &(i + 1).to_string()));
        }
    }
    for c in &e.costs {
        add(Row::new(e, "cost line", &c.name).triple("", &c.cost));
    }
    add(Row::new(e, "mix", "engineering_fte").money("likely", e.engineering_fte));
    add(Row::new(e, "mix", "development_fte").money("likely", e.development_fte));
    for (item, fte) in [
        ("peak_engineering_fte", e.peak_engineering_fte),
        ("peak_development_fte", e.peak_development_fte),
        ("average_engineering_fte", e.average_engineering_fte),
        ("average_development_fte", e.average_development_fte),
    ] {
        add(Row::new(e, "mix", item).money("likely", fte));
    }
    add(Row::new(e, "mix", "staffed_by_month")
        .set("likely", &e.staffed_by_month.map(two_places).unwrap_or_default()));
    for (name, amount) in e.components.named() {
        add(Row::new(e, "component", name).money("likely", amount));
    }
    let d = e.scenario.duration.get();
    for m in &e.monthly {
        let month = Decimal::from(m.month);
        add(Row::new(e, "month", &m.month.to_string())
            .money("likely", m.likely)
            .money("cumulative", m.cumulative)
            .money("capacity_likely", m.capacity_pm)
            .money("cumulative_pm", m.cumulative_pm)
            .window(month - Decimal::ONE, month.min(d))
            .set("calendar", &m.calendar.map(|c| c.to_string()).unwrap_or_default()));
    }
    for (section, periods) in [("quarter", &e.quarters), ("fiscal_year", &e.fiscal_years)] {
        for p in periods {
            add(Row::new(e, section, &p.label)
                .triple("", &p.cost)
                .money("capacity_likely", p.capacity)
                .window(p.from_month, p.until_month));
        }
    }
    if let Some(sim) = &e.simulation {
        add(Row::new(e, "simulation", "trials").set("likely", &sim.trials.to_string()));
        add(Row::new(e, "simulation", "seed").set("likely", &sim.seed.to_string()));
        for (what, summary) in [("cost", &sim.cost), ("capacity_pm", &sim.capacity)] {
            for (name, value) in [
                ("p10", summary.p10),
                ("p50", summary.p50),
                ("p90", summary.p90),
                ("mean", summary.mean),
            ] {
                add(Row::new(e, "simulation", &format!("{what} {name}")).money("likely", decimal(value)));
            }
        }
    }
    if let Some(check) = &e.budget {
        add(Row::new(e, "budget", "amount").money("likely", check.budget.amount));
        add(Row::new(e, "budget", "at").set("text", check.budget.at.name()));
        add(Row::new(e, "budget", "value").money("likely", check.value));
        add(Row::new(e, "budget", "margin").money("likely", check.margin()));
        add(Row::new(e, "budget", "over").set("text", &check.over().to_string()));
    }
    if let Some(c) = &e.conversion {
        add(Row::new(e, "conversion", "from").set("text", c.from.as_str()));
        // the exact rate: 1 unit of `from` in the reporting currency
        add(Row::new(e, "conversion", "rate").set("likely", &c.rate.to_string()));
        add(Row::new(e, "conversion", "fx").set("text", &c.fx.to_string()));
    }
    for warning in &e.warnings {
        add(Row::new(e, "warning", "").set("text", warning));
    }
    for a in &e.advice {
        add(Row::new(e, "advice", a.rule.as_str())
            .set("phase", &a.phase.to_string())
            .set("text", &a.message));
    }
    out
}

/// `metric,<scenario>...`: one row per figure, one column per scenario;
/// each cell one plain figure or one word, empty where a scenario has
/// none.
pub fn comparison(estimates: &[Assessment]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header =
        std::iter::once("metric".to_string()).chain(estimates.iter().map(|e| e.scenario.name.clone()));
    let _ = w.write_record(header);
    let each = |f: &dyn Fn(&Assessment) -> String| estimates.iter().map(f).collect::<Vec<_>>();
    for (label, cells) in super::comparison_rows(estimates, two_places) {
        // the rows that say several things in words for people become one
        // row per field
        let rows: Vec<(String, Vec<String>)> = match label.as_str() {
            "Converted from" => vec![
                (
                    label.clone(),
                    each(&|e| {
                        e.conversion
                            .as_ref()
                            .map(|c| c.from.to_string())
                            .unwrap_or_default()
                    }),
                ),
                (
                    "Conversion rate".into(),
                    each(&|e| {
                        e.conversion
                            .as_ref()
                            .map(|c| c.rate.to_string())
                            .unwrap_or_default()
                    }),
                ),
            ],
            "Goal (person-months by month)" => vec![
                (
                    "Goal (person-months)".into(),
                    each(&|e| {
                        e.delivery
                            .as_ref()
                            .map(|d| plain(d.goal.effort_pm))
                            .unwrap_or_default()
                    }),
                ),
                (
                    "Goal by (month)".into(),
                    each(&|e| {
                        e.delivery
                            .as_ref()
                            .map(|d| plain(d.goal.by_month))
                            .unwrap_or_default()
                    }),
                ),
            ],
            "Budget" => vec![
                (
                    "Budget".into(),
                    each(&|e| {
                        e.budget
                            .as_ref()
                            .map(|c| two_places(c.budget.amount))
                            .unwrap_or_default()
                    }),
                ),
                (
                    "Budget at".into(),
                    each(&|e| {
                        e.budget
                            .as_ref()
                            .map(|c| c.budget.at.name().into())
                            .unwrap_or_default()
                    }),
                ),
                (
                    "Budget margin".into(),
                    each(&|e| {
                        e.budget
                            .as_ref()
                            .map(|c| two_places(c.margin()))
                            .unwrap_or_default()
                    }),
                ),
                (
                    "Over budget".into(),
                    each(&|e| {
                        e.budget
                            .as_ref()
                            .map(|c| c.over().to_string())
                            .unwrap_or_default()
                    }),
                ),
            ],
            _ => vec![(label, cells)],
        };
        for (label, cells) in rows {
            let cells = cells.into_iter().map(|c| match c.as_str() {
                "-" | "n/a" | "never" => String::new(),
                _ => c,
            });
            let _ = w.write_record(std::iter::once(label).chain(cells));
        }
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
