//! Snapshot-style tests of the Discord rendering.

use super::limits;
use super::*;
use crate::reply::{Contact, Emergency, NoMatchHelp, Reply, ResultItem, Urgent};

fn item(n: usize, placeholder: bool) -> ResultItem {
    ResultItem {
        id: format!("r{n}"),
        title: format!("Asthma guide {n}"),
        url: format!("https://example.org/asthma/{n}"),
        publisher: "NHS".into(),
        summary: "How to use an inhaler.\nSecond line is not shown.".into(),
        conditions: vec!["asthma".into()],
        regions: vec!["uk".into()],
        kind: "guide".into(),
        phone: None,
        hours: None,
        from_region: None,
        reviewed_on: "2025-01-31".into(),
        placeholder_review: placeholder,
        score: 1.0,
    }
}

fn reply(results: Vec<ResultItem>, emergency: bool) -> Reply {
    Reply {
        emergency: emergency.then(|| Emergency {
            category: "suicide".into(),
            region: "uk".into(),
            message: "You deserve support right now.".into(),
            contacts: vec![Contact {
                name: "Samaritans".into(),
                number: "116 123".into(),
                url: "https://www.samaritans.org".into(),
                kind: "crisis".into(),
                hours: String::new(),
                area: String::new(),
            }],
            name: "Suicidal thoughts".into(),
            urgency: "life-threatening".into(),
            steps: vec!["Stay with them.".into()],
            source: "https://www.nhs.uk/".into(),
            publisher: "NHS".into(),
            also: Vec::new(),
        }),
        no_match: results.is_empty(),
        results,
        notice: "This is not medical advice; talk to your doctor.".into(),
        no_match_help: None,
        region: "uk".into(),
        urgent: Urgent {
            text: "In an emergency call 999. To talk now: Samaritans 116 123.".into(),
            contacts: Vec::new(),
        },
        detected: Vec::new(),
        fallback_region: None,
    }
}

const ONE_RESULT: &str = "\
embed 0 color=1a73e8
  title: Resources that may help
  description:
    **[Asthma guide 1](https://example.org/asthma/1)**
    NHS — How to use an inhaler.
    *Reviewed 2025-01-31*
  field Please note:
    This is not medical advice; talk to your doctor.
  footer: In an emergency call 999. To talk now: Samaritans 116 123.
";

#[test]
fn one_result_snapshot() {
    let r = render(&reply(vec![item(1, false)], false), 3, Style::Embeds);
    assert_eq!(r.snapshot(), ONE_RESULT);
}

const CRISIS: &str = "\
embed 0 color=d93025
  title: ⚠️ If you might be in danger, get help now
  description:
    **You deserve support right now.**
    1. Stay with them.
    
    **Samaritans** — 116 123 — <https://www.samaritans.org>
    Steps from NHS: <https://www.nhs.uk/>
  footer: Contacts for region: UK
embed 1 color=1a73e8
  title: Resources that may help
  description:
    **[Asthma guide 1](https://example.org/asthma/1)**
    NHS — How to use an inhaler.
    *Listed 2025-01-31 (placeholder approval, not yet clinician-reviewed)*
  field Please note:
    This is not medical advice; talk to your doctor.
  footer: In an emergency call 999. To talk now: Samaritans 116 123.
";

#[test]
fn crisis_puts_emergency_first_and_never_claims_placeholder_review() {
    let r = render(&reply(vec![item(1, true)], true), 3, Style::Embeds);
    assert_eq!(r.snapshot(), CRISIS);
    assert!(!r.snapshot().contains("Reviewed"));
}

#[test]
fn emergency_without_results_carries_the_notice() {
    let mut rep = reply(vec![], true);
    rep.no_match = false;
    let r = render(&rep, 3, Style::Embeds);
    assert_eq!(r.embeds.len(), 1);
    assert_eq!(r.embeds[0].color, Some(EMERGENCY_COLOR));
    assert_eq!(r.embeds[0].fields[0].0, "Please note");
    // With no match, the no-match help follows the emergency block.
    let r = render(&reply(vec![], true), 3, Style::Embeds);
    assert_eq!(r.embeds.len(), 2);
    assert_eq!(r.embeds[0].color, Some(EMERGENCY_COLOR));
    assert_eq!(r.embeds[1].color, Some(NO_MATCH_COLOR));
}

const NO_MATCH: &str = "\
embed 0 color=5f6368
  title: No vetted resource found
  description:
    Nothing vetted matched.
    
    Did you mean: asthma?
    
    **NHS 111 online** — <https://111.nhs.uk>
  field Please note:
    This is not medical advice; talk to your doctor.
  footer: In an emergency call 999. To talk now: Samaritans 116 123.
";

#[test]
fn no_match_snapshot() {
    let mut rep = reply(vec![], false);
    rep.no_match_help = Some(NoMatchHelp {
        message: "Nothing vetted matched.".into(),
        routes: vec![Contact::route("NHS 111 online", "https://111.nhs.uk")],
        did_you_mean: vec!["asthma".into()],
    });
    assert_eq!(render(&rep, 3, Style::Embeds).snapshot(), NO_MATCH);
}

const PLAIN: &str = "\
content:
**⚠️ If you might be in danger, get help now**
**You deserve support right now.**
1. Stay with them.

**Samaritans** — 116 123 — <https://www.samaritans.org>
Steps from NHS: <https://www.nhs.uk/>

**Resources that may help**
1. **Asthma guide 1** — NHS <https://example.org/asthma/1>
   How to use an inhaler.
   Reviewed 2025-01-31

_This is not medical advice; talk to your doctor._
In an emergency call 999. To talk now: Samaritans 116 123.
";

#[test]
fn plain_text_fallback_snapshot() {
    let r = render(&reply(vec![item(1, false)], true), 3, Style::Plain);
    assert_eq!(r.snapshot(), PLAIN);
}

#[test]
fn at_most_k_and_never_more_than_five() {
    let many: Vec<_> = (1..=8).map(|n| item(n, false)).collect();
    let r = render(&reply(many.clone(), false), 2, Style::Embeds);
    assert_eq!(r.snapshot().matches("Asthma guide").count(), 2);
    let r = render(&reply(many, false), 9, Style::Embeds);
    assert_eq!(r.snapshot().matches("Asthma guide").count(), 5);
}

#[test]
fn huge_fields_respect_every_limit() {
    let mut big = item(1, false);
    big.title = "T".repeat(1000);
    big.summary = "é".repeat(5000);
    big.publisher = "P".repeat(3000);
    let mut rep = reply(
        vec![big.clone(), big.clone(), big.clone(), big.clone(), big],
        true,
    );
    rep.notice = "N".repeat(5000);
    if let Some(e) = rep.emergency.as_mut() {
        e.message = "🚑".repeat(9000);
    }
    let r = render(&rep, 5, Style::Embeds);
    let total: usize = r.embeds.iter().map(EmbedSpec::size).sum();
    assert!(total <= limits::EMBEDS_TOTAL, "{total}");
    for e in &r.embeds {
        assert!(limits::len(e.title.as_deref().unwrap_or("")) <= limits::TITLE);
        assert!(limits::len(e.description.as_deref().unwrap_or("")) <= limits::DESCRIPTION);
        for (n, v) in &e.fields {
            assert!(limits::len(n) <= limits::FIELD_NAME && limits::len(v) <= limits::FIELD_VALUE);
        }
    }
    assert_eq!(r.embeds[0].color, Some(EMERGENCY_COLOR));
    assert_eq!(
        r.embeds.last().unwrap().fields.last().unwrap().0,
        "Please note"
    );
    let p = render(&rep, 5, Style::Plain);
    let content = p.content.unwrap();
    assert!(limits::len(&content) <= limits::CONTENT);
    assert!(content.starts_with("**⚠️"));
    assert!(content.contains("_NNN"));
}

#[test]
fn markdown_in_catalog_text_cannot_break_links() {
    let mut it = item(1, false);
    it.title = "A [tricky] *title*".into();
    it.url = "https://example.org/a_(b)".into();
    let r = render(&reply(vec![it], false), 1, Style::Embeds);
    let d = r.embeds[0].description.clone().unwrap();
    assert!(
        d.starts_with("**[A (tricky)  title ](https://example.org/a_%28b%29)**"),
        "{d}"
    );
}

#[test]
fn a_helpline_shows_its_number_in_both_styles() {
    let mut line = item(1, false);
    line.phone = Some("116 123".into());
    line.hours = Some("24/7".into());
    for style in [Style::Embeds, Style::Plain] {
        let r = render(&reply(vec![line.clone()], false), 3, style);
        assert!(
            r.snapshot().contains("Phone 116 123 (24/7)"),
            "{}",
            r.snapshot()
        );
    }
}

#[test]
fn feedback_links_are_the_resources_shown_and_only_those() {
    let many: Vec<_> = (1..=8).map(|n| item(n, false)).collect();
    for style in [Style::Embeds, Style::Plain] {
        let r = render(&reply(many.clone(), true), 2, style);
        assert_eq!(r.links, vec!["r1".to_string(), "r2".to_string()]);
        // An emergency block alone, or nothing vetted: no catalog link.
        assert!(render(&reply(Vec::new(), true), 3, style).links.is_empty());
        assert!(render(&reply(Vec::new(), false), 3, style).links.is_empty());
    }
    assert!(Rendered::note("hi").links.is_empty());
}
