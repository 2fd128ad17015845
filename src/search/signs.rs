//! Conditions described rather than named: "skin between my toes is
//! peeling and itchy" is athlete's foot, "a cough like a seal barking" is
//! croup. Clinicians list such signs in `signs.toml`; a sign matches when
//! all its words (stemmed, stop words left out) occur within a short span of
//! the question, in any order. Signs come after the conditions a question
//! names, so a named condition always leads.

use rustc_hash::FxHashMap;

use super::analysis::{WordStemmer, is_stop_word};
use super::detect::{Detected, QueryWord};
use crate::catalog::Catalog;
use crate::text;

/// Most words a sign's words may be spread over in the question.
const SPAN: usize = 14;

struct Sign {
    /// Distinct stems, the key stem first.
    stems: Vec<String>,
    condition: u32,
}

/// Signs indexed by one of their stems (the longest, as the rarest guess),
/// so a question costs one lookup per word.
pub struct SignMatcher {
    by_stem: FxHashMap<String, Vec<Sign>>,
}

impl SignMatcher {
    /// Compile the catalog's signs; names that are not conditions were
    /// reported by the checker and are skipped.
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer) -> SignMatcher {
        let index = catalog.condition_ids();
        let mut by_stem: FxHashMap<String, Vec<Sign>> = FxHashMap::default();
        for entry in &catalog.signs {
            let Some(&condition) = index.get(entry.name.as_str()) else {
                continue;
            };
            for sign in &entry.signs {
                let cleaned = text::clean(sign);
                let mut stems: Vec<String> = text::words(&cleaned)
                    .filter(|w| !is_stop_word(w))
                    .map(|w| stemmer.stem(w))
                    .collect();
                stems.sort_by_key(|s| std::cmp::Reverse(s.len()));
                stems.dedup();
                if stems.len() < 2 {
                    continue;
                }
                by_stem
                    .entry(stems[0].clone())
                    .or_default()
                    .push(Sign { stems, condition });
            }
        }
        SignMatcher { by_stem }
    }

    /// Conditions whose signs match `words`, not already in `named`: most
    /// words matched first, then earliest. Each comes with no mentions, so
    /// it ranks after every named condition.
    pub fn detect(&self, words: &[QueryWord], named: &[Detected]) -> Vec<Detected> {
        if self.by_stem.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<Detected> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let Some(signs) = self.by_stem.get(w.stem.as_ref()) else {
                continue;
            };
            for sign in signs {
                let known = |c: u32| {
                    named.iter().any(|d| d.condition == c) || found.iter().any(|d| d.condition == c)
                };
                if known(sign.condition) || !sign.matches_near(words, i) {
                    continue;
                }
                found.push(Detected {
                    condition: sign.condition,
                    mentions: 0,
                    first: i,
                    length: sign.stems.len(),
                    named: false,
                    content: sign.stems.len(),
                    exact: true,
                    denied: false,
                    taken: false,
                });
            }
        }
        found.sort_by(|a, b| b.content.cmp(&a.content).then(a.first.cmp(&b.first)));
        found
    }
}

impl Sign {
    /// Every other stem within [`SPAN`] words of the key stem at `at`.
    fn matches_near(&self, words: &[QueryWord], at: usize) -> bool {
        let from = at.saturating_sub(SPAN);
        let to = (at + SPAN + 1).min(words.len());
        let near = &words[from..to];
        self.stems[1..]
            .iter()
            .all(|s| near.iter().any(|w| w.stem.as_ref() == s))
    }
}
