//! The one helper that rewrites a figure: a mention, the value it should state and the
//! interval that value must land in; out, the mention as it should read and its fix.
//!
//! The number is written in the mention's own style (`extract::write_like`), spliced into
//! the mention's text, and the result is read back with the extractor: the fix is `Safe`
//! only when the new text reads as one mention of the same kind and unit, in the place of
//! the old number, whose interval meets the intended one (a suggestion rounded too coarsely,
//! `2倍` for 2.449, is shown but not applied). Otherwise it is `DisplayOnly`. A number that
//! is part of a malformed digit group (`6915,044`) is not a mention to edit: what the writer
//! meant by it is unknown, so its fix is display-only too.

use super::Context;
use crate::eval::Interval;
use crate::extract::{ExtractOptions, Mention, extract, write_like};
use crate::finding::{Applicability, Edit, Fix};

/// A figure rewritten: the whole mention as it should read and, when the numeral could be
/// replaced in place, the fix that does it.
pub(crate) struct Rewrite {
    pub text: String,
    pub fix: Option<Fix>,
}

/// `m` rewritten to state `value`, confirmed against `target`; `None` when the value cannot
/// be written in the mention's style (ranges, `三分之二`, values too large for words).
pub(crate) fn rewrite_number(
    ctx: &Context<'_>,
    m: &Mention,
    value: f64,
    target: Interval,
) -> Option<Rewrite> {
    let replacement = write_like(m, value)?;
    let text = &ctx.doc.text;
    if !m.span.contains(m.number) {
        return Some(Rewrite {
            text: replacement,
            fix: None,
        });
    }
    let prefix = &text[m.span.start..m.number.start];
    let rewritten = format!("{prefix}{replacement}{}", &text[m.number.end..m.span.end]);
    let options = ctx.options.extract_options();
    let confirmed = !in_malformed_group(text, m)
        && reads_as(&rewritten, prefix.len(), &replacement, m, target, &options);
    let applicability = if confirmed {
        Applicability::Safe
    } else {
        Applicability::DisplayOnly
    };
    let edit = Edit {
        span: m.number,
        replacement,
    };
    Some(Rewrite {
        text: rewritten,
        fix: Some(Fix::new(edit, applicability)),
    })
}

/// Whether `rewritten` reads as one quantity of `m`'s kind and unit, whose numeral is the
/// replacement at `at`, and whose interval meets `target`.
fn reads_as(
    rewritten: &str,
    at: usize,
    replacement: &str,
    m: &Mention,
    target: Interval,
    options: &ExtractOptions,
) -> bool {
    let again = extract(rewritten, options);
    let mut quantities = again.iter().filter(|q| q.kind.is_quantity());
    let (Some(q), None) = (quantities.next(), quantities.next()) else {
        return false;
    };
    q.kind == m.kind
        && q.unit == m.unit
        && q.number.start <= at
        && q.number.end >= at + replacement.len()
        && q.interval.meets(&target)
}

/// Whether the numeral of `m` is glued to other digits by a comma (`6915,044`), or holds a
/// comma that does not group thousands (`69,15`).
pub(crate) fn in_malformed_group(text: &str, m: &Mention) -> bool {
    let b = text.as_bytes();
    let (s, e) = (m.number.start, m.number.end);
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let glued_before = s >= 1 && (digit(s - 1) || (b[s - 1] == b',' && s >= 2 && digit(s - 2)));
    let glued_after = digit(e) || (b.get(e) == Some(&b',') && digit(e + 1));
    if glued_before || glued_after {
        return true;
    }
    let numeral = &text[m.number.range()];
    let int = numeral.split('.').next().unwrap_or("");
    if !int.contains(',') {
        return false;
    }
    let groups: Vec<&str> = int.split(',').collect();
    let digits = |g: &&str| g.bytes().all(|c| c.is_ascii_digit());
    !(groups.iter().all(digits)
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3))
}
