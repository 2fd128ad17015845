//! Who may change a server's settings.

use poise::serenity_prelude::Permissions;

use super::data::{Context, Error};

/// Whether these member permissions make someone a Signpost moderator.
pub fn is_moderator(perms: Option<Permissions>) -> bool {
    perms.is_some_and(|p| p.manage_guild() || p.administrator())
}

/// poise check: re-checks Manage Server from the interaction's member
/// permissions (computed by Discord for this channel), whatever
/// `default_member_permissions` a server's admins overrode.
pub async fn moderator(ctx: Context<'_>) -> Result<bool, Error> {
    let perms = match ctx {
        poise::Context::Application(a) => a.interaction.member.as_ref().and_then(|m| m.permissions),
        poise::Context::Prefix(_) => None,
    };
    Ok(is_moderator(perms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_server_or_admin_only() {
        assert!(is_moderator(Some(Permissions::MANAGE_GUILD)));
        assert!(is_moderator(Some(Permissions::ADMINISTRATOR)));
        assert!(!is_moderator(Some(
            Permissions::SEND_MESSAGES | Permissions::MANAGE_MESSAGES
        )));
        assert!(!is_moderator(None));
    }
}
