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
use super::raw::{self, RawClaim, RawExamples, RawFile, RawHeading, RawSeverity, RawTerm};
use super::template::Template;
use super::{Binding, Check, Claim, Examples, Fact, Heading, Matcher, RuleFile, Scope, Term};
use crate::escape::echo;
use crate::eval::Comparison;
use crate::finding::Severity;

/// The repository root that `applies_to` globs are relative to, for checking that each glob
/// matches some file. Only the folder named by a glob's literal prefix is searched, and the
/// search stops at the first match: `check` runs this on every load, and a newsroom
/// repository may hold a hundred thousand articles.
pub struct FileTree {
    root: Option<PathBuf>,
}

impl FileTree {
    pub fn new(root: &Path) -> FileTree {
        FileTree {
            root: Some(root.to_path_buf()),
        }
    }

    pub fn unchecked() -> FileTree {
        FileTree { root: None }
    }

    /// Whether the glob matches some file; `true` when there is no tree to check against.
    fn matches(&mut self, written: &str, glob: &Glob) -> bool {
        let Some(root) = &self.root else {
            return true;
        };
        let (prefix, literal) = literal_prefix(written);
        if literal {
            return root.join(written).is_file();
        }
        let matcher = glob.compile_matcher();
        let start = root.join(&prefix);
        let mut found = false;
        walk(root, &start, &mut |rel| {
            found = matcher.is_match(rel);
            found
        });
        found
    }
}

/// The leading folders of a glob that hold no glob syntax, and whether the whole glob is
/// literal (a plain path).
fn literal_prefix(glob: &str) -> (String, bool) {
    let special = |c: char| matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | '\\' | '!');
    if !glob.contains(special) {
        return (glob.to_string(), true);
    }
    let mut prefix = String::new();
    let mut parts = glob.split('/').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() || part.contains(special) || part == ".." {
            break;
        }
        prefix.push_str(part);
        prefix.push('/');
    }
    (prefix, false)
}

/// Visits the files under `dir` by path relative to `root` until `stop` returns true;
/// returns whether it did.
fn walk(root: &Path, dir: &Path, stop: &mut dyn FnMut(&str) -> bool) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
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
            if walk(root, &path, stop) {
                return true;
            }
        } else if let Ok(rel) = path.strip_prefix(root)
            && stop(&rel.to_string_lossy().replace('\\', "/"))
        {
            return true;
        }
    }
    false
}

pub fn compile(path: &Path, text: &str, tree: &mut FileTree) -> Result<RuleFile, Vec<RuleError>> {
    let at = Located { path, text };
    let raw: RawFile = raw::parse(text).map_err(|e| parse_errors(&at, text, &e))?;
    let mut c = Compiler {
        at,
        errors: Vec::new(),
        ids: BTreeMap::new(),
        fact_ids: BTreeMap::new(),
    };
    let (applies_to, globs) = match &raw.applies_to {
        None => (None, None),
        Some(list) => {
            let mut builder = GlobSetBuilder::new();
            for g in list {
                match Glob::new(&g.value) {
                    Ok(glob) => {
                        if !tree.matches(&g.value, &glob) {
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
                        format!(
                            "invalid glob `{}` in `applies_to`: {}",
                            echo(&g.value),
                            e.kind()
                        ),
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
    for (term, claim, word) in fixes_breaking_templates(&terms, &claims) {
        let line_text = text.lines().nth(term.line.saturating_sub(1)).unwrap_or("");
        let column = line_text
            .find(term.id.as_str())
            .map_or(1, |b| line_text[..b].chars().count() + 1);
        c.errors.push(c.at.error(
            term.line,
            column,
            format!(
                "term `{}` would rewrite `{word}` inside the template of claim `{}` (line \
                 {}): after `--fix` that claim would match nowhere; write the template with \
                 `{}`, or narrow the term",
                term.id, claim.id, claim.line, term.use_word
            ),
        ));
    }
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

/// `placeholder OP fact` with nothing else on either side: (placeholder index, fact index).
pub(crate) fn compared_directly(check: &Check) -> Option<(usize, usize)> {
    use crate::eval::Expr;
    let (Expr::Name(l), Expr::Name(r)) = (&check.comparison.left, &check.comparison.right) else {
        return None;
    };
    match (&check.inputs.get(l.slot)?.1, &check.inputs.get(r.slot)?.1) {
        (Binding::Placeholder(p), Binding::Fact(f)) => Some((*p, *f)),
        _ => None,
    }
}

/// Every item's parse error (see `raw::item_errors`), or the file's one error when no item
/// alone fails (the problem is in the file's shape) or the file's error lies outside them.
fn parse_errors(at: &Located<'_>, text: &str, first: &serde_saphyr::Error) -> Vec<RuleError> {
    let mut errors: Vec<RuleError> = raw::item_errors(text)
        .into_iter()
        .map(|(offset, e)| {
            let mut err = at.yaml_error(&e);
            if err.line > 0 {
                err.line += offset;
            }
            err
        })
        .collect();
    let whole = at.yaml_error(first);
    if !errors.iter().any(|e| e.line == whole.line) {
        errors.push(whole);
    }
    errors.sort_by_key(|e| (e.line, e.column));
    errors.dedup_by(|a, b| a.line == b.line && a.message == b.message);
    errors
}

/// The facts of a rule file alone (`factlint draft --facts`): the file is parsed as a rule
/// file, its facts validated as `compile` does, and its claims and terms left aside.
pub fn facts_only(path: &Path, text: &str) -> Result<Vec<Fact>, Vec<RuleError>> {
    let at = Located { path, text };
    let raw: RawFile = raw::parse(text).map_err(|e| parse_errors(&at, text, &e))?;
    let mut c = Compiler {
        at,
        errors: Vec::new(),
        ids: BTreeMap::new(),
        fact_ids: BTreeMap::new(),
    };
    let facts = c.facts(&raw);
    if c.errors.is_empty() {
        Ok(facts)
    } else {
        Err(c.errors)
    }
}

struct Compiler<'a> {
    at: Located<'a>,
    errors: Vec<RuleError>,
    /// Claim and term ids seen, with the line of their first definition.
    ids: BTreeMap<String, usize>,
    /// Fact id → index into the facts: a file of 100,000 facts must not compare every name
    /// with every fact.
    fact_ids: BTreeMap<String, usize>,
}

/// `snake_case`: what the docs promise a rule id is, and what keeps it one safe word in
/// every report format.
fn is_snake_case(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
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
            if let Some(&first) = self.fact_ids.get(&id.value) {
                self.errors.push(self.at.at(
                    &id.referenced,
                    format!(
                        "duplicate fact id `{}` (first defined on line {}): give each fact \
                         its own id",
                        id.value, facts[first].line
                    ),
                ));
                continue;
            }
            self.fact_ids.insert(id.value.clone(), facts.len());
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
            // `value: 9.8, unit: "%"` is 9.8%: held as a fraction, like the mentions.
            let scale = super::units::unit_scale(&f.unit);
            facts.push(Fact {
                id: id.value.clone(),
                value: f.value * scale,
                unit: f.unit.clone(),
                source: f.source.clone(),
                precision: precision.map(|p| p * scale),
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
        if !is_snake_case(&id.value) {
            let msg = format!(
                "id `{}` is not snake_case: use lowercase letters, digits and `_`, starting \
                 with a letter (ids are printed in reports and used in suppression comments)",
                echo(&id.value)
            );
            self.errors.push(self.at.at(&id.referenced, msg));
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
            if self.fact_ids.contains_key(name)
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
        if let Some(Matcher::Template(t)) = &matcher {
            // The kind each placeholder declares, else the one its template's unit gives.
            let kinds: Vec<Option<crate::extract::Kind>> = t
                .pieces
                .iter()
                .filter_map(|p| match p {
                    super::template::Piece::Placeholder { kind, .. } => Some(*kind),
                    super::template::Piece::Literal(_) => None,
                })
                .zip(&t.implied)
                .map(|(declared, implied)| declared.or(*implied))
                .collect();
            for (check, text) in checks.iter().zip(&r.check.0) {
                if let Some((p, f)) = compared_directly(check)
                    && let Some(Some(kind)) = kinds.get(p)
                    && let Some(why) = super::units::mismatch(*kind, &facts[f].unit)
                {
                    self.errors.push(self.at.at(
                        &text.referenced,
                        format!(
                            "`{}` compares placeholder `{}` (a {kind} in this template) with \
                             fact `{}` (unit `{}`): {why}",
                            check.text, names[p], facts[f].id, facts[f].unit
                        ),
                    ));
                }
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
                    format!("invalid regex `{}`: {detail}", echo(&p.value)),
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
                let msg = format!("in expression `{}`: {}", echo(&text.value), e.message);
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
            } else if let Some(&i) = self.fact_ids.get(name) {
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
            (Some(h), None) => match self.heading(h, &r.id, "within") {
                Some(h) => Scope::Within(h),
                None => Scope::Anywhere,
            },
            (None, Some(h)) => match self.heading(h, &r.id, "outside") {
                Some(h) => Scope::Outside(h),
                None => Scope::Anywhere,
            },
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

/// Each (term, claim, wrong word) where the term's fix would change the literal text of the
/// claim's template: the wrong word occurs in it, and not as part of the term's own `use`
/// word (`生成式 AI 行业` holds `AI 行业` and is left alone).
fn fixes_breaking_templates<'a>(
    terms: &'a [Term],
    claims: &'a [Claim],
) -> Vec<(&'a Term, &'a Claim, &'a str)> {
    use super::normalize::normalize_literal;
    let mut out = Vec::new();
    for claim in claims {
        let Matcher::Template(t) = &claim.matcher else {
            continue;
        };
        let literals: Vec<&str> = t
            .pieces
            .iter()
            .filter_map(|p| match p {
                super::template::Piece::Literal(l) => Some(l.as_str()),
                super::template::Piece::Placeholder { .. } => None,
            })
            .collect();
        for term in terms {
            let fold = |s: &str| {
                if term.case_sensitive {
                    s.to_string()
                } else {
                    s.to_ascii_lowercase()
                }
            };
            let right = fold(&normalize_literal(&term.use_word));
            for word in &term.instead_of {
                let wrong = fold(&normalize_literal(word));
                if wrong.is_empty() {
                    continue;
                }
                let hit = literals.iter().any(|l| {
                    let l = fold(l);
                    l.match_indices(&wrong).any(|(i, _)| {
                        // Inside an occurrence of the right word: the term leaves it alone.
                        !l.match_indices(&right)
                            .any(|(j, _)| j <= i && i + wrong.len() <= j + right.len())
                    })
                });
                if hit {
                    out.push((term, claim, word.as_str()));
                }
            }
        }
    }
    out
}

impl Compiler<'_> {
    /// `{heading: …}` or `{heading_starts: …}`: exactly one, not empty.
    fn heading(&mut self, h: &RawHeading, id: &Spanned<String>, key: &str) -> Option<Heading> {
        let (text, prefix) = match (&h.heading, &h.heading_starts) {
            (Some(t), None) => (t, false),
            (None, Some(t)) => (t, true),
            _ => {
                self.errors.push(self.at.at(
                    &id.referenced,
                    format!(
                        "term `{}`: `{key}` takes one of `heading` (the whole heading) or \
                         `heading_starts` (its beginning)",
                        id.value
                    ),
                ));
                return None;
            }
        };
        if text.trim().is_empty() {
            self.errors.push(self.at.at(
                &id.referenced,
                format!("term `{}`: empty heading in `{key}`", id.value),
            ));
            return None;
        }
        Some(Heading::new(text, prefix))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_prefix_stops_at_the_first_glob_part() {
        assert_eq!(literal_prefix("source/a.md"), ("source/a.md".into(), true));
        assert_eq!(literal_prefix("source/*.md"), ("source/".into(), false));
        assert_eq!(literal_prefix("a/b/**/c.md"), ("a/b/".into(), false));
        assert_eq!(literal_prefix("*.md"), (String::new(), false));
        assert_eq!(literal_prefix("../x/*.md"), (String::new(), false));
    }

    #[test]
    fn a_glob_matches_only_files_under_its_prefix() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("source/2024")).unwrap();
        std::fs::create_dir_all(dir.path().join("other")).unwrap();
        std::fs::write(dir.path().join("source/2024/a.md"), "x").unwrap();
        std::fs::write(dir.path().join("other/b.txt"), "x").unwrap();
        let mut tree = FileTree::new(dir.path());
        let mut m = |g: &str| tree.matches(g, &Glob::new(g).unwrap());
        assert!(m("source/**/*.md"));
        assert!(m("source/2024/a.md"));
        assert!(m("**/*.txt"));
        assert!(!m("source/*.txt"));
        assert!(!m("source/2024"), "a folder is not a file");
        assert!(!m("missing/*.md"));
    }
}
