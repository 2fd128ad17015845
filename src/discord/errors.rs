//! What users see when a command fails, and what is logged (ids only).

use poise::FrameworkError;

use super::data::{Data, Error};
use super::render::Rendered;
use super::send;

/// poise's `on_error`: a short private note to the user, a log line without
/// any message text (argument-parse errors can echo input, so their details
/// are never logged).
pub async fn on_error(error: FrameworkError<'_, Data, Error>) {
    let note = match &error {
        FrameworkError::CommandCheckFailed { .. }
        | FrameworkError::MissingUserPermissions { .. } => {
            "Only members with the **Manage Server** permission can change Signpost's settings."
        }
        FrameworkError::NotAnOwner { .. } => "Only the bot's owners can do that.",
        FrameworkError::GuildOnly { .. } => "This command works in servers only.",
        FrameworkError::ArgumentParse { .. } => "I couldn't read that command's options.",
        FrameworkError::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = %error, "command failed");
            "Sorry, something went wrong. Please try again in a moment."
        }
        FrameworkError::CommandPanic { ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, "command panicked");
            "Sorry, something went wrong. Please try again in a moment."
        }
        FrameworkError::Setup { .. } => {
            tracing::error!("framework setup failed");
            return;
        }
        FrameworkError::EventHandler { event, .. } => {
            tracing::error!(event = event.snake_case_name(), "event handler failed");
            return;
        }
        other => {
            tracing::warn!(kind = framework_error_kind(other), "framework error");
            "Sorry, I couldn't run that command."
        }
    };
    if let Some(ctx) = error.ctx() {
        let reply = send::interaction_reply(&Rendered::note(note), true);
        if let Err(e) = ctx.send(reply).await {
            tracing::warn!(error = %e, "could not send the error note");
        }
    }
}

fn framework_error_kind(e: &FrameworkError<'_, Data, Error>) -> &'static str {
    match e {
        FrameworkError::CooldownHit { .. } => "cooldown",
        FrameworkError::MissingBotPermissions { .. } => "missing_bot_permissions",
        FrameworkError::DmOnly { .. } => "dm_only",
        FrameworkError::NsfwOnly { .. } => "nsfw_only",
        FrameworkError::SubcommandRequired { .. } => "subcommand_required",
        FrameworkError::CommandStructureMismatch { .. } => "structure_mismatch",
        FrameworkError::UnknownCommand { .. } => "unknown_command",
        FrameworkError::UnknownInteraction { .. } => "unknown_interaction",
        _ => "other",
    }
}
