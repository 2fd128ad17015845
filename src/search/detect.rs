//! Finding the conditions a question is about, from names and aliases.
//!
//! This is the strongest relevance signal: a patient who writes "sugar
//! diabetes" or "t2d" in a 1,500-character message is asking about type 2
//! diabetes, whatever else the message says. Aliases are matched as stemmed
//! word sequences (stop words included); overlapping matches keep the longest ("type 2 diabetes"
//! beats "diabetes").

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::analysis::{WordStemmer, is_stop_word};
use super::lexicon::Lexicon;
use crate::catalog::Catalog;
use crate::text::{self, osa_distance};

/// One word of a question, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct QueryWord<'a> {
    /// Stemmed, lower-case (after spelling correction); borrowed from the
    /// lexicon for every word it knows.
    pub stem: Cow<'a, str>,
    /// The word was written in capitals (`MS`, `RA`).
    pub upper: bool,
    /// A stop word ("and", "the"): kept so aliases match word for word,
    /// never a search term.
    pub stop: bool,
    /// An everyday word ("night", "best"): used for ranking within a
    /// detected condition, never as a signal on its own.
    pub common: bool,
    /// Letters as written: an abbreviation matches letter for letter
    /// ("ED", an emergency department, is not "EDS").
    pub chars: usize,
    /// Known only after a spelling correction ("colonscopy" → "colposcopy").
    pub corrected: bool,
    /// A short word with a capital after a small letter ("PsA", psoriatic
    /// arthritis): matches only an alias written the same way, never "PSA".
    pub mixed: bool,
}

#[derive(Clone)]
struct AliasSeq {
    stems: Vec<String>,
    condition: u32,
    /// Very short abbreviations (`ms`, `ra`) and everyday words only count
    /// when written in capitals and letter for letter ("ED" is not "EDS"):
    /// `Some(letters)` for those.
    upper_chars: Option<usize>,
    /// Words that are not stop words.
    content: usize,
    /// A one-word alias written in mixed case ("PsA"): see [`QueryWord::mixed`].
    mixed: bool,
    /// "the" + one word ("the pill", "the coil") names one thing: its noun
    /// matches letter for letter, never through a typo or a spelling
    /// correction, so "the pills are in front of me" is not contraception
    /// nor "the pines" piles. `Some(letters)` of that noun.
    last_chars: Option<usize>,
    /// The first stem's length and first two letters, kept beside the
    /// sequence so the typo-in-first-word pass can rule most aliases out
    /// without reading their stems (which live elsewhere in memory).
    first_len: usize,
    first_head: Option<[u8; 2]>,
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
    /// A mention comes just after words that name a diagnosis or a
    /// suspicion ("diagnosed with", "GP thinks", "could it be").
    pub named: bool,
    /// Content words of the longest matching alias.
    pub content: usize,
    /// Some mention matched as written, not only through a spelling
    /// correction ("colonscopy" is not a named "colposcopy").
    pub exact: bool,
    /// Every mention is denied ("A&E said it wasn't a stroke", "it's not
    /// just a cold"): the question is about something else.
    pub denied: bool,
    /// Every mention is a medicine the patient is on ("I'm on
    /// metformin"): background to the question, not its subject.
    pub taken: bool,
}

/// Alias sequences indexed by their first stem, and multi-word aliases also
/// by their second (so a typo in the first word can still match). One map,
/// so each word of a question costs one lookup.
pub struct Detector {
    by_stem: FxHashMap<String, Starts>,
    /// Per condition: a symptom or a context (`signs.toml`), which gives
    /// way to a condition the question also names.
    gives_way: Vec<bool>,
}

/// The aliases a stem starts, and the multi-word ones it is second in.
#[derive(Default)]
struct Starts {
    first: Vec<AliasSeq>,
    second: Vec<AliasSeq>,
}

/// One alias found in the question.
struct Match {
    start: usize,
    len: usize,
    /// Words of the alias that are not stop words (more = more specific).
    content: usize,
    /// One word matched only with a typo.
    fuzzy: bool,
    condition: u32,
}

impl Detector {
    /// Aliases match word for word, stop words included, so "a cold" never
    /// fires on "I feel cold". Single-word aliases of one or two letters ("ms")
    /// or three-letter everyday words ("bed" for binge eating disorder) only
    /// count when written in capitals.
    pub fn new(catalog: &Catalog, stemmer: &mut WordStemmer, lexicon: &Lexicon) -> Self {
        let mut by_stem: FxHashMap<String, Starts> = FxHashMap::default();
        for (ci, c) in catalog.conditions.iter().enumerate() {
            for alias in std::iter::once(&c.name).chain(&c.aliases) {
                let cleaned = text::clean(alias);
                let words: Vec<&str> = text::words(&cleaned).collect();
                let stems: Vec<String> = words.iter().map(|w| stemmer.stem(w)).collect();
                let Some(first) = stems.first().cloned() else {
                    continue;
                };
                let single = words.len() == 1;
                let len = words[0].chars().count();
                // An alias written in capitals in the catalog ("AIDS") is an
                // abbreviation that is also an everyday word: capitals only.
                let capitals = alias.chars().any(char::is_alphabetic)
                    && !alias.chars().any(char::is_lowercase);
                let needs_upper =
                    single && (capitals || len <= 2 || (len <= 3 && lexicon.is_common(words[0])));
                let content = words.iter().filter(|w| !is_stop_word(w)).count();
                let seq = AliasSeq {
                    stems,
                    condition: ci as u32,
                    upper_chars: needs_upper.then_some(len),
                    content,
                    mixed: single && mixed_case(alias),
                    last_chars: (words.len() == 2 && words[0] == "the")
                        .then(|| words[1].chars().count()),
                    first_len: first.len(),
                    first_head: text::ascii_head(&first),
                };
                if let Some(second) = seq.stems.get(1) {
                    let entry = by_stem.entry(second.clone()).or_default();
                    entry.second.push(seq.clone());
                }
                by_stem.entry(first).or_default().first.push(seq);
            }
        }
        let ids = catalog.condition_ids();
        let mut gives_way = vec![false; catalog.conditions.len()];
        for s in catalog.signs.iter().filter(|s| s.symptom || s.context) {
            if let Some(&i) = ids.get(s.name.as_str()) {
                gives_way[i as usize] = true;
            }
        }
        Detector { by_stem, gives_way }
    }

    /// Whether a detected condition is a symptom or a context
    /// (`signs.toml`): it gives way to another condition the question names.
    pub fn gives_way(&self, d: &Detected) -> bool {
        self.gives_way.get(d.condition as usize) == Some(&true)
    }

    /// Conditions mentioned in `words`, most salient first (see the sort).
    pub fn detect(&self, words: &[QueryWord]) -> Vec<Detected> {
        let mut found = merge(words, self.matches(words));
        // Salience: how often it is mentioned, one more when a mention is
        // named as a diagnosis or suspicion ("GP thinks angina"), one less
        // for a symptom ("back pain" beside "myeloma"), then the more
        // specific alias, then the earlier mention.
        found.sort_by(|a, b| {
            let salience = |d: &Detected| {
                (d.mentions + u32::from(d.named)).saturating_sub(u32::from(self.gives_way(d)))
            };
            salience(b)
                .cmp(&salience(a))
                .then(self.gives_way(a).cmp(&self.gives_way(b)))
                .then(b.exact.cmp(&a.exact))
                .then(b.content.cmp(&a.content))
                .then(a.first.cmp(&b.first))
        });
        found
    }

    /// Every alias that matches somewhere in `words`, overlapping ones included.
    fn matches(&self, words: &[QueryWord]) -> Vec<Match> {
        let mut matches: Vec<Match> = Vec::new();
        let starts: Vec<Option<&Starts>> = words
            .iter()
            .map(|w| self.by_stem.get(w.stem.as_ref()))
            .collect();
        for (i, w) in words.iter().enumerate() {
            let first = starts[i].map_or(&[][..], |s| &s.first);
            for seq in first {
                if seq.upper_chars.is_some_and(|n| !w.upper || w.chars != n)
                    || (seq.stems.len() == 1 && seq.mixed != w.mixed)
                {
                    continue;
                }
                if let Some(fuzzy) = seq.matches_at(words, i, false) {
                    let len = seq.stems.len();
                    matches.push(Match {
                        start: i,
                        len,
                        content: seq.content,
                        fuzzy: fuzzy || words[i..i + len].iter().any(|w| w.corrected),
                        condition: seq.condition,
                    });
                }
            }
            // A typo in the first word of a multi-word alias ("bowl cancer").
            // Lengths first: a typo is one edit of a word of four or more
            // letters, and the lists behind common second words are long.
            let second = match starts.get(i + 1) {
                Some(Some(s)) if w.stem.len() >= 4 => &s.second[..],
                _ => &[],
            };
            let head = text::ascii_head(&w.stem);
            for seq in second {
                if seq.first_len < 4
                    || seq.first_len.abs_diff(w.stem.len()) > 1
                    || !text::heads_may_be_one_edit(seq.first_head, head)
                {
                    continue;
                }
                if seq.stems[0] != w.stem.as_ref() && seq.matches_at(words, i, true).is_some() {
                    matches.push(Match {
                        start: i,
                        len: seq.stems.len(),
                        content: seq.content,
                        fuzzy: true,
                        condition: seq.condition,
                    });
                }
            }
        }
        matches
    }
}

/// One [`Detected`] per condition from the alias matches: the most specific
/// match wins where matches overlap (more content words, longer, exact,
/// earlier), and each kept mention adds what its neighbours say of it.
fn merge(words: &[QueryWord], mut matches: Vec<Match>) -> Vec<Detected> {
    matches.sort_by(|a, b| {
        b.content
            .cmp(&a.content)
            .then(b.len.cmp(&a.len))
            .then(a.fuzzy.cmp(&b.fuzzy))
            .then(a.start.cmp(&b.start))
    });
    let mut used = vec![false; words.len()];
    let mut found: Vec<Detected> = Vec::new();
    for m in matches {
        let span = m.start..m.start + m.len;
        if used[span.clone()].iter().any(|t| *t) {
            continue;
        }
        used[span].iter_mut().for_each(|t| *t = true);
        let named = named_before(words, m.start);
        let denied = denied_before(words, m.start);
        let taken = taken_before(words, m.start);
        match found.iter_mut().find(|d| d.condition == m.condition) {
            Some(d) => {
                d.mentions += 1;
                d.first = d.first.min(m.start);
                d.length = d.length.max(m.len);
                d.named |= named;
                d.content = d.content.max(m.content);
                d.exact |= !m.fuzzy;
                d.denied &= denied;
                d.taken &= taken;
            }
            None => found.push(Detected {
                condition: m.condition,
                mentions: 1,
                first: m.start,
                length: m.len,
                named,
                content: m.content,
                exact: !m.fuzzy,
                denied,
                taken,
            }),
        }
    }
    found
}

/// Is the mention at `start` denied: "wasn't a stroke", "it's not just a
/// cold"? Only fillers may stand between the denial and the mention ("not
/// sure if it's asthma" is not a denial). Never having had something is
/// not a denial ("never had chickenpox" and now exposed), nor is a test
/// "to rule out a brain tumour": both are the worry itself.
fn denied_before(words: &[QueryWord<'_>], start: usize) -> bool {
    const DENIAL: &[&str] = &["not", "no", "wasnt", "isnt", "arent", "werent", "aint"];
    const FILLER: &[&str] = &["just", "realli", "actual", "even", "ani", "simpli"];
    cue_before(words, start, 3, DENIAL, FILLER)
}

/// Is the mention at `start` a medicine the patient is on ("I'm on
/// metformin", "on warfarin for AF")? "Taking" or "started" are not
/// enough: "the GP started iron tablets", "can I take statins" are often
/// the question itself.
fn taken_before(words: &[QueryWord<'_>], start: usize) -> bool {
    cue_before(words, start, 2, &["on"], &[])
}

/// Is one of `cues` among the `reach` words before `start`, with only stop
/// words or `fillers` between it and the mention?
fn cue_before(
    words: &[QueryWord<'_>],
    start: usize,
    reach: usize,
    cues: &[&str],
    fillers: &[&str],
) -> bool {
    for w in words[start.saturating_sub(reach)..start].iter().rev() {
        if cues.contains(&w.stem.as_ref()) {
            return true;
        }
        if !(w.stop || fillers.contains(&w.stem.as_ref())) {
            return false;
        }
    }
    false
}

/// A short word that opens with a capital and has another after a small
/// letter ("PsA", "IgA"): an abbreviation of its own, not the all-capitals
/// one ("PSA"). "aFib" and "pH" open in lower case and match as usual.
pub(super) fn mixed_case(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(char::is_uppercase) || word.chars().count() > 4 {
        return false;
    }
    let mut seen_lower = false;
    chars.any(|c| {
        seen_lower |= c.is_lowercase();
        seen_lower && c.is_uppercase()
    })
}

/// Do the words just before `start` name a diagnosis or a suspicion?
fn named_before(words: &[QueryWord<'_>], start: usize) -> bool {
    const CUES: &[&str] = &[
        "diagnos",
        "say",
        "said",
        "think",
        "thought",
        "suspect",
        "told",
        "rule",
        "confirm",
        "confirmed",
        "be",
        "got",
        "have",
        "has",
        "with",
    ];
    words[start.saturating_sub(3)..start]
        .iter()
        .any(|w| CUES.contains(&w.stem.as_ref()))
}

impl AliasSeq {
    /// Does the alias match at `start`? `Some(true)` when one word of a
    /// multi-word alias matched only with a typo (both forms four or more
    /// letters, one edit apart); `fuzzy_first` requires that word to be the first.
    fn matches_at(&self, words: &[QueryWord], start: usize, fuzzy_first: bool) -> Option<bool> {
        let end = start + self.stems.len();
        if end > words.len() {
            return None;
        }
        let mut fuzzy = false;
        for (k, (w, s)) in words[start..end].iter().zip(&self.stems).enumerate() {
            if w.stem.as_ref() == s && !(fuzzy_first && k == 0) {
                continue;
            }
            // An everyday word is a typo only of a five-letter or longer
            // alias word ("bowl" of "bowel", never "many" of "mini").
            let close = self.stems.len() > 1
                && !fuzzy
                && w.stem.len() >= 4
                && (s.len() >= 5 || (s.len() >= 4 && !w.common))
                && osa_distance(&w.stem, s, 1) <= 1;
            if !close || (fuzzy_first && k != 0) {
                return None;
            }
            fuzzy = true;
        }
        let noun = &words[end - 1];
        if self
            .last_chars
            .is_some_and(|n| fuzzy || noun.corrected || noun.chars != n)
        {
            return None;
        }
        Some(fuzzy)
    }
}

#[cfg(test)]
mod mixed_case_tests {
    use super::mixed_case;

    #[test]
    fn only_capitalised_short_words_with_an_inner_capital() {
        assert!(mixed_case("PsA"));
        assert!(mixed_case("IgA"));
        assert!(!mixed_case("PSA"));
        assert!(!mixed_case("psa"));
        assert!(!mixed_case("Psa"));
        assert!(!mixed_case("aFib"));
        assert!(!mixed_case("HbA1c"));
    }
}
