//! JSON: the contract for scripts (MODEL.md sections 7 and 12). Fields
//! are added, never renamed or removed within a `schema_version`.

use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::assessment::Assessment;
use crate::budget::BudgetCheck;
use crate::engine::periods::Period;
use crate::engine::simulation::{Bounded, Simulation, Summary, decimal};
use crate::engine::{Components, SeatEstimate, Triple};
use crate::money::{plain, two_places};

/// The version of the output contract every top-level object carries
/// (MODEL.md section 12); raised when a field is renamed or removed.
pub const SCHEMA_VERSION: u32 = 2;

fn triple(t: &Triple) -> Value {
    json!({ "low": two_places(t.low), "likely": two_places(t.likely), "high": two_places(t.high) })
}

/// Every component, "0.00" where there is none: a script never meets a
/// missing key (MODEL.md section 12).
fn components(c: &Components) -> Value {
    Value::Object(
        c.named()
            .iter()
            .map(|(name, amount)| (name.to_string(), Value::String(two_places(*amount))))
            .collect(),
    )
}

fn seat(s: &SeatEstimate) -> Value {
    let mut v = json!({
        "role": s.seat.role.value,
        "title": s.title,
        "level": s.seat.level.to_string(),
        "location": s.seat.location.value,
        "engagement": s.seat.engagement.to_string(),
        "count": s.seat.count,
        "allocation": plain(s.seat.allocation.get()),
        "fte": two_places(s.fte),
        "focus": s.focus.to_string(),
        "start_weeks": plain(s.start_weeks),
        "from_month": plain(s.from_month),
        "until_month": plain(s.until_month),
        "cost": triple(&s.cost),
        "capacity_pm": triple(&s.capacity),
        "components": components(&s.components),
    });
    if let Some(reason) = &s.seat.reason {
        v["reason"] = Value::String(reason.clone());
    }
    // only when the seat has skills, so a file without them reads as before
    if !s.seat.skills.is_empty() {
        v["skills"] = Value::Array(
            s.seat
                .skills
                .iter()
                .map(|k| Value::String(k.value.clone()))
                .collect(),
        );
    }
    v
}

fn summary(s: &Summary) -> Value {
    let m = |v: f64| two_places(decimal(v));
    json!({ "p10": m(s.p10), "p50": m(s.p50), "p90": m(s.p90), "mean": m(s.mean) })
}

/// Percentiles that may be unbounded: null where they are.
fn bounded(b: &Bounded) -> Value {
    let m = |v: Option<f64>| v.map_or(Value::Null, |v| Value::String(two_places(decimal(v))));
    json!({ "p10": m(b.p10), "p50": m(b.p50), "p90": m(b.p90), "mean": m(b.mean) })
}

fn simulation(sim: &Simulation) -> Value {
    let mut v = json!({
        "trials": sim.trials,
        "seed": sim.seed,
        "cost": summary(&sim.cost),
        "capacity_pm": summary(&sim.capacity),
    });
    if let Some(g) = &sim.goal {
        v["goal"] = json!({
            "completion_month": bounded(&g.completion_month),
            "cost_to_deliver": bounded(&g.cost_to_deliver),
            "on_time_share": format!("{:.4}", g.on_time_share),
        });
    }
    v
}

fn budget(check: &BudgetCheck) -> Value {
    json!({
        "amount": two_places(check.budget.amount),
        "at": check.budget.at.name(),
        "value": two_places(check.value),
        "over": check.over(),
        "margin": two_places(check.margin()),
    })
}

/// Adds the optional parts of an estimate to its object.
fn extras(mut v: Value, e: &Assessment) -> Value {
    let c = &e.committed;
    v["committed"] = json!({
        "people": c.people,
        "fte": two_places(c.fte),
        "monthly": two_places(c.monthly),
        "annual": two_places(c.annual),
    });
    v["agency_monthly_at_end"] = Value::String(two_places(e.agency_monthly_at_end));
    if let Some(sim) = &e.simulation {
        v["simulation"] = simulation(sim);
    }
    if let Some(check) = &e.budget {
        v["budget"] = budget(check);
    }
    if !e.reasoning.is_empty() {
        v["reasoning"] = json!(e.reasoning);
    }
    if let Some(d) = &e.delivery {
        v["goal"] = json!({
            "name": d.goal.name,
            "effort_pm": two_places(d.goal.effort_pm),
            "by_month": two_places(d.goal.by_month),
            "completion_month": optional(d.completion_month),
            "delivered_pm": two_places(d.delivered_pm),
            "cost_to_deliver": optional(d.cost_to_deliver),
            "on_time": d.on_time,
            "late_months": optional(d.late_months),
        });
    }
    if let Some(c) = &e.conversion {
        v["conversion"] = json!({
            "from": c.from.to_string(),
            "to": c.to.to_string(),
            "rate": c.rate.to_string(),
            "fx_table": c.fx.table,
            "fx_source": c.fx.source,
            "fx_published": c.fx.published,
        });
    }
    v
}

/// The advice of an estimate: always present, empty when there is none.
fn advice(e: &Assessment) -> Value {
    Value::Array(
        e.advice
            .iter()
            .map(|a| {
                json!({
                    "rule": a.rule,
                    "phase": a.phase,
                    "stage": a.stage.to_string(),
                    "message": a.message,
                })
            })
            .collect(),
    )
}

/// Cost per productive person-month (MODEL.md 10.8): its likely figure
/// and the simulated p10 and p90 of the ratio per trial (null with
/// `--trials 0`, or where they fall on a trial with no output); never the
/// deterministic low and high, which paired worlds that cannot happen
/// together; `null` without productive capacity.
fn per_pm(e: &Assessment) -> Value {
    let simulated = |pick: fn(&Bounded) -> Option<f64>| {
        e.simulation
            .as_ref()
            .and_then(|s| pick(&s.cost_per_pm))
            .map_or(Value::Null, |v| Value::String(two_places(decimal(v))))
    };
    e.cost_per_pm().map_or(Value::Null, |t| {
        json!({
            "likely": two_places(t.likely),
            "p10": simulated(|b| b.p10),
            "p90": simulated(|b| b.p90),
        })
    })
}

/// A quarter or a fiscal year (MODEL.md 10.6).
fn period(p: &Period) -> Value {
    json!({
        "label": p.label,
        "from_month": plain(p.from_month),
        "until_month": plain(p.until_month),
        "cost": triple(&p.cost),
        "capacity_pm": two_places(p.capacity),
    })
}

fn optional(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |d| Value::String(two_places(d)))
}

/// One estimate as the object MODEL.md section 7 describes.
pub fn estimate(e: &Assessment) -> Value {
    let s = &e.scenario;
    let v = json!({
        "schema_version": SCHEMA_VERSION,
        "scenario": s.name,
        "file": s.file,
        "stage": s.stage_label(),
        "product": s.product.map(|p| p.to_string()),
        "engagement": s.engagement.to_string(),
        "location": s.location.value,
        "currency": e.currency.to_string(),
        "duration_months": plain(s.duration.get()),
        "rate_layers": e.layers,
        "cost": triple(&e.cost),
        "capacity_pm": triple(&e.capacity),
        "cost_per_pm": per_pm(e),
        "team": {
            "engineering_fte": two_places(e.engineering_fte),
            "development_fte": two_places(e.development_fte),
            "peak_engineering_fte": two_places(e.peak_engineering_fte),
            "peak_development_fte": two_places(e.peak_development_fte),
            "average_engineering_fte": two_places(e.average_engineering_fte),
            "average_development_fte": two_places(e.average_development_fte),
            "seats": e.seats.iter().map(seat).collect::<Vec<_>>(),
        },
        "components": components(&e.components),
        "monthly": e.monthly.iter().map(|m| json!({
            "month": m.month,
            "likely": two_places(m.likely),
            "cumulative": two_places(m.cumulative),
            "capacity_pm": two_places(m.capacity_pm),
            "cumulative_pm": two_places(m.cumulative_pm),
            "calendar": m.calendar.map(|c| c.to_string()),
        })).collect::<Vec<_>>(),
        "quarters": e.quarters.iter().map(period).collect::<Vec<_>>(),
        "fiscal_years": e.fiscal_years.iter().map(period).collect::<Vec<_>>(),
        "phases": e.phases.iter().map(|p| json!({
            "stage": p.stage.to_string(),
            "from_month": plain(p.from_month),
            "until_month": plain(p.until_month),
            "cost": triple(&p.cost),
            "capacity_pm": triple(&p.capacity),
            "engineering_fte": two_places(p.engineering_fte),
            "development_fte": two_places(p.development_fte),
        })).collect::<Vec<_>>(),
        "costs": e.costs.iter().map(|c| json!({
            "name": c.name,
            "cost": triple(&c.cost),
        })).collect::<Vec<_>>(),
        "staffed_weeks": plain(e.staffed_weeks),
        "staffed_by_month": optional(e.staffed_by_month),
        "warnings": e.warnings,
        "advice": advice(e),
    });
    extras(v, e)
}

/// Indented JSON with a final newline.
pub(super) fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// One object for one scenario, an array for several.
pub fn estimates(estimates: &[Assessment]) -> String {
    match estimates {
        [one] => pretty(&estimate(one)),
        many => pretty(&Value::Array(many.iter().map(estimate).collect())),
    }
}

/// The side-by-side summary of each scenario.
pub fn comparison(estimates: &[Assessment]) -> String {
    let rows: Vec<Value> = estimates
        .iter()
        .map(|e| {
            let v = json!({
                "schema_version": SCHEMA_VERSION,
                "scenario": e.scenario.name,
                "file": e.scenario.file,
                "currency": e.currency.to_string(),
                "stage": e.scenario.stage_label(),
                "engagement": e.scenario.engagement.to_string(),
                "duration_months": plain(e.scenario.duration.get()),
                "cost": triple(&e.cost),
                "engineering_fte": two_places(e.engineering_fte),
                "development_fte": two_places(e.development_fte),
                "capacity_pm": triple(&e.capacity),
                "cost_per_pm": per_pm(e),
                "cost_per_pm_likely": optional(e.cost_per_pm().map(|t| t.likely)),
                "peak_engineering_fte": two_places(e.peak_engineering_fte),
                "peak_development_fte": two_places(e.peak_development_fte),
                "average_engineering_fte": two_places(e.average_engineering_fte),
                "average_development_fte": two_places(e.average_development_fte),
                "staffed_weeks": plain(e.staffed_weeks),
                "staffed_by_month": optional(e.staffed_by_month),
                "warnings": e.warnings,
                "advice": advice(e),
            });
            extras(v, e)
        })
        .collect();
    pretty(&Value::Array(rows))
}
