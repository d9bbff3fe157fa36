//! The in-sentence relation checks over the corpus `tests/fixtures/builtins/relations/`:
//! `dev/` must give exactly its findings; `holdout/` (never tuned on) is measured, and may
//! miss, but neither may raise a finding nobody expected. Prints, per part, the share of
//! stated relations the built-ins checked, the share of wrong figures caught and the false
//! alarms (`cargo test --test builtins_relations -- --nocapture`).

mod cases;

use std::path::Path;

use cases::{Case, Verdict, judge, parse};

/// The cases of every `*.md` file of one part, in file order, with the file they came from.
fn part(name: &str) -> Vec<(String, Case)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/builtins/relations")
        .join(name);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the relations corpus is in the repository")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).expect("readable corpus file");
            let file = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            parse(&text).into_iter().map(move |c| (file.clone(), c))
        })
        .collect()
}

/// Dev cases the checks miss because the extractor does not read a figure they need (the
/// number grammar is improved on its own branch), or by design: each is named with why.
/// A miss not listed here fails the test; a listed case that passes is reported so that it
/// can be struck off.
const KNOWN_MISSES: &[(&str, &str, &str)] = &[
    (
        "ratios.md",
        "zh: 比 B 多 N 倍 (strict reading; wording flagged) (mutated: 多 3 倍 → 多 6 倍)",
        "`3,600 单`: 单 is not read as a counter, so the figures are bare numbers",
    ),
    (
        "clauses.md",
        "zh: 同比 and 环比 both with their bases (mutated: 0.5% → 1.5%)",
        "index levels (`102.1`) are bare numbers, which are never compared",
    ),
    (
        "wave6.md",
        "en ratio: halved from A to B (mutated: 3.125 bitcoin → 3.75 bitcoin)",
        "`6.25 bitcoin`: bitcoin is not read as a unit, so the figures are bare numbers",
    ),
    (
        "wave6.md",
        "en share: M of the N respondents (x%) (mutated: 22% → 26%)",
        "`1,000 respondents` is read as a round figure, 500 to 1,500, which allows 26%",
    ),
    (
        "wave7.md",
        "en ratio: seats, base named by its party (mutated: 3.4 → 4.3)",
        "`411` is a bare number and its base is named by an adjective (`the Conservative \
         tally`) for `121 seats` of another clause: it would need parties tied to their figures",
    ),
    (
        "wave7-dev.md",
        "zh amount: B 比 A 多 C (mutated: 280 万人次 → 380 万人次)",
        "`980 万人次多` is read as `over 980 万人次`, so the `多` of the comparison is gone",
    ),
    (
        "wave8.md",
        "en clauses: container port, two bases (mutated: 27% → 37%)",
        "the second base is given in a relative clause after its period (`than in the first \
         half of 2019, when it moved 3.39 million`): it would need a period tied to a figure \
         named later",
    ),
    (
        "wave8.md",
        "zh clauses: 晶圓廠季增與年增，基期在後（繁體） (mutated: 年增 39.0% → 年增 34.0%)",
        "the bases follow a `；`, which ends the sentence part: the rule that reads `年增 N%，…，\
         去年同期為 A` within one part would need to look into the next part",
    ),
    (
        "wave8.md",
        "en ratio: exports by partner, \"those to China\" (mutated: 2.2 times → 3.2 times)",
        "the base is named by a pronoun and a partner (`those to China`) for a figure of the \
         clause before: it would need partners tied to their figures",
    ),
    (
        "wave8.md",
        "en list: a club's season against the last (mutated: 7 → 9)",
        "`14` and `7` are small bare numbers with no noun, so nothing says they count the same \
         thing (only bare figures of 100 or more are read as one measure)",
    ),
    (
        "wave8.md",
        "zh multiple: 降为原来的四成 (mutated: 下降 60% → 下降 40%)",
        "`100 千瓦时` is read as a round figure (50 to 150), which allows a 40% fall",
    ),
];

/// A correct text: it states its relations, or expects nothing.
fn is_correct(case: &Case) -> bool {
    case.relations.is_some() || case.expected.is_empty()
}

#[derive(Default)]
struct Metrics {
    relations: usize,
    relations_checked: usize,
    wrong: usize,
    caught: usize,
    correct: usize,
    false_alarms: Vec<String>,
    misses: Vec<String>,
    /// Correct texts with a relation no check compared.
    unchecked: Vec<String>,
    malformed: Vec<String>,
}

fn measure<'a>(cases: impl IntoIterator<Item = &'a (String, Case)>) -> Metrics {
    let mut m = Metrics::default();
    for (file, case) in cases {
        let v: Verdict = judge(case);
        let at = format!("{file}: ## {}", case.title);
        if is_correct(case) {
            m.correct += 1;
            let n = case.relations.unwrap_or(0);
            m.relations += n;
            m.relations_checked += v.relations_checked.min(n);
            if v.relations_checked < n {
                m.unchecked.push(format!(
                    "{at}: {} of {n} relation(s) checked",
                    v.relations_checked
                ));
            }
        } else {
            m.wrong += 1;
            if v.missing.is_empty() {
                m.caught += 1;
            }
        }
        for u in &v.unexpected {
            m.false_alarms.push(format!("{at}\n{}\n  {u}", case.text));
        }
        for u in &v.missing {
            m.misses.push(format!("{at}\n{}\n  {u}", case.text));
        }
        for u in &v.malformed {
            m.malformed.push(format!("{at}\n  {u}"));
        }
    }
    m
}

fn share(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn report(name: &str, m: &Metrics) {
    println!(
        "{name}: relations checked {}/{} ({:.1}%), wrong figures caught {}/{} ({:.1}%), \
         unexpected findings {} ({} texts, {} of them correct)",
        m.relations_checked,
        m.relations,
        100.0 * share(m.relations_checked, m.relations),
        m.caught,
        m.wrong,
        100.0 * share(m.caught, m.wrong),
        m.false_alarms.len(),
        m.correct + m.wrong,
        m.correct,
    );
}

#[test]
fn the_corpus_is_large_balanced_and_well_formed() {
    let all: Vec<_> = part("dev").into_iter().chain(part("holdout")).collect();
    assert!(all.len() >= 300, "{} cases", all.len());
    let traps = all
        .iter()
        .filter(|(_, c)| c.title.starts_with("trap:"))
        .count();
    assert!(
        traps * 3 >= all.len(),
        "{traps} hard negatives of {}",
        all.len()
    );
    let english = all.iter().filter(|(_, c)| c.text.is_ascii()).count();
    assert!(english * 5 >= all.len(), "{english} English cases");
    for (file, c) in &all {
        assert!(!c.text.is_empty(), "{file}: `{}` has no text", c.title);
        for (rule, found) in &c.expected {
            assert!(
                factlint::check::Builtin::from_id(rule).is_some(),
                "{file}: `{}` expects unknown rule `{rule}`",
                c.title
            );
            assert!(
                c.text.contains(found.as_str()),
                "{file}: `{}`: `{found}` not in text",
                c.title
            );
        }
    }
}

#[test]
fn dev_gives_exactly_its_findings_and_holdout_raises_no_false_alarm() {
    let cases = part("dev");
    let dev = measure(&cases);
    let holdout = measure(&part("holdout"));
    report("dev", &dev);
    report("holdout", &holdout);
    // Per file, so that a set measured once as held-out can be followed after it moved here.
    let mut files: Vec<&str> = cases.iter().map(|(f, _)| f.as_str()).collect();
    files.dedup();
    for file in files {
        let subset = cases.iter().filter(|(f, _)| f == file);
        report(&format!("  dev/{file}"), &measure(subset));
    }
    for u in &dev.unchecked {
        println!("dev unchecked: {u}");
    }
    let mut failures: Vec<String> = Vec::new();
    failures.extend(
        dev.false_alarms
            .iter()
            .map(|f| format!("dev false alarm: {f}")),
    );
    let known = |f: &str| {
        KNOWN_MISSES
            .iter()
            .any(|(file, title, _)| f.starts_with(&format!("{file}: ## {title}\n")))
    };
    failures.extend(
        dev.misses
            .iter()
            .filter(|f| !known(f))
            .map(|f| format!("dev miss: {f}")),
    );
    for (file, title, why) in KNOWN_MISSES {
        let head = format!("{file}: ## {title}\n");
        if dev.misses.iter().any(|f| f.starts_with(&head)) {
            println!("dev known miss: {file}: {title} ({why})");
        } else {
            println!("dev known miss now caught, strike it off: {file}: {title}");
        }
    }
    failures.extend(dev.malformed.iter().map(|f| format!("dev: {f}")));
    // Held-out texts are named, not shown: whoever builds a check must not read them.
    failures.extend(holdout.false_alarms.iter().map(|f| {
        let title = f.lines().next().unwrap_or_default();
        format!("holdout false alarm: {title}")
    }));
    failures.extend(holdout.malformed.iter().map(|f| {
        let title = f.lines().next().unwrap_or_default();
        format!("holdout: {title}")
    }));
    assert!(
        failures.is_empty(),
        "{} problem(s):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    assert!(
        share(dev.relations_checked, dev.relations) >= 0.9,
        "dev: only {} of {} relations checked",
        dev.relations_checked,
        dev.relations
    );
}

#[test]
fn an_overlong_sentence_is_counted_as_skipped_and_a_long_list_is_not() {
    let prose: String = (0..70)
        .map(|k| format!("第 {k} 区用水 {} 万吨", 100 + k))
        .collect::<Vec<_>>()
        .join("，");
    let (_, outcome) = cases::run(&format!("{prose}。"));
    assert_eq!(outcome.stats.sentences_skipped, 1);
    let list: String = (0..70)
        .map(|k| format!("- 第 {k} 区用水 {} 万吨", 100 + k))
        .collect::<Vec<_>>()
        .join("\n");
    let (_, outcome) = cases::run(&list);
    assert_eq!(outcome.stats.sentences_skipped, 0);
}
