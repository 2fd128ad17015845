//! JSON payloads serenity 0.12.5 accepts (see shared/notes/fake-discord.md for
//! the required fields; a payload missing one is dropped silently).

use serde_json::{Value, json};

pub const BOT_ID: u64 = 100_000_000_000_000_001;
pub const APP_ID: u64 = 100_000_000_000_000_002;
pub const GUILD_ID: u64 = 100_000_000_000_000_003;
/// A channel tests enable for mentions.
pub const CHANNEL_ID: u64 = 100_000_000_000_000_004;
/// A channel no moderator enabled.
pub const OTHER_CHANNEL_ID: u64 = 100_000_000_000_000_006;
/// The moderators' log channel.
pub const LOG_CHANNEL_ID: u64 = 100_000_000_000_000_007;
/// A thread started in CHANNEL_ID.
pub const THREAD_ID: u64 = 100_000_000_000_000_009;
/// A member without Manage Server.
pub const HUMAN_ID: u64 = 100_000_000_000_000_005;
/// A member with Manage Server.
pub const MOD_ID: u64 = 100_000_000_000_000_008;
/// Owner of the application (may `/signpost reload`).
pub const OWNER_ID: u64 = MOD_ID;
pub const TS: &str = "2024-01-01T00:00:00.000000+00:00";

/// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY.
pub const MEMBER_PERMS: &str = "84992";
/// MEMBER_PERMS | MANAGE_GUILD.
pub const MOD_PERMS: &str = "85024";

pub fn user(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(), "username": name, "discriminator": "0",
        "global_name": null, "avatar": null, "bot": bot, "public_flags": 0
    })
}

pub fn bot_user() -> Value {
    user(BOT_ID, "signpost", true)
}

/// A Message object.
pub fn message(id: u64, channel_id: u64, author: Value, content: &str) -> Value {
    json!({
        "id": id.to_string(), "channel_id": channel_id.to_string(), "author": author,
        "content": content, "timestamp": TS, "edited_timestamp": null, "tts": false,
        "mention_everyone": false, "mentions": [], "mention_roles": [], "attachments": [],
        "embeds": [], "pinned": false, "type": 0
    })
}

/// A guild MESSAGE_CREATE from a human; `mentions_bot` fills `mentions` like Discord.
pub fn guild_message(
    id: u64,
    channel_id: u64,
    author_id: u64,
    content: &str,
    mentions_bot: bool,
) -> Value {
    let mut m = message(id, channel_id, user(author_id, "human", false), content);
    m["guild_id"] = json!(GUILD_ID.to_string());
    m["member"] = json!({ "roles": [], "joined_at": TS, "deaf": false, "mute": false, "flags": 0 });
    if mentions_bot {
        m["mentions"] = json!([bot_user()]);
    }
    m
}

pub fn ready(ws_url: &str, session: &str) -> Value {
    json!({
        "v": 10, "user": bot_user(),
        "guilds": [{ "id": GUILD_ID.to_string(), "unavailable": true }],
        "session_id": session, "resume_gateway_url": ws_url, "shard": [0, 1],
        "application": { "id": APP_ID.to_string(), "flags": 0 }
    })
}

fn channel(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(), "type": 0, "name": name, "position": 0,
        "permission_overwrites": [], "nsfw": false, "topic": null, "parent_id": null
    })
}

/// A public thread in CHANNEL_ID.
fn thread() -> Value {
    json!({
        "id": THREAD_ID.to_string(), "type": 11, "name": "my asthma question",
        "guild_id": GUILD_ID.to_string(), "parent_id": CHANNEL_ID.to_string(),
        "owner_id": HUMAN_ID.to_string(), "message_count": 1, "member_count": 1,
        "rate_limit_per_user": 0, "flags": 0,
        "thread_metadata": { "archived": false, "auto_archive_duration": 1440,
            "archive_timestamp": TS, "locked": false }
    })
}

/// GUILD_CREATE: three text channels, @everyone with `everyone_perms`, the bot as member.
pub fn guild_create(everyone_perms: &str) -> Value {
    json!({
        "id": GUILD_ID.to_string(), "name": "Patient Support", "icon": null,
        "owner_id": MOD_ID.to_string(), "verification_level": 0,
        "default_message_notifications": 0, "explicit_content_filter": 0,
        "roles": [{
            "id": GUILD_ID.to_string(), "name": "@everyone", "color": 0,
            "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
            "hoist": false, "managed": false, "mentionable": false,
            "permissions": everyone_perms, "position": 0, "icon": null, "unicode_emoji": null
        }],
        "emojis": [], "features": [], "mfa_level": 0, "application_id": null,
        "system_channel_id": null, "system_channel_flags": 0, "rules_channel_id": null,
        "premium_tier": 0, "preferred_locale": "en-US", "nsfw_level": 0, "stickers": [],
        "premium_progress_bar_enabled": false, "joined_at": TS, "large": false,
        "unavailable": false, "member_count": 3, "voice_states": [],
        "members": [{
            "user": bot_user(), "roles": [], "joined_at": TS, "deaf": false, "mute": false, "flags": 0
        }],
        "channels": [
            channel(CHANNEL_ID, "ask-here"),
            channel(OTHER_CHANNEL_ID, "chat"),
            channel(LOG_CHANNEL_ID, "mod-log")
        ],
        "threads": [thread()],
        "presences": [], "stage_instances": [], "guild_scheduled_events": []
    })
}

/// An INTERACTION_CREATE for an application command invoked in the guild.
pub fn interaction(id: u64, token: &str, user_id: u64, perms: &str, data: Value) -> Value {
    interaction_in(GUILD_ID, id, token, user_id, perms, data)
}

/// [`interaction`] in another server (its events go to that server's shard).
pub fn interaction_in(
    guild: u64,
    id: u64,
    token: &str,
    user_id: u64,
    perms: &str,
    data: Value,
) -> Value {
    json!({
        "id": id.to_string(), "application_id": APP_ID.to_string(), "type": 2,
        "token": token, "version": 1, "data": data,
        "guild_id": guild.to_string(), "channel_id": CHANNEL_ID.to_string(),
        "member": {
            "user": user(user_id, "member", false), "roles": [], "joined_at": TS,
            "deaf": false, "mute": false, "flags": 0, "permissions": perms
        },
        "app_permissions": MEMBER_PERMS, "locale": "en-GB", "guild_locale": "en-GB",
        "entitlements": [], "authorizing_integration_owners": { "0": guild.to_string() },
        "context": 0, "attachment_size_limit": 26_214_400
    })
}

/// `/ask question:<q> [private:<p>]` data.
pub fn ask_data(question: &str, private: Option<bool>) -> Value {
    let mut options = vec![json!({ "name": "question", "type": 3, "value": question })];
    if let Some(p) = private {
        options.push(json!({ "name": "private", "type": 5, "value": p }));
    }
    json!({ "id": "300000000000000001", "name": "ask", "type": 1, "options": options })
}

/// `/signpost <sub...> <options>`: `path` is the subcommand chain, e.g. `["channels", "add"]`.
pub fn signpost_data(path: &[&str], options: Value, channel_option: Option<u64>) -> Value {
    let mut inner = options;
    for (i, name) in path.iter().enumerate().rev() {
        let kind = if i + 1 == path.len() { 1 } else { 2 };
        inner = json!([{ "name": name, "type": kind, "options": inner }]);
    }
    let mut data =
        json!({ "id": "300000000000000002", "name": "signpost", "type": 1, "options": inner });
    if let Some(ch) = channel_option {
        data["resolved"] = json!({ "channels": { ch.to_string(): {
            "id": ch.to_string(), "name": "ask-here", "type": 0, "permissions": "0"
        } } });
    }
    data
}

/// The "Find vetted resources" context menu on `target`.
pub fn context_menu_data(target: &Value) -> Value {
    let id = target["id"].as_str().unwrap().to_string();
    json!({
        "id": "300000000000000003", "name": "Find vetted resources", "type": 3,
        "target_id": id, "resolved": { "messages": { id.clone(): target } }
    })
}

/// A message the bot posted in CHANNEL_ID (the `message` of a component
/// interaction); its id's snowflake dates it.
pub fn bot_message(id: u64) -> Value {
    let mut m = message(id, CHANNEL_ID, bot_user(), "");
    m["guild_id"] = json!(GUILD_ID.to_string());
    m
}

/// An INTERACTION_CREATE for a click on a component (type 3, MESSAGE_COMPONENT)
/// of `message`: a button (component_type 2), or a string select
/// (component_type 3) when `values` are given. serenity 0.12.5 needs
/// `message` (a full Message) besides the command interaction's fields.
pub fn component_interaction(
    id: u64,
    user_id: u64,
    message: Value,
    custom_id: &str,
    values: Option<&[&str]>,
) -> Value {
    let token = format!("tok-{id}");
    let mut data = json!({ "custom_id": custom_id, "component_type": 2 });
    if let Some(v) = values {
        data["component_type"] = json!(3);
        data["values"] = json!(v);
    }
    let mut i = interaction(id, &token, user_id, MEMBER_PERMS, data);
    i["type"] = json!(3);
    i["message"] = message;
    i
}
