//! Safety phrases compiled to word ids.
//!
//! Every question is screened, so matching must cost little. Each distinct
//! phrase word (and `word*` prefix) gets an id once, when the rules load.
//! A message word is then looked up once per sentence — exactly, through
//! the symmetric-delete keys of the long words (one typo), and against the
//! prefixes with its first letters — giving the ids it matches. Phrases
//! are matched by comparing ids, never strings, however many phrases start
//! at that word. [`Alt::matches`] stays the one definition of "this word
//! matches"; the ids only find its candidates faster.

use rustc_hash::{FxHashMap, FxHashSet};

use super::first_words::Commonness;
use super::pattern::{Alt, Elem, FUZZY_MIN_CHARS, Pattern, short_person};
use crate::bits::Bits;

/// Id of a phrase word or prefix.
pub type WordId = u32;

/// The phrase vocabulary: every word and prefix of every phrase.
#[derive(Default)]
pub struct Vocab {
    alts: Vec<Alt>,
    exact: FxHashMap<Box<str>, WordId>,
    /// Long words and their one-deleted forms → the long words' ids.
    deletes: FxHashMap<Box<str>, Vec<WordId>>,
    /// What starts with each pair of first letters (one lookup per word).
    heads: FxHashMap<Box<str>, Head>,
    /// Prefixes of one letter (rare).
    short_prefixes: Vec<WordId>,
    /// Everyday words: a real word is not a typo of another ("table" never
    /// matches `tablet`), so these only match exactly.
    everyday: FxHashSet<&'static str>,
    /// Each prefix's id.
    prefix_ids: FxHashMap<Box<str>, WordId>,
    /// Words of `unless` phrases, which match as written or as plural or
    /// singular but never with a typo: a near-miss spelling must not cancel
    /// a crisis.
    strict: FxHashMap<Box<str>, WordId>,
    /// The ids of words messages use most (everyday words and the phrase
    /// words themselves), worked out once by [`Vocab::memoize`]: most
    /// message words then cost one look-up instead of several.
    memo: FxHashMap<Box<str>, Box<[WordId]>>,
}

/// Phrase words and prefixes that start with the same two letters.
#[derive(Default)]
struct Head {
    /// Bit `n` set when a long word of `n` letters starts with them. A typo
    /// keeps the first two letters and the length within one, so most
    /// message words skip the delete lookups.
    long_lengths: u64,
    /// Prefixes starting with them.
    prefixes: Vec<WordId>,
}

/// A compiled phrase: as [`Pattern`], with word ids for words.
#[derive(Debug, Clone)]
pub struct Compiled {
    elems: Vec<Step>,
    /// Never cancelled by `unless` phrases.
    pub explicit: bool,
}

#[derive(Debug, Clone)]
enum Step {
    Word(Box<[WordId]>),
    Any,
    Gap(usize),
}

/// The ids each word of one sentence matches.
#[derive(Default)]
pub struct Tokens {
    ids: Vec<WordId>,
    /// Per word: its ids' range in `ids`.
    spans: Vec<(u32, u32)>,
    /// Bit per id: some word of the sentence matches it. A phrase with a
    /// word none matches is skipped without trying any position.
    present: Bits,
    /// The ids in `present`, each once.
    distinct: Vec<WordId>,
}

impl Vocab {
    /// An empty vocabulary that reads everyday English words
    /// ([`crate::text::common_words`]) as never mistyped.
    pub fn with_everyday_words() -> Vocab {
        Vocab {
            everyday: crate::text::common_words().collect(),
            ..Vocab::default()
        }
    }

    /// Give `pattern`'s words ids (new words get new ids).
    pub fn compile(&mut self, pattern: &Pattern) -> Compiled {
        self.compile_with(pattern, false)
    }

    /// As [`Vocab::compile`], but the pattern's words never match with a
    /// typo: for `unless` phrases.
    pub fn compile_strict(&mut self, pattern: &Pattern) -> Compiled {
        self.compile_with(pattern, true)
    }

    fn compile_with(&mut self, pattern: &Pattern, strict: bool) -> Compiled {
        self.memo.clear();
        let intern = if strict {
            Self::intern_strict
        } else {
            Self::intern
        };
        let elems = pattern
            .elems
            .iter()
            .map(|e| match e {
                Elem::Word(alts) => Step::Word(alts.iter().map(|a| intern(self, a)).collect()),
                Elem::Any => Step::Any,
                Elem::Gap(n) => Step::Gap(*n),
            })
            .collect();
        Compiled {
            elems,
            explicit: pattern.explicit,
        }
    }

    /// Work out the ids of everyday words and phrase words now, once every
    /// phrase is compiled (a later [`Vocab::compile`] clears the memo, as
    /// new words may change what a word matches).
    pub fn memoize(&mut self) {
        let mut words: Vec<&str> = self.everyday.iter().copied().collect();
        words.extend(self.exact.keys().map(|w| &**w));
        words.extend(self.strict.keys().map(|w| &**w));
        let mut memo = FxHashMap::default();
        let (mut buf, mut ids) = (String::new(), Vec::new());
        for w in words {
            ids.clear();
            self.sorted_ids_of(w, &mut buf, &mut ids);
            memo.insert(w.into(), ids.as_slice().into());
        }
        self.memo = memo;
    }

    /// Is id `id` an everyday word as written ("my", "was")? Such words
    /// are in most sentences, so a phrase's rarer words are tested first.
    pub fn is_everyday(&self, id: WordId) -> bool {
        matches!(self.alts.get(id as usize), Some(Alt::Exact(w)) if self.everyday.contains(w.as_str()))
    }

    /// How common id `id`'s word is in messages: decides which of a
    /// phrase's words indexes it ([`super::first_words`]).
    pub fn commonness(&self, id: WordId) -> Commonness {
        let word = match self.alts.get(id as usize) {
            Some(Alt::Exact(w)) => Some(w.as_str()),
            _ => None,
        };
        Commonness::of(word, self.is_everyday(id))
    }

    /// How many ids there are (ids are `0..len`).
    pub fn len(&self) -> usize {
        self.alts.len()
    }

    /// An `unless` word's own id, matched only by [`Vocab::strict_ids`]
    /// (a `word*` prefix keeps the usual rule).
    fn intern_strict(&mut self, alt: &Alt) -> WordId {
        let Alt::Exact(w) = alt else {
            return self.intern(alt);
        };
        if let Some(&id) = self.strict.get(w.as_str()) {
            return id;
        }
        let id = self.alts.len() as WordId;
        self.strict.insert(w.as_str().into(), id);
        self.alts.push(alt.clone());
        id
    }

    fn intern(&mut self, alt: &Alt) -> WordId {
        let known = match alt {
            Alt::Exact(w) => self.exact.get(w.as_str()),
            Alt::Prefix(p) => self.prefix_ids.get(p.as_str()),
        };
        if let Some(&id) = known {
            return id;
        }
        let id = self.alts.len() as WordId;
        match alt {
            Alt::Exact(w) => {
                self.exact.insert(w.as_str().into(), id);
                if w.len() >= FUZZY_MIN_CHARS {
                    self.heads.entry(head(w).into()).or_default().long_lengths |=
                        1 << w.chars().count().min(63);
                    let keys = std::iter::once(w.clone()).chain(crate::text::one_deletes(w));
                    for key in keys {
                        self.deletes.entry(key.into()).or_default().push(id);
                    }
                }
            }
            Alt::Prefix(p) => {
                self.prefix_ids.insert(p.as_str().into(), id);
                if p.chars().nth(1).is_some() {
                    self.heads
                        .entry(head(p).into())
                        .or_default()
                        .prefixes
                        .push(id);
                } else {
                    self.short_prefixes.push(id);
                }
            }
        }
        self.alts.push(alt.clone());
        id
    }

    /// Look up every word of a sentence.
    pub fn tokens(&self, words: &[&str], out: &mut Tokens) {
        out.ids.clear();
        out.spans.clear();
        out.present.reset(self.alts.len());
        out.distinct.clear();
        let mut buf = String::new();
        for w in words {
            let from = out.ids.len();
            match self.memo.get(*w) {
                Some(ids) => out.ids.extend_from_slice(ids),
                None => self.sorted_ids_of(w, &mut buf, &mut out.ids),
            }
            let kept = out.ids.len();
            for &id in &out.ids[from..] {
                if out.present.insert(id as usize) {
                    out.distinct.push(id);
                }
            }
            out.spans.push((from as u32, kept as u32));
        }
    }

    /// Append the ids `word` matches to `out`, ascending, each once.
    fn sorted_ids_of(&self, word: &str, buf: &mut String, out: &mut Vec<WordId>) {
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

impl Tokens {
    /// Words in the sentence.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Does some word of the sentence match `id`?
    fn has(&self, id: WordId) -> bool {
        self.present.contains(id as usize)
    }

    /// Every id some word of the sentence matches, each once.
    pub fn distinct(&self) -> &[WordId] {
        &self.distinct
    }

    /// Does some word of the sentence match one of `ids`?
    pub fn has_any(&self, ids: &[WordId]) -> bool {
        ids.iter().any(|&id| self.has(id))
    }

    /// The ids word `i` matches, ascending.
    pub fn at(&self, i: usize) -> &[WordId] {
        let (a, b) = self.spans[i];
        &self.ids[a as usize..b as usize]
    }
}

impl Compiled {
    /// The ids the first word may be (empty when it starts with no word,
    /// which parsing forbids).
    pub fn first_ids(&self) -> &[WordId] {
        match self.elems.first() {
            Some(Step::Word(ids)) => ids,
            _ => &[],
        }
    }

    /// Does the phrase match starting at word `start`? (The screener has
    /// already kept only phrases that are [`Compiled::possible`] here.)
    pub fn matches_at(&self, tokens: &Tokens, start: usize) -> bool {
        steps_from(&self.elems, tokens, start)
    }

    /// Does the phrase match anywhere in the sentence?
    pub fn matches_anywhere(&self, tokens: &Tokens) -> bool {
        self.possible(tokens) && (0..tokens.len()).any(|i| steps_from(&self.elems, tokens, i))
    }

    /// Does every word of the phrase occur somewhere in the sentence?
    /// Checked from the last word back: later words are rarer than first
    /// ones ("took .. pills").
    pub fn possible(&self, tokens: &Tokens) -> bool {
        self.word_steps().rev().all(|ids| tokens.has_any(ids))
    }

    /// Each word of the phrase, as the ids it may be, in order (gaps and
    /// `*` wildcards left out).
    pub fn word_steps(&self) -> impl DoubleEndedIterator<Item = &[WordId]> {
        self.elems.iter().filter_map(|step| match step {
            Step::Word(ids) => Some(&ids[..]),
            Step::Any | Step::Gap(_) => None,
        })
    }
}

fn steps_from(steps: &[Step], tokens: &Tokens, pos: usize) -> bool {
    let Some((first, rest)) = steps.split_first() else {
        return true;
    };
    match first {
        Step::Gap(max) => (0..=*max)
            .any(|skip| pos + skip <= tokens.len() && steps_from(rest, tokens, pos + skip)),
        Step::Any => pos < tokens.len() && steps_from(rest, tokens, pos + 1),
        Step::Word(ids) => {
            pos < tokens.len()
                && ids
                    .iter()
                    .any(|id| tokens.at(pos).binary_search(id).is_ok())
                && steps_from(rest, tokens, pos + 1)
        }
    }
}

/// The first two characters of a word (all of it when shorter).
pub fn head(word: &str) -> &str {
    match word.char_indices().nth(2) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

#[cfg(test)]
#[path = "compiled_tests.rs"]
mod tests;
