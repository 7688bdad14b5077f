//! The `teamcost` binary: parses flags, calls the library, prints, and maps
//! errors to exit statuses (0 ok, 1 other failure, 2 bad input, 3 over budget).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use teamcost::Diagnostics;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(outcome) => {
            let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
            ExitCode::from(outcome.status)
        }
        Err(err) => {
            let status = if let Some(failed) = err.downcast_ref::<cli::CheckFailed>() {
                let _ = std::io::stdout().write_all(failed.stdout.as_bytes());
                2
            } else if err.downcast_ref::<Diagnostics>().is_some() {
                2
            } else {
                1
            };
            eprintln!("error: {err:#}");
            ExitCode::from(status)
        }
    }
}
