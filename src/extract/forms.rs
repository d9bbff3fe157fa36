//! Fixed forms that are quantities without the numeral-plus-unit shape: a start offset in, a
//! raw mention out. `百分之二十`, `三分之二`, `一半`, `半数`, `数百万`, `翻了一番`, `half`,
//! `a third`, `two-thirds`, `one in eight`, `doubled`, `twice`, `thirteenfold`.
//!
//! Fractions and multiples written in words are round figures by nature (docs/numbers.md): they
//! are marked `by_nature` and read as approximately hedged.

use std::borrow::Cow;

use super::context::{self, Tail, TailKind};
use super::lexicon::{HEDGE_AFTER, SCALE_ZH, char_at, char_before, match_after, skip_space};
use super::mention::{Kind, Numeral, Style};
use super::numeral::{self, Lower, Parsed, en_word, word_at};
use super::scan::{Raw, build};
use crate::source::Span;

/// A fraction or multiple written in words, with the hedges on either side.
fn word_form(
    text: &str,
    kind: Kind,
    number: Span,
    value: f64,
    numeral: Numeral,
    rewritable: bool,
) -> Raw {
    let s = number.start;
    let pre = context::pre(text, s);
    let mut end = number.end;
    let mut hedge = pre.hedge;
    if hedge.is_none() {
        let k = skip_space(text, end);
        if let Some((w, h, e)) = match_after(text, k, HEDGE_AFTER)
            && (!w.is_ascii() || k > end)
        {
            hedge = Some((h, Span::new(k, e)));
            end = e;
        }
    }
    Raw {
        span: Span::new(pre.start(s), end),
        number,
        kind,
        value,
        half: 0.0,
        base: None,
        by_nature: true,
        unit: (kind == Kind::Multiple).then_some(Cow::Borrowed("x")),
        hedge: hedge.map(|h| h.0),
        hedge_span: hedge.map(|h| h.1),
        style: Style {
            numeral,
            decimals: 0,
            grouped: false,
            // 0 marks a form that cannot be rewritten digit for digit (`三分之二`).
            factor: if rewritable { 1.0 } else { 0.0 },
        },
        indefinite: false,
        weak: false,
    }
}

/// A numeral (Chinese or Arabic) at `i`.
fn any_numeral(text: &str, i: usize) -> Option<Parsed> {
    numeral::arabic(text, i).or_else(|| {
        char_at(text, i)
            .filter(|&c| numeral::zh_starts(c))
            .and_then(|_| numeral::chinese(text, i))
    })
}

/// Chinese forms that start with `百`, `半`, `一`, `数`, `几` or `翻`.
pub(crate) fn zh_special(text: &str, s: usize, c: char) -> Option<Raw> {
    let rest = &text[s..];
    match c {
        '百' if rest.starts_with("百分之") => {
            let t = s + "百分之".len();
            let p = any_numeral(text, t)?;
            let pre = context::pre(text, s);
            let tail = Tail {
                kind: TailKind::Percent,
                ..Tail::bare(p.end)
            };
            let tail = with_hedge_after(text, tail);
            let mut raw = build(t, &p, &pre, &tail);
            raw.span.start = pre.start(s);
            Some(raw)
        }
        '半' if rest.starts_with("半数") => {
            if matches!(char_before(text, s), Some('多' | '大')) {
                return None;
            }
            Some(half(text, s, "半数"))
        }
        '一' if rest.starts_with("一半") => Some(half(text, s, "一半")),
        '数' | '几' => {
            let (_, f, e) = match_after(text, s + 3, SCALE_ZH)?;
            let fake = Parsed {
                end: e,
                value: 5.0 * f,
                half: 0.0,
                numeral: Numeral::Chinese,
                decimals: 0,
                grouped: false,
                dots: 0,
                int_digits: 0,
                digit_sequence: false,
                lone_one: false,
            };
            let pre = context::pre(text, s);
            let mut tail = context::tail(text, &fake, pre.currency.is_some());
            tail.vague = Some((2.0 * f, 9.0 * f));
            Some(build(s, &fake, &pre, &tail))
        }
        '翻' => {
            let mut pos = s + 3;
            if text[pos..].starts_with('了') {
                pos += 3;
            }
            let (n, end) = if text[pos..].starts_with('番') {
                (1.0, pos + 3)
            } else {
                let p = any_numeral(text, pos)?;
                let j = skip_space(text, p.end);
                if char_at(text, j) != Some('番') || p.value > 60.0 {
                    return None;
                }
                (p.value, j + 3)
            };
            let number = Span::new(s, end);
            let value = 2f64.powf(n);
            Some(word_form(
                text,
                Kind::Multiple,
                number,
                value,
                Numeral::Chinese,
                false,
            ))
        }
        _ => None,
    }
}

fn with_hedge_after(text: &str, mut tail: Tail) -> Tail {
    let k = skip_space(text, tail.end);
    if let Some((w, h, e)) = match_after(text, k, HEDGE_AFTER)
        && (!w.is_ascii() || k > tail.end)
    {
        tail.hedge = Some((h, Span::new(k, e)));
        tail.end = e;
    }
    tail
}

/// `三分之二`, `四分之一`: a Chinese numeral `p` followed by `分之` and the numerator.
pub(crate) fn zh_fraction(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    if !text[p.end..].starts_with("分之") || p.value <= 0.0 {
        return None;
    }
    let q = any_numeral(text, p.end + "分之".len())?;
    let number = Span::new(s, q.end);
    let value = q.value / p.value;
    Some(word_form(
        text,
        Kind::Fraction,
        number,
        value,
        Numeral::Chinese,
        false,
    ))
}

/// English forms: `half`, `twice`, `doubled`, `a third`, `thirteenfold`.
pub(crate) fn en_special(text: &str, s: usize) -> Option<Raw> {
    let (w, we) = word_at(text, s);
    let first = w.as_bytes().first()?.to_ascii_lowercase();
    if !matches!(
        first,
        b't' | b'd' | b'q' | b'h' | b'a' | b'o' | b'f' | b's' | b'e' | b'n'
    ) {
        return None;
    }
    let lower = Lower::of(w)?;
    let lw = lower.as_str();
    let form = |kind, end, value, rewritable| {
        let number = Span::new(s, end);
        word_form(text, kind, number, value, Numeral::Words, rewritable)
    };
    let multiple = match lw {
        "twice" => Some(2.0),
        "thrice" => Some(3.0),
        "doubled" => Some(2.0),
        "tripled" => Some(3.0),
        "quadrupled" => Some(4.0),
        "halved" => Some(0.5),
        _ => None,
    };
    if let Some(v) = multiple {
        return Some(form(Kind::Multiple, we, v, false));
    }
    match lw {
        "half" => {
            let next = text.as_bytes().get(we).copied();
            if next == Some(b'-') {
                return None;
            }
            let (nw, _) = word_at(text, we + 1);
            if next == Some(b' ') && matches!(nw, "a" | "an") {
                return None;
            }
            return Some(form(Kind::Fraction, we, 0.5, false));
        }
        "a" | "an" if text.as_bytes().get(we) == Some(&b' ') => {
            let (nw, ne) = word_at(text, we + 1);
            let d = denominator(Lower::of(nw)?.as_str())?;
            if nw.ends_with('s') {
                return None;
            }
            return Some(form(Kind::Fraction, ne, 1.0 / d, false));
        }
        _ => {}
    }
    if let Some(prefix) = lw.strip_suffix("fold")
        && let Some(v) = en_word(prefix)
    {
        let raw = form(Kind::Multiple, we, v, true);
        return Some(Raw {
            number: Span::new(s, s + prefix.len()),
            ..raw
        });
    }
    None
}

fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// `two-thirds`, `three quarters`, `one in eight`, `1 in 3` after the numeral `p`.
pub(crate) fn en_fraction(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(p.end), Some(b'-' | b' ')) {
        return None;
    }
    let (w, we) = word_at(text, p.end + 1);
    let lower = Lower::of(w)?;
    let lw = lower.as_str();
    if let Some(d) = denominator(lw) {
        let number = Span::new(s, we);
        let value = p.value / d;
        return Some(word_form(
            text,
            Kind::Fraction,
            number,
            value,
            p.numeral,
            false,
        ));
    }
    if lw == "in" && bytes.get(we) == Some(&b' ') {
        let q = numeral::arabic(text, we + 1).or_else(|| numeral::english(text, we + 1))?;
        // `1 in 3`, `one in eight`; not `16 in 2016`, `5 in 2023` (a count and a year).
        let year_like = q.numeral != Numeral::Words
            && !q.grouped
            && q.int_digits == 4
            && (1000.0..=2100.0).contains(&q.value);
        let small = p.value <= 10.0 && p.value.fract() == 0.0 && p.decimals == 0;
        if small && !year_like && q.value > p.value && p.value > 0.0 && q.decimals == 0 {
            let number = Span::new(s, q.end);
            let value = p.value / q.value;
            let raw = word_form(text, Kind::Fraction, number, value, p.numeral, false);
            return Some(raw);
        }
    }
    None
}

/// `一半` or `半数` at `s`: the fraction one half, a round figure by nature.
fn half(text: &str, s: usize, word: &str) -> Raw {
    let number = Span::new(s, s + word.len());
    word_form(text, Kind::Fraction, number, 0.5, Numeral::Chinese, false)
}
