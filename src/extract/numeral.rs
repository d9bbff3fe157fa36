//! Numerals: the digits, Chinese numerals or English number words at a byte offset in, their
//! value, end offset and written style out; and the reverse, a value written in a style.
//!
//! Nothing here knows about units or hedges; `scan` combines numerals with what follows.

use super::mention::Numeral;

/// A numeral read from the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Parsed {
    pub end: usize,
    pub value: f64,
    /// Half the width of the interval of values that round to what is written.
    pub half: f64,
    pub numeral: Numeral,
    pub decimals: u8,
    pub grouped: bool,
    /// Number of `.` seen: two or more make a figure reference such as `1.3.21`.
    pub dots: u8,
    /// Digits before the decimal point (0 for words).
    pub int_digits: usize,
    /// A Chinese numeral written digit by digit (`二〇二三`), as in years.
    pub digit_sequence: bool,
    /// A Chinese numeral that is the single character `一` (the indefinite article, often).
    pub lone_one: bool,
    /// A scale word may follow a Chinese numeral (`十几万`, `两个亿`, `七八万`): the numeral
    /// was read from a form that stops before it.
    pub open_scale: bool,
}

impl Parsed {
    /// A number written in words (`hundreds`, `a dozen`, `七八十`), ending at `end`, whose
    /// value is known to within `half`.
    pub(crate) fn words(end: usize, value: f64, half: f64) -> Parsed {
        Parsed {
            end,
            value,
            half,
            numeral: Numeral::Words,
            decimals: 0,
            grouped: false,
            dots: 0,
            int_digits: 0,
            digit_sequence: false,
            lone_one: false,
            open_scale: false,
        }
    }
}

/// Longest digit run accepted; a longer one is not a quantity anyone writes, and its value
/// would overflow `f64` (a 400-digit number is skipped, not clamped).
const MAX_DIGITS: usize = 40;

/// The half-width of the interval that an integer or decimal as written asserts: half a unit
/// of the last written decimal; for integers of three or more digits, trailing zeros are not
/// significant (`7800` → ±50), for one or two digits they are (`20` → ±0.5).
pub(crate) fn precision(value: f64, decimals: u8, int_digits: usize) -> f64 {
    if decimals > 0 {
        return 0.5 * 10f64.powi(-i32::from(decimals));
    }
    if int_digits < 3 || value < 100.0 || value.fract() != 0.0 || value >= 1e18 {
        return 0.5;
    }
    let mut v = value as u64;
    let mut place = 1.0;
    while v.is_multiple_of(10) && v > 0 {
        v /= 10;
        place *= 10.0;
    }
    0.5 * place
}

/// ASCII or full-width digit at `i`: its value and byte length.
pub(crate) fn digit_at(bytes: &[u8], i: usize) -> Option<(u8, usize)> {
    match bytes.get(i)? {
        b @ b'0'..=b'9' => Some((b - b'0', 1)),
        0xEF if bytes.get(i + 1) == Some(&0xBC) => match bytes.get(i + 2)? {
            b @ 0x90..=0x99 => Some((b - 0x90, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// Arabic digits (ASCII or full-width) at `start`, with thousands separators and decimals.
pub(crate) fn arabic(text: &str, start: usize) -> Option<Parsed> {
    let bytes = text.as_bytes();
    // Up to 15 digits the value is exact as `mantissa / 10^decimals` (both exact doubles, one
    // correctly rounded division: the same as parsing); longer numbers take the slow path.
    let mut mantissa: u64 = 0;
    let mut first_component: Option<u64> = None;
    let mut i = start;
    let mut full_width = false;
    let mut int_digits = 0usize;
    let mut decimals = 0usize;
    let mut dots = 0u8;
    let mut grouped = false;
    let mut group_len = 0usize;
    loop {
        if let Some((d, len)) = digit_at(bytes, i) {
            full_width |= len == 3;
            if dots <= 1 {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(d));
            }
            if dots == 0 {
                int_digits += 1;
                group_len += 1;
            } else if dots == 1 {
                decimals += 1;
            }
            i += len;
            continue;
        }
        let b = bytes.get(i).copied();
        if b == Some(b',') && dots == 0 && group_len <= 3 && group_len > 0 {
            // A separator only when exactly three digits follow and no fourth.
            let three = (1..=3).all(|k| bytes.get(i + k).is_some_and(u8::is_ascii_digit));
            let fourth = bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
            if three && !fourth && (grouped || int_digits <= 3) {
                grouped = true;
                group_len = 0;
                i += 1;
                continue;
            }
        }
        // `.` or the full-width `．` (`４．５`) before a digit.
        let point = match b {
            Some(b'.') => 1,
            Some(0xEF) if bytes.get(i + 1) == Some(&0xBC) && bytes.get(i + 2) == Some(&0x8E) => 3,
            _ => 0,
        };
        if point > 0 && digit_at(bytes, i + point).is_some() {
            if dots == 0 {
                first_component = Some(mantissa);
            }
            dots = dots.saturating_add(1);
            i += point;
            continue;
        }
        break;
    }
    if int_digits == 0 {
        return None;
    }
    let digits = int_digits + decimals;
    let value = if dots >= 2 {
        // A reference like `1.3.21`: the first component's value only.
        match first_component {
            Some(v) if int_digits <= 15 => v as f64,
            _ => return None,
        }
    } else if digits > MAX_DIGITS {
        f64::INFINITY
    } else if digits <= 15 {
        mantissa as f64 / 10f64.powi(decimals as i32)
    } else {
        slow_value(&text[start..i])
    };
    let decimals = u8::try_from(decimals).unwrap_or(u8::MAX);
    let reference = dots >= 2;
    let mut half = if reference || !value.is_finite() {
        0.0
    } else {
        precision(value, decimals, int_digits)
    };
    let mut value = value;
    // `3¾ cents`, `$10.05¼`: a vulgar fraction of the last written place, which is then the
    // written precision (half a step of that fraction).
    if !reference
        && value.is_finite()
        && matches!(bytes.get(i), Some(0xC2 | 0xE2))
        && let Some((num, den, len)) = vulgar_fraction(bytes, i)
    {
        let place = 10f64.powi(-i32::from(decimals));
        value += place * num / den;
        half = place / (2.0 * den);
        i += len;
    }
    Some(Parsed {
        end: i,
        value,
        half,
        numeral: if full_width {
            Numeral::FullWidth
        } else {
            Numeral::Arabic
        },
        decimals: if reference { 0 } else { decimals },
        grouped,
        dots,
        int_digits,
        digit_sequence: false,
        lone_one: false,
        open_scale: false,
    })
}

/// A vulgar fraction sign at `i` (`¼` `½` `¾` `⅓` `⅔` `⅛` `⅜` `⅝` `⅞`): numerator,
/// denominator and byte length.
fn vulgar_fraction(bytes: &[u8], i: usize) -> Option<(f64, f64, usize)> {
    match (bytes.get(i)?, bytes.get(i + 1)?) {
        (0xC2, 0xBC) => Some((1.0, 4.0, 2)),
        (0xC2, 0xBD) => Some((1.0, 2.0, 2)),
        (0xC2, 0xBE) => Some((3.0, 4.0, 2)),
        (0xE2, 0x85) => match bytes.get(i + 2)? {
            0x93 => Some((1.0, 3.0, 3)),
            0x94 => Some((2.0, 3.0, 3)),
            0x9B => Some((1.0, 8.0, 3)),
            0x9C => Some((3.0, 8.0, 3)),
            0x9D => Some((5.0, 8.0, 3)),
            0x9E => Some((7.0, 8.0, 3)),
            _ => None,
        },
        _ => None,
    }
}

/// The value of a long run of digits (full-width digits and separators allowed).
fn slow_value(s: &str) -> f64 {
    let ascii: String = s
        .chars()
        .filter_map(|c| match c {
            '0'..='9' | '.' => Some(c),
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
            _ => None,
        })
        .collect();
    ascii.parse().unwrap_or(f64::INFINITY)
}

/// The value of a Chinese digit character.
pub(crate) fn zh_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn zh_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// `万` and `亿` (and the traditional `萬`, `億`, and `兆` = 10¹² as in Taiwan).
fn zh_big(c: char) -> Option<f64> {
    Some(match c {
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// Whether a Chinese numeral can start with `c` (a digit or `十`).
pub(crate) fn zh_starts(c: char) -> bool {
    zh_digit(c).is_some() || c == '十' || c == '拾'
}

/// A Chinese numeral at `start`: `十三`, `两千三百万`, `一百零五`, `三点五`, `二〇二三`.
pub(crate) fn chinese(text: &str, start: usize) -> Option<Parsed> {
    let rest = &text[start..];
    let mut total = 0f64; // everything multiplied by 万 or 亿 so far
    let mut section = 0f64; // below 万
    let mut pending: Option<u8> = None;
    let mut seq_digits = 0usize;
    let mut seq_value = 0f64;
    let mut only_digits = true;
    let mut chars = 0usize;
    let mut end = start;
    let mut it = rest.char_indices().peekable();
    while let Some(&(off, c)) = it.peek() {
        if let Some(d) = zh_digit(c) {
            if d == 0 && !only_digits {
                // `一百零五`: 零 only holds a place.
                chars += 1;
                it.next();
                end = start + off + c.len_utf8();
                continue;
            }
            seq_digits += 1;
            seq_value = seq_value * 10.0 + f64::from(d);
            if pending.is_some() && !only_digits {
                break;
            }
            pending = Some(d);
        } else if let Some(u) = zh_unit(c) {
            if only_digits && seq_digits > 1 {
                break;
            }
            only_digits = false;
            let d = match pending.take() {
                Some(d) => f64::from(d),
                None if u == 10.0 && section == 0.0 => 1.0,
                None => break,
            };
            section += d * u;
        } else if let Some(big) = zh_big(c) {
            if chars == 0 || (only_digits && seq_digits > 1) {
                break;
            }
            only_digits = false;
            let here = section + pending.take().map_or(0.0, f64::from);
            if big == 1e4 || total >= big * 1e4 {
                // `三万`, or `一兆二千亿` after a larger word: adds.
                total += here * big;
            } else {
                // `三万亿`: multiplies what came before.
                total = (total + here) * big;
            }
            section = 0.0;
        } else {
            break;
        }
        chars += 1;
        it.next();
        end = start + off + c.len_utf8();
    }
    if chars == 0 {
        return None;
    }
    let digit_sequence = only_digits && seq_digits > 1;
    let mut value = if digit_sequence {
        seq_value
    } else {
        total + section + pending.map_or(0.0, f64::from)
    };
    let lone_one = chars == 1 && matches!(rest.chars().next(), Some('一' | '壹'));
    // `三点五`: decimals follow `点`.
    let mut decimals = 0u8;
    // `三点五`, and `三點五` in traditional characters.
    // `四．四五％`: the full-width point of typeset figures.
    if !digit_sequence
        && (text[end..].starts_with('点')
            || text[end..].starts_with('點')
            || text[end..].starts_with('．'))
    {
        let mut frac = String::from("0.");
        let mut j = end + '点'.len_utf8();
        for c in text[j..].chars() {
            match zh_digit(c) {
                Some(d) if c != '两' => {
                    frac.push(char::from(b'0' + d));
                    decimals = decimals.saturating_add(1);
                    j += c.len_utf8();
                }
                _ => break,
            }
        }
        if decimals > 0 {
            value += frac.parse::<f64>().unwrap_or(0.0);
            end = j;
        }
    }
    let int_digits = if value >= 1.0 {
        (value.log10().floor() as usize) + 1
    } else {
        1
    };
    Some(Parsed {
        end,
        value,
        half: precision(value, decimals, int_digits),
        numeral: Numeral::Chinese,
        decimals,
        grouped: false,
        dots: 0,
        int_digits,
        digit_sequence,
        lone_one: lone_one && decimals == 0,
        open_scale: false,
    })
}

/// The value of an English number word.
pub(crate) fn en_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

fn en_multiplier(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// An ASCII word in lower case: the word itself when it has no capital (most words of
/// prose, which then cost no copy and no UTF-8 check), else a copy in a stack buffer (no
/// allocation per word of prose); `None` for words longer than any number word.
pub(crate) enum Lower<'a> {
    Same(&'a str),
    Copied { buf: [u8; 16], len: usize },
}

impl<'a> Lower<'a> {
    pub fn of(w: &'a str) -> Option<Lower<'a>> {
        if w.len() > 16 {
            return None;
        }
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Some(Lower::Same(w));
        }
        let mut buf = [0u8; 16];
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        Some(Lower::Copied { buf, len: w.len() })
    }

    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(w) => w,
            Lower::Copied { buf, len } => std::str::from_utf8(&buf[..*len]).unwrap_or(""),
        }
    }
}

/// The ASCII letters of the word at `i`, and its end.
pub(crate) fn word_at(text: &str, i: usize) -> (&str, usize) {
    if !text.is_char_boundary(i) {
        return ("", i);
    }
    let bytes = text.as_bytes();
    let mut j = i;
    while j < bytes.len() && bytes[j].is_ascii_alphabetic() {
        j += 1;
    }
    (&text[i..j], j)
}

/// English number words at `start`: `nine`, `twenty-five`, `one hundred and five`,
/// `two thousand`. Scale words after a complete number (`nine million`) are left to the
/// caller, which treats them like `9 million`.
pub(crate) fn english(text: &str, start: usize) -> Option<Parsed> {
    let mut total = 0f64;
    let mut current = 0f64;
    let mut end = start;
    let mut i = start;
    let mut words = 0;
    loop {
        let (w, j) = word_at(text, i);
        if w.is_empty() || w.len() > 12 {
            break;
        }
        let Some(lower) = Lower::of(w) else {
            break;
        };
        let lw = lower.as_str();
        if let Some(v) = en_word(lw) {
            if words > 0 && current % 100.0 != 0.0 && current >= 1.0 && v >= 1.0 {
                // `twenty five` is fine (20 + 5), `five five` is two numbers.
                if !(current >= 20.0 && current % 10.0 == 0.0 && v < 10.0) {
                    break;
                }
            }
            current += v;
        } else if lw == "hundred" && words > 0 {
            current = current.max(1.0) * 100.0;
        } else if let Some(m) = en_multiplier(lw).filter(|_| words > 0 && lw != "hundred") {
            // Leave a trailing magnitude (`nine million`) to the caller, like `9 million`.
            let next = next_word_start(text, j);
            let continues = next.is_some_and(|n| {
                let (nw, _) = word_at(text, n);
                Lower::of(nw).is_some_and(|l| en_word(l.as_str()).is_some())
            });
            if !continues {
                break;
            }
            total += current * m;
            current = 0.0;
        } else {
            break;
        }
        words += 1;
        end = j;
        match next_word_start(text, j) {
            Some(n) => {
                let (nw, nj) = word_at(text, n);
                if nw.eq_ignore_ascii_case("and") {
                    match next_word_start(text, nj) {
                        Some(n2) => i = n2,
                        None => break,
                    }
                } else {
                    i = n;
                }
            }
            None => break,
        }
    }
    if words == 0 {
        return None;
    }
    let value = total + current;
    Some(Parsed::words(end, value, 0.5))
}

/// The start of the next word after a single space or hyphen at `j`.
fn next_word_start(text: &str, j: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if matches!(bytes.get(j), Some(b' ' | b'-'))
        && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
    {
        Some(j + 1)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_reads_separators_decimals_and_full_width() {
        let p = arabic("22,816 名", 0).expect("digits");
        assert_eq!((p.value, p.grouped, p.end), (22816.0, true, 6));
        let p = arabic("2.5倍", 0).expect("digits");
        assert_eq!((p.value, p.decimals, p.half), (2.5, 1, 0.05));
        let p = arabic("２０％", 0).expect("digits");
        assert_eq!((p.value, p.numeral), (20.0, Numeral::FullWidth));
        let p = arabic("1.3.21", 0).expect("digits");
        assert_eq!(p.dots, 2);
        // A list, not a grouped number.
        assert_eq!(arabic("1,23", 0).map(|p| p.value), Some(1.0));
        assert_eq!(arabic("2023,2024", 0).map(|p| p.value), Some(2023.0));
    }

    #[test]
    fn arabic_values_match_the_standard_parser() {
        for s in [
            "0.1",
            "0.07",
            "3.14159",
            "40.9",
            "123456789012345",
            "99999999999999.9",
            "1234567890123456789",
            "0.000000000000001",
            "1892",
        ] {
            let expected: f64 = s.parse().expect("number");
            assert_eq!(arabic(s, 0).map(|p| p.value), Some(expected), "{s}");
        }
    }

    #[test]
    fn precision_ignores_trailing_zeros_of_long_integers_only() {
        assert_eq!(precision(7800.0, 0, 4), 50.0);
        assert_eq!(precision(160000.0, 0, 6), 5000.0);
        assert_eq!(precision(900.0, 0, 3), 50.0);
        assert_eq!(precision(20.0, 0, 2), 0.5);
        assert_eq!(precision(1892.0, 0, 4), 0.5);
        assert_eq!(precision(20.0, 1, 2), 0.05);
    }

    #[test]
    fn chinese_numerals() {
        let v = |s: &str| chinese(s, 0).map(|p| p.value);
        assert_eq!(v("十三"), Some(13.0));
        assert_eq!(v("两千三百万"), Some(23_000_000.0));
        assert_eq!(v("一百零五"), Some(105.0));
        assert_eq!(v("三点五"), Some(3.5));
        assert_eq!(v("二〇二三年"), Some(2023.0));
        assert_eq!(v("三万亿"), Some(3e12));
        assert_eq!(v("十"), Some(10.0));
        assert!(chinese("二〇二三", 0).is_some_and(|p| p.digit_sequence));
        assert!(chinese("一个", 0).is_some_and(|p| p.lone_one));
    }

    #[test]
    fn english_words() {
        let v = |s: &str| english(s, 0).map(|p| p.value);
        assert_eq!(v("nine times"), Some(9.0));
        assert_eq!(v("twenty-five"), Some(25.0));
        assert_eq!(v("one hundred and five"), Some(105.0));
        assert_eq!(v("two thousand three hundred"), Some(2300.0));
        // The magnitude is the caller's, like `9 million`.
        assert_eq!(english("nine million", 0).map(|p| p.end), Some(4));
    }
}
