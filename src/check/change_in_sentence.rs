//! The `change_in_sentence` built-in check; its documentation is `docs/change_in_sentence.md`.

use super::{Context, Finding, Severity};

pub const DOC: &str = include_str!("docs/change_in_sentence.md");

pub fn check(_ctx: &Context<'_>, _severity: Severity) -> Vec<Finding> {
    Vec::new()
}
