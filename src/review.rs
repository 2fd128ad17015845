//! The clinicians' to-do list: resources whose review date has passed or is near.

use std::collections::BTreeMap;

use time::{Date, Duration};

use crate::catalog::{Catalog, Resource};

/// Resources due for review, grouped by reviewer id, soonest first.
pub fn due(catalog: &Catalog, today: Date, within_days: i64) -> BTreeMap<String, Vec<&Resource>> {
    let horizon = today + Duration::days(within_days.max(0));
    let mut groups: BTreeMap<String, Vec<&Resource>> = BTreeMap::new();
    for r in catalog.resources.iter().filter(|r| r.review_by <= horizon) {
        groups.entry(r.approved_by.clone()).or_default().push(r);
    }
    for list in groups.values_mut() {
        list.sort_by(|a, b| a.review_by.cmp(&b.review_by).then(a.id.cmp(&b.id)));
    }
    groups
}
