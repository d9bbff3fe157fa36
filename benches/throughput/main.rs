//! Throughput and memory benchmark (`cargo bench --bench throughput`; see bench/README.md).
//!
//! Generates a deterministic corpus (corpus.rs, prose.rs) under `<target>/bench-corpus/` in
//! two flavours, article density and dense (stress), and for each prints its measured density
//! (bytes per mention) and medians over several runs, on one thread:
//! - loading (mask, line index, sections) and extraction, in MB/s;
//! - the check engine alone (`check_document` on mentions extracted beforehand) with the
//!   bundled rules (`claims/`), 10 and 1,000 generated term rules, and the 1000/10 cost ratio;
//! - end to end (load + extract + check), what a user pays, with the same rule sets;
//! - the peak memory (max RSS) and wall time of the release binary's `extract --format json`
//!   and `check` over the many-files corpus and over the single big file.
//!
//! Then the scaling cases of issue 12 (scaling.rs), and loading a file of one 200 MB line,
//! against one of 20 MB (linear time).
//!
//! A figure whose runs exceed 30 s in total stops repeating and says so.
//!
//! Environment: `FACTLINT_BENCH_RUNS` (default 5), `FACTLINT_BENCH_MB` (default 50, the size
//! of the big file and of the many-files corpus each), `FACTLINT_BENCH_FILES` (default 2000),
//! `FACTLINT_BENCH_LONG_LINE=0` to skip the 200 MB line, `FACTLINT_BENCH_SCALING_ONLY=1` to
//! run only the scaling cases of issue 12 (scaling.rs: sizes x1, x4, x16 and their ratios).
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod corpus;
mod prose;
mod scaling;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use factlint::check::{CheckOptions, check_document};
use factlint::extract::{ExtractOptions, Mention, extract};
use factlint::rules::RuleSet;
use factlint::source::Document;

use corpus::{Corpus, Set};

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)
}

/// Stop repeating a figure once its runs have taken this long: a slow stage still gets
/// measured (once), and the whole benchmark ends in minutes.
const BUDGET: Duration = Duration::from_secs(30);

/// Runs `f` up to `runs` times (fewer once `BUDGET` is spent) and returns the median time,
/// the number of runs and the last result.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    let mut spent = Duration::ZERO;
    while samples.len() < runs.max(1) && (samples.is_empty() || spent < BUDGET) {
        let start = Instant::now();
        let out = f();
        let took = start.elapsed();
        spent += took;
        samples.push(took);
        last = Some(out);
    }
    if samples.len() < runs {
        println!(
            "    (over the time budget: median of {} runs)",
            samples.len()
        );
    }
    (median(samples), last.expect("at least one run"))
}

fn main() {
    let runs = env_usize("FACTLINT_BENCH_RUNS", 5);
    if env_usize("FACTLINT_BENCH_SCALING_ONLY", 0) != 0 {
        scaling::run(runs.min(3));
        return;
    }
    let megabytes = env_usize("FACTLINT_BENCH_MB", 50);
    let files = env_usize("FACTLINT_BENCH_FILES", 2000);
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target tmp dir lies inside the target dir")
        .to_path_buf();
    let root = target.join("bench-corpus");
    let whole = Instant::now();
    let corpus = match corpus::ensure(&root, megabytes, files) {
        Ok(c) => c,
        Err(e) => {
            eprintln!(
                "error: cannot write the corpus under {}: {e}",
                root.display()
            );
            std::process::exit(2);
        }
    };
    println!(
        "corpus: {} ({} MB big file and {files} small files per flavour; ready in {:.1?})",
        corpus.root.display(),
        megabytes,
        whole.elapsed()
    );
    println!("runs per figure: {runs} (median); {}", load_average());
    let options = ExtractOptions::default();
    let article = crate_root.join("source/ai-index-2024.md");
    if let Ok(text) = fs::read_to_string(&article) {
        let doc = Document::from_text(&article, &text);
        let mentions = extract(&doc.masked, &options);
        println!(
            "reference: source/ai-index-2024.md, {}\n",
            density(text.len(), &mentions)
        );
    }

    let rules = Rules {
        bundled: load_rules(&crate_root.join("claims"), crate_root, "bundled rules"),
        terms_10: load_rules(&corpus.rules_10, &corpus.root, "10 term rules"),
        terms_1000: load_rules(&corpus.rules_1000, &corpus.root, "1,000 term rules"),
    };
    for set in &corpus.sets {
        bench_set(set, &corpus, &rules, runs);
    }

    scaling::run(runs.min(3));

    if env_usize("FACTLINT_BENCH_LONG_LINE", 1) != 0 {
        println!("# One line without a newline (Markdown)");
        let unit = "约 20% 的 1892 亿美元，see https://x.y/z `code` [link](u) ";
        let mut previous: Option<(usize, Duration)> = None;
        for mb in [20usize, 200] {
            let text = unit.repeat(mb * 1_000_000 / unit.len());
            let (t, len) = measure(1, || {
                Document::from_text(Path::new("line.md"), &text)
                    .masked
                    .len()
            });
            assert_eq!(len, text.len());
            let note = previous.map_or(String::new(), |(pmb, pt)| {
                format!(
                    " ({}x the bytes, {:.1}x the time)",
                    mb / pmb,
                    t.as_secs_f64() / pt.as_secs_f64()
                )
            });
            println!(
                "load {mb:>3} MB line: {t:.2?}, {:.1} MB/s{note}",
                mb_per_s(text.len(), t)
            );
            previous = Some((mb, t));
        }
    }
    if env_usize("FACTLINT_BENCH_LONG_LINE", 1) != 0 {
        hedge_scaling(runs);
    }
    println!(
        "\nwhole benchmark: {:.0?}; {} at the end",
        whole.elapsed(),
        load_average()
    );
}

/// The rule sets every flavour is checked with; `None` when a set did not load.
struct Rules {
    bundled: Option<RuleSet>,
    terms_10: Option<RuleSet>,
    terms_1000: Option<RuleSet>,
}

fn load_rules(dir: &Path, root: &Path, label: &str) -> Option<RuleSet> {
    match RuleSet::load(&[dir.to_path_buf()], root) {
        Ok(rules) => Some(rules),
        Err(errors) => {
            println!("{label} did not load, their rows are skipped:");
            for e in errors.iter().take(5) {
                println!("    {e}");
            }
            None
        }
    }
}

/// Bytes per mention, all kinds and quantities only, measured on the extractor's output.
fn density<'a>(bytes: usize, mentions: impl IntoIterator<Item = &'a Mention>) -> String {
    let (mut all, mut quantities) = (0, 0);
    for m in mentions {
        all += 1;
        quantities += usize::from(m.kind.is_quantity());
    }
    let per = |n: usize| bytes as f64 / n.max(1) as f64;
    format!(
        "{bytes} bytes, {all} mentions ({quantities} quantities): {:.1} bytes per mention, {:.1} per quantity",
        per(all),
        per(quantities)
    )
}

/// The bundled rules apply to the bundled article's path: corpus files checked with them
/// are loaded under that path.
const BUNDLED_PATH: &str = "source/ai-index-2024.md";

/// Every figure for one flavour of the corpus.
fn bench_set(set: &Set, corpus: &Corpus, rules: &Rules, runs: usize) {
    println!("# Corpus: {}", set.flavour.label());
    let big = fs::read_to_string(&set.big).expect("the big file was just written");
    let mut many: Vec<(PathBuf, String)> = Vec::new();
    let mut names: Vec<_> = fs::read_dir(&set.many)
        .expect("the corpus folder was just written")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    for path in names {
        let text = fs::read_to_string(&path).expect("corpus files are UTF-8");
        let rel = path
            .strip_prefix(&corpus.root)
            .unwrap_or(&path)
            .to_path_buf();
        many.push((rel, text));
    }
    let many_bytes: usize = many.iter().map(|(_, t)| t.len()).sum();
    let options = ExtractOptions::default();

    println!("\n## Extraction, one thread");
    let (t, _) = measure(runs, || Document::from_text(Path::new("big.md"), &big));
    println!(
        "load only (mask + index + sections), big file:  {:8.1} MB/s",
        mb_per_s(big.len(), t)
    );
    let (t, mentions) = measure(runs, || {
        let doc = Document::from_text(Path::new("big.md"), &big);
        extract(&doc.masked, &options)
    });
    println!(
        "load + extract, big file ({:>5.1} MB):         {:8.1} MB/s",
        big.len() as f64 / 1e6,
        mb_per_s(big.len(), t)
    );
    let big_density = density(big.len(), &mentions);
    drop(mentions);
    let (t, prepared) = measure(runs, || {
        many.iter()
            .map(|(path, text)| {
                let doc = Document::from_text(path, text);
                let mentions = extract(&doc.masked, &options);
                (doc, mentions)
            })
            .collect::<Vec<_>>()
    });
    println!(
        "load + extract, {} files ({:>5.1} MB):       {:8.1} MB/s",
        many.len(),
        many_bytes as f64 / 1e6,
        mb_per_s(many_bytes, t)
    );
    println!("density, big file:  {big_density}");
    println!(
        "density, {} files: {}",
        many.len(),
        density(many_bytes, prepared.iter().flat_map(|(_, m)| m))
    );

    println!(
        "\n## Check engine only, one thread, over the {} small files (mentions extracted beforehand)",
        many.len()
    );
    let with_builtins = CheckOptions::default();
    let rules_only = CheckOptions {
        builtins: Vec::new(),
        ..CheckOptions::default()
    };
    let mut prepared = prepared;
    check_row(
        "built-ins only (no rules):",
        &prepared,
        &RuleSet::default(),
        &with_builtins,
        runs,
    );
    if let Some(bundled) = &rules.bundled {
        let paths: Vec<PathBuf> = prepared.iter().map(|(d, _)| d.path.clone()).collect();
        for (doc, _) in &mut prepared {
            doc.path = PathBuf::from(BUNDLED_PATH);
        }
        check_row(
            "bundled rules, no built-ins:",
            &prepared,
            bundled,
            &rules_only,
            runs,
        );
        check_row(
            "bundled rules + built-ins:",
            &prepared,
            bundled,
            &with_builtins,
            runs,
        );
        for ((doc, _), path) in prepared.iter_mut().zip(paths) {
            doc.path = path;
        }
    }
    let engine_10 = rules.terms_10.as_ref().map(|r| {
        check_row(
            "10 term rules, no built-ins:",
            &prepared,
            r,
            &rules_only,
            runs,
        )
    });
    let engine_1000 = rules.terms_1000.as_ref().map(|r| {
        check_row(
            "1,000 term rules, no built-ins:",
            &prepared,
            r,
            &rules_only,
            runs,
        )
    });
    drop(prepared);

    println!(
        "\n## End to end (load + extract + check), one thread, over the {} small files",
        many.len()
    );
    if let Some(bundled) = &rules.bundled {
        let bundled_path = Path::new(BUNDLED_PATH);
        end_to_end_row(
            "bundled rules + built-ins:",
            &many,
            Some(bundled_path),
            bundled,
            &with_builtins,
            runs,
        );
    }
    let e2e_10 = rules.terms_10.as_ref().map(|r| {
        end_to_end_row(
            "10 term rules, no built-ins:",
            &many,
            None,
            r,
            &rules_only,
            runs,
        )
    });
    let e2e_1000 = rules.terms_1000.as_ref().map(|r| {
        end_to_end_row(
            "1,000 term rules, no built-ins:",
            &many,
            None,
            r,
            &rules_only,
            runs,
        )
    });
    let ratio = |a: Option<Duration>, b: Option<Duration>| match (a, b) {
        (Some(a), Some(b)) => format!("{:.2}", b.as_secs_f64() / a.as_secs_f64().max(1e-9)),
        _ => "n/a".to_string(),
    };
    println!(
        "cost of 1,000 term rules / 10 term rules: end to end {}, engine only {}",
        ratio(e2e_10, e2e_1000),
        ratio(engine_10, engine_1000)
    );

    println!("\n## Peak memory (max RSS) and wall time of the release binary, one run each");
    let exe = Path::new(env!("CARGO_BIN_EXE_factlint"));
    let rules10 = corpus.rules_10.to_string_lossy().to_string();
    for (label, target, bytes) in [
        ("many files", set.many.clone(), many_bytes),
        ("big file", set.big.clone(), big.len()),
    ] {
        let target = target.to_string_lossy().to_string();
        for args in [
            vec!["extract", "--format", "json", target.as_str()],
            vec![
                "check",
                "--claims",
                rules10.as_str(),
                "--format",
                "line",
                target.as_str(),
            ],
        ] {
            let (rss_kb, time, status) = peak_rss(exe, &args, &corpus.root);
            println!(
                "{:<8} {label:<10} ({:>5.1} MB): max RSS {:>8.1} MB, {:>6.2?} ({:5.1} MB/s), exit {status}",
                args[0],
                bytes as f64 / 1e6,
                rss_kb as f64 / 1024.0,
                time,
                mb_per_s(bytes, time)
            );
        }
    }
    println!("\n{}\n", load_average());
}

/// Times loading, extracting and checking every file, as `factlint check` does per file
/// (less reading the file and printing the report), and prints one row. `path` overrides
/// the files' paths, for rules that apply to one path only.
fn end_to_end_row(
    label: &str,
    files: &[(PathBuf, String)],
    path: Option<&Path>,
    rules: &RuleSet,
    options: &CheckOptions,
    runs: usize,
) -> Duration {
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let extract_options = ExtractOptions::default();
    let (t, findings) = measure(runs, || {
        files
            .iter()
            .map(|(own, text)| {
                let doc = Document::from_text(path.unwrap_or(own), text);
                let mentions = extract(&doc.masked, &extract_options);
                check_document(&doc, &mentions, rules, options)
                    .findings
                    .len()
            })
            .sum::<usize>()
    });
    println!(
        "check, {label:<32} {:8.1} MB/s  ({findings} findings, {:.2?})",
        mb_per_s(bytes, t),
        t
    );
    t
}

/// Times `check_document` over every prepared document and prints one row.
fn check_row(
    label: &str,
    prepared: &[(Document, Vec<Mention>)],
    rules: &RuleSet,
    options: &CheckOptions,
    runs: usize,
) -> Duration {
    let bytes: usize = prepared.iter().map(|(d, _)| d.text.len()).sum();
    let (t, findings) = measure(runs, || {
        prepared
            .iter()
            .map(|(doc, mentions)| check_document(doc, mentions, rules, options).findings.len())
            .sum::<usize>()
    });
    println!(
        "check, {label:<32} {:8.1} MB/s  ({findings} findings, {:.2?})",
        mb_per_s(bytes, t),
        t
    );
    t
}

/// The machine's load average: the figures are only as steady as the machine is idle.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "load average unknown".to_string(),
        |l| {
            format!(
                "load average {}",
                l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
            )
        },
    )
}

/// Runs the binary and returns its max RSS in KiB, the wall time and the exit status.
/// Uses `/usr/bin/time -f %M` when present (the kernel's own accounting of the child), else
/// polls the child's `VmHWM` in `/proc` (may miss a final spike).
fn peak_rss(exe: &Path, args: &[&str], cwd: &Path) -> (u64, Duration, String) {
    let time_bin = Path::new("/usr/bin/time");
    let start = Instant::now();
    if time_bin.exists() {
        let out = Command::new(time_bin)
            .arg("-f")
            .arg("RSS_KB=%M")
            .arg(exe)
            .args(args)
            .current_dir(cwd)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        let elapsed = start.elapsed();
        return match out {
            Ok(out) => {
                let stderr = String::from_utf8_lossy(&out.stderr);
                let rss = stderr
                    .lines()
                    .rev()
                    .find_map(|l| l.strip_prefix("RSS_KB="))
                    .and_then(|v| v.trim().parse().ok())
                    .unwrap_or(0);
                let code = out.status.code().map_or("signal".into(), |c| c.to_string());
                (rss, elapsed, code)
            }
            Err(e) => (0, elapsed, format!("not run: {e}")),
        };
    }
    let mut child = match Command::new(exe)
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return (0, start.elapsed(), format!("not run: {e}")),
    };
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(status) = fs::read_to_string(&status_file)
            && let Some(kb) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        match child.try_wait() {
            Ok(Some(status)) => {
                let code = status.code().map_or("signal".into(), |c| c.to_string());
                return (peak, start.elapsed(), code);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return (peak, start.elapsed(), format!("wait failed: {e}")),
        }
    }
}

/// Issue 12: hedges on one long line without punctuation (`约 20% 三分之二 ` repeated, about
/// 1, 4 and 16 MB) are loaded and extracted; linear means each ×4 of the text costs at
/// most ×5 of the time.
fn hedge_scaling(runs: usize) {
    println!("\n# Hedges on one long line without punctuation (load + extract)");
    let unit = "约 20% 三分之二 ";
    let options = ExtractOptions::default();
    let mut previous: Option<Duration> = None;
    for factor in [1usize, 4, 16] {
        let text = unit.repeat(factor * 50_000);
        let (t, n) = measure(runs.min(3), || {
            let doc = Document::from_text(Path::new("line.md"), &text);
            extract(&doc.masked, &options).len()
        });
        assert_eq!(n, factor * 100_000);
        let note = previous.map_or(String::new(), |pt| {
            format!(
                " (x4 the bytes: {:.1}x the time)",
                t.as_secs_f64() / pt.as_secs_f64()
            )
        });
        println!(
            "x{factor:<2} ({:>5.1} MB): {t:>9.2?}, {:.1} MB/s{note}",
            text.len() as f64 / 1e6,
            mb_per_s(text.len(), t)
        );
        previous = Some(t);
    }
}
