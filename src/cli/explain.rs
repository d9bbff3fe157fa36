//! `factlint explain [ID]`: print a built-in check's documentation, or list the checks.
//!
//! The text is each check's Markdown doc (`src/check/docs/ID.md`), the same text the check's
//! source includes, so the explanation and the code cannot drift apart.

use std::io::Write;

use crate::check::Builtin;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A built-in check id; all of them when omitted.
    pub id: Option<String>,
}

pub fn run(args: ExplainArgs) -> u8 {
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let (text, status) = explain(args.id.as_deref());
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
