//! The words that name a measure, and the words that may sit around a
//! reading without breaking it.

use super::parse::Measure;

pub(super) const GLUCOSE: &[&str] = &[
    "sugar",
    "sugars",
    "glucose",
    "bg",
    "bgl",
    "bgls",
    "bgs",
    "bs",
    "bsl",
    // "bsl's 1.8": the apostrophe is gone.
    "bsls",
    "bm",
    "bms",
    "cgm",
    "libre",
    "fingerprick",
    "fingerstick",
    "prick",
    "dexcom",
    "glucometer",
    "meter",
    "hypo",
    "glycemia",
    "glycaemia",
];

pub(super) const PRESSURE: &[&str] = &[
    "bp",
    "pressure",
    "pressures",
    "systolic",
    "sys",
    "diastolic",
    "dia",
    "hypertensive",
];

pub(super) const TEMPERATURE: &[&str] = &[
    "temp",
    "temps",
    "temperature",
    "temperatures",
    "fever",
    "thermometer",
    "febrile",
    "degrees",
    "degree",
    "deg",
];

pub(super) const OXYGEN: &[&str] = &[
    "sats",
    "sat",
    "spo2",
    "sp02",
    "o2",
    "oxygen",
    "oximeter",
    "saturation",
    "saturations",
    "ox",
    "pulseox",
    "oxi",
];

/// Words that can sit between the measure and its number ("sugar level is
/// only 2.9", "bp this morning was 210/125").
pub(super) const BETWEEN: &[&str] = &[
    "is",
    "was",
    "s",
    "at",
    "of",
    "level",
    "levels",
    "reading",
    "readings",
    "read",
    "reads",
    "says",
    "said",
    "showing",
    "shows",
    "only",
    "now",
    "down",
    "up",
    "to",
    "dropped",
    "just",
    "around",
    "about",
    "a",
    "my",
    "his",
    "her",
    "their",
    "blood",
    "this",
    "morning",
    "tonight",
    "currently",
    "went",
    "gone",
    "has",
    "been",
    "are",
    "were",
    "it",
    "its",
    "hit",
    "high",
    "low",
    "right",
    "keeps",
    "still",
    "like",
    "under",
    "over",
    "below",
    "above",
    "got",
    "get",
    "getting",
    "the",
    "number",
    "top",
    "bottom",
    "on",
    "armpit",
    "ear",
    "forehead",
    "with",
    "rn",
    "flicking",
    "between",
    "fluctuating",
    "bouncing",
    "hovering",
    "sitting",
    "sits",
    "stays",
    "staying",
    "ranging",
    "from",
    "saying",
    "both",
    "running",
    "normally",
    "usually",
    "typically",
    "generally",
    "always",
    "run",
    "runs",
    "sit",
    "hover",
    "hovers",
    "stay",
    "times",
    "twice",
    "x",
];

/// Words that make a percentage or a bare reading a saturation when no
/// measure is named ("the little finger monitor says 86%").
pub(super) const OXYGEN_HINTS: &[&str] = &[
    "finger",
    "clip",
    "probe",
    "oximeter",
    "oximetry",
    "monitor",
    "watch",
    "breathless",
    "breathing",
    "breath",
];

/// Words that may follow a bare number that is a reading ("3.4 and
/// shaky", "38.4 tympanic", "its 96 again"); anything else ("3 am", "2.5
/// hours") means it is not one.
pub(super) const AFTER: &[&str] = &[
    "and", "at", "on", "now", "rn", "atm", "with", "but", "so", "after", "this", "today",
    "tonight", "im", "i", "feeling", "feel", "help", "shaking", "shaky", "sweating", "again",
    "evening", "tympanic", "armpit", "under", "axillary", "rectal", "rectally", "oral", "orally",
    "ear", "forehead", "for", "still", "though", "too", "when", "while", "is", "he", "she", "hes",
    "shes", "refusing", "not", "sleepy", "fussy", "or", "they", "we", "you", "which", "that",
    "just",
];

/// Words after a number that make it a time, dose or amount, never a
/// reading ("at 2pm", "on 20 mg", "3 weeks", "70 kg"). Units of readings
/// ("mg/dl") are read before this list is consulted.
pub(super) const NOT_READINGS: &[&str] = &[
    "am", "pm", "oclock", "hrs", "hr", "hour", "hours", "min", "mins", "minute", "minutes", "sec",
    "secs", "seconds", "day", "days", "week", "weeks", "wk", "wks", "month", "months", "year",
    "years", "yr", "yrs", "yo", "kg", "kgs", "kilos", "lb", "lbs", "pounds", "stone", "st", "mcg",
    "ml", "mls", "units", "unit", "iu", "g", "grams", "tablets", "tabs", "pills", "puffs", "times",
    "x", "cm", "mm", "inches", "feet", "ft", "miles", "km", "steps", "bpm", "beats", "breaths",
    "kcal", "calories", "carbs", "kids", "children",
];

/// "diabetic", "diabetes", "t1d": the message is about blood sugar.
pub(super) fn names_diabetes(w: &str) -> bool {
    w.starts_with("diabet") || matches!(w, "t1d" | "t2d" | "insulin")
}

/// "my number is 2", "reading's 2.5": once diabetes is named, a plain word
/// for a result names the blood sugar. Not "level" ("my pain level is 3").
pub(super) fn diabetic_number(w: &str, diabetes: bool) -> Option<Measure> {
    const RESULT: &[&str] = &[
        "number", "numbers", "reading", "readings", "result", "results",
    ];
    (diabetes && RESULT.contains(&w)).then_some(Measure::Glucose)
}
