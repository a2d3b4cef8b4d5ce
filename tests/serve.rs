//! `newslint serve`: the web desk's API over real HTTP, against a desk
//! started in this process on a free port, and the command's own start.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Stdio;
use std::sync::OnceLock;

use newslint::serve::Desk;

use crate::common::{fixture, newslint, run};

/// One desk for every test here, on a port the system picked.
fn desk() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| {
        let desk = Desk::bind("127.0.0.1", 0, newslint::rules::default_pack()).expect("binds");
        let addr = desk.local_addr();
        std::thread::spawn(move || desk.run());
        addr
    })
}

/// A reply: status code, headers (lower-cased names) and body.
struct Reply {
    status: u16,
    headers: String,
    body: Vec<u8>,
}

impl Reply {
    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends one HTTP/1.0 request (so the reply is never chunked) and reads
/// the reply to the end.
fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut s = TcpStream::connect(desk()).expect("connects");
    let mut head = format!("{method} {target} HTTP/1.0\r\nHost: localhost\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers
        .iter()
        .any(|(k, _)| k.eq_ignore_ascii_case("content-length"))
    {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    // A desk that refuses a body early may close before it is all sent.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("reads the reply");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a header block");
    let head = String::from_utf8(raw[..split].to_vec()).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Reply {
        status,
        headers: head.to_ascii_lowercase(),
        body: raw[split + 4..].to_vec(),
    }
}

fn post(target: &str, content_type: &str, body: &[u8]) -> Reply {
    request("POST", target, &[("Content-Type", content_type)], body)
}

fn draft() -> Vec<u8> {
    std::fs::read(fixture("desk/draft.txt")).unwrap()
}

#[test]
fn check_returns_what_check_format_json_prints() {
    let reply = post("/api/check?filename=story.txt", "text/plain", &draft());
    assert_eq!(reply.status, 200);
    assert!(reply.headers.contains("content-type: application/json"));
    let (_, cli, _) = run(newslint()
        .args([
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "story.txt",
            "-",
        ])
        .write_stdin(draft()));
    assert_eq!(String::from_utf8(reply.body).unwrap(), cli);
}

#[test]
fn word_and_html_files_are_checked_as_check_reads_them() {
    for name in ["story.docx", "phrases.html", "phrases.md"] {
        let bytes = std::fs::read(fixture(&format!("formats/{name}"))).unwrap();
        let reply = post(
            &format!("/api/check?filename={name}"),
            "application/octet-stream",
            &bytes,
        );
        assert_eq!(reply.status, 200, "{name}");
        let (_, cli, _) = run(newslint()
            .args(["check", "--format", "json", "--stdin-filename", name, "-"])
            .write_stdin(bytes));
        assert_eq!(String::from_utf8(reply.body).unwrap(), cli, "{name}");
    }
}

#[test]
fn json_bodies_and_form_uploads_give_the_same_findings() {
    let text = String::from_utf8(draft()).unwrap();
    let raw = post(
        "/api/check?format=txt",
        "application/octet-stream",
        text.as_bytes(),
    )
    .json();
    let json = post(
        "/api/check",
        "application/json",
        serde_json::json!({ "text": text, "format": "txt" })
            .to_string()
            .as_bytes(),
    )
    .json();
    let mut form =
        b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"story.txt\"\r\n\
Content-Type: text/plain\r\n\r\n"
            .to_vec();
    form.extend_from_slice(text.as_bytes());
    form.extend_from_slice(b"\r\n--XyZ--\r\n");
    let upload = post("/api/check", "multipart/form-data; boundary=XyZ", &form).json();
    let rules = |v: &serde_json::Value| -> Vec<(String, u64)> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["rule"].as_str().unwrap().to_string(),
                    f["start"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    // The count itself belongs to the rule pack; what matters here is that the
    // three transports see the same non-trivial set of findings.
    assert!(rules(&raw).len() >= 3, "{:?}", rules(&raw));
    assert_eq!(rules(&raw), rules(&json));
    assert_eq!(rules(&raw), rules(&upload));
    assert_eq!(upload["findings"][0]["path"], "story.txt");
}

#[test]
fn desk_view_spans_are_javascript_string_indices() {
    let reply = post(
        "/api/desk",
        "application/json",
        br#"{"text": "\u201cNo,\u201d he said \u2014 the mayor reportedly slapped a fine on it."}"#,
    );
    assert_eq!(reply.status, 200);
    let v = reply.json();
    let text: Vec<u16> = v["text"].as_str().unwrap().encode_utf16().collect();
    let findings = v["report"]["findings"].as_array().unwrap();
    let spans = v["spans"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert_eq!(findings.len(), spans.len());
    for (f, s) in findings.iter().zip(spans) {
        let (a, b) = (
            s[0].as_u64().unwrap() as usize,
            s[1].as_u64().unwrap() as usize,
        );
        assert_eq!(String::from_utf16(&text[a..b]).unwrap(), f["text"]);
    }
    let counts = &v["counts"];
    assert_eq!(counts["quotations"], 1);
    assert!(counts["attributions"].as_u64().unwrap() >= 1);
    assert_eq!(counts["categories"]["loaded-language"], 1);
    let rule = findings[0]["rule"].as_str().unwrap();
    assert!(!v["rules"][rule]["explanation"].as_str().unwrap().is_empty());
}

#[test]
fn bodies_over_ten_megabytes_get_413() {
    // Refused on the stated length, before the body is sent.
    let stated = request(
        "POST",
        "/api/check",
        &[
            ("Content-Length", "10485761"),
            ("Content-Type", "text/plain"),
        ],
        b"",
    );
    assert_eq!(stated.status, 413);
    assert!(
        stated.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("limit")
    );
    // Exactly the limit is accepted.
    let at_limit = post("/api/check", "text/plain", &vec![b'a'; 10 << 20]);
    assert_eq!(at_limit.status, 200);
}

#[test]
fn bad_input_gets_400_with_a_json_error() {
    let cases: [(&str, &str, &[u8]); 7] = [
        ("/api/check", "text/plain", b"caf\xe9"),
        ("/api/check", "text/plain", b"a\0b"),
        ("/api/check", "application/json", b"{\"text\": 3}"),
        ("/api/check?format=pdf", "text/plain", b"text"),
        (
            "/api/check?filename=a.docx",
            "application/octet-stream",
            b"not a zip",
        ),
        ("/api/check?colour=red", "text/plain", b"text"),
        (
            "/api/check",
            "multipart/form-data; boundary=q",
            b"--q\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--q--",
        ),
    ];
    for (target, content_type, body) in cases {
        let reply = post(target, content_type, body);
        assert_eq!(reply.status, 400, "{target} {body:?}");
        let message = reply.json()["error"]["message"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(!message.is_empty());
    }
}

#[test]
fn unknown_pages_and_methods_are_json_errors() {
    let missing = request("GET", "/nothing", &[], b"");
    assert_eq!(
        (missing.status, missing.json()["error"]["status"].as_u64()),
        (404, Some(404))
    );
    let wrong = request("GET", "/api/check", &[], b"");
    assert_eq!(wrong.status, 405);
}

#[test]
fn the_page_is_served_whole_and_loads_nothing_from_elsewhere() {
    for (path, kind) in [
        ("/", "text/html"),
        ("/desk.css", "text/css"),
        ("/desk.js", "text/javascript"),
    ] {
        let reply = request("GET", path, &[], b"");
        assert_eq!(reply.status, 200, "{path}");
        assert!(
            reply.headers.contains(&format!("content-type: {kind}")),
            "{path}"
        );
        assert!(
            reply
                .headers
                .contains("content-security-policy: default-src 'self'")
        );
        let body = String::from_utf8(reply.body).unwrap();
        for external in ["http:", "https:", "//cdn", "@import"] {
            assert!(!body.contains(external), "{path} names {external}");
        }
    }
}

#[test]
fn serve_listens_on_loopback_and_prints_the_address() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newslint"))
        .args(["serve", "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let url = line.trim().strip_prefix("newslint desk: ").expect(&line);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let port: u16 = url["http://127.0.0.1:".len()..]
        .trim_end_matches('/')
        .parse()
        .unwrap();
    assert_ne!(port, 0);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let (code, out, err) = run(newslint().args(["serve", "--port", &port]));
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.starts_with(&format!(
            "newslint: error: cannot listen on 127.0.0.1:{port}: "
        )),
        "{err}"
    );
}
