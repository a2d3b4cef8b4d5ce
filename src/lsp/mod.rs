//! `newslint lsp`: a Language Server over standard input and output, on
//! rust-analyzer's `lsp-server` scaffold with `lsp-types`.
//!
//! Plain text, Markdown and HTML documents are linted on open and, after a
//! short pause in typing, on change (the editor sends the whole text).
//! Findings become diagnostics in the position encoding agreed at start
//! (UTF-8 when the editor offers it, else UTF-16); hover explains a
//! finding; code actions apply its suggestions or suppress it.

mod document;
mod features;
pub mod position;

use std::collections::HashMap;
use std::fmt;
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
    PublishDiagnostics,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    CodeActionParams, CodeActionProviderCapability, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, HoverParams, HoverProviderCapability,
    InitializeParams, PublishDiagnosticsParams, ServerCapabilities, ServerInfo,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};

use crate::rules::Pack;
use document::{OpenDoc, format_of};
pub use features::suppression_comment;
use position::Encoding;

/// How long typing must pause before a changed document is checked again:
/// a check takes milliseconds, but diagnostics that flicker at every key
/// are a distraction.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Why the server stopped without a clean `shutdown` and `exit`.
#[derive(Debug)]
pub enum LspError {
    /// The editor broke the protocol (or the connection).
    Protocol(lsp_server::ProtocolError),
    /// Standard input or output failed.
    Io(std::io::Error),
    /// A message could not be sent: the editor has gone.
    Disconnected,
}

impl fmt::Display for LspError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LspError::Protocol(e) => write!(f, "language server protocol: {e}"),
            LspError::Io(e) => write!(f, "language server input or output: {e}"),
            LspError::Disconnected => f.write_str("the editor closed the connection"),
        }
    }
}

impl std::error::Error for LspError {}

impl From<lsp_server::ProtocolError> for LspError {
    fn from(e: lsp_server::ProtocolError) -> Self {
        LspError::Protocol(e)
    }
}

/// Serves one editor over standard input and output until it exits.
pub fn run_stdio(pack: Pack) -> Result<(), LspError> {
    let (connection, io_threads) = Connection::stdio();
    run(&connection, &pack)?;
    drop(connection);
    io_threads.join().map_err(LspError::Io)
}

/// Serves one editor over `connection`: the handshake, then messages until
/// `shutdown` (or the connection closes).
pub fn run(connection: &Connection, pack: &Pack) -> Result<(), LspError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let capabilities = ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "newslint".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection.initialize_finish(id, result)?;
    Server {
        connection,
        pack,
        encoding,
        docs: HashMap::new(),
        due: HashMap::new(),
    }
    .main_loop()
}

/// The server's state between messages.
struct Server<'a> {
    connection: &'a Connection,
    pack: &'a Pack,
    encoding: Encoding,
    docs: HashMap<Uri, OpenDoc>,
    /// Changed documents and when to check them.
    due: HashMap<Uri, Instant>,
}

impl Server<'_> {
    fn main_loop(mut self) -> Result<(), LspError> {
        loop {
            let next_due = self.due.values().min().copied();
            let msg = match next_due {
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
                Some(when) => {
                    let wait = when.saturating_duration_since(Instant::now());
                    match self.connection.receiver.recv_timeout(wait) {
                        Ok(m) => m,
                        Err(e) if e.is_timeout() => {
                            self.check_due()?;
                            continue;
                        }
                        Err(_) => return Ok(()),
                    }
                }
            };
            match msg {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req)?;
                }
                Message::Notification(n) => self.notification(n)?,
                Message::Response(_) => {}
            }
        }
    }

    /// Checks and publishes every document whose pause is over.
    fn check_due(&mut self) -> Result<(), LspError> {
        let now = Instant::now();
        let ready: Vec<Uri> = self
            .due
            .iter()
            .filter(|(_, when)| **when <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in ready {
            self.due.remove(&uri);
            self.check_and_publish(&uri)?;
        }
        Ok(())
    }

    fn check_and_publish(&mut self, uri: &Uri) -> Result<(), LspError> {
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        doc.check(self.pack, uri.as_str(), self.encoding);
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics: doc.diagnostics(self.pack, uri),
            version: Some(doc.version),
        };
        self.send(Notification::new(PublishDiagnostics::METHOD.into(), params).into())
    }

    fn send(&self, msg: Message) -> Result<(), LspError> {
        self.connection
            .sender
            .send(msg)
            .map_err(|_| LspError::Disconnected)
    }

    fn notification(&mut self, n: Notification) -> Result<(), LspError> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidOpenTextDocumentParams>(DidOpenTextDocument::METHOD)
                else {
                    return Ok(());
                };
                let item = p.text_document;
                let Some(format) = format_of(&item.language_id, &item.uri) else {
                    return Ok(());
                };
                let doc = OpenDoc::new(item.text, format, item.version, self.encoding);
                self.docs.insert(item.uri.clone(), doc);
                self.check_and_publish(&item.uri)?;
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidChangeTextDocumentParams>(DidChangeTextDocument::METHOD)
                else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                // Full sync: the last change holds the whole text.
                if let (Some(doc), Some(change)) = (
                    self.docs.get_mut(&uri),
                    p.content_changes.into_iter().last(),
                ) {
                    doc.text = change.text;
                    doc.version = p.text_document.version;
                    doc.stale = true;
                    self.due.insert(uri, Instant::now() + DEBOUNCE);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) = n.extract::<DidCloseTextDocumentParams>(DidCloseTextDocument::METHOD)
                else {
                    return Ok(());
                };
                let uri = p.text_document.uri;
                self.due.remove(&uri);
                if self.docs.remove(&uri).is_some() {
                    let params = PublishDiagnosticsParams {
                        uri,
                        diagnostics: Vec::new(),
                        version: None,
                    };
                    self.send(Notification::new(PublishDiagnostics::METHOD.into(), params).into())?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The document a request is about, checked if it changed since.
    fn fresh_doc(&mut self, uri: &Uri) -> Result<Option<&OpenDoc>, LspError> {
        if self.docs.get(uri).is_some_and(|d| d.stale) {
            self.due.remove(uri);
            self.check_and_publish(uri)?;
        }
        Ok(self.docs.get(uri))
    }

    fn request(&mut self, req: Request) -> Result<(), LspError> {
        let id = req.id.clone();
        let response = match req.method.as_str() {
            HoverRequest::METHOD => match req.extract::<HoverParams>(HoverRequest::METHOD) {
                Ok((_, p)) => {
                    let at = p.text_document_position_params;
                    let pack = self.pack;
                    let hover = self
                        .fresh_doc(&at.text_document.uri)?
                        .and_then(|doc| features::hover(doc, pack, at.position));
                    Response::new_ok(id, hover)
                }
                Err(e) => invalid(id, e),
            },
            CodeActionRequest::METHOD => {
                match req.extract::<CodeActionParams>(CodeActionRequest::METHOD) {
                    Ok((_, p)) => {
                        let uri = p.text_document.uri;
                        let pack = self.pack;
                        let actions = self
                            .fresh_doc(&uri)?
                            .map(|doc| features::code_actions(doc, pack, &uri, p.range))
                            .unwrap_or_default();
                        Response::new_ok(id, actions)
                    }
                    Err(e) => invalid(id, e),
                }
            }
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("newslint does not handle {}", req.method),
            ),
        };
        self.send(response.into())
    }
}

/// The error response to a request whose parameters do not parse.
fn invalid(id: lsp_server::RequestId, e: lsp_server::ExtractError<Request>) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, format!("{e:?}"))
}
