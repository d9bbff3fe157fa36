//! The word tables of the number grammar: scale words, currencies, units, counters and
//! hedges, each an ordered slice (longest entry first where one is a prefix of another), and
//! the matchers that look them up before or after a numeral.

use std::sync::LazyLock;

use super::mention::{Hedge, Kind};

/// Chinese scale words after Arabic digits (`1892 亿`, `1.2万亿`, `3千万`).
///
/// Traditional characters scale exactly as simplified ones (`萬` = `万`, `億` = `亿`); `兆`
/// is 10¹² as in Taiwan (a `兆瓦` is a unit: units are tried first when they are longer).
pub(crate) const SCALE_ZH: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("萬億", 1e12),
    ("千亿", 1e11),
    ("千億", 1e11),
    ("百亿", 1e10),
    ("百億", 1e10),
    ("十亿", 1e9),
    ("十億", 1e9),
    ("千万", 1e7),
    ("千萬", 1e7),
    ("百万", 1e6),
    ("百萬", 1e6),
    ("十万", 1e5),
    ("十萬", 1e5),
    ("亿", 1e8),
    ("億", 1e8),
    ("兆", 1e12),
    ("万", 1e4),
    ("萬", 1e4),
    ("千", 1e3),
    // `新台幣5仟元`: the thousand as Taiwan's accounts write it.
    ("仟", 1e3),
    ("百", 1e2),
    ("十", 1e1),
];

/// English magnitudes written as words, after a space or glued (`189.2 billion`, `3.8bn`).
pub(crate) const SCALE_EN: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    // Indian English: a crore is ten million, a lakh a hundred thousand.
    ("crore", 1e7),
    ("crores", 1e7),
    ("lakh", 1e5),
    ("lakhs", 1e5),
    ("bn", 1e9),
    ("mln", 1e6),
    ("mn", 1e6),
    ("trn", 1e12),
    ("tn", 1e12),
];

/// Magnitudes written as one letter glued to the digits (`$3.8B`, `10k`). `m` and `b` are
/// magnitudes only after a currency (`€5m`); elsewhere `5m` is five metres.
pub(crate) const SCALE_LETTER: &[(&str, f64, bool)] = &[
    ("k", 1e3, false),
    ("K", 1e3, false),
    ("M", 1e6, false),
    ("B", 1e9, false),
    ("T", 1e12, true),
    ("m", 1e6, true),
    ("b", 1e9, true),
];

/// Currency written before the number, and its ISO code. Codes written in capitals match
/// only in capitals (`TRY 5bn`, not `try 5`); see `context::pre`.
pub(crate) const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    // `逾新台幣百億元`, `港幣1,000元`, `澳門幣500元`: the currency named before the amount, as
    // Taiwan, Hong Kong and Macau write it.
    ("新台幣", "TWD"),
    ("新臺幣", "TWD"),
    ("新台币", "TWD"),
    ("港幣", "HKD"),
    ("港币", "HKD"),
    ("澳門幣", "MOP"),
    ("澳门币", "MOP"),
    ("葡幣", "MOP"),
    ("葡币", "MOP"),
    ("美金", "USD"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("MOP$", "MOP"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("USD", "USD"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("CNH", "CNY"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("HKD", "HKD"),
    ("MOP", "MOP"),
    ("NTD", "TWD"),
    // Other ISO codes and signs written before an amount (`CHF 400m`, `₹2,000 crore`).
    ("NZ$", "NZD"),
    ("R$", "BRL"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("RM", "MYR"),
    ("CHF", "CHF"),
    ("INR", "INR"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("NZD", "NZD"),
    ("SGD", "SGD"),
    ("TWD", "TWD"),
    ("MYR", "MYR"),
    ("KRW", "KRW"),
    ("BRL", "BRL"),
    ("ZAR", "ZAR"),
    ("MXN", "MXN"),
    ("THB", "THB"),
    ("IDR", "IDR"),
    ("VND", "VND"),
    ("PHP", "PHP"),
    ("PKR", "PKR"),
    ("RUB", "RUB"),
    ("TRY", "TRY"),
    ("PLN", "PLN"),
    ("HUF", "HUF"),
    ("CZK", "CZK"),
    ("ILS", "ILS"),
    ("EGP", "EGP"),
    ("NGN", "NGN"),
    ("KES", "KES"),
    ("SAR", "SAR"),
    ("AED", "AED"),
    ("QAR", "QAR"),
    ("KWD", "KWD"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₫", "VND"),
    ("฿", "THB"),
    ("₱", "PHP"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
];

/// Currency written after the number (and its scale word): the currencies of the region and
/// the world in simplified and traditional spelling (`226.4億澳門元`, `5,000日圓`, `3亿越南盾`).
/// Looked up by first character, longest word first (`currency_after_at`), so the order here
/// carries no meaning.
pub(crate) const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("元", "CNY"),
    ("元人民币", "CNY"),
    ("元人民幣", "CNY"),
    ("人民币", "CNY"),
    ("人民幣", "CNY"),
    ("人民币元", "CNY"),
    ("人民幣元", "CNY"),
    ("新台币", "TWD"),
    ("新台幣", "TWD"),
    ("新臺幣", "TWD"),
    ("台币", "TWD"),
    ("台幣", "TWD"),
    ("臺幣", "TWD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("港幣", "HKD"),
    ("港圓", "HKD"),
    ("澳門元", "MOP"),
    ("澳门元", "MOP"),
    ("澳門幣", "MOP"),
    ("澳门币", "MOP"),
    ("葡幣", "MOP"),
    ("葡币", "MOP"),
    ("欧元", "EUR"),
    ("歐元", "EUR"),
    ("欧罗", "EUR"),
    ("歐羅", "EUR"),
    ("英镑", "GBP"),
    ("英鎊", "GBP"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("日圓", "JPY"),
    ("韩元", "KRW"),
    ("韓元", "KRW"),
    ("韩圆", "KRW"),
    ("韓圓", "KRW"),
    ("韩圜", "KRW"),
    ("韓圜", "KRW"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("澳幣", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("加幣", "CAD"),
    ("纽元", "NZD"),
    ("紐元", "NZD"),
    ("纽币", "NZD"),
    ("紐幣", "NZD"),
    ("新西兰元", "NZD"),
    ("紐西蘭元", "NZD"),
    ("新加坡元", "SGD"),
    ("新加坡币", "SGD"),
    ("新加坡幣", "SGD"),
    ("新元", "SGD"),
    ("瑞郎", "CHF"),
    ("瑞士法郎", "CHF"),
    ("法郎", "CHF"),
    ("令吉", "MYR"),
    ("马币", "MYR"),
    ("馬幣", "MYR"),
    ("泰铢", "THB"),
    ("泰銖", "THB"),
    ("越南盾", "VND"),
    ("印尼盾", "IDR"),
    ("披索", "PHP"),
    ("比索", "MXN"),
    ("卢比", "INR"),
    ("盧比", "INR"),
    ("卢布", "RUB"),
    ("盧布", "RUB"),
    ("里拉", "TRY"),
    ("兰特", "ZAR"),
    ("蘭特", "ZAR"),
    ("迪拉姆", "AED"),
    ("雷亚尔", "BRL"),
    ("雷亞爾", "BRL"),
    ("里亚尔", "SAR"),
    ("里亞爾", "SAR"),
    ("瑞典克朗", "SEK"),
    ("挪威克朗", "NOK"),
    ("丹麦克朗", "DKK"),
    ("丹麥克朗", "DKK"),
    ("克朗", "SEK"),
    ("兹罗提", "PLN"),
    ("茲羅提", "PLN"),
    ("福林", "HUF"),
    ("谢克尔", "ILS"),
    ("謝克爾", "ILS"),
    ("奈拉", "NGN"),
];

/// The entry of `CURRENCY_AFTER` that `text[start..]` begins with, the longest when several
/// do (`元人民币` before `元`). Grouped by first character once, found by binary search.
pub(crate) fn currency_after_at(
    text: &str,
    start: usize,
) -> Option<(&'static str, &'static str, usize)> {
    static BY_FIRST: LazyLock<Vec<Group>> = LazyLock::new(|| by_first(CURRENCY_AFTER, true));
    entry_at(&BY_FIRST, text, start)
}

/// Entries of a word table (word, value) that share a first character.
type Group = (char, Vec<(&'static str, &'static str)>);

/// `table` grouped by first character, the groups sorted by it (for a binary search); within
/// a group the entries keep table order, or with `longest_first` go longest first.
fn by_first(table: &[(&'static str, &'static str)], longest_first: bool) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for &(w, v) in table {
        let Some(c) = w.chars().next() else { continue };
        match groups.iter_mut().find(|g| g.0 == c) {
            Some(g) => g.1.push((w, v)),
            None => groups.push((c, vec![(w, v)])),
        }
    }
    if longest_first {
        for g in &mut groups {
            g.1.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
    }
    groups.sort_by_key(|g| g.0);
    groups
}

/// The first entry of `groups` that `text[start..]` begins with as a word, and its end.
fn entry_at(
    groups: &[Group],
    text: &str,
    start: usize,
) -> Option<(&'static str, &'static str, usize)> {
    let c = char_at(text, start)?;
    let k = groups.binary_search_by_key(&c, |g| g.0).ok()?;
    groups[k]
        .1
        .iter()
        .find_map(|&(w, v)| starts_with_word(text, start, w).map(|end| (w, v, end)))
}

/// Currency subunits after the number: a hundredth of the currency (`64 cents` is USD 0.64).
pub(crate) const SUBUNIT_AFTER: &[(&str, &str)] = &[
    ("HK cents", "HKD"),
    ("US cents", "USD"),
    ("euro cents", "EUR"),
    ("cents", "USD"),
    ("cent", "USD"),
    ("pence", "GBP"),
    ("美分", "USD"),
    ("欧分", "EUR"),
    ("歐分", "EUR"),
];

/// Currency words after the number in English; matched as whole words.
pub(crate) const CURRENCY_AFTER_EN: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("USD", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("yen", "JPY"),
    ("JPY", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("ringgit", "MYR"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    // Currencies named in words after the figure (`11 million Swedish kronor`, `500 pounds`,
    // `2 billion won`), the adjective of the country before the longer names.
    ("Swedish kronor", "SEK"),
    ("Swedish krona", "SEK"),
    ("Norwegian kroner", "NOK"),
    ("Danish kroner", "DKK"),
    ("Swiss francs", "CHF"),
    ("Swiss franc", "CHF"),
    ("Canadian dollars", "CAD"),
    ("Australian dollars", "AUD"),
    ("New Zealand dollars", "NZD"),
    ("Hong Kong dollars", "HKD"),
    ("Singapore dollars", "SGD"),
    ("Taiwan dollars", "TWD"),
    ("US dollars", "USD"),
    ("NT dollars", "TWD"),
    ("New Taiwan dollars", "TWD"),
    ("Macau patacas", "MOP"),
    ("patacas", "MOP"),
    ("pataca", "MOP"),
    ("renminbi", "CNY"),
    ("Japanese yen", "JPY"),
    ("Korean won", "KRW"),
    ("South Korean won", "KRW"),
    ("Indian rupees", "INR"),
    ("Mexican pesos", "MXN"),
    ("Philippine pesos", "PHP"),
    ("Brazilian reais", "BRL"),
    ("Turkish lira", "TRY"),
    ("South African rand", "ZAR"),
    ("Malaysian ringgit", "MYR"),
    ("Thai baht", "THB"),
    ("Vietnamese dong", "VND"),
    ("Indonesian rupiah", "IDR"),
    ("Russian roubles", "RUB"),
    ("Russian rubles", "RUB"),
    ("Saudi riyals", "SAR"),
    ("UAE dirhams", "AED"),
    ("Kenyan shillings", "KES"),
    ("Nigerian naira", "NGN"),
    ("kronor", "SEK"),
    ("kroner", "NOK"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("pesos", "MXN"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("baht", "THB"),
    ("dong", "VND"),
    ("rupiah", "IDR"),
    ("lira", "TRY"),
    ("naira", "NGN"),
    ("shekels", "ILS"),
    ("zloty", "PLN"),
    ("forints", "HUF"),
    ("dirhams", "AED"),
    ("dirham", "AED"),
    ("riyals", "SAR"),
    ("shillings", "KES"),
    ("francs", "CHF"),
];

/// Chinese units of measure and time, with the normalised unit. Entries that begin with a
/// scale character (`千米`) come before the scale words are tried.
pub(crate) const UNIT_ZH: &[(&str, &str)] = &[
    ("平方公里", "km2"),
    ("平方米", "m2"),
    ("平方毫米", "mm2"),
    ("平方厘米", "cm2"),
    ("平方千米", "km2"),
    ("平方英尺", "ft2"),
    ("立方米", "m3"),
    ("立方千米", "km3"),
    ("立方厘米", "cm3"),
    ("立方英尺", "ft3"),
    ("千瓦时", "kWh"),
    ("千瓦時", "kWh"),
    ("兆瓦时", "MWh"),
    ("兆瓦時", "MWh"),
    ("太瓦时", "TWh"),
    ("太瓦時", "TWh"),
    ("个小时", "h"),
    ("個小時", "h"),
    ("个星期", "week"),
    ("個星期", "week"),
    ("个月", "month"),
    ("個月", "month"),
    ("个季度", "quarter"),
    ("個季度", "quarter"),
    ("毫安时", "mAh"),
    ("毫安時", "mAh"),
    ("毫秒", "ms"),
    ("微秒", "μs"),
    ("纳秒", "ns"),
    ("納秒", "ns"),
    ("纳米", "nm"),
    ("納米", "nm"),
    // Taiwan's names of the units: `3奈米製程`, `6.7吋`, `公秉` (a kilolitre).
    ("奈米", "nm"),
    ("奈秒", "ns"),
    ("公秉", "kL"),
    ("英哩", "mi"),
    ("海浬", "nmi"),
    ("吋", "in"),
    ("呎", "ft"),
    ("微米", "μm"),
    ("毫克", "mg"),
    ("微克", "μg"),
    ("纳克", "ng"),
    ("納克", "ng"),
    ("尼特", "nit"),
    ("瓦时", "Wh"),
    ("瓦時", "Wh"),
    ("吉瓦时", "GWh"),
    ("吉瓦時", "GWh"),
    ("千米", "km"),
    ("千卡", "kcal"),
    ("千克", "kg"),
    ("千瓦", "kW"),
    ("兆瓦", "MW"),
    ("吉瓦", "GW"),
    ("公里", "km"),
    ("公斤", "kg"),
    // The metric ton as Taiwan and Hong Kong write it.
    ("公噸", "t"),
    ("公吨", "t"),
    ("公克", "g"),
    ("公升", "l"),
    ("公顷", "ha"),
    ("公頃", "ha"),
    ("平方公尺", "m2"),
    ("立方公尺", "m3"),
    ("公尺", "m"),
    ("公分", "cm"),
    ("瓩", "kW"),
    ("瓦", "W"),
    ("坪", "ping"),
    ("厘米", "cm"),
    ("毫米", "mm"),
    ("毫升", "ml"),
    ("英里", "mi"),
    ("英尺", "ft"),
    ("英寸", "in"),
    ("英亩", "acre"),
    ("英畝", "acre"),
    ("海里", "nmi"),
    ("加仑", "gal"),
    ("加侖", "gal"),
    ("盎司", "oz"),
    ("蒲式耳", "bu"),
    ("马力", "hp"),
    ("馬力", "hp"),
    ("分贝", "dB"),
    ("分貝", "dB"),
    ("赫兹", "Hz"),
    ("赫茲", "Hz"),
    ("兆赫", "MHz"),
    ("焦耳", "J"),
    // Air pressure.
    ("百帕", "hPa"),
    ("千帕", "kPa"),
    ("兆帕", "MPa"),
    // Ships are counted by their tonnage: deadweight, compensated gross and gross tonnes.
    ("载重吨", "dwt"),
    ("載重噸", "dwt"),
    ("修正总吨", "CGT"),
    ("修正總噸", "CGT"),
    ("总吨", "GT"),
    ("總噸", "GT"),
    // Freight and passenger work: tonne-kilometres, passenger-kilometres.
    ("吨公里", "tkm"),
    ("噸公里", "tkm"),
    ("人公里", "pkm"),
    ("客公里", "pkm"),
    // Barrels of oil, and the dan (50 kg) of farm prices.
    ("桶", "bbl"),
    // `4.27万治疗量`: the therapeutic dose in which platelets are collected.
    ("治疗量", "治疗量"),
    ("治療量", "治療量"),
    ("担", "dan"),
    ("擔", "dan"),
    ("克拉", "ct"),
    // Area and volume written as one sign (`㎡`).
    ("㎡", "m2"),
    ("㎢", "km2"),
    ("㎥", "m3"),
    ("㎞", "km"),
    ("㎏", "kg"),
    ("㎜", "mm"),
    ("㎝", "cm"),
    ("小时", "h"),
    ("小時", "h"),
    ("分钟", "min"),
    ("分鐘", "min"),
    ("星期", "week"),
    ("摄氏度", "°C"),
    ("攝氏度", "°C"),
    ("℃", "°C"),
    ("°C", "°C"),
    ("°F", "°F"),
    ("吨", "t"),
    ("噸", "t"),
    // `14130亿斤`: the jin, half a kilogram, in which grain harvests are reported.
    ("斤", "jin"),
    ("克", "g"),
    ("米", "m"),
    ("升", "l"),
    // `60周岁`: full years of age.
    ("周岁", "year"),
    ("周歲", "year"),
    ("週歲", "year"),
    // Nights of a stay (`人均停留2.3晚`; not `晚上`, `晚间`: see `context::unit`).
    ("晚", "night"),
    // `平均停留6.4夜`, `三天兩夜`: nights, as Taiwan's statistics write them.
    ("夜", "night"),
    ("年", "year"),
    ("岁", "year"),
    ("歲", "year"),
    ("天", "day"),
    ("周", "week"),
    ("週", "week"),
    ("秒", "s"),
    ("亩", "mu"),
    ("度", "°"),
];

/// Chinese counters (量词): a number before one of these counts things.
pub(crate) const COUNTERS: &[char] = &[
    '个', '人', '名', '场', '家', '项', '次', '位', '篇', '款', '种', '件', '台', '辆', '所', '座',
    '条', '只', '颗', '张', '份', '部', '本', '支', '架', '起', '例', '股', '户', '艘', '枚', '套',
    '组', '批', '轮', '届', '门', '封', '首', '句', '页', '票', '间', '层', '栋', '片', '笔', '期',
    '集', '类', '对', '双', '群', '队', '处', '国', '代', '款', '卷', '册', '根', '头', '匹', '棵',
    // Seats in a legislature (`113席`), orders (`10万单`).
    '席',
    '单', // Trains (`1.3万列`), flights and services (`1.7万班`, `班次`), trips, cases,
    // plants, fish, doses, grains, beds, lamps, wells and mouths, boxes and bottles.
    '列', '班', '趟', '宗', '株', '尾', '剂', '粒', '床', '盏', '口', '箱', '瓶', '针', '节', '幅',
    '杯', // Provinces, counties, towns and villages (`3省（区）`), buildings, packs and
    // poultry (`1.2亿羽`).
    '省', '县', '縣', '镇', '鎮', '村', '幢', '盒', '袋', '罐', '羽',
    // Tents of a relief effort (`搭建帐篷1.2万余顶`); carloads of rail freight (`日均装车18.1万车`).
    '顶', '頂', '车', '車', // Districts of a city (`全市共有12區`).
    '区', '區',
    // Innings, sets and games of a match (`主投4局`), games played, won and lost
    // (`27战24胜`).
    '局', '战', '戰', '胜', '勝', '负',
    '負', // Traditional forms of the counters above that differ.
    '個', '場', '項', '輛', '隻', '顆', '張', '臺', '條', '組', '輪', '屆', '門', '層', '間', '筆',
    '類', '對', '雙', '隊', '處', '國', '冊', '頭', '種', '艘', '戶', '棟', '枚', '單', '劑', '盞',
    '針', '節',
];

/// Words that open with a counter character but are no counter after a number (`3单元` is
/// an address, `5单位` a unit of something else): the second character of each, by counter.
pub(crate) fn counter_word(counter: char, next: Option<char>) -> bool {
    matches!(
        (counter, next),
        // `两位数增长`: a number of digits (double-digit), not two persons.
        ('位', Some('数' | '數'))
            // `3局长`: officials, not games.
            | ('局', Some('长' | '長' | '面' | '势' | '勢' | '部'))
            // `顶级`, `顶尖`: top, not tents.
            | (
                '顶' | '頂',
                Some('级' | '級' | '端' | '尖' | '层' | '層' | '部' | '点' | '點' | '住' | '峰' | '格')
            )
            // `3比1战胜`, `战平`, `战败`: the verbs of a match, not games played.
            | (
                '战' | '戰',
                Some(
                    '略' | '术' | '術' | '争' | '爭' | '役' | '区' | '區' | '胜' | '勝' | '平'
                        | '败' | '敗' | '斗' | '鬥' | '绩' | '績' | '机' | '機' | '士' | '线'
                        | '線' | '场' | '場' | '队' | '隊' | '友' | '火' | '报' | '報'
                )
            )
            | ('胜' | '勝', Some('利' | '率' | '任' | '出'))
            // `3区间`, `5区域`: words of areas, not districts.
            | (
                '区' | '區',
                Some('间' | '間' | '域' | '块' | '塊' | '长' | '長' | '位' | '划' | '劃' | '别' | '別')
            )
            // `5万车主`, `3车道`, `新能源车企`: words of cars, not carloads.
            | (
                '车' | '車',
                Some(
                    '主' | '型' | '企' | '市' | '险' | '險' | '展' | '厂' | '廠' | '站' | '道'
                        | '速' | '身' | '票' | '费' | '費' | '窗' | '门' | '門' | '队' | '隊'
                        | '库' | '庫' | '牌' | '流' | '间' | '間' | '商' | '贷' | '貸' | '载'
                        | '載' | '联' | '聯' | '祸' | '禍' | '友' | '灯' | '燈' | '况' | '況'
                        | '程' | '款' | '系' | '顶' | '頂' | '轮' | '輪' | '手' | '模' | '用'
                        | '规' | '規' | '标' | '標' | '价' | '價' | '厢' | '廂' | '头' | '頭'
                        | '尾' | '内' | '內' | '外' | '上' | '下' | '后' | '後' | '前' | '辆'
                        | '輛'
                )
            )
            | ('负' | '負', Some('债' | '債' | '责' | '責' | '担' | '擔' | '值' | '面' | '荷'))
            | (
                '单' | '單',
                Some(
                    '位' | '元'
                        | '价'
                        | '價'
                        | '独'
                        | '獨'
                        | '日'
                        | '月'
                        | '季'
                        | '品'
                        | '车'
                        | '車'
                        | '身'
                        | '项'
                        | '項'
                )
            )
    )
}

/// Nouns of more than one character that name what a number counts when no counter stands
/// between (`760万标准机架`, `3亿用户`): the noun and the unit it is counted in.
pub(crate) const COUNTED_ZH: &[(&str, &str)] = &[
    ("标准机架", "标准机架"),
    ("標準機架", "標準機架"),
    ("机架", "机架"),
    ("機架", "機架"),
    ("标准箱", "标准箱"),
    ("標準箱", "標準箱"),
    ("标箱", "标箱"),
    ("標箱", "標箱"),
    ("用户", "用户"),
    ("用戶", "用戶"),
    ("网民", "网民"),
    ("網民", "網民"),
    ("居民", "居民"),
    ("游客", "游客"),
    ("遊客", "遊客"),
    ("旅客", "旅客"),
    ("员工", "员工"),
    ("員工", "員工"),
    ("学生", "学生"),
    ("學生", "學生"),
    ("患者", "患者"),
    ("车辆", "车辆"),
    ("車輛", "車輛"),
    ("终端", "终端"),
    ("終端", "終端"),
    ("设备", "设备"),
    ("設備", "設備"),
    // `6710亿参数`: the parameters of a model.
    ("参数", "参数"),
    ("參數", "參數"),
    ("人口", "人口"),
    ("家庭", "家庭"),
    ("企业", "企业"),
    ("企業", "企業"),
    ("会员", "会员"),
    ("會員", "會員"),
    ("观众", "观众"),
    ("觀眾", "觀眾"),
    ("乘客", "乘客"),
    ("岗位", "岗位"),
    ("崗位", "崗位"),
    // Medals.
    ("金牌", "金牌"),
    ("银牌", "银牌"),
    ("銀牌", "銀牌"),
    ("铜牌", "铜牌"),
    ("銅牌", "銅牌"),
    // Trips of a train, sailings of a ship, flights.
    ("车次", "车次"),
    ("車次", "車次"),
    ("航次", "航次"),
    ("航班", "航班"),
    ("船次", "船次"),
    ("床位", "床位"),
    ("病床", "病床"),
    ("选民", "选民"),
    ("選民", "選民"),
    ("职工", "职工"),
    ("職工", "職工"),
    ("农户", "农户"),
    ("農戶", "農戶"),
    ("粉丝", "粉丝"),
    ("粉絲", "粉絲"),
    ("订单", "订单"),
    ("訂單", "訂單"),
    ("股东", "股东"),
    ("股東", "股東"),
    ("样本", "样本"),
    ("樣本", "樣本"),
    // Hotel nights sold, one room for one night.
    ("间夜", "间夜"),
    ("間夜", "間夜"),
    ("受访者", "受访者"),
    ("受訪者", "受訪者"),
];

/// Nouns that name a count of things, written before the figure (`观影人次为5,209万`,
/// `死亡人数为24`): the noun and the counter the figure counts in.
pub(crate) const COUNT_NOUNS_BEFORE: &[(&str, &str)] = &[
    ("人次", "人次"),
    // `常住人口2185万`, `户籍人口为1,400万`: a population counts people.
    ("人口", "人"),
    ("人数", "人"),
    ("人數", "人"),
    ("架次", "架次"),
    ("车次", "车次"),
    ("車次", "車次"),
    ("班次", "班次"),
    ("场次", "场"),
    ("場次", "場"),
    ("户数", "户"),
    ("戶數", "戶"),
    ("家数", "家"),
    ("家數", "家"),
    ("件数", "件"),
    ("件數", "件"),
    ("宗数", "宗"),
    ("宗數", "宗"),
    ("例数", "例"),
    ("例數", "例"),
    ("艘次", "艘次"),
    ("辆次", "辆次"),
    ("輛次", "輛次"),
];

/// Linking words between a noun of `COUNT_NOUNS_BEFORE` and its figure.
const COUNT_LINKS: &[&str] = &[
    "达到", "達到", "累计", "累計", "合计", "合計", "共计", "共計", "为", "為", "达", "達", "是",
    "共", "：", ":",
];

/// The counter of the noun of `COUNT_NOUNS_BEFORE` that ends at `k` (spaces and one linking
/// word between).
pub(crate) fn count_noun_before(text: &str, k: usize) -> Option<&'static str> {
    let mut k = skip_space_back(text, k);
    // Every noun of the table and every link is Chinese or a colon: one byte turns most
    // figures away.
    if k == 0 || text.as_bytes()[k - 1] < 0x80 && text.as_bytes()[k - 1] != b':' {
        return None;
    }
    if let Some(st) = COUNT_LINKS.iter().find_map(|w| ends_with_word(text, k, w)) {
        k = skip_space_back(text, st);
    }
    COUNT_NOUNS_BEFORE
        .iter()
        .find_map(|&(w, u)| ends_with_word(text, k, w).map(|_| u))
}

/// Basis points written in Chinese (`50个基点`, `25 個基點`, `10基点`): hundredths of a
/// percentage point.
pub(crate) const BASIS_POINTS_ZH: &[(&str, ())] = &[
    ("个基点", ()),
    ("個基點", ()),
    ("个基點", ()),
    ("基点", ()),
    ("基點", ()),
];

/// `c` as a string when it is one of the `COUNTERS` (a binary search in a sorted copy: the
/// lookup runs after every number followed by a Chinese character). The string lives as
/// long as the program, so a mention's unit borrows it instead of allocating.
pub(crate) fn counter(c: char) -> Option<&'static str> {
    static SORTED: LazyLock<Vec<(char, String)>> = LazyLock::new(|| {
        let mut v: Vec<(char, String)> = COUNTERS.iter().map(|&c| (c, c.to_string())).collect();
        v.sort_unstable();
        v
    });
    let sorted: &'static [(char, String)] = &SORTED;
    let k = sorted.binary_search_by_key(&c, |(c, _)| *c).ok()?;
    Some(sorted[k].1.as_str())
}

/// English units, matched as whole words after the number, with the normalised unit.
pub(crate) const UNIT_EN: &[(&str, &str)] = &[
    // Bushels of grain, gallons of fuel, ounces of gold: quantities in that unit, not
    // things counted.
    // Blood pressure and laboratory values.
    ("mmHg", "mmHg"),
    ("mmol/L", "mmol/L"),
    ("mmol/l", "mmol/L"),
    ("mg/dL", "mg/dL"),
    ("mg/dl", "mg/dL"),
    // Oil by the barrel a day.
    ("b/d", "bbl/d"),
    ("bpd", "bbl/d"),
    ("mb/d", "mb/d"),
    ("kb/d", "kb/d"),
    // Air pressure in a weather report: millibars (`954 mb`) and hectopascals.
    ("millibars", "mbar"),
    ("millibar", "mbar"),
    ("mbar", "mbar"),
    ("mb", "mbar"),
    ("hectopascals", "hPa"),
    ("hPa", "hPa"),
    ("kph", "km/h"),
    ("knot", "kn"),
    // The magnitude of an earthquake (`a 7.8-magnitude quake`).
    ("magnitude", "M"),
    ("oz", "oz"),
    ("carat", "ct"),
    ("bushels", "bu"),
    ("bushel", "bu"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("troy ounces", "oz"),
    ("ounces", "oz"),
    ("ounce", "oz"),
    ("barrel", "bbl"),
    ("cubic feet", "ft3"),
    ("kilowatt-hours", "kWh"),
    ("kilowatt hours", "kWh"),
    ("megawatt-hours", "MWh"),
    ("megawatt hours", "MWh"),
    ("gigawatt-hours", "GWh"),
    ("gigawatt hours", "GWh"),
    ("terawatt-hours", "TWh"),
    ("terawatt hours", "TWh"),
    // SI prefixes spelled out (`upwards of 480 megatonnes`, `2,300 gigalitres`, `1.2
    // petajoules`): the unit as its symbol.
    ("megatonnes", "Mt"),
    ("megatonne", "Mt"),
    ("megatons", "Mt"),
    ("kilotonnes", "kt"),
    ("kilotonne", "kt"),
    ("kilotons", "kt"),
    ("gigatonnes", "Gt"),
    ("gigatonne", "Gt"),
    ("gigatons", "Gt"),
    ("megalitres", "ML"),
    ("megaliters", "ML"),
    ("gigalitres", "GL"),
    ("gigaliters", "GL"),
    ("kilolitres", "kL"),
    ("kiloliters", "kL"),
    ("petajoules", "PJ"),
    ("terajoules", "TJ"),
    ("gigajoules", "GJ"),
    ("megajoules", "MJ"),
    ("kilojoules", "kJ"),
    ("terawatts", "TW"),
    ("megawatt", "MW"),
    ("gigawatt", "GW"),
    ("kilowatt", "kW"),
    ("kilobytes", "kB"),
    ("petabytes", "PB"),
    ("exabytes", "EB"),
    ("megahertz", "MHz"),
    ("gigahertz", "GHz"),
    ("kilovolts", "kV"),
    // `an 800-volt system`, `230 volts`.
    ("volts", "V"),
    ("volt", "V"),
    ("kilopascals", "kPa"),
    ("nanometres", "nm"),
    ("nanometers", "nm"),
    ("micrometres", "μm"),
    ("micrometers", "μm"),
    ("milligrams", "mg"),
    ("micrograms", "μg"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("kilogram", "kg"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("litre", "l"),
    ("liter", "l"),
    ("hectare", "ha"),
    ("acre", "acre"),
    ("metre", "m"),
    ("meter", "m"),
    ("nautical miles", "nmi"),
    ("knots", "kn"),
    ("mph", "mph"),
    ("carats", "ct"),
    ("calories", "kcal"),
    ("kilocalories", "kcal"),
    ("decibels", "dB"),
    ("megabytes", "MB"),
    ("gigabytes", "GB"),
    ("terabytes", "TB"),
    ("dwt", "dwt"),
    ("centuries", "century"),
    ("century", "century"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("t", "t"),
    ("kilograms", "kg"),
    ("grams", "g"),
    ("gram", "g"),
    ("inches", "in"),
    ("inch", "in"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("litres", "l"),
    ("liters", "l"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("hectares", "ha"),
    ("acres", "acre"),
    ("barrels", "bbl"),
    ("watts", "W"),
    ("kilowatts", "kW"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("mile", "mi"),
    ("kg", "kg"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("km", "km"),
    ("miles", "mi"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("metres", "m"),
    ("meters", "m"),
    ("degrees Celsius", "°C"),
    ("degrees Fahrenheit", "°F"),
    ("degrees", "°"),
    ("parts per million", "ppm"),
    ("parts per billion", "ppb"),
    ("ppm", "ppm"),
    ("ppb", "ppb"),
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square miles", "mi2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("square feet", "ft2"),
    ("sq km", "km2"),
    ("sq mi", "mi2"),
    ("sq ft", "ft2"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("years", "year"),
    ("year", "year"),
    ("months", "month"),
    ("month", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "h"),
    ("hour", "h"),
    ("minutes", "min"),
    ("minute", "min"),
    ("seconds", "s"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("GB", "GB"),
    ("TB", "TB"),
    ("MB", "MB"),
    ("GW", "GW"),
    ("MW", "MW"),
    ("kW", "kW"),
    ("kWh", "kWh"),
];

/// Units written with a sign outside ASCII (a superscript, a micro sign), glued or after a
/// space: `52 m³`, `6μg/m³`, `2.5 km²`. Longest first where one begins another.
pub(crate) const UNIT_SIGNS: &[(&str, &str)] = &[
    ("μg/m³", "μg/m3"),
    ("µg/m³", "μg/m3"),
    ("μg/m3", "μg/m3"),
    ("µg/m3", "μg/m3"),
    ("mg/m³", "mg/m3"),
    ("km²", "km2"),
    ("km³", "km3"),
    ("cm²", "cm2"),
    ("cm³", "cm3"),
    ("mm²", "mm2"),
    ("m²", "m2"),
    ("m³", "m3"),
    ("μg", "μg"),
    ("µg", "μg"),
    ("μm", "μm"),
    ("µm", "μm"),
    ("μs", "μs"),
    ("µs", "μs"),
    ("°C", "°C"),
    ("°F", "°F"),
];

/// The unit of `UNIT_SIGNS` at `j`, and its end. One byte turns most numbers away.
pub(crate) fn unit_sign_at(text: &str, j: usize) -> Option<(&'static str, usize)> {
    let b = text.as_bytes();
    if !matches!(b.get(j), Some(b'm' | b'k' | b'c' | 0xCE | 0xC2)) {
        return None;
    }
    // The ASCII-led ones need their sign right after the letters.
    if b[j].is_ascii() && !b[j..].iter().take(6).any(|&c| c >= 0x80) {
        return None;
    }
    match_after(text, j, UNIT_SIGNS).map(|(_, u, e)| (u, e))
}

/// Latin words after digits that count boxes rather than measure: a TEU (twenty-foot
/// equivalent unit) is one standard container, counted like `标准箱` and `标箱`, whatever
/// the script (`24000TEU`, `2,856万TEU`, `1.8 million TEUs`).
pub(crate) const COUNTED_LATIN: &[(&str, &str)] = &[
    ("TEUs", "TEU"),
    ("TEU", "TEU"),
    ("FEUs", "FEU"),
    ("FEU", "FEU"),
];

/// The counter `word` is when it is one of `COUNTED_LATIN`.
pub(crate) fn counted_latin(word: &str) -> Option<&'static str> {
    COUNTED_LATIN
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, u)| u)
}

/// Units written in Latin letters after digits (`5km`, `12.3TWh`, `350EFLOPS`, `100 Mbps`):
/// each base unit with the prefixes it takes. The table is the product, so `TWh` and `mAh`
/// need no entry of their own.
const UNIT_BASES: &[(&str, &[&str])] = &[
    // power, energy, electricity
    ("W", &["", "k", "M", "G", "T", "P", "m"]),
    ("Wh", &["", "k", "K", "M", "G", "T", "P", "m"]),
    ("J", &["", "k", "M", "G", "T", "P", "E"]),
    ("V", &["", "k", "m"]),
    ("A", &["k", "m"]),
    ("Ah", &["", "m", "k"]),
    ("Hz", &["", "k", "K", "M", "G", "T"]),
    ("VA", &["k", "M"]),
    // data
    (
        "B",
        &[
            "k", "K", "M", "G", "T", "P", "E", "Z", "Ki", "Mi", "Gi", "Ti", "Pi",
        ],
    ),
    ("bit", &["", "k", "K", "M", "G", "T"]),
    ("bps", &["", "k", "K", "M", "G", "T"]),
    ("Bps", &["K", "M", "G", "T"]),
    ("b", &["K", "M", "G", "T"]),
    // computing
    ("FLOPS", &["", "k", "M", "G", "T", "P", "E", "Z"]),
    ("FLOPs", &["", "k", "M", "G", "T", "P", "E", "Z"]),
    ("FLOP", &["", "k", "M", "G", "T", "P", "E", "Z"]),
    ("OPS", &["", "M", "G", "T", "P"]),
    // length, mass, time, volume, pressure
    ("m", &["", "k", "c", "m", "μ", "u", "n"]),
    ("g", &["", "k", "m", "μ"]),
    ("t", &["", "k", "M", "G"]),
    ("s", &["", "m", "μ", "n"]),
    ("h", &[""]),
    ("L", &["", "m", "d", "k", "M", "G"]),
    // Troy ounces of gold and silver (`412koz`, `1.75Moz`, `US$1,312/oz`).
    ("oz", &["", "k", "M"]),
    ("l", &["m"]),
    ("Pa", &["", "h", "k", "M", "G"]),
    // Millibars of air pressure (`954 mb`, `1013 mbar`); `mb/d` (oil) is in `UNIT_EN` first.
    ("bar", &["", "m"]),
    // Solar modules by peak watts, heat, doses, sound, shipping and crude oil.
    ("Wp", &["", "k", "M", "G"]),
    ("cal", &["k"]),
    ("IU", &[""]),
    ("dB", &[""]),
    ("dwt", &[""]),
    ("CGT", &[""]),
    ("bbl", &[""]),
    ("ha", &[""]),
    ("mph", &[""]),
    ("Hg", &["mm"]),
];

/// The unit `word` names when it is one of `UNIT_BASES` with a prefix it takes: the word
/// itself as the program's own string (a mention borrows it instead of allocating).
pub(crate) fn latin_unit(word: &str) -> Option<&'static str> {
    static ALL: LazyLock<Vec<String>> = LazyLock::new(|| {
        let mut v: Vec<String> = UNIT_BASES
            .iter()
            .flat_map(|(base, prefixes)| prefixes.iter().map(move |p| format!("{p}{base}")))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let all: &'static [String] = &ALL;
    let k = all.binary_search_by(|u| u.as_str().cmp(word)).ok()?;
    Some(all[k].as_str())
}

/// Words after a number that make it a percentage or a number of points.
pub(crate) const PERCENT_AFTER: &[(&str, Kind)] = &[
    ("个百分点", Kind::Points),
    ("個百分點", Kind::Points),
    ("百分点", Kind::Points),
    ("百分點", Kind::Points),
    ("%", Kind::Percent),
    ("％", Kind::Percent),
];

/// Hedges written before the number. English entries are matched as whole words and without
/// regard to case.
pub(crate) const HEDGE_BEFORE: &[(&str, Hedge)] = &[
    ("approximately", Hedge::Approximately),
    // `as many as 30` states the most there were: at most, like `up to` (design.md §2).
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("upwards of", Hedge::Over),
    ("upward of", Hedge::Over),
    ("in excess of", Hedge::Over),
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("no more than", Hedge::AtMost),
    // `a minimum of eight years`, `a maximum of 45 days`.
    ("a minimum of", Hedge::AtLeast),
    ("a maximum of", Hedge::AtMost),
    // `not more than 2%`, `not less than 60 days`: the limits of a rule or a contract.
    ("not more than", Hedge::AtMost),
    ("not less than", Hedge::AtLeast),
    ("not exceeding", Hedge::AtMost),
    ("more than", Hedge::Over),
    // `waiting longer than 18 weeks`.
    ("longer than", Hedge::Over),
    ("fewer than", Hedge::Under),
    ("less than", Hedge::Under),
    ("exceeding", Hedge::Over),
    ("at least", Hedge::AtLeast),
    ("close to", Hedge::Nearly),
    // `just shy of 5%`: short of the figure, nearly.
    ("shy of", Hedge::Nearly),
    // `in the region of 3,000`, `on the order of $2bn`: about.
    ("in the region of", Hedge::Approximately),
    ("on the order of", Hedge::Approximately),
    // `within two years`, `within 5 km`: no more than, like `以内`.
    ("within", Hedge::AtMost),
    ("roughly", Hedge::Approximately),
    ("around", Hedge::Approximately),
    ("nearly", Hedge::Nearly),
    // `humidity near 60%`: read like `close to`.
    ("near", Hedge::Nearly),
    // Issue 8 reads `nearing` as about: it says where a figure stands, not that it stops
    // short.
    ("nearing", Hedge::Approximately),
    ("surpassed", Hedge::Over),
    ("exceeded", Hedge::Over),
    ("passed", Hedge::Over),
    // The verbs in the present too (`to pass 100% of GDP`).
    ("surpasses", Hedge::Over),
    ("surpass", Hedge::Over),
    ("exceeds", Hedge::Over),
    ("exceed", Hedge::Over),
    ("passes", Hedge::Over),
    ("pass", Hedge::Over),
    ("topped", Hedge::Over),
    ("almost", Hedge::Nearly),
    ("at most", Hedge::AtMost),
    ("about", Hedge::Approximately),
    ("circa", Hedge::Approximately),
    ("c.", Hedge::Approximately),
    ("above", Hedge::Over),
    ("below", Hedge::Under),
    ("under", Hedge::Under),
    ("up to", Hedge::AtMost),
    ("some", Hedge::Approximately),
    ("over", Hedge::Over),
    ("不少于", Hedge::AtLeast),
    ("不少於", Hedge::AtLeast),
    ("不低于", Hedge::AtLeast),
    ("不低於", Hedge::AtLeast),
    // `不得超過48小時`: must not exceed, at most (not the `超過` of over).
    ("不得超过", Hedge::AtMost),
    ("不得超過", Hedge::AtMost),
    ("不能超过", Hedge::AtMost),
    ("不能超過", Hedge::AtMost),
    ("不可超过", Hedge::AtMost),
    ("不可超過", Hedge::AtMost),
    ("不宜超过", Hedge::AtMost),
    ("不宜超過", Hedge::AtMost),
    ("不超过", Hedge::AtMost),
    ("不超過", Hedge::AtMost),
    ("最高达", Hedge::AtMost),
    ("最高達", Hedge::AtMost),
    ("多达", Hedge::AtMost),
    ("多達", Hedge::AtMost),
    ("突破了", Hedge::Over),
    ("突破", Hedge::Over),
    // Prices that break through a level: `涨破 100 美元` is over it, `跌破0.3元/W` under it.
    ("涨破", Hedge::Over),
    ("漲破", Hedge::Over),
    ("升破", Hedge::Over),
    ("跌破了", Hedge::Under),
    ("跌破", Hedge::Under),
    ("跌穿", Hedge::Under),
    ("大約", Hedge::Approximately),
    // `约合 7800 亿美元`: about, converted.
    ("約合", Hedge::Approximately),
    ("约合", Hedge::Approximately),
    ("將近", Hedge::Nearly),
    ("幾乎", Hedge::Nearly),
    ("超過", Hedge::Over),
    ("多於", Hedge::Over),
    ("高於", Hedge::Over),
    ("低於", Hedge::Under),
    ("少於", Hedge::Under),
    ("約", Hedge::Approximately),
    ("大约", Hedge::Approximately),
    ("大概", Hedge::Approximately),
    ("大致", Hedge::Approximately),
    ("将近", Hedge::Nearly),
    ("接近", Hedge::Nearly),
    ("几乎", Hedge::Nearly),
    ("近乎", Hedge::Nearly),
    ("超过", Hedge::Over),
    ("超", Hedge::Over),
    ("多于", Hedge::Over),
    ("高于", Hedge::Over),
    ("至少", Hedge::AtLeast),
    ("不到", Hedge::Under),
    ("不足", Hedge::Under),
    // `未滿2歲`, `未满18周岁`, `未达3%`: not yet reached, under.
    ("未满", Hedge::Under),
    ("未滿", Hedge::Under),
    ("未达", Hedge::Under),
    ("未達", Hedge::Under),
    ("低于", Hedge::Under),
    ("少于", Hedge::Under),
    ("至多", Hedge::AtMost),
    ("最多", Hedge::AtMost),
    // `最长5年`, `最長可延至3年`: the longest term allowed, at most; `最短`, `最少` the least.
    ("最长", Hedge::AtMost),
    ("最長", Hedge::AtMost),
    ("最短", Hedge::AtLeast),
    ("最少", Hedge::AtLeast),
    ("约", Hedge::Approximately),
    ("近", Hedge::Nearly),
    ("逾", Hedge::Over),
    ("~", Hedge::Approximately),
    ("≈", Hedge::Approximately),
    // `P<0.001`, `≥ 65`: comparison signs.
    ("<=", Hedge::AtMost),
    (">=", Hedge::AtLeast),
    ("≤", Hedge::AtMost),
    ("≥", Hedge::AtLeast),
    ("<", Hedge::Under),
    (">", Hedge::Over),
    ("～", Hedge::Approximately),
];

/// `HEDGE_BEFORE` split by the last byte of each word (ASCII lowercased), in table order
/// within each part: a lookup behind a number reads only the words that can end there.
pub(crate) static HEDGE_BEFORE_BY_LAST: LazyLock<Vec<Vec<(&'static str, Hedge)>>> =
    LazyLock::new(|| {
        let mut parts = vec![Vec::new(); 256];
        for &(w, h) in HEDGE_BEFORE {
            if let Some(&b) = w.as_bytes().last() {
                parts[usize::from(b.to_ascii_lowercase())].push((w, h));
            }
        }
        parts
    });

/// Hedges written after the number (and its unit).
pub(crate) const HEDGE_AFTER: &[(&str, Hedge)] = &[
    ("左右", Hedge::Approximately),
    ("上下", Hedge::Approximately),
    // `60岁及以上`, `28度或以上`: that figure and beyond, closed at the figure.
    ("及以上", Hedge::AtLeast),
    ("或以上", Hedge::AtLeast),
    ("及以下", Hedge::AtMost),
    ("或以下", Hedge::AtMost),
    ("以上", Hedge::Over),
    ("以下", Hedge::Under),
    // `升至1.82万亿元上方`: above a level, as a market report says it.
    ("上方", Hedge::Over),
    ("下方", Hedge::Under),
    ("以内", Hedge::AtMost),
    ("以內", Hedge::AtMost),
    ("or more", Hedge::Over),
    // `a week or longer`, `two years or longer`.
    ("or longer", Hedge::Over),
    ("or over", Hedge::AtLeast),
    ("or fewer", Hedge::AtMost),
    ("or less", Hedge::AtMost),
    ("and older", Hedge::AtLeast),
    ("or older", Hedge::AtLeast),
    ("and over", Hedge::AtLeast),
    ("and above", Hedge::AtLeast),
    ("or above", Hedge::AtLeast),
    ("or so", Hedge::Approximately),
    // `aftershocks of magnitude 4.5 or greater`, `grade 3 or higher`.
    ("or greater", Hedge::AtLeast),
    ("or higher", Hedge::AtLeast),
    ("and higher", Hedge::AtLeast),
    ("or lower", Hedge::AtMost),
];

/// Hedges that may stand apart from their number in the same clause (`大约是…的 8.7 倍`),
/// and whether the word needs a verb right after it to do so (a lone `约` in `约束` is not a
/// hedge; `至少` scopes over the whole predicate whatever verb follows).
pub(crate) const HEDGE_DETACHED: &[(&str, Hedge, bool)] = &[
    ("不少于", Hedge::AtLeast, true),
    ("不少於", Hedge::AtLeast, true),
    ("不超过", Hedge::AtMost, true),
    ("不超過", Hedge::AtMost, true),
    ("大约", Hedge::Approximately, true),
    ("大約", Hedge::Approximately, true),
    ("幾乎", Hedge::Nearly, true),
    ("將近", Hedge::Nearly, true),
    ("約", Hedge::Approximately, true),
    ("大概", Hedge::Approximately, true),
    ("几乎", Hedge::Nearly, true),
    ("将近", Hedge::Nearly, true),
    ("接近", Hedge::Nearly, true),
    ("至少", Hedge::AtLeast, false),
    ("最多", Hedge::AtMost, false),
    // `每公頃最高補助8萬元`, `最高可获50万元`: the most paid, before a verb of paying.
    ("最高", Hedge::AtMost, true),
    ("至多", Hedge::AtMost, false),
    ("约", Hedge::Approximately, true),
];

/// Verbs and copulas through which a detached hedge reaches the quantity that completes the
/// predicate.
pub(crate) const PREDICATE_VERBS: &[&str] = &[
    "相当于",
    "相當於",
    "等于",
    "等於",
    "达到",
    "達到",
    "增長",
    "減少",
    "為",
    "佔",
    "達",
    "超过",
    "增加",
    "增长",
    "下降",
    "减少",
    "降低",
    "提高",
    "上升",
    "花费",
    "耗费",
    "消耗",
    "需要",
    // Verbs of paying and penalising after `最高` (`最高補助8萬元`, `最高罚款50万元`).
    "补助",
    "補助",
    "补贴",
    "補貼",
    "给付",
    "給付",
    "赔偿",
    "賠償",
    "罚款",
    "罰款",
    "奖励",
    "獎勵",
    // `約需1,565元`, `约每公升1.5元`, `约可节省`, `约共`: a verb, a modal or the word of a
    // rate between the hedge and its figure (`约束`, `约定` are words of their own, never
    // these).
    "需",
    "每",
    "可",
    "共",
    "合计",
    "合計",
    "折合",
    "排放",
    "释放",
    "占",
    "是",
    "为",
    "有",
    "达",
    "翻",
];

/// The byte length of the punctuation that ends a clause (`，。；：！？,;:!?` and line breaks)
/// starting at byte `i`, 0 when there is none: a detached hedge never reaches past it.
/// Byte-wise, without decoding characters: the text between mentions is searched for it
/// more than once.
#[inline]
pub(crate) fn clause_end_len(b: &[u8], i: usize) -> usize {
    match b[i] {
        b',' | b';' | b':' | b'!' | b'?' | b'\n' | b'\r' => 1,
        // `，` `；` `：` `！` `？` (U+FF0C, U+FF1B, U+FF1A, U+FF01, U+FF1F).
        0xEF if b.get(i + 1) == Some(&0xBC)
            && matches!(b.get(i + 2), Some(0x8C | 0x9B | 0x9A | 0x81 | 0x9F)) =>
        {
            3
        }
        // `。` (U+3002).
        0xE3 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82) => 3,
        _ => 0,
    }
}

/// Whether `text[a..b]` holds clause punctuation (false when the offsets cross).
pub(crate) fn has_clause_end(text: &str, a: usize, b: usize) -> bool {
    if text.get(a..b).is_none() {
        return false;
    }
    let bytes = text.as_bytes();
    (a..b).any(|i| {
        let n = clause_end_len(bytes, i);
        n > 0 && i + n <= b
    })
}

/// Whether `text[..end]` ends with `word` at a word boundary (for ASCII words: no letter
/// right before), comparing ASCII case-insensitively.
#[inline]
pub(crate) fn ends_with_word(text: &str, end: usize, word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let b = text.as_bytes();
    let start = end.checked_sub(w.len())?;
    let tail = b.get(start..end)?;
    // Tables hold ASCII words or CJK words, never both in one word.
    let matches = if w.first()?.is_ascii() {
        tail.eq_ignore_ascii_case(w)
    } else {
        // Most lookups fail on the last character; compare it before the rest.
        let (t, k) = (tail.len(), w.len());
        same_bytes(&tail[t - k.min(3)..], &w[k - k.min(3)..]) && tail == w
    };
    if !matches || !text.is_char_boundary(start) {
        return None;
    }
    if w[0].is_ascii_alphabetic() && start > 0 && b[start - 1].is_ascii_alphabetic() {
        return None;
    }
    Some(start)
}

/// Byte-wise equality of two short slices without a call to `memcmp`.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// Whether `text[start..]` begins with `word`, and for an alphabetic ASCII word, no letter
/// follows it. Returns the end.
#[inline]
pub(crate) fn starts_with_word(text: &str, start: usize, word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let b = text.as_bytes();
    let end = start + w.len();
    let head = b.get(start..end)?;
    // The first character decides almost every lookup; compare it before the rest.
    if !same_bytes(&head[..w.len().min(3)], &w[..w.len().min(3)]) || head != w {
        return None;
    }
    let last = w[w.len() - 1];
    if last.is_ascii_alphabetic() && b.get(end).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(end)
}

/// The first entry of `table` that `text[start..]` begins with (as a word).
pub(crate) fn match_after<T: Copy>(
    text: &str,
    start: usize,
    table: &[(&'static str, T)],
) -> Option<(&'static str, T, usize)> {
    // Every number looks up several tables after it; comparing the first byte alone turns
    // most entries away before the full comparison.
    let first = *text.as_bytes().get(start)?;
    table.iter().find_map(|&(w, v)| {
        if w.as_bytes().first() != Some(&first) {
            return None;
        }
        starts_with_word(text, start, w).map(|end| (w, v, end))
    })
}

/// Whether `word` may end right before a byte `last` of the text: its last byte, compared
/// ASCII case-insensitively as `ends_with_word` does. Lets a lookup behind a number skip most
/// entries of a table for one comparison each.
#[inline]
pub(crate) fn may_end_with(word: &str, last: u8) -> bool {
    word.as_bytes()
        .last()
        .is_some_and(|b| b.eq_ignore_ascii_case(&last))
}

/// Skips ASCII spaces and tabs (and non-breaking spaces) forward from `i`.
pub(crate) fn skip_space(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        match bytes.get(i) {
            Some(b' ' | b'\t') => i += 1,
            Some(0xC2) if bytes.get(i + 1) == Some(&0xA0) => i += 2,
            _ => return i,
        }
    }
}

/// Skips ASCII spaces and tabs backward from `i` (exclusive end).
pub(crate) fn skip_space_back(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i > 0 && matches!(bytes[i - 1], b' ' | b'\t') {
        i -= 1;
    }
    i
}

/// The character ending at byte `i`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character starting at byte `i`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The last characters (ASCII lowercased) of a table's words: a lookup behind an offset
/// first checks the character there against these, so most numbers skip the table. ASCII
/// characters are one bit each (most text before a number is ASCII or a space); the others
/// are a sorted list.
pub(crate) struct LastChars {
    ascii: u128,
    other: Vec<char>,
}

impl LastChars {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> LastChars {
        let mut ascii = 0u128;
        let mut other = Vec::new();
        for c in words.into_iter().filter_map(|w| w.chars().next_back()) {
            let c = c.to_ascii_lowercase();
            if c.is_ascii() {
                ascii |= 1 << (c as u32);
            } else {
                other.push(c);
            }
        }
        other.sort_unstable();
        other.dedup();
        LastChars { ascii, other }
    }

    /// Whether some word of the table may end right before byte `end`.
    pub fn may_end_at(&self, text: &str, end: usize) -> bool {
        let Some(&last) = end.checked_sub(1).and_then(|k| text.as_bytes().get(k)) else {
            return false;
        };
        if last.is_ascii() {
            return self.ascii & (1 << last.to_ascii_lowercase()) != 0;
        }
        char_before(text, end).is_some_and(|c| self.other.binary_search(&c).is_ok())
    }
}

/// The first characters of a table's words, the mirror of `LastChars` for lookups after an
/// offset (`match_after`, which compares bytes exactly, so no case folding here). Chinese
/// words share a handful of first bytes, so the first byte alone turns few entries away;
/// the first character turns the whole table away after most numbers.
pub(crate) struct FirstChars {
    ascii: u128,
    other: Vec<char>,
}

impl FirstChars {
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> FirstChars {
        let mut ascii = 0u128;
        let mut other = Vec::new();
        for c in words.into_iter().filter_map(|w| w.chars().next()) {
            if c.is_ascii() {
                ascii |= 1 << (c as u32);
            } else {
                other.push(c);
            }
        }
        other.sort_unstable();
        other.dedup();
        FirstChars { ascii, other }
    }

    /// Whether some word of the table may start at byte `start`.
    pub fn may_start_at(&self, text: &str, start: usize) -> bool {
        let Some(&first) = text.as_bytes().get(start) else {
            return false;
        };
        if first.is_ascii() {
            return self.ascii & (1 << first) != 0;
        }
        char_at(text, start).is_some_and(|c| self.other.binary_search(&c).is_ok())
    }
}

/// The first entry of `UNIT_ZH` that `text[start..]` begins with. The table is long and
/// looked up after most numbers followed by a Chinese character, so its entries are grouped
/// by first character (in table order within a group) and the group found by binary search.
pub(crate) fn unit_zh_at(text: &str, start: usize) -> Option<(&'static str, &'static str, usize)> {
    static BY_FIRST: LazyLock<Vec<Group>> = LazyLock::new(|| by_first(UNIT_ZH, false));
    entry_at(&BY_FIRST, text, start)
}

pub(crate) static CURRENCY_AFTER_FIRST: LazyLock<FirstChars> =
    LazyLock::new(|| FirstChars::of(CURRENCY_AFTER.iter().map(|e| e.0)));

/// Last characters of the currencies and hedges written before a number.
pub(crate) static BEFORE_NUMBER: LazyLock<LastChars> = LazyLock::new(|| {
    LastChars::of(
        CURRENCY_BEFORE
            .iter()
            .map(|e| e.0)
            .chain(HEDGE_BEFORE.iter().map(|e| e.0)),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    fn ends_clause(c: char) -> bool {
        matches!(
            c,
            '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '\n' | '\r'
        )
    }

    #[test]
    fn clause_punctuation_is_found_byte_wise() {
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let text = format!("{c}a");
            let n = clause_end_len(text.as_bytes(), 0);
            let expected = if ends_clause(c) { c.len_utf8() } else { 0 };
            assert_eq!(n, expected, "{c:?}");
            assert_eq!(
                has_clause_end(&text, 0, c.len_utf8()),
                ends_clause(c),
                "{c:?}"
            );
        }
        // Only whole characters inside the range count.
        assert!(!has_clause_end("a，", 0, 2));
        assert!(!has_clause_end("a，", 3, 1));
    }
}
