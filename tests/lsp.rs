//! `factlint lsp` spoken to as an editor would: the server process is spawned and JSON-RPC
//! goes over its stdin and stdout. Every wait is bounded, and the process is killed when a
//! test ends, so a broken server fails the test instead of hanging it.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const WAIT: Duration = Duration::from_secs(20);
const ARTICLE: &str = "source/ai-index-2024.md";

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().expect("UTF-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Server {
    fn start(dir: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_factlint"))
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn factlint lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let value: Value = serde_json::from_slice(&body).expect("JSON body");
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
            next_id: 0,
        }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns its result, answering what the server asks meanwhile.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let response = self.until(|m| m["id"] == json!(id) && m.get("method").is_none());
        assert!(response.get("error").is_none(), "{response}");
        response["result"].clone()
    }

    /// The next message that satisfies `wanted`, within `WAIT`.
    fn until(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(m) if wanted(&m) => return m,
                Ok(m) => {
                    // A request from the server (the watcher registration) gets an answer.
                    if m.get("method").is_some() && m.get("id").is_some() {
                        self.send(json!({"jsonrpc": "2.0", "id": m["id"], "result": null}));
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("no answer within {WAIT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            }
        }
    }

    /// The diagnostics published for `uri` at `version`.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let m = self.until(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["version"] == version
        });
        m["params"]["diagnostics"]
            .as_array()
            .expect("an array")
            .clone()
    }

    fn initialize(&mut self, dir: &Path, encodings: &[&str]) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(dir),
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                },
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    /// `shutdown` then `exit`; the process must end with status 0.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The LSP position (UTF-16 columns) of byte `offset` in `text`.
fn position(text: &str, offset: usize) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let character: usize = before[start..].chars().map(char::len_utf16).sum();
    json!({"line": line, "character": character})
}

fn range(text: &str, start: usize, end: usize) -> Value {
    json!({"start": position(text, start), "end": position(text, end)})
}

/// Applies LSP text edits (non-overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = p["line"].as_u64().expect("line") as usize;
        let character = p["character"].as_u64().expect("character") as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= character {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().expect("newText"),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

/// What `factlint check --format json` finds in the article: rule ids and LSP ranges.
fn check_findings(text: &str) -> Vec<(String, Value)> {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "--format", "json", ARTICLE])
        .current_dir(root())
        .output()
        .expect("run check");
    let report: Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    let mut found: Vec<(String, Value)> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let start = f["offset"].as_u64().expect("offset") as usize;
            let end = f["end_offset"].as_u64().expect("end_offset") as usize;
            (
                f["rule"].as_str().expect("rule").to_string(),
                range(text, start, end),
            )
        })
        .collect();
    found.sort_by_key(|(rule, r)| (r.to_string(), rule.clone()));
    found
}

fn rules_and_ranges(diagnostics: &[Value]) -> Vec<(String, Value)> {
    let mut found: Vec<(String, Value)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().expect("code").to_string(),
                d["range"].clone(),
            )
        })
        .collect();
    found.sort_by_key(|(rule, r)| (r.to_string(), rule.clone()));
    found
}

#[test]
fn the_server_finds_what_check_finds_and_fixes_it() {
    let dir = root();
    let path = dir.join(ARTICLE);
    let article = uri(&path);
    let text = std::fs::read_to_string(&path).expect("the bundled article");
    let expected = check_findings(&text);
    assert!(expected.len() > 3, "{expected:?}");

    let mut server = Server::start(&dir);
    let init = server.initialize(&dir, &["utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "factlint");

    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {
            "uri": article, "languageId": "markdown", "version": 1, "text": text,
        }}),
    );
    let diagnostics = server.diagnostics(&article, 1);
    assert_eq!(rules_and_ranges(&diagnostics), expected);
    let headline = diagnostics
        .iter()
        .find(|d| d["code"] == "headline_cost_ratio")
        .expect("the headline's ratio is wrong");
    assert_eq!(headline["severity"], 1);
    assert_eq!(headline["source"], "factlint");
    let message = headline["message"].as_str().expect("message");
    assert!(message.contains("formula: ratio ~"), "{message}");
    assert!(message.contains("claimed: [2.45, 2.55]"), "{message}");
    assert!(
        headline["codeDescription"]["href"]
            .as_str()
            .is_some_and(|h| h.starts_with("https://")),
        "{headline}"
    );

    // Hover on 2.5倍: its reading and its status.
    let figure = text.find("2.5倍").expect("the headline figure");
    let hover = server.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": article}, "position": position(&text, figure + 1)}),
    );
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(shown.contains("**`2.5倍`**: multiple"), "{shown}");
    assert!(shown.contains("- value: 2.5"), "{shown}");
    assert!(shown.contains("- interval: [2.45, 2.55]"), "{shown}");
    assert!(
        shown.contains("- status: failed (`headline_cost_ratio`)"),
        "{shown}"
    );
    assert_eq!(hover["range"], range(&text, figure, figure + "2.5倍".len()));

    // The quick fix of the headline, preferred because it is safe.
    let actions = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": article},
            "range": headline["range"],
            "context": {"diagnostics": [headline]},
        }),
    );
    let fix = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["kind"] == "quickfix" && a["diagnostics"][0]["code"] == "headline_cost_ratio")
        .expect("a quick fix for the headline");
    assert_eq!(fix["isPreferred"], true);
    let edits = fix["edit"]["changes"][&article]
        .as_array()
        .expect("edits")
        .clone();
    let fixed = apply(&text, &edits);
    assert_eq!(
        fixed.lines().next(),
        Some("揭底大模型训练成本:Gemini Ultra是GPT-4的2.4倍")
    );
    assert_eq!(fixed.len(), text.len());

    // Fix-all (as on save) applies every safe fix at once, as `check --fix` does; it is
    // offered only when asked for.
    let all = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": article},
            "range": range(&text, 0, 0),
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    let all = all.as_array().expect("actions");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0]["kind"], "source.fixAll.factlint");
    let everything = apply(
        &text,
        all[0]["edit"]["changes"][&article]
            .as_array()
            .expect("edits"),
    );
    assert!(everything.starts_with("揭底大模型训练成本:Gemini Ultra是GPT-4的2.4倍\n"));
    assert!(
        everything.contains("流畅的数十种语言的文本"),
        "{everything}"
    );
    assert!(!fix["title"].as_str().expect("title").is_empty());
    let quick_only = server.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": article},
            "range": range(&text, 0, 0),
            "context": {"diagnostics": [], "only": ["quickfix"]},
        }),
    );
    assert_eq!(
        quick_only,
        json!([]),
        "nothing to fix at the start of the text"
    );

    // The edit sent back as the editor would: the headline's diagnostic goes, the rest stay.
    server.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": article, "version": 2},
            "contentChanges": edits.iter().map(|e| json!({
                "range": e["range"], "text": e["newText"],
            })).collect::<Vec<_>>(),
        }),
    );
    let after = server.diagnostics(&article, 2);
    let mut rest = expected.clone();
    rest.retain(|(rule, _)| rule != "headline_cost_ratio");
    assert_eq!(rules_and_ranges(&after), rest);

    server.shut_down();
}

#[test]
fn utf8_positions_are_used_when_the_client_offers_them() {
    let dir = root();
    let mut server = Server::start(&dir);
    let init = server.initialize(&dir, &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let text = "投资从 2340 亿美元下降到 1892 亿美元，降幅 30%。\n";
    let doc = "untitled:Untitled-1";
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {
            "uri": doc, "languageId": "markdown", "version": 7, "text": text,
        }}),
    );
    let diagnostics = server.diagnostics(doc, 7);
    let percent = diagnostics
        .iter()
        .find(|d| d["code"] == "change_in_sentence")
        .expect("the change does not match its percentage");
    let start = percent["range"]["start"]["character"]
        .as_u64()
        .expect("column") as usize;
    assert!(text[start..].starts_with("30%"), "{percent}");

    // A burst of edits (whole-text changes this time) ends with the last version checked.
    for (version, rate) in [(8, "1"), (9, "19"), (10, "19%")] {
        let at = text.find("30%").expect("30%");
        server.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": doc, "version": version},
                "contentChanges": [{"text": format!("{}{rate}。\n", &text[..at])}],
            }),
        );
    }
    // What is left is the info that no rule file names an untitled buffer.
    let left: Vec<Value> = server
        .diagnostics(doc, 10)
        .into_iter()
        .filter(|d| d["code"] != "unreached")
        .collect();
    assert_eq!(left, Vec::<Value>::new());
    server.shut_down();
}

#[test]
fn a_changed_rule_file_is_reloaded_and_its_errors_are_shown() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path().canonicalize().expect("canonical");
    let rules = dir.join("claims/terms.yaml");
    std::fs::create_dir_all(dir.join("claims")).expect("mkdir");
    let term =
        |id: &str| format!("terms:\n  - id: {id}\n    use: 训练成本\n    instead_of: [推理成本]\n");
    std::fs::write(&rules, term("cost_word")).expect("write rules");
    // Started elsewhere, as some editors do: the workspace root is where rules are found.
    let mut server = Server::start(Path::new("/"));
    server.initialize(&dir, &[]);
    let article = uri(&dir.join("a.md"));
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {
            "uri": article, "languageId": "markdown", "version": 1,
            "text": "模型的推理成本很高。\n",
        }}),
    );
    let codes = |d: Vec<Value>| d.iter().map(|d| d["code"].clone()).collect::<Vec<_>>();
    assert_eq!(
        codes(server.diagnostics(&article, 1)),
        vec![json!("cost_word")]
    );

    // The watcher reports the edit: the buffer is checked again with the new rule.
    std::fs::write(&rules, term("training_not_inference")).expect("write rules");
    let changed = json!({"changes": [{"uri": uri(&rules), "type": 2}]});
    server.notify("workspace/didChangeWatchedFiles", changed.clone());
    assert_eq!(
        codes(server.diagnostics(&article, 1)),
        vec![json!("training_not_inference")]
    );

    // A broken rule file: its error is shown on it, and the rules in force stay.
    std::fs::write(&rules, "terms:\n  - id: x\n    uze: 训练成本\n").expect("write rules");
    server.notify("workspace/didChangeWatchedFiles", changed.clone());
    let rules_uri = uri(&rules);
    let m = server.until(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == rules_uri
    });
    let error = &m["params"]["diagnostics"][0];
    assert_eq!(error["range"]["start"]["line"], 2, "{m}");
    assert!(
        error["message"].as_str().is_some_and(|s| s.contains("uze")),
        "{m}"
    );
    assert_eq!(
        codes(server.diagnostics(&article, 1)),
        vec![json!("training_not_inference")]
    );

    // Fixed again (saved in the editor this time): the file's error is cleared.
    std::fs::write(&rules, term("cost_word")).expect("write rules");
    server.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": rules_uri}}),
    );
    let m = server.until(|m| {
        m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == rules_uri
    });
    assert_eq!(m["params"]["diagnostics"], json!([]), "{m}");
    assert_eq!(
        codes(server.diagnostics(&article, 1)),
        vec![json!("cost_word")]
    );
    server.shut_down();
}
