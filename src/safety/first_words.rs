//! Which phrases could match in a sentence, found from their rarest words.
//!
//! Every sentence of a message is looked up here, so this is the screen's
//! innermost loop. Each phrase is listed under the ids of its key word, the
//! word a sentence is least likely to have ("overdosed" in "i think i
//! overdosed"), with the ids its other words may be laid out flat beside
//! it: a phrase is tried only when its key word is in the sentence and each
//! of its other words occurs somewhere in it too, and that test reads one
//! short run of memory instead of following the phrase's own structure.
//! Listing phrases under their first word instead made every "i" and "my"
//! open hundreds of phrases.

use super::compiled::{Compiled, Tokens, WordId};

/// A phrase listed under one id of its key word: the word group least
/// likely to be in a sentence (see [`group_cost`]).
#[derive(Clone, Copy)]
struct Entry {
    category: u32,
    phrase: u32,
    /// Its other words' id groups: a range of [`FirstWords::needs`].
    needs: (u32, u32),
    /// The ids its first word may be: a range of [`FirstWords::firsts`].
    firsts: (u32, u32),
}

/// Phrases by key-word id.
#[derive(Default)]
pub struct FirstWords {
    /// Per word id: its range of `entries` (all lists in one allocation).
    by_key: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// Groups, one per word other than the key, those with no everyday
    /// word first, otherwise last word first (later words are rarer): the
    /// number of ids, then the ids.
    needs: Vec<WordId>,
    /// Each phrase's first-word ids, one run per phrase.
    firsts: Vec<WordId>,
}

/// Words in nearly every message: a phrase is never listed under one when
/// it has a rarer word ("i", "my" open hundreds of phrases per sentence).
const FREQUENT: &[&str] = &[
    "a", "about", "after", "all", "am", "an", "and", "any", "are", "as", "at", "back", "be",
    "been", "being", "but", "by", "can", "cant", "could", "did", "didnt", "do", "does", "dont",
    "for", "from", "get", "go", "going", "got", "had", "has", "have", "he", "her", "him", "his",
    "how", "i", "if", "im", "in", "is", "it", "its", "just", "like", "me", "my", "no", "not",
    "now", "of", "on", "one", "or", "out", "she", "so", "some", "that", "the", "them", "then",
    "there", "they", "this", "to", "up", "was", "we", "were", "what", "when", "will", "with",
    "would", "you", "your",
];

/// How often a word group is expected in a sentence, roughly: each
/// alternative that is a frequent word counts 100, an everyday word 10,
/// any other 1. Only decides which group a phrase is listed under, never
/// whether it matches.
fn group_cost(ids: &[WordId], kind: &impl Fn(WordId) -> Commonness) -> u32 {
    ids.iter()
        .map(|&id| match kind(id) {
            Commonness::Frequent => 100,
            Commonness::Everyday => 10,
            Commonness::Rare => 1,
        })
        .sum()
}

/// How common a phrase word is in messages ([`FirstWords::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commonness {
    /// In nearly every message ("i", "my", "was").
    Frequent,
    /// An everyday English word.
    Everyday,
    /// Anything else (most crisis words, and `word*` prefixes).
    Rare,
}

impl Commonness {
    /// `word`'s commonness, given whether it is an everyday word.
    pub fn of(word: Option<&str>, everyday: bool) -> Commonness {
        match word {
            Some(w) if FREQUENT.contains(&w) => Commonness::Frequent,
            _ if everyday => Commonness::Everyday,
            _ => Commonness::Rare,
        }
    }
}

impl FirstWords {
    /// Index `phrases` ((category, phrase index, phrase)) over a vocabulary
    /// of `ids` word ids; `kind` tells how common each id's word is.
    pub fn new<'a>(
        ids: usize,
        phrases: impl Iterator<Item = (usize, usize, &'a Compiled)>,
        kind: impl Fn(WordId) -> Commonness,
    ) -> Self {
        let mut index = FirstWords::default();
        let mut listed: Vec<(WordId, Entry)> = Vec::new();
        for (category, phrase, compiled) in phrases {
            let first = compiled.first_ids();
            if first.is_empty() {
                continue;
            }
            let mut words: Vec<&[WordId]> = compiled.word_steps().collect();
            // The key: the group a sentence is least likely to have (the
            // first such, so a phrase of rare words keys on its first).
            let key = (0..words.len())
                .min_by_key(|&i| group_cost(words[i], &kind))
                .expect("a phrase has a first word");
            let key_ids = words.remove(key);
            let everyday = |id| kind(id) != Commonness::Rare;
            // The rest, rarer first: most phrases fail at the first group.
            words.reverse();
            words.sort_by_key(|alts| alts.iter().any(|&id| everyday(id)));
            let start = index.needs.len() as u32;
            for alts in words {
                index.needs.push(alts.len() as WordId);
                index.needs.extend_from_slice(alts);
            }
            let from = index.firsts.len() as u32;
            index.firsts.extend_from_slice(first);
            let entry = Entry {
                category: category as u32,
                phrase: phrase as u32,
                needs: (start, index.needs.len() as u32),
                firsts: (from, index.firsts.len() as u32),
            };
            listed.extend(key_ids.iter().map(|&id| (id, entry)));
        }
        listed.sort_by_key(|(id, _)| *id);
        index.by_key = vec![(0, 0); ids];
        for (id, entry) in listed {
            let at = index.entries.len() as u32;
            let range = &mut index.by_key[id as usize];
            if range.1 == 0 {
                range.0 = at;
            }
            range.1 = at + 1;
            index.entries.push(entry);
        }
        index
    }

    /// Every (start, category, phrase) where the phrase's first word
    /// matches word `start` of the sentence and each of its other words
    /// occurs somewhere in it, skipping categories for which `skip` is
    /// true; appended to `out` in no order, maybe repeated.
    pub fn candidates(
        &self,
        tokens: &Tokens,
        skip: impl Fn(usize) -> bool,
        out: &mut Vec<(usize, usize, usize)>,
    ) {
        for &id in tokens.distinct() {
            let (from, to) = self.by_key.get(id as usize).copied().unwrap_or_default();
            for e in &self.entries[from as usize..to as usize] {
                if skip(e.category as usize) || !self.present(e.needs, tokens) {
                    continue;
                }

                let firsts = &self.firsts[e.firsts.0 as usize..e.firsts.1 as usize];
                for start in 0..tokens.len() {
                    if firsts
                        .iter()
                        .any(|f| tokens.at(start).binary_search(f).is_ok())
                    {
                        out.push((start, e.category as usize, e.phrase as usize));
                    }
                }
            }
        }
    }

    /// Does each id group in `needs` have an id some word of the sentence
    /// matches?
    fn present(&self, (start, end): (u32, u32), tokens: &Tokens) -> bool {
        let mut rest = &self.needs[start as usize..end as usize];
        while let Some((&n, tail)) = rest.split_first() {
            let (alts, after) = tail.split_at(n as usize);
            if !tokens.has_any(alts) {
                return false;
            }
            rest = after;
        }
        true
    }
}
