//! The scanner: masked text in, raw mentions out, in order of position.
//!
//! It walks the bytes once and stops only where a number can start (an ASCII or full-width
//! digit, a Chinese numeral, an English number word), so prose without numbers costs a table
//! lookup per byte. At each stop it reads the numeral (`numeral`), then what qualifies it on
//! either side (`context`): currency, scale word, unit, adjacent hedges, and the signs that make
//! it a year, date, ordinal, reference or name. Hedges that stand apart and ranges are joined
//! later (`attach`).

use std::borrow::Cow;
use std::sync::LazyLock;

use super::context::{self, Pre, Tail, TailKind};
use super::lexicon;
use super::marks;
use super::mention::{Hedge, Kind, Numeral, Reason, Style};
use super::numeral::{self, Parsed};
use crate::source::Span;

/// A mention before its interval is computed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raw {
    pub span: Span,
    pub number: Span,
    pub kind: Kind,
    /// Normalised value.
    pub value: f64,
    /// Half-width of the written precision, normalised.
    pub half: f64,
    /// An interval fixed by the wording itself (`数百万`, a range), before hedges.
    pub base: Option<(f64, f64)>,
    /// Written in words as a round figure (`三分之二`, `九倍`, `doubled`): approximate.
    pub by_nature: bool,
    pub unit: Option<Cow<'static, str>>,
    pub hedge: Option<Hedge>,
    pub hedge_span: Option<Span>,
    pub style: Style,
    /// `一` as the indefinite article (`一项研究`): dropped unless a hedge claims it.
    pub indefinite: bool,
    /// A bare Chinese numeral or number word (`一直`, `one of`): kept only inside a range.
    pub weak: bool,
    /// Why a non-quantity is one (`None` for quantities).
    pub reason: Option<Reason>,
}

impl Raw {
    /// A year, date, ordinal, reference or name: its value, no interval to speak of.
    pub(crate) fn non_quantity(
        kind: Kind,
        span: Span,
        number: Span,
        value: f64,
        numeral: Numeral,
    ) -> Raw {
        Raw {
            span,
            number,
            kind,
            value: if value.is_finite() { value } else { 0.0 },
            half: 0.0,
            base: None,
            by_nature: false,
            unit: None,
            hedge: None,
            hedge_span: None,
            style: Style {
                numeral,
                decimals: 0,
                grouped: false,
                factor: 1.0,
            },
            indefinite: false,
            weak: false,
            reason: Reason::of_kind(kind),
        }
    }

    /// The same non-quantity with a more specific reason.
    pub(crate) fn because(mut self, reason: Reason) -> Raw {
        self.reason = Some(reason);
        self
    }
}

/// Raw mentions go to the later stages in batches of about this many: a batch stays in
/// cache, where one list of every raw mention of a large file would not (it took more memory
/// than the text, and filling it was a third of the time).
const BATCH: usize = 64;

/// Every raw mention in `text`, handed to `sink` in batches, in order of position.
///
/// A batch ends only at a blank line, or where clause punctuation (`，` `。` `;` …) stands
/// more than 300 bytes after the last mention (`batch_may_end`). No mention reaches back over
/// either, no range is joined across them, no hedge is given across them and no unit is
/// carried over them (`attach`), so the later stages see each batch exactly as they would
/// see that part of the whole list. `sink` takes the mentions out of the vector it is given.
pub(crate) fn scan(text: &str, mut sink: impl FnMut(&mut Vec<Raw>)) {
    let bytes = text.as_bytes();
    let mut out: Vec<Raw> = Vec::with_capacity(BATCH * 2);
    // The last mention of the previous batch, for `reference` (`图 2.11.4 和 2.11.5`).
    let mut carried: Option<Raw> = None;
    let mut last_end = 0;
    let zh_starts = zh_start_bits();
    let mut titles = marks::Titles::default();
    // Most texts hold no title mark at all: one search spares the scanner its watch.
    let watch_titles = text.contains('《');
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let next = match b {
            b'0'..=b'9' => arabic_at(text, i, &mut out, carried.as_ref(), &mut titles),
            b'a'..=b'z' | b'A'..=b'Z' => {
                let (_, end) = numeral::word_at(text, i);
                if i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
                    Some(end)
                } else {
                    Some(words_at(text, i, &mut out).unwrap_or(end))
                }
            }
            0xEF if numeral::digit_at(bytes, i).is_some() => {
                arabic_at(text, i, &mut out, carried.as_ref(), &mut titles)
            }
            0xE4..=0xE9 => match three_byte_char(bytes, i) {
                Some(c) if is_zh_start(zh_starts, c) => zh_at(text, i, c, &mut out, &mut titles),
                _ => None,
            },
            _ => {
                // Title marks `《` `》` (E3 80 8A/8B) and line breaks, for `Titles`.
                if watch_titles {
                    if b == 0xE3 && bytes.get(i + 1) == Some(&0x80) {
                        titles.mark(bytes.get(i + 2).copied(), i);
                    } else if b == b'\n' {
                        titles.mark(None, i);
                    }
                }
                if out.len() >= BATCH
                    && let Some(last) = out.last()
                    && last.span.end <= i
                    && batch_may_end(bytes, i, last.span.end, out.len())
                {
                    carried = out.last().cloned();
                    untangle(&mut out, &mut last_end);
                    sink(&mut out);
                    out.clear();
                }
                None
            }
        };
        i = match next {
            Some(end) if end > i => end,
            _ => i + utf8_len(b),
        };
    }
    untangle(&mut out, &mut last_end);
    sink(&mut out);
}

/// Whether a batch may end at byte `i`, the last mention ending at `last_end`: at a blank
/// line, or at clause punctuation more than 300 bytes after the last mention. A bare scaled
/// figure takes its unit from a figure before it in the paragraph, across commas, up to 300
/// bytes back (`attach`), so a batch ending at any comma would cut that reach. A paragraph
/// that never pauses so long still ends a batch at a comma once the batch is very large.
fn batch_may_end(bytes: &[u8], i: usize, last_end: usize, len: usize) -> bool {
    let blank_line = bytes[i] == b'\n'
        && match bytes.get(i + 1) {
            Some(b'\n') => true,
            Some(b'\r') => bytes.get(i + 2) == Some(&b'\n'),
            _ => false,
        };
    blank_line || (ends_clause_at(bytes, i) && (i - last_end > 300 || len >= BATCH * 16))
}

/// Clause punctuation other than a line break at byte `i` (a line break may stand inside a
/// range: `5 to\n10`).
fn ends_clause_at(bytes: &[u8], i: usize) -> bool {
    !matches!(bytes[i], b'\n' | b'\r') && lexicon::clause_end_len(bytes, i) > 0
}

/// Keeps mentions apart: a mention whose hedge or name reaches back into the previous one
/// loses that part, and one whose numeral lies inside the previous one is dropped.
/// `last_end` is the end of the last mention kept, carried from batch to batch.
fn untangle(raws: &mut Vec<Raw>, last_end: &mut usize) {
    raws.retain_mut(|r| {
        if r.number.start < *last_end {
            return false;
        }
        if r.span.start < *last_end {
            r.span.start = r.number.start;
            if r.hedge_span.is_some_and(|h| h.start < r.span.start) {
                r.hedge = None;
                r.hedge_span = None;
            }
        }
        *last_end = r.span.end;
        true
    });
}

/// The three-byte character at `i` (valid UTF-8 is given; this only avoids the general
/// decoder on the hot path).
fn three_byte_char(bytes: &[u8], i: usize) -> Option<char> {
    let b1 = *bytes.get(i + 1)?;
    let b2 = *bytes.get(i + 2)?;
    let c = (u32::from(bytes[i] & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
    char::from_u32(c)
}

fn utf8_len(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// One bit per CJK ideograph, set where a number may start: the scanner asks this for every
/// Chinese character, so it takes the table once per text (`zh_start_bits`).
fn is_zh_start(starts: &[u64], c: char) -> bool {
    let k = (c as u32).wrapping_sub(CJK_FIRST) as usize;
    match starts.get(k / 64) {
        Some(bits) if k < CJK_LEN => bits & (1 << (k % 64)) != 0,
        _ => zh_start_slow(c),
    }
}

fn zh_start_bits() -> &'static [u64] {
    static STARTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
        let mut bits = vec![0u64; CJK_LEN.div_ceil(64)];
        for c in (CJK_FIRST..CJK_FIRST + CJK_LEN as u32).filter_map(char::from_u32) {
            if zh_start_slow(c) {
                let k = (c as u32 - CJK_FIRST) as usize;
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        bits
    });
    &STARTS
}

const CJK_FIRST: u32 = 0x4E00;
const CJK_LEN: usize = 0x5200;

fn zh_start_slow(c: char) -> bool {
    numeral::zh_starts(c)
        || matches!(
            c,
            '百' | '千'
                | '万'
                | '萬'
                | '亿'
                | '億'
                | '半'
                | '数'
                | '數'
                | '几'
                | '幾'
                | '翻'
                | '上'
        )
}

/// Arabic digits at `s`.
fn arabic_at(
    text: &str,
    s: usize,
    out: &mut Vec<Raw>,
    carried: Option<&Raw>,
    titles: &mut marks::Titles,
) -> Option<usize> {
    let p = numeral::arabic(text, s)?;
    let number = Span::new(s, p.end);
    if let Some(span) = marks::marker(text, s, p.end) {
        let raw = Raw::non_quantity(Kind::Reference, span, number, p.value, p.numeral);
        out.push(raw.because(Reason::Marker));
        return Some(span.end);
    }
    if p.decimals == 0
        && p.dots == 0
        && !p.grouped
        && let Some(span) = marks::code(text, s, p.end, p.int_digits)
    {
        let raw = Raw::non_quantity(Kind::Name, span, number, p.value, p.numeral);
        out.push(raw.because(Reason::Code));
        return Some(span.end);
    }
    if let Some(end) = held_out(text, s, &p, out, titles) {
        return Some(end);
    }
    // `“1+N”政策体系`: a figure and a capital joined by a plus sign name a scheme.
    if p.decimals == 0
        && text.as_bytes().get(p.end) == Some(&b'+')
        && text
            .as_bytes()
            .get(p.end + 1)
            .is_some_and(u8::is_ascii_uppercase)
        && !text
            .as_bytes()
            .get(p.end + 2)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        let span = Span::new(s, p.end + 2);
        out.push(Raw::non_quantity(
            Kind::Name,
            span,
            number,
            p.value,
            p.numeral,
        ));
        return Some(span.end);
    }
    // `3·15晚会`, `“9·11”事件`: a month and a day joined by a middle dot name the day.
    if p.decimals == 0
        && (1.0..=12.0).contains(&p.value)
        && let Some(rest) = text[p.end..]
            .strip_prefix('·')
            .or_else(|| text[p.end..].strip_prefix('・'))
        && let Some(q) = numeral::arabic(text, text.len() - rest.len())
        && q.decimals == 0
        && (1.0..=31.0).contains(&q.value)
        && q.int_digits <= 2
    {
        let span = Span::new(s, q.end);
        out.push(Raw::non_quantity(
            Kind::Date,
            span,
            number,
            p.value,
            p.numeral,
        ));
        return Some(span.end);
    }
    // `“2+26”城市`, `9+2`: figures joined by a plus sign with no space name a group.
    if p.decimals == 0
        && text.as_bytes().get(p.end) == Some(&b'+')
        && text
            .as_bytes()
            .get(p.end + 1)
            .is_some_and(u8::is_ascii_digit)
    {
        let mut end = p.end;
        let b = text.as_bytes();
        while b.get(end) == Some(&b'+') && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
            end += 1;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
        }
        out.push(Raw::non_quantity(
            Kind::Name,
            Span::new(s, end),
            number,
            p.value,
            p.numeral,
        ));
        return Some(end);
    }
    if let Some((span, percent)) = marks::table_negative(text, s, p.end) {
        let tail = Tail {
            kind: if percent {
                TailKind::Percent
            } else {
                TailKind::None
            },
            ..Tail::bare(p.end)
        };
        let mut raw = build(s, &p, &Pre::default(), &tail);
        raw.value = -raw.value;
        raw.span = span;
        out.push(raw);
        return Some(span.end);
    }
    // `| 1 | United States |` under `| Rank |`: the rank of the row.
    if p.decimals == 0
        && p.dots == 0
        && !p.grouped
        && let Some(span) = marks::rank_cell(text, s, p.end)
    {
        out.push(Raw::non_quantity(
            Kind::Ordinal,
            span,
            number,
            p.value,
            p.numeral,
        ));
        return Some(span.end);
    }
    // `| -9.39 |` in a column or row of percentages: the sign is part of the cell.
    let sign = minus_before(text, s);
    if let Some(span) = marks::percent_cell(text, sign.unwrap_or(s), p.end) {
        let tail = Tail {
            kind: TailKind::Percent,
            ..Tail::bare(p.end)
        };
        let mut raw = build(s, &p, &Pre::default(), &tail);
        if sign.is_some() {
            raw.value = -raw.value;
            raw.number.start = span.start;
        }
        raw.span = span;
        out.push(raw);
        return Some(span.end);
    }
    // `a magnitude-7.0 quake`, `an M6.1 aftershock`: a quake's magnitude glued to its word
    // or its letter (one decimal, under 10; not `Apple M2`, a chip).
    let head = &text[..s];
    let magnitude = head.ends_with("magnitude-")
        || head.ends_with("Magnitude-")
        || (head.ends_with('M')
            && !lexicon::char_before(text, s - 1).is_some_and(|c| c.is_ascii_alphanumeric())
            && p.decimals == 1
            && p.value < 10.0
            && !text
                .as_bytes()
                .get(p.end)
                .is_some_and(u8::is_ascii_alphanumeric));
    if magnitude {
        let tail = Tail {
            kind: TailKind::Unit("M"),
            ..Tail::bare(p.end)
        };
        let mut raw = build(s, &p, &context::pre(text, s), &tail);
        if head.ends_with('M') {
            raw.span.start = raw.span.start.min(s - 1);
        }
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    if let Some(name) = context::glued_name(text, s, p.end) {
        // `Q1`, `H2`: quarters and halves of a year.
        let prefix = &text[name.start..s];
        let part = matches!((prefix, p.value), ("Q", 1.0..=4.0) | ("H", 1.0..=2.0))
            && p.decimals == 0
            && name.end == p.end;
        let raw = if part {
            Raw::non_quantity(Kind::Date, name, number, p.value, p.numeral).because(Reason::Period)
        } else {
            Raw::non_quantity(Kind::Name, name, number, p.value, p.numeral)
        };
        out.push(raw);
        return Some(name.end);
    }
    if let Some(r) = context::dotted_date(text, s, &p) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if let Some(r) = context::reference(text, s, &p, out.last().or(carried)) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if !p.value.is_finite() {
        return Some(p.end);
    }
    if let Some(raw) = context::en_fraction(text, s, &p)
        .or_else(|| context::slash_fraction(text, s, &p))
        .or_else(|| context::elapsed_time(text, s, &p))
    {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    if let Some(raw) = context::zh_one_in(text, s, &p) {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    let before = out.len();
    let end = number_common(text, s, p, out)?;
    // `-0.5%`, `−0.5个百分点`: a minus sign makes the quantity negative.
    if let Some(sign) = minus_before(text, s)
        && let Some(raw) = out.get_mut(before)
        && raw.kind.is_quantity()
        && raw.number.start == s
    {
        raw.value = -raw.value;
        raw.base = raw.base.map(|(lo, hi)| (-hi, -lo));
        raw.number.start = sign;
        raw.span.start = raw.span.start.min(sign);
    }
    Some(end)
}

/// Where a minus sign right before `s` starts: `-` or `−` (U+2212) after a space, an
/// opening bracket, a Chinese character or clause punctuation; not the hyphen of `5-10`,
/// `COVID-19` or `5%-10%`.
fn minus_before(text: &str, s: usize) -> Option<usize> {
    // `minus 8C`, `零下15℃`: the sign written as a word.
    let head = &text[..s];
    if head.ends_with(' ') || head.ends_with('下') {
        for w in ["minus ", "零下"] {
            // (`plus or minus 2%` is a margin, not a sign.)
            if let Some(st) = lexicon::ends_with_word(text, s, w)
                && lexicon::ends_with_word(text, lexicon::skip_space_back(text, st), "plus or")
                    .is_none()
            {
                return Some(st);
            }
        }
    }
    let sign = if text[..s].ends_with('-') {
        s - 1
    } else if text[..s].ends_with('−') {
        s - '−'.len_utf8()
    } else {
        return None;
    };
    match lexicon::char_before(text, sign) {
        None => Some(sign),
        Some(c)
            if c.is_ascii_alphanumeric()
                || matches!(
                    c,
                    '%' | '％' | '.' | ')' | '）' | '-' | '~' | '～' | '_' | '/'
                ) =>
        {
            None
        }
        Some(c) if c.is_ascii() || c.is_whitespace() || super::nonquant::is_cjk(c) => Some(sign),
        Some('（' | '，' | '：' | '；' | '、' | '“' | '「') => Some(sign),
        _ => None,
    }
}

/// A numeral held out of the quantities by what surrounds it: a known name that holds it
/// (`21世纪经济报道`, `第一财经`, `3M`), a title (`《2018年…报告》`), or the section number
/// that opens a heading or list item (`4.`, `一、`, `（二）`). Pushes it and returns its end.
fn held_out(
    text: &str,
    s: usize,
    p: &Parsed,
    out: &mut Vec<Raw>,
    titles: &mut marks::Titles,
) -> Option<usize> {
    let number = Span::new(s, p.end);
    let (kind, span, reason) = if let Some(span) = marks::known_name(text, s) {
        (Kind::Name, span, Reason::Name)
    } else if let Some(span) = marks::generation(text, s, p.end, p.int_digits, p.decimals) {
        (Kind::Name, span, Reason::Name)
    } else if titles.holds(text, s) {
        (Kind::Name, number, Reason::Title)
    } else if let Some(span) = marks::section(text, s, p.end, p.dots) {
        (Kind::Ordinal, span, Reason::Section)
    } else {
        return None;
    };
    // The section's span may start at its parenthesis, before the numeral.
    out.push(Raw::non_quantity(kind, span, number, p.value, p.numeral).because(reason));
    Some(span.end.max(p.end))
}

/// What every numeral goes through: ordinal, name, year, date, then a quantity.
fn number_common(text: &str, s: usize, p: Parsed, out: &mut Vec<Raw>) -> Option<usize> {
    if let Some(r) = context::period(text, s, &p) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if let Some(r) = context::ordinal(text, s, &p) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if let Some(r) = context::date(text, s, &p) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    let mut pre = context::pre(text, s);
    let mut tail = context::tail(text, &p, pre.currency.is_some());
    let cjk_before = lexicon::char_before(text, lexicon::skip_space_back(text, s))
        .is_some_and(super::nonquant::is_cjk);
    let glued = text
        .as_bytes()
        .get(p.end)
        .is_some_and(u8::is_ascii_alphabetic);
    // `提升5.2pct`: a Chinese research note's pct is a percentage point.
    if cjk_before && tail.kind == TailKind::Percent && text[p.end..].starts_with("pct") {
        tail.kind = TailKind::Points;
    }
    // `昇腾910B`: a product glued to the Chinese name before it, not 910 billion.
    if glued
        && tail.scale > 1.0
        && tail.kind == TailKind::None
        && pre.currency.is_none()
        && p.decimals == 0
        && lexicon::char_before(text, s).is_some_and(super::nonquant::is_cjk)
    {
        tail.kind = TailKind::Name;
    }
    // `Redmi 13C`, `Galaxy 5F`: a letter glued to a number after a brand names a model,
    // not degrees.
    if glued && matches!(tail.kind, TailKind::Unit("°C" | "°F")) && brand_before(text, s) {
        tail.kind = TailKind::Name;
    }
    // `位於機場城市的11 SKIES綜合發展項目`: a figure and a word in capitals in Chinese prose
    // name a place or a product (a unit or a code in capitals was read before).
    if tail.kind == TailKind::None
        && cjk_before
        && pre.currency.is_none()
        && text.as_bytes().get(p.end) == Some(&b' ')
    {
        let (w, we) = numeral::word_at(text, p.end + 1);
        if w.len() >= 3 && w.bytes().all(|c| c.is_ascii_uppercase()) {
            tail.kind = TailKind::Name;
            tail.end = we;
        }
    }
    // `普氏62%铁矿石价格指数`: an index named by the grade it is quoted for, as
    // `沪深300指数` is named by its number.
    if tail.kind == TailKind::Percent && index_named_after(text, tail.end) {
        tail.kind = TailKind::Name;
    }
    // `省道211线`, `国道318線`, `台20線`: a road numbered between the word for its class (or
    // Taiwan's `台` of a provincial highway) and `线`.
    if tail.kind == TailKind::None
        && p.decimals == 0
        && matches!(lexicon::char_at(text, p.end), Some('线' | '線'))
        && matches!(lexicon::char_before(text, s), Some('道' | '台' | '臺'))
    {
        let span = Span::new(s, p.end + '线'.len_utf8());
        out.push(
            Raw::non_quantity(Kind::Name, span, Span::new(s, p.end), p.value, p.numeral)
                .because(Reason::Name),
        );
        return Some(span.end);
    }
    // `港区四期`, `一期工程`, `3期临床试验`: the phase of a site or a project, an ordinal.
    if tail.kind == TailKind::Count(Cow::Borrowed("期")) && phase(text, s, tail.end) {
        let span = Span::new(s, tail.end);
        out.push(Raw::non_quantity(
            Kind::Ordinal,
            span,
            Span::new(s, p.end),
            p.value,
            p.numeral,
        ));
        return Some(span.end);
    }
    if let Some((Hedge::Over, span)) = pre.hedge {
        let word = &text[span.range()];
        let time = matches!(
            tail.kind,
            TailKind::Unit("year" | "month" | "week" | "day" | "decade" | "h")
        );
        // `must pass 5 bills`: a verb of passing before things counted is no hedge; before a
        // level (`to pass 100% of GDP`) it is.
        let passing_verb = [
            "pass",
            "passes",
            "surpass",
            "surpasses",
            "exceed",
            "exceeds",
        ]
        .iter()
        .any(|v| word.eq_ignore_ascii_case(v));
        if (word.eq_ignore_ascii_case("over") && time && over_spans_time(text, span, tail.end))
            || (passing_verb && matches!(tail.kind, TailKind::Count(_)))
        {
            pre.hedge = None;
        }
    }
    // `截至1月10日的一星期內`, `假期（12月20日至1月4日）16天內`, `未来一个月内`: a definite span
    // named before it, during which something happened, no bound (`7日内回复` is a limit).
    if let Some((Hedge::AtMost, span)) = tail.hedge
        && matches!(&text[span.range()], "内" | "內")
        && (matches!(
            lexicon::char_before(text, lexicon::skip_space_back(text, s)),
            Some('的' | '）' | ')' | '这' | '這' | '此' | '该' | '該' | '当' | '當')
        ) || RECENT_BEFORE
            .iter()
            .any(|w| lexicon::ends_with_word(text, lexicon::skip_space_back(text, s), w).is_some()))
    {
        tail.hedge = None;
        tail.end = span.start;
    }
    if let Some((_, span)) = pre.hedge
        && context::names_benchmark(text, &text[span.range()], tail.end)
    {
        pre.hedge = None;
    }
    if let Some((_, span)) = pre.hedge
        && context::benchmark(
            text,
            &text[span.range()],
            span,
            text[p.end..tail.end].trim_start(),
        )
    {
        pre.hedge = None;
    }
    if tail.kind == TailKind::Name || yuan_word(text, &p, &tail) {
        let span = context::name_span(text, s, tail.end);
        out.push(Raw::non_quantity(
            Kind::Name,
            span,
            Span::new(s, p.end),
            p.value,
            p.numeral,
        ));
        return Some(span.end);
    }
    if let Some(r) = context::named_number(text, s, &p, &tail, &pre) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if let Some(r) = context::year(text, s, &p, &tail, &pre) {
        let end = r.span.end;
        out.push(r);
        return Some(end);
    }
    if let Some(raw) = compound_scale(text, s, &p, &pre, &tail) {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    let mut raw = build(s, &p, &pre, &tail);
    // `观影人次为5,209万`, `就业人数达1.2万`: a bare figure after a noun that names a count
    // counts in its counter.
    if raw.kind == Kind::Number
        && tail.kind == TailKind::None
        && let Some(unit) = lexicon::count_noun_before(text, pre.start(s))
    {
        raw.kind = Kind::Count;
        raw.unit = Some(Cow::Borrowed(unit));
    }
    // `the number of payrolled employees fell by 41,000`: a bare figure after a verb whose
    // subject names a count counts those things; the level after it (`… to 30.2 million`)
    // counts the same things.
    if raw.kind == Kind::Number && tail.kind == TailKind::None && raw.unit.is_none() {
        if let Some(noun) = context::counted_subject(text, pre.start(s)) {
            raw.kind = Kind::Count;
            raw.unit = Some(Cow::Owned(noun.to_string()));
        } else if let Some(prev) = out.last()
            && prev.kind == Kind::Count
            && prev.reason.is_none()
            && text.get(prev.span.end..pre.start(s)) == Some(" to ")
            && (context::counted_subject(text, prev.span.start).is_some()
                // `employment rose by 42,200 people to 14.61 million`, `up 3,000 jobs to
                // 1.2 million`: a change that counts things and the level it led to.
                || ["by", "up", "down"].iter().any(|w| {
                    lexicon::ends_with_word(text, lexicon::skip_space_back(text, prev.span.start), w)
                        .is_some()
                }))
        {
            raw.kind = Kind::Count;
            raw.unit = prev.unit.clone();
        }
    }
    // `A magnitude 7.1 earthquake`, `of magnitude 4.5 or greater`: the magnitude named
    // before the figure, as `7.8-magnitude` names it after.
    if raw.kind == Kind::Number
        && tail.kind == TailKind::None
        && ["magnitude", "Magnitude", "magnitude of"].iter().any(|w| {
            lexicon::ends_with_word(text, lexicon::skip_space_back(text, pre.start(s)), w).is_some()
        })
    {
        raw.kind = Kind::Quantity;
        raw.unit = Some(Cow::Borrowed("M"));
    }
    // `“618”大促`, `“双11”`: a bare whole number that fills a quotation with at most a few
    // Chinese characters before it names a day or an event.
    if raw.kind == Kind::Number
        && raw.hedge.is_none()
        && p.decimals == 0
        && !p.grouped
        && text[raw.span.end..].starts_with('”')
        && quoted_name_start(text, s)
    {
        raw.kind = Kind::Name;
        raw.reason = Some(Reason::Name);
    }
    // `每十萬人`, `per 100,000 people`: the denominator of a rate is no figure the text
    // states (the rate is).
    if matches!(raw.kind, Kind::Count | Kind::Money | Kind::Number)
        && raw.hedge.is_none()
        && is_power_of_ten(raw.value)
        && per_before(text, s)
    {
        raw.weak = true;
    }
    // `停航近4天，`: after a verb and ending its clause, `近` is nearly, not "the last four
    // days" (`近5年来`, `创近9年新高`, `在近十年`).
    if raw.hedge.is_none()
        && let Some((Hedge::Nearly, span)) = pre.hedge
        && span.len() == '近'.len_utf8()
        && nearly_a_span(text, span.start, raw.span.end)
    {
        raw.hedge = Some(Hedge::Nearly);
        raw.hedge_span = Some(span);
        raw.span.start = raw.span.start.min(span.start);
    }
    // `近一年`, `过去一年`, `未来一个月`: a span of time counted back or ahead, not the
    // indefinite `一年` of `有一年`.
    if raw.indefinite
        && matches!(raw.unit.as_deref(), Some("year" | "month" | "week" | "day"))
        && (RECENT_BEFORE
            .iter()
            .any(|w| lexicon::ends_with_word(text, s, w).is_some())
            || ended_by_a_date(text, s))
    {
        raw.indefinite = false;
    }
    let end = raw.span.end;
    out.push(raw);
    Some(end)
}

/// Whether `“` opens a quotation at most four Chinese characters before `s` (`“双11”`).
fn quoted_name_start(text: &str, s: usize) -> bool {
    let mut k = s;
    for _ in 0..=4 {
        match lexicon::char_before(text, k) {
            Some('“') => return true,
            Some(c) if super::nonquant::is_cjk(c) => k -= c.len_utf8(),
            _ => return false,
        }
    }
    false
}

/// Whether a capitalised word that names something (`Redmi`, not `In` or a month) stands
/// right before `s`, one space between.
fn brand_before(text: &str, s: usize) -> bool {
    let k = skip_space_back_one(text, s);
    if k == s {
        return false;
    }
    let head = &text[..k];
    let word = head
        .rsplit(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    word.len() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && !super::nonquant::is_common_capital(word)
}

/// `s` less the one space before it, if there is one.
fn skip_space_back_one(text: &str, s: usize) -> usize {
    if text[..s].ends_with(' ') { s - 1 } else { s }
}

/// Whether the numeral at `s` with `期` (ending at `end`) numbers the phase of a site or
/// project: after a word for one (`港区四期`, `项目二期`) or before one (`一期工程`,
/// `3期临床试验`).
fn phase(text: &str, s: usize, end: usize) -> bool {
    let site_before = lexicon::char_before(text, s).is_some_and(|c| {
        matches!(
            c,
            '区' | '區'
                | '港'
                | '厂'
                | '廠'
                | '园'
                | '園'
                | '站'
                | '线'
                | '線'
                | '城'
                | '坞'
                | '塢'
                | '桥'
                | '橋'
                | '目'
                | '程'
                | '头'
                | '頭'
                | '地'
                | '田'
                | '矿'
                | '礦'
                | '井'
        )
    });
    let rest = &text[end..];
    let project_after = [
        "工程", "项目", "項目", "临床", "臨床", "码头", "碼頭", "厂房", "廠房", "扩建", "擴建",
    ]
    .iter()
    .any(|w| rest.starts_with(w));
    site_before || project_after
}

/// `2兆9,000億元`, `1亿2000万元`: digits and a large scale word, then digits and a smaller
/// one, with the currency or unit after the second. One mention: the sum, with the written
/// precision of the second part.
fn compound_scale(text: &str, s: usize, p: &Parsed, pre: &Pre, tail: &Tail) -> Option<Raw> {
    if tail.scale < 1e4
        || tail.kind != TailKind::None
        || tail.hedge.is_some()
        || p.numeral != Numeral::Arabic
        || !text
            .as_bytes()
            .get(tail.end)
            .is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let q = numeral::arabic(text, tail.end)?;
    let rest = context::tail(text, &q, pre.currency.is_some());
    // `3萬4,000美元`: after 万 the smaller part may be plain thousands.
    let thousands = tail.scale == 1e4 && rest.scale == 1.0 && q.int_digits == 4;
    // (`2兆3,356.6億元`: the second part may have decimals when its own scale word follows.)
    if (q.decimals > 0 && rest.scale == 1.0)
        || rest.scale >= tail.scale
        || (rest.scale < 1e3 && !thousands)
    {
        return None;
    }
    let carried = Pre {
        hedge: None,
        ..*pre
    };
    let mut raw = build(tail.end, &q, &carried, &rest);
    if !matches!(
        raw.kind,
        Kind::Money | Kind::Count | Kind::Quantity | Kind::Number
    ) || raw.style.factor != rest.scale
    {
        return None;
    }
    raw.value += p.value * tail.scale;
    raw.span.start = pre.start(s);
    raw.number.start = s;
    if raw.hedge.is_none()
        && let Some((h, span)) = pre.hedge
    {
        raw.hedge = Some(h);
        raw.hedge_span = Some(span);
    }
    Some(raw)
}

/// Whether `v` is 100, 1,000 … (at most 10⁸). (`每10股`, per ten shares, is how a dividend
/// is stated and counts its lot.)
fn is_power_of_ten(v: f64) -> bool {
    let mut p = 100.0;
    while p <= 1e8 {
        if v == p {
            return true;
        }
        p *= 10.0;
    }
    false
}

/// Whether `每` (`每个`) or `per` stands right before `s`: the figure is a denominator.
fn per_before(text: &str, s: usize) -> bool {
    let k = lexicon::skip_space_back(text, s);
    ["每", "每个", "每個", "per"]
        .iter()
        .any(|w| lexicon::ends_with_word(text, k, w).is_some())
}

/// Whether `近` at `at` before a span of time ending at `end` is the hedge nearly: a verb
/// (a Chinese character other than a preposition) before it and the clause ending after
/// the span.
fn nearly_a_span(text: &str, at: usize, end: usize) -> bool {
    let verb_before = lexicon::char_before(text, at).is_some_and(|c| {
        super::nonquant::is_cjk(c)
            && !matches!(
                c,
                '在' | '于' | '於' | '的' | '最' | '从' | '從' | '这' | '這' | '将' | '將' | '是'
            )
    });
    let ends = lexicon::char_at(text, end).is_none_or(|c| {
        matches!(
            c,
            '，' | '。' | '；' | '、' | '！' | '？' | ',' | ';' | '.' | '\n' | '之' | '）' | ')'
        )
    });
    verb_before && ends
}

/// Whether `的` before `s` follows the date a span ends on (`截至1月10日的一星期`,
/// `截至6月底的一年`, `至今的一个月`): the span counted back from it, not an indefinite one.
fn ended_by_a_date(text: &str, s: usize) -> bool {
    let Some(k) = text[..s].strip_suffix('的').map(str::len) else {
        return false;
    };
    matches!(
        lexicon::char_before(text, k),
        Some('日' | '号' | '號' | '底' | '止' | '今')
    ) || ["为止", "為止", "月份"]
        .iter()
        .any(|w| text[..k].ends_with(w))
}

/// Words before `一年`, `一个月` that make it a span of time counted from now.
const RECENT_BEFORE: &[&str] = &[
    "近", "过去", "過去", "最近", "未来", "未來", "长达", "長達", "历时", "歷時",
];

/// Whether `over` at `span` before a span of time (ending at `end`) is the preposition of
/// the span (`Over 10 years, deficits…`, `held over 44 days from 19 April`) rather than the
/// hedge: it opens a clause, or dates or a comma follow the span; never after `for`, `of`,
/// `with` or `in` (`for over 10 years` is more than ten).
fn over_spans_time(text: &str, span: Span, end: usize) -> bool {
    let head = text[..span.start].trim_end_matches([' ', '\t']);
    let word_before = head
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    if matches!(
        word_before,
        "for"
            | "For"
            | "of"
            | "with"
            | "in"
            | "than"
            | "took"
            | "taken"
            | "takes"
            | "lasted"
            | "lasting"
            | "lasts"
            | "needs"
            | "requires"
    ) {
        return false;
    }
    let opens = head.is_empty() || head.ends_with(['.', ',', ';', ':', '\n', '(']);
    // `contested by 10,500 competitors over 19 days`, `rose 5% over 12 months`: after things
    // counted or a figure, `over` spans the time they took (a verb before it, `waited over
    // 3 hours`, makes it the hedge).
    let after_counted = head.ends_with(|c: char| c.is_ascii_digit() || c == '%')
        || (context::is_plural_noun(word_before) && !word_before.ends_with("ed"));
    if after_counted {
        return true;
    }
    let rest = &text[end..];
    // `and over 20 years 6.9%`: a figure right after the span is what the span holds.
    let figure_after = rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c == '$'));
    let follows = rest.starts_with(',')
        || rest.starts_with(" from ")
        || rest.starts_with(" between ")
        || figure_after;
    opens || follows
}

/// Whether a word ending in `指数` (an index) follows `end` glued, within eight Chinese
/// characters and no punctuation (`62%铁矿石价格指数`).
fn index_named_after(text: &str, end: usize) -> bool {
    let mut k = end;
    for _ in 0..8 {
        let Some(c) = lexicon::char_at(text, k) else {
            return false;
        };
        if !super::nonquant::is_cjk(c) {
            return false;
        }
        if text[k..].starts_with("指数") || text[k..].starts_with("指數") {
            return k > end;
        }
        k += c.len_utf8();
    }
    false
}

/// `三元电池`, `二元结构`: a Chinese digit and `元` that open a word (ternary, binary), not
/// an amount of yuan.
fn yuan_word(text: &str, p: &Parsed, tail: &Tail) -> bool {
    p.numeral == Numeral::Chinese
        && p.value < 10.0
        && text.get(p.end..tail.end) == Some("元")
        && matches!(
            lexicon::char_at(text, tail.end),
            Some(
                '电' | '電'
                    | '锂'
                    | '鋰'
                    | '材'
                    | '正'
                    | '前'
                    | '组'
                    | '組'
                    | '数'
                    | '數'
                    | '素'
                    | '结'
                    | '結'
                    | '论'
                    | '論'
                    | '化'
                    | '函'
                    | '体'
                    | '體'
                    | '催'
            )
        )
}

/// `v × factor`, dividing for percentages so that `40.9%` is exactly the `0.409` that
/// `0.409` parses to (multiplying by the inexact `0.01` would give `0.40900000000000003`).
fn scaled(v: f64, factor: f64) -> f64 {
    if factor > 0.0 && factor < 1.0 {
        v / (1.0 / factor).round()
    } else {
        v * factor
    }
}

/// A quantity from its numeral, what precedes it and what follows it.
pub(crate) fn build(s: usize, p: &Parsed, pre: &Pre, tail: &Tail) -> Raw {
    let scale = tail.scale;
    let (kind, unit, unit_factor) = match (&tail.kind, pre.currency) {
        (TailKind::Percent, _) => (Kind::Percent, Some(Cow::Borrowed("%")), 0.01),
        (TailKind::Tenths(_), _) => (Kind::Percent, Some(Cow::Borrowed("%")), 0.1),
        (TailKind::Points, _) => (Kind::Points, Some(Cow::Borrowed("pp")), 0.01),
        (TailKind::Multiple, _) => (Kind::Multiple, Some(Cow::Borrowed("x")), 1.0),
        (TailKind::Money(code), _) => (Kind::Money, Some(Cow::Borrowed(*code)), 1.0),
        (TailKind::Subunit(code), _) => (Kind::Money, Some(Cow::Borrowed(*code)), 0.01),
        (TailKind::BasisPoints, _) => (Kind::Points, Some(Cow::Borrowed("pp")), 0.0001),
        (TailKind::QuarterPoints, _) => (Kind::Points, Some(Cow::Borrowed("pp")), 0.0025),
        (TailKind::PerMille, _) => (Kind::Percent, Some(Cow::Borrowed("%")), 0.001),
        (_, Some((code, _))) => (Kind::Money, Some(Cow::Borrowed(code)), 1.0),
        (TailKind::Count(u), _) => (Kind::Count, Some(u.clone()), 1.0),
        (TailKind::Unit(u), _) => (Kind::Quantity, Some(Cow::Borrowed(*u)), 1.0),
        (TailKind::Rate(u, per), _) => {
            (Kind::Quantity, Some(Cow::Owned(format!("{u}/{per}"))), 1.0)
        }
        _ => (Kind::Number, None, 1.0),
    };
    let factor = scale * unit_factor;
    // `四成一`: a digit of hundredths after the tenths, which is then the written precision.
    let (p_value, p_half) = match tail.kind {
        TailKind::Tenths(d) if d > 0 => (p.value + f64::from(d) / 10.0, 0.05),
        _ => (p.value, p.half),
    };
    // `近 5 年`, `近十年来` mean "the last five / ten years", not "nearly".
    let recent = matches!(pre.hedge, Some((Hedge::Nearly, span)) if span.len() == '近'.len_utf8())
        && matches!(unit.as_deref(), Some("year" | "month" | "week" | "day"));
    // `Over two years, the price fell`: the span of time, not more than two years. Read so
    // for durations written in words, where the preposition is the common sense.
    // (`over` and `pass` are the over-hedges four bytes long; `pass two years` is a span of
    // time too.) Written in digits, `number_common` decides.
    let span_of_time = matches!(pre.hedge, Some((Hedge::Over, span)) if span.len() == 4)
        && p.numeral == Numeral::Words
        && matches!(
            unit.as_deref(),
            Some("year" | "month" | "week" | "day" | "decade" | "h")
        );
    let pre = if recent || span_of_time {
        &Pre {
            hedge: None,
            ..*pre
        }
    } else {
        pre
    };
    let start = pre.start(s);
    let (hedge, hedge_span) = match (pre.hedge, tail.hedge) {
        (Some((h, span)), _) => (Some(h), Some(span)),
        (None, Some((h, span))) => (Some(h), Some(span)),
        (None, None) => (None, None),
    };
    let words = matches!(p.numeral, Numeral::Chinese | Numeral::Words);
    let by_nature = words && kind == Kind::Multiple;
    let weak = words && kind == Kind::Number && (p.value * scale < 1e4 || p.digit_sequence);
    let indefinite = p.lone_one && matches!(kind, Kind::Count | Kind::Quantity);
    Raw {
        span: Span::new(start, tail.end),
        number: Span::new(s, p.end),
        kind,
        value: scaled(p_value, factor),
        half: if by_nature {
            0.0
        } else {
            scaled(p_half, factor)
        },
        base: tail
            .vague
            .map(|(lo, hi)| (scaled(lo, factor), scaled(hi, factor))),
        by_nature,
        unit,
        hedge,
        hedge_span,
        style: Style {
            numeral: p.numeral,
            decimals: p.decimals,
            grouped: p.grouped,
            factor,
        },
        indefinite,
        weak: weak || p.digit_sequence,
        reason: None,
    }
}

/// A Chinese numeral, or one of the Chinese forms that start with a numeral character:
/// `百分之二十`, `三分之二`, `一半`, `半数`, `数百万`, `翻了一番`.
fn zh_at(
    text: &str,
    s: usize,
    c: char,
    out: &mut Vec<Raw>,
    titles: &mut marks::Titles,
) -> Option<usize> {
    if let Some(raw) = context::zh_special(text, s, c) {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    if !numeral::zh_starts(c) {
        return None;
    }
    // `零售`, `零件`: 零 opens words far more often than it writes nought.
    if c == '零' {
        return None;
    }
    let p = numeral::chinese(text, s)?;
    if let Some(end) = held_out(text, s, &p, out, titles) {
        return Some(end);
    }
    if let Some(raw) = context::zh_fraction(text, s, &p)
        .or_else(|| context::zh_approximate(text, s, &p))
        .or_else(|| context::zh_one_in(text, s, &p))
    {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    number_common(text, s, p, out)
}

/// An English number word, fraction or multiple at the start of the word at `s`.
fn words_at(text: &str, s: usize, out: &mut Vec<Raw>) -> Option<usize> {
    let (w, _) = numeral::word_at(text, s);
    // Number words and the special forms have three letters or more, but for the `a` and
    // `an` of `a third`: shorter words (`of`, `to`, `in`) are turned away at once.
    let short = w.len() <= 2 && !w.eq_ignore_ascii_case("a") && !w.eq_ignore_ascii_case("an");
    if w.len() > 14 || short {
        return None;
    }
    if let Some(raw) = context::en_special(text, s) {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    let first = w.as_bytes()[0].to_ascii_lowercase();
    if !matches!(first, b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'z') {
        return None;
    }
    let p = numeral::english(text, s)?;
    if let Some(raw) = context::en_fraction(text, s, &p) {
        let end = raw.span.end;
        out.push(raw);
        return Some(end);
    }
    let before = out.len();
    let mut end = number_common(text, s, p, out)?;
    if let Some(raw) = out.get_mut(before)
        && raw.kind == Kind::Number
    {
        if p.value == 1.0 && raw.hedge.is_some() {
            // `at least one chronic condition`: one thing, counted in the singular.
            if let Some((noun, e)) = context::singular_noun(text, raw.span.end) {
                raw.kind = Kind::Count;
                raw.unit = Some(Cow::Owned(noun.to_string()));
                raw.span.end = e;
                raw.weak = false;
                end = e;
            }
        } else if raw.hedge.is_none() && change_base_before(text, s) {
            // `up from just one in 2016`: the level a change started from.
            raw.weak = false;
        } else if raw.hedge.is_some()
            && let Some(noun) = context::counted_past_figure(text, raw.span.end)
        {
            // `fewer than two 25 bps cuts`: the word counts the cuts.
            raw.kind = Kind::Count;
            raw.unit = Some(Cow::Owned(noun.to_string()));
            raw.weak = false;
        }
    }
    // `five of them`, `three of whom`: a part of things counted before, kept as the number
    // its parts add up to (`one of them` is no figure anyone states).
    if let Some(raw) = out.get_mut(before)
        && raw.kind == Kind::Number
        && raw.weak
        && p.value >= 2.0
        && [
            " of them",
            " of those",
            " of these",
            " of whom",
            " of which",
        ]
        .iter()
        .any(|w| text[raw.span.end..].starts_with(w))
    {
        raw.weak = false;
    }
    // Number words without a unit (`one of the`, `nine`) are not quantities anyone counts.
    if out.len() > before && out[before].kind == Kind::Number && out[before].weak {
        out.truncate(before);
    }
    Some(end)
}

/// Whether `text[..s]` ends with the `from` of a change (`up from`, `down from just`,
/// `rose from only`): what follows is the level it started from.
fn change_base_before(text: &str, s: usize) -> bool {
    let mut head = text[..s].trim_end();
    for adverb in ["just", "only", "a mere"] {
        if let Some(h) = head.strip_suffix(adverb) {
            head = h.trim_end();
            break;
        }
    }
    let Some(h) = head.strip_suffix("from") else {
        return false;
    };
    let word = h
        .trim_end()
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    super::attach::CHANGE_WORDS.contains(&word)
}
