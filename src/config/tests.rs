//! Tests of `signpost.toml` parsing: defaults, bounds, errors naming file and key.
use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml(text, Path::new("signpost.toml"), None)
}

#[test]
fn empty_file_gives_defaults() {
    let c = parse("").unwrap();
    assert_eq!(c.database, PathBuf::from("data/signpost.db"));
    assert_eq!(c.default_region, None);
    assert_eq!(c.results, 3);
    assert!(c.token.is_none());
    assert_eq!(c.log_format, LogFormat::Pretty);
    assert_eq!(c.retention_days, 90);
    assert_eq!(c.gap_threshold, Threshold::default());
    assert_eq!(c.digest, None);
    let d = parse("[digest]\nchannel = 42\n").unwrap().digest.unwrap();
    assert_eq!((d.channel, d.every_days, d.due_within_days), (42, 7, 30));
    assert_eq!(
        parse("[stats]\nretention_days = 7\n")
            .unwrap()
            .retention_days,
        7
    );
}

#[test]
fn errors_name_file_and_key() {
    for (toml, key) in [
        ("[discord]\nowners = [0]\n", "discord.owners"),
        (
            "[cooldowns]\nuser_seconds = 99999999\n",
            "cooldowns.user_seconds",
        ),
        (
            "[cooldowns]\nduplicate_minutes = 100000\n",
            "cooldowns.duplicate_minutes",
        ),
        ("[stats]\nretention_days = 0\n", "stats.retention_days"),
        ("[stats]\nretention_days = 5000\n", "stats.retention_days"),
        ("[stats]\ngap_min_servers = 1\n", "stats.gap_min_servers"),
        ("[stats]\ngap_min_asks = 2\n", "stats.gap_min_asks"),
        ("[digest]\nchannel = 0\n", "digest.channel"),
        (
            "[digest]\nchannel = 5\nevery_days = 0\n",
            "digest.every_days",
        ),
    ] {
        let e = parse(toml).unwrap_err().to_string();
        assert!(e.contains(key), "{e}");
    }
    let e = parse("[answers]\nresults = 9\n").unwrap_err().to_string();
    assert!(
        e.contains("signpost.toml") && e.contains("answers.results"),
        "{e}"
    );
    let e = parse("[answers]\nresultz = 2\n").unwrap_err().to_string();
    assert!(e.contains("signpost.toml") && e.contains("resultz"), "{e}");
    let e = parse("[answers]\ndefault_region = \"xx\"\n")
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("answers.default_region") && e.contains("uk"),
        "{e}"
    );
    let e = parse("[log]\nformat = \"xml\"\n").unwrap_err().to_string();
    assert!(e.contains("format"), "{e}");
}

#[test]
fn env_token_wins_and_is_hidden() {
    let c = Config::from_toml("", Path::new("x"), Some(" s3cret \n".into())).unwrap();
    let token = c.token.clone().unwrap();
    assert_eq!(token.expose(), "s3cret");
    assert!(!format!("{c:?}").contains("s3cret"));
}

#[test]
fn token_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, "abc\n").unwrap();
    let text = format!("[discord]\ntoken_file = {:?}\n", file.display().to_string());
    assert_eq!(parse(&text).unwrap().token.unwrap().expose(), "abc");
    let missing = "[discord]\ntoken_file = \"/nonexistent/token\"\n";
    assert!(
        parse(missing)
            .unwrap_err()
            .to_string()
            .contains("token_file")
    );
}

#[test]
fn base_urls_are_checked_and_trimmed() {
    let c = parse("[discord]\napi_base_url = \"http://127.0.0.1:9/\"\n").unwrap();
    assert_eq!(c.api_base_url.as_deref(), Some("http://127.0.0.1:9"));
    assert!(parse("[discord]\ngateway_url = \"ws://x/?v=10\"\n").is_err());
}

#[test]
fn example_file_parses() {
    let text = include_str!("../../signpost.example.toml");
    parse(text).unwrap();
}

/// The container image's settings (deploy/signpost.toml) stay valid.
#[test]
fn deploy_file_parses() {
    let c = parse(include_str!("../../deploy/signpost.toml")).unwrap();
    assert_eq!(c.index, std::path::PathBuf::from("/srv/signpost/index"));
}
