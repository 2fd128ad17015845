//! UK nations: NHS inform leads in Scotland, the NHS website elsewhere, and
//! an asker whose nation is known sees only the lines that serve it.

use signpost::engine::AskOptions;
use signpost::nation::Nation;
use signpost::reply::Reply;

use super::support::engine;

fn ask(q: &str, nation: Option<Nation>) -> Reply {
    let opts = AskOptions {
        region: "uk".into(),
        nation,
        k: 3,
        ..super::support::pinned()
    };
    engine().answer(q, &opts)
}

fn publishers(r: &Reply) -> Vec<&str> {
    r.results.iter().map(|i| i.publisher.as_str()).collect()
}

/// The same question: an NHS inform page leads in Scotland, the NHS
/// website's elsewhere, and never both on the same topic.
#[test]
fn scotland_leads_with_nhs_inform_and_no_answer_repeats_a_topic() {
    for q in [
        "i have asthma",
        "what is shingles",
        "worried about my gallstones",
    ] {
        let scot = ask(q, Some(Nation::Scotland));
        assert_eq!(
            publishers(&scot).first(),
            Some(&"NHS inform"),
            "{q}: {scot:?}"
        );
        for nation in [None, Some(Nation::England), Some(Nation::Wales)] {
            let r = ask(q, nation);
            assert_eq!(
                publishers(&r).first(),
                Some(&"NHS"),
                "{q} {nation:?}: {r:?}"
            );
        }
        for r in [&scot, &ask(q, None)] {
            let mut topics: Vec<String> = r
                .results
                .iter()
                .filter(|i| i.publisher.starts_with("NHS"))
                .map(|i| {
                    i.title
                        .split('(')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_lowercase()
                })
                .collect();
            let all = topics.len();
            topics.sort();
            topics.dedup();
            assert_eq!(topics.len(), all, "{q}: two NHS pages on one topic: {r:?}");
        }
    }
}

fn contact_names(r: &Reply) -> Vec<String> {
    let block = r.emergency.as_ref().expect("an emergency block");
    block.contacts.iter().map(|c| c.name.clone()).collect()
}

/// A domestic-abuse crisis: each nation's own helpline, and only that one;
/// with no nation set, every nation's line, labelled.
#[test]
fn each_nation_gets_its_own_domestic_abuse_line() {
    let q = "my husband is hitting me and i am scared to go home tonight";
    let wales = contact_names(&ask(q, Some(Nation::Wales)));
    assert!(wales.iter().any(|n| n == "Live Fear Free"), "{wales:?}");
    assert!(
        !wales
            .iter()
            .any(|n| n == "National Domestic Abuse Helpline"),
        "{wales:?}"
    );
    let ni = contact_names(&ask(q, Some(Nation::NorthernIreland)));
    assert!(
        ni.iter().any(|n| n == "Domestic and Sexual Abuse Helpline"),
        "{ni:?}"
    );
    assert_eq!(ni.len(), 2, "999 and the nation's line only: {ni:?}");
    let all = ask(q, None);
    let block = all.emergency.as_ref().unwrap();
    assert!(block.contacts.len() > 2);
    assert!(
        block.contacts[1..].iter().all(|c| !c.area.is_empty()),
        "{block:?}"
    );
}

/// Northern Ireland has no NHS 111: its safety net, urgent lines and
/// no-match routes never offer it; Scotland's no-match routes name NHS inform.
#[test]
fn northern_ireland_is_never_offered_111_and_scotland_gets_nhs_inform() {
    let ni = ask("zzqx blorp", Some(Nation::NorthernIreland));
    let routes = &ni.no_match_help.as_ref().unwrap().routes;
    assert!(routes.iter().all(|c| !c.url.contains("111")), "{routes:?}");
    let sick = ask(
        "my 3 year old has a temperature of 39 and wont stop crying, what do i do",
        Some(Nation::NorthernIreland),
    );
    let text = signpost::reply::render_text(&sick);
    assert!(!text.contains("NHS 111"), "{text}");
    let scot = ask("zzqx blorp", Some(Nation::Scotland));
    let routes = &scot.no_match_help.as_ref().unwrap().routes;
    assert!(
        routes.iter().any(|c| c.url.contains("nhsinform.scot")),
        "{routes:?}"
    );
    assert!(
        !routes.iter().any(|c| c.url == "https://111.nhs.uk/"),
        "{routes:?}"
    );
}

/// Outside the UK a nation changes nothing.
#[test]
fn a_nation_outside_the_uk_is_ignored() {
    let opts = |nation| AskOptions {
        region: "ie".into(),
        nation,
        k: 3,
        ..super::support::pinned()
    };
    let q = "what is shingles";
    let a = engine().answer(q, &opts(None));
    let b = engine().answer(q, &opts(Some(Nation::Scotland)));
    assert_eq!(a, b);
}
