//! The JSON Lines stream: one article per input line in, one result per line out, in input
//! order, on every core.
//!
//! Each input line is an object `{"id": …, "path": …, "text": …}` (`id` any JSON value,
//! echoed back; `path` optional, deciding Markdown or plain text and which rule files
//! apply; other keys ignored). Each output line is the `--format json` report of that one
//! article, compact, with `"id"` first. A line that cannot be read (not JSON, not UTF-8, no
//! `text`) gives `{"id": …, "line": N, "error": "…"}` and the stream goes on; blank lines
//! are skipped. Lines are read as they are needed, so memory holds a few articles per
//! thread whatever the length of the stream.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Session, parallel};
use crate::config::FailOn;
use crate::report::{FileReport, Format, Printer};

/// How to run a stream.
#[derive(Debug, Clone)]
pub struct StreamOptions {
    /// Threads (0: one per core).
    pub threads: usize,
    /// The path of an article whose line has none.
    pub default_path: PathBuf,
}

impl Default for StreamOptions {
    fn default() -> Self {
        StreamOptions {
            threads: 0,
            default_path: PathBuf::from("stdin.md"),
        }
    }
}

/// What a stream did, for the exit status and a summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreamTotals {
    pub articles: usize,
    /// Lines that gave an error object.
    pub malformed: usize,
    /// Articles with a finding at or above the session's failing severity.
    pub failing: usize,
    pub findings: usize,
    pub bytes: usize,
}

#[derive(Deserialize)]
struct Article {
    #[serde(default)]
    id: serde_json::Value,
    path: Option<String>,
    text: String,
}

/// One line worked on: the output line, and what it counts for.
struct Done {
    line: Vec<u8>,
    outcome: Outcome,
}

enum Outcome {
    Checked {
        findings: usize,
        failing: bool,
        bytes: usize,
    },
    Malformed,
    Blank,
}

/// Reads JSON Lines from `input` until its end and writes one result line per article to
/// `out`. Only an error reading `input` or writing `out` stops the stream.
pub fn run(
    session: &Session,
    input: impl BufRead,
    out: &mut dyn Write,
    options: &StreamOptions,
) -> io::Result<StreamTotals> {
    let threads = parallel::threads(options.threads);
    let fail_on = session.fail_on();
    let mut read_error = None;
    let lines = Lines {
        input,
        number: 0,
        error: &mut read_error,
    };
    let mut totals = StreamTotals::default();
    parallel::ordered(
        threads,
        4 * threads,
        1,
        lines,
        |(number, bytes)| one_line(session, number, bytes, &options.default_path, fail_on),
        |done| {
            match done.outcome {
                Outcome::Blank => return Ok(()),
                Outcome::Malformed => totals.malformed += 1,
                Outcome::Checked {
                    findings,
                    failing,
                    bytes,
                } => {
                    totals.articles += 1;
                    totals.findings += findings;
                    totals.failing += usize::from(failing);
                    totals.bytes += bytes;
                }
            }
            out.write_all(&done.line)?;
            out.write_all(b"\n")
        },
    )?;
    out.flush()?;
    match read_error {
        Some(e) => Err(e),
        None => Ok(totals),
    }
}

/// The input's lines as bytes, numbered from 1; a read error ends them and is kept.
struct Lines<'e, R> {
    input: R,
    number: usize,
    error: &'e mut Option<io::Error>,
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = (usize, Vec<u8>);

    fn next(&mut self) -> Option<(usize, Vec<u8>)> {
        let mut line = Vec::new();
        match self.input.read_until(b'\n', &mut line) {
            Ok(0) => None,
            Ok(_) => {
                self.number += 1;
                Some((self.number, line))
            }
            Err(e) => {
                *self.error = Some(e);
                None
            }
        }
    }
}

fn one_line(
    session: &Session,
    number: usize,
    bytes: Vec<u8>,
    default_path: &Path,
    fail_on: FailOn,
) -> Done {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Done {
            line: Vec::new(),
            outcome: Outcome::Blank,
        };
    }
    let article = match std::str::from_utf8(&bytes) {
        Err(e) => Err(format!("not valid UTF-8 at byte {}", e.valid_up_to())),
        Ok(line) => serde_json::from_str::<Article>(line).map_err(|e| e.to_string()),
    };
    let article = match article {
        Ok(a) => a,
        Err(message) => return malformed(number, id_of(&bytes), &message),
    };
    let path = article
        .path
        .as_deref()
        .map_or_else(|| default_path.to_path_buf(), PathBuf::from);
    let report = session.check_text(&path, &article.text);
    match report_line(&article.id, &report) {
        Ok(line) => Done {
            line,
            outcome: Outcome::Checked {
                findings: report.findings.len(),
                failing: report.findings.iter().any(|f| fail_on.fails(f.severity)),
                bytes: article.text.len(),
            },
        },
        Err(e) => malformed(number, article.id, &e.to_string()),
    }
}

/// The id of a line that did not parse as an article, when the line is an object with one.
fn id_of(bytes: &[u8]) -> serde_json::Value {
    #[derive(Deserialize)]
    struct JustId {
        #[serde(default)]
        id: serde_json::Value,
    }
    serde_json::from_slice::<JustId>(bytes).map_or(serde_json::Value::Null, |x| x.id)
}

fn malformed(number: usize, id: serde_json::Value, message: &str) -> Done {
    let message = serde_json::Value::from(message);
    Done {
        line: format!("{{\"id\":{id},\"line\":{number},\"error\":{message}}}").into_bytes(),
        outcome: Outcome::Malformed,
    }
}

/// The `--format json` report of one file on one line, with `"id"` first.
fn report_line(id: &serde_json::Value, report: &FileReport) -> io::Result<Vec<u8>> {
    let mut pretty = Vec::with_capacity(4096);
    let mut printer = Printer::new(Format::Json, &mut pretty, false)?;
    printer.file(report)?;
    printer.finish(&[])?;
    let id = serde_json::to_string(id).map_err(io::Error::other)?;
    let mut line = Vec::with_capacity(pretty.len() + id.len() + 8);
    line.extend_from_slice(b"{\"id\":");
    line.extend_from_slice(id.as_bytes());
    line.push(b',');
    let body = compact(&pretty);
    line.extend_from_slice(body.strip_prefix(b"{").unwrap_or(&body));
    Ok(line)
}

/// JSON text without the white space between tokens, keys kept in their order. Strings
/// are copied byte for byte (their bytes are never JSON white space that matters: a raw
/// newline cannot occur in one, and escapes are skipped whole); every structural byte is
/// ASCII, so working on bytes never splits a character.
fn compact(json: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
            out.push(b);
        } else if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
            out.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::CheckOptions;
    use crate::rules::RuleSet;

    fn stream(input: &str, threads: usize) -> (Vec<serde_json::Value>, StreamTotals) {
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let mut out = Vec::new();
        let options = StreamOptions {
            threads,
            ..StreamOptions::default()
        };
        let totals = run(&session, input.as_bytes(), &mut out, &options).expect("runs");
        let text = String::from_utf8(out).expect("UTF-8");
        let lines = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect();
        (lines, totals)
    }

    #[test]
    fn compact_keeps_strings_and_order() {
        let pretty = "{\n  \"b\": \"a \\\" b\\n\",\n  \"a\": [\n    1,\n    2\n  ]\n}\n";
        assert_eq!(
            compact(pretty.as_bytes()),
            b"{\"b\":\"a \\\" b\\n\",\"a\":[1,2]}"
        );
    }

    #[test]
    fn one_result_per_article_in_input_order_and_errors_in_place() {
        let good = |id: usize| {
            serde_json::json!({
                "id": id,
                "path": format!("a{id}.md"),
                "text": "投资从 2340 亿美元下降到 1892 亿美元，降幅 30%。\n",
            })
            .to_string()
        };
        let mut input = String::new();
        for i in 0..40 {
            input.push_str(&good(i));
            input.push('\n');
            if i == 7 {
                input.push_str("{\"id\": \"bad\", \"text\": 3}\n\nnot json\n");
            }
        }
        for threads in [1, 3] {
            let (lines, totals) = stream(&input, threads);
            assert_eq!(lines.len(), 42);
            assert_eq!(totals.articles, 40);
            assert_eq!(totals.malformed, 2);
            assert_eq!(totals.findings, 40);
            assert_eq!(lines[8]["id"], "bad");
            assert_eq!(lines[8]["line"], 9);
            assert!(
                lines[8]["error"]
                    .as_str()
                    .is_some_and(|e| e.contains("type"))
            );
            assert_eq!(lines[9]["id"], serde_json::Value::Null);
            assert_eq!(lines[9]["line"], 11);
            let ids: Vec<_> = lines
                .iter()
                .filter(|l| l.get("error").is_none())
                .map(|l| l["id"].as_u64().expect("id"))
                .collect();
            assert_eq!(ids, (0..40).collect::<Vec<_>>());
            assert_eq!(lines[0]["version"], 1);
            assert_eq!(lines[0]["findings"][0]["rule"], "change_in_sentence");
            assert_eq!(lines[0]["findings"][0]["file"], "a0.md");
            assert_eq!(lines[0]["summary"]["files"], 1);
        }
    }

    #[test]
    fn the_first_key_is_the_id() {
        let (lines, _) = stream("{\"text\": \"no numbers\", \"id\": \"x\"}\n", 1);
        assert_eq!(lines[0]["id"], "x");
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let mut out = Vec::new();
        run(
            &session,
            "{\"text\": \"a\", \"id\": [1]}".as_bytes(),
            &mut out,
            &StreamOptions::default(),
        )
        .expect("runs");
        assert!(out.starts_with(b"{\"id\":[1],\"version\":1,"), "{out:?}");
    }

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_and_the_stream_goes_on() {
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let mut out = Vec::new();
        let input: &[u8] = b"{\"id\": 1, \"text\": \"\xff\"}\n{\"id\": 2, \"text\": \"ok\"}\n";
        let totals = run(&session, input, &mut out, &StreamOptions::default()).expect("runs");
        assert_eq!(totals.malformed, 1);
        assert_eq!(totals.articles, 1);
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            text.lines()
                .next()
                .is_some_and(|l| l.contains("not valid UTF-8"))
        );
        assert!(
            text.lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("{\"id\":2,"))
        );
    }
}
