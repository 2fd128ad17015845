//! The bot token: from `DISCORD_TOKEN`, else `discord.token_file`, never
//! from the TOML itself, and never shown (`Debug` hides it).

use std::path::{Path, PathBuf};

use super::ConfigError;

/// The bot token. Its `Debug` and `Display` never show the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Token(String);

impl Token {
    pub fn new(secret: impl Into<String>) -> Self {
        Token(secret.into())
    }
    /// The secret, for the Discord client only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(<hidden>)")
    }
}

/// The token: the environment's, else the file's (trimmed), else none.
pub(super) fn resolve_token(
    path: &Path,
    env_token: Option<String>,
    token_file: Option<PathBuf>,
) -> Result<Option<Token>, ConfigError> {
    if let Some(t) = env_token.map(|t| t.trim().to_string())
        && !t.is_empty()
    {
        return Ok(Some(Token(t)));
    }
    let Some(file) = token_file else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&file).map_err(|source| ConfigError::TokenFile {
        path: path.to_path_buf(),
        file: file.clone(),
        source,
    })?;
    let t = text.trim();
    Ok((!t.is_empty()).then(|| Token(t.to_string())))
}
