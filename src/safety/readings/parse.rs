//! Finding readings in a sentence: "sugar 2.9", "bp 210/125", "38.5C",
//! "sats 91%" (the person's age is found in `age`, when a reading was
//! taken in `when`).
//!
//! Deliberately narrow: a number counts as a reading only next to a word
//! that names what was measured or a unit, so ages, doses, dates and weights
//! are left alone ("I'm 45 and on 20mg", "38 weeks pregnant").

use super::tokens::{Tok, has_word, is_word, tokens};
use super::when;
use super::words::*;

/// What was measured. Values are kept in one unit each: glucose in mmol/L,
/// blood pressure in mmHg, temperature in °C, oxygen saturation in %.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Measure {
    Glucose,
    BloodPressure,
    Temperature,
    Oxygen,
}

impl Measure {
    /// The names used in `safety.toml`.
    pub const NAMES: &'static [&'static str] =
        &["glucose", "blood-pressure", "temperature", "oxygen"];

    /// The measure named in `safety.toml`.
    pub fn from_name(name: &str) -> Option<Measure> {
        match name {
            "glucose" => Some(Measure::Glucose),
            "blood-pressure" => Some(Measure::BloodPressure),
            "temperature" => Some(Measure::Temperature),
            "oxygen" => Some(Measure::Oxygen),
            _ => None,
        }
    }
}

/// One reading found in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reading {
    pub measure: Measure,
    /// Glucose (mmol/L), temperature (°C) or oxygen (%); blood pressure's
    /// systolic value when given.
    pub value: Option<f64>,
    /// Blood pressure's diastolic value when given.
    pub diastolic: Option<f64>,
    /// A glucose reading with no unit in the 20–35 band: mg/dL in the US,
    /// mmol/L elsewhere. `value` holds the mmol/L reading; this the other.
    pub other_unit: Option<f64>,
    /// An adult's (the writer's or another adult's: "I have a temp of
    /// 38.4", "husband has 38.9"), so not a baby's.
    pub first_person: bool,
}

/// mg/dL per mmol/L of glucose.
const MG_PER_MMOL: f64 = 18.0;

/// The measure named by the words before token `i` (up to six tokens,
/// skipping filler words and other numbers: "sugar was 8 at lunch, 3.1
/// now"), or `None`.
fn measure_before(toks: &[Tok], i: usize) -> Option<Measure> {
    let mut j = i;
    while j > 0 && i - j < 6 {
        j -= 1;
        let w = match &toks[j] {
            Tok::Word(w) => *w,
            // "SpO2 99%, pulse 92": a unit ends the reading before.
            Tok::Percent => return None,
            _ => continue,
        };
        if let Some(m) = named(w, j.checked_sub(1).and_then(|b| toks.get(b))) {
            return Some(m);
        }
        if !BETWEEN.contains(&w) {
            return None;
        }
    }
    None
}

/// The measure a word names ("p" only after "b/").
fn named(w: &str, before: Option<&Tok>) -> Option<Measure> {
    if GLUCOSE.contains(&w) {
        Some(Measure::Glucose)
    } else if PRESSURE.contains(&w)
        || (w == "p" && matches!(before, Some(Tok::Slash)))
        || (w == "number" && is_word(before, &["top", "bottom", "upper", "lower"]))
    {
        Some(Measure::BloodPressure)
    } else if TEMPERATURE.contains(&w) {
        Some(Measure::Temperature)
    } else if OXYGEN.contains(&w) && !is_word(before, &["transferrin", "iron"]) {
        // "transferrin sat 72%" is an iron test, not oxygen.
        Some(Measure::Oxygen)
    } else {
        None
    }
}

/// A reading and what the words around it say about when it was taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub reading: Reading,
    /// Put in the past ("last week", "in 2019", "two days ago"), in a
    /// hypothetical ("if my bp is 180/120…"), or set aside (a pet's, a
    /// film's, a textbook's, bath water: see [`when::set_aside`]).
    pub past: bool,
    /// Called usual ("usually 130/80", "normally 5.5").
    pub habitual: bool,
}

/// "one of them is 38.2", "38.4 tympanic": a bare decimal between 35 and
/// 43 is a temperature. Only the young-baby rule reads temperatures, and it
/// also needs a stated age under three months.
fn bare_temperature(toks: &[Tok], i: usize, v: f64, decimal: bool) -> Option<Measure> {
    (decimal && (35.0..=43.0).contains(&v) && ends_bare(toks, i)).then_some(Measure::Temperature)
}

/// The measures named so far in a message.
#[derive(Debug, Clone, Copy, Default)]
pub struct Carry {
    /// The last one named: "it reads 91" after "pulse oximeter" is oxygen.
    last: Option<Measure>,
    /// Oxygen was named: "it's 89%" is then a saturation.
    oxygen: bool,
    /// This sentence speaks of a finger clip, probe or monitor.
    oxygen_hint: bool,
    /// Diabetes was named: "my number is 2" is then a blood sugar.
    diabetes: bool,
}

/// Every reading in a sentence (lower-cased). `carry` holds the measures
/// named earlier in the message and is updated as words name measures.
pub fn readings(sentence: &str, carry: &mut Carry) -> Vec<Found> {
    let toks = tokens(sentence);
    carry.oxygen_hint = has_word(&toks, OXYGEN_HINTS);
    let hypothetical = when::hypothetical(&toks);
    let mut out: Vec<Found> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (v, decimal) = match &toks[i] {
            Tok::Num(v, decimal) => (*v, *decimal),
            Tok::Word(w) => {
                carry.diabetes |= names_diabetes(w);
                let before = i.checked_sub(1).and_then(|b| toks.get(b));
                if let Some(m) = named(w, before).or_else(|| diabetic_number(w, carry.diabetes)) {
                    carry.last = Some(m);
                    carry.oxygen |= m == Measure::Oxygen;
                }
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let (found, used) = reading_at(&toks, i, v, decimal, carry);
        if let Some(mut reading) = found {
            reading.first_person = when::first_person_at(&toks, i);
            let found = Found {
                reading,
                past: hypothetical
                    || when::past_at(&toks, i, i + used.max(1))
                    || when::set_aside(&toks, i, reading.measure),
                habitual: when::habitual_at(&toks, i),
            };
            push_merged(&mut out, found);
        }
        i += used.max(1);
    }
    out
}

/// Add a reading, joining "systolic 185 diastolic 95" into one.
fn push_merged(out: &mut Vec<Found>, found: Found) {
    let r = found.reading;
    if r.measure == Measure::BloodPressure
        && r.value.is_none()
        && let Some(last) = out.last_mut()
        && last.reading.measure == Measure::BloodPressure
        && last.reading.diastolic.is_none()
    {
        last.reading.diastolic = r.diastolic;
        return;
    }
    out.push(found);
}

/// The reading starting at number token `i`, and how many tokens it used.
fn reading_at(
    toks: &[Tok],
    i: usize,
    v: f64,
    decimal: bool,
    carry: &Carry,
) -> (Option<Reading>, usize) {
    if let Some((dia, used)) = pair_after(toks, i) {
        let named = measure_before(toks, i);
        let plausible = (70.0..=300.0).contains(&v) && (30.0..=200.0).contains(&dia) && v > dia;
        let bp = named == Some(Measure::BloodPressure) || (named.is_none() && !decimal);
        if plausible && bp {
            return (Some(blood_pressure(Some(v), Some(dia))), used);
        }
    }
    if is_word(toks.get(i + 1), NOT_READINGS) {
        // "at 2pm", "20 mg", "3 weeks", "70 kg": a time, dose or amount.
        return (None, 1);
    }
    let unit = unit_after(toks, i, carry);
    let measure = unit
        .map(|(m, _)| m)
        .or_else(|| measure_before(toks, i))
        .or_else(|| named_after(toks, i))
        .or_else(|| referred_to(toks, i, carry))
        .or_else(|| bare_low_glucose(toks, i, v, decimal))
        .or_else(|| bare_temperature(toks, i, v, decimal));
    let reading = match measure {
        Some(Measure::Glucose) => glucose(v, decimal, unit.map(|u| u.1)),
        Some(Measure::Temperature) => temperature(v, unit.map(|u| u.1)),
        Some(Measure::Oxygen) => (50.0..=100.0)
            .contains(&v)
            .then_some(simple(Measure::Oxygen, v)),
        Some(Measure::BloodPressure) => bp_single(toks, i, v),
        None => None,
    };
    (reading, 1)
}

/// "91 sats", "3.3 on the meter", "38.5 on the thermometer": the measure
/// named just after the number.
fn named_after(toks: &[Tok], i: usize) -> Option<Measure> {
    for t in toks.iter().skip(i + 1).take(4) {
        let Tok::Word(w) = t else {
            return None;
        };
        if let Some(m) = named(w, None).filter(|m| *m != Measure::BloodPressure) {
            return Some(m);
        }
        if !matches!(
            *w,
            "on" | "the" | "my" | "his" | "her" | "a" | "by" | "pulse" | "finger" | "little"
        ) {
            return None;
        }
    }
    None
}

/// The number at `i` ends there or is followed by a word of [`AFTER`].
fn ends_bare(toks: &[Tok], i: usize) -> bool {
    match toks.get(i + 1) {
        None | Some(Tok::Percent) => true,
        Some(Tok::Word(w)) => *w == "," || AFTER.contains(w),
        Some(_) => false,
    }
}

/// "it reads 91", "tonight it's reading 90", "took it off and it's 97": a
/// number that a reading word ties to the measure named earlier in the
/// message; or to oxygen when the sentence speaks of a finger clip or
/// monitor ("finger clip saying 89").
fn referred_to(toks: &[Tok], i: usize, carry: &Carry) -> Option<Measure> {
    const READS: &[&str] = &[
        "was",
        "is",
        "reads",
        "reading",
        "read",
        "says",
        "said",
        "saying",
        "shows",
        "showing",
        "showed",
        "displays",
        "registering",
        "measuring",
        "measured",
        "dropped",
        "dropping",
        "down",
        "gives",
        "giving",
        "its",
        "been",
        "now",
    ];
    let near = has_word(&toks[i.saturating_sub(2)..i], READS)
        || is_word(toks.get(i + 1), &["now", "again", "today", "tonight"]);
    if !near || !ends_bare(toks, i) {
        return None;
    }
    carry
        .last
        .filter(|m| *m != Measure::BloodPressure)
        .or(carry.oxygen_hint.then_some(Measure::Oxygen))
}

/// "3.4 and shaky", "2.9 at the moment": a bare decimal under 4 with no
/// unit after it. It can only raise the low-glucose rule, which also needs
/// symptoms in the message.
fn bare_low_glucose(toks: &[Tok], i: usize, v: f64, decimal: bool) -> Option<Measure> {
    let next_ok = ends_bare(toks, i);
    let prev_ok = i
        .checked_sub(1)
        .is_none_or(|b| matches!(&toks[b], Tok::Word(w) if BETWEEN.contains(w)));
    (decimal && (1.0..4.0).contains(&v) && next_ok && prev_ok).then_some(Measure::Glucose)
}

/// "182/124" or "190 over 125": the diastolic value and tokens used.
fn pair_after(toks: &[Tok], i: usize) -> Option<(f64, usize)> {
    match (toks.get(i + 1), toks.get(i + 2)) {
        (Some(Tok::Slash), Some(Tok::Num(d, _))) => Some((*d, 3)),
        (Some(Tok::Word(w)), Some(Tok::Num(d, _))) if *w == "over" => Some((*d, 3)),
        _ => None,
    }
}

/// A unit written after the number: (measure, unit word).
fn unit_after(toks: &[Tok], i: usize, carry: &Carry) -> Option<(Measure, &'static str)> {
    let next = toks.get(i + 1);
    if matches!(next, Some(Tok::Percent)) {
        let oxygen = measure_before(toks, i) == Some(Measure::Oxygen)
            || named_after(toks, i + 1) == Some(Measure::Oxygen)
            || carry.oxygen
            || carry.oxygen_hint;
        return oxygen.then_some((Measure::Oxygen, "%"));
    }
    let word_at = |k: usize| match toks.get(k) {
        Some(Tok::Word(w)) => Some(*w),
        _ => None,
    };
    let (w, k) = match next {
        Some(Tok::Degree) => match word_at(i + 2) {
            Some(w @ ("c" | "f")) => (w, i + 2),
            _ => ("deg", i + 1),
        },
        _ => (word_at(i + 1)?, i + 1),
    };
    let unit = match w {
        "mmol" | "mmols" | "mmoll" => (Measure::Glucose, "mmol"),
        "mg" | "mgdl" | "mgs" if w != "mg" || is_dl(toks, k) => (Measure::Glucose, "mg"),
        "c" | "celsius" | "celcius" | "centigrade" => (Measure::Temperature, "c"),
        "f" | "fahrenheit" | "farenheit" => (Measure::Temperature, "f"),
        "deg" | "degrees" | "degree" => (Measure::Temperature, ""),
        _ => return None,
    };
    Some(unit)
}

/// "mg/dl" or "mg dl" after `k`.
fn is_dl(toks: &[Tok], k: usize) -> bool {
    is_word(toks.get(k + 1), &["dl"])
        || (matches!(toks.get(k + 1), Some(Tok::Slash)) && is_word(toks.get(k + 2), &["dl"]))
}

fn simple(measure: Measure, value: f64) -> Reading {
    Reading {
        measure,
        value: Some(value),
        diastolic: None,
        other_unit: None,
        first_person: false,
    }
}

fn blood_pressure(systolic: Option<f64>, diastolic: Option<f64>) -> Reading {
    Reading {
        measure: Measure::BloodPressure,
        value: systolic,
        diastolic,
        other_unit: None,
        first_person: false,
    }
}

/// "systolic 185", "top number 190", "diastolic 125", "bottom number 121".
fn bp_single(toks: &[Tok], i: usize, v: f64) -> Option<Reading> {
    let window = &toks[i.saturating_sub(4)..i];
    if has_word(window, &["diastolic", "dia", "bottom", "lower"]) {
        (30.0..=200.0)
            .contains(&v)
            .then(|| blood_pressure(None, Some(v)))
    } else {
        (70.0..=300.0)
            .contains(&v)
            .then(|| blood_pressure(Some(v), None))
    }
}

/// A glucose value in mmol/L. Without a unit: a decimal or a value under 20
/// is mmol/L, 35 or more is mg/dL, and 20–35 depends on the region.
fn glucose(v: f64, decimal: bool, unit: Option<&str>) -> Option<Reading> {
    let mmol = match unit {
        Some("mmol") => v,
        Some("mg") => v / MG_PER_MMOL,
        _ if decimal || v < 20.0 => v,
        _ if v >= 35.0 => v / MG_PER_MMOL,
        _ => {
            return Some(Reading {
                other_unit: Some(v / MG_PER_MMOL),
                ..simple(Measure::Glucose, v)
            });
        }
    };
    (0.3..=40.0)
        .contains(&mmol)
        .then_some(simple(Measure::Glucose, mmol))
}

/// A temperature in °C: written in °F when so labelled or when 93–111.
fn temperature(v: f64, unit: Option<&str>) -> Option<Reading> {
    let celsius = match unit {
        Some("f") => (v - 32.0) * 5.0 / 9.0,
        Some("c") => v,
        _ if (93.0..=111.0).contains(&v) => (v - 32.0) * 5.0 / 9.0,
        _ => v,
    };
    // Round to hundredths so 100.4F is exactly 38C.
    let celsius = (celsius * 100.0).round() / 100.0;
    (33.0..=44.0)
        .contains(&celsius)
        .then_some(simple(Measure::Temperature, celsius))
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
