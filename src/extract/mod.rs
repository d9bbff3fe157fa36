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

    /// The mention `want` in `text` has this kind, value, interval and unit.
    fn assert_reads(
        text: &str,
        want: &str,
        kind: Kind,
        (value, low, high): (f64, f64, f64),
        unit: &str,
    ) {
        let m = mention(text, want);
        assert_eq!(m.kind, kind, "`{want}`");
        assert!(
            close(m.value, value) && close(m.interval.low, low) && close(m.interval.high, high),
            "`{want}`: {} [{}, {}], want {value} [{low}, {high}]",
            m.value,
            m.interval.low,
            m.interval.high
        );
        assert_eq!(m.unit.as_deref(), Some(unit), "`{want}`");
    }

    /// The mention whose text is `want` in `text`, any kind.
    fn mention(text: &str, want: &str) -> Mention {
        let mentions = extract(text, &ExtractOptions::default());
        let got: Vec<&str> = mentions.iter().map(|m| &text[m.span.range()]).collect();
        mentions
            .iter()
            .find(|m| &text[m.span.range()] == want)
            .cloned()
            .unwrap_or_else(|| panic!("`{want}` not read in `{text}`: {got:?}"))
    }

    #[test]
    fn units_and_counters_of_wave_5() {
        let inf = f64::INFINITY;
        for (text, want, kind, value, low, high, unit) in [
            (
                "完工量4818万载重吨，",
                "4818万载重吨",
                Kind::Quantity,
                4.818e7,
                4.8175e7,
                4.8185e7,
                "dwt",
            ),
            (
                "为8309万修正总吨。",
                "8309万修正总吨",
                Kind::Quantity,
                8.309e7,
                8.3085e7,
                8.3095e7,
                "CGT",
            ),
            (
                "箱位达到24000TEU。",
                "24000TEU",
                Kind::Count,
                24000.0,
                23500.0,
                24500.0,
                "TEU",
            ),
            (
                "浓度为29.3微克/立方米。",
                "29.3微克/立方米",
                Kind::Quantity,
                29.3,
                29.25,
                29.35,
                "μg/m3",
            ),
            (
                "开行旅客列车逾1.3万列；",
                "逾1.3万列",
                Kind::Count,
                13000.0,
                13000.0,
                inf,
                "列",
            ),
            (
                "保障航班约1.7万班，",
                "约1.7万班",
                Kind::Count,
                17000.0,
                15675.0,
                18375.0,
                "班",
            ),
            (
                "风力达17级以上，",
                "17级以上",
                Kind::Quantity,
                17.0,
                17.0,
                inf,
                "级",
            ),
            (
                "日产原油120万桶。",
                "120万桶",
                Kind::Quantity,
                1.2e6,
                1.15e6,
                1.25e6,
                "bbl",
            ),
            (
                "接种疫苗3.5亿剂次。",
                "3.5亿剂次",
                Kind::Count,
                3.5e8,
                3.45e8,
                3.55e8,
                "剂",
            ),
            (
                "面积120㎡，",
                "120㎡",
                Kind::Quantity,
                120.0,
                115.0,
                125.0,
                "m2",
            ),
            (
                "a crop of 15.1 billion bushels.",
                "15.1 billion bushels",
                Kind::Quantity,
                1.51e10,
                1.505e10,
                1.515e10,
                "bu",
            ),
            (
                "yields of 183.6 bushels per acre",
                "183.6 bushels per acre",
                Kind::Quantity,
                183.6,
                183.55,
                183.65,
                "bu/acre",
            ),
            (
                "burned 1.1 billion gallons.",
                "1.1 billion gallons",
                Kind::Quantity,
                1.1e9,
                1.05e9,
                1.15e9,
                "gal",
            ),
            (
                "settled up 3¾ cents",
                "3¾ cents",
                Kind::Money,
                0.0375,
                0.03625,
                0.03875,
                "USD",
            ),
            (
                "lost 6 cents to $10.05¼.",
                "$10.05¼",
                Kind::Money,
                10.0525,
                10.05125,
                10.05375,
                "USD",
            ),
            (
                "speeds ranged from 120 to 235 Mbps.",
                "120 to 235 Mbps",
                Kind::Quantity,
                177.5,
                115.0,
                235.5,
                "Mbps",
            ),
            (
                "in almost a decade.",
                "almost a decade",
                Kind::Quantity,
                10.0,
                9.5,
                10.0,
                "year",
            ),
            (
                "put 14 Boeing 737 MAX 9 jets back",
                "14 Boeing 737 MAX 9 jets",
                Kind::Count,
                14.0,
                13.5,
                14.5,
                "jets",
            ),
            (
                "its first two A321neo aircraft",
                "two A321neo aircraft",
                Kind::Count,
                2.0,
                1.5,
                2.5,
                "aircraft",
            ),
            (
                "three of the four networks",
                "three",
                Kind::Count,
                3.0,
                2.5,
                3.5,
                "networks",
            ),
            (
                "raised it by 110,000 b/d",
                "110,000 b/d",
                Kind::Quantity,
                110000.0,
                105000.0,
                115000.0,
                "bbl/d",
            ),
            (
                "发送207万标箱，",
                "207万标箱",
                Kind::Count,
                2.07e6,
                2.065e6,
                2.075e6,
                "标箱",
            ),
            (
                "on 64 points from 28 matches",
                "64 points",
                Kind::Count,
                64.0,
                63.5,
                64.5,
                "points",
            ),
            (
                "tickets, priced from £30 to £97, sold out",
                "£30 to £97",
                Kind::Money,
                63.5,
                29.5,
                97.5,
                "GBP",
            ),
        ] {
            assert_reads(text, want, kind, (value, low, high), unit);
        }
    }

    #[test]
    fn figures_that_share_or_carry_a_unit() {
        // A Chinese list whose figures share the scale word shares the unit after the last.
        let text = "分别为1855万、4730万和8309万修正总吨。";
        for want in ["1855万", "4730万", "8309万修正总吨"] {
            assert_eq!(mention(text, want).unit.as_deref(), Some("CGT"), "{want}");
        }
        // A bare scaled figure takes the unit of the scaled figure just before it…
        let text = "Iowa expects about 2.6 billion bushels; Illinois comes next at 2.4 billion.";
        assert_eq!(mention(text, "2.4 billion").kind, Kind::Quantity);
        // …but not past a figure of another kind.
        let text = "Payrolls fell by 8,000 jobs, and gains for the year came to 2.2 million.";
        assert_eq!(mention(text, "2.2 million").kind, Kind::Number);
        let text = "1.6 million homes cannot get 10 Mbps, compared with roughly 2.2 million.";
        assert_eq!(mention(text, "roughly 2.2 million").kind, Kind::Count);
        // `17,460 of them finished` stays a number, as the parts the checks add up to it.
        let text = "Some 90 homes are remote; about 62 of them lack a line.";
        assert_eq!(mention(text, "about 62").kind, Kind::Number);
    }

    #[test]
    fn names_codes_ranks_and_times_of_wave_5() {
        for (text, want, kind) in [
            ("排名前10的企业中", "前10", Kind::Ordinal),
            ("最暖的前十个年份里", "前十个", Kind::Ordinal),
            ("分列首三位客源市场", "首三位", Kind::Ordinal),
            ("前20强里中国企业增至12家", "前20强", Kind::Ordinal),
            (
                "The top 10 exporters account for 58%.",
                "top 10",
                Kind::Ordinal,
            ),
            ("今（113）年前7個月", "今（113）年", Kind::Year),
            ("比去（112）年最高", "去（112）年", Kind::Year),
            ("大潭8號機及豐德3號機已併網", "8號機", Kind::Name),
            ("地铁2号线全线开通", "2号线", Kind::Name),
            ("搭载神舟十九号载人飞船", "十九号", Kind::Name),
            ("截至10月19号，", "10月19号", Kind::Date),
            ("推出「香港夜繽紛」2.0版。", "2.0版", Kind::Name),
            ("另有3款1类新药已提交", "1类新药", Kind::Name),
            ("12306网站累计售出车票", "12306网站", Kind::Name),
            ("自明年起T+2交割违约", "T+2", Kind::Name),
            ("投资者热线：0571-86952318。", "0571-86952318", Kind::Name),
            ("Call 800-555-0199 today.", "800-555-0199", Kind::Name),
            ("due on Oct. 11 at 12 p.m. Eastern", "12 p.m.", Kind::Date),
            ("trading opens at 9am.", "9am", Kind::Date),
            ("the 787-9s are late", "787-9s", Kind::Name),
            ("咨询可拨打12328服务热线。", "12328服务热线", Kind::Name),
            (
                "expects 12 to 16 more 787-9s",
                "12 to 16 more 787-9s",
                Kind::Count,
            ),
        ] {
            let m = mention(text, want);
            assert_eq!(m.kind, kind, "`{want}` in `{text}`");
        }
        // Not names: a day of the month, a range with its unit.
        assert_eq!(mention("5月3号开始", "5月3号").kind, Kind::Date);
        assert_eq!(mention("需新增100-200MW", "100-200MW").kind, Kind::Quantity);
        // `前10个月` stays a period; `目前10家` is no rank.
        assert_eq!(mention("前10个月累计", "前10个月").kind, Kind::Date);
        assert_eq!(mention("目前10家企业", "10家").kind, Kind::Count);
    }

    #[test]
    fn comparisons_and_net_trades_are_no_hedges() {
        // `two-thirds more than two years ago`: the base of a comparison, not "over two".
        let m = mention("roughly two-thirds more than two years ago.", "two years");
        assert_eq!((m.value, m.hedge), (2.0, None));
        let text = "a gallon, 49 cents less than a year ago.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(mentions.iter().all(|m| m.unit.as_deref() != Some("year")));
        // A year before `more than` keeps the hedge.
        let m = mention("In 2024 more than 300 firms closed.", "more than 300 firms");
        assert_eq!(m.hedge, Some(Hedge::Over));
        // `賣超` (net selling) is the amount itself.
        let m = mention("外資全年賣超6,651億元，", "6,651億元");
        assert!(m.hedge.is_none());
        // Weather and sport: pressure, a range of wind grades, a race time, game points.
        assert_eq!(
            mention("中心最低气压为970百帕。", "970百帕")
                .unit
                .as_deref(),
            Some("hPa")
        );
        let m = mention("北风3、4级，", "3、4级");
        assert_eq!((m.interval.low, m.interval.high), (2.5, 4.5));
        let m = mention("以46秒40的成绩夺冠", "46秒40");
        assert!(close(m.value, 46.4) && close(m.interval.high, 46.405));
        assert_eq!(mention("朱婷在比赛中砍下27分。", "27分").kind, Kind::Count);
        // The sentence around points is cut at whole characters (`。` before and after).
        let text = "赛事开跑。本届共32,000 points。参赛规模扩大。";
        let _ = extract(text, &ExtractOptions::default());
        assert_eq!(
            mention("超过半数的受访者", "超过半数").hedge,
            Some(Hedge::Over)
        );
        assert_eq!(mention("今天06时继续发布预警", "06时").kind, Kind::Date);
        // The sign written as a word.
        let m = mention("Temperatures fell to minus 8C overnight.", "minus 8C");
        assert!(close(m.value, -8.0));
        let m = mention("Revenue of $7 billion, plus or minus 2%.", "2%");
        assert!(close(m.value, 0.02));
        let m = mention("最低气温零下15℃。", "零下15℃");
        assert!(close(m.value, -15.0));
        assert_eq!(
            mention("《電業法》第2條修正案", "第2條").kind,
            Kind::Reference
        );
        assert_eq!(mention("台北101大樓高508公尺", "101大樓").kind, Kind::Name);
        assert_eq!(mention("奪得世界12強棒球賽冠軍", "12強").kind, Kind::Name);
        // Medicine: readings in one unit, a trial's statistics are no names.
        let text = "Blood pressure fell to 120/80 mmHg and LDL to 2.6 mmol/L.";
        assert_eq!(mention(text, "120").unit.as_deref(), Some("mmHg"));
        assert_eq!(mention(text, "2.6 mmol/L").kind, Kind::Quantity);
        let text = "hazard ratio 0.77; 95% CI 0.65-0.91";
        assert_eq!(mention(text, "0.65-0.91").kind, Kind::Number);
        // A Chinese numeral, `多` or `余`, then its scale word.
        let m = mention("吸引观众二十多万人次。", "二十多万人次");
        assert_eq!(
            (m.kind, m.value, m.hedge),
            (Kind::Count, 2e5, Some(Hedge::Over))
        );
        let m = mention("其中专业观众十余万人次。", "十余万人次");
        assert_eq!((m.value, m.hedge), (1e5, Some(Hedge::Over)));
        let m = mention("过半家庭计划增加消费", "过半");
        assert_eq!((m.kind, m.hedge), (Kind::Fraction, Some(Hedge::Over)));
        let m = mention("the top 1% of earners", "1%");
        assert_eq!(m.kind, Kind::Percent);
        assert_eq!(
            mention("搭载90度电池包", "90度").unit.as_deref(),
            Some("kWh")
        );
        // Sport: a score after a team's name, averages of points.
        assert_eq!(
            mention("City beat Real Madrid 4-0 in the second leg.", "4").kind,
            Kind::Number
        );
        let m = mention(
            "Curry averaged 27.4 points and 5.1 assists this season.",
            "27.4 points",
        );
        assert_eq!(m.kind, Kind::Count);
        let m = mention("The final dividend is 96 HK cents a share.", "96 HK cents");
        assert_eq!((m.kind, m.unit.as_deref()), (Kind::Money, Some("HKD")));
        // `两成多`: more than two tenths.
        let m = mention("受访者中，两成多表示一般。", "两成多");
        assert_eq!((m.kind, m.hedge), (Kind::Percent, Some(Hedge::Over)));
        // `3萬4,000美元`: ten thousands, then plain thousands.
        let m = mention("每人GDP約3萬4,000美元。", "約3萬4,000美元");
        assert!(close(m.value, 34000.0));
        // Minguo fiscal years.
        assert_eq!(mention("114年度總預算案", "114年度").kind, Kind::Year);
        assert_eq!(mention("成立近110年来", "110年").kind, Kind::Quantity);
        // Outside a game, points are percentage points.
        let m = mention("Support for the party fell 3 points.", "3 points");
        assert_eq!(m.kind, Kind::Points);
        // `added a third`: one more goal; `scored a third of the points`: a share.
        let text = "Havertz added a third in the 78th minute.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(mentions.iter().all(|m| m.kind != Kind::Fraction));
        let m = mention("He scored a third of the points.", "a third");
        assert_eq!(m.kind, Kind::Fraction);
        // A table's scale label is no quantity.
        let text = "| Passengers (millions) | 47.6 |";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(!mentions.iter().any(|m| &text[m.span.range()] == "millions"));
        // Accounting parentheses with a percent sign in a table.
        let text = "| PRASM | 17.42 | (1.4)% |";
        let m = mention(text, "(1.4)%");
        assert_eq!(m.kind, Kind::Percent);
        assert!(close(m.value, -0.014));
    }

    #[test]
    fn forms_of_wave_6() {
        let inf = f64::INFINITY;
        for (text, want, kind, value, low, high, unit) in [
            // A TEU counts boxes, as 标准箱 does, in any script.
            (
                "吞吐量为2,856万TEU。",
                "2,856万TEU",
                Kind::Count,
                2.856e7,
                2.8555e7,
                2.8565e7,
                "TEU",
            ),
            (
                "handled 1.8 million TEU last year",
                "1.8 million TEU",
                Kind::Count,
                1.8e6,
                1.75e6,
                1.85e6,
                "TEU",
            ),
            // Closed hedges after the unit.
            (
                "60岁及以上人口",
                "60岁及以上",
                Kind::Quantity,
                60.0,
                60.0,
                inf,
                "year",
            ),
            (
                "最低氣溫28度或以上",
                "28度或以上",
                Kind::Quantity,
                28.0,
                28.0,
                inf,
                "°",
            ),
            (
                "国四及以下标准的5吨及以下货车",
                "5吨及以下",
                Kind::Quantity,
                5.0,
                -inf,
                5.0,
                "t",
            ),
            (
                "60周岁及以上老年人",
                "60周岁及以上",
                Kind::Quantity,
                60.0,
                60.0,
                inf,
                "year",
            ),
            // Passing a round figure with no digit.
            (
                "票房过亿元的影片",
                "过亿元",
                Kind::Money,
                1e8,
                1e8,
                inf,
                "CNY",
            ),
            ("观众破万人", "破万人", Kind::Count, 1e4, 1e4, inf, "人"),
            // `近` after a verb, ending its clause: nearly.
            (
                "停航近4天，",
                "近4天",
                Kind::Quantity,
                4.0,
                3.325,
                4.5,
                "day",
            ),
            // Times, counted.
            (
                "天文台兩度發出信號",
                "兩度",
                Kind::Count,
                2.0,
                1.5,
                2.5,
                "度",
            ),
            // Units of weather, mining, air and stays.
            (
                "pressure was 954 mb at landfall",
                "954 mb",
                Kind::Quantity,
                954.0,
                953.5,
                954.5,
                "mbar",
            ),
            (
                "down to 962 hPa.",
                "962 hPa",
                Kind::Quantity,
                962.0,
                961.5,
                962.5,
                "hPa",
            ),
            (
                "grading 1.62 g/t gold",
                "1.62 g/t",
                Kind::Quantity,
                1.62,
                1.615,
                1.625,
                "g/t",
            ),
            (
                "guidance of 1.6–1.75Moz this year",
                "1.6–1.75Moz",
                Kind::Quantity,
                1.675,
                1.55,
                1.755,
                "Moz",
            ),
            (
                "PM2.5 levels of 95 µg/m³ today",
                "95 µg/m³",
                Kind::Quantity,
                95.0,
                94.5,
                95.5,
                "μg/m3",
            ),
            (
                "二氧化硫浓度为6μg/m³。",
                "6μg/m³",
                Kind::Quantity,
                6.0,
                5.5,
                6.5,
                "μg/m3",
            ),
            (
                "a plot of 52 m² near",
                "52 m²",
                Kind::Quantity,
                52.0,
                51.5,
                52.5,
                "m2",
            ),
            (
                "The phone weighs 232 g and",
                "232 g",
                Kind::Quantity,
                232.0,
                231.5,
                232.5,
                "g",
            ),
            (
                "water use fell to 0.42 kL.",
                "0.42 kL",
                Kind::Quantity,
                0.42,
                0.415,
                0.425,
                "kL",
            ),
            (
                "人均停留2.3晚。",
                "2.3晚",
                Kind::Quantity,
                2.3,
                2.25,
                2.35,
                "night",
            ),
            (
                "AISC of A$1,900–2,100/oz.",
                "A$1,900–2,100",
                Kind::Money,
                2000.0,
                1850.0,
                2150.0,
                "AUD",
            ),
            // Counters of places; a noun of count before the figure.
            (
                "共造成3省（区）受灾",
                "3省",
                Kind::Count,
                3.0,
                2.5,
                3.5,
                "省",
            ),
            (
                "观影人次为5,209万，",
                "5,209万",
                Kind::Count,
                5.209e7,
                5.2085e7,
                5.2095e7,
                "人次",
            ),
            ("死亡人数达24。", "24", Kind::Count, 24.0, 23.5, 24.5, "人"),
            // `over` after things counted or a figure spans the time.
            (
                "by 10,500 competitors over 19 days.",
                "19 days",
                Kind::Quantity,
                19.0,
                18.5,
                19.5,
                "day",
            ),
            (
                "He waited over 3 hours.",
                "over 3 hours",
                Kind::Quantity,
                3.0,
                3.0,
                inf,
                "h",
            ),
            (
                "They won 8 of their last 10 games.",
                "8",
                Kind::Count,
                8.0,
                7.5,
                8.5,
                "games",
            ),
        ] {
            assert_reads(text, want, kind, (value, low, high), unit);
        }
        // A number word that is part of things counted before stays a number.
        let m = mention("24 deaths, five of them in a care home", "five");
        assert_eq!((m.kind, m.value), (Kind::Number, 5.0));
        // `近` as "the last": at a clause start, before `来`, after a preposition.
        for (text, want) in [
            ("创近9年新高", "9年"),
            ("近5年来增长", "5年"),
            ("在近十年登陆", "十年"),
        ] {
            assert_eq!(mention(text, want).hedge, None, "`{text}`");
        }
        // Denominators of a rate are no mention; `每10股` (the lot of a dividend) is.
        for text in [
            "罪案率為每十萬人1,200宗。",
            "a rate of 3.1 per 100,000 people",
        ] {
            let mentions = extract(text, &ExtractOptions::default());
            assert!(
                mentions.iter().all(|m| m.value != 1e5),
                "`{text}`: {mentions:?}"
            );
        }
        assert_eq!(mention("每10股派发现金红利5元", "10股").kind, Kind::Count);
        // `7pc` in the British press; a quake's magnitude; a denominator written bare.
        assert_eq!(
            mention("premiums rose 7pc to £4.6bn", "7pc").kind,
            Kind::Percent
        );
        assert_eq!(
            mention("The 7.8-magnitude quake struck", "7.8-magnitude").kind,
            Kind::Quantity
        );
        let text = "a rate of 89 crimes per 1,000 population";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(mentions.iter().all(|m| m.value != 1000.0), "{mentions:?}");
        // ISO codes and signs before an amount; crore and lakh.
        for (text, want, value, code) in [
            ("plus CHF 400m of bonds", "CHF 400m", 4e8, "CHF"),
            ("a budget of ₹2,000 crore", "₹2,000 crore", 2e10, "INR"),
            ("Rs 500 crore was set aside", "Rs 500 crore", 5e9, "INR"),
            ("raised R$12bn in", "R$12bn", 1.2e10, "BRL"),
            ("and SEK 4.1bn", "SEK 4.1bn", 4.1e9, "SEK"),
        ] {
            let m = mention(text, want);
            assert_eq!(
                (m.kind, m.unit.as_deref()),
                (Kind::Money, Some(code)),
                "`{want}`"
            );
            assert!(close(m.value, value), "`{want}`: {}", m.value);
        }
        // Taiwan's metric ton, innings, and a compound scale with decimals in its second part.
        let m = mention("遠洋漁業產量約62萬公噸，", "約62萬公噸");
        assert_eq!((m.kind, m.unit.as_deref()), (Kind::Quantity, Some("t")));
        assert_eq!(mention("林昱珉主投4局無失分", "4局").kind, Kind::Count);
        assert_eq!(mention("本赛季27战24胜，", "24胜").kind, Kind::Count);
        let m = mention("a dividend of 11.5c per share", "11.5c");
        assert!(m.kind == Kind::Money && close(m.value, 0.115), "{m:?}");
        assert_eq!(mention("资产负债率为3负债", "3").kind, Kind::Number);
        let m = mention("累計營收2兆3,356.6億元，", "2兆3,356.6億元");
        assert!(close(m.value, 2.33566e12), "{}", m.value);
    }

    #[test]
    fn forms_of_wave_7() {
        let inf = f64::INFINITY;
        for (text, want, kind, value, low, high, unit) in [
            // Quarters of a percentage point, in a clause about interest.
            (
                "累计升息3.5碼（0.875個百分點），",
                "3.5碼",
                Kind::Points,
                0.00875,
                0.008625,
                0.008875,
                "pp",
            ),
            (
                "香港银行加息1码后，",
                "1码",
                Kind::Points,
                0.0025,
                0.00125,
                0.00375,
                "pp",
            ),
            (
                "市場預期央行降息半碼。",
                "半碼",
                Kind::Points,
                0.00125,
                0.0011875,
                0.0013125,
                "pp",
            ),
            // A currency named before a bare scale word.
            (
                "累計吸收金額逾新台幣百億元。",
                "逾新台幣百億元",
                Kind::Money,
                1e10,
                1e10,
                inf,
                "CNY",
            ),
            (
                "每月補貼港幣1,234元，",
                "港幣1,234元",
                Kind::Money,
                1234.0,
                1233.5,
                1234.5,
                "CNY",
            ),
            // A detached `約` through `需`, `每`.
            (
                "加滿一箱約需1,565元，",
                "1,565元",
                Kind::Money,
                1565.0,
                1486.275,
                1643.775,
                "CNY",
            ),
            (
                "已吸收汽油約每公升1.5元的漲幅",
                "1.5元",
                Kind::Money,
                1.5,
                1.3775,
                1.6275,
                "CNY",
            ),
            // A bare round figure takes the counter of the figure before it.
            (
                "比去年增加26万人，连续第八年超过千万。",
                "超过千万",
                Kind::Count,
                1e7,
                1e7,
                inf,
                "人",
            ),
            // `the number of X`, and the level after the change.
            (
                "The number of payrolled employees fell by an estimated 41,000 to 30.2 million.",
                "41,000",
                Kind::Count,
                41000.0,
                40500.0,
                41500.0,
                "employees",
            ),
            (
                "The number of payrolled employees fell by an estimated 41,000 to 30.2 million.",
                "30.2 million",
                Kind::Count,
                3.02e7,
                3.015e7,
                3.025e7,
                "employees",
            ),
            (
                "The number of oil rigs operating in the U.S. rose by 4 to 510.",
                "510",
                Kind::Count,
                510.0,
                505.0,
                515.0,
                "rigs",
            ),
            // Points of a rugby table; tries and titles make the sentence one of sport.
            (
                "a 38-21 win left them level on 19 points and the title.",
                "19 points",
                Kind::Count,
                19.0,
                18.5,
                19.5,
                "points",
            ),
            (
                "He scored two tries but they lost by fewer than 24 points.",
                "fewer than 24 points",
                Kind::Count,
                24.0,
                -inf,
                24.0,
                "points",
            ),
            // A range with a dash after `from`; a span of time in words and a hyphen.
            (
                "cut its guidance to 290–310 kt from 300–330 kt.",
                "300–330 kt",
                Kind::Quantity,
                315.0,
                250.0,
                335.0,
                "kt",
            ),
            (
                "down from 4.6% in the previous three-month period",
                "three-month",
                Kind::Quantity,
                3.0,
                2.5,
                3.5,
                "month",
            ),
            (
                "has put one of its three processing lines on care",
                "one",
                Kind::Count,
                1.0,
                0.5,
                1.5,
                "lines",
            ),
            (
                "released upwards of 480 megatonnes of carbon dioxide",
                "upwards of 480 megatonnes",
                Kind::Quantity,
                480.0,
                480.0,
                inf,
                "Mt",
            ),
            (
                "a supply of 2,300 gigalitres",
                "2,300 gigalitres",
                Kind::Quantity,
                2300.0,
                2250.0,
                2350.0,
                "GL",
            ),
            (
                "have lost 17 of their last 19 Test matches.",
                "19 Test matches",
                Kind::Count,
                19.0,
                18.5,
                19.5,
                "matches",
            ),
        ] {
            assert_reads(text, want, kind, (value, low, high), unit);
        }
        for (text, want, unit) in [
            ("線寬縮小至3奈米，良率提升", "3奈米", "nm"),
            ("螢幕為6.7吋", "6.7吋", "in"),
        ] {
            let m = mention(text, want);
            assert_eq!((m.kind, m.unit.as_deref()), (Kind::Quantity, Some(unit)));
        }
        assert!(close(
            mention("補助新台幣5仟元", "新台幣5仟元").value,
            5000.0
        ));
        // A benchmark that the figures stated before all stand below or above: no bound.
        let text = "全年CPI年增率預測值為1.58%，核心CPI為1.55%，均低於2%。";
        let m = mention(text, "2%");
        assert_eq!((m.hedge, m.interval.low), (None, 0.015));
        let text = "充足率为204.5%和143.6%，均远高于100%和50%的监管红线";
        assert_eq!(mention(text, "100%").hedge, None);
        // With no figure of its kind before, the comparison bounds the subject.
        let text = "有5个省份减产，但减幅都不足3%。";
        assert_eq!(mention(text, "不足3%").hedge, Some(Hedge::Under));
        let text = "The number of long-term unemployed was little changed at 1.7 million.";
        assert_eq!(mention(text, "1.7 million").kind, Kind::Count);
        let text = "a preliminary magnitude of 6.2, struck";
        assert_eq!(mention(text, "6.2").kind, Kind::Quantity);
        // A plural subject names the things, not a count of them.
        let m = mention("vacancies fell to 889,000, down 66,000.", "889,000");
        assert_eq!(m.kind, Kind::Number);
        // `one of the 10 largest`: a rank, no count.
        let text = "It is one of the 10 largest banks.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(mentions.iter().all(|m| m.value != 1.0), "{mentions:?}");
        // `£29 a week more than a year earlier`: a comparison, no span of a year.
        let text = "about £29 a week more than a year earlier.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.unit.as_deref() != Some("year")),
            "{mentions:?}"
        );
    }

    #[test]
    fn names_years_and_streaks_of_wave_7() {
        for (text, want, kind) in [
            ("公众可通过12369环保举报热线反映", "12369", Kind::Name),
            ("公布了12355青少年服务台的电话", "12355", Kind::Name),
            ("92無鉛汽油每公升29.8元", "92無鉛", Kind::Name),
            ("0号柴油价格下调", "0号柴油", Kind::Name),
            ("考生中“08后”约占九成", "08后", Kind::Name),
            ("央行利率連8凍", "連8凍", Kind::Ordinal),
            ("A股5连涨后回调", "5连涨", Kind::Ordinal),
            ("央行預估115年經濟成長率為3.12%", "115年", Kind::Year),
            (
                "Canada's 2026 wildfire season ends as the worst.",
                "2026",
                Kind::Year,
            ),
            ("the 2027 edition opens on 5 February", "2027", Kind::Year),
        ] {
            let got = extract(text, &ExtractOptions::default());
            let m = got
                .iter()
                .find(|m| &text[m.span.range()] == want || &text[m.number.range()] == want)
                .unwrap_or_else(|| panic!("`{want}` not read in `{text}`: {got:?}"));
            assert_eq!(m.kind, kind, "`{want}` in `{text}`");
        }
        for (text, want, kind) in [
            (
                "Call the 988 Suicide and Crisis Lifeline now.",
                "988",
                Kind::Name,
            ),
            ("中国队以7金5银4铜位列第2", "5银", Kind::Count),
            ("中国队以7金5银4铜位列第2", "4铜", Kind::Count),
            ("A magnitude 7.1 earthquake struck", "7.1", Kind::Quantity),
            (
                "A 34-year-old man was charged",
                "34-year-old",
                Kind::Quantity,
            ),
            ("while the ID.4 sold 9,800", "ID.4", Kind::Name),
            ("and four other Oscars.", "four other Oscars", Kind::Count),
            ("符合GB 2760-2014标准", "GB 2760", Kind::Name),
            ("位列中国影史票房前10名", "前10名", Kind::Ordinal),
            ("截至10时，共有3,200余名运动员", "10时", Kind::Date),
            ("沪深300指数收报3,930.7点", "300指数", Kind::Name),
            ("“618”大促销售额增长8.2%", "618", Kind::Name),
            ("今年“双11”期间", "11", Kind::Name),
            ("3·15晚会曝光了12家企业", "3·15", Kind::Date),
            ("按照“1+N”政策体系", "1+N", Kind::Name),
            ("3 奈米製程出貨佔28%", "3 奈米製程", Kind::Name),
        ] {
            assert_eq!(mention(text, want).kind, kind, "`{want}` in `{text}`");
        }
        let m = mention(
            "50 aftershocks of magnitude 4.5 or greater",
            "4.5 or greater",
        );
        assert_eq!((m.kind, m.hedge), (Kind::Quantity, Some(Hedge::AtLeast)));
        // `3比1战胜`: the verb of a match, no games counted.
        let text = "主场3比1战胜对手";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.kind != Kind::Count),
            "{mentions:?}"
        );
        // Spans of time stay quantities: a streak of months, a century since a founding.
        assert_eq!(mention("连续8个月增长", "8个月").kind, Kind::Quantity);
        assert_eq!(mention("成立110年來首次", "110年").kind, Kind::Quantity);
        // Service numbers need the line's word; counts before a desk stay counts.
        assert_eq!(mention("全省设有300家服务台", "300家").kind, Kind::Count);
        // `码` of a size or of a wharf is no quarter point.
        let text = "利率不变，这双鞋42码。";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.kind != Kind::Points),
            "{mentions:?}"
        );
    }

    #[test]
    fn a_name_after_a_wide_character_is_read_without_a_panic() {
        // The look back over a name's words stops at a character of any width.
        for text in ["％Fortune 1", "上Claude 2 以上", "，the Greens 26。"] {
            let _ = extract(text, &ExtractOptions::default());
        }
        assert_eq!(mention("％Fortune 1", "Fortune 1").kind, Kind::Name);
    }

    #[test]
    fn names_ranks_and_periods_of_wave_6() {
        for (text, want, kind) in [
            (
                "| 排名 | 影片 |\n|---|---|\n| 1 | 甲 |\n",
                "1",
                Kind::Ordinal,
            ),
            (
                "| Rank | Nation |\n|---|---|\n| 2 | China |\n",
                "2",
                Kind::Ordinal,
            ),
            ("江苏、浙江分列第二、三位。", "三位", Kind::Ordinal),
            ("空气质量较差的后20位城市", "后20位", Kind::Ordinal),
            ("電話(02)2380-3600。", "(02)2380-3600", Kind::Name),
            ("公众可拨打12369环保举报热线", "12369", Kind::Name),
            ("发出8號烈風或暴風信號", "8號", Kind::Name),
            ("分為三年期、五年期兩個券種", "三年期", Kind::Name),
            ("一年期LPR为3.45%", "一年期LPR", Kind::Name),
            ("洋山深水港区四期自动化码头", "四期", Kind::Ordinal),
            ("“2+26”城市", "2+26", Kind::Name),
            ("shipments (m) in Q3 2024 shipments", "2024", Kind::Year),
            (
                "Shipments in the first nine months reached",
                "first nine months",
                Kind::Date,
            ),
            ("helped by the Redmi 13C in", "13C", Kind::Name),
            ("certified to ISO 14001 since", "14001", Kind::Name),
            ("Year 6 pupils scored 73%", "Year 6", Kind::Name),
            ("Flight 370 remains missing", "Flight 370", Kind::Name),
            ("Call 1-800-273-8255 now", "1-800-273-8255", Kind::Name),
            ("or 020 7946 0018 for help", "020 7946 0018", Kind::Name),
        ] {
            let got = extract(text, &ExtractOptions::default());
            let m = got
                .iter()
                .find(|m| &text[m.span.range()] == want || &text[m.number.range()] == want)
                .unwrap_or_else(|| panic!("`{want}` not read in `{text}`: {got:?}"));
            assert_eq!(m.kind, kind, "`{want}` in `{text}`");
        }
        // A phase counted after a verb stays a count; `三年期间` is a span of time.
        assert_eq!(mention("分三期建设", "三期").kind, Kind::Count);
        assert_eq!(mention("在三年期间完成", "三年").kind, Kind::Quantity);
    }

    #[test]
    fn the_wave_5_forms_never_panic_at_the_edges_of_a_text() {
        // Every prefix and suffix (at character boundaries) of text dense in the new forms.
        let text = "5s。46秒40，前10的、首三位；今（113）年8號機T+2 3¾ cents minus 8C 零下5℃ 过半 \
                    砍下27分。64 points in the match。0571-86952318 12 p.m. 3、4级 2,4 billion \
                    (1.4)% 120/80 mmHg 两成多 二十多万人次 top 10 Real Madrid 4-0 a third 787-9s";
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &i in &cuts {
            let _ = extract(&text[i..], &ExtractOptions::default());
            let _ = extract(&text[..i], &ExtractOptions::default());
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

    #[test]
    fn hedges_spans_and_counters_of_wave_8() {
        let inf = f64::INFINITY;
        for (text, want, kind, (value, low, high), unit) in [
            // Hedges: `near` as `close to`, `within` and `未滿` as limits.
            (
                "with humidity near 60%.",
                "near 60%",
                Kind::Percent,
                (0.6, 0.595 * 0.95, 0.605),
                "%",
            ),
            (
                "could cut output within two years.",
                "within two years",
                Kind::Quantity,
                (2.0, -inf, 2.0),
                "year",
            ),
            (
                "homes within 5 km of the fault",
                "within 5 km",
                Kind::Quantity,
                (5.0, -inf, 5.0),
                "km",
            ),
            (
                "a fee of not more than 2% a year",
                "not more than 2%",
                Kind::Percent,
                (0.02, -inf, 0.02),
                "%",
            ),
            (
                "6個月至未滿2歲的幼童",
                "未滿2歲",
                Kind::Quantity,
                (2.0, -inf, 2.0),
                "year",
            ),
            (
                "增速未达3%。",
                "未达3%",
                Kind::Percent,
                (0.03, -inf, 0.03),
                "%",
            ),
            (
                "more than a minute ahead of the champion",
                "more than a minute",
                Kind::Quantity,
                (1.0, 1.0, inf),
                "min",
            ),
            // `百` alone asserts what `100` does.
            (
                "通信基站退服近百个，",
                "近百个",
                Kind::Count,
                (100.0, 47.5, 150.0),
                "个",
            ),
            // Nights of a stay, carloads, tenths and a half.
            (
                "平均停留6.4夜。",
                "6.4夜",
                Kind::Quantity,
                (6.4, 6.35, 6.45),
                "night",
            ),
            (
                "日均装车18.1万车，",
                "18.1万车",
                Kind::Count,
                (181_000.0, 180_500.0, 181_500.0),
                "车",
            ),
            (
                "七成半患者未有接種疫苗。",
                "七成半",
                Kind::Percent,
                (0.75, 0.745, 0.755),
                "%",
            ),
            // `约` after `僅` hedges the figure across the words between.
            (
                "累積雨量僅約歷年同期的兩成三，",
                "兩成三",
                Kind::Percent,
                (0.23, 0.225 * 0.95, 0.235 * 1.05),
                "%",
            ),
            // A span of time counted back from a date.
            (
                "在截至1月10日的一星期內，",
                "一星期",
                Kind::Quantity,
                (1.0, 0.5, 1.5),
                "week",
            ),
            // Elapsed times: a race's finishing time, a record with hundredths.
            (
                "won the marathon in 2:04:37, a record",
                "2:04:37",
                Kind::Quantity,
                (7477.0, 7476.5, 7477.5),
                "s",
            ),
            (
                "| 2 | Worku | 2:04:59 |",
                "2:04:59",
                Kind::Quantity,
                (7499.0, 7498.5, 7499.5),
                "s",
            ),
            (
                "She ran the mile in 4:07.90 last year.",
                "4:07.90",
                Kind::Quantity,
                (247.9, 247.895, 247.905),
                "s",
            ),
            (
                "以2:19:48夺冠",
                "2:19:48",
                Kind::Quantity,
                (8388.0, 8387.5, 8388.5),
                "s",
            ),
            // A poll's confidence level.
            (
                "plus or minus 2.5 percentage points, 19 times out of 20.",
                "19 times out of 20",
                Kind::Fraction,
                (0.95, 0.9025, 0.9975),
                "-",
            ),
            // A total counts what the figure before it counted.
            (
                "It added another 301,000 subscribers, for a total of 5.8 million.",
                "5.8 million",
                Kind::Count,
                (5.8e6, 5.75e6, 5.85e6),
                "subscribers",
            ),
        ] {
            if unit == "-" {
                let m = mention(text, want);
                assert_eq!(m.kind, kind, "`{want}`");
                assert!(
                    close(m.value, value)
                        && close(m.interval.low, low)
                        && close(m.interval.high, high),
                    "`{want}`: {} [{}, {}]",
                    m.value,
                    m.interval.low,
                    m.interval.high
                );
            } else {
                assert_reads(text, want, kind, (value, low, high), unit);
            }
        }
        // Not quantities: years of the Minguo calendar, hours, roads, times of day.
        for (text, want, kind) in [
            ("114年來台旅客857萬人次", "114年", Kind::Year),
            (
                "約為疫情前108年（1,186.4萬人次）的七成二",
                "108年",
                Kind::Year,
            ),
            ("每日夜間11時至翌日5時降壓", "11時", Kind::Date),
            ("省道211线有7处路段塌方", "211线", Kind::Name),
            (
                "The quake struck at 14:32:05 local time.",
                "14:32:05",
                Kind::Date,
            ),
            ("北京时间14:32:05发生地震", "14:32:05", Kind::Date),
        ] {
            assert_eq!(mention(text, want).kind, kind, "`{want}` in `{text}`");
        }
        // `成立110年來` stays a span of a hundred and ten years.
        assert_eq!(mention("公司成立110年來", "110年").kind, Kind::Quantity);
        // Words after `车` that make a word of cars: no carloads.
        let text = "新增5万车主。";
        assert!(
            extract(text, &ExtractOptions::default())
                .iter()
                .all(|m| m.unit.as_deref() != Some("车"))
        );
        // `夜间` is no night of a stay.
        let text = "3日夜间有雨。";
        assert!(
            extract(text, &ExtractOptions::default())
                .iter()
                .all(|m| m.unit.as_deref() != Some("night"))
        );
        // The subject of a clause of expecting names no count, and `more than` after a share
        // in words compares, no hedge on what follows.
        let text = "It added 512,000 subscribers, well ahead of the 430,000 analysts had expected.";
        assert_eq!(mention(text, "430,000").kind, Kind::Number);
        let text = "India sent 31,200 visitors, nearly a third more than a year before.";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions
                .iter()
                .all(|m| !text[m.span.range()].contains("year")),
            "{mentions:?}"
        );
    }

    #[test]
    fn sports_money_and_limits_of_wave_8() {
        let inf = f64::INFINITY;
        for (text, want, kind, (value, low, high), unit) in [
            (
                "The prize is worth 11 million Swedish kronor.",
                "11 million Swedish kronor",
                Kind::Money,
                (1.1e7, 1.05e7, 1.15e7),
                "SEK",
            ),
            (
                "He was jailed with a minimum of eight years to serve.",
                "a minimum of eight years",
                Kind::Quantity,
                (8.0, 8.0, inf),
                "year",
            ),
            (
                "每公頃最高補助8萬元；",
                "8萬元",
                Kind::Money,
                (80_000.0, -inf, 80_000.0),
                // (`元` is TWD by the passage's locale, which a lone sentence has not.)
                "CNY",
            ),
            (
                "申請低利貸款，最長5年。",
                "最長5年",
                Kind::Quantity,
                (5.0, -inf, 5.0),
                "year",
            ),
            (
                "employment rose by 42,200 people to 14.61 million.",
                "14.61 million",
                Kind::Count,
                (1.461e7, 1.4605e7, 1.4615e7),
                "people",
            ),
            (
                "She saved 11 of 14 break points.",
                "14 break points",
                Kind::Count,
                (14.0, 13.5, 14.5),
                "points",
            ),
            (
                "She has won 20 of her last 21 matches.",
                "20",
                Kind::Count,
                (20.0, 19.5, 20.5),
                "matches",
            ),
        ] {
            assert_reads(text, want, kind, (value, low, high), unit);
        }
        // A record reached is no limit: `最高达到49.6℃` states the record.
        let m = mention("吐鲁番东坎站最高达到49.6℃。", "49.6℃");
        assert!(close(m.interval.low, 49.55), "{m:?}");
        // Set scores in a list are scores, a set lost too; brackets of age stay ranges.
        let text = "beat Marquez 6-3, 4-6, 7-5 on Saturday";
        let mentions = extract(text, &ExtractOptions::default());
        assert!(
            mentions.iter().all(|m| m.hedge != Some(Hedge::Range)),
            "{mentions:?}"
        );
        let text = "those aged 18-24, 25-34 and 35-44";
        assert_eq!(mention(text, "18-24").hedge, Some(Hedge::Range));
        // A score list read back over a full-width comma (found by the property test).
        let mentions = extract("，22,8161-1", &ExtractOptions::default());
        assert!(!mentions.is_empty());
        // `half-time`, `quarter-final` after a figure are compounds, no share.
        let text = "United came back from a 0-1 half-time deficit.";
        assert!(
            extract(text, &ExtractOptions::default())
                .iter()
                .all(|m| m.kind != Kind::Fraction)
        );
        // Names and codes: Taiwan's provincial highways, a number after `hotline,`.
        for (text, want, kind) in [
            ("台20線周邊3處路段坍方", "20線", Kind::Name),
            (
                "the bureau's hotline, 1300 135 070, took calls",
                "1300 135 070",
                Kind::Name,
            ),
        ] {
            assert_eq!(mention(text, want).kind, kind, "`{want}` in `{text}`");
        }
    }

    #[test]
    fn a_carried_unit_does_not_depend_on_where_a_batch_ends() {
        // More mentions in one paragraph than a batch holds, then a unit carried across a
        // comma: read as it is read alone.
        let mut text = String::new();
        for k in 0..63 {
            text.push_str(&format!("{k}%, "));
        }
        text.push_str("and Toyota sold 10.3 million vehicles, ahead of Volkswagen's 9.0 million.");
        assert_eq!(mention(&text, "9.0 million").kind, Kind::Count);
        assert_eq!(
            mention(&text, "9.0 million").unit.as_deref(),
            Some("vehicles")
        );
    }

    #[test]
    fn indices_ballot_measures_and_magnitudes_of_wave_8() {
        for (text, want, kind) in [
            ("the Nikkei 225 fell 1.1%", "Nikkei 225", Kind::Name),
            ("the ASX 200 gained 12.5 points", "ASX 200", Kind::Name),
            ("and Measure 110 was repealed", "Measure 110", Kind::Name),
        ] {
            assert_eq!(mention(text, want).kind, kind, "`{want}` in `{text}`");
        }
        for (text, want) in [
            ("A magnitude-7.0 quake struck.", "7.0"),
            ("an M6.1 aftershock followed", "M6.1"),
        ] {
            let m = mention(text, want);
            assert_eq!(m.kind, Kind::Quantity, "`{want}`");
            assert_eq!(m.unit.as_deref(), Some("M"), "`{want}`");
        }
        // A span of time in words with its hedge after it.
        let m = mention("45% planned a trip of a week or more.", "a week or more");
        assert_eq!(
            (m.kind, m.value, m.interval.low),
            (Kind::Quantity, 1.0, 1.0)
        );
        assert!(m.interval.high.is_infinite());
        // Hong Kong's signals are named by their number at a clause start too; `1成5` is 15%;
        // districts are counted with `區`.
        assert_eq!(
            mention("天文台表示，8號烈風或暴風信號共懸掛2次。", "8號").kind,
            Kind::Name
        );
        assert_reads(
            "較去年增加約1成5；",
            "約1成5",
            Kind::Percent,
            (0.15, 0.145 * 0.95, 0.155 * 1.05),
            "%",
        );
        assert_reads(
            "全市共有12區、1,555個投票所。",
            "12區",
            Kind::Count,
            (12.0, 11.5, 12.5),
            "區",
        );
        // Halves of spans of time, spans and a half, an intensified `over`, and the ordinal
        // of a set.
        let inf = f64::INFINITY;
        for (text, want, (value, low, high), unit) in [
            (
                "The wait fell to half an hour.",
                "half an hour",
                (0.5, 0.475, 0.525),
                "h",
            ),
            (
                "from nearly an hour and a half;",
                "nearly an hour and a half",
                (1.5, 1.425, 1.5),
                "h",
            ),
            (
                "The ceasefire lasted just over a week.",
                "over a week",
                (1.0, 1.0, inf),
                "week",
            ),
        ] {
            assert_reads(text, want, Kind::Quantity, (value, low, high), unit);
        }
        let text = "The match went to a fifth set.";
        assert!(
            extract(text, &ExtractOptions::default())
                .iter()
                .all(|m| m.kind != Kind::Fraction)
        );
        // A chip named by `M` and a whole number is no magnitude.
        let text = "Apple's M2 chip";
        assert!(
            extract(text, &ExtractOptions::default())
                .iter()
                .all(|m| m.kind != Kind::Quantity)
        );
    }

    /// The quantities read in `text`, as their source text.
    fn quantities(text: &str) -> Vec<&str> {
        extract(text, &ExtractOptions::default())
            .into_iter()
            .filter(|m| m.kind.is_quantity())
            .map(|m| &text[m.span.range()])
            .collect()
    }

    #[test]
    fn currencies_of_the_region_and_the_world() {
        for (text, want, value, code) in [
            (
                "博彩毛收入226.4億澳門元，",
                "226.4億澳門元",
                2.264e10,
                "MOP",
            ),
            ("人均消費1,680澳门元。", "1,680澳门元", 1680.0, "MOP"),
            ("票價澳門幣500元。", "澳門幣500元", 500.0, "CNY"),
            ("售價5,000日圓。", "5,000日圓", 5000.0, "JPY"),
            ("出口額3亿越南盾。", "3亿越南盾", 3e8, "VND"),
            ("每晚1,200泰銖，", "1,200泰銖", 1200.0, "THB"),
            ("投資50億令吉。", "50億令吉", 5e9, "MYR"),
            ("月薪8,000新加坡元，", "8,000新加坡元", 8000.0, "SGD"),
            ("罰款200萬瑞郎。", "200萬瑞郎", 2e6, "CHF"),
            ("融資1.5亿卢比", "1.5亿卢比", 1.5e8, "INR"),
            ("收入30億韓圜", "30億韓圜", 3e9, "KRW"),
            ("a fee of MOP$1,200 a night", "MOP$1,200", 1200.0, "MOP"),
            ("revenue of ₺4.5bn", "₺4.5bn", 4.5e9, "TRY"),
            ("a TRY 5bn loan", "TRY 5bn", 5e9, "TRY"),
            (
                "earned 226 million patacas",
                "226 million patacas",
                2.26e8,
                "MOP",
            ),
        ] {
            let m = mention(text, want);
            assert_eq!(m.kind, Kind::Money, "`{want}`");
            assert!(close(m.value, value), "`{want}`: {}", m.value);
            assert_eq!(m.unit.as_deref(), Some(code), "`{want}`");
        }
        // A code in capitals is one only in capitals.
        assert!(
            extract("try 5 times", &ExtractOptions::default())
                .iter()
                .all(|m| m.kind != Kind::Money)
        );
    }

    #[test]
    fn the_wave_9_forms() {
        let inf = f64::INFINITY;
        for (text, want, kind, value, low, high, unit) in [
            // Within a span of time: at most.
            (
                "7日内程序回复",
                "7日内",
                Kind::Quantity,
                7.0,
                -inf,
                7.0,
                "day",
            ),
            (
                "3个月内办理",
                "3个月内",
                Kind::Quantity,
                3.0,
                -inf,
                3.0,
                "month",
            ),
            (
                "随即在3天内发出短信",
                "3天内",
                Kind::Quantity,
                3.0,
                -inf,
                3.0,
                "day",
            ),
            (
                "須於30日以內申報",
                "30日以內",
                Kind::Quantity,
                30.0,
                -inf,
                30.0,
                "day",
            ),
            // A definite span named before it: during it, no bound.
            (
                "在截至1月10日的一星期內，",
                "一星期",
                Kind::Quantity,
                1.0,
                0.5,
                1.5,
                "week",
            ),
            // A score of a test, a measure.
            (
                "最低錄取分數達76.61分；",
                "76.61分",
                Kind::Quantity,
                76.61,
                76.605,
                76.615,
                "分",
            ),
            (
                "满意度评分为85.6分",
                "85.6分",
                Kind::Quantity,
                85.6,
                85.55,
                85.65,
                "分",
            ),
            // `最高` after a verb of paying.
            (
                "每人每年補助最高3萬5,000元，",
                "最高3萬5,000元",
                Kind::Money,
                35000.0,
                -inf,
                35000.0,
                "CNY",
            ),
            (
                "罚款最高100万元",
                "最高100万元",
                Kind::Money,
                1e6,
                -inf,
                1e6,
                "CNY",
            ),
            // A population counts people.
            (
                "按常住人口2185万计算",
                "2185万",
                Kind::Count,
                2.185e7,
                2.1845e7,
                2.1855e7,
                "人",
            ),
            (
                "户籍人口为1,400万",
                "1,400万",
                Kind::Count,
                1.4e7,
                1.35e7,
                1.45e7,
                "人",
            ),
            // Units of blood.
            (
                "采集全血61.4万单位、",
                "61.4万单位",
                Kind::Quantity,
                6.14e5,
                6.135e5,
                6.145e5,
                "单位",
            ),
            (
                "单采血小板4.27万治疗量",
                "4.27万治疗量",
                Kind::Quantity,
                42700.0,
                42650.0,
                42750.0,
                "治疗量",
            ),
            (
                "平均需输血10个单位。",
                "10个单位",
                Kind::Quantity,
                10.0,
                9.5,
                10.5,
                "单位",
            ),
            // The big ones after a list of them.
            (
                "东北、华北和西北三大区域",
                "三大",
                Kind::Count,
                3.0,
                2.5,
                3.5,
                "大",
            ),
            // A benchmark named through `的` is its own value.
            (
                "库存低于7天的安全警戒线",
                "7天",
                Kind::Quantity,
                7.0,
                6.5,
                7.5,
                "day",
            ),
            (
                "PMI为49.5%，低于50%的荣枯线",
                "50%",
                Kind::Percent,
                0.5,
                0.495,
                0.505,
                "%",
            ),
            // English.
            (
                "price a further quarter-point cut",
                "quarter-point",
                Kind::Points,
                0.0025,
                0.002375,
                0.002625,
                "pp",
            ),
            (
                "Reyes scored twice in the first half",
                "twice",
                Kind::Count,
                2.0,
                1.5,
                2.5,
                "goals",
            ),
            (
                "The bank cut rates twice this year.",
                "twice",
                Kind::Count,
                2.0,
                1.5,
                2.5,
                "times",
            ),
            (
                "nearly double the figure of a decade ago",
                "a decade",
                Kind::Quantity,
                10.0,
                9.5,
                10.5,
                "year",
            ),
            (
                "There were 36,214 new homes consented",
                "36,214 new homes",
                Kind::Count,
                36214.0,
                36213.5,
                36214.5,
                "homes",
            ),
            (
                "Of them, 16,930 were stand-alone houses",
                "16,930",
                Kind::Count,
                16930.0,
                16925.0,
                16935.0,
                "houses",
            ),
            (
                "留置不得超過48小時，",
                "不得超過48小時",
                Kind::Quantity,
                48.0,
                -inf,
                48.0,
                "h",
            ),
            (
                "had been waiting longer than 18 weeks",
                "longer than 18 weeks",
                Kind::Quantity,
                18.0,
                18.0,
                inf,
                "week",
            ),
            (
                "Over 10 years it earned 7.3%, and over 20 years 6.9%.",
                "20 years",
                Kind::Quantity,
                20.0,
                19.5,
                20.5,
                "year",
            ),
        ] {
            assert_reads(text, want, kind, (value, low, high), unit);
        }
        // Twice as a multiple.
        assert_eq!(mention("twice as many jobs", "twice").kind, Kind::Multiple);
        assert_eq!(mention("twice the size of", "twice").kind, Kind::Multiple);
        // Not quantities.
        for text in [
            "115學年度大學分發入學放榜",
            "教育部預估到120学年度",
            "位於機場城市的11 SKIES綜合發展項目",
            "12309检察服务中心网上平台",
            "普氏62%铁矿石价格指数全月均值",
            "A股三大指数集体收涨",
            "The NHS 111 line handled calls",
            "海外收入首次过半。",
            "captain Okafor added a third from the spot on 67 minutes.",
        ] {
            assert_eq!(quantities(text), Vec::<&str>::new(), "`{text}`");
        }
        assert_eq!(mention("过半家庭计划增加消费", "过半").kind, Kind::Fraction);
        // `a year ago` names a comparison's base, no figure.
        assert_eq!(quantities("up 5% from a year ago"), vec!["5%"]);
    }
}
