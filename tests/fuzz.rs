//! Fuzzing as a test: seeded mutants of the shipped files go through the
//! library's read, check and estimate path (plus sensitivity, break-even, a
//! short simulation and the reports), and none may panic. A mutant that
//! does not read is fine; a panic is a bug: either a figure the bounds in
//! src/fields.rs let through, or a reader that trusts its input.
//!
//! The mutations are the ones that found the panics of issue 9: a number
//! replaced by an extreme value, a character deleted, a line duplicated,
//! a line deleted. The seed is fixed, so a failure is reproducible; the
//! failing mutant is printed whole.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use teamcost::input::source::Source;
use teamcost::rates::{Catalog, Layers, RateTable};
use teamcost::report::Format;
use teamcost::scenario::Scenario;

use crate::support::{repo, shipped_scenarios};

/// Values that broke or nearly broke the engine: the limits of a decimal,
/// zero, negatives, tiny and huge.
const EXTREMES: &[&str] = &[
    "1e28",
    "0",
    "-1",
    "79228162514264337593543950335",
    "1e-28",
    "0.0001",
    "1e27",
    "1000000000",
    "0.000001",
    "1000000",
    "520",
    "744",
    "1000",
    "120",
    "0.1",
    "\"1e28\"",
];

/// How many mutants of the scenarios, and of the rate table. Reading the
/// whole shipped table takes ~25 ms in a debug build, a scenario and all
/// that is done with it ~2 ms: these counts keep the test near 10 s.
const SCENARIO_MUTANTS: usize = 1500;
const RATE_MUTANTS: usize = 200;

/// A small, seeded generator (xorshift64*): no dependency, same mutants on
/// every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Byte ranges of the numbers in a text (digit runs with their point,
/// sign and exponent).
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit()
            && (i == 0
                || !(bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] == b'-' && i >= 2 && bytes[i - 2].is_ascii_alphanumeric()));
        if starts {
            let start = if i > 0 && bytes[i - 1] == b'-' { i - 1 } else { i };
            let mut end = i;
            while end < bytes.len()
                && (bytes[end].is_ascii_digit() || matches!(bytes[end], b'.' | b'_' | b'e' | b'E'))
            {
                end += 1;
            }
            found.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    found
}

/// One mutant of `text`.
fn mutate(text: &str, rng: &mut Rng) -> String {
    mutate_numbers(text, numbers(text), rng)
}

/// One mutant of a rate table: most number replacements go to the figures
/// outside the salary and agency rate lists (employer terms, fx, staffing),
/// which are few but read by every seat of a place.
fn mutate_table(text: &str, rng: &mut Rng) -> String {
    let all = numbers(text);
    if rng.below(5) == 0 {
        return mutate_numbers(text, all, rng);
    }
    let terms = all
        .into_iter()
        .filter(|(start, _)| {
            let line_start = text[..*start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[*start..].find('\n').map_or(text.len(), |i| start + i);
            !text[line_start..line_end].contains("role:")
        })
        .collect();
    mutate_numbers(text, terms, rng)
}

fn mutate_numbers(text: &str, numbers: Vec<(usize, usize)>, rng: &mut Rng) -> String {
    match rng.below(8) {
        // most mutants replace a number: that is where the panics were
        0..=4 if !numbers.is_empty() => {
            let (start, end) = numbers[rng.below(numbers.len())];
            let value = EXTREMES[rng.below(EXTREMES.len())];
            format!("{}{value}{}", &text[..start], &text[end..])
        }
        5 => {
            let mut at = rng.below(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let next = text[at..].chars().next().map_or(0, char::len_utf8);
            format!("{}{}", &text[..at], &text[at + next..])
        }
        6 => {
            let lines: Vec<&str> = text.lines().collect();
            let at = rng.below(lines.len());
            let mut out: Vec<&str> = lines[..=at].to_vec();
            out.extend(&lines[at..]);
            out.join("\n")
        }
        _ => {
            let lines: Vec<&str> = text.lines().collect();
            let at = rng.below(lines.len());
            lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != at)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

/// Everything a command does with a scenario and its layers, as far as it
/// gets: estimate, sensitivity, break-even, a short simulation, reports.
fn exercise(catalog: &Catalog, scenario: &Scenario) {
    let Ok(mut assessment) = teamcost::assess_scenario(catalog, scenario.clone(), None) else {
        return;
    };
    let _ = teamcost::engine::sensitivity::sensitivity(&assessment.model);
    let _ = assessment.breakeven();
    let _ = assessment.cost_per_pm();
    assessment.simulate(50, 7, &|_| {});
    let one = std::slice::from_ref(&assessment);
    for format in [Format::Table, Format::Json, Format::Csv] {
        let _ = teamcost::report::estimates(one, format, teamcost::report::Width::Columns(80));
    }
}

/// Where a mutant first differs from its original: the line before and after.
fn difference(original: &str, mutant: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (original.lines().collect(), mutant.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    format!(
        "line {}:\n- {}\n+ {}",
        at + 1,
        a.get(at).unwrap_or(&"<end>"),
        b.get(at).unwrap_or(&"<end>")
    )
}

/// A mutant and what happened to it, for the failure message.
fn panicked(kind: &str, number: usize, original: &str, mutant: &str, run: impl FnOnce()) -> Option<String> {
    catch_unwind(AssertUnwindSafe(run)).err().map(|_| {
        format!(
            "{kind} mutant {number} panicked at {}",
            difference(original, mutant)
        )
    })
}

#[test]
fn mutants_of_the_shipped_files_never_panic() {
    let rates = std::fs::read_to_string(repo().join("rates/market-2026.ron")).expect("shipped table");
    let scenarios: Vec<(String, String)> = shipped_scenarios()
        .iter()
        .map(|p| {
            let name = format!("scenarios/{}", p.file_name().expect("name").to_string_lossy());
            (name, std::fs::read_to_string(p).expect("scenario"))
        })
        .collect();
    let embedded = Catalog::embedded().expect("shipped table reads");
    let originals: Vec<Scenario> = scenarios
        .iter()
        .map(|(name, text)| Scenario::read(Source::new(name, text)).expect("shipped scenario reads"))
        .collect();

    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut failures = Vec::new();

    // scenario mutants, estimated against the shipped table
    for number in 0..SCENARIO_MUTANTS {
        let (name, text) = &scenarios[number % scenarios.len()];
        let mutant = mutate(text, &mut rng);
        failures.extend(panicked("scenario", number, text, &mutant, || {
            if let Ok(scenario) = Scenario::read(Source::new(name, &mutant)) {
                exercise(&embedded, &scenario);
            }
        }));
    }

    // rate table mutants: checked as `check` does, then in force for two
    // shipped scenarios
    for number in 0..RATE_MUTANTS {
        let mutant = mutate_table(&rates, &mut rng);
        let picks = [rng.below(originals.len()), rng.below(originals.len())];
        failures.extend(panicked("rate table", number, &rates, &mutant, || {
            let Ok(table) = RateTable::read(Source::new("rates/market-2026.ron", &mutant)) else {
                return;
            };
            let _ = teamcost::rates::layers::over_default(table.clone(), &embedded);
            let _ = Layers::new(vec![Arc::new(table.clone())]);
            let mut catalog = embedded.clone();
            catalog.add(table);
            for pick in picks {
                exercise(&catalog, &originals[pick]);
            }
        }));
    }

    assert!(
        failures.is_empty(),
        "{} mutants panicked; the first:\n{}",
        failures.len(),
        failures.first().map_or("", String::as_str)
    );
}
