//! What checks produce, shared by every stage after extraction: severities, findings with an
//! optional fix (edits and how safe they are to apply), and the explanation of a verdict. A
//! leaf: it imports no later stage.

use crate::eval::Interval;
use crate::source::Span;

/// How bad a finding is. Rule files and `factlint.yaml` both read it with this derive, the
/// one parser of severities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Reads a severity as written, with `Severity`'s own serde derive.
    pub fn parse(s: &str) -> Option<Severity> {
        use serde::Deserialize;
        use serde::de::IntoDeserializer;
        let d: serde::de::value::StrDeserializer<'_, serde::de::value::Error> =
            s.into_deserializer();
        Severity::deserialize(d).ok()
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A built-in check's identity: its id, its documentation (`factlint explain`, SARIF help)
/// and its severity when the config says nothing. Each check's file defines one; its
/// findings carry a reference to it, so printers need no table of checks.
#[derive(Debug)]
pub struct BuiltinMeta {
    pub id: &'static str,
    pub doc: &'static str,
    pub default_severity: Severity,
}

/// Two metas are the same check when their ids are.
impl PartialEq for BuiltinMeta {
    fn eq(&self, other: &BuiltinMeta) -> bool {
        self.id == other.id
    }
}

impl Eq for BuiltinMeta {}

impl std::hash::Hash for BuiltinMeta {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

/// Which family of check made a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A claim in a rule file whose check failed.
    Claim,
    /// A claim in a rule file that matched nowhere in an article it applies to.
    Unmatched,
    /// A term rule.
    Term,
    /// A built-in check, with its identity.
    Builtin(&'static BuiltinMeta),
    /// A suppression comment that suppressed nothing.
    Suppression,
}

impl Origin {
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Claim => "claim",
            Origin::Unmatched => "unmatched",
            Origin::Term => "term",
            Origin::Builtin(_) => "builtin",
            Origin::Suppression => "suppression",
        }
    }
}

/// Replace the text at `span` with `replacement`. Fixing and diffing apply the same edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// How safe a fix is to apply without a person looking (ruff's model).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// Shown only: a guess at what was meant, or a rewrite that could not be confirmed.
    /// Never applied.
    DisplayOnly,
    /// Applied by `--unsafe-fixes`: it may change what the text means (a wording that
    /// assumes the common reading).
    Unsafe,
    /// Applied by `--fix`: the rewritten figure has been read back and says what the check
    /// computed, in the same kind and unit; or a term's replacement given by a rule.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display_only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// A finding's fix: the edits that make it, applied all together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn new(edit: Edit, applicability: Applicability) -> Fix {
        Fix {
            edits: vec![edit],
            applicability,
        }
    }

    pub fn safe(edit: Edit) -> Fix {
        Fix::new(edit, Applicability::Safe)
    }

    /// Whether a run that applies fixes up to `allowed` applies this one.
    pub fn applies_at(&self, allowed: Applicability) -> bool {
        self.applicability != Applicability::DisplayOnly && self.applicability >= allowed
    }
}

/// One named value that went into a computation.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// Fact id or placeholder name.
    pub name: String,
    /// The text as written (placeholders) or the fact's value with its unit.
    pub text: String,
    pub value: f64,
    pub interval: Interval,
    /// The fact's citation, if the input is a fact.
    pub source: Option<String>,
}

/// How a verdict was reached: enough to redo the arithmetic by hand.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub inputs: Vec<Input>,
    /// The check as written, e.g. `ratio ~ gemini_ultra_training_cost / gpt4_training_cost`.
    pub formula: String,
    /// Central value of the computation.
    pub computed: f64,
    /// Every value the computation allows given the inputs' intervals.
    pub computed_interval: Interval,
    /// What the text asserts.
    pub claimed: Interval,
    /// The approximation tolerance in force, as a fraction.
    pub tolerance: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule or check id (`headline_cost_ratio`, `multiple_wording`).
    pub rule: String,
    pub origin: Origin,
    pub severity: Severity,
    /// What is wrong, in the document's text.
    pub span: Span,
    /// One line, lowercase start, names the values.
    pub message: String,
    /// The text at `span` as written.
    pub found: String,
    /// What the text should say there, when known.
    pub suggestion: Option<String>,
    pub explanation: Option<Explanation>,
    /// Free-form notes that follow the explanation (a term's `why`, a check's reasoning).
    pub notes: Vec<String>,
    /// The citations the verdict rests on, each once, in order of use (printers join them).
    pub source: Vec<String>,
    /// The fix, if the check knows one; its applicability says whether `--fix` applies it.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with the required fields; the rest empty.
    pub fn new(
        rule: impl Into<String>,
        origin: Origin,
        severity: Severity,
        span: Span,
        found: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.into(),
            origin,
            severity,
            span,
            message: message.into(),
            found: found.into(),
            suggestion: None,
            explanation: None,
            notes: Vec::new(),
            source: Vec::new(),
            fix: None,
        }
    }

    /// The edit a report shows as the corrected text: the first edit of a fix that may be
    /// applied (safe or unsafe); a display-only fix is a suggestion, not an edit.
    pub fn edit(&self) -> Option<&Edit> {
        self.fix
            .as_ref()
            .filter(|f| f.applicability != Applicability::DisplayOnly)
            .and_then(|f| f.edits.first())
    }
}
