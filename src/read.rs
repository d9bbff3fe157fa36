//! Reading an input file (article, rule file, `factlint.yaml`) with bounds: a path and a
//! size limit in, the file's bytes or the reason they were not read out.
//!
//! - Only regular files are opened (and `/dev/null`, which stands for "nothing"): opening a
//!   FIFO blocks until someone writes to it, and `/dev/zero` never ends. Others are refused
//!   by name and kind before they are opened.
//! - The size from the file's metadata is checked before reading, and the read itself stops
//!   one byte past the limit, for files that grow or report no size (`/proc`).
//! - Reading is in blocks; the first NUL byte ends it (a binary file, reported with its
//!   offset), so a sparse 1 GB file is not read whole to learn that.
//! - A UTF-16 byte-order mark is reported as UTF-16 with the command that converts it,
//!   rather than as binary (its ASCII characters carry NUL bytes).

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;

/// The default `--max-filesize`: far above any article or rule file, far below the memory
/// of a CI runner (ripgrep has no default; `git` warns at 100 MB).
pub const DEFAULT_MAX_FILESIZE: u64 = 100 * 1024 * 1024;

/// Bytes read at a time.
const BLOCK: usize = 64 * 1024;

/// Why an input file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("no such file or directory")]
    Missing,
    #[error("not a regular file ({0}); factlint reads files only")]
    NotRegular(&'static str),
    #[error(
        "larger than the size limit ({size} bytes, limit {limit}); raise it with `--max-filesize`"
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("binary file (NUL byte at byte {offset}); factlint reads text only")]
    Binary { offset: u64 },
    #[error("UTF-16 text; factlint reads UTF-8: convert with `iconv -f UTF-16 -t UTF-8`")]
    Utf16,
    #[error("cannot read: {0}")]
    Io(io::Error),
}

/// The kind of a file that is not regular, for messages (`None` for a regular file).
pub fn irregular_kind(file_type: fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
    }
    if file_type.is_dir() {
        Some("a directory")
    } else if file_type.is_file() {
        None
    } else {
        Some("not a file")
    }
}

/// Reads `path` whole, within `limit` bytes (see the module doc).
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let meta = fs::metadata(path).map_err(io_error)?;
    if let Some(kind) = irregular_kind(meta.file_type()) {
        if is_dev_null(path) {
            return Ok(Vec::new());
        }
        return Err(ReadError::NotRegular(kind));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(io_error)?;
    // The path may have been swapped for a FIFO between the two looks: ask the open file.
    if let Some(kind) = file
        .metadata()
        .ok()
        .and_then(|m| irregular_kind(m.file_type()))
    {
        return Err(ReadError::NotRegular(kind));
    }
    // Sized from the metadata, the text is read into one allocation instead of a
    // doubling one (which holds 1.5 times a large file while it grows).
    let expected = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    read_into(file, limit, Vec::with_capacity(expected.saturating_add(1)))
}

/// Reads `reader` to its end, refusing more than `limit` bytes, stopping at the first NUL.
pub fn read_bounded(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_into(reader, limit, Vec::new())
}

/// `read_bounded` into `bytes` (empty, with the capacity the caller expects to need).
fn read_into(reader: impl Read, limit: u64, mut bytes: Vec<u8>) -> Result<Vec<u8>, ReadError> {
    let mut reader = reader.take(limit.saturating_add(1));
    loop {
        let start = bytes.len();
        // Straight into the text's own buffer: no block to zero and copy out of (an
        // article is far smaller than a block, so zeroing one cost more than reading it).
        // `read_to_end` retries an interrupted read itself.
        let n = match (&mut reader).take(BLOCK as u64).read_to_end(&mut bytes) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) => return Err(ReadError::Io(e)),
        };
        if start < 2 && is_utf16(&bytes) {
            return Err(ReadError::Utf16);
        }
        let block = &bytes[start..start + n];
        // `contains` on bytes is a memchr; the offset is looked for only in a binary file.
        if block.contains(&0) {
            if is_utf16(&bytes) {
                return Err(ReadError::Utf16);
            }
            let i = block.iter().position(|&b| b == 0).unwrap_or(0);
            return Err(ReadError::Binary {
                offset: (start + i) as u64,
            });
        }
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
    }
    Ok(bytes)
}

fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

fn is_dev_null(path: &Path) -> bool {
    path == Path::new("/dev/null")
        || fs::canonicalize(path).is_ok_and(|p| p == Path::new("/dev/null"))
}

fn io_error(e: io::Error) -> ReadError {
    if e.kind() == io::ErrorKind::NotFound {
        ReadError::Missing
    } else {
        ReadError::Io(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_reader_stops_at_the_limit_and_at_nul() {
        let zeros = io::repeat(0).take(10 * BLOCK as u64);
        assert!(matches!(
            read_bounded(zeros, 1 << 30),
            Err(ReadError::Binary { offset: 0 })
        ));
        let endless = io::repeat(b'a');
        assert!(matches!(
            read_bounded(endless, 1000),
            Err(ReadError::TooLarge { limit: 1000, .. })
        ));
        let mut late = vec![b'x'; BLOCK + 10];
        late.push(0);
        assert!(matches!(
            read_bounded(&late[..], 1 << 20),
            Err(ReadError::Binary { offset }) if offset == (BLOCK + 10) as u64
        ));
        assert_eq!(read_bounded(&b"abc"[..], 3).unwrap(), b"abc");
    }

    #[test]
    fn utf16_is_named() {
        let text: Vec<u8> = [0xFF, 0xFE, b'a', 0, b'b', 0].to_vec();
        assert!(matches!(
            read_bounded(&text[..], 100),
            Err(ReadError::Utf16)
        ));
        let be: Vec<u8> = [0xFE, 0xFF, 0, b'a'].to_vec();
        assert!(matches!(read_bounded(&be[..], 100), Err(ReadError::Utf16)));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_and_dev_null_is_empty() {
        assert!(matches!(
            read(Path::new("/dev/zero"), 100),
            Err(ReadError::NotRegular("a character device"))
        ));
        assert_eq!(read(Path::new("/dev/null"), 100).unwrap(), b"");
        assert!(matches!(
            read(Path::new("/no/such/file"), 100),
            Err(ReadError::Missing)
        ));
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.md");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read(&fifo, 100),
                Err(ReadError::NotRegular("a FIFO"))
            ));
        }
        let big = dir.path().join("big.md");
        fs::write(&big, "x".repeat(200)).unwrap();
        assert!(matches!(
            read(&big, 100),
            Err(ReadError::TooLarge { size: 200, .. })
        ));
    }
}
