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
use super::pattern::{Alt, Elem, FUZZY_MIN_CHARS, Pattern};
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
    /// Per word: [`NEGATION`] ("not"), [`SOFTENED`] ("really" in "not
    /// really"), or 0. A gap in a phrase never ends on a negation of the
    /// next word ([`Compiled::affirmed_at`]).
    negations: Vec<u8>,
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
        out.negations.clear();
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
            let softened = out.negations.last() == Some(&NEGATION) && softener(w);
            out.negations.push(if negation(w) {
                NEGATION
            } else {
                SOFTENED * u8::from(softened)
            });
        }
    }
}

/// [`Tokens::negations`]: a negation, and a word after one that still
/// negates the next ("not really").
const NEGATION: u8 = 1;
const SOFTENED: u8 = 2;

/// A word that turns the next into its opposite: "I'm not suicidal" is no
/// match for `im .. suicidal`. Not "can't", "won't" or "didn't": "she
/// can't stop shaking", "he won't wake up" and "she didn't wake up" say
/// the emergency, not its absence.
fn negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "isnt" | "arent" | "wasnt" | "werent" | "dont" | "doesnt" | "aint"
    )
}

/// A word between a negation and what it negates: "not really suicidal",
/// "not even angry".
fn softener(w: &str) -> bool {
    matches!(
        w,
        "really" | "even" | "actually" | "feeling" | "that" | "so" | "currently" | "exactly"
    )
}

/// The first two characters of a word (all of it when shorter).
pub fn head(word: &str) -> &str {
    match word.char_indices().nth(2) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

mod lookup;
mod matching;

#[cfg(test)]
mod tests;
