//! The facts a draft starts from: a rule file's `facts:` section or a CSV file in, `Fact`s
//! out (or every error, each with path and line).
//!
//! CSV columns are `id,value,unit,source[,precision]`; a first row whose first field is `id`
//! is a header; blank lines and lines starting with `#` are skipped; a field may be quoted
//! with `"` (a doubled `""` inside is one quote), so a source may hold commas.

use std::path::Path;

use crate::rules::units::unit_scale;
use crate::rules::{Fact, RuleError, RuleSet};

/// Reads the facts of `path`: CSV when it ends in `.csv`, a rule file otherwise.
pub fn read_facts(path: &Path) -> Result<Vec<Fact>, Vec<RuleError>> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![RuleError {
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            message: format!("cannot read: {e}"),
        }]
    })?;
    if path
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("csv"))
    {
        facts_from_csv(path, &text)
    } else {
        RuleSet::facts_from_text(path, &text)
    }
}

/// Parses CSV text of facts (see the module doc).
pub fn facts_from_csv(path: &Path, text: &str) -> Result<Vec<Fact>, Vec<RuleError>> {
    let mut facts: Vec<Fact> = Vec::new();
    let mut errors = Vec::new();
    let error = |line: usize, message: String| RuleError {
        path: path.to_path_buf(),
        line,
        column: 1,
        message,
    };
    let mut first_row = true;
    for (k, raw_line) in text.lines().enumerate() {
        let line = k + 1;
        let trimmed = raw_line.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields = match split_csv(trimmed) {
            Ok(f) => f,
            Err(m) => {
                errors.push(error(line, m));
                continue;
            }
        };
        let header = first_row && fields.first().is_some_and(|f| f.eq_ignore_ascii_case("id"));
        first_row = false;
        if header {
            continue;
        }
        if !(4..=5).contains(&fields.len()) {
            errors.push(error(
                line,
                format!(
                    "expected 4 or 5 fields `id,value,unit,source[,precision]`, found {}",
                    fields.len()
                ),
            ));
            continue;
        }
        let id = fields[0].trim();
        if !is_name(id) {
            errors.push(error(
                line,
                format!("fact id `{id}` is not a name: use letters, digits and `_`"),
            ));
            continue;
        }
        if let Some(first) = facts.iter().find(|f| f.id == id) {
            errors.push(error(
                line,
                format!(
                    "duplicate fact id `{id}` (first defined on line {})",
                    first.line
                ),
            ));
            continue;
        }
        let Some(value) = number(&fields[1]) else {
            errors.push(error(
                line,
                format!("value `{}` is not a number", fields[1]),
            ));
            continue;
        };
        let precision = match fields.get(4).map(|p| p.trim()).filter(|p| !p.is_empty()) {
            None => None,
            Some(p) => match number(p) {
                Some(v) if v > 0.0 => Some(v),
                _ => {
                    errors.push(error(
                        line,
                        format!("precision `{p}` must be a positive number"),
                    ));
                    continue;
                }
            },
        };
        let unit = fields[2].trim().to_string();
        // As in rule files: `9.8,%` is 9.8%, held as a fraction.
        let scale = unit_scale(&unit);
        facts.push(Fact {
            id: id.to_string(),
            value: value * scale,
            unit,
            source: fields[3].trim().to_string(),
            precision: precision.map(|p| p * scale),
            line,
        });
    }
    if errors.is_empty() {
        Ok(facts)
    } else {
        Err(errors)
    }
}

fn number(s: &str) -> Option<f64> {
    s.trim()
        .replace('_', "")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

fn is_name(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The fields of one CSV row.
fn split_csv(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let mut was_quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.trim().is_empty() && !was_quoted => {
                field.clear();
                quoted = true;
                was_quoted = true;
            }
            (false, ',') => {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err("a quoted field is never closed".into());
    }
    fields.push(field);
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_with_header_quotes_and_precision() {
        let text = "id,value,unit,source,precision\n# a comment\n\
                    cost,191400000,USD,\"AI Index, Fig. 1.3.21\"\nshare,0.42,share,McKinsey,0.01\n";
        let facts = facts_from_csv(Path::new("f.csv"), text).expect("parses");
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].source, "AI Index, Fig. 1.3.21");
        assert_eq!(facts[0].line, 3);
        assert_eq!(facts[1].precision, Some(0.01));
    }

    #[test]
    fn csv_errors_are_all_reported_with_lines() {
        let text = "a,1,USD\nb,x,USD,s\n1c,2,USD,s\nd,2,USD,s,-1\n";
        let errors = facts_from_csv(Path::new("f.csv"), text).expect_err("four errors");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert!(errors[1].message.contains("`x` is not a number"));
    }
}
