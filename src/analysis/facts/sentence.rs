//! The facts of one sentence: its quantities with their clause, label, measure, period,
//! basis, role and flags.

use std::ops::Range;

use super::scan::{self, Marks, Scan};
use super::tokens::{Token, tokens_into_at};
use super::words::{CUT_CHARS, flags_at, hedge_start, is_connector, measure_in, role};
use super::{Fact, Period, Role, Year, basis};
use crate::extract::{Kind, Mention};
use crate::source::Span;

/// The lists `facts_of_sentence` fills for each sentence, kept from one sentence to the
/// next so that their memory is not asked for again.
#[derive(Default)]
pub(super) struct Scratch {
    quantities: Vec<usize>,
    breaks: Vec<Span>,
    quotes: Vec<(usize, char)>,
    toks: Vec<(Span, Token)>,
    years: Vec<(Span, i32)>,
    year_spans: Vec<Span>,
    asides: Vec<Span>,
    starts: Vec<usize>,
}

/// One sentence's facts.
#[allow(clippy::too_many_arguments)]
pub(super) fn facts_of_sentence(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    range: Range<usize>,
    index: usize,
    scanned: Option<Scan>,
    scratch: &mut Scratch,
    out: &mut Vec<Fact>,
) {
    let Scratch {
        quantities,
        breaks,
        quotes,
        toks,
        years,
        year_spans,
        asides,
        starts,
    } = scratch;
    // Mentions are sorted and never overlap; one that runs past the sentence's end (a
    // stop inside it) is left out.
    quantities.clear();
    quantities.extend(
        range
            .clone()
            .filter(|&i| mentions[i].kind.is_quantity() && mentions[i].span.end <= sentence.end),
    );
    // Overlong sentences and sentences full of figures are lists or tables in disguise, as
    // for the sentence checks; they give no facts, which also keeps the work per sentence
    // bounded.
    if quantities.is_empty()
        || sentence.len() > crate::analysis::MAX_SENTENCE_BYTES
        || quantities.len() > crate::analysis::MAX_QUANTITIES
    {
        return;
    }
    let first_fact = out.len();
    let s = &text[sentence.range()];
    // Found once per sentence: clause breaks, and where attribution, forecast and quotation
    // words first stand (a figure after them is governed by them). The breaks, the
    // quotation marks and the first `，据` are found in the scan's pass over the characters,
    // unless a reader's probe scanned the sentence already.
    breaks.clear();
    quotes.clear();
    starts.clear();
    // Where a flag or period word beyond ASCII may begin, found by the scan's pass (not by
    // `mark`'s, which decodes only punctuation): the words are looked up there.
    let found_starts = scanned.is_none();
    let mut marks = Marks {
        base: sentence.start,
        breaks: Some(breaks),
        quotes: Some(quotes),
        comma_ju: None,
        starts: Some(starts),
    };
    let scanned = &match scanned {
        Some(scanned) => {
            mark(s, &mut marks);
            scanned
        }
        None => scan::scan_marking::<true>(s, &mut marks),
    };
    let comma_ju = marks.comma_ju;
    let starts = found_starts.then_some(&starts[..]);
    let (breaks, quotes) = (&*breaks, &*quotes);
    // English: no CJK ideograph.
    let english = !scanned.cjk;
    let flagged = flags_at(s, scanned, starts);
    let attribution = flagged
        .attribution
        .into_iter()
        .chain(s.starts_with('据').then_some('据'.len_utf8()))
        .chain(comma_ju)
        .min()
        .map(|k| sentence.start + k);
    let expectation = flagged.expectation.map(|k| sentence.start + k);
    toks.clear();
    tokens_into_at(text, sentence, scanned, starts, toks);
    // Years from the extractor: `2024 年`, `in 2023`, `fiscal 2025`, and the year that
    // opens a date (`2024 年 1 至 9 月`, read as one date mention).
    years.clear();
    years.extend(range.clone().filter_map(|i| match mentions[i].kind {
        Kind::Year => Some((
            with_fiscal(text, mentions[i].span),
            fiscal_end(text, &mentions[i]),
        )),
        Kind::Date => date_year(text, mentions[i].span),
        _ => None,
    }));
    year_spans.clear();
    year_spans.extend(years.iter().map(|&(sp, _)| sp));
    toks.extend(years.iter().map(|&(sp, y)| (sp, Token::Year(y))));
    toks.sort_by_key(|(sp, _)| sp.start);
    // A quantity inside a period (`前 11 个月`, `1 至 10 月`) is part of the period, not a
    // figure.
    quantities.retain(|&i| {
        !toks
            .iter()
            .any(|(sp, t)| matches!(t, Token::Part(_)) && sp.contains(mentions[i].span))
    });
    let (quantities, toks, year_spans) = (&*quantities, &*toks, &*year_spans);
    let revised = flagged.revised;
    // Whether `分别` may stand in the sentence, from its characters.
    let may_fenbie = scanned.chars.may_hold("分别");
    let multiple = flagged.multiple_answers;
    // Whether a word after which a measure starts (`表示`) may stand in the sentence.
    let may_cut = !english && CUT_CHARS.iter().any(|&c| scanned.chars.may_contain(c));
    let mut prev_end = sentence.start;
    // The last fact of this sentence that is not an aside in brackets: what a change or an
    // aside after it speaks of.
    let mut last_main: Option<usize> = None;
    // The clauses of those asides: their words (`上年同期`) date the aside, not what follows.
    asides.clear();
    for (k, &i) in quantities.iter().enumerate() {
        let m = &mentions[i];
        let clause = clause_of(breaks, sentence, m.span);
        let label_start = clause.start.max(prev_end).min(m.span.start);
        let label = Span::new(label_start, hedge_start(m).max(label_start));
        let next_start = quantities
            .get(k + 1)
            .map_or(sentence.end, |&j| mentions[j].span.start);
        let after = Span::new(m.span.end, clause.end.min(next_start).max(m.span.end));
        let label_text = &text[label.range()];
        let after_text = &text[after.range()];
        // Period: the nearest year and part words before the figure in the sentence; in
        // English also those after it in its clause (`$8.62 billion in fiscal 2025`), which
        // are read last and so win. Basis: the words since the figure before.
        let scope_start = if k == 0 {
            sentence.start
        } else {
            mentions[quantities[k - 1]].span.end
        };
        let role = role(m, label_text, after_text, english);
        let in_after = |sp: Span| english && sp.start >= after.start && sp.end <= after.end;
        let mut period = Period::default();
        let mut basis_bits = 0u16;
        // In English a period after an earlier figure is that figure's (`up from 16,750
        // last year, and 17,460 of them finished`): only words of the figure's own clause,
        // or before the sentence's first figure, count.
        let first_start = mentions[quantities[0]].span.start;
        let before = toks.iter().filter(|(sp, _)| {
            sp.end <= m.span.start
                && (!english || sp.start >= clause.start || sp.end <= first_start)
                && !asides.iter().any(|a| a.contains(*sp))
        });
        // A year after a word of comparison (`up 8.0% on 2023-24`, `from FY2024`) is the
        // base of the change, not its period.
        let later = toks.iter().filter(|(sp, t)| {
            in_after(*sp) && !(matches!(t, Token::Year(_)) && after_base_word(text, sp.start))
        });
        // In English a basis right after the figure before is that figure's
        // (`up 14% year over year and 3% from the second quarter`).
        let prev_tail = |sp: Span| {
            english
                && k > 0
                && text[scope_start..sp.start.max(scope_start)]
                    .chars()
                    .all(|c| c.is_whitespace() || c == ',')
        };
        for &(sp, tok) in before.chain(later) {
            let own = sp.start >= scope_start && !prev_tail(sp);
            match tok {
                Token::Basis(b) if own => basis_bits |= b,
                Token::Basis(_) => {}
                // `比上年`, `a year earlier` after a change is its basis, not its period.
                Token::Previous
                    if own
                        && matches!(role, Role::Change(_))
                        && !names_a_past_part(text, toks, sp) =>
                {
                    basis_bits |= basis::YOY
                }
                Token::Previous => period.year = Year::Previous,
                Token::This => period.year = Year::Unstated,
                Token::Year(y) => period.year = Year::Abs(y),
                Token::Part(p) => period.part = p,
            }
        }
        let mut measure = measure_in(text, label, toks, year_spans, may_cut);
        let mut role = role;
        if role == Role::Level
            && matches!(m.kind, Kind::Percent | Kind::Points)
            && is_connector(label_text)
            && let Some(prev) = out
                .last()
                .filter(|p| p.sentence == index && out.len() > first_fact)
            && let Role::Change(sign) = prev.role
        {
            // `up 14% year over year and 3% from the second quarter`
            role = Role::Change(sign);
        }
        let respectively = (may_fenbie && label_text.contains("分别"))
            || (scanned.letters
                && after_text
                    .as_bytes()
                    .windows(b"respectively".len())
                    .any(|w| w.eq_ignore_ascii_case(b"respectively")));
        let mut head = out.len();
        // `营业收入 286.4 亿元（上年同期 255.0 亿元）`: a figure in a bracket that opens right
        // after another figure is an aside about that figure: the same measure, at the period
        // its own words give (`上年同期` names no measure). A bracket after a noun
        // (`中国投资额(78 亿美元)`) is that noun's figure, read as usual.
        let aside = last_main.filter(|&p| {
            let before = text[..clause.start].trim_end_matches(['（', '(']);
            before.len() < clause.start
                && before.trim_end().len() == mentions[out[p].mention].span.end
        });
        if let Some(prev) = aside {
            measure = out[prev].measure.clone();
            head = out[prev].head;
        }
        if aside.is_none()
            && measure.is_empty()
            && matches!(role, Role::Change(_) | Role::Share)
            && let Some(prev) = last_main
        {
            // `营业收入 186.4 亿元，同比增长 12.6%`: the change is of the figure before.
            measure = out[prev].measure.clone();
            head = out[prev].head;
            // `$8.62 billion in fiscal 2025, up 6.1%`: and its period.
            if !period.is_stated() {
                period = out[prev].period;
            }
        }
        // `like-for-like sales rose 3.8% in the six weeks to January 4, with online sales up
        // 9.2%`: a clause opened by `with` hangs on the figure before and shares its time.
        if english
            && !period.is_stated()
            && aside.is_none()
            && let Some(prev) = last_main
            && text[clause.start..m.span.start.max(clause.start)]
                .trim_start()
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("with "))
        {
            period = out[prev].period;
        }
        let attributed =
            attribution.is_some_and(|a| a <= m.span.start) || inside_quotes(quotes, m.span.start);
        let forecast = flagged.forecast_in(
            s,
            clause.start.min(label.start) - sentence.start,
            m.span.start - sentence.start,
        ) || expectation.is_some_and(|a| a <= m.span.start);
        out.push(Fact {
            mention: i,
            sentence: index,
            clause,
            label,
            measure,
            head,
            period,
            basis: basis_bits,
            role,
            attributed,
            forecast,
            revised,
            multiple_answers: multiple,
            respectively,
        });
        match aside {
            Some(_) => asides.push(clause),
            None => last_main = Some(out.len() - 1),
        }
        prev_end = m.span.end;
    }
    if english {
        rose_to(text, mentions, &mut out[first_fact..]);
    }
}

/// `passenger revenue rose 8.4% year on year to $3.46 billion in the second quarter`: a
/// change and the level it reached, joined by `to` in one clause, are one statement. The
/// level takes the change's measure when it has none, the change the level's period when it
/// has none. One pass over neighbouring facts; only changes are looked at.
fn rose_to(text: &str, mentions: &[Mention], facts: &mut [Fact]) {
    for j in 1..facts.len() {
        let (a, b) = (&facts[j - 1], &facts[j]);
        if !matches!(a.role, Role::Change(_)) || b.role != Role::Level || a.clause != b.clause {
            continue;
        }
        let (ma, mb) = (&mentions[a.mention], &mentions[b.mention]);
        if matches!(mb.kind, Kind::Percent | Kind::Points) || mb.span.start < ma.span.end {
            continue;
        }
        let mut between = text[ma.span.end..mb.span.start].trim_end();
        // `rose 9.6% to a record $4.86 billion`, `to a new high of`: how high, not what.
        while let Some(k) = between.rfind(' ')
            && RECORD_WORDS.contains(&between[k + 1..].to_ascii_lowercase().as_str())
        {
            between = between[..k].trim_end();
        }
        let joined = between
            .strip_suffix("to")
            .is_some_and(|r| r.is_empty() || r.ends_with(' '));
        if !joined {
            continue;
        }
        let (measure, head, period) = (a.measure.clone(), a.head, b.period);
        if facts[j].measure.is_empty() {
            facts[j].measure = measure;
            facts[j].head = head;
        }
        if !facts[j - 1].period.is_stated() {
            facts[j - 1].period = period;
        }
    }
}

/// The clause breaks and quotation marks of sentence `s` into `marks`, by a pass of their
/// own (`scan::scan_marking` finds the same in the scan's pass): every character looked
/// for is ASCII or has one of a few UTF-8 lead bytes, so the others are passed over
/// undecoded, a whole character at a time.
fn mark(s: &str, marks: &mut Marks<'_>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let c = match b {
            b',' | b';' | b':' | b'(' | b')' | b'"' => b as char,
            // `“”` (E2), `、` (E3), fullwidth punctuation (EF).
            0xE2 | 0xE3 | 0xEF => s[i..].chars().next().unwrap_or(' '),
            _ => {
                i += utf8_width(b);
                continue;
            }
        };
        marks.mark(s, i, c);
        i += c.len_utf8();
    }
}

/// The width of the UTF-8 character that starts with byte `b`.
fn utf8_width(b: u8) -> usize {
    match b {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Words between `to` and the level a change reached that say how high it is, not what
/// it measures (`to a record`, `to a new all-time high of`).
const RECORD_WORDS: &[&str] = &[
    "a", "an", "record", "new", "high", "all-time", "fresh", "peak", "of",
];

/// The clause around `span`: from the end of the last clause break before it (or the
/// sentence's start) to the first break after it (or the sentence's end).
fn clause_of(breaks: &[Span], sentence: Span, span: Span) -> Span {
    let k = breaks.partition_point(|b| b.end <= span.start);
    let start = k.checked_sub(1).map_or(sentence.start, |p| breaks[p].end);
    let after = k + breaks[k..].partition_point(|b| b.start < span.end);
    let end = breaks.get(after).map_or(sentence.end, |b| b.start);
    Span::new(start, end.max(start))
}

/// Whether `at` stands inside quotation marks, given the sentence's quotation marks.
fn inside_quotes(quotes: &[(usize, char)], at: usize) -> bool {
    let (mut open, mut straight) = (0i32, 0);
    for &(_, c) in quotes.iter().take_while(|(i, _)| *i < at) {
        match c {
            '“' => open += 1,
            '”' => open -= 1,
            _ => straight += 1,
        }
    }
    open > 0 || straight % 2 == 1
}

/// The year a year mention names: a fiscal or school year written as two (`2024-25`,
/// `2023/24`, `2024至25年度`) is named by the year it ends in, as `FY2025` is; any other
/// year is its value.
/// The year a Chinese date opens with (`2024 年 1 至 9 月`, `2025年10月`): its span (the
/// digits and `年`) and value.
fn date_year(text: &str, date: Span) -> Option<(Span, i32)> {
    let t = &text[date.range()];
    if let Some(y) = english_month_year(t) {
        // `October 2025`: the month is the tokens' (`Part::Month`); the year is this.
        let start = date.end - 4;
        return Some((Span::new(start, date.end), y));
    }
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let rest = &t[digits..];
    let gap = rest.len() - rest.trim_start_matches(' ').len();
    if !rest[gap..].starts_with('年') {
        return None;
    }
    let year: i32 = t[..digits].parse().ok()?;
    let end = date.start + digits + gap + '年'.len_utf8();
    (1900..=2100)
        .contains(&year)
        .then(|| (Span::new(date.start, end), year))
}

/// `October 2025`: an English month's full name and a year, nothing else (a date with a
/// day, `October 12, 2025`, names a day, not a month's figure): the year. Only full names:
/// the period words read the month from them, and a year without its month (`Oct 2025`)
/// would read as the whole year.
fn english_month_year(t: &str) -> Option<i32> {
    let (month, year) = t.rsplit_once(' ')?;
    let month = month.trim().to_ascii_lowercase();
    let named = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
    .contains(&month.as_str());
    if !named || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = year.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn fiscal_end(text: &str, m: &Mention) -> i32 {
    let y = m.value as i32;
    let t = &text[m.span.range()];
    let Some(rest) = t.get(4..) else {
        return y;
    };
    let digits: String = rest
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '–' | '/' | '至' | '到')
        })
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let end = match digits.len() {
        2 => digits.parse::<i32>().ok().map(|d| y - y % 100 + d),
        4 => digits.parse::<i32>().ok(),
        _ => None,
    };
    match end {
        Some(e) if e == y + 1 || (e + 100 == y + 1) => y + 1,
        _ => y,
    }
}

/// A year's span with the word `fiscal` right before it (`for fiscal 2025`): the word is
/// part of the period, not of the measure (`net income for fiscal 2025 totalled`).
fn with_fiscal(text: &str, span: Span) -> Span {
    let before = text[..span.start].trim_end_matches(' ');
    match before.len().checked_sub("fiscal".len()) {
        Some(k)
            if before.is_char_boundary(k)
                && before[k..].eq_ignore_ascii_case("fiscal")
                && !before[..k].ends_with(|c: char| c.is_ascii_alphanumeric()) =>
        {
            Span::new(k, span.end)
        }
        _ => span,
    }
}

/// Words before a year that make it the base a figure is compared with (`since 2019`: the
/// start of a span the figure is a record of, not its period).
const BASE_WORDS: &[&str] = &[
    "on", "from", "over", "than", "against", "versus", "vs", "with", "to", "since",
];

/// Whether the English word right before `at` is one of `BASE_WORDS` (`compared with`,
/// `relative to` end with one).
/// Words of comparison that make a previous year right after them a change's base
/// (`较去年 10 月份增长 3%`), not the period of the figure.
const PAST_BASE_WORDS: &[&str] = &["比", "较", "較", "相比", "对比", "對比", "同"];

/// Whether a previous year at `sp` opens a part of that year (`上年 10 月份，…同比下降 0.1%`,
/// `去年三季度`): the figure is of that past part of a year (its change has a basis of its
/// own), unless a word of comparison stands right before (`较去年 10 月份`).
fn names_a_past_part(text: &str, toks: &[(Span, Token)], sp: Span) -> bool {
    let Some((next, _)) = toks
        .iter()
        .find(|(t, tok)| t.start >= sp.end && matches!(tok, Token::Part(_)))
    else {
        return false;
    };
    let gap = &text[sp.end..next.start.max(sp.end)];
    let before = text[..sp.start].trim_end();
    gap.chars().all(|c| c.is_whitespace() || c == '的')
        && !PAST_BASE_WORDS.iter().any(|w| before.ends_with(w))
}

fn after_base_word(text: &str, at: usize) -> bool {
    let mut before = text[..at].trim_end();
    // `up 14.2% on the 2024 season`: the article before the year is no word of its own.
    if let Some(rest) = before.strip_suffix("the")
        && rest.ends_with(char::is_whitespace)
    {
        before = rest.trim_end();
    }
    let word = before
        .rsplit(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    BASE_WORDS.contains(&word.as_str())
}
