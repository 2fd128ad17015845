//! The `signpost serve` binary without a token.

use std::process::Command;

#[test]
fn serve_without_a_token_explains_how_to_get_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("serve")
        .current_dir(dir.path())
        .env_remove("DISCORD_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for needle in [
        "DISCORD_TOKEN",
        "applications.commands",
        "Message Content",
        "Embed Links",
        "signpost ask",
    ] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
}

#[test]
fn a_bad_config_names_the_file_and_key() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("signpost.toml"),
        "[answers]\nresults = 42\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_signpost"))
        .arg("serve")
        .current_dir(dir.path())
        .env("DISCORD_TOKEN", "x")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("signpost.toml") && err.contains("answers.results"),
        "{err}"
    );
}
