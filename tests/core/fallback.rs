//! Regions with fewer pages answer from their fallback chain, labelled by
//! country; emergency contacts always stay the asker's own.

use signpost::engine::AskOptions;
use signpost::fallback::Fallback;

use super::support::{assert_recall_at_least, engine};

fn ask(q: &str, region: &str, fallback: Fallback) -> signpost::reply::Reply {
    let opts = AskOptions {
        region: region.into(),
        k: 3,
        fallback,
        ..super::support::pinned()
    };
    engine().answer(q, &opts)
}

/// A condition with no Canadian page: US pages, each labelled.
#[test]
fn a_missing_local_page_comes_from_the_chain_labelled() {
    let r = ask("i have eczema on my arms", "ca", Fallback::Default);
    assert_eq!(r.fallback_region.as_deref(), Some("us"), "{r:?}");
    assert!(!r.results.is_empty());
    for item in &r.results {
        assert_eq!(item.from_region.as_deref(), Some("US page"));
        assert!(item.regions.iter().any(|x| x == "us" || x == "global"));
    }
    assert!(signpost::reply::render_text(&r).contains("US page"));
}

/// Local pages always come first: no fallback when the region has one.
#[test]
fn local_pages_need_no_fallback() {
    let r = ask("what is asthma", "au", Fallback::Default);
    assert_eq!(r.fallback_region, None);
    assert!(r.results.iter().all(|i| i.from_region.is_none()));
    assert!(
        r.results
            .iter()
            .any(|i| i.regions.iter().any(|x| x == "au"))
    );
}

/// Switched off: a kind no-match with the region's own routes.
#[test]
fn with_the_chain_off_there_is_no_foreign_page() {
    let r = ask("i have eczema on my arms", "ca", Fallback::Off);
    assert!(r.no_match, "{r:?}");
    assert!(r.results.is_empty());
}

/// A crisis answered from the chain still shows the asker's own numbers.
#[test]
fn emergency_contacts_stay_local_on_a_fallback_answer() {
    let r = ask(
        "my eczema is so bad i want to kill myself",
        "ca",
        Fallback::Default,
    );
    let e = r.emergency.expect("screened");
    assert_eq!(e.region, "ca");
    assert!(r.urgent.text.contains("9-1-1"), "{}", r.urgent.text);
}

/// An asker whose country is unknown gets labelled UK pages, not "nothing".
#[test]
fn an_unknown_country_gets_labelled_uk_pages() {
    let r = ask("what is gout", "global", Fallback::Default);
    assert_eq!(r.fallback_region.as_deref(), Some("uk"), "{r:?}");
    assert!(
        r.results
            .iter()
            .all(|i| i.from_region.as_deref() == Some("UK page"))
    );
}

fn region_cases(name: &str, region: &str) -> Vec<signpost::eval::Case> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/eval")
        .join(name);
    let all = signpost::eval::read_cases(&std::fs::read_to_string(path).unwrap(), true).unwrap();
    all.into_iter()
        .filter(|c| c.region.as_deref() == Some(region))
        .collect()
}

/// Region-worded questions (GP / family doctor, Panadol / Tylenol / Pamol,
/// HSE, Healthline…), each asked in its own region with the default chain.
/// Floors sit a little below the figures in docs/QUALITY.md; the held-out
/// half was never read or tuned on.
#[test]
fn region_worded_questions_meet_their_floors() {
    let floors = [
        (
            "region-questions.tsv",
            [("ie", 0.93), ("ca", 0.90), ("au", 0.92), ("nz", 0.86)],
        ),
        (
            "region-holdout-questions.tsv",
            [("ie", 0.86), ("ca", 0.885), ("au", 0.86), ("nz", 0.875)],
        ),
        (
            "region-questions2.tsv",
            [("ie", 0.93), ("ca", 0.91), ("au", 0.94), ("nz", 0.92)],
        ),
        (
            // Lay wording, written blind, read once measured (0.588 overall).
            "region-questions4.tsv",
            [("ie", 0.83), ("ca", 0.74), ("au", 0.82), ("nz", 0.88)],
        ),
        (
            // Lay wording, written blind, read once measured (0.534 overall).
            "region-questions5.tsv",
            [("ie", 0.91), ("ca", 0.80), ("au", 0.86), ("nz", 0.91)],
        ),
        (
            // Half named, half described; written blind, read once
            // measured (0.794 overall).
            "region-questions6.tsv",
            [("ie", 0.95), ("ca", 0.91), ("au", 0.875), ("nz", 0.90)],
        ),
        (
            // Named, lay-named and described; blind first measure 0.725.
            "region-questions7.tsv",
            [("ie", 0.93), ("ca", 0.85), ("au", 0.80), ("nz", 0.86)],
        ),
        (
            // Common GP problems, half described; blind first measure 0.778.
            "region-questions8.tsv",
            [("ie", 0.93), ("ca", 0.875), ("au", 0.835), ("nz", 0.90)],
        ),
        (
            // Strong local voice; written blind, read once measured (0.844).
            "region-questions9.tsv",
            [("ie", 0.925), ("ca", 0.84), ("au", 0.875), ("nz", 0.925)],
        ),
        (
            // Half described, 318 conditions; blind first measure 0.709.
            "region-questions10.tsv",
            [("ie", 0.975), ("ca", 0.885), ("au", 0.875), ("nz", 0.875)],
        ),
        (
            // Short, hurried, local brand names; blind first measure 0.844.
            "region-questions11.tsv",
            [("ie", 0.935), ("ca", 0.925), ("au", 0.96), ("nz", 0.91)],
        ),
    ];
    for (file, per_region) in floors {
        for (region, floor) in per_region {
            let set = region_cases(file, region);
            assert_eq!(set.len(), 80, "{file} {region}");
            let opts = AskOptions {
                region: region.into(),
                k: 3,
                ..super::support::pinned()
            };
            assert_recall_at_least(&set, &opts, floor, &format!("{file} {region}"));
        }
    }
}

/// The region has pages, but not about what the question is mainly about:
/// the chain's page about it leads, labelled, and the region's own pages
/// follow (before, the local page about a side condition won alone).
#[test]
fn the_main_condition_comes_from_the_chain_when_only_side_topics_are_local() {
    let r = ask(
        "i have bedbugs in my flat and my asthma is worse",
        "ie",
        Fallback::Default,
    );
    assert_eq!(
        r.detected.first().map(String::as_str),
        Some("bedbugs"),
        "{r:?}"
    );
    let first = &r.results[0];
    assert!(first.conditions.iter().any(|c| c == "bedbugs"), "{r:?}");
    assert_eq!(first.from_region.as_deref(), Some("UK page"));
    assert!(
        r.results.iter().any(|i| i.from_region.is_none()),
        "local pages follow: {r:?}"
    );
    assert_eq!(r.fallback_region.as_deref(), Some("uk"));
}
