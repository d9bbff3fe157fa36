//! The number grammar: masked text in, `Mention`s out.
//!
//! Takes the masked text of a `Document` (code, URLs and comments already blanked) and
//! returns every numeric mention in order of position, with its kind, normalised value,
//! unit, hedge and asserted interval (docs/numbers.md).
//!
//! The work is split by stage: `scan` walks the bytes and stops only where a number can
//! start; `numeral` reads digits, Chinese numerals and English number words; `context` reads
//! the currency, scale word, unit and hedges around them, `nonquant` the years, dates,
//! ordinals, references and names, and `forms` the fixed forms (`三分之二`, `doubled`);
//! `attach` joins ranges and detached hedges and computes intervals; `write` goes back from a
//! value to text. The word tables are in `lexicon`.

mod attach;
mod context;
mod forms;
mod lexicon;
mod mention;
mod nonquant;
mod numeral;
mod scan;
mod write;

pub use mention::{Hedge, Kind, Mention, Numeral, Style};
pub use write::write_like;

/// The extractor's hedge table, which the checks share through `crate::lexicon`.
pub(crate) use lexicon::HEDGE_BEFORE;

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
pub fn extract(text: &str, options: &ExtractOptions) -> Vec<Mention> {
    let r = if options.tolerance.is_finite() {
        options.tolerance.max(0.0)
    } else {
        0.0
    };
    // Prose as dense in numbers as a statistics report holds about one mention per 70 bytes:
    // room for that many up front saves most of the copying as the list grows.
    let mut out: Vec<Mention> = Vec::with_capacity(text.len() / 64);
    let mut floor = 0;
    scan::scan(text, |raws| {
        attach::ranges(text, raws);
        floor = attach::detached(text, raws, floor);
        out.extend(
            raws.drain(..)
                .filter(|raw| !(raw.weak || (raw.indefinite && raw.hedge.is_none())))
                .filter_map(|raw| attach::finish(raw, r)),
        );
    });
    if !out.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
    out
}
