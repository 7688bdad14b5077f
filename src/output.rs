//! Writing output files whole or not at all: a temporary file in the same
//! directory, synced, then renamed over the target.

use std::io::Write;
use std::path::Path;

/// Writes `content` to `path` atomically: a crash or a full disk leaves
/// either the old file or none, never half a file. Creates the directory
/// when it is missing; the file gets the usual permissions (rw-r--r--).
pub fn write_atomic(path: &Path, content: &[u8]) -> std::io::Result<()> {
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
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}
