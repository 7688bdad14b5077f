//! `teamcost rates new`: an overlay plugin to fill in, every section
//! explained in comments.

use std::collections::BTreeMap;

use crate::rates::table::Price;
use crate::rates::{RateKey, RateTable};

/// The text of a new overlay named `name`, optionally layered on `base`
/// (whose first entries serve as commented examples).
pub fn overlay(name: &str, base: Option<&RateTable>) -> String {
    let base_name = base.map_or("market-2026", |b| b.name.value.as_str());
    // the first entry of a list of the base, as a commented example
    let example = |entries: Option<&BTreeMap<RateKey, Price>>, field: &str, fallback: &str| {
        entries
            .and_then(|e| e.iter().next())
            .map(|(k, p)| {
                // an amount in another currency than the place's says so
                let currency = p
                    .currency
                    .as_ref()
                    .map(|c| format!(", currency: {:?}", c.value.as_str()))
                    .unwrap_or_default();
                format!(
                    "//  (role: {:?}, level: {}, location: {:?}, {field}: {}{currency}, source: {:?}),",
                    k.role,
                    k.level,
                    k.location,
                    super::edit::range_text(&p.amount),
                    p.source.value
                )
            })
            .unwrap_or_else(|| fallback.to_string())
    };
    let example_salary = example(
        base.map(|b| &b.salaries),
        "annual",
        "//  (role: \"ai-engineer\", level: Senior, location: \"us\", annual: (low: 150000, typical: 185000, high: 240000), source: \"my-survey-2026\"),",
    );
    let example_rate = example(
        base.map(|b| &b.agency_rates),
        "hourly",
        "//  (role: \"ai-developer\", level: Mid, location: \"poland\", hourly: 58, currency: \"USD\", source: \"vendor-quote\"),",
    );
    format!(
        r#"// {name}: an overlay on {base_name}. Layer it above in a scenario:
//     rates: ["{base_name}", "{name}"],
// An entry here replaces the one below with the same key; everything not
// written here comes from the layers below. Any figure may be one value or
// (low: .., typical: .., high: ..). Remove the sections you do not need.
// `teamcost check rates/{name}.ron` checks it; `teamcost rates impact` shows
// what it does to your scenarios.
RateTable(
    name: "{name}",
    effective: "2026-01-01",  // from when these figures hold (YYYY-MM-DD)

    // Where the figures come from: every salary and agency rate names one.
    // grade: "A" official statistics, "B" survey or job-ad data, "C" vendor
    // page or second-hand. Say in `note` how a figure was derived.
    sources: {{
        "my-source": (title: "Describe the source", url: "https://example.org/source", published: "2026-01-01", grade: "B"),
    }},

    // Roles (by id): title and focus, Engineering or Development.
    // roles: {{ "ml-researcher": (title: "ML researcher", focus: Development) }},

    // Places (by id, each replaces the whole entry below): currency and the
    // employer terms of in-house seats and agency seats.
    // locations: {{ "mexico": (name: "Mexico", currency: "MXN", in_house: (...), agency: (...)) }},

    // Annual salaries by role, level and location, in the location's
    // currency unless the entry names one. For example, from {base_name}:
    salaries: [
{example_salary}
    ],

    // Hourly agency rates, keyed the same way. For example:
    agency_rates: [
{example_rate}
    ],

    // Exchange rates (units of base per one unit). The topmost fx wins whole,
    // so copy every rate you need if you add this section.
    // fx: (base: "USD", rates: {{ "EUR": 1.16 }}),
)
"#
    )
}
