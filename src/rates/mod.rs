//! Rate plugins (MODEL.md section 3): reading one, finding all, layering them.

pub mod catalog;
pub mod diff;
pub mod edit;
pub mod import;
pub mod layers;
mod raw;
pub mod scaffold;
pub mod table;

pub use catalog::Catalog;
pub use layers::Layers;
pub use table::{RateKey, RateTable};
