//! Looking up one message word: the phrase ids it matches, exactly, with
//! one typo, as a prefix, or as a plural or singular.

use rustc_hash::FxHashMap;

use super::{FUZZY_MIN_CHARS, Head, Vocab, WordId, head};
use crate::safety::pattern::short_person;

impl Vocab {
    /// Append the ids `word` matches to `out`, ascending, each once.
    pub(super) fn sorted_ids_of(&self, word: &str, buf: &mut String, out: &mut Vec<WordId>) {
        let from = out.len();
        self.ids_of(word, buf, out);
        out[from..].sort_unstable();
        let mut kept = from;
        for i in from..out.len() {
            if i == from || out[i] != out[kept - 1] {
                out[kept] = out[i];
                kept += 1;
            }
        }
        out.truncate(kept);
    }

    /// The ids `word` matches, unsorted, maybe repeated.
    fn ids_of(&self, word: &str, buf: &mut String, out: &mut Vec<WordId>) {
        if let Some(&id) = self.exact.get(word) {
            out.push(id);
        }
        // "hubby's been hitting me", "my ex's": with the apostrophe
        // gone, a short person word's possessive or contraction still names
        // the person (long words already match their plural).
        if let Some(person) = word.strip_suffix('s').filter(|w| short_person(w))
            && let Some(&id) = self.exact.get(person)
        {
            out.push(id);
        }
        self.strict_ids(word, buf, out);
        let typo = !self.everyday.contains(word);
        let check = |ids: Option<&Vec<WordId>>, out: &mut Vec<WordId>| {
            for &id in ids.into_iter().flatten() {
                let alt = &self.alts[id as usize];
                if if typo {
                    alt.matches(word)
                } else {
                    alt.matches_exactly(word)
                } {
                    out.push(id);
                }
            }
        };
        let starts = self.heads.get(head(word));
        // A long word with one typo shares a one-deleted form with it.
        if typo && word.len() + 1 >= FUZZY_MIN_CHARS && starts.is_some_and(|h| h.may_be_typo(word))
        {
            check(self.deletes.get(word), out);
            for (i, c) in word.char_indices() {
                buf.clear();
                buf.push_str(&word[..i]);
                buf.push_str(&word[i + c.len_utf8()..]);
                check(self.deletes.get(buf.as_str()), out);
            }
        }
        // An everyday word still matches a long phrase word that is its
        // plural or singular, as a typo would have.
        if !typo {
            plural_or_singular(&self.exact, word, buf, out);
        }
        check(starts.map(|h| &h.prefixes), out);
        if !self.short_prefixes.is_empty() {
            check(Some(&self.short_prefixes), out);
        }
    }

    /// `unless` words: as written, or a long word's plural or singular
    /// ("dentist's" is read `dentists`), never with a typo.
    fn strict_ids(&self, word: &str, buf: &mut String, out: &mut Vec<WordId>) {
        if self.strict.is_empty() {
            return;
        }
        if let Some(&id) = self.strict.get(word) {
            out.push(id);
        }
        plural_or_singular(&self.strict, word, buf, out);
    }
}

/// The ids in `words` of a long word that is `word`'s plural or singular
/// ("cigarettes" and `cigarette`), as a typo would have matched. Only long
/// words: "fade" must not meet `fades`.
fn plural_or_singular(
    words: &FxHashMap<Box<str>, WordId>,
    word: &str,
    buf: &mut String,
    out: &mut Vec<WordId>,
) {
    // Neither form of a short word is long (most message words): no lookup.
    if word.len() + 1 < FUZZY_MIN_CHARS {
        return;
    }
    buf.clear();
    buf.push_str(word);
    buf.push('s');
    let forms = [word.strip_suffix('s'), Some(buf.as_str())];
    for form in forms.into_iter().flatten() {
        match words.get(form) {
            Some(&id) if form.len() >= FUZZY_MIN_CHARS => out.push(id),
            _ => {}
        }
    }
}

impl Head {
    /// Could `word` be a long phrase word with one typo?
    fn may_be_typo(&self, word: &str) -> bool {
        let n = word.chars().count();
        let near = (n.saturating_sub(1)..=n + 1).fold(0u64, |m, l| m | 1 << l.min(63));
        self.long_lengths & near != 0
    }
}
