//! Flags into options, once: every flag a command family shares is parsed
//! and cross-checked here, into the library's [`Request`]; nothing past
//! this file sees a clap type.

use rust_decimal::Decimal;
use teamcost::budget::{Budget, GatePoint};
use teamcost::money::Currency;
use teamcost::pipeline::{Scale, Trials};
use teamcost::{Diagnostic, Diagnostics, Request};
use teamcost::{Located, Origin};

use super::{InputArgs, OneFileArgs};

/// `--currency CODE`.
pub(crate) fn currency(code: &Option<String>) -> Result<Option<Located<Currency>>, Diagnostic> {
    let Some(code) = code else { return Ok(None) };
    let flag = |c| Located::new(c, Origin::new("--currency"));
    Currency::parse(code).map(flag).map(Some).ok_or_else(|| {
        Diagnostic::new("--currency", format!("`{code}` is not a currency code"))
            .expected("three upper-case letters, as in USD, EUR, PLN")
            .help(format!("write --currency {}", code.to_uppercase()))
    })
}

/// `--budget AMOUNT [--at POINT]`, which at p50 or p90 needs `--trials`.
fn budget(args: &InputArgs) -> Result<Option<Budget>, Diagnostic> {
    let Some(text) = &args.budget else { return Ok(None) };
    let amount = teamcost::parse_decimal(text)
        .filter(|a| *a > Decimal::ZERO)
        .ok_or_else(|| {
            Diagnostic::new("--budget", format!("`{text}` is not an amount"))
                .expected("a positive amount in the reporting currency, e.g. 250000 or 250000.50")
                .help("write the amount with digits only, no currency sign or separators")
        })?;
    let at = GatePoint::from(args.at);
    if at.needs_simulation() && args.trials == 0 {
        return Err(Diagnostic::new(
            "--at",
            format!("--at {} needs the simulation, and --trials is 0", at.name()),
        )
        .expected("--trials of 1 or more with --at p50 or p90")
        .help("drop --trials 0, or hold the budget against low, likely or high"));
    }
    Ok(Some(Budget { amount, at }))
}

/// The request of a command that reads several scenario files: `scale`
/// says whether it shows them on one scale.
pub(crate) fn request(args: &InputArgs, scale: Scale) -> Result<Request, Diagnostics> {
    let budget = budget(args)?;
    Ok(Request {
        files: args.files.clone(),
        currency: currency(&args.currency)?,
        scale,
        simulation: (args.trials > 0).then_some(Trials {
            trials: args.trials,
            seed: args.seed,
        }),
        budget,
    })
}

/// The request of `sensitivity` and `breakeven`: one file, not simulated.
pub(crate) fn one_file(args: &OneFileArgs) -> Result<Request, Diagnostics> {
    Ok(Request {
        currency: currency(&args.currency)?,
        ..Request::files(vec![args.file.clone()])
    })
}
