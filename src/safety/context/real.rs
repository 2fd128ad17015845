//! "It's real": a crisis hidden behind "hypothetically", "asking for a
//! friend" or "for a story", and given away in another sentence ("asking
//! because mine just did", "jk it's my mum", "she's like that now").

use super::answers::{
    as_i_type, because_mine, doing_it_here, ends_mine_is, feels_real, in_a_row, like_that_there,
    mine_is, owns_up, thats_what,
};
use super::markers::recovered_word;
use super::recent::{done_or_set, happened_lately};
use super::subjects::{person_or_theirs, person_word};
use super::words::emergency_number;
use super::{reports_now, word};

/// Does another sentence of the message make general sentence `i` about
/// someone now? The next sentence reporting something happening to
/// someone ("…is this serious? my 2 yo just drank it"), or the message
/// saying the question is real (`real`, from [`message_is_real`]).
pub fn live_elsewhere(views: &[Vec<&str>], i: usize, real: bool) -> bool {
    real || views.get(i + 1).is_some_and(|n| reports_now(n))
}

/// Does some sentence say the message's question is real and happening
/// now ([`says_it_is_real`])? Then a question's wording ("can you get…",
/// "what happens if…") no longer cancels its crisis phrases either.
pub fn message_is_real(views: &[Vec<&str>]) -> bool {
    views.iter().any(|s| says_it_is_real(s))
}

/// Does some sentence put what the message asks about in the last few
/// hours ("it happened a few hours ago")? Weaker than [`message_is_real`]:
/// a general-looking question then counts, but its own words still cancel.
pub fn message_is_recent(views: &[Vec<&str>]) -> bool {
    views.iter().any(|s| happened_lately(s))
}

/// The writer says what they asked about is real and happening now: "it's
/// happening right now", "asking because mine just did", "jk it's my
/// mum", "not really a story, I'm that guy", "I'm in his bathroom now".
pub(super) fn says_it_is_real(s: &[&str]) -> bool {
    let at = |i: usize| word(s, i);
    let now_follows = |i: usize| s[i.min(s.len())..].iter().take(9).any(|w| live_word(w));
    let marked = s.iter().enumerate().any(|(i, w)| match *w {
        // Not "it's happening every week now" (how often, not now).
        "happening" => {
            let after = &s[i + 1..(i + 6).min(s.len())];
            at(i + 1) == "as"
                || (after.iter().any(|w| matches!(*w, "now" | "rn"))
                    && !after.iter().any(|w| often_word(w)))
        }
        // "asking for me, I'm 11" (not "asking for myself for the future,
        // I'm doing ok").
        "asking" if at(i + 1) == "for" => {
            matches!(at(i + 2), "me" | "myself")
                && !s
                    .iter()
                    .any(|w| recovered_word(w) || matches!(*w, "future" | "later"))
        }
        "asking" => {
            matches!(
                at(i + 1),
                "because" | "as" | "cause" | "cos" | "coz" | "cuz" | "bc"
            ) && now_follows(i + 2)
        }
        "jk" | "jks" | "kidding" | "joking" => matches!(at(i + 1), "its" | "im" | "it"),
        "not" | "isnt" => {
            matches!(at(i + 1), "hypothetical" | "hypothetically")
                || (matches!(at(i + 1), "really" | "actually")
                    && at(i + 2) == "a"
                    && at(i + 3) == "story")
        }
        "im" => {
            matches!(at(i + 1), "that")
                && matches!(at(i + 2), "guy" | "person" | "girl" | "woman" | "man")
        }
        "next" => at(i + 1) == "to" && at(i + 2) == "me" && i > 0 && placed_next_to_me(at(i - 1)),
        "like" => matches!(at(i + 1), "that" | "this") && matches!(at(i + 2), "now" | "rn"),
        // "it's me, this morning", "I'm 13 and it's me", "that's me".
        "its" | "thats" if at(i + 1) == "me" => {
            !matches!(at(i + 2), "again" | "here" | "who" | "that")
        }
        // "my daughter's friend just said this at a sleepover".
        "just" => {
            matches!(at(i + 1), "said" | "told" | "disclosed" | "admitted")
                && matches!(at(i + 2), "this" | "that" | "me" | "us")
        }
        // Nobody rings 999 over a hypothetical.
        // A story may have rung it, though ("rang 111 and they said I'm
        // fine"): a past form needs a word of now ("just rang 999", "we've
        // called 911", "rang 000 now").
        "rang" | "rung" | "called" | "calling" | "ringing" | "phoned" | "dialled" | "dialed" => {
            let how = matches!(*w, "rung" | "calling" | "ringing")
                || matches!(
                    at(i.wrapping_sub(1)),
                    "just" | "already" | "ive" | "weve" | "theyve" | "has" | "have"
                )
                || s.iter().any(|w| matches!(*w, "now" | "rn"));
            how && (is_emergency_number(at(i + 1))
                || (at(i + 1) == "an" && at(i + 2) == "ambulance"))
        }
        _ => false,
    });
    marked
        || told_as_now(s)
        || gives_an_age(s)
        || mine_is(s)
        || ends_mine_is(s)
        || because_mine(s)
        || feels_real(s)
        || thats_what(s)
        || like_that_there(s)
        || doing_it_here(s)
        || in_a_row(s)
        || as_i_type(s)
        || theirs_did(s)
        || owns_up(s)
        || live_now(s)
        || done_or_set(s)
}

/// Said to be now, about someone: "my mum's like that right now", "my
/// grandpa is having one in the kitchen RIGHT NOW", "my mum. just now.",
/// "my 5 month old", "my daughter, 10 weeks" (not "I'm doing ok right now").
fn live_now(s: &[&str]) -> bool {
    if s.iter().any(|w| recovered_word(w)) {
        return false;
    }
    let often = s.iter().any(|w| often_word(w));
    let person = s.iter().any(|w| person_or_theirs(w));
    let right_now =
        s.windows(2).any(|p| matches!(p, ["right", "now" | "rn"])) || s.ends_with(&["just", "now"]);
    // A sentence that only names who: "my son", "my 5 month old".
    let names_who = s.len() <= 4
        && s.first() == Some(&"my")
        && s[1..].iter().all(|w| {
            person_word(w)
                || w.bytes().all(|b| b.is_ascii_digit())
                || matches!(
                    *w,
                    "month" | "months" | "week" | "weeks" | "old" | "year" | "yo"
                )
        });
    (person && right_now && !often) || (s.len() > 1 && names_who)
}

/// "my mum did, she's got a headache", "mine did": after "would someone
/// need checking if…", it happened to theirs.
fn theirs_did(s: &[&str]) -> bool {
    let did_then = |rest: &[&str]| match rest {
        ["did"] | ["just", "did"] => true,
        ["did", next, ..] | ["just", "did", next, ..] => matches!(
            *next,
            "shes" | "hes" | "theyre" | "and" | "just" | "too" | "today" | "earlier" | "tonight"
        ),
        _ => false,
    };
    match s {
        ["mine", rest @ ..] => did_then(rest),
        ["my", _, rest @ ..] => did_then(rest),
        _ => false,
    }
}

/// "she's 4 months", "he's 6 weeks old": after "what if a baby won't
/// wake", the baby is theirs.
fn gives_an_age(s: &[&str]) -> bool {
    matches!(s, [who, n, unit] | [who, n, unit, "old"] if matches!(*who, "hes" | "shes")
        && n.bytes().all(|b| b.is_ascii_digit())
        && matches!(*unit, "months" | "month" | "weeks" | "week" | "wks" | "days" | "mo"))
}

/// What follows "rang" or "called" when help is on its way.
fn is_emergency_number(w: &str) -> bool {
    emergency_number(w) || matches!(w, "ambulance" | "ambo" | "ems")
}

/// The writer says where they are now: "I'm in his bathroom now",
/// "we're sitting in the car park now" (not "I'm 28 now", "I'm home now").
fn told_as_now(s: &[&str]) -> bool {
    let place = |w: &str| {
        matches!(
            w,
            "in" | "at" | "on" | "outside" | "sitting" | "standing" | "hiding" | "stuck"
        )
    };
    // "I'm standing on one now, not gonna say which", "genuinely asking,
    // I'm in here now", "I'm on the top level of the car park rn", "I'm
    // sitting in it".
    let here_now = |i: usize| {
        let after = &s[i + 1..];
        after.iter().take(2).any(|w| place(w))
            && (after.iter().take(9).any(|w| matches!(*w, "now" | "rn"))
                || matches!(
                    after,
                    ["sitting" | "standing" | "lying", "in" | "on", "it" | "one"]
                ))
    };
    // Not where life has moved on to: "I'm in therapy now", "I'm on the
    // other side of it now", "I'm now on blood thinners".
    let settled = |w: &str| {
        matches!(
            w,
            "home"
                | "safe"
                | "asleep"
                | "work"
                | "bed"
                | "therapy"
                | "treatment"
                | "recovery"
                | "remission"
                | "rehab"
                | "side"
                | "meds"
                | "medication"
                | "tablets"
                | "thinners"
                | "counselling"
                | "counseling"
        )
    };
    (0..s.len()).any(|i| matches!(s[i], "im" | "were") && word(s, i + 1) != "now" && here_now(i))
        && !s.iter().any(|w| recovered_word(w) || settled(w))
}

/// How often, not when: "it's happening every week now".
fn often_word(w: &str) -> bool {
    matches!(
        w,
        "every"
            | "times"
            | "week"
            | "weeks"
            | "month"
            | "months"
            | "day"
            | "days"
            | "often"
            | "lot"
    )
}

/// The word before "next to me" that puts someone there now ("they're
/// next to me", "sitting right next to me"), not "the guy next to me at
/// work".
fn placed_next_to_me(w: &str) -> bool {
    matches!(
        w,
        "hes" | "shes" | "theyre" | "is" | "are" | "sitting" | "lying" | "right"
    )
}

/// Words that put an event now: "mine just did", "it's happening".
fn live_word(w: &str) -> bool {
    matches!(
        w,
        "just"
            | "now"
            | "rn"
            | "happening"
            | "right"
            | "currently"
            | "tonight"
            | "tonights"
            | "today"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn real(s: &str) -> bool {
        says_it_is_real(&s.split_whitespace().collect::<Vec<_>>())
    }

    #[test]
    fn says_a_question_is_real() {
        assert!(real("asking because mine just did"));
        assert!(real("hers are"));
        assert!(real("mine is too"));
        assert!(!real("mine are 6 and 8"));
        assert!(!real("mine is fine"));
        assert!(real("its happening right now"));
        assert!(real("its happening on the train right now"));
        assert!(real("jk its my mum"));
        assert!(real("not really a story im that guy"));
        assert!(real("im in his bathroom now"));
        assert!(real("theyre next to me"));
        assert!(real("im 13 and its me"));
        assert!(real("my daughters friend just said this at a sleepover"));
        assert!(real("shes 4 months"));
        assert!(real("my mum did shes got a headache"));
        assert!(real("asking for me im 11"));
        assert!(real("thats me 5 min ago on the bathroom floor"));
        assert!(real("ok its my wife"));
        assert!(real("the character is me and the target is my exs new bf"));
        assert!(real("im not writing a story"));
        assert!(real("typing from the closet"));
        assert!(real(
            "my mums like that right now and she is never like this"
        ));
        assert!(real("my 5 month old"));
        assert!(real("my daughter 10 weeks"));
        assert!(real("my mum just now"));
        assert!(real("weve rung 111 what do we do"));
        assert!(real("hes in the next room and ive had enough"));
        assert!(real("just happened"));
        assert!(real("im getting dizzy and its still coming"));
        assert!(real(
            "my daughters spots are doing that and shes burning up"
        ));
        assert!(real("mam is like this now"));
        assert!(real("wifes at 6 minutes"));
        assert!(real("im standing on one now not gonna say which"));
        assert!(real("genuinely asking im in here now"));
        assert!(real("just curious im sitting in it"));
        assert!(real("already did it not sure why im asking"));
    }

    #[test]
    fn ordinary_sentences_are_not_marked_real() {
        assert!(!real(
            "asking because my son has epilepsy and i want to be prepared"
        ));
        assert!(!real("the guy next to me at work had a stroke"));
        assert!(!real("just wondering"));
        assert!(!real("im fine"));
        assert!(!real("its important they talk about it now"));
        assert!(!real("shes fine now"));
        assert!(!real("its happening every week now"));
        assert!(!real("my mum did research on it"));
        assert!(!real(
            "asking for myself for the future im doing ok right now"
        ));
        assert!(!real("were home safe now"));
        assert!(!real("theyre from high school im 28 now"));
        assert!(!real("shes 9 months now and thriving"));
        assert!(!real("its my mums birthday"));
        assert!(!real("thats me again asking"));
        assert!(!real("my son is doing ok right now"));
        assert!(!real("my bad"));
        assert!(!real("the bus comes at 5 mins past"));
        // "is" is not "i"'s.
        assert!(!real("what is it like right now"));
        assert!(!real("is at 6 minutes"));
        assert!(!real(
            "i wanted to hit him but i didnt and im in therapy now"
        ));
        assert!(!real("im now on blood thinners and a beta blocker"));
        assert!(!real("im on the other side of it now"));
    }
}
