//! teamcost: whom to hire for AI work, where, how, and what it will cost.
//!
//! The library holds all logic and never prints: files are read at the
//! edges ([`load_scenario`], [`rates::Catalog::load`]), everything between is
//! pure and testable without a disk; [`assess`] is the one pipeline every
//! command reads. See MODEL.md for the model.

pub mod advice;
pub mod assessment;
pub mod audit;
pub mod brief;
pub mod budget;
pub mod check;
pub mod conversion;
pub mod engine;
pub mod impact;
pub mod input;
pub mod money;
pub mod output;
pub mod pipeline;
pub mod plot;
pub mod range;
pub mod rates;
pub mod report;
pub mod scenario;
pub mod team;
pub mod text;
pub mod vocabulary;
pub mod width;

pub use assessment::Assessment;
pub use engine::Estimate;
pub use input::diagnostic::{Diagnostic, Diagnostics};
pub use pipeline::{Assessed, Request, assess, assess_in, assess_scenario, estimate, load_scenario};
pub use rates::{Catalog, Layers};
pub use scenario::Scenario;

// The edges the binary parses its flags with, so that it need not reach
// into the modules that own them.
pub use engine::sensitivity::sensitivity;
pub use engine::simulation::{DEFAULT_SEED, DEFAULT_TRIALS};
pub use input::origin::{Located, Origin};
pub use input::source::{Source, parse_decimal};
pub use input::suggest::did_you_mean;
