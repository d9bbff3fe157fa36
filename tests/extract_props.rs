//! Properties of the number grammar: every closed interval holds its value, extraction never
//! panics, and writing a value in a mention's style reads back as that value.

use factlint::extract::{ExtractOptions, Kind, Mention, extract, write_like};
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "1",
    "2",
    "0",
    "9",
    "12",
    "2023",
    "1.5",
    "0.07",
    "22,816",
    "1,000",
    "３",
    "２０",
    "-",
    "–",
    "~",
    "～",
    ".",
    ",",
    "，",
    "。",
    "(",
    ")",
    "（",
    "）",
    " ",
    "\n",
    "%",
    "％",
    "倍",
    "x",
    "亿",
    "万",
    "千",
    "百",
    "十",
    "万亿",
    "美元",
    "元",
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "个",
    "人",
    "家",
    "项",
    "次",
    "年",
    "月",
    "日",
    "岁",
    "至",
    "到",
    "吨",
    "tonnes",
    "一",
    "二",
    "两",
    "三",
    "九",
    "零",
    "〇",
    "点",
    "分之",
    "百分之",
    "半",
    "一半",
    "数",
    "几",
    "翻",
    "番",
    "了",
    "第",
    "图",
    "表",
    "约",
    "大约",
    "近",
    "几乎",
    "超过",
    "以上",
    "以下",
    "左右",
    "多",
    "余",
    "至少",
    "不到",
    "是",
    "的",
    "为",
    "有",
    "about",
    "nearly",
    "over",
    "at least",
    "up to",
    "less than",
    "one",
    "nine",
    "twenty",
    "-five",
    "hundred",
    "thousand",
    "million",
    "billion",
    "bn",
    "B",
    "k",
    "M",
    "times",
    "fold",
    "half",
    "a third",
    "two-thirds",
    "in",
    "eight",
    "percent",
    "points",
    "companies",
    "GPT-",
    "Claude ",
    "Llama ",
    "Fortune ",
    "财富",
    "强",
    "Figure ",
    "e",
    "e999",
    "th",
    "April ",
    "doubled",
    "分别",
    "和",
    "and",
    "to",
    "from",
    "从",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..40).prop_map(|v| v.concat())
}

fn check_invariants(text: &str, mentions: &[Mention]) {
    let mut last = 0;
    for m in mentions {
        assert!(m.value.is_finite(), "`{text}`: non-finite value {m:?}");
        assert!(!m.interval.low.is_nan() && !m.interval.high.is_nan());
        assert!(
            m.interval.low <= m.value && m.value <= m.interval.high,
            "`{text}`: {} not in [{}, {}]",
            m.value,
            m.interval.low,
            m.interval.high
        );
        assert!(m.span.end <= text.len() && text.is_char_boundary(m.span.start));
        assert!(text.is_char_boundary(m.span.end));
        assert!(m.span.start >= last || m.span.start >= last.min(m.span.start));
        last = m.span.start;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn intervals_hold_their_values(text in prose()) {
        let mentions = extract(&text, &ExtractOptions::default());
        check_invariants(&text, &mentions);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let mentions = extract(&text, &ExtractOptions::default());
        check_invariants(&text, &mentions);
    }

    #[test]
    fn arabic_values_read_back(value in 0.0f64..1e4, template in 0usize..5) {
        let (original, kind) = [
            ("增长了 2.5倍", Kind::Multiple),
            ("下降约 20%", Kind::Percent),
            ("总投资 1892 亿美元", Kind::Money),
            ("共有 22,816 名", Kind::Count),
            ("占 ２０％", Kind::Percent),
        ][template];
        let m = first(original, kind);
        let normalised = value * m.style.factor;
        round_trip(original, &m, normalised);
    }

    #[test]
    fn chinese_numerals_read_back(value in 2u64..10_000_000_000, template in 0usize..3) {
        let (original, kind) = [
            ("几乎是九倍", Kind::Multiple),
            ("两千三百万美元", Kind::Money),
            ("三点五倍", Kind::Multiple),
        ][template];
        let m = first(original, kind);
        round_trip(original, &m, value as f64 * m.style.factor);
    }

    #[test]
    fn english_words_read_back(value in 2u64..1000) {
        let original = "it grew nine times over";
        let m = first(original, Kind::Multiple);
        round_trip(original, &m, value as f64);
    }
}

fn first(text: &str, kind: Kind) -> Mention {
    extract(text, &ExtractOptions::default())
        .into_iter()
        .find(|m| m.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} in `{text}`"))
}

/// Writes `value` into `original` in place of `m.number`, extracts again and expects the
/// value back within the written precision.
fn round_trip(original: &str, m: &Mention, value: f64) {
    let written = write_like(m, value).expect("writable");
    let mut text = original.to_string();
    text.replace_range(m.number.range(), &written);
    let back = first(&text, m.kind);
    let step = 0.5 * 10f64.powi(-i32::from(m.style.decimals)) * m.style.factor;
    assert!(
        (back.value - value).abs() <= step * 1.000_001,
        "`{text}`: read {} for {value} (written `{written}`)",
        back.value
    );
}

#[test]
fn huge_numbers_are_skipped_not_infinite() {
    let digits = "9".repeat(400);
    for text in [
        format!("共 {digits} 个"),
        format!("{digits}%"),
        "1e999".to_string(),
        "1e999 美元".to_string(),
        format!("$ {digits} billion"),
    ] {
        let mentions = extract(&text, &ExtractOptions::default());
        check_invariants(&text, &mentions);
        assert!(
            mentions
                .iter()
                .all(|m| m.kind == Kind::Name || m.value.abs() < 1e300),
            "`{text}`: {mentions:?}"
        );
    }
}

#[test]
fn write_like_keeps_the_style() {
    let cases: &[(&str, Kind, f64, &str)] = &[
        ("2.5倍", Kind::Multiple, 2.44, "2.4"),
        ("九倍", Kind::Multiple, 8.0, "八"),
        ("约 20%", Kind::Percent, 0.19, "19"),
        ("1892 亿美元", Kind::Money, 1.9e11, "1900"),
        ("22,816 名", Kind::Count, 23456.0, "23,456"),
        ("nine times", Kind::Multiple, 8.0, "eight"),
        ("２０％", Kind::Percent, 0.25, "２５"),
        ("thirteenfold", Kind::Multiple, 12.0, "twelve"),
        ("三点五倍", Kind::Multiple, 4.25, "四点二"),
    ];
    for &(text, kind, value, expected) in cases {
        let m = first(text, kind);
        assert_eq!(write_like(&m, value).as_deref(), Some(expected), "`{text}`");
    }
    // Forms that are no digits cannot be rewritten in place.
    for (text, kind) in [
        ("三分之二", Kind::Fraction),
        ("翻了一番", Kind::Multiple),
        ("5-10%", Kind::Percent),
    ] {
        assert_eq!(write_like(&first(text, kind), 0.5), None, "`{text}`");
    }
}
