//! Issue 16's CI workflow end to end: CI formats parsed as their consumers
//! would, baselines, `--diff-base`, autofix and the integrations.

mod baseline;
mod diff_base;
mod fix;
mod formats;
mod integrations;
mod with_config;

use std::path::Path;

/// Writes `text` to `name` under `dir` and returns the path.
pub fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, text).unwrap();
    p
}

/// The custom rule file's arguments with an absolute path, for runs in a
/// scratch directory.
pub fn custom_rules() -> [String; 3] {
    crate::common::CUSTOM
        .map(|a| a.replace("tests/", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/")))
}
