//! How well the words around a number name a fact: a fact's id, unit and source in, a score
//! per mention out.
//!
//! A fact's words are the tokens of its id (`us_private_investment_2023` → `us`, `private`,
//! `investment`, `2023`), its unit when it names what is counted (`countries`), and the
//! Latin words, Chinese bigrams and figure numbers of its source. Each token is looked for in
//! the sentence of the mention, in English (plurals folded, `GPT-4` read as `gpt4`, `Llama 2`
//! as `llama2`) and through `GLOSSARY` in Chinese. Where it is found decides its weight: in
//! the words just before the number and in the same clause counts most, then the rest of
//! the words before it, the words after it, and the rest of the sentence. A token that many
//! facts share (`models`, `2023`) names none of them in particular, so each token is weighted
//! by one over the square root of the number of facts that have it.

use crate::rules::Fact;
use crate::source::Span;

/// English words (singular, lower case) and their usual Chinese renderings, for reading a
/// fact id against a Chinese sentence. Ordered by the English word.
const GLOSSARY: &[(&str, &[&str])] = &[
    ("academia", &["学术界", "学术机构", "学界"]),
    ("academic", &["学术"]),
    ("adult", &["成年人", "成人"]),
    ("ai", &["人工智能", "AI"]),
    ("american", &["美国人"]),
    ("asian", &["亚裔", "亚洲"]),
    ("average", &["平均"]),
    ("aware", &["知道", "了解", "听说"]),
    ("bill", &["法案"]),
    ("boost", &["促进", "提振", "推动"]),
    ("budget", &["预算"]),
    ("call", &["电话会议", "通话"]),
    ("canada", &["加拿大"]),
    ("carbon", &["碳"]),
    ("china", &["中国"]),
    ("chinese", &["中国"]),
    ("city", &["城市"]),
    ("collaboration", &["合作"]),
    ("company", &["公司", "企业"]),
    ("corporate", &["企业", "公司"]),
    ("cost", &["成本", "费用", "花费"]),
    ("country", &["国家"]),
    ("cs", &["计算机科学", "计算机"]),
    ("daily", &["日常", "每天"]),
    ("death", &["死亡"]),
    ("debt", &["债务"]),
    ("decrease", &["下降", "降低", "减少"]),
    ("economy", &["经济"]),
    ("electricity", &["电力", "用电"]),
    ("emission", &["排放", "释放"]),
    ("employee", &["员工", "雇员"]),
    ("energy", &["能源", "能耗"]),
    ("eu", &["欧盟"]),
    ("europe", &["欧洲"]),
    ("export", &["出口"]),
    ("foundation", &["基础"]),
    ("france", &["法国"]),
    ("gdp", &["国内生产总值", "GDP"]),
    ("genai", &["生成式"]),
    ("generative", &["生成式"]),
    ("germany", &["德国"]),
    ("google", &["谷歌", "Google"]),
    ("government", &["政府"]),
    ("graduate", &["毕业生", "毕业"]),
    ("growth", &["增长"]),
    ("import", &["进口"]),
    ("improve", &["改善", "提高", "改进"]),
    ("income", &["收入"]),
    ("increase", &["增加", "上升", "增长", "提高"]),
    ("india", &["印度"]),
    ("industry", &["工业界", "产业", "行业", "业界"]),
    ("inflation", &["通胀", "通货膨胀"]),
    ("investment", &["投资"]),
    ("japan", &["日本"]),
    ("job", &["工作", "就业", "岗位"]),
    ("law", &["法律", "立法"]),
    ("life", &["生活"]),
    ("market", &["市场"]),
    ("mean", &["平均"]),
    ("microsoft", &["微软", "Microsoft"]),
    ("model", &["模型"]),
    ("nervous", &["紧张", "焦虑"]),
    ("notable", &["著名", "值得关注", "知名"]),
    ("passenger", &["旅客", "乘客"]),
    ("patent", &["专利"]),
    ("patient", &["患者", "病人"]),
    ("phd", &["博士"]),
    ("population", &["人口"]),
    ("price", &["价格"]),
    ("private", &["私人", "私募"]),
    ("profit", &["利润"]),
    ("public", &["公众", "公开"]),
    ("publication", &["论文", "出版物"]),
    ("rate", &["率"]),
    ("respondent", &["受访者"]),
    ("revenue", &["收入", "营收"]),
    ("salary", &["工资", "薪资"]),
    ("sale", &["销售", "销量"]),
    ("share", &["比例", "占", "份额", "比重"]),
    ("student", &["学生"]),
    ("survey", &["调查"]),
    ("tax", &["税"]),
    ("teacher", &["教师", "老师"]),
    ("total", &["总"]),
    ("training", &["训练"]),
    ("uk", &["英国"]),
    ("unemployment", &["失业"]),
    ("university", &["大学"]),
    ("us", &["美国"]),
    ("usa", &["美国"]),
    ("user", &["用户"]),
    ("white", &["白人"]),
    ("win", &["胜"]),
    ("worker", &["工人", "劳动者"]),
    ("world", &["全球", "世界"]),
    ("year", &["年"]),
];

/// Id and source words that name no fact in particular.
const STOP: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "ch", "chapter", "chart", "fig", "figure", "for", "from",
    "in", "index", "of", "on", "or", "per", "report", "reported", "table", "text", "the", "to",
    "value", "vs", "with",
];

/// Fact units that say how a value is measured, not what is counted.
const MEASURE_UNITS: &[&str] = &[
    "", "%", "pp", "bp", "x", "times", "share", "percent", "fraction", "score", "number", "points",
    "t", "kg", "km", "usd", "cny", "eur", "gbp", "jpy", "rmb",
];

/// One word of a fact and how much it counts.
#[derive(Debug, Clone)]
pub struct Token {
    pub word: String,
    kind: TokenKind,
    /// 1 / sqrt(number of facts with this word), times the kind's weight.
    pub weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum TokenKind {
    /// A Latin word or digits-and-letters name (`gpt4`, `70b`).
    Word,
    /// A year (`2023`): matched as digits, counted half.
    Year,
    /// A figure or table number from the source (`4.3.8`).
    Figure,
    /// A Chinese bigram from the source.
    Bigram,
}

/// Divides each token's weight by the square root of the number of `sentences` it appears
/// in: a word the whole article uses (`人工智能` in an article about AI) names nothing.
pub fn weigh_by_article(tokens: &mut [Vec<Token>], sentences: &[Sentence<'_>]) {
    let mut seen: Vec<(String, f64)> = Vec::new();
    for list in tokens.iter_mut() {
        for t in list.iter_mut() {
            let factor = match seen.iter().find(|(w, _)| *w == t.word) {
                Some((_, f)) => *f,
                None => {
                    let n = sentences.iter().filter(|s| s.mentions(t)).count().max(1);
                    let f = 1.0 / (n as f64).sqrt();
                    seen.push((t.word.clone(), f));
                    f
                }
            };
            t.weight *= factor;
        }
    }
}

/// Whether the token is a year.
pub fn is_year_token(t: &Token) -> bool {
    t.kind == TokenKind::Year
}

/// The tokens of every fact, weighted across the set.
pub fn fact_tokens(facts: &[Fact]) -> Vec<Vec<Token>> {
    let raw: Vec<Vec<(String, TokenKind, f64)>> = facts.iter().map(tokens_of).collect();
    raw.iter()
        .map(|tokens| {
            tokens
                .iter()
                .map(|(w, k, base)| {
                    let df = raw
                        .iter()
                        .filter(|t| t.iter().any(|(x, _, _)| x == w))
                        .count()
                        .max(1);
                    Token {
                        word: w.clone(),
                        kind: *k,
                        weight: base / (df as f64).sqrt(),
                    }
                })
                .collect()
        })
        .collect()
}

fn tokens_of(fact: &Fact) -> Vec<(String, TokenKind, f64)> {
    let mut out: Vec<(String, TokenKind, f64)> = Vec::new();
    let mut push = |w: String, k: TokenKind, base: f64| {
        if !w.is_empty() && !out.iter().any(|(x, _, _)| *x == w) {
            out.push((w, k, base));
        }
    };
    for part in fact.id.split('_') {
        let lower = part.to_ascii_lowercase();
        if STOP.contains(&lower.as_str()) {
            continue;
        }
        if is_year(&lower) {
            push(lower, TokenKind::Year, 0.5);
        } else if lower.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        } else {
            push(stem(&lower), TokenKind::Word, 1.0);
        }
    }
    let unit = fact.unit.trim().to_ascii_lowercase();
    if !MEASURE_UNITS.contains(&unit.as_str()) && unit.bytes().all(|b| b.is_ascii_alphabetic()) {
        push(stem(&unit), TokenKind::Word, 1.0);
    }
    for word in latin_runs(&fact.source) {
        let lower = word.to_ascii_lowercase().replace('-', "");
        if is_figure(&word) {
            push(
                word.trim_end_matches('.').to_string(),
                TokenKind::Figure,
                1.0,
            );
        } else if is_year(&lower) {
            push(lower, TokenKind::Year, 0.25);
        } else if lower.len() >= 3
            && lower.bytes().any(|b| b.is_ascii_alphabetic())
            && !STOP.contains(&lower.as_str())
        {
            push(stem(&lower), TokenKind::Word, 0.5);
        }
    }
    let han: Vec<char> = fact.source.chars().collect();
    for pair in han.windows(2) {
        if pair.iter().all(|c| is_han(*c)) {
            push(pair.iter().collect(), TokenKind::Bigram, 0.5);
        }
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (1800..=2100).contains(&w.parse::<u32>().unwrap_or(0))
}

/// `4.3.8`, `1.3.21`: digits with at least two dots.
fn is_figure(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    w.split('.').count() >= 3
        && w.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Singular of an English word, as far as a fact id needs it.
fn stem(w: &str) -> String {
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{s}y");
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Runs of ASCII letters, digits, `-` and `.` (a figure number keeps its dots).
fn latin_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || ((c == '-' || c == '.') && !cur.is_empty()) {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.into_iter()
        .map(|w| w.trim_end_matches(['-', '.']).to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words of one sentence, with where they are.
pub struct Sentence<'t> {
    text: &'t str,
    span: Span,
    /// Lower-case Latin words (hyphens dropped, plurals folded) and figure numbers, with
    /// spans; joined pairs (`llama` `2` → `llama2`) too.
    latin: Vec<(String, Span)>,
    /// Where figure numbers may be cited for this sentence (its paragraph).
    paragraph: Span,
}

impl<'t> Sentence<'t> {
    pub fn new(text: &'t str, span: Span, paragraph: Span) -> Sentence<'t> {
        let mut latin: Vec<(String, Span)> = Vec::new();
        let scan = |from: Span, out: &mut Vec<(String, Span)>| {
            let s = &text[from.range()];
            let mut start = None;
            for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
                let part = c.is_ascii_alphanumeric() || ((c == '-' || c == '.') && start.is_some());
                match (start, part) {
                    (None, true) => start = Some(i),
                    (Some(b), false) => {
                        let raw = s[b..i].trim_end_matches(['-', '.']);
                        let span = Span::new(from.start + b, from.start + b + raw.len());
                        out.push((raw.to_string(), span));
                        start = None;
                    }
                    _ => {}
                }
            }
        };
        let mut raw = Vec::new();
        scan(span, &mut raw);
        for (k, (w, s)) in raw.iter().enumerate() {
            let lower = w.to_ascii_lowercase().replace('-', "");
            latin.push((stem(&lower), *s));
            if lower.contains('.') {
                latin.push((lower.replace('.', ""), *s));
            }
            if let Some((next, ns)) = raw.get(k + 1)
                && text[s.end..ns.start].chars().all(|c| c == ' ')
                && ns.start - s.end <= 1
            {
                let joined = format!("{lower}{}", next.to_ascii_lowercase().replace('-', ""));
                latin.push((joined, Span::new(s.start, ns.end)));
            }
        }
        let mut figures = Vec::new();
        scan(paragraph, &mut figures);
        latin.extend(figures.into_iter().filter(|(w, _)| is_figure(w)));
        Sentence {
            text,
            span,
            latin,
            paragraph,
        }
    }

    /// How well the words around the mention at `at` name the fact with `tokens`: the sum
    /// over its tokens of token weight × place weight (see the module doc). `lead` is the
    /// text between the previous number (or the sentence start) and this one, `tail` the
    /// text after it up to the next number.
    pub fn score(&self, tokens: &[Token], at: Span, lead: Span, tail: Span) -> f64 {
        tokens
            .iter()
            .map(|t| t.weight * self.place(t, at, lead, tail))
            .sum()
    }

    /// Whether the token appears anywhere in the sentence.
    pub fn mentions(&self, token: &Token) -> bool {
        let all = self.span;
        self.place(token, Span::new(all.end, all.end), all, all) > 0.0
    }

    /// Tokens of `tokens` found in this sentence, for a comment.
    pub fn found<'a>(&self, tokens: &'a [Token], at: Span, lead: Span, tail: Span) -> Vec<&'a str> {
        tokens
            .iter()
            .filter(|t| self.place(t, at, lead, tail) > 0.0)
            .map(|t| t.word.as_str())
            .collect()
    }

    /// The best place weight of any occurrence of the token.
    fn place(&self, token: &Token, at: Span, lead: Span, tail: Span) -> f64 {
        let clause = self.clause(at);
        let weigh = |s: Span| -> f64 {
            let same_clause = s.start >= clause.start && s.end <= clause.end;
            let in_lead = s.start >= lead.start && s.end <= lead.end;
            let in_tail = s.start >= tail.start && s.end <= tail.end;
            match (in_lead, in_tail, same_clause) {
                (true, _, true) => 1.0,
                (true, _, false) | (_, true, true) => 0.6,
                _ => 0.3,
            }
        };
        let mut best: f64 = 0.0;
        match token.kind {
            TokenKind::Figure => {
                if self.latin.iter().any(|(w, s)| {
                    *w == token.word
                        && s.start >= self.paragraph.start
                        && s.end <= self.paragraph.end
                }) {
                    best = 0.6;
                }
            }
            TokenKind::Year => {
                let s = &self.text[self.span.range()];
                for (i, _) in s.match_indices(token.word.as_str()) {
                    let (b, e) = (self.span.start + i, self.span.start + i + token.word.len());
                    let digit = |o: Option<u8>| o.is_some_and(|c| c.is_ascii_digit());
                    if digit(self.text.as_bytes().get(e).copied())
                        || (b > 0 && digit(self.text.as_bytes().get(b - 1).copied()))
                    {
                        continue;
                    }
                    best = best.max(weigh(Span::new(b, e)));
                }
            }
            TokenKind::Word => {
                for (w, s) in &self.latin {
                    if *w == token.word && s.start >= self.span.start && s.end <= self.span.end {
                        best = best.max(weigh(*s));
                    }
                }
                if let Ok(k) = GLOSSARY.binary_search_by_key(&token.word.as_str(), |(w, _)| w) {
                    for spelling in GLOSSARY[k].1 {
                        best = best.max(self.find(spelling, &weigh));
                    }
                }
            }
            TokenKind::Bigram => best = self.find(&token.word, &weigh),
        }
        best
    }

    fn find(&self, word: &str, weigh: &dyn Fn(Span) -> f64) -> f64 {
        let s = &self.text[self.span.range()];
        let is_latin = word.is_ascii();
        s.match_indices(word)
            .filter(|(i, _)| {
                // A Latin spelling (`AI`) must stand alone, not inside `MAIL`.
                !is_latin
                    || (!s[..*i]
                        .chars()
                        .next_back()
                        .is_some_and(|c| c.is_ascii_alphanumeric())
                        && !s[i + word.len()..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphanumeric()))
            })
            .map(|(i, _)| {
                weigh(Span::new(
                    self.span.start + i,
                    self.span.start + i + word.len(),
                ))
            })
            .fold(0.0, f64::max)
    }

    /// The clause around `at`: between the nearest clause punctuation on either side.
    fn clause(&self, at: Span) -> Span {
        const STOPS: &[char] = &[',', '，', ';', '；', ':', '：', '、'];
        let before = &self.text[self.span.start..at.start];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| STOPS.contains(c))
            .map_or(self.span.start, |(i, c)| self.span.start + i + c.len_utf8());
        let after = &self.text[at.end..self.span.end];
        let end = after
            .char_indices()
            .find(|(_, c)| STOPS.contains(c))
            .map_or(self.span.end, |(i, _)| at.end + i);
        Span::new(start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(id: &str, unit: &str, source: &str) -> Fact {
        Fact {
            id: id.into(),
            value: 1.0,
            unit: unit.into(),
            source: source.into(),
            precision: None,
            line: 1,
        }
    }

    #[test]
    fn the_glossary_is_sorted_for_binary_search() {
        assert!(GLOSSARY.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_nearest_words_before_the_number_name_the_fact() {
        let facts = [
            fact("notable_models_eu_2023", "models", "ch. 1"),
            fact("notable_models_china_2023", "models", "ch. 1"),
        ];
        let tokens = fact_tokens(&facts);
        let text = "远远超过欧盟的 21 个和中国的 15 个。";
        let all = Span::new(0, text.len());
        let at = Span::new(
            text.find("21").unwrap_or(0),
            text.find("21").unwrap_or(0) + "21 个".len(),
        );
        let lead = Span::new(0, at.start);
        let tail = Span::new(at.end, text.find("15").unwrap_or(0));
        let s = Sentence::new(text, all, all);
        let eu = s.score(&tokens[0], at, lead, tail);
        let china = s.score(&tokens[1], at, lead, tail);
        assert!(eu > china, "{eu} {china}");
    }

    #[test]
    fn latin_names_are_read_without_hyphens_and_joined() {
        let facts = [
            fact("llama2_70b_emissions", "t", "Fig. 2.13.1"),
            fact("gpt4_cost", "USD", "x"),
        ];
        let tokens = fact_tokens(&facts);
        let text = "Meta 的 Llama 2 70B 排放 GPT-4 (图 2.13.1)";
        let all = Span::new(0, text.len());
        let s = Sentence::new(text, all, all);
        let z = Span::new(text.len(), text.len());
        assert_eq!(
            s.found(&tokens[0], z, z, z),
            ["llama2", "70b", "emission", "2.13.1"]
        );
        assert_eq!(s.found(&tokens[1], z, z, z), ["gpt4"]);
    }
}
