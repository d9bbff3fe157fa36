//! Terms: a word used where another is meant (`推理成本` in a section about training cost).

use super::{Context, Finding};
use crate::rules::RuleFile;

pub fn run(_ctx: &Context<'_>, _file: &RuleFile) -> Vec<Finding> {
    Vec::new()
}
