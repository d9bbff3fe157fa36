//! YAML reading shared by rule files and `factlint.yaml`: the parser options (limits that
//! stop alias bombs yet let a file of 100,000 facts load) in, and serde-saphyr's errors out
//! as located messages that say what to do, never the library's own advice to a programmer
//! (`use from_str_multiple`, `set DuplicateKeyPolicy`) nor Rust debug output.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options};

/// The most YAML nodes (maps, lists and scalars) a file may hold. A fact written
/// `id: {value: …, unit: …, source: …}` costs 8, so 100,000 facts need 800,000.
const MAX_NODES: usize = 4_000_000;
/// Parser events, counted the same way (each map and list also ends with one).
const MAX_EVENTS: usize = 8_000_000;

/// Parser options for factlint's YAML files. `duplicate_keys` is the policy for repeated
/// keys: rule files pass them through to report a repeated fact id with its first line.
pub(crate) fn options(duplicate_keys: DuplicateKeyPolicy) -> Options {
    let mut budget = Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_EVENTS;
    // Aliases, anchors, the alias-to-anchor ratio and the replay limits keep their defaults:
    // they are what stops a billion-laughs file, and rule files have no use for many aliases.
    let mut options = Options::default();
    options.budget = Some(budget);
    options.duplicate_keys = duplicate_keys;
    options
}

/// A parse error as `(line, column, message)`; line and column are 1-based, or 0 when the
/// error is about the whole file. `text` is the file's text, used to locate errors the
/// library gives no position for.
pub(crate) fn describe(err: &serde_saphyr::Error, text: &str) -> (usize, usize, String) {
    let (mut line, mut column) = err
        .location()
        .map_or((0, 0), |l| (l.line() as usize, l.column() as usize));
    let mut message = match breach(err) {
        Some(b) => limit_message(b),
        None => library_message(err),
    };
    if let Some(rest) = message.strip_prefix("duplicate mapping key") {
        let key = rest
            .trim_start_matches([':', ' '])
            .split(", set ")
            .next()
            .unwrap_or("")
            .trim();
        message = if key.is_empty() {
            "duplicate key: each key may appear once".to_string()
        } else {
            format!("duplicate key `{key}`: each key may appear once")
        };
    } else if message.starts_with("multiple YAML documents") {
        message = "more than one YAML document (a `---` line after the first): a factlint \
                   file is one document; remove the `---` or split the file"
            .to_string();
    } else if let Some(rest) = message.strip_prefix("duplicate field `") {
        let key = rest.split('`').next().unwrap_or("").to_string();
        message = format!("duplicate key `{key}`: each key may appear once");
        // serde reports a repeated field of a struct without a position; a repeated
        // top-level key is found again in the text (its second occurrence).
        if line == 0
            && let Some(second) = top_level_key_lines(text, &key).nth(1)
        {
            (line, column) = (second, 1);
        }
    }
    (line, column, crate::escape::truncate(&message, 400))
}

/// serde-saphyr's message without its snippet or trailing ` at line L, column C`.
fn library_message(err: &serde_saphyr::Error) -> String {
    let mut message = err.without_snippet().to_string();
    if let Some(i) = message.rfind(" at line ")
        && message[i + " at line ".len()..]
            .split_once(", column ")
            .is_some_and(|(l, c)| is_digits(l) && is_digits(c))
    {
        message.truncate(i);
    }
    let first = message.lines().next().unwrap_or("invalid YAML").trim();
    let first = first.strip_prefix("error:").unwrap_or(first).trim_start();
    match first.split_once(": ") {
        Some((head, rest)) if head.starts_with("line ") && head.contains("column") => {
            rest.to_string()
        }
        _ => first.to_string(),
    }
}

fn breach(err: &serde_saphyr::Error) -> Option<&BudgetBreach> {
    let mut e = err;
    loop {
        match e {
            serde_saphyr::Error::Budget { breach, .. } => return Some(breach),
            serde_saphyr::Error::AliasError { error, .. }
            | serde_saphyr::Error::WithSnippet { error, .. } => e = error,
            _ => return None,
        }
    }
}

/// A limit breached, said as what to change in the file.
fn limit_message(b: &BudgetBreach) -> String {
    match b {
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => format!(
            "the file has more than {MAX_NODES} YAML values: split it into several rule files"
        ),
        BudgetBreach::Depth { .. } => "the YAML is nested too deeply (more than 64 levels): \
             a factlint file needs three or four"
            .to_string(),
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. }
        | BudgetBreach::MergeKeys { .. } => "too many YAML aliases (`*name`) or merge keys \
             (`<<`) for the anchors defined: factlint limits them so that a small file cannot \
             expand into a huge one; write the values out"
            .to_string(),
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::InputBytes { .. } => {
            "the file holds more than 64 MiB of text: split it".to_string()
        }
        BudgetBreach::Documents { .. } => "too many YAML documents (`---`): a factlint file \
             is one document"
            .to_string(),
        _ => "the file exceeds one of the YAML parser's safety limits: simplify it".to_string(),
    }
}

/// 1-based numbers of the lines that start with `key:` at column 1.
fn top_level_key_lines<'a>(text: &'a str, key: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.lines().enumerate().filter_map(move |(i, l)| {
        let rest = l.strip_prefix(key)?;
        let rest = rest.trim_start_matches([' ', '\t']);
        rest.starts_with(':').then_some(i + 1)
    })
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str, policy: DuplicateKeyPolicy) -> (usize, usize, String) {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Top {
            a: Option<serde::de::IgnoredAny>,
            b: Option<String>,
        }
        let e = serde_saphyr::from_str_with_options::<Top>(text, options(policy)).unwrap_err();
        describe(&e, text)
    }

    #[test]
    fn a_repeated_top_level_key_is_located_at_its_second_line() {
        let (line, column, m) = error("a: [x]\nb: y\na: [z]\n", DuplicateKeyPolicy::PassThrough);
        assert_eq!((line, column), (3, 1), "{m}");
        assert_eq!(m, "duplicate key `a`: each key may appear once");
        let (line, _, m) = error("b: x\nb: y\n", DuplicateKeyPolicy::Error);
        assert_eq!(line, 2);
        assert_eq!(m, "duplicate key `b`: each key may appear once");
    }

    #[test]
    fn several_documents_and_limits_say_what_to_do() {
        let (_, _, m) = error("a: [x]\n---\nb: y\n", DuplicateKeyPolicy::Error);
        assert!(m.starts_with("more than one YAML document"), "{m}");
        assert!(!m.contains("from_str"), "{m}");
        let mut bomb = String::from("a: [&x0 [q, q, q, q, q, q, q, q, q, q]");
        for i in 1..12 {
            let refs = vec![format!("*x{}", i - 1); 20].join(", ");
            bomb.push_str(&format!(", &x{i} [{refs}]"));
        }
        bomb.push_str("]\n");
        let (_, _, m) = error(&bomb, DuplicateKeyPolicy::Error);
        assert!(m.starts_with("too many YAML aliases"), "{m}");
        assert!(!m.contains('{'), "{m}");
    }
}
