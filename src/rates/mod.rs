//! Rate plugins (MODEL.md section 3): reading one, finding all, layering
//! them, and the staffing profile they carry.

pub mod catalog;
pub mod diff;
pub mod edit;
mod entries;
pub mod guide;
pub mod import;
pub mod layers;
mod raw;
pub mod scaffold;
pub mod staffing;
pub mod table;

pub use catalog::Catalog;
pub use layers::Layers;
pub use table::{RateKey, RateTable};

/// The rate layers a scenario uses when it names none (kept in
/// [`crate::vocabulary`], below both the scenario and the rates).
pub use crate::vocabulary::DEFAULT_LAYERS;
