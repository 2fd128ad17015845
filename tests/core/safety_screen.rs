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
        ..super::support::pinned()
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

fn in_region(q: &str, region: &str) -> signpost::reply::Reply {
    let opts = signpost::engine::AskOptions {
        region: region.into(),
        k: 3,
        ..super::support::pinned()
    };
    engine().answer(q, &opts)
}

#[test]
fn each_region_leads_with_its_own_emergency_number() {
    for (region, number) in [
        ("uk", "999"),
        ("ie", "112 or 999"),
        ("us", "911"),
        ("ca", "9-1-1"),
        ("au", "000"),
        ("nz", "111"),
        ("global", "112 in the EU"),
    ] {
        let e = in_region("my dad collapsed and isnt breathing", region)
            .emergency
            .expect("emergency block");
        assert_eq!(e.category, "cardiac-arrest", "{region}");
        assert_eq!(e.contacts[0].number, number, "{region}");
        assert_eq!(
            e.contacts.len(),
            1,
            "life-threatening: the emergency number only"
        );
        assert!(e.message.contains("CPR"), "{}", e.message);
    }
}

#[test]
fn an_emergency_shows_only_pages_about_a_condition_it_names() {
    // "collapsed" once matched Flat feet through the alias "collapsed arches".
    let r = in_region("my dad collapsed and isnt breathing", "au");
    assert!(r.emergency.is_some());
    assert!(r.results.is_empty(), "{:?}", r.results);
    let r = in_region(
        "my son is having an asthma attack and his inhaler isnt working",
        "uk",
    );
    assert!(r.emergency.is_some());
    assert!(r.detected.iter().any(|c| c == "asthma"), "{:?}", r.detected);
    assert!(!r.results.is_empty());
}

#[test]
fn specialist_lines_follow_the_emergency_number() {
    let poison = in_region("my 2 year old swallowed a button battery", "us")
        .emergency
        .unwrap();
    assert_eq!(poison.category, "overdose");
    let numbers: Vec<&str> = poison.contacts.iter().map(|c| c.number.as_str()).collect();
    assert_eq!(numbers[..2], ["911", "1-800-222-1222"]);
    // No public poison line in the UK: NHS 111 (urgent advice) instead.
    let uk = in_region("my toddler drank bleach", "uk")
        .emergency
        .unwrap();
    assert!(uk.contacts.iter().any(|c| c.number == "111"));
    let abuse = in_region("he hit me again last night and im scared to go home", "au")
        .emergency
        .unwrap();
    assert_eq!(abuse.category, "domestic-abuse");
    assert!(abuse.contacts.iter().any(|c| c.number == "1800 737 732"));
}

#[test]
fn several_matches_lead_with_the_most_urgent_and_merge_contacts() {
    let e = in_region(
        "took 30 pills and i want to die, now hes not breathing",
        "uk",
    )
    .emergency
    .unwrap();
    assert_eq!(e.category, "cardiac-arrest");
    let also: Vec<&str> = e.also.iter().map(|a| a.category.as_str()).collect();
    assert!(
        also.contains(&"suicide") && also.contains(&"overdose"),
        "{also:?}"
    );
    assert_eq!(e.contacts[0].number, "999");
    let mut seen = std::collections::HashSet::new();
    assert!(
        e.contacts.iter().all(|c| seen.insert((&c.name, &c.number))),
        "no repeats"
    );
    assert!(e.contacts.len() <= signpost::safety::MAX_BLOCK_CONTACTS);
}

#[test]
fn every_answer_ends_with_the_safety_net() {
    for q in [
        "asthma inhaler technique",
        "qwertyuiop",
        "I feel suicidal",
        "",
    ] {
        let r = in_region(q, "nz");
        assert_eq!(
            r.urgent.text,
            "In an emergency call 111. To talk now: Need to talk? (call or text) 1737."
        );
        let json = signpost::reply::render_json(&r);
        assert!(json.contains("\"urgent\":{\"text\""), "{json}");
        assert!(
            signpost::reply::render_text(&r)
                .trim_end()
                .ends_with("1737.")
        );
    }
}

#[test]
fn ongoing_events_children_negation_and_idioms() {
    for (q, want) in [
        ("he has been fitting for 10 minutes", Some("seizure")),
        ("my 2 year old ate a dishwasher tablet", Some("overdose")),
        ("I don't want to be here anymore", Some("suicide")),
        (
            "passed out after a sugar crash, hes type 1",
            Some("hypoglycaemia"),
        ),
        (
            "I was raped years ago and it still haunts me",
            Some("sexual-assault"),
        ),
        ("my feet are killing me", None),
        ("I could murder a cup of tea", None),
        ("dying for a coffee", None),
        ("I nearly choked on my words", None),
        (
            "I don't want to hurt myself, what is the safe maximum dose of paracetamol",
            None,
        ),
        (
            "I don't want to hurt myself but I can't stop cutting",
            Some("self-harm"),
        ),
        ("do compression stockings help varicose veins", None),
        ("he snores and then stops breathing for a few seconds", None),
        ("my heart nearly stopped when i saw the bill lol", None),
        // A denied thought is not a crisis; an urge held back is.
        (
            "Haven't felt like doing anything for weeks. No thoughts of hurting myself, I'm just fed up.",
            None,
        ),
        ("I'm trying not to hurt myself tonight", Some("self-harm")),
    ] {
        assert_eq!(fires(q).as_deref(), want, "{q:?}");
    }
}

/// The learned second signal catches wording no phrase covers, names a
/// category (so the region's right number leads) and never adds an alarm to
/// an ordinary question.
#[test]
fn learned_signal_adds_alarms_phrases_miss() {
    let e = engine();
    for (q, want) in [
        (
            "please help my mother is not breath and heart is not beat i think",
            "cardiac-arrest",
        ),
        (
            "my dad is eating dinner and suddenly he cannot make any sound at all and is going red",
            "choking",
        ),
    ] {
        let why = e.explain_safety(q);
        assert_eq!(why, [format!("{want}: learned model")], "{q:?}");
        assert_eq!(fires(q).as_deref(), Some(want), "{q:?}");
    }
    for q in [
        "what are the early signs of type 2 diabetes",
        "how long does it take to recover from a hip replacement",
    ] {
        assert!(e.explain_safety(q).is_empty(), "{q:?}");
    }
}

#[test]
fn emergency_text_carries_its_source_and_no_doses() {
    let cat = &engine().catalog().safety;
    assert!(cat.categories.len() >= 22);
    for c in &cat.categories {
        assert!(c.source.starts_with("https://"), "{}", c.id);
        assert!(c.steps.len() <= 3, "{}", c.id);
        for t in std::iter::once(&c.message).chain(&c.steps) {
            assert_eq!(signpost::safety::find_dose(t), None, "{}: {t}", c.id);
        }
    }
}

/// Everyday first-person wording, short and long: the learned signal once
/// read "I think I have …" as suicidal. Short messages are left to the
/// phrases, and the model is trained on framed condition questions.
#[test]
fn everyday_first_person_wording_stays_quiet() {
    for q in [
        "I think I have hay fever",
        "i think my daughter has chickenpox",
        "pretty sure I've got a chest infection again",
        "I want to stop smoking",
        "i can't stop sneezing",
        "im so tired all the time",
        "I think I have eczema on my hands, it keeps cracking and itching at night",
        "my GP thinks I have IBS, what should I eat and what should I avoid",
        "i reckon my son has glue ear because he keeps saying what all the time",
    ] {
        assert_eq!(fires(q), None, "{q:?}");
    }
}

/// `ask --why` on a quiet message says how each sentence was read and what
/// it held back, so a clinician can see why a crisis was missed.
#[test]
fn a_quiet_message_explains_each_sentence() {
    let e = engine();
    let q = "how do you do cpr on an adult? asking for my first aid course";
    assert!(e.explain_safety(q).is_empty());
    let lines = e.explain_quiet(q);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].starts_with("sentence 1 general"), "{lines:?}");
    assert!(lines[0].contains("cardiac-arrest: phrase"), "{lines:?}");
    // A topic held back for want of a clock is named too.
    assert!(
        lines[0].contains("cardiac-arrest: topic \"cpr\""),
        "{lines:?}"
    );
    // A learned guess that gave way to a reading judged safe says so.
    // (Which messages the learned model guesses on changes with its
    // weights; this one is guessed by those trained on 2026-12-04.)
    let safe =
        "type 1 here, my sugar is 5.8 but i feel shaky and sweaty and a bit confused after the gym";
    assert!(e.explain_safety(safe).is_empty());
    let quiet = e.explain_quiet(safe).join("; ");
    assert!(quiet.contains("given way to a reading"), "{quiet}");
    // A present scene elsewhere makes the same question live.
    let live =
        "what's the proper way to do back blows on a toddler? grape. he's gone red and silent";
    assert_eq!(fires(live).as_deref(), Some("choking"));
}
