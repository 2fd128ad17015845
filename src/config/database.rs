//! Which database holds settings and counts: `paths.database` (an SQLite
//! file, the default), or `paths.database_url` / the `DATABASE_URL`
//! environment variable (`sqlite://FILE` or `postgres://…`).

use std::path::{Path, PathBuf};

use crate::store::Database;

/// The environment variable that overrides `paths.database_url`.
pub const DATABASE_URL_ENV: &str = "DATABASE_URL";

/// The database a URL names, or why it names none. The URL itself is
/// never part of the message (it may hold a password).
pub fn parse_url(url: &str) -> Result<Database, String> {
    let url = url.trim();
    if let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let file = rest.split('?').next().unwrap_or_default();
        if file.is_empty() {
            return Err("an sqlite:// URL needs a file, e.g. sqlite://data/signpost.db".into());
        }
        return Ok(Database::Sqlite(PathBuf::from(file)));
    }
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok(Database::Postgres(url.to_string()));
    }
    Err("must start with sqlite:// or postgres://".into())
}

/// The configured database: the environment's URL, else the file's URL,
/// else the SQLite file `file`.
pub fn choose(
    env_url: Option<String>,
    file_url: Option<String>,
    file: &Path,
) -> Result<Database, (&'static str, String)> {
    let env_url = env_url.filter(|u| !u.trim().is_empty());
    match (env_url, file_url.filter(|u| !u.trim().is_empty())) {
        (Some(u), _) => parse_url(&u).map_err(|m| (DATABASE_URL_ENV, m)),
        (None, Some(u)) => parse_url(&u).map_err(|m| ("paths.database_url", m)),
        (None, None) => Ok(Database::Sqlite(file.to_path_buf())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_pick_the_backend() {
        assert_eq!(
            parse_url("sqlite://data/x.db").unwrap(),
            Database::Sqlite("data/x.db".into())
        );
        assert!(matches!(
            parse_url("postgres://u:secret@h/db").unwrap(),
            Database::Postgres(_)
        ));
        let e = parse_url("mysql://u:secret@h/db").unwrap_err();
        assert!(!e.contains("secret"), "{e}");
        assert!(parse_url("sqlite://").is_err());
    }

    #[test]
    fn the_environment_wins_then_the_file_then_the_path() {
        let file = Path::new("data/signpost.db");
        let pg = Some("postgres://h/db".to_string());
        assert!(matches!(
            choose(pg.clone(), None, file),
            Ok(Database::Postgres(_))
        ));
        let lite = Some("sqlite://other.db".to_string());
        assert_eq!(
            choose(None, lite.clone(), file).unwrap(),
            Database::Sqlite("other.db".into())
        );
        assert!(matches!(choose(pg, lite, file), Ok(Database::Postgres(_))));
        assert_eq!(
            choose(None, None, file).unwrap(),
            Database::Sqlite(file.into())
        );
        assert_eq!(
            choose(Some("bad".into()), None, file).unwrap_err().0,
            DATABASE_URL_ENV
        );
    }
}
