//! Crisis screening: the examples, typo and slang variants, and
//! tricky informational negatives.

use super::support::{engine, uk, us};

fn fires(q: &str) -> Option<String> {
    engine().answer(q, &uk()).emergency.map(|e| e.category)
}

#[test]
fn catches_explicit_crisis_wording() {
    for q in [
        "I feel suicidal",
        "thinking of ending it all",
        "kms",
        "took too many pills",
        "his face is drooping",
        "can't breathe and lips going blue",
        "i want to kill myself",
        "I've been feeling sucidal for weeks",
        "I   want to K1LL myself",
        "everyone would be better off without me",
    ] {
        assert!(fires(q).is_some(), "should screen as a crisis: {q:?}");
    }
}

#[test]
fn does_not_fire_on_informational_questions() {
    for q in [
        "keystroke counting app for RSI",
        "what are the risk factors for a heart attack",
        "my migraines are killing me",
        "how is a stroke diagnosed?",
        "my dad had a heart attack last year, what diet helps recovery",
    ] {
        assert_eq!(fires(q), None, "should not screen as a crisis: {q:?}");
    }
}

#[test]
fn emergency_block_comes_first_with_the_region_contacts() {
    let reply = engine().answer("I feel suicidal and I have type 2 diabetes", &uk());
    let e = reply.emergency.expect("emergency block");
    assert_eq!(e.category, "suicide");
    assert!(e.contacts.iter().any(|c| c.number == "999"));
    assert!(e.contacts.iter().any(|c| c.number == "116 123"));
    let json = signpost::reply::render_json(&engine().answer("I feel suicidal", &us()));
    assert!(
        json.starts_with("{\"emergency\":{"),
        "emergency is the first field: {json}"
    );
    assert!(json.contains("\"988\""));
    let text = signpost::reply::render_text(&engine().answer("his face is drooping", &us()));
    assert!(text.starts_with("!! URGENT HELP (US) !!"), "{text}");
    assert!(text.contains("911"));
}

#[test]
fn unknown_region_falls_back_to_global_contacts() {
    let opts = signpost::engine::AskOptions {
        region: "xx".into(),
        k: 3,
    };
    let e = engine().answer("I feel suicidal", &opts).emergency.unwrap();
    assert_eq!(e.region, "global");
}

#[test]
fn crisis_at_the_end_of_a_very_long_message_is_still_caught() {
    let filler = "I have had a long week at work and the kids have been off school. ".repeat(120);
    assert!(filler.len() > 7_000);
    let q = format!("{filler} Honestly I just want to kill myself.");
    assert_eq!(fires(&q).as_deref(), Some("suicide"));
}

#[test]
fn general_questions_study_and_the_past_do_not_fire() {
    for q in [
        "can sertraline cause suicidal thoughts in teenagers? the leaflet mentions it",
        "how do hospitals treat a paracetamol overdose?",
        "why do people say unalive instead of the real word?",
        "researching self-harm in teenagers for my dissertation",
        "I used to think about suicide a lot. It does get better.",
        "my son is cooking dinner tonight for the first time",
    ] {
        assert_eq!(fires(q), None, "should not screen as a crisis: {q:?}");
    }
}

#[test]
fn a_crisis_now_fires_whatever_the_framing() {
    for q in [
        "how do i kill myself",
        "how many paracetamol would it take to die",
        "is it normal to want to die every day",
        "why do people say unalive? i want to unalive myself tonight",
        "when i was 17 i tried to kill myself and tonight i feel the same",
        "can someone help my dad collapsed and isnt breathing",
        "im about to cut",
        "sitting on the bridge right now",
        "chest feels like someone is sitting on it, sweating and grey",
        "35 weeks and severe pain under my ribs, blurry vision and im being sick",
    ] {
        assert!(fires(q).is_some(), "should screen as a crisis: {q:?}");
    }
}
