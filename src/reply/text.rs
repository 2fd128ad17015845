//! Terminal rendering: what `signpost ask` prints.

use std::fmt::Write;

use super::{Contact, Emergency, Reply};

/// Render a reply for a terminal: emergency block first, then results or
/// the no-match help, then the notice, then the region's safety net line.
pub fn render_text(reply: &Reply) -> String {
    let mut out = String::new();
    if let Some(e) = &reply.emergency {
        emergency(&mut out, e);
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
        let _ = writeln!(out, "{}. {} ({})", i + 1, r.title, r.source_line());
        let _ = writeln!(out, "   {}", r.url);
        let _ = writeln!(out, "   {}", r.summary);
        if let Some(phone) = r.phone_line() {
            let _ = writeln!(out, "   {phone}");
        }
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
    if !reply.urgent.text.is_empty() {
        let _ = writeln!(out, "{}", reply.urgent.text);
    }
    out
}

fn emergency(out: &mut String, e: &Emergency) {
    let _ = writeln!(out, "!! URGENT HELP ({}) !!", e.region.to_uppercase());
    let _ = writeln!(out, "{}", e.message);
    for (i, step) in e.steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {step}", i + 1);
    }
    for also in &e.also {
        let _ = writeln!(out, "Also ({}): {}", also.name, also.message);
    }
    for c in &e.contacts {
        let _ = writeln!(out, "  * {}", contact_line(c));
    }
    if !e.source.is_empty() {
        let _ = writeln!(out, "  (Steps from {}: {})", e.publisher, e.source);
    }
    out.push('\n');
}

/// `Name (area): number, hours (url)`, leaving out what is empty.
fn contact_line(c: &Contact) -> String {
    let mut line = c.name.clone();
    if !c.area.is_empty() {
        line.push_str(&format!(" ({})", c.area));
    }
    if !c.number.is_empty() {
        line.push_str(&format!(": {}", c.number));
    }
    if !c.hours.is_empty() {
        line.push_str(&format!(", {}", c.hours));
    }
    if !c.url.is_empty() {
        if c.number.is_empty() {
            line.push_str(&format!(": {}", c.url));
        } else {
            line.push_str(&format!(" ({})", c.url));
        }
    }
    line
}
