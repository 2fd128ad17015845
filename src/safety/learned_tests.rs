//! Unit tests of [`super::LearnedModel`].

use super::*;

fn tiny() -> LearnedModel {
    LearnedModel::parse(
        "threshold\t0.8\nclasses\tnone\tsuicide\nbias\t1.0\t-1.0\n\
         end it\t1:30.0\nend\t1:1.0\n",
    )
    .expect("parses")
}

#[test]
fn features_are_words_and_pairs() {
    assert_eq!(
        features("end it all"),
        ["all", "end", "end it", "it", "it all"]
    );
}

#[test]
fn alarms_only_when_confident() {
    let m = tiny();
    assert_eq!(
        m.alarm("i just want to end it all tonight honestly"),
        Some("suicide")
    );
    assert_eq!(m.alarm("the end of the film was sad for me"), None);
}

/// Training once kept the word "classes" as a feature; the file it wrote
/// must read back (it did not: the line replaced the class list).
#[test]
fn header_words_are_features_in_the_body() {
    let m = LearnedModel::parse(
        "threshold\t0.8\nclasses\tnone\tsuicide\nbias\t1.0\t-1.0\n\
         classes\t0:0.5\nbias\t1:0.2\nend it\t1:30.0\n",
    )
    .expect("parses");
    assert_eq!(m.classes, ["none", "suicide"]);
    assert_eq!(m.weights["classes"], [(0, 0.5)]);
    let round = LearnedModel::parse(&m.to_text()).expect("round trip");
    assert_eq!(round.classes, m.classes);
}

#[test]
fn short_messages_are_left_to_the_phrases() {
    let m = tiny();
    assert_eq!(m.verdict("i want to end it"), None);
}

/// A message's sentences, hashed once, give the message's own keys.
#[test]
fn sentences_hashed_once_join_to_the_whole_message() {
    let whole = "my chest hurts. it spreads to my arm and jaw! im sweating";
    let parts: Vec<Hashed<'_>> = [
        "my chest hurts",
        " it spreads to my arm and jaw",
        " im sweating",
    ]
    .into_iter()
    .map(Hashed::new)
    .collect();
    let mut joined = Hashed::joined(&parts).keys;
    let mut direct = Hashed::new(whole).keys;
    joined.sort_unstable();
    direct.sort_unstable();
    assert_eq!(joined, direct);
    assert_eq!(Hashed::joined(&parts).words(), 12);
}

/// `verdict` counts the same features as `features` (what training saw).
#[test]
fn verdict_agrees_with_features() {
    let m = tiny();
    for q in [
        "end it end it now end it end it now",
        "the end the end the end the end",
        "end it a b c d e f",
    ] {
        let feats = features(q);
        let x = 1.0 / (feats.len() as f32).sqrt();
        let mut logits = m.bias.clone();
        for f in &feats {
            for &(c, w) in m.weights.get(f.as_str()).into_iter().flatten() {
                logits[usize::from(c)] += w * x;
            }
        }
        let want = softmax_verdict(&logits).expect("two classes");
        assert_eq!(m.verdict(q), Some(want), "{q}");
    }
}

#[test]
fn round_trips_through_text() {
    let m = tiny();
    assert_eq!(LearnedModel::parse(&m.to_text()).expect("parses"), m);
}

/// A compact model scores like the full one and writes its file back.
#[test]
fn a_compact_model_scores_the_same_and_keeps_its_file() {
    let m = tiny();
    let text = m.to_text();
    let compact = LearnedModel::parse_compact(&text).expect("parses");
    assert!(compact.weights.is_empty());
    assert_eq!(compact.to_text(), text);
    for q in [
        "i just want to end it all tonight honestly",
        "the end of the film was sad for me",
    ] {
        assert_eq!(compact.verdict(q), m.verdict(q), "{q}");
    }
}

#[test]
fn bad_files_name_the_line() {
    let err = LearnedModel::parse("threshold\tx\n").expect_err("bad number");
    assert_eq!(err.0, 1);
    let err = LearnedModel::parse("classes\tsuicide\nbias\t0\n").expect_err("no none");
    assert!(err.1.contains("none"), "{}", err.1);
    let text = "threshold\t0.9\nclasses\tnone\tx\nbias\t0\t0\nw\t7:1\n";
    assert_eq!(LearnedModel::parse(text).expect_err("class").0, 4);
}
