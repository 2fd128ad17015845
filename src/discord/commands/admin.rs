//! `/signpost ...`: moderators' settings for their server. All replies ephemeral.

use poise::serenity_prelude as serenity;

use crate::catalog::REGIONS;
use crate::config::is_region_code;
use crate::discord::checks;
use crate::discord::data::{Context, Error};
use crate::discord::render::Rendered;
use crate::discord::send;
use crate::store::{ChannelMode, GuildField};

/// Channel modes a moderator can pick.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum ModeChoice {
    #[name = "mentions"]
    Mentions,
    #[name = "auto"]
    Auto,
    #[name = "off"]
    Off,
}

impl From<ModeChoice> for ChannelMode {
    fn from(c: ModeChoice) -> Self {
        match c {
            ModeChoice::Mentions => ChannelMode::Mentions,
            ModeChoice::Auto => ChannelMode::Auto,
            ModeChoice::Off => ChannelMode::Off,
        }
    }
}

/// On or off.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum OnOff {
    #[name = "on"]
    On,
    #[name = "off"]
    Off,
}

/// Signpost settings for this server (moderators)
#[poise::command(
    slash_command,
    guild_only,
    default_member_permissions = "MANAGE_GUILD",
    check = "checks::moderator",
    subcommands(
        "channels",
        "mode",
        "region",
        "fallback",
        "private",
        "results",
        "cooldown",
        "log_channel",
        "status",
        "reload"
    ),
    subcommand_required
)]
pub async fn signpost(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

async fn say(ctx: Context<'_>, text: impl AsRef<str>) -> Result<(), Error> {
    ctx.send(send::interaction_reply(
        &Rendered::note(text.as_ref()),
        true,
    ))
    .await?;
    Ok(())
}

fn guild(ctx: Context<'_>) -> Result<u64, Error> {
    ctx.guild_id()
        .map(|g| g.get())
        .ok_or_else(|| "not in a server".into())
}

/// Change one setting. `Ok(false)` (after telling the moderator) when the
/// database refused: nothing was changed.
async fn update(ctx: Context<'_>, field: GuildField) -> Result<bool, Error> {
    let g = guild(ctx)?;
    let write = ctx.data().store.set_field(g, &field);
    tokio::pin!(write);
    // A busy database must not make the reply miss Discord's deadline.
    let written = match tokio::time::timeout(crate::discord::answer::FAST_PATH, &mut write).await {
        Ok(done) => done,
        Err(_) => {
            ctx.defer_ephemeral().await?;
            write.await
        }
    };
    match written {
        Ok(()) => Ok(true),
        Err(e) => {
            tracing::error!(guild = g, error = %e, "setting not saved");
            say(
                ctx,
                "Your change was **not saved**: the settings database is unavailable right now. Nothing was changed; please try again in a moment.",
            )
            .await?;
            Ok(false)
        }
    }
}

/// Channels where Signpost answers mentions or runs auto mode
#[poise::command(
    slash_command,
    subcommands("channels_add", "channels_remove", "channels_list"),
    subcommand_required
)]
pub async fn channels(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Answer @mentions in a channel
#[poise::command(slash_command, rename = "add")]
pub async fn channels_add(
    ctx: Context<'_>,
    #[description = "Channel (default: this one)"] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    set_mode(ctx, channel, ChannelMode::Mentions).await
}

/// Stop answering in a channel
#[poise::command(slash_command, rename = "remove")]
pub async fn channels_remove(
    ctx: Context<'_>,
    #[description = "Channel (default: this one)"] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    set_mode(ctx, channel, ChannelMode::Off).await
}

/// List the channels where Signpost answers
#[poise::command(slash_command, rename = "list")]
pub async fn channels_list(ctx: Context<'_>) -> Result<(), Error> {
    let list = ctx.data().store.channels(guild(ctx)?).await?;
    if list.is_empty() {
        return say(
            ctx,
            "No channels enabled: Signpost answers `/ask` and the context menu only.",
        )
        .await;
    }
    let lines: Vec<String> = list.iter().map(|(c, m)| format!("<#{c}>: {m}")).collect();
    say(ctx, lines.join("\n")).await
}

/// How Signpost behaves in a channel: mentions, auto or off
#[poise::command(slash_command)]
pub async fn mode(
    ctx: Context<'_>,
    #[description = "mentions, auto (answers questions unprompted) or off"] mode: ModeChoice,
    #[description = "Channel (default: this one)"] channel: Option<serenity::ChannelId>,
) -> Result<(), Error> {
    let mode = ChannelMode::from(mode);
    if mode == ChannelMode::Auto && !ctx.data().config.message_content_intent {
        return say(ctx, "Auto mode needs the Message Content intent, which this bot does not request (`discord.message_content_intent` in its config). Mentions mode works without it.").await;
    }
    set_mode(ctx, channel, mode).await
}

async fn set_mode(
    ctx: Context<'_>,
    channel: Option<serenity::ChannelId>,
    mode: ChannelMode,
) -> Result<(), Error> {
    let g = guild(ctx)?;
    let ch = channel.unwrap_or(ctx.channel_id()).get();
    ctx.data().store.set_channel_mode(g, ch, mode).await?;
    tracing::info!(
        guild = g,
        channel = ch,
        mode = mode.as_str(),
        "channel mode set"
    );
    say(ctx, format!("<#{ch}> is now `{mode}`.")).await
}

/// Region for answers and emergency contacts (e.g. uk, us)
#[poise::command(slash_command)]
pub async fn region(
    ctx: Context<'_>,
    #[description = "Region code, e.g. uk or us"] code: String,
) -> Result<(), Error> {
    let code = code.trim().to_lowercase();
    if !is_region_code(&code) || !REGIONS.contains(&code.as_str()) {
        return say(
            ctx,
            format!("Unknown region. Choose one of: {}.", REGIONS.join(", ")),
        )
        .await;
    }
    if !update(ctx, GuildField::Region(Some(code.clone()))).await? {
        return Ok(());
    }
    say(ctx, format!("Region set to `{code}`.")).await
}

/// Whether answers may use labelled pages from a nearby country when none here fits
#[poise::command(slash_command)]
pub async fn fallback(
    ctx: Context<'_>,
    #[description = "on or off"] value: OnOff,
) -> Result<(), Error> {
    let on = matches!(value, OnOff::On);
    if !update(ctx, GuildField::Fallback(Some(on))).await? {
        return Ok(());
    }
    say(
        ctx,
        if on {
            "When this server's region has no page that fits, answers may use labelled pages \
             from a nearby country (ie → uk, ca → us, au → uk, nz → au → uk). \
             Emergency numbers always stay this server's region's."
        } else {
            "Answers now use this server's region's pages only; when none fits, the answer \
             says so kindly and lists the region's general services."
        },
    )
    .await
}

/// Whether answers are private (only the asker sees them) by default
#[poise::command(slash_command)]
pub async fn private(
    ctx: Context<'_>,
    #[description = "on or off"] value: OnOff,
) -> Result<(), Error> {
    let on = matches!(value, OnOff::On);
    if !update(ctx, GuildField::PrivateDefault(on)).await? {
        return Ok(());
    }
    say(
        ctx,
        if on {
            "Answers are now private by default."
        } else {
            "Answers are now public by default."
        },
    )
    .await
}

/// How many resources each answer shows
#[poise::command(slash_command)]
pub async fn results(
    ctx: Context<'_>,
    #[description = "1 to 5"]
    #[min = 1]
    #[max = 5]
    count: u8,
) -> Result<(), Error> {
    if !(1..=5).contains(&count) {
        return say(ctx, "Choose between 1 and 5 results.").await;
    }
    if !update(ctx, GuildField::Results(Some(count))).await? {
        return Ok(());
    }
    say(ctx, format!("Answers now show up to {count} resources.")).await
}

/// Seconds between public answers in one channel
#[poise::command(slash_command)]
pub async fn cooldown(
    ctx: Context<'_>,
    #[description = "Seconds (0 to 3600)"]
    #[min = 0]
    #[max = 3600]
    seconds: u32,
) -> Result<(), Error> {
    let seconds = seconds.min(3600);
    if !update(ctx, GuildField::CooldownSecs(Some(seconds))).await? {
        return Ok(());
    }
    say(ctx, format!("Channel cooldown set to {seconds} s.")).await
}

/// Where moderators are told (with a link only) that a crisis-screened question was asked
#[poise::command(slash_command, rename = "log-channel")]
pub async fn log_channel(
    ctx: Context<'_>,
    #[description = "Moderator-only channel; leave empty to turn off"] channel: Option<
        serenity::ChannelId,
    >,
) -> Result<(), Error> {
    let ch = channel.map(|c| c.get());
    if !update(ctx, GuildField::LogChannel(ch)).await? {
        return Ok(());
    }
    match ch {
        Some(c) => {
            say(
                ctx,
                format!("Crisis notes (a link only, never the text) go to <#{c}>."),
            )
            .await
        }
        None => say(ctx, "Crisis notes are off.").await,
    }
}

/// Catalog and this server's settings
#[poise::command(slash_command)]
pub async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let g = guild(ctx)?;
    let s = data.store.guild(g).await?;
    let chans = data.store.channels(g).await?;
    let mut text = catalog_status(data);
    text.push_str(&format!(
        "\n**This server**: region {}, pages from nearby countries: {}, private by default: {}, results: {}, cooldown: {} s, crisis notes: {}\n**Channels**: {}",
        region_status(s.region.as_deref(), data.config.default_region.as_deref()),
        if s.fallback.unwrap_or(data.config.fallback) { "on" } else { "off" },
        if s.private_default { "on" } else { "off" },
        s.results.unwrap_or(data.config.results),
        s.cooldown_secs.map_or(data.config.cooldowns.channel.as_secs(), u64::from),
        s.log_channel.map_or("off".to_string(), |c| format!("<#{c}>")),
        if chans.is_empty() { "none".to_string() } else { chans.iter().map(|(c, m)| format!("<#{c}> {m}")).collect::<Vec<_>>().join(", ") },
    ));
    say(ctx, text).await
}

/// The region line of `/signpost status`, with a nudge when none is set:
/// emergency numbers then depend on each asker's Discord language.
fn region_status(stored: Option<&str>, default: Option<&str>) -> String {
    match (stored, default) {
        (Some(r), _) => format!("`{r}`"),
        (None, Some(d)) => {
            format!("`{d}` (the bot's default; set this server's with `/signpost region`)")
        }
        (None, None) => "**not set** — emergency numbers follow each asker's Discord language \
             (en-GB → uk, en-US → us, otherwise international contacts). \
             Please set it with `/signpost region`"
            .to_string(),
    }
}

/// Reload the catalog now (bot owners)
#[poise::command(slash_command, owners_only)]
pub async fn reload(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer_ephemeral().await?;
    match ctx.data().engine.reload().await {
        Ok(generation) => say(ctx, format!("Catalog reloaded (generation {generation}).")).await,
        Err(e) => say(ctx, format!("Reload refused: {e}")).await,
    }
}

/// Catalog version and size, index age, placeholder approvals, last reload.
fn catalog_status(data: &crate::discord::Data) -> String {
    let live = data.engine.status();
    let engine = data.engine.current();
    let catalog = engine.catalog();
    let meta = engine.meta();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let placeholders = catalog
        .resources
        .iter()
        .filter(|r| catalog.is_placeholder_approval(r))
        .count();
    let mut text = format!(
        "**Catalog**: version `{}`, {} resources, {} conditions; index built {} min ago; generation {} loaded in {} ms",
        meta.fingerprint.chars().take(12).collect::<String>(),
        catalog.resources.len(),
        catalog.conditions.len(),
        now.saturating_sub(meta.built_at) / 60,
        live.generation,
        live.load_time.as_millis(),
    );
    if placeholders > 0 {
        text.push_str(&format!(
            "\n**Approvals**: {placeholders} of {} are placeholders, not a clinician's review",
            catalog.resources.len()
        ));
    }
    if let Some(e) = &live.last_error {
        let e = without_paths(e, &data.config.resources, &data.config.index);
        text.push_str(&format!(
            "\nLast reload was refused: {}",
            crate::discord::render::limits::truncate(&e, 500)
        ));
    }
    text
}

/// A reload error as moderators may see it: the operator's directories are
/// not theirs to know, so catalog files are named relative to the catalog
/// (`library/asthma.toml:12`, what a clinician edits) and the index as
/// `<index>`.
fn without_paths(text: &str, resources: &std::path::Path, index: &std::path::Path) -> String {
    let mut out = text.to_string();
    for (dir, name) in [(resources, ""), (index, "<index>")] {
        let shown = dir.display().to_string();
        if shown.is_empty() {
            continue;
        }
        out = out.replace(
            &format!("{shown}/"),
            if name.is_empty() { "" } else { "<index>/" },
        );
        out = out.replace(&shown, if name.is_empty() { "<catalog>" } else { name });
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn status_errors_name_no_directories() {
        let e = "/srv/bot/resources/library/asthma.toml:12: unknown condition; index /var/lib/signpost/index is stale";
        let shown = super::without_paths(
            e,
            Path::new("/srv/bot/resources"),
            Path::new("/var/lib/signpost/index"),
        );
        assert_eq!(
            shown,
            "library/asthma.toml:12: unknown condition; index <index> is stale"
        );
    }
}
