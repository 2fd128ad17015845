//! The safety phrase compiler and matcher on arbitrary phrases and words.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    let (phrase, text) = data.split_once('\n').unwrap_or((data, ""));
    if let Ok(p) = signpost::safety::Pattern::parse(phrase) {
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        for i in 0..words.len() {
            let _ = p.matches_at(&words, i);
        }
    }
});
