//! Compiling a rule file: its text in, a typed `RuleFile` (or every error in it) out.
//!
//! Parses the YAML into `Raw*` structs, then checks and converts every rule: expressions
//! parsed and each name resolved to a fact or a placeholder, templates and regexes built,
//! severities and globs validated. Errors are collected, not returned at the first one, so
//! that one run shows everything wrong with a file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use regex::Regex;
use serde_saphyr::Spanned;

use super::error::{Located, RuleError};
use super::index::{claim_index, term_index};
use super::raw::{self, RawClaim, RawExamples, RawFile, RawSeverity, RawTerm};
use super::template::Template;
use super::{Binding, Check, Claim, Examples, Fact, Matcher, RuleFile, Scope, Term};
use crate::eval::Comparison;
use crate::finding::Severity;

/// The files under the repository root, listed once per load, for checking that each
/// `applies_to` glob matches something.
pub struct FileTree {
    root: Option<PathBuf>,
    files: Option<Vec<String>>,
}

impl FileTree {
    pub fn new(root: &Path) -> FileTree {
        FileTree {
            root: Some(root.to_path_buf()),
            files: None,
        }
    }

    pub fn unchecked() -> FileTree {
        FileTree {
            root: None,
            files: None,
        }
    }

    /// Whether the glob matches some file; `true` when there is no tree to check against.
    fn matches(&mut self, glob: &Glob) -> bool {
        let Some(root) = &self.root else {
            return true;
        };
        let files = self.files.get_or_insert_with(|| {
            let mut out = Vec::new();
            walk(root, root, &mut out);
            out
        });
        let matcher = glob.compile_matcher();
        files.iter().any(|f| matcher.is_match(f))
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name();
        if name == ".git" || name == "target" {
            continue;
        }
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            walk(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

pub fn compile(path: &Path, text: &str, tree: &mut FileTree) -> Result<RuleFile, Vec<RuleError>> {
    let at = Located { path, text };
    let raw: RawFile = raw::parse(text).map_err(|e| vec![at.yaml_error(&e)])?;
    let mut c = Compiler {
        at,
        errors: Vec::new(),
        ids: BTreeMap::new(),
    };
    let (applies_to, globs) = match &raw.applies_to {
        None => (None, None),
        Some(list) => {
            let mut builder = GlobSetBuilder::new();
            for g in list {
                match Glob::new(&g.value) {
                    Ok(glob) => {
                        if !tree.matches(&glob) {
                            c.errors.push(c.at.at(
                                &g.referenced,
                                format!(
                                    "`applies_to` pattern `{}` matches no file: give a path \
                                     or glob relative to the repository root, e.g. \
                                     `source/*.md`",
                                    g.value
                                ),
                            ));
                        }
                        builder.add(glob);
                    }
                    Err(e) => c.errors.push(c.at.at(
                        &g.referenced,
                        format!("invalid glob `{}` in `applies_to`: {}", g.value, e.kind()),
                    )),
                }
            }
            let set = builder.build().ok();
            (Some(list.iter().map(|g| g.value.clone()).collect()), set)
        }
    };
    let facts = c.facts(&raw);
    let claims: Vec<Claim> = raw
        .claims
        .iter()
        .flatten()
        .filter_map(|r| c.claim(r, &facts))
        .collect();
    let terms: Vec<Term> = raw
        .terms
        .iter()
        .flatten()
        .filter_map(|r| c.term(r))
        .collect();
    if !c.errors.is_empty() {
        c.errors.sort_by_key(|e| (e.line, e.column));
        return Err(c.errors);
    }
    let (claim_anchors, anchor_claims) = claim_index(&claims);
    let (term_words, word_terms) = term_index(&terms);
    Ok(RuleFile {
        path: path.to_path_buf(),
        applies_to,
        globs,
        facts,
        claims,
        terms,
        claim_anchors,
        anchor_claims,
        term_words,
        word_terms,
    })
}

struct Compiler<'a> {
    at: Located<'a>,
    errors: Vec<RuleError>,
    /// Claim and term ids seen, with the line of their first definition.
    ids: BTreeMap<String, usize>,
}

fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Compiler<'_> {
    fn facts(&mut self, raw: &RawFile) -> Vec<Fact> {
        let mut facts: Vec<Fact> = Vec::new();
        for (id, f) in raw.facts.iter().flat_map(|f| &f.0) {
            let line = id.referenced.line() as usize;
            if let Some(first) = facts.iter().find(|x| x.id == id.value) {
                self.errors.push(self.at.at(
                    &id.referenced,
                    format!(
                        "duplicate fact id `{}` (first defined on line {}): give each fact \
                         its own id",
                        id.value, first.line
                    ),
                ));
                continue;
            }
            if !is_name(&id.value) {
                self.errors.push(self.at.at(
                    &id.referenced,
                    format!(
                        "fact id `{}` is not a name: use letters, digits and `_`, starting \
                         with a letter, so that expressions can refer to it",
                        id.value
                    ),
                ));
            }
            if !f.value.is_finite() {
                self.errors.push(self.at.at(
                    &id.referenced,
                    format!("fact `{}` has no finite value", id.value),
                ));
            }
            let precision = match &f.precision {
                Some(p) if !(p.value.is_finite() && p.value > 0.0) => {
                    self.errors.push(self.at.at(
                        &p.referenced,
                        format!(
                            "precision `{}` must be a positive number: the step the value \
                             was rounded to, e.g. `0.01`",
                            p.value
                        ),
                    ));
                    None
                }
                p => p.as_ref().map(|p| p.value),
            };
            facts.push(Fact {
                id: id.value.clone(),
                value: f.value,
                unit: f.unit.clone(),
                source: f.source.clone(),
                precision,
                line,
            });
        }
        facts
    }

    /// Records a claim or term id; false (with an error) if it is taken.
    fn new_id(&mut self, id: &Spanned<String>) -> bool {
        let line = id.referenced.line() as usize;
        if let Some(first) = self.ids.get(&id.value) {
            let msg = format!(
                "duplicate id `{}` (first defined on line {first}): give each rule its own id",
                id.value
            );
            self.errors.push(self.at.at(&id.referenced, msg));
            return false;
        }
        if id.value.trim().is_empty() {
            self.errors.push(
                self.at
                    .at(&id.referenced, "empty id: give the rule a `snake_case` id"),
            );
            return false;
        }
        self.ids.insert(id.value.clone(), line);
        true
    }

    fn severity(&mut self, raw: &Option<Spanned<RawSeverity>>, default: Severity) -> Severity {
        let Some(s) = raw else {
            return default;
        };
        s.value.severity.unwrap_or_else(|| {
            self.errors.push(self.at.at(
                &s.referenced,
                format!(
                    "unknown severity `{}`, expected one of `info`, `warning`, `error`",
                    s.value.text.trim()
                ),
            ));
            default
        })
    }

    fn claim(&mut self, r: &RawClaim, facts: &[Fact]) -> Option<Claim> {
        let errors_before = self.errors.len();
        self.new_id(&r.id);
        let severity = self.severity(&r.severity, Severity::Error);
        let matcher = match (&r.text, &r.pattern) {
            (Some(_), Some(p)) => {
                self.errors.push(self.at.at(
                    &p.referenced,
                    format!(
                        "claim `{}` has both `text` and `pattern`: keep one",
                        r.id.value
                    ),
                ));
                None
            }
            (None, None) => {
                self.errors.push(self.at.at(
                    &r.id.referenced,
                    format!(
                        "claim `{}` has neither `text` (a template such as `投资额为 {{total}}`) \
                         nor `pattern` (a regex with named groups)",
                        r.id.value
                    ),
                ));
                None
            }
            (Some(t), None) => match Template::parse(&t.value) {
                Ok(template) => Some(Matcher::Template(template)),
                Err(e) => {
                    let err = self.at.inside(&t.referenced, &t.value, e.offset, e.message);
                    self.errors.push(err);
                    None
                }
            },
            (None, Some(p)) => self.pattern(p),
        };
        let names: Vec<String> = matcher
            .as_ref()
            .map(|m| m.names().into_iter().map(String::from).collect())
            .unwrap_or_default();
        let where_names = r.text.as_ref().or(r.pattern.as_ref());
        for name in &names {
            if facts.iter().any(|f| &f.id == name)
                && let Some(w) = where_names
            {
                let offset = w.value.find(name.as_str()).unwrap_or(0);
                let msg =
                    format!("placeholder `{name}` has the name of a fact: rename the placeholder");
                let err = self.at.inside(&w.referenced, &w.value, offset, msg);
                self.errors.push(err);
            }
        }
        if r.check.0.is_empty() {
            self.errors.push(self.at.at(
                &r.id.referenced,
                format!(
                    "claim `{}` has no check: add e.g. `check: x ~ some_fact`",
                    r.id.value
                ),
            ));
        }
        let mut checks = Vec::new();
        let mut used = vec![false; names.len()];
        for text in &r.check.0 {
            if let Some(check) = self.check(text, facts, &names, matcher.is_some()) {
                for (_, b) in &check.inputs {
                    if let Binding::Placeholder(i) = b {
                        used[*i] = true;
                    }
                }
                checks.push(check);
            }
        }
        if checks.len() == r.check.0.len()
            && let Some(w) = where_names
        {
            for (name, _) in names.iter().zip(&used).filter(|(_, u)| !**u) {
                let offset = w.value.find(name.as_str()).unwrap_or(0);
                let msg = format!(
                    "placeholder `{name}` is not used by any check: use it in `check:` \
                     (e.g. `{name} ~ some_fact`) or remove it"
                );
                let err = self.at.inside(&w.referenced, &w.value, offset, msg);
                self.errors.push(err);
            }
        }
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Claim {
            id: r.id.value.clone(),
            line: r.id.referenced.line() as usize,
            matcher: matcher?,
            checks,
            severity,
            examples: examples(&r.examples),
            source: r.source.clone(),
            why: r.why.clone(),
        })
    }

    fn pattern(&mut self, p: &Spanned<String>) -> Option<Matcher> {
        match Regex::new(&p.value) {
            Ok(regex) => {
                let groups: Vec<String> =
                    regex.capture_names().flatten().map(String::from).collect();
                if groups.is_empty() {
                    self.errors.push(self.at.at(
                        &p.referenced,
                        "pattern has no named group: capture each number to check with \
                         `(?P<name>...)`",
                    ));
                    return None;
                }
                Some(Matcher::Pattern { regex, groups })
            }
            Err(e) => {
                let full = e.to_string();
                let last = full.lines().last().unwrap_or("").trim();
                let detail = last.strip_prefix("error: ").unwrap_or(last);
                self.errors.push(self.at.at(
                    &p.referenced,
                    format!("invalid regex `{}`: {detail}", p.value),
                ));
                None
            }
        }
    }

    fn check(
        &mut self,
        text: &Spanned<String>,
        facts: &[Fact],
        placeholders: &[String],
        have_matcher: bool,
    ) -> Option<Check> {
        let comparison = match Comparison::parse(&text.value) {
            Ok(c) => c,
            Err(e) => {
                let msg = format!("in expression `{}`: {}", text.value, e.message);
                let err = self.at.inside(&text.referenced, &text.value, e.offset, msg);
                self.errors.push(err);
                return None;
            }
        };
        let mut inputs: Vec<(String, Binding)> = Vec::new();
        let mut ok = true;
        for (name, offset) in comparison.names() {
            if inputs.iter().any(|(n, _)| n == name) {
                continue;
            }
            let binding = if let Some(i) = placeholders.iter().position(|p| p == name) {
                Binding::Placeholder(i)
            } else if let Some(i) = facts.iter().position(|f| f.id == name) {
                Binding::Fact(i)
            } else {
                if have_matcher {
                    let msg = unknown_name(name, facts, placeholders);
                    let err = self.at.inside(&text.referenced, &text.value, offset, msg);
                    self.errors.push(err);
                }
                ok = false;
                continue;
            };
            inputs.push((name.to_string(), binding));
        }
        let line = text.referenced.line() as usize;
        // `inputs[i]` binds slot `i`: both list the distinct names in order of first use.
        debug_assert!(
            !ok || inputs
                .iter()
                .map(|(n, _)| n.as_str())
                .eq(comparison.distinct_names())
        );
        ok.then(|| Check {
            text: text.value.clone(),
            comparison,
            line,
            inputs,
        })
    }

    fn term(&mut self, r: &RawTerm) -> Option<Term> {
        let errors_before = self.errors.len();
        self.new_id(&r.id);
        let severity = self.severity(&r.severity, Severity::Warning);
        if r.use_word.value.trim().is_empty() {
            self.errors.push(self.at.at(
                &r.use_word.referenced,
                "`use` is empty: give the right word",
            ));
        }
        if r.instead_of.is_empty() {
            self.errors.push(self.at.at(
                &r.id.referenced,
                format!(
                    "term `{}` has an empty `instead_of`: list the wrong words",
                    r.id.value
                ),
            ));
        }
        for w in &r.instead_of {
            if w.value.trim().is_empty() {
                self.errors
                    .push(self.at.at(&w.referenced, "empty word in `instead_of`"));
            }
        }
        let scope = match (&r.within, &r.outside) {
            (Some(_), Some(_)) => {
                self.errors.push(self.at.at(
                    &r.id.referenced,
                    format!(
                        "term `{}` has both `within` and `outside`: keep one",
                        r.id.value
                    ),
                ));
                Scope::Anywhere
            }
            (Some(h), None) => Scope::Within(h.heading.trim().to_string()),
            (None, Some(h)) => Scope::Outside(h.heading.trim().to_string()),
            (None, None) => Scope::Anywhere,
        };
        if self.errors.len() > errors_before {
            return None;
        }
        Some(Term {
            id: r.id.value.clone(),
            line: r.id.referenced.line() as usize,
            use_word: r.use_word.value.clone(),
            instead_of: r.instead_of.iter().map(|w| w.value.clone()).collect(),
            scope,
            case_sensitive: r.case_sensitive.unwrap_or(false),
            severity,
            why: r.why.clone(),
            examples: examples(&r.examples),
        })
    }
}

fn unknown_name(name: &str, facts: &[Fact], placeholders: &[String]) -> String {
    let mut known: Vec<String> = placeholders.iter().map(|p| format!("`{p}`")).collect();
    let fact_names: Vec<String> = facts.iter().map(|f| format!("`{}`", f.id)).collect();
    const SHOWN: usize = 12;
    known.extend(fact_names.iter().take(SHOWN).cloned());
    let more = if fact_names.len() > SHOWN {
        format!(" and {} more facts", fact_names.len() - SHOWN)
    } else {
        String::new()
    };
    format!(
        "unknown name `{name}`: not a placeholder of this claim nor a fact of this file \
         (known: {}{more})",
        if known.is_empty() {
            "none".to_string()
        } else {
            known.join(", ")
        }
    )
}

fn examples(raw: &RawExamples) -> Examples {
    Examples {
        pass: raw.pass.clone(),
        fail: raw.fail.clone(),
    }
}
