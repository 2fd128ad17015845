//! Matching a compiled phrase against a sentence's word ids.

use super::{Compiled, NEGATION, Step, Tokens, WordId};

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

    /// Does a gap of `skip` words from `pos` end on a negation of the word
    /// after it: "not", or "not really" with both in the gap?
    fn negated_after(&self, pos: usize, skip: usize) -> bool {
        let last = |back: usize| skip >= back && self.negations[pos + skip - back] != 0;
        last(1) && (self.negations[pos + skip - 1] == NEGATION || last(2))
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
        steps_from(&self.elems, tokens, start, false)
    }

    /// As [`Compiled::matches_at`], but no gap ends on a negation of the
    /// word after it: "I'm not suicidal" does not say `im .. suicidal`.
    /// A negation further back ("a bloke I don't know is trying…", "his
    /// cluster isn't stopping, this is the fourth") is another clause's,
    /// and one the phrase names itself ("not .. breathing") is a word.
    pub fn affirmed_at(&self, tokens: &Tokens, start: usize) -> bool {
        steps_from(&self.elems, tokens, start, true)
    }

    /// Does the phrase match anywhere in the sentence?
    pub fn matches_anywhere(&self, tokens: &Tokens) -> bool {
        self.possible(tokens)
            && (0..tokens.len()).any(|i| steps_from(&self.elems, tokens, i, false))
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

/// `affirmed`: no gap may span a negation.
fn steps_from(steps: &[Step], tokens: &Tokens, pos: usize, affirmed: bool) -> bool {
    let Some((first, rest)) = steps.split_first() else {
        return true;
    };
    match first {
        Step::Gap(max) => (0..=*max).any(|skip| {
            pos + skip <= tokens.len()
                && !(affirmed && tokens.negated_after(pos, skip))
                && steps_from(rest, tokens, pos + skip, affirmed)
        }),
        Step::Any => pos < tokens.len() && steps_from(rest, tokens, pos + 1, affirmed),
        Step::Word(ids) => {
            pos < tokens.len()
                && ids
                    .iter()
                    .any(|id| tokens.at(pos).binary_search(id).is_ok())
                && steps_from(rest, tokens, pos + 1, affirmed)
        }
    }
}
