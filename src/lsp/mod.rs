//! `factlint lsp`: a Language Server over stdio. JSON-RPC messages from an editor come in;
//! diagnostics, quick fixes and hovers over the editor's Markdown and plain-text buffers go
//! out. Everything is computed by a `Session`, as on the command line, so an editor shows
//! exactly the findings `factlint check` prints.
//!
//! One thread runs the loop (`lsp-server`'s reader and writer threads do the I/O):
//!
//! - `didOpen` checks the buffer at once and publishes its diagnostics.
//! - `didChange` only records the edit. The buffer is checked when the client has been quiet
//!   for [`DEBOUNCE`] (a burst of keystrokes costs one check), or earlier when a request
//!   about that buffer comes (a hover or a code action is always answered from the text as
//!   it stands, and its diagnostics are published then too), or on `didSave`.
//! - A change to `factlint.yaml` or a rule file (`workspace/didChangeWatchedFiles`, for which
//!   the server registers a watcher when the client allows it, or `didSave` of a YAML file)
//!   reloads the session and checks every open buffer again. Rule-file and configuration
//!   errors are published as diagnostics on those files; the previous rules stay in force
//!   until the files load again.
//!
//! Positions are counted in UTF-8 when the client offers it, else in UTF-16 (`convert`).

mod convert;
mod hover;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, MessageType, PublishDiagnosticsParams, Range,
    Registration, RegistrationParams, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::check::CheckOptions;
use crate::report::FileReport;
use crate::rules::RuleSet;
use crate::session::{LoadError, Session, Settings};
use crate::source::{LineIndex, Position, PositionEncoding};
use convert::Buffer;

/// How long the client must be quiet after an edit before the buffer is checked.
pub const DEBOUNCE: Duration = Duration::from_millis(200);

/// Why the server stopped other than by `shutdown` then `exit`.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    #[error("protocol error: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    #[error("cannot read the initialize request: {0}")]
    Initialize(#[from] serde_json::Error),
    #[error("the client closed the connection without `shutdown`")]
    Disconnected,
    #[error("`exit` came without `shutdown`")]
    ExitWithoutShutdown,
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

/// Serves one client over stdin and stdout until it shuts the server down.
pub fn serve_stdio(settings: Settings) -> Result<(), LspError> {
    let (connection, io) = Connection::stdio();
    let served = serve(&connection, settings);
    // The writer thread ends when the last sender is gone; the reader after `exit`.
    drop(connection);
    if served.is_ok() {
        io.join()?;
    }
    served
}

/// Runs the initialize handshake and then the message loop on `connection`.
pub fn serve(connection: &Connection, mut settings: Settings) -> Result<(), LspError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let encoding = convert::negotiate(
        params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref()),
    );
    if let Some(root) = workspace_root(&params) {
        // The session reads `factlint.yaml` and the rule files by paths relative to the
        // working directory, as on the command line; an editor may start the server
        // anywhere, so the workspace becomes the working directory of this process (a
        // server is its own process, nothing else depends on it).
        if std::env::set_current_dir(&root).is_ok() {
            settings.cwd = root;
        }
    }
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": ServerInfo {
            name: "factlint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection.initialize_finish(id, result)?;
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server {
        connection,
        settings,
        encoding,
        session: Session::new(RuleSet::default(), CheckOptions::default()),
        docs: BTreeMap::new(),
        due: None,
        load_errors: Vec::new(),
        next_id: 0,
    };
    server.reload();
    if watch {
        server.register_watcher();
    }
    server.run()
}

/// The first workspace folder, else the root URI, as a path.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    if let Some(folder) = params.workspace_folders.as_ref().and_then(|f| f.first()) {
        return convert::path_of(&folder.uri);
    }
    #[allow(deprecated)]
    params.root_uri.as_ref().and_then(convert::path_of)
}

fn capabilities(encoding: PositionEncoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(encoding)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// An open article.
struct Open {
    uri: Uri,
    /// What the session is told: the path relative to the workspace when inside it (so that
    /// rule files' `applies_to` globs match as on the command line), else as it is.
    path: PathBuf,
    buffer: Buffer,
    version: i32,
    /// The report of `buffer` as it stands; `None` after an edit not yet checked.
    report: Option<FileReport>,
}

struct Server<'a> {
    connection: &'a Connection,
    settings: Settings,
    encoding: PositionEncoding,
    session: Session,
    /// Open articles by URI.
    docs: BTreeMap<String, Open>,
    /// When the edited buffers are to be checked, if any are waiting.
    due: Option<Instant>,
    /// The files that carry load-error diagnostics now (cleared on the next good load).
    load_errors: Vec<Uri>,
    next_id: i32,
}

impl Server<'_> {
    fn run(&mut self) -> Result<(), LspError> {
        loop {
            let received = match self.due {
                Some(due) => match self.connection.receiver.recv_deadline(due) {
                    Ok(message) => Some(message),
                    Err(e) if e.is_timeout() => None,
                    Err(_) => return Err(LspError::Disconnected),
                },
                None => match self.connection.receiver.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return Err(LspError::Disconnected),
                },
            };
            match received {
                None => self.check_edited(),
                Some(Message::Request(req)) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req);
                }
                Some(Message::Notification(n)) => {
                    if n.method == lsp_types::notification::Exit::METHOD {
                        return Err(LspError::ExitWithoutShutdown);
                    }
                    self.notification(n);
                }
                // The answer to our watcher registration: nothing to do either way.
                Some(Message::Response(_)) => {}
            }
        }
    }

    fn send(&self, message: impl Into<Message>) {
        // A closed channel means the client is gone; the loop notices on its next receive.
        let _ = self.connection.sender.send(message.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            lsp_types::request::HoverRequest::METHOD => {
                match serde_json::from_value::<HoverParams>(req.params) {
                    Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                    Err(e) => invalid(req.id, &e),
                }
            }
            lsp_types::request::CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                    Err(e) => invalid(req.id, &e),
                }
            }
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("unknown method `{}`", req.method),
            ),
        };
        self.send(response);
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification::{
            DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
            DidOpenTextDocument, DidSaveTextDocument,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    self.open(p);
                }
            }
            DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    self.change(p);
                }
            }
            DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if is_yaml(&p.text_document.uri) {
                        self.reload();
                    } else {
                        self.check(p.text_document.uri.as_str());
                    }
                }
            }
            DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params)
                    && let Some(open) = self.docs.remove(p.text_document.uri.as_str())
                {
                    self.publish(open.uri, Vec::new(), None);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params)
                    && p.changes.iter().any(|c| is_yaml(&c.uri))
                {
                    self.reload();
                }
            }
            // `initialized`, `$/cancelRequest` (every request is answered at once), settings.
            _ => {}
        }
    }

    fn open(&mut self, p: DidOpenTextDocumentParams) {
        let doc = p.text_document;
        let Some(path) = self.article_path(&doc.uri, &doc.language_id) else {
            return;
        };
        let key = doc.uri.as_str().to_string();
        self.docs.insert(
            key.clone(),
            Open {
                uri: doc.uri,
                path,
                buffer: Buffer::new(doc.text),
                version: doc.version,
                report: None,
            },
        );
        self.check(&key);
    }

    fn change(&mut self, p: DidChangeTextDocumentParams) {
        let encoding = self.encoding;
        let Some(open) = self.docs.get_mut(p.text_document.uri.as_str()) else {
            return;
        };
        for change in p.content_changes {
            open.buffer.apply(change.range, &change.text, encoding);
        }
        open.version = p.text_document.version;
        open.report = None;
        self.due = Some(Instant::now() + DEBOUNCE);
    }

    /// What to check the buffer of `uri` as, or `None` when it is not an article (a YAML
    /// rule file the client also sends us, say).
    fn article_path(&self, uri: &Uri, language: &str) -> Option<PathBuf> {
        let by_language = matches!(language, "markdown" | "plaintext" | "text");
        match convert::path_of(uri) {
            Some(path) => {
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                let by_ext = matches!(ext, "md" | "markdown" | "txt");
                (by_language || by_ext).then(|| {
                    path.strip_prefix(&self.settings.cwd)
                        .map_or_else(|_| path.clone(), Path::to_path_buf)
                })
            }
            // An unsaved buffer: its language says Markdown or plain text.
            None => match language {
                "markdown" => Some(PathBuf::from("untitled.md")),
                "plaintext" | "text" => Some(PathBuf::from("untitled.txt")),
                _ => None,
            },
        }
    }

    /// Checks every buffer edited since its last check.
    fn check_edited(&mut self) {
        self.due = None;
        let edited: Vec<String> = self
            .docs
            .iter()
            .filter(|(_, d)| d.report.is_none())
            .map(|(k, _)| k.clone())
            .collect();
        for key in edited {
            self.check(&key);
        }
    }

    /// Checks the buffer of `key` if it changed since its last check, and publishes.
    fn check(&mut self, key: &str) {
        let Some(open) = self.docs.get_mut(key) else {
            return;
        };
        if open.report.is_some() {
            return;
        }
        let text = &open.buffer.text[open.buffer.shift..];
        let report = self.session.check_text(&open.path, text);
        let diagnostics = report
            .findings
            .iter()
            .map(|f| convert::diagnostic(&open.buffer, f, self.encoding))
            .collect();
        open.report = Some(report);
        let (uri, version) = (open.uri.clone(), open.version);
        self.publish(uri, diagnostics, Some(version));
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        self.notify::<lsp_types::notification::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    fn hover(&mut self, p: &HoverParams) -> Option<Hover> {
        let at = &p.text_document_position_params;
        let encoding = self.encoding;
        let key = at.text_document.uri.as_str();
        self.check(key);
        let open = self.docs.get(key)?;
        let report = open.report.as_ref()?;
        let offset = open.buffer.offset(at.position, encoding)?;
        let (mention, text) = hover::hover(report, offset)?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: text,
            }),
            range: Some(open.buffer.range(mention.span, encoding)),
        })
    }

    /// The quick fixes of the findings in the requested range, and one action that applies
    /// every fix the command line's `--fix` would (`source.fixAll.factlint`).
    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let encoding = self.encoding;
        let only = p.context.only.clone();
        let wanted = |kind: &CodeActionKind| {
            only.as_ref().is_none_or(|only| {
                only.iter().any(|k| {
                    kind.as_str() == k.as_str()
                        || kind.as_str().starts_with(&format!("{}.", k.as_str()))
                })
            })
        };
        let key = p.text_document.uri.as_str();
        self.check(key);
        let Some((open, Some(report))) = self.docs.get(key).map(|o| (o, o.report.as_ref())) else {
            return Vec::new();
        };
        let mut actions = Vec::new();
        if wanted(&CodeActionKind::QUICKFIX) {
            for f in &report.findings {
                if !convert::touches(open.buffer.range(f.span, encoding), p.range) {
                    continue;
                }
                if let Some(action) = convert::code_action(&open.uri, &open.buffer, f, encoding) {
                    actions.push(CodeActionOrCommand::CodeAction(action));
                }
            }
        }
        let fix_all = fix_all_kind();
        if wanted(&fix_all) {
            let text = &open.buffer.text[open.buffer.shift..];
            let fixed = self.session.fix_text(&open.path, text);
            if !fixed.fixes.is_empty() && fixed.doc.text != text {
                let whole = Range::new(
                    open.buffer.position(0, encoding),
                    open.buffer.position(text.len(), encoding),
                );
                let edit = TextEdit::new(whole, fixed.doc.text);
                actions.push(CodeActionOrCommand::CodeAction(lsp_types::CodeAction {
                    title: format!("Apply every safe factlint fix ({})", fixed.fixes.len()),
                    kind: Some(fix_all),
                    edit: Some(WorkspaceEdit {
                        changes: Some([(open.uri.clone(), vec![edit])].into()),
                        ..WorkspaceEdit::default()
                    }),
                    ..lsp_types::CodeAction::default()
                }));
            }
        }
        actions
    }

    /// Loads the configuration and rules again; on success every open buffer is checked
    /// with them, on failure the errors are shown and the rules in force stay.
    fn reload(&mut self) {
        let stale = std::mem::take(&mut self.load_errors);
        match Session::load(&self.settings) {
            Ok(session) => {
                self.session = session;
                for uri in stale {
                    self.publish(uri, Vec::new(), None);
                }
            }
            Err(e) => {
                self.notify::<lsp_types::notification::ShowMessage>(ShowMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("factlint: {e}; the previous rules stay in force"),
                });
                let by_file = load_error_diagnostics(&e, &self.settings.cwd, self.encoding);
                let fresh: Vec<Uri> = by_file.iter().map(|(u, _)| u.clone()).collect();
                for uri in stale {
                    if !fresh.contains(&uri) {
                        self.publish(uri, Vec::new(), None);
                    }
                }
                for (uri, diagnostics) in by_file {
                    self.publish(uri, diagnostics, None);
                }
                self.load_errors = fresh;
            }
        }
        for open in self.docs.values_mut() {
            open.report = None;
        }
        self.check_edited();
    }

    /// Asks the client to tell us when `factlint.yaml` or a rule file changes.
    fn register_watcher(&mut self) {
        let watchers = ["**/factlint.yaml", "**/*.yaml", "**/*.yml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "factlint-watch-rules".into(),
                method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_id += 1;
        let id = RequestId::from(format!("factlint-{}", self.next_id));
        self.send(Request::new(
            id,
            lsp_types::request::RegisterCapability::METHOD.into(),
            params,
        ));
    }
}

/// The action that applies every safe fix of a buffer (an editor's fix-on-save).
fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.factlint")
}

fn invalid(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}

fn is_yaml(uri: &Uri) -> bool {
    let s = uri.as_str();
    s.ends_with(".yaml") || s.ends_with(".yml")
}

/// The errors of a failed load as diagnostics on the files they are in (1-based lines and
/// character columns turned into positions in `encoding`).
fn load_error_diagnostics(
    e: &LoadError,
    cwd: &Path,
    encoding: PositionEncoding,
) -> Vec<(Uri, Vec<Diagnostic>)> {
    let located: Vec<(&Path, usize, usize, &str)> = match e {
        LoadError::Config(crate::config::ConfigError::Invalid {
            path,
            line,
            column,
            message,
        }) => vec![(path.as_path(), *line, *column, message.as_str())],
        // Not located in a file: the message shown says it all.
        LoadError::Config(crate::config::ConfigError::Read { .. }) | LoadError::Exclude(_) => {
            Vec::new()
        }
        LoadError::Rules(errors) => errors
            .iter()
            .map(|r| (r.path.as_path(), r.line, r.column, r.message.as_str()))
            .collect(),
    };
    let mut by_file: Vec<(Uri, Vec<Diagnostic>)> = Vec::new();
    for (path, line, column, message) in located {
        let absolute = cwd.join(path);
        let Some(uri) = convert::uri_of(&absolute) else {
            continue;
        };
        let text = std::fs::read_to_string(&absolute).unwrap_or_default();
        let index = LineIndex::new(&text);
        let at = Position {
            line: line.saturating_sub(1),
            column: column.saturating_sub(1),
        };
        let position = index
            .offset(&text, at, PositionEncoding::Utf32)
            .map(|o| index.position(&text, o, encoding))
            .unwrap_or(at);
        let p = lsp_types::Position::new(
            u32::try_from(position.line).unwrap_or(u32::MAX),
            u32::try_from(position.column).unwrap_or(u32::MAX),
        );
        let diagnostic = Diagnostic {
            range: Range::new(p, p),
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some(convert::SOURCE.into()),
            message: message.to_string(),
            ..Diagnostic::default()
        };
        match by_file.iter_mut().find(|(u, _)| *u == uri) {
            Some((_, list)) => list.push(diagnostic),
            None => by_file.push((uri, vec![diagnostic])),
        }
    }
    by_file
}
