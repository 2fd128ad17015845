//! When the writer says it happened: in the last few hours ("it happened
//! a few hours ago", "took the whole bottle earlier"), or already done or
//! set ("already did it", "rope's already in the shed", "mine's friday",
//! "he's doing it this weekend"). After a general-looking question ("how
//! long do you have to get a rape kit?") these make it the writer's own.

use super::markers::{recovered_word, weekday};
use super::plan::means;
use super::word;

/// In the last few hours. A weaker sign than [`done_or_set`]: it lets a
/// general-looking question in the message count, but the question's own
/// words ("is it normal", "mild") still cancel.
pub(super) fn happened_lately(s: &[&str]) -> bool {
    (it_was_lately(s) || (0..s.len()).any(|i| hours_ago(s, i) || done_earlier(s, i)))
        && !s.iter().any(|w| recovered_word(w))
}

/// Done already, a day set, or the means ready: as strong as "it's
/// happening now". (Run on every sentence of a message with a candidate
/// phrase: each check starts from its own rare word.)
pub(super) fn done_or_set(s: &[&str]) -> bool {
    (0..s.len()).any(|i| match s[i] {
        "already" => done_already(s, i) || means_ready(s, i),
        "ready" | "bought" => means_ready(s, i),
        "mines" | "doing" | "do" => day_set(s, i),
        _ => false,
    }) && !s.iter().any(|w| recovered_word(w))
}

/// "an hour ago", "2 hrs ago", "a few hours ago" (not days or years).
fn hours_ago(s: &[&str], i: usize) -> bool {
    s[i] == "ago"
        && s[i.saturating_sub(3)..i].iter().any(|w| {
            matches!(
                *w,
                "hour" | "hours" | "hr" | "hrs" | "min" | "mins" | "minute" | "minutes"
            )
        })
}

/// "it was yesterday", "it happened last night": what the question asked
/// about, told as just gone.
fn it_was_lately(s: &[&str]) -> bool {
    word(s, 0) == "it"
        && matches!(word(s, 1), "was" | "happened")
        && match word(s, 2) {
            "yesterday" | "today" | "tonight" | "earlier" => true,
            "last" => word(s, 3) == "night",
            "this" => matches!(word(s, 3), "morning" | "afternoon" | "evening" | "arvo"),
            _ => false,
        }
}

/// "took the whole bottle earlier", "did more today", "did them last night".
fn done_earlier(s: &[&str], i: usize) -> bool {
    let when = match s[i] {
        "earlier" | "today" | "tonight" | "tonights" => true,
        "night" => word(s, i.wrapping_sub(1)) == "last",
        "morning" | "arvo" | "afternoon" | "evening" => word(s, i.wrapping_sub(1)) == "this",
        _ => false,
    };
    let from = i.saturating_sub(5);
    when && (from..i).any(|j| match s[j] {
        "happened" => true,
        "did" | "done" => matches!(word(s, j + 1), "it" | "them" | "more" | "that"),
        "took" | "taken" | "swallowed" | "drank" | "downed" => {
            s[j + 1..i].iter().take(3).any(|w| quantity(w))
        }
        _ => false,
    })
}

/// "the whole bottle", "all of them", "20": a quantity, not "took my son".
fn quantity(w: &str) -> bool {
    matches!(w, "whole" | "all" | "lot" | "entire" | "them" | "it")
        || w.bytes().all(|b| b.is_ascii_digit())
}

/// "already did it", "I've already taken them".
fn done_already(s: &[&str], i: usize) -> bool {
    s[i] == "already"
        && matches!(
            word(s, i + 1),
            "did" | "done" | "took" | "taken" | "swallowed" | "drank" | "started" | "cut"
        )
        && (matches!(word(s, i + 2), "it" | "them" | "that" | "this" | "")
            || quantity(word(s, i + 2)))
}

/// "mine's friday", "he's doing it this weekend", "doing it tonight".
fn day_set(s: &[&str], i: usize) -> bool {
    let day_within = |from: usize| s[from.min(s.len())..].iter().take(3).any(|w| day(w));
    match s[i] {
        "mines" => day(word(s, i + 1)),
        "doing" | "do" => word(s, i + 1) == "it" && day_within(i + 2),
        _ => false,
    }
}

fn day(w: &str) -> bool {
    matches!(w, "tonight" | "tomorrow" | "tmrw" | "weekend") || weekday(w)
}

/// "rope's already in the shed", "the pills are ready": a means up to
/// three words before `already`, `ready` or `bought` at `i`.
fn means_ready(s: &[&str], i: usize) -> bool {
    s[i.saturating_sub(3)..i]
        .iter()
        .any(|w| means(w) || w.strip_suffix('s').is_some_and(means))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn lately() {
        for s in [
            "it happened a few hours ago and i havent showered yet",
            "happened like an hour ago first time since year 10",
            "took the whole bottle earlier just curious what happens",
            "i did more today",
            "it was yesterday i havent told anyone",
        ] {
            assert!(happened_lately(&words(s)), "{s}");
        }
        for s in [
            "it happened 3 years ago",
            "had a seizure an hour ago and shes fine now",
            "my son did his homework earlier",
            "it was yesterday and shes fine now",
        ] {
            assert!(!happened_lately(&words(s)), "{s}");
        }
    }

    #[test]
    fn done_or_set_now() {
        for s in [
            "already did it not sure why im asking",
            "mines friday",
            "he reckons hes doing it this weekend",
            "ropes already in the shed",
        ] {
            assert!(done_or_set(&words(s)), "{s}");
        }
        for s in [
            "i already did the course",
            "mines fine",
            "doing it properly this time",
            "the pills are ready to collect and im fine",
        ] {
            assert!(!done_or_set(&words(s)), "{s}");
        }
    }
}
