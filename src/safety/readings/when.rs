//! When a reading was taken, from the words around it: "last week",
//! "in 2019", "two days ago" put it in the past; "usually", "normally" make
//! it someone's usual level. A message often gives an old reading and then
//! today's ("was 200/120 in hospital, now 140/90"): only today's counts.

use super::parse::Measure;
use super::tokens::{Tok, has_word, is_word};

/// Words that bring the text back to now.
const NOW: &[&str] = &[
    "now",
    "currently",
    "today",
    "tonight",
    "rn",
    "atm",
    "moment",
    "presently",
    "still",
    "just",
];
/// What "last" names when it puts a reading in the past ("89 last week").
const WHEN: &[&str] = &[
    "week",
    "night",
    "month",
    "year",
    "time",
    "weekend",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
];
/// Events whose time ("2 weeks ago", "last month") is not a reading's.
const EVENTS: &[&str] = &[
    "born",
    "delivered",
    "birth",
    "jab",
    "jabs",
    "vaccine",
    "vaccines",
    "vaccinations",
    "immunisations",
    "immunizations",
    "shots",
    "surgery",
    "operation",
    "op",
    "diagnosed",
    "diagnosis",
    "started",
    "stopped",
    "accident",
    "fall",
    "section",
];
/// Units of "N ago" that still mean now ("took it 5 mins ago").
const JUST_NOW: &[&str] = &[
    "min", "mins", "minute", "minutes", "sec", "secs", "seconds", "moment", "moments", "hour",
    "hr", "hrs", "hours",
];
/// Words that make a reading someone's usual level.
const USUAL: &[&str] = &[
    "usually",
    "normally",
    "usual",
    "normal",
    "baseline",
    "typically",
    "average",
    "generally",
];

/// Whether the words around token `i` put the reading in the past: a past
/// marker up to twelve tokens before it with no "now" in between, or one
/// right after it ("190/125 yesterday", "89 last week").
pub fn past_at(toks: &[Tok], i: usize, end: usize) -> bool {
    // "running 140/90 now": said to be now, whatever came before.
    if (end..toks.len().min(end + 2)).any(|k| is_word(toks.get(k), NOW)) {
        return false;
    }
    let from = i.saturating_sub(12);
    let marked_before = (from..i)
        .rev()
        .find(|&k| is_past(toks, k))
        .is_some_and(|p| !has_word(&toks[p + 1..i], NOW));
    let marked_after = (end..toks.len().min(end + 4))
        .take_while(|&k| !is_word(toks.get(k), NOW))
        .any(|k| {
            is_word(toks.get(k), &["yesterday", "ago", "previously"])
                || (is_word(toks.get(k), &["last", "on"]) && is_word(toks.get(k + 1), WHEN))
        });
    marked_before || marked_after
}

/// Whether the reading is an adult's: the writer ("i", "im", "ive") or
/// another adult (husband, mum…) in the five tokens before it and no one
/// else ("I have a temp of 38.4", "husband has 38.9"; not "I took her temp
/// and it's 38.4").
pub fn first_person_at(toks: &[Tok], i: usize) -> bool {
    const ADULTS: &[&str] = &[
        "i",
        "im",
        "ive",
        "husband",
        "hubby",
        "wife",
        "partner",
        "dad",
        "mum",
        "mom",
        "mam",
        "father",
        "mother",
        "grandma",
        "grandad",
        "nan",
        "boyfriend",
        "girlfriend",
        "fiance",
    ];
    const OTHERS: &[&str] = &[
        "she", "he", "her", "his", "him", "baby", "babys", "lo", "son", "daughter", "bub", "they",
        "shes", "hes", "their", "its",
    ];
    let window = &toks[i.saturating_sub(5)..i];
    has_word(window, ADULTS) && !has_word(window, OTHERS)
}

/// Whether a reading in this sentence is not a person's now whatever its
/// tense: a number being defined ("dia 120 means…"), a pet's ("the vet
/// checked his glucose"), a film's or a textbook's, bath water's, or a
/// sleep study's lowest point.
pub fn set_aside(toks: &[Tok], i: usize, measure: Measure) -> bool {
    const ANIMALS: &[&str] = &[
        "dog", "dogs", "cat", "cats", "vet", "vets", "puppy", "kitten", "pet", "pets", "horse",
        "canine", "feline", "pup", "pooch", "moggy",
    ];
    const STORIES: &[&str] = &[
        "film",
        "movie",
        "drama",
        "episode",
        "novel",
        "textbook",
        "exam",
        "exams",
        "studying",
        "revising",
        "lecture",
        "homework",
        "assignment",
        "quiz",
        "scenario",
        "tv",
        "netflix",
        "documentary",
        "simulation",
    ];
    const THINGS: &[&str] = &[
        "bath",
        "bathwater",
        "weather",
        "forecast",
        "oven",
        "fridge",
        "freezer",
        "pool",
        "sauna",
        "duck",
    ];
    const SLEEP_STUDY: &[&str] = &["nadir", "apnoea", "apnea", "cpap", "ahi", "study"];
    // "dia 120 means the bottom number?", "is 38 classed as a fever":
    // a number being defined, not read.
    let after = &toks[(i + 1).min(toks.len())..(i + 4).min(toks.len())];
    let defined = has_word(after, &["means", "mean", "classed", "considered", "counts"]);
    defined
        || has_word(&toks[..i], ANIMALS)
        || has_word(toks, STORIES)
        || (measure == Measure::Temperature && has_word(toks, THINGS))
        || (measure == Measure::Oxygen && has_word(toks, SLEEP_STUDY))
}

/// Whether a sentence is a hypothetical ("if my bp is 180/120 with no
/// symptoms…", "say it's 38.1").
pub fn hypothetical(toks: &[Tok]) -> bool {
    is_word(
        toks.first(),
        &["if", "suppose", "hypothetically", "say", "assuming"],
    ) || (is_word(toks.first(), &["what"]) && is_word(toks.get(1), &["if"]))
}

/// Whether the number at `i` is someone's usual level ("usually sit at
/// 99") or a comparison rather than a reading ("never been below 97",
/// "ring if below 92").
pub fn habitual_at(toks: &[Tok], i: usize) -> bool {
    let before = &toks[i.saturating_sub(3)..i];
    let usual = has_word(before, USUAL);
    let compared = i >= 1
        && is_word(toks.get(i - 1), &["below", "under", "than"])
        && has_word(
            before,
            &["never", "ever", "if", "been", "not", "to", "keep"],
        );
    usual || compared
}

/// A past marker: "yesterday", "ago", "last", "back (in)", "used (to)",
/// or a year ("in 2019"). Plain durations ("for 3 weeks") are not past.
fn is_past(toks: &[Tok], k: usize) -> bool {
    // "had her jabs 2 weeks ago", "jabs were last month": the time belongs
    // to another event, not to a reading.
    let event = has_word(&toks[k.saturating_sub(4)..k], EVENTS);
    match &toks[k] {
        // "last week", but not "for the last hour" (a duration up to now).
        Tok::Word(w) if *w == "last" => {
            !event
                && !k
                    .checked_sub(1)
                    .is_some_and(|b| is_word(toks.get(b), &["the", "past", "for"]))
        }
        // "back in March", "used to run 200/120"; not "back pain".
        Tok::Word(w) if *w == "back" => is_word(toks.get(k + 1), &["in", "then", "when"]),
        Tok::Word(w) if *w == "used" => is_word(toks.get(k + 1), &["to"]),
        // "2 weeks ago", but not "5 mins ago" (just now) or "born 5 weeks ago".
        Tok::Word(w) if *w == "ago" => {
            !event && !is_word(k.checked_sub(1).and_then(|b| toks.get(b)), JUST_NOW)
        }
        // "on Saturday my sats were 88".
        Tok::Word(w) if WHEN.contains(w) => {
            is_word(k.checked_sub(1).and_then(|b| toks.get(b)), &["on"])
        }
        Tok::Word(w) => matches!(
            *w,
            "yesterday" | "previously" | "earlier" | "formerly" | "often" | "sometimes"
        ),
        Tok::Num(y, false) => (1950.0..=2030.0).contains(y),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokens;
    use super::*;

    fn past(s: &str, number: f64) -> bool {
        let toks = tokens(s);
        let i = toks
            .iter()
            .position(|t| matches!(t, Tok::Num(v, _) if *v == number))
            .expect("number in text");
        past_at(&toks, i, i + 1)
    }

    #[test]
    fn past_markers() {
        assert!(past("last week my o2 dropped to 89", 89.0));
        assert!(past("had a tia in 2019 when my bp was 200", 200.0));
        assert!(past("reading yesterday 190", 190.0));
        assert!(past("it was 89 last week", 89.0));
        assert!(!past("last week it was fine but now its 3.1", 3.1));
        assert!(!past("my sugar is 2.9", 2.9));
        assert!(past("sats were 90 at the hospital on tuesday", 90.0));
        assert!(!past("sugar 2.5 for the last 20 minutes", 2.5));
        assert!(!past("back pain and bp 210", 210.0));
        assert!(past("back in march i had 210", 210.0));
    }
}
