//! "It's over": a message that tells a past emergency as background to an
//! ordinary question and says it ended ("I'm fine now", "she made an
//! incredible recovery", "we went home the same night"). Without this the
//! story's own words ("collapsed at work", "thought I was having a
//! stroke") alarmed as if happening (docs/QUALITY.md, twenty-first
//! session). Anything said of now keeps the message live.

use super::{happening_now, just_happened, word};

/// Is sentence `s` (framed as now only because nothing framed it) part of
/// a message that says its emergency is over? `message_over` is
/// [`message_is_over`], asked only when the sentence itself says nothing
/// of now (the screener works it out once per message).
pub fn told_as_over(s: &[&str], message_over: impl FnOnce() -> bool) -> bool {
    !happening_now(s) && message_over()
}

/// Does the message say its emergency is over, with nothing said of now?
pub fn message_is_over(views: &[Vec<&str>]) -> bool {
    views.iter().any(|v| says_over(v)) && !views.iter().any(|v| live(v))
}

/// "fine now", "healed", "made a full recovery", "back to normal", "went
/// home the same night", "she's 4 now".
fn says_over(s: &[&str]) -> bool {
    (0..s.len()).any(|i| {
        let at = |k: usize| word(s, i + k);
        match s[i] {
            "healed" | "recovered" | "discharged" | "survivor" | "survived" => true,
            "recovery" => {
                i > 0
                    && matches!(
                        s[i - 1],
                        "full" | "incredible" | "amazing" | "great" | "good" | "remarkable"
                    )
            }
            "back" => at(1) == "to" && at(2) == "normal",
            "went" | "came" => at(1) == "home",
            "now" => i > 0 && (calm(s[i - 1]) || s[i - 1].bytes().all(|b| b.is_ascii_digit())),
            _ => false,
        }
    })
}

/// Said of now: "now" (not "fine now", "she's 4 now"), "rn", "tonight",
/// "again" (not "will it happen again"), "worse", "today", "this
/// morning", "last night", "yesterday", "hours ago", "just started".
fn live(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| match *w {
        "rn" | "tonight" | "worse" | "worsening" | "currently" | "today" | "suddenly" => true,
        "again" => i == 0 || !matches!(s[i - 1], "happen" | "happens"),
        "morning" => i > 0 && s[i - 1] == "this",
        // Hours, not months: "took 20 last night, feel fine now" is not over.
        "night" => i > 0 && s[i - 1] == "last",
        "yesterday" | "earlier" | "overnight" => true,
        "hours" | "hrs" => word(s, i + 1) == "ago",
        "now" => {
            i == 0
                || !(calm(s[i - 1])
                    || s[i - 1].bytes().all(|b| b.is_ascii_digit())
                    || matches!(s[i - 1], "months" | "years" | "weeks"))
        }
        "just" => just_happened(word(s, i + 1)),
        _ => false,
    })
}

/// Words that make a following "now" calm: "she's fine now".
fn calm(w: &str) -> bool {
    matches!(
        w,
        "fine"
            | "ok"
            | "okay"
            | "better"
            | "well"
            | "grand"
            | "normal"
            | "great"
            | "good"
            | "stable"
            | "recovered"
            | "home"
            | "healed"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn over(text: &str) -> bool {
        let views = super::super::test_views(text);
        views
            .iter()
            .any(|s| told_as_over(s, || message_is_over(&views)))
    }

    #[test]
    fn an_emergency_that_ended_is_background() {
        assert!(over(
            "she collapsed at work in the spring and had surgery. she made an incredible recovery. can she fly"
        ));
        assert!(over(
            "had my worst asthma attack ever with blue lips. im fine now. is the new inhaler right"
        ));
    }

    #[test]
    fn anything_said_of_now_keeps_it_live() {
        assert!(!over(
            "he had a stroke and recovered well. this morning he collapsed"
        ));
        assert!(!over("she was fine now and then. tonight she collapsed"));
        assert!(!over("my dad collapsed"));
        assert!(!over(
            "took 20 panadol last night on purpose. feel fine now"
        ));
        assert!(!over("recovered from the last one. it is happening again"));
    }
}
