//! What changed between two rate plugins: two versions of one plugin, or an
//! overlay against the table it is layered on. Entries added, removed (or,
//! for an overlay, kept from below) and changed, with the absolute and
//! percent change of each figure.

use rust_decimal::Decimal;

use crate::range::Range;
use crate::rates::RateTable;
use crate::rates::table::{AgencyTerms, InHouseTerms};

/// How the second table is read against the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Two versions of one plugin (the same name): an entry of the first
    /// only was removed.
    Versions,
    /// An overlay layered on the first (another name): an entry of the
    /// first that it leaves out still holds, kept from below. Only the
    /// blocks that win whole (`fx`, `productivity`) drop what they leave out.
    Overlay,
}

impl Reading {
    pub fn of(a: &RateTable, b: &RateTable) -> Reading {
        if a.name.value == b.name.value {
            Reading::Versions
        } else {
            Reading::Overlay
        }
    }
}

/// What an entry added, removed or kept holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Figure(Range),
    Text(String),
}

impl Value {
    /// As the file writes it.
    pub fn text(&self) -> String {
        match self {
            Value::Figure(r) => range_text(r),
            Value::Text(t) => t.clone(),
        }
    }
}

/// How one entry differs.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryChange {
    Added(Value),
    Removed(Value),
    /// In the first table only, which an overlay does not override: it
    /// still holds under the overlay.
    Kept(Value),
    /// A figure: old and new range.
    Figure {
        old: Range,
        new: Range,
    },
    /// Anything else (a title, a currency, a source): old and new text.
    Text {
        old: String,
        new: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub section: &'static str,
    pub key: String,
    pub change: EntryChange,
}

impl Difference {
    /// Typical new minus typical old, for a figure.
    pub fn absolute(&self) -> Option<Decimal> {
        match &self.change {
            EntryChange::Figure { old, new } => Some(new.typical() - old.typical()),
            _ => None,
        }
    }

    /// The change of the typical value in percent of the old one.
    pub fn percent(&self) -> Option<Decimal> {
        match &self.change {
            EntryChange::Figure { old, new } if !old.typical().is_zero() => {
                Some((new.typical() - old.typical()) * Decimal::from(100) / old.typical())
            }
            _ => None,
        }
    }
}

fn range_text(r: &Range) -> String {
    super::edit::range_text(r)
}

/// Compares keyed entries: added, removed, and changed by `compare`.
fn keyed<K: Ord + Clone + std::fmt::Display, V>(
    out: &mut Vec<Difference>,
    section: &'static str,
    a: &std::collections::BTreeMap<K, V>,
    b: &std::collections::BTreeMap<K, V>,
    describe: impl Fn(&V) -> Value,
    compare: impl Fn(&K, &V, &V, &mut Vec<Difference>),
) {
    for (k, v) in a {
        match b.get(k) {
            None => out.push(Difference {
                section,
                key: k.to_string(),
                change: EntryChange::Removed(describe(v)),
            }),
            Some(w) => compare(k, v, w, out),
        }
    }
    for (k, w) in b {
        if !a.contains_key(k) {
            out.push(Difference {
                section,
                key: k.to_string(),
                change: EntryChange::Added(describe(w)),
            });
        }
    }
}

fn figure(out: &mut Vec<Difference>, section: &'static str, key: String, old: &Range, new: &Range) {
    if old != new {
        out.push(Difference {
            section,
            key,
            change: EntryChange::Figure { old: *old, new: *new },
        });
    }
}

fn text(out: &mut Vec<Difference>, section: &'static str, key: String, old: String, new: String) {
    if old != new {
        out.push(Difference {
            section,
            key,
            change: EntryChange::Text { old, new },
        });
    }
}

fn in_house_fields(t: &InHouseTerms) -> [(&'static str, &Range); 12] {
    [
        ("burden", &t.burden),
        ("recruiting_fee", &t.recruiting_fee),
        ("time_to_hire_weeks", &t.time_to_hire_weeks),
        ("ramp_up_weeks", &t.ramp_up_weeks),
        ("ramp_productivity", &t.ramp_productivity),
        ("overhead_monthly", &t.overhead_monthly),
        ("management_overhead", &t.management_overhead),
        ("availability", &t.availability),
        ("attrition", &t.attrition),
        ("annual_raise", &t.annual_raise),
        ("exit_months", &t.exit_months),
        ("exit_months_per_year", &t.exit_months_per_year),
    ]
}

fn agency_fields(t: &AgencyTerms) -> [(&'static str, &Range); 5] {
    [
        ("hours_per_month", &t.hours_per_month),
        ("time_to_start_weeks", &t.time_to_start_weeks),
        ("ramp_up_weeks", &t.ramp_up_weeks),
        ("ramp_productivity", &t.ramp_productivity),
        ("annual_increase", &t.annual_increase),
    ]
}

/// Every difference from `a` to `b`, section by section, `b` read as
/// `reading` says.
pub fn diff(a: &RateTable, b: &RateTable, reading: Reading) -> Vec<Difference> {
    let mut out = everything(a, b);
    if reading == Reading::Overlay {
        for d in &mut out {
            let wins_whole = match d.section {
                "fx" => b.fx.is_some(),
                "productivity" => b.productivity.is_some(),
                _ => false,
            };
            if let EntryChange::Removed(v) = &d.change
                && !wins_whole
            {
                d.change = EntryChange::Kept(v.clone());
            }
        }
    }
    out
}

/// Every difference, an entry of `a` only counted as removed.
fn everything(a: &RateTable, b: &RateTable) -> Vec<Difference> {
    let mut out = Vec::new();
    for (section, x, y) in [
        ("salary", &a.salaries, &b.salaries),
        ("agency rate", &a.agency_rates, &b.agency_rates),
    ] {
        keyed(
            &mut out,
            section,
            x,
            y,
            |p| Value::Figure(p.amount),
            |k, p, q, out| {
                let cur = |c: &Option<crate::input::origin::Located<crate::money::Currency>>| {
                    c.as_ref()
                        .map(|c| c.value.to_string())
                        .unwrap_or_else(|| "location's currency".into())
                };
                let (x, y) = (cur(&p.currency), cur(&q.currency));
                if x == y {
                    figure(out, section, k.to_string(), &p.amount, &q.amount);
                } else {
                    // amounts in two currencies: no change in percent
                    text(
                        out,
                        section,
                        k.to_string(),
                        format!("{} ({x})", range_text(&p.amount)),
                        format!("{} ({y})", range_text(&q.amount)),
                    );
                }
                text(
                    out,
                    section,
                    format!("{k} source"),
                    p.source.value.clone(),
                    q.source.value.clone(),
                );
            },
        );
    }
    keyed(
        &mut out,
        "location",
        &a.locations,
        &b.locations,
        |l| Value::Text(format!("{} ({})", l.value.name, l.value.currency.value)),
        |k, l, m, out| {
            let (l, m) = (&l.value, &m.value);
            text(
                out,
                "location",
                format!("{k} currency"),
                l.currency.value.to_string(),
                m.currency.value.to_string(),
            );
            for ((field, old), (_, new)) in in_house_fields(&l.in_house)
                .into_iter()
                .zip(in_house_fields(&m.in_house))
            {
                figure(out, "location", format!("{k} in_house.{field}"), old, new);
            }
            for ((field, old), (_, new)) in agency_fields(&l.agency).into_iter().zip(agency_fields(&m.agency))
            {
                figure(out, "location", format!("{k} agency.{field}"), old, new);
            }
        },
    );
    keyed(
        &mut out,
        "role",
        &a.roles,
        &b.roles,
        |r| Value::Text(format!("{} ({})", r.value.title, r.value.focus)),
        |k, r, s, out| {
            text(
                out,
                "role",
                k.clone(),
                format!("{} ({})", r.value.title, r.value.focus),
                format!("{} ({})", s.value.title, s.value.focus),
            );
        },
    );
    keyed(
        &mut out,
        "source",
        &a.sources,
        &b.sources,
        |s| Value::Text(format!("{} ({})", s.value.title, s.value.published)),
        |k, s, t, out| {
            text(
                out,
                "source",
                k.clone(),
                format!("{} ({})", s.value.title, s.value.published),
                format!("{} ({})", t.value.title, t.value.published),
            );
        },
    );
    // a level in one block only (or with no block on the other side) is
    // added or removed; where it is left out it counts as 1
    let productivity = |t: &RateTable| {
        t.productivity
            .as_ref()
            .map(|p| p.iter().map(|(l, r)| (l.to_string(), *r)).collect())
            .unwrap_or_default()
    };
    keyed(
        &mut out,
        "productivity",
        &productivity(a),
        &productivity(b),
        |r| Value::Figure(*r),
        |k, x, y, out| figure(out, "productivity", k.clone(), x, y),
    );
    let rates = |t: &RateTable| {
        t.fx.as_ref()
            .map(|f| {
                f.rates
                    .iter()
                    .map(|(c, r)| (c.to_string(), Range::single(*r)))
                    .collect()
            })
            .unwrap_or_default()
    };
    keyed(
        &mut out,
        "fx",
        &rates(a),
        &rates(b),
        |r| Value::Figure(*r),
        |k, x, y, out| figure(out, "fx", k.clone(), x, y),
    );
    out
}
