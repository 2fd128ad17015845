//! Numbers that mean danger: "my sugar is 45 and I'm shaky", "bp 210/125
//! and chest pain", "my 6 week old is 38.4", "sats 89".
//!
//! Phrases cannot read numbers, so readings get their own small reader
//! (`parse`) and rules written by clinicians in `safety.toml`
//! (`[[reading]]`, each with the official page its threshold comes from).
//! A rule raises an existing crisis category, so the emergency block, its
//! contacts and its review are the category's. A reading counts only in a
//! sentence about now (not a general question, not the past), and a rule
//! can ask for symptoms in the message or be silenced by words such as
//! "my usual". A reading that is merely high raises nothing: the question
//! gets the condition's pages as usual.

mod age;
mod parse;
mod read;
mod tokens;
mod when;
mod words;

use serde::{Deserialize, Serialize};

use super::context::{Frame, frame};
use super::pattern::Pattern;
use super::rules::SafetyRules;
use super::screen::Screening;
use super::sentences::{sentence_words, sentences};
pub use parse::{Measure, Reading};
pub use read::read_rules;

/// One `[[reading]]` rule: when a reading of `measure` crosses a threshold
/// (with the symptoms and age it asks for), raise `category`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ReadingRule {
    pub id: String,
    /// One of [`Measure::NAMES`].
    pub measure: String,
    /// The crisis category raised.
    pub category: String,
    /// Fires when the value is below this (glucose in mmol/L).
    pub below: Option<f64>,
    /// Fires when the value is this or less (oxygen %).
    pub at_most: Option<f64>,
    /// Fires when the value (blood pressure: systolic) is this or more.
    pub at_least: Option<f64>,
    /// Blood pressure: also fires when the diastolic is this or more.
    pub diastolic_at_least: Option<f64>,
    /// Only for a person younger than this many months, when stated.
    pub age_under_months: Option<f64>,
    /// At least one of these phrases must be in the message.
    pub symptoms: Vec<String>,
    /// None of these phrases may be in the message ("my usual").
    pub without: Vec<String>,
    /// The official page the threshold comes from.
    pub source: String,
    pub publisher: String,
}

/// The rules, ready to run on every message.
pub struct Readings {
    rules: Vec<Compiled>,
}

struct Compiled {
    measure: Measure,
    category: usize,
    rule: ReadingRule,
    symptoms: Vec<Pattern>,
    without: Vec<Pattern>,
}

/// A rule that fired: (category index, rule index).
pub type ReadingHit = (usize, usize);

impl Readings {
    /// Compile `rules.readings`; rules naming an unknown measure or
    /// category were reported by the checker and are skipped.
    pub fn new(rules: &SafetyRules) -> Readings {
        let patterns = |list: &[String]| -> Vec<Pattern> {
            list.iter().filter_map(|p| Pattern::parse(p).ok()).collect()
        };
        let compiled = rules.readings.iter().filter_map(|r| {
            Some(Compiled {
                measure: Measure::from_name(&r.measure)?,
                category: rules.categories.iter().position(|c| c.id == r.category)?,
                rule: r.clone(),
                symptoms: patterns(&r.symptoms),
                without: patterns(&r.without),
            })
        });
        Readings {
            rules: compiled.collect(),
        }
    }

    /// Add what the readings raise to a phrase screening; a learned-only
    /// guess gives way to any reading that fires, and to a reading its own
    /// category's rules judged safe. `region` decides the unit of an
    /// unlabelled glucose value in the 20–35 band (`None`: either unit may
    /// alarm).
    pub fn add_to(
        &self,
        screening: Option<Screening>,
        cleaned: &str,
        region: Option<&str>,
    ) -> Option<Screening> {
        let read = self.read(cleaned);
        let hits = read
            .as_ref()
            .map(|(latest, context)| self.hits_in(latest, region, context))
            .unwrap_or_default();
        if hits.is_empty() {
            // A learned-only guess gives way to a reading that the rules for
            // its own category judged on the safe side ("my 5 month old is
            // 38.4, teething" is not a seriously ill baby).
            return screening.filter(|s| {
                !s.learned
                    || !read.as_ref().is_some_and(|(latest, context)| {
                        s.categories
                            .iter()
                            .all(|&c| self.judged_safe(latest, region, context, c))
                    })
            });
        }
        // The learned model is a fallback for messages with no explicit
        // signal; a reading is one, so a learned-only guess gives way.
        let mut categories = screening
            .filter(|s| !s.learned)
            .map(|s| s.categories)
            .unwrap_or_default();
        categories.extend(hits.iter().map(|h| h.0));
        categories.sort_unstable();
        categories.dedup();
        Some(Screening {
            categories,
            learned: false,
        })
    }

    /// The rule id behind each hit, for `signpost ask --why`.
    pub fn rule_id(&self, rule: usize) -> &str {
        &self.rules[rule].rule.id
    }

    /// Every rule that fires on the message (lower-cased, cleaned). Only
    /// the latest reading of each measure counts ("was 200/120 in hospital,
    /// now 140/90"), and only when it is not put in the past or called
    /// usual, in a sentence about now. First rule per reading; each
    /// category once.
    pub fn hits(&self, cleaned: &str, region: Option<&str>) -> Vec<ReadingHit> {
        self.read(cleaned)
            .map(|(latest, context)| self.hits_in(&latest, region, &context))
            .unwrap_or_default()
    }

    /// The message's current readings and what the rules need from it;
    /// `None` when there are no rules or no current reading.
    fn read(&self, cleaned: &str) -> Option<(Vec<Reading>, Context)> {
        if self.rules.is_empty() || !cleaned.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let latest = latest_readings(cleaned);
        if latest.now.is_empty() {
            return None;
        }
        let context = Context::of(cleaned, latest.usual);
        Some((latest.now, context))
    }

    fn hits_in(
        &self,
        latest: &[Reading],
        region: Option<&str>,
        context: &Context,
    ) -> Vec<ReadingHit> {
        let mut hits: Vec<ReadingHit> = Vec::new();
        for reading in latest {
            if let Some(hit) = self.first_rule(reading, region, context)
                && !hits.iter().any(|h| h.0 == hit.0)
            {
                hits.push(hit);
            }
        }
        hits
    }

    /// Whether some current reading is of a measure whose rules raise
    /// `category`, and every such rule finds it on the safe side: below the
    /// threshold, or for a stated age the rule is not about. Symptoms and
    /// "usual" do not count here: only the number and the age are judged.
    fn judged_safe(
        &self,
        latest: &[Reading],
        region: Option<&str>,
        context: &Context,
        category: usize,
    ) -> bool {
        latest.iter().any(|reading| {
            let mut rules = self
                .rules
                .iter()
                .filter(|c| c.category == category && c.measure == reading.measure)
                .peekable();
            rules.peek().is_some() && rules.all(|c| c.safe_side(reading, region, context))
        })
    }

    fn first_rule(
        &self,
        reading: &Reading,
        region: Option<&str>,
        context: &Context,
    ) -> Option<ReadingHit> {
        self.rules
            .iter()
            .enumerate()
            .find(|(_, c)| c.measure == reading.measure && c.fires(reading, region, context))
            .map(|(i, c)| (c.category, i))
    }
}

/// The latest reading of each measure that counts as now. Readings that
/// do not count (usual, put in the past or set aside, in a general or past
/// sentence) are skipped: they neither count nor hide an earlier current
/// one ("188/96 now, 142/88 last week").
fn latest_readings(cleaned: &str) -> Latest {
    let mut carry = parse::Carry::default();
    let mut latest = Latest::default();
    for sentence in sentences(cleaned) {
        if !sentence.bytes().any(|b| b.is_ascii_digit()) {
            // Still note the measures it names ("pulse oximeter").
            parse::readings(sentence, &mut carry);
            continue;
        }
        let found = parse::readings(sentence, &mut carry);
        if found.is_empty() {
            continue;
        }
        let words = sentence_words(sentence);
        let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
        let now = frame(&words) == Frame::Now;
        if !now {
            continue;
        }
        for f in found.iter().filter(|f| !f.past) {
            let list = if f.habitual {
                &mut latest.usual
            } else {
                &mut latest.now
            };
            list.retain(|r| r.measure != f.reading.measure);
            list.push(f.reading);
        }
    }
    latest
}

/// The readings that count, and the levels called usual.
#[derive(Default)]
struct Latest {
    now: Vec<Reading>,
    usual: Vec<Reading>,
}

/// What rules need from the whole message, worked out once.
struct Context {
    words: Vec<String>,
    youngest_months: Option<f64>,
    /// Levels the message calls usual ("normally sits at 88").
    usual: Vec<Reading>,
}

impl Context {
    fn of(cleaned: &str, usual: Vec<Reading>) -> Context {
        Context {
            usual,
            words: sentence_words(cleaned)
                .into_iter()
                .map(|w| w.into_owned())
                .collect(),
            youngest_months: age::youngest_age_months(cleaned),
        }
    }

    /// A saturation within 2 points of the level the message calls the
    /// person's usual is their normal ("normally runs at 88 with his
    /// COPD, 89 today"); one well below it is not ("I usually sit at 99").
    fn near_usual(&self, reading: &Reading) -> bool {
        reading.measure == Measure::Oxygen
            && self.usual.iter().any(|u| {
                u.measure == Measure::Oxygen
                    && reading
                        .value
                        .zip(u.value)
                        .is_some_and(|(now, usual)| now >= usual - 2.0)
            })
    }

    /// Whether any phrase matches, not right after a negation ("no
    /// shakes", "not dizzy").
    fn says(&self, phrases: &[Pattern]) -> bool {
        const NOT: &[&str] = &[
            "no", "not", "without", "nor", "isnt", "arent", "wasnt", "dont", "doesnt", "didnt",
            "never", "zero", "any",
        ];
        // A negation up to three words before, within the same clause
        // ("not had her jabs yet", "no shakes").
        let negated = |i: usize| {
            self.words[i.saturating_sub(3)..i]
                .iter()
                .rev()
                .take_while(|w| !matches!(w.as_str(), "but" | "and" | "though" | "although"))
                .any(|w| NOT.contains(&w.as_str()))
        };
        phrases
            .iter()
            .any(|p| (0..self.words.len()).any(|i| p.matches_at(&self.words, i) && !negated(i)))
    }
}

impl Compiled {
    fn fires(&self, reading: &Reading, region: Option<&str>, context: &Context) -> bool {
        self.crosses(reading, region)
            && !context.near_usual(reading)
            && self.young(reading, context)
            && (self.symptoms.is_empty() || context.says(&self.symptoms))
            && !context.says(&self.without)
    }

    /// On the safe side of this rule by number or stated age alone.
    fn safe_side(&self, reading: &Reading, region: Option<&str>, context: &Context) -> bool {
        let older = self.rule.age_under_months.is_some_and(|limit| {
            reading.first_person || context.youngest_months.is_some_and(|m| m >= limit)
        });
        reading.value.is_some() && (!self.crosses(reading, region) || older)
    }

    /// The value (or, for blood pressure, the diastolic) crosses the threshold.
    fn crosses(&self, reading: &Reading, region: Option<&str>) -> bool {
        let r = &self.rule;
        let crosses = |v: f64| {
            r.below.is_some_and(|t| v < t)
                || r.at_most.is_some_and(|t| v <= t)
                || r.at_least.is_some_and(|t| v >= t)
        };
        let value = match (reading.other_unit, region) {
            (Some(other), Some("us")) => crosses(other),
            (Some(other), None) => reading.value.is_some_and(crosses) || crosses(other),
            _ => reading.value.is_some_and(crosses),
        };
        let diastolic = reading
            .diastolic
            .zip(r.diastolic_at_least)
            .is_some_and(|(v, t)| v >= t);
        value || diastolic
    }

    /// An age rule is about someone else's reading, never the writer's own
    /// ("I have a temp of 38.4 and I'm feeding my 5 week old").
    fn young(&self, reading: &Reading, context: &Context) -> bool {
        self.rule.age_under_months.is_none_or(|limit| {
            !reading.first_person && context.youngest_months.is_some_and(|m| m < limit)
        })
    }
}

#[cfg(test)]
mod tests;
