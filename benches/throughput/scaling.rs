//! Scaling cases of issue 12: inputs that were quadratic or worse. Each case runs at sizes
//! ×1, ×4 and ×16 and prints the ratios of the fastest of `runs` runs at each size; linear
//! means each ×4 costs at most ×5.
//!
//! - hedges on one long line (`约 20% 三分之二 ` repeated, no punctuation): load + extract;
//! - terms scoped by heading: 训练成本 sections among `# 标题` sections, each with a hit;
//! - a claimed sentence repeated: one claim matching every repetition;
//! - one term with many `instead_of` words: loading the rule file.

use std::path::Path;
use std::time::Duration;

use factlint::check::{CheckOptions, check_document};
use factlint::extract::{ExtractOptions, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;

use std::time::Instant;

/// Runs every case and prints its ratios.
pub fn run(runs: usize) {
    println!("# Scaling (issue 12): sizes x1, x4, x16; linear means each x4 costs <= x5");
    case("hedges on one 64 KB line", runs, |k| {
        let text = "约 20% 三分之二 ".repeat(64 * 1024 / 24 * k);
        Box::new(move || {
            let doc = Document::from_text(Path::new("a.md"), &text);
            extract(&doc.masked, &ExtractOptions::default()).len()
        })
    });
    let within = RuleSet::from_text(
        Path::new("t.yaml"),
        "terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n    within: {heading: 训练成本}\n",
    )
    .expect("the scoped term compiles");
    let within = RuleSet {
        files: vec![within],
        root: ".".into(),
    };
    case("terms within a heading, 5,000 sections", runs, |k| {
        let mut text = String::new();
        for i in 0..5000 * k {
            let title = if i % 2 == 0 { "训练成本" } else { "标题" };
            text.push_str(&format!("# {title}\n\n推理成本。\n\n"));
        }
        let rules = &within;
        Box::new(move || check(&text, rules))
    });
    let claim = RuleSet::from_text(
        Path::new("c.yaml"),
        "facts:\n  gpt4: {value: 78e6, unit: USD, source: s}\nclaims:\n  - id: c\n    text: \"GPT-4 的训练成本估计为 {cost}\"\n    check: cost ~ gpt4\n",
    )
    .expect("the claim compiles");
    let claim = RuleSet {
        files: vec![claim],
        root: ".".into(),
    };
    case("a claimed sentence repeated to 1 MB", runs, |k| {
        let sentence = "GPT-4 的训练成本估计为 7800 万美元。";
        let text = sentence.repeat(1024 * 1024 / sentence.len() * k);
        let rules = &claim;
        Box::new(move || check(&text, rules))
    });
    case("one term with 5,000 instead_of words, loading", runs, |k| {
        let mut yaml = String::from("terms:\n  - id: t\n    use: 对\n    instead_of: [");
        for i in 0..5000 * k {
            yaml.push_str(&format!("word{i}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, "));
        }
        yaml.push_str("]\n");
        Box::new(move || {
            RuleSet::from_text(Path::new("t.yaml"), &yaml)
                .expect("the term compiles")
                .terms
                .len()
        })
    });
    println!();
}

fn check(text: &str, rules: &RuleSet) -> usize {
    let doc = Document::from_text(Path::new("a.md"), text);
    let mentions = extract(&doc.masked, &ExtractOptions::default());
    let options = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    check_document(&doc, &mentions, rules, &options)
        .findings
        .len()
}

type Job<'a> = Box<dyn FnMut() -> usize + 'a>;

/// Stop repeating a size once its runs have taken this long.
const BUDGET: Duration = Duration::from_secs(30);

/// Times `make(k)` for k = 1, 4, 16 and prints the ratios.
fn case<'a>(label: &str, runs: usize, mut make: impl FnMut(usize) -> Job<'a>) {
    let mut times: Vec<Duration> = Vec::new();
    let mut outputs = Vec::new();
    for k in [1, 4, 16] {
        let mut job = make(k);
        // The fastest run: on a shared machine other work only ever adds time, and a ratio
        // of medians swings with the load.
        let mut best = Duration::MAX;
        let mut out = 0;
        let mut spent = Duration::ZERO;
        for _ in 0..runs.max(1) {
            let start = Instant::now();
            out = job();
            let took = start.elapsed();
            best = best.min(took);
            spent += took;
            if spent > BUDGET {
                break;
            }
        }
        times.push(best);
        outputs.push(out);
    }
    let ratio = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64().max(1e-9);
    let (r1, r2) = (ratio(times[0], times[1]), ratio(times[1], times[2]));
    let verdict = if r1 <= 5.0 && r2 <= 5.0 {
        "linear"
    } else {
        "NOT LINEAR"
    };
    println!(
        "{label}: x1 {:.2?}, x4 {:.2?} ({r1:.1}x), x16 {:.2?} ({r2:.1}x): {verdict} (outputs {outputs:?})",
        times[0], times[1], times[2]
    );
}
