//! Which phrases could match in a sentence, found from their first words.
//!
//! Every word of a message is looked up here, so this is the screen's
//! innermost loop. Each phrase is listed under the ids its first word may
//! be, with the ids its other words may be laid out flat beside it: a
//! phrase is worth trying at a word only when each of its other words
//! occurs somewhere in the sentence, and that test reads one short run of
//! memory instead of following the phrase's own structure (which missed
//! the cache on most phrases).

use super::compiled::{Compiled, Tokens, WordId};

/// A phrase listed under one of its first word's ids.
#[derive(Clone, Copy)]
struct Entry {
    category: u32,
    phrase: u32,
    /// Its other words' id groups: a range of [`FirstWords::needs`].
    needs: (u32, u32),
}

/// Phrases by first-word id.
#[derive(Default)]
pub struct FirstWords {
    /// Per word id: its range of `entries` (all lists in one allocation).
    by_first: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// Groups, one per word after the first, those with no everyday word
    /// first, otherwise last word first (later words are rarer): the
    /// number of ids, then the ids.
    needs: Vec<WordId>,
}

impl FirstWords {
    /// Index `phrases` ((category, phrase index, phrase)) over a vocabulary
    /// of `ids` word ids; `everyday` tells which ids are everyday words.
    pub fn new<'a>(
        ids: usize,
        phrases: impl Iterator<Item = (usize, usize, &'a Compiled)>,
        everyday: impl Fn(WordId) -> bool,
    ) -> Self {
        let mut index = FirstWords::default();
        let mut listed: Vec<(WordId, Entry)> = Vec::new();
        for (category, phrase, compiled) in phrases {
            let start = index.needs.len() as u32;
            let mut words: Vec<&[WordId]> = compiled.word_steps().skip(1).collect();
            words.reverse();
            // Groups that name only rarer words first: a sentence seldom
            // has them, so most phrases are ruled out at the first group.
            words.sort_by_key(|alts| alts.iter().any(|&id| everyday(id)));
            for alts in words {
                index.needs.push(alts.len() as WordId);
                index.needs.extend_from_slice(alts);
            }
            let entry = Entry {
                category: category as u32,
                phrase: phrase as u32,
                needs: (start, index.needs.len() as u32),
            };
            listed.extend(compiled.first_ids().iter().map(|&id| (id, entry)));
        }
        listed.sort_by_key(|(id, _)| *id);
        index.by_first = vec![(0, 0); ids];
        for (id, entry) in listed {
            let at = index.entries.len() as u32;
            let range = &mut index.by_first[id as usize];
            if range.1 == 0 {
                range.0 = at;
            }
            range.1 = at + 1;
            index.entries.push(entry);
        }
        index
    }

    /// The phrases (category, phrase) starting with word id `first` whose
    /// other words all occur in the sentence, skipping categories for
    /// which `skip` is true.
    pub fn open<'s>(
        &'s self,
        first: WordId,
        tokens: &'s Tokens,
        skip: impl Fn(usize) -> bool + 's,
    ) -> impl Iterator<Item = (usize, usize)> + 's {
        let (from, to) = self
            .by_first
            .get(first as usize)
            .copied()
            .unwrap_or_default();
        let list = &self.entries[from as usize..to as usize];
        list.iter()
            .filter(move |e| !skip(e.category as usize) && self.present(e.needs, tokens))
            .map(|e| (e.category as usize, e.phrase as usize))
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
