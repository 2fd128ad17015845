//! The whole question path on the shipped catalog.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use signpost::engine::{AskOptions, Engine, Paths};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        // SIGNPOST_FUZZ_RESOURCES: a frozen copy, so edits cannot stop a run.
        let resources = std::env::var_os("SIGNPOST_FUZZ_RESOURCES").map_or_else(
            || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../resources"),
            std::path::PathBuf::from,
        );
        let index = std::env::temp_dir().join("signpost-fuzz-index");
        Engine::open(&Paths { resources, index })
        .expect("shipped catalog opens")
    })
}

fuzz_target!(|data: &str| {
    let r = engine().answer(data, &AskOptions { region: "uk".into(), k: 3, ..Default::default() });
    assert!(!r.urgent.text.is_empty());
});
