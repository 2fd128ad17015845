//! A scene set now: after a general-looking question ("how do you do back
//! blows on a toddler?"), another sentence that puts someone in a present
//! situation ("he's gone red and silent", "we're waiting on the
//! ambulance", "she's on my couch") makes the question about them. Set 106
//! (docs/QUALITY.md) asked crises this way; before this only the very next
//! sentence counted, and only with a time word ("my sister just did").

use super::markers::{fiction_noun, recovered_word};
use super::running::runs_now;
use super::words::study_word;
use super::{Frame, frame, word};

/// A sentence about someone now (framed as now, with someone in it now),
/// not at ease ("she's fine"), not habitual ("he always coughs a bit"),
/// not planned, studied or written ("I want to be prepared", "my course",
/// "I'm writing a story").
pub(super) fn sets_a_scene(s: &[&str]) -> bool {
    frame(s) == Frame::Now && (someone_now(s) || runs_now(s, true)) && !at_ease_or_later(s)
}

/// An emergency running now in this sentence, by its clock or its
/// responders ([`runs_now`]: "9 minutes in", "the 000 lady keeps telling
/// me faster"): as strong as saying it is real, so the message's general
/// questions are screened as now and their wording does not cancel.
pub(super) fn runs_a_clock(s: &[&str]) -> bool {
    // A question may hold its own clock ("…if Dad's arm went dead at
    // 3:10?", "how long can a seizure go on, his started at 4:02?"). The
    // word scan goes first: framing a sentence costs more, and most
    // sentences run no clock.
    if !runs_now(s, true) {
        return false;
    }
    let f = frame(s);
    (f == Frame::Now || (f == Frame::General && runs_now(s, false)))
        && !at_ease_or_later(s)
        && s.first() != Some(&"when")
        && !s.iter().any(|w| told_before(w))
}

/// A story's words: "when my wife's heart stopped last spring I did CPR
/// with the 911 dispatcher counting" ran a clock once, not now.
fn told_before(w: &str) -> bool {
    matches!(
        w,
        "did" | "was" | "were" | "had" | "ago" | "last" | "survived" | "then"
    )
}

fn at_ease_or_later(s: &[&str]) -> bool {
    s.iter()
        .any(|w| recovered_word(w) || study_word(w) || fiction_noun(w) || later(w))
}

/// Someone is in a situation now: "he's gone red", "already", "tonight",
/// "right now", "10 min ago", "waiting on the ambulance", "I'm shaking",
/// "it's not stopping", "timing one", "this morning", "as we speak", "on
/// the floor", "ours is 10 weeks" (help on the line, "the 000 lady is
/// counting with me", is [`runs_now`]'s). Not a supposition ("if he's").
/// "We're", "they're", "still" and "my son is" were tried and dropped: they set as many calm scenes ("we're in
/// Vancouver", "still thinks", "my son is 2 weeks") as live ones.
fn someone_now(s: &[&str]) -> bool {
    (0..s.len()).any(|i| {
        let (prev, next) = (word(s, i.wrapping_sub(1)), word(s, i + 1));
        if matches!(prev, "if" | "when" | "whenever" | "once") {
            return false;
        }
        match s[i] {
            // Not "he's 76", "she's never had one", "he's been quiet lately".
            "hes" | "shes" => {
                !matches!(
                    next,
                    "never" | "been" | "had" | "got" | "always" | "not" | "a" | "an" | "the" | "on"
                ) && !next.bytes().all(|b| b.is_ascii_digit())
            }
            "already" | "rn" | "tonight" => true,
            "right" => next == "now",
            "im" => matches!(
                next,
                "shaking" | "hiding" | "alone" | "stuck" | "babysitting"
            ),
            "ago" => matches!(prev, "min" | "mins" | "minutes" | "hours" | "hrs" | "hour"),
            "waiting" => matches!(next, "on" | "for"),
            // "it's coming through again", "it's not stopping", "it's over
            // five minutes".
            "its" => {
                matches!(
                    next,
                    "still" | "coming" | "getting" | "over" | "running" | "pouring"
                ) || (next == "not" && word(s, i + 2) == "stopping")
            }
            // "happening to my 6 yo", "as it happens to my husband".
            "happening" | "happens" => next == "to" && matches!(word(s, i + 2), "my" | "our"),
            "timing" | "today" => true,
            // "this morning", "this evening", "as we speak".
            "this" => matches!(next, "morning" | "evening" | "afternoon"),
            "we" => prev == "as" && next == "speak",
            // "that's what my friend looks like on the floor".
            "floor" | "ground" => prev == "the" && word(s, i.wrapping_sub(2)) == "on",
            // "asking about ours", "doing it on my 4 year old's tummy".
            "asking" => {
                matches!(next, "about" | "for") && matches!(word(s, i + 2), "ours" | "mine")
            }
            // "ours is 10 weeks", "our bub is 6 weeks": the baby asked about
            // (a sentence that only gives the age, not "my son is 2 weeks,
            // still needs his head supported").
            "is" => {
                s.len() <= 5
                    && matches!(s.first().copied(), Some("ours" | "our" | "my"))
                    && next.bytes().all(|b| b.is_ascii_digit())
                    && matches!(word(s, i + 2), "weeks" | "months" | "days" | "wks")
            }
            // "my sister's doing that on the sofa".
            "doing" => {
                (matches!(next, "that" | "this")
                    && s[i.saturating_sub(3)..i]
                        .iter()
                        .any(|w| matches!(*w, "my" | "our")))
                    || (next == "it" && word(s, i + 2) == "on" && word(s, i + 3) == "my")
            }
            _ => false,
        }
    })
}

/// Words that put a sentence in the future, in habit or in a plan, or
/// make it a wish to learn ("I want to know", "to be prepared").
fn later(w: &str) -> bool {
    matches!(
        w,
        "future"
            | "later"
            | "tomorrow"
            | "next"
            | "someday"
            | "upcoming"
            | "case"
            | "planning"
            | "prepping"
            | "prepared"
            | "ready"
            | "always"
            | "usually"
            | "sometimes"
            | "often"
            | "ever"
            | "curious"
            | "wondering"
            | "course"
            | "class"
            | "want"
            | "wanted"
            | "teach"
            | "learn"
            | "learning"
            | "writing"
            | "reading"
            | "nothing"
            | "nobody"
            | "advance"
            | "surgery"
            | "operation"
            // At ease: "he's bouncing around and eating".
            | "bouncing"
            | "playing"
            | "eating"
            | "happy"
            | "laughing"
            | "smiling"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Does a sentence after the first set a scene?
    fn scene(text: &str) -> bool {
        let views = super::super::test_views(text);
        views[1..].iter().any(|s| sets_a_scene(s))
    }

    #[test]
    fn a_present_scene_makes_the_question_real() {
        assert!(scene(
            "how do you do back blows on a toddler. hes gone red and silent"
        ));
        assert!(scene("what do you do. shes sitting bent over the bench"));
        assert!(scene(
            "whats the best position. were waiting on the ambulance"
        ));
        assert!(scene(
            "does it need ED. used it on my daughter 5 minutes ago"
        ));
    }

    #[test]
    fn ease_habit_and_plans_do_not() {
        assert!(!scene(
            "why do old people choke. grandad coughs a bit but hes fine"
        ));
        assert!(!scene(
            "what foods are worst. im starting solids next month"
        ));
        assert!(!scene(
            "how do you use glucagon. my roommate is type 1, just in case"
        ));
        assert!(!scene(
            "is the glass test right. hes bouncing around and eating"
        ));
        assert!(!scene("is a defib worth it. hes on blood thinners"));
        assert!(!scene(
            "how do you support her. im scared of saying the wrong thing"
        ));
    }
}
