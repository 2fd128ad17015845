//! The learned second signal: a linear model over words, word pairs and
//! the character 5-grams of words.
//!
//! Phrase rules are precise but miss wording nobody wrote a phrase for. This
//! model, trained on the in-repo crisis and ordinary-question sets (see
//! `train`), catches some of those: when no phrase matches and the model is
//! confident a message is a crisis, its best category is screened as if a
//! phrase had matched. It only ever *adds* an alarm, never cancels one, and
//! it only picks a category: what the patient reads still comes from the
//! clinician-approved `safety.toml`. Weights live in
//! `resources/safety-model.tsv`, a reviewable text file; nothing is fetched
//! at run time.

use std::fmt::Write as _;

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

mod features;

pub use features::{Hashed, features};

/// File name of the weights beside `safety.toml`.
pub const MODEL_FILE: &str = "safety-model.tsv";

/// The class meaning "not a crisis"; every other class is a category id.
pub const NONE: &str = "none";

/// A multinomial logistic model: per feature, a sparse list of class weights.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct LearnedModel {
    /// Class names; index 0 is [`NONE`].
    pub classes: Vec<String>,
    /// Alarm when the probability of "not a crisis" is below `1 - threshold`.
    pub threshold: f32,
    pub bias: Vec<f32>,
    /// Feature → (class, weight), as written in the file. Empty in a
    /// compact model ([`LearnedModel::parse_compact`]), which keeps `source`.
    pub weights: BTreeMap<String, Vec<(u16, f32)>>,
    /// The file a compact model was read from, written back as is.
    source: Option<std::sync::Arc<str>>,
    /// The same weights for scoring: feature hash → [`Slot`], so a look-up
    /// touches no string (see [`LearnedModel::index`]).
    lookup: FxHashMap<u64, Slot>,
    flat: Vec<(u16, f32)>,
    /// One bit per [`seen_bit`] of each feature hash: most of a message's
    /// word pairs are not features, and this 128 KiB filter (it stays in
    /// cache) turns them away before a probe into the much larger `lookup`.
    seen: Vec<u64>,
}

/// Bits in [`LearnedModel::seen`]: about 14 per feature, so a key that is
/// not a feature passes the filter about one time in fourteen.
const SEEN_BITS: u64 = 1 << 20;

/// A key's bit in the filter, from its high bits (FNV's low bits are the
/// weaker ones).
fn seen_bit(key: u64) -> (usize, u64) {
    let bit = ((key ^ (key >> 29)) >> 11) & (SEEN_BITS - 1);
    ((bit / 64) as usize, 1 << (bit % 64))
}

/// A feature's weights in the look-up: its one class weight itself (four
/// features in ten have one), else a range of `flat`. Inline, a look-up
/// reads one place in memory instead of two; with 128,000 features the
/// second was a cache miss.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot(u64);

const ONE: u64 = 1 << 63;

impl Slot {
    fn one(class: u16, weight: f32) -> Slot {
        Slot(ONE | u64::from(class) << 32 | u64::from(weight.to_bits()))
    }

    fn range(start: usize, end: usize) -> Slot {
        // Files hold a few million weights at most, far below 2^31.
        Slot((end as u64) << 32 | start as u64)
    }

    fn read(self) -> Result<(u16, f32), std::ops::Range<usize>> {
        if self.0 & ONE != 0 {
            Ok(((self.0 >> 32) as u16, f32::from_bits(self.0 as u32)))
        } else {
            Err(self.0 as u32 as usize..(self.0 >> 32) as usize)
        }
    }
}

/// What the model thinks of one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Probability that the message is any crisis.
    pub crisis: f32,
    /// Most likely crisis class (an index into `classes`, never 0).
    pub class: usize,
}

/// The model only speaks on messages of at least this many words. A
/// handful of words gives a bag-of-words model too little to go on: short
/// everyday lines ("I think I have hay fever", "I want to stop smoking")
/// alarmed, while short crises are the phrases' job (on the training sets,
/// almost every catch the model made alone had 8 words or more).
pub const MIN_WORDS: usize = 8;

impl LearnedModel {
    /// A model from its parts, indexed for scoring.
    pub fn new(
        classes: Vec<String>,
        threshold: f32,
        bias: Vec<f32>,
        weights: BTreeMap<String, Vec<(u16, f32)>>,
    ) -> LearnedModel {
        let mut model = LearnedModel {
            classes,
            threshold,
            bias,
            weights,
            ..LearnedModel::default()
        };
        model.index();
        model
    }

    /// [`LearnedModel::parse`], keeping the file's text instead of the
    /// feature tree: what serving and the catalog hold (the tree is several
    /// times the text's size), written back unchanged by `to_text`.
    /// It builds the look-up straight from the lines, never the tree: the
    /// model is read at every start and index load, and the tree's strings
    /// made that most of the start-up time.
    pub fn parse_compact(text: &str) -> Result<LearnedModel, (usize, String)> {
        let mut model = LearnedModel::read(text, false)?;
        model.source = Some(text.into());
        model.lookup.shrink_to_fit();
        model.flat.shrink_to_fit();
        Ok(model)
    }

    /// Build the hashed look-up from `weights`.
    fn index(&mut self) {
        self.lookup.clear();
        self.flat.clear();
        self.seen = vec![0; (SEEN_BITS / 64) as usize];
        let weights = std::mem::take(&mut self.weights);
        for (feature, pairs) in &weights {
            self.add(feature, pairs);
        }
        self.weights = weights;
    }

    /// One feature's weights into the look-up (a repeated feature's last
    /// line wins, as in `weights`).
    fn add(&mut self, feature: &str, pairs: &[(u16, f32)]) {
        let slot = match pairs {
            [(c, w)] => Slot::one(*c, *w),
            _ => {
                let start = self.flat.len();
                self.flat.extend_from_slice(pairs);
                Slot::range(start, self.flat.len())
            }
        };
        // A feature's words joined by spaces: its hash is the line's own
        // (what `feature_hash` gives for the words one by one).
        let key = crate::fnv::hash(feature.as_bytes());
        self.lookup.insert(key, slot);
        let (word, bit) = seen_bit(key);
        self.seen[word] |= bit;
    }

    /// Score a lower-cased, cleaned message. The same features as
    /// [`features`], hashed straight from the words (this runs on every
    /// question that no phrase matched, so it allocates no strings).
    pub fn verdict(&self, lower: &str) -> Option<Verdict> {
        self.verdict_of(Hashed::new(lower))
    }

    /// Score text already hashed (see [`Hashed`]): a message and its
    /// sentences share one pass over the words. Takes the keys by value so
    /// repeats are dropped in place, not copied.
    pub fn verdict_of(&self, hashed: Hashed<'_>) -> Option<Verdict> {
        if self.classes.len() < 2 || hashed.words < MIN_WORDS {
            return None;
        }
        let mut keys = hashed.keys;
        features::distinct(&mut keys);
        if keys.is_empty() {
            return None;
        }
        let x = 1.0 / (keys.len() as f32).sqrt();
        // On the stack for the usual few dozen classes.
        let mut stack = [0.0f32; 64];
        let mut heap = Vec::new();
        let logits: &mut [f32] = match stack.get_mut(..self.bias.len()) {
            Some(s) => s,
            None => {
                heap.resize(self.bias.len(), 0.0);
                &mut heap
            }
        };
        logits.copy_from_slice(&self.bias);
        for key in keys {
            let (word, bit) = seen_bit(key);
            if self.seen.get(word).is_some_and(|&w| w & bit == 0) {
                continue;
            }
            match self.lookup.get(&key).map(|s| s.read()) {
                Some(Ok((c, w))) => logits[usize::from(c)] += w * x,
                Some(Err(range)) => {
                    for &(c, w) in &self.flat[range] {
                        logits[usize::from(c)] += w * x;
                    }
                }
                None => {}
            }
        }
        softmax_verdict(logits)
    }

    /// The crisis class to screen, when the model is confident enough.
    pub fn alarm(&self, lower: &str) -> Option<&str> {
        let v = self.verdict(lower)?;
        (v.crisis >= self.threshold).then(|| self.classes[v.class].as_str())
    }

    /// Parse the weights file. Errors name the line.
    pub fn parse(text: &str) -> Result<LearnedModel, (usize, String)> {
        LearnedModel::read(text, true)
    }

    /// Read a model file; `tree` keeps the feature tree (`weights`) beside
    /// the look-up.
    fn read(text: &str, tree: bool) -> Result<LearnedModel, (usize, String)> {
        let mut model = LearnedModel {
            seen: vec![0; (SEEN_BITS / 64) as usize],
            ..LearnedModel::default()
        };
        // The header (threshold, classes, then bias) comes first; after it
        // those words are features like any other (a message may say
        // "classes").
        let mut in_body = false;
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, rest) = line
                .split_once('\t')
                .ok_or((n, "expected a tab after the first field".to_string()))?;
            let bad = |what: &str| (n, format!("{what} in `{key}` line"));
            match key {
                "threshold" if !in_body => {
                    model.threshold = rest.parse().map_err(|_| bad("bad number"))?;
                }
                "classes" if !in_body => {
                    model.classes = rest.split('\t').map(String::from).collect();
                }
                "bias" if !in_body => {
                    model.bias = parse_numbers(rest).ok_or_else(|| bad("bad number"))?;
                    in_body = true; // the header's last line
                }
                _ => {
                    in_body = true;
                    let pairs = parse_pairs(rest, model.classes.len())
                        .ok_or_else(|| bad("bad class:weight pair"))?;
                    if tree {
                        model.weights.insert(key.to_string(), pairs);
                    } else {
                        model.add(key, &pairs);
                    }
                }
            }
        }
        model.validate()?;
        if tree {
            // From the sorted tree, so a model read back equals the one
            // written (the look-up's order follows the tree's).
            model.index();
        }
        Ok(model)
    }

    fn validate(&self) -> Result<(), (usize, String)> {
        if self.classes.first().map(String::as_str) != Some(NONE) {
            return Err((0, format!("the `classes` line must start with `{NONE}`")));
        }
        if self.bias.len() != self.classes.len() {
            return Err((0, "`bias` needs one number per class".into()));
        }
        if !(0.5..1.0).contains(&self.threshold) {
            return Err((0, "`threshold` must be at least 0.5 and below 1".into()));
        }
        Ok(())
    }

    /// The weights file, features in sorted order so diffs stay readable
    /// (a compact model's own file, unchanged).
    pub fn to_text(&self) -> String {
        if let Some(source) = &self.source
            && self.weights.is_empty()
        {
            return source.to_string();
        }
        let mut out = String::from(
            "# Signpost learned crisis signal. Generated by `signpost train-screen`;\n\
             # do not edit by hand. Each line: feature, then class:weight pairs.\n",
        );
        let _ = writeln!(out, "threshold\t{}", self.threshold);
        let _ = writeln!(out, "classes\t{}", self.classes.join("\t"));
        let bias: Vec<String> = self.bias.iter().map(|b| format!("{b:.3}")).collect();
        let _ = writeln!(out, "bias\t{}", bias.join("\t"));
        for k in self.weights.keys() {
            let pairs: Vec<String> = self.weights[k]
                .iter()
                .map(|(c, w)| format!("{c}:{w:.3}"))
                .collect();
            let _ = writeln!(out, "{k}\t{}", pairs.join("\t"));
        }
        out
    }
}

/// Probability of any crisis, and the most likely crisis class.
fn softmax_verdict(logits: &[f32]) -> Option<Verdict> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = logits.iter().map(|l| (l - max).exp()).sum();
    let p_none = (logits[0] - max).exp() / sum;
    let class = (1..logits.len()).max_by(|&a, &b| logits[a].total_cmp(&logits[b]))?;
    Some(Verdict {
        crisis: 1.0 - p_none,
        class,
    })
}

fn parse_numbers(s: &str) -> Option<Vec<f32>> {
    s.split('\t').map(|v| v.parse().ok()).collect()
}

fn parse_pairs(s: &str, classes: usize) -> Option<Vec<(u16, f32)>> {
    s.split('\t')
        .map(|p| {
            let (c, w) = p.split_once(':')?;
            let c: u16 = c.parse().ok()?;
            (usize::from(c) < classes).then_some(())?;
            Some((c, w.parse().ok()?))
        })
        .collect()
}

impl From<LearnedModel> for String {
    fn from(m: LearnedModel) -> String {
        m.to_text()
    }
}

impl TryFrom<String> for LearnedModel {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        LearnedModel::parse_compact(&s).map_err(|(line, e)| format!("line {line}: {e}"))
    }
}

#[cfg(test)]
#[path = "learned_tests.rs"]
mod tests;
