//! Helpers shared by the integration tests.

use std::path::PathBuf;
use std::process::Output;

use assert_cmd::Command;

/// Path of a file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The built `newslint` binary, run from the crate root with colour off.
pub fn newslint() -> Command {
    let mut c = Command::cargo_bin("newslint").expect("binary builds");
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    c
}

/// Runs and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out: Output = cmd.output().expect("runs");
    (
        out.status.code().expect("exited normally"),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

/// Parses JSON-lines output.
pub fn jsonl(stdout: &str) -> Vec<serde_json::Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {e}: {l}")))
        .collect()
}

/// Arguments that run only the small custom rule file.
pub const CUSTOM: [&str; 3] = [
    "--no-default-rules",
    "--rules",
    "tests/fixtures/rules/custom.toml",
];
