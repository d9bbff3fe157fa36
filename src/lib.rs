//! factlint: fact-check the numbers in articles.
//!
//! The pipeline, one module per stage, each taking only the previous stage's output:
//!
//! 1. [`source`] loads an article into a [`source::Document`]: original text, a masked copy
//!    of the same byte length (code, URLs, comments blanked), a line index and the sections.
//! 2. [`extract`] reads every numeric [`extract::Mention`] out of the masked text.
//! 3. [`rules`] loads and compiles the YAML rule files into a [`rules::RuleSet`].
//! 4. [`check`] runs claims, terms and the built-in checks and produces [`finding::Finding`]s.
//! 5. [`report`] prints a [`report::Report`] in one of several formats; [`fix`] applies edits.
//!
//! [`eval`] holds the expression language and the interval arithmetic that rules and checks
//! share; [`finding`] what checks produce; [`config`] reads `factlint.yaml`. [`session`] runs
//! the pipeline for every front end (configuration, rules and options loaded once; typed
//! results per text or file), and [`cli`] is the command line over it. docs/architecture.md
//! describes the layout.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod check;
pub mod cli;
pub mod config;
pub mod eval;
pub mod extract;
pub mod finding;
pub mod fix;
pub mod lexicon;
pub mod report;
pub mod rules;
pub mod session;
pub mod source;
