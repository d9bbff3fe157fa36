//! The engine: a document, its mentions and the rule set in; findings out.
//!
//! Runs the claims and terms of every rule file that applies to the document, then each
//! enabled built-in check, then applies the document's suppression comments. One file per
//! check kind; the built-ins are one exhaustive enum so that adding one is one file and one
//! variant.

pub mod claim;
mod coverage;
mod frames;
mod named_base;
mod rewrite;
mod sentence;
#[cfg(test)]
mod silence_tests;
mod suppress;
pub mod term;

use std::cell::{Cell, OnceCell};

pub use coverage::{Coverage, DURATIONS, MentionStatus, not_a_claim};
pub use suppress::apply as apply_suppressions;

use crate::analysis::Analysis;
use crate::analysis::facts::{Need, Probe, Whole};
use crate::extract::{ExtractOptions, Mention};
use crate::rules::RuleSet;
use crate::rules::normalize::Normalized;
use crate::source::{Document, Span};

pub use crate::finding::{
    Applicability, BuiltinMeta, Edit, Explanation, Finding, Fix, Input, Origin, Related, Severity,
};

/// Declares the built-in checks from one line each, `Variant => file`. Each file defines
/// `META` (id, doc, default severity) and `check(ctx, severity, examined)`; everything else
/// (the module, the enum, `ALL`, the lookups, the dispatch) is derived here.
macro_rules! builtins {
    ($($variant:ident => $module:ident,)+) => {
        $(mod $module;)+

        /// The checks that need no rule file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Builtin {
            $($variant,)+
        }

        impl Builtin {
            pub const ALL: [Builtin; [$(stringify!($variant)),+].len()] = [$(Builtin::$variant),+];

            /// The check's identity, as its findings carry it.
            pub fn meta(self) -> &'static BuiltinMeta {
                match self {
                    $(Builtin::$variant => &$module::META,)+
                }
            }

            /// Runs the check; adds to `examined` the spans of the mentions whose values it
            /// compared (for the coverage figure), whether or not it found a problem.
            fn run(self, ctx: &Context<'_>, severity: Severity, examined: &mut Vec<Span>) -> Vec<Finding> {
                match self {
                    $(Builtin::$variant => $module::check(ctx, severity, examined),)+
                }
            }
        }
    };
}

builtins! {
    RatioInSentence => ratio_in_sentence,
    ChangeInSentence => change_in_sentence,
    MultipleWording => multiple_wording,
    PointsInSentence => points_in_sentence,
    ShareInSentence => share_in_sentence,
    RepeatedFigure => repeated_figure,
    PartsTotal => parts_total,
    SharesTotal => shares_total,
    Ranking => ranking,
    ChangeAcrossSentences => change_across_sentences,
    TableConsistency => table_consistency,
}

impl Builtin {
    pub fn id(self) -> &'static str {
        self.meta().id
    }

    pub fn from_id(id: &str) -> Option<Builtin> {
        Builtin::ALL.into_iter().find(|b| b.id() == id)
    }

    /// The check's documentation (What it checks, Why, Example, Known limits), as printed
    /// by `factlint explain`.
    pub fn doc(self) -> &'static str {
        self.meta().doc
    }

    pub fn default_severity(self) -> Severity {
        self.meta().default_severity
    }

    /// Whether the check reads every sentence's facts (`need` is always `Need::This`):
    /// then asking the others is no use.
    fn reads_every_sentence(self) -> bool {
        matches!(
            self,
            Builtin::PartsTotal | Builtin::SharesTotal | Builtin::ChangeAcrossSentences
        )
    }

    /// Which facts of a sentence the check reads (`Whole::build_where`). A check that
    /// reads no facts needs nothing; the others say, from the sentence's words and
    /// mentions, when none of its facts can take part in what they compare.
    fn need(self, p: &Probe<'_>) -> Need {
        match self {
            Builtin::RatioInSentence
            | Builtin::ChangeInSentence
            | Builtin::MultipleWording
            | Builtin::PointsInSentence
            | Builtin::ShareInSentence => Need::Nothing,
            Builtin::RepeatedFigure => repeated_figure::need(p),
            Builtin::PartsTotal => parts_total::need(p),
            Builtin::SharesTotal => shares_total::need(p),
            Builtin::Ranking => ranking::need(p),
            Builtin::ChangeAcrossSentences => change_across_sentences::need(p),
            Builtin::TableConsistency => table_consistency::need(p),
        }
    }
}

/// Settings for one run of the engine.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The approximation tolerance `r` (docs/numbers.md), 0.05 by default.
    pub tolerance: f64,
    /// Built-in checks that run, with their severity; a check turned off is absent.
    pub builtins: Vec<(Builtin, Severity)>,
}

impl CheckOptions {
    /// The extractor's options for this run: the one place they are built.
    pub fn extract_options(&self) -> ExtractOptions {
        ExtractOptions {
            tolerance: self.tolerance,
        }
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            tolerance: 0.05,
            builtins: Builtin::ALL
                .into_iter()
                .map(|b| (b, b.default_severity()))
                .collect(),
        }
    }
}

/// What every check sees.
pub struct Context<'a> {
    pub doc: &'a Document,
    /// All mentions of the document in order, non-quantities included.
    pub mentions: &'a [Mention],
    pub options: &'a CheckOptions,
    /// The document's analysis (sentences, clauses, units, keys), built once for all the
    /// checks and only when one asks for it.
    analysis: OnceCell<Analysis<'a>>,
    /// Relations between a sentence's own figures that the built-ins compared.
    relations: Cell<usize>,
    /// The text claims' templates match against, normalised once for all rule files.
    normalized: OnceCell<Normalized>,
    /// The facts of the consistency checks.
    whole: OnceCell<Whole>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, mentions: &'a [Mention], options: &'a CheckOptions) -> Self {
        Context {
            doc,
            mentions,
            options,
            analysis: OnceCell::new(),
            relations: Cell::new(0),
            normalized: OnceCell::new(),
            whole: OnceCell::new(),
        }
    }

    /// The masked text normalised for template matching, with its quantity mentions.
    pub(crate) fn normalized(&self) -> &Normalized {
        self.normalized
            .get_or_init(|| Normalized::new(&self.doc.masked, self.mentions))
    }

    /// The analysis of the document: sentences with their mentions, clauses, units, tables,
    /// periods and mention keys.
    pub fn analysis(&self) -> &Analysis<'a> {
        self.analysis
            .get_or_init(|| Analysis::new(&self.doc.masked, self.mentions))
    }

    /// Paragraphs, sentences, tables and facts with their keys, for the consistency checks:
    /// the facts of the sentences some enabled check can read (`Builtin::need`), built on
    /// first use.
    pub(crate) fn whole(&self) -> &Whole {
        self.whole.get_or_init(|| {
            let builtins: Vec<Builtin> = self.options.builtins.iter().map(|&(b, _)| b).collect();
            if builtins.iter().any(|b| b.reads_every_sentence()) {
                return Whole::build(&self.doc.masked, self.mentions);
            }
            Whole::build_where(&self.doc.masked, self.mentions, |p| {
                builtins
                    .iter()
                    .map(|b| b.need(p))
                    .max()
                    .unwrap_or(Need::Nothing)
            })
        })
    }

    /// Records that a check compared one relation between a sentence's figures, whether or
    /// not it held.
    fn count_relation(&self) {
        self.relations.set(self.relations.get() + 1);
    }
}

/// Counts for the report's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub claims_held: usize,
    pub claims_failed: usize,
    pub claims_unmatched: usize,
    pub term_findings: usize,
    pub builtin_findings: usize,
    /// Quantity mentions in the document.
    pub numbers_found: usize,
    /// Quantity mentions that some claim or built-in check examined.
    pub numbers_checked: usize,
    /// Relations between a sentence's own figures that the built-ins compared.
    pub relations_checked: usize,
    /// Sentences with a figure a built-in starts from that were too long (over 8 KB or 64
    /// figures after lists and tables are split) for the built-ins to read.
    pub sentences_skipped: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Sorted by position, then rule id.
    pub findings: Vec<Finding>,
    pub stats: Stats,
    /// What examined each mention.
    pub coverage: Coverage,
}

/// The info line for an article no rule file applies to: its rules are silent here, and the
/// reader should know it.
fn unreached(doc: &Document, rules: &RuleSet) -> Finding {
    let files: Vec<String> = rules
        .files
        .iter()
        .map(|f| format!("`{}`", f.path.display()))
        .collect();
    Finding::new(
        "unreached",
        Origin::Unreached,
        Severity::Info,
        Span::new(0, 0),
        "",
        format!(
            "no rule file applies to this article, so no claim or term is checked here: add \
             `{}` to the `applies_to` of one of {}",
            doc.path.display(),
            files.join(", ")
        ),
    )
}

/// Runs every applicable claim and term, and the enabled built-ins, over one document.
pub fn check_document(
    doc: &Document,
    mentions: &[Mention],
    rules: &RuleSet,
    options: &CheckOptions,
) -> Outcome {
    let ctx = Context::new(doc, mentions, options);
    let mut stats = Stats {
        numbers_found: 0,
        ..Stats::default()
    };
    let mut coverage = Coverage::new(mentions, &doc.masked);
    stats.numbers_found = coverage.counted();
    let mut findings = Vec::new();
    let applying = rules.for_path(&doc.path);
    if applying.is_empty() && !rules.files.is_empty() {
        findings.push(unreached(doc, rules));
    }
    for file in applying {
        let run = claim::run(&ctx, file);
        stats.claims_held += run.held;
        stats.claims_failed += run.failed;
        stats.claims_unmatched += run.unmatched;
        for &(i, c) in &run.checked {
            coverage.mark(i, || MentionStatus::Claim(file.claims[c].id.clone()));
        }
        findings.extend(run.findings);
        findings.extend(term::run(&ctx, file));
    }
    let mut examined = Vec::new();
    for &(builtin, severity) in &options.builtins {
        findings.extend(builtin.run(&ctx, severity, &mut examined));
        coverage.mark_spans(mentions, &examined, builtin);
        examined.clear();
    }
    stats.relations_checked = ctx.relations.get();
    if !options.builtins.is_empty() {
        stats.sentences_skipped = ctx.analysis().skipped_sentences();
        coverage.sentences_skipped = stats.sentences_skipped;
    }
    stats.numbers_checked = coverage.checked();
    let mut findings = suppress::apply(doc, findings);
    // The summary counts what the report shows, so suppressed findings are not counted.
    stats.term_findings = findings.iter().filter(|f| f.origin == Origin::Term).count();
    stats.builtin_findings = findings
        .iter()
        .filter(|f| matches!(f.origin, Origin::Builtin(_)))
        .count();
    findings.sort_by(|a, b| (a.span.start, &a.rule).cmp(&(b.span.start, &b.rule)));
    Outcome {
        findings,
        stats,
        coverage,
    }
}
