//! `/ask` and the "Find vetted resources" message context menu.

use poise::serenity_prelude as serenity;
use tracing::Instrument;

use crate::discord::answer::{self, Asker, Hold};
use crate::discord::commands::interaction::{self, Sent};
use crate::discord::cooldown::{Earlier, answer_key};
use crate::discord::crisis_log::{self, Shown};
use crate::discord::data::{Context, Error};
use crate::discord::render::{self, Rendered};
use crate::discord::{question, send, tally};

/// Find clinician-approved resources for a health question
#[poise::command(slash_command)]
pub async fn ask(
    ctx: Context<'_>,
    #[description = "Your question (never stored or logged)"]
    #[max_length = 1000]
    question: String,
    #[description = "Only you see the answer"] private: Option<bool>,
    #[description = "Where you are, for the right emergency numbers and pages"] region: Option<
        RegionChoice,
    >,
) -> Result<(), Error> {
    let q = question::strip_mentions(&question);
    respond(ctx, &q, private, region, "slash").await
}

/// The regions a patient can pick in `/ask`.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum RegionChoice {
    #[name = "United Kingdom"]
    Uk,
    #[name = "Ireland"]
    Ie,
    #[name = "United States"]
    Us,
    #[name = "Canada"]
    Ca,
    #[name = "Australia"]
    Au,
    #[name = "New Zealand"]
    Nz,
    #[name = "Somewhere else"]
    Global,
}

impl RegionChoice {
    /// The catalog's region code.
    pub fn code(self) -> &'static str {
        match self {
            RegionChoice::Uk => "uk",
            RegionChoice::Ie => "ie",
            RegionChoice::Us => "us",
            RegionChoice::Ca => "ca",
            RegionChoice::Au => "au",
            RegionChoice::Nz => "nz",
            RegionChoice::Global => "global",
        }
    }
}

/// Answers the invoker privately with vetted resources for someone's message.
#[poise::command(context_menu_command = "Find vetted resources")]
pub async fn find_resources(
    ctx: Context<'_>,
    #[description = "The message to find resources for"] message: serenity::Message,
) -> Result<(), Error> {
    let q = question::strip_mentions(&message.content);
    // A helper's tool: the answer goes to the invoker only, nobody is pinged.
    respond(ctx, &q, Some(true), None, "menu").await
}

async fn respond(
    ctx: Context<'_>,
    question: &str,
    private: Option<bool>,
    region: Option<RegionChoice>,
    kind: &'static str,
) -> Result<(), Error> {
    let _busy = ctx.data().in_flight.start();
    let span = tracing::info_span!(
        "answer",
        kind,
        guild = ctx.guild_id().map(|g| g.get()),
        channel = ctx.channel_id().get(),
        interaction = ctx.id(),
        question_chars = question.chars().count(),
    );
    answer_interaction(ctx, question, private, region)
        .instrument(span)
        .await
}

async fn answer_interaction(
    ctx: Context<'_>,
    question: &str,
    private: Option<bool>,
    region: Option<RegionChoice>,
) -> Result<(), Error> {
    let data = ctx.data();
    if question.is_empty() {
        let note = Rendered::note(
            "Please include a question, e.g. `/ask question: asthma inhaler technique`.",
        );
        ctx.send(send::interaction_reply(&note, true)).await?;
        return Ok(());
    }
    let started = std::time::Instant::now();
    let asker = ctx.author().id.get();
    if let Some(hold) = answer::cooling(ctx.data(), asker, None, question, started).map(Hold::User)
    {
        tracing::info!(?hold, "held back before the engine");
        interaction::private_note(ctx, &Rendered::note(&hold.note()), false).await?;
        return Ok(());
    }
    let locales = answer::Locales {
        user: ctx.locale(),
        guild: guild_locale(ctx),
    };
    let (mut settings, deferred) = settings_in_time(ctx, locales, started).await?;
    if let Some(r) = region {
        settings.opts.region = r.code().to_string();
    }
    // Deferred privately while the settings were slow: the answer follows
    // that deferral (private is the safe side when we could not know).
    let ephemeral = deferred || private.unwrap_or(settings.guild.private_default);
    let (reply, public_defer) =
        compute(ctx, question, &settings, ephemeral, started, deferred).await?;
    let who = Asker {
        user: ctx.author().id.get(),
        channel: ctx.channel_id().get(),
        public: !ephemeral,
    };
    if let Err(hold) = answer::check(data, who, &reply, &settings.guild) {
        tracing::info!(?hold, "held back");
        interaction::private_note(ctx, &Rendered::note(&hold.note()), public_defer).await?;
        return Ok(());
    }
    let rendered = render::render(
        &reply,
        settings.opts.k,
        send::style_for(app_permissions(ctx)),
    );
    let sent = interaction::answer(ctx, &rendered, ephemeral).await;
    let shown = match &sent {
        Ok(handle) => {
            tracing::info!(
                results = reply.results.len(),
                emergency = reply.emergency.is_some(),
                ephemeral,
                ms = started.elapsed().as_millis() as u64,
                "answered"
            );
            tally::answered(data, ctx.guild_id().map(|g| g.get()), &reply);
            record(ctx, &reply, ephemeral, handle).await
        }
        Err(e) => {
            tracing::error!(error = %e, "answer not delivered");
            Shown::NotDelivered
        }
    };
    // Attempted even when the answer was not delivered.
    let due = |g: u64| {
        data.limiter
            .crisis_note_due(g, ctx.author().id.get(), std::time::Instant::now())
    };
    if let (Some(e), Some(guild)) = (&reply.emergency, ctx.guild_id())
        && settings.guild.log_channel.is_some()
        && due(guild.get())
    {
        let (channel, id) = (ctx.channel_id().get(), ctx.id());
        crisis_log::note(
            ctx.serenity_context(),
            &settings.guild,
            guild.get(),
            channel,
            &e.category,
            shown,
            id,
        )
        .await;
    }
    sent.map(|_| ()).map_err(Into::into)
}

/// The server's settings, deferring the interaction (privately) first if
/// the store is slower than the fast path allows: Discord's 3 s deadline
/// holds whatever the database does. True when it deferred.
async fn settings_in_time(
    ctx: Context<'_>,
    locales: answer::Locales<'_>,
    started: std::time::Instant,
) -> Result<(answer::AnswerSettings, bool), Error> {
    let lookup = answer::settings_for(ctx.data(), ctx.guild_id().map(|g| g.get()), locales);
    tokio::pin!(lookup);
    let left = answer::FAST_PATH.saturating_sub(started.elapsed());
    if let Ok(settings) = tokio::time::timeout(left, &mut lookup).await {
        return Ok((settings, false));
    }
    tracing::info!("slow settings; deferring privately");
    ctx.defer_ephemeral().await?;
    Ok((lookup.await, true))
}

/// The engine's reply, deferring (privately when the answer will be) when it
/// takes longer than the fast path; true when it deferred publicly.
async fn compute(
    ctx: Context<'_>,
    question: &str,
    settings: &answer::AnswerSettings,
    ephemeral: bool,
    started: std::time::Instant,
    deferred: bool,
) -> Result<(crate::reply::Reply, bool), Error> {
    let data = ctx.data();
    let opts = &settings.opts;
    let mut task = answer::start(data, question.to_string(), settings.opts.clone());
    if deferred {
        return Ok((answer::finish(data, task, opts).await, false));
    }
    let left = answer::FAST_PATH.saturating_sub(started.elapsed());
    if let Ok(done) = tokio::time::timeout(left, &mut task).await {
        let reply = done.unwrap_or_else(|_| answer::failure_reply(data, opts));
        return Ok((reply, false));
    }
    tracing::info!("slow answer; deferring");
    if ephemeral {
        ctx.defer_ephemeral().await?;
    } else {
        ctx.defer().await?;
    }
    Ok((answer::finish(data, task, opts).await, !ephemeral))
}

/// Remember a public answer for duplicate checks and link to it from the
/// crisis note; how it was shown.
async fn record(
    ctx: Context<'_>,
    reply: &crate::reply::Reply,
    ephemeral: bool,
    handle: &Sent<'_>,
) -> Shown {
    if ephemeral {
        return Shown::Private;
    }
    // The message id is only needed for duplicate checks and crisis notes.
    let wants_id = answer_key(reply).is_some() || reply.emergency.is_some();
    let (Some(guild), true) = (ctx.guild_id(), wants_id) else {
        return Shown::Public(None);
    };
    let Some(msg) = handle.message().await else {
        return Shown::Public(None);
    };
    let at = Earlier {
        guild: guild.get(),
        channel: msg.channel_id.get(),
        message: msg.id.get(),
    };
    answer::posted(ctx.data(), ctx.author().id.get(), reply, at);
    Shown::Public(Some(at))
}

fn guild_locale(ctx: Context<'_>) -> Option<&str> {
    match ctx {
        poise::Context::Application(a) => a.interaction.guild_locale.as_deref(),
        poise::Context::Prefix(_) => None,
    }
}

fn app_permissions(ctx: Context<'_>) -> Option<serenity::Permissions> {
    match ctx {
        poise::Context::Application(a) => a.interaction.app_permissions,
        poise::Context::Prefix(_) => None,
    }
}
