//! Property tests for the invariants MODEL.md section 4 states: parts add
//! up, low <= likely <= high, cost grows with duration and count.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::tests::{hand_layers, scenario};
use crate::estimate;

/// Decimal sums of 28-digit figures may differ in the last digits; a
/// millionth of a cent is far below anything shown.
fn close(a: Decimal, b: Decimal) -> bool {
    (a - b).abs() < Decimal::new(1, 8)
}

fn seat_text(in_house: bool, count: u32, allocation_pct: u32) -> String {
    let allocation = Decimal::new(i64::from(allocation_pct), 2);
    if in_house {
        format!("(role: \"ai-engineer\", level: Senior, count: {count}, allocation: {allocation})")
    } else {
        format!(
            "(role: \"ai-developer\", level: Mid, count: {count}, allocation: {allocation}, engagement: Agency)"
        )
    }
}

fn team() -> impl Strategy<Value = Vec<(bool, u32, u32)>> {
    prop::collection::vec((any::<bool>(), 1u32..6, 1u32..=100), 1..5)
}

fn seats(team: &[(bool, u32, u32)]) -> String {
    team.iter()
        .map(|(h, c, a)| seat_text(*h, *c, *a))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Durations from 0.1 to 36 months in tenths.
fn duration() -> impl Strategy<Value = Decimal> {
    (1i64..=360).prop_map(|tenths| Decimal::new(tenths, 1))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn parts_add_up_and_ranges_are_ordered(team in team(), d in duration()) {
        let e = estimate(&scenario(&d.to_string(), &seats(&team), ""), &hand_layers()).unwrap();
        prop_assert!(close(e.components.total(), e.cost.likely));
        prop_assert!(close(e.monthly.iter().map(|m| m.likely).sum(), e.cost.likely));
        prop_assert!(close(e.seats.iter().map(|s| s.cost.likely).sum(), e.cost.likely));
        for s in &e.seats {
            prop_assert!(close(s.components.total(), s.cost.likely));
        }
        prop_assert!(e.cost.low <= e.cost.likely && e.cost.likely <= e.cost.high);
        prop_assert!(e.capacity.low <= e.capacity.likely && e.capacity.likely <= e.capacity.high);
        prop_assert_eq!(e.engineering_fte + e.development_fte, e.seats.iter().map(|s| s.fte).sum::<Decimal>());
    }

    #[test]
    fn cost_grows_with_duration(team in team(), d in duration(), extra in 1i64..=120) {
        let longer = d + Decimal::new(extra, 1);
        let layers = hand_layers();
        let short = estimate(&scenario(&d.to_string(), &seats(&team), ""), &layers).unwrap();
        let long = estimate(&scenario(&longer.to_string(), &seats(&team), ""), &layers).unwrap();
        prop_assert!(long.cost.low >= short.cost.low);
        prop_assert!(long.cost.likely >= short.cost.likely);
        prop_assert!(long.cost.high >= short.cost.high);
        prop_assert!(long.capacity.likely >= short.capacity.likely);
    }

    #[test]
    fn cost_grows_with_count(team in team(), d in duration(), which in 0usize..4, more in 1u32..4) {
        let mut bigger = team.clone();
        let i = which % bigger.len();
        bigger[i].1 += more;
        let layers = hand_layers();
        let small = estimate(&scenario(&d.to_string(), &seats(&team), ""), &layers).unwrap();
        let large = estimate(&scenario(&d.to_string(), &seats(&bigger), ""), &layers).unwrap();
        prop_assert!(large.cost.likely >= small.cost.likely);
        prop_assert!(large.cost.high >= small.cost.high);
        prop_assert!(large.capacity.likely >= small.capacity.likely);
    }
}
