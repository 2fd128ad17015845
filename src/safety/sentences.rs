//! Messages as the screener reads them: split into sentences, words
//! normalised, negations and slang written one way.

use std::borrow::Cow;

use super::pattern::normalize_word;
use crate::text;

/// Words of each sentence, normalised. Sentences end at `.`, `!`, `?`, `;`,
/// line breaks and " / ", but a point between digits is a decimal ("sugar is
/// 1.9, can't think straight" is one sentence).
/// Words are borrowed from the message unless normalising changed them.
pub(super) fn split_sentences<'a>(raw: &[&'a str]) -> Vec<Vec<Cow<'a, str>>> {
    raw.iter()
        .map(|s| sentence_words(s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Each sentence's words as `&str`, built once: framing a sentence may read
/// the next, and the learned screen's frame check reads them all.
pub(super) fn sentence_views<'a>(all: &'a [Vec<Cow<'_, str>>]) -> Vec<Vec<&'a str>> {
    all.iter()
        .map(|words| words.iter().map(|w| w.as_ref()).collect())
        .collect()
}

/// The words of one sentence (or any text), normalised as the screener
/// reads them.
pub(super) fn sentence_words(sentence: &str) -> Vec<Cow<'_, str>> {
    canonical_forms(text::words(sentence).map(normalize_word))
}

/// The sentences of `text` (see [`split_sentences`]). Read byte by byte:
/// every sentence end is ASCII, and no byte of a longer UTF-8 character is.
pub(super) fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let digit = move |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let end = move |i: usize| match bytes[i] {
        b'.' => !(i > 0 && digit(i - 1) && digit(i + 1)),
        // " / " stands for a line break where one cannot be typed ("tw sh /
        // i just did it again"); "s/h", "24/7" and "186 / 98" (a blood
        // pressure) are not.
        b'/' => {
            i > 1
                && bytes[i - 1] == b' '
                && bytes.get(i + 1) == Some(&b' ')
                && !(digit(i - 2) && digit(i + 2))
        }
        b'!' | b'?' | b';' | b'\n' => true,
        _ => false,
    };
    let (mut start, mut i, mut done) = (0, 0, false);
    std::iter::from_fn(move || {
        while i < bytes.len() {
            i += 1;
            if end(i - 1) {
                let sentence = &text[start..i - 1];
                start = i;
                return Some(sentence);
            }
        }
        (!std::mem::replace(&mut done, true)).then(|| &text[start..])
    })
}

/// Write negations and slang one way, so phrases need only one form:
/// "do not" → "dont", "cannot" → "cant", "wanna" → "want to", and the
/// Scots negatives ("cannae", "dinnae", "isnae") as their English forms.
fn canonical_forms<'a>(words: impl Iterator<Item = Cow<'a, str>>) -> Vec<Cow<'a, str>> {
    let mut out: Vec<Cow<'a, str>> = Vec::new();
    for w in words {
        let merged = match (out.last().map(|w| w.as_ref()), w.as_ref()) {
            (Some("do"), "not") => Some("dont"),
            (Some("does"), "not") => Some("doesnt"),
            (Some("did"), "not") => Some("didnt"),
            (Some("can"), "not") => Some("cant"),
            (Some("will"), "not") => Some("wont"),
            (Some("is"), "not") => Some("isnt"),
            (Some("am"), "not") => Some("amnt"),
            (Some("i"), "am") => Some("im"),
            _ => None,
        };
        if let Some(m) = merged {
            *out.last_mut().expect("matched a previous word") = Cow::Borrowed(m);
            continue;
        }
        let canonical: &[&'static str] = match w.as_ref() {
            "cannot" | "cannae" | "canna" => &["cant"],
            "dinnae" | "dinna" => &["dont"],
            "didnae" | "didna" => &["didnt"],
            "doesnae" | "disnae" => &["doesnt"],
            "isnae" | "isna" => &["isnt"],
            "wasnae" => &["wasnt"],
            "wullnae" | "winnae" | "willnae" => &["wont"],
            "couldnae" | "couldna" => &["couldnt"],
            "havnae" | "hasnae" | "havenae" => &["havent"],
            "wanna" => &["want", "to"],
            "gonna" => &["going", "to"],
            "gotta" => &["got", "to"],
            "dnt" | "don" => &["dont"],
            "ur" => &["your"],
            _ => {
                out.push(w);
                continue;
            }
        };
        out.extend(canonical.iter().map(|c| Cow::Borrowed(*c)));
    }
    out
}
