//! `newslint serve`: the local web desk. A page where a reporter pastes a
//! draft or drops a file and sees each finding in place, and the API it
//! calls, which newsroom tools can call too:
//!
//! - `GET /` the page (HTML, CSS and JS compiled into the binary; the page
//!   loads nothing from elsewhere, so it works offline);
//! - `POST /api/check` a document (raw body, `{"text": ..}` JSON or a
//!   `multipart/form-data` upload; `?filename=` or `?format=` hints) →
//!   the JSON of `check --format json`;
//! - `POST /api/desk` the same → the page's view (text, spans, counts,
//!   explanations).
//!
//! Errors are JSON (`{"error": {"status", "message"}}`): 400 for input
//! that cannot be linted, 413 over [`api::MAX_BODY`].

pub mod api;
pub mod multipart;

use std::io::{self, Read};
use std::net::{SocketAddr, ToSocketAddrs};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tiny_http::{Header, Method, Request, Response, Server};

use crate::rules::Pack;
use api::{ApiError, Upload};

/// The page, its style and its script, served as they are.
const INDEX_HTML: &str = include_str!("assets/index.html");
const DESK_CSS: &str = include_str!("assets/desk.css");
const DESK_JS: &str = include_str!("assets/desk.js");

/// Threads answering requests: a desk serves one reporter or a few tools.
const WORKERS: usize = 2;

/// Why the desk could not start.
#[derive(Debug)]
pub struct BindError {
    /// The address asked for.
    pub addr: String,
    /// What the system said.
    pub message: String,
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot listen on {}: {}", self.addr, self.message)
    }
}

impl std::error::Error for BindError {}

/// A bound web desk, ready to [`Desk::run`].
pub struct Desk {
    server: Arc<Server>,
    pack: Arc<Pack>,
    stopped: Arc<AtomicBool>,
    addr: SocketAddr,
}

/// Stops a running desk from another thread.
#[derive(Clone)]
pub struct StopHandle {
    server: Arc<Server>,
    stopped: Arc<AtomicBool>,
}

impl StopHandle {
    /// Makes [`Desk::run`] return once the requests in hand are answered.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::SeqCst);
        for _ in 0..WORKERS {
            self.server.unblock();
        }
    }
}

impl Desk {
    /// Listens on `host:port` (port 0: any free port) with `pack`.
    pub fn bind(host: &str, port: u16, pack: Pack) -> Result<Desk, BindError> {
        let shown = if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        let fail = |message: String| BindError {
            addr: shown.clone(),
            message,
        };
        let addr = (host, port)
            .to_socket_addrs()
            .map_err(|e| fail(e.to_string()))?
            .next()
            .ok_or_else(|| fail("the host name resolves to no address".into()))?;
        let server = Server::http(addr).map_err(|e| fail(e.to_string()))?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| fail("not an IP socket".into()))?;
        Ok(Desk {
            server: Arc::new(server),
            pack: Arc::new(pack),
            stopped: Arc::new(AtomicBool::new(false)),
            addr,
        })
    }

    /// The address listened on (with the port chosen when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The page's address, for people to open.
    pub fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// A handle that stops [`Desk::run`].
    pub fn stop_handle(&self) -> StopHandle {
        StopHandle {
            server: Arc::clone(&self.server),
            stopped: Arc::clone(&self.stopped),
        }
    }

    /// Answers requests until stopped.
    pub fn run(self) {
        std::thread::scope(|s| {
            for _ in 0..WORKERS {
                s.spawn(|| {
                    loop {
                        match self.server.recv() {
                            Ok(rq) => answer(&self.pack, rq),
                            // Accept errors pass; an unblock after stop ends.
                            Err(_) if self.stopped.load(Ordering::SeqCst) => break,
                            Err(_) => {}
                        }
                    }
                });
            }
        });
    }
}

/// A response's body and headers, before it is sent.
struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// Close the connection after replying (the body was not read).
    close: bool,
}

impl Reply {
    fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Reply {
            status: 200,
            content_type,
            body: body.into(),
            close: false,
        }
    }

    fn error(e: &ApiError) -> Self {
        Reply {
            status: e.status,
            content_type: "application/json",
            body: e.to_json().into_bytes(),
            close: e.status == 413,
        }
    }
}

/// Routes one request and sends its reply; a client that has gone is no
/// concern of the desk.
fn answer(pack: &Pack, mut rq: Request) {
    let reply = route(pack, &mut rq);
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    let mut headers = vec![
        ("Content-Type", reply.content_type),
        // The page loads nothing from elsewhere, and says so.
        (
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'",
        ),
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
    ];
    if reply.close {
        headers.push(("Connection", "close"));
    }
    for (k, v) in headers {
        if let Ok(h) = Header::from_bytes(k, v) {
            response.add_header(h);
        }
    }
    let _ = rq.respond(response);
}

/// The reply to a request.
fn route(pack: &Pack, rq: &mut Request) -> Reply {
    let url = rq.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    let method = rq.method().clone();
    match (path, &method) {
        ("/" | "/index.html", Method::Get | Method::Head) => {
            Reply::ok("text/html; charset=utf-8", INDEX_HTML)
        }
        ("/desk.css", Method::Get | Method::Head) => Reply::ok("text/css; charset=utf-8", DESK_CSS),
        ("/desk.js", Method::Get | Method::Head) => {
            Reply::ok("text/javascript; charset=utf-8", DESK_JS)
        }
        ("/api/check" | "/api/desk", Method::Post) => {
            let result = read_body(rq)
                .and_then(|body| Upload::from_request(content_type(rq).as_deref(), query, body))
                .and_then(|upload| api::check(pack, upload));
            match result {
                Ok(checked) if path == "/api/check" => {
                    Reply::ok("application/json", api::check_json(pack, &checked))
                }
                Ok(checked) => Reply::ok("application/json", api::desk_json(pack, &checked)),
                Err(e) => Reply::error(&e),
            }
        }
        ("/" | "/index.html" | "/desk.css" | "/desk.js" | "/api/check" | "/api/desk", _) => {
            Reply::error(&ApiError {
                status: 405,
                message: format!("{method} is not allowed on {path}"),
            })
        }
        _ => Reply::error(&ApiError {
            status: 404,
            message: format!("no such page: {path}"),
        }),
    }
}

/// The request's `Content-Type`, if it has one.
fn content_type(rq: &Request) -> Option<String> {
    rq.headers()
        .iter()
        .find(|h| h.field.equiv("Content-Type"))
        .map(|h| h.value.as_str().to_string())
}

/// The whole body, refused past [`api::MAX_BODY`]: at once when its stated
/// length is over, else once that many bytes have come.
fn read_body(rq: &mut Request) -> Result<Vec<u8>, ApiError> {
    if rq.body_length().is_some_and(|n| n > api::MAX_BODY) {
        return Err(ApiError::too_large());
    }
    let mut body = Vec::with_capacity(rq.body_length().unwrap_or(0));
    let limit = api::MAX_BODY as u64 + 1;
    match rq.as_reader().take(limit).read_to_end(&mut body) {
        Ok(_) if body.len() > api::MAX_BODY => Err(ApiError::too_large()),
        Ok(_) => Ok(body),
        Err(e) => Err(read_error(&e)),
    }
}

fn read_error(e: &io::Error) -> ApiError {
    ApiError::bad_request(format!("cannot read the request body: {e}"))
}
