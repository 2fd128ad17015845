//! The optional moderators' note that a crisis-screened question was asked.
//!
//! It carries the safety category, the channel and (for public answers) a
//! jump link, never the question's text or the asker.

use serenity::all::{ChannelId, Context};

use super::cooldown::Earlier;
use super::render::Rendered;
use super::send;
use crate::store::GuildSettings;

/// Post the note if the server chose a log channel; failures are only logged.
pub async fn note(
    ctx: &Context,
    settings: &GuildSettings,
    guild: u64,
    channel: u64,
    category: &str,
    jump: Option<Earlier>,
) {
    let Some(log) = settings.log_channel else {
        return;
    };
    let text = match jump {
        Some(at) => format!(
            "A message in <#{channel}> was screened as a possible crisis (`{category}`); the emergency contacts were shown: {}",
            at.jump_url()
        ),
        None => format!(
            "A question in <#{channel}> was screened as a possible crisis (`{category}`); the emergency contacts were shown privately to the asker."
        ),
    };
    let msg = send::channel_message(&Rendered::note(&text));
    if let Err(e) = ChannelId::new(log).send_message(&ctx.http, msg).await {
        tracing::warn!(guild, log_channel = log, error = %e, "crisis note not delivered");
    }
}
