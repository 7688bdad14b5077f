//! The simulation's progress bar on stderr, and the pipeline run with it.

use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use teamcost::pipeline::Progress;
use teamcost::{Assessed, Catalog, Diagnostics, Request};

/// A bar for runs long enough to wait for (about half a second and more);
/// indicatif hides it when stderr is not a terminal.
struct Bar {
    quiet: bool,
    bar: OnceLock<ProgressBar>,
}

impl Progress for Bar {
    fn start(&self, seat_trials: u64, trials: u64) {
        const WORTH_SHOWING: u64 = 10_000_000;
        let bar = if self.quiet || seat_trials < WORTH_SHOWING {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::with_draw_target(Some(trials), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template("simulating {bar:40} {pos}/{len} trials ({eta})")
            {
                bar.set_style(style);
            }
            bar
        };
        let _ = self.bar.set(bar);
    }

    fn advance(&self, trials: u64) {
        if let Some(bar) = self.bar.get() {
            bar.inc(trials);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

/// The request assessed, with a progress bar unless `quiet`.
pub(crate) fn assessed(catalog: &Catalog, request: &Request, quiet: bool) -> Result<Assessed, Diagnostics> {
    let bar = Bar {
        quiet,
        bar: OnceLock::new(),
    };
    teamcost::assess(catalog, request, &bar)
}
