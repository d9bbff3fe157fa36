//! The number grammar: masked text in, `Mention`s out.
//!
//! Takes the masked text of a `Document` (code, URLs and comments already blanked) and
//! returns every numeric mention in order of position, with its kind, normalised value,
//! unit, hedge and asserted interval (docs/numbers.md).
//!
//! The work is split by stage: `scan` walks the bytes and stops only where a number can
//! start; `numeral` reads digits, Chinese numerals and English number words; `context` reads
//! the currency, scale word, unit and hedges around them, `marks` the footnote markers,
//! section numbers, titles and known names, `nonquant` the years, dates, ordinals,
//! references and names, and `forms` the fixed forms (`三分之二`, `doubled`);
//! `attach` joins ranges and detached hedges and computes intervals; `write` goes back from a
//! value to text. The word tables are in `lexicon`.

mod attach;
mod context;
mod forms;
mod lexicon;
mod marks;
mod mention;
mod nonquant;
mod numeral;
mod scan;
mod write;

pub use mention::{Hedge, Kind, Mention, Numeral, Reason, Style};
pub use write::write_like;

/// The extractor's hedge table, which the checks share through `crate::lexicon`.
pub(crate) use lexicon::{HEDGE_BEFORE, ends_with_word};

/// Settings that change what a mention asserts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtractOptions {
    /// The relative tolerance `r` of an approximate hedge (约, about): 0.05 by default.
    pub tolerance: f64,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions { tolerance: 0.05 }
    }
}

/// Every mention in `text`, quantities and non-quantities, sorted by position.
pub fn extract(text: &str, options: &ExtractOptions) -> Vec<Mention> {
    let r = if options.tolerance.is_finite() {
        options.tolerance.max(0.0)
    } else {
        0.0
    };
    // Prose as dense in numbers as a statistics report holds about one mention per 70 bytes:
    // room for that many up front saves most of the copying as the list grows.
    let mut out: Vec<Mention> = Vec::with_capacity(text.len() / 64);
    let mut floor = 0;
    scan::scan(text, |raws| {
        attach::ranges(text, raws);
        floor = attach::detached(text, raws, floor);
        out.extend(
            raws.drain(..)
                .filter(|raw| !(raw.weak || (raw.indefinite && raw.hedge.is_none())))
                .filter_map(|raw| attach::finish(raw, r)),
        );
    });
    if !out.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
        out.sort_by_key(|m| (m.span.start, m.span.end));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quantity whose text is `want` in `text`: kind, value, low, high.
    fn read(text: &str, want: &str) -> (Kind, f64, f64, f64) {
        let mentions = extract(text, &ExtractOptions::default());
        let m = mentions
            .iter()
            .find(|m| &text[m.span.range()] == want)
            .unwrap_or_else(|| {
                let got: Vec<&str> = mentions.iter().map(|m| &text[m.span.range()]).collect();
                panic!("`{want}` not read in `{text}`: {got:?}")
            });
        (m.kind, m.value, m.interval.low, m.interval.high)
    }

    fn close(a: f64, b: f64) -> bool {
        a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    #[test]
    fn forms_of_issue_8_on_real_prose() {
        let inf = f64::INFINITY;
        for (text, want, kind, value, low, high) in [
            (
                "总规模超过760万标准机架。",
                "超过760万标准机架",
                Kind::Count,
                7.6e6,
                7.6e6,
                inf,
            ),
            (
                "能量密度达到300Wh/kg上下。",
                "300Wh/kg上下",
                Kind::Quantity,
                300.0,
                237.5,
                367.5,
            ),
            (
                "回落到10万元/吨左右。",
                "10万元/吨左右",
                Kind::Money,
                1e5,
                90250.0,
                110250.0,
            ),
            (
                "降到0.5元/Wh以下。",
                "0.5元/Wh以下",
                Kind::Money,
                0.5,
                -inf,
                0.5,
            ),
            ("显存带宽为8TB/s。", "8TB/s", Kind::Quantity, 8.0, 7.5, 8.5),
            (
                "能量密度为260瓦时/千克。",
                "260瓦时/千克",
                Kind::Quantity,
                260.0,
                255.0,
                265.0,
            ),
            (
                "市盈率为二十几倍。",
                "二十几倍",
                Kind::Multiple,
                25.0,
                21.0,
                29.0,
            ),
            (
                "可能是国外方案的两三倍。",
                "两三倍",
                Kind::Multiple,
                2.5,
                1.9,
                3.15,
            ),
            (
                "每5人中就有1人表示",
                "每5人中就有1人",
                Kind::Fraction,
                0.2,
                0.19,
                0.21,
            ),
            (
                "电量多达数十GWh。",
                "多达数十GWh",
                Kind::Quantity,
                50.0,
                -inf,
                90.0,
            ),
            (
                "預估的四．四五％。",
                "四．四五％",
                Kind::Percent,
                0.0445,
                0.04445,
                0.04455,
            ),
            (
                "得票率不到四成一，",
                "不到四成一",
                Kind::Percent,
                0.41,
                -inf,
                0.41,
            ),
            ("第一大黨取得52席，", "52席", Kind::Count, 52.0, 51.5, 52.5),
            (
                "日均订单量达1200万单。",
                "1200万单",
                Kind::Count,
                1.2e7,
                1.15e7,
                1.25e7,
            ),
            (
                "年均蓄水15亿立方米。",
                "15亿立方米",
                Kind::Quantity,
                1.5e9,
                1.45e9,
                1.55e9,
            ),
            (
                "十年间产值翻了 3 番。",
                "翻了 3 番",
                Kind::Multiple,
                8.0,
                7.6,
                8.4,
            ),
            (
                "up from just one in 2016.",
                "one",
                Kind::Number,
                1.0,
                0.5,
                1.5,
            ),
            (
                "at least one chronic condition",
                "at least one chronic condition",
                Kind::Count,
                1.0,
                1.0,
                inf,
            ),
            (
                "reported two or more conditions.",
                "two or more conditions",
                Kind::Count,
                2.0,
                2.0,
                inf,
            ),
            (
                "those aged 65 or over.",
                "65 or over",
                Kind::Number,
                65.0,
                65.0,
                inf,
            ),
            (
                "A hundred hospitals reported",
                "A hundred hospitals",
                Kind::Count,
                100.0,
                50.0,
                150.0,
            ),
            (
                "Over 10 years, deficits would rise",
                "10 years",
                Kind::Quantity,
                10.0,
                9.5,
                10.5,
            ),
            (
                "held over 44 days from 19 April",
                "44 days",
                Kind::Quantity,
                44.0,
                43.5,
                44.5,
            ),
            (
                "worked there for over 10 years.",
                "over 10 years",
                Kind::Quantity,
                10.0,
                10.0,
                inf,
            ),
            (
                "and weighs 187 grams.",
                "187 grams",
                Kind::Quantity,
                187.0,
                186.5,
                187.5,
            ),
            (
                "A typical 14-inch model",
                "14-inch",
                Kind::Quantity,
                14.0,
                13.5,
                14.5,
            ),
            (
                "for as many as two more years",
                "as many as two more years",
                Kind::Quantity,
                2.0,
                -inf,
                2.0,
            ),
            (
                "to pass 100% of GDP",
                "pass 100%",
                Kind::Percent,
                1.0,
                1.0,
                inf,
            ),
            (
                "more than 18 million first-time voters",
                "more than 18 million first-time voters",
                Kind::Count,
                1.8e7,
                1.8e7,
                inf,
            ),
            (
                "約合7,800億美元",
                "約合7,800億美元",
                Kind::Money,
                7.8e11,
                7.3625e11,
                8.2425e11,
            ),
            // Passing things counted is the verb, not the hedge.
            (
                "The Senate must pass 5 bills.",
                "5 bills",
                Kind::Count,
                5.0,
                4.5,
                5.5,
            ),
        ] {
            let (k, v, lo, hi) = read(text, want);
            assert_eq!(k, kind, "`{text}`");
            assert!(
                close(v, value) && close(lo, low) && close(hi, high),
                "`{text}`: {v} [{lo}, {hi}], want {value} [{low}, {high}]"
            );
        }
    }

    #[test]
    fn words_and_names_that_are_no_quantities() {
        for (text, digits) in [
            ("其中三元电池装车量", "三元"),
            ("受访者中，00后占比", "00后"),
            ("90后占比为58.8%", "90后"),
            ("支持4K视频录制", "4K"),
        ] {
            let mentions = extract(text, &ExtractOptions::default());
            let s = text.find(digits).expect("digits");
            assert!(
                !mentions
                    .iter()
                    .any(|m| m.kind.is_quantity() && m.span.start <= s && s < m.span.end),
                "`{digits}` read as a quantity in `{text}`: {mentions:?}"
            );
        }
    }

    #[test]
    fn ordinals_and_periods_written_like_shares() {
        for text in [
            "Inflation rose for a third straight month.",
            "32,000 more than a quarter earlier.",
            "She won a fourth term.",
        ] {
            let mentions = extract(text, &ExtractOptions::default());
            assert!(
                mentions.iter().all(|m| m.kind != Kind::Fraction),
                "`{text}`: {mentions:?}"
            );
        }
        // A share stays one.
        let mentions = extract("A third said no.", &ExtractOptions::default());
        assert!(mentions.iter().any(|m| m.kind == Kind::Fraction));
    }

    #[test]
    fn a_change_from_one_level_to_another_is_no_range() {
        let text = "Revenue grew from a year-earlier $312 million to $1.85 billion.";
        let mentions = extract(text, &ExtractOptions::default());
        let money: Vec<&str> = mentions
            .iter()
            .filter(|m| m.kind == Kind::Money)
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(money, ["$312 million", "$1.85 billion"]);
        // Figures listed with slashes share the scale and unit written after the last.
        let text = "营收分别为10.2/32.5/40.1亿元，完成率2/3，全天候24/7服务。";
        let mentions = extract(text, &ExtractOptions::default());
        let money: Vec<(&str, f64)> = mentions
            .iter()
            .filter(|m| m.kind == Kind::Money)
            .map(|m| (&text[m.span.range()], m.value))
            .collect();
        assert_eq!(
            money,
            [("10.2", 1.02e9), ("32.5", 3.25e9), ("40.1亿元", 4.01e9)]
        );
        assert!(mentions.iter().any(|m| m.kind == Kind::Fraction));
        // The word before a tally is no hedge: `passed` here is the vote, not "more than".
        let text = "The bill passed 312-110 in the House; it had passed 300 votes before.";
        let mentions = extract(text, &ExtractOptions::default());
        let hedged: Vec<&str> = mentions
            .iter()
            .filter(|m| m.hedge.is_some())
            .map(|m| &text[m.span.range()])
            .collect();
        assert_eq!(hedged, ["passed 300 votes"]);
        // A tally or a score falls from its first figure: no range.
        for text in ["a 3-2 vote", "a 5-4 ruling", "a 50-50 split"] {
            let mentions = extract(text, &ExtractOptions::default());
            assert!(
                mentions.iter().all(|m| m.hedge != Some(Hedge::Range)),
                "`{text}`: {mentions:?}"
            );
        }
        let text = "Payrolls fell by an estimated 5,000 to 30.3 million.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.hedge != Some(Hedge::Range)),
            "{mentions:?}"
        );
        let text = "Sales surged $312 million to $1.85 billion.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.hedge != Some(Hedge::Range)),
            "{mentions:?}"
        );
    }

    #[test]
    fn table_columns_of_percentages() {
        let text =
            "| Division | Change (%) |\n|---|---|\n| Consumer | 12.3 |\n| Assets | (41.7) |\n";
        let (k, v, lo, hi) = read(text, "12.3");
        assert_eq!(k, Kind::Percent);
        assert!(
            close(v, 0.123) && close(lo, 0.1225) && close(hi, 0.1235),
            "{v} [{lo}, {hi}]"
        );
        let (k, v, _, _) = read(text, "(41.7)");
        assert_eq!(k, Kind::Percent);
        assert!(close(v, -0.417), "{v}");
        // A column whose header says nothing of percent keeps its numbers.
        let text = "| Division | Staff |\n|---|---|\n| Consumer | 123 |\n";
        assert_eq!(read(text, "123").0, Kind::Number);
    }
}
