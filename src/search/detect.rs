//! Finding the conditions a question is about, from names and aliases.
//!
//! This is the strongest relevance signal: a patient who writes "sugar
//! diabetes" or "t2d" in a 1,500-character message is asking about type 2
//! diabetes, whatever else the message says. Aliases are matched as stemmed
//! word sequences; overlapping matches keep the longest ("type 2 diabetes"
//! beats "diabetes").

use std::collections::HashMap;

use super::analysis::{WordStemmer, is_stop_word};
use crate::catalog::Catalog;
use crate::text;

/// One word of a question, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct QueryWord {
    /// Stemmed, lower-case (after spelling correction).
    pub stem: String,
    /// The word was written in capitals (`MS`, `RA`).
    pub upper: bool,
    /// An everyday word ("night", "best"): used for ranking within a
    /// detected condition, never as a signal on its own.
    pub common: bool,
}

struct AliasSeq {
    stems: Vec<String>,
    condition: u32,
    /// Very short abbreviations (`ms`, `ra`) only count when written in capitals.
    needs_upper: bool,
}

/// A condition found in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// Index into the catalog's conditions.
    pub condition: u32,
    /// How many times it was mentioned.
    pub mentions: u32,
    /// Position of the first mention (in content words).
    pub first: usize,
    /// Words in the longest matching alias (longer = more specific).
    pub length: usize,
}

/// Alias sequences indexed by their first stem.
pub struct Detector {
    by_first: HashMap<String, Vec<AliasSeq>>,
}

impl Detector {
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer) -> Self {
        let mut by_first: HashMap<String, Vec<AliasSeq>> = HashMap::new();
        for (ci, c) in catalog.conditions.iter().enumerate() {
            for alias in std::iter::once(&c.name).chain(&c.aliases) {
                let cleaned = text::clean(alias);
                let stems: Vec<String> = text::words(&cleaned)
                    .filter(|w| !is_stop_word(w))
                    .map(|w| stemmer.stem(w))
                    .collect();
                let Some(first) = stems.first().cloned() else {
                    continue;
                };
                let needs_upper = stems.len() == 1 && cleaned.trim().chars().count() <= 2;
                by_first.entry(first).or_default().push(AliasSeq {
                    stems,
                    condition: ci as u32,
                    needs_upper,
                });
            }
        }
        Detector { by_first }
    }

    /// Conditions mentioned in `words` (stop words already removed), most
    /// mentioned first, then earliest.
    pub fn detect(&self, words: &[QueryWord]) -> Vec<Detected> {
        let mut matches: Vec<(usize, usize, u32)> = Vec::new(); // (start, len, condition)
        for (i, w) in words.iter().enumerate() {
            let Some(seqs) = self.by_first.get(&w.stem) else {
                continue;
            };
            for seq in seqs {
                if seq.needs_upper && !w.upper {
                    continue;
                }
                let end = i + seq.stems.len();
                if end <= words.len()
                    && words[i..end]
                        .iter()
                        .zip(&seq.stems)
                        .all(|(w, s)| &w.stem == s)
                {
                    matches.push((i, seq.stems.len(), seq.condition));
                }
            }
        }
        matches.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut taken = vec![false; words.len()];
        let mut found: Vec<Detected> = Vec::new();
        for (start, len, condition) in matches {
            if taken[start..start + len].iter().any(|t| *t) {
                continue;
            }
            taken[start..start + len].iter_mut().for_each(|t| *t = true);
            match found.iter_mut().find(|d| d.condition == condition) {
                Some(d) => {
                    d.mentions += 1;
                    d.first = d.first.min(start);
                    d.length = d.length.max(len);
                }
                None => found.push(Detected {
                    condition,
                    mentions: 1,
                    first: start,
                    length: len,
                }),
            }
        }
        found.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.first.cmp(&b.first)));
        found
    }
}
