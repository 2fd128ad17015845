//! The optional moderators' note that a crisis-screened question was asked.
//!
//! It carries the safety category, the channel and (for public answers) a
//! jump link, never the question's text or the asker.

use serenity::all::{ChannelId, Context};

use super::cooldown::Earlier;
use super::deliver;
use super::render::Rendered;
use super::send;
use crate::store::GuildSettings;

/// How the answer reached the asker, as the note tells moderators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// In the channel, with a link when the message id is known.
    Public(Option<Earlier>),
    Private,
    /// Every attempt to send it failed.
    NotDelivered,
}

/// Post the note if the server chose a log channel; failures are retried,
/// then only logged. `source_id` (the question's message or interaction id)
/// makes the send idempotent.
pub async fn note(
    ctx: &Context,
    settings: &GuildSettings,
    guild: u64,
    channel: u64,
    category: &str,
    shown: Shown,
    source_id: u64,
) {
    let Some(log) = settings.log_channel else {
        return;
    };
    let said =
        format!("A question in <#{channel}> was screened as a possible crisis (`{category}`)");
    let text = match shown {
        Shown::Public(Some(at)) => format!(
            "{said}; the emergency contacts were shown: {}",
            at.jump_url()
        ),
        Shown::Public(None) => format!("{said}; the emergency contacts were shown in the channel."),
        Shown::Private => {
            format!("{said}; the emergency contacts were shown privately to the asker.")
        }
        Shown::NotDelivered => format!(
            "{said}; the answer with the emergency contacts **could not be delivered** (Discord did not accept it)."
        ),
    };
    let msg = send::channel_message(&Rendered::note(&text))
        .nonce(send::nonce('n', source_id))
        .enforce_nonce(true);
    let sent = deliver::with_retry("crisis note", || {
        ChannelId::new(log).send_message(&ctx.http, msg.clone())
    })
    .await;
    if let Err(e) = sent {
        tracing::warn!(guild, log_channel = log, error = %e, "crisis note not delivered");
    }
}
