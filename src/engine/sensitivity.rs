//! Sensitivity (MODEL.md section 6): the likely cost with one input at its
//! low and at its high end, the rest at typical; largest swing first. The
//! data of the tornado chart.

use rust_decimal::Decimal;

use crate::engine::inputs::{Input, cost_values};
use crate::engine::model::CostModel;
use crate::engine::number::{Exact, Number};
use crate::input::diagnostic::Diagnostic;
use crate::range::Bound;

/// One input's effect on the likely cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Swing {
    pub input: Input,
    /// Likely cost with this input at its low end.
    pub at_low: Decimal,
    /// Likely cost with this input at its high end.
    pub at_high: Decimal,
}

impl Swing {
    pub fn swing(&self) -> Decimal {
        (self.at_high - self.at_low).abs()
    }
}

/// The scenario's likely cost at these values.
fn total(model: &CostModel, values: &[Decimal]) -> Result<Decimal, Diagnostic> {
    model
        .cost(values, model.duration)
        .get()
        .ok_or_else(|| model.too_large("cost"))
}

/// Every input that varies, with its swing, largest first (ties by name).
pub fn sensitivity(model: &CostModel) -> Result<(Decimal, Vec<Swing>), Diagnostic> {
    let typical = cost_values(&model.inputs, Bound::Typical);
    let likely = total(model, &typical)?;
    // each seat and line at typical values, read again only when it reads
    // the input moved; summed in the model's order, so each total is the
    // decimal `CostModel::cost` gives
    let d = model.duration;
    let seats: Vec<Exact> = model.seats.iter().map(|s| s.terms(&typical, d).cost()).collect();
    let lines: Vec<Exact> = model
        .lines
        .iter()
        .map(|l| l.cost_within(&typical, d, Decimal::ZERO, d))
        .collect();
    // the total with input `i` moved to `values[i]`
    let moved = |i: usize, values: &[Decimal]| -> Result<Decimal, Diagnostic> {
        let seats = model
            .seats
            .iter()
            .zip(&seats)
            .fold(Exact::zero(), |sum, (s, at_typical)| {
                sum + if s.formula.reads(i) {
                    s.terms(values, d).cost()
                } else {
                    *at_typical
                }
            });
        let lines = model
            .lines
            .iter()
            .zip(&lines)
            .fold(Exact::zero(), |sum, (l, at_typical)| {
                sum + if l.formula.reads(i) {
                    l.cost_within(values, d, Decimal::ZERO, d)
                } else {
                    *at_typical
                }
            });
        (seats + lines).get().ok_or_else(|| model.too_large("cost"))
    };
    let mut swings = Vec::new();
    for (i, input) in model.inputs.iter().enumerate() {
        if input.range.is_fixed() {
            continue;
        }
        let mut values = typical.clone();
        values[i] = input.range.low();
        let at_low = moved(i, &values)?;
        values[i] = input.range.high();
        let at_high = moved(i, &values)?;
        swings.push(Swing {
            input: input.clone(),
            at_low,
            at_high,
        });
    }
    swings.sort_by(|a, b| {
        b.swing()
            .cmp(&a.swing())
            .then_with(|| a.input.to_string().cmp(&b.input.to_string()))
    });
    Ok((likely, swings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading again only the seats and lines an input reaches gives, on
    /// every shipped scenario, the totals of the whole model read again.
    #[test]
    fn each_swing_is_the_whole_models_total() {
        let catalog = crate::Catalog::embedded().expect("shipped rates");
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("scenarios")
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert!(files.len() >= 10);
        for file in files {
            let scenario = crate::load_scenario(&file).expect("a shipped scenario reads");
            let layers = catalog.layers(&scenario.rates).expect("layers");
            let (seats, _) = crate::team::seats(&scenario, &layers).expect("seats");
            let model = crate::engine::model::build(&scenario, &seats, &layers).expect("model");
            let (likely, swings) = sensitivity(&model).expect("sensitivity");
            let typical = cost_values(&model.inputs, Bound::Typical);
            assert_eq!(
                likely.to_string(),
                total(&model, &typical).expect("total").to_string()
            );
            let spread = model.inputs.iter().filter(|i| !i.range.is_fixed()).count();
            assert_eq!(swings.len(), spread, "{}", file.display());
            for swing in swings {
                let i = model
                    .inputs
                    .iter()
                    .position(|x| *x == swing.input)
                    .expect("an input");
                let at = |value: Decimal| {
                    let mut values = typical.clone();
                    values[i] = value;
                    total(&model, &values).expect("total").to_string()
                };
                let name = format!("{} {}", file.display(), swing.input);
                assert_eq!(swing.at_low.to_string(), at(swing.input.range.low()), "{name}");
                assert_eq!(swing.at_high.to_string(), at(swing.input.range.high()), "{name}");
            }
        }
    }
}
