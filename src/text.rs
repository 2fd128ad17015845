//! Text clean-up shared by safety screening and search.
//!
//! Patients paste messages with emoji, zero-width joiners, right-to-left
//! marks, fancy quotes and stray control characters. Everything downstream
//! works on the same cleaned, lower-case form so that matching rules behave
//! the same whatever the input looked like.

use unicode_normalization::UnicodeNormalization;

/// Longest text we look at. Longer input is cut (on a character boundary):
/// a Discord message is at most 4,000 characters, and the cap bounds the
/// work per message. Safety screening reads all of it; search reads the
/// first [`MAX_SEARCH_CHARS`].
pub const MAX_QUESTION_CHARS: usize = 20_000;
/// How much of a question search reads: the condition words of even a long,
/// rambling message come well before this.
pub const MAX_SEARCH_CHARS: usize = 4_000;

/// Lower-case, compatibility-normalised text with controls and invisible
/// characters removed and apostrophes dropped (`can't` → `cant`), cut to
/// [`MAX_QUESTION_CHARS`].
pub fn clean(input: &str) -> String {
    let kept = clean_keep_case(input);
    if kept.chars().any(char::is_uppercase) {
        kept.to_lowercase()
    } else {
        kept
    }
}

/// [`clean`] without lower-casing, for callers that need to see capitals
/// (abbreviations such as `MS`).
pub fn clean_keep_case(input: &str) -> String {
    if input.is_ascii() {
        // ASCII is already in normal form: skip the Unicode tables.
        return input
            .bytes()
            .take(MAX_QUESTION_CHARS)
            .filter(|b| !matches!(b, b'\'' | b'`'))
            .map(|b| {
                if b.is_ascii_control() {
                    ' '
                } else {
                    char::from(b)
                }
            })
            .collect();
    }
    let mut out = String::with_capacity(input.len().min(MAX_QUESTION_CHARS * 2));
    for (count, c) in input.nfkc().enumerate() {
        if count >= MAX_QUESTION_CHARS {
            break;
        }
        match c {
            '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => {}
            c if is_invisible(c) => {}
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Zero-width and bidirectional formatting characters: they carry no meaning
/// for us and can be used to hide words from filters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Split cleaned text into words: runs of letters and digits. Anything else
/// (spaces, punctuation, emoji) separates words.
pub fn words(cleaned: &str) -> impl Iterator<Item = &str> {
    cleaned
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// True when the text has at least one letter or digit worth looking at.
pub fn has_words(input: &str) -> bool {
    input.chars().any(char::is_alphanumeric)
}

/// Restricted Damerau–Levenshtein (optimal string alignment) distance, capped:
/// returns `max + 1` as soon as the distance is known to exceed `max`.
///
/// Runs on the hot path (spelling tolerance), so short ASCII words (the
/// usual case) are compared on the stack without allocating.
pub fn osa_distance(a: &str, b: &str, max: usize) -> usize {
    const STACK: usize = 48;
    if max <= 1 {
        // The common case (one typo): linear, no table.
        return if a == b {
            0
        } else if max == 1 && a.len().abs_diff(b.len()) > 4 {
            2 // no one-character edit changes the length by more than 4 bytes
        } else if max == 1 && a.is_ascii() && b.is_ascii() {
            if a.len().abs_diff(b.len()) <= 1 && within_one_edit(a.as_bytes(), b.as_bytes()) {
                1
            } else {
                2
            }
        } else if max == 1 {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            if within_one_edit(&a, &b) { 1 } else { 2 }
        } else {
            1
        };
    }
    if a.is_ascii() && b.is_ascii() && a.len() < STACK && b.len() < STACK {
        let (mut r0, mut r1, mut r2) = ([0usize; STACK], [0usize; STACK], [0usize; STACK]);
        return osa(a.as_bytes(), b.as_bytes(), max, &mut r0, &mut r1, &mut r2);
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let (mut r0, mut r1, mut r2) = (vec![0; width], vec![0; width], vec![0; width]);
    osa(&a, &b, max, &mut r0, &mut r1, &mut r2)
}

/// The first two characters of `word` when both are ASCII (the heads
/// [`heads_may_be_one_edit`] compares).
pub fn ascii_head(word: &str) -> Option<[u8; 2]> {
    match word.as_bytes() {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => Some([*a, *b]),
        _ => None,
    }
}

/// Could two words be one edit apart, judged by their first two characters
/// alone ([`ascii_head`])? One edit keeps the first character, or it
/// changes the first place only, so the second characters line up or are
/// shifted by one. A cheap filter before [`osa_distance`]: `false` means
/// the two are surely more than one edit apart; a word without an ASCII
/// head may be anything.
pub fn heads_may_be_one_edit(a: Option<[u8; 2]>, b: Option<[u8; 2]>) -> bool {
    match (a, b) {
        (Some([a0, a1]), Some([b0, b1])) => a0 == b0 || a1 == b1 || a0 == b1 || a1 == b0,
        _ => true,
    }
}

/// Two different sequences one substitution, insertion, deletion or
/// transposition of neighbours apart (OSA distance 1).
fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let same = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[same..], &b[same..]);
    match (a.len(), b.len()) {
        (x, y) if x == y + 1 => a[1..] == *b,
        (x, y) if x + 1 == y => *a == b[1..],
        (x, y) if x == y && x > 0 => {
            a[1..] == b[1..] || (x >= 2 && a[0] == b[1] && a[1] == b[0] && a[2..] == b[2..])
        }
        _ => false,
    }
}

/// The OSA dynamic programme over three rows of at least `b.len() + 1` cells.
fn osa<T: PartialEq>(
    a: &[T],
    b: &[T],
    max: usize,
    prev2: &mut [usize],
    prev: &mut [usize],
    cur: &mut [usize],
) -> usize {
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let (mut prev2, mut prev, mut cur) = (prev2, prev, cur);
    for (j, cell) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

/// Everyday English words (one per line in `search/common-words.txt`): the
/// search never corrects them into medical terms, and the safety screen
/// never reads them as a typo of a phrase word ("table" is not "tablet").
pub fn common_words() -> impl Iterator<Item = &'static str> {
    include_str!("search/common-words.txt")
        .lines()
        .map(str::trim)
        .filter(|w| !w.is_empty())
}

/// The first `max` characters of `s` (all of it when shorter), borrowed.
pub fn prefix_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Every form of `word` with one character removed: the keys of the
/// symmetric-delete lookups that give typo tolerance (spelling correction,
/// safety phrases).
pub fn one_deletes(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(i, c)| {
        let mut s = String::with_capacity(word.len());
        s.push_str(&word[..i]);
        s.push_str(&word[i + c.len_utf8()..]);
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_invisible_and_apostrophes() {
        assert_eq!(
            clean("Can\u{2019}t\u{200B} BREATHE\u{202E}"),
            "cant breathe"
        );
        assert_eq!(clean("a\u{0007}b"), "a b");
    }

    #[test]
    fn ascii_fast_path_matches_the_general_path() {
        for s in ["Can't BREATHE", "a\u{0007}b `x`", "plain words 123"] {
            let general: String = format!("{s}\u{00E9}");
            let cleaned = clean_keep_case(&general);
            assert_eq!(clean_keep_case(s), cleaned.trim_end_matches('\u{00E9}'));
        }
    }

    #[test]
    fn prefix_chars_is_char_safe() {
        assert_eq!(prefix_chars("héllo", 2), "hé");
        assert_eq!(prefix_chars("hi", 10), "hi");
    }

    #[test]
    fn clean_caps_length() {
        let long = "x".repeat(30_000);
        assert_eq!(clean(&long).chars().count(), MAX_QUESTION_CHARS);
    }

    #[test]
    fn words_split_on_punctuation_and_emoji() {
        let w: Vec<_> = words("hi, i\u{1F600}have type-2 diabetes!!").collect();
        assert_eq!(w, ["hi", "i", "have", "type", "2", "diabetes"]);
    }

    #[test]
    fn the_first_two_letters_never_rule_out_a_single_edit() {
        let may = |a: &str, b: &str| heads_may_be_one_edit(ascii_head(a), ascii_head(b));
        let words = [
            "bowel", "bowl", "obwel", "xowel", "owel", "abowel", "bwoel", "diabetes",
        ];
        for a in words {
            for b in words {
                if osa_distance(a, b, 1) <= 1 {
                    assert!(may(a, b), "{a} / {b}");
                }
            }
        }
        assert!(!may("bowel", "cramp"));
        assert!(may("éa", "zz"), "non-ASCII is never ruled out");
    }

    #[test]
    fn osa_handles_transposition_and_cap() {
        assert_eq!(osa_distance("ashtma", "asthma", 2), 1);
        assert_eq!(osa_distance("excema", "eczema", 2), 2);
        assert_eq!(osa_distance("cat", "elephant", 2), 3);
        assert_eq!(osa_distance("", "ab", 2), 2);
    }

    #[test]
    fn one_edit_fast_path_agrees_with_the_table() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "abd", "abcd", "bacd", "abdc", "héy", "hey",
        ];
        for a in words {
            for b in words {
                let fast = osa_distance(a, b, 1);
                let table = osa_distance(a, b, 3).min(2);
                assert_eq!(fast, table, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn one_deletes_are_char_safe() {
        let d: Vec<String> = one_deletes("héy").collect();
        assert_eq!(d, ["éy", "hy", "hé"]);
    }
}
