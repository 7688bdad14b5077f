//! End-to-end tests: the real binary, run in temporary directories.

mod charts;
mod decisions;
mod errors;
mod files;
mod formats;
mod rates;
mod recommend;
mod shipped;
mod support;
