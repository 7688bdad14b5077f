//! Writing output files whole or not at all: a temporary file in the same
//! directory, synced, then renamed over the target.

use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` atomically: a crash or a full disk leaves
/// either the old file or none, never half a file. Creates the directory
/// when it is missing; the file gets the usual permissions (rw-r--r--).
pub fn write_atomic(path: &Path, content: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, content, |_| Ok(()))
}

/// [`write_atomic`] with a step run between the synced temporary file and
/// the rename: tests inject a failure there.
pub fn write_atomic_with(
    path: &Path,
    content: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let mut file = tempfile::NamedTempFile::new_in(dir)?;
    file.write_all(content)?;
    file.as_file().sync_all()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    before_rename(file.path())?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("rates.ron");
        std::fs::write(&path, "RateTable(name: \"x\")\n// comment\n").expect("write");
        let before = std::fs::read(&path).expect("read");
        let result = write_atomic_with(&path, b"new content", |temp| {
            assert_eq!(std::fs::read(temp).expect("temp written"), b"new content");
            Err(std::io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read(&path).expect("read"), before, "byte-identical");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
        assert_eq!(left.len(), 1, "the temporary file is removed");
        write_atomic(&path, b"new content").expect("write");
        assert_eq!(std::fs::read(&path).expect("read"), b"new content");
    }
}
