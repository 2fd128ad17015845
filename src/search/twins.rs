//! NHS website and NHS inform publish a page on most of the same topics,
//! often with the same title. Both are `uk`, so an answer could spend two
//! of its three places on one topic. Until a server can say which UK nation
//! it is in, the NHS website's page is kept and NHS inform's twin dropped.

use std::collections::HashSet;

use super::searcher::Hit;
use crate::catalog::Catalog;

const KEPT: &str = "NHS";
const TWIN: &str = "NHS inform";

/// A title reduced to its topic: lower case, no bracketed part.
fn topic(title: &str) -> String {
    let head = title.split('(').next().unwrap_or(title);
    head.trim().to_lowercase()
}

/// Remove NHS inform candidates whose topic an NHS candidate also covers.
pub(super) fn drop_twins<T>(catalog: &Catalog, candidates: &mut Vec<(Hit, T)>) {
    let kept: HashSet<String> = candidates
        .iter()
        .map(|(h, _)| &catalog.resources[h.ord])
        .filter(|r| r.publisher == KEPT)
        .map(|r| topic(&r.title))
        .collect();
    if kept.is_empty() {
        return;
    }
    candidates.retain(|(h, _)| {
        let r = &catalog.resources[h.ord];
        r.publisher != TWIN || !kept.contains(&topic(&r.title))
    });
}

#[cfg(test)]
mod tests {
    use super::topic;

    #[test]
    fn topics_ignore_case_and_brackets() {
        assert_eq!(topic("Asthma (adults)"), "asthma");
        assert_eq!(topic("asthma"), topic("Asthma"));
    }
}
