//! NHS website and NHS inform publish a page on most of the same topics,
//! often with the same title. Both are `uk`, so an answer could spend two
//! of its three places on one topic. The asker's nation decides which of a
//! pair is kept: NHS inform in Scotland, the NHS website everywhere else and
//! when no nation is set ([`crate::nation::preferred_nhs_publisher`]).

use rustc_hash::FxHashSet;

use super::searcher::Hit;
use super::select::Facts;
use crate::catalog::{Catalog, Resource};
use crate::nation::{self, Nation};

/// What a page is about, as keys a same-topic twin shares: its title
/// reduced to its topic (lower case, no bracketed part) and, for a page
/// about a single condition, that condition.
pub(super) fn topics(r: &Resource) -> [Option<String>; 2] {
    topics_of(&r.title, &r.conditions, &r.kind)
}

fn topics_of(title: &str, conditions: &[String], kind: &str) -> [Option<String>; 2] {
    let head = title.split('(').next().unwrap_or(title);
    let by_condition = match conditions {
        [only] if kind == "article" => Some(format!("condition:{only}")),
        _ => None,
    };
    [Some(head.trim().to_lowercase()), by_condition]
}

/// Remove the other NHS publisher's candidates whose topic a candidate of
/// the nation's preferred one also covers.
/// The topic keys are interned in [`Facts`] once per generation.
pub(super) fn drop_twins<T>(
    catalog: &Catalog,
    facts: &Facts,
    candidates: &mut Vec<(Hit, T)>,
    nation: Option<Nation>,
) {
    let kept_publisher = nation::preferred_nhs_publisher(nation);
    let twin_publisher = nation::other_nhs_publisher(nation);
    let kept: FxHashSet<u32> = candidates
        .iter()
        .filter(|(h, _)| catalog.resources[h.ord].publisher == kept_publisher)
        .flat_map(|(h, _)| facts.of(h.ord).topics.into_iter().flatten())
        .collect();
    if kept.is_empty() {
        return;
    }
    candidates.retain(|(h, _)| {
        catalog.resources[h.ord].publisher != twin_publisher
            || !facts
                .of(h.ord)
                .topics
                .iter()
                .flatten()
                .any(|t| kept.contains(t))
    });
}

#[cfg(test)]
mod tests {
    use super::topics_of;

    fn topics(title: &str, conditions: &[&str]) -> [Option<String>; 2] {
        let conditions: Vec<String> = conditions.iter().map(|c| c.to_string()).collect();
        topics_of(title, &conditions, "article")
    }

    #[test]
    fn topics_ignore_case_and_brackets_and_name_a_single_condition() {
        let a = topics("Asthma (adults)", &["asthma"]);
        assert_eq!(a, topics("asthma", &["asthma"]));
        assert_eq!(topics("Living with asthma", &["asthma"])[1], a[1]);
        assert_eq!(topics("Asthma and COPD", &["asthma", "copd"])[1], None);
    }
}
