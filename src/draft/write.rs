//! Writing the draft: templates cut from the sentences, examples, each claim tried through
//! the real loader and engine, and the rule file as YAML text.

use std::fmt::Write as _;
use std::path::Path;

use super::search::Op;
use super::{Draft, DraftClaim, Entry, Outcome, Scored, glob_path, sentence_of};
use crate::check::{CheckOptions, Context, claim};
use crate::eval::human;
use crate::extract::{Kind, Mention, write_like};
use crate::rules::normalize::Normalized;
use crate::rules::units::unit_scale;
use crate::rules::{Fact, RuleSet, Template};
use crate::session::{ExampleOutcome, run_examples};
use crate::source::Document;

/// Literal characters (spacing aside) a template needs at least, so that it says where it is.
const MIN_LITERAL: usize = 8;
/// Literal characters before the number, at least (the words that say what it is).
const MIN_BEFORE: usize = 4;
/// How far past a unique template its start may move to begin at a clause boundary.
const TO_CLAUSE: usize = 4;

/// Fractions written in words, for the fail example of a fraction (which `write_like`
/// cannot rewrite digit for digit).
const FRACTIONS_ZH: &[(&str, f64)] = &[
    ("十分之一", 0.1),
    ("四分之一", 0.25),
    ("三分之一", 1.0 / 3.0),
    ("一半", 0.5),
    ("三分之二", 2.0 / 3.0),
    ("四分之三", 0.75),
];
const FRACTIONS_EN: &[(&str, f64)] = &[
    ("a tenth", 0.1),
    ("a quarter", 0.25),
    ("a third", 1.0 / 3.0),
    ("half", 0.5),
    ("two-thirds", 2.0 / 3.0),
    ("three-quarters", 0.75),
];

/// Fills in every chosen claim (template, check, examples) and keeps it only when it loads,
/// its examples pass and its verdict on the article is the intended one.
pub fn write_claims(
    draft: &mut Draft,
    doc: &Document,
    mentions: &[Mention],
    options: &CheckOptions,
) {
    let norm = Normalized::new(&doc.masked, mentions);
    let mut ids: Vec<String> = Vec::new();
    let facts = draft.facts.clone();
    for entry in &mut draft.entries {
        let (near, chosen) = match &entry.outcome {
            Outcome::Claim(c) => (false, c.chosen.clone()),
            Outcome::NearMiss(c) => (true, c.chosen.clone()),
            _ => continue,
        };
        let result = fill(
            doc, mentions, &norm, &facts, entry, &chosen, near, &mut ids, options,
        );
        entry.outcome = match result {
            Ok(c) if near => Outcome::NearMiss(c),
            Ok(c) => Outcome::Claim(c),
            Err(why) => Outcome::Unwritten(chosen, why),
        };
    }
}

#[allow(clippy::too_many_arguments)]
fn fill(
    doc: &Document,
    mentions: &[Mention],
    norm: &Normalized,
    facts: &[Fact],
    entry: &Entry,
    chosen: &Scored,
    near: bool,
    ids: &mut Vec<String>,
    options: &CheckOptions,
) -> Result<DraftClaim, String> {
    let m = &mentions[entry.mention];
    let c = &chosen.candidate;
    let placeholder = match c.op {
        Op::Fact => "value",
        Op::Ratio => "ratio",
        Op::Share => "share",
        Op::Difference => "difference",
        Op::PointsDifference => "points",
        Op::Increase | Op::Decrease => "change",
        Op::Sum => "total",
    };
    let template = cut_template(doc, mentions, norm, entry.mention, placeholder)
        .ok_or("no template around the number is unique in the article")?;
    let sentence = sentence_of(&doc.masked, m.span);
    let original = doc.text[sentence.range()].to_string();
    let rewrite = |value: f64| -> Option<String> {
        let new = rewrite_number(m, value)?;
        let mut s = String::new();
        s.push_str(&doc.text[sentence.start..m.number.start]);
        s.push_str(&new);
        s.push_str(&doc.text[m.number.end..sentence.end]);
        Some(s)
    };
    let computed = c.value.point;
    let (pass, fails): (String, Vec<String>) = if near {
        let fixed =
            rewrite(computed).ok_or("the computed value cannot be written like the text")?;
        (fixed, vec![original.clone()])
    } else {
        let fails = [1.5, 0.5, 2.0, 3.0, 0.25]
            .iter()
            .filter_map(|f| rewrite(computed * f))
            .filter(|s| *s != original)
            .collect();
        (original.clone(), fails)
    };
    let a = &facts[c.a];
    let mut id = match c.op {
        Op::Fact => a.id.clone(),
        Op::Ratio | Op::Share => format!("{}_over_{}", a.id, facts[c.b].id),
        Op::Difference | Op::PointsDifference => format!("{}_minus_{}", a.id, facts[c.b].id),
        Op::Increase | Op::Decrease => format!("{}_change_from_{}", facts[c.b].id, a.id),
        Op::Sum => format!("{}_plus_{}", a.id, facts[c.b].id),
    };
    if ids.contains(&id) {
        let mut k = 2;
        while ids.contains(&format!("{id}_{k}")) {
            k += 1;
        }
        id = format!("{id}_{k}");
    }
    let source = c
        .facts()
        .iter()
        .map(|&f| facts[f].source.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let why = explain(facts, chosen, m, &doc.text[m.span.range()], near);
    let mut claim = DraftClaim {
        id,
        template,
        placeholder: placeholder.to_string(),
        check: format!("{placeholder} ~ {}", c.expr(facts)),
        source,
        why,
        pass: vec![pass],
        fail: Vec::new(),
        chosen: chosen.clone(),
    };
    // The first fail example that the claim flags (and, for a near miss, the original).
    for fail in fails {
        claim.fail = vec![fail];
        if try_claim(doc, mentions, facts, &claim, near, options).is_ok() {
            ids.push(claim.id.clone());
            return Ok(claim);
        }
    }
    claim.fail.clear();
    Err(
        match try_claim(doc, mentions, facts, &claim, near, options) {
            Err(e) => e,
            Ok(()) => "no fail example: the figure cannot be rewritten".into(),
        },
    )
}

/// Loads the claim alone (with the facts) and runs it on its examples and on the article.
fn try_claim(
    doc: &Document,
    mentions: &[Mention],
    facts: &[Fact],
    claim: &DraftClaim,
    near: bool,
    options: &CheckOptions,
) -> Result<(), String> {
    if claim.fail.is_empty() {
        return Err("no fail example".into());
    }
    let mut text = String::new();
    write_facts(&mut text, facts);
    text.push_str("claims:\n");
    write_claim(&mut text, claim);
    let file = RuleSet::from_text(Path::new("<draft>"), &text).map_err(|e| {
        format!(
            "does not load: {}",
            e.first().map(|e| e.message.as_str()).unwrap_or("")
        )
    })?;
    if let Some(bad) = run_examples(&file, options)
        .into_iter()
        .find(|r| r.outcome != ExampleOutcome::Passed)
    {
        return Err(format!(
            "its example does not behave: {:?} on {}",
            bad.outcome, bad.text
        ));
    }
    let ctx = Context::new(doc, mentions, options);
    let run = claim::run_one(&ctx, &file, 0);
    match (near, run.held, run.failed) {
        (false, 1, 0) | (true, 0, 1) => Ok(()),
        (_, h, f) => Err(format!("on the article it held {h} and failed {f} times")),
    }
}

/// The number rewritten to `value` in the style of the mention.
fn rewrite_number(m: &Mention, value: f64) -> Option<String> {
    if m.kind == Kind::Fraction {
        let table = if m.style.numeral == crate::extract::Numeral::Words {
            FRACTIONS_EN
        } else {
            FRACTIONS_ZH
        };
        return table
            .iter()
            .min_by(|x, y| (x.1 - value).abs().total_cmp(&(y.1 - value).abs()))
            .map(|(w, _)| (*w).to_string());
    }
    write_like(m, value)
}

/// A template around mention `i`: literal words grown outward from the number until the
/// template matches that number and nothing else in the article.
fn cut_template(
    doc: &Document,
    mentions: &[Mention],
    norm: &Normalized,
    i: usize,
    placeholder: &str,
) -> Option<String> {
    let m = &mentions[i];
    let sentence = sentence_of(&doc.masked, m.span);
    let text = &doc.masked;
    let (mut l, mut r) = (m.span.start, m.span.end);
    let count = |a: usize, b: usize| {
        doc.text[a..b]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
    };
    loop {
        let nl = step_left(text, mentions, l, sentence.start);
        if nl == l || count(nl, m.span.start) > MIN_BEFORE {
            break;
        }
        l = nl;
    }
    let template = |l: usize, r: usize| {
        format!(
            "{}{{{placeholder}}}{}",
            escape(doc.text[l..m.span.start].trim_start()),
            escape(doc.text[m.span.end..r].trim_end())
        )
    };
    loop {
        let t = template(l, r);
        if count(l, m.span.start) + count(m.span.end, r) >= MIN_LITERAL && unique(norm, &t, i) {
            // Begin at a clause boundary when one is near: whole words read better.
            let mut b = l;
            for _ in 0..TO_CLAUSE {
                let prev = text[..b].chars().next_back();
                if b <= sentence.start || prev.is_some_and(is_clause_mark) {
                    return Some(template(b, r));
                }
                b = step_left(text, mentions, b, sentence.start);
            }
            return Some(t);
        }
        // Grow left to the sentence start, then right (before that, up to a few characters
        // right, so the unit's noun comes along).
        let nl = step_left(text, mentions, l, sentence.start);
        if nl < l && (count(m.span.end, r) >= 2 || count(nl, m.span.start) <= 2 * MIN_BEFORE) {
            l = nl;
            continue;
        }
        let nr = step_right(text, mentions, r, sentence.end);
        if nr > r {
            r = nr;
            continue;
        }
        if nl < l {
            l = nl;
            continue;
        }
        return None;
    }
}

fn is_clause_mark(c: char) -> bool {
    matches!(
        c,
        ',' | '，'
            | '。'
            | ';'
            | '；'
            | ':'
            | '：'
            | '、'
            | '('
            | '（'
            | ')'
            | '）'
            | '!'
            | '?'
            | '！'
            | '？'
            | '"'
            | '“'
            | '”'
    )
}

/// Whether the template matches exactly once in the document, binding mention `i`.
fn unique(norm: &Normalized, template: &str, i: usize) -> bool {
    let Ok(t) = Template::parse(template) else {
        return false;
    };
    let anchor = t.anchor_text();
    let mut found: Vec<Vec<usize>> = Vec::new();
    for (hit, _) in norm.text.match_indices(anchor) {
        if let Some((_, binds)) = t.match_at(norm, hit)
            && !found.contains(&binds)
        {
            found.push(binds);
        }
    }
    found == [vec![i]]
}

/// One step left from `p`: a Latin word or digit run, another number whole, or one
/// character; never before `floor`. Spacing is passed over.
fn step_left(text: &str, mentions: &[Mention], p: usize, floor: usize) -> usize {
    let mut q = p;
    while q > floor && text[..q].ends_with([' ', '\t']) {
        q -= 1;
    }
    if q <= floor {
        return p;
    }
    if let Some(other) = mentions
        .iter()
        .find(|o| o.kind.is_quantity() && o.span.end == q && o.span.start >= floor)
    {
        return other.span.start;
    }
    let Some(c) = text[..q].chars().next_back() else {
        return p;
    };
    if c.is_ascii_alphanumeric() {
        let run = text[floor..q]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'))
            .last()
            .map_or(q, |(k, _)| floor + k);
        return run;
    }
    q - c.len_utf8()
}

/// One step right from `p`, never past `ceil`.
fn step_right(text: &str, mentions: &[Mention], p: usize, ceil: usize) -> usize {
    let mut q = p;
    while q < ceil && text[q..].starts_with([' ', '\t']) {
        q += 1;
    }
    if q >= ceil {
        return p;
    }
    if let Some(other) = mentions
        .iter()
        .find(|o| o.kind.is_quantity() && o.span.start == q && o.span.end <= ceil)
    {
        return other.span.end;
    }
    let Some(c) = text[q..].chars().next() else {
        return p;
    };
    if c.is_ascii_alphanumeric() {
        return text[q..ceil]
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .last()
            .map_or(q, |(k, c)| q + k + c.len_utf8());
    }
    q + c.len_utf8()
}

fn escape(s: &str) -> String {
    s.replace('{', "{{").replace('}', "}}").replace('\n', " ")
}

/// The claim's `why`: the computation and the words that chose it.
fn explain(facts: &[Fact], chosen: &Scored, m: &Mention, written: &str, near: bool) -> String {
    let c = &chosen.candidate;
    let inputs: Vec<String> = c
        .facts()
        .iter()
        .map(|&f| format!("{} = {}", facts[f].id, human(facts[f].value)))
        .collect();
    let mut s = format!(
        "drafted: {} {} = {} ({})",
        c.op.name(),
        c.expr(facts),
        human(c.value.point),
        inputs.join(", ")
    );
    if near {
        let _ = write!(
            s,
            "; the text's `{}` asserts {}, {:.1}% away",
            written.replace('\n', " "),
            m.interval,
            c.gap * 100.0
        );
    }
    if !chosen.words.is_empty() {
        let _ = write!(s, "; words: {}", chosen.words.join(", "));
    }
    s
}

/// YAML double-quoted string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_facts(out: &mut String, facts: &[Fact]) {
    out.push_str("facts:\n");
    for f in facts {
        let _ = write!(
            out,
            "  {}: {{ value: {}, unit: {}, source: {}",
            f.id,
            f.value / unit_scale(&f.unit),
            q(&f.unit),
            q(&f.source)
        );
        if let Some(p) = f.precision {
            let _ = write!(out, ", precision: {}", p / unit_scale(&f.unit));
        }
        out.push_str(" }\n");
    }
}

fn write_claim(out: &mut String, c: &DraftClaim) {
    let _ = writeln!(out, "  - id: {}", c.id);
    let _ = writeln!(out, "    text: {}", q(&c.template));
    let _ = writeln!(out, "    check: {}", q(&c.check));
    let _ = writeln!(out, "    source: {}", q(&c.source));
    let _ = writeln!(out, "    why: {}", q(&c.why));
    out.push_str("    examples:\n");
    let list = |v: &[String]| v.iter().map(|s| q(s)).collect::<Vec<_>>().join(", ");
    let _ = writeln!(out, "      pass: [{}]", list(&c.pass));
    let _ = writeln!(out, "      fail: [{}]", list(&c.fail));
}

/// One line of a comment about an entry.
fn about(e: &Entry) -> String {
    format!("line {} `{}`", e.line, e.text.replace('\n', " "))
}

/// The whole draft as a rule file: near misses and what was left undone as comments at the
/// top, then `applies_to`, the facts, and the claims (near misses first).
pub fn yaml(d: &Draft) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Drafted by `factlint draft` for {} from {} facts. Every claim is a statement about\n\
         # the article: read each one before keeping it.",
        glob_path(&d.article),
        d.facts.len()
    );
    let near: Vec<_> = d.near_misses().collect();
    out.push_str("#\n# Near misses: numbers just outside a fact or a derivation, likely errors.\n");
    if near.is_empty() {
        out.push_str("#   none\n");
    }
    for (e, c) in &near {
        let _ = writeln!(
            out,
            "# - {}: {} (claim `{}`)",
            about(e),
            c.why.trim_start_matches("drafted: "),
            c.id
        );
    }
    let list = |title: &str, pick: &dyn Fn(&Entry) -> Option<String>, out: &mut String| {
        let lines: Vec<String> = d.entries.iter().filter_map(pick).collect();
        let _ = writeln!(out, "#\n# {title} ({}):", lines.len());
        for l in lines {
            let _ = writeln!(out, "# - {l}");
        }
    };
    list(
        "Not sure: these fit, none clearly enough to write a claim",
        &|e| match &e.outcome {
            Outcome::Ambiguous(c) => Some(format!(
                "{}: {}",
                about(e),
                c.iter()
                    .map(|s| format!(
                        "{} = {}",
                        s.candidate.expr(&d.facts),
                        human(s.candidate.value.point)
                    ))
                    .collect::<Vec<_>>()
                    .join(" | ")
            )),
            _ => None,
        },
        &mut out,
    );
    list(
        "Tied to a fact but not written",
        &|e| match &e.outcome {
            Outcome::Unwritten(s, why) => Some(format!(
                "{}: {} ({why})",
                about(e),
                s.candidate.expr(&d.facts)
            )),
            _ => None,
        },
        &mut out,
    );
    list(
        "Tied to no fact: write these claims by hand",
        &|e| matches!(e.outcome, Outcome::Untied).then(|| about(e)),
        &mut out,
    );
    let _ = writeln!(out, "\napplies_to: [{}]\n", q(&glob_path(&d.article)));
    write_facts(&mut out, &d.facts);
    out.push_str("\nclaims:\n");
    let claims: Vec<&DraftClaim> = near
        .iter()
        .map(|(_, c)| *c)
        .chain(d.entries.iter().filter_map(|e| match &e.outcome {
            Outcome::Claim(c) => Some(c),
            _ => None,
        }))
        .collect();
    if claims.is_empty() {
        out.push_str("  []\n");
    }
    for c in claims {
        write_claim(&mut out, c);
    }
    out
}
