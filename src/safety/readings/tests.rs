//! Rules over readings, on a small rule set written here.

use super::*;
use crate::safety::rules::Category;

fn category(id: &str) -> Category {
    Category::bare(id)
}

fn rule(id: &str, measure: &str, category: &str) -> ReadingRule {
    ReadingRule {
        id: id.into(),
        measure: measure.into(),
        category: category.into(),
        ..Default::default()
    }
}

fn readings() -> Readings {
    let rules = SafetyRules {
        categories: ["hypo", "bp-emergency", "baby", "oxygen", "bp-urgent"]
            .map(category)
            .to_vec(),
        regions: Vec::new(),
        readings: vec![
            ReadingRule {
                below: Some(4.0),
                symptoms: vec!["shaky|shaking|confused|sweaty".into()],
                ..rule("glucose-low", "glucose", "hypo")
            },
            ReadingRule {
                at_least: Some(180.0),
                diastolic_at_least: Some(120.0),
                symptoms: vec!["chest pain".into(), "numb|numbness".into()],
                ..rule("bp-symptoms", "blood-pressure", "bp-emergency")
            },
            ReadingRule {
                at_least: Some(180.0),
                diastolic_at_least: Some(120.0),
                ..rule("bp-high", "blood-pressure", "bp-urgent")
            },
            ReadingRule {
                at_least: Some(38.0),
                age_under_months: Some(3.0),
                without: vec!["jab|jabs .. morning|today|yesterday".into()],
                ..rule("baby-fever", "temperature", "baby")
            },
            ReadingRule {
                at_most: Some(92.0),
                without: vec!["usual|normal|baseline".into()],
                ..rule("oxygen-low", "oxygen", "oxygen")
            },
        ],
        model: None,
    };
    Readings::new(&rules)
}

fn raised(message: &str, region: Option<&str>) -> Vec<&'static str> {
    const IDS: [&str; 5] = ["hypo", "bp-emergency", "baby", "oxygen", "bp-urgent"];
    let r = readings();
    let cleaned = crate::text::clean(message);
    r.hits(&cleaned, region).iter().map(|h| IDS[h.0]).collect()
}

#[test]
fn dangerous_readings_raise_their_category() {
    let us = Some("us");
    assert_eq!(raised("my sugar level is 45 and I'm shaky", us), ["hypo"]);
    assert_eq!(raised("bg 2.9, shaking and sweaty", Some("uk")), ["hypo"]);
    // A bare value read up to a comma.
    assert_eq!(
        raised("my 6 week old is 38.4, teething", Some("uk")),
        ["baby"]
    );
    assert_eq!(raised("his sugar is 30 and hes confused", us), ["hypo"]);
    assert_eq!(
        raised("BP 210/125 and chest pain", Some("uk")),
        ["bp-emergency"]
    );
    assert_eq!(
        raised("my blood pressure is 210/125 and I have a headache", us),
        ["bp-urgent"]
    );
    assert_eq!(raised("bp 170/122", us), ["bp-urgent"]);
    assert_eq!(
        raised("my 6 week old has a temp of 38.4", Some("uk")),
        ["baby"]
    );
    assert_eq!(raised("newborn is 100.8F", us), ["baby"]);
    assert_eq!(raised("sats 89%", Some("uk")), ["oxygen"]);
}

#[test]
fn ordinary_readings_raise_nothing() {
    for (m, region) in [
        ("my sugar is 3.8 this morning", "uk"),
        ("his sugar was 30 today", "uk"),
        ("bp 150/95 is that bad", "uk"),
        ("my bp is 179/110", "us"),
        ("my 2 year old has a temp of 39.5", "uk"),
        ("my 5 month old is 38.1", "uk"),
        ("what should a 3 week olds temperature be? 37.5?", "uk"),
        ("sats 90 which is my usual with copd", "uk"),
        ("oxygen 95%", "uk"),
        ("last year my bp was 200/120 but meds fixed it", "uk"),
        ("im 45 and on 20mg", "us"),
        ("sugar 12.5 and shaky after dinner", "uk"),
    ] {
        assert!(raised(m, Some(region)).is_empty(), "{m}");
    }
}

#[test]
fn the_unit_band_depends_on_the_region() {
    let m = "his sugar is 30 and hes confused";
    assert!(raised(m, Some("uk")).is_empty());
    assert_eq!(raised(m, None), ["hypo"]);
}

#[test]
fn only_a_persons_reading_now_counts() {
    let uk = Some("uk");
    for m in [
        "the vet checked his glucose and it was 3.2 and he was wobbly",
        "in that hospital drama the guys bp was 230/140 and chest pain",
        "bath water for a newborn should be 37 or 38 degrees? mine reads 38 on the duck thermometer",
        "sats normally run at 88 with his copd, 89 today",
        "my 6 week old had her jabs this morning and is 38.2",
        "if my bp is 180/120 with no symptoms is that urgent care or er?",
        "sugar 3.8, feel totally fine, no shakes, no sweats",
    ] {
        assert!(raised(m, uk).is_empty(), "{m}");
    }
    for (m, want) in [
        (
            "top number 188, bottom 126. was 142/88 last week",
            "bp-urgent",
        ),
        ("took it 5 mins ago, 184/122, feel ok", "bp-urgent"),
        ("oxygen 92 on the oximeter, i normally sit at 98", "oxygen"),
        ("8 week old, had her jabs 2 weeks ago, temp 38.4", "baby"),
        (
            "twins, 9 weeks. one is 37.1, the other has just come up 38.6",
            "baby",
        ),
        ("sats 3 times - 94, 92, 91", "oxygen"),
    ] {
        assert_eq!(raised(m, uk), [want], "{m}");
    }
}

/// What a learned-only guess of `category` becomes beside the readings.
fn learned_guess(message: &str, category: usize) -> Option<Vec<usize>> {
    let guess = Screening {
        categories: vec![category],
        learned: true,
    };
    let cleaned = crate::text::clean(message);
    readings()
        .add_to(Some(guess), &cleaned, Some("uk"))
        .map(|s| s.categories)
}

#[test]
fn a_learned_guess_gives_way_to_its_own_reading_judged_safe() {
    const HYPO: usize = 0;
    const BABY: usize = 2;
    for (message, guess, want) in [
        // The number and the stated age are on the safe side of every rule
        // that raises the guessed category.
        ("my 5 month old is 38.4, teething", BABY, None),
        ("sugar is 6.2 but he seems off", HYPO, None),
        // A reading of another measure, no stated age, or no number at all
        // judges nothing: the guess stands.
        ("my 5 month old is 38.4, teething", HYPO, Some(HYPO)),
        ("baby is 38.4 and not herself", BABY, Some(BABY)),
        ("baby floppy and not feeding", BABY, Some(BABY)),
        // A reading that crosses is the rules' to raise.
        ("my 6 week old is 38.4", HYPO, Some(BABY)),
    ] {
        let want = want.map(|c| vec![c]);
        assert_eq!(learned_guess(message, guess), want, "{message}");
    }
}
