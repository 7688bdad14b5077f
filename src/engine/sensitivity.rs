//! Sensitivity (MODEL.md section 6): the likely cost with one input at its
//! low and at its high end, the rest at typical; largest swing first. The
//! data of the tornado chart.

use rust_decimal::Decimal;

use crate::engine::inputs::{Input, cost_values};
use crate::engine::model::CostModel;
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
    let mut swings = Vec::new();
    for (i, input) in model.inputs.iter().enumerate() {
        if input.range.is_fixed() {
            continue;
        }
        let mut values = typical.clone();
        values[i] = input.range.low();
        let at_low = total(model, &values)?;
        values[i] = input.range.high();
        let at_high = total(model, &values)?;
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
