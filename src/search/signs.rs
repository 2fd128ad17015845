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
    /// The stems after the key stem, as ids in [`SignMatcher::ids`].
    others: Box<[u32]>,
    condition: u32,
}

/// Signs indexed by one of their stems (the longest, as the rarest guess),
/// so a question costs one lookup per word. Stems are compared as ids: a
/// question's words are looked up once, and each sign near a key word is
/// then checked without comparing strings.
pub struct SignMatcher {
    /// Every stem of every sign → its id.
    ids: FxHashMap<String, u32>,
    /// Per key stem id: the signs it leads.
    by_key: Vec<Vec<Sign>>,
}

/// The id of a question word that is no sign's stem.
const NO_STEM: u32 = u32::MAX;

impl SignMatcher {
    /// Compile the catalog's signs; names that are not conditions were
    /// reported by the checker and are skipped.
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer) -> SignMatcher {
        let index = catalog.condition_ids();
        let mut matcher = SignMatcher {
            ids: FxHashMap::default(),
            by_key: Vec::new(),
        };
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
                let ids: Vec<u32> = stems.into_iter().map(|s| matcher.id(s)).collect();
                matcher.by_key[ids[0] as usize].push(Sign {
                    others: ids[1..].into(),
                    condition,
                });
            }
        }
        matcher
    }

    /// The id of `stem`, given a new one (and an empty list of the signs it
    /// leads) when new.
    fn id(&mut self, stem: String) -> u32 {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(stem).or_insert(next);
        if id == next {
            self.by_key.push(Vec::new());
        }
        id
    }

    /// Conditions whose signs match `words`, not already in `named`: most
    /// words matched first, then earliest. Each comes with no mentions, so
    /// it ranks after every named condition.
    pub fn detect(&self, words: &[QueryWord], named: &[Detected]) -> Vec<Detected> {
        if self.ids.is_empty() {
            return Vec::new();
        }
        let ids: Vec<u32> = words
            .iter()
            .map(|w| self.ids.get(w.stem.as_ref()).copied().unwrap_or(NO_STEM))
            .collect();
        let mut found: Vec<Detected> = Vec::new();
        for (i, &id) in ids.iter().enumerate() {
            let Some(signs) = self.by_key.get(id as usize) else {
                continue;
            };
            for sign in signs {
                let known = |c: u32| {
                    named.iter().any(|d| d.condition == c) || found.iter().any(|d| d.condition == c)
                };
                if known(sign.condition) || !sign.matches_near(&ids, i) {
                    continue;
                }
                found.push(Detected {
                    condition: sign.condition,
                    mentions: 0,
                    first: i,
                    length: sign.len(),
                    named: false,
                    content: sign.len(),
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
    /// How many stems the sign has, the key stem included.
    fn len(&self) -> usize {
        self.others.len() + 1
    }

    /// Every other stem within [`SPAN`] words of the key stem at `at`.
    fn matches_near(&self, ids: &[u32], at: usize) -> bool {
        let from = at.saturating_sub(SPAN);
        let to = (at + SPAN + 1).min(ids.len());
        let near = &ids[from..to];
        self.others.iter().all(|s| near.contains(s))
    }
}
