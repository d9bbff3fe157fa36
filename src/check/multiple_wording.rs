//! The `multiple_wording` built-in check; its documentation is `docs/multiple_wording.md`.

use super::{Context, Finding, Severity};

pub const DOC: &str = include_str!("docs/multiple_wording.md");

pub fn check(_ctx: &Context<'_>, _severity: Severity) -> Vec<Finding> {
    Vec::new()
}
