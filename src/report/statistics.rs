//! `--statistics`: one line per rule with the number of its findings, instead of each
//! finding, most frequent first (ruff's `--statistics`). Rules are counted as files pass, so
//! nothing but the counts is kept.

use std::io::{self, Write};

use anstyle::{Effects, Style};

use super::FileReport;
use crate::check::Severity;
use crate::finding::Applicability;

const BOLD: Style = Style::new().effects(Effects::BOLD);

/// Counts per rule, in the order rules were first seen.
pub struct Statistics {
    color: bool,
    rules: Vec<RuleCount>,
}

struct RuleCount {
    rule: String,
    /// The highest severity the rule reported with (config can change it per file).
    severity: Severity,
    count: usize,
    /// Findings that carry a fix `--fix` would apply (a safe one).
    fixable: usize,
    /// Findings whose fix only `--unsafe-fixes` applies.
    unsafe_fixable: usize,
}

impl Statistics {
    pub fn new(color: bool) -> Statistics {
        Statistics {
            color,
            rules: Vec::new(),
        }
    }

    pub fn add(&mut self, file: &FileReport) {
        for f in &file.findings {
            let i = match self.rules.iter().position(|r| r.rule == f.rule) {
                Some(i) => i,
                None => {
                    self.rules.push(RuleCount {
                        rule: f.rule.clone(),
                        severity: f.severity,
                        count: 0,
                        fixable: 0,
                        unsafe_fixable: 0,
                    });
                    self.rules.len() - 1
                }
            };
            let r = &mut self.rules[i];
            r.severity = r.severity.max(f.severity);
            r.count += 1;
            // What `--fix` would apply; unsafe fixes need `--unsafe-fixes`.
            let safe = f
                .fix
                .as_ref()
                .is_some_and(|x| x.applicability == Applicability::Safe);
            r.fixable += usize::from(safe);
        }
    }

    /// The lines, most findings first, then by rule id; a blank line closes them.
    pub fn lines(&self) -> Vec<String> {
        let mut rules: Vec<&RuleCount> = self.rules.iter().collect();
        rules.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)));
        let digits = rules.first().map_or(1, |r| r.count.to_string().len());
        let width = rules.iter().map(|r| r.rule.len()).max().unwrap_or(0);
        rules
            .iter()
            .map(|r| {
                let fixable = match (r.fixable, r.unsafe_fixable) {
                    (0, 0) => String::new(),
                    (n, 0) if n == r.count => "  fixable".to_string(),
                    (0, n) if n == r.count => "  fixable with --unsafe-fixes".to_string(),
                    (0, u) => format!("  {u} fixable with --unsafe-fixes"),
                    (n, 0) => format!("  {n} fixable"),
                    (n, u) => format!("  {n} fixable, {u} with --unsafe-fixes"),
                };
                let line = format!(
                    "{:>digits$}  {:<7}  {:<width$}{fixable}",
                    r.count,
                    r.severity.as_str(),
                    r.rule
                );
                line.trim_end().to_string()
            })
            .collect()
    }

    pub fn print(&self, out: &mut dyn Write) -> io::Result<()> {
        for line in self.lines() {
            if self.color {
                let (count, rest) = line.split_at(line.len() - line.trim_start().len());
                let digits_end = rest.find(' ').unwrap_or(rest.len());
                writeln!(
                    out,
                    "{count}{}{}{}{}",
                    BOLD.render(),
                    &rest[..digits_end],
                    BOLD.render_reset(),
                    &rest[digits_end..]
                )?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
        if !self.rules.is_empty() {
            writeln!(out)?;
        }
        Ok(())
    }
}
