//! The catalog's vocabulary and spelling correction against it.
//!
//! Only words nobody knows are corrected: a word that appears anywhere in the
//! catalog, or in the built-in list of everyday English words, is left
//! alone. An unknown word is matched to the closest word of a condition name
//! or alias by a symmetric-delete lookup, so
//! "diabeties", "migrane" or "excema" cost a few hash lookups rather than a
//! fuzzy query on every term.

use std::collections::{HashMap, HashSet};

use super::analysis::WordStemmer;
use crate::catalog::Catalog;
use crate::text::{self, one_deletes, osa_distance};

/// Everyday words that must never be "corrected" into medical terms.
const COMMON_WORDS: &str = include_str!("common-words.txt");

/// Shortest word we try to correct.
const MIN_CORRECT_CHARS: usize = 4;

/// Known words and correction candidates.
pub struct Lexicon {
    /// Every known word with its stem, so most words of a question are
    /// stemmed by one lookup.
    known: HashMap<String, Box<str>>,
    /// Everyday words: they never carry a question on their own.
    common: HashSet<&'static str>,
    /// Correction targets with how often they occur (ties go to the more frequent).
    targets: Vec<(String, u32)>,
    /// For each target, the first condition (catalog index) whose name or alias has it.
    owners: Vec<u32>,
    /// Each target and its one-deleted forms → target indices.
    deletes: HashMap<String, Vec<u32>>,
}

impl Lexicon {
    /// Build from the catalog's text.
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer) -> Self {
        let common: HashSet<&'static str> = COMMON_WORDS
            .lines()
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .collect();
        let mut known: HashSet<String> = common.iter().map(|w| w.to_string()).collect();
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
        // Titles, keywords and summaries make words known, but only condition
        // names and aliases are correction targets: everyday catalog words
        // ("rest", "diet") would turn ordinary typos into false matches.
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
        let mut targets: Vec<(String, u32)> = counts.into_iter().collect();
        targets.sort();
        let owners = targets
            .iter()
            .map(|(w, _)| owner_of.get(w).copied().unwrap_or(0))
            .collect();
        let mut deletes: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, (w, _)) in targets.iter().enumerate() {
            let i = i as u32;
            deletes.entry(w.clone()).or_default().push(i);
            for d in one_deletes(w) {
                deletes.entry(d).or_default().push(i);
            }
        }
        let known = known
            .into_iter()
            .map(|w| {
                let stem = stemmer.stem(&w).into_boxed_str();
                (w, stem)
            })
            .collect();
        Lexicon {
            known,
            common,
            targets,
            owners,
            deletes,
        }
    }

    /// True for an everyday English word.
    pub fn is_common(&self, word: &str) -> bool {
        self.common.contains(word)
    }

    /// True when the word is in the catalog or is an everyday word.
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains_key(word)
    }

    /// The stem of a known word.
    pub fn stem_of(&self, word: &str) -> Option<&str> {
        self.known.get(word).map(|s| &**s)
    }

    /// The catalog word an unknown word most likely meant, if one is close.
    ///
    /// Up to one edit for words of 4–5 letters, two for longer words that
    /// start with the same letter.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let len = word.chars().count();
        if len < MIN_CORRECT_CHARS || self.is_known(word) || !word.chars().all(char::is_alphabetic)
        {
            return None;
        }
        let mut best: Option<(usize, u32, u32)> = None; // (distance, -freq, index)
        let mut consider = |i: u32| {
            let (target, freq) = &self.targets[i as usize];
            let max = if len >= 6 && target.chars().next() == word.chars().next() {
                2
            } else {
                1
            };
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
            if let Some(ids) = self.deletes.get(&d) {
                ids.iter().for_each(|&i| consider(i));
            }
        }
        best.map(|(_, _, i)| self.targets[i as usize].0.as_str())
    }

    /// Catalog words within a looser distance, for "did you mean" hints
    /// (slow path: only used when nothing matched).
    /// Returns the index of a condition whose name or alias has the near word.
    pub fn near_misses<'a>(&'a self, word: &str) -> impl Iterator<Item = u32> + 'a {
        let word = word.to_string();
        let len = word.chars().count();
        let max = if len >= 7 { 3 } else { 2 };
        self.targets
            .iter()
            .zip(&self.owners)
            .filter(move |((t, _), _)| {
                len >= 5
                    && t.len().abs_diff(word.len()) <= max
                    && osa_distance(&word, t, max) <= max
            })
            .map(|(_, owner)| *owner)
    }
}
