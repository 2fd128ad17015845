//! Unit tests of [`super::LearnedModel`].

use super::features::{GRAM_MARK, GRAM_OFFSET, distinct};
use super::*;

fn tiny() -> LearnedModel {
    LearnedModel::parse(
        "threshold\t0.8\nclasses\tnone\tsuicide\nbias\t1.0\t-1.0\n\
         end it\t1:30.0\nend\t1:1.0\n",
    )
    .expect("parses")
}

#[test]
fn features_are_words_pairs_and_grams() {
    assert_eq!(
        features("end it all"),
        ["all", "end", "end it", "it", "it all"]
    );
    let grams: Vec<String> = features("breathing")
        .into_iter()
        .filter(|f| f.starts_with('~'))
        .collect();
    assert_eq!(
        grams,
        [
            "~<brea", "~athin", "~breat", "~eathi", "~hing>", "~reath", "~thing"
        ]
    );
    // Numbers and short words have none.
    assert_eq!(features("999 ok"), ["999", "999 ok", "ok"]);
}

#[test]
fn the_gram_mark_hash_is_fnv_of_the_mark() {
    assert_eq!(
        GRAM_OFFSET,
        crate::fnv::hash(GRAM_MARK.to_string().as_bytes())
    );
}

/// A gram seen in training scores a spelling it never saw.
#[test]
fn grams_score_in_verdict_as_in_training() {
    let m = LearnedModel::parse(
        "threshold\t0.8\nclasses\tnone\tbreathing\nbias\t1.0\t-1.0\n\
         ~breat\t1:40.0\n",
    )
    .expect("parses");
    let q = "my dad is breathin really weird and fast right now";
    assert_eq!(m.alarm(q), Some("breathing"));
    let feats = features(q);
    let x = 1.0 / (feats.len() as f32).sqrt();
    let logits = [1.0, -1.0 + 40.0 * x];
    assert_eq!(m.verdict(q), softmax_verdict(&logits));
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

/// The verdict from the feature tree and [`features`], summed by hand.
fn by_hand(m: &LearnedModel, q: &str) -> Option<Verdict> {
    let feats = features(q);
    let x = 1.0 / (feats.len() as f32).sqrt();
    let mut logits = m.bias.clone();
    for f in &feats {
        for &(c, w) in m.weights.get(f.as_str()).into_iter().flatten() {
            logits[usize::from(c)] += w * x;
        }
    }
    softmax_verdict(&logits)
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
        let want = by_hand(&m, q);
        assert!(want.is_some(), "{q}");
        assert_eq!(m.verdict(q), want, "{q}");
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

#[test]
fn distinct_keeps_each_key_once() {
    let mut keys = vec![5, 0, 7, 5, 0, 9, 7, 7, u64::MAX, u64::MAX];
    distinct(&mut keys);
    keys.sort_unstable();
    assert_eq!(keys, [0, 5, 7, 9, u64::MAX]);
    let mut many: Vec<u64> = (0..1000).chain(0..1000).map(|k| k * 0x1_0000).collect();
    distinct(&mut many);
    assert_eq!(many.len(), 1000);
}

/// A feature with one class weight is kept in its look-up slot, one with
/// more in the shared list; both score the same as the feature tree.
#[test]
fn one_and_many_weight_features_score_alike() {
    let m = LearnedModel::parse(
        "threshold\t0.8\nclasses\tnone\ta\tb\nbias\t1.0\t-1.0\t-1.0\n\
         fire\t1:2.5\nsmoke\t0:-0.5\t1:1.25\t2:0.75\n",
    )
    .expect("parses");
    let q = "there is smoke and fire in the hall right now";
    assert_eq!(m.verdict(q), by_hand(&m, q));
    let compact = LearnedModel::parse_compact(&m.to_text()).expect("parses");
    assert_eq!(compact.verdict(q), m.verdict(q));
}
