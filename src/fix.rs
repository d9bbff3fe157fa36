//! `--fix`: apply unambiguous edits to a file atomically (temporary file, then rename),
//! keeping permissions, line endings and BOM.
