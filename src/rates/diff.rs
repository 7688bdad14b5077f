//! What changed between two rate plugins (or two versions of one file):
//! entries added, removed and changed, with the absolute and percent change
//! of each figure.

use rust_decimal::Decimal;

use crate::range::Range;
use crate::rates::RateTable;
use crate::rates::table::{AgencyTerms, InHouseTerms};

/// How one entry differs.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Added(String),
    Removed(String),
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
    pub change: Change,
}

impl Difference {
    /// Typical new minus typical old, for a figure.
    pub fn absolute(&self) -> Option<Decimal> {
        match &self.change {
            Change::Figure { old, new } => Some(new.typical() - old.typical()),
            _ => None,
        }
    }

    /// The change of the typical value in percent of the old one.
    pub fn percent(&self) -> Option<Decimal> {
        match &self.change {
            Change::Figure { old, new } if !old.typical().is_zero() => {
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
    describe: impl Fn(&V) -> String,
    compare: impl Fn(&K, &V, &V, &mut Vec<Difference>),
) {
    for (k, v) in a {
        match b.get(k) {
            None => out.push(Difference {
                section,
                key: k.to_string(),
                change: Change::Removed(describe(v)),
            }),
            Some(w) => compare(k, v, w, out),
        }
    }
    for (k, w) in b {
        if !a.contains_key(k) {
            out.push(Difference {
                section,
                key: k.to_string(),
                change: Change::Added(describe(w)),
            });
        }
    }
}

fn figure(out: &mut Vec<Difference>, section: &'static str, key: String, old: &Range, new: &Range) {
    if old != new {
        out.push(Difference {
            section,
            key,
            change: Change::Figure { old: *old, new: *new },
        });
    }
}

fn text(out: &mut Vec<Difference>, section: &'static str, key: String, old: String, new: String) {
    if old != new {
        out.push(Difference {
            section,
            key,
            change: Change::Text { old, new },
        });
    }
}

fn in_house_fields(t: &InHouseTerms) -> [(&'static str, &Range); 10] {
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

/// Every difference from `a` to `b`, section by section.
pub fn diff(a: &RateTable, b: &RateTable) -> Vec<Difference> {
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
            |p| range_text(&p.amount),
            |k, p, q, out| {
                figure(out, section, k.to_string(), &p.amount, &q.amount);
                let cur = |c: &Option<crate::input::origin::Located<crate::money::Currency>>| {
                    c.as_ref()
                        .map(|c| c.value.to_string())
                        .unwrap_or_else(|| "(location's)".into())
                };
                text(
                    out,
                    section,
                    format!("{k} currency"),
                    cur(&p.currency),
                    cur(&q.currency),
                );
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
        |l| format!("{} ({})", l.value.name, l.value.currency.value),
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
        |r| format!("{} ({})", r.value.title, r.value.focus),
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
        |s| format!("{} ({})", s.value.title, s.value.published),
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
        range_text,
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
        range_text,
        |k, x, y, out| figure(out, "fx", k.clone(), x, y),
    );
    out
}
