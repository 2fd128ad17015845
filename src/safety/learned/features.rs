//! What the learned screen reads of a message: words, word pairs and
//! character grams, as strings for training (`features`) and as hashes for
//! scoring (`Hashed`). The two must agree, so both live here.

use crate::text;

/// FNV-1a over the bytes of `parts` joined by spaces, computed without
/// joining them (a word pair is hashed straight from its two words).
fn feature_hash(parts: &[&str]) -> u64 {
    let mut h = crate::fnv::OFFSET;
    for (i, part) in parts.iter().enumerate() {
        let sep = (i > 0).then_some(b' ');
        h = crate::fnv::extend(h, sep.into_iter().chain(part.bytes()));
    }
    h
}

/// A text's feature keys: its words, word pairs and grams, hashed (in no
/// order, with repeats: [`distinct`] drops them before use).
#[derive(Debug, Clone, Default)]
pub struct Hashed<'a> {
    pub(super) keys: Vec<u64>,
    pub(super) words: usize,
    first: Option<&'a str>,
    last: Option<&'a str>,
}

impl<'a> Hashed<'a> {
    /// Hash the words of one lower-cased, cleaned text.
    pub fn new(lower: &'a str) -> Self {
        let mut h = Hashed {
            keys: Vec::with_capacity(64),
            ..Hashed::default()
        };
        let mut previous: Option<u64> = None;
        for w in text::words(lower) {
            h.words += 1;
            let word_hash = feature_hash(&[w]);
            h.keys.push(word_hash);
            if let Some(p) = previous {
                // The pair "p w", hashed on from the previous word's hash.
                h.keys.push(crate::fnv::extend(
                    p,
                    b" ".iter().chain(w.as_bytes()).copied(),
                ));
            }
            previous = Some(word_hash);
            grams(w, |gram| h.keys.push(crate::fnv::extend(GRAM_OFFSET, gram)));
            h.first.get_or_insert(w);
            h.last = Some(w);
        }
        h
    }

    /// Words in the text.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The keys of `parts` read one after another, as if one text: each
    /// part's own keys plus the word pairs across their joins.
    pub fn joined(parts: &[Hashed<'a>]) -> Self {
        let mut h = Hashed::default();
        for part in parts.iter().filter(|p| p.words > 0) {
            if let (Some(a), Some(b)) = (h.last, part.first) {
                h.keys.push(feature_hash(&[a, b]));
            }
            h.keys.extend_from_slice(&part.keys);
            h.words += part.words;
            h.first = h.first.or(part.first);
            h.last = part.last;
        }
        h
    }
}

/// Marks a character n-gram feature in the file (`~ache>`): words are
/// letters and digits only, so no word is taken for a gram.
pub(super) const GRAM_MARK: char = '~';

/// [`feature_hash`] of the mark alone, from which each gram's hash goes on.
pub(super) const GRAM_OFFSET: u64 = 0xaf63_f34c_8602_13a1;

/// Characters in a gram.
const GRAM: usize = 5;

/// Hand each character 5-gram of `<word>` to `each`, as bytes. Grams let
/// the model see what a word is made of: "breathin", "breathing" and
/// "breathless" share `breat`, and a spelling the training sets never had
/// still scores (on the sets held out from training, word features alone
/// missed 146 crises, with grams 127 at the same threshold, with fewer
/// ordinary alarms; docs/QUALITY.md, "Twenty-sixth session"). Numbers and
/// words with letters beyond ASCII have no grams, nor do words of three
/// letters or fewer (their one gram would only repeat the word).
fn grams(w: &str, mut each: impl FnMut(std::iter::Copied<std::slice::Iter<'_, u8>>)) {
    if !w.is_ascii() || w.bytes().all(|b| b.is_ascii_digit()) || w.len() + 2 <= GRAM {
        return;
    }
    // `<word>` on the stack: long "words" (a pasted link) are cut.
    let mut marked = [0u8; 66];
    let len = w.len().min(marked.len() - 2);
    marked[0] = b'<';
    marked[1..=len].copy_from_slice(&w.as_bytes()[..len]);
    marked[len + 1] = b'>';
    for window in marked[..len + 2].windows(GRAM) {
        each(window.iter().copied());
    }
}

/// The features of a message: each distinct word, adjacent word pair and
/// word gram ([`grams`], marked `~`) of the lower-cased text. Training and
/// prediction share this, so they agree.
pub fn features(lower: &str) -> Vec<String> {
    let words: Vec<&str> = text::words(lower).collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len() * 2);
    for (i, w) in words.iter().enumerate() {
        out.push((*w).to_string());
        grams(w, |gram| {
            let mut f = String::from(GRAM_MARK);
            f.extend(gram.map(char::from));
            out.push(f);
        });
        if let Some(next) = words.get(i + 1) {
            out.push(format!("{w} {next}"));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Drop repeated keys in place, in no particular order: a feature counts
/// once however often it occurs, as in [`features`]. An open-addressing
/// set, because with grams a message has several hundred keys and sorting
/// them cost as much as the rest of the learned screen.
pub(super) fn distinct(keys: &mut Vec<u64>) {
    let bits = (keys.len() * 2)
        .next_power_of_two()
        .max(16)
        .trailing_zeros();
    let mut table = vec![0u64; 1 << bits];
    let mask = table.len() - 1;
    // 0 marks an empty slot, so the key 0 is tracked apart.
    let mut zero = false;
    keys.retain(|&k| {
        if k == 0 {
            return !std::mem::replace(&mut zero, true);
        }
        // Fibonacci hashing: FNV's low bits are its weak ones.
        let mut i = (k.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
        loop {
            match table[i] {
                0 => {
                    table[i] = k;
                    return true;
                }
                t if t == k => return false,
                _ => i = (i + 1) & mask,
            }
        }
    });
}
