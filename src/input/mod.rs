//! The ground floor: reading text into located values and saying what is
//! wrong with it. A [`source::Source`] is a file's text; [`fields`] turns
//! its raw values into checked numbers, ids and ranges; [`origin`] keeps
//! where each value came from; [`diagnostic`] is the error a person reads
//! (file:line:col, what was expected, the fix); [`suggest`] finds the
//! "did you mean".

pub mod diagnostic;
pub(crate) mod fields;
pub mod origin;
pub mod source;
pub mod suggest;
