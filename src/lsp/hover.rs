//! Hover: the number under the cursor as factlint reads it (text, kind, value, interval,
//! unit, hedge) and what became of it (held by a claim, failed, checked by a built-in,
//! unchecked), as Markdown. Statuses are the HTML report's (`report::numbers`), so the page
//! and the editor never disagree.

use std::fmt::Write as _;

use crate::check::Origin;
use crate::extract::Mention;
use crate::report::{FileReport, Status, numbers, text};

/// The hover text for report offset `offset`, or `None` when no number is there.
pub fn hover(report: &FileReport, offset: usize) -> Option<(Mention, String)> {
    let mention = mention_at(&report.mentions, offset)?;
    let doc = &report.doc;
    let mut out = format!("**`{}`**: {}", doc.slice(mention.span), mention.kind);
    let _ = write!(out, "\n\n- value: {}", text::number(mention.value));
    if mention.interval.low != mention.interval.high {
        let _ = write!(out, "\n- interval: {}", text::interval(mention.interval));
    }
    if let Some(unit) = &mention.unit {
        let _ = write!(out, "\n- unit: {unit}");
    }
    if let Some(hedge) = mention.hedge {
        let _ = write!(out, "\n- hedge: {}", hedge.as_str());
        if let Some(h) = mention.hedge_span.filter(|h| !mention.span.contains(*h)) {
            let _ = write!(out, " (`{}`)", doc.slice(h));
        }
    }
    let status = numbers(report)
        .into_iter()
        .find(|n| n.mention.span == mention.span)
        .map(|n| match n.by {
            Some(by) if n.status != Status::Unchecked => {
                format!("{} (`{by}`)", n.status.label())
            }
            _ => n.status.label().to_string(),
        })
        .unwrap_or_else(|| "not a quantity: never checked".to_string());
    let _ = write!(out, "\n- status: {status}");
    // The findings on this number, so that a failed status says why right here.
    for f in &report.findings {
        if f.origin != Origin::Unmatched && f.span.overlaps(mention.span) {
            let _ = write!(out, "\n- {} `{}`: {}", f.severity, f.rule, f.message);
        }
    }
    Some((mention.clone(), out))
}

/// The innermost mention whose span holds `offset`; mentions are sorted by start.
fn mention_at(mentions: &[Mention], offset: usize) -> Option<&Mention> {
    let starts = mentions.partition_point(|m| m.span.start <= offset);
    mentions[..starts]
        .iter()
        .rev()
        .find(|m| offset < m.span.end)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::check::CheckOptions;
    use crate::rules::RuleSet;
    use crate::session::Session;

    #[test]
    fn a_hovered_number_shows_its_reading_and_status() {
        let session = Session::new(RuleSet::default(), CheckOptions::default());
        let text = "投资从 2340 亿美元下降到 1892 亿美元，降幅 30%。2023 年约 20 家公司。\n";
        let report = session.check_text(Path::new("a.md"), text);
        let at = text.find("30%").expect("30%");
        let (m, shown) = hover(&report, at + 1).expect("a number");
        assert_eq!(report.doc.slice(m.span), "30%");
        assert!(shown.contains("**`30%`**: percent"), "{shown}");
        assert!(shown.contains("- value: 0.3"), "{shown}");
        assert!(shown.contains("- status: failed"), "{shown}");
        assert!(shown.contains("`change_in_sentence`"), "{shown}");
        let hedged = text.find("约 20").expect("约 20");
        let (_, shown) = hover(&report, hedged + 4).expect("a number");
        assert!(shown.contains("- hedge: approximately"), "{shown}");
        assert!(shown.contains("- status: unchecked"), "{shown}");
        let year = text.find("2023").expect("2023");
        let (_, shown) = hover(&report, year).expect("a year");
        assert!(shown.contains("never checked"), "{shown}");
        assert!(hover(&report, 0).is_none());
    }
}
