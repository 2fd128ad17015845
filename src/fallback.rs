//! Where to look when the asker's region has no page for their question.
//!
//! Ireland, Canada, Australia and New Zealand have fewer vetted pages than
//! the UK and the US. Rather than say "nothing found", an answer may come
//! from a nearby region's pages, each labelled with its country so nobody
//! mistakes an NHS page for their own service. Emergency and urgent contacts
//! always stay those of the asker's own region.

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::search::Hit;

/// How an answer may fall back to other regions' pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Fallback {
    /// The default chain for the region ([`default_chain`]).
    #[default]
    Default,
    /// Local pages only.
    Off,
    /// These regions, in order.
    Chain(Vec<String>),
}

/// The default chains: Ireland and Australia to the UK, Canada to the US,
/// New Zealand to Australia then the UK; each then to the other of the UK
/// and the US, so a condition neither nearby catalog covers still gets a
/// labelled page from a public service rather than "nothing found". An
/// asker whose country is unknown (`global`) gets labelled UK, then US
/// pages (the catalog's UK coverage is the broadest). The UK and US fall
/// back nowhere.
pub fn default_chain(region: &str) -> &'static [&'static str] {
    match region {
        "ie" | "au" => &["uk", "us"],
        "ca" => &["us", "uk"],
        "nz" => &["au", "uk", "us"],
        "global" => &["uk", "us"],
        _ => &[],
    }
}

impl Fallback {
    /// The regions to try after `region`, in order, never `region` itself.
    pub fn chain(&self, region: &str) -> Vec<String> {
        let regions: Vec<String> = match self {
            Fallback::Default => default_chain(region)
                .iter()
                .map(|r| r.to_string())
                .collect(),
            Fallback::Off => Vec::new(),
            Fallback::Chain(c) => c.clone(),
        };
        let mut seen = vec![region.to_string()];
        regions
            .into_iter()
            .filter(|r| {
                let new = !seen.contains(r);
                seen.push(r.clone());
                new
            })
            .collect()
    }
}

/// The label shown beside a page from another region ("UK page").
pub fn label(region: &str) -> String {
    let country = match region {
        "uk" => "UK",
        "us" => "US",
        "ie" => "Irish",
        "ca" => "Canadian",
        "au" => "Australian",
        "nz" => "New Zealand",
        other => other,
    };
    format!("{country} page")
}

/// Whether `hits` include a page about condition `main` (catalog index);
/// with no condition detected, whether there are any hits at all.
pub fn covers(catalog: &Catalog, hits: &[Hit], main: Option<usize>) -> bool {
    match main.and_then(|c| catalog.conditions.get(c)) {
        None => !hits.is_empty(),
        Some(c) => hits
            .iter()
            .any(|h| catalog.resources[h.ord].conditions.contains(&c.name)),
    }
}

/// The answer when the region has pages but none about the main condition:
/// the fallback region's pages about it first (so the patient gets the page
/// they asked about, labelled), then the region's own pages, then the
/// fallback's others, at most `k`, no resource twice. `true` marks a local hit.
pub fn merge(
    catalog: &Catalog,
    local: &[Hit],
    other: &[Hit],
    main: Option<usize>,
    k: usize,
) -> Vec<(Hit, bool)> {
    let about = |h: &Hit| covers(catalog, std::slice::from_ref(h), main);
    let ordered = other
        .iter()
        .filter(|h| about(h))
        .map(|h| (*h, false))
        .chain(local.iter().map(|h| (*h, true)))
        .chain(other.iter().filter(|h| !about(h)).map(|h| (*h, false)));
    let mut out: Vec<(Hit, bool)> = Vec::with_capacity(k);
    for (h, is_local) in ordered {
        if out.len() == k {
            break;
        }
        if !out.iter().any(|(x, _)| x.ord == h.ord) {
            out.push((h, is_local));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_follow_the_defaults_and_never_loop() {
        assert_eq!(Fallback::Default.chain("nz"), ["au", "uk", "us"]);
        assert_eq!(Fallback::Default.chain("ca"), ["us", "uk"]);
        assert!(Fallback::Default.chain("uk").is_empty());
        assert_eq!(Fallback::Default.chain("global"), ["uk", "us"]);
        assert!(Fallback::Off.chain("ie").is_empty());
        let c = Fallback::Chain(vec!["ie".into(), "uk".into(), "uk".into()]);
        assert_eq!(c.chain("ie"), ["uk"]);
        assert_eq!(label("uk"), "UK page");
    }
}
