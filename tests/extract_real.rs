//! The number grammar on real prose: the passages in `tests/fixtures/real/` (written for the
//! corpus in the genres factlint meets) against their gold files, which say for every numeral
//! whether it is a quantity and, if so, its kind, value and interval. The format is in
//! `tests/fixtures/real/README.md`.
//!
//! `gold_is_complete` checks the corpus itself: every passage has a well-formed gold file whose
//! lines are found in order and cover every digit exactly once. `extraction_matches_gold`
//! runs the extractor (default tolerance 0.05) on each passage, aligns gold lines to mentions
//! by span overlap, prints precision and recall per split and language with every
//! disagreement, and fails on any disagreement. With `FACTLINT_REAL_REPORT=1` it prints the
//! same without failing:
//!
//! `FACTLINT_REAL_REPORT=1 cargo test --test extract_real -- --ignored --nocapture`

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use factlint::extract::{ExtractOptions, Kind, Mention, extract};
use factlint::source::{Document, Span};

const SPLITS: [&str; 2] = ["dev", "holdout"];
const LANGS: [&str; 3] = ["zh-Hans", "zh-Hant", "en"];
const REASONS: [&str; 10] = [
    "marker",
    "date",
    "year",
    "period",
    "ordinal",
    "section",
    "name",
    "reference",
    "title",
    "code",
];
/// Relative difference under which two values or interval ends are the same.
const SAME: f64 = 1e-6;

#[derive(Debug)]
enum Gold {
    Quantity {
        kind: Kind,
        value: f64,
        low: f64,
        high: f64,
    },
    NonQuantity {
        reason: String,
    },
}

#[derive(Debug)]
struct GoldLine {
    /// 1-based line in the gold file, for messages.
    line: usize,
    text: String,
    span: Span,
    gold: Gold,
}

struct Passage {
    /// Relative to `tests/fixtures/real/`, for messages.
    name: String,
    split: &'static str,
    lang: &'static str,
    doc: Document,
    gold: Vec<GoldLine>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real")
}

/// Every passage of both splits, sorted by name; problems with the corpus itself (a missing
/// or malformed gold file, a gold text not found) go to `errors`.
fn load_corpus(errors: &mut Vec<String>) -> Vec<Passage> {
    let mut out = Vec::new();
    for split in SPLITS {
        let dir = corpus_dir().join(split);
        let mut paths: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("md" | "txt")))
                .collect(),
            // Git keeps no empty folder: a split with no passage yet is empty, not broken
            // (`gold_is_complete` still asks for its size).
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => {
                errors.push(format!("{}: {e}", dir.display()));
                continue;
            }
        };
        paths.sort();
        for path in paths {
            let name = format!(
                "{split}/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            let doc = match Document::load(&path) {
                Ok(doc) => doc,
                Err(e) => {
                    errors.push(format!("{name}: {e}"));
                    continue;
                }
            };
            let gold_path = PathBuf::from(format!("{}.gold.tsv", path.display()));
            let gold_text = match std::fs::read_to_string(&gold_path) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(format!("{name}: no gold file {}: {e}", gold_path.display()));
                    continue;
                }
            };
            let Some(lang) = language(&gold_text, &name) else {
                errors.push(format!(
                    "{name}: no `# lang:` line and no language in the name"
                ));
                continue;
            };
            let gold = parse_gold(&gold_text, &doc.text, &name, errors);
            out.push(Passage {
                name,
                split,
                lang,
                doc,
                gold,
            });
        }
    }
    out
}

/// `lang:` in a comment line of the gold file, else the prefix of the passage's file name.
fn language(gold: &str, name: &str) -> Option<&'static str> {
    let declared = gold
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .find_map(|c| c.trim().strip_prefix("lang:"))
        .map(str::trim);
    if let Some(declared) = declared {
        return LANGS.into_iter().find(|l| l.eq_ignore_ascii_case(declared));
    }
    let file = name.rsplit('/').next().unwrap_or(name).to_ascii_lowercase();
    LANGS
        .into_iter()
        .find(|l| file.starts_with(&format!("{}-", l.to_ascii_lowercase())))
}

fn parse_gold(gold: &str, text: &str, name: &str, errors: &mut Vec<String>) -> Vec<GoldLine> {
    let mut out = Vec::new();
    // Gold lines are in document order: each text is looked for after the previous one.
    let mut from = 0;
    for (i, line) in gold.lines().enumerate() {
        let at = format!("{name}.gold.tsv:{}", i + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let gold = match fields.as_slice() {
            [_, "Q", kind, value, low, high, _unit] => {
                let Some(kind) = Kind::parse(kind).filter(|k| k.is_quantity()) else {
                    errors.push(format!("{at}: `{kind}` is not a quantity kind"));
                    continue;
                };
                match (number(value), number(low), number(high)) {
                    (Some(value), Some(low), Some(high)) if low <= high => Gold::Quantity {
                        kind,
                        value,
                        low,
                        high,
                    },
                    _ => {
                        errors.push(format!("{at}: bad value or interval in `{line}`"));
                        continue;
                    }
                }
            }
            [_, "N", reason] if REASONS.contains(reason) => Gold::NonQuantity {
                reason: (*reason).to_string(),
            },
            _ => {
                errors.push(format!("{at}: malformed line `{line}`"));
                continue;
            }
        };
        let needle = fields[0];
        let found = if needle.is_empty() {
            None
        } else {
            text.get(from..).and_then(|rest| rest.find(needle))
        };
        let Some(offset) = found else {
            errors.push(format!(
                "{at}: `{needle}` not found in the passage after byte {from}"
            ));
            continue;
        };
        let span = Span::new(from + offset, from + offset + needle.len());
        from = span.end;
        out.push(GoldLine {
            line: i + 1,
            text: needle.to_string(),
            span,
            gold,
        });
    }
    out
}

/// A gold number: a float, `inf` or `-inf`.
fn number(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| !v.is_nan())
}

fn same(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= SAME * a.abs().max(b.abs())
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Digits not inside exactly one gold line.
fn coverage_errors(p: &Passage, errors: &mut Vec<String>) {
    for (i, c) in p.doc.text.char_indices() {
        if !is_digit(c) {
            continue;
        }
        let n = p
            .gold
            .iter()
            .filter(|g| g.span.start <= i && i < g.span.end)
            .count();
        if n != 1 {
            let (line, col) = p.doc.lines.line_col(&p.doc.text, i);
            errors.push(format!(
                "{}:{line}:{col}: digit `{c}` is in {n} gold lines (want exactly 1)",
                p.name
            ));
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    passages: usize,
    /// Gold lines: every numeral is in exactly one.
    lines: usize,
    gold: usize,
    extracted: usize,
    correct: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.passages += o.passages;
        self.lines += o.lines;
        self.gold += o.gold;
        self.extracted += o.extracted;
        self.correct += o.correct;
    }

    fn precision(&self) -> String {
        ratio(self.correct, self.extracted)
    }

    fn recall(&self) -> String {
        ratio(self.correct, self.gold)
    }
}

/// `a / b` as a percentage; `-` when there is nothing to divide by.
fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "-".to_string()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

fn describe(m: &Mention, text: &str) -> String {
    format!(
        "`{}` {} {} [{}, {}]",
        text.get(m.span.range()).unwrap_or_default(),
        m.kind,
        m.value,
        m.interval.low,
        m.interval.high
    )
}

/// Scores one passage; each disagreement is one line of `out`, in document order.
fn score(p: &Passage, options: &ExtractOptions, out: &mut Vec<String>) -> Tally {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mentions: Vec<Mention> = extract(&p.doc.masked, options)
        .into_iter()
        .filter(|m| m.kind.is_quantity())
        .collect();
    let mut credited = vec![false; mentions.len()];
    let mut tally = Tally {
        passages: 1,
        lines: p.gold.len(),
        extracted: mentions.len(),
        ..Tally::default()
    };
    for g in &p.gold {
        let Gold::Quantity {
            kind,
            value,
            low,
            high,
        } = g.gold
        else {
            continue;
        };
        tally.gold += 1;
        let overlapping: Vec<usize> = (0..mentions.len())
            .filter(|&i| mentions[i].span.overlaps(g.span))
            .collect();
        let hit = overlapping.iter().copied().find(|&i| {
            let m = &mentions[i];
            !credited[i]
                && m.kind == kind
                && same(m.value, value)
                && same(m.interval.low, low)
                && same(m.interval.high, high)
        });
        match hit {
            Some(i) => {
                credited[i] = true;
                tally.correct += 1;
            }
            None => {
                let got: Vec<String> = overlapping
                    .iter()
                    .map(|&i| describe(&mentions[i], &p.doc.text))
                    .collect();
                let (line, col) = p.doc.lines.line_col(&p.doc.text, g.span.start);
                found.push((
                    g.span.start,
                    format!(
                        "{}:{line}:{col}: `{}` expected {kind} {value} [{low}, {high}], got {}",
                        p.name,
                        g.text,
                        if got.is_empty() {
                            "nothing".to_string()
                        } else {
                            got.join(" + ")
                        }
                    ),
                ));
            }
        }
    }
    // Every extracted quantity not credited is a precision error. One that overlaps a gold
    // quantity was already listed with it; the others are listed here.
    for (i, m) in mentions.iter().enumerate() {
        if credited[i] {
            continue;
        }
        let under: Vec<&GoldLine> = p.gold.iter().filter(|g| g.span.overlaps(m.span)).collect();
        if under
            .iter()
            .any(|g| matches!(g.gold, Gold::Quantity { .. }))
        {
            continue;
        }
        let (line, col) = p.doc.lines.line_col(&p.doc.text, m.span.start);
        let expected = match under.first() {
            Some(GoldLine {
                text,
                gold: Gold::NonQuantity { reason },
                line: gold_line,
                ..
            }) => format!("`{text}` is not a quantity ({reason}, gold line {gold_line})"),
            _ => "no quantity here".to_string(),
        };
        found.push((
            m.span.start,
            format!(
                "{}:{line}:{col}: {expected}, got {}",
                p.name,
                describe(m, &p.doc.text)
            ),
        ));
    }
    found.sort_by_key(|f| f.0);
    out.extend(found.into_iter().map(|f| f.1));
    tally
}

/// The figures table with the disagreement list, and the number of disagreements.
fn report(passages: &[Passage]) -> (String, usize, Vec<(&'static str, &'static str, Tally)>) {
    let options = ExtractOptions::default();
    let mut disagreements = Vec::new();
    let mut cells: Vec<(&'static str, &'static str, Tally)> = Vec::new();
    for split in SPLITS {
        for lang in LANGS {
            let mut t = Tally::default();
            for p in passages
                .iter()
                .filter(|p| p.split == split && p.lang == lang)
            {
                t.add(score(p, &options, &mut disagreements));
            }
            cells.push((split, lang, t));
        }
    }
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{:<8} {:<8} {:>8} {:>8} {:>6} {:>9} {:>7} {:>9} {:>7}",
        "split",
        "lang",
        "passages",
        "lines",
        "gold-Q",
        "extracted",
        "correct",
        "precision",
        "recall"
    );
    let mut row = |split: &str, lang: &str, t: &Tally| {
        let _ = writeln!(
            s,
            "{split:<8} {lang:<8} {:>8} {:>8} {:>6} {:>9} {:>7} {:>9} {:>7}",
            t.passages,
            t.lines,
            t.gold,
            t.extracted,
            t.correct,
            t.precision(),
            t.recall()
        );
    };
    for (split, lang, t) in &cells {
        row(split, lang, t);
    }
    for split in SPLITS {
        let mut t = Tally::default();
        cells
            .iter()
            .filter(|c| c.0 == split)
            .for_each(|c| t.add(c.2));
        row(split, "all", &t);
    }
    for lang in LANGS {
        let mut t = Tally::default();
        cells
            .iter()
            .filter(|c| c.1 == lang)
            .for_each(|c| t.add(c.2));
        row("all", lang, &t);
    }
    let mut t = Tally::default();
    cells.iter().for_each(|c| t.add(c.2));
    row("all", "all", &t);
    let _ = writeln!(s, "\n{} disagreements:", disagreements.len());
    for d in &disagreements {
        let _ = writeln!(s, "  {d}");
    }
    (s, disagreements.len(), cells)
}

#[test]
fn gold_is_complete() {
    let mut errors = Vec::new();
    let passages = load_corpus(&mut errors);
    for p in &passages {
        coverage_errors(p, &mut errors);
        let chars = p.doc.text.chars().count();
        if !(300..=2000).contains(&chars) {
            errors.push(format!(
                "{}: {chars} characters (want 300 to 2,000)",
                p.name
            ));
        }
    }
    let count = |split: &str, lang: Option<&str>| {
        passages
            .iter()
            .filter(|p| p.split == split && lang.is_none_or(|l| p.lang == l))
            .count()
    };
    // The sizes issue 8 asks for: 30 passages (20 Chinese, 3 of them traditional, 10
    // English), 400 numerals, a dev part to tune on and a held-out part, every language in
    // both.
    let total = |lang: &str| count("dev", Some(lang)) + count("holdout", Some(lang));
    let wanted = [
        ("passages", passages.len(), 30),
        ("dev passages", count("dev", None), 20),
        ("holdout passages", count("holdout", None), 10),
        ("Chinese passages", total("zh-Hans") + total("zh-Hant"), 20),
        ("traditional Chinese passages", total("zh-Hant"), 3),
        ("English passages", total("en"), 10),
        (
            "gold lines",
            passages.iter().map(|p| p.gold.len()).sum(),
            400,
        ),
    ];
    for (what, n, want) in wanted {
        if n < want {
            errors.push(format!("{n} {what} (want at least {want})"));
        }
    }
    for split in SPLITS {
        for lang in LANGS {
            if count(split, Some(lang)) == 0 {
                errors.push(format!("{split}: no passage in {lang}"));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "{} problems with the corpus:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
#[ignore = "the held-out part is still below the target (issue 8); FACTLINT_REAL_REPORT=1 prints the figures"]
fn extraction_matches_gold() {
    let mut errors = Vec::new();
    let passages = load_corpus(&mut errors);
    assert!(
        errors.is_empty(),
        "the corpus is broken (see gold_is_complete):\n{}",
        errors.join("\n")
    );
    let (text, disagreements, _) = report(&passages);
    println!("{text}");
    if std::env::var_os("FACTLINT_REAL_REPORT").is_some_and(|v| v == "1") {
        return;
    }
    assert!(
        disagreements == 0,
        "{disagreements} disagreements with the gold corpus (listed above; \
         FACTLINT_REAL_REPORT=1 prints without failing)"
    );
}

/// The part of the corpus the grammar was built on must stay at or above 99% precision and
/// recall in every language: a change to the grammar that loses a case there fails here. The
/// held-out part is printed, never gated, so that it stays a fair measure.
#[test]
fn dev_split_stays_at_99_percent() {
    let mut errors = Vec::new();
    let passages = load_corpus(&mut errors);
    assert!(
        errors.is_empty(),
        "the corpus is broken:\n{}",
        errors.join("\n")
    );
    let (text, _, cells) = report(&passages);
    println!("{text}");
    let mut low = Vec::new();
    for (split, lang, t) in cells.iter().filter(|c| c.0 == "dev") {
        let precision = t.correct as f64 / t.extracted.max(1) as f64;
        let recall = t.correct as f64 / t.gold.max(1) as f64;
        if t.gold > 0 && (precision < 0.99 || recall < 0.99) {
            low.push(format!(
                "{split} {lang}: precision {}, recall {}",
                t.precision(),
                t.recall()
            ));
        }
    }
    assert!(
        low.is_empty(),
        "below 99% on the dev split:\n{}",
        low.join("\n")
    );
}

/// The scorer itself: a right line is credited, a wrong value is one disagreement, and a
/// quantity with no gold line is a precision error.
#[test]
fn scorer_counts_what_it_should() {
    let text = "增长 2.5%，共 51 个，另有 7 人。";
    let gold = "# lang: zh-Hans\n2.5%\tQ\tpercent\t0.025\t0.0245\t0.0255\t%\n\
                51 个\tQ\tcount\t52\t51.5\t52.5\t个\n7 人\tN\tcode\n";
    let mut errors = Vec::new();
    let doc = Document::from_text(Path::new("t.txt"), text);
    let passage = Passage {
        name: "t.txt".to_string(),
        split: "dev",
        lang: "zh-Hans",
        gold: parse_gold(gold, &doc.text, "t.txt", &mut errors),
        doc,
    };
    assert!(errors.is_empty(), "{errors:?}");
    coverage_errors(&passage, &mut errors);
    assert!(errors.is_empty(), "{errors:?}");
    let mut out = Vec::new();
    let t = score(&passage, &ExtractOptions::default(), &mut out);
    assert_eq!((t.gold, t.extracted, t.correct), (2, 3, 1), "{out:?}");
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(out[0].contains("`51 个` expected count 52"), "{out:?}");
    assert!(out[1].contains("`7 人` is not a quantity"), "{out:?}");
    assert_eq!(
        (t.precision(), t.recall()),
        ("33.3%".into(), "50.0%".into())
    );
}
