//! The embed layout: emergency embed first, then resources (or no match).

use super::limits::{self, truncate};
use super::{
    EMERGENCY_COLOR, EmbedSpec, NO_MATCH_COLOR, RESOURCES_COLOR, Rendered, link_text, link_url,
    review_line,
};
use crate::reply::{Contact, Emergency, NoMatchHelp, Reply, ResultItem};

/// Title of the emergency embed.
pub const EMERGENCY_TITLE: &str = "⚠️ If you might be in danger, get help now";
const NOTICE_FIELD: &str = "Please note";

pub(super) fn render(reply: &Reply, k: usize) -> Rendered {
    let mut embeds = Vec::new();
    if let Some(e) = &reply.emergency {
        embeds.push(emergency(e));
    }
    let notice = (
        NOTICE_FIELD.to_string(),
        truncate(reply.notice.trim(), limits::FIELD_VALUE),
    );
    let urgent = truncate(&reply.urgent.text, limits::FOOTER);
    let used: usize = embeds.iter().map(EmbedSpec::size).sum::<usize>()
        + limits::len(&notice.0)
        + limits::len(&notice.1)
        + limits::len(&urgent);
    let budget = limits::EMBEDS_TOTAL.saturating_sub(used + 64);
    let mut last = if !reply.results.is_empty() {
        resources(&reply.results[..reply.results.len().min(k)], budget)
    } else if reply.no_match || reply.emergency.is_none() {
        no_match(reply.no_match_help.as_ref(), budget)
    } else {
        embeds.pop().unwrap_or_default()
    };
    if !notice.1.is_empty() {
        last.fields.push(notice);
    }
    // The safety net is the last line a patient reads, on every answer.
    if !urgent.is_empty() {
        last.footer = Some(urgent);
    }
    embeds.push(last);
    Rendered {
        content: None,
        embeds,
        links: Vec::new(),
    }
}

fn emergency(e: &Emergency) -> EmbedSpec {
    EmbedSpec {
        title: Some(EMERGENCY_TITLE.to_string()),
        description: Some(truncate(&emergency_text(e), limits::DESCRIPTION)),
        color: Some(EMERGENCY_COLOR),
        fields: Vec::new(),
        footer: Some(format!("Contacts for region: {}", e.region.to_uppercase())),
    }
}

/// Who to call, the steps, other matches, the contacts and the source, in
/// that order (shared with the plain layout).
pub(super) fn emergency_text(e: &Emergency) -> String {
    let mut text = format!("**{}**", e.message.trim());
    for (i, step) in e.steps.iter().enumerate() {
        text.push_str(&format!("\n{}. {}", i + 1, step.trim()));
    }
    for also in &e.also {
        text.push_str(&format!("\n*Also:* {}", also.message.trim()));
    }
    if !e.contacts.is_empty() {
        text.push_str("\n\n");
        text.push_str(&contact_lines(&e.contacts));
    }
    if !e.source.is_empty() {
        text.push_str(&format!(
            "\nSteps from {}: <{}>",
            link_text(&e.publisher),
            e.source
        ));
    }
    text
}

/// One line per contact: bold name, number, link.
pub(super) fn contact_lines(contacts: &[Contact]) -> String {
    contacts
        .iter()
        .map(|c| {
            let mut line = format!("**{}**", link_text(&c.name));
            if !c.area.is_empty() {
                line.push_str(&format!(" ({})", link_text(&c.area)));
            }
            if !c.number.is_empty() {
                line.push_str(&format!(" — {}", c.number));
            }
            if !c.hours.is_empty() {
                line.push_str(&format!(", {}", link_text(&c.hours)));
            }
            if !c.url.is_empty() {
                line.push_str(&format!(" — <{}>", c.url));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn resource_block(item: &ResultItem) -> String {
    format!(
        "**[{}]({})**\n{} — {}\n*{}*",
        truncate(&link_text(item.title.trim()), limits::TITLE),
        link_url(&item.url),
        link_text(&item.source_line()),
        with_phone(item, limits::one_line(&item.summary, 200)),
        review_line(item),
    )
}

/// The summary, then a helpline's number on its own line.
pub(super) fn with_phone(item: &ResultItem, summary: String) -> String {
    match item.phone_line() {
        Some(p) => format!("{summary}\n{}", limits::one_line(&p, 80)),
        None => summary,
    }
}

fn resources(items: &[ResultItem], budget: usize) -> EmbedSpec {
    let max = limits::DESCRIPTION.min(budget);
    let mut description = String::new();
    for item in items {
        let block = resource_block(item);
        let sep = if description.is_empty() { "" } else { "\n\n" };
        if limits::len(&description) + sep.len() + limits::len(&block) > max {
            if description.is_empty() {
                description = truncate(&block, max);
            }
            break;
        }
        description.push_str(sep);
        description.push_str(&block);
    }
    EmbedSpec {
        title: Some("Resources that may help".to_string()),
        description: Some(description),
        color: Some(RESOURCES_COLOR),
        fields: Vec::new(),
        footer: None,
    }
}

fn no_match(help: Option<&NoMatchHelp>, budget: usize) -> EmbedSpec {
    let mut text = help.map_or_else(
        || "I couldn't find a vetted resource for that.".to_string(),
        |h| h.message.trim().to_string(),
    );
    if let Some(h) = help {
        if !h.did_you_mean.is_empty() {
            let names: Vec<String> = h.did_you_mean.iter().map(|d| link_text(d)).collect();
            text.push_str(&format!("\n\nDid you mean: {}?", names.join(", ")));
        }
        if !h.routes.is_empty() {
            text.push_str("\n\n");
            text.push_str(&contact_lines(&h.routes));
        }
    }
    EmbedSpec {
        title: Some("No vetted resource found".to_string()),
        description: Some(truncate(&text, limits::DESCRIPTION.min(budget))),
        color: Some(NO_MATCH_COLOR),
        fields: Vec::new(),
        footer: None,
    }
}
