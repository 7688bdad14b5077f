//! End-to-end tests: the real binary, run in temporary directories.

mod advice;
mod audit;
mod bounds;
mod charts;
mod charts_read;
mod cli;
mod currencies;
mod decisions;
mod document;
mod errors;
mod files;
mod formats;
mod fuzz;
mod market;
mod plans;
mod premiums;
mod rates;
mod recommend;
mod shipped;
mod silent;
mod support;
mod width;
