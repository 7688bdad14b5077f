//! Writing output files whole or not at all, without harming what is there.
//!
//! Every file teamcost writes (`-o`, `--write`, reports, charts, and the rate
//! plugins `rates set` and `rates import` edit) goes through here:
//!
//! - a symlink is followed: its target gets the new content, the link stays;
//! - only a regular file is replaced: a directory, device, FIFO or socket is
//!   refused ([`Error::Refused`]) before anything is written;
//! - the content goes to `.NAME.tmpXXXXXX` beside the target, is synced, gets
//!   the target's mode and (when the process may set it) owner and group, and
//!   is renamed over the target; the directory is synced after the rename.
//!   A failure before the rename removes the temporary file (it is a
//!   [`tempfile::NamedTempFile`], removed when dropped) and leaves the target
//!   as it was. Only a process killed during the write (SIGKILL, or SIGINT /
//!   SIGTERM, which end it without running destructors) leaves a
//!   `.NAME.tmpXXXXXX` behind; the target is intact and the file can be
//!   deleted.
//! - a hard link is broken: the rename gives the written name a new inode, and
//!   the target's other names keep the old content ([`Written::other_links`]
//!   says how many). Writing in place instead would keep the link, but a
//!   crash or a full disk could then leave half a file; teamcost never does
//!   that to a rate table.
//!
//! A read-modify-write ([`Edit`]) holds an advisory lock from the read to the
//! rename, so concurrent `rates set` runs on one file serialise and none is
//! lost.

use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::input::diagnostic::Diagnostic;

/// Why a file was not written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The path names something other than a regular file.
    #[error("{}: this is {what}, not a regular file", path.display())]
    Refused { path: PathBuf, what: &'static str },
    #[error("cannot write {}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// A refused path is bad input (exit status 2): its diagnostic. An I/O
    /// failure is not.
    pub fn diagnostic(&self) -> Option<Diagnostic> {
        match self {
            Error::Refused { path, what } => Some(
                Diagnostic::new(
                    path.display().to_string(),
                    format!("this is {what}, not a regular file"),
                )
                .expected("a regular file, or a path where nothing exists yet")
                .help("teamcost replaces only regular files; choose another path"),
            ),
            Error::Io { .. } => None,
        }
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a write did beyond writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    /// Other hard links the target had: they keep the old content.
    pub other_links: u64,
}

/// The file a path names once symlinks are followed, and its metadata when
/// it exists (a regular file).
#[derive(Debug)]
struct Target {
    path: PathBuf,
    existing: Option<Metadata>,
}

impl Target {
    /// Follows symlinks (up to 40, as the kernel does); refuses anything
    /// that exists and is not a regular file. A dangling link resolves to the
    /// file it names, which is then created.
    fn resolve(given: &Path) -> Result<Target, Error> {
        let mut path = given.to_path_buf();
        for _ in 0..40 {
            match std::fs::symlink_metadata(&path) {
                Ok(m) if m.file_type().is_symlink() => {
                    let link = std::fs::read_link(&path).map_err(io(given))?;
                    // a relative link is relative to the link's directory
                    path = path.parent().map_or(link.clone(), |dir| dir.join(&link));
                }
                Ok(m) if m.is_file() => {
                    return Ok(Target {
                        path,
                        existing: Some(m),
                    });
                }
                Ok(m) => {
                    return Err(Error::Refused {
                        path: given.to_path_buf(),
                        what: describe(&m),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(Target { path, existing: None });
                }
                Err(e) => return Err(io(given)(e)),
            }
        }
        Err(io(given)(std::io::Error::other(
            "too many levels of symbolic links",
        )))
    }

    fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        }
    }

    /// Writes `content` to a synced temporary file beside the target, with
    /// the target's mode and owner; not yet renamed.
    fn stage(&self, given: &Path, content: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
        let dir = self.dir();
        std::fs::create_dir_all(dir).map_err(io(given))?;
        let name = self
            .path
            .file_name()
            .ok_or_else(|| io(given)(std::io::Error::other("the path names no file")))?;
        // `.NAME.tmpXXXXXX`: hidden, and recognisable as this file's
        let mut temp = tempfile::Builder::new()
            .prefix(&format!(".{}.tmp", name.to_string_lossy()))
            .rand_bytes(6)
            .tempfile_in(dir)
            .map_err(io(given))?;
        temp.write_all(content).map_err(io(given))?;
        keep_owner_and_mode(temp.as_file(), self.existing.as_ref()).map_err(io(given))?;
        temp.as_file().sync_all().map_err(io(given))?;
        Ok(temp)
    }

    fn other_links(&self) -> u64 {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            self.existing.as_ref().map_or(0, |m| m.nlink().saturating_sub(1))
        }
        #[cfg(not(unix))]
        0
    }
}

/// "a directory", "a character device", ... for the refusal.
fn describe(m: &Metadata) -> &'static str {
    let t = m.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// Gives the temporary file the owner, group and mode of the file it
/// replaces; a new file gets rw-r--r--. Owner first: chown clears set-id bits.
fn keep_owner_and_mode(file: &File, existing: Option<&Metadata>) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt, fchown};
        let mode = match existing {
            Some(old) => {
                let mine = file.metadata()?;
                if (mine.uid(), mine.gid()) != (old.uid(), old.gid()) {
                    let denied = |e: &std::io::Error| e.kind() == std::io::ErrorKind::PermissionDenied;
                    match fchown(file, Some(old.uid()), Some(old.gid())) {
                        Ok(()) => {}
                        // not root: keep at least the group, when we are in it
                        Err(e) if denied(&e) => match fchown(file, None, Some(old.gid())) {
                            Err(e) if !denied(&e) => return Err(e),
                            _ => {}
                        },
                        Err(e) => return Err(e),
                    }
                }
                old.mode() & 0o7777
            }
            None => 0o644,
        };
        file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    if let Some(old) = existing {
        file.set_permissions(old.permissions())?;
    }
    Ok(())
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A file opened for a read-modify-write: locked from [`Edit::open`] to the
/// end of [`Edit::replace`] (or until dropped).
///
/// The lock is `File::lock` (flock on Unix) on the file itself, not on a
/// lock file beside it: nothing extra is left in the directory (`rates/` is
/// scanned for plugins and usually under git), and it is exactly the inode
/// that is read that is protected. Because the rename replaces that inode,
/// a waiter that gets the lock checks that the path still names the file it
/// locked, and starts again on the new one when not.
#[derive(Debug)]
pub struct Edit {
    given: PathBuf,
    target: Target,
    /// The locked file; `None` when there is no file yet.
    locked: Option<File>,
}

impl Edit {
    /// Resolves symlinks, refuses a non-regular file, and waits for the
    /// exclusive lock on the file when it exists.
    pub fn open(path: &Path) -> Result<Edit, Error> {
        loop {
            let target = Target::resolve(path)?;
            if target.existing.is_none() {
                return Ok(Edit {
                    given: path.to_path_buf(),
                    target,
                    locked: None,
                });
            }
            let file = File::open(&target.path).map_err(io(path))?;
            file.lock().map_err(io(path))?;
            // the holder before us may have renamed a new file into place
            let now = Target::resolve(path)?;
            let held = file.metadata().map_err(io(path))?;
            if now.path == target.path && now.existing.as_ref().is_some_and(|m| same_file(m, &held)) {
                return Ok(Edit {
                    given: path.to_path_buf(),
                    target: Target {
                        path: now.path,
                        existing: Some(held),
                    },
                    locked: Some(file),
                });
            }
        }
    }

    /// The file's text (NotFound when there is no file).
    pub fn read_to_string(&self) -> std::io::Result<String> {
        let Some(mut file) = self.locked.as_ref() else {
            return Err(std::io::Error::from(std::io::ErrorKind::NotFound));
        };
        let mut text = String::new();
        file.read_to_string(&mut text)?;
        Ok(text)
    }

    /// Replaces the file with `content`, then releases the lock.
    pub fn replace(self, content: &[u8]) -> Result<Written, Error> {
        self.replace_with(content, |_| Ok(()))
    }

    /// [`Edit::replace`] with a step run between the synced temporary file
    /// and the rename: tests inject a failure there.
    pub fn replace_with(
        self,
        content: &[u8],
        before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<Written, Error> {
        let temp = self.target.stage(&self.given, content)?;
        before_rename(temp.path()).map_err(io(&self.given))?;
        temp.persist(&self.target.path)
            .map_err(|e| io(&self.given)(e.error))?;
        sync_dir(self.target.dir()).map_err(io(&self.given))?;
        Ok(Written {
            other_links: self.target.other_links(),
        })
        // the lock goes with `self.locked`
    }
}

fn same_file(a: &Metadata, b: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (a.dev(), a.ino()) == (b.dev(), b.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        true
    }
}

/// Writes `content` to `path` whole (see the module docs). Creates the
/// directory when it is missing.
pub fn write_atomic(path: &Path, content: &[u8]) -> Result<Written, Error> {
    Edit::open(path)?.replace(content)
}

/// [`write_atomic`] with a step run between the synced temporary file and
/// the rename: tests inject a failure there.
pub fn write_atomic_with(
    path: &Path,
    content: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<Written, Error> {
    Edit::open(path)?.replace_with(content, before_rename)
}

/// Writes several files all or none, for a document and the charts beside
/// it: every target is checked first, every file is written to its
/// temporary file and synced, and only then are they renamed into place, in
/// the order given (put the document last, so it never names a missing
/// chart). A failure before the renames (a refused path, a full disk)
/// removes every temporary file and leaves every target as it was. These
/// are outputs, not edits: no lock, the last writer wins.
pub fn write_all(files: &[(PathBuf, Vec<u8>)]) -> Result<Vec<Written>, Error> {
    write_all_with(files, |_| Ok(()))
}

/// [`write_all`] with a step run after each temporary file is written:
/// tests inject a failure there.
pub fn write_all_with(
    files: &[(PathBuf, Vec<u8>)],
    mut after_write: impl FnMut(&Path) -> std::io::Result<()>,
) -> Result<Vec<Written>, Error> {
    let targets: Vec<Target> = files
        .iter()
        .map(|(path, _)| Target::resolve(path))
        .collect::<Result<_, _>>()?;
    let mut staged = Vec::with_capacity(files.len());
    for ((given, content), target) in files.iter().zip(&targets) {
        let temp = target.stage(given, content)?;
        after_write(temp.path()).map_err(io(given))?;
        staged.push(temp);
    }
    let mut dirs: Vec<&Path> = Vec::new();
    let mut written = Vec::with_capacity(files.len());
    for ((temp, (given, _)), target) in staged.into_iter().zip(files).zip(&targets) {
        temp.persist(&target.path).map_err(|e| io(given)(e.error))?;
        if !dirs.contains(&target.dir()) {
            dirs.push(target.dir());
        }
        written.push(Written {
            other_links: target.other_links(),
        });
    }
    for dir in dirs {
        sync_dir(dir).map_err(io(dir))?;
    }
    Ok(written)
}

#[cfg(test)]
mod tests;
