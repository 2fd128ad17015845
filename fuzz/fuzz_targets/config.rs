//! The config loader on arbitrary TOML text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let _ = signpost::config::Config::from_toml(data, std::path::Path::new("fuzz.toml"), None);
});
