//! Numerals that are marks on the text rather than figures: a numeral's offsets in, the span
//! of the marker (`[41]`, `^12`, `〔2〕`, `（注1）`), section number (`4.`, `一、`, `（二）`),
//! title (`《2018年…报告》`) or known name (`21世纪经济报道`, `3M`) that holds it out.
//!
//! These come before every other reading of a numeral: `[3]` after a figure is never a
//! count, and `一、` opening a list item never counts anything.

use std::sync::LazyLock;

use super::lexicon::{char_at, char_before};
use crate::source::Span;

/// Opening and closing brackets around a footnote or citation marker.
const MARKER_BRACKETS: &[(char, char)] = &[('[', ']'), ('［', '］'), ('〔', '〕'), ('【', '】')];

/// A footnote or citation marker around the digits `text[s..e]`: `[41]`, `[1-3]`, `[^12]`,
/// `^12`, `〔2〕`, `（注1）`, `注1`. Returns the marker's span.
pub(crate) fn marker(text: &str, s: usize, e: usize) -> Option<Span> {
    let before = char_before(text, s)?;
    // `[1-3]`, `[1,2]`: more digits inside the brackets.
    let close_at = |mut k: usize| -> usize {
        let b = text.as_bytes();
        while k < b.len() && (b[k].is_ascii_digit() || matches!(b[k], b'-' | b',' | b' ')) {
            k += 1;
        }
        k
    };
    if before == '^' {
        let open = s - 1;
        // `10^6` is a power, not a marker.
        if char_before(text, open).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        if char_before(text, open) == Some('[') && char_at(text, e) == Some(']') {
            return Some(Span::new(open - 1, e + 1));
        }
        return Some(Span::new(open, e));
    }
    if before == '注' || before == '註' {
        let start = s - before.len_utf8();
        let open = match char_before(text, start) {
            Some(c @ ('（' | '(' | '[' | '［' | '〔')) => c.len_utf8(),
            _ => 0,
        };
        let close = match char_at(text, e) {
            Some(c @ ('）' | ')' | ']' | '］' | '〕')) if open > 0 => c.len_utf8(),
            _ => 0,
        };
        return Some(Span::new(start - open, e + close));
    }
    let &(_, closing) = MARKER_BRACKETS.iter().find(|(o, _)| *o == before)?;
    let k = close_at(e);
    (char_at(text, k) == Some(closing))
        .then(|| Span::new(s - before.len_utf8(), k + closing.len_utf8()))
}

/// Where the line holding `s` starts, when only list or heading marks stand between
/// (`# `, `- `, `* `, `> `, spaces): the numeral opens a heading or list item.
fn opens_line(text: &str, s: usize) -> bool {
    let b = text.as_bytes();
    let mut k = s;
    while k > 0 && matches!(b[k - 1], b' ' | b'\t' | b'#' | b'>' | b'*' | b'-' | b'+') {
        k -= 1;
    }
    k == 0 || matches!(b[k - 1], b'\n' | b'\r')
}

/// A section or list number at the start of a heading or list item: `4.散热设计`, `1. `,
/// `2、`, `一、`, `（二）`, `(3)`, `3.2 方法` in a heading. `e` is the end of the numeral;
/// `dots` the points inside it. Returns the span with its punctuation.
pub(crate) fn section(text: &str, s: usize, e: usize, dots: u8) -> Option<Span> {
    let paren = match char_before(text, s) {
        Some(c @ ('（' | '(')) => c.len_utf8(),
        _ => 0,
    };
    if !opens_line(text, s - paren) {
        return None;
    }
    if paren > 0 {
        let close = match char_at(text, e) {
            Some(c @ ('）' | ')')) => c.len_utf8(),
            _ => return None,
        };
        return Some(Span::new(s - paren, e + close));
    }
    match char_at(text, e) {
        Some(c @ ('.' | '．' | '、' | ')' | '）')) => {
            // `1.5 亿` opens no section: a digit after the point makes it a decimal, which
            // the numeral already took; anything else after the point is the heading.
            let after = char_at(text, e + c.len_utf8());
            if after.is_some_and(|a| a.is_ascii_digit()) {
                return None;
            }
            Some(Span::new(s, e + c.len_utf8()))
        }
        // `3.2 研究方法`, `2.1.3 数据` in a heading.
        Some(' ') if dots >= 1 && text[..s].trim_end_matches([' ', '\t']).ends_with('#') => {
            Some(Span::new(s, e))
        }
        _ => None,
    }
}

/// Whether `s` lies inside a title `《…》` on its line (at most 200 bytes to either mark).
/// The marks are searched with `memchr`-backed `find`, so a numeral outside any title costs
/// two short searches.
pub(crate) fn in_title(text: &str, s: usize) -> bool {
    const WITHIN: usize = 200;
    let mut a = s.saturating_sub(WITHIN);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let Some(open) = text[a..s].rfind('《').map(|k| a + k) else {
        return false;
    };
    if text[open..s].contains(['》', '\n']) {
        return false;
    }
    let mut b = (s + WITHIN).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    text[s..b]
        .find(['《', '》', '\n'])
        .is_some_and(|k| text[s + k..].starts_with('》'))
}

/// Names that hold a numeral and are written the same way every time: newspapers, companies
/// and brands. The numeral is read where it starts inside the name.
const NAMES: &[&str] = &[
    "21世纪经济报道",
    "21世紀經濟報導",
    "第一财经",
    "第一財經",
    "36氪",
    "58同城",
    "360集团",
    "三六零",
    "3M",
    "7-Eleven",
    "7-ELEVEN",
    "24/7",
    "Fortune 500",
    "S&P 500",
    "FTSE 100",
    "Dow 30",
    "Nasdaq 100",
];

/// A name of `NAMES` that holds the numeral starting at `s`: its span. ASCII names stand as
/// whole words.
pub(crate) fn known_name(text: &str, s: usize) -> Option<Span> {
    // Each name with the offset of its numeral: its first digit or Chinese numeral.
    static OFFSETS: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
        NAMES
            .iter()
            .filter_map(|name| {
                let off = name.char_indices().find_map(|(k, c)| {
                    (c.is_ascii_digit() || super::numeral::zh_starts(c)).then_some(k)
                })?;
                Some((*name, off))
            })
            .collect()
    });
    let b = text.as_bytes();
    let first = *b.get(s)?;
    for &(name, off) in OFFSETS.iter() {
        if name.as_bytes()[off] != first {
            continue;
        }
        let Some(start) = s.checked_sub(off) else {
            continue;
        };
        if !text.is_char_boundary(start) || !text[start..].starts_with(name) {
            continue;
        }
        let end = start + name.len();
        if name.is_ascii()
            && (start > 0 && b[start - 1].is_ascii_alphanumeric()
                || b.get(end).is_some_and(u8::is_ascii_alphanumeric))
        {
            continue;
        }
        return Some(Span::new(start, end));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, digits: &str) -> (usize, usize) {
        let s = text.find(digits).expect("digits");
        (s, s + digits.len())
    }

    #[test]
    fn markers() {
        for (text, digits, want) in [
            ("增长超过 8 倍[41]。", "41", "[41]"),
            ("的报告[1-3]。", "1-3", "[1-3]"),
            ("since 2010.[^12] Meta", "12", "[^12]"),
            ("as shown^12 here", "12", "^12"),
            ("零售额〔2〕显示", "2", "〔2〕"),
            ("规模（注1）。", "1", "（注1）"),
        ] {
            let (s, e) = at(text, digits);
            let e = if digits == "1-3" { s + 1 } else { e };
            let span = marker(text, s, e).unwrap_or_else(|| panic!("`{text}`"));
            assert_eq!(&text[span.range()], want);
        }
        let (s, e) = at("10^6 次", "6");
        assert_eq!(marker("10^6 次", s, e), None);
        let (s, e) = at("增长 [a] 5 倍", "5");
        assert_eq!(marker("增长 [a] 5 倍", s, e), None);
    }

    #[test]
    fn sections() {
        for (text, digits, want) in [
            ("4.散热设计", "4", Some("4.")),
            ("## 1. 概述", "1", Some("1.")),
            ("- 2、产能", "2", Some("2、")),
            ("（二）政策", "二", Some("（二）")),
            ("## 3.2 研究方法", "3.2", Some("3.2")),
            ("增长 4.", "4", None),
            ("1.5 亿元", "1", None),
        ] {
            let (s, e) = at(text, digits);
            let dots = u8::from(digits.contains('.'));
            let got = section(text, s, e, dots).map(|sp| &text[sp.range()]);
            assert_eq!(got, want, "`{text}`");
        }
    }

    #[test]
    fn titles_and_names() {
        let t = "据《2018年人工智能发展报告》显示";
        assert!(in_title(t, t.find("2018").expect("year")));
        let t = "《报告》称 2018 年";
        assert!(!in_title(t, t.find("2018").expect("year")));
        let t = "据21世纪经济报道，";
        let span = known_name(t, t.find("21").expect("21")).expect("name");
        assert_eq!(&t[span.range()], "21世纪经济报道");
        let t = "第一财经报道";
        let span = known_name(t, t.find('一').expect("一")).expect("name");
        assert_eq!(&t[span.range()], "第一财经");
        let t = "3M said";
        assert!(known_name(t, 0).is_some());
        let t = "13M said";
        assert!(known_name(t, 1).is_none());
    }
}
