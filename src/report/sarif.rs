//! `sarif`: SARIF 2.1.0 for code scanning, with hand-written structs (`serde-sarif` does
//! not build with current serde). One run: the rules that fired, one result per finding
//! with its location and fix, and the sources that could not be used as notifications.
//!
//! Columns are Unicode code points (`columnKind: unicodeCodePoints`), as everywhere else in
//! factlint; SARIF's default would be UTF-16 code units. Results are written as each file
//! is checked and `tool` closes the run, which JSON allows, so memory stays bounded.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use super::{FileError, FileReport, Location, Sink, Totals};
use crate::check::{Finding, Origin, Severity};
use crate::source::{Document, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The project's home, from `repository` in Cargo.toml: one constant, never a guessed URL.
const INFORMATION_URI: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Default)]
pub struct Sarif {
    /// Rules in order of first appearance; a result names its rule by index.
    rules: Vec<Rule>,
    wrote_result: bool,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    short_description: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<Markdown>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
struct Markdown {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<PhysicalWrapper>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalWrapper {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: Text,
}

impl Sarif {
    fn rule_index(&mut self, f: &Finding) -> usize {
        if let Some(i) = self.rules.iter().position(|r| r.id == f.rule) {
            return i;
        }
        let builtin = match f.origin {
            Origin::Builtin(meta) => Some(meta),
            _ => None,
        };
        let what = match f.origin {
            Origin::Claim | Origin::Unmatched => "claim",
            Origin::Term => "term",
            Origin::Builtin(_) => "built-in check",
            Origin::Suppression => "suppression comment",
        };
        self.rules.push(Rule {
            id: f.rule.clone(),
            short_description: Text {
                text: format!("factlint {what} `{}`", f.rule),
            },
            help: builtin.map(|b| Markdown {
                text: b.doc.to_string(),
                markdown: b.doc.to_string(),
            }),
        });
        self.rules.len() - 1
    }

    fn result(&mut self, doc: &Document, f: &Finding) -> SarifResult {
        let artifact = ArtifactLocation {
            uri: uri(&doc.path),
        };
        let fixes = f
            .edit()
            .into_iter()
            .map(|e| Fix {
                description: Text {
                    text: format!("replace `{}` with `{}`", slice(doc, e.span), e.replacement),
                },
                artifact_changes: vec![ArtifactChange {
                    artifact_location: artifact.clone(),
                    replacements: vec![Replacement {
                        deleted_region: region(doc, e.span, false),
                        inserted_content: Text {
                            text: e.replacement.clone(),
                        },
                    }],
                }],
            })
            .collect();
        SarifResult {
            rule_id: f.rule.clone(),
            rule_index: self.rule_index(f),
            level: match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "note",
            },
            message: Text {
                text: f.message.clone(),
            },
            locations: vec![PhysicalWrapper {
                physical_location: PhysicalLocation {
                    artifact_location: artifact,
                    region: region(doc, f.span, true),
                },
            }],
            fixes,
        }
    }
}

impl Sink for Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        write!(
            out,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
        )
    }

    fn file(&mut self, out: &mut dyn Write, file: &FileReport) -> io::Result<()> {
        for f in &file.findings {
            let result = self.result(&file.doc, f);
            let sep = if self.wrote_result { "," } else { "" };
            write!(out, "{sep}\n        {}", pretty(&result, 8)?)?;
            self.wrote_result = true;
        }
        Ok(())
    }

    fn end(
        &mut self,
        out: &mut dyn Write,
        _totals: &Totals,
        errors: &[FileError],
    ) -> io::Result<()> {
        let close = if self.wrote_result { "\n      ]" } else { "]" };
        let tool = Tool {
            driver: Driver {
                name: "factlint",
                version: env!("CARGO_PKG_VERSION"),
                information_uri: INFORMATION_URI,
                rules: std::mem::take(&mut self.rules),
            },
        };
        let invocation = Invocation {
            execution_successful: errors.is_empty(),
            tool_execution_notifications: errors
                .iter()
                .map(|e| Notification {
                    level: "error",
                    message: Text {
                        text: e.to_string(),
                    },
                })
                .collect(),
        };
        writeln!(
            out,
            "{close},\n      \"tool\": {},\n      \"invocations\": [\n        {}\n      ]\n    }}\n  ]\n}}",
            pretty(&tool, 6)?,
            pretty(&invocation, 8)?
        )
    }
}

fn pretty<T: Serialize>(v: &T, level: usize) -> io::Result<String> {
    let s = serde_json::to_string_pretty(v).map_err(io::Error::other)?;
    // JSON strings never hold a raw newline, so this cannot change a value.
    Ok(s.replace('\n', &format!("\n{}", " ".repeat(level))))
}

fn slice(doc: &Document, span: Span) -> &str {
    doc.text.get(span.range()).unwrap_or("")
}

fn region(doc: &Document, span: Span, snippet: bool) -> Region {
    let loc = Location::of(doc, span);
    Region {
        start_line: loc.line,
        start_column: loc.column,
        end_line: loc.end_line,
        end_column: loc.end_column,
        snippet: snippet.then(|| Text {
            text: slice(doc, span).to_string(),
        }),
    }
}

/// A relative URI reference for a path as given (forward slashes, percent-encoded); an
/// absolute path outside the working directory becomes a `file:` URI.
pub fn uri(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = match cwd.as_deref().and_then(|c| path.strip_prefix(c).ok()) {
        Some(rel) => rel,
        None => path,
    };
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::RootDir => parts.push(String::new()),
            c => parts.push(encode(&c.as_os_str().to_string_lossy())),
        }
    }
    let joined = parts.join("/");
    if rel.is_absolute() {
        format!("file://{joined}")
    } else {
        joined
    }
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(uri(Path::new("source/a b.md")), "source/a%20b.md");
        assert_eq!(uri(Path::new("./文章.md")), "%E6%96%87%E7%AB%A0.md");
        let abs = std::env::current_dir().unwrap().join("x/y.md");
        assert_eq!(uri(&abs), "x/y.md");
        assert_eq!(uri(Path::new("/elsewhere/y.md")), "file:///elsewhere/y.md");
    }
}
