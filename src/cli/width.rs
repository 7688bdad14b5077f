//! How wide the tables may be, decided in one place: `--width` wins, else
//! the `COLUMNS` environment variable, else the terminal's width when
//! stdout is a terminal, else (piped, no `COLUMNS`) no limit. The library
//! gets the answer as a plain [`Width`].

use teamcost::Diagnostic;
use teamcost::report::Width;
use teamcost::width::NARROWEST;

/// The width in force for this run.
pub(crate) fn width(flag: Option<u16>) -> Result<Width, Diagnostic> {
    let columns = std::env::var("COLUMNS").ok();
    let terminal = terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| w.0);
    decide(flag, columns.as_deref(), terminal)
}

/// `--width 0` means no limit; a width below [`NARROWEST`] is refused.
/// `COLUMNS` that is not a positive number is not looked at; it and the
/// terminal's width count as at least [`NARROWEST`].
pub(crate) fn decide(
    flag: Option<u16>,
    columns: Option<&str>,
    terminal: Option<u16>,
) -> Result<Width, Diagnostic> {
    match flag {
        Some(0) => return Ok(Width::Unlimited),
        Some(n) if n < NARROWEST => {
            return Err(
                Diagnostic::new("--width", format!("--width {n} is too narrow for a table"))
                    .expected(format!(
                        "a number of columns from {NARROWEST} on, or 0 for no limit"
                    ))
                    .help("write --width 80, or leave --width out to fit the terminal"),
            );
        }
        Some(n) => return Ok(Width::Columns(n)),
        None => {}
    }
    let columns = columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c > 0);
    Ok(match columns.or(terminal.filter(|t| *t > 0)) {
        Some(n) => Width::Columns(n.max(NARROWEST)),
        None => Width::Unlimited,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_wins_then_columns_then_the_terminal() {
        assert_eq!(decide(Some(100), Some("80"), Some(120)), Ok(Width::Columns(100)));
        assert_eq!(decide(None, Some("80"), Some(120)), Ok(Width::Columns(80)));
        assert_eq!(decide(None, None, Some(120)), Ok(Width::Columns(120)));
        assert_eq!(decide(None, None, None), Ok(Width::Unlimited));
    }

    #[test]
    fn zero_is_no_limit_and_silly_values_are_refused_or_ignored() {
        assert_eq!(decide(Some(0), Some("80"), Some(80)), Ok(Width::Unlimited));
        assert!(decide(Some(10), None, None).is_err());
        assert_eq!(decide(None, Some("wide"), None), Ok(Width::Unlimited));
        assert_eq!(decide(None, Some("0"), Some(90)), Ok(Width::Columns(90)));
        assert_eq!(decide(None, Some("12"), None), Ok(Width::Columns(NARROWEST)));
    }
}
