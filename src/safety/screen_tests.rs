//! Sentence splitting, canonical forms and phrase pairs.

use super::{Screener, Trigger};
use crate::safety::rules::{Category, SafetyRules};
use crate::safety::sentences::{sentence_words, sentences};

/// A screener of one category and nothing else.
fn screener(category: Category) -> Screener {
    let rules = SafetyRules {
        categories: vec![category],
        regions: Vec::new(),
        readings: Vec::new(),
        model: None,
    };
    Screener::new(&rules, None)
}

/// One category whose only trigger is the pair `pair`.
fn pair_screener(pair: &str) -> Screener {
    screener(Category {
        unless: vec!["if".into()],
        together: vec![pair.into()],
        ..Category::bare("head-injury")
    })
}

#[test]
fn a_pair_fires_when_both_halves_are_found_in_any_sentences() {
    let s = pair_screener("hit|banged .. head + sick|vomited");
    let found = |m: &str| s.screen(m).is_some();
    assert!(found(
        "my son hit his head on the slide. now hes been sick twice"
    ));
    assert!(found("been sick twice since he banged his head"));
    assert!(!found("my son hit his head on the slide, he seems fine"));
    assert!(!found("my son has been sick all day"));
    // Each half obeys its own sentence's context: `unless` cancels it,
    // but not in a general question that the message goes on from.
    assert!(!found("my son hit his head. what if hes sick later"));
    assert!(found("what if a kid hit his head? hes been sick twice"));
    assert_eq!(
        s.explain("he hit his head. hes sick now"),
        [(0, Trigger::Pair(0))]
    );
    // One half may be in a sentence that is not about now (past, or a
    // general question), when the other is about now; never both.
    assert!(found("he hit his head last week. now hes been sick twice"));
    assert!(!found(
        "he hit his head last year. he was sick last year too"
    ));
}

#[test]
fn scots_negatives_read_as_english() {
    let got: Vec<String> = sentence_words("bairn cannae breathe, he isnae waking")
        .into_iter()
        .map(|w| w.into_owned())
        .collect();
    assert_eq!(got, ["bairn", "cant", "breathe", "he", "isnt", "waking"]);
}

#[test]
fn decimals_do_not_end_a_sentence() {
    let got: Vec<&str> = sentences("bgl 1.9 cant think. help! 2. ok").collect();
    assert_eq!(got, ["bgl 1.9 cant think", " help", " 2", " ok"]);
}

#[test]
fn unless_words_never_match_with_a_typo() {
    let s = screener(Category {
        phrases: vec!["choking".into()],
        unless: vec!["hazard".into(), "fade".into()],
        ..Category::bare("choking")
    });
    let found = |m: &str| s.screen(m).is_some();
    assert!(!found("is this toy a choking hazard"));
    // A long word's plural still cancels, as written.
    assert!(!found("toys that are choking hazards"));
    // A word one letter away is another word here, not a typo.
    assert!(found("he is choking, hazrd a guess what to do"));
    // Short words take no plural: "fades" is not `fade`.
    assert!(found("she is choking and it fades in and out"));
}

/// A crisis asked as a general question ("what happens if…") counts, and
/// its question wording no longer cancels it, once another sentence says
/// it is real and happening now; not otherwise.
#[test]
fn a_general_question_counts_when_the_message_says_it_is_real() {
    let s = screener(Category {
        phrases: vec!["toddler .. chews|chewed .. tablet".into()],
        unless: vec!["what happens".into()],
        ..Category::bare("overdose")
    });
    let found = |m: &str| s.screen(m).is_some();
    let question = "what happens if a toddler chews a dishwasher tablet?";
    assert!(found(&format!("{question} asking because mine just did")));
    assert!(found(&format!("{question} its happening right now")));
    assert!(found(&format!("{question} jk its my son")));
    assert!(!found(question));
    assert!(!found(&format!(
        "{question} asking because we have a new puppy"
    )));
    assert!(!found(&format!("{question} its happening every week now")));
}

/// Domestic abuse or assault of a child raises child abuse too, so the
/// block carries the child line; an adult's stays as it was.
#[test]
fn abuse_of_a_child_is_child_abuse_too() {
    let rules = SafetyRules {
        categories: vec![
            Category {
                phrases: vec!["boyfriend .. choked me".into()],
                ..Category::bare("domestic-abuse")
            },
            Category::bare("child-abuse"),
            Category::bare("sexual-assault"),
        ],
        regions: Vec::new(),
        readings: Vec::new(),
        model: None,
    };
    let s = Screener::new(&rules, None);
    let found = |m: &str| s.screen(m).map(|s| s.categories);
    assert_eq!(
        found("15 and my mums boyfriend just choked me"),
        Some(vec![0, 1])
    );
    assert_eq!(found("my boyfriend just choked me"), Some(vec![0]));
}

#[test]
fn a_topic_fires_only_while_a_clock_runs_or_help_is_on_the_line() {
    let s = screener(Category {
        unless: vec!["whats".into()],
        topics: vec!["cpr".into()],
        ..Category::bare("cardiac-arrest")
    });
    let found = |m: &str| s.screen(m).is_some();
    assert!(found(
        "whats the cpr speed again? the 000 lady keeps telling me faster"
    ));
    assert!(found("9 minutes in. whats the cpr rate"));
    assert_eq!(
        s.explain("whats the cpr speed? 911's on speaker"),
        [(0, Trigger::Topic(0))]
    );
    assert!(!found(
        "whats the cpr speed again? learning it for my course"
    ));
    assert!(!found("whats the cpr speed? i am on apixaban now"));
    // A story ran the clock once: not now.
    assert!(!found(
        "when his heart stopped last spring i did cpr with the 911 dispatcher counting"
    ));
}

#[test]
fn a_spaced_slash_ends_a_sentence_but_not_a_reading() {
    let count = |m: &str| sentences(m).count();
    assert_eq!(count("tw sh / i did it again"), 2);
    assert_eq!(count("did s/h again, 24/7 thoughts"), 1);
    assert_eq!(count("just did mine: 186 / 98"), 1);
}

/// Bleeding, then self-harm, with a learned model that is sure of self-harm
/// (or of `lead`, a category more urgent than any phrase found).
fn with_model(lead: &str) -> Screener {
    let rules = SafetyRules {
        categories: vec![
            Category::bare("cardiac-arrest"),
            Category {
                phrases: vec!["bleeding".into()],
                ..Category::bare("bleeding")
            },
            Category::bare("self-harm"),
        ],
        regions: Vec::new(),
        readings: Vec::new(),
        model: None,
    };
    let model = crate::safety::learned::LearnedModel::parse(&format!(
        "threshold\t0.8\nclasses\tnone\t{lead}\nbias\t1.0\t-1.0\npurpose\t1:40.0\n"
    ))
    .expect("parses");
    Screener::new(&rules, Some(model))
}

#[test]
fn the_learned_model_adds_a_less_urgent_category_to_a_phrase_match() {
    let m = "my arm is bleeding again and i did it on purpose tonight";
    let s = with_model("self-harm");
    assert_eq!(s.screen(m).map(|s| s.categories), Some(vec![1, 2]));
    assert_eq!(
        s.explain(m),
        [(1, Trigger::Phrase(0)), (2, Trigger::Learned)]
    );
    // Never a new lead: what to do first stays with the phrases.
    let s = with_model("cardiac-arrest");
    assert_eq!(s.screen(m).map(|s| s.categories), Some(vec![1]));
    // Not sure enough: nothing added.
    let s = with_model("self-harm");
    let calm = "my arm is bleeding again after the gardening this afternoon";
    assert_eq!(s.screen(calm).map(|s| s.categories), Some(vec![1]));
}
