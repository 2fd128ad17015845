//! Turning a [`Rendered`] message into serenity/poise builders.
//!
//! The only place that builds outgoing messages, so the "no pings, ever"
//! rule lives here: every builder gets an empty `allowed_mentions`.

use poise::CreateReply;
use serenity::all::{
    CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateMessage, Message,
    MessageReference, MessageReferenceKind, Nonce, Permissions,
};

use super::feedback;
use super::render::{EmbedSpec, Rendered, Style};

/// Mentions nobody: no @everyone/@here, no users, no roles, not the replied-to author.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

fn embed(spec: &EmbedSpec) -> CreateEmbed {
    let mut e = CreateEmbed::new();
    if let Some(t) = &spec.title {
        e = e.title(t);
    }
    if let Some(d) = &spec.description {
        e = e.description(d);
    }
    if let Some(c) = spec.color {
        e = e.color(c);
    }
    for (name, value) in &spec.fields {
        e = e.field(name, value, false);
    }
    if let Some(f) = &spec.footer {
        e = e.footer(CreateEmbedFooter::new(f));
    }
    e
}

/// A slash-command response (initial, follow-up or edit), with the
/// feedback buttons when it shows catalog links.
pub fn interaction_reply(r: &Rendered, ephemeral: bool) -> CreateReply {
    let mut reply = CreateReply::default()
        .ephemeral(ephemeral)
        .allowed_mentions(no_mentions());
    if !r.links.is_empty() {
        reply = reply.components(feedback::buttons(&r.links));
    }
    if let Some(c) = &r.content {
        reply = reply.content(c);
    }
    for spec in &r.embeds {
        reply = reply.embed(embed(spec));
    }
    reply
}

/// A channel message replying to `to` without pinging its author.
pub fn channel_reply(r: &Rendered, to: &Message) -> CreateMessage {
    let mut reference = MessageReference::new(MessageReferenceKind::Default, to.channel_id)
        .message_id(to.id)
        .fail_if_not_exists(false);
    if let Some(g) = to.guild_id {
        reference = reference.guild_id(g);
    }
    channel_message(r)
        .reference_message(reference)
        .nonce(nonce('a', to.id.get()))
        .enforce_nonce(true)
}

/// A nonce Discord enforces for a few minutes, so a retried send that had
/// already landed returns the first message instead of posting twice. `kind`
/// keeps an answer's and a crisis note's nonces apart.
pub fn nonce(kind: char, id: u64) -> Nonce {
    Nonce::String(format!("{kind}{id}"))
}

/// A plain channel message (e.g. to a moderators' log channel), with the
/// feedback buttons when it shows catalog links.
pub fn channel_message(r: &Rendered) -> CreateMessage {
    let mut m = CreateMessage::new().allowed_mentions(no_mentions());
    if !r.links.is_empty() {
        m = m.components(feedback::buttons(&r.links));
    }
    if let Some(c) = &r.content {
        m = m.content(c);
    }
    m.embeds(r.embeds.iter().map(embed).collect())
}

/// Embeds when the bot may embed links (or when we cannot tell), else plain text.
pub fn style_for(perms: Option<Permissions>) -> Style {
    match perms {
        Some(p) if !p.embed_links() && !p.administrator() => Style::Plain,
        _ => Style::Embeds,
    }
}
