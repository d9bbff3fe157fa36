//! The command line end to end, in one test binary.
//!
//! - `tests/cmd/*.toml`: one case per file (trycmd): the arguments, the working folder
//!   (`repos/NAME/` shared by several cases, or `NAME.in/` copied to a sandbox when the case
//!   writes), the exit status, and the whole of stdout (`NAME.stdout`) and stderr
//!   (`NAME.stderr`); for `--fix`, the files as they must end up (`NAME.out/`).
//! - `tests/cmd/*.md`: literate cases, `$ factlint …`, `? STATUS`, then the output.
//! - `README.md` and `docs/rules.md`: their `console` blocks, run as written, so the docs
//!   never show output factlint no longer prints.
//!
//! `TRYCMD=overwrite cargo test --test cli` rewrites the expected output; read the diff
//! before committing it. The few cases below need what a case file cannot say: bytes on disk
//! (CRLF and the BOM survive `--fix`), an input too large to commit, or an invariant of the
//! output (table columns line up by display width).

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .case("tests/cmd/*.toml")
        .case("tests/cmd/*.md")
        .case("README.md")
        .case("docs/rules.md");
}

fn factlint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// `check-fix.toml` shows the report; this checks the bytes: the CRLF line endings and the
/// BOM survive, which a text comparison would normalise away.
#[test]
fn fix_keeps_bom_and_crlf_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/check-fix.in");
    for rel in ["claims/terms.yaml", "source/crlf.md", "source/bom.md"] {
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        fs::copy(from.join(rel), &to).expect("copy");
    }
    let out = factlint(dir.path(), &["check", "--fix", "--format", "line"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        fs::read(dir.path().join("source/crlf.md")).expect("read"),
        "# 成本\r\n\r\n模型的训练成本很高,训练成本。\r\n在 Ipsos 的调查中。\r\n".as_bytes()
    );
    let mut fixed_bom = "\u{feff}".as_bytes().to_vec();
    fixed_bom.extend_from_slice("# 成本\n\n训练成本\n".as_bytes());
    assert_eq!(
        fs::read(dir.path().join("source/bom.md")).expect("read"),
        fixed_bom
    );
}

#[test]
fn extract_table_columns_line_up_by_display_width() {
    use unicode_width::UnicodeWidthStr;
    let out = factlint(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["extract", "source/ai-index-2024.md"],
    );
    let out = String::from_utf8(out.stdout).expect("utf-8 output");
    let header = out.lines().next().expect("header");
    let column = |name: &str| header[..header.find(name).expect("column")].width();
    let (kind_col, text_col, value_col) = (column("kind"), column("text"), column("value"));
    for line in out.lines().skip(1) {
        let cells: Vec<&str> = line.split("  ").filter(|c| !c.trim().is_empty()).collect();
        assert!(cells.len() >= 6, "{line}");
        let at = |cell: &str| line[..line.find(cell.trim()).expect("cell")].width();
        assert_eq!(at(cells[1]), kind_col, "{line}");
        assert_eq!(at(cells[2]), text_col, "{line}");
        // The value column starts where the header says, whatever the CJK width of the text.
        let value_start = line
            .match_indices(cells[3].trim())
            .map(|(b, _)| line[..b].width())
            .find(|&w| w >= value_col);
        assert_eq!(value_start, Some(value_col), "{line}");
    }
}

#[test]
fn extract_nul_bytes_and_long_lines_do_not_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("long.txt");
    let mut text = String::new();
    for k in 0..20_000 {
        text.push_str(&format!("约 {k}% 的 \u{0} 数据，"));
    }
    fs::write(&path, &text).expect("write");
    let out = factlint(
        dir.path(),
        &["extract", "--format", "json", path.to_str().expect("path")],
    );
    // Whether NUL makes a file binary is the loader's call; either way no panic and no hang.
    assert!(matches!(out.status.code(), Some(0 | 2)), "{out:?}");
}

/// Variants of the bundled article with every digit changed by a fixed-seed generator, so
/// that the built-ins find something: a stand-in for a corpus too large to commit.
fn variants(count: usize) -> Vec<String> {
    let article =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("source/ai-index-2024.md"))
            .expect("bundled article");
    let mut seed: u64 = 13;
    (0..count)
        .map(|_| {
            article
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        char::from(b'0' + ((seed >> 33) % 10) as u8)
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect()
}

/// `-j 2` prints byte for byte what `-j 1` prints: over many files (reports in sorted
/// order whichever finishes first) and over one file large enough to be extracted in
/// paragraph pieces on both threads, in every machine format and the diff.
#[test]
fn two_threads_print_what_one_thread_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    let many = dir.path().join("many");
    fs::create_dir_all(&many).expect("mkdir");
    for (i, text) in variants(60).iter().enumerate() {
        fs::write(many.join(format!("{i:03}.md")), text).expect("write");
    }
    // About 3 MB: three paragraph pieces of 1 MiB, under the name the bundled rules apply
    // to, so that the claims (matched over the whole article) run on it too.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(dir.path().join("source")).expect("mkdir");
    fs::create_dir_all(dir.path().join("claims")).expect("mkdir");
    fs::write(
        dir.path().join("source/ai-index-2024.md"),
        variants(260).join("\n"),
    )
    .expect("write");
    fs::copy(
        root.join("claims/ai-index-2024.yaml"),
        dir.path().join("claims/ai-index-2024.yaml"),
    )
    .expect("copy");
    fs::write(dir.path().join("factlint.yaml"), "").expect("write");
    fs::write(
        dir.path().join("terms.yaml"),
        "terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n  - id: i\n    use: Ipsos\n    instead_of: [lpsos]\n",
    )
    .expect("write");
    let claims = "claims";
    for target in ["many", "source/ai-index-2024.md"] {
        for format in ["line", "json", "diff"] {
            let run = |j: &str| {
                factlint(
                    dir.path(),
                    &[
                        "check",
                        "-j",
                        j,
                        "--claims",
                        "terms.yaml",
                        "--claims",
                        claims,
                        "--format",
                        format,
                        target,
                    ],
                )
            };
            let (one, two) = (run("1"), run("2"));
            assert_eq!(one.status.code(), Some(1), "{one:?}");
            assert!(
                one.stdout.len() > 1000,
                "{target} {format}: too little output to compare"
            );
            assert!(
                one.stdout == two.stdout,
                "{target} {format}: -j 2 differs from -j 1"
            );
            assert_eq!(one.stderr, two.stderr);
        }
    }
}

/// Standard input that is not UTF-8 is located like a file's first bad byte; exit 2.
#[test]
fn stdin_that_is_not_utf8_is_located() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args([
            "check",
            "-",
            "--claims",
            "/dev/null",
            "--stdin-filename",
            "in.md",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"ok\n\xe8\xae\xad \xff\n")
        .expect("write");
    let out = child.wait_with_output().expect("waits");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("in.md") && stderr.contains("byte 7"),
        "{stderr}"
    );
}
