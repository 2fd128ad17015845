//! Terminal rendering: what `signpost ask` prints.

use std::fmt::Write;

use super::{Contact, Reply};

/// Render a reply for a terminal: emergency block first, then results or
/// the no-match help, then the notice.
pub fn render_text(reply: &Reply) -> String {
    let mut out = String::new();
    if let Some(e) = &reply.emergency {
        let _ = writeln!(out, "!! URGENT HELP ({}) !!", e.region.to_uppercase());
        let _ = writeln!(out, "{}", e.message);
        for c in &e.contacts {
            let _ = writeln!(out, "  * {}", contact_line(c));
        }
        out.push('\n');
    }
    if let Some(help) = &reply.no_match_help {
        let _ = writeln!(out, "{}", help.message);
        if !help.did_you_mean.is_empty() {
            let _ = writeln!(out, "Did you mean: {}?", help.did_you_mean.join(", "));
        }
        for r in &help.routes {
            let _ = writeln!(out, "  * {}", contact_line(r));
        }
        out.push('\n');
    }
    for (i, r) in reply.results.iter().enumerate() {
        let _ = writeln!(out, "{}. {} ({})", i + 1, r.title, r.publisher);
        let _ = writeln!(out, "   {}", r.url);
        let _ = writeln!(out, "   {}", r.summary);
        let review = if r.placeholder_review {
            format!(
                "Listed {} (placeholder approval: not yet clinically reviewed)",
                r.reviewed_on
            )
        } else {
            format!("Reviewed {}", r.reviewed_on)
        };
        let _ = writeln!(out, "   {review}");
    }
    if !reply.results.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "{}", reply.notice);
    out
}

fn contact_line(c: &Contact) -> String {
    match (c.number.is_empty(), c.url.is_empty()) {
        (false, false) => format!("{}: {} ({})", c.name, c.number, c.url),
        (false, true) => format!("{}: {}", c.name, c.number),
        (true, false) => format!("{}: {}", c.name, c.url),
        (true, true) => c.name.clone(),
    }
}
