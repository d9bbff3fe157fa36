//! The number grammar: masked text in, `Mention`s out.
//!
//! Takes the masked text of a `Document` (code, URLs and comments already blanked) and
//! returns every numeric mention in order of position, with its kind, normalised value,
//! unit, hedge and asserted interval (design.md §2).

mod mention;

pub use mention::{Hedge, Kind, Mention, Numeral, Style};

/// Settings that change what a mention asserts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractOptions {
    /// The relative tolerance `r` of an approximate hedge (约, about): 0.05 by default.
    pub tolerance: f64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { tolerance: 0.05 }
    }
}

/// Every mention in `text`, quantities and non-quantities, sorted by position.
pub fn extract(_text: &str, _options: &ExtractOptions) -> Vec<Mention> {
    Vec::new()
}

/// The replacement for `mention.number` that writes `value` (in `Mention::value`'s units)
/// in the style of the original, or `None` when it cannot be written that way.
pub fn write_like(_mention: &Mention, _value: f64) -> Option<String> {
    None
}
