//! The writer answers their own general question, or drops its cover:
//! "…lips go a bit blue? mine are", "…throat feel tight, mine does", "…?
//! because mine is and the epipen's in my other bag", "asking bc my
//! brother's is", "these feel real", "that's me", "typing from the
//! closet". Set 113 (docs/QUALITY.md) hid crises this way: the question
//! names the emergency, and only a short answer in the present says it is
//! the writer's own, now.

use super::markers::recovered_word;
use super::subjects::{person_or_theirs, person_word};
use super::word;

/// Whose: the writer's or someone close's ("mine", "his", "hers").
fn whose(w: &str) -> bool {
    matches!(w, "mine" | "hers" | "his" | "ours" | "theirs")
}

/// A present verb that stands for the question's own ("is", "does").
fn is(w: &str) -> bool {
    matches!(w, "are" | "is" | "does" | "do" | "has" | "have")
}

/// A bare answer: "mine are", "hers are", "ours is too". Not
/// with more said ("mine are 6 and 8", "mine is fine").
pub(super) fn mine_is(s: &[&str]) -> bool {
    match s {
        [w, v] => whose(w) && is(v),
        [w, v, now] => whose(w) && is(v) && matches!(*now, "too" | "now" | "rn"),
        _ => false,
    }
}

/// The question ends on its answer: "can a wasp sting make your throat
/// feel tight, mine does", "…smile goes crooked all of a sudden - his
/// has". Not a comparison ("bluer than mine is", "the same as his does").
pub(super) fn ends_mine_is(s: &[&str]) -> bool {
    let n = s.len();
    let tail = match s {
        [.., w, v] if whose(w) && is(v) => n - 2,
        [.., w, v, "too" | "now" | "rn"] if whose(w) && is(v) => n - 3,
        _ => return false,
    };
    n > 3
        && !matches!(
            word(s, tail.wrapping_sub(1)),
            "than" | "as" | "like" | "of" | "if"
        )
}

/// "because mine is and the epipen's in my other bag", "asking bc my
/// brother's is and he isn't making sense", "because I do": the reason
/// for asking is the writer's own now. Not at ease ("because mine is fine
/// now") nor a habit ("because mine does every winter").
pub(super) fn because_mine(s: &[&str]) -> bool {
    let because = |w: &str| {
        matches!(
            w,
            "because" | "cos" | "coz" | "cause" | "cuz" | "bc" | "bcos"
        )
    };
    let at = |i: usize| word(s, i);
    let start = match s {
        [b, ..] if because(b) => 1,
        ["asking", b, ..] if because(b) => 2,
        _ => return false,
    };
    let verb_at = match (at(start), at(start + 1)) {
        (w, v) if whose(w) && is(v) => start + 2,
        ("i", "do" | "am" | "have") => start + 2,
        ("my", p) if person_or_theirs(p) && is(at(start + 2)) => start + 3,
        _ => return false,
    };
    // Said and done: the sentence ends, or goes on to what is happening.
    matches!(at(verb_at), "" | "and" | "now" | "rn" | "tonight" | "right") && !settled(s)
}

/// "watching it on bub's chest as I type", "texting under the blanket",
/// "typing this from the bathroom": the writer is there now, typing.
pub(super) fn as_i_type(s: &[&str]) -> bool {
    let typing = |w: &str| matches!(w, "type" | "write" | "typing" | "texting" | "writing");
    s.windows(3).any(|w| {
        (matches!(w[0], "as" | "while") && w[1] == "i" && typing(w[2]))
            || (w[0] == "typing"
                && w[1] == "this"
                && matches!(w[2], "the" | "my" | "under" | "inside" | "from"))
    }) || s.windows(2).any(|w| {
        matches!(w[0], "typing" | "texting") && matches!(w[1], "under" | "from" | "in" | "on")
    })
}

/// "these feel real.", "this feels real": said of the thoughts or urges the
/// question asked about.
pub(super) fn feels_real(s: &[&str]) -> bool {
    matches!(
        s,
        ["these" | "this" | "mine" | "they", "feel" | "feels", "real"]
            | [
                "these" | "this" | "mine" | "they",
                "feel" | "feels",
                "so" | "very" | "too",
                "real"
            ]
    )
}

/// "that's what the finger thing says on my poppa", "pretty sure that's
/// what I'm looking at": the question's subject, pointed at now. ("That's
/// where my…" is read with the writer owning up, in `real`.)
pub(super) fn thats_what(s: &[&str]) -> bool {
    s.windows(2).enumerate().any(|(i, w)| {
        let after = &s[i + 2..];
        matches!(w, ["thats", "what" | "how"])
            && (after
                .iter()
                .take(6)
                .any(|w| matches!(*w, "my" | "im" | "mine"))
                || matches!(after, ["ive" | "hes" | "shes", "got", ..]))
    }) && !settled(s)
}

/// "nan's like that on the verandah", "my partner's like this in the
/// car": someone, now, where they are (not "my mum's like that in the
/// mornings").
pub(super) fn like_that_there(s: &[&str]) -> bool {
    s.windows(5).any(|w| {
        person_or_theirs(w[0])
            && w[0] != "i"
            && w[1] == "like"
            && matches!(w[2], "that" | "this")
            && matches!(w[3], "on" | "in" | "at")
            && matches!(w[4], "the" | "my" | "our")
    }) && !settled(s)
        && !s.iter().any(|w| part_of_day(w))
}

/// "my flatmate's partner is doing it in the lounge": what the question
/// asked about, done by someone, here.
pub(super) fn doing_it_here(s: &[&str]) -> bool {
    // "on the sofa", not "on purpose".
    let here = |i: usize| match word(s, i) {
        "in" | "to" | "again" | "now" | "rn" => true,
        "on" => matches!(word(s, i + 1), "the" | "my" | "our" | "her" | "his"),
        _ => false,
    };
    s.windows(3).enumerate().any(|(i, w)| {
        matches!(w[0], "is" | "are" | "hes" | "shes" | "theyre")
            && w[1] == "doing"
            && matches!(w[2], "it" | "that" | "this")
            && here(i + 3)
    }) && !settled(s)
}

/// "third one in a row for my daughter": a running count.
pub(super) fn in_a_row(s: &[&str]) -> bool {
    const ORDINALS: &[&str] = &[
        "second", "third", "fourth", "fifth", "sixth", "2nd", "3rd", "4th", "5th", "6th",
    ];
    s.windows(5).any(|w| {
        ORDINALS.contains(&w[0])
            && matches!(w[1], "one" | "seizure" | "fit" | "attack")
            && w[2..] == ["in", "a", "row"]
    }) && !s
        .iter()
        .any(|w| recovered_word(w) || matches!(*w, "last" | "ago" | "yesterday" | "had" | "was"))
}

fn part_of_day(w: &str) -> bool {
    matches!(
        w,
        "mornings" | "evenings" | "nights" | "afternoons" | "weekends"
    )
}

/// The writer drops the cover: "that's me", "ok it's my wife", "the
/// character is me", "I'm not writing a story", "no game", "7 min and
/// counting", "that's what's happening" ("typing from the closet" is
/// [`as_i_type`]).
pub(super) fn owns_up(s: &[&str]) -> bool {
    let at = |i: usize| word(s, i);
    s.iter().enumerate().any(|(i, w)| match *w {
        // ("that's me" is read with "it's me" above.)
        "thats" => match at(i + 1) {
            "whats" => at(i + 2) == "happening",
            "where" => at(i + 2) == "my",
            _ => false,
        },
        // "ok it's my wife" ends the sentence; not "it's my mum's birthday".
        "its" => at(i + 1) == "my" && person_word(at(i + 2)) && i + 3 == s.len(),
        "character" => at(i + 1) == "is" && at(i + 2) == "me",
        "not" => {
            matches!(at(i + 1), "writing" | "making")
                && matches!(at(i + 2), "a" | "any")
                && matches!(at(i + 3), "story" | "game" | "novel" | "book")
        }
        "no" => matches!(at(i + 1), "game" | "story") && i + 2 == s.len(),
        "and" => at(i + 1) == "counting",
        // "wife's at 6 minutes": a clock running on someone now.
        "at" => {
            at(i + 2).starts_with("min")
                && at(i + 1).bytes().all(|b| b.is_ascii_digit())
                && s.first().is_some_and(|w| {
                    matches!(*w, "hes" | "shes" | "theyre" | "its" | "were") || person_or_theirs(w)
                })
        }
        // "he's in the next room", "it just happened", "it's still coming".
        "next" => {
            at(i + 1) == "room" && matches!(at(i.wrapping_sub(3)), "hes" | "shes" | "theyre" | "is")
        }
        "happened" => at(i.wrapping_sub(1)) == "just" && i + 1 == s.len(),
        "still" => {
            matches!(at(i.wrapping_sub(1)), "its" | "hes" | "shes" | "theyre")
                && matches!(
                    at(i + 1),
                    "coming" | "pouring" | "fitting" | "shaking" | "spreading"
                )
        }
        // "my daughter's spots are doing that" (what the question asked about).
        "doing" => {
            matches!(at(i + 1), "that" | "this")
                && matches!(at(i.wrapping_sub(1)), "are" | "is")
                && matches!(s.first().copied(), Some("my" | "our"))
        }
        _ => false,
    })
}

/// At ease or a habit, not now: "mine is fine now", "mine does every
/// winter".
fn settled(s: &[&str]) -> bool {
    s.iter().any(|w| recovered_word(w) || habit(w))
}

/// How often, not now.
fn habit(w: &str) -> bool {
    matches!(
        w,
        "every" | "sometimes" | "usually" | "always" | "often" | "winter" | "summer" | "year"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        s.split_whitespace().collect()
    }

    #[test]
    fn answers_that_make_the_question_the_writers() {
        for s in [
            "can a wasp sting make your throat feel tight mine does",
            "what does it mean when someones smile goes crooked all of a sudden his has",
        ] {
            assert!(ends_mine_is(&words(s)), "{s}");
        }
        for s in [
            "because mine is and the epipens in my other bag",
            "asking bc my brothers is and he isnt making sense",
            "because i do",
        ] {
            assert!(because_mine(&words(s)), "{s}");
        }
        assert!(feels_real(&words("these feel real")));
        assert!(thats_what(&words(
            "thats what the finger thing says on my poppa"
        )));
        assert!(like_that_there(&words("nans like that on the verandah")));
        assert!(doing_it_here(&words(
            "my flatmates partner is doing it in the lounge"
        )));
        assert!(in_a_row(&words("third one in a row for my daughter")));
        assert!(thats_what(&words(
            "thats what ive got and i cant feel my fingers"
        )));
        assert!(as_i_type(&words("watching it on bubs chest as i type")));
        assert!(as_i_type(&words("im texting under the blanket")));
        assert!(mine_is(&words("ours is too")));
    }

    #[test]
    fn comparisons_ease_and_habit_do_not() {
        for s in [
            "are her lips bluer than mine is",
            "mine are 6 and 8",
            "is it normal",
        ] {
            assert!(!ends_mine_is(&words(s)) && !mine_is(&words(s)), "{s}");
        }
        for s in [
            "because mine is fine now",
            "because mine does every winter",
            "because i have a question",
        ] {
            assert!(!because_mine(&words(s)), "{s}");
        }
        assert!(!feels_real(&words("do intrusive thoughts feel real")));
        assert!(!like_that_there(&words(
            "my mums like that in the mornings"
        )));
        assert!(!doing_it_here(&words(
            "teachers think hes doing it on purpose"
        )));
        assert!(!in_a_row(&words(
            "she had her third one in a row last week"
        )));
    }
}
