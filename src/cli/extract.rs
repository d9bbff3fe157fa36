//! `factlint extract PATH... [--format table|json] [--all]`: the mentions factlint reads in
//! each article, as an aligned table for people or a JSON array for programs.
//!
//! Files are loaded, extracted and printed one at a time, so memory stays bounded by the
//! largest file. An unusable file is reported on stderr, the others are still processed, and
//! the exit status is 2.

use std::io::Write;
use std::path::PathBuf;

use unicode_width::UnicodeWidthStr;

use crate::extract::Mention;
use crate::session::{Session, Settings};
use crate::source::Document;

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files or directories (walked for *.md, *.markdown, *.txt); `-` reads one article
    /// from standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ExtractFormat,
    /// Also list years, dates, ordinals, figure references and names with digits.
    #[arg(long)]
    pub all: bool,
    /// Configuration file (default: the nearest `factlint.yaml` from here up); its
    /// tolerance sets the intervals.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The path an article read from standard input (`-`) stands for: it decides Markdown
    /// or plain text and what the output prints [default: stdin.md].
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExtractFormat {
    Table,
    Json,
}

pub fn run(args: ExtractArgs) -> u8 {
    let settings = Settings {
        config: args.config.clone(),
        load_rules: false,
        ..Settings::from_current_dir()
    };
    let session = match Session::load(&settings) {
        Ok(session) => session,
        Err(e) => {
            super::print_load_error(&e);
            return super::EXIT_ERROR;
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut status = super::EXIT_OK;
    let from_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin && args.paths.len() > 1 {
        eprintln!("error: `-` (standard input) must be the only path");
        return super::EXIT_ERROR;
    }
    let (files, errors) = if from_stdin {
        (vec![PathBuf::from("-")], Vec::new())
    } else {
        session.discover(&args.paths)
    };
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("stdin.md"));
    for e in &errors {
        eprintln!("error: {e}");
        status = super::EXIT_ERROR;
    }
    let mut first = true;
    if args.format == ExtractFormat::Json && writeln!(out, "[").is_err() {
        return super::EXIT_ERROR;
    }
    for path in files {
        let extracted = if from_stdin {
            let mut bytes = Vec::new();
            match std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes) {
                Ok(_) => session.extract_bytes(&stdin_name, &bytes),
                Err(e) => {
                    eprintln!("error: cannot read standard input: {e}");
                    return super::EXIT_ERROR;
                }
            }
        } else {
            session.extract_path(&path)
        };
        let (doc, mentions) = match extracted {
            Ok(x) => (x.doc, x.mentions),
            Err(e) => {
                let _ = out.flush();
                eprintln!("error: {e}");
                status = super::EXIT_ERROR;
                continue;
            }
        };
        let mentions: Vec<Mention> = mentions
            .into_iter()
            .filter(|m| args.all || m.kind.is_quantity())
            .collect();
        let written = match args.format {
            ExtractFormat::Table => write_table(&mut out, &doc, &mentions),
            ExtractFormat::Json => write_json(&mut out, &doc, &mentions, &mut first),
        };
        if let Err(e) = written {
            // A reader that stops early (`| head`) is not an error.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return super::EXIT_OK;
            }
            eprintln!("error: cannot write the output: {e}");
            return super::EXIT_ERROR;
        }
    }
    let closed = match args.format {
        ExtractFormat::Json => writeln!(out, "\n]").and_then(|()| out.flush()),
        ExtractFormat::Table => out.flush(),
    };
    if closed.is_err() {
        return super::EXIT_ERROR;
    }
    status
}

fn interval_text(m: &Mention) -> String {
    format!(
        "[{}, {}]",
        crate::eval::full(m.interval.low),
        crate::eval::full(m.interval.high)
    )
}

fn write_table(out: &mut dyn Write, doc: &Document, mentions: &[Mention]) -> std::io::Result<()> {
    // Columns are sized per file (files are streamed), so each file gets its own header; a
    // file with no numbers gets none.
    if mentions.is_empty() {
        return Ok(());
    }
    let header = [
        "location", "kind", "text", "value", "interval", "unit", "hedge",
    ];
    let mut rows: Vec<[String; 7]> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let (line, col) = doc.lines.line_col(&doc.text, m.span.start);
        let mut text = doc.slice(m.span).to_string();
        if let Some(h) = m.hedge_span.filter(|h| !m.span.contains(*h)) {
            text = format!("{}…{}", doc.slice(h), text);
        }
        rows.push([
            format!("{}:{line}:{col}", doc.path.display()),
            m.kind.to_string(),
            text.replace(['\n', '\r', '\t'], " "),
            crate::eval::full(m.value),
            interval_text(m),
            m.unit.as_deref().unwrap_or("-").to_string(),
            m.hedge.map_or("-", |h| h.as_str()).to_string(),
        ]);
    }
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let header = header.map(str::to_string);
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (k, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if k + 1 < row.len() {
                line.push_str(&" ".repeat(w - cell.width() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// One mention as the JSON output shows it, fields in this order.
#[derive(serde::Serialize)]
struct JsonMention<'a> {
    file: String,
    line: usize,
    /// 1-based, in characters.
    column: usize,
    end_line: usize,
    /// One past the last character.
    end_column: usize,
    /// The exact source text: hedge (when adjacent), number and unit.
    text: &'a str,
    kind: &'static str,
    value: Option<f64>,
    /// `null` for an open end.
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&'a str>,
    hedge: Option<&'static str>,
    /// Where the hedge is written when it stands apart from the number (`大约是…的 8.7 倍`).
    hedge_text: Option<&'a str>,
}

fn json_number(v: f64) -> Option<f64> {
    v.is_finite()
        .then(|| format!("{v:.11e}").parse().unwrap_or(v))
}

fn write_json(
    out: &mut dyn Write,
    doc: &Document,
    mentions: &[Mention],
    first: &mut bool,
) -> std::io::Result<()> {
    for m in mentions {
        let (line, column) = doc.lines.line_col(&doc.text, m.span.start);
        let (end_line, end_column) = doc.lines.line_col(&doc.text, m.span.end);
        let object = JsonMention {
            file: doc.path.display().to_string(),
            line,
            column,
            end_line,
            end_column,
            text: doc.slice(m.span),
            kind: m.kind.as_str(),
            value: json_number(m.value),
            low: json_number(m.interval.low),
            high: json_number(m.interval.high),
            unit: m.unit.as_deref(),
            hedge: m.hedge.map(|h| h.as_str()),
            hedge_text: m.hedge_span.map(|h| doc.slice(h)),
        };
        let object = serde_json::to_string(&object).map_err(std::io::Error::other)?;
        if !*first {
            writeln!(out, ",")?;
        }
        *first = false;
        write!(out, "  {object}")?;
    }
    Ok(())
}
