//! Writing a fixed file safely: never half-written, never over an edit
//! someone made meanwhile.

use std::io::{self, Write};
use std::path::Path;

/// Why a fixed file was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The file's bytes are no longer those that were fixed: left untouched.
    Changed,
    /// The file or its temporary sibling could not be written.
    Io(io::Error),
}

/// Replaces `path`'s contents with `new`, provided they are still
/// `expected`: the new text goes to a temporary file in the same directory
/// (so the rename stays on one file system), with the old file's
/// permissions, and is then renamed over it. A reader sees the old file or
/// the new one, never a mix. A symbolic link is followed and its target
/// replaced, so the link survives.
pub fn replace_if_unchanged(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let target = path.canonicalize().map_err(WriteError::Io)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)
        .map_err(WriteError::Io)?
        .permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".newslint-fix")
        .tempfile_in(dir)
        .map_err(WriteError::Io)?;
    tmp.write_all(new).map_err(WriteError::Io)?;
    tmp.as_file().sync_all().map_err(WriteError::Io)?;
    std::fs::set_permissions(tmp.path(), permissions).map_err(WriteError::Io)?;
    // Checked as late as possible: the window in which an edit can slip in
    // is the one between this read and the rename.
    if std::fs::read(&target).map_err(WriteError::Io)? != expected {
        return Err(WriteError::Changed);
    }
    tmp.persist(&target).map_err(|e| WriteError::Io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_left_alone_and_no_temporary_file_remains() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "edited meanwhile").unwrap();
        assert!(matches!(
            replace_if_unchanged(&p, b"as read", b"fixed"),
            Err(WriteError::Changed)
        ));
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "edited meanwhile");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, "old").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        replace_if_unchanged(&p, b"old", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
