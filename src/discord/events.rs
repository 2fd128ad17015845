//! Gateway events outside commands: @mentions, auto mode, feedback
//! buttons, leaving a server.

use std::time::Instant;

use poise::serenity_prelude as serenity;
use serenity::{Context as SCtx, FullEvent, Message};
use tracing::Instrument;

use super::answer::{self, Asker};
use super::cooldown::Earlier;
use super::crisis_log::{self, Shown};
use super::data::{Data, Error};
use super::render::{self, Style};
use super::{deliver, feedback, question, send, tally};
use crate::reply::Reply;
use crate::store::ChannelMode;

/// poise's `event_handler`.
pub async fn handle(
    framework: poise::FrameworkContext<'_, Data, Error>,
    event: &FullEvent,
) -> Result<(), Error> {
    let ctx = framework.serenity_context;
    let data = framework.user_data;
    match event {
        FullEvent::Message { new_message } => {
            let bot = framework.bot_id();
            on_message(ctx, data, new_message, bot).await;
        }
        FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(ci),
        } => feedback::on_component(ctx, data, ci).await,
        FullEvent::GuildDelete { incomplete, .. } if !incomplete.unavailable => {
            // Removed from the server (not an outage): forget its settings
            // and its daily counts.
            let guild = incomplete.id.get();
            match data.store.delete_guild(guild).await {
                Ok(()) => tracing::info!(guild, "removed from server; settings deleted"),
                Err(e) => tracing::error!(guild, error = %e, "could not delete settings"),
            }
            if let Err(e) = data.counts.forget_guild(guild).await {
                tracing::error!(guild, error = %e, "could not delete daily counts");
            }
        }
        FullEvent::Ready { data_about_bot } => {
            tracing::info!(guilds = data_about_bot.guilds.len(), "connected to Discord");
        }
        _ => {}
    }
    Ok(())
}

/// Why a message is being answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    Mention,
    Auto,
}

async fn trigger(
    ctx: &SCtx,
    data: &Data,
    msg: &Message,
    bot: serenity::UserId,
) -> Option<(u64, Trigger)> {
    if msg.author.bot || msg.webhook_id.is_some() {
        return None;
    }
    let guild = msg.guild_id?.get();
    let mentioned = msg.mentions.iter().any(|u| u.id == bot);
    if !mentioned && !data.config.message_content_intent {
        return None;
    }
    let mut mode = channel_mode(data, guild, msg.channel_id.get()).await;
    if mode == ChannelMode::Off
        && let Some(parent) = thread_parent(ctx, msg)
    {
        // Threads follow the channel they were started in.
        mode = channel_mode(data, guild, parent).await;
    }
    match (mentioned, mode) {
        (true, m) if m.answers_mentions() => Some((guild, Trigger::Mention)),
        (false, ChannelMode::Auto) if data.config.message_content_intent => {
            Some((guild, Trigger::Auto))
        }
        _ => None,
    }
}

async fn channel_mode(data: &Data, guild: u64, channel: u64) -> ChannelMode {
    data.store
        .channel_mode(guild, channel)
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(guild, error = %e, "channel mode unavailable; treating as off");
            ChannelMode::Off
        })
}

/// The parent channel when the message is in a thread the cache knows.
fn thread_parent(ctx: &SCtx, msg: &Message) -> Option<u64> {
    let guild = ctx.cache.guild(msg.guild_id?)?;
    let thread = guild.threads.iter().find(|t| t.id == msg.channel_id)?;
    thread.parent_id.map(|p| p.get())
}

async fn on_message(ctx: &SCtx, data: &Data, msg: &Message, bot: serenity::UserId) {
    let Some((guild, trigger)) = trigger(ctx, data, msg, bot).await else {
        return;
    };
    let q = question::strip_mentions(&msg.content);
    if trigger == Trigger::Auto && !question::looks_like_question(&q) {
        return;
    }
    let _busy = data.in_flight.start();
    let span = tracing::info_span!(
        "answer",
        kind = if trigger == Trigger::Mention {
            "mention"
        } else {
            "auto"
        },
        guild,
        channel = msg.channel_id.get(),
        message = msg.id.get(),
        question_chars = q.chars().count(),
    );
    answer_message(ctx, data, msg, guild, trigger, q)
        .instrument(span)
        .await;
}

async fn answer_message(
    ctx: &SCtx,
    data: &Data,
    msg: &Message,
    guild: u64,
    trigger: Trigger,
    q: String,
) {
    let started = Instant::now();
    if q.is_empty() {
        greet(ctx, data, msg, started).await;
        return;
    }
    let auto_channel = (trigger == Trigger::Auto).then(|| msg.channel_id.get());
    if answer::cooling(data, msg.author.id.get(), auto_channel, &q, started).is_some() {
        tracing::info!("held back before the engine: cooling down");
        return;
    }
    let settings = settings_for_message(ctx, data, guild).await;
    let reply = answer::finish(
        data,
        answer::start(data, q, settings.opts.clone()),
        &settings.opts,
    )
    .await;
    if trigger == Trigger::Auto && !auto_wanted(data, msg, &reply, started) {
        return;
    }
    let Some(posted) = hold_or_post(ctx, data, msg, &reply, &settings).await else {
        return;
    };
    if let Some(at) = posted {
        tracing::info!(
            results = reply.results.len(),
            emergency = reply.emergency.is_some(),
            ms = started.elapsed().as_millis() as u64,
            "answered"
        );
        answer::posted(data, msg.author.id.get(), &reply, at);
        tally::answered(data, Some(guild), &reply);
    }
    note_moderators(ctx, data, msg, guild, &reply, &settings, posted).await;
}

/// A bare mention gets a greeting; greetings share the asker's cooldown,
/// so bare mentions cannot make the bot post without end.
async fn greet(ctx: &SCtx, data: &Data, msg: &Message, now: Instant) {
    let cd = data.config.cooldowns.user;
    if data.limiter.user(msg.author.id.get(), now, cd).is_err() {
        return;
    }
    let note = render::Rendered::note(
        "Hi! Mention me with a health question and I'll share vetted links, or use `/ask`.",
    );
    let _ = msg
        .channel_id
        .send_message(&ctx.http, send::channel_reply(&note, msg))
        .await;
}

/// The server's settings; a message carries no user locale, so the
/// server's language is the hint for the region.
async fn settings_for_message(ctx: &SCtx, data: &Data, guild: u64) -> answer::AnswerSettings {
    let guild_locale = ctx
        .cache
        .guild(serenity::GuildId::new(guild))
        .map(|g| g.preferred_locale.clone());
    let locales = answer::Locales {
        user: None,
        guild: guild_locale.as_deref(),
    };
    answer::settings_for(data, Some(guild), locales).await
}

/// Unprompted answers only for a crisis screen or when the core recognised
/// a condition in the message (its confidence signal), at most once per
/// channel cooldown unless it is a crisis.
fn auto_wanted(data: &Data, msg: &Message, reply: &Reply, now: Instant) -> bool {
    if reply.emergency.is_some() {
        return true;
    }
    let confident = !reply.no_match && !reply.results.is_empty() && !reply.detected.is_empty();
    confident
        && data
            .limiter
            .auto(msg.channel_id.get(), now, data.config.cooldowns.auto)
}

/// Post the answer unless a cooldown or duplicate holds it back. `None`
/// when held back; otherwise where it was posted, if it was.
async fn hold_or_post(
    ctx: &SCtx,
    data: &Data,
    msg: &Message,
    reply: &Reply,
    settings: &answer::AnswerSettings,
) -> Option<Option<Earlier>> {
    let who = Asker {
        user: msg.author.id.get(),
        channel: msg.channel_id.get(),
        public: true,
    };
    if let Err(hold) = answer::check(data, who, reply, &settings.guild) {
        tracing::info!(?hold, "held back");
        // A channel message cannot be answered privately: stay quiet, never
        // ping, except that a repeat emergency gets its short pointer.
        if matches!(hold, answer::Hold::RepeatEmergency { .. }) {
            deliver_reply(ctx, msg, &render::Rendered::note(&hold.note())).await;
        }
        return None;
    }
    let rendered = render::render(reply, settings.opts.k, style_in_channel(ctx, msg));
    Some(deliver_reply(ctx, msg, &rendered).await)
}

/// The moderators' crisis note, attempted even when the answer was not
/// delivered: they may be able to help when the bot could not.
async fn note_moderators(
    ctx: &SCtx,
    data: &Data,
    msg: &Message,
    guild: u64,
    reply: &Reply,
    settings: &answer::AnswerSettings,
    posted: Option<Earlier>,
) {
    let Some(e) = &reply.emergency else { return };
    let due = || {
        data.limiter
            .crisis_note_due(guild, msg.author.id.get(), Instant::now())
    };
    if settings.guild.log_channel.is_none() || !due() {
        return;
    }
    let shown = posted.map_or(Shown::NotDelivered, |at| Shown::Public(Some(at)));
    let (channel, id) = (msg.channel_id.get(), msg.id.get());
    crisis_log::note(ctx, &settings.guild, guild, channel, &e.category, shown, id).await;
}

/// Post the reply, retrying what can be retried (the nonce makes a retry of
/// a send that landed return the first message). `None` when it could not
/// be delivered; that is logged with ids only.
async fn deliver_reply(ctx: &SCtx, msg: &Message, rendered: &render::Rendered) -> Option<Earlier> {
    let builder = send::channel_reply(rendered, msg);
    let sent = deliver::with_retry("answer", || {
        msg.channel_id.send_message(&ctx.http, builder.clone())
    })
    .await;
    match sent {
        Ok(m) => Some(Earlier {
            guild: msg.guild_id.map_or(0, |g| g.get()),
            channel: m.channel_id.get(),
            message: m.id.get(),
        }),
        Err(e) => {
            tracing::error!(message = msg.id.get(), channel = msg.channel_id.get(), error = %e, "answer not delivered");
            None
        }
    }
}

/// Embeds unless the cache shows the bot lacks Embed Links in this channel.
fn style_in_channel(ctx: &SCtx, msg: &Message) -> Style {
    let perms = msg.guild_id.and_then(|g| {
        let guild = ctx.cache.guild(g)?;
        let channel = guild.channels.get(&msg.channel_id)?;
        let me = guild.members.get(&ctx.cache.current_user().id)?;
        Some(guild.user_permissions_in(channel, me))
    });
    send::style_for(perms)
}
