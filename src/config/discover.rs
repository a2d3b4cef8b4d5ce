//! Finding the configuration that governs a file: the nearest one up the tree.

use std::path::{Path, PathBuf};

/// The file names read, in order of preference within one folder.
pub const FILE_NAMES: [&str; 2] = ["newslint.toml", ".newslint.toml"];

/// The nearest configuration file in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find_map(|d| FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()))
}
