//! The compiled matcher agrees with the plain one.

use super::*;
use crate::safety::pattern::normalize_word;

/// The compiled matcher agrees with the plain one on these phrases.
fn same(phrase: &str, sentence: &str) -> bool {
    let p = Pattern::parse(phrase).unwrap();
    let mut vocab = Vocab::default();
    let c = vocab.compile(&p);
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| normalize_word(w).into_owned())
        .collect();
    let view: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut t = Tokens::default();
    vocab.tokens(&view, &mut t);
    let compiled = c.matches_anywhere(&t);
    let plain = (0..words.len()).any(|i| p.matches_at(&words, i));
    assert_eq!(compiled, plain, "{phrase:?} on {sentence:?}");
    compiled
}

#[test]
fn agrees_with_the_plain_matcher() {
    assert!(same("kill myself", "i want to k1llll myself"));
    assert!(same("suicid*", "feeling suicidal"));
    assert!(same("suicidal", "im sucidal"));
    assert!(same("overdos*", "ovredosed"));
    assert!(same("choking", "chocking"));
    assert!(!same("choking", "cooking"));
    assert!(same("took|swallowed .. pills", "took all my pills"));
    assert!(!same(
        "took|swallowed .. pills",
        "took the dog out and forgot my pills"
    ));
    assert!(same("face _ droop*", "face is drooping"));
    assert!(same("chest ... sweating", "chest a b c d e f g h sweating"));
    assert!(!same(
        "chest ... sweating",
        "chest a b c d e f g h i sweating"
    ));
    assert!(same("unconscious", "unconcious"));
    assert!(same("unconscious", "unconsciuos"));
    assert!(same("a*", "apple"));
    // A short person word's 's form (apostrophe dropped), but not a pronoun's.
    assert!(same("hubby .. hitting me", "hubbys been hitting me"));
    assert!(!same("he .. hitting me", "hes never hitting me"));
}

#[test]
fn agrees_on_random_words() {
    use proptest::prelude::*;
    let words = prop::collection::vec("[a-e]{1,8}", 1..8);
    let phrases = prop::collection::vec("[a-e]{1,7}\\*?", 1..4);
    proptest!(|(ws in words, ps in phrases)| {
        let phrase = ps.join(" .. ");
        same(&phrase, &ws.join(" "));
    });
}

/// Does `phrase` match `sentence` somewhere with no gap ending on a
/// negation of the next word?
fn affirmed(phrase: &str, sentence: &str) -> bool {
    let p = Pattern::parse(phrase).unwrap();
    let mut vocab = Vocab::default();
    let c = vocab.compile(&p);
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut t = Tokens::default();
    vocab.tokens(&words, &mut t);
    (0..words.len()).any(|i| c.affirmed_at(&t, i))
}

#[test]
fn a_gap_never_ends_on_a_negation() {
    assert!(!affirmed("im .. suicidal", "im not suicidal"));
    assert!(!affirmed("im .. suicidal", "im not really suicidal"));
    assert!(affirmed("im .. suicidal", "im so suicidal"));
    // Another clause's negation, or one the phrase names, still matches.
    assert!(affirmed("cluster .. this", "cluster isnt stopping this"));
    assert!(affirmed("not .. breathing", "not really breathing"));
    assert!(affirmed("she .. stop", "she cant stop"));
}
