//! Answer quality on the in-repo evaluation sets, with honest floors.
//!
//! The floors are set a little below what the code reaches (see
//! docs/QUALITY.md for the measured figures and how to reproduce them), so a
//! change that makes answers worse fails here.

use signpost::engine::AskOptions;
use signpost::eval::{evaluate, evaluate_safety};

use super::support::{assert_recall_at_least, engine, eval_set, uk, us};

#[test]
fn patient_questions_uk() {
    let set = eval_set("patient-questions.tsv", true);
    assert!(set.len() >= 500);
    let r = evaluate(engine(), &set, &uk());
    assert!(
        r.unknown_labels.is_empty(),
        "labels not in catalog: {:?}",
        r.unknown_labels
    );
    assert!(r.recall_at_k >= 0.95, "Recall@3 {:.3}", r.recall_at_k);
    assert!(r.mrr >= 0.91, "MRR {:.3}", r.mrr);
    assert!(r.no_match_rate <= 0.02, "no-match {:.3}", r.no_match_rate);
}

#[test]
fn patient_questions_us() {
    let r = evaluate(engine(), &eval_set("patient-questions.tsv", true), &us());
    assert!(r.recall_at_k >= 0.95, "Recall@3 {:.3}", r.recall_at_k);
    assert!(r.mrr >= 0.91, "MRR {:.3}", r.mrr);
    assert!(r.no_match_rate <= 0.02, "no-match {:.3}", r.no_match_rate);
}

/// A second set written later by someone who saw neither the catalog nor
/// the first set, and never used for tuning: the honest estimate of how
/// answers generalise to new wording.
#[test]
fn held_out_patient_questions() {
    let set = eval_set("holdout-questions.tsv", true);
    assert!(set.len() >= 400);
    for opts in [uk(), us()] {
        let r = evaluate(engine(), &set, &opts);
        assert!(
            r.unknown_labels.is_empty(),
            "labels not in catalog: {:?}",
            r.unknown_labels
        );
        assert!(
            r.recall_at_k >= 0.955,
            "{}: Recall@3 {:.3}",
            opts.region,
            r.recall_at_k
        );
        // The goal: the first link is right nine times in ten.
        assert!(
            r.recall_at_1 >= 0.90,
            "{}: Recall@1 {:.3}",
            opts.region,
            r.recall_at_1
        );
        assert!(
            r.no_match_rate <= 0.04,
            "{}: no-match {:.3}",
            opts.region,
            r.no_match_rate
        );
    }
}

#[test]
fn crisis_recall_and_false_alarms() {
    let crisis = eval_set("crisis.tsv", true);
    let info = eval_set("informational.tsv", false);
    assert!(crisis.len() >= 150 && info.len() >= 300);
    let s = evaluate_safety(engine(), &crisis, &info, &uk());
    assert!(
        s.crisis_recall >= CRISIS_RECALL_FLOOR,
        "crisis recall {:.3}, missed lines {:?}",
        s.crisis_recall,
        s.missed
    );
    assert!(
        s.false_alarm_rate <= FALSE_ALARM_CEILING,
        "false alarms {:.3}, lines {:?}",
        s.false_alarm_rate,
        s.false_alarms
    );
}

/// Crisis sets written later by someone who saw neither the rules nor the
/// first sets. Half of each (odd lines) informed general rule changes; the
/// other half was never looked at.
#[test]
fn held_out_crisis_recall_and_false_alarms() {
    let crisis = eval_set("crisis-holdout.tsv", true);
    let info = eval_set("informational-holdout.tsv", false);
    let s = evaluate_safety(engine(), &crisis, &info, &uk());
    assert!(
        s.crisis_recall >= 0.98,
        "held-out crisis recall {:.3}, missed lines {:?}",
        s.crisis_recall,
        s.missed
    );
    assert!(
        s.false_alarm_rate <= 0.03,
        "held-out false alarms {:.3}, lines {:?}",
        s.false_alarm_rate,
        s.false_alarms
    );
}

/// Every category in every region (third column): written by someone who
/// had not read the rules, then used to broaden them and to train the learned
/// signal (development set: these floors check the fit, not generalisation).
#[test]
fn category_crisis_sets_by_region() {
    let crisis = eval_set("crisis-categories.tsv", true);
    let info = eval_set("informational-categories.tsv", true);
    assert!(crisis.len() >= 600 && info.len() >= 270);
    let s = evaluate_safety(engine(), &crisis, &info, &uk());
    assert_eq!(s.by_category.len(), 22, "{:?}", s.by_category.keys());
    assert_eq!(s.by_region.len(), 7);
    assert!(
        s.crisis_recall >= 0.98,
        "recall {:.3}, missed {:?}",
        s.crisis_recall,
        s.missed
    );
    assert!(
        s.right_number_rate >= 0.97,
        "right number {:.3}, wrong {:?}",
        s.right_number_rate,
        s.wrong_number
    );
    assert!(
        s.false_alarm_rate <= 0.02,
        "false alarms {:?}",
        s.false_alarms
    );
}

/// The first held-out half: written by another person who saw neither the
/// rules nor the development set, never read while tuning, measured, and then
/// (once the fresh set below existed) added to the learned signal's training
/// data: these floors now check the fit (docs/QUALITY.md).
#[test]
fn held_out_category_crisis_sets_by_region() {
    let crisis = eval_set("crisis-holdout-categories.tsv", true);
    let info = eval_set("informational-holdout-categories.tsv", true);
    let s = evaluate_safety(engine(), &crisis, &info, &uk());
    assert!(s.crisis_recall >= 0.98, "recall {:.3}", s.crisis_recall);
    assert!(
        s.right_number_rate >= 0.97,
        "right number {:.3}",
        s.right_number_rate
    );
    assert!(
        s.false_alarm_rate <= 0.12,
        "false alarms {:.3}",
        s.false_alarm_rate
    );
}

/// Ordinary patient questions (the retrieval sets) must rarely raise an
/// alarm: the goal is 2 % or less (docs/QUALITY.md).
#[test]
fn ordinary_questions_rarely_alarm() {
    for (name, ceiling) in [
        // Long posts: each sentence is also screened on its own (1.1 % and
        // 1.5 % on 2026-12-01, the limit is 2 %). 1.6 % since the
        // retraining of the twenty-second session (a carer's long post
        // read by the learned screen as suicide).
        ("patient-questions.tsv", 0.017),
        // 1.9 % (14 of 719) since the twelfth session retrained the learned
        // screen with sets 34-64 (13 of 719 before).
        ("holdout-questions.tsv", 0.02),
        ("ordinary-holdout3.tsv", 0.01),
        ("ordinary-holdout4.tsv", 0.015),
        ("ordinary-holdout5.tsv", 0.01),
        ("ordinary-holdout6.tsv", 0.01),
        ("ordinary-holdout7.tsv", 0.01),
        ("ordinary-holdout8.tsv", 0.01),
        ("ordinary-holdout9.tsv", 0.01),
        ("ordinary-holdout10.tsv", 0.01),
        ("ordinary-holdout11.tsv", 0.01),
        ("ordinary-holdout12.tsv", 0.01),
        ("ordinary-holdout13.tsv", 0.01),
        ("ordinary-holdout14.tsv", 0.01),
        ("ordinary-holdout15.tsv", 0.01),
        ("ordinary-holdout16.tsv", 0.01),
        ("ordinary-holdout17.tsv", 0.01),
        ("ordinary-holdout18.tsv", 0.01),
        ("ordinary-holdout19.tsv", 0.01),
        ("ordinary-holdout20.tsv", 0.01),
        ("ordinary-holdout21.tsv", 0.01),
        ("ordinary-holdout22.tsv", 0.01),
        ("ordinary-holdout23.tsv", 0.01),
        ("ordinary-holdout24.tsv", 0.01),
        ("ordinary-holdout25.tsv", 0.01),
        ("ordinary-holdout26.tsv", 0.01),
        ("ordinary-holdout27.tsv", 0.01),
        ("ordinary-holdout28.tsv", 0.01),
        ("ordinary-holdout29.tsv", 0.01),
        // Blind, never read: 1 of 150 each when measured.
        ("ordinary-holdout30.tsv", 0.01),
        ("ordinary-holdout31.tsv", 0.01),
        ("ordinary-holdout32.tsv", 0.01),
        ("ordinary-holdout36.tsv", 0.01),
        ("ordinary-holdout37.tsv", 0.01),
        ("ordinary-holdout38.tsv", 0.01),
        // Own sensations, read: 4 of 150 alarm (learned screen).
        ("ordinary-holdout39.tsv", 0.03),
        ("region-questions.tsv", 0.02),
        // Lay questions describing symptoms, written blind to be free of
        // emergencies (seventh session, docs/QUALITY.md): 13 and 15 never read.
        ("region-questions13.tsv", 0.035),
        // 1.7 % since the learned screen was retrained on sets up to 94.
        ("region-questions14.tsv", 0.017),
        ("region-questions15.tsv", 0.01),
        ("region-questions16.tsv", 0.035),
        ("region-questions17.tsv", 0.02),
        ("region-questions18.tsv", 0.015),
        ("region-questions19.tsv", 0.02),
        ("region-questions20.tsv", 0.027),
        // Eighth session, measured blind then read: ca/nz/ie/au lay wording
        // (4.0 % blind, 2.7 % after), long background-rich posts (2.0 %),
        // second-language and dialect writers (1.3 %).
        ("region-questions21.tsv", 0.03),
        // 2.7 % since the twenty-fourth session's retraining on sets 108-111
        // (one learned alarm more).
        ("ordinary-holdout40.tsv", 0.027),
        ("ordinary-holdout41.tsv", 0.015),
        // Ninth session: young people's Discord wording (0.0 % blind),
        // away from home (0.0 %), ca/nz/ie/au lay questions (1.7 %).
        ("ordinary-holdout42.tsv", 0.01),
        ("ordinary-holdout43.tsv", 0.01),
        ("region-questions22.tsv", 0.02),
        // Carers and older people (1.3 % blind, 0.7 % after); ca/nz thread
        // replies (1.3 % blind, 1.0 % after).
        ("ordinary-holdout44.tsv", 0.01),
        // Pregnancy and new parents (1.3 % blind, 0.0 % after).
        ("ordinary-holdout45.tsv", 0.01),
        // Tenth session: violence and abuse as victims write it (0.7 %
        // blind and after); medicines, drugs and chemicals (0.0 %).
        ("ordinary-holdout46.tsv", 0.01),
        ("ordinary-holdout47.tsv", 0.01),
        // Peers with long-term mental illness (0.0 %); emergencies relayed
        // second-hand (0.7 %).
        ("ordinary-holdout48.tsv", 0.01),
        ("ordinary-holdout49.tsv", 0.01),
        // Learner English and translation (1.3 % blind, 0.0 % after); long
        // illness and disability (0.0 %).
        ("ordinary-holdout50.tsv", 0.01),
        ("ordinary-holdout51.tsv", 0.01),
        // Humour masking emergencies (0.7 % blind and after); people in the
        // middle of the health system (0.0 %).
        ("ordinary-holdout52.tsv", 0.01),
        ("ordinary-holdout53.tsv", 0.01),
        // Eleventh session: stories with the danger told late (0.0 %);
        // away from home and help (0.0 %); carers and older people (1.3 %
        // blind, 0.7 % after).
        ("ordinary-holdout54.tsv", 0.01),
        ("ordinary-holdout55.tsv", 0.01),
        ("ordinary-holdout56.tsv", 0.015),
        // Eleventh session: typed in a hurry on a phone (1.3 % blind, 0.7 %
        // after); teenagers and young adults (0.7 %); many cultures and
        // faiths (0.0 %).
        ("ordinary-holdout57.tsv", 0.01),
        ("ordinary-holdout58.tsv", 0.014),
        ("ordinary-holdout59.tsv", 0.01),
        // Eleventh session: the danger in passing inside a post about
        // something else (2.0 % blind, 1.3 % after); live updates and bodily
        // detail (3.3 % blind, 2.0 % after: two learned alarms and a panic
        // attack told as "I feel like I'm dying").
        ("ordinary-holdout61.tsv", 0.015),
        ("ordinary-holdout62.tsv", 0.021),
        // Eleventh session: literal, plain writers (3.3 %, all five the
        // learned screen on short plain sentences: over the 2 % goal);
        // alone at night (2.0 %, all three learned).
        ("ordinary-holdout63.tsv", 0.034),
        ("ordinary-holdout64.tsv", 0.021),
        // Twelfth session (sets 65-69): 0-2.7 %; set 67's long posts alarm
        // on 4 (two phrases, two the learned screen).
        ("ordinary-holdout65.tsv", 0.01),
        ("ordinary-holdout66.tsv", 0.014),
        ("ordinary-holdout67.tsv", 0.027),
        ("ordinary-holdout68.tsv", 0.01),
        ("ordinary-holdout69.tsv", 0.01),
        // Thirteenth session (sets 70-71): 0.7 % and 0.0 %.
        ("ordinary-holdout70.tsv", 0.01),
        ("ordinary-holdout71.tsv", 0.01),
        // Sets 72 (home, DIY, kitchens) and 73 (distress in Discord threads):
        // 2.7 % and 0.0 % blind; 1.3 % and 0.0 % after.
        ("ordinary-holdout72.tsv", 0.014),
        ("ordinary-holdout73.tsv", 0.01),
        // Fourteenth session: clinical wording (74) and busy family life
        // (75): 0.0 % and 0.0 % blind.
        ("ordinary-holdout74.tsv", 0.01),
        ("ordinary-holdout75.tsv", 0.01),
        // Understatement (76) and hardship (77): 0.0 % and 0.0 % blind.
        ("ordinary-holdout76.tsv", 0.01),
        ("ordinary-holdout77.tsv", 0.01),
        // Numbers, times and medicines (78): 2.0 % blind ("transferrin sat
        // 72%" read as oxygen; a newborn "feeding" every 2 hours), 0.7 %
        // after. Rural and farming life (79): 0.7 % blind, 0.0 % after.
        ("ordinary-holdout78.tsv", 0.01),
        ("ordinary-holdout79.tsv", 0.01),
        // Fifteenth session: students away from home (80) and people at
        // work (81): 0.0 % and 0.7 % blind (panic attacks that "then pass"),
        // 0.0 % and 0.0 % after.
        ("ordinary-holdout80.tsv", 0.01),
        ("ordinary-holdout81.tsv", 0.01),
        // LGBTQ+ lives (82) and veterans and responders (83): 0.7 % and
        // 1.3 % blind, 0.7 % (a learned alarm on checking locks) and 0.0 % after.
        ("ordinary-holdout82.tsv", 0.01),
        ("ordinary-holdout83.tsv", 0.01),
        // Seventeenth session: neurodivergent writers (84) and angry,
        // venting writers (85): 0.7 % and 0.0 % blind.
        ("ordinary-holdout84.tsv", 0.01),
        ("ordinary-holdout85.tsv", 0.01),
        // Migrants, refugees and new arrivals (86) and people typing drunk,
        // high or half asleep (87): 0.7 % (chilblains' purple spots) and
        // 0.0 % blind.
        ("ordinary-holdout86.tsv", 0.01),
        ("ordinary-holdout87.tsv", 0.01),
        // Eighteenth session: formal older writers (88), crises hidden as
        // hypotheticals (89), devices and apps (90), timing and tense (91):
        // 0.0 / 1.3 / 0.7 / 0.0 % blind and after.
        ("ordinary-holdout88.tsv", 0.01),
        ("ordinary-holdout89.tsv", 0.015),
        ("ordinary-holdout90.tsv", 0.01),
        ("ordinary-holdout91.tsv", 0.01),
        // Eighteenth and nineteenth sessions (92-97): 0.0 % each, blind.
        ("ordinary-holdout92.tsv", 0.01),
        ("ordinary-holdout93.tsv", 0.01),
        ("ordinary-holdout94.tsv", 0.01),
        ("ordinary-holdout95.tsv", 0.01),
        ("ordinary-holdout96.tsv", 0.01),
        ("ordinary-holdout97.tsv", 0.01),
        ("ordinary-holdout98.tsv", 0.01),
        ("ordinary-holdout99.tsv", 0.01),
        ("ordinary-holdout100.tsv", 0.01),
        ("ordinary-holdout101.tsv", 0.01),
        // Twenty-first session: 0.7 % (Raynaud's "white then purple") and
        // 0.0 % blind.
        ("ordinary-holdout102.tsv", 0.01),
        ("ordinary-holdout103.tsv", 0.01),
        // 104: 0.0 % blind. 105 is every question with a past emergency as
        // background, over and handled ("A&E said it wasn't a stroke"):
        // 24.7 % blind, 17.3 % at the end of the twenty-first session (its
        // uk/us/ie half read, its ca/au/nz half not), 15.3 % after the
        // twenty-second. The known weak spot; this ceiling only guards
        // against getting worse.
        ("ordinary-holdout104.tsv", 0.01),
        // 14.3 % since the twenty-third ("rang 111 and they said I'm fine"
        // is a story, not a give-away), 15.7 % since the twenty-sixth's
        // retrained learned screen (one alarm more; the ca/au/nz half is
        // not read).
        ("ordinary-holdout105.tsv", 0.157),
        // Twenty-second session: 106 0.0 % blind; 107, past emergencies
        // told without "it's over", 14.0 % blind and 4.3 % after (a past
        // assault still brings the specialist line, by policy).
        ("ordinary-holdout106.tsv", 0.01),
        ("ordinary-holdout107.tsv", 0.045),
        // Twenty-third session: 108 (Discord conventions, TW headers on
        // ordinary posts) 0.7 %, 109 0.0 %, blind and after.
        ("ordinary-holdout108.tsv", 0.01),
        ("ordinary-holdout109.tsv", 0.005),
        // Twenty-fourth session: 110 and 111 0.0 %, blind and after.
        ("ordinary-holdout110.tsv", 0.005),
        ("ordinary-holdout111.tsv", 0.005),
        // 112 (held out, never read): 0.3 % at the start and end.
        ("ordinary-holdout112.tsv", 0.004),
        // Twenty-fifth session: 113 and 114 0.7 %, 115 (held out, never
        // read) 0.3 %, blind and after.
        ("ordinary-holdout113.tsv", 0.007),
        ("ordinary-holdout114.tsv", 0.007),
        ("ordinary-holdout115.tsv", 0.004),
        // Twenty-sixth session: 116 (held out, never read) 0.0 %,
        // and 117 (held out, never read) 0.0 %.
        ("ordinary-holdout116.tsv", 0.004),
        ("ordinary-holdout117.tsv", 0.004),
        // Twenty-seventh session: 118 0.0 % (one alarm before its
        // phrases were read), 119 (held out, never read) 0.3 %.
        ("ordinary-holdout118.tsv", 0.004),
        ("ordinary-holdout119.tsv", 0.004),
        // 120 (held out, never read): 0.3 % at the start and end.
        ("ordinary-holdout120.tsv", 0.004),
        ("region-questions23.tsv", 0.015),
        // 1.6 % since the retraining of round 16 (one learned alarm more).
        ("region-holdout-questions.tsv", 0.017),
    ] {
        let questions = eval_set(name, false);
        let s = evaluate_safety(engine(), &[], &questions, &uk());
        assert!(
            s.false_alarm_rate <= ceiling,
            "{name}: false alarms {:.3}, lines {:?}",
            s.false_alarm_rate,
            s.false_alarms
        );
    }
}

/// Lines of an ordinary set that describe an emergency after all (a
/// stroke that started 20 minutes ago, a rash that does not fade) are
/// marked in a fourth column: they must raise the alarm, and are not
/// counted as false alarms.
#[test]
fn emergencies_marked_in_ordinary_sets_raise_the_alarm() {
    let questions = eval_set("region-questions3.tsv", false);
    let s = evaluate_safety(engine(), &[], &questions, &uk());
    assert_eq!(s.marked_emergencies, 9);
    assert_eq!(s.informational_total, questions.len() - 9);
    assert!(s.marked_missed.is_empty(), "missed {:?}", s.marked_missed);
}

/// The held-out category sets, each written blind and measured once
/// (docs/QUALITY.md; the seventh: recall 0.951, right number 0.929, false
/// alarms 8.0 %), then read and trained on once the next was written; they
/// keep floors near their (now fitted) figures. Blind first measures:
/// the eighth 0.929 / 0.912 / 3.4 %, the ninth 0.964 / 0.948 / 5.7 %, the
/// tenth 0.971 / 0.961 / 3.4 %, the eleventh 0.948 / 0.935 / 5.1 %, the
/// twelfth 0.964 / 0.955 / 2.3 %, the thirteenth 0.984 / 0.977 / 6.2 %, the
/// fourteenth 0.916 / 0.903 / 2.8 % (the last four after one or more
/// rounds), the sixteenth 0.987 / 0.984 / 5.1 %, the seventeenth 0.955 /
/// 0.935 / 8.0 %, the eighteenth 0.981 / 0.951 / 8.0 % (after round 15),
/// the nineteenth 0.984 / 0.951 / 5.7 % (after round 16), the twentieth
/// 0.942 / 0.929 / 6.2 % (medical shorthand; after round 16), the
/// twenty-first 0.994 / 0.987 / 9.1 % (after round 18), the twenty-second
/// 0.990 / 0.974 / 11.9 % (Discord-native writers, after round 19), the
/// twenty-third 0.977 / 0.961 / 5.7 % (rural and remote writers, after
/// round 20), the twenty-fourth 0.974 / 0.961 / 9.7 % (second-language
/// writers and older adults, after round 20). The fifteenth (0.987 with the
/// rules of 2026-12-01's third session, 1.000 / 1.000 / 3.4 % now) and the
/// thirty-first and thirty-second (every crisis asked as a question: 0.974
/// / 0.964 / 4.5 % after round 26, 0.955 / 0.945 / 0.6 % after round 27,
/// each measured once) are not read; their floors sit just below those
/// figures. The thirtieth (questions too) measured 0.903 / 0.899 /
/// 2.8 % blind after round 26. Blind first measures of the sets read since: the
/// twenty-ninth (crises asked as "is it normal…?", "how long should I
/// wait…?") 0.873 / 0.867 / 2.3 % after round 25, the twenty-eighth
/// (long-term conditions) 0.981 / 0.971 / 7.4 % after round 24, the
/// twenty-seventh (low literacy,
/// code-switching, euphemisms) 0.971 / 0.955 / 4.0 % after round 23,
/// the twenty-fifth (emergencies buried in long posts, and hurried
/// fragments) 0.968 / 0.964 / 9.7 % after round 21, the twenty-sixth
/// (family life; near misses about pets, toys and phones) 1.000 / 0.987 /
/// 11.4 % after round 22.
#[test]
fn fresh_held_out_category_sets() {
    for (crisis, info, recall, right, alarms) in [
        // Eleventh session: literal, plain writers (0.974 / 0.964 / 6.8 %
        // blind; 1.000 / 1.000 / 6.8 % after).
        (
            "crisis-holdout63-categories.tsv",
            "informational-holdout63-categories.tsv",
            0.995,
            0.995,
            0.075,
        ),
        // Eleventh session: alone at night, downplaying (0.997 / 0.987 /
        // 4.5 % blind; 1.000 / 1.000 / 4.5 % after).
        (
            "crisis-holdout64-categories.tsv",
            "informational-holdout64-categories.tsv",
            0.995,
            0.995,
            0.052,
        ),
        // Twelfth session: Discord and gaming slang (0.984 / 0.974 / 1.7 % blind with the
        // old learned screen; 1.000 / 0.990 / 1.1 % after).
        (
            "crisis-holdout65-categories.tsv",
            "informational-holdout65-categories.tsv",
            0.99,
            0.985,
            0.015,
        ),
        // Twelfth session: new and expectant parents (0.974 / 0.964 / 4.0 % blind with the
        // old learned screen; 1.000 / 0.990 / 4.0 % after).
        (
            "crisis-holdout66-categories.tsv",
            "informational-holdout66-categories.tsv",
            0.99,
            0.985,
            0.05,
        ),
        // Twelfth session: long posts with many worries (0.987 / 0.974 / 8.5 % blind with the
        // old learned screen; 1.000 / 0.987 / 8.5 % after).
        (
            "crisis-holdout67-categories.tsv",
            "informational-holdout67-categories.tsv",
            0.99,
            0.98,
            0.09,
        ),
        // Twelfth session: bystanders in public places (0.990 / 0.961 / 2.8 % blind with the
        // old learned screen; 1.000 / 0.984 / 2.8 % after).
        (
            "crisis-holdout68-categories.tsv",
            "informational-holdout68-categories.tsv",
            0.99,
            0.98,
            0.03,
        ),
        // Thirteenth session: nightlife, parties and festivals (0.974 /
        // 0.955 / 6.2 % blind; 1.000 / 0.997 / 4.5 % after).
        (
            "crisis-holdout70-categories.tsv",
            "informational-holdout70-categories.tsv",
            0.995,
            0.99,
            0.07,
        ),
        // Thirteenth session: sport, exercise and the outdoors (0.951 /
        // 0.942 / 5.7 % blind; 0.997 / 0.997 / 3.4 % after).
        (
            "crisis-holdout71-categories.tsv",
            "informational-holdout71-categories.tsv",
            0.995,
            0.99,
            0.04,
        ),
        // Thirteenth session: home, DIY and kitchens (0.990 / 0.981 / 8.5 %
        // blind; 0.997 / 0.997 / 6.8 % after).
        (
            "crisis-holdout72-categories.tsv",
            "informational-holdout72-categories.tsv",
            0.995,
            0.99,
            0.07,
        ),
        // Thirteenth session: distress in Discord threads, fragments and
        // replies (0.990 / 0.984 / 10.2 % blind; 1.000 / 1.000 / 8.5 %).
        // The learned screen retrained on sets up to 91 (nineteenth
        // session) alarms on one more of them ("cutting my own hair
        // tonight", 9.1 %) while near-miss alarms over all sets fell.
        (
            "crisis-holdout73-categories.tsv",
            "informational-holdout73-categories.tsv",
            0.995,
            0.99,
            0.095,
        ),
        // Fourteenth session: clinical and jargon-heavy wording (0.971 /
        // 0.964 / 2.8 % blind; 1.000 / 1.000 / 2.8 % after).
        (
            "crisis-holdout74-categories.tsv",
            "informational-holdout74-categories.tsv",
            0.995,
            0.99,
            0.035,
        ),
        // Fourteenth session: busy family life, pets and children in the
        // same sentences (1.000 / 1.000 / 4.5 % blind; 4.0 % after).
        (
            "crisis-holdout75-categories.tsv",
            "informational-holdout75-categories.tsv",
            0.995,
            0.99,
            0.045,
        ),
        // Fourteenth session: understatement and minimising (0.990 / 0.990
        // / 6.8 % blind; 1.000 / 1.000 / 6.2 % after: a relapse "after 6
        // months clean" now reads as happening now, not as past).
        (
            "crisis-holdout76-categories.tsv",
            "informational-holdout76-categories.tsv",
            0.995,
            0.99,
            0.07,
        ),
        // Fourteenth session: hardship and everyday pressures (0.994 /
        // 0.987 / 4.0 % blind; 1.000 / 1.000 / 4.0 % after).
        (
            "crisis-holdout77-categories.tsv",
            "informational-holdout77-categories.tsv",
            0.995,
            0.99,
            0.045,
        ),
        // Fourteenth session: numbers, times and medicines (0.977 / 0.971 /
        // 5.7 % blind; 1.000 / 1.000 / 4.5 % after).
        (
            "crisis-holdout78-categories.tsv",
            "informational-holdout78-categories.tsv",
            0.995,
            0.99,
            0.05,
        ),
        // Fourteenth session: rural, farming and remote life (1.000 / 1.000
        // / 9.1 % blind, animals and machinery beside people; 8.5 % after).
        (
            "crisis-holdout79-categories.tsv",
            "informational-holdout79-categories.tsv",
            0.995,
            0.99,
            0.09,
        ),
        // Fifteenth session: students away from home (0.994 / 0.994 / 3.4 %
        // blind; 1.000 / 1.000 / 2.3 % after).
        (
            "crisis-holdout80-categories.tsv",
            "informational-holdout80-categories.tsv",
            0.995,
            0.99,
            0.03,
        ),
        // Fifteenth session: people at work and on shift (0.990 / 0.987 /
        // 2.8 % blind; 1.000 / 1.000 / 0.0 % after).
        (
            "crisis-holdout81-categories.tsv",
            "informational-holdout81-categories.tsv",
            0.995,
            0.99,
            0.01,
        ),
        // Fifteenth session: LGBTQ+ lives (0.987 / 0.987 / 6.8 % blind;
        // 1.000 / 1.000 / 4.5 % after).
        (
            "crisis-holdout82-categories.tsv",
            "informational-holdout82-categories.tsv",
            0.995,
            0.99,
            0.05,
        ),
        // Fifteenth session: veterans, military families and responders off
        // duty (0.987 / 0.974 / 4.0 % blind; 0.997 / 0.994 / 2.3 % after: an
        // "assaulted" that does not say sexual is left to the learned screen).
        (
            "crisis-holdout83-categories.tsv",
            "informational-holdout83-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        // Seventeenth session: neurodivergent writers and people with
        // learning disabilities (0.977 / 0.968 / 8.5 % blind; 1.000 / 1.000 /
        // 8.5 % after).
        (
            "crisis-holdout84-categories.tsv",
            "informational-holdout84-categories.tsv",
            0.995,
            0.99,
            0.09,
        ),
        // Seventeenth session: angry, venting writers (0.977 / 0.974 / 6.2 %
        // blind; 1.000 / 1.000 / 6.2 % after).
        (
            "crisis-holdout85-categories.tsv",
            "informational-holdout85-categories.tsv",
            0.995,
            0.99,
            0.065,
        ),
        // Seventeenth session: migrants, refugees and new arrivals (0.971 /
        // 0.951 / 9.1 % blind; 1.000 / 1.000 / 9.1 % after).
        (
            "crisis-holdout86-categories.tsv",
            "informational-holdout86-categories.tsv",
            0.995,
            0.99,
            0.095,
        ),
        // Seventeenth session: typed drunk, high, exhausted or half asleep
        // (0.987 / 0.987 / 8.0 % blind; 1.000 / 1.000 / 8.0 % after).
        (
            "crisis-holdout87-categories.tsv",
            "informational-holdout87-categories.tsv",
            0.995,
            0.99,
            0.085,
        ),
        // Eighteenth session: formal, polite, older writers (0.990 / 0.981 /
        // 4.5 % blind; 1.000 / 0.997 / 4.5 % after).
        (
            "crisis-holdout88-categories.tsv",
            "informational-holdout88-categories.tsv",
            0.995,
            0.99,
            // 5.1 % since the twenty-fourth session: a bare sugar before a
            // comma is read ("3.6, felt shaky"), here in a story of this
            // morning (four crises caught elsewhere).
            0.052,
        ),
        // Eighteenth session: crises hidden as hypotheticals or "asking for a
        // friend" (0.802 / 0.795 / 10.2 % blind; 0.958 / 0.951 / 7.4 %
        // after: the floor is below the others on purpose, see QUALITY.md).
        (
            "crisis-holdout89-categories.tsv",
            "informational-holdout89-categories.tsv",
            0.95,
            0.945,
            0.08,
        ),
        // Eighteenth session: devices and apps (0.977 / 0.968 / 4.5 % blind;
        // 0.997 / 0.994 / 4.5 % after; 5.1 % since the second retraining of
        // the twenty-first session: a learned alarm on road-rage venting).
        (
            "crisis-holdout90-categories.tsv",
            "informational-holdout90-categories.tsv",
            0.995,
            0.99,
            0.055,
        ),
        // Eighteenth session: timing and tense (0.958 / 0.938 / 2.8 % blind;
        // 0.987 / 0.974 / 2.8 % after; 3.4 % near-miss alarms once the
        // learned screen was retrained on sets up to 94).
        (
            "crisis-holdout91-categories.tsv",
            "informational-holdout91-categories.tsv",
            0.985,
            0.97,
            0.035,
        ),
        // Eighteenth session: a second writer's hypotheticals (0.782 /
        // 0.776 / 8.0 % blind; read in the nineteenth session: 0.935 /
        // 0.929 / 6.8 %, and 0.981 / 0.977 once trained on) and, NOT read (held out), people talking to the
        // bot itself (0.981 / 0.974 / 10.2 %).
        (
            "crisis-holdout92-categories.tsv",
            "informational-holdout92-categories.tsv",
            0.975,
            0.97,
            0.075,
        ),
        (
            "crisis-holdout93-categories.tsv",
            "informational-holdout93-categories.tsv",
            0.98,
            0.97,
            // 10.8 % since the twenty-fourth session: one reading rule alarm
            // more once a bare value before a comma is read (line not read).
            0.11,
        ),
        // Nineteenth session, all blind: a third writer's hypotheticals (94,
        // 0.782 / 0.766 / 4.5 %; read: 0.802 / 0.786; trained on: 0.886 /
        // 0.873; with its own phrases 0.906 / 0.903); two emergencies in
        // one message (95, 1.000 / 0.997 / 6.2 %); the most typical posts
        // (96, 0.997 / 0.990 / 2.3 %); and, NOT read, a fourth writer's
        // crises hidden behind general questions (97, 0.682 / 0.672 / 2.3 %;
        // 0.705 / 0.695 / 2.8 % once the learned screen was trained on 92
        // and 94: the floor only guards against getting worse).
        (
            "crisis-holdout94-categories.tsv",
            "informational-holdout94-categories.tsv",
            0.90,
            0.89,
            0.05,
        ),
        (
            "crisis-holdout95-categories.tsv",
            "informational-holdout95-categories.tsv",
            0.995,
            0.99,
            0.065,
        ),
        (
            "crisis-holdout96-categories.tsv",
            "informational-holdout96-categories.tsv",
            0.995,
            0.985,
            0.025,
        ),
        (
            "crisis-holdout97-categories.tsv",
            "informational-holdout97-categories.tsv",
            // 0.756 / 0.744 since the twenty-second session, 0.760 / 0.747
            // since the twenty-third, 0.766 / 0.753 since the twenty-fourth,
            // 0.789 / 0.776 since the twenty-fifth, 0.864 / 0.854 since the
            // twenty-sixth's retrained learned screen (still held out);
            // right number 0.860 since the twenty-seventh's learned second
            // category.
            0.86,
            0.855,
            0.03,
        ),
        // Twentieth session: a fifth writer's crises disguised as general
        // questions (0.893 / 0.883 / 8.5 % blind; read) and a sixth
        // writer's long posts with the crisis buried (0.994 / 0.987 / 9.1 %
        // blind: the long near misses alarm; read).
        (
            "crisis-holdout98-categories.tsv",
            "informational-holdout98-categories.tsv",
            0.97,
            0.96,
            0.06,
        ),
        (
            "crisis-holdout99-categories.tsv",
            "informational-holdout99-categories.tsv",
            0.995,
            0.985,
            0.095,
        ),
        // A seventh writer, five framings evenly (0.925 / 0.916 / 10.8 % blind
        // with the session's starting rules; read).
        (
            "crisis-holdout100-categories.tsv",
            "informational-holdout100-categories.tsv",
            0.985,
            0.975,
            0.105,
        ),
        // An eighth writer, a wide cast of voices and the same five framings:
        // 0.958 / 0.955 / 7.4 % with the session's starting rules, 0.971 /
        // 0.968 / 7.4 % at its end. NOT read: held out (this floor only
        // guards against getting worse). 0.994 / 0.990 since the
        // twenty-sixth session's retrained learned screen.
        (
            "crisis-holdout101-categories.tsv",
            "informational-holdout101-categories.tsv",
            0.99,
            0.985,
            0.08,
        ),
        // Twenty-first session: a ninth writer's crises asked as general
        // questions with the telling details in another sentence (0.948 /
        // 0.938 / 1.7 % blind; read and trained on), and a tenth writer's
        // messages typed in a hurry (0.990 / 0.990 / 10.2 % blind). NOT
        // read: held out (this floor only guards against getting worse).
        (
            "crisis-holdout102-categories.tsv",
            "informational-holdout102-categories.tsv",
            0.995,
            0.995,
            0.015,
        ),
        (
            "crisis-holdout103-categories.tsv",
            "informational-holdout103-categories.tsv",
            0.985,
            0.985,
            0.105,
        ),
        // A third writer on crises behind general questions, the slip in a
        // clause (0.890 / 0.880 / 1.7 % blind; read and trained on), and
        // every message with a past emergency as background, something
        // happening again now in the crises (0.984 / 0.958 / 23.9 % blind;
        // the uk/us/ie half of its alarms read).
        (
            "crisis-holdout104-categories.tsv",
            "informational-holdout104-categories.tsv",
            0.995,
            0.995,
            0.015,
        ),
        (
            "crisis-holdout105-categories.tsv",
            "informational-holdout105-categories.tsv",
            0.98,
            0.955,
            0.18,
        ),
        // Twenty-second session: crises asked as a general question about
        // "someone", the live scene in a small cue (0.724 / 0.714 / 4.5 %
        // blind, like held-out 97), and every message with a past emergency
        // told without saying it is over (0.945 / 0.932 / 11.9 % blind;
        // ordinary 14.0 %). Both read and trained on.
        (
            "crisis-holdout106-categories.tsv",
            "informational-holdout106-categories.tsv",
            0.865,
            0.86,
            0.045,
        ),
        (
            "crisis-holdout107-categories.tsv",
            "informational-holdout107-categories.tsv",
            0.97,
            0.965,
            0.085,
        ),
        // Twenty-third session: Discord's own conventions (spoilers, TW
        // headers, algospeak, quotes, raw mentions and emoji; 0.984 / 0.981
        // / 10.8 % blind), and crises asked as a general question whose
        // only sign of now is a small detail, often a clock or a call
        // handler (0.617 / 0.607 / 10.8 % blind). Both read, not trained on.
        (
            "crisis-holdout108-categories.tsv",
            "informational-holdout108-categories.tsv",
            0.99,
            0.985,
            0.1,
        ),
        (
            "crisis-holdout109-categories.tsv",
            "informational-holdout109-categories.tsv",
            // 0.662 / 0.653 / 10.8 % read; 0.756 / 0.747 / 11.4 % once
            // trained on (twenty-fourth session); 0.782 / 0.776 / 10.8 %
            // after the twenty-fifth.
            0.775,
            0.77,
            0.115,
        ),
        // Twenty-fourth session: follow-ups in a thread, the earlier messages
        // unseen (1.000 / 1.000 / 10.2 % blind, 9.1 % after); terse fragments
        // (0.847 / 0.844 / 6.2 % blind; 0.987 / 0.984 / 5.7 % after, read and
        // trained on).
        (
            "crisis-holdout110-categories.tsv",
            "informational-holdout110-categories.tsv",
            0.995,
            0.995,
            0.095,
        ),
        (
            "crisis-holdout111-categories.tsv",
            "informational-holdout111-categories.tsv",
            0.98,
            0.975,
            0.06,
        ),
        // Twenty-fourth session, held out and never read: a twenty-third and
        // twenty-fourth writer's crises asked as general questions with one
        // small sign of now (0.968 / 0.951 / 6.2 % with the session's start
        // and end code alike).
        (
            "crisis-holdout112-categories.tsv",
            "informational-holdout112-categories.tsv",
            // 0.997 / 0.981 since the twenty-sixth session; right number
            // 0.990 since the twenty-seventh.
            0.995,
            0.985,
            0.065,
        ),
        // Twenty-fifth session: crises asked as general questions whose only
        // sign of now is a small detail, written blind by fresh writers. 113
        // (0.805 / 0.789 / 9.1 % blind) and 114 (0.844 / 0.812 / 8.0 % blind)
        // were read and trained on; 115 (0.847 / 0.802 / 8.0 % with the
        // session's start code, 0.880 / 0.838 / 8.0 % with its end) is held
        // out and never read.
        (
            "crisis-holdout113-categories.tsv",
            "informational-holdout113-categories.tsv",
            0.97,
            0.96,
            0.09,
        ),
        (
            "crisis-holdout114-categories.tsv",
            "informational-holdout114-categories.tsv",
            0.98,
            0.955,
            0.085,
        ),
        // 115 is 0.932 / 0.896 / 7.4 % since the twenty-sixth session's
        // retrained learned screen; right number 0.906 since the
        // twenty-seventh's learned second category.
        (
            "crisis-holdout115-categories.tsv",
            "informational-holdout115-categories.tsv",
            0.93,
            0.905,
            0.085,
        ),
        // Twenty-sixth session: every crisis described, never named ("his
        // face has gone lopsided"), two fresh writers; held out and never
        // read. 0.977 / 0.961 / 6.2 % with the session's start code, 0.997 /
        // 0.981 / 4.5 % with its end.
        (
            "crisis-holdout116-categories.tsv",
            "informational-holdout116-categories.tsv",
            0.995,
            0.98,
            0.046,
        ),
        // Twenty-sixth session: spelling as people really type it (phonetic,
        // second-language, voice-typed), two fresh writers; held out and
        // never read. 0.994 / 0.977 / 4.0 % with the session's start code,
        // 1.000 / 0.984 / 4.0 % with its end; right number 0.997 since the
        // twenty-seventh session's learned second category.
        (
            "crisis-holdout117-categories.tsv",
            "informational-holdout117-categories.tsv",
            0.995,
            0.995,
            0.04,
        ),
        // Twenty-seventh session: crises behind a general question with
        // one small sign of now, two fresh writers; 0.912 / 0.903 / 5.7 %
        // with the session's start code, then read (not trained on):
        // 0.968 / 0.961 / 5.7 % with its phrases.
        (
            "crisis-holdout118-categories.tsv",
            "informational-holdout118-categories.tsv",
            0.965,
            0.955,
            0.06,
        ),
        // Twenty-seventh session: "should I go or can it wait?", two fresh
        // writers; held out and never read. 1.000 / 0.984 / 5.1 % with the
        // session's start code; right number 0.997 with the learned second
        // category.
        (
            "crisis-holdout119-categories.tsv",
            "informational-holdout119-categories.tsv",
            0.995,
            0.995,
            0.052,
        ),
        // Twenty-seventh session: two things going on at once (self-harm
        // with a wound that will not stop, pills and someone hard to wake),
        // two fresh writers; held out and never read. 0.994 / 0.974 / 5.7 %
        // with the session's start code, 0.994 / 0.984 / 5.7 % with the
        // learned second category.
        (
            "crisis-holdout120-categories.tsv",
            "informational-holdout120-categories.tsv",
            0.99,
            0.98,
            0.06,
        ),
        // Twelfth session: world Englishes (0.994 / 0.984 / 4.0 % blind with the
        // old learned screen; 1.000 / 0.994 / 4.0 % after).
        (
            "crisis-holdout69-categories.tsv",
            "informational-holdout69-categories.tsv",
            0.99,
            0.99,
            0.045,
        ),
        // Eleventh session: the danger in passing inside a post about
        // something else (0.981 / 0.974 / 6.8 % blind; 1.000 / 0.997 / 6.8 %).
        (
            "crisis-holdout61-categories.tsv",
            "informational-holdout61-categories.tsv",
            0.995,
            0.99,
            0.075,
        ),
        // Eleventh session: live updates and bodily detail (0.974 / 0.964 /
        // 4.0 % blind; 0.997 / 0.997 / 4.0 % after).
        (
            "crisis-holdout62-categories.tsv",
            "informational-holdout62-categories.tsv",
            0.99,
            0.99,
            0.046,
        ),
        // Eleventh session: typed in a hurry on a phone (0.994 / 0.987 /
        // 4.0 % blind; 1.000 / 1.000 / 4.0 % after).
        (
            "crisis-holdout57-categories.tsv",
            "informational-holdout57-categories.tsv",
            0.995,
            0.99,
            0.05,
        ),
        // Eleventh session: teenagers and young adults, and their parents
        // (0.990 / 0.961 / 3.4 % blind; 0.997 / 0.997 / 3.4 % after).
        (
            "crisis-holdout58-categories.tsv",
            "informational-holdout58-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        // Eleventh session: many cultures and faiths, speaking indirectly
        // (**0.968** / 0.961 / 4.0 % blind; 1.000 / 1.000 / 4.0 % after).
        (
            "crisis-holdout59-categories.tsv",
            "informational-holdout59-categories.tsv",
            0.995,
            0.99,
            0.05,
        ),
        // Eleventh session: stories with the danger told sentences after
        // the who and what (0.984 / 0.974 / 6.2 % blind; 1.000 / 0.997 /
        // 6.2 % after, with `together` pairs).
        (
            "crisis-holdout54-categories.tsv",
            "informational-holdout54-categories.tsv",
            0.995,
            0.99,
            0.07,
        ),
        // Eleventh session: away from home and help, outdoors, at work and
        // travelling (0.990 / 0.984 / 4.0 % blind; 1.000 / 1.000 / 4.0 %).
        (
            "crisis-holdout55-categories.tsv",
            "informational-holdout55-categories.tsv",
            0.995,
            0.99,
            0.05,
        ),
        // Eleventh session: carers and older people (0.990 / 0.964 / 3.4 %
        // blind; 1.000 / 0.994 / 3.4 % after).
        (
            "crisis-holdout56-categories.tsv",
            "informational-holdout56-categories.tsv",
            0.995,
            0.985,
            0.04,
        ),
        // Tenth session: humour, sarcasm and memes masking emergencies
        // (0.938 / 0.916 / 6.8 % blind; 0.981 / 0.958 / 6.8 % after).
        (
            "crisis-holdout52-categories.tsv",
            "informational-holdout52-categories.tsv",
            0.975,
            0.95,
            0.075,
        ),
        // Tenth session: in the middle of the health system while things get
        // worse (0.958 / 0.922 / 10.2 % blind; 0.974 / 0.942 / 10.2 % after).
        (
            "crisis-holdout53-categories.tsv",
            "informational-holdout53-categories.tsv",
            0.97,
            0.935,
            0.11,
        ),
        // Tenth session: learner English and translation (0.971 / 0.945 /
        // 6.8 % blind; 1.000 / 0.974 / 6.8 % after). 8.0 % since the
        // seventeenth session: parents-in-law who "control everything" are
        // signposted to domestic abuse support (an `unless` of "law" had
        // cancelled every in-law).
        (
            "crisis-holdout50-categories.tsv",
            "informational-holdout50-categories.tsv",
            0.995,
            0.965,
            0.085,
        ),
        // Tenth session: long-term physical illness and disability, told in
        // insider shorthand and understatement (**0.896** / 0.860 / 13.6 %
        // blind; 0.987 / 0.94 / 11.9 % after).
        (
            "crisis-holdout51-categories.tsv",
            "informational-holdout51-categories.tsv",
            0.98,
            0.93,
            0.125,
        ),
        // Tenth session: peers with long-term mental illness in their
        // community's shorthand (0.977 / 0.935 / 7.4 % blind; 1.000 / 0.961 /
        // 7.4 % after).
        (
            "crisis-holdout48-categories.tsv",
            "informational-holdout48-categories.tsv",
            0.995,
            0.955,
            0.08,
        ),
        // Tenth session: emergencies relayed second-hand (online friends,
        // group chats, teachers, neighbours) (0.971 / 0.955 / 5.7 % blind;
        // 0.997 / 0.981 / 5.7 % after; 6.3 % since the retraining of the
        // twenty-first session: a fever "yesterday, gone today" after jabs).
        (
            "crisis-holdout49-categories.tsv",
            "informational-holdout49-categories.tsv",
            0.995,
            0.975,
            0.065,
        ),
        // Tenth session: violence, abuse and assault as victims, bystanders
        // and people losing control write it (0.971 / 0.942 / 10.2 % blind;
        // 1.000 / 0.971 / 8.5 % after).
        (
            "crisis-holdout46-categories.tsv",
            "informational-holdout46-categories.tsv",
            0.995,
            0.965,
            // 9.1 % since the twenty-fifth session's retraining (two more
            // learned alarms: "what does a hypo feel like?", "intrusive
            // thoughts or actually wanting to hurt someone?").
            0.092,
        ),
        // Tenth session: medicines, drugs, alcohol and household chemicals
        // (0.958 / 0.929 / 5.1 % blind; 1.000 / 0.974 / 5.1 % after).
        (
            "crisis-holdout47-categories.tsv",
            "informational-holdout47-categories.tsv",
            0.995,
            0.965,
            0.057,
        ),
        // Ninth session: pregnancy, birth and new parents (0.981 / 0.948 /
        // 4.0 % blind; 1.000 / 0.997 / 3.5 % after).
        (
            "crisis-holdout45-categories.tsv",
            "informational-holdout45-categories.tsv",
            0.995,
            0.99,
            0.04,
        ),
        // Ninth session: carers, older people and people alone at night
        // (0.984 / 0.961 / 4.0 % blind; 0.997 / 0.994 / 4.0 % after).
        (
            "crisis-holdout44-categories.tsv",
            "informational-holdout44-categories.tsv",
            0.99,
            0.99,
            0.045,
        ),
        // Ninth session: emergencies away from home (0.974 / 0.958 / 2.5 %
        // blind; 1.000 / 1.000 / 2.5 % after).
        (
            "crisis-holdout43-categories.tsv",
            "informational-holdout43-categories.tsv",
            0.995,
            0.995,
            0.03,
        ),
        // Ninth session: young people writing as they do on Discord
        // (0.981 / 0.961 / 6.1 % blind; 1.000 / 0.994 / 3.0 % after).
        (
            "crisis-holdout42-categories.tsv",
            "informational-holdout42-categories.tsv",
            0.995,
            0.99,
            0.035,
        ),
        // Eighth session, read after the blind measure: emergencies buried
        // in long posts (0.977 blind; its long near misses alarm 15 %) and
        // second-language, elderly and dialect writers (0.955 blind).
        (
            "crisis-holdout40-categories.tsv",
            "informational-holdout40-categories.tsv",
            0.99,
            0.98,
            0.15,
        ),
        (
            "crisis-holdout41-categories.tsv",
            "informational-holdout41-categories.tsv",
            0.99,
            0.98,
            0.108,
        ),
        // Seventh session, read after the blind measure: phone and voice
        // typing (0.997 blind), crises asked as questions (0.948), third
        // parties at work (0.948).
        (
            "crisis-holdout36-categories.tsv",
            "informational-holdout36-categories.tsv",
            0.99,
            0.99,
            0.02,
        ),
        (
            "crisis-holdout37-categories.tsv",
            "informational-holdout37-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            // Sensations from the inside (0.968 blind); its near misses
            // (past CPR, a friend who "might be hurting herself") still alarm.
            "crisis-holdout39-categories.tsv",
            "informational-holdout39-categories.tsv",
            0.99,
            0.99,
            0.07,
        ),
        (
            "crisis-holdout38-categories.tsv",
            "informational-holdout38-categories.tsv",
            0.99,
            0.98,
            0.045,
        ),
        (
            "crisis-holdout32-categories.tsv",
            "informational-holdout32-categories.tsv",
            0.95,
            0.94,
            0.02,
        ),
        (
            "crisis-holdout31-categories.tsv",
            "informational-holdout31-categories.tsv",
            0.97,
            0.96,
            0.05,
        ),
        (
            "crisis-holdout30-categories.tsv",
            "informational-holdout30-categories.tsv",
            // Read for phrases in round 27, not trained on (see train.rs).
            // 4.0 % since the retraining of the twenty-first session (a
            // learned alarm on "cut the grapes").
            0.935,
            0.93,
            0.04,
        ),
        (
            "crisis-holdout29-categories.tsv",
            "informational-holdout29-categories.tsv",
            0.975,
            0.97,
            0.035,
        ),
        (
            "crisis-holdout28-categories.tsv",
            "informational-holdout28-categories.tsv",
            0.99,
            0.99,
            0.065,
        ),
        (
            "crisis-holdout27-categories.tsv",
            "informational-holdout27-categories.tsv",
            0.99,
            0.99,
            0.035,
        ),
        (
            "crisis-holdout26-categories.tsv",
            "informational-holdout26-categories.tsv",
            0.99,
            0.99,
            0.05,
        ),
        (
            "crisis-holdout25-categories.tsv",
            "informational-holdout25-categories.tsv",
            0.99,
            0.99,
            // 4.5 % since round 26 ("something to worry about" is personal).
            0.05,
        ),
        (
            "crisis-holdout24-categories.tsv",
            "informational-holdout24-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            "crisis-holdout23-categories.tsv",
            "informational-holdout23-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            "crisis-holdout22-categories.tsv",
            "informational-holdout22-categories.tsv",
            0.99,
            0.99,
            // One more since the twenty-second session's retraining: a past
            // assault "only just realised", asking where to talk (the
            // sexual assault line is what it needs, though written as a
            // near miss).
            0.041,
        ),
        (
            "crisis-holdout21-categories.tsv",
            "informational-holdout21-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        (
            "crisis-holdout20-categories.tsv",
            "informational-holdout20-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        (
            "crisis-holdout19-categories.tsv",
            "informational-holdout19-categories.tsv",
            0.99,
            0.99,
            0.045,
        ),
        (
            "crisis-holdout18-categories.tsv",
            "informational-holdout18-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            "crisis-holdout17-categories.tsv",
            "informational-holdout17-categories.tsv",
            0.99,
            0.99,
            0.025,
        ),
        (
            "crisis-holdout16-categories.tsv",
            "informational-holdout16-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            "crisis-holdout15-categories.tsv",
            "informational-holdout15-categories.tsv",
            0.995,
            0.995,
            // 4.5 % (8 of 176) since the twenty-third session: a clock in
            // a question made one near miss's topic live (still unread).
            0.046,
        ),
        (
            "crisis-holdout14-categories.tsv",
            "informational-holdout14-categories.tsv",
            0.99,
            0.99,
            0.035,
        ),
        (
            "crisis-holdout13-categories.tsv",
            "informational-holdout13-categories.tsv",
            0.99,
            0.99,
            0.02,
        ),
        (
            "crisis-holdout12-categories.tsv",
            "informational-holdout12-categories.tsv",
            0.99,
            0.99,
            0.02,
        ),
        (
            "crisis-holdout11-categories.tsv",
            "informational-holdout11-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        (
            "crisis-holdout10-categories.tsv",
            "informational-holdout10-categories.tsv",
            0.99,
            0.99,
            0.015,
        ),
        (
            "crisis-holdout9-categories.tsv",
            "informational-holdout9-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        (
            "crisis-holdout8-categories.tsv",
            "informational-holdout8-categories.tsv",
            0.99,
            0.99,
            0.04,
        ),
        (
            "crisis-holdout7-categories.tsv",
            "informational-holdout7-categories.tsv",
            0.99,
            0.99,
            0.08,
        ),
        (
            "crisis-holdout6-categories.tsv",
            "informational-holdout6-categories.tsv",
            0.99,
            0.99,
            0.05,
        ),
        (
            "crisis-holdout5-categories.tsv",
            "informational-holdout5-categories.tsv",
            0.99,
            0.99,
            0.03,
        ),
        (
            "crisis-holdout4-categories.tsv",
            "informational-holdout4-categories.tsv",
            0.99,
            0.99,
            0.035,
        ),
        (
            "crisis-holdout3-categories.tsv",
            "informational-holdout3-categories.tsv",
            0.99,
            0.98,
            0.02,
        ),
        (
            "crisis-holdout2-categories.tsv",
            "informational-holdout2-categories.tsv",
            0.99,
            0.98,
            0.02,
        ),
    ] {
        let s = evaluate_safety(
            engine(),
            &eval_set(crisis, true),
            &eval_set(info, true),
            &uk(),
        );
        assert_eq!(s.by_category.len(), 22, "{crisis}");
        assert_eq!(s.by_region.len(), 7, "{crisis}");
        assert!(
            s.crisis_recall >= recall,
            "{crisis}: recall {:.3}",
            s.crisis_recall
        );
        assert!(
            s.right_number_rate >= right,
            "{crisis}: right {:.3}",
            s.right_number_rate
        );
        assert!(
            s.false_alarm_rate <= alarms,
            "{info}: false alarms {:.3}",
            s.false_alarm_rate
        );
    }
}

const CRISIS_RECALL_FLOOR: f64 = 0.98;
const FALSE_ALARM_CEILING: f64 = 0.02;

fn top_conditions(q: &str, opts: &AskOptions) -> Vec<String> {
    engine()
        .answer(q, opts)
        .results
        .iter()
        .flat_map(|r| r.conditions.clone())
        .collect()
}

#[test]
fn misspellings_still_find_their_condition() {
    for (q, want) in [
        ("i think i have diabeties", "diabetes"),
        ("migrane every week, what helps", "migraine"),
        ("my nan has alzhimers", "alzheimer's disease"),
        ("excema on my babys face", "eczema"),
        ("ashtma keeps getting worse", "asthma"),
    ] {
        let got = top_conditions(q, &uk());
        assert!(got.iter().any(|c| c.contains(want)), "{q:?} → {got:?}");
    }
}

#[test]
fn long_rambling_message_finds_its_condition() {
    let filler = "I have been so worried about everything lately, work has been busy, the kids are off school and my partner is away a lot. ";
    let q = format!(
        "{}Anyway the GP rang today and said my blood tests show type 2 diabetes and I need to start metformin. {}Where do I even start?",
        filler.repeat(5),
        filler.repeat(4)
    );
    assert!(q.len() > 1000);
    let got = top_conditions(&q, &uk());
    assert!(got.iter().any(|c| c == "type 2 diabetes"), "{got:?}");
}

#[test]
fn region_filter_serves_own_region_and_global_only() {
    for (opts, banned) in [(uk(), "us"), (us(), "uk")] {
        for q in [
            "type 2 diabetes where do I start",
            "asthma in children",
            "depression support",
            "breast cancer",
        ] {
            for r in engine().answer(q, &opts).results {
                assert!(
                    !r.regions.iter().all(|x| x == banned),
                    "{} served to {}",
                    r.id,
                    opts.region
                );
                assert!(r.regions.iter().any(|x| *x == opts.region || x == "global"));
            }
        }
    }
}

#[test]
fn results_are_deduplicated_and_bounded() {
    for k in 1..=5 {
        let opts = AskOptions {
            region: "uk".into(),
            k,
            ..super::support::pinned()
        };
        let reply = engine().answer("asthma", &opts);
        assert!(reply.results.len() <= k && !reply.results.is_empty());
        let mut urls: Vec<_> = reply.results.iter().map(|r| r.url.clone()).collect();
        urls.sort();
        urls.dedup();
        assert_eq!(urls.len(), reply.results.len());
    }
}

#[test]
fn expired_resources_are_never_served() {
    let far_future = time::Date::from_calendar_date(2100, time::Month::January, 1).unwrap();
    let reply = engine().answer_on("type 2 diabetes", &uk(), far_future);
    assert!(reply.results.is_empty());
    assert!(reply.no_match);
}

#[test]
fn did_you_mean_offers_a_near_condition() {
    let reply = engine().answer("what is sarkoydosiss", &uk());
    assert!(reply.no_match && reply.results.is_empty());
    let help = reply.no_match_help.unwrap();
    assert_eq!(help.did_you_mean, vec!["sarcoidosis".to_string()]);
    let text = signpost::reply::render_text(&engine().answer("what is sarkoydosiss", &uk()));
    assert!(text.contains("Did you mean: sarcoidosis?"), "{text}");
}

/// NHS website and NHS inform twins (same topic) never share an answer:
/// the NHS website's page is kept while no UK nation is set.
#[test]
fn nhs_and_nhs_inform_twins_never_share_an_answer() {
    for q in [
        "what is asthma",
        "eczema on my hands",
        "migraine help",
        "gout in my toe",
        "just diagnosed with type 2 diabetes",
        "shingles rash",
        "tonsillitis again",
    ] {
        let r = engine().answer(q, &uk());
        let topic = |t: &str| t.split('(').next().unwrap_or(t).trim().to_lowercase();
        let nhs: Vec<String> = r
            .results
            .iter()
            .filter(|i| i.publisher == "NHS")
            .map(|i| topic(&i.title))
            .collect();
        for i in r.results.iter().filter(|i| i.publisher == "NHS inform") {
            assert!(!nhs.contains(&topic(&i.title)), "{q}: {:?}", r.results);
        }
    }
}

/// Lay sets written blind in the seventh session, each question asked in its
/// own region (docs/QUALITY.md): described symptoms (14, 17; 15 never read),
/// background beside the asked condition (16), natural ca/nz/ie/au wording
/// (18), slang names and results (19).
#[test]
fn lay_sets_recall() {
    for (name, floor) in [
        ("region-questions14.tsv", 0.92),
        ("region-questions15.tsv", 0.68),
        ("region-questions16.tsv", 0.66),
        ("region-questions17.tsv", 0.88),
        ("region-questions18.tsv", 0.94),
        ("region-questions19.tsv", 0.91),
        ("region-questions20.tsv", 0.85),
        // Eighth session: natural ca/nz/ie/au wording, 300 conditions
        // (R@3 0.817 blind, 0.910 after its misses' signs).
        ("region-questions21.tsv", 0.89),
        // Ninth session: ca/nz/ie/au wording, 0.773 blind, 0.943 after signs.
        ("region-questions22.tsv", 0.93),
        // Ninth session: ca/nz thread replies, 0.737 blind, 0.900 after signs.
        ("region-questions23.tsv", 0.89),
    ] {
        assert_recall_at_least(&eval_set(name, true), &uk(), floor, name);
    }
}
