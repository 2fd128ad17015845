//! Sentence context: is a sentence talking *about* a crisis rather than
//! reporting one happening now?
//!
//! A sentence is informational when it asks a general question (starts with
//! `what`, `how`, `why`, `is`, `can`...), asks what a word means, mentions
//! study or teaching (`research`, `training`, `dissertation`, `leaflet`,
//! `moderator`, `first aid`...), or is framed in the past (`when i was 17`,
//! `years ago`, `used to`, `last year`, `3 years clean`). Such a sentence
//! does not fire, not even on explicit phrases, UNLESS it also carries a
//! first-person-now signal: `i`/`im`/`me`/`myself` in the present (not
//! `i was`, `i used to`, `im a nurse`), `my X is/has/wont/keeps`, `right
//! now`, `tonight`, `rn`, `just`, `anymore`, `please help`, `help me`.
//! In the past-framed case a bare `i`/`me` is not enough (`when i was 17 i
//! tried to kill myself`). Questions asking how to die or for a lethal
//! amount are never informational. Recall stays first: other sentences of
//! the message are screened as usual, and a general question counts when
//! another sentence says it is real and happening now (`real`:
//! "hypothetically… asking because mine just did").

mod answers;
mod dated;
mod markers;
mod message;
mod minor;
mod over;
mod past;
mod plan;
mod real;
mod recent;
mod running;
mod scene;
mod subjects;

pub use dated::dated_in_the_past;
use markers::{
    creative_writing, fiction_noun, game_or_roleplay, on_screen, prev_is_if, recovered_after,
    recovered_word, sport_training, supposes_ever,
};
pub use message::{MessageFrames, Reading};
pub use minor::names_a_child;
use past::past_framed;
use plan::plan_in_place;
use subjects::{about_a_device, about_an_animal};

/// A word list as a set built once: the lists are read for every word of
/// every message, and one hash beats comparing against each entry.
macro_rules! word_list {
    ($(#[$doc:meta])* $name:ident = [$($w:literal),* $(,)?]) => {
        $(#[$doc])*
        pub(super) fn $name(w: &str) -> bool {
            static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
                std::sync::OnceLock::new();
            SET.get_or_init(|| [$($w),*].into_iter().collect()).contains(w)
        }
    };
}

mod words;
use words::{
    not_now_after_i, now_word, present_after_i, present_after_my, question_start, study_word,
};

/// How a sentence is framed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Something may be happening to someone now: screen it.
    Now,
    /// Only about the past: screen it only for categories where the past
    /// matters (a past assault still deserves specialist support).
    Past,
    /// A general question, study or teaching: do not screen it.
    General,
}

/// Frame a sentence: general, past, or possibly happening now.
pub fn frame(sentence: &[&str]) -> Frame {
    if asks_for_method(sentence) || (plan_in_place(sentence) && !fiction(sentence)) {
        Frame::Now
    } else if supposes_ever(sentence) || about_an_animal(sentence) || warns_of(sentence) {
        Frame::General
    } else if past_framed(sentence) {
        if happening_now(sentence) {
            Frame::Now
        } else {
            Frame::Past
        }
    } else if (asks_in_general(sentence) || mentions_study(sentence))
        && !happening_now(sentence)
        && (!speaks_for_self(sentence) || fiction(sentence))
    {
        Frame::General
    } else {
        Frame::Now
    }
}

/// A content-warning line ("tw sh", "cw // sewerslide in media", "trigger
/// warning: SA"): Discord posters label what a post touches, and survivors
/// label their history; the label itself is not a crisis. What follows it
/// is screened as written. Set 108 (docs/QUALITY.md).
fn warns_of(s: &[&str]) -> bool {
    match s {
        [first, ..] if matches!(*first, "tw" | "cw" | "tws" | "cws") => s.len() <= 8,
        ["trigger" | "content", "warning" | "warnings", ..] => s.len() <= 9,
        _ => false,
    }
}

/// A story, a game, a show or a machine: the learned screen, which reads
/// words without their frame, stays quiet when every sentence of a message
/// is one of these ("my pc is having a seizure rn", "gonna destroy this guy
/// in ranked tonight"). Animals are left out: "a dog bite on my arm" is
/// about the arm.
pub fn not_about_people(s: &[&str]) -> bool {
    fiction(s) || about_a_device(s)
}

/// A sentence that opens on someone and says something is happening to
/// them now ("my sister just did", "he's barely moved since this
/// morning"): after a general-looking question ("what happens if you take
/// 30 paracetamol?") it makes the question about them.
pub fn reports_now(s: &[&str]) -> bool {
    s.first().is_some_and(|w| {
        matches!(
            *w,
            "my" | "our"
                | "she"
                | "he"
                | "shes"
                | "hes"
                | "im"
                | "i"
                | "ive"
                | "we"
                | "were"
                | "theyre"
                | "they"
                | "his"
                | "her"
        )
    }) && s.iter().enumerate().any(|(i, w)| match *w {
        "now" | "rn" | "currently" | "today" | "tonight" => true,
        "just" => just_happened(word(s, i + 1)),
        _ => false,
    }) && happening_now(s)
        && !past_framed(s)
}

/// "Just" that marks an event ("she just did", "just collapsed"), not "I
/// just want to understand", "just in case" or "just telly stuff".
fn just_happened(next: &str) -> bool {
    !matches!(
        next,
        "want"
            | "wanted"
            | "wanna"
            | "wondering"
            | "curious"
            | "asking"
            | "checking"
            | "in"
            | "to"
            | "like"
            | "a"
            | "the"
            | "because"
            | "so"
            | "need"
            | "found"
            | "telly"
            | "tv"
            | "thinking"
    )
}

/// Does the sentence talk about a crisis in general, in study or in the past,
/// with nothing that says it is happening to someone now?
#[cfg(test)]
pub fn is_informational(sentence: &[&str]) -> bool {
    frame(sentence) != Frame::Now
}

/// Asks how to die or a lethal amount (`how many would kill`, `painless
/// way`, `lethal dose`): a warning sign however impersonal, unless it is
/// about numbers of people.
fn asks_for_method(s: &[&str]) -> bool {
    let asks = s.iter().enumerate().any(|(i, w)| match *w {
        "painless" | "lethal" | "fatal" | "surest" => true,
        // "how many would it take to not wake up" asks the same.
        "how" | "way" | "ways" | "method" | "methods" | "many" | "much" => {
            let after = &s[i + 1..(i + 11).min(s.len())];
            after
                .iter()
                .take(6)
                .any(|x| matches!(*x, "die" | "kill" | "drown"))
                || after.windows(3).any(|w| w == ["not", "wake", "up"])
        }
        _ => false,
    });
    asks && !s
        .iter()
        .any(|w| matches!(*w, "people" | "deaths" | "rates" | "statistics"))
}

/// Starts with a question word, after any greeting ("hello, what helps
/// with…", "dear all, how do you…").
pub(super) fn asks_in_general(s: &[&str]) -> bool {
    s.iter()
        .find(|w| !greeting(w))
        .is_some_and(|w| question_start(w))
}

word_list! {
    /// Words that open a post before the question itself.
    greeting = [
    "hi", "hello", "hey", "hiya", "heya", "dear", "all", "everyone", "folks", "friends", "group",
    "guys", "so", "ok", "okay", "um", "umm", "quick", "question", "also", "btw", "anyway", "and",
    "but",
    ]
}

/// Mentions study, teaching, moderation, a first aid course, or what a word means.
fn mentions_study(s: &[&str]) -> bool {
    // "no training", "without any first aid", "don't have any training": a
    // bystander, not a student. ("Any good books on…" is a student.)
    let denied = |i: usize| {
        s[i.saturating_sub(3)..i].iter().any(|x| {
            matches!(
                *x,
                "no" | "without" | "never" | "havent" | "hasnt" | "dont" | "didnt" | "none"
            )
        })
    };
    // "teaching assistant", "teacher's aide": a job, not a lesson.
    let job = |i: usize| {
        matches!(
            s.get(i + 1).copied(),
            Some("assistant" | "assistants" | "aide" | "aides")
        )
    };
    let study = s
        .iter()
        .enumerate()
        .any(|(i, w)| study_word(w) && !denied(i) && !sport_training(s, i) && !job(i));
    let first_aid = s
        .windows(2)
        .enumerate()
        .any(|(i, w)| w == ["first", "aid"] && !denied(i));
    study
        || first_aid
        || asks_meaning(s)
        || creative_writing(s)
        || game_or_roleplay(s)
        || on_screen(s)
}

/// A story, a game or something on screen: "how do I write her" asks
/// about the writing, not about the writer.
fn fiction(s: &[&str]) -> bool {
    creative_writing(s) || game_or_roleplay(s) || on_screen(s)
}

/// Asks what a word means (`what does sepsis mean`, `does that mean`), not
/// "saying spoon when he means phone".
fn asks_meaning(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        matches!(*w, "mean" | "means")
            && s[i.saturating_sub(4)..i]
                .iter()
                .any(|x| matches!(*x, "what" | "does" | "did" | "do"))
    })
}

/// Something is happening now: `im` (not `im a nurse`), `i feel|want|need..`,
/// `my X is|has|wont..`, `hes`/`shes`, `now`, `tonight`, `rn`, `just`, `please`, `help me`.
fn happening_now(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        let next = s.get(i + 1).map_or("", |x| *x);
        let prev = if i > 0 { s[i - 1] } else { "" };
        match *w {
            // "im in a much better place now": recovery, not now.
            // ("im not ok": a negated recovery word is not recovery.)
            "im" => {
                !not_now_after_i(next)
                    && (next.is_empty() || !next.bytes().all(|b| b.is_ascii_digit()))
                    && !recovered_after(s, i, 4)
            }
            "i" | "ive" | "ill" => present_after_i(next),
            // "my character is bleeding out": a game or a story.
            "my" => !fiction_noun(next) && s[i + 1..].iter().take(4).any(|x| present_after_my(x)),
            // "doing well now", "better now": recovery, not a crisis now.
            // "more common now than before": a comparison, not a report.
            "now" => {
                next != "than"
                    && !prev.chars().all(|c| c.is_ascii_digit())
                    && !matches!(prev, "month" | "months" | "year" | "years")
                    && !s[i.saturating_sub(3)..i].iter().any(|x| recovered_word(x))
            }
            "right" => next == "now",
            "please" | "pls" | "plz" => true,
            // "he's this drowsy": someone's state now, unless supposed ("if he's").
            // ("if someone says they're suicidal": still a supposition.)
            // ("he's absolutely fine now": recovered, unless "not fine".)
            "hes" | "shes" | "theyre" => {
                !s[i.saturating_sub(4)..i].iter().any(|x| prev_is_if(x))
                    && !recovered_after(s, i, 3)
            }
            "help" => {
                matches!(next, "me" | "us" | "now" | "pls" | "please")
                    || matches!(prev, "someone" | "somebody" | "anyone" | "anybody")
            }
            "just" => just_happened(next),
            // "had a TIA last year and it's happening again": now.
            "happening" => next == "again",
            _ => now_word(w),
        }
    })
}

/// The writer speaks about themself (`how do i..`, `would it kill me`): a
/// question in the first person is treated as personal.
fn speaks_for_self(s: &[&str]) -> bool {
    s.iter().enumerate().any(|(i, w)| {
        let next = s.get(i + 1).map_or("", |x| *x);
        match *w {
            "i" | "ive" | "id" | "ill" => !not_now_after_i(next),
            "me" | "myself" => true,
            _ => false,
        }
    }) || ["normal", "ok", "okay", "bad", "wrong", "weird"]
        .iter()
        .any(|w| has_seq(s, &["is", "it", w]))
        || s.iter().any(|w| asks_if_worrying(w))
}

word_list! {
    /// Asking whether something is worrying or urgent is asking about
    /// something happening ("is a swollen face after a sting something to
    /// worry about?"), not a general question.
    asks_if_worrying = [
    "worry", "worried", "worrying", "overreacting", "overreact", "emergency", "serious",
    "dangerous", "panicking",
    ]
}

/// A test message as the screener's sentence views: split at `.` and `?`,
/// words at spaces (already lower case and without apostrophes).
#[cfg(test)]
pub(super) fn test_views(text: &str) -> Vec<Vec<&str>> {
    text.split(['.', '?'])
        .map(|s| s.split_whitespace().collect())
        .filter(|s: &Vec<&str>| !s.is_empty())
        .collect()
}

/// Word `i` of a sentence, or "" past either end (so a rule can look a
/// few words ahead, or behind with `i.wrapping_sub(n)`, without checks).
pub(super) fn word<'a>(s: &[&'a str], i: usize) -> &'a str {
    s.get(i).copied().unwrap_or("")
}

/// Does `words` appear consecutively in `s`?
pub(super) fn has_seq(s: &[&str], words: &[&str]) -> bool {
    s.windows(words.len())
        .any(|w| w.iter().zip(words).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests;
