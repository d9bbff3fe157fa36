//! Fixed forms that are quantities without the numeral-plus-unit shape: a start offset in, a
//! raw mention out. `百分之二十`, `三分之二`, `一半`, `半数`, `数百万`, `翻了一番`, `half`,
//! `a third`, `two-thirds`, `one in eight`, `doubled`, `twice`, `thirteenfold`.
//!
//! Fractions and multiples written in words are round figures by nature (docs/numbers.md): they
//! are marked `by_nature` and read as approximately hedged.

use std::borrow::Cow;

use super::context::{self, Pre, Tail, TailKind};
use super::lexicon::{
    HEDGE_AFTER, SCALE_ZH, char_at, char_before, match_after, skip_space, unit_zh_at,
};
use super::mention::{Hedge, Kind, Numeral, Reason, Style};
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
        reason: None,
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
        '千' | '万' | '萬' if rest[3..].starts_with("分之") => {
            // `千分之五` (per mille), `万分之三`: a percentage of a smaller unit.
            let t = s + "千分之".len();
            let p = any_numeral(text, t)?;
            let pre = context::pre(text, s);
            let tail = with_hedge_after(
                text,
                Tail {
                    kind: TailKind::Percent,
                    ..Tail::bare(p.end)
                },
            );
            let mut raw = build(t, &p, &pre, &tail);
            let per = if c == '千' { 10.0 } else { 100.0 };
            raw.value /= per;
            raw.half /= per;
            raw.style.factor = 0.0;
            raw.span.start = pre.start(s);
            Some(raw)
        }
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
        // `过半家庭`, `过半的受访者`: more than half of what follows; `首次过半。` closing a
        // clause is a verb (passed the half) on a share stated elsewhere, no figure.
        '半' if matches!(char_before(text, s), Some('过' | '過'))
            && !matches!(char_before(text, s - 3), Some('超' | '不'))
            && char_at(text, s + 3).is_some_and(|c| super::nonquant::is_cjk(c) && c != '了')
            && unit_zh_at(text, s + 3).is_none()
            && !matches!(char_at(text, s + 3), Some('个' | '個')) =>
        {
            // `过半家庭`, `过半数`: more than half.
            let end = if rest.starts_with("半数") || rest.starts_with("半數") {
                s + 6
            } else {
                s + 3
            };
            let mut raw = word_form(
                text,
                Kind::Fraction,
                Span::new(s, end),
                0.5,
                Numeral::Chinese,
                false,
            );
            raw.hedge = Some(Hedge::Over);
            raw.hedge_span = Some(Span::new(s - 3, s));
            raw.span.start = s - 3;
            Some(raw)
        }
        '半' if rest.starts_with("半数") => {
            if matches!(char_before(text, s), Some('多' | '大')) {
                return None;
            }
            Some(half(text, s, "半数"))
        }
        '一' if rest.starts_with("一半") => Some(half(text, s, "一半")),
        '上' => {
            // `上百家`, `上千万`: reaching a round figure, so at least that many.
            let (w, f, e) = match_after(text, s + 3, SCALE_ZH)?;
            if w.starts_with('十') {
                return None;
            }
            let fake = round_figure(e, f);
            let pre = Pre {
                hedge: Some((Hedge::Over, Span::new(s, s + 3))),
                ..context::pre(text, s)
            };
            let tail = context::tail(text, &fake, pre.currency.is_some());
            Some(build(s + 3, &fake, &pre, &tail)).map(|mut r| {
                r.span.start = r.span.start.min(s);
                r
            })
        }
        '百' | '千' | '万' | '萬' | '亿' | '億' => {
            // `近百家`, `逾千人`: a bare round figure that a hedge before it makes a number;
            // `千余家`, `万余人`: one that `余` or `多` after it does; `过亿元`, `破万人`:
            // passing a round figure, over it.
            let mut pre = context::pre(text, s);
            if pre.hedge.is_none()
                && let Some(c @ ('过' | '過' | '破')) = char_before(text, s)
                && !matches!(
                    char_before(text, s - 3),
                    Some(
                        '不' | '经' | '經' | '通' | '越' | '度' | '跨' | '错' | '錯' | '突' | '打'
                    )
                )
            {
                pre.hedge = Some((Hedge::Over, Span::new(s - c.len_utf8(), s)));
            }
            let (_, f, e) = match_after(text, s, SCALE_ZH)?;
            if pre.hedge.is_none() && !matches!(char_at(text, e), Some('余' | '餘' | '多')) {
                return None;
            }
            let fake = round_figure(e, f);
            let tail = context::tail(text, &fake, pre.currency.is_some());
            Some(build(s, &fake, &pre, &tail))
        }
        '半' if matches!(char_before(text, s), Some('减' | '減')) => {
            // `减半`: halved, a round figure like `翻了一番`.
            let number = Span::new(s - 3, s + 3);
            Some(word_form(
                text,
                Kind::Multiple,
                number,
                0.5,
                Numeral::Chinese,
                false,
            ))
        }
        '半' if context::quarter_points(text, s + 3).is_some() => {
            // `降息半碼`: half a quarter point, 0.125 percentage points, a round figure.
            let e = context::quarter_points(text, s + 3)?;
            Some(half_a(
                text,
                s,
                &with_hedge_after(
                    text,
                    Tail {
                        kind: TailKind::QuarterPoints,
                        ..Tail::bare(e)
                    },
                ),
            ))
        }
        '半' => {
            // `半年`, `半个月`: half a unit of time; not `上半年` (the first half of a year)
            // nor `半年度`, `半年报`.
            if matches!(
                char_before(text, s),
                Some('上' | '下' | '前' | '后' | '後' | '多' | '大' | '一' | '近')
            ) {
                return None;
            }
            let (_, u, e) = unit_zh_at(text, s + 3)?;
            if !matches!(u, "year" | "month" | "week" | "day" | "h" | "min")
                || matches!(char_at(text, e), Some('度' | '报' | '報' | '刊'))
            {
                return None;
            }
            let mut raw = half_a(
                text,
                s,
                &Tail {
                    kind: TailKind::Unit(u),
                    ..Tail::bare(e)
                },
            );
            raw.style.factor = 0.0;
            Some(raw)
        }
        '数' | '几' | '數' | '幾' => {
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
                open_scale: false,
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
            pos = skip_space(text, pos);
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

/// `半` at `s` read as half a unit `tail` names (`半年`, `半碼`): a round figure by nature,
/// like `一半`.
fn half_a(text: &str, s: usize, tail: &Tail) -> Raw {
    let mut raw = build(
        s,
        &Parsed {
            end: s + 3,
            value: 0.5,
            half: 0.0,
            ..round_figure(s + 3, 1.0)
        },
        &context::pre(text, s),
        tail,
    );
    raw.by_nature = true;
    raw
}

/// A round figure read from a scale word alone (`百` in `上百家`): one of it, with the
/// precision of its one (`百` is `一百`).
fn round_figure(end: usize, value: f64) -> Parsed {
    Parsed {
        end,
        value,
        // `百` alone is `一百`: it asserts what `100` does, [50, 150] (docs/numbers.md).
        half: value * 0.5,
        numeral: Numeral::Chinese,
        decimals: 0,
        grouped: false,
        dots: 0,
        int_digits: 0,
        digit_sequence: false,
        lone_one: false,
        open_scale: true,
    }
}

/// Approximate Chinese figures written with two numerals or with `几`: `七八个` [7, 8],
/// `三五百` [300, 500], `五六十年` [50, 60] years, `十几个` [11, 19], `二十几万`; `七八十年代`
/// names a period of the calendar, not a quantity.
pub(crate) fn zh_approximate(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let mut ends = None;
    let (lo, hi, end) = if p.digit_sequence {
        // Two digits, the second one or two above the first.
        let mut it = text[s..p.end].chars();
        let (a, b) = (it.next()?, it.next()?);
        if it.next().is_some() {
            return None;
        }
        let (d1, d2) = (numeral::zh_digit(a)?, numeral::zh_digit(b)?);
        if d1 == 0 || !(1..=2).contains(&(d2.checked_sub(d1)?)) {
            return None;
        }
        let (unit, end) = match char_at(text, p.end) {
            Some('十' | '拾') => (10.0, p.end + 3),
            Some('百' | '佰') => (100.0, p.end + 3),
            Some('千' | '仟') => (1000.0, p.end + 3),
            _ => (1.0, p.end),
        };
        // A range: from the low end of the first to the high end of the second, each as
        // written (`三五百` → [250, 550], `五六十年` → [49.5, 60.5]).
        let (a, b) = (f64::from(d1) * unit, f64::from(d2) * unit);
        if text[end..].starts_with("年代") && unit == 10.0 {
            let span = Span::new(s, end + "年代".len());
            let number = Span::new(s, end);
            return Some(
                Raw::non_quantity(Kind::Year, span, number, a, Numeral::Chinese)
                    .because(Reason::Period),
            );
        }
        let digits = |v: f64| if v >= 100.0 { 3 } else { 1 };
        let half = |v: f64| numeral::precision(v, 0, digits(v));
        ends = Some((a, b));
        (a - half(a), b + half(b), end)
    } else if p.value >= 10.0
        && p.value % 10.0 == 0.0
        && p.value < 100.0
        && matches!(char_at(text, p.end), Some('几' | '幾'))
    {
        (p.value + 1.0, p.value + 9.0, p.end + 3)
    } else {
        return None;
    };
    let fake = Parsed {
        value: (lo + hi) / 2.0,
        half: 0.0,
        ..round_figure(end, 1.0)
    };
    let pre = context::pre(text, s);
    let mut tail = context::tail(text, &fake, pre.currency.is_some());
    tail.vague = Some((lo, hi));
    let mut raw = build(s, &fake, &pre, &tail);
    raw.style.factor = 0.0;
    if p.digit_sequence && raw.hedge.is_none() {
        raw.hedge = Some(Hedge::Range);
    }
    // `两三倍`: a range of round multiples, each end as round as `两倍` and `三倍` (widened
    // by the tolerance when the interval is computed), not a digit's precision.
    if let Some((a, b)) = ends.filter(|_| raw.kind == Kind::Multiple) {
        raw.base = Some((a, b));
    }
    // A bare pair (`一二`) is no figure anyone writes without a unit.
    raw.weak = raw.kind == Kind::Number && raw.value < 1e4;
    Some(raw)
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
        // Of the words starting otherwise, only `millions` and `billions` are forms here;
        // the many other `m` and `b` words of prose leave at once.
        let vague = w.len() >= 8
            && (w.eq_ignore_ascii_case("millions") || w.eq_ignore_ascii_case("billions"));
        if !vague {
            return None;
        }
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
        "double" | "doubled" | "doubling" => Some(2.0),
        "triple" | "tripled" | "tripling" => Some(3.0),
        "quadruple" | "quadrupled" | "quadrupling" => Some(4.0),
        "quintuple" | "quintupled" | "quintupling" => Some(5.0),
        "halved" => Some(0.5),
        _ => None,
    };
    // `double-digit`, `triple-A` are no multiples.
    if let Some(v) = multiple
        && text.as_bytes().get(we) != Some(&b'-')
    {
        // `scored twice`, `met twice this year`, `cut rates twice`: times something happened,
        // counted, when nothing compared follows (`twice as many`, `twice the size`,
        // `twice that`, `twice 2019's level` are multiples).
        if matches!(lw, "twice" | "thrice") && !compared_after(text, we) {
            let head = text[..s].trim_end();
            let verb = head
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            let mut raw = form(Kind::Count, we, v, false);
            raw.by_nature = false;
            raw.half = 0.5;
            raw.unit = Some(Cow::Borrowed(if SCORING_VERBS.contains(&verb) {
                "goals"
            } else {
                "times"
            }));
            return Some(raw);
        }
        return Some(form(Kind::Multiple, we, v, false));
    }
    // `dozens`, `hundreds of`, `thousands of`: a vague amount, like `数百`.
    if let Some(f) = lw.ends_with('s').then(|| vague_plural(lw)).flatten() {
        // `tens of thousands`, `hundreds of millions`: the second plural scales the first.
        let mut end = we;
        let mut f = f;
        if text[we..].starts_with(" of ") {
            let (w2, e2) = word_at(text, we + 4);
            if let Some(g) = vague_plural(w2).filter(|&g| g >= 1e3) {
                f *= g;
                end = e2;
            }
        }
        if lw == "tens" && end == we {
            return None;
        }
        // `Passengers (millions)`, `(in thousands)`: the scale of a table's figures.
        if end == we && text[we..].starts_with(')') {
            return None;
        }
        return Some(vague_en(text, s, end, f));
    }
    // `at least once`, `more than once`: a count of one, when a hedge says so.
    if lw == "once" {
        let pre = context::pre(text, s);
        pre.hedge?;
        let mut raw = form(Kind::Count, we, 1.0, false);
        raw.unit = Some(Cow::Borrowed("times"));
        return Some(raw);
    }
    match lw {
        // `a further quarter-point cut`: a quarter of a percentage point.
        "quarter" => {
            if let Some(raw) = of_a_point(text, s, we, 0.25)
                && text.as_bytes().get(we) == Some(&b'-')
            {
                return Some(raw);
            }
        }
        "half" => {
            // `half a point`, `half a percentage point`: points.
            if let Some(raw) = of_a_point(text, s, we, 0.5) {
                return Some(raw);
            }
            let next = text.as_bytes().get(we).copied();
            if next == Some(b'-') {
                return None;
            }
            let (nw, nwe) = word_at(text, we + 1);
            // `half an hour`, `half a century`: half a span of time, a round figure.
            if next == Some(b' ')
                && matches!(nw, "a" | "an")
                && text.as_bytes().get(nwe) == Some(&b' ')
            {
                let (unit_word, ue) = word_at(text, nwe + 1);
                if let Some((v, unit)) = span_word(unit_word) {
                    let fake = Parsed::words(ue, v * 0.5, 0.0);
                    let tail = Tail {
                        kind: TailKind::Unit(unit),
                        ..Tail::bare(ue)
                    };
                    let mut raw = build(s, &fake, &context::pre(text, s), &tail);
                    raw.by_nature = true;
                    raw.weak = false;
                    return Some(raw);
                }
            }
            if next == Some(b' ') && (matches!(nw, "a" | "an") || HALF_NOUNS.contains(&nw)) {
                return None;
            }
            // `the first half of next year`: a part of the year, not a share.
            let head = text[..s].trim_end();
            let (pw, _) = word_at(
                head,
                head.rfind(|c: char| !c.is_ascii_alphabetic())
                    .map_or(0, |k| k + 1),
            );
            if HALF_PERIODS.iter().any(|w| pw.eq_ignore_ascii_case(w)) {
                return None;
            }
            return Some(form(Kind::Fraction, we, 0.5, false));
        }
        "a" | "an" if text.as_bytes().get(we) == Some(&b' ') => {
            let (nw, ne) = word_at(text, we + 1);
            // `a dozen`, `a hundred`: one of a round figure.
            let round = match nw {
                "dozen" => Some(12.0),
                "hundred" => Some(100.0),
                "thousand" => Some(1000.0),
                "million" => Some(1e6),
                "billion" => Some(1e9),
                _ => None,
            };
            if let Some(v) = round {
                // `a dozen` is a round figure; `a hundred` asserts what `100` does.
                let dozen = nw == "dozen";
                let half = if dozen {
                    0.0
                } else {
                    numeral::precision(v, 0, 3)
                };
                let fake = Parsed::words(ne, v, half);
                let pre = context::pre(text, s);
                let tail = context::tail(text, &fake, pre.currency.is_some());
                let mut raw = build(s, &fake, &pre, &tail);
                // `a dozen` alone still counts something.
                if raw.kind == Kind::Number {
                    raw.kind = Kind::Count;
                }
                raw.by_nature = dozen;
                raw.weak = false;
                return Some(raw);
            }
            // `almost a decade`, `more than a year`: a span of time, a round figure, when a
            // hedge claims it (`a year` alone is no figure anyone states).
            if let Some((v, unit)) = span_word(nw) {
                // `an hour and a half`, `a year and a half`: a figure stated, hedged or not.
                if let Some(rest) = text[ne..].strip_prefix(" and a half")
                    && !rest.starts_with(|c: char| c.is_ascii_alphabetic())
                {
                    let end = ne + " and a half".len();
                    let fake = Parsed::words(end, v * 1.5, 0.0);
                    let tail = Tail {
                        kind: TailKind::Unit(unit),
                        ..Tail::bare(end)
                    };
                    let mut raw = build(s, &fake, &context::pre(text, s), &tail);
                    raw.by_nature = true;
                    raw.weak = false;
                    return Some(raw);
                }
                let pre = context::pre(text, s);
                // (`a week or more`, `a year or so`: the hedge may follow.)
                let k = skip_space(text, ne);
                let after = match_after(text, k, HEDGE_AFTER)
                    .filter(|&(w, _, _)| w.is_ascii() && k > ne)
                    .map(|(_, h, e)| (h, Span::new(k, e)));
                if pre.hedge.is_none() && after.is_none() {
                    // `a decade ago`, `a century earlier`: a span of several years counted
                    // back, stated with the precision of `十年` (`a year ago` names the base
                    // of a comparison, no figure).
                    let back = [" ago", " earlier", " before", " later"]
                        .iter()
                        .any(|w| super::lexicon::starts_with_word(text, ne, w).is_some());
                    if back && v >= 10.0 {
                        let half = numeral::precision(v, 0, if v >= 100.0 { 3 } else { 2 });
                        let fake = Parsed::words(ne, v, half);
                        let tail = Tail {
                            kind: TailKind::Unit(unit),
                            ..Tail::bare(ne)
                        };
                        let mut raw = build(s, &fake, &pre, &tail);
                        raw.weak = false;
                        return Some(raw);
                    }
                    return None;
                }
                let fake = Parsed::words(ne, v, 0.0);
                let tail = Tail {
                    kind: TailKind::Unit(unit),
                    hedge: after,
                    end: after.map_or(ne, |(_, span)| span.end),
                    ..Tail::bare(ne)
                };
                let mut raw = build(s, &fake, &pre, &tail);
                // `just over a week`, `well over a year`: an intensified `over` is the hedge,
                // not the preposition of the span.
                if raw.hedge.is_none()
                    && let Some((Hedge::Over, span)) = pre.hedge
                    && ["just", "well", "slightly", "little", "Just", "Well"]
                        .iter()
                        .any(|w| {
                            super::lexicon::ends_with_word(
                                text,
                                super::lexicon::skip_space_back(text, span.start),
                                w,
                            )
                            .is_some()
                        })
                {
                    raw.hedge = Some(Hedge::Over);
                    raw.hedge_span = Some(span);
                    raw.span.start = raw.span.start.min(span.start);
                }
                raw.by_nature = true;
                raw.weak = false;
                return Some(raw);
            }
            let d = denominator(Lower::of(nw)?.as_str())?;
            if nw.ends_with('s') {
                return None;
            }
            // `Havertz added a third in the 78th minute`: a third goal after a verb of
            // scoring, unless `of` makes it a share (`scored a third of the points`).
            let head = text[..s].trim_end();
            let verb = head
                .rsplit(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            if SCORING_VERBS.contains(&verb) && !text[ne..].starts_with(" of ") {
                return None;
            }
            // `a third straight month`, `a quarter earlier`: an ordinal or a period of time.
            if text.as_bytes().get(ne) == Some(&b' ') {
                let (after, _) = word_at(text, ne + 1);
                if NOT_SHARES.contains(&after) {
                    return None;
                }
            }
            // `a quarter point`, `a quarter of a percentage point`: points.
            if let Some(raw) = of_a_point(text, s, ne, 1.0 / d) {
                return Some(raw);
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

/// Whether what follows `twice` at `we` is the thing it multiplies: `as`, a determiner, a
/// figure or a possessive (`twice as many`, `twice the size`, `twice 2019's level`).
fn compared_after(text: &str, we: usize) -> bool {
    let rest = text[we..].trim_start_matches(' ');
    if rest.starts_with(|c: char| c.is_ascii_digit() || "$€£¥".contains(c)) {
        return true;
    }
    let (w, _) = word_at(rest, 0);
    let lw = w.to_ascii_lowercase();
    // `cut rates twice this year`, `met twice a week`, `twice last season`: a time phrase
    // follows, not the thing multiplied (`twice the year before` stays a multiple: `the` may
    // name a base).
    if matches!(
        lw.as_str(),
        "this" | "last" | "a" | "an" | "each" | "every" | "per"
    ) {
        let (t, _) = word_at(rest[w.len()..].trim_start_matches(' '), 0);
        if matches!(
            t.to_ascii_lowercase().as_str(),
            "year"
                | "month"
                | "week"
                | "day"
                | "season"
                | "quarter"
                | "decade"
                | "century"
                | "summer"
                | "winter"
                | "spring"
                | "autumn"
                | "weekend"
                | "term"
        ) {
            return false;
        }
    }
    matches!(
        lw.as_str(),
        "as" | "the"
            | "that"
            | "this"
            | "these"
            | "those"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "your"
            | "my"
            | "what"
            | "than"
            | "over"
            | "a"
            | "an"
    ) || (w.ends_with("'s") || rest[w.len()..].starts_with("'s"))
}

/// A span of time named by one word (`a decade`, `an hour`): its length and unit.
fn span_word(w: &str) -> Option<(f64, &'static str)> {
    match w {
        "decade" => Some((10.0, "year")),
        "century" => Some((100.0, "year")),
        "year" => Some((1.0, "year")),
        "month" => Some((1.0, "month")),
        "week" => Some((1.0, "week")),
        "day" => Some((1.0, "day")),
        "hour" => Some((1.0, "h")),
        "minute" => Some((1.0, "min")),
        "fortnight" => Some((2.0, "week")),
        _ => None,
    }
}

/// Words after `a third`, `a quarter` that make it an ordinal (`a third straight month`,
/// `a fourth term`) or a period of time (`a quarter earlier`), not a share.
const NOT_SHARES: &[&str] = &[
    "straight",
    "consecutive",
    "successive",
    "time",
    "term",
    "round",
    "year",
    "month",
    "week",
    "day",
    "wave",
    "place",
    "attempt",
    "party",
    "reading",
    "quarter",
    "earlier",
    "ago",
    "before",
    "later",
    "runway",
    "option",
    "bailout",
    "lockdown",
    "child",
    "country",
    "run",
    // Ordinals of a match or a series (`a fifth set`, `a third goal`, `a second leg`).
    "set",
    "game",
    "goal",
    "leg",
    "stage",
    "title",
    "win",
    "victory",
    "defeat",
    "loss",
    "lap",
    "inning",
    "innings",
    "dose",
    "shot",
    "season",
    "seed",
    "edition",
];

/// Words before `half` that make it a part of a period (`the first half`, `H2`).
/// Verbs after which `a third`, `a fourth` is one more goal or point, an ordinal.
const SCORING_VERBS: &[&str] = &[
    "added", "adds", "scored", "scores", "netted", "nets", "grabbed", "struck", "headed",
    "conceded", "fired", "slotted", "bagged", "notched", "kicked",
];

const HALF_PERIODS: &[&str] = &["first", "second", "latter", "back", "front"];

/// A fraction of a point after a fraction word ending at `we` (`half a point`, `a quarter
/// of a percentage point`, `a quarter-point`, `half a percent`): points or percent, a
/// round figure like the fraction itself. `share` is the fraction.
fn of_a_point(text: &str, s: usize, we: usize, share: f64) -> Option<Raw> {
    let rest = &text[we..];
    let rest_at = |r: &str| text.len() - r.len();
    let after = rest
        .strip_prefix(" of a ")
        .or_else(|| rest.strip_prefix(" a "))
        .or_else(|| rest.strip_prefix(' '))
        .or_else(|| rest.strip_prefix('-'))?;
    let at = rest_at(after);
    let (kind, end) = [
        ("percentage point", Kind::Points),
        ("percentage-point", Kind::Points),
        ("point", Kind::Points),
        ("per cent", Kind::Percent),
        ("percent", Kind::Percent),
    ]
    .iter()
    .find_map(|&(w, k)| Some((k, super::lexicon::starts_with_word(text, at, w)?)))?;
    let number = Span::new(s, end);
    // Points and percent are both hundredths.
    let mut raw = word_form(text, kind, number, share * 0.01, Numeral::Words, false);
    raw.unit = Some(Cow::Borrowed(if kind == Kind::Points { "pp" } else { "%" }));
    Some(raw)
}

/// Words after `half` that make it part of a compound (`half precision`, `half year`), not
/// the fraction of something.
const HALF_NOUNS: &[&str] = &[
    "precision",
    "life",
    "time",
    "marathon",
    "hour",
    "day",
    "year",
    "century",
    "price",
    "way",
    "point",
    "measure",
    "hearted",
    "moon",
    "sister",
    "brother",
    "page",
    "size",
];

/// The magnitude a vague plural stands for: `dozens` are tens (`数十`), `hundreds` 数百.
fn vague_plural(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" | "tens" => 10.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

/// `hundreds of TWh`, `dozens of firms`, `Dozens`: 5 × the magnitude within [2, 9] × it, a
/// count unless a unit follows `of`.
fn vague_en(text: &str, s: usize, we: usize, f: f64) -> Raw {
    let fake = Parsed::words(we, 5.0 * f, 0.0);
    let pre = context::pre(text, s);
    // `hundreds of TWh`: what follows `of` is the unit or the counted noun.
    let of = text[we..].starts_with(" of ").then_some(we + 3);
    let mut tail = match of {
        Some(e) => context::tail(text, &Parsed { end: e, ..fake }, false),
        None => Tail::bare(we),
    };
    if tail.kind == TailKind::None {
        tail = Tail::bare(we);
    }
    tail.scale = 1.0;
    tail.vague = Some((2.0 * f, 9.0 * f));
    let mut raw = build(s, &fake, &pre, &tail);
    // `Dozens said…`: a vague plural counts something even with no noun after it.
    if raw.kind == Kind::Number {
        raw.kind = Kind::Count;
    }
    raw.style.factor = 0.0;
    raw.weak = false;
    raw
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

/// `2/3`, `1/4`: a fraction written with a slash, a round figure like `two-thirds`. Only a
/// proper fraction with a denominator up to 100 (`24/7` and `2024/4/17` are not).
pub(crate) fn slash_fraction(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let b = text.as_bytes();
    if b.get(p.end) != Some(&b'/') || p.decimals > 0 || p.grouped || p.numeral != Numeral::Arabic {
        return None;
    }
    let q = numeral::arabic(text, p.end + 1)?;
    let next = b.get(q.end).copied().unwrap_or(b' ');
    let proper = p.value >= 1.0 && q.value > p.value && q.value <= 100.0 && q.decimals == 0;
    if !proper || next == b'/' || next.is_ascii_alphanumeric() {
        return None;
    }
    let number = Span::new(s, q.end);
    Some(word_form(
        text,
        Kind::Fraction,
        number,
        p.value / q.value,
        Numeral::Arabic,
        false,
    ))
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
    // (`a 0-1 half-time deficit`, `2 quarter-finals`: a compound, no share.)
    if let Some(d) = denominator(lw).filter(|_| bytes.get(we) != Some(&b'-')) {
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
    // `9 out of 10`: as `9 in 10`; `19 times out of 20` (a poll's confidence) too, whatever
    // the size of the first figure.
    let times = lw == "times" && text[we..].starts_with(" out of ");
    let (lw, we) = if lw == "out" && text[we..].starts_with(" of ") {
        ("in", we + " of".len())
    } else if times {
        ("in", we + " out of".len())
    } else {
        (lw, we)
    };
    // `two-in-three`: written as one compound.
    if lw == "in" && matches!(bytes.get(we), Some(b' ' | b'-')) {
        // `one in every 50`.
        let at = if text[we + 1..].starts_with("every ") {
            we + 7
        } else {
            we + 1
        };
        let q = numeral::arabic(text, at).or_else(|| numeral::english(text, at))?;
        // `1 in 3`, `one in eight`; not `16 in 2016`, `5 in 2023` (a count and a year).
        let year_like = q.numeral != Numeral::Words
            && !q.grouped
            && q.int_digits == 4
            && (1000.0..=2100.0).contains(&q.value);
        let small = (p.value <= 10.0 || times) && p.value.fract() == 0.0 && p.decimals == 0;
        if small && !year_like && q.value > p.value && p.value > 0.0 && q.decimals == 0 {
            let number = Span::new(s, q.end);
            let value = p.value / q.value;
            let raw = word_form(text, Kind::Fraction, number, value, p.numeral, false);
            return Some(raw);
        }
    }
    None
}

/// `每5人中就有1人`, `每十个人中有三个`: one in N written the Chinese way, after `每`, a
/// fraction like `one in five`. `p` is the first numeral, at `s`.
pub(crate) fn zh_one_in(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    let k = super::lexicon::skip_space_back(text, s);
    if char_before(text, k) != Some('每') || p.value <= 0.0 || p.decimals > 0 {
        return None;
    }
    let start = k - '每'.len_utf8();
    let mut j = skip_space(text, p.end);
    let counter = char_at(text, j).filter(|&c| super::lexicon::counter(c).is_some());
    if let Some(c) = counter {
        j += c.len_utf8();
        // `每五个人中`: a counter, then the noun it counts.
        if c != '人'
            && let Some(n) = char_at(text, j).filter(|&n| super::lexicon::counter(n).is_some())
        {
            j += n.len_utf8();
        }
    }
    let rest = &text[j..];
    // `每5人中就有1人`, `每5人中有1人`, `每5人就有2人`: `中` or `就` (or both) before `有`.
    let among = ["当中", "當中", "中", "里", "裡"]
        .iter()
        .find_map(|w| rest.strip_prefix(w));
    let after = among.unwrap_or(rest);
    let then = after
        .strip_prefix('就')
        .or_else(|| after.strip_prefix('便'));
    if among.is_none() && then.is_none() {
        return None;
    }
    let after = then.unwrap_or(after);
    let after = after.strip_prefix('有')?;
    let t = text.len() - after.len();
    let t = skip_space(text, t);
    let q = any_numeral(text, t)?;
    if q.value <= 0.0 || q.value >= p.value {
        return None;
    }
    let mut end = q.end;
    let e = skip_space(text, end);
    if let Some(c) = char_at(text, e).filter(|&c| super::lexicon::counter(c).is_some()) {
        end = e + c.len_utf8();
    }
    let number = Span::new(start, end);
    Some(word_form(
        text,
        Kind::Fraction,
        number,
        q.value / p.value,
        p.numeral,
        false,
    ))
}

/// `一半` or `半数` at `s`: the fraction one half, a round figure by nature.
fn half(text: &str, s: usize, word: &str) -> Raw {
    let number = Span::new(s, s + word.len());
    word_form(text, Kind::Fraction, number, 0.5, Numeral::Chinese, false)
}

/// Words after a clock reading that make it a time of day (`14:32:05 UTC`, `9:30:00 a.m.`).
const CLOCK_AFTER: &[&str] = &[
    "am", "pm", "a.m.", "p.m.", "AM", "PM", "UTC", "GMT", "local", "ET", "EST", "EDT", "CET",
    "CEST", "BST", "PT", "PST", "PDT", "JST", "HKT",
];

/// Words before a clock reading that make it a time of day (`at 14:32:05`, `from 9:00:00`).
const CLOCK_BEFORE: &[&str] = &[
    "at", "At", "from", "From", "until", "till", "to", "since", "by", "between", "and", "@", "on",
    "before", "after",
];

/// `2:04:37`, `1:59.40`, `3:26.00`: an elapsed time (a race, a record, a match), hours,
/// minutes and seconds, or minutes and seconds with a fraction of one; a quantity in seconds,
/// precise to half its last place. A time of day is none (`date` reads `16:39`): a
/// preposition of time before it (`at 14:32:05`), a zone or `a.m.` after it, or a Chinese
/// word other than a verb of finishing before it (`北京时间14:32:05`, not `以2:04:37夺冠`).
pub(crate) fn elapsed_time(text: &str, s: usize, p: &Parsed) -> Option<Raw> {
    if p.numeral != Numeral::Arabic || p.decimals != 0 || p.grouped || p.int_digits > 2 {
        return None;
    }
    let b = text.as_bytes();
    // `:mm` with a first digit of 0–5.
    let pair = |k: usize| -> Option<f64> {
        (b.get(k) == Some(&b':')
            && b.get(k + 1).is_some_and(|d| (b'0'..=b'5').contains(d))
            && b.get(k + 2).is_some_and(u8::is_ascii_digit))
        .then(|| f64::from((b[k + 1] - b'0') * 10 + (b[k + 2] - b'0')))
    };
    let m = pair(p.end)?;
    let (mut value, mut end) = match pair(p.end + 3) {
        Some(sec) => (p.value * 3600.0 + m * 60.0 + sec, p.end + 6),
        None => (p.value * 60.0 + m, p.end + 3),
    };
    let three = end == p.end + 6;
    // A fraction of a second.
    let mut decimals = 0u8;
    if b.get(end) == Some(&b'.') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let mut k = end + 1;
        let mut scale = 0.1;
        while let Some(d) = b.get(k).filter(|d| d.is_ascii_digit()) {
            value += f64::from(d - b'0') * scale;
            scale /= 10.0;
            decimals += 1;
            k += 1;
        }
        end = k;
    }
    if (!three && decimals == 0)
        || decimals > 3
        || b.get(end)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b':')
    {
        return None;
    }
    let k = skip_space(text, end);
    let (w, _) = word_at(text, k);
    let zone =
        CLOCK_AFTER.contains(&w) || text[k..].starts_with("a.m.") || text[k..].starts_with("p.m.");
    let head = text[..s].trim_end_matches(' ');
    let word_before = head
        .rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '@'))
        .next()
        .unwrap_or("");
    let clock_word = CLOCK_BEFORE.contains(&word_before);
    let zh_clock = char_before(text, s).is_some_and(|c| {
        super::nonquant::is_cjk(c)
            && !matches!(
                c,
                '以' | '为' | '為' | '出' | '绩' | '績' | '时' | '時' | '是'
            )
    });
    if zone || clock_word || zh_clock {
        return None;
    }
    let pre = context::pre(text, s);
    let scale = 10f64.powi(-i32::from(decimals));
    Some(Raw {
        span: Span::new(pre.start(s), end),
        number: Span::new(s, end),
        kind: Kind::Quantity,
        value,
        half: 0.5 * scale,
        base: None,
        by_nature: false,
        unit: Some(Cow::Borrowed("s")),
        hedge: pre.hedge.map(|h| h.0),
        hedge_span: pre.hedge.map(|h| h.1),
        style: Style {
            numeral: Numeral::Arabic,
            decimals,
            grouped: false,
            // A clock reading cannot be rewritten digit for digit.
            factor: 0.0,
        },
        indefinite: false,
        weak: false,
        reason: None,
    })
}
