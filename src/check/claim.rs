//! Claims: find each claim's template in the document, evaluate its checks over the matched
//! mentions and the facts, and report failures (with explanation and suggestion) and claims
//! that matched nowhere.

use super::{Context, Finding};
use crate::rules::RuleFile;

/// What running one rule file's claims over one document found.
#[derive(Debug, Default)]
pub struct ClaimRun {
    pub findings: Vec<Finding>,
    /// Claim matches whose every check held.
    pub held: usize,
    /// Claim matches with a failing check.
    pub failed: usize,
    /// Claims that matched nowhere.
    pub unmatched: usize,
    /// Indices into `Context::mentions` of the mentions that filled a placeholder.
    pub checked: Vec<usize>,
}

pub fn run(_ctx: &Context<'_>, _file: &RuleFile) -> ClaimRun {
    ClaimRun::default()
}
