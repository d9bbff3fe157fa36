//! Drafting rules for an article: a document, its mentions and a list of facts in, a `Draft`
//! out: per quantity, the claim written for it, the near miss it is, the facts that fit it
//! too equally to choose, or nothing; and the draft as a rule file (`Draft::to_yaml`).
//!
//! For each quantity, `search` finds the facts and two-fact derivations whose value lies
//! near its interval, and `words` scores how well the sentence names each fact. A claim is
//! written only when one candidate is clearly the best named (precision first: a drafted
//! claim is a statement about the article). A best candidate that falls just outside the
//! number's interval is a **near miss**: a likely error, written as a claim that fails on the
//! article (so `factlint check` reports it), with the corrected sentence as its pass example.
//!
//! Every claim's template is cut from its sentence, grown until it matches only that number
//! in the article; its examples are the sentence (pass) and the sentence with the figure
//! changed (fail). The draft is then compiled and run like any rule file: a claim whose
//! examples or whose verdict on the article do not come out as intended is dropped (and
//! listed), so the draft always loads and `factlint test` passes on it.

mod facts;
mod search;
mod words;
mod write;

use std::path::{Path, PathBuf};

pub use facts::{facts_from_csv, read_facts};
pub use search::{Candidate, Family, NEAR, Op, fact_family, mention_family};

use crate::check::{CheckOptions, not_a_claim};
use crate::extract::Mention;
use crate::rules::Fact;
use crate::source::{Document, Span};
use search::FactIndex;
use words::{Sentence, Token, fact_tokens};

/// The least word score for a candidate to be taken (one id word just before the number,
/// shared by no other fact, scores 1).
pub const MIN_SCORE: f64 = 0.05;
/// The least word score for a derivation: two facts need more evidence than one.
pub const MIN_DERIVED: f64 = 0.15;
/// The least word score for a near miss.
pub const NEAR_MIN: f64 = 0.5;
/// The best candidate must score at least this many times the next one with other facts.
pub const LEAD: f64 = 1.5;
/// A near miss must score this many times the best candidate that holds: an accusation
/// needs more than a correct reading does.
pub const NEAR_LEAD: f64 = 2.0;
/// A derivation's score is the mean of its facts' scores times this: a fact stated
/// directly is the simpler reading.
pub const DERIVED: f64 = 0.8;
/// Relative distance from the written value within which closeness does not lower a score.
pub const CLOSE: f64 = 0.1;
/// Beyond this relative distance from the written value, a closed reading is not taken at
/// all, even inside the interval (`1000 家` read generously allows 500).
pub const FAR: f64 = 0.25;
/// And times this again when its two facts share no word but a year.
pub const UNRELATED: f64 = 0.5;

/// What the draft says about one quantity.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// A claim that holds on the article.
    Claim(DraftClaim),
    /// A claim that fails on the article: the number is just outside the computed value.
    NearMiss(DraftClaim),
    /// Several candidates fit about equally well; none is written.
    Ambiguous(Vec<Scored>),
    /// A clear candidate, but no claim could be written for it (why).
    Unwritten(Scored, String),
    /// No fact or derivation fits.
    Untied,
    /// A duration or list count: not a claim.
    NotAClaim,
}

/// A candidate with its word score.
#[derive(Debug, Clone)]
pub struct Scored {
    pub candidate: Candidate,
    pub score: f64,
    /// The fact words found in the sentence.
    pub words: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct DraftClaim {
    pub id: String,
    pub template: String,
    pub placeholder: String,
    pub check: String,
    pub source: String,
    pub why: String,
    pub pass: Vec<String>,
    pub fail: Vec<String>,
    pub chosen: Scored,
}

/// One quantity of the article and what the draft made of it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Index into the mentions.
    pub mention: usize,
    pub span: Span,
    pub line: usize,
    pub text: String,
    pub outcome: Outcome,
}

#[derive(Debug)]
pub struct Draft {
    /// The article as given (what `applies_to` names).
    pub article: PathBuf,
    pub facts: Vec<Fact>,
    pub entries: Vec<Entry>,
}

impl Draft {
    pub fn claims(&self) -> impl Iterator<Item = &DraftClaim> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Claim(c) | Outcome::NearMiss(c) => Some(c),
            _ => None,
        })
    }

    pub fn near_misses(&self) -> impl Iterator<Item = (&Entry, &DraftClaim)> {
        self.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::NearMiss(c) => Some((e, c)),
            _ => None,
        })
    }

    /// Quantities tied to a fact: a claim, a near miss, or a clear candidate not written.
    pub fn tied(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| {
                matches!(
                    e.outcome,
                    Outcome::Claim(_) | Outcome::NearMiss(_) | Outcome::Unwritten(..)
                )
            })
            .count()
    }

    /// Quantities that count (durations and list counts left out).
    pub fn quantities(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| !matches!(e.outcome, Outcome::NotAClaim))
            .count()
    }

    pub fn to_yaml(&self) -> String {
        write::yaml(self)
    }
}

/// Drafts the rules of `doc` (with its `mentions`) from `facts`.
pub fn draft(
    doc: &Document,
    mentions: &[Mention],
    facts: &[Fact],
    options: &CheckOptions,
) -> Draft {
    let index = FactIndex::new(facts);
    let mut tokens = fact_tokens(facts);
    let quantities: Vec<usize> = (0..mentions.len())
        .filter(|&i| mentions[i].kind.is_quantity())
        .collect();
    let mut spans: Vec<Span> = quantities
        .iter()
        .map(|&i| sentence_of(&doc.masked, mentions[i].span))
        .collect();
    spans.dedup();
    let sentences: Vec<Sentence<'_>> = spans
        .iter()
        .map(|&s| Sentence::new(&doc.masked, s, s))
        .collect();
    words::weigh_by_article(&mut tokens, &sentences);
    let mut entries = Vec::new();
    for (q, &i) in quantities.iter().enumerate() {
        let m = &mentions[i];
        let line = doc.lines.line_of(m.span.start) + 1;
        let text = doc.text[m.span.range()].to_string();
        let claimable = not_a_claim(m, &doc.masked).is_none();
        let outcome = match mention_family(m).filter(|_| claimable) {
            None => Outcome::NotAClaim,
            Some(family) => {
                let sentence = sentence_of(&doc.masked, m.span);
                let prev = quantities[..q]
                    .last()
                    .map(|&p| mentions[p].span.end)
                    .filter(|&e| e > sentence.start && e <= m.span.start)
                    .unwrap_or(sentence.start);
                let next = quantities
                    .get(q + 1)
                    .map(|&n| mentions[n].span.start)
                    .filter(|&s| s < sentence.end && s >= m.span.end)
                    .unwrap_or(sentence.end);
                let words = Sentence::new(&doc.masked, sentence, paragraph_of(&doc.masked, m.span));
                let lead = Span::new(prev, m.span.start);
                let tail = Span::new(m.span.end, next);
                let scored: Vec<Scored> = index
                    .candidates(m, &family)
                    .into_iter()
                    .filter_map(|c| {
                        score(
                            facts,
                            (m.value, m.interval.is_closed()),
                            &words,
                            &tokens,
                            c,
                            m.span,
                            lead,
                            tail,
                        )
                    })
                    .collect();
                choose(scored)
            }
        };
        entries.push(Entry {
            mention: i,
            span: m.span,
            line,
            text,
            outcome,
        });
    }
    let mut draft = Draft {
        article: doc.path.clone(),
        facts: facts.to_vec(),
        entries,
    };
    write::write_claims(&mut draft, doc, mentions, options);
    draft
}

/// A candidate's word score, or `None` when a derivation's facts are not each named by
/// some word of their own.
#[allow(clippy::too_many_arguments)]
fn score(
    facts: &[Fact],
    (value, closed): (f64, bool),
    s: &Sentence<'_>,
    tokens: &[Vec<Token>],
    c: Candidate,
    at: Span,
    lead: Span,
    tail: Span,
) -> Option<Scored> {
    let ta = &tokens[c.a];
    let named = |t: &[Token]| t.iter().any(|x| !words::is_year_token(x) && s.mentions(x));
    let (score, words) = if c.op == Op::Fact {
        if !named(ta) {
            return None;
        }
        (s.score(ta, at, lead, tail), s.found(ta, at, lead, tail))
    } else {
        let tb = &tokens[c.b];
        let own = |t: &[Token], other: &[Token]| -> Vec<Token> {
            t.iter()
                .filter(|x| !other.iter().any(|y| y.word == x.word))
                .cloned()
                .collect()
        };
        // Each fact must be told apart by a word of its own (a year will do), and the pair
        // named by some word that is not a year.
        let (oa, ob) = (own(ta, tb), own(tb, ta));
        if !oa.iter().any(|x| s.mentions(x))
            || !ob.iter().any(|x| s.mentions(x))
            || !(named(ta) || named(tb))
        {
            return None;
        }
        if matches!(c.op, Op::Increase | Op::Decrease)
            && !same_but_year(&facts[c.a].id, &facts[c.b].id)
        {
            return None;
        }
        let (sa, sb) = (s.score(ta, at, lead, tail), s.score(tb, at, lead, tail));
        let mut found = s.found(ta, at, lead, tail);
        for w in s.found(tb, at, lead, tail) {
            if !found.contains(&w) {
                found.push(w);
            }
        }
        // Two facts of one measure (the same words but for a year, a place, a sector) make
        // a derivation people write; two unrelated facts seldom do.
        let related = ta
            .iter()
            .any(|x| !words::is_year_token(x) && tb.iter().any(|y| y.word == x.word));
        // Only a share may set two different measures against each other (calls per
        // company); a ratio, sum or difference of unrelated facts is a coincidence.
        if !related && c.op != Op::Share {
            return None;
        }
        let mut score = DERIVED * (sa + sb) / 2.0;
        if !related {
            score *= UNRELATED;
        }
        if score < MIN_DERIVED {
            return None;
        }
        (score, found)
    };
    // Closeness: a value within a tenth of the written one counts in full; beyond, less
    // and less (`1000 家` allows 500 at its written precision, but hardly means it).
    let m_closed = closed;
    let relative = (c.value.point - value).abs() / value.abs().max(f64::MIN_POSITIVE);
    if relative > FAR && m_closed {
        return None;
    }
    let score = score * (CLOSE / relative.max(CLOSE));
    Some(Scored {
        candidate: c,
        score,
        words: words.into_iter().map(str::to_string).collect(),
    })
}

/// Whether two fact ids differ only in their years (`investment_2022`, `investment_2023`):
/// a percent change is the same measure at two times.
fn same_but_year(a: &str, b: &str) -> bool {
    let strip = |id: &str| -> Vec<String> {
        id.split('_')
            .filter(|p| !(p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit())))
            .map(str::to_string)
            .collect()
    };
    a != b && strip(a) == strip(b)
}

/// The outcome for one quantity's scored candidates (see the module doc).
fn choose(mut scored: Vec<Scored>) -> Outcome {
    scored.retain(|s| s.score >= MIN_SCORE);
    if scored.is_empty() {
        return Outcome::Untied;
    }
    // Best named first; then a fact alone before a derivation, then a hit, then the closest.
    scored.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then(x.candidate.op.cmp(&y.candidate.op))
            .then(y.candidate.hit.cmp(&x.candidate.hit))
            .then(x.candidate.gap.total_cmp(&y.candidate.gap))
    });
    let differs = |x: &Scored, y: &Scored| {
        let mut a = x.candidate.facts();
        let mut b = y.candidate.facts();
        a.sort_unstable();
        b.sort_unstable();
        a != b
    };
    let (hits, nears): (Vec<&Scored>, Vec<&Scored>) = scored.iter().partition(|s| s.candidate.hit);
    // A near miss accuses the article: it must be well named, named far better than any
    // reading that holds, and better than any other near miss.
    if let Some(&n) = nears.first()
        && n.score >= NEAR_MIN
        && hits.first().is_none_or(|h| n.score >= NEAR_LEAD * h.score)
        && !nears[1..]
            .iter()
            .any(|o| differs(o, n) && o.score * LEAD > n.score)
    {
        return Outcome::NearMiss(placeholder_claim(n.clone()));
    }
    let Some(&h) = hits.first() else {
        scored.truncate(4);
        return Outcome::Ambiguous(scored);
    };
    // A fact stated directly is the simpler reading: a derivation outranks it only when
    // named clearly better.
    let direct = |s: &Scored| s.candidate.op == Op::Fact;
    let h = if direct(h) {
        h
    } else {
        hits.iter()
            .copied()
            .find(|o| direct(o) && o.score * LEAD >= h.score)
            .unwrap_or(h)
    };
    let rivals = hits.iter().any(|o| {
        differs(o, h)
            && if direct(o) == direct(h) || direct(o) {
                o.score * LEAD > h.score
            } else {
                o.score > LEAD * h.score
            }
    });
    if rivals {
        let mut list: Vec<Scored> = hits.into_iter().cloned().collect();
        list.truncate(4);
        return Outcome::Ambiguous(list);
    }
    Outcome::Claim(placeholder_claim(h.clone()))
}

/// A claim to be written by `write` (template and examples still empty).
fn placeholder_claim(chosen: Scored) -> DraftClaim {
    DraftClaim {
        id: String::new(),
        template: String::new(),
        placeholder: String::new(),
        check: String::new(),
        source: String::new(),
        why: String::new(),
        pass: Vec::new(),
        fail: Vec::new(),
        chosen,
    }
}

/// The sentence around `at` in `text`: between sentence ends (`。！？!?`, a line break, or
/// `.` before a space).
pub(crate) fn sentence_of(text: &str, at: Span) -> Span {
    let is_end = |s: &str, i: usize, c: char| -> bool {
        match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => true,
            '.' => s[i + 1..].starts_with([' ', '\n']) || i + 1 == s.len(),
            _ => false,
        }
    };
    let start = text[..at.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| is_end(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at.end..]
        .char_indices()
        .find(|&(i, c)| is_end(text, at.end + i, c))
        .map_or(text.len(), |(i, c)| at.end + i + c.len_utf8());
    // Leading spacing and list bullets are not part of the sentence.
    let lead = text[start..end]
        .char_indices()
        .find(|&(_, c)| !(c.is_whitespace() || matches!(c, '•' | '·' | '-' | '*' | '>')))
        .map_or(0, |(i, _)| i);
    let trimmed_end = start + text[start..end].trim_end_matches(['\n', '\r', ' ']).len();
    Span::new((start + lead).min(at.start), trimmed_end.max(at.end))
}

/// The paragraph (line) around `at`.
fn paragraph_of(text: &str, at: Span) -> Span {
    let start = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at.end..].find('\n').map_or(text.len(), |i| at.end + i);
    Span::new(start, end)
}

/// The path as `applies_to` should name it: relative, with `/`.
pub(crate) fn glob_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").unwrap_or(&s).to_string()
}
