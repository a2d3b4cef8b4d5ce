//! `newslint lsp`: the server driven through an in-memory connection as an
//! editor would drive it, and once as a subprocess speaking JSON-RPC.

use std::io::BufReader;
use std::process::Stdio;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{Value, json};

use newslint::run::{PackOptions, load_pack};

use crate::common::fixture;

/// Long enough for any check; only a hung server ever waits this long.
const PATIENCE: Duration = Duration::from_secs(30);

/// An editor's end of a connection to a server running on its own thread.
struct Editor {
    conn: Connection,
    next_id: i32,
    server: Option<std::thread::JoinHandle<Result<(), newslint::lsp::LspError>>>,
    /// What the server said on initialize.
    init: Value,
}

impl Editor {
    /// Starts a server with the default pack (and `extra` rule files) and
    /// initializes it, offering `encodings` (none: the UTF-16 default).
    fn start(encodings: &[&str], extra: &[&str]) -> Self {
        let pack = load_pack(&PackOptions {
            rule_paths: extra.iter().map(|p| fixture(p)).collect(),
            ..PackOptions::default()
        })
        .expect("pack loads");
        let (server_end, conn) = Connection::memory();
        let server = std::thread::spawn(move || newslint::lsp::run(&server_end, &pack));
        let mut editor = Editor {
            conn,
            next_id: 1,
            server: Some(server),
            init: Value::Null,
        };
        let mut caps = json!({});
        if !encodings.is_empty() {
            caps = json!({ "general": { "positionEncodings": encodings } });
        }
        editor.init = editor.request("initialize", json!({ "capabilities": caps }));
        editor.notify("initialized", json!({}));
        editor
    }

    fn notify(&self, method: &str, params: Value) {
        let n = Notification::new(method.into(), params);
        self.conn.sender.send(n.into()).unwrap();
    }

    /// Sends a request and returns its result, skipping notifications.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = RequestId::from(self.next_id);
        self.next_id += 1;
        let r = Request::new(id.clone(), method.into(), params);
        self.conn.sender.send(r.into()).unwrap();
        loop {
            match self.recv() {
                Message::Response(Response {
                    id: rid,
                    response_result,
                }) if rid == id => {
                    return response_result
                        .unwrap_or_else(|e| panic!("{method}: {} {}", e.code, e.message));
                }
                _ => {}
            }
        }
    }

    fn recv(&self) -> Message {
        self.conn
            .receiver
            .recv_timeout(PATIENCE)
            .expect("the server answers")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> (Option<i64>, Vec<Value>) {
        loop {
            if let Message::Notification(n) = self.recv()
                && n.method == "textDocument/publishDiagnostics"
                && n.params["uri"] == uri
            {
                let version = n.params["version"].as_i64();
                return (version, n.params["diagnostics"].as_array().unwrap().clone());
            }
        }
    }

    fn open(&self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": language, "version": 1, "text": text } }),
        );
    }

    /// Shuts the server down as an editor does, and checks it ended cleanly.
    fn finish(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let server = self.server.take().unwrap();
        assert!(server.join().unwrap().is_ok());
    }
}

/// The UTF-16 position of byte `offset` of `text`, counted independently.
fn utf16_position(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, before[start..].encode_utf16().count() as u64)
}

fn start_of(d: &Value) -> (u64, u64) {
    let s = &d["range"]["start"];
    (
        s["line"].as_u64().unwrap(),
        s["character"].as_u64().unwrap(),
    )
}

fn by_code<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {diags:#?}"))
}

/// Curly quotes (3 bytes, 1 UTF-16 unit), em dashes and an emoji (2 units)
/// before the findings: byte columns would put them far to the right.
const TRICKY: &str = "“It is done,” she said — twice 😀.\n\
“Fine,” Okafor claimed — and the mayor slapped a fine on the firm.\n";

#[test]
fn diagnostics_use_utf16_by_default_and_are_not_shifted_by_curly_quotes() {
    let editor = Editor::start(&[], &[]);
    assert_eq!(editor.init["capabilities"]["positionEncoding"], "utf-16");
    let uri = "file:///desk/story.txt";
    editor.open(uri, "plaintext", TRICKY);
    let (version, diags) = editor.diagnostics(uri);
    assert_eq!(version, Some(1));
    for (code, word) in [("said-claimed", "claimed"), ("loaded-verb", "slapped")] {
        let d = by_code(&diags, code);
        let at = TRICKY.find(word).unwrap();
        assert_eq!(start_of(d), utf16_position(TRICKY, at), "{code}");
        let end = &d["range"]["end"];
        assert_eq!(
            end["character"].as_u64().unwrap() - start_of(d).1,
            word.len() as u64
        );
    }
    let d = by_code(&diags, "said-claimed");
    assert_eq!(d["source"], "attribution");
    assert_eq!(d["severity"], 2);
    let related = d["relatedInformation"].as_array().unwrap();
    assert!(
        related
            .iter()
            .any(|r| r["message"].as_str().unwrap().starts_with("why: "))
    );
    editor.finish();
}

#[test]
fn utf8_is_used_when_the_editor_offers_it() {
    let editor = Editor::start(&["utf-16", "utf-8"], &[]);
    assert_eq!(editor.init["capabilities"]["positionEncoding"], "utf-8");
    let uri = "file:///desk/story.txt";
    editor.open(uri, "plaintext", TRICKY);
    let (_, diags) = editor.diagnostics(uri);
    let d = by_code(&diags, "said-claimed");
    let at = TRICKY.find("claimed").unwrap();
    let line_start = TRICKY[..at].rfind('\n').unwrap() + 1;
    assert_eq!(start_of(d), (1, (at - line_start) as u64));
    editor.finish();
}

#[test]
fn changes_are_rechecked_and_closing_clears() {
    let editor = Editor::start(&[], &[]);
    let uri = "file:///desk/notes.md";
    editor.open(uri, "markdown", "The council met on Tuesday.\n");
    assert_eq!(editor.diagnostics(uri), (Some(1), vec![]));
    for (version, text) in [(2, "The council met."), (3, "Clearly, the council met.\n")] {
        editor.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }
    // Typing in quick succession is usually checked once; however often,
    // the last diagnostics are the last version's.
    let (mut version, mut diags) = editor.diagnostics(uri);
    while version != Some(3) {
        assert_eq!(version, Some(2));
        (version, diags) = editor.diagnostics(uri);
    }
    assert_eq!(
        by_code(&diags, "opinion-adverb")["source"],
        "editorializing"
    );
    editor.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(editor.diagnostics(uri).1, Vec::<Value>::new());
    editor.finish();
}

#[test]
fn html_is_linted_and_other_languages_are_left_alone() {
    let editor = Editor::start(&[], &[]);
    editor.open(
        "file:///desk/main.rs",
        "rust",
        "// Clearly, this is code.\n",
    );
    let uri = "file:///desk/page.html";
    let html = "<p><em>Sadly</em>, the mayor “slapped” nothing.</p>\n<p>Clearly, it rained.</p>";
    editor.open(uri, "html", html);
    // The first diagnostics to come are the HTML page's: none for Rust.
    let (_, diags) = editor.diagnostics(uri);
    let d = by_code(&diags, "opinion-adverb");
    let at = html.find("Sadly").unwrap();
    assert_eq!(start_of(d), utf16_position(html, at));
    editor.finish();
}

#[test]
fn hover_explains_the_finding_under_the_cursor() {
    let mut editor = Editor::start(&[], &[]);
    let uri = "file:///desk/story.txt";
    editor.open(uri, "plaintext", TRICKY);
    let (_, diags) = editor.diagnostics(uri);
    let start = &by_code(&diags, "said-claimed")["range"]["start"];
    let hover = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri },
                "position": { "line": start["line"], "character": start["character"].as_u64().unwrap() + 2 } }),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**said-claimed**"), "{md}");
    assert!(md.contains("References:"), "{md}");
    assert_eq!(hover["range"]["start"], *start);
    // Nothing under the cursor: no hover.
    let none = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 0, "character": 3 } }),
    );
    assert_eq!(none, Value::Null);
    editor.finish();
}

#[test]
fn code_actions_apply_suggestions_and_insert_a_suppression() {
    let mut editor = Editor::start(&[], &["rules/custom.toml"]);
    let uri = "file:///desk/story.md";
    let text = "Intro line.\n\n  Crews “finally” utilized a crane — twice.\n";
    editor.open(uri, "markdown", text);
    let (_, diags) = editor.diagnostics(uri);
    let d = by_code(&diags, "house-style-utilize");
    let actions = editor.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": d["range"],
                "context": { "diagnostics": [d] } }),
    );
    let actions = actions.as_array().unwrap();
    let fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("“used”"))
        .unwrap_or_else(|| panic!("{actions:#?}"));
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["kind"], "quickfix");
    let edit = &fix["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "used");
    assert_eq!(edit["range"], d["range"]);
    let suppress = actions
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .starts_with("Suppress house-style-utilize")
        })
        .unwrap();
    let edit = &suppress["edit"]["changes"][uri][0];
    assert_eq!(
        edit["newText"],
        "  <!-- newslint-disable-next-line house-style-utilize -- reason -->\n"
    );
    assert_eq!(edit["range"]["start"], json!({ "line": 2, "character": 0 }));
    assert_eq!(edit["range"]["end"], edit["range"]["start"]);
    editor.finish();
}

#[test]
fn the_binary_speaks_json_rpc_on_stdio() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newslint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let send = |stdin: &mut std::process::ChildStdin, m: Message| m.write(stdin).unwrap();
    let mut read = || Message::read(&mut stdout).unwrap().expect("a message");
    send(
        &mut stdin,
        Request::new(1.into(), "initialize".into(), json!({ "capabilities": {} })).into(),
    );
    let Message::Response(init) = read() else {
        panic!("expected the initialize response")
    };
    assert_eq!(
        init.response_result.unwrap()["serverInfo"]["name"],
        "newslint"
    );
    send(
        &mut stdin,
        Notification::new("initialized".into(), json!({})).into(),
    );
    send(
        &mut stdin,
        Notification::new(
            "textDocument/didOpen".into(),
            json!({ "textDocument": { "uri": "file:///a.txt", "languageId": "plaintext",
                    "version": 7, "text": "Officials worried about it." } }),
        )
        .into(),
    );
    let Message::Notification(n) = read() else {
        panic!("expected diagnostics")
    };
    assert_eq!(n.method, "textDocument/publishDiagnostics");
    assert_eq!(n.params["version"], 7);
    assert_eq!(n.params["diagnostics"][0]["code"], "vague-state-of-mind");
    send(
        &mut stdin,
        Request::new(2.into(), "shutdown".into(), Value::Null).into(),
    );
    assert!(matches!(read(), Message::Response(_)));
    send(
        &mut stdin,
        Notification::new("exit".into(), Value::Null).into(),
    );
    drop(stdin);
    assert!(child.wait().unwrap().success());
}

#[test]
fn the_inserted_suppression_silences_the_finding_in_markdown_and_text() {
    let mut editor = Editor::start(&[], &["rules/custom.toml"]);
    for (uri, language, directive) in [
        (
            "file:///desk/s.md",
            "markdown",
            "<!-- newslint-disable-next-line house-style-utilize -- reason -->",
        ),
        (
            "file:///desk/s.txt",
            "plaintext",
            "[newslint-disable-next-line house-style-utilize -- reason]",
        ),
    ] {
        let text = "Intro line.\n\nCrews utilized a crane.\n";
        editor.open(uri, language, text);
        let (_, diags) = editor.diagnostics(uri);
        let d = by_code(&diags, "house-style-utilize");
        let actions = editor.request(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": uri }, "range": d["range"],
                    "context": { "diagnostics": [d] } }),
        );
        let suppress = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"].as_str().unwrap().starts_with("Suppress"))
            .unwrap();
        let inserted = suppress["edit"]["changes"][uri][0]["newText"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(inserted, format!("{directive}\n"));
        // The editor applies it; the finding is gone on the next check.
        let edited = format!("Intro line.\n\n{inserted}Crews utilized a crane.\n");
        editor.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": 2 },
                    "contentChanges": [{ "text": edited }] }),
        );
        let (version, diags) = editor.diagnostics(uri);
        assert_eq!(version, Some(2));
        assert!(
            diags.iter().all(|d| d["code"] != "house-style-utilize"),
            "{diags:#?}"
        );
    }
    editor.finish();
}
