//! Writing a fixed file: a path, the bytes it must still hold and the new bytes in; the file
//! replaced with its owner, group, permissions and extended attributes kept out.
//!
//! The usual way is a temporary file in the same folder (fsync, then rename over the
//! original), so that a reader sees the old file or the new one, never half of each. A
//! rename makes a new inode, which would split a hard link and give the file to whoever
//! runs factlint; so:
//! - the temporary file gets the original's permissions, owner and group (`fchown`) and
//!   extended attributes before the rename;
//! - when the owner cannot be kept (not permitted) or the file has other hard links, the
//!   file is written in place instead, after a backup copy in the same folder that is
//!   removed once the new bytes are on disk (and restored if the write fails).
//!
//! A temporary or backup file is registered while it exists: on SIGINT, SIGTERM or SIGHUP a
//! handler removes the temporary file (or puts the backup back) before the process exits,
//! so an interrupted `--fix` leaves the folder as it found it.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, Once};

/// What the signal handler must undo.
#[derive(Debug, Clone, PartialEq)]
enum Pending {
    /// A temporary file not yet renamed: remove it.
    Temp(PathBuf),
    /// An in-place write under way: copy the backup back into the target, then remove it.
    InPlace { target: PathBuf, backup: PathBuf },
}

static PENDING: Mutex<Vec<Pending>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// Exit status after an interrupt, as shells report SIGINT.
const EXIT_INTERRUPTED: i32 = 130;

/// Installs the cleanup handler once. A program that has its own handler keeps it (ctrlc
/// refuses a second one); its temporary files are then removed by `Drop` only.
fn install_handler() {
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            undo_pending();
            std::process::exit(EXIT_INTERRUPTED);
        });
    });
}

fn undo_pending() {
    let pending = match PENDING.lock() {
        Ok(p) => p.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    };
    undo(pending);
}

fn undo(pending: Vec<Pending>) {
    for p in pending {
        match p {
            Pending::Temp(path) => {
                let _ = fs::remove_file(path);
            }
            Pending::InPlace { target, backup } => {
                if let Ok(bytes) = fs::read(&backup)
                    && write_in_place(&target, &bytes).is_ok()
                {
                    let _ = fs::remove_file(backup);
                }
            }
        }
    }
}

/// Registers `p` while it lives.
struct Registered(Pending);

impl Registered {
    fn new(p: Pending) -> Registered {
        install_handler();
        if let Ok(mut list) = PENDING.lock() {
            list.push(p.clone());
        }
        Registered(p)
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut list) = PENDING.lock() {
            list.retain(|p| *p != self.0);
        }
    }
}

/// Why the file was not replaced.
#[derive(Debug)]
pub(crate) enum AtomicError {
    /// The file no longer holds `expected`.
    Changed,
    Io(io::Error),
}

impl From<io::Error> for AtomicError {
    fn from(e: io::Error) -> Self {
        AtomicError::Io(e)
    }
}

/// Replaces the contents of `path` (a symbolic link is followed and stays a link) with
/// `new`, provided it still holds `expected`.
pub(crate) fn replace(path: &Path, expected: &[u8], new: &[u8]) -> Result<(), AtomicError> {
    let target = fs::canonicalize(path)?;
    let unchanged = |p: &Path| fs::read(p).is_ok_and(|now| now == expected);
    if !unchanged(&target) {
        return Err(AtomicError::Changed);
    }
    let meta = fs::metadata(&target)?;
    if hard_links(&meta) > 1 {
        return in_place_with_backup(&target, new, &unchanged);
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".factlint-fix-")
        .tempfile_in(dir)?;
    let registered = Registered::new(Pending::Temp(tmp.path().to_path_buf()));
    pause_for_tests();
    tmp.as_file().write_all(new)?;
    tmp.as_file().sync_all()?;
    fs::set_permissions(tmp.path(), meta.permissions())?;
    if !keep_owner(tmp.as_file(), &meta) {
        drop(tmp);
        drop(registered);
        return in_place_with_backup(&target, new, &unchanged);
    }
    copy_xattrs(&target, tmp.path());
    // Check again just before the rename: the window in which an editor's save could be
    // lost is now the rename itself.
    if !unchanged(&target) {
        return Err(AtomicError::Changed);
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    drop(registered);
    Ok(())
}

/// Writes `new` into `target` itself, after copying it to a backup beside it; the backup is
/// removed once the new bytes are on disk, and copied back if the write fails.
fn in_place_with_backup(
    target: &Path,
    new: &[u8],
    unchanged: &dyn Fn(&Path) -> bool,
) -> Result<(), AtomicError> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let backup = tempfile::Builder::new()
        .prefix(".factlint-backup-")
        .tempfile_in(dir)?;
    let old = fs::read(target)?;
    backup.as_file().write_all(&old)?;
    backup.as_file().sync_all()?;
    let (_, backup_path) = backup.keep().map_err(|e| e.error)?;
    let registered = Registered::new(Pending::InPlace {
        target: target.to_path_buf(),
        backup: backup_path.clone(),
    });
    if !unchanged(target) {
        drop(registered);
        let _ = fs::remove_file(&backup_path);
        return Err(AtomicError::Changed);
    }
    pause_for_tests();
    if let Err(e) = write_in_place(target, new) {
        // Put the old bytes back; keep the backup if even that fails.
        if write_in_place(target, &old).is_ok() {
            let _ = fs::remove_file(&backup_path);
        }
        drop(registered);
        return Err(AtomicError::Io(e));
    }
    drop(registered);
    fs::remove_file(&backup_path)?;
    Ok(())
}

fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).truncate(true).open(target)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(unix)]
fn hard_links(meta: &fs::Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_: &fs::Metadata) -> u64 {
    1
}

/// Gives `file` the owner and group of `meta`; false when that is not permitted.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (uid, gid) = (meta.uid(), meta.gid());
    let mine = file.metadata().map(|m| (m.uid(), m.gid())).ok();
    mine == Some((uid, gid)) || std::os::unix::fs::fchown(file, Some(uid), Some(gid)).is_ok()
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &fs::Metadata) -> bool {
    true
}

/// Copies every extended attribute the platform lets us read and write; one that cannot be
/// copied (a `security.*` attribute without the privilege) is left, as `cp -p` does.
#[cfg(unix)]
fn copy_xattrs(from: &Path, to: &Path) {
    let Ok(names) = xattr::list(from) else {
        return;
    };
    for name in names {
        if let Ok(Some(value)) = xattr::get(from, &name) {
            let _ = xattr::set(to, &name, &value);
        }
    }
}

#[cfg(not(unix))]
fn copy_xattrs(_: &Path, _: &Path) {}

/// For the interrupt test only: `FACTLINT_TEST_PAUSE_MS` holds the writer with its
/// temporary or backup file in place, so that a test can send a signal at that moment.
fn pause_for_tests() {
    if let Some(ms) = std::env::var_os("FACTLINT_TEST_PAUSE_MS")
        .and_then(|v| v.to_str().and_then(|s| s.parse::<u64>().ok()))
    {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".factlint"))
            .collect()
    }

    #[test]
    fn replaces_and_refuses_a_changed_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old").unwrap();
        replace(&path, b"old", b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(matches!(
            replace(&path, b"old", b"x"),
            Err(AtomicError::Changed)
        ));
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_linked_file_is_written_in_place_and_the_link_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.md");
        fs::write(&a, "old").unwrap();
        fs::hard_link(&a, &b).unwrap();
        let inode = fs::metadata(&a).unwrap().ino();
        replace(&a, b"old", b"new text").unwrap();
        assert_eq!(fs::read(&b).unwrap(), b"new text");
        assert_eq!(fs::metadata(&a).unwrap().ino(), inode);
        assert_eq!(fs::metadata(&a).unwrap().nlink(), 2);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn owner_group_and_xattrs_are_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "old").unwrap();
        // Giving a file away needs root; as another user, only the xattr part is tested.
        let given = std::os::unix::fs::chown(&path, Some(4321), Some(4321)).is_ok();
        let tagged = xattr::set(&path, "user.factlint", b"kept").is_ok();
        replace(&path, b"old", b"new").unwrap();
        let meta = fs::metadata(&path).unwrap();
        if given {
            assert_eq!((meta.uid(), meta.gid()), (4321, 4321));
        }
        if tagged {
            assert_eq!(
                xattr::get(&path, "user.factlint").unwrap().as_deref(),
                Some(&b"kept"[..])
            );
        }
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn pending_files_are_undone() {
        let dir = tempfile::tempdir().unwrap();
        let temp = dir.path().join(".factlint-fix-x");
        fs::write(&temp, "half").unwrap();
        let target = dir.path().join("t.md");
        let backup = dir.path().join(".factlint-backup-x");
        fs::write(&target, "half written").unwrap();
        fs::write(&backup, "original").unwrap();
        undo(vec![
            Pending::Temp(temp.clone()),
            Pending::InPlace {
                target: target.clone(),
                backup: backup.clone(),
            },
        ]);
        assert!(!temp.exists() && !backup.exists());
        assert_eq!(fs::read(&target).unwrap(), b"original");
    }
}
