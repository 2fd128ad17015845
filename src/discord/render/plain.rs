//! The plain-text layout, for channels where the bot lacks Embed Links.
//!
//! One message of at most 2,000 characters: the emergency block first (never
//! dropped), the notice last (never dropped), resources in between as room
//! allows. Links are wrapped in `<...>` so Discord shows no previews.

use super::embed::{EMERGENCY_TITLE, contact_lines, emergency_text};
use super::limits::{self, truncate};
use super::{Rendered, link_text, review_line};
use crate::reply::{Reply, ResultItem};

pub(super) fn render(reply: &Reply, k: usize) -> Rendered {
    // The notice and then the safety net close every message, never dropped.
    let notice = [
        match reply.notice.trim() {
            "" => String::new(),
            n => format!("_{}_", truncate(n, 600)),
        },
        truncate(reply.urgent.text.trim(), 300),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join("\n");
    let mut head = String::new();
    if let Some(e) = &reply.emergency {
        head = format!("**{EMERGENCY_TITLE}**\n{}", emergency_text(e));
        head = truncate(&head, limits::CONTENT - limits::len(&notice) - 4);
    }
    let mut body = String::new();
    if !reply.results.is_empty() {
        body.push_str("**Resources that may help**");
        for (i, item) in reply.results.iter().take(k).enumerate() {
            let block = format!("\n{}. {}", i + 1, block(item));
            let total = limits::len(&head) + limits::len(&body) + limits::len(&block);
            if total + limits::len(&notice) + 4 > limits::CONTENT {
                break;
            }
            body.push_str(&block);
        }
    } else if reply.no_match || reply.emergency.is_none() {
        body = no_match_text(reply);
        let room = limits::CONTENT - limits::len(&head) - limits::len(&notice) - 4;
        body = truncate(&body, room);
    }
    let parts: Vec<&str> = [head.as_str(), body.as_str(), notice.as_str()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    Rendered {
        content: Some(truncate(&parts.join("\n\n"), limits::CONTENT)),
        embeds: Vec::new(),
        links: Vec::new(),
    }
}

fn block(item: &ResultItem) -> String {
    format!(
        "**{}** — {} <{}>\n   {}\n   {}",
        truncate(&link_text(item.title.trim()), 200),
        link_text(&item.source_line()),
        item.url,
        super::embed::with_phone(item, limits::one_line(&item.summary, 200)),
        review_line(item),
    )
}

fn no_match_text(reply: &Reply) -> String {
    let Some(h) = &reply.no_match_help else {
        return "I couldn't find a vetted resource for that.".to_string();
    };
    let mut text = h.message.trim().to_string();
    if !h.did_you_mean.is_empty() {
        text.push_str(&format!("\nDid you mean: {}?", h.did_you_mean.join(", ")));
    }
    if !h.routes.is_empty() {
        text.push('\n');
        text.push_str(&contact_lines(&h.routes));
    }
    text
}
