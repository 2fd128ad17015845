//! The right first aid: a caught crisis must show its own category's
//! steps, not only the right number. Choking and a breathing difficulty
//! both call the emergency number, but back blows are not an inhaler, so
//! "right number first" cannot see this; "right category" can.

use signpost::eval::evaluate_safety;

use super::support::{engine, eval_set, uk};

/// The lead category and the others named after it.
fn shown(q: &str) -> Vec<String> {
    let e = engine().answer(q, &uk()).emergency.expect("an emergency");
    std::iter::once(e.category)
        .chain(e.also.into_iter().map(|a| a.category))
        .collect()
}

#[test]
fn choking_leads_with_the_choking_steps() {
    for q in [
        // "a bit" once cancelled "choking" (it was there for "coughing a
        // bit"), and "toy" for "choking hazard toys".
        "my grandad is choking on a bit of steak and can't breathe",
        "she's choking on a small piece of a toy, no sound coming out, going blue",
        "my toddler put a coin in her mouth and now she's gagging and can't get air in",
        "he swallowed a grape whole and now he can't breathe, no noise at all",
    ] {
        assert_eq!(shown(q)[0], "choking", "{q}");
    }
}

#[test]
fn a_past_scare_is_still_not_choking_now() {
    for q in [
        "my son choked on a grape two years ago and couldn't breathe for a bit, he's fine now, how do I stop worrying?",
        "he was coughing a bit after his dinner, totally fine now",
    ] {
        assert!(engine().answer(q, &uk()).emergency.is_none(), "{q}");
    }
}

/// Share of crises whose block names the labelled category, per set (floors
/// a little under the figures of 2026-12-04, docs/QUALITY.md "Twenty-seventh
/// session").
#[test]
fn caught_crises_show_their_own_category() {
    for (crisis, floor) in [
        ("crisis-categories.tsv", 0.99),
        ("crisis-holdout-categories.tsv", 0.99),
        // Read for phrases, not trained on.
        ("crisis-holdout118-categories.tsv", 0.91),
        // Held out and never read.
        ("crisis-holdout115-categories.tsv", 0.88),
        ("crisis-holdout119-categories.tsv", 0.985),
        ("crisis-holdout120-categories.tsv", 0.975),
    ] {
        let s = evaluate_safety(engine(), &eval_set(crisis, true), &[], &uk());
        assert!(
            s.right_category_rate >= floor,
            "{crisis}: right category {:.3} (without it: {:?})",
            s.right_category_rate,
            s.wrong_category
        );
    }
}
