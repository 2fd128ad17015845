//! `/signpost ...`: moderators' settings for their server. All replies ephemeral.

use poise::serenity_prelude as serenity;

use crate::catalog::REGIONS;
use crate::config::is_region_code;
use crate::discord::checks;
use crate::discord::data::{Context, Error};
use crate::discord::render::Rendered;
use crate::discord::send;
use crate::nation::Nation;
use crate::store::{ChannelMode, GuildField};

use super::{stats, status};

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

/// A UK nation, or none.
#[derive(Debug, Clone, Copy, poise::ChoiceParameter)]
pub enum NationChoice {
    #[name = "england"]
    England,
    #[name = "scotland"]
    Scotland,
    #[name = "wales"]
    Wales,
    #[name = "northern-ireland"]
    NorthernIreland,
    #[name = "none"]
    None,
}

impl NationChoice {
    fn nation(self) -> Option<Nation> {
        match self {
            NationChoice::England => Some(Nation::England),
            NationChoice::Scotland => Some(Nation::Scotland),
            NationChoice::Wales => Some(Nation::Wales),
            NationChoice::NorthernIreland => Some(Nation::NorthernIreland),
            NationChoice::None => None,
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
        "nation",
        "fallback",
        "private",
        "results",
        "cooldown",
        "log_channel",
        "status::status",
        "stats::stats",
        "status::reload"
    ),
    subcommand_required
)]
pub async fn signpost(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

pub(super) async fn say(ctx: Context<'_>, text: impl AsRef<str>) -> Result<(), Error> {
    ctx.send(send::interaction_reply(
        &Rendered::note(text.as_ref()),
        true,
    ))
    .await?;
    Ok(())
}

pub(super) fn guild(ctx: Context<'_>) -> Result<u64, Error> {
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

/// UK servers: which nation (NHS inform leads in Scotland; the nation's own lines)
#[poise::command(slash_command)]
pub async fn nation(
    ctx: Context<'_>,
    #[description = "england, scotland, wales, northern-ireland, or none"] value: NationChoice,
) -> Result<(), Error> {
    let nation = value.nation();
    if !update(ctx, GuildField::Nation(nation)).await? {
        return Ok(());
    }
    let text = match nation {
        Some(n) => format!(
            "Nation set to {}. When this server's region is `uk`, answers lead with {} pages \
             and show only the helplines and 111 / out-of-hours routes that serve {}.",
            n.label(),
            crate::nation::preferred_nhs_publisher(Some(n)),
            n.label()
        ),
        None => "Nation cleared: UK answers use the NHS website and list every nation's \
                 lines, each labelled with where it applies."
            .to_string(),
    };
    say(ctx, text).await
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
