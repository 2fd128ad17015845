//! Is a sentence framed in the past: `years ago`, `used to`, `when i was`,
//! `last year`, `back in january`, `clean 2 years now`?

use super::has_seq;
use super::markers::{back_in_season, month, past_year, weekday};

/// Framed in the past: `years ago`, `a few years back`, `20 years later`,
/// `used to`, `when i was`, `last year`, `last tuesday`, `in may`, `in the
/// past`, `3 years clean`.
pub(super) fn past_framed(s: &[&str]) -> bool {
    const SPANS: &[&str] = &["year", "years", "month", "months", "yrs"];
    s.windows(2).enumerate().any(|(i, w)| {
        let (a, b) = (w[0], w[1]);
        (SPANS.contains(&a) && matches!(b, "ago" | "back" | "later"))
            // Not "weeks ago": "had her jabs 2 weeks ago, temp 38.4" is now.
            || (matches!(a, "summers" | "winters" | "christmases") && b == "ago")
            || (SPANS.contains(&a)
                && matches!(b, "clean" | "free" | "sober")
                && !relapse_before(s, i))
            || (a == "used" && b == "to")
            || (a == "last"
                && !dated_result(s, i)
                && matches!(
                    b,
                    "year"
                        | "summer"
                        | "winter"
                        | "christmas"
                        | "spring"
                        | "autumn"
                        | "month"
                        | "week"
                        | "weekend"
                ))
            || (a == "last" && weekday(b))
            || (a == "in" && month(b))
    }) || stopped_for_a_while(s)
        || clean_for(s)
        || has_seq(s, &["in", "the", "past"])
        || back_in_season(s)
        || not_for_ages(s)
        || s.windows(3).any(|w| {
            w[0] == "when"
                && matches!(w[1], "i" | "he" | "she" | "they" | "we")
                && matches!(w[2], "was" | "were")
        })
        || s.windows(4).any(|w| {
            w[0] == "when"
                && matches!(w[1], "my" | "our" | "his" | "her" | "their")
                && matches!(w[3], "was" | "were")
        })
        || past_year(s)
        || in_school_years(s)
        || out_for_years(s)
}

/// `been out 3 years`, `left two years ago`: free of it, and for a while.
fn out_for_years(s: &[&str]) -> bool {
    s.windows(3).any(|w| {
        matches!(w[0], "out" | "left" | "away" | "safe" | "free")
            && (w[1].bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    w[1],
                    "a" | "few" | "two" | "three" | "four" | "five" | "many"
                ))
            && matches!(w[2], "year" | "years" | "yrs")
    })
}

/// `in secondary school`, `in high school`: a stage of life the writer
/// looks back on (what is happening now still wins: "she's in high school
/// and she's cutting").
fn in_school_years(s: &[&str]) -> bool {
    s.windows(3).any(|w| {
        w[0] == "in"
            && matches!(
                w[1],
                "secondary" | "primary" | "high" | "middle" | "grade" | "elementary" | "junior"
            )
            && w[2] == "school"
    })
}

/// `stopped hurting myself 6 months now`, `clean 2 years now`: over, and
/// for a while.
fn stopped_for_a_while(s: &[&str]) -> bool {
    const SPANS: &[&str] = &["month", "months", "year", "years", "weeks", "yrs"];
    let stopped = s.iter().any(|w| {
        matches!(
            *w,
            "stop" | "stopped" | "quit" | "clean" | "free" | "sober" | "without"
        )
    });
    stopped && s.windows(2).any(|w| SPANS.contains(&w[0]) && w[1] == "now")
}

/// `clean 500 days`, `free for 3 weeks`: a streak, counted.
fn clean_for(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        matches!(*w, "clean" | "free" | "sober")
            && !relapse_before(s, i)
            && s[i + 1..]
                .iter()
                .take(3)
                .any(|x| matches!(*x, "days" | "weeks"))
    })
}

/// `havent .. for years`, `never .. in months`: a negation followed by a
/// long span says it is over.
fn not_for_ages(s: &[&str]) -> bool {
    const SPANS: &[&str] = &["years", "months", "ages", "yrs"];
    let is_span = |i: usize| s.get(i).is_some_and(|w| SPANS.contains(w));
    (0..s.len()).any(|i| {
        matches!(s[i], "for" | "in")
            && (is_span(i + 1) || is_span(i + 2))
            && s[i.saturating_sub(4)..i]
                .iter()
                .any(|x| matches!(*x, "havent" | "hadnt" | "never" | "not"))
    })
}

/// `after 6 months clean`, `broke 2 years sober`: a streak that has just
/// ended, so what follows is happening now (a relapse), not over.
/// `at`: where the streak's words start.
fn relapse_before(s: &[&str], at: usize) -> bool {
    s[at.saturating_sub(3)..at].iter().any(|w| {
        matches!(
            *w,
            "after" | "broke" | "broken" | "ruined" | "lost" | "relapsed" | "ended" | "ending"
        )
    })
}

/// `positive test last week`, `chemo last week`: when a pregnancy was
/// found or a treatment given, not when the danger came; the sentence goes
/// on about now ("…, severe pain on one side", "…, fever 38.7, shaking").
/// `at`: where `last` is.
fn dated_result(s: &[&str], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map(|i| s[i]);
    let found = match before(1) {
        Some("positive") => true,
        Some("test" | "tests") => matches!(before(2), Some("positive" | "pregnancy")),
        Some("chemo" | "chemotherapy" | "surgery" | "operation" | "op") => true,
        _ => false,
    };
    found
        && s.get(at + 1)
            .is_some_and(|w| matches!(*w, "week" | "month"))
}
