//! `factlint init`: the files a new repository starts with, written only where nothing is.
//!
//! Takes the repository root and, optionally, an article and its draft rules; produces
//! `factlint.yaml`, `claims/example.yaml` (a commented rule file that loads as it is and
//! teaches the format) and, for an article, `claims/<article>.yaml` with the draft. A file
//! that exists is never touched: it is reported as kept.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What `init` did with one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    Written(PathBuf),
    /// The file was there already and is left as it was.
    Kept(PathBuf),
}

/// The files to write, each with its text; `sources` is the folder of the articles.
pub fn plan(root: &Path, sources: &str, draft: Option<(&Path, String)>) -> Vec<(PathBuf, String)> {
    let mut files = vec![
        (root.join("factlint.yaml"), config(sources)),
        (
            root.join("claims").join("example.yaml"),
            EXAMPLE.to_string(),
        ),
    ];
    if let Some((article, yaml)) = draft {
        let stem = article.file_stem().map_or_else(
            || "article".to_string(),
            |s| s.to_string_lossy().to_string(),
        );
        files.push((root.join("claims").join(format!("{stem}.yaml")), yaml));
    }
    files
}

/// Writes each planned file that does not exist yet (creating `claims/`); an existing file
/// is kept. Stops at the first file that cannot be written.
pub fn write_new(files: &[(PathBuf, String)]) -> std::io::Result<Vec<Created>> {
    let mut out = Vec::new();
    for (path, text) in files {
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)?;
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(mut f) => {
                f.write_all(text.as_bytes())?;
                out.push(Created::Written(path.clone()));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                out.push(Created::Kept(path.clone()));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

fn config(sources: &str) -> String {
    format!(
        "# factlint's configuration: what to check and with which rules. Paths are relative to\n\
         # this file's folder. `factlint schema config` prints the JSON Schema of this file.\n\
         sources: [\"{sources}\"]\n\
         claims: [\"claims\"]\n\
         # The approximation tolerance of hedged numbers (约, about), as a fraction:\n\
         # tolerance: 0.05\n\
         # The lowest severity that makes `factlint check` exit 1 (error, warning, never):\n\
         # fail_on: error\n\
         # A built-in check's severity, or off:\n\
         # builtins: {{ multiple_wording: warning }}\n"
    )
}

/// A rule file that loads as it is (empty sections) and shows every kind of rule in
/// comments.
const EXAMPLE: &str = r#"# An example rule file: it loads as it is (its sections are empty) and shows the format
# in comments. docs/rules.md says everything; `factlint draft ARTICLE --facts FACTS` writes a
# first draft of an article's rules; `factlint test` runs every rule's examples.
#
# applies_to: ["source/my-article.md"]   # globs relative to the repository root

facts:
  # A value from the primary source; exact unless `precision` (the step it was rounded to).
  # `unit` is how the value is written: USD, %, pp, share (a fraction), times, t, or what is
  # counted (models, countries).
  #
  # revenue_2023: { value: 12.5e9, unit: USD, precision: 0.1e9, source: "Annual report 2023, p. 4" }
  # revenue_2022: { value: 10.2e9, unit: USD, precision: 0.1e9, source: "Annual report 2022, p. 4" }

claims:
  # A sentence to find (a template: literal text with {placeholders}) and what its numbers
  # must satisfy. Each rule carries examples: a pass example the template matches, and a
  # fail example it must flag.
  #
  # - id: revenue_growth
  #   text: "营收增长至 {revenue},同比增长 {growth}"
  #   check:
  #     - revenue ~ revenue_2023
  #     - growth ~ pct_change(revenue_2022, revenue_2023)
  #   why: "12.5 against 10.2 billion is a 22.5% rise."
  #   examples:
  #     pass: ["营收增长至 125 亿美元,同比增长 22.5%。"]
  #     fail: ["营收增长至 125 亿美元,同比增长 25%。"]

terms:
  # A word to use instead of others, optionally only under a heading.
  #
  # - id: revenue_not_profit
  #   use: 营收
  #   instead_of: [利润]
  #   within: { heading_starts: 财务 }
  #   why: "the figure is revenue, not profit"
  #   examples:
  #     pass: ["财务概况\n\n营收增长至 125 亿美元。"]
  #     fail: ["财务概况\n\n利润增长至 125 亿美元。"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_and_the_config_load_as_written() {
        let file = crate::rules::RuleSet::from_text(Path::new("example.yaml"), EXAMPLE)
            .expect("the example loads");
        assert!(file.claims.is_empty() && file.terms.is_empty());
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("factlint.yaml");
        std::fs::write(&path, config("source")).expect("write");
        crate::config::load(&path).expect("the config loads");
    }

    #[test]
    fn commented_examples_work_once_uncommented() {
        // Code lines are commented YAML (`- id:`, `key: value`, deeper indentation); prose
        // lines are sentences.
        let is_code = |rest: &str| {
            rest.starts_with('-')
                || rest.starts_with(' ')
                || rest.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty()
                        && k.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                })
        };
        let uncommented: String = EXAMPLE
            .lines()
            .filter_map(|l| match l.find("# ") {
                Some(i) if l[..i].trim().is_empty() && i >= 2 => {
                    let rest = &l[i + 2..];
                    is_code(rest).then(|| format!("{}{rest}", &l[..i]))
                }
                _ if l.trim_start().starts_with('#') => None,
                _ => Some(l.to_string()),
            })
            .collect::<Vec<_>>()
            .join("\n");
        let file = crate::rules::RuleSet::from_text(Path::new("example.yaml"), &uncommented)
            .unwrap_or_else(|e| panic!("{e:?}\n{uncommented}"));
        assert_eq!(
            (file.facts.len(), file.claims.len(), file.terms.len()),
            (2, 1, 1)
        );
        let results = crate::session::run_examples(&file, &crate::check::CheckOptions::default());
        let bad: Vec<_> = results
            .iter()
            .filter(|r| r.outcome != crate::session::ExampleOutcome::Passed)
            .collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    #[test]
    fn an_existing_file_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("factlint.yaml"), "tolerance: 0.1\n").expect("write");
        let done = write_new(&plan(dir.path(), "source", None)).expect("writes");
        assert_eq!(done[0], Created::Kept(dir.path().join("factlint.yaml")));
        assert_eq!(
            done[1],
            Created::Written(dir.path().join("claims/example.yaml"))
        );
        let kept = std::fs::read_to_string(dir.path().join("factlint.yaml")).expect("read");
        assert_eq!(kept, "tolerance: 0.1\n");
    }
}
