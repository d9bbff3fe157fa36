//! Writing a value back in the style of a mention: a mention and a value in, the text that
//! replaces `mention.number` out (`九` → `八`, `2.5` → `2.4`, `22,816` keeps its comma).

use super::mention::{Hedge, Mention, Numeral};
use super::numeral::{to_full_width, write_arabic, write_chinese, write_english};

/// The replacement for `mention.number` that writes `value` (in `Mention::value`'s units)
/// in the style of the original, or `None` when it cannot be written that way (ranges,
/// `三分之二`, `翻了一番`, values too large for words).
pub fn write_like(mention: &Mention, value: f64) -> Option<String> {
    let factor = mention.style.factor;
    if !(factor.is_finite() && factor > 0.0 && value.is_finite()) {
        return None;
    }
    if mention.hedge == Some(Hedge::Range) {
        return None;
    }
    let v = value / factor;
    let decimals = mention.style.decimals;
    match mention.style.numeral {
        Numeral::Arabic => Some(write_arabic(v, decimals, mention.style.grouped)),
        Numeral::FullWidth => Some(to_full_width(&write_arabic(
            v,
            decimals,
            mention.style.grouped,
        ))),
        Numeral::Chinese => write_chinese(v, decimals),
        Numeral::Words => {
            let n = v.round();
            if !(0.0..1e6).contains(&n) {
                return None;
            }
            write_english(n as u64)
        }
    }
}
