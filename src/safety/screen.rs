//! Screening a message against the compiled safety phrases.

use super::compiled::{Compiled, Tokens, Vocab};
use super::context::{MessageFrames, Reading, dated_in_the_past, names_a_child};
use super::first_words::FirstWords;
use super::learned::LearnedModel;
use super::neighbours::{
    denied_in_a_list, denied_thought, instead_of, negated_start, negated_wish, told_as_accident,
};
use super::pattern::{Pattern, split_pair};
use super::rules::SafetyRules;
use super::sentences::{sentence_views, sentences, split_sentences};
use crate::text;

/// A category's phrases, compiled.
struct Category {
    phrases: Vec<Compiled>,
    unless: Vec<Compiled>,
    /// Halves of the `together` pairs, two per pair in order, each with the
    /// pair's index in the rules. Half `j` is phrase `phrases.len() + j`.
    halves: Vec<(usize, Compiled)>,
    /// Words naming the emergency, for messages that run a clock on it.
    /// Topic `t` is phrase `TOPIC + t`.
    topics: Vec<Compiled>,
    /// Screened in past-framed sentences too.
    screen_past: bool,
    /// Deliberate acts only (self-harm): a phrase told as an accident
    /// ("accidentally cut myself") does not fire; overdoses and burns do.
    deliberate: bool,
}

/// Reference to one phrase: (category index, phrase index). Indexes past
/// the category's phrases are pair halves in [`Screener::phrase_hits`]'s
/// candidates and whole pairs (`phrases.len() + pair`) in its result.
type PhraseRef = (usize, usize);

/// Where topics start among a category's phrase indexes: past any phrase
/// or pair a safety file will hold.
const TOPIC: usize = 1 << 20;

/// A pair half that fired: (category, half, found in a sentence that is
/// not about now: a general question, or past for the category).
type Half = (usize, usize, bool);

/// Compiled safety phrases with an index on each phrase's first word, so a
/// message is scanned once whatever the number of phrases.
pub struct Screener {
    categories: Vec<Category>,
    vocab: Vocab,
    /// The phrases each word id may open (see `first_words`).
    first_words: FirstWords,
    /// The learned second signal: the alarm when no phrase matches, and a
    /// less urgent second category beside one that does.
    model: Option<(LearnedModel, Vec<Option<usize>>)>,
    /// Child abuse, and the categories (domestic abuse, sexual assault)
    /// that are child abuse when the one hurt is a child.
    child_abuse: Option<(usize, [usize; 2])>,
}

/// What screening found: every matched category, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    /// Indexes into [`SafetyRules::categories`], ascending (priority order).
    pub categories: Vec<usize>,
    /// True when the learned model raised this, not a phrase.
    pub learned: bool,
}

/// What made a category fire ([`Screener::explain`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The category's phrase at this index.
    Phrase(usize),
    /// The category's `together` pair at this index.
    Pair(usize),
    /// The category's topic at this index, in a message running a clock.
    Topic(usize),
    /// The learned second signal.
    Learned,
}

impl Screening {
    /// The most urgent category matched.
    pub fn lead(&self) -> usize {
        self.categories[0]
    }
}

impl Screener {
    /// Compile the rules. Phrases that do not parse were already reported by
    /// the checker and are skipped here. `model` is the learned second signal
    /// (taken out of the rules by the caller, so it is held once).
    pub fn new(rules: &SafetyRules, model: Option<LearnedModel>) -> Self {
        let mut vocab = Vocab::with_everyday_words();
        type How = fn(&mut Vocab, &Pattern) -> Compiled;
        let compile = |list: &[String], vocab: &mut Vocab, how: How| -> Vec<Compiled> {
            list.iter()
                .filter_map(|p| Pattern::parse(p).ok())
                .map(|p| how(vocab, &p))
                .collect()
        };
        let categories: Vec<Category> = rules
            .categories
            .iter()
            .map(|cat| Category {
                phrases: compile(&cat.phrases, &mut vocab, Vocab::compile),
                // `unless` words never match with a typo.
                unless: compile(&cat.unless, &mut vocab, Vocab::compile_strict),
                halves: compile_pairs(&cat.together, &mut vocab),
                topics: compile(&cat.topics, &mut vocab, Vocab::compile),
                screen_past: cat.screen_past,
                deliberate: cat.id == "self-harm",
            })
            .collect();
        vocab.memoize();
        let phrases = categories.iter().enumerate().flat_map(|(ci, cat)| {
            let halves = cat.halves.iter().map(|(_, h)| h);
            let all = cat.phrases.iter().chain(halves).enumerate();
            let topics = cat.topics.iter().enumerate().map(|(t, p)| (TOPIC + t, p));
            all.chain(topics).map(move |(pi, p)| (ci, pi, p))
        });
        let first_words = FirstWords::new(vocab.len(), phrases, |id| vocab.commonness(id));
        let index = |id: &str| rules.categories.iter().position(|c| c.id == id);
        let child_abuse = match (
            index("child-abuse"),
            index("domestic-abuse"),
            index("sexual-assault"),
        ) {
            (Some(c), Some(d), Some(s)) => Some((c, [d, s])),
            _ => None,
        };
        Screener {
            child_abuse,
            categories,
            vocab,
            first_words,
            model: model.map(|m| {
                let map = learned_pass::class_categories(&m, rules);
                (m, map)
            }),
        }
    }

    /// Screen a message. Returns every category with a phrase that matches
    /// and is not cancelled by that category's `unless` phrases in the same
    /// sentence, most urgent first. Sentences that only talk about a crisis
    /// in general are skipped, and past-framed ones screen only the categories
    /// where the past matters (see `context::frame`).
    pub fn screen(&self, message: &str) -> Option<Screening> {
        self.screen_cleaned(&text::clean(message))
    }

    /// [`Screener::screen`] on text already passed through [`text::clean`].
    pub fn screen_cleaned(&self, cleaned: &str) -> Option<Screening> {
        let raw: Vec<&str> = sentences(cleaned).collect();
        let all = split_sentences(&raw);
        let views = sentence_views(&all);
        let mut categories: Vec<usize> = self.phrase_hits(&views).iter().map(|h| h.0).collect();
        if categories.is_empty() {
            return self.learned(&raw, &views);
        }
        self.child_too(&mut categories, &views);
        self.add_learned_also(&raw, &mut categories);
        Some(Screening {
            categories,
            learned: false,
        })
    }

    /// Abuse or assault of someone the message says is a child is child
    /// abuse too: the child line joins the block ("my friend (12) … her
    /// dad's drunk and chasing her", "a man dragged a little girl by the
    /// hair").
    fn child_too(&self, categories: &mut Vec<usize>, views: &[Vec<&str>]) {
        let Some((child, adult)) = self.child_abuse else {
            return;
        };
        if !categories.contains(&child)
            && categories.iter().any(|c| adult.contains(c))
            && names_a_child(views)
        {
            categories.push(child);
            categories.sort_unstable();
        }
    }

    /// Why a message alarms: per matched category, what fired first. For
    /// clinicians tuning phrases (`signpost ask --why`); never logged.
    pub fn explain(&self, message: &str) -> Vec<(usize, Trigger)> {
        let cleaned = text::clean(message);
        let raw: Vec<&str> = sentences(&cleaned).collect();
        let all = split_sentences(&raw);
        let views = sentence_views(&all);
        let hits: Vec<(usize, Trigger)> = self
            .phrase_hits(&views)
            .into_iter()
            .map(|(ci, pi)| (ci, self.categories[ci].trigger(pi)))
            .collect();
        if !hits.is_empty() {
            return self.with_learned_also(&raw, hits);
        }
        self.learned(&raw, &views)
            .map(|s| vec![(s.lead(), Trigger::Learned)])
            .unwrap_or_default()
    }

    /// Each category with a phrase that fires, and that phrase, in category
    /// order. `views`: the message's sentences as words ([`sentence_views`]).
    /// A topic ("cpr", "heimlich") counts only when the message runs a clock
    /// on it or has a call handler on the line (`MessageFrames::running`):
    /// "it's happening now" and the like are too often said of a calm "now"
    /// ("I'm on apixaban now", "she just told me she has epilepsy").
    fn phrase_hits(&self, views: &[Vec<&str>]) -> Vec<PhraseRef> {
        let mut found: Vec<Option<usize>> = vec![None; self.categories.len()];
        let mut halves_seen = Vec::new();
        let mut topics_seen = Vec::new();
        let mut candidates = Vec::new();
        let mut tokens = Tokens::default();
        // What the whole message says is worked out once, and only for a
        // message with a candidate phrase.
        let mut frames = MessageFrames::new(views);
        for (i, sentence) in views.iter().enumerate() {
            self.vocab.tokens(sentence, &mut tokens);
            // Phrases that could match here (every word present), by start:
            // most sentences have none, and then need no framing at all.
            candidates.clear();
            let skip = |ci: usize| found[ci].is_some();
            self.first_words.candidates(&tokens, skip, &mut candidates);
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_unstable();
            candidates.dedup();
            // A general-looking question counts when another sentence says
            // it is happening to someone now ("…is this serious? my 2 yo
            // just drank it", "…? he's gone red and silent"), or when any
            // sentence says the question is real ("asking because mine just
            // did"; see `context::real`), which also stops its question
            // wording ("what happens if…") from cancelling it. A past
            // emergency told as over ("I'm fine now") is screened as the
            // past. Pair halves are looked for in general and past
            // sentences too, but need their other half from a sentence
            // about now ("he fell last night. now his pupils are uneven").
            let reading = frames.read(i);
            let (past, general) = match reading {
                Reading::General => (false, true),
                Reading::Past | Reading::Over => (true, false),
                Reading::Now | Reading::MadeLive => (false, false),
            };
            let asks = general || reading == Reading::MadeLive;
            let real = frames.real();
            for &(start, ci, pi) in &candidates {
                let cat = &self.categories[ci];
                if pi >= TOPIC {
                    if !past && self.phrase_fires(ci, pi, sentence, &tokens, start, true) {
                        topics_seen.push((ci, pi));
                    }
                    continue;
                }
                let whole = pi < cat.phrases.len();
                let quiet = general || (past && !cat.screen_past);
                let skip = found[ci].is_some() || (quiet && whole);
                // A pair half in a general question (made live or not)
                // followed by more is not cancelled by its wording ("what
                // does it mean when blood spurts? hubby's hand after the
                // table saw"): it counts only with its other half said of
                // now. A question last ("… what if he's sick later") still is.
                let real = real || (asks && !whole && i + 1 < views.len());
                if !skip && self.phrase_fires(ci, pi, sentence, &tokens, start, real) {
                    found[ci] = cat.fired(ci, pi, quiet, &mut halves_seen);
                }
            }
        }
        if !topics_seen.is_empty() && frames.running() {
            for (ci, pi) in topics_seen {
                found[ci].get_or_insert(pi);
            }
        }
        found
            .iter()
            .enumerate()
            .filter_map(|(ci, pi)| Some((ci, (*pi)?)))
            .collect()
    }

    /// The phrases and topics whose words match sentence `s`, before framing,
    /// `unless` and the clock, once each ([`Screener::trace`]). Pair halves are
    /// left out: one half alone is most of what matches and says little.
    pub(super) fn matched_in(&self, s: &[&str], tokens: &mut Tokens) -> Vec<(usize, Trigger)> {
        self.vocab.tokens(s, tokens);
        let mut found = Vec::new();
        self.first_words.candidates(tokens, |_| false, &mut found);
        let mut out = Vec::new();
        for (start, ci, pi) in found {
            let cat = &self.categories[ci];
            // Phrases and topics (held back without a clock); not pair halves
            // (which candidates number by half, not by pair).
            let hit = (ci, cat.trigger(pi));
            if matches!(hit.1, Trigger::Pair(_)) {
                continue;
            }
            if cat.phrase(pi).matches_at(tokens, start) && !out.contains(&hit) {
                out.push(hit);
            }
        }
        out
    }

    /// Phrase `pi` of category `ci` matches at `start` and is explicit, or
    /// in a message said to be `real` now, or not cancelled by the
    /// category's `unless` phrases in this sentence.
    fn phrase_fires(
        &self,
        ci: usize,
        pi: usize,
        sentence: &[&str],
        tokens: &Tokens,
        start: usize,
        real: bool,
    ) -> bool {
        let cat = &self.categories[ci];
        let phrase = cat.phrase(pi);
        phrase.affirmed_at(tokens, start)
            && !negated_wish(sentence, start)
            && !denied_thought(sentence, start)
            && !denied_in_a_list(sentence, start)
            && !negated_start(sentence, start)
            && !instead_of(sentence, start)
            && (!cat.deliberate || !told_as_accident(sentence, start))
            && (cat.screen_past || !dated_in_the_past(sentence, start))
            && (phrase.explicit || real || !cat.unless.iter().any(|u| u.matches_anywhere(tokens)))
    }
}

impl Category {
    /// What phrase index `pi` names: a topic (from [`TOPIC`]), a phrase, or
    /// past the phrases a pair (its number in the rules, as
    /// [`Screener::phrase_hits`] reports a fired pair).
    fn trigger(&self, pi: usize) -> Trigger {
        if pi >= TOPIC {
            return Trigger::Topic(pi - TOPIC);
        }
        match pi.checked_sub(self.phrases.len()) {
            Some(pair) => Trigger::Pair(pair),
            None => Trigger::Phrase(pi),
        }
    }

    /// Phrase `pi`, or pair half `pi - phrases.len()`.
    fn phrase(&self, pi: usize) -> &Compiled {
        if pi >= TOPIC {
            return &self.topics[pi - TOPIC];
        }
        match pi.checked_sub(self.phrases.len()) {
            Some(half) => &self.halves[half].1,
            None => &self.phrases[pi],
        }
    }

    /// Phrase `pi` of category `ci` fired (in a sentence not about now
    /// when `quiet`): what the category then matched. A phrase matches
    /// alone; a pair half only once the other half of its pair fired too, in
    /// any sentence, and not both in quiet ones. `seen` records halves.
    fn fired(&self, ci: usize, pi: usize, quiet: bool, seen: &mut Vec<Half>) -> Option<usize> {
        let half = pi.checked_sub(self.phrases.len());
        let Some(half) = half else { return Some(pi) };
        let other = (ci, half ^ 1);
        if seen
            .iter()
            .any(|&(c, h, q)| (c, h) == other && !(q && quiet))
        {
            return Some(self.phrases.len() + self.halves[half].0);
        }
        seen.push((ci, half, quiet));
        None
    }
}

/// The halves of each parsable `together` pair, compiled (two per pair,
/// each with the pair's index). Pairs that do not parse were reported by
/// the checker.
fn compile_pairs(pairs: &[String], vocab: &mut Vocab) -> Vec<(usize, Compiled)> {
    let mut halves = Vec::new();
    for (k, raw) in pairs.iter().enumerate() {
        let Ok((a, b)) = split_pair(raw) else {
            continue;
        };
        let (Ok(a), Ok(b)) = (Pattern::parse(a), Pattern::parse(b)) else {
            continue;
        };
        halves.push((k, vocab.compile(&a)));
        halves.push((k, vocab.compile(&b)));
    }
    halves
}

#[path = "screen_learned.rs"]
mod learned_pass;

#[cfg(test)]
#[path = "screen_tests.rs"]
mod tests;
