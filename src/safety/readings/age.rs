//! The age of the person a message is about, when it is given: "my 6 week
//! old", "10 days old", "bub is 5 weeks", "born 7 weeks ago", "newborn".

use super::tokens::{Tok, is_word, tokens};

/// The youngest age given in the message, in months: "6 week old",
/// "10 days old", "2 month old", "newborn", "a 3yo".
pub fn youngest_age_months(text: &str) -> Option<f64> {
    let toks = tokens(text);
    let mut youngest: Option<f64> = None;
    for (i, t) in toks.iter().enumerate() {
        let months = match t {
            Tok::Word(w) if matches!(*w, "newborn" | "newborns" | "neonate" | "nb") => Some(0.0),
            Tok::Word(w) => number_word(w).and_then(|n| age_after(&toks, i, n)),
            Tok::Num(n, _) => age_after(&toks, i, *n),
            _ => None,
        };
        if let Some(m) = months {
            youngest = Some(youngest.map_or(m, |y: f64| y.min(m)));
        }
    }
    youngest
}

/// An age whose number is at `i`: the unit follows, then "old" (or the
/// unit itself says old: "wo", "yo"), or "aged" comes before.
fn age_after(toks: &[Tok], i: usize, n: f64) -> Option<f64> {
    let Some(Tok::Word(unit)) = toks.get(i + 1) else {
        return None;
    };
    let per = match *unit {
        "day" | "days" | "dy" | "d" | "do" => 1.0 / 30.4,
        "week" | "weeks" | "wk" | "wks" | "wek" | "w" | "wo" => 1.0 / 4.35,
        "month" | "months" | "mo" | "mos" | "mth" | "mths" | "m" | "mnth" => 1.0,
        "year" | "years" | "yr" | "yrs" | "y" | "yo" => 12.0,
        _ => return None,
    };
    if is_word(
        toks.get(i + 2),
        &["pregnant", "preg", "along", "gestation", "pg"],
    ) {
        return None;
    }
    let self_old = matches!(*unit, "wo" | "yo" | "do");
    let before = i.checked_sub(1).and_then(|b| toks.get(b));
    // "bub is 5 weeks", "she's only 6 weeks", "turned 2 months".
    const STATES: &[&str] = &[
        "aged",
        "age",
        "is",
        "are",
        "hes",
        "shes",
        "only",
        "just",
        "turned",
        "being",
        "barely",
        "lo",
        "bub",
        "baby",
        "babys",
        "twins",
        "twin",
        "son",
        "daughter",
        "grandson",
        "granddaughter",
        "boy",
        "girl",
        "newborn",
    ];
    let old = self_old
        || is_word(toks.get(i + 2), &["old", "olds", "tomorrow", "today"])
        || is_word(before, STATES)
        || born_ago(toks, i);
    old.then_some(n * per)
}

/// "born 7 weeks ago", "was born 10 days ago".
fn born_ago(toks: &[Tok], i: usize) -> bool {
    is_word(toks.get(i + 2), &["ago"])
        && i.checked_sub(1)
            .and_then(|b| toks.get(b))
            .is_some_and(|t| is_word(Some(t), &["born", "delivered", "arrived"]))
}

fn number_word(w: &str) -> Option<f64> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    WORDS
        .iter()
        .position(|x| *x == w)
        .map(|p| (p + 1) as f64)
        .or(match w {
            "a" | "an" => Some(1.0),
            _ => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        let close = |s: &str, m: f64| {
            let got = youngest_age_months(s).unwrap();
            assert!((got - m).abs() < 0.05, "{s}: {got}");
        };
        close("my 6 week old has a temp", 6.0 / 4.35);
        close("10 days old", 10.0 / 30.4);
        close("our two month old", 2.0);
        close("newborn with a fever", 0.0);
        close("my 3yo and my 8 week old", 8.0 / 4.35);
        assert_eq!(youngest_age_months("fever for 3 days"), None);
        assert_eq!(youngest_age_months("38 weeks pregnant"), None);
        close("my son is 5 weeks and felt warm", 5.0 / 4.35);
        close("my daughter was born 7 weeks ago", 7.0 / 4.35);
        assert_eq!(
            youngest_age_months("im 6 weeks pregnant and the baby is due"),
            None
        );
    }
}
