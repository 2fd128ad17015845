//! Screening a message against the compiled safety phrases.

use std::collections::HashMap;

use super::context::{Frame, frame};
use super::learned::LearnedModel;
use super::pattern::{Alt, Elem, Pattern, normalize_word};
use super::rules::SafetyRules;
use crate::text;

/// A category's phrases, compiled.
struct Compiled {
    phrases: Vec<Pattern>,
    unless: Vec<Pattern>,
    /// Screened in past-framed sentences too.
    screen_past: bool,
}

/// Reference to one phrase: (category index, phrase index).
type PhraseRef = (usize, usize);

/// Compiled safety phrases with an index on each phrase's first word, so a
/// message is scanned once whatever the number of phrases.
pub struct Screener {
    categories: Vec<Compiled>,
    /// Exact first words, and their one-letter-deleted forms for typo
    /// tolerance (symmetric delete).
    by_first: HashMap<String, Vec<PhraseRef>>,
    /// Phrases whose first word is a prefix, by the prefix's first two
    /// characters (checked against words that start the same way).
    prefix_first: HashMap<String, Vec<PhraseRef>>,
    /// The learned second signal, consulted when no phrase matches.
    model: Option<(LearnedModel, Vec<Option<usize>>)>,
}

/// What screening found: every matched category, most urgent first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screening {
    /// Indexes into [`SafetyRules::categories`], ascending (priority order).
    pub categories: Vec<usize>,
    /// True when the learned model raised this, not a phrase.
    pub learned: bool,
}

impl Screening {
    /// The most urgent category matched.
    pub fn lead(&self) -> usize {
        self.categories[0]
    }
}

impl Screener {
    /// Compile the rules. Phrases that do not parse were already reported by
    /// the checker and are skipped here.
    pub fn new(rules: &SafetyRules) -> Self {
        let mut screener = Screener {
            categories: Vec::new(),
            by_first: HashMap::new(),
            prefix_first: HashMap::new(),
            model: rules
                .model
                .as_ref()
                .map(|m| (m.clone(), class_categories(m, rules))),
        };
        for (ci, cat) in rules.categories.iter().enumerate() {
            let phrases: Vec<Pattern> = cat
                .phrases
                .iter()
                .filter_map(|p| Pattern::parse(p).ok())
                .collect();
            let unless = cat
                .unless
                .iter()
                .filter_map(|p| Pattern::parse(p).ok())
                .collect();
            for (pi, p) in phrases.iter().enumerate() {
                screener.index_first_word(p, (ci, pi));
            }
            screener.categories.push(Compiled {
                phrases,
                unless,
                screen_past: cat.screen_past,
            });
        }
        for refs in screener.by_first.values_mut() {
            refs.sort_unstable();
            refs.dedup();
        }
        screener
    }

    fn index_first_word(&mut self, p: &Pattern, at: PhraseRef) {
        let Some(Elem::Word(alts)) = p.elems.first() else {
            return;
        };
        for alt in alts {
            match alt {
                Alt::Prefix(p) => self
                    .prefix_first
                    .entry(head(p).to_string())
                    .or_default()
                    .push(at),
                Alt::Exact(w) => {
                    self.by_first.entry(w.clone()).or_default().push(at);
                    if w.chars().count() >= 6 {
                        for variant in text::one_deletes(w) {
                            self.by_first.entry(variant).or_default().push(at);
                        }
                    }
                }
            }
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
        let categories: Vec<usize> = self.phrase_hits(cleaned).iter().map(|h| h.0).collect();
        if categories.is_empty() {
            return self.learned(cleaned);
        }
        Some(Screening {
            categories,
            learned: false,
        })
    }

    /// Why a message alarms: per matched category, the index of the first
    /// phrase that fired (`None` when the learned model raised it). For
    /// clinicians tuning phrases (`signpost ask --why`); never logged.
    pub fn explain(&self, message: &str) -> Vec<(usize, Option<usize>)> {
        let cleaned = text::clean(message);
        let hits: Vec<(usize, Option<usize>)> = self
            .phrase_hits(&cleaned)
            .into_iter()
            .map(|(c, p)| (c, Some(p)))
            .collect();
        if !hits.is_empty() {
            return hits;
        }
        self.learned(&cleaned)
            .map(|s| vec![(s.lead(), None)])
            .unwrap_or_default()
    }

    /// Each category with a phrase that fires, and that phrase, in category
    /// order.
    fn phrase_hits(&self, cleaned: &str) -> Vec<PhraseRef> {
        let mut found: Vec<Option<usize>> = vec![None; self.categories.len()];
        let mut candidates = Vec::new();
        let mut buf = String::new();
        for sentence in split_sentences(cleaned) {
            let past = match frame(&sentence) {
                Frame::General => continue,
                Frame::Past => true,
                Frame::Now => false,
            };
            for start in 0..sentence.len() {
                candidates.clear();
                self.candidates(&sentence[start], &mut buf, &mut candidates);
                for &(ci, pi) in &candidates {
                    let skip = found[ci].is_some() || (past && !self.categories[ci].screen_past);
                    if !skip && self.phrase_fires(ci, pi, &sentence, start) {
                        found[ci] = Some(pi);
                    }
                }
            }
        }
        found
            .iter()
            .enumerate()
            .filter_map(|(ci, pi)| Some((ci, (*pi)?)))
            .collect()
    }

    /// The learned model's alarm, when no phrase matched.
    fn learned(&self, cleaned: &str) -> Option<Screening> {
        let (model, map) = self.model.as_ref()?;
        let v = model.verdict(cleaned)?;
        let category = map[v.class].filter(|_| v.crisis >= model.threshold)?;
        Some(Screening {
            categories: vec![category],
            learned: true,
        })
    }

    /// Phrase `pi` of category `ci` matches at `start` and is explicit or
    /// not cancelled by the category's `unless` phrases in this sentence.
    fn phrase_fires(&self, ci: usize, pi: usize, sentence: &[String], start: usize) -> bool {
        let cat = &self.categories[ci];
        let phrase = &cat.phrases[pi];
        phrase.matches_at(sentence, start)
            && !negated_wish(sentence, start)
            && (phrase.explicit || !any_match(&cat.unless, sentence))
    }

    fn candidates(&self, word: &str, buf: &mut String, out: &mut Vec<PhraseRef>) {
        if let Some(refs) = self.by_first.get(word) {
            out.extend_from_slice(refs);
        }
        if word.chars().count() >= 5 {
            for (i, c) in word.char_indices() {
                buf.clear();
                buf.push_str(&word[..i]);
                buf.push_str(&word[i + c.len_utf8()..]);
                if let Some(refs) = self.by_first.get(buf.as_str()) {
                    out.extend_from_slice(refs);
                }
            }
        }
        if let Some(refs) = self.prefix_first.get(head(word)) {
            out.extend_from_slice(refs);
        }
    }
}

/// For each model class, the category it names (`none` and unknown ids map
/// to nothing; the checker reports unknown ids).
fn class_categories(model: &LearnedModel, rules: &SafetyRules) -> Vec<Option<usize>> {
    model
        .classes
        .iter()
        .map(|c| rules.categories.iter().position(|cat| &cat.id == c))
        .collect()
}

/// A wish or plan that the word before plainly negates: "I don't want to
/// hurt myself, what is the safe dose" asks about dosing. Only the wish is
/// cancelled: "I don't want to be here anymore" is its own phrase, and any
/// other phrase in the message still fires.
fn negated_wish(sentence: &[String], start: usize) -> bool {
    const WISHES: &[&str] = &["want", "wanting", "need", "tempted", "planning", "plan"];
    const NEGATIONS: &[&str] = &["dont", "doesnt", "didnt", "never", "not", "no", "wont"];
    let word = |i: usize| sentence.get(i).map_or("", String::as_str);
    // The wish is the phrase's first word, or just before it ("want to").
    let wish_at = [start, start.wrapping_sub(1), start.wrapping_sub(2)]
        .into_iter()
        .filter(|&i| i < sentence.len())
        .find(|&i| WISHES.contains(&word(i)) && (i..start).all(|j| j == i || word(j) == "to"));
    wish_at.is_some_and(|i| i > 0 && NEGATIONS.contains(&word(i - 1)))
}

fn any_match(patterns: &[Pattern], sentence: &[String]) -> bool {
    patterns
        .iter()
        .any(|p| (0..sentence.len()).any(|i| p.matches_at(sentence, i)))
}

/// Words of each sentence, normalised. Sentences end at `.`, `!`, `?`, `;`
/// and line breaks.
fn split_sentences(cleaned: &str) -> Vec<Vec<String>> {
    cleaned
        .split(['.', '!', '?', ';', '\n'])
        .map(|s| canonical_forms(text::words(s).map(normalize_word).collect()))
        .filter(|s: &Vec<String>| !s.is_empty())
        .collect()
}

/// Write negations and slang one way, so phrases need only one form:
/// "do not" → "dont", "cannot" → "cant", "wanna" → "want to"..
fn canonical_forms(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len() + 4);
    for w in words {
        let merged = match (out.last().map(String::as_str), w.as_str()) {
            (Some("do"), "not") => Some("dont"),
            (Some("does"), "not") => Some("doesnt"),
            (Some("did"), "not") => Some("didnt"),
            (Some("can"), "not") => Some("cant"),
            (Some("will"), "not") => Some("wont"),
            (Some("is"), "not") => Some("isnt"),
            (Some("am"), "not") => Some("amnt"),
            (Some("i"), "am") => Some("im"),
            _ => None,
        };
        if let Some(m) = merged {
            *out.last_mut().expect("matched a previous word") = m.to_string();
            continue;
        }
        match w.as_str() {
            "cannot" => out.push("cant".into()),
            "wanna" => out.extend(["want".to_string(), "to".to_string()]),
            "gonna" => out.extend(["going".to_string(), "to".to_string()]),
            "gotta" => out.extend(["got".to_string(), "to".to_string()]),
            "dnt" | "don" => out.push("dont".into()),
            "ur" => out.push("your".into()),
            _ => out.push(w),
        }
    }
    out
}

/// The first two characters of a word (all of it when shorter).
fn head(word: &str) -> &str {
    match word.char_indices().nth(2) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}
