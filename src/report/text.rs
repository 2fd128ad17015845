//! The report as plain text, for a terminal or an email body.

use std::fmt::Write as _;

use super::{Report, Usage};

/// Bar characters at most, for the longest bar.
const BAR: usize = 40;

fn bar(n: usize, most: usize) -> String {
    "#".repeat((n * BAR).div_ceil(most.max(1)))
}

/// Render `report` as text (ends with a newline).
pub fn render_text(report: &Report) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Signpost report for {}", report.generated_on);
    reviews(&mut o, report);
    links(&mut o, report);
    match &report.usage {
        Some(u) => usage(&mut o, u, report.window_days),
        None => {
            let _ = writeln!(
                o,
                "\nFeedback and gaps: no usage database yet (the bot has not run here)."
            );
        }
    }
    coverage(&mut o, report);
    o
}

fn reviews(o: &mut String, r: &Report) {
    let _ = writeln!(
        o,
        "\nReviews falling due by month (overdue ones in the first):"
    );
    let most = r.calendar.iter().map(|m| m.count).max().unwrap_or(0);
    for m in &r.calendar {
        let _ = writeln!(o, "  {}  {:>5}  {}", m.month, m.count, bar(m.count, most));
    }
    let _ = writeln!(
        o,
        "\nDue within {} days or overdue: {}",
        r.due_within_days,
        r.reviews.len()
    );
    for d in &r.reviews {
        let state = if d.overdue { "OVERDUE" } else { "due" };
        let _ = writeln!(
            o,
            "  {}  {state:<7}  {}  {} ({})  {}:{}",
            d.review_by, d.id, d.title, d.reviewer, d.file, d.line
        );
    }
}

fn links(o: &mut String, r: &Report) {
    let l = &r.links;
    if !l.checked {
        let _ = writeln!(o, "\nLinks: never checked; run `signpost links`.");
        return;
    }
    let _ = writeln!(
        o,
        "\nLinks: {} URL(s) checked, {} failing or moved",
        l.urls_checked,
        l.failing.len()
    );
    for f in &l.failing {
        let _ = writeln!(o, "  {}  {}  {}:{}", f.id, f.message, f.file, f.line);
    }
}

fn usage(o: &mut String, u: &Usage, days: u16) {
    let _ = writeln!(
        o,
        "\nFeedback per resource, last {days} days (most \"not helpful\" first): {}",
        u.feedback.len()
    );
    for f in &u.feedback {
        let _ = writeln!(
            o,
            "  {:>4} not helpful  {:>4} helpful  {:>4} broken link  {}  {}",
            f.not_helpful, f.helpful, f.broken, f.id, f.title
        );
    }
    let t = u.threshold;
    let _ = writeln!(
        o,
        "\nGaps, last {days} days (no match / weak answer; topics shown from {} asks in {} servers):",
        t.asks, t.servers
    );
    for g in &u.gaps.shown {
        let topic = if g.topic.is_empty() {
            "(no catalog condition named)"
        } else {
            &g.topic
        };
        let _ = writeln!(
            o,
            "  {:<6}  {:>4} no match  {:>4} weak  {:>3} servers  {topic}",
            g.region, g.no_match, g.weak, g.servers
        );
    }
    let _ = writeln!(
        o,
        "  under the threshold: {} ask(s) on {} topic(s), not listed",
        u.gaps.hidden_asks, u.gaps.hidden_topics
    );
}

fn coverage(o: &mut String, r: &Report) {
    let _ = writeln!(
        o,
        "\nCoverage per region: resources, conditions with own pages / via fallback / none"
    );
    for c in &r.coverage {
        let _ = writeln!(
            o,
            "  {:<7} {:>5} resources  {:>4} own  {:>4} via fallback  {:>4} none",
            c.region, c.resources, c.local, c.via_fallback, c.none
        );
    }
}
