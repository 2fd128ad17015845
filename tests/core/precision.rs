//! What a patient sees first (issue "answer precision"): the condition the
//! question is about leads, its main page first, nothing embarrassing.

use signpost::engine::AskOptions;
use signpost::eval::evaluate;

use super::support::{engine, eval_set, uk};

fn titles(question: &str, opts: &AskOptions) -> Vec<String> {
    engine()
        .answer(question, opts)
        .results
        .into_iter()
        .map(|r| r.title)
        .collect()
}

fn first_condition(question: &str) -> Option<String> {
    let reply = engine().answer(question, &uk());
    reply.results.first().map(|r| r.conditions[0].clone())
}

/// Floors a little below the figures in docs/QUALITY.md (2026-12-01,
/// "Answer precision"): the share of shown links on the question's
/// condition, first link off-topic, first link the condition's main page.
#[test]
fn what_a_patient_sees_first() {
    for (name, on_topic, off_first, main_first) in [
        // Main page first 84.2 % and 79.8 % since general pages give way to
        // the main page (2026-12-02, "Fourteenth session").
        ("patient-questions.tsv", 0.80, 0.07, 0.83),
        ("holdout-questions.tsv", 0.75, 0.10, 0.78),
    ] {
        let r = evaluate(engine(), &eval_set(name, true), &uk());
        let o = &r.overall;
        assert!(
            o.precision >= on_topic,
            "{name}: on topic {:.3}",
            o.precision
        );
        assert!(
            o.off_topic_first <= off_first,
            "{name}: off-topic first {:.3}",
            o.off_topic_first
        );
        assert!(
            o.main_first >= main_first,
            "{name}: main first {:.3}",
            o.main_first
        );
    }
}

#[test]
fn a_named_condition_leads_a_symptom() {
    assert_eq!(
        first_condition(
            "back pain for months, blood tests showed high calcium and now they say myeloma"
        )
        .as_deref(),
        Some("myeloma")
    );
}

#[test]
fn a_described_condition_is_found() {
    assert_eq!(
        first_condition("my toddler has a cough like a seal barking at night").as_deref(),
        Some("croup")
    );
}

#[test]
fn pages_for_the_other_sex_give_way() {
    let got = titles(
        "my mum is 84 and was just diagnosed with breast cancer, what happens next",
        &uk(),
    );
    assert!(!got[0].contains("in men"), "{got:?}");
}

#[test]
fn abbreviations_in_capitals_only() {
    let got = titles("I have AIDS, how do I tell my coworkers", &uk());
    assert!(got[0].contains("HIV"), "{got:?}");
    assert!(!got.iter().any(|t| t.contains("Hearing")), "{got:?}");
    let aids = titles("my hearing aids keep whistling", &uk());
    assert!(!aids.iter().any(|t| t.contains("HIV")), "{aids:?}");
    assert_eq!(first_condition("my feet are cold all the time"), None);
}

/// "the pill" is the contraceptive pill, "the pills" any pills; "many"
/// is an everyday word, never a typo of "mini" ("mini pill"), while "bowl"
/// still reads as "bowel" before "cancer".
#[test]
fn everyday_words_are_not_contraception() {
    for q in [
        "the pills are in front of me and I keep looking at them",
        "my friend took many pills at the party, what happens next",
    ] {
        let got = titles(q, &uk());
        assert!(
            !got.iter().any(|t| t.contains("ontracepti")),
            "{q}: {got:?}"
        );
    }
    assert_eq!(
        first_condition("I'm on the pill and missed one yesterday").as_deref(),
        Some("contraception")
    );
    assert_eq!(
        first_condition("bowl cancer at 29?? my friend was just diagnosed").as_deref(),
        Some("bowel cancer")
    );
}

/// "PsA" (psoriatic arthritis) is not "PSA" (the prostate test), and "bp"
/// or "b/p" in lower case is blood pressure, not Hepatitis B.
#[test]
fn mixed_case_and_lower_case_shorthand() {
    let psa = titles("my PsA is flaring in my fingers, what helps", &uk());
    assert!(psa[0].contains("Psoriatic"), "{psa:?}");
    let prostate = titles("my PSA came back at 6, should I worry", &uk());
    assert!(prostate[0].contains("Prostate"), "{prostate:?}");
    for q in [
        "my bp is 150/95 on ramipril",
        "my b/p is 150/95 on ramipril",
    ] {
        let got = titles(q, &uk());
        assert!(got[0].contains("blood pressure"), "{q}: {got:?}");
        assert!(!got.iter().any(|t| t.contains("Hepatitis")), "{q}: {got:?}");
    }
}

/// "ED" is an emergency department in Australia, New Zealand and Canada:
/// never Ehlers-Danlos (alias "EDS") or anything else on its own.
#[test]
fn an_abbreviation_matches_letter_for_letter() {
    let au = AskOptions {
        region: "au".into(),
        ..uk()
    };
    let ed = titles(
        "spent 5 hours in ED yesterday and got sent home, what should I ask my GP",
        &au,
    );
    assert!(!ed.iter().any(|t| t.contains("Ehlers")), "{ed:?}");
    let eds = titles("my EDS is flaring, joints subluxing all week", &au);
    assert!(eds.iter().any(|t| t.contains("Ehlers")), "{eds:?}");
}

#[test]
fn a_condition_named_as_written_leads_a_spelling_correction() {
    // "colonscopy" is one letter from "colposcopy" (cervical screening).
    assert_eq!(
        first_condition("colonscopy found diverticulosis, should I avoid nuts and seeds?")
            .as_deref(),
        Some("diverticular disease")
    );
}

#[test]
fn a_contraction_is_not_an_abbreviation() {
    // "he'd" once matched the alias "heds" (hypermobile Ehlers-Danlos).
    let first = first_condition("he'd had a cough for a week, is that a chest infection");
    assert_ne!(first.as_deref(), Some("ehlers-danlos syndromes"));
}

#[test]
fn a_denied_condition_gives_way() {
    // "wasn't a stroke": the question is about what it was instead.
    let first = first_condition("A&E said it wasn't a stroke, is it Bell's palsy?");
    assert_eq!(first.as_deref(), Some("bell's palsy"));
    let shown = titles("A&E said it wasn't a stroke, is it Bell's palsy?", &uk());
    assert!(!shown.iter().any(|t| t.contains("Stroke")), "{shown:?}");
    // Never having had it is not a denial: the worry is chickenpox.
    let shown = titles(
        "I'm pregnant and never had chickenpox, my niece has it, what should I do?",
        &uk(),
    );
    assert!(shown.iter().any(|t| t.contains("hickenpox")), "{shown:?}");
}

#[test]
fn another_form_of_a_known_word_is_not_corrected() {
    // "bubs" (a sign's "bub") was once "corrected" into another word.
    let au = AskOptions {
        region: "au".into(),
        ..uk()
    };
    let reply = engine().answer("bubs bottom is so red and raw, what cream helps", &au);
    let first = reply.results.first().map(|r| r.conditions[0].as_str());
    assert_eq!(first, Some("nappy rash"));
}

#[test]
fn a_medicine_the_patient_is_on_is_background() {
    // Sertraline names depression; the question is about the heels.
    let first = first_condition(
        "My heels are agony first thing in the morning, the first few steps out of bed are the worst. I'm on sertraline. What helps?",
    );
    assert_eq!(first.as_deref(), Some("plantar fasciitis"));
}
