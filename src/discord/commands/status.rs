//! `/signpost status` and `/signpost reload`: what the bot is serving, and
//! a reload on demand.

use super::admin::{guild, say};
use crate::discord::data::{Context, Error};

/// Catalog and this server's settings
#[poise::command(slash_command)]
pub async fn status(ctx: Context<'_>) -> Result<(), Error> {
    let data = ctx.data();
    let g = guild(ctx)?;
    let s = data.store.guild(g).await?;
    let chans = data.store.channels(g).await?;
    let mut text = catalog_status(data);
    text.push_str(&format!(
        "\n**This server**: region {}, UK nation: {}, pages from nearby countries: {}, private by default: {}, results: {}, cooldown: {} s, crisis notes: {}\n**Channels**: {}",
        region_status(s.region.as_deref(), data.config.default_region.as_deref()),
        s.nation.or(data.config.default_nation).map_or("not set", |n| n.label()),
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
