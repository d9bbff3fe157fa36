//! `factlint explain [ID]`: print a built-in check's documentation, a rule of the user's
//! rule files (its template or words, checks with the facts' values, why, source and
//! examples), or list the built-in checks.
//!
//! A built-in's text is its Markdown doc (`src/check/docs/ID.md`), the same text the check's
//! source includes, so the explanation and the code cannot drift apart.

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

use crate::check::Builtin;
use crate::eval::human;
use crate::rules::{Matcher, RuleFile, RuleRef, Scope};
use crate::session::{Session, Settings};

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A built-in check id or the id of a claim or term in the rule files; the built-in
    /// checks are listed when omitted.
    pub id: Option<String>,
    /// Rule files or folders to look the id up in (default: the config's `claims`, else
    /// `claims/`).
    #[arg(long = "claims", value_name = "PATH")]
    pub claims: Vec<PathBuf>,
    /// Configuration file (default: the nearest `factlint.yaml` from here up).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let (mut text, mut status) = explain(args.id.as_deref());
    if status != super::EXIT_OK
        && let Some(id) = args.id.as_deref()
    {
        let settings = Settings {
            config: args.config,
            claims: args.claims,
            ..Settings::from_current_dir()
        };
        match Session::load(&settings) {
            Err(e) => {
                super::print_load_error(&e);
                return super::EXIT_ERROR;
            }
            Ok(session) => {
                if let Some((file, rule)) = session.rules().find_rule(id) {
                    text = explain_rule(file, rule);
                    status = super::EXIT_OK;
                } else {
                    let n: usize = session
                        .rules()
                        .files
                        .iter()
                        .map(|f| f.claims.len() + f.terms.len())
                        .sum();
                    text = format!(
                        "{}       and no claim or term of the rule files ({n} rules) has the id `{id}`\n",
                        text.trim_end()
                            .replace("error: unknown check", "error: unknown check or rule")
                            + "\n"
                    );
                }
            }
        }
    }
    let written = if status == super::EXIT_OK {
        out.write_all(text.as_bytes())
    } else {
        err.write_all(text.as_bytes())
    };
    match written {
        Ok(()) => status,
        Err(_) => super::EXIT_ERROR,
    }
}

/// What `explain` prints and its exit status: the doc of `id`, the list of checks when
/// `id` is `None`, or an error naming the valid ids.
pub fn explain(id: Option<&str>) -> (String, u8) {
    match id {
        None => (list(), super::EXIT_OK),
        Some(id) => match Builtin::from_id(id) {
            Some(b) => {
                let mut doc = b.doc().to_string();
                if !doc.ends_with('\n') {
                    doc.push('\n');
                }
                (doc, super::EXIT_OK)
            }
            None => {
                let valid: Vec<String> = Builtin::ALL
                    .iter()
                    .map(|b| format!("`{}`", b.id()))
                    .collect();
                (
                    format!(
                        "error: unknown check `{id}`, expected one of {}\n",
                        valid.join(", ")
                    ),
                    super::EXIT_ERROR,
                )
            }
        },
    }
}

/// A user's rule as Markdown: where it is, what it matches, what it checks (with the facts'
/// values and sources), why, and its examples.
pub fn explain_rule(file: &RuleFile, rule: RuleRef<'_>) -> String {
    let mut s = String::new();
    let list = |s: &mut String, title: &str, items: &[String]| {
        if !items.is_empty() {
            let _ = writeln!(s, "\n## {title}\n");
            for i in items {
                let _ = writeln!(s, "- {}", i.replace('\n', "\\n"));
            }
        }
    };
    match rule {
        RuleRef::Claim(c) => {
            let _ = writeln!(s, "# {}\n", c.id);
            let _ = writeln!(
                s,
                "claim, {}:{}, severity {}",
                file.path.display(),
                c.line,
                c.severity.as_str()
            );
            let _ = writeln!(s, "\n## What it checks\n");
            match &c.matcher {
                Matcher::Template(t) => {
                    let _ = writeln!(s, "template: {}", t.text);
                }
                Matcher::Pattern { regex, .. } => {
                    let _ = writeln!(s, "pattern: {}", regex.as_str());
                }
            }
            for check in &c.checks {
                let _ = writeln!(s, "check: {}", check.text);
                for (name, binding) in &check.inputs {
                    if let crate::rules::Binding::Fact(i) = binding {
                        let f = &file.facts[*i];
                        let _ =
                            writeln!(s, "  {name} = {} {} ({})", human(f.value), f.unit, f.source);
                    }
                }
            }
            if let Some(why) = &c.why {
                let _ = writeln!(s, "\n## Why\n\n{}", why.trim());
            }
            if let Some(source) = &c.source {
                let _ = writeln!(s, "\n## Source\n\n{}", source.trim());
            }
            list(&mut s, "Passes", &c.examples.pass);
            list(&mut s, "Fails", &c.examples.fail);
        }
        RuleRef::Term(t) => {
            let _ = writeln!(s, "# {}\n", t.id);
            let _ = writeln!(
                s,
                "term, {}:{}, severity {}",
                file.path.display(),
                t.line,
                t.severity.as_str()
            );
            let _ = writeln!(s, "\n## What it checks\n");
            let _ = writeln!(s, "use: {}", t.use_word);
            let _ = writeln!(s, "instead of: {}", t.instead_of.join(", "));
            match &t.scope {
                Scope::Anywhere => {}
                Scope::Within(h) | Scope::Outside(h) => {
                    let place = if matches!(t.scope, Scope::Within(_)) {
                        "within"
                    } else {
                        "outside"
                    };
                    let how = if h.prefix {
                        "a heading starting"
                    } else {
                        "the heading"
                    };
                    let _ = writeln!(s, "{place} {how} `{}`", h.text);
                }
            }
            if let Some(why) = &t.why {
                let _ = writeln!(s, "\n## Why\n\n{}", why.trim());
            }
            list(&mut s, "Passes", &t.examples.pass);
            list(&mut s, "Fails", &t.examples.fail);
        }
    }
    s
}

fn list() -> String {
    let width = Builtin::ALL.iter().map(|b| b.id().len()).max().unwrap_or(0);
    let mut s = String::from("built-in checks (`factlint explain ID` for details):\n");
    for b in Builtin::ALL {
        s.push_str(&format!(
            "  {:width$}  {:7}  {}\n",
            b.id(),
            b.default_severity().as_str(),
            summary(b.doc())
        ));
    }
    s
}

/// The first sentence under `## What it checks`, on one line.
fn summary(doc: &str) -> String {
    let body = doc
        .split_once("## What it checks")
        .map_or(doc, |(_, rest)| rest);
    let paragraph: Vec<&str> = body
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    let joined = paragraph.join(" ");
    let first = match joined.find(". ") {
        Some(at) => &joined[..=at],
        None => joined.as_str(),
    };
    first.trim_end_matches(':').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_doc_has_the_fixed_headings_in_order() {
        for b in Builtin::ALL {
            let doc = b.doc();
            assert!(doc.starts_with(&format!("# {}\n", b.id())), "{}", b.id());
            let mut at = 0;
            for h in [
                "## What it checks",
                "## Why",
                "## Example",
                "## Known limits",
            ] {
                let found = doc[at..]
                    .find(h)
                    .unwrap_or_else(|| panic!("{} lacks {h}", b.id()));
                at += found + h.len();
            }
        }
    }

    #[test]
    fn unknown_ids_list_the_valid_ones() {
        let (text, status) = explain(Some("ratio"));
        assert_eq!(status, super::super::EXIT_ERROR);
        let listed = text
            .strip_prefix("error: unknown check `ratio`, expected one of ")
            .unwrap_or_else(|| panic!("{text}"));
        // Every check, each once, in registry order (the list is derived, not kept here).
        let ids: Vec<String> = Builtin::ALL
            .iter()
            .map(|b| format!("`{}`", b.id()))
            .collect();
        assert_eq!(listed, format!("{}\n", ids.join(", ")));
    }

    #[test]
    fn the_list_has_one_line_per_check() {
        let (text, status) = explain(None);
        assert_eq!(status, super::super::EXIT_OK);
        assert_eq!(text.lines().count(), 1 + Builtin::ALL.len());
        assert!(text.contains("multiple_wording"));
    }
}
