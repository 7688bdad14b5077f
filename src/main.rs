//! The `teamcost` binary: parses flags, calls the library, prints, and maps
//! errors to exit statuses (0 ok, 1 other failure, 2 bad input, 3 over budget).

mod cli;

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use clap::Parser;
use teamcost::Diagnostics;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match cli::run(cli) {
        Ok(outcome) => match print(&outcome.stdout) {
            Ok(()) => ExitCode::from(outcome.status),
            Err(status) => status,
        },
        Err(err) => {
            let status = if let Some(failed) = err.downcast_ref::<cli::CheckFailed>() {
                if let Err(status) = print(&failed.stdout) {
                    return status;
                }
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

/// Writes a command's output to stdout. A reader that went away (`teamcost
/// ... | head`) ends the run quietly, as a closed pipe does for any Unix
/// tool; any other failure (a full disk, `> /dev/full`) is an error, status
/// 1, so a script never takes a missing output for a success.
fn print(text: &str) -> Result<(), ExitCode> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("error: cannot write the output to stdout: {e}");
            Err(ExitCode::from(1))
        }
    }
}
