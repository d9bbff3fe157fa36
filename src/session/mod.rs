//! The engine behind every front end: settings in, a `Session` out (the configuration, the
//! compiled rules and the check options, loaded once); then any number of texts or files in,
//! one typed `FileReport` (or `FileError`) per file out.
//!
//! The command line, the stream mode, an editor server and a parallel run over many files
//! all drive the pipeline through this type and nothing else: `check_text` for a buffer held
//! in memory, `check_path`/`fix_path` for a file on disk, `extract_text` for the numbers
//! alone, `test_examples` for the rules' own examples. A `Session` is immutable after
//! `load` and every method takes `&self`, so it is `Sync` and one session serves many
//! threads (rayon's `par_iter` over paths, an editor's worker pool).
//!
//! Paths are kept as the user gave them; those that come from `factlint.yaml` are made
//! relative to the working directory, so that reports print the short paths people type.

pub mod chunked;
mod examples;
pub mod parallel;
pub mod stream;

use std::path::{Component, Path, PathBuf};

pub use examples::{ExampleOutcome, ExampleResult, RuleKind, run_examples};

use crate::check::{Applicability, CheckOptions, check_document};
use crate::config::{self, Config, ConfigError, FailOn};
use crate::draft::{self, Draft};
use crate::eval::{EvalError, Expression, ParseError, Value};
use crate::extract::{ExtractOptions, Mention, extract};
use crate::fix;
use crate::read::DEFAULT_MAX_FILESIZE;
use crate::report::{FileError, FileReport};
use crate::rules::{Fact, RuleError, RuleFile, RuleSet, Scope};
use crate::source::{Document, Excludes, LineIndex, SourceError, discover_with, read_text};

/// What a front end asks for; everything left `None` or empty comes from `factlint.yaml`,
/// then from the defaults (`source/`, `claims/`, tolerance 0.05, fail on errors).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where `factlint.yaml` is searched from (walking up) and what config paths are made
    /// relative to.
    pub cwd: PathBuf,
    /// A configuration file to use instead of searching for one.
    pub config: Option<PathBuf>,
    /// Rule files or folders; `/dev/null` stands for "no rules".
    pub claims: Vec<PathBuf>,
    /// The approximation tolerance for hedged numbers, as a fraction.
    pub tolerance: Option<f64>,
    pub fail_on: Option<FailOn>,
    /// Whether to load the rule files at all (`extract` needs only the configuration).
    pub load_rules: bool,
    /// Whether a missing default `claims/` folder is an error (`factlint test`) or means
    /// "no rules" (`factlint check`, which still has its built-in checks).
    pub require_claims: bool,
    /// Globs (gitignore syntax, relative to `cwd`) that folder walks leave out, added to
    /// the configuration's `exclude`.
    pub exclude: Vec<String>,
    /// Articles larger than this many bytes are not read (default 100 MiB).
    pub max_filesize: Option<u64>,
    /// Whether fixing applies the unsafe fixes too (`--unsafe-fixes`), not only the safe ones.
    pub unsafe_fixes: bool,
    /// Whether a report keeps every mention and what examined it (`FileReport::mentions`,
    /// `coverage`): the html and json formats and `--coverage` show them. A file checked
    /// in pieces holds them only when asked, so that its memory stays bounded.
    pub keep_numbers: bool,
    /// Whether a report keeps what only some formats print of a finding (explanation,
    /// notes, citations, suggestion, fix): `--format line` prints a finding's place, rule,
    /// message and related places only. Like `keep_numbers`, it matters for a file
    /// checked in pieces, whose other reports keep everything.
    pub keep_details: bool,
}

impl Settings {
    /// Settings that search for `factlint.yaml` from `cwd` and override nothing.
    pub fn new(cwd: impl Into<PathBuf>) -> Settings {
        Settings {
            cwd: cwd.into(),
            config: None,
            claims: Vec::new(),
            tolerance: None,
            fail_on: None,
            load_rules: true,
            require_claims: false,
            exclude: Vec::new(),
            max_filesize: None,
            unsafe_fixes: false,
            keep_numbers: true,
            keep_details: true,
        }
    }

    /// Settings for the process's working directory.
    pub fn from_current_dir() -> Settings {
        Settings::new(std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")))
    }
}

/// Why a session could not start: nothing is checked then, and the run exits 2.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Every error in every rule file, each with path, line and column.
    #[error("{} error(s) in the rule files", .0.len())]
    Rules(Vec<RuleError>),
    /// An `exclude` glob (configuration or settings) that does not parse.
    #[error("{0}")]
    Exclude(String),
}

/// The configuration, rules and options of one run, loaded once.
#[derive(Debug)]
pub struct Session {
    config: Option<Config>,
    rules: RuleSet,
    options: CheckOptions,
    fail_on: FailOn,
    /// What to check when no path is given.
    sources: Vec<PathBuf>,
    /// The least safe fixes that fixing applies.
    fixes: Applicability,
    /// What folder walks leave out.
    excludes: Excludes,
    max_filesize: u64,
    /// Files from this size on are checked in pieces (`chunked`).
    chunk_bytes: usize,
    piece_bytes: usize,
    keep_numbers: bool,
    keep_details: bool,
}

/// What a walk over the paths given found: the files to check, the paths that cannot be
/// used, and the entries skipped because they are not regular files (a FIFO named `x.md`),
/// which a front end mentions without failing the run.
#[derive(Debug, Default)]
pub struct Walked {
    pub files: Vec<PathBuf>,
    pub errors: Vec<FileError>,
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// A document with the numbers read from it.
#[derive(Debug)]
pub struct Extracted {
    pub doc: Document,
    /// Every mention in order, non-quantities included.
    pub mentions: Vec<Mention>,
}

impl Extracted {
    /// The mention whose span holds byte `offset` (an editor's hover), if any.
    pub fn mention_at(&self, offset: usize) -> Option<&Mention> {
        // Mentions are sorted by start: look back from the last one starting at or before
        // `offset` (the innermost, should a hedge's span ever enclose another mention).
        let starts = self.mentions.partition_point(|m| m.span.start <= offset);
        self.mentions[..starts]
            .iter()
            .rev()
            .find(|m| offset < m.span.end)
    }
}

/// An expression's value over the facts, and the facts it used.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub value: Value,
    pub inputs: Vec<Fact>,
}

/// Why `Session::eval` could not give a value.
#[derive(Debug, Clone, thiserror::Error)]
pub enum EvalFailure {
    #[error("column {}: {}", .0.offset + 1, .0.message)]
    Parse(ParseError),
    #[error("column {}: unknown name `{name}`: no fact of the rule files ({facts} facts) has this id", offset + 1)]
    UnknownName {
        name: String,
        offset: usize,
        facts: usize,
    },
    #[error("{0}")]
    Eval(EvalError),
}

/// One rule file's example results, in file order.
#[derive(Debug)]
pub struct FileExamples<'a> {
    pub file: &'a RuleFile,
    pub results: Vec<ExampleResult>,
}

impl Session {
    /// Reads the configuration (the one named, else the nearest `factlint.yaml`), applies the
    /// settings over it, and loads and compiles every rule file. All rule-file errors come
    /// back together.
    pub fn load(settings: &Settings) -> Result<Session, LoadError> {
        let cwd = &settings.cwd;
        let found = settings.config.clone().or_else(|| config::discover(cwd));
        let config = found.map(|p| config::load(&p)).transpose()?;
        let mut options = CheckOptions::default();
        if let Some(c) = &config {
            c.apply(&mut options);
        }
        if let Some(t) = settings.tolerance {
            options.tolerance = t;
        }
        let fail_on = settings
            .fail_on
            .or(config.as_ref().and_then(|c| c.fail_on))
            .unwrap_or(FailOn::Error);
        let root = config
            .as_ref()
            .map_or_else(|| PathBuf::from("."), |c| relative(&c.root, cwd));
        let rules = if settings.load_rules {
            let claims = claims_paths(settings, config.as_ref());
            RuleSet::load(&claims, &root).map_err(LoadError::Rules)?
        } else {
            RuleSet {
                files: Vec::new(),
                root,
            }
        };
        let sources = match &config {
            Some(c) if !c.sources.is_empty() => {
                c.sources.iter().map(|p| relative(p, cwd)).collect()
            }
            _ => vec![PathBuf::from("source")],
        };
        let mut excludes = Excludes::default();
        if let Some(c) = &config {
            excludes
                .add(&relative(&c.root, cwd), &c.exclude)
                .map_err(LoadError::Exclude)?;
        }
        // Paths are walked as given, relative to the working directory.
        excludes
            .add(Path::new("."), &settings.exclude)
            .map_err(LoadError::Exclude)?;
        Ok(Session {
            config,
            rules,
            options,
            fail_on,
            sources,
            excludes,
            max_filesize: settings.max_filesize.unwrap_or(DEFAULT_MAX_FILESIZE),
            chunk_bytes: chunked::CHUNK_BYTES,
            piece_bytes: chunked::PIECE_BYTES,
            keep_numbers: settings.keep_numbers,
            keep_details: settings.keep_details,
            fixes: if settings.unsafe_fixes {
                Applicability::Unsafe
            } else {
                Applicability::Safe
            },
        })
    }

    /// A session over rules and options built by hand (tests, editors without a
    /// configuration file).
    pub fn new(rules: RuleSet, options: CheckOptions) -> Session {
        Session {
            config: None,
            rules,
            options,
            fail_on: FailOn::Error,
            sources: vec![PathBuf::from("source")],
            excludes: Excludes::default(),
            max_filesize: DEFAULT_MAX_FILESIZE,
            chunk_bytes: chunked::CHUNK_BYTES,
            piece_bytes: chunked::PIECE_BYTES,
            keep_numbers: true,
            keep_details: true,
            fixes: Applicability::Safe,
        }
    }

    /// The same session, checking texts of `bytes` or more in pieces of about that size
    /// (by default texts of `chunked::CHUNK_BYTES`, 1 MiB, or more are checked in pieces of
    /// `chunked::PIECE_BYTES`, 256 KiB): tests cut small texts this way.
    pub fn with_chunk_bytes(mut self, bytes: usize) -> Session {
        self.chunk_bytes = bytes.max(1);
        self.piece_bytes = self.chunk_bytes;
        self
    }

    fn checker(&self) -> chunked::Checker<'_> {
        chunked::Checker {
            rules: &self.rules,
            options: &self.options,
            chunk_bytes: self.chunk_bytes,
            piece_bytes: self.piece_bytes,
            keep_numbers: self.keep_numbers,
            keep_details: self.keep_details,
        }
    }

    pub fn config(&self) -> Option<&Config> {
        self.config.as_ref()
    }

    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    pub fn options(&self) -> &CheckOptions {
        &self.options
    }

    /// The lowest severity that fails the run.
    pub fn fail_on(&self) -> FailOn {
        self.fail_on
    }

    /// What to check when no path is given: the config's `sources`, else `source/`.
    pub fn default_paths(&self) -> &[PathBuf] {
        &self.sources
    }

    /// The extractor's options, derived from the check options (`CheckOptions::
    /// extract_options`, the one place they are built), so that every front end reads
    /// numbers with the same tolerance.
    pub fn extract_options(&self) -> ExtractOptions {
        self.options.extract_options()
    }

    /// The article files among `paths` (folders walked), and the paths that cannot be used.
    pub fn discover(&self, paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<FileError>) {
        let walked = self.walk(paths);
        (walked.files, walked.errors)
    }

    /// `discover`, with the entries skipped as not regular files.
    pub fn walk(&self, paths: &[PathBuf]) -> Walked {
        let found = discover_with(paths, &self.excludes);
        Walked {
            files: found.files,
            errors: found.errors.into_iter().map(FileError::from).collect(),
            skipped: found.skipped,
        }
    }

    /// Reads the numbers of a text held in memory; `path` decides Markdown or plain text.
    pub fn extract_text(&self, path: &Path, text: &str) -> Extracted {
        self.extract_document(Document::from_text(path, text))
    }

    /// Reads the numbers of a file on disk.
    pub fn extract_path(&self, path: &Path) -> Result<Extracted, FileError> {
        Ok(self.extract_document(load(path, self.max_filesize)?))
    }

    fn extract_document(&self, doc: Document) -> Extracted {
        let mentions = parallel::extract_chunked(&doc.masked, &self.extract_options());
        Extracted { doc, mentions }
    }

    /// Checks a text held in memory (an editor's buffer, one article of a stream); `path`
    /// decides Markdown or plain text and which rule files apply.
    pub fn check_text(&self, path: &Path, text: &str) -> FileReport {
        self.check_document(Document::from_text(path, text))
    }

    /// Checks a loaded document. A document of `chunk_bytes` or more is checked in pieces
    /// (`chunked`), on the threads of the current rayon pool when there is one.
    pub fn check_document(&self, doc: Document) -> FileReport {
        let checker = self.checker();
        if checker.splits(doc.text.len()) {
            let mut checked = checker.check(&doc.path, &doc.text, &doc.lines);
            chunked::suppress(&doc, &mut checked);
            return self.report_of(doc, checked);
        }
        let mentions = extract(&doc.masked, &self.extract_options());
        self.check_extracted(doc, mentions)
    }

    /// The checks over a document whose mentions are read.
    fn check_extracted(&self, doc: Document, mentions: Vec<Mention>) -> FileReport {
        let outcome = check_document(&doc, &mentions, &self.rules, &self.options);
        let mut report = FileReport::new(doc, outcome.findings, outcome.stats);
        report.mentions = mentions;
        report.coverage = outcome.coverage;
        report
    }

    /// A file on disk read, masked and its numbers extracted, not yet checked (see
    /// `check_each`); a file checked in pieces is only read.
    fn prepare(&self, path: PathBuf) -> Prepared {
        let text = match read_text(&path, self.max_filesize) {
            Ok(text) => text,
            Err(e) => return Prepared::Failed(located_in_file(&path, e)),
        };
        if self.checker().splits(text.len()) {
            return Prepared::Large(path, text);
        }
        let doc = Document::from_string(&path, text);
        let mentions = extract(&doc.masked, &self.extract_options());
        Prepared::Extracted(doc, mentions)
    }

    /// `check_path`'s result for a prepared file.
    fn finish(&self, prepared: Prepared) -> Result<FileReport, FileError> {
        match prepared {
            Prepared::Extracted(doc, mentions) => Ok(self.check_extracted(doc, mentions)),
            Prepared::Large(path, text) => Ok(self.check_file_text(&path, text)),
            Prepared::Failed(e) => Err(e),
        }
    }

    fn report_of(&self, doc: Document, checked: chunked::Checked) -> FileReport {
        let mut report = FileReport::new(doc, checked.findings, checked.stats);
        report.mentions = checked.mentions;
        report.coverage = checked.coverage;
        report
    }

    /// Checks the text of a file: below `chunk_bytes` as a `Document`; from it on, in
    /// pieces, keeping of the whole file only its text, line index and outline (the
    /// report's `doc.masked` is then empty), so that memory stays the text's size plus a
    /// piece per thread.
    fn check_file_text(&self, path: &Path, mut text: String) -> FileReport {
        let checker = self.checker();
        if !checker.splits(text.len()) {
            return self.check_document(Document::from_string(path, text));
        }
        let bom = text.starts_with('\u{feff}');
        if bom {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let lines = LineIndex::new(&text);
        let mut checked = checker.check(path, &text, &lines);
        let outline = std::mem::take(&mut checked.outline);
        let doc = Document::assembled(path, text, bom, lines, outline);
        chunked::suppress(&doc, &mut checked);
        self.report_of(doc, checked)
    }

    /// Checks the bytes of an article read from elsewhere (standard input); `path` names
    /// it. Bytes that are not UTF-8 text are an error located at the first bad byte.
    pub fn check_bytes(&self, path: &Path, bytes: &[u8]) -> Result<FileReport, FileError> {
        let doc = Document::from_bytes(path, bytes).map_err(|error| located(error, bytes))?;
        Ok(self.check_document(doc))
    }

    /// Reads the numbers of an article's bytes (standard input); `path` names it.
    pub fn extract_bytes(&self, path: &Path, bytes: &[u8]) -> Result<Extracted, FileError> {
        let doc = Document::from_bytes(path, bytes).map_err(|error| located(error, bytes))?;
        Ok(self.extract_document(doc))
    }

    /// Loads and checks a file on disk.
    pub fn check_path(&self, path: &Path) -> Result<FileReport, FileError> {
        let text = read_text(path, self.max_filesize).map_err(|e| located_in_file(path, e))?;
        Ok(self.check_file_text(path, text))
    }

    /// The findings of a document, for the passes of `fix::fix_passes`.
    fn findings_of(&self, doc: &Document) -> Vec<crate::check::Finding> {
        let checker = self.checker();
        if checker.splits(doc.text.len()) {
            let mut checked = checker.check(&doc.path, &doc.text, &doc.lines);
            chunked::suppress(doc, &mut checked);
            return checked.findings;
        }
        let mentions = extract(&doc.masked, &self.extract_options());
        check_document(doc, &mentions, &self.rules, &self.options).findings
    }

    /// The fixes of `report` applied (safe ones, or unsafe ones too with `unsafe_fixes`), in
    /// passes until the text is stable (`fix::fix_passes`).
    fn fixing(&self, report: &FileReport) -> fix::Fixing {
        fix::fix_passes(&report.doc, report.findings.clone(), self.fixes, |d| {
            self.findings_of(d)
        })
    }

    /// Applies the fixes to a text held in memory and checks the result: the report's
    /// `doc.text` is the fixed text, `fixes` says what was done, `findings` are those that
    /// remain. Nothing is written anywhere.
    pub fn fix_text(&self, path: &Path, text: &str) -> FileReport {
        let first = self.check_text(path, text);
        let fixing = self.fixing(&first);
        if !fixing.changed() {
            return with_fixes(first, fixing.fixes);
        }
        let fixed = Document::from_text(path, &fixing.text);
        with_fixes(self.check_document(fixed), fixing.fixes)
    }

    /// Checks a file, fixes it on disk (atomically, keeping its BOM and line endings) and
    /// checks it again. A fix that cannot be written leaves the file as it was: the report
    /// is then of the file as it stands and carries the error in `errors`.
    pub fn fix_path(&self, path: &Path) -> Result<FileReport, FileError> {
        // Fixing compares each edit with the masked text: the whole document, however large.
        let first = self.check_document(load(path, self.max_filesize)?);
        let fixing = self.fixing(&first);
        if !fixing.changed() {
            return Ok(with_fixes(first, fixing.fixes));
        }
        if let Err(e) = fix::write(&first.doc, &fixing.text) {
            let mut report = first;
            report.errors.push(e.into());
            return Ok(report);
        }
        let fixed = self.check_path(path)?;
        Ok(with_fixes(fixed, fixing.fixes))
    }

    /// Checks (or, with `fix`, fixes) every article among `paths` in order, one at a time:
    /// first the paths that cannot be used, then one result per file. Each report can be
    /// printed and dropped before the next file is read, so memory stays bounded by the
    /// largest file.
    pub fn check_paths<'a>(
        &'a self,
        paths: &[PathBuf],
        fix: bool,
    ) -> impl Iterator<Item = Result<FileReport, FileError>> + 'a {
        self.check_walked(self.walk(paths), fix)
    }

    /// `check_paths` over what `walk` found (the caller has said what was skipped).
    pub fn check_walked(
        &self,
        walked: Walked,
        fix: bool,
    ) -> impl Iterator<Item = Result<FileReport, FileError>> + '_ {
        walked
            .errors
            .into_iter()
            .map(Err)
            .chain(walked.files.into_iter().map(move |path| {
                if fix {
                    self.fix_path(&path)
                } else {
                    self.check_path(&path)
                }
            }))
    }

    /// Evaluates an expression over the facts of the rule files (`factlint eval`): its value
    /// and interval, with each fact it used.
    pub fn eval(&self, text: &str) -> Result<Evaluation, EvalFailure> {
        let expr = Expression::parse(text).map_err(EvalFailure::Parse)?;
        let mut inputs: Vec<Fact> = Vec::new();
        for n in &expr.names {
            let fact = self
                .rules
                .files
                .iter()
                .flat_map(|f| &f.facts)
                .find(|f| f.id == n.name)
                .ok_or_else(|| EvalFailure::UnknownName {
                    name: n.name.clone(),
                    offset: n.offset,
                    facts: self.rules.files.iter().map(|f| f.facts.len()).sum(),
                })?;
            if !inputs.iter().any(|f| f.id == fact.id) {
                inputs.push(fact.clone());
            }
        }
        let value = expr
            .evaluate(&|name| inputs.iter().find(|f| f.id == name).map(Fact::as_value))
            .map_err(EvalFailure::Eval)?;
        Ok(Evaluation { value, inputs })
    }

    /// Drafts the rules of the article at `path` from `facts` (`factlint draft`), with this
    /// session's tolerance.
    pub fn draft_path(&self, path: &Path, facts: &[Fact]) -> Result<Draft, FileError> {
        let doc = Document::load(path)?;
        let mentions = extract(&doc.masked, &self.extract_options());
        Ok(draft::draft(&doc, &mentions, facts, &self.options))
    }

    /// Checks (or, with `fix`, fixes) every article `walk` found on `threads` threads (0:
    /// one per core) and gives each result to `each` on the calling thread, in the order of
    /// `check_paths`: the paths that cannot be used first, then the files in sorted order.
    /// Only a few files are held at a time (a reorder buffer of a few per thread), and with
    /// one thread (or with `fix`, which writes files) the run is `check_paths` itself.
    /// `each` returning an error stops the run.
    pub fn check_each<E>(
        &self,
        walked: Walked,
        fix: bool,
        threads: usize,
        mut each: impl FnMut(Result<FileReport, FileError>) -> Result<(), E>,
    ) -> Result<(), E> {
        let Walked { files, errors, .. } = walked;
        for e in errors {
            each(Err(e))?;
        }
        let mut threads = parallel::threads(threads);
        // Fixing writes files: a path given twice (a file and its folder) must not be
        // rewritten by two threads at once, so fixes are applied one file at a time.
        if fix {
            threads = 1;
        }
        // One article (the common CI case) is not worth starting threads for, unless it is
        // large enough to be checked in two pieces or more.
        if let [only] = files.as_slice() {
            let len = std::fs::metadata(only).map_or(0, |m| m.len());
            if len < self.chunk_bytes as u64 {
                threads = 1;
            }
        }
        // Short articles go to the threads a few at a time (fewer wake-ups of this thread,
        // which prints); a handful of files, large ones, one at a time. One thread takes
        // them eight at a time.
        let batch = if threads <= 1 {
            PREPARED_BATCH
        } else {
            (files.len() / (16 * threads)).clamp(1, PREPARED_BATCH)
        };
        if fix {
            return parallel::ordered(
                threads,
                4 * threads,
                batch,
                files.into_iter(),
                |path| self.fix_path(&path),
                each,
            );
        }
        // A batch's files are read and extracted first, then checked: extraction and the
        // checks are each a large body of code, and alternating them file by file leaves
        // each to start cold on caches and branch history.
        parallel::ordered_batches(
            threads,
            4 * threads,
            batch,
            files.into_iter(),
            |paths: Vec<PathBuf>| {
                let prepared: Vec<Prepared> = paths.into_iter().map(|p| self.prepare(p)).collect();
                prepared.into_iter().map(|p| self.finish(p)).collect()
            },
            each,
        )
    }

    /// Runs every example of every rule file through its rule alone, with this session's
    /// tolerance.
    pub fn test_examples(&self) -> Vec<FileExamples<'_>> {
        // The articles each file applies to, loaded once, for its terms' headings.
        let mut articles: Option<Vec<Document>> = None;
        self.rules
            .files
            .iter()
            .map(|file| {
                let mut results = run_examples(file, &self.options);
                if file.applies_to.is_some()
                    && file.terms.iter().any(|t| t.scope != Scope::Anywhere)
                {
                    let all = articles.get_or_insert_with(|| {
                        let (paths, _) =
                            crate::source::discover(std::slice::from_ref(&self.rules.root));
                        paths
                            .iter()
                            .filter_map(|p| Document::load(p).ok())
                            .collect()
                    });
                    let mine: Vec<&Document> = all
                        .iter()
                        .filter(|d| {
                            self.rules
                                .for_path(&d.path)
                                .iter()
                                .any(|f| std::ptr::eq(*f, file))
                        })
                        .collect();
                    missing_headings(file, &mine, &mut results);
                }
                FileExamples { file, results }
            })
            .collect()
    }
}

/// Files read and extracted ahead of their checks on one thread (`check_each`): enough to
/// keep each stage warm, few enough to keep memory at a few articles.
const PREPARED_BATCH: usize = 8;

/// A file read and extracted, ready for the checks.
enum Prepared {
    Extracted(Document, Vec<Mention>),
    /// Checked in pieces (`chunked`), which extract on their own.
    Large(PathBuf, String),
    Failed(FileError),
}

/// Loads a source; a file that is not text gets the line and column of its first bad byte
/// (reading again only the bytes before it).
fn load(path: &Path, max_filesize: u64) -> Result<Document, FileError> {
    Document::load_limited(path, max_filesize).map_err(|error| located_in_file(path, error))
}

/// A source error about the file at `path`; a file that is not text gets the line and
/// column of its first bad byte (reading again only the bytes before it).
fn located_in_file(path: &Path, error: SourceError) -> FileError {
    let at = match &error {
        SourceError::Utf8 { offset, .. } | SourceError::Binary { offset, .. } => {
            let mut before = Vec::new();
            std::fs::File::open(path)
                .and_then(|f| {
                    std::io::Read::read_to_end(
                        &mut std::io::Read::take(f, *offset as u64),
                        &mut before,
                    )
                })
                .ok()
                .map(|_| line_col(&before, *offset))
        }
        _ => None,
    };
    FileError::Source { error, at }
}

/// A source error about `bytes`, with the line and column of the offending byte.
fn located(error: SourceError, bytes: &[u8]) -> FileError {
    let at = match &error {
        SourceError::Utf8 { offset, .. } | SourceError::Binary { offset, .. } => {
            Some(line_col(bytes, *offset))
        }
        _ => None,
    };
    FileError::Source { error, at }
}

/// 1-based line and column (in characters) of byte `offset`, counting only the bytes before
/// it, which are valid UTF-8 (the offset is where the text stops being readable).
fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// A result after each term whose `within`/`outside` heading none of `articles` has.
fn missing_headings(file: &RuleFile, articles: &[&Document], results: &mut Vec<ExampleResult>) {
    for t in &file.terms {
        let (Scope::Within(h) | Scope::Outside(h)) = &t.scope else {
            continue;
        };
        if articles
            .iter()
            .any(|d| d.sections.iter().any(|s| h.matches(&s.title)))
        {
            continue;
        }
        let at = results
            .iter()
            .rposition(|r| r.rule == t.id && r.kind == RuleKind::Term)
            .map_or(results.len(), |i| i + 1);
        results.insert(
            at,
            ExampleResult {
                rule: t.id.clone(),
                kind: RuleKind::Term,
                line: t.line,
                should_flag: false,
                text: h.text.clone(),
                outcome: ExampleOutcome::HeadingNotFound,
                messages: articles
                    .iter()
                    .map(|d| {
                        d.path
                            .strip_prefix(".")
                            .unwrap_or(&d.path)
                            .display()
                            .to_string()
                    })
                    .collect(),
                matches: 0,
            },
        );
    }
}

fn with_fixes(mut report: FileReport, fixes: Vec<fix::Fixed>) -> FileReport {
    report.fixes = fixes;
    report
}

/// The rule paths to load: the settings', else the config's, else `claims/` under the root
/// (when it exists, or always when `require_claims`). `/dev/null` stands for "no rules".
fn claims_paths(settings: &Settings, config: Option<&Config>) -> Vec<PathBuf> {
    let cwd = &settings.cwd;
    let chosen: Vec<PathBuf> = if !settings.claims.is_empty() {
        settings.claims.clone()
    } else if let Some(c) = config.filter(|c| !c.claims.is_empty()) {
        c.claims.iter().map(|p| relative(p, cwd)).collect()
    } else {
        let default = config.map_or_else(
            || PathBuf::from("claims"),
            |c| relative(&c.root.join("claims"), cwd),
        );
        if settings.require_claims || default.exists() {
            vec![default]
        } else {
            Vec::new()
        }
    };
    chosen
        .into_iter()
        .filter(|p| p != Path::new("/dev/null"))
        .collect()
}

/// `path` relative to `cwd` where both are absolute (`../source` from a subfolder), so
/// that reports print the short paths people type; otherwise `path` unchanged.
fn relative(path: &Path, cwd: &Path) -> PathBuf {
    if !path.is_absolute() || !cwd.is_absolute() {
        return path.to_path_buf();
    }
    let p: Vec<Component> = path.components().collect();
    let c: Vec<Component> = cwd.components().collect();
    let common = p.iter().zip(&c).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..c.len() {
        rel.push("..");
    }
    for part in &p[common..] {
        rel.push(part);
    }
    if rel.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        rel
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_is_shared_across_threads() {
        fn sync<T: Sync + Send>() {}
        sync::<Session>();
    }

    #[test]
    fn relative_paths_walk_up_and_down() {
        let cwd = Path::new("/repo/sub");
        assert_eq!(
            relative(Path::new("/repo/source"), cwd),
            PathBuf::from("../source")
        );
        assert_eq!(
            relative(Path::new("/repo/sub/a.md"), cwd),
            PathBuf::from("a.md")
        );
        assert_eq!(relative(Path::new("/repo/sub"), cwd), PathBuf::from("."));
        assert_eq!(relative(Path::new("x/y"), cwd), PathBuf::from("x/y"));
    }

    #[test]
    fn a_file_that_is_not_text_is_located() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.md");
        std::fs::write(&path, b"ok\n\xe8\xae\xad \xff\n").expect("write");
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let e = session.check_path(&path).expect_err("not UTF-8");
        assert_eq!(e.location(), Some((2, 3)));
        assert!(e.to_string().contains("not valid UTF-8 at byte 7"), "{e}");
    }

    #[test]
    fn batches_give_what_checking_file_by_file_gives() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Enough files that two threads take them several at a time.
        const FILES: usize = 16 * 2 * 4 + 3;
        for i in 0..FILES {
            let text = format!("投资从 {} 亿美元下降到 1892 亿美元，降幅 30%。\n", 2000 + i);
            std::fs::write(dir.path().join(format!("a{i:03}.md")), text).expect("write");
        }
        std::fs::write(dir.path().join("a005b.md"), b"ok\n\xff\n").expect("write");
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let paths = vec![dir.path().to_path_buf()];
        let outline = |r: Result<FileReport, FileError>| match r {
            Ok(report) => format!("{} {:?}", report.doc.path.display(), report.findings),
            Err(e) => e.to_string(),
        };
        let expected: Vec<String> = session.check_paths(&paths, false).map(outline).collect();
        // One thread, and two threads whose tasks also read a batch before checking it.
        for threads in [1, 2] {
            let mut got = Vec::new();
            let run: Result<(), ()> =
                session.check_each(session.walk(&paths), false, threads, |r| {
                    got.push(outline(r));
                    Ok(())
                });
            assert!(run.is_ok());
            assert_eq!(got.len(), FILES + 1);
            assert!(got.iter().any(|g| g.contains("not valid UTF-8")));
            assert_eq!(got, expected, "{threads} threads");
        }
    }

    #[test]
    fn check_text_runs_the_builtins_on_a_buffer() {
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let report = session.check_text(
            Path::new("a.md"),
            "投资从 2340 亿美元下降到 1892 亿美元，降幅 30%。\n",
        );
        assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
        assert_eq!(report.findings[0].rule, "change_in_sentence");
        assert!(report.errors.is_empty());
    }

    #[test]
    fn fix_text_returns_the_fixed_text_and_what_remains() {
        let rules = RuleSet::from_text(
            Path::new("t.yaml"),
            "terms:\n  - id: t\n    use: 训练成本\n    instead_of: [推理成本]\n",
        )
        .expect("compiles");
        let set = RuleSet {
            files: vec![rules],
            root: PathBuf::from("."),
        };
        let session = Session::new(set, CheckOptions::default());
        let report = session.fix_text(Path::new("a.md"), "模型的推理成本很高。\n");
        let numbers = session.extract_text(Path::new("a.md"), "约 20% 的人\n");
        assert_eq!(numbers.mention_at(4).map(|m| m.span.start), Some(0));
        assert!(numbers.mention_at(12).is_none());
        assert_eq!(report.doc.text, "模型的训练成本很高。\n");
        assert_eq!(report.fixes.len(), 1);
        assert!(report.findings.is_empty());
    }

    #[test]
    fn the_tolerance_comes_from_the_settings() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("factlint.yaml"), "tolerance: 0.2\n").expect("write");
        let mut settings = Settings::new(dir.path());
        settings.load_rules = false;
        let session = Session::load(&settings).expect("loads");
        assert_eq!(session.extract_options().tolerance, 0.2);
        settings.tolerance = Some(0.01);
        let session = Session::load(&settings).expect("loads");
        assert_eq!(session.options().tolerance, 0.01);
    }
}
