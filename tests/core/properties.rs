//! Bounded property tests: whatever the input, the entry points answer or
//! report an error; they never panic, and answers keep their promises.
//! (Long fuzzing runs are recorded in docs/RELIABILITY.md, not run here.)

use proptest::prelude::*;
use signpost::config::Config;
use signpost::engine::AskOptions;
use signpost::safety::Pattern;

use super::support::engine;

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text like patients', plus whatever bytes proptest finds.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 .,!?'é\u{1F600}\n\t<>@#*_~`|-]{0,400}",
        Just("i want to kill myself".to_string()),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Every answer ends with the safety net, carries the notice, and only
    /// ever links to catalog URLs.
    #[test]
    fn every_answer_keeps_its_promises(q in message(), region in "uk|us|ie|ca|au|nz|global|mars") {
        let e = engine();
        let r = e.answer(&q, &AskOptions { region, k: 3, ..super::support::pinned() });
        prop_assert!(!r.urgent.text.is_empty());
        prop_assert!(!r.notice.is_empty());
        for res in &r.results {
            prop_assert!(e.catalog().resources.iter().any(|c| c.url == res.url));
        }
    }

    /// The config loader reports bad TOML as an error naming the file.
    #[test]
    fn config_loader_never_panics(text in any::<String>()) {
        if let Err(e) = Config::from_toml(&text, std::path::Path::new("fuzz.toml"), None) {
            prop_assert!(e.to_string().contains("fuzz.toml"), "{e}");
        }
    }

    /// The phrase compiler accepts or refuses, and a compiled phrase can be
    /// matched against anything.
    #[test]
    fn phrase_compiler_never_panics(raw in "[a-z!|*._ ]{0,40}", words in prop::collection::vec("[a-z]{1,8}", 0..12)) {
        if let Ok(p) = Pattern::parse(&raw) {
            for i in 0..words.len() {
                let _ = p.matches_at(&words, i);
            }
        }
    }

    /// The catalog loader turns any resource file into diagnostics, never a
    /// panic.
    #[test]
    fn catalog_loader_never_panics(text in "[\\[\\]a-z_=\"0-9 .:/\\n-]{0,300}") {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("library")).unwrap();
        for f in ["conditions.toml", "reviewers.toml", "notice.toml", "safety.toml"] {
            std::fs::copy(super::support::shipped_resources().join(f), root.join(f)).unwrap();
        }
        std::fs::write(root.join("library/fuzz.toml"), &text).unwrap();
        let loaded = signpost::catalog::load_dir(root, signpost::catalog::LoadOptions { today: signpost::engine::today() });
        prop_assert!(loaded.catalog.is_some() || loaded.diagnostics.error_count() > 0);
    }
}
