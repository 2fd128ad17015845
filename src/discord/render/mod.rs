//! How a core [`Reply`] looks on Discord.
//!
//! Pure functions from a `Reply` to a [`Rendered`] message (embeds, or plain
//! text when the bot lacks Embed Links), so the layout is snapshot-tested
//! without a gateway. Every Discord size limit is enforced here
//! ([`limits`]); the emergency block always comes first and the notice is
//! always present. Nothing here ever sees the question's text.

mod embed;
pub mod limits;
mod plain;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;

use crate::reply::{Reply, ResultItem};

/// At most this many resources are shown, whatever the server asked for.
pub const MAX_RESULTS: usize = 5;

/// Red for the emergency block.
pub const EMERGENCY_COLOR: u32 = 0xD9_30_25;
/// Blue for resources.
pub const RESOURCES_COLOR: u32 = 0x1A_73_E8;
/// Grey for "nothing vetted found".
pub const NO_MATCH_COLOR: u32 = 0x5F_63_68;

/// Embeds or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Embeds,
    /// For channels where the bot lacks Embed Links.
    Plain,
}

/// One embed, as plain data (turned into serenity's builder when sent).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EmbedSpec {
    pub title: Option<String>,
    pub description: Option<String>,
    pub color: Option<u32>,
    /// (name, value) pairs, shown full width.
    pub fields: Vec<(String, String)>,
    pub footer: Option<String>,
}

impl EmbedSpec {
    /// Characters counted against Discord's 6,000 per message.
    pub fn size(&self) -> usize {
        let opt = |s: &Option<String>| s.as_deref().map_or(0, limits::len);
        opt(&self.title)
            + opt(&self.description)
            + opt(&self.footer)
            + self
                .fields
                .iter()
                .map(|(n, v)| limits::len(n) + limits::len(v))
                .sum::<usize>()
    }
}

/// A message ready to send: content and/or embeds, within every limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub content: Option<String>,
    pub embeds: Vec<EmbedSpec>,
    /// Ids of the catalog resources whose links the message shows, in
    /// order: what its feedback buttons are about (none: no buttons).
    pub links: Vec<String>,
}

impl Rendered {
    /// A stable text dump, for snapshot tests and eyeballing.
    pub fn snapshot(&self) -> String {
        let mut out = String::new();
        if let Some(c) = &self.content {
            let _ = writeln!(out, "content:\n{c}");
        }
        for (i, e) in self.embeds.iter().enumerate() {
            let _ = writeln!(out, "embed {i} color={:06x}", e.color.unwrap_or(0));
            if let Some(t) = &e.title {
                let _ = writeln!(out, "  title: {t}");
            }
            if let Some(d) = &e.description {
                let _ = writeln!(out, "  description:\n{}", indent(d));
            }
            for (n, v) in &e.fields {
                let _ = writeln!(out, "  field {n}:\n{}", indent(v));
            }
            if let Some(f) = &e.footer {
                let _ = writeln!(out, "  footer: {f}");
            }
        }
        out
    }

    /// A short ephemeral-style note (cooldowns, refusals, settings).
    pub fn note(text: &str) -> Rendered {
        Rendered {
            content: Some(limits::truncate(text, limits::CONTENT)),
            ..Rendered::default()
        }
    }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Render `reply`, showing at most `k` (and never more than 5) resources.
pub fn render(reply: &Reply, k: usize, style: Style) -> Rendered {
    let k = k.clamp(1, MAX_RESULTS);
    let mut rendered = match style {
        Style::Embeds => embed::render(reply, k),
        Style::Plain => plain::render(reply, k),
    };
    rendered.links = shown_links(reply, k, &rendered);
    rendered
}

/// The results among the first `k` whose link made it into the message
/// (a size limit may have cut the last ones).
fn shown_links(reply: &Reply, k: usize, rendered: &Rendered) -> Vec<String> {
    let text: String = rendered
        .content
        .iter()
        .chain(
            rendered
                .embeds
                .iter()
                .filter_map(|e| e.description.as_ref()),
        )
        .map(String::as_str)
        .collect();
    reply
        .results
        .iter()
        .take(k)
        .filter(|r| text.contains(&r.url) || text.contains(&link_url(&r.url)))
        .map(|r| r.id.clone())
        .collect()
}

/// "Reviewed <date>", or an honest "Listed" when the approval is a placeholder.
pub fn review_line(item: &ResultItem) -> String {
    if item.placeholder_review {
        format!(
            "Listed {} (placeholder approval, not yet clinician-reviewed)",
            item.reviewed_on
        )
    } else {
        format!("Reviewed {}", item.reviewed_on)
    }
}

/// Text safe inside `[...]` of a Markdown link and free of formatting marks.
pub fn link_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '[' => '(',
            ']' => ')',
            '*' | '_' | '`' | '~' | '|' => ' ',
            c => c,
        })
        .collect()
}

/// A URL safe inside `(...)` of a Markdown link.
pub fn link_url(url: &str) -> String {
    url.replace('(', "%28")
        .replace(')', "%29")
        .replace(' ', "%20")
}
