//! The shipped table against the market (issue 11, "Done when"): in every
//! location a standard team breaks even within 60 months, a Mid AI
//! developer's agency month is 1.15-2.8 times a loaded in-house month, each
//! level pays at least the level below and engineers at least developers.

use rust_decimal::Decimal;
use serde_json::Value;
use teamcost::input::source::Source;
use teamcost::rates::{RateKey, RateTable};
use teamcost::vocabulary::Level;

use crate::support::{Workdir, repo};

const LOCATIONS: [&str; 6] = ["us", "uk", "germany", "poland", "india", "brazil"];
const LEVELS: [Level; 4] = [Level::Junior, Level::Mid, Level::Senior, Level::Lead];

fn shipped() -> RateTable {
    let text = std::fs::read_to_string(repo().join("rates/market-2026.ron")).expect("shipped table");
    RateTable::read(Source::new("rates/market-2026.ron", &text)).expect("shipped table reads")
}

fn key(role: &str, level: Level, location: &str) -> RateKey {
    RateKey {
        role: role.into(),
        level,
        location: location.into(),
    }
}

/// A Senior AI engineer, two Mid AI developers and a Junior AI developer.
fn standard_team(location: &str) -> String {
    format!(
        r#"Scenario(
    name: "Standard team in {location}",
    stage: Production,
    duration_months: 24,
    location: "{location}",
    engagement: InHouse,
    team: Seats([
        (role: "ai-engineer", level: Senior),
        (role: "ai-developer", level: Mid, count: 2),
        (role: "ai-developer", level: Junior),
    ]),
)
"#
    )
}

#[test]
fn a_standard_team_breaks_even_within_60_months_everywhere() {
    for location in LOCATIONS {
        let dir = Workdir::new(&[("team.ron", &standard_team(location))]);
        let run = dir.run(&["breakeven", "team.ron", "--format", "json"]);
        assert_eq!(run.status, 0, "{location}: {}", run.stderr);
        let json: Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        let months = json["breakeven_months"].as_u64();
        assert!(
            months.is_some_and(|m| m <= 60),
            "{location}: break-even {:?}, not within 60 months",
            json["breakeven_months"]
        );
    }
}

/// Agency monthly = hourly x hours_per_month; in-house loaded monthly =
/// S/12 x burden + overhead + S/12 x management overhead; at typical, in the
/// location's currency.
#[test]
fn a_mid_ai_developer_costs_an_agency_115_to_280_percent_of_a_loaded_month() {
    let table = shipped();
    let fx = table.fx.as_ref().expect("fx");
    for location in LOCATIONS {
        let place = &table.locations[location].value;
        let k = key("ai-developer", Level::Mid, location);
        let s = table.salaries[&k].amount.typical();
        let terms = &place.in_house;
        let twelve = Decimal::from(12);
        let in_house = s / twelve * terms.burden.typical()
            + terms.overhead_monthly.typical()
            + s / twelve * terms.management_overhead.typical();
        let rate = &table.agency_rates[&k];
        let currency = rate.currency.as_ref().map_or(&place.currency.value, |c| &c.value);
        let to_local = fx.rate(currency).expect("fx rate") / fx.rate(&place.currency.value).expect("fx rate");
        let agency = rate.amount.typical() * place.agency.hours_per_month.typical() * to_local;
        let ratio = agency / in_house;
        assert!(
            ratio >= Decimal::new(115, 2) && ratio <= Decimal::new(280, 2),
            "{location}: agency {agency} / in-house {in_house} = {ratio}"
        );
    }
}

#[test]
fn each_level_pays_at_least_the_level_below_and_engineers_at_least_developers() {
    let table = shipped();
    for location in LOCATIONS {
        for role in table.roles.keys() {
            for pair in LEVELS.windows(2) {
                for prices in [&table.salaries, &table.agency_rates] {
                    let lower = &prices[&key(role, pair[0], location)].amount;
                    let upper = &prices[&key(role, pair[1], location)].amount;
                    assert!(
                        upper.typical() >= lower.typical()
                            && upper.low() >= lower.low()
                            && upper.high() >= lower.high(),
                        "{location} {role}: {:?} pays less than {:?}",
                        pair[1],
                        pair[0]
                    );
                }
            }
        }
        for engineer in ["ai-engineer", "mlops-engineer", "data-engineer"] {
            for level in LEVELS {
                for prices in [&table.salaries, &table.agency_rates] {
                    let e = &prices[&key(engineer, level, location)].amount;
                    let d = &prices[&key("ai-developer", level, location)].amount;
                    assert!(
                        e.typical() >= d.typical(),
                        "{location} {level:?}: {engineer} {} below ai-developer {}",
                        e.typical(),
                        d.typical()
                    );
                }
            }
        }
    }
}

/// Every location says its basis in a note, and every entry names a source
/// with a grade and a date.
#[test]
fn every_location_states_its_basis_and_every_entry_a_graded_source() {
    let table = shipped();
    for location in LOCATIONS {
        let note = table.locations[location].value.note.as_deref().unwrap_or("");
        assert!(note.starts_with("Basis: "), "{location}: {note}");
    }
    for price in table.salaries.values().chain(table.agency_rates.values()) {
        let source = &table.sources[&price.source.value].value;
        assert!(
            source.grade.is_some() && !source.published.is_empty(),
            "{}",
            price.source.value
        );
    }
}

/// `rates show --sources`: the data card names each location's basis, the
/// grades and dates of its sources, and its weakest figures.
#[test]
fn the_data_card_gives_each_basis_and_the_grades() {
    let table = shipped();
    let run = Workdir::new(&[]).run(&["rates", "show", "market-2026", "--sources"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let out = run.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        out.starts_with("Data card of market-2026 (effective 2026-04-01)"),
        "{out}"
    );
    for location in LOCATIONS {
        let place = &table.locations[location].value;
        assert!(
            out.contains(&format!("{} ({location})", place.name)),
            "{location}:\n{out}"
        );
        let note = place.note.as_deref().expect("note");
        let basis: String = note.split_whitespace().take(12).collect::<Vec<_>>().join(" ");
        assert!(out.contains(&basis), "{location}: `{basis}` not in\n{out}");
    }
    for line in [
        "aijobs-net-2025 (B, 2025-01-19): 4 salaries",
        "soda-raport-2023 (B, 2023-06): 1 salary stale: Poland Mid ai-developer pay",
        "itjobswatch-ml-2025 (B, 2025-12-29)",
        "2 salaries of ai-developer (teamcost-assumption, C)",
        "20 agency rates of ai-developer, ai-engineer, data-engineer, mlops-engineer, prompt-engineer (latam-vendor-2026, C)",
    ] {
        assert!(out.contains(line), "`{line}` not in\n{out}");
    }
    assert_eq!(
        out.matches("Weakest figures (grade C or teamcost-assumption):")
            .count(),
        6
    );

    let poland = Workdir::new(&[]).run(&[
        "rates",
        "show",
        "market-2026",
        "--sources",
        "--location",
        "poland",
        "--format",
        "json",
    ]);
    assert_eq!(poland.status, 0, "{}", poland.stderr);
    let json: Value = serde_json::from_str(&poland.stdout).expect("valid JSON");
    let locations = json["locations"].as_array().expect("locations");
    assert_eq!(locations.len(), 1);
    assert!(locations[0]["basis"].as_str().is_some_and(|b| b.contains("UoP")));
    let weakest: Vec<&str> = locations[0]["weakest"]
        .as_array()
        .expect("weakest")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        weakest.contains(&"teamcost-assumption") && weakest.contains(&"topechelon-markup"),
        "{weakest:?}"
    );
    // an old source kept on purpose says why beside it; a recent one has no `stale`
    let stale = |id: &str| {
        locations[0]["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["stale"].clone())
    };
    assert!(
        stale("soda-raport-2023").is_some_and(|s| s.as_str().is_some_and(|r| r.contains("Mercer"))),
        "{poland}",
        poland = poland.stdout
    );
    assert_eq!(stale("soda-raport-2024"), Some(Value::Null));
}
