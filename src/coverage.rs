//! Which conditions lack resources, per region: what clinicians should add next.

use crate::catalog::{Catalog, REGIONS, Resource};
use crate::fallback::Fallback;

/// Gaps in the catalog.
#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// (region, conditions with no resource usable there).
    pub missing: Vec<(String, Vec<String>)>,
    /// Conditions with exactly one resource in all.
    pub single: Vec<String>,
}

/// How one region is served, in conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionCoverage {
    pub region: String,
    /// Conditions with a page of the region's own (not counting `global`).
    pub local: usize,
    /// Conditions with no page usable in the region that its default
    /// fallback chain answers (labelled pages of another country).
    pub via_fallback: usize,
    /// Conditions with nothing usable even through the chain.
    pub none: usize,
}

/// Whether `r` covers condition `name` in `region` (`global` pages count
/// only when `with_global`).
fn covers(r: &Resource, name: &str, region: &str, with_global: bool) -> bool {
    r.conditions.iter().any(|c| c == name)
        && r.regions
            .iter()
            .any(|x| x == region || with_global && x == "global")
}

/// Every region's coverage, with the default fallback chains. Conditions
/// served only by `global` pages count in none of the three.
pub fn regions(catalog: &Catalog) -> Vec<RegionCoverage> {
    let has = |name: &str, region: &str, with_global: bool| {
        catalog
            .resources
            .iter()
            .any(|r| covers(r, name, region, with_global))
    };
    REGIONS
        .iter()
        .map(|&region| {
            let chain = Fallback::Default.chain(region);
            let (mut local, mut via, mut none) = (0, 0, 0);
            for c in &catalog.conditions {
                if has(&c.name, region, false) {
                    local += 1;
                } else if !has(&c.name, region, true) {
                    if chain.iter().any(|r| has(&c.name, r, true)) {
                        via += 1;
                    } else {
                        none += 1;
                    }
                }
            }
            RegionCoverage {
                region: region.to_string(),
                local,
                via_fallback: via,
                none,
            }
        })
        .collect()
}

/// Count resources per condition and region (`global` counts for every region).
pub fn coverage(catalog: &Catalog, regions: &[&str]) -> Coverage {
    let count = |name: &str, region: Option<&str>| {
        catalog
            .resources
            .iter()
            .filter(|r| match region {
                Some(reg) => covers(r, name, reg, true),
                None => r.conditions.iter().any(|c| c == name),
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
