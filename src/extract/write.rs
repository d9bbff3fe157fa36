//! Writing a value back in the style of a mention: a mention and a value in, the text that
//! replaces `mention.number` out (`九` → `八`, `2.5` → `2.4`, `22,816` keeps its comma).

use super::mention::{Hedge, Mention, Numeral};

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

/// `value` with `decimals` digits after the point, optionally grouped by thousands.
pub(crate) fn write_arabic(value: f64, decimals: u8, grouped: bool) -> String {
    let s = format!("{:.*}", usize::from(decimals), value);
    if !grouped {
        return s;
    }
    let (int, frac) = match s.find('.') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s.as_str(), ""),
    };
    let (sign, int) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int),
    };
    let mut out = String::from(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// Full-width digits for ASCII ones.
pub(crate) fn to_full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0xFF10 + (c as u32 - '0' as u32)).unwrap_or(c),
            _ => c,
        })
        .collect()
}

const ZH_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// A non-negative integer below 10¹⁶ in Chinese numerals: `十三`, `一百零五`, `两千三百万`.
pub(crate) fn write_chinese_int(n: u64) -> String {
    if n == 0 {
        return "零".into();
    }
    let mut groups = Vec::new(); // groups of four digits, lowest first
    let mut v = n;
    while v > 0 {
        groups.push((v % 10_000) as u16);
        v /= 10_000;
    }
    let bigs = ["", "万", "亿", "万亿"];
    let mut out = String::new();
    let mut zero_pending = false;
    for (k, &g) in groups.iter().enumerate().rev() {
        if g == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending || (!out.is_empty() && g < 1000) {
            out.push('零');
        }
        zero_pending = false;
        out.push_str(&write_group(g, out.is_empty()));
        out.push_str(bigs.get(k).copied().unwrap_or(""));
    }
    out
}

/// Four digits; `leading` drops the `一` of `一十` at the very start (`十三`, not `一十三`).
fn write_group(g: u16, leading: bool) -> String {
    let places = [(1000, "千"), (100, "百"), (10, "十"), (1, "")];
    let mut out = String::new();
    let mut zero = false;
    let mut started = false;
    for (p, name) in places {
        let d = (g / p) % 10;
        if d == 0 {
            zero = started;
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        if !(leading && !started && p == 10 && d == 1) {
            out.push(ZH_DIGITS[usize::from(d)]);
        }
        out.push_str(name);
        started = true;
    }
    out
}

/// A value in Chinese numerals with `decimals` digits after `点`.
pub(crate) fn write_chinese(value: f64, decimals: u8) -> Option<String> {
    if !(0.0..1e16).contains(&value) {
        return None;
    }
    let s = format!("{:.*}", usize::from(decimals), value);
    let (int, frac) = match s.find('.') {
        Some(p) => (&s[..p], &s[p + 1..]),
        None => (s.as_str(), ""),
    };
    let mut out = write_chinese_int(int.parse().ok()?);
    if !frac.is_empty() {
        out.push('点');
        for c in frac.chars() {
            out.push(ZH_DIGITS[c.to_digit(10)? as usize]);
        }
    }
    Some(out)
}

/// A whole number below a million in English words: `nine`, `twenty-five`,
/// `one hundred and five`.
pub(crate) fn write_english(n: u64) -> Option<String> {
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 10] = [
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    fn below_thousand(n: u64) -> String {
        let mut parts = Vec::new();
        if n >= 100 {
            parts.push(format!("{} hundred", SMALL[(n / 100) as usize]));
        }
        let r = n % 100;
        if r > 0 || n == 0 {
            let words = if r < 20 {
                SMALL[r as usize].to_string()
            } else if r.is_multiple_of(10) {
                TENS[(r / 10) as usize].to_string()
            } else {
                format!("{}-{}", TENS[(r / 10) as usize], SMALL[(r % 10) as usize])
            };
            parts.push(words);
        }
        parts.join(" and ")
    }
    if n >= 1_000_000 {
        return None;
    }
    if n >= 1000 {
        let rest = n % 1000;
        let head = format!("{} thousand", below_thousand(n / 1000));
        return Some(if rest == 0 {
            head
        } else {
            format!("{head} {}", below_thousand(rest))
        });
    }
    Some(below_thousand(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_numerals() {
        assert_eq!(write_chinese_int(13), "十三");
        assert_eq!(write_chinese_int(105), "一百零五");
        assert_eq!(write_chinese_int(23_000_000), "二千三百万");
        assert_eq!(write_chinese_int(100_050), "十万零五十");
        assert_eq!(write_chinese(3.5, 1).as_deref(), Some("三点五"));
        assert_eq!(write_arabic(22816.0, 0, true), "22,816");
        assert_eq!(write_arabic(1234567.25, 2, true), "1,234,567.25");
        assert_eq!(write_english(8).as_deref(), Some("eight"));
        assert_eq!(write_english(105).as_deref(), Some("one hundred and five"));
        assert_eq!(to_full_width("20"), "２０");
    }
}
