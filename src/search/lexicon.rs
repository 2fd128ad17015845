//! The catalog's vocabulary and spelling correction against it.
//!
//! Only words nobody knows are corrected: a word that appears anywhere in the
//! catalog, or in the built-in list of everyday English words, is left
//! alone. An unknown word is matched to the closest word of a condition name
//! or alias by a symmetric-delete lookup, so
//! "diabeties", "migrane" or "excema" cost a few hash lookups rather than a
//! fuzzy query on every term.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use rustc_hash::{FxHashMap, FxHashSet};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::analysis::{WordStemmer, is_stop_word};
use super::detect::QueryWord;
use crate::catalog::Catalog;
use crate::text::{self, one_deletes, osa_distance};

/// Shortest word we try to correct.
const MIN_CORRECT_CHARS: usize = 4;

/// What the lexicon knows of one word.
#[derive(Debug)]
pub struct Known {
    pub stem: Box<str>,
    /// An everyday English word: it never carries a question on its own.
    pub common: bool,
    /// A stop word ("and", "the").
    pub stop: bool,
}

/// Known words and correction candidates.
pub struct Lexicon {
    /// Every known word with its stem and kind, so most words of a
    /// question cost one lookup.
    known: FxHashMap<Box<str>, Known>,
    /// The stems of known words: an unknown form of a known word ("bubs",
    /// "colds") is never corrected into another word.
    stems: FxHashSet<Box<str>>,
    /// Correction targets with how often they occur (ties go to the more frequent).
    targets: Vec<(String, u32)>,
    /// For each target, the first condition (catalog index) whose name or alias has it.
    owners: Vec<u32>,
    /// For each target, the set of letters it has ([`letters`]).
    letter_sets: Vec<u32>,
    /// Each target and its one-deleted forms → target indices.
    deletes: FxHashMap<Box<str>, Vec<u32>>,
}

impl Lexicon {
    /// Build from the catalog's text.
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer) -> Self {
        let common: HashSet<&'static str> = text::common_words().collect();
        let mut known: HashSet<String> = common.iter().map(|w| w.to_string()).collect();
        known.extend(super::analysis::STOP_WORDS.iter().map(|w| w.to_string()));
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut medical = |s: &str, known: &mut HashSet<String>| {
            for w in text::words(&text::clean(s)) {
                known.insert(w.to_string());
                if w.chars().count() >= MIN_CORRECT_CHARS && w.chars().all(char::is_alphabetic) {
                    *counts.entry(w.to_string()).or_default() += 1;
                }
            }
        };
        let mut owner_of: HashMap<String, u32> = HashMap::new();
        for (ci, c) in catalog.conditions.iter().enumerate() {
            medical(&c.name, &mut known);
            c.aliases.iter().for_each(|a| medical(a, &mut known));
            for phrase in std::iter::once(&c.name).chain(&c.aliases) {
                for w in text::words(&text::clean(phrase)) {
                    owner_of.entry(w.to_string()).or_insert(ci as u32);
                }
            }
        }
        // Titles, keywords, summaries and lay signs make words known, but
        // only condition names and aliases are correction targets: everyday
        // catalog words ("rest", "diet") would turn ordinary typos into false
        // matches, and a sign's word ("bub") must never be "corrected".
        let signs = catalog.signs.iter().flat_map(|s| &s.signs);
        for r in &catalog.resources {
            let texts = std::iter::once(&r.title)
                .chain(&r.keywords)
                .chain(std::iter::once(&r.summary));
            for t in texts {
                for w in text::words(&text::clean(t)) {
                    known.insert(w.to_string());
                }
            }
        }
        for s in signs {
            for w in text::words(&text::clean(s)) {
                known.insert(w.to_string());
            }
        }
        let mut targets: Vec<(String, u32)> = counts.into_iter().collect();
        targets.sort();
        let owners = targets
            .iter()
            .map(|(w, _)| owner_of.get(w).copied().unwrap_or(0))
            .collect();
        let mut deletes: FxHashMap<Box<str>, Vec<u32>> = FxHashMap::default();
        for (i, (w, _)) in targets.iter().enumerate() {
            let i = i as u32;
            deletes.entry(w.as_str().into()).or_default().push(i);
            for d in one_deletes(w) {
                deletes.entry(d.into()).or_default().push(i);
            }
        }
        let known: FxHashMap<Box<str>, Known> = known
            .into_iter()
            .map(|w| {
                let info = Known {
                    stem: stemmer.stem(&w).into_boxed_str(),
                    common: common.contains(w.as_str()),
                    stop: is_stop_word(&w),
                };
                (w.into_boxed_str(), info)
            })
            .collect();
        let letter_sets = targets.iter().map(|(w, _)| letters(w)).collect();
        let stems = known.values().map(|k: &Known| k.stem.clone()).collect();
        Lexicon {
            known,
            stems,
            letter_sets,
            targets,
            owners,
            deletes,
        }
    }

    /// True for an everyday English word.
    pub fn is_common(&self, word: &str) -> bool {
        self.known.get(word).is_some_and(|k| k.common)
    }

    /// True when the word is in the catalog or is an everyday word.
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains_key(word)
    }

    /// Whether `stem` is the stem of a known word.
    pub fn knows_stem(&self, stem: &str) -> bool {
        self.stems.contains(stem)
    }

    /// One word of a question as written, ready for matching: lower-cased,
    /// accents folded, spell-corrected when unknown, stemmed. `None` when
    /// nothing is left. `stemmer` is cloned from `base` only for a word the
    /// lexicon does not know; a word it cannot correct goes to `unknown`
    /// (for "did you mean").
    pub fn query_word<'a>(
        &'a self,
        raw: &str,
        base: &WordStemmer,
        stemmer: &mut Option<WordStemmer>,
        unknown: &mut Vec<String>,
    ) -> Option<QueryWord<'a>> {
        let upper = raw.chars().nth(1).is_some()
            && raw.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        let lower = folded(raw);
        let direct = self.lookup(&lower);
        // Another form of a known word ("bubs" beside "bub") is taken as
        // it is, never corrected into a different word.
        let own_stem = direct
            .is_none()
            .then(|| stemmer.get_or_insert_with(|| base.clone()).stem(&lower));
        let inflected = own_stem.as_deref().is_some_and(|s| self.knows_stem(s));
        let known = direct.or_else(|| {
            if inflected {
                return None;
            }
            let fixed = self.correct(&lower);
            if fixed.is_none() {
                unknown.push(lower.to_string());
            }
            fixed.and_then(|f| self.lookup(f))
        });
        // Not known even after correction: the word's own stem (worked out
        // above, as `direct` was none).
        let stem = match known {
            Some(k) => Cow::Borrowed(&*k.stem),
            None => Cow::Owned(own_stem.unwrap_or_default()),
        };
        let w = QueryWord {
            chars: raw.chars().count(),
            stem,
            upper,
            common: known.is_some_and(|k| k.common),
            stop: known.is_some_and(|k| k.stop),
            corrected: direct.is_none() && known.is_some(),
            mixed: super::detect::mixed_case(raw),
        };
        (!w.stem.is_empty()).then_some(w)
    }

    /// What is known of a word in the catalog or everyday English.
    pub fn lookup(&self, word: &str) -> Option<&Known> {
        self.known.get(word)
    }

    /// The catalog word an unknown word most likely meant, if one is close.
    ///
    /// Up to one edit for words of 4–5 letters (never in the first letter),
    /// two for longer words that start with the same letter.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let len = word.chars().count();
        if len < MIN_CORRECT_CHARS || self.is_known(word) || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let mut best: Option<(usize, u32, u32)> = None; // (distance, -freq, index)
        let mut consider = |i: u32| {
            let (target, freq) = &self.targets[i as usize];
            let same_start = target.chars().next() == word.chars().next();
            // People rarely get a short word's first letter wrong, and
            // allowing it turns everyday words into conditions ("bout" into
            // "gout").
            if len < 6 && !same_start {
                return;
            }
            let max = if len >= 6 && same_start { 2 } else { 1 };
            let dist = osa_distance(word, target, max);
            if dist <= max {
                let key = (dist, u32::MAX - freq, i);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
        };
        if let Some(ids) = self.deletes.get(word) {
            ids.iter().for_each(|&i| consider(i));
        }
        for d in one_deletes(word) {
            if let Some(ids) = self.deletes.get(d.as_str()) {
                ids.iter().for_each(|&i| consider(i));
            }
        }
        best.map(|(_, _, i)| self.targets[i as usize].0.as_str())
    }

    /// Catalog words within a looser distance, for "did you mean" hints
    /// (slow path: only used when nothing matched): for each, its distance
    /// and the index of a condition whose name or alias has it, closest
    /// first.
    pub fn near_misses(&self, word: &str) -> Vec<(usize, u32)> {
        let len = word.chars().count();
        if len < 5 {
            return Vec::new();
        }
        let max = if len >= 7 { 3 } else { 2 };
        let mine = letters(word);
        let mut near: Vec<(usize, u32)> = self
            .targets
            .iter()
            .zip(&self.owners)
            .zip(&self.letter_sets)
            // Each edit changes at most two letters of the letter set: a
            // cheap bound that skips most targets before the distance.
            .filter(|(((t, _), _), theirs)| {
                t.len().abs_diff(word.len()) <= max
                    && (mine ^ **theirs).count_ones() as usize <= 2 * max
            })
            .map(|(((t, _), owner), _)| (osa_distance(word, t, max), *owner))
            .filter(|(d, _)| *d <= max)
            .collect();
        near.sort_by_key(|(d, _)| *d);
        near
    }
}

/// The letters a-z a word has, one bit each (other characters share bit 26).
fn letters(word: &str) -> u32 {
    word.chars().fold(0, |set, c| match c {
        'a'..='z' => set | 1 << (c as u32 - 'a' as u32),
        _ => set | 1 << 26,
    })
}

/// A word lower-cased, with accents and macrons dropped ("hapū" is "hapu",
/// "café" "cafe") so it is never "corrected" into another word.
fn folded(raw: &str) -> Cow<'_, str> {
    if !raw.is_ascii() {
        Cow::Owned(
            raw.nfd()
                .filter(|c| !is_combining_mark(*c))
                .collect::<String>()
                .to_lowercase(),
        )
    } else if raw.chars().any(char::is_uppercase) {
        Cow::Owned(raw.to_lowercase())
    } else {
        Cow::Borrowed(raw)
    }
}
