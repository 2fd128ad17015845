//! Which conditions lack resources, per region: what clinicians should add next.

use crate::catalog::Catalog;

/// Gaps in the catalog.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// (region, conditions with no resource usable there).
    pub missing: Vec<(String, Vec<String>)>,
    /// Conditions with exactly one resource in all.
    pub single: Vec<String>,
}

/// Count resources per condition and region (`global` counts for every region).
pub fn coverage(catalog: &Catalog, regions: &[&str]) -> Coverage {
    let count = |name: &str, region: Option<&str>| {
        catalog
            .resources
            .iter()
            .filter(|r| r.conditions.iter().any(|c| c == name))
            .filter(|r| {
                region.is_none_or(|reg| r.regions.iter().any(|x| x == reg || x == "global"))
            })
            .count()
    };
    let missing = regions
        .iter()
        .map(|reg| {
            let names = catalog
                .conditions
                .iter()
                .filter(|c| count(&c.name, Some(reg)) == 0)
                .map(|c| c.name.clone())
                .collect();
            (reg.to_string(), names)
        })
        .collect();
    let single = catalog
        .conditions
        .iter()
        .filter(|c| count(&c.name, None) == 1)
        .map(|c| c.name.clone())
        .collect();
    Coverage { missing, single }
}
