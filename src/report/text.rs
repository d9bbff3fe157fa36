//! Text helpers the printers share: numbers and intervals written for people, display
//! width, and the excerpt of a line that shows a finding (cut to its sentence when long).

use unicode_width::UnicodeWidthStr;

use crate::eval::Interval;
use crate::source::Span;

/// A line wider than this (in terminal columns) is cut to the sentence holding the finding.
const LONG_LINE: usize = 100;
/// A sentence wider than this is cut again to a window around the finding.
const LONG_SENTENCE: usize = 160;
/// Columns kept on each side of the finding when a sentence is cut to a window.
const WINDOW: usize = 60;

/// A number as a person would write it: integers in full, others to six significant
/// digits, very large or small ones in scientific notation.
pub fn number(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "∞" } else { "-∞" }.into();
    }
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        let s = format!("{v:.5e}");
        let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
        let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
        return format!("{mantissa}e{exponent}");
    }
    if v.fract() == 0.0 {
        return format!("{v:.0}");
    }
    let digits = (5 - a.log10().floor() as i32).clamp(0, 12) as usize;
    let s = format!("{v:.digits$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// `[low, high]`, or `2.44` when both ends are equal.
pub fn interval(i: Interval) -> String {
    if i.low == i.high {
        number(i.low)
    } else {
        format!("[{}, {}]", number(i.low), number(i.high))
    }
}

/// A fraction as a percentage: 0.05 → `5%`.
pub fn percent(r: f64) -> String {
    format!("{}%", number(r * 100.0))
}

/// Terminal columns `s` takes (CJK characters take two).
pub fn width(s: &str) -> usize {
    s.width()
}

/// The part of one or more lines that shows a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Excerpt {
    pub span: Span,
    /// Text before `span` on its line was left out.
    pub cut_before: bool,
    /// Text after `span` on its line was left out.
    pub cut_after: bool,
}

/// The lines holding `focus`, cut to the sentence(s) holding it when they are long, and to
/// a window around it when the sentence is long too. `focus` must lie on char boundaries.
pub fn excerpt(text: &str, focus: Span) -> Excerpt {
    let start = text[..focus.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[focus.end..]
        .find('\n')
        .map_or(text.len(), |i| focus.end + i);
    let end = if end > focus.end && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    let whole = Excerpt {
        span: Span::new(start, end),
        cut_before: false,
        cut_after: false,
    };
    if width(&text[start..end]) <= LONG_LINE {
        return whole;
    }
    let s_start = sentence_start(&text[start..focus.start]) + start;
    let s_end = sentence_end(&text[focus.end..end]) + focus.end;
    let mut cut = Excerpt {
        span: Span::new(s_start, s_end),
        cut_before: s_start > start,
        cut_after: s_end < end,
    };
    if width(&text[s_start..s_end]) > LONG_SENTENCE {
        let w_start = back_by_width(&text[s_start..focus.start], WINDOW) + s_start;
        let w_end = forward_by_width(&text[focus.end..s_end], WINDOW) + focus.end;
        cut.cut_before |= w_start > s_start;
        cut.cut_after |= w_end < s_end;
        cut.span = Span::new(w_start, w_end);
    }
    cut
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | '．')
}

/// Offset in `before` (text up to the finding) where the finding's sentence starts.
fn sentence_start(before: &str) -> usize {
    let mut next: Option<char> = None;
    for (i, c) in before.char_indices().rev() {
        let english_stop = c == '.' && next.is_some_and(char::is_whitespace);
        if is_sentence_end(c) || english_stop {
            let mut s = i + c.len_utf8();
            while before[s..].starts_with(char::is_whitespace) {
                s += before[s..].chars().next().map_or(1, char::len_utf8);
            }
            return s.min(before.len());
        }
        next = Some(c);
    }
    0
}

/// Offset in `after` (text after the finding) just past the sentence's end mark.
fn sentence_end(after: &str) -> usize {
    let mut chars = after.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_blank = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
        if is_sentence_end(c) || (c == '.' && next_blank) {
            return i + c.len_utf8();
        }
    }
    after.len()
}

/// Offset in `s` such that the text from it to the end is at most `cols` wide.
fn back_by_width(s: &str, cols: usize) -> usize {
    let mut w = 0;
    for (i, c) in s.char_indices().rev() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > cols {
            return i + c.len_utf8();
        }
    }
    0
}

/// Offset in `s` such that the text up to it is at most `cols` wide.
fn forward_by_width(s: &str, cols: usize) -> usize {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        w += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w > cols {
            return i;
        }
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_person_wrote_them() {
        assert_eq!(number(191_400_000.0), "191400000");
        assert_eq!(number(2.442_847_3), "2.44285");
        assert_eq!(number(0.2), "0.2");
        assert_eq!(number(-0.000_000_01), "-1e-8");
        assert_eq!(number(f64::INFINITY), "∞");
        assert_eq!(interval(Interval::new(2.45, 2.55)), "[2.45, 2.55]");
        assert_eq!(interval(Interval::point(3.0)), "3");
        assert_eq!(percent(0.05), "5%");
    }

    fn focus(text: &str, needle: &str) -> Span {
        let i = text.find(needle).unwrap();
        Span::new(i, i + needle.len())
    }

    #[test]
    fn short_line_is_shown_whole() {
        let t = "标题\n第一句。第二句有 2.5倍。\n尾";
        let e = excerpt(t, focus(t, "2.5倍"));
        assert_eq!(&t[e.span.range()], "第一句。第二句有 2.5倍。");
        assert!(!e.cut_before && !e.cut_after);
    }

    #[test]
    fn long_line_is_cut_to_the_sentence() {
        let filler = "这是一句很长的话，用来把这一行撑到超过一百列宽。".repeat(3);
        let t = format!("{filler}美国是英国的 17.8 倍！{filler}\r\n下一行");
        let e = excerpt(&t, focus(&t, "17.8"));
        assert_eq!(&t[e.span.range()], "美国是英国的 17.8 倍！");
        assert!(e.cut_before && e.cut_after);
        let en = format!(
            "{} It rose by 20 percent. {}",
            "Some words here.".repeat(9),
            "More. ".repeat(20)
        );
        let e = excerpt(&en, focus(&en, "20"));
        assert_eq!(&en[e.span.range()], "It rose by 20 percent.");
    }

    #[test]
    fn endless_sentence_is_cut_to_a_window() {
        let t = format!("{}9 倍{}", "字".repeat(200), "字".repeat(200));
        let e = excerpt(&t, focus(&t, "9 倍"));
        let w = width(&t[e.span.range()]);
        assert!(w <= 2 * WINDOW + 4, "{w}");
        assert!(e.cut_before && e.cut_after);
    }
}
