//! Loading files from disk, finding them in folders, and every kind of bad input: each gives
//! a clear error naming the file (or loads fine), never a panic or a hang.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use factlint::source::{Document, SourceError, discover};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create fixture folder");
    }
    fs::write(&path, bytes).expect("write fixture");
    path
}

#[test]
fn invalid_utf8_names_the_file_and_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bad.md", b"ok \xe8\xae\xad then \xff here");
    let err = Document::load(&path).unwrap_err();
    // `ok ` and 训 and ` then ` are 12 valid bytes.
    assert!(
        matches!(err, SourceError::Utf8 { offset: 12, .. }),
        "{err:?}"
    );
    let message = err.to_string();
    assert!(
        message.contains("bad.md: not valid UTF-8 at byte 12"),
        "{message}"
    );
}

#[test]
fn utf8_offset_counts_the_bom() {
    let err = Document::from_bytes(Path::new("x.txt"), b"\xef\xbb\xbfab\xc3").unwrap_err();
    assert!(
        matches!(err, SourceError::Utf8 { offset: 5, .. }),
        "{err:?}"
    );
}

#[test]
fn nul_byte_is_a_binary_file() {
    let err = Document::from_bytes(Path::new("img.md"), b"PNG\x00\x01\x02").unwrap_err();
    assert!(
        matches!(err, SourceError::Binary { offset: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().starts_with("img.md: binary file"));
    // Binary wins over invalid UTF-8: the message says what the file is.
    let err = Document::from_bytes(Path::new("b.md"), b"\xff\x00").unwrap_err();
    assert!(matches!(err, SourceError::Binary { .. }), "{err:?}");
}

#[test]
fn empty_file_is_an_empty_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.md", b"");
    let doc = Document::load(&path).unwrap();
    assert_eq!(doc.text, "");
    assert_eq!(doc.masked, "");
    assert!(doc.sections.is_empty());
    assert_eq!(doc.lines.line_col(&doc.text, 0), (1, 1));
    let bom_only = Document::from_bytes(Path::new("b.md"), b"\xef\xbb\xbf").unwrap();
    assert!(bom_only.bom);
    assert_eq!(bom_only.text, "");
}

#[test]
fn missing_file_is_reported() {
    let err = Document::load(Path::new("/no/such/dir/article.md")).unwrap_err();
    assert!(matches!(err, SourceError::Missing { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "/no/such/dir/article.md: no such file or directory"
    );
}

#[test]
fn one_megabyte_line_loads() {
    let line = "约 20% 的 1892 亿美元 see https://x.y/z and `code` ".repeat(20_000);
    assert!(line.len() > 1_000_000);
    for path in ["long.md", "long.txt"] {
        let doc = Document::from_text(Path::new(path), &line);
        assert_eq!(doc.masked.len(), line.len());
        assert_eq!(doc.lines.len(), 1);
        assert!(!doc.masked.contains("https://"));
        let (_, col) = doc.lines.line_col(&doc.text, doc.text.len());
        assert_eq!(col, line.chars().count() + 1);
    }
}

#[test]
fn loading_is_linear_in_the_size_of_a_line_without_newline() {
    // Pathological shapes for a Markdown parser and a URL scanner: many backticks, brackets,
    // and URL-ish runs on one line. Ten times the text must cost about ten times the time,
    // not a hundred; the bound is loose so a busy machine does not fail it.
    let unit = "`[a](b ``` <x ![ http://a.b/( www. ) 训练 ";
    // The fastest of three runs: a busy machine only ever adds time.
    let time = |copies: usize| {
        let text = unit.repeat(copies);
        (0..3)
            .map(|_| {
                let start = Instant::now();
                let doc = Document::from_text(Path::new("p.md"), &text);
                assert_eq!(doc.masked.len(), text.len());
                start.elapsed()
            })
            .min()
            .expect("three runs")
    };
    let small = time(5_000).max(Duration::from_micros(200));
    let large = time(50_000);
    assert!(
        large < small * 40,
        "10x input took {large:?} against {small:?}"
    );
}

#[test]
fn directives_in_markdown_comments_but_not_in_code() {
    let text = "<!-- factlint-disable-next-line ratio_in_sentence -->\nA is 3 times B.\n\n```\n<!-- factlint-disable -->\n```\n\nx <!-- factlint-enable --> y\n";
    let doc = Document::from_text(Path::new("d.md"), text);
    let kinds: Vec<_> = doc.directives.iter().map(|d| d.kind).collect();
    use factlint::source::DirectiveKind::*;
    assert_eq!(kinds, [DisableNextLine, Enable]);
    assert_eq!(doc.directives[0].rules, ["ratio_in_sentence"]);
    assert_eq!(doc.directives[0].span.start, 0);
    // Plain text has no code blocks: every directive counts.
    let plain = Document::from_text(Path::new("d.txt"), text);
    assert_eq!(plain.directives.len(), 3);
}

#[test]
fn discover_walks_folders_sorted_and_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "b.md",
        "a.txt",
        "c.markdown",
        "d.rs",
        "UPPER.MD",
        "sub/z.md",
        "sub/deeper/y.txt",
        ".hidden/h.md",
        ".dot.md",
        "target/t.md",
        "sub/target/t2.md",
    ] {
        write(root, name, b"x");
    }
    let (files, errors) = discover(&[root.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> = files
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    assert_eq!(
        names,
        [
            "UPPER.MD",
            "a.txt",
            "b.md",
            "c.markdown",
            "sub/deeper/y.txt",
            "sub/z.md"
        ]
    );
}

#[test]
fn discover_takes_files_as_given_and_reports_missing_paths() {
    let dir = tempfile::tempdir().unwrap();
    let rs = write(dir.path(), "notes.rs", b"x");
    let md = write(dir.path(), "a.md", b"x");
    let missing = dir.path().join("gone.md");
    let (files, errors) = discover(&[rs.clone(), missing.clone(), md.clone()]);
    assert_eq!(files, [rs, md]);
    assert_eq!(errors.len(), 1);
    assert!(matches!(&errors[0], SourceError::Missing { path } if *path == missing));
    assert!(errors[0].to_string().contains("gone.md"));
}

#[cfg(unix)]
#[test]
fn discover_reports_a_dangling_link_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", b"x");
    write(root, "c.md", b"x");
    std::os::unix::fs::symlink(root.join("nowhere.md"), root.join("b.md")).unwrap();
    std::os::unix::fs::symlink(root.join("nowhere"), root.join("other")).unwrap();
    let (files, errors) = discover(&[root.to_path_buf()]);
    assert_eq!(files, [root.join("a.md"), root.join("c.md")]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path(), root.join("b.md"));
    assert!(
        errors[0]
            .to_string()
            .ends_with("b.md: cannot read: broken symbolic link")
    );
}

#[cfg(unix)]
#[test]
fn discover_does_not_follow_a_link_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "sub/a.md", b"x");
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    let (files, errors) = discover(&[root.to_path_buf()]);
    assert!(errors.is_empty());
    assert_eq!(files, [root.join("sub/a.md")]);
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_errors_the_rest_still_load() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", b"fine");
    let locked = write(root, "locked.md", b"secret");
    write(root, "shut/inner.md", b"x");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    fs::set_permissions(root.join("shut"), fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads anything; the permission errors only exist for other users.
    let root_user = fs::read(&locked).is_ok();
    let (files, errors) = discover(&[root.to_path_buf()]);
    let loaded: Vec<_> = files.iter().map(|p| Document::load(p)).collect();
    fs::set_permissions(root.join("shut"), fs::Permissions::from_mode(0o755)).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    assert!(loaded[0].as_ref().is_ok_and(|d| d.text == "fine"));
    if root_user {
        return;
    }
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path(), root.join("shut"));
    assert!(errors[0].to_string().contains("cannot read"));
    let err = loaded[1].as_ref().unwrap_err();
    assert!(matches!(err, SourceError::Read { .. }));
    assert!(err.to_string().contains("locked.md: cannot read"));
}

#[test]
fn walks_respect_gitignore_ignore_and_exclude_globs() {
    use factlint::source::{Excludes, discover_with};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        "a.md",
        "drafts/d.md",
        "build/out.md",
        "notes/n.txt",
        "notes/keep.md",
        "vendor/v.md",
    ] {
        write(root, name, b"x");
    }
    write(root, ".gitignore", b"build/\n");
    write(root, ".ignore", b"vendor\n");
    let mut excludes = Excludes::default();
    excludes
        .add(root, &["drafts/".to_string(), "*.txt".to_string()])
        .unwrap();
    let found = discover_with(&[root.to_path_buf()], &excludes);
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    assert_eq!(found.files, [root.join("a.md"), root.join("notes/keep.md")]);
    // A file named on the command line is checked even if a glob matches it.
    let given = root.join("drafts/d.md");
    let found = discover_with(std::slice::from_ref(&given), &excludes);
    assert_eq!(found.files, [given]);
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_and_named_and_refused_when_given() {
    use factlint::source::{Excludes, discover_with};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "a.md", b"x");
    write(root, "z.md", b"x");
    let fifo = root.join("m.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return; // no mkfifo here: nothing to test
    }
    let found = discover_with(&[root.to_path_buf()], &Excludes::default());
    assert_eq!(found.files, [root.join("a.md"), root.join("z.md")]);
    assert_eq!(found.skipped, [(fifo.clone(), "a FIFO")]);
    // Given by name it is refused without being opened (opening would block).
    let err = Document::load(&fifo).unwrap_err();
    assert!(matches!(err, SourceError::NotRegular { .. }), "{err:?}");
    assert!(
        err.to_string().contains("not a regular file (a FIFO)"),
        "{err}"
    );
}

#[test]
fn size_limit_utf16_and_cr_only_lines() {
    let dir = tempfile::tempdir().unwrap();
    let big = write(dir.path(), "big.md", &vec![b'x'; 5000]);
    let err = Document::load_limited(&big, 4096).unwrap_err();
    assert!(
        matches!(
            err,
            SourceError::TooLarge {
                size: 5000,
                limit: 4096,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("--max-filesize"), "{err}");
    let utf16 = write(dir.path(), "u.md", &[0xFF, 0xFE, b'a', 0, b'b', 0]);
    let err = Document::load(&utf16).unwrap_err().to_string();
    assert!(
        err.contains("UTF-16") && err.contains("iconv -f UTF-16 -t UTF-8"),
        "{err}"
    );
    assert!(!err.contains("binary"), "{err}");
    // Old Mac line endings (CR only) are line breaks.
    let cr = write(dir.path(), "cr.md", "一\r二\r三 42".as_bytes());
    let doc = Document::load(&cr).unwrap();
    let at = doc.text.find("42").unwrap();
    assert_eq!(doc.lines.line_col(&doc.text, at), (3, 3));
}

#[test]
fn a_nul_stops_reading_early_and_names_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"text ".to_vec();
    bytes.push(0);
    bytes.extend(vec![b'y'; 1 << 20]);
    let path = write(dir.path(), "nul.md", &bytes);
    let err = Document::load(&path).unwrap_err();
    assert!(
        matches!(err, SourceError::Binary { offset: 5, .. }),
        "{err:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_newline_in_a_file_name_is_escaped_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=README.md,line=1::INJECTED.md";
    let path = write(dir.path(), name, &[0xff]);
    let message = Document::load(&path).unwrap_err().to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(message.contains("x\\n::error"), "{message}");
}
