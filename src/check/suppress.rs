//! Inline suppression: a document's directives and the findings in, the findings that are
//! not suppressed out, plus an `unused_suppression` warning for each directive that
//! suppressed nothing, so suppressions do not rot.
//!
//! - `<!-- factlint-disable-next-line RULE… -->` covers findings that start on the next
//!   line that is not blank (Markdown puts blank lines between blocks).
//! - `<!-- factlint-disable RULE… -->` covers findings that start after it, up to an
//!   `<!-- factlint-enable -->` that names the same rules (or no rule) or the end of the
//!   document. With no rule named, a directive covers every rule.
//!
//! An `enable` that closes no `disable` is reported too. Findings about suppressions are
//! never suppressed themselves.

use super::{Finding, Origin, Severity};
use crate::source::{Directive, DirectiveKind, Document, Span};

pub const UNUSED: &str = "unused_suppression";

/// Where one directive suppresses, and which rule (`None`: every rule, minus `except`).
struct Region {
    directive: usize,
    rule: Option<String>,
    /// Rules re-enabled by name inside an every-rule region.
    except: Vec<String>,
    start: usize,
    end: usize,
}

impl Region {
    fn covers(&self, f: &Finding, at: usize) -> bool {
        let rule_matches = match &self.rule {
            Some(r) => *r == f.rule,
            None => !self.except.contains(&f.rule),
        };
        rule_matches && self.start <= at && at < self.end
    }
}

pub fn apply(doc: &Document, findings: Vec<Finding>) -> Vec<Finding> {
    if doc.directives.is_empty() {
        return findings;
    }
    let (regions, stray_enables) = regions(doc);
    let mut used = vec![false; doc.directives.len()];
    let mut kept: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            if f.origin == Origin::Suppression {
                return true;
            }
            let hit = regions.iter().filter(|r| r.covers(f, f.span.start));
            let mut suppressed = false;
            for r in hit {
                used[r.directive] = true;
                suppressed = true;
            }
            !suppressed
        })
        .collect();
    for (i, d) in doc.directives.iter().enumerate() {
        if d.kind != DirectiveKind::Enable && !used[i] {
            kept.push(unused(doc, d, "suppressed nothing; remove it"));
        }
    }
    for i in stray_enables {
        let d = &doc.directives[i];
        kept.push(unused(doc, d, "closes no `factlint-disable`; remove it"));
    }
    kept.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    kept
}

fn unused(doc: &Document, d: &Directive, what: &str) -> Finding {
    let name = match d.kind {
        DirectiveKind::DisableNextLine => "factlint-disable-next-line",
        DirectiveKind::Disable => "factlint-disable",
        DirectiveKind::Enable => "factlint-enable",
    };
    let written = std::iter::once(name)
        .chain(d.rules.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    Finding::new(
        UNUSED,
        Origin::Suppression,
        Severity::Warning,
        d.span,
        doc.text.get(d.span.range()).unwrap_or_default(),
        format!("`{written}` {what}"),
    )
}

/// The regions every directive covers, and the `enable` directives that closed nothing.
fn regions(doc: &Document) -> (Vec<Region>, Vec<usize>) {
    let mut done = Vec::new();
    let mut open: Vec<Region> = Vec::new();
    let mut stray = Vec::new();
    for (i, d) in doc.directives.iter().enumerate() {
        match d.kind {
            DirectiveKind::DisableNextLine => {
                let line = next_line(doc, d.span);
                for rule in rule_list(&d.rules) {
                    done.push(Region {
                        directive: i,
                        rule,
                        except: Vec::new(),
                        start: line.start,
                        end: line.end.max(line.start + 1),
                    });
                }
            }
            DirectiveKind::Disable => {
                for rule in rule_list(&d.rules) {
                    open.push(Region {
                        directive: i,
                        rule,
                        except: Vec::new(),
                        start: d.span.end,
                        end: usize::MAX,
                    });
                }
            }
            DirectiveKind::Enable => {
                let before = done.len();
                close(&mut open, &mut done, d);
                if done.len() == before {
                    stray.push(i);
                }
            }
        }
    }
    done.extend(open);
    (done, stray)
}

/// Ends the open regions an `enable` names. Naming a rule inside an every-rule region ends
/// the region there and opens a new one that leaves that rule out.
fn close(open: &mut Vec<Region>, done: &mut Vec<Region>, enable: &Directive) {
    let at = enable.span.start;
    let mut still = Vec::new();
    for mut r in open.drain(..) {
        let named = match &r.rule {
            _ if enable.rules.is_empty() => true,
            Some(rule) => enable.rules.contains(rule),
            None => false,
        };
        if named {
            r.end = at;
            done.push(r);
        } else if r.rule.is_none() && !enable.rules.is_empty() {
            let mut except = r.except.clone();
            except.extend(enable.rules.iter().cloned());
            still.push(Region {
                directive: r.directive,
                rule: None,
                except,
                start: at,
                end: usize::MAX,
            });
            r.end = at;
            done.push(r);
        } else {
            still.push(r);
        }
    }
    *open = still;
}

fn rule_list(rules: &[String]) -> Vec<Option<String>> {
    if rules.is_empty() {
        vec![None]
    } else {
        rules.iter().cloned().map(Some).collect()
    }
}

/// The first non-blank line after the directive's own line.
fn next_line(doc: &Document, directive: Span) -> Span {
    let mut line = doc.lines.line_of(directive.end.min(doc.text.len())) + 1;
    while line < doc.lines.len() {
        let span = doc.lines.line_span(&doc.text, line);
        if !doc.text[span.range()].trim().is_empty() {
            return span;
        }
        line += 1;
    }
    Span::new(doc.text.len(), doc.text.len())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// A document whose directives are found by a plain scan, so these tests do not
    /// depend on the source loader.
    fn doc(text: &str) -> Document {
        let mut d = Document::from_text(Path::new("a.md"), text);
        d.directives.clear();
        let mut from = 0;
        while let Some(i) = text[from..].find("<!-- factlint-") {
            let start = from + i;
            let end = start + text[start..].find("-->").unwrap() + 3;
            let body = text[start + 14..end - 3].trim();
            let mut words = body.split_whitespace();
            let kind = match words.next().unwrap() {
                "disable-next-line" => DirectiveKind::DisableNextLine,
                "disable" => DirectiveKind::Disable,
                _ => DirectiveKind::Enable,
            };
            d.directives.push(Directive {
                kind,
                rules: words.map(String::from).collect(),
                span: Span::new(start, end),
            });
            from = end;
        }
        d
    }

    fn at(text: &str, needle: &str, rule: &str) -> Finding {
        let i = text.find(needle).unwrap();
        let span = Span::new(i, i + needle.len());
        Finding::new(
            rule,
            Origin::Builtin(crate::check::Builtin::MultipleWording.meta()),
            Severity::Error,
            span,
            needle,
            "m",
        )
    }

    fn rules(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn next_line_skips_blank_lines_and_only_covers_one_line() {
        let t = "<!-- factlint-disable-next-line r -->\n\nAAA\nBBB\n";
        let d = doc(t);
        let kept = apply(&d, vec![at(t, "AAA", "r"), at(t, "BBB", "r")]);
        assert_eq!(rules(&kept), ["r"]);
        assert_eq!(kept[0].found, "BBB");
    }

    #[test]
    fn named_rule_leaves_others_alone() {
        let t = "<!-- factlint-disable-next-line r -->\nAAA\n";
        let d = doc(t);
        let kept = apply(&d, vec![at(t, "AAA", "r"), at(t, "AA", "other")]);
        assert_eq!(rules(&kept), ["other"]);
    }

    #[test]
    fn disable_enable_block_and_unused_warning() {
        let t = "AAA\n<!-- factlint-disable -->\nBBB\nCCC\n<!-- factlint-enable -->\nDDD\n<!-- factlint-disable-next-line x -->\nEEE\n";
        let d = doc(t);
        let fs = ["AAA", "BBB", "CCC", "DDD", "EEE"].map(|n| at(t, n, "r"));
        let kept = apply(&d, fs.to_vec());
        let found: Vec<&str> = kept.iter().map(|f| f.found.as_str()).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(&found[..2], ["AAA", "DDD"]);
        let warn = &kept[2];
        assert_eq!(
            (warn.rule.as_str(), warn.origin),
            (UNUSED, Origin::Suppression)
        );
        assert_eq!(warn.severity, Severity::Warning);
        assert!(
            warn.message.contains("`factlint-disable-next-line x`"),
            "{}",
            warn.message
        );
        assert_eq!(kept[3].found, "EEE");
    }

    #[test]
    fn enable_of_one_rule_inside_a_disable_all() {
        let t = "<!-- factlint-disable -->\nAAA\n<!-- factlint-enable a -->\nBBB\n";
        let d = doc(t);
        let kept = apply(
            &d,
            vec![at(t, "AAA", "a"), at(t, "BBB", "a"), at(t, "BB", "b")],
        );
        assert_eq!(rules(&kept), ["a"]);
        assert_eq!(kept[0].found, "BBB");
    }

    #[test]
    fn disable_runs_to_the_end_and_stray_enable_is_reported() {
        let t = "<!-- factlint-enable -->\n<!-- factlint-disable r -->\nAAA\n";
        let d = doc(t);
        let kept = apply(&d, vec![at(t, "AAA", "r")]);
        assert_eq!(rules(&kept), [UNUSED]);
        assert!(kept[0].message.contains("closes no"), "{}", kept[0].message);
    }
}
