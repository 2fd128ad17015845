//! The whole question path on the shipped catalog.
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use signpost::engine::{AskOptions, Engine, Paths};

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let index = std::env::temp_dir().join("signpost-fuzz-index");
        Engine::open(&Paths {
            resources: root.join("resources"),
            index,
        })
        .expect("shipped catalog opens")
    })
}

fuzz_target!(|data: &str| {
    let r = engine().answer(data, &AskOptions { region: "uk".into(), k: 3 });
    assert!(!r.urgent.text.is_empty());
});
