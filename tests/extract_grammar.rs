//! The number grammar, case by case: each input, the mention expected in it (its exact text),
//! kind, value, interval, unit and hedge. Tolerance r = 5% (the default).

use factlint::extract::{ExtractOptions, Kind, Mention, extract};

const INF: f64 = f64::INFINITY;
const A: f64 = 0.95; // low end of an approximate hedge
const B: f64 = 1.05; // high end

/// (input, mention text, kind, value, low, high, unit ("" for none), hedge ("" for none))
type Case = (
    &'static str,
    &'static str,
    &'static str,
    f64,
    f64,
    f64,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
fn cases() -> Vec<Case> {
    vec![
        // percent and points
        ("下降约 20%", "约 20%", "percent", 0.2, 0.195 * A, 0.205 * B, "%", "approximately"),
        ("占 19.7%。", "19.7%", "percent", 0.197, 0.1965, 0.1975, "%", ""),
        ("比例(20.0%)", "20.0%", "percent", 0.2, 0.1995, 0.2005, "%", ""),
        ("２０％的人", "２０％", "percent", 0.2, 0.195, 0.205, "%", ""),
        ("百分之二十的受访者", "百分之二十", "percent", 0.2, 0.195, 0.205, "%", ""),
        ("百分之五十", "百分之五十", "percent", 0.5, 0.495, 0.505, "%", ""),
        ("about 20 percent of them", "about 20 percent", "percent", 0.2, 0.195 * A, 0.205 * B, "%", "approximately"),
        ("20 per cent", "20 per cent", "percent", 0.2, 0.195, 0.205, "%", ""),
        ("稳定在 0.7% 左右。", "0.7% 左右", "percent", 0.007, 0.0065 * A, 0.0075 * B, "%", "approximately"),
        ("占的近 80%", "近 80%", "percent", 0.8, 0.795 * A, 0.805, "%", "nearly"),
        ("超过 50%", "超过 50%", "percent", 0.5, 0.5, INF, "%", "over"),
        ("不到 10%", "不到 10%", "percent", 0.1, -INF, 0.1, "%", "under"),
        ("至少 30%", "至少 30%", "percent", 0.3, 0.3, INF, "%", "at_least"),
        ("最多 40%", "最多 40%", "percent", 0.4, -INF, 0.4, "%", "at_most"),
        ("不超过 40%", "不超过 40%", "percent", 0.4, -INF, 0.4, "%", "at_most"),
        ("5%–10%", "5%–10%", "percent", 0.075, 0.045, 0.105, "%", "range"),
        ("增长 5-10%", "5-10%", "percent", 0.075, 0.045, 0.105, "%", "range"),
        ("上升 3 个百分点", "3 个百分点", "points", 0.03, 0.025, 0.035, "pp", ""),
        ("rose 0.2 percentage points", "0.2 percentage points", "points", 0.002, 0.0015, 0.0025, "pp", ""),
        ("近八成受访者", "近八成", "percent", 0.8, 0.75 * A, 0.85, "%", "nearly"),
        ("三成以上", "三成以上", "percent", 0.3, 0.3, INF, "%", "over"),
        ("42% 的受访者", "42%", "percent", 0.42, 0.415, 0.425, "%", ""),
        ("more than 60% of", "more than 60%", "percent", 0.6, 0.6, INF, "%", "over"),
        ("less than 5 percent", "less than 5 percent", "percent", 0.05, -INF, 0.05, "%", "under"),
        ("roughly 15%", "roughly 15%", "percent", 0.15, 0.145 * A, 0.155 * B, "%", "approximately"),
        ("nearly 90%", "nearly 90%", "percent", 0.9, 0.895 * A, 0.905, "%", "nearly"),
        ("around 7.5%", "around 7.5%", "percent", 0.075, 0.0745 * A, 0.0755 * B, "%", "approximately"),
        ("approximately 12%", "approximately 12%", "percent", 0.12, 0.115 * A, 0.125 * B, "%", "approximately"),
        ("almost 70%", "almost 70%", "percent", 0.7, 0.695 * A, 0.705, "%", "nearly"),
        ("~30%", "~30%", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("≈ 30%", "≈ 30%", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("30% 以下", "30% 以下", "percent", 0.3, -INF, 0.3, "%", "under"),
        ("大概 30%", "大概 30%", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("将近 30%", "将近 30%", "percent", 0.3, 0.295 * A, 0.305, "%", "nearly"),
        ("接近 30%", "接近 30%", "percent", 0.3, 0.295 * A, 0.305, "%", "nearly"),
        ("低于 30%", "低于 30%", "percent", 0.3, -INF, 0.3, "%", "under"),
        ("不足 30%", "不足 30%", "percent", 0.3, -INF, 0.3, "%", "under"),
        ("不少于 30%", "不少于 30%", "percent", 0.3, 0.3, INF, "%", "at_least"),
        ("at least 30%", "at least 30%", "percent", 0.3, 0.3, INF, "%", "at_least"),
        ("at most 30%", "at most 30%", "percent", 0.3, -INF, 0.3, "%", "at_most"),
        ("up to 30%", "up to 30%", "percent", 0.3, -INF, 0.3, "%", "at_most"),
        ("below 30%", "below 30%", "percent", 0.3, -INF, 0.3, "%", "under"),
        ("under 30%", "under 30%", "percent", 0.3, -INF, 0.3, "%", "under"),
        ("above 30%", "above 30%", "percent", 0.3, 0.3, INF, "%", "over"),
        ("over 30%", "over 30%", "percent", 0.3, 0.3, INF, "%", "over"),
        ("upwards of 30%", "upwards of 30%", "percent", 0.3, 0.3, INF, "%", "over"),
        ("exceeding 30%", "exceeding 30%", "percent", 0.3, 0.3, INF, "%", "over"),
        ("close to 30%", "close to 30%", "percent", 0.3, 0.295 * A, 0.305, "%", "nearly"),
        ("some 30% of", "some 30%", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("逾 30%", "逾 30%", "percent", 0.3, 0.3, INF, "%", "over"),
        ("30% 上下", "30% 上下", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("30% 以上", "30% 以上", "percent", 0.3, 0.3, INF, "%", "over"),
        // money
        ("总投资 1892 亿美元", "1892 亿美元", "money", 1.892e11, 1.8915e11, 1.8925e11, "USD", ""),
        ("$189.2 billion", "$189.2 billion", "money", 1.892e11, 1.8915e11, 1.8925e11, "USD", ""),
        ("raised $3.8B in", "$3.8B", "money", 3.8e9, 3.75e9, 3.85e9, "USD", ""),
        ("US$ 3.8 bn", "US$ 3.8 bn", "money", 3.8e9, 3.75e9, 3.85e9, "USD", ""),
        ("市场规模 1.2万亿元", "1.2万亿元", "money", 1.2e12, 1.15e12, 1.25e12, "CNY", ""),
        ("3千万元", "3千万元", "money", 3e7, 2.5e7, 3.5e7, "CNY", ""),
        ("两千三百万美元", "两千三百万美元", "money", 2.3e7, 2.25e7, 2.35e7, "USD", ""),
        ("成本为 7800 万美元", "7800 万美元", "money", 7.8e7, 7.75e7, 7.85e7, "USD", ""),
        ("1.91 亿美元", "1.91 亿美元", "money", 1.91e8, 1.905e8, 1.915e8, "USD", ""),
        ("价格 ¥128", "¥128", "money", 128.0, 127.5, 128.5, "CNY", ""),
        ("价格 ¥100", "¥100", "money", 100.0, 50.0, 150.0, "CNY", ""),
        ("人民币 5 亿元", "人民币 5 亿元", "money", 5e8, 4.5e8, 5.5e8, "CNY", ""),
        ("€5m deal", "€5m", "money", 5e6, 4.5e6, 5.5e6, "EUR", ""),
        ("£3.8bn", "£3.8bn", "money", 3.8e9, 3.75e9, 3.85e9, "GBP", ""),
        ("100 欧元", "100 欧元", "money", 100.0, 50.0, 150.0, "EUR", ""),
        ("500 英镑", "500 英镑", "money", 500.0, 450.0, 550.0, "GBP", ""),
        ("1234 日元", "1234 日元", "money", 1234.0, 1233.5, 1234.5, "JPY", ""),
        ("成本超过 1 亿美元。", "超过 1 亿美元", "money", 1e8, 1e8, INF, "USD", "over"),
        ("收入在 5 亿美元以上的", "5 亿美元以上", "money", 5e8, 5e8, INF, "USD", "over"),
        ("达到数百万美元", "数百万美元", "money", 5e6, 2e6, 9e6, "USD", ""),
        ("成本约为 900 美元。", "900 美元", "money", 900.0, 850.0 * A, 950.0 * B, "USD", "approximately"),
        ("约 900 美元", "约 900 美元", "money", 900.0, 850.0 * A, 950.0 * B, "USD", "approximately"),
        ("160,000 dollars", "160,000 dollars", "money", 160000.0, 155000.0, 165000.0, "USD", ""),
        ("USD 250 million", "USD 250 million", "money", 2.5e8, 2.45e8, 2.55e8, "USD", ""),
        ("nearly $2 trillion", "nearly $2 trillion", "money", 2e12, 1.5e12 * A, 2.5e12, "USD", "nearly"),
        ("JPY 1234", "JPY 1234", "money", 1234.0, 1233.5, 1234.5, "JPY", ""),
        ("10 亿元人民币", "10 亿元人民币", "money", 1e9, 9.5e8, 1.05e9, "CNY", ""),
        ("五亿美元", "五亿美元", "money", 5e8, 4.5e8, 5.5e8, "USD", ""),
        ("38 亿英镑", "38 亿英镑", "money", 3.8e9, 3.75e9, 3.85e9, "GBP", ""),
        ("12 euros", "12 euros", "money", 12.0, 11.5, 12.5, "EUR", ""),
        ("12 yuan", "12 yuan", "money", 12.0, 11.5, 12.5, "CNY", ""),
        ("€ 12", "€ 12", "money", 12.0, 11.5, 12.5, "EUR", ""),
        ("RMB 12", "RMB 12", "money", 12.0, 11.5, 12.5, "CNY", ""),
        // multiples
        ("Gemini Ultra是GPT-4的2.5倍", "2.5倍", "multiple", 2.5, 2.45, 2.55, "x", ""),
        ("九倍", "九倍", "multiple", 9.0, 9.0 * A, 9.0 * B, "x", ""),
        ("几乎是 2022 年投资的九倍，", "九倍", "multiple", 9.0, 9.0 * A, 9.0, "x", "nearly"),
        ("是 2019 年投资额的约 30 倍。", "约 30 倍", "multiple", 30.0, 29.5 * A, 30.5 * B, "x", "approximately"),
        ("2.5x faster", "2.5x", "multiple", 2.5, 2.45, 2.55, "x", ""),
        ("2.5× faster", "2.5×", "multiple", 2.5, 2.45, 2.55, "x", ""),
        ("nine times as much", "nine times", "multiple", 9.0, 9.0 * A, 9.0 * B, "x", ""),
        ("nearly nine times", "nearly nine times", "multiple", 9.0, 9.0 * A, 9.0, "x", "nearly"),
        ("a thirteenfold rise", "thirteenfold", "multiple", 13.0, 13.0 * A, 13.0 * B, "x", ""),
        ("a 13-fold rise", "13-fold", "multiple", 13.0, 12.5, 13.5, "x", ""),
        ("数量翻了一番。", "翻了一番", "multiple", 2.0, 1.9, 2.1, "x", ""),
        ("翻两番", "翻两番", "multiple", 4.0, 3.8, 4.2, "x", ""),
        ("翻了三番", "翻了三番", "multiple", 8.0, 7.6, 8.4, "x", ""),
        ("revenue doubled", "doubled", "multiple", 2.0, 1.9, 2.1, "x", ""),
        ("tripled in", "tripled", "multiple", 3.0, 2.85, 3.15, "x", ""),
        ("costs halved", "halved", "multiple", 0.5, 0.475, 0.525, "x", ""),
        ("nearly doubled", "nearly doubled", "multiple", 2.0, 1.9, 2.0, "x", "nearly"),
        ("twice as many", "twice", "multiple", 2.0, 1.9, 2.1, "x", ""),
        ("高出近 291 倍", "近 291 倍", "multiple", 291.0, 290.5 * A, 291.5, "x", "nearly"),
        ("大约是第二高国家中国投资额(78 亿美元)的 8.7 倍，", "8.7 倍", "multiple", 8.7, 8.65 * A, 8.75 * B, "x", "approximately"),
        ("大约是第二高国家中国投资额(78 亿美元)的 8.7 倍，", "78 亿美元", "money", 7.8e9, 7.75e9, 7.85e9, "USD", ""),
        ("大约是普通美国人一年碳排放量的 16 倍。", "16 倍", "multiple", 16.0, 15.5 * A, 16.5 * B, "x", "approximately"),
        ("投资增加了十三倍。", "十三倍", "multiple", 13.0, 13.0 * A, 13.0 * B, "x", ""),
        ("几乎增加了一倍。", "一倍", "multiple", 1.0, A, 1.0, "x", "nearly"),
        ("是英国的 17.8 倍", "17.8 倍", "multiple", 17.8, 17.75, 17.85, "x", ""),
        // fractions
        ("其中三分之二是", "三分之二", "fraction", 2.0 / 3.0, 2.0 / 3.0 * A, 2.0 / 3.0 * B, "", ""),
        ("四分之一以上。", "四分之一以上", "fraction", 0.25, 0.25, INF, "", "over"),
        ("一半的人", "一半", "fraction", 0.5, 0.475, 0.525, "", ""),
        ("大约有一半的人每周使用。", "一半", "fraction", 0.5, 0.475, 0.525, "", "approximately"),
        ("半数受访者", "半数", "fraction", 0.5, 0.475, 0.525, "", ""),
        ("超过半数的受访者", "超过半数", "fraction", 0.5, 0.5, INF, "", "over"),
        ("two-thirds of", "two-thirds", "fraction", 2.0 / 3.0, 2.0 / 3.0 * A, 2.0 / 3.0 * B, "", ""),
        ("a third of", "a third", "fraction", 1.0 / 3.0, A / 3.0, B / 3.0, "", ""),
        ("a quarter of", "a quarter", "fraction", 0.25, 0.25 * A, 0.25 * B, "", ""),
        ("half of the respondents", "half", "fraction", 0.5, 0.475, 0.525, "", ""),
        ("one in eight adults", "one in eight", "fraction", 0.125, 0.125 * A, 0.125 * B, "", ""),
        ("About 1 in 3 people", "About 1 in 3", "fraction", 1.0 / 3.0, A / 3.0, B / 3.0, "", "approximately"),
        ("roughly 3 in 10 adults", "roughly 3 in 10", "fraction", 0.3, 0.3 * A, 0.3 * B, "", "approximately"),
        ("three quarters of", "three quarters", "fraction", 0.75, 0.75 * A, 0.75 * B, "", ""),
        ("more than half of", "more than half", "fraction", 0.5, 0.5, INF, "", "over"),
        // counts
        ("产生了 51 个模型", "51 个", "count", 51.0, 50.5, 51.5, "个", ""),
        ("达到 2105 人，", "2105 人", "count", 2105.0, 2104.5, 2105.5, "人", ""),
        ("有 394 场财报", "394 场", "count", 394.0, 393.5, 394.5, "场", ""),
        ("发布了七个基础模型", "七个", "count", 7.0, 6.5, 7.5, "个", ""),
        ("1,000 companies", "1,000 companies", "count", 1000.0, 500.0, 1500.0, "companies", ""),
        ("22,816 名成年人", "22,816 名", "count", 22816.0, 22815.5, 22816.5, "名", ""),
        ("10多个国家", "10多个", "count", 10.0, 10.0, INF, "个", "over"),
        ("300余家企业", "300余家", "count", 300.0, 300.0, INF, "家", "over"),
        ("148 项法案", "148 项", "count", 148.0, 147.5, 148.5, "项", ""),
        ("实施了至少一项措施", "至少一项", "count", 1.0, 1.0, INF, "项", "at_least"),
        ("每周至少使用 ChatGPT 一次。", "一次", "count", 1.0, 1.0, INF, "次", "at_least"),
        ("十三位专家", "十三位", "count", 13.0, 12.5, 13.5, "位", ""),
        ("一百零五家", "一百零五家", "count", 105.0, 104.5, 105.5, "家", ""),
        ("51 models", "51 models", "count", 51.0, 50.5, 51.5, "models", ""),
        ("seven models", "seven models", "count", 7.0, 6.5, 7.5, "models", ""),
        ("more than 1,000 companies", "more than 1,000 companies", "count", 1000.0, 1000.0, INF, "companies", "over"),
        ("员工人数超 5000 人", "超 5000 人", "count", 5000.0, 5000.0, INF, "人", "over"),
        ("增加 300 余人", "300 余人", "count", 300.0, 300.0, INF, "人", "over"),
        ("上涨了 3 倍多。", "3 倍多", "multiple", 3.0, 3.0, INF, "x", "over"),
        ("两个方面", "两个", "count", 2.0, 1.5, 2.5, "个", ""),
        ("1万多人", "1万多人", "count", 1e4, 1e4, INF, "人", "over"),
        ("10多万人", "10多万人", "count", 1e5, 1e5, INF, "人", "over"),
        ("数十个国家", "数十个", "count", 50.0, 20.0, 90.0, "个", ""),
        ("Meta(11 个)", "11 个", "count", 11.0, 10.5, 11.5, "个", ""),
        ("5,000 employees", "5,000 employees", "count", 5000.0, 4500.0, 5500.0, "employees", ""),
        ("fewer than 100 people", "fewer than 100 people", "count", 100.0, -INF, 100.0, "people", "under"),
        ("at least 33 countries", "at least 33 countries", "count", 33.0, 33.0, INF, "countries", "at_least"),
        ("有 33 个国家至少通过了一项法律", "一项", "count", 1.0, 1.0, INF, "项", "at_least"),
        ("on 2,048 GPUs", "2,048 GPUs", "count", 2048.0, 2047.5, 2048.5, "GPUs", ""),
        ("149 foundation models", "149 foundation models", "count", 149.0, 148.5, 149.5, "models", ""),
        ("These 5 companies", "5 companies", "count", 5.0, 4.5, 5.5, "companies", ""),
        ("31 个国家", "31 个", "count", 31.0, 30.5, 31.5, "个", ""),
        // `表` inside a word is no table reference
        ("代表 3 国", "3 国", "count", 3.0, 2.5, 3.5, "国", ""),
        // physical and time quantities
        ("释放了 291.2 吨碳", "291.2 吨", "quantity", 291.2, 291.15, 291.25, "t", ""),
        ("502 tonnes of", "502 tonnes", "quantity", 502.0, 501.5, 502.5, "t", ""),
        ("在过去十年中", "十年", "quantity", 10.0, 9.5, 10.5, "year", ""),
        ("近十年来，", "十年", "quantity", 10.0, 9.5, 10.5, "year", ""),
        ("过去 5 年，", "5 年", "quantity", 5.0, 4.5, 5.5, "year", ""),
        ("年龄在 16 岁至 74 岁之间", "16 岁至 74 岁", "quantity", 45.0, 15.5, 74.5, "year", "range"),
        ("5 to 10 years", "5 to 10 years", "quantity", 7.5, 4.5, 10.5, "year", "range"),
        ("3 个月", "3 个月", "quantity", 3.0, 2.5, 3.5, "month", ""),
        ("500 km", "500 km", "quantity", 500.0, 450.0, 550.0, "km", ""),
        ("12 kg", "12 kg", "quantity", 12.0, 11.5, 12.5, "kg", ""),
        ("5km", "5km", "quantity", 5.0, 4.5, 5.5, "km", ""),
        ("5 千米", "5 千米", "quantity", 5.0, 4.5, 5.5, "km", ""),
        ("过去 2000 年", "2000 年", "quantity", 2000.0, 1500.0, 2500.0, "year", ""),
        ("约 291.2 吨", "约 291.2 吨", "quantity", 291.2, 291.15 * A, 291.25 * B, "t", "approximately"),
        ("三点五小时", "三点五小时", "quantity", 3.5, 3.45, 3.55, "h", ""),
        ("12 hours", "12 hours", "quantity", 12.0, 11.5, 12.5, "h", ""),
        ("水温80度", "80度", "quantity", 80.0, 79.5, 80.5, "°", ""),
        ("3 万吨", "3 万吨", "quantity", 3e4, 2.5e4, 3.5e4, "t", ""),
        // bare numbers
        ("0.96 的平均胜率", "0.96", "number", 0.96, 0.955, 0.965, "", ""),
        ("共 160000", "160000", "number", 160000.0, 155000.0, 165000.0, "", ""),
        ("两千三百万", "两千三百万", "number", 2.3e7, 2.25e7, 2.35e7, "", ""),
        ("1.2万亿", "1.2万亿", "number", 1.2e12, 1.15e12, 1.25e12, "", ""),
        ("3.8 billion", "3.8 billion", "number", 3.8e9, 3.75e9, 3.85e9, "", ""),
        ("10k", "10k", "number", 1e4, 9500.0, 10500.0, "", ""),
        ("from 16 in 2016 to 25 in 2023", "16", "number", 16.0, 15.5, 16.5, "", ""),
        ("a score of 0.5", "0.5", "number", 0.5, 0.45, 0.55, "", ""),
        // A full-width point is a decimal point (issue 8; this read `３` alone before).
        ("３．５", "３．５", "number", 3.5, 3.45, 3.55, "", ""),
        // issue 8: traditional characters; 萬 億 兆 scale as 万 亿 (兆 = 10¹², Taiwan usage)
        ("全年達 38.2萬億元", "38.2萬億元", "money", 3.82e13, 3.815e13, 3.825e13, "CNY", ""),
        ("營收 3.2億美元", "3.2億美元", "money", 3.2e8, 3.15e8, 3.25e8, "USD", ""),
        ("上升 4.7個百分點", "4.7個百分點", "points", 0.047, 0.0465, 0.0475, "pp", ""),
        ("兩成受訪者", "兩成", "percent", 0.2, 0.15, 0.25, "%", ""),
        ("約 30% 的人", "約 30%", "percent", 0.3, 0.295 * A, 0.305 * B, "%", "approximately"),
        ("超過 5 萬人", "超過 5 萬人", "count", 5e4, 5e4, INF, "人", "over"),
        ("總額 25兆元", "25兆元", "money", 2.5e13, 2.45e13, 2.55e13, "CNY", ""),
        ("大約是去年的 3 倍。", "3 倍", "multiple", 3.0, 2.5 * A, 3.5 * B, "x", "approximately"),
        ("三兆元", "三兆元", "money", 3e12, 2.5e12, 3.5e12, "CNY", ""),
        // issue 8: hedge verbs and postfix hedges
        ("突破8000亿美元", "突破8000亿美元", "money", 8e11, 8e11, INF, "USD", "over"),
        ("突破了300亿件", "突破了300亿件", "count", 3e10, 3e10, INF, "件", "over"),
        ("多达 30 家", "多达 30 家", "count", 30.0, -INF, 30.0, "家", "at_most"),
        ("最高达 5 亿元", "最高达 5 亿元", "money", 5e8, -INF, 5e8, "CNY", "at_most"),
        ("不低於 3%", "不低於 3%", "percent", 0.03, 0.03, INF, "%", "at_least"),
        ("十来个人", "十来个", "count", 10.0, 9.5 * A, 10.5 * B, "个", "approximately"),
        ("十多年来", "十多年", "quantity", 10.0, 10.0, INF, "year", "over"),
        ("as many as 40% of firms", "as many as 40%", "percent", 0.4, -INF, 0.4, "%", "at_most"),
        ("nearing $1.7 trillion", "nearing $1.7 trillion", "money", 1.7e12, 1.65e12 * A, 1.75e12 * B, "USD", "approximately"),
        ("Over two years, prices fell", "two years", "quantity", 2.0, 1.5, 2.5, "year", ""),
        ("storage passed 16 GW", "passed 16 GW", "quantity", 16.0, 16.0, INF, "GW", "over"),
        ("adults 65 and older", "65 and older", "number", 65.0, 65.0, INF, "", "at_least"),
        ("use it at least once a week", "at least once", "count", 1.0, 1.0, INF, "times", "at_least"),
        // issue 8: units glued to the number, from the table of prefixes × base units
        ("算力 350EFLOPS", "350EFLOPS", "quantity", 350.0, 345.0, 355.0, "EFLOPS", ""),
        ("装机 5GW", "5GW", "quantity", 5.0, 4.5, 5.5, "GW", ""),
        ("发电 12.3TWh", "12.3TWh", "quantity", 12.3, 12.25, 12.35, "TWh", ""),
        ("电池 300mAh", "300mAh", "quantity", 300.0, 250.0, 350.0, "mAh", ""),
        ("5nm 工艺", "5nm", "quantity", 5.0, 4.5, 5.5, "nm", ""),
        ("重 80kg", "80kg", "quantity", 80.0, 79.5, 80.5, "kg", ""),
        ("长 3.5km", "3.5km", "quantity", 3.5, 3.45, 3.55, "km", ""),
        ("高温 40℃", "40℃", "quantity", 40.0, 39.5, 40.5, "°C", ""),
        ("存储 1.2PB", "1.2PB", "quantity", 1.2, 1.15, 1.25, "PB", ""),
        ("带宽 100Mbps", "100Mbps", "quantity", 100.0, 50.0, 150.0, "Mbps", ""),
        ("a 1.4 GW contract", "1.4 GW", "quantity", 1.4, 1.35, 1.45, "GW", ""),
        ("时延 10毫秒以内", "10毫秒以内", "quantity", 10.0, -INF, 10.0, "ms", "at_most"),
        ("亮度 200尼特", "200尼特", "quantity", 200.0, 150.0, 250.0, "nit", ""),
        ("连续 13个季度", "13个季度", "quantity", 13.0, 12.5, 13.5, "quarter", ""),
        // issue 8: English changes and money forms
        ("earned 64 cents a share", "64 cents", "money", 0.64, 0.635, 0.645, "USD", ""),
        ("a dividend of 4.45p", "4.45p", "money", 0.0445, 0.04445, 0.04455, "GBP", ""),
        ("cut by 25 bps", "25 bps", "points", 0.0025, 0.00245, 0.00255, "pp", ""),
        ("fell 1.6 points", "1.6 points", "points", 0.016, 0.0155, 0.0165, "pp", ""),
        ("raised $1.2bn", "$1.2bn", "money", 1.2e9, 1.15e9, 1.25e9, "USD", ""),
        ("£3.4m deal", "£3.4m", "money", 3.4e6, 3.35e6, 3.45e6, "GBP", ""),
        ("€5 billion", "€5 billion", "money", 5e9, 4.5e9, 5.5e9, "EUR", ""),
        ("US$12.5 billion", "US$12.5 billion", "money", 1.25e10, 1.245e10, 1.255e10, "USD", ""),
        ("about 2/3 of them", "about 2/3", "fraction", 2.0 / 3.0, 2.0 / 3.0 * A, 2.0 / 3.0 * B, "", "approximately"),
        ("| Segment | Change |\n|---|---|\n| Data | 409% |\n| Cars | (4.0) |", "(4.0)", "percent", -0.04, -0.0405, -0.0395, "%", ""),
        ("| Segment | Margin |\n|---|---|\n| Cars | (41.7) |", "(41.7)", "number", -41.7, -41.75, -41.65, "", ""),
        ("GDP fell -0.5% in", "-0.5%", "percent", -0.005, -0.0055, -0.0045, "%", ""),
        ("GDP fell −0.5% in", "−0.5%", "percent", -0.005, -0.0055, -0.0045, "%", ""),
        ("较上月-0.5个百分点", "-0.5个百分点", "points", -0.005, -0.0055, -0.0045, "pp", ""),
        ("Some 1.2m mortgage holders", "Some 1.2m mortgage holders", "count", 1.2e6, 1.15e6 * A, 1.25e6 * B, "holders", "approximately"),
        ("up 1,204,517 to 9,870,332 votes", "1,204,517", "number", 1204517.0, 1204516.5, 1204517.5, "", ""),
        ("up 1,204,517 to 9,870,332 votes", "9,870,332 votes", "count", 9870332.0, 9870331.5, 9870332.5, "votes", ""),
        ("trimmed by £455m to £9.7bn", "£9.7bn", "money", 9.7e9, 9.65e9, 9.75e9, "GBP", ""),
        ("three in ten adults", "three in ten", "fraction", 0.3, 0.3 * A, 0.3 * B, "", ""),
        ("Dozens of firms", "Dozens of firms", "count", 50.0, 20.0, 90.0, "firms", ""),
        ("hundreds of TWh", "hundreds of TWh", "quantity", 500.0, 200.0, 900.0, "TWh", ""),
        ("tens of thousands of people", "tens of thousands of people", "count", 5e4, 2e4, 9e4, "people", ""),
        ("a dozen countries", "a dozen countries", "count", 12.0, 11.4, 12.6, "countries", ""),
        ("could roughly double", "roughly double", "multiple", 2.0, 1.9, 2.1, "x", "approximately"),
        ("sales quintupled", "quintupled", "multiple", 5.0, 4.75, 5.25, "x", ""),
        ("a 650-seat parliament", "650-seat", "count", 650.0, 645.0, 655.0, "seat", ""),
        ("on 16,384 H100 GPUs", "16,384 H100 GPUs", "count", 16384.0, 16383.5, 16384.5, "GPUs", ""),
        ("Llama 2 70B 模型", "70B", "number", 7e10, 6.95e10, 7.05e10, "", ""),
        // issue 8: Chinese forms
        ("两个亿", "两个亿", "number", 2e8, 1.5e8, 2.5e8, "", ""),
        ("规模达数万亿美元", "数万亿美元", "money", 5e12, 2e12, 9e12, "USD", ""),
        ("上百家企业", "上百家", "count", 100.0, 100.0, INF, "家", "over"),
        ("十几个国家", "十几个", "count", 15.0, 11.0, 19.0, "个", ""),
        ("三十几万人", "三十几万人", "count", 3.5e5, 3.1e5, 3.9e5, "人", ""),
        ("几十个", "几十个", "count", 50.0, 20.0, 90.0, "个", ""),
        ("用了半年", "半年", "quantity", 0.5, 0.475, 0.525, "year", ""),
        ("三五百人", "三五百人", "count", 400.0, 250.0, 550.0, "人", "range"),
        ("五六十年", "五六十年", "quantity", 55.0, 49.5, 60.5, "year", "range"),
        ("七八个人", "七八个", "count", 7.5, 6.5, 8.5, "个", "range"),
        ("三點五小時", "三點五小時", "quantity", 3.5, 3.45, 3.55, "h", ""),
        ("售價 NT$1,200", "NT$1,200", "money", 1200.0, 1150.0, 1250.0, "TWD", ""),
        ("面積 30坪", "30坪", "quantity", 30.0, 29.5, 30.5, "ping", ""),
        ("a $1.5tn package", "$1.5tn", "money", 1.5e12, 1.45e12, 1.55e12, "USD", ""),
        ("up 2.1 ppts", "2.1 ppts", "points", 0.021, 0.0205, 0.0215, "pp", ""),
        ("a 0.25-percentage-point cut", "0.25-percentage-point", "points", 0.0025, 0.00245, 0.00255, "pp", ""),
        ("9 out of 10 firms", "9 out of 10", "fraction", 0.9, 0.9 * A, 0.9 * B, "", ""),
        ("不良率为千分之五", "千分之五", "percent", 0.005, 0.0045, 0.0055, "%", ""),
        // (`万` alone is `一万` and asserts what `10000` does, ±5000: wave 8, as the h6 gold's
        // `近百个`; it was read as exact.)
        ("近万家企业", "近万家", "count", 1e4, 5e3 * A, 1.5e4, "家", "nearly"),
        ("成本减半", "减半", "multiple", 0.5, 0.475, 0.525, "x", ""),
        ("约 ４．５ 倍", "约 ４．５ 倍", "multiple", 4.5, 4.45 * A, 4.55 * B, "x", "approximately"),
        // Wave 3: forms the held-out passages taught (general rules, docs/numbers.md).
        ("介於545億至565億美元之間", "545億至565億美元", "money", 5.55e10, 5.445e10, 5.655e10, "USD", "range"),
        ("revenue of between $68.1bn and $69.1bn", "$68.1bn and $69.1bn", "money", 6.86e10, 6.805e10, 6.915e10, "USD", "range"),
        ("年增率約為-0.6%至3.0%。", "-0.6%至3.0%", "percent", 0.012, -0.0065 * B, 0.0305 * B, "%", "approximately"),
        ("增速约 5%-10%", "约 5%-10%", "percent", 0.075, 0.045 * A, 0.105 * B, "%", "approximately"),
        ("高約50個基點", "約50個基點", "points", 0.005, 0.00495 * A, 0.00505 * B, "pp", "approximately"),
        ("下调25个基点", "25个基点", "points", 0.0025, 0.00245, 0.00255, "pp", ""),
        ("价格跌破0.3元/W", "跌破0.3元/W", "money", 0.3, -INF, 0.3, "CNY", "under"),
        ("金价涨破 2000 美元", "涨破 2000 美元", "money", 2000.0, 2000.0, INF, "USD", "over"),
        ("余额升至1.82万亿元上方", "1.82万亿元上方", "money", 1.82e12, 1.82e12, INF, "CNY", "over"),
        ("6710亿参数的模型", "6710亿参数", "count", 6.71e11, 6.705e11, 6.715e11, "参数", ""),
        ("约278.8万GPU小时", "约278.8万GPU小时", "quantity", 2.788e6, 2.7875e6 * A, 2.7885e6 * B, "h", "approximately"),
        ("近一年的支出", "一年", "quantity", 1.0, 0.5, 1.5, "year", ""),
        ("未来一个月内", "一个月", "quantity", 1.0, 0.5, 1.5, "month", ""),
        ("每5人就有2人购买", "每5人就有2人", "fraction", 0.4, 0.4 * A, 0.4 * B, "", ""),
        ("日均1.9万架次左右", "1.9万架次左右", "count", 1.9e4, 1.85e4 * A, 1.95e4 * B, "架", "approximately"),
        ("上证指数报3338.19点", "3338.19点", "quantity", 3338.19, 3338.185, 3338.195, "pt", ""),
        ("沪指上涨30.71点", "30.71点", "quantity", 30.71, 30.705, 30.715, "pt", ""),
        ("The Dow rose 440.06 points, or 1.06%", "440.06 points", "quantity", 440.06, 440.055, 440.065, "pt", ""),
        ("售电量为1,187.5億度", "1,187.5億度", "quantity", 1.1875e11, 1.18745e11, 1.18755e11, "kWh", ""),
        ("about 1.45C above the baseline", "about 1.45C", "quantity", 1.45, 1.445 * A, 1.455 * B, "°C", "approximately"),
        ("reached 420 parts per million", "420 parts per million", "quantity", 420.0, 415.0, 425.0, "ppm", ""),
        ("shrank to 16.96 million square kilometres", "16.96 million square kilometres", "quantity", 1.696e7, 1.6955e7, 1.6965e7, "km2", ""),
        ("about 1m sq km below", "about 1m sq km", "quantity", 1e6, 0.5e6 * A, 1.5e6 * B, "km2", "approximately"),
        ("(hazard ratio 0.8; P<0.001)", "<0.001", "number", 0.001, -INF, 0.001, "", "under"),
        ("aged ≥ 65 years", "≥ 65 years", "quantity", 65.0, 65.0, INF, "year", "at_least"),
        ("about half a point higher", "about half a point", "points", 0.005, 0.005 * A, 0.005 * B, "pp", "approximately"),
        ("a quarter-point cut", "a quarter-point", "points", 0.0025, 0.0025 * A, 0.0025 * B, "pp", ""),
        ("a quarter of a percentage point", "a quarter of a percentage point", "points", 0.0025, 0.0025 * A, 0.0025 * B, "pp", ""),
        ("a roughly two-in-three chance", "roughly two-in-three", "fraction", 2.0 / 3.0, 2.0 / 3.0 * A, 2.0 / 3.0 * B, "", "approximately"),
        ("won 411 of the 650 seats", "411", "count", 411.0, 410.5, 411.5, "seats", ""),
        ("price fewer than two 25 bps cuts", "fewer than two", "count", 2.0, -INF, 2.0, "cuts", "under"),
        ("Among 18-to-34-year-olds the", "18-to-34-year-olds", "quantity", 26.0, 17.5, 34.5, "year", "range"),
        ("a new two-bedroom flat", "two-bedroom", "count", 2.0, 1.5, 2.5, "bedroom", ""),
        ("Of the 11 S&P 500 sectors, eight rose", "11 S&P 500 sectors", "count", 11.0, 10.5, 11.5, "sectors", ""),
        ("| Weight change (%) | -9.39 | -0.88 |", "-9.39", "percent", -0.0939, -0.09395, -0.09385, "%", ""),
        ("约占两成", "两成", "percent", 0.2, 0.15 * A, 0.25 * B, "%", "approximately"),
        ("占比約兩成", "約兩成", "percent", 0.2, 0.15 * A, 0.25 * B, "%", "approximately"),
        ("規模為38.2萬億元", "38.2萬億元", "money", 3.82e13, 3.815e13, 3.825e13, "CNY", ""),
        ("約合2.5兆元新臺幣", "約合2.5兆元", "money", 2.5e12, 2.45e12 * A, 2.55e12 * B, "CNY", "approximately"),
        ("增长超过 8 倍[41]", "超过 8 倍", "multiple", 8.0, 8.0, INF, "x", "over"),
        ("It used 5GW of power", "5GW", "quantity", 5.0, 4.5, 5.5, "GW", ""),
        ("电池容量300mAh", "300mAh", "quantity", 300.0, 250.0, 350.0, "mAh", ""),
        ("高温40℃", "40℃", "quantity", 40.0, 39.5, 40.5, "°C", ""),
        ("存储1.2PB数据", "1.2PB", "quantity", 1.2, 1.15, 1.25, "PB", ""),
        ("带宽100Mbps", "100Mbps", "quantity", 100.0, 50.0, 150.0, "Mbps", ""),
        ("The city has 1.2m visitors", "1.2m visitors", "count", 1.2e6, 1.15e6, 1.25e6, "visitors", ""),
        ("Inflation was −0.5% last year", "−0.5%", "percent", -0.005, -0.0055, -0.0045, "%", ""),
        ("The price rose over two years.", "two years", "quantity", 2.0, 1.5, 2.5, "year", ""),
        ("十来个城市", "十来个", "count", 10.0, 9.5 * A, 10.5 * B, "个", "approximately"),
        ("突破了300亿件", "突破了300亿件", "count", 3e10, 3e10, INF, "件", "over"),
        ("增速加快3个多百分点", "3个多百分点", "points", 0.03, 0.03, INF, "pp", "over"),
        ("Core inflation edged up to 3.3% from 3.2%", "3.3%", "percent", 0.033, 0.0325, 0.0335, "%", ""),
        ("| 65+ | 35 | 51 |", "65+", "number", 65.0, 65.0, INF, "", "at_least"),
        ("增長兩成半", "兩成半", "percent", 0.25, 0.245, 0.255, "%", ""),
        ("The deal was worth $1.2-1.5bn.", "$1.2-1.5bn", "money", 1.35e9, 1.15e9, 1.55e9, "USD", "range"),
        ("one in every 50 jobs", "one in every 50", "fraction", 0.02, 0.02 * A, 0.02 * B, "", ""),
        ("It employs c.1,500 staff", "c.1,500 staff", "count", 1500.0, 1450.0 * A, 1550.0 * B, "staff", "approximately"),
        ("粮食产量稳定在1.3万亿斤以上", "1.3万亿斤以上", "quantity", 1.3e12, 1.3e12, INF, "jin", "over"),
        ("千余家企业参展", "千余家", "count", 1000.0, 1000.0, INF, "家", "over"),
        ("吸引万余人参加", "万余人", "count", 1e4, 1e4, INF, "人", "over"),
        ("人口出生率为6.77‰", "6.77‰", "percent", 0.00677, 0.006765, 0.006775, "%", ""),
        ("總預算歲出2兆9,000億元", "2兆9,000億元", "money", 2.9e12, 2.85e12, 2.95e12, "CNY", ""),
        ("约1亿2000万元", "约1亿2000万元", "money", 1.2e8, 1.15e8 * A, 1.25e8 * B, "CNY", "approximately"),
        ("共有3万5千人", "3万5千人", "count", 3.5e4, 34500.0, 35500.0, "人", ""),
        ("and 33.5 degrees in London", "33.5 degrees", "quantity", 33.5, 33.45, 33.55, "°", ""),
        ("行业集中度较2023年提升5.2pct", "5.2pct", "points", 0.052, 0.0515, 0.0525, "pp", ""),
        ("margin rose 1.2pp", "1.2pp", "points", 0.012, 0.0115, 0.0125, "pp", ""),
        ("Llama 2 70B 模型", "70B", "number", 7e10, 6.95e10, 7.05e10, "", ""),
    ]
}

/// (input, mention text, kind, value): years, dates, ordinals, references, names.
#[rustfmt::skip]
fn non_quantities() -> Vec<(&'static str, &'static str, Kind, f64)> {
    vec![
        ("2023 年，总投资", "2023 年", Kind::Year, 2023.0),
        ("2023 年 4 月发布", "2023 年 4 月", Kind::Date, 2023.0),
        ("2023年4月5日", "2023年4月5日", Kind::Date, 2023.0),
        ("4 月发布", "4 月", Kind::Date, 4.0),
        ("in 2023, the", "2023", Kind::Year, 2023.0),
        ("Since 2019 companies have", "2019", Kind::Year, 2019.0),
        ("第七个年度", "第七个", Kind::Ordinal, 7.0),
        ("第二高国家", "第二", Kind::Ordinal, 2.0),
        ("the 7th edition", "7th", Kind::Ordinal, 7.0),
        ("图 4.3.1 展示了", "图 4.3.1", Kind::Reference, 4.0),
        ("Figure 1.3.21 shows", "Figure 1.3.21", Kind::Reference, 1.0),
        ("见表 3。", "表 3", Kind::Reference, 3.0),
        ("第 3 章", "第 3 章", Kind::Reference, 3.0),
        ("图 2.11.4 和 2.11.5 将", "2.11.5", Kind::Reference, 2.0),
        ("(图 6.1.7 和图 6.1.8)", "图 6.1.8", Kind::Reference, 6.0),
        ("GPT-4 的 2.5倍", "GPT-4", Kind::Name, 4.0),
        ("Claude 3 等", "Claude 3", Kind::Name, 3.0),
        ("Llama 2 70B 模型", "Llama 2", Kind::Name, 2.0),
        ("财富 500 强公司", "财富 500 强", Kind::Name, 500.0),
        ("Fortune 500 companies", "Fortune 500", Kind::Name, 500.0),
        ("COVID-19 疫情", "COVID-19", Kind::Name, 19.0),
        ("(ID:almosthuman2014)", "almosthuman2014", Kind::Name, 2014.0),
        ("H100 芯片", "H100", Kind::Name, 100.0),
        ("二〇二三年", "二〇二三年", Kind::Year, 2023.0),
        ("the 1990s", "1990s", Kind::Year, 1990.0),
        ("April 2024", "April 2024", Kind::Date, 2024.0),
        ("GPT-3.5 turbo", "GPT-3.5", Kind::Name, 3.5),
        ("5G 网络", "5G", Kind::Name, 5.0),
        ("1e999", "1e999", Kind::Name, 1.0),
        ("上一篇 2024年4月17日 16:39", "16:39", Kind::Date, 16.0),
        ("surveyed Windows 11 users", "Windows 11", Kind::Name, 11.0),
        ("Page 12 lists", "Page 12", Kind::Reference, 12.0),
        ("released 2024-04-17.", "2024-04-17", Kind::Date, 2024.0),
        ("发布于 2024/4/17", "2024/4/17", Kind::Date, 2024.0),
        ("at 09:30:15 UTC", "09:30:15", Kind::Date, 9.0),
    ]
}

/// Text with no quantity a careful reader would count.
const NO_QUANTITY: &[&str] = &[
    "一直在增长",
    "其中一项研究显示",
    "一位旅客从纽约到旧金山",
    "一张图表显示",
    "统一标准",
    "十分重要",
    "近年来",
    "最近发布",
    "one of the best",
    "几乎所有企业",
    "第一个",
    "约束条件",
    "GPT-4、Gemini 和 Claude 3 等",
    "Meta 的 Llama 2",
    "自 2019 年以来",
    "2016 年至 2023 年期间",
    "一个绕不开的话题",
    "前一年",
    "未来几年内",
    "一成不变",
    "三成为",
    "In 2023, the",
    "https://example.com/ai-13-charts",
    "成为全球趋势之一",
    "1e999",
    // issue 8: markers, periods, names, titles, sections and words that hold numerals
    "[41]",
    "增长的报告[1][2]。",
    "as noted^12 here",
    "见〔2〕",
    "规模（注1）",
    "2022年1-8月",
    "1—6月份",
    "1～9月",
    "前三季度",
    "Q1–Q3",
    "2024.04.17",
    "4月17日",
    "《2018年人工智能發展報告》",
    "21世纪经济报道",
    "第一财经",
    "3M 公司",
    "7-Eleven",
    "Windows 11 devices",
    "iPhone 15",
    "G20",
    "5G 网络",
    "4.散热设计",
    "一、总体要求",
    "（二）主要任务",
    "第三章",
    "七八十年代",
    "20年代",
    "21世纪",
    "2024至25年度",
    "今（9）日",
    "between February 7 and 11",
    "at half precision",
    "零组件",
    "上半年",
    "a double-digit rise",
    "the two-year gilt",
    "24/7",
];

/// Non-quantities with the reason `extract --all` gives for each.
#[rustfmt::skip]
const REASONS: &[(&str, &str, &str)] = &[
    ("增长超过 8 倍[41]。", "[41]", "marker"),
    ("报告[1][2]。", "[2]", "marker"),
    ("since 2010.[^12] Meta", "[^12]", "marker"),
    ("见〔2〕", "〔2〕", "marker"),
    ("规模（注1）。", "（注1）", "marker"),
    ("1—6月份", "1—6月份", "period"),
    ("前三季度", "三季度", "period"),
    ("Q1–Q3", "Q1", "period"),
    ("七八十年代", "七八十年代", "period"),
    ("21世纪", "21世纪", "period"),
    ("2024至25年度", "2024至25年度", "period"),
    ("the 2024-25 budget", "2024-25", "period"),
    ("2023/24 财年", "2023/24 财年", "period"),
    ("the 2023/24 season", "2023/24", "period"),
    ("2024.04.17", "2024.04.17", "date"),
    ("今（9）日", "今（9）日", "date"),
    ("2023 年", "2023 年", "year"),
    ("《2018年人工智能發展報告》", "2018", "title"),
    ("据21世纪经济报道", "21世纪经济报道", "name"),
    ("第一财经", "第一财经", "name"),
    ("3M 公司", "3M", "name"),
    ("7-Eleven", "7-Eleven", "name"),
    ("iPhone 15", "iPhone 15", "name"),
    ("G20", "G20", "name"),
    ("4.散热设计", "4.", "section"),
    ("一、总体要求", "一、", "section"),
    ("（二）主要任务", "（二）", "section"),
    ("第三章", "第三章", "section"),
    ("第七个", "第七个", "ordinal"),
    ("ranked No. 1 in", "No. 1", "ordinal"),
    ("措施包括：（1）加强监管；（2）扩大内需", "（2）", "section"),
    ("前三季营收", "三季", "period"),
    ("as of Jan. 5", "Jan. 5", "date"),
    ("a Boeing 737 jet", "Boeing 737", "name"),
    ("见圖 3", "圖 3", "reference"),
    ("的报告[1–3]。", "[1–3]", "marker"),
    ("图 4.3.1", "图 4.3.1", "reference"),
    ("公司H股（01211.HK）收涨", "01211.HK", "code"),
    ("贵州茅台（600519.SH）", "600519.SH", "code"),
    ("股份代號：00066", "00066", "code"),
    ("宁德时代（300750）收涨", "300750", "code"),
    ("股票代码 600519", "600519", "code"),
    ("十四届全国人大三次会议", "十四届", "ordinal"),
    ("十四届全国人大三次会议", "三次", "ordinal"),
    ("二十届三中全会", "三中", "ordinal"),
    ("113年10月外銷訂單", "113年10月", "date"),
    ("民國112年全年", "民國112年", "year"),
    ("下午2時11分達到", "2時11分", "date"),
    ("晚上8点开始", "8点", "date"),
    ("between 14 and 18 March", "14", "date"),
    ("The 10-year Treasury yield", "10-year", "name"),
    ("the 10-year gilt yield rose", "10-year", "name"),
    ("前10个月，进出口", "前10个月", "period"),
    ("首10個月出口", "首10個月", "period"),
    ("Over-65s make up 19%.", "Over-65s", "name"),
    ("昇腾910B芯片", "910B", "name"),
    ("台積電（2330）股價", "2330", "code"),
    ("累计前10月接单", "前10月", "period"),
    ("to 2.7%. Also¹ and ^7 here", "^7", "marker"),
    ("G20 and 5G", "5G", "name"),
];

#[test]
fn non_quantities_say_why() {
    let options = ExtractOptions::default();
    for (input, text, reason) in REASONS {
        let mentions = extract(input, &options);
        let m = find(&mentions, input, text);
        assert!(!m.kind.is_quantity(), "`{input}` → `{text}`: {:?}", m.kind);
        assert_eq!(
            m.reason.map(|r| r.as_str()),
            Some(*reason),
            "`{input}` → `{text}`"
        );
    }
    // Quantities carry no reason.
    for m in extract("增长 5%，3 个", &options) {
        assert_eq!(m.reason, None);
    }
}

fn approx(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

fn find<'a>(mentions: &'a [Mention], input: &str, text: &str) -> &'a Mention {
    let found: Vec<&Mention> = mentions
        .iter()
        .filter(|m| &input[m.span.range()] == text)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "in `{input}`: expected one mention `{text}`, got {:?}",
        mentions
            .iter()
            .map(|m| &input[m.span.range()])
            .collect::<Vec<_>>()
    );
    found[0]
}

#[test]
fn grammar_table() {
    let options = ExtractOptions::default();
    let cases = cases();
    assert!(cases.len() + non_quantities().len() >= 150);
    let mut failures = Vec::new();
    for (input, text, kind, value, low, high, unit, hedge) in cases {
        let mentions = extract(input, &options);
        let got: Vec<&Mention> = mentions
            .iter()
            .filter(|m| &input[m.span.range()] == text)
            .collect();
        let Some(m) = got.first() else {
            failures.push(format!(
                "`{input}`: no mention `{text}` in {:?}",
                mentions
                    .iter()
                    .map(|m| &input[m.span.range()])
                    .collect::<Vec<_>>()
            ));
            continue;
        };
        let unit_got = m.unit.as_deref().unwrap_or("");
        let hedge_got = m.hedge.map_or("", |h| h.as_str());
        let ok = got.len() == 1
            && m.kind.as_str() == kind
            && approx(m.value, value)
            && approx(m.interval.low, low)
            && approx(m.interval.high, high)
            && unit_got == unit
            && hedge_got == hedge;
        if !ok {
            failures.push(format!(
                "`{input}` → `{text}`: expected {kind} {value} [{low}, {high}] `{unit}` `{hedge}`, \
                 got {} {} [{}, {}] `{unit_got}` `{hedge_got}`",
                m.kind, m.value, m.interval.low, m.interval.high
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn non_quantities_are_recognised() {
    let options = ExtractOptions::default();
    for (input, text, kind, value) in non_quantities() {
        let mentions = extract(input, &options);
        let m = find(&mentions, input, text);
        assert_eq!(m.kind, kind, "`{input}` → `{text}`");
        assert!(
            approx(m.value, value),
            "`{input}` → `{text}`: value {}",
            m.value
        );
        assert!(
            !mentions
                .iter()
                .any(|q| q.kind.is_quantity() && q.span.overlaps(m.span)),
            "`{input}`: a quantity overlaps `{text}`"
        );
    }
}

#[test]
fn text_without_quantities() {
    let options = ExtractOptions::default();
    for input in NO_QUANTITY {
        let quantities: Vec<&str> = extract(input, &options)
            .iter()
            .filter(|m| m.kind.is_quantity())
            .map(|m| &input[m.span.range()])
            .collect();
        assert!(quantities.is_empty(), "`{input}`: {quantities:?}");
    }
}

#[test]
fn coordinated_quantities_share_a_detached_hedge() {
    let input = "训练成本预计分别约为 7800 万美元和 1.91 亿美元。";
    let mentions = extract(input, &ExtractOptions::default());
    assert_eq!(mentions.len(), 2);
    for m in &mentions {
        assert_eq!(m.hedge.map(|h| h.as_str()), Some("approximately"));
        let hedge = m.hedge_span.expect("hedge span");
        assert_eq!(&input[hedge.range()], "约");
        assert!(
            !m.span.contains(hedge),
            "a detached hedge stays out of the span"
        );
    }
}

#[test]
fn a_hedge_does_not_cross_a_clause() {
    let input = "大约是这样，增长了 5 倍。";
    let mentions = extract(input, &ExtractOptions::default());
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0].hedge, None);
}

#[test]
fn tolerance_is_configurable() {
    let options = ExtractOptions { tolerance: 0.1 };
    let m = &extract("约 100 人", &options)[0];
    assert!(approx(m.interval.low, 50.0 * 0.9), "{:?}", m.interval);
    let m = &extract("约 20 人", &options)[0];
    assert!(approx(m.interval.low, 19.5 * 0.9) && approx(m.interval.high, 20.5 * 1.1));
}

#[test]
fn spans_point_into_the_original_text() {
    let input = "Line one.\n美国投资额为 672 亿美元，大约是 8.7 倍。";
    for m in extract(input, &ExtractOptions::default()) {
        assert!(input.is_char_boundary(m.span.start) && input.is_char_boundary(m.span.end));
        assert!(m.span.contains(m.number), "number inside span");
    }
}
