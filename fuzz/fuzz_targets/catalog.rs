//! The catalog loader on an arbitrary resource file, beside the fixture
//! catalog's conditions, reviewers and notice: it must report problems,
//! never panic. (The safety rules are left out: compiling them on every
//! run made this 20 runs a second; they have their own target.)
#![no_main]
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use signpost::catalog::{LoadOptions, load_dir};

/// A scratch catalog: the fixture's fixed files, and a library folder the
/// fuzzer's file replaces on every run.
fn root() -> &'static PathBuf {
    static R: OnceLock<PathBuf> = OnceLock::new();
    R.get_or_init(|| {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/resources");
        let root = std::env::temp_dir().join(format!("signpost-fuzz-catalog-{}", std::process::id()));
        std::fs::create_dir_all(root.join("library")).unwrap();
        for f in ["conditions.toml", "notice.toml", "reviewers.toml"] {
            std::fs::copy(fixture.join(f), root.join(f)).unwrap();
        }
        root
    })
}

fuzz_target!(|data: &[u8]| {
    let root = root();
    std::fs::write(root.join("library/fuzz.toml"), data).unwrap();
    let loaded = load_dir(root, LoadOptions { today: signpost::engine::today() });
    // Without safety.toml the catalog is always refused; the point is that
    // every problem in the fuzzed file is reported without a panic.
    assert!(loaded.catalog.is_none());
});
