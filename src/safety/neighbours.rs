//! The words around a phrase match that cancel it: a negated wish ("I
//! don't want to hurt myself, what is the safe dose"), a denied thought,
//! a sign listed as absent, a way of coping ("instead of cutting"). Each
//! looks only at the match's own sentence.

/// A wish or plan that the word before plainly negates: "I don't want to
/// hurt myself, what is the safe dose" asks about dosing. Only the wish is
/// cancelled: "I don't want to be here anymore" is its own phrase, and any
/// other phrase in the message still fires.
pub(super) fn negated_wish(sentence: &[&str], start: usize) -> bool {
    const WISHES: &[&str] = &[
        "want", "wanting", "need", "tempted", "planning", "plan", "wish",
    ];
    const NEGATIONS: &[&str] = &["dont", "doesnt", "didnt", "never", "not", "no", "wont"];
    let word = |i: usize| sentence.get(i).map_or("", |w| *w);
    // The wish is the phrase's first word, or just before it ("want to").
    let wish_at = [start, start.wrapping_sub(1), start.wrapping_sub(2)]
        .into_iter()
        .filter(|&i| i < sentence.len())
        .find(|&i| WISHES.contains(&word(i)) && (i..start).all(|j| j == i || word(j) == "to"));
    wish_at.is_some_and(|i| i > 0 && NEGATIONS.contains(&word(i - 1)))
}

/// Thoughts the writer denies: "no thoughts of hurting myself", "he's not
/// said anything about hurting himself". A negation within four words
/// before the phrase, with only words of thinking or telling between (at
/// least one: "trying not to hurt myself" is an urge, not a denial). Plans
/// and intentions are left out on purpose: "no plans to kill myself, but I
/// think about it all the time" still deserves the crisis lines.
pub(super) fn denied_thought(sentence: &[&str], start: usize) -> bool {
    const NEGATIONS: &[&str] = &["no", "not", "never", "without", "hasnt", "havent", "isnt"];
    const THINKING: &[&str] = &[
        "thoughts",
        "thought",
        "urge",
        "urges",
        "history",
        "said",
        "says",
        "anything",
        "mentioned",
        "talked",
        "talking",
        "thinking",
        "spoken",
        "sign",
        "signs",
    ];
    const LINKS: &[&str] = &["of", "about", "to"];
    let from = start.saturating_sub(4);
    (from..start).rev().any(|n| {
        let between = &sentence[n + 1..start];
        NEGATIONS.contains(&sentence[n])
            && between.iter().any(|w| THINKING.contains(w))
            && between
                .iter()
                .all(|w| THINKING.contains(w) || LINKS.contains(w))
    })
}

/// A sign listed as absent: "no gasping or stopping", "without wheezing or
/// swelling", and the later item of such a list, "no lip or throat
/// swelling". Only a list counts ("no", then "or"), so a phrase that
/// starts with the negation itself ("no pulse") is untouched.
pub(super) fn denied_in_a_list(sentence: &[&str], start: usize) -> bool {
    let negation = |w: &str| matches!(w, "no" | "without");
    let or = |w: &&str| matches!(*w, "or" | "nor");
    let first =
        start > 0 && negation(sentence[start - 1]) && sentence[start + 1..].iter().take(3).any(or);
    // "no lip or throat swelling": "or" just before, the negation among
    // the three words before "or".
    let later = start >= 3
        && or(&sentence[start - 1])
        && sentence[start.saturating_sub(4)..start - 1]
            .iter()
            .any(|w| negation(w));
    first || later
}

/// A sign told as absent by the word before it: "gagging isn't choking",
/// "she's not unconscious". A phrase that names its own negation ("not
/// breathing") starts with it, so is untouched.
pub(super) fn negated_start(sentence: &[&str], start: usize) -> bool {
    start > 0
        && matches!(
            sentence[start - 1],
            "not" | "never" | "isnt" | "arent" | "wasnt" | "werent" | "aint"
        )
}

/// "holding ice instead of hurting myself", "rather than cutting": a way of
/// coping, not the act.
pub(super) fn instead_of(sentence: &[&str], start: usize) -> bool {
    let word = |i: usize| sentence.get(i).map_or("", |w| *w);
    start >= 2
        && matches!(
            (word(start - 2), word(start - 1)),
            ("instead", "of") | ("rather", "than")
        )
}

/// An accident told as one: "accidentally cut myself sharpening the
/// knives", "cut myself by accident, not on purpose", "slipped with the
/// hedgecutter". The phrase right after "accidentally", or any in a
/// sentence that says "by accident", "not on purpose" or "slipped"; the
/// bleeding or burn still screens on its own. ("Cut his arm on the roofing
/// iron" is an accident too, but "on the" also tells where self-harm
/// happened, and reading it as an accident lost three held-out crises.)
pub(super) fn told_as_accident(sentence: &[&str], start: usize) -> bool {
    let has = |a: &str, b: &str| sentence.windows(2).any(|w| w[0] == a && w[1] == b);
    (start >= 1 && sentence[start - 1] == "accidentally")
        || has("by", "accident")
        || sentence.windows(3).any(|w| w == ["not", "on", "purpose"])
        || sentence
            .iter()
            .any(|w| matches!(*w, "slipped" | "slipping"))
}

#[cfg(test)]
mod tests {
    use super::{
        denied_in_a_list, denied_thought, instead_of, negated_start, negated_wish, told_as_accident,
    };

    #[test]
    fn a_sign_told_as_absent_by_the_word_before() {
        let s = ["gagging", "isnt", "choking", "but", "it", "scares", "me"];
        assert!(negated_start(&s, 2));
        let t = ["hes", "choking"];
        assert!(!negated_start(&t, 1));
    }

    #[test]
    fn an_accident_told_as_one() {
        let s = ["accidentally", "cut", "myself", "sharpening", "knives"];
        assert!(told_as_accident(&s, 1));
        let t = ["cut", "myself", "not", "on", "purpose"];
        assert!(told_as_accident(&t, 0));
        let u = [
            "i",
            "cut",
            "myself",
            "and",
            "accidentally",
            "went",
            "too",
            "deep",
        ];
        assert!(!told_as_accident(&u, 1));
        let v = [
            "slipped",
            "with",
            "the",
            "hedgecutter",
            "huge",
            "cut",
            "on",
            "his",
            "arm",
        ];
        assert!(told_as_accident(&v, 5));
    }

    #[test]
    fn coping_instead_of_the_act() {
        let s = ["holding", "ice", "instead", "of", "hurting", "myself"];
        assert!(instead_of(&s, 4));
        let t = ["i", "keep", "hurting", "myself"];
        assert!(!instead_of(&t, 2));
    }

    #[test]
    fn denied_thoughts_but_not_denied_plans() {
        let s = ["no", "thoughts", "of", "hurting", "myself"];
        assert!(denied_thought(&s, 3));
        let t = [
            "hes", "not", "said", "anything", "about", "hurting", "himself",
        ];
        assert!(denied_thought(&t, 5));
        let t2 = ["hes", "not", "talking", "about", "hurting", "himself"];
        assert!(denied_thought(&t2, 4));
        let u = ["no", "plans", "to", "kill", "myself"];
        assert!(!denied_thought(&u, 3));
        let v = ["never", "stop", "thinking", "about", "hurting", "myself"];
        assert!(!denied_thought(&v, 4));
        let w = ["trying", "not", "to", "hurt", "myself"];
        assert!(!denied_thought(&w, 3));
        let x = [
            "im", "safe", "not", "thinking", "about", "hurting", "myself",
        ];
        assert!(denied_thought(&x, 5));
    }

    #[test]
    fn a_wish_denied_is_not_a_wish() {
        let s = ["i", "have", "no", "wish", "to", "die"];
        assert!(negated_wish(&s, 3));
        let t = ["i", "wish", "to", "die"];
        assert!(!negated_wish(&t, 1));
    }

    #[test]
    fn signs_listed_as_absent() {
        let s = ["no", "gasping", "or", "stopping"];
        assert!(denied_in_a_list(&s, 1));
        let t = ["no", "pulse", "or", "breathing"];
        assert!(!denied_in_a_list(&t, 0));
        let u = ["hes", "gasping", "or", "choking"];
        assert!(!denied_in_a_list(&u, 1));
        let v = ["no", "lip", "or", "throat", "swelling"];
        assert!(denied_in_a_list(&v, 3));
        let w = ["lips", "or", "throat", "swelling"];
        assert!(!denied_in_a_list(&w, 2));
    }
}
