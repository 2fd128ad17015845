//! The answer path shared by `/ask`, the context menu, mentions and auto mode.

use std::time::{Duration, Instant};

use tokio::task::JoinHandle;

use super::cooldown::{Earlier, answer_key};
use super::data::Data;
use crate::engine::AskOptions;
use crate::fallback::Fallback;
use crate::reply::{NoMatchHelp, Reply};
use crate::store::GuildSettings;

/// Answers slower than this are deferred (Discord's deadline is 3 s).
pub const FAST_PATH: Duration = Duration::from_millis(1500);

/// Shown when an answer could not be produced at all.
const FAILURE_NOTICE: &str = "Signpost shares vetted links, not medical advice. \
If you are worried about your health, contact a doctor or your local health service.";

/// Settings that shape one answer.
#[derive(Debug, Clone)]
pub struct AnswerSettings {
    pub guild: GuildSettings,
    pub opts: AskOptions,
}

/// The Discord languages of the asker and of the server, when known.
#[derive(Debug, Clone, Copy, Default)]
pub struct Locales<'a> {
    pub user: Option<&'a str>,
    pub guild: Option<&'a str>,
}

/// The region a Discord locale names. Only `en-GB` and `en-US` name one:
/// Discord has no English locale for Ireland, Canada, Australia or New
/// Zealand, and its `uk` locale is Ukrainian, not the United Kingdom.
pub fn region_from_locale(locale: &str) -> Option<&'static str> {
    match locale {
        "en-GB" => Some("uk"),
        "en-US" => Some("us"),
        _ => None,
    }
}

/// The region for an answer: the server's choice, the operator's default,
/// the asker's language, the server's language, else `global`.
pub fn pick_region(stored: Option<&str>, default: Option<&str>, locales: Locales<'_>) -> String {
    stored
        .or(default)
        .or_else(|| locales.user.and_then(region_from_locale))
        .or_else(|| locales.guild.and_then(region_from_locale))
        .unwrap_or("global")
        .to_string()
}

/// A server's settings merged with the bot's defaults (defaults for DMs).
pub async fn settings_for(data: &Data, guild: Option<u64>, locales: Locales<'_>) -> AnswerSettings {
    let stored = match guild {
        Some(g) => data.store.guild(g).await.unwrap_or_else(|e| {
            tracing::error!(guild = g, error = %e, "settings unavailable and none known; answering privately");
            GuildSettings::fail_safe()
        }),
        None => GuildSettings::default(),
    };
    let opts = AskOptions {
        region: pick_region(
            stored.region.as_deref(),
            data.config.default_region.as_deref(),
            locales,
        ),
        nation: stored.nation.or(data.config.default_nation),
        k: usize::from(stored.results.unwrap_or(data.config.results)),
        fallback: if stored.fallback.unwrap_or(data.config.fallback) {
            Fallback::Default
        } else {
            Fallback::Off
        },
        on: None,
    };
    AnswerSettings {
        guild: stored,
        opts,
    }
}

/// The cheap check made before settings and search: how long this asker
/// (or, in auto mode, `auto_channel`) must still wait, unless the safety
/// screen hears a crisis (emergencies are never held back by a cooldown).
pub fn cooling(
    data: &Data,
    user: u64,
    auto_channel: Option<u64>,
    question: &str,
    now: Instant,
) -> Option<Duration> {
    let cds = &data.config.cooldowns;
    let left = data
        .limiter
        .user_left(user, now, cds.user)
        .or_else(|| auto_channel.and_then(|c| data.limiter.auto_left(c, now, cds.auto)))?;
    (!data.engine.current().sounds_like_crisis(question)).then_some(left)
}

/// Start answering on the serving engine, off the async threads.
pub fn start(data: &Data, question: String, opts: AskOptions) -> JoinHandle<Reply> {
    let engine = data.engine.current();
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        let reply = engine.answer(&question, &opts);
        crate::ops::METRICS.answered(&reply, started.elapsed());
        reply
    })
}

/// The answer, or a kind failure reply if the engine crashed.
pub async fn finish(data: &Data, task: JoinHandle<Reply>, opts: &AskOptions) -> Reply {
    task.await.unwrap_or_else(|_| failure_reply(data, opts))
}

/// A kind "try again" reply, used when the engine crashed. It still ends
/// with the region's (and nation's) emergency number and crisis line.
pub fn failure_reply(data: &Data, opts: &AskOptions) -> Reply {
    let region = opts.region.as_str();
    tracing::error!("engine crashed while answering");
    Reply {
        emergency: None,
        results: Vec::new(),
        notice: FAILURE_NOTICE.to_string(),
        no_match: true,
        no_match_help: Some(NoMatchHelp {
            message: "Sorry, I couldn't look that up just now. Please try again in a moment."
                .into(),
            routes: Vec::new(),
            did_you_mean: Vec::new(),
        }),
        region: region.to_string(),
        urgent: data.engine.current().safety_net(region, opts.nation),
        detected: Vec::new(),
        fallback_region: None,
    }
}

/// Why an answer is not posted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hold {
    /// The asker asked too recently.
    User(Duration),
    /// The channel had a public answer too recently.
    Channel(Duration),
    /// The same answer is already in this channel.
    Duplicate(Earlier),
    /// This person was shown the emergency block here minutes ago; the
    /// reply points back to it and repeats the emergency line.
    RepeatEmergency { at: Earlier, urgent: String },
}

impl Hold {
    /// The short private note for the asker.
    pub fn note(&self) -> String {
        match self {
            Hold::User(left) => format!(
                "Please wait {} s before asking again.",
                left.as_secs().max(1)
            ),
            Hold::Channel(left) => format!(
                "I answered in this channel a moment ago; please wait {} s, or use `/ask` with `private: True`.",
                left.as_secs().max(1)
            ),
            Hold::Duplicate(at) => format!(
                "I shared these same resources here a few minutes ago: {}",
                at.jump_url()
            ),
            Hold::RepeatEmergency { at, urgent } => format!(
                "The emergency contacts I shared a few minutes ago are here: {}\n{urgent}",
                at.jump_url()
            ),
        }
    }
}

/// Who asked where, for cooldowns and duplicate checks.
#[derive(Debug, Clone, Copy)]
pub struct Asker {
    pub user: u64,
    pub channel: u64,
    /// The answer would be visible to the channel.
    pub public: bool,
}

/// Cooldowns and duplicates. Emergency answers are never suppressed: a
/// public repeat from the same person in the same channel within ten
/// minutes gets a short pointer to the first block with the emergency line.
pub fn check(data: &Data, who: Asker, reply: &Reply, settings: &GuildSettings) -> Result<(), Hold> {
    if reply.emergency.is_some() {
        let earlier = who.public.then(|| {
            data.limiter
                .earlier_emergency(who.user, who.channel, Instant::now())
        });
        return match earlier.flatten() {
            Some(at) => Err(Hold::RepeatEmergency {
                at,
                urgent: reply.urgent.text.clone(),
            }),
            None => Ok(()),
        };
    }
    let now = Instant::now();
    let cds = &data.config.cooldowns;
    if who.public
        && let Some(key) = answer_key(reply)
        && let Some(at) = data.limiter.duplicate(who.channel, key, now, cds.duplicate)
    {
        return Err(Hold::Duplicate(at));
    }
    data.limiter
        .user(who.user, now, cds.user)
        .map_err(Hold::User)?;
    if who.public {
        let cd = settings
            .cooldown_secs
            .map_or(cds.channel, |s| Duration::from_secs(u64::from(s)));
        data.limiter
            .channel(who.channel, now, cd)
            .map_err(Hold::Channel)?;
    }
    Ok(())
}

/// Remember a public answer for duplicate suppression (and a public
/// emergency block for repeat pointers).
pub fn posted(data: &Data, user: u64, reply: &Reply, at: Earlier) {
    if reply.emergency.is_some() {
        data.limiter.emergency_posted(user, at, Instant::now());
    }
    if let Some(key) = answer_key(reply) {
        data.limiter
            .posted(key, at, Instant::now(), data.config.cooldowns.duplicate);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_comes_from_the_server_then_the_languages_then_global() {
        let both = Locales {
            user: Some("en-GB"),
            guild: Some("en-US"),
        };
        assert_eq!(pick_region(Some("nz"), None, both), "nz");
        assert_eq!(pick_region(None, Some("ie"), both), "ie");
        assert_eq!(pick_region(None, None, both), "uk");
        let guild_only = Locales {
            user: Some("fr"),
            guild: Some("en-US"),
        };
        assert_eq!(pick_region(None, None, guild_only), "us");
        let ukrainian = Locales {
            user: Some("uk"),
            guild: None,
        };
        assert_eq!(pick_region(None, None, ukrainian), "global");
        assert_eq!(pick_region(None, None, Locales::default()), "global");
    }
}
