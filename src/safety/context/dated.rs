//! A crisis phrase dated in the past within its own clause: "overdosed on
//! codeine in 2018", "since my anaphylaxis", "swallowed a battery as a
//! toddler", "his arrest in the garden last spring". The sentence may still
//! say something of now ("he's 9 now", "my back's playing up again") and
//! so be framed as now; the phrase itself is history. Set 107
//! (docs/QUALITY.md) held many such ordinary questions.

use super::markers::month;
use super::word;

/// Is the phrase starting at word `start` dated in the past by words
/// around it, with nothing of now among them?
pub fn dated_in_the_past(s: &[&str], start: usize) -> bool {
    let from = start.saturating_sub(3);
    let to = (start + 8).min(s.len());
    let near = from..to;
    let since_mine = start >= 2
        && matches!(s[start - 2], "since" | "after")
        && matches!(s[start - 1], "my" | "his" | "her" | "their" | "the");
    let anchored = near.clone().find(|&i| anchor(s, i));
    if !(since_mine || anchored.is_some()) {
        return false;
    }
    // "heart attack in 2019 and now has ED": a "now" after a date that
    // follows the phrase is a later time, not the event's ("again" always
    // is the event's).
    let later = |i: usize| anchored.is_some_and(|d| start <= d && d < i) && s[i] != "again";
    !near.clone().any(|i| live(s, i) && !later(i))
}

/// A past date at word `i`: "in 2018", "in march", "as a toddler", "years
/// ago", "last spring", "when i was", "at 6 years old", "born". Not "at 3"
/// (the time, today), "at 20 weeks" (how far along a pregnancy is, now)
/// nor "in school" (where someone is, now).
fn anchor(s: &[&str], i: usize) -> bool {
    let next = word(s, i + 1);
    match s[i] {
        // Not "in school": "she is cutting herself in school" is now.
        "in" => year(next) || month(next),
        "as" => next == "a" && young(word(s, i + 2)),
        "ago" => matches!(word(s, i.wrapping_sub(1)), "years" | "months" | "yrs"),
        "last" => matches!(
            next,
            "spring" | "summer" | "autumn" | "fall" | "winter" | "year" | "christmas"
        ),
        "when" => matches!(next, "i" | "he" | "she") && word(s, i + 2) == "was",
        // "at 6 years old": an age then, not a clock time. Not months or
        // days: "at 3 months old she is floppy" is a baby's age now.
        "at" => {
            next.bytes().all(|b| b.is_ascii_digit())
                && matches!(word(s, i + 2), "years" | "yrs" | "yo")
        }
        "born" => true,
        _ => false,
    }
}

/// "2018", "1999": a year.
fn year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// "as a toddler", "as a teen".
fn young(w: &str) -> bool {
    matches!(
        w,
        "baby" | "toddler" | "kid" | "child" | "teen" | "teenager" | "student" | "newborn"
    )
}

/// A word of now that keeps the phrase live: "overdosed in 2018 and again
/// tonight", "since my arrest, now my chest hurts".
fn live(s: &[&str], i: usize) -> bool {
    match s[i] {
        "now" | "rn" | "tonight" | "today" | "again" | "currently" | "just" | "still" => true,
        "hours" | "mins" | "minutes" => true,
        "morning" | "evening" | "afternoon" => word(s, i.wrapping_sub(1)) == "this",
        "night" => word(s, i.wrapping_sub(1)) == "last",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(text: &str, phrase: &str) -> bool {
        let s: Vec<&str> = text.split_whitespace().collect();
        let start = s.iter().position(|w| *w == phrase).expect("phrase in text");
        dated_in_the_past(&s, start)
    }

    #[test]
    fn a_dated_phrase_is_history() {
        assert!(dated(
            "overdosed on codeine in 2018 but my backs playing up",
            "overdosed"
        ));
        assert!(dated(
            "since my anaphylaxis do i tell my employer",
            "anaphylaxis"
        ));
        assert!(dated(
            "my son swallowed a battery as a toddler hes 9 now and",
            "swallowed"
        ));
        assert!(dated(
            "dad had his heart attack in 2018 and now has ED",
            "heart"
        ));
        assert!(dated(
            "my son was born not breathing and had cooling",
            "not"
        ));
    }

    #[test]
    fn a_date_with_now_beside_it_is_not() {
        assert!(!dated("overdosed in 2018 and again tonight", "overdosed"));
        assert!(!dated("my son swallowed a battery just now", "swallowed"));
        assert!(!dated("she collapsed 10 minutes ago", "collapsed"));
        assert!(!dated(
            "he swallowed a battery at 6 and hes drooling",
            "swallowed"
        ));
        assert!(!dated("collapsed in 2019 and collapsed again", "collapsed"));
        assert!(!dated(
            "in 2019 he overdosed and now hes not breathing",
            "overdosed"
        ));
        assert!(!dated(
            "my daughter is cutting herself in school",
            "cutting"
        ));
        assert!(!dated(
            "at 3 months old she is floppy and not waking",
            "floppy"
        ));
    }
}
