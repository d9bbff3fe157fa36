//! Rule files: YAML in (`claims/*.yaml`), a compiled `RuleSet` out.
//!
//! Every file is parsed into typed `Raw*` structs (unknown keys rejected), then compiled:
//! expressions parsed and resolved, templates turned into matchers, globs built, and one
//! Aho-Corasick automaton per file built over the claims' anchors and the terms' words.
//! Any error names the file, line and column; all errors of all files are collected before
//! any article is checked.

mod compile;
mod error;
mod index;
pub mod normalize;
mod raw;
pub mod template;

use std::path::{Component, Path, PathBuf};

use globset::GlobSet;
use regex::Regex;

use crate::eval::{Comparison, Interval, Value};
use crate::finding::Severity;

pub use error::RuleError;
pub use template::Template;

/// All rule files of a run.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub files: Vec<RuleFile>,
    /// What `applies_to` globs are relative to.
    pub root: PathBuf,
}

/// One compiled rule file.
#[derive(Debug)]
pub struct RuleFile {
    pub path: PathBuf,
    /// The globs as written; `None` when the file has no `applies_to` and so applies to
    /// every article (and never reports a claim as unmatched).
    pub applies_to: Option<Vec<String>>,
    globs: Option<GlobSet>,
    pub facts: Vec<Fact>,
    pub claims: Vec<Claim>,
    pub terms: Vec<Term>,
    /// Over the claims' template anchors; pattern id → `anchor_claims` entry.
    pub(crate) claim_anchors: Option<index::Literals>,
    pub(crate) anchor_claims: Vec<Vec<usize>>,
    /// Over every term's `instead_of` words (ASCII case folded); pattern id → (term, word).
    pub(crate) term_words: Option<index::Literals>,
    pub(crate) word_terms: Vec<Vec<(usize, usize)>>,
}

/// A reference value from the primary source.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: String,
    pub value: f64,
    pub unit: String,
    pub source: String,
    /// The step the value was rounded to; `None` for an exact value.
    pub precision: Option<f64>,
    pub line: usize,
}

impl Fact {
    /// Exact, or ± precision / 2.
    pub fn as_value(&self) -> Value {
        let interval = match self.precision {
            Some(p) => Interval::around(self.value, p.abs() / 2.0),
            None => Interval::point(self.value),
        };
        Value {
            point: self.value,
            interval,
        }
    }
}

#[derive(Debug)]
pub struct Claim {
    pub id: String,
    pub line: usize,
    pub matcher: Matcher,
    pub checks: Vec<Check>,
    pub severity: Severity,
    pub examples: Examples,
    pub source: Option<String>,
    pub why: Option<String>,
}

/// How a claim finds its sentences.
#[derive(Debug)]
pub enum Matcher {
    Template(Template),
    /// A raw regex over the masked text; each named group must cover one quantity mention.
    Pattern {
        regex: Regex,
        groups: Vec<String>,
    },
}

impl Matcher {
    /// Placeholder or group names, in order.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Matcher::Template(t) => t.names(),
            Matcher::Pattern { groups, .. } => groups.iter().map(String::as_str).collect(),
        }
    }

    /// The template or pattern as written.
    pub fn text(&self) -> &str {
        match self {
            Matcher::Template(t) => &t.text,
            Matcher::Pattern { regex, .. } => regex.as_str(),
        }
    }
}

/// One `check:` line, parsed, with each name it uses resolved.
#[derive(Debug)]
pub struct Check {
    pub comparison: Comparison,
    pub text: String,
    pub line: usize,
    /// Each distinct name in the expression, in order of first use: `inputs[i]` binds the
    /// comparison's slot `i`, so evaluation reads values by index.
    pub inputs: Vec<(String, Binding)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    /// Index into `RuleFile::facts`.
    Fact(usize),
    /// Index into the claim's placeholders (or pattern groups).
    Placeholder(usize),
}

#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub line: usize,
    pub use_word: String,
    pub instead_of: Vec<String>,
    pub scope: Scope,
    pub case_sensitive: bool,
    pub severity: Severity,
    pub why: Option<String>,
    pub examples: Examples,
}

/// Where a term applies, by section heading (matched as text).
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    Anywhere,
    Within(String),
    Outside(String),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Examples {
    pub pass: Vec<String>,
    pub fail: Vec<String>,
}

impl Examples {
    pub fn len(&self) -> usize {
        self.pass.len() + self.fail.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl RuleSet {
    /// Loads every `*.yaml`/`*.yml` file named or found in the folders named, and compiles
    /// them. `root` is the repository root that `applies_to` globs are relative to. Every
    /// file is validated; all errors are returned together.
    pub fn load(paths: &[PathBuf], root: &Path) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let mut files = Vec::new();
        let mut tree = compile::FileTree::new(root);
        for path in discover(paths, &mut errors) {
            let text = match std::fs::read(&path) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => text,
                    Err(e) => {
                        errors.push(whole_file(
                            &path,
                            format!("not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
                        ));
                        continue;
                    }
                },
                Err(e) => {
                    errors.push(whole_file(&path, format!("cannot read: {e}")));
                    continue;
                }
            };
            match compile::compile(&path, &text, &mut tree) {
                Ok(file) => files.push(file),
                Err(errs) => errors.extend(errs),
            }
        }
        if errors.is_empty() {
            Ok(RuleSet {
                files,
                root: root.to_path_buf(),
            })
        } else {
            Err(errors)
        }
    }

    /// Compiles one rule file from text (tests, editors); `applies_to` is not checked
    /// against any folder.
    pub fn from_text(path: &Path, text: &str) -> Result<RuleFile, Vec<RuleError>> {
        compile::compile(path, text, &mut compile::FileTree::unchecked())
    }

    /// The rule files whose `applies_to` matches `path`.
    pub fn for_path(&self, path: &Path) -> Vec<&RuleFile> {
        // Resolving the path on disk costs system calls: only when a glob needs it, once.
        let mut canonical: Option<Option<PathBuf>> = None;
        self.files
            .iter()
            .filter(|f| match &f.globs {
                None => true,
                Some(set) => matches_path(set, path, &self.root, &mut canonical),
            })
            .collect()
    }
}

/// Whether `set` matches `path` as given without `./`, relative to `root`, or resolved
/// on disk relative to `root` (`canonical` caches that last form).
fn matches_path(
    set: &GlobSet,
    path: &Path,
    root: &Path,
    canonical: &mut Option<Option<PathBuf>>,
) -> bool {
    let clean = |p: &Path| -> PathBuf {
        p.components()
            .filter(|c| !matches!(c, Component::CurDir))
            .collect()
    };
    if set.is_match(clean(path)) {
        return true;
    }
    if let Ok(rel) = path.strip_prefix(root)
        && set.is_match(clean(rel))
    {
        return true;
    }
    canonical
        .get_or_insert_with(|| {
            let (p, r) = (path.canonicalize().ok()?, root.canonicalize().ok()?);
            p.strip_prefix(&r).ok().map(Path::to_path_buf)
        })
        .as_ref()
        .is_some_and(|rel| set.is_match(rel))
}

fn whole_file(path: &Path, message: String) -> RuleError {
    RuleError {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        message,
    }
}

/// The rule files among `paths`: files as given, folders searched (not recursively) for
/// `*.yaml` and `*.yml` in sorted order. A path given that does not exist is an error; an
/// empty folder (or `/dev/null`) gives no rules.
fn discover(paths: &[PathBuf], errors: &mut Vec<RuleError>) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut here: Vec<PathBuf> = match std::fs::read_dir(path) {
                Ok(entries) => entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| {
                        p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml")
                    })
                    .collect(),
                Err(e) => {
                    errors.push(whole_file(path, format!("cannot read folder: {e}")));
                    continue;
                }
            };
            here.sort();
            found.extend(here);
        } else if path.exists() {
            if path != Path::new("/dev/null") {
                found.push(path.clone());
            }
        } else {
            errors.push(whole_file(
                path,
                "no such file or folder: give a rule file or a folder of `*.yaml` files".into(),
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(applies_to: &str) -> RuleSet {
        let yaml = format!(
            "applies_to: {applies_to}\nterms:\n  - id: t\n    use: a\n    instead_of: [b]\n"
        );
        let file = RuleSet::from_text(Path::new("r.yaml"), &yaml).expect("compiles");
        RuleSet {
            files: vec![file],
            root: PathBuf::from("/repo"),
        }
    }

    #[test]
    fn globs_match_paths_as_given_or_under_the_root() {
        let set = rules("[\"source/*.md\"]");
        assert_eq!(set.for_path(Path::new("source/a.md")).len(), 1);
        assert_eq!(set.for_path(Path::new("./source/a.md")).len(), 1);
        assert_eq!(set.for_path(Path::new("/repo/source/a.md")).len(), 1);
        assert!(set.for_path(Path::new("other/a.md")).is_empty());
        assert!(set.for_path(Path::new("source/a.txt")).is_empty());
    }

    #[test]
    fn a_file_without_applies_to_applies_everywhere() {
        let yaml = "terms:\n  - id: t\n    use: a\n    instead_of: [b]\n";
        let file = RuleSet::from_text(Path::new("r.yaml"), yaml).expect("compiles");
        assert!(file.applies_to.is_none());
        let set = RuleSet {
            files: vec![file],
            root: PathBuf::from("."),
        };
        assert_eq!(set.for_path(Path::new("anything/at/all.txt")).len(), 1);
    }

    #[test]
    fn facts_are_exact_unless_rounded() {
        let yaml = "facts:\n  a: { value: 234e9, precision: 1e9, unit: USD, source: s }\n  b: { value: 2, unit: x, source: s }\n";
        let file = RuleSet::from_text(Path::new("r.yaml"), yaml).expect("compiles");
        let a = file.facts[0].as_value();
        assert_eq!((a.interval.low, a.interval.high), (233.5e9, 234.5e9));
        let b = file.facts[1].as_value();
        assert_eq!((b.interval.low, b.point, b.interval.high), (2.0, 2.0, 2.0));
    }

    #[test]
    fn empty_sections_are_no_rules() {
        let file =
            RuleSet::from_text(Path::new("r.yaml"), "facts:\nclaims:\nterms:\n").expect("compiles");
        assert!(file.facts.is_empty() && file.claims.is_empty() && file.terms.is_empty());
    }

    #[test]
    fn an_empty_or_null_claims_path_gives_no_rules() {
        let set = RuleSet::load(&[PathBuf::from("/dev/null")], Path::new(".")).expect("loads");
        assert!(set.files.is_empty());
    }
}
