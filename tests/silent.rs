//! Input that used to be accepted silently or reported without a place:
//! each case is the one change it makes to the base scenario or an overlay
//! (tests/errors.rs), with the whole message asserted.

use serde_json::Value;

use crate::errors::{BASE, assert_bad_input, base, layered, mexico};
use crate::support::Workdir;

/// The base with a recommended team in place of its seats.
fn recommend(target: &str) -> String {
    base(
        "team: Seats([\n        (role: \"ai-engineer\", level: Senior),\n    ]),",
        &format!("team: Recommend({target}),"),
    )
}

/// RON maps keep the last of two equal keys: a second source used to
/// replace the first without a word.
#[test]
fn source_given_twice() {
    let overlay = r#"RateTable(
    name: "overlay",
    sources: {
        "survey": (title: "A salary survey", published: "2026"),
        "survey": (title: "Another salary survey", published: "2025"),
    },
)
"#;
    assert_bad_input(
        &[("s.ron", &layered("us")), ("rates/overlay.ron", overlay)],
        r#"error: rates/overlay.ron:5:10: `survey` is given twice in sources (first at line 4, column 10)
  |
5 |         "survey": (title: "Another salary survey", published: "2025"),
  |          ^^^^^^
  = expected: each id once in sources
  = help: remove one of the two entries or merge them; to change an entry of another plugin, layer a plugin above it
"#,
    );
}

#[test]
fn location_given_twice() {
    let one = mexico("1.3");
    let (head, entry) = one.split_once("        \"mexico\": (").expect("an entry");
    let entry = entry.split_once("    },\n)").expect("end of locations").0;
    let overlay = format!("{head}        \"mexico\": ({entry}        \"mexico\": ({entry}    }},\n)\n");
    assert_bad_input(
        &[("s.ron", &layered("mexico")), ("rates/overlay.ron", &overlay)],
        r#"error: rates/overlay.ron:18:10: `mexico` is given twice in locations (first at line 4, column 10)
   |
18 |         "mexico": (
   |          ^^^^^^
   = expected: each id once in locations
   = help: remove one of the two entries or merge them; to change an entry of another plugin, layer a plugin above it
"#,
    );
}

/// a rate for the base currency used to be ignored
#[test]
fn fx_rate_for_the_base_currency() {
    let overlay = "RateTable(\n    name: \"overlay\",\n    fx: (base: \"USD\", rates: { \"USD\": 1, \"EUR\": 1.17 }),\n)\n";
    assert_bad_input(
        &[("s.ron", &layered("germany")), ("rates/overlay.ron", overlay)],
        r#"error: rates/overlay.ron:3:33: fx.rates has an entry for USD, the base currency
  |
3 |     fx: (base: "USD", rates: { "USD": 1, "EUR": 1.17 }),
  |                                 ^^^
  = expected: rates of the other currencies only: the base USD is 1 by definition
  = help: remove "USD" from fx.rates, or change fx.base
"#,
    );
}

/// used to exit 0, the budget ignored
#[test]
fn recommend_with_an_unknown_field() {
    assert_bad_input(
        &[("s.ron", &recommend("effort_pm: 10, budgett: 5"))],
        r#"error: s.ron:7:36: unknown field `budgett` in Recommend
  |
7 |     team: Recommend(effort_pm: 10, budgett: 5),
  |                                    ^^^^^^^
  = expected: one of the fields effort_pm, budget
  = help: did you mean `budget`?
"#,
    );
}

/// used to say only "Recommend needs effort_pm or budget", with no place
#[test]
fn recommend_with_a_misspelt_field() {
    assert_bad_input(
        &[("s.ron", &recommend("efort_pm: 10"))],
        r#"error: s.ron:7:21: unknown field `efort_pm` in Recommend
  |
7 |     team: Recommend(efort_pm: 10),
  |                     ^^^^^^^^
  = expected: one of the fields effort_pm, budget
  = help: did you mean `effort_pm`?
"#,
    );
}

#[test]
fn recommend_without_a_target() {
    assert_bad_input(
        &[("s.ron", &recommend(""))],
        r#"error: s.ron:7:11: Recommend needs effort_pm or budget
  |
7 |     team: Recommend(),
  |           ^^^^^^^^^
  = expected: Recommend(effort_pm: N) or Recommend(budget: N)
  = help: write, for example, team: Recommend(effort_pm: 18)
"#,
    );
}

/// a byte order mark, as some editors write, is not part of the text
#[test]
fn byte_order_mark_is_accepted() {
    let scenario = format!("\u{feff}{}", layered("mexico"));
    let overlay = format!("\u{feff}{}", mexico("1.3")).replace(
        "    locations: {",
        "    salaries: [(role: \"ai-engineer\", level: Senior, location: \"mexico\", annual: 900000, source: \"bls-oews-2024\")],\n    locations: {",
    );
    let dir = Workdir::new(&[("s.ron", &scenario), ("rates/overlay.ron", &overlay)]);
    let check = dir.run(&["check", "s.ron", "rates/overlay.ron"]);
    assert_eq!((check.status, check.stderr.as_str()), (0, ""), "{}", check.stdout);
    let estimate = dir.run(&["estimate", "s.ron"]);
    assert_eq!(estimate.status, 0, "{}", estimate.stderr);
}

/// A plugin in ./rates named like the shipped table replaces it whole: a
/// lookup that fails says so, or the user looks for the figure in the
/// shipped table, where it is.
#[test]
fn shadowing_plugin_is_named() {
    let shadow = "RateTable(\n    name: \"market-2026\",\n)\n";
    assert_bad_input(
        &[("s.ron", BASE), ("rates/market-2026.ron", shadow)],
        r#"error: s.ron:5:15: unknown location `us`
  |
5 |     location: "us",
  |               ^^^^
  = expected: a location defined in layers market-2026 (rates/market-2026.ron shadows the shipped table): 
  = help: define `us` in a rate plugin, or use one of the known locations
"#,
    );
}

/// Sensitivity used to round input ranges to cents (0.035 showed as
/// "0.04") and showed a EUR salary range with nothing to say it was EUR.
#[test]
fn sensitivity_json_gives_inputs_exactly_with_their_currency() {
    let scenario = base(
        "    location: \"us\",\n",
        "    location: \"germany\",\n    currency: \"USD\",\n",
    );
    let run = Workdir::new(&[("s.ron", &scenario)]).run(&["sensitivity", "s.ron", "--format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(v["currency"], "USD");
    let input = |name: &str| {
        v["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .find(|i| i["input"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("input {name} in {}", run.stdout))
    };
    let fee = input("recruiting fee germany");
    // rates/market-2026.ron: recruiting_fee (low: 0.035, typical: 0.20, high: 0.30)
    assert_eq!(
        (&fee["low"], &fee["typical"], &fee["high"]),
        (&"0.035".into(), &"0.2".into(), &"0.3".into())
    );
    assert_eq!(fee["unit"], "share of annual salary");
    assert_eq!(fee["input_currency"], Value::Null);
    let salary = input("salary ai-engineer Senior germany");
    // rates/market-2026.ron: (low: 71000, typical: 78500, high: 83000), in EUR
    assert_eq!(
        (&salary["low"], &salary["high"]),
        (&"71000".into(), &"83000".into())
    );
    assert_eq!(salary["input_currency"], "EUR");
    assert_eq!(salary["unit"], "EUR per year");
}
