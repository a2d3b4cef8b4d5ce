//! Issue 16's CI workflow end to end: CI formats parsed as their consumers
//! would, baselines, `--diff-base`, autofix and the integrations.

mod formats;

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
