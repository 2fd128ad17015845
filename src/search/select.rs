//! From tantivy's top documents to the answer's few results.
//!
//! Every question reads the same per-resource facts (regions, conditions,
//! its page's identity, whether it is a condition's main page), so they are
//! worked out once per index generation ([`Facts`]) and the per-question
//! work compares integers, never strings.

use rustc_hash::FxHashMap;

use super::searcher::{Hit, RELEVANCE_FLOOR, SearchRequest};
use crate::bits::Bits;
use crate::catalog::{Catalog, REGIONS};

/// Score added for a resource of the asker's own region (tie-break).
const REGION_BONUS: f32 = 0.2;
/// Score added for a condition's main page, so it leads unless the
/// question names a sub-topic (a title match on "reconstruction" outscores it).
/// 4.0 until 2026-12-01; 8.0 put the main page first on 77 % of held-out UK
/// answers instead of 73 % with the same Recall@1 and Recall@3 (14.0: 79 %
/// but R@1 -0.003; 30.0: 84 % but R@3 -0.005).
const MAIN_PAGE_BONUS: f32 = 8.0;
/// Relevance added, once the pages are chosen, for being about the first
/// and the second detected condition (what the question is most about), so
/// the answer is ordered by one score. A weak match to the first condition
/// ("flu" beside a breastfeeding question) still gives way to a strong one
/// to the second. Chosen on the development sets (2026-12-02): 100/50 put
/// the right page first on 94.6 % of `patient-questions` (uk) against 94.1 %
/// for pure detection order and 92.0 % for the pages' own scores alone.
const SALIENCE: [f32; 2] = [100.0, 50.0];

/// What ranking needs to know of one resource.
#[derive(Debug, Clone)]
pub struct ResourceFacts {
    /// Bit `i` set: the resource lists `REGIONS[i]`.
    regions: u8,
    /// Its conditions, as catalog indices.
    conditions: Box<[u32]>,
    /// Same for the same page (case and a trailing `/` ignored).
    page: u32,
    /// A condition's main page ([`Catalog::is_main_page`]).
    main: bool,
    /// An organisation's home page, a helpline or a community: about no
    /// sub-topic, so never ahead of its condition's main page.
    general: bool,
    /// Written for women (`Some(true)`) or men ([`super::sex::written_for`]).
    for_women: Option<bool>,
    /// Same-topic keys shared with an NHS twin ([`super::twins`]).
    pub topics: [Option<u32>; 2],
}

/// [`ResourceFacts`] for every resource, by catalog position.
pub struct Facts {
    per: Vec<ResourceFacts>,
    /// Per condition (catalog index): its resources' positions, ascending.
    by_condition: Vec<Vec<u32>>,
    /// Distinct pages (`ResourceFacts::page` is below this).
    pages: usize,
}

impl Facts {
    /// Whether the resource at `ord` is a page for the other sex than the
    /// question's (`female`: [`super::sex::sex_of`]).
    pub fn for_other_sex(&self, ord: usize, female: Option<bool>) -> bool {
        female.is_some_and(|f| self.per.get(ord).is_some_and(|r| r.for_women == Some(!f)))
    }

    /// Work out the facts of every resource in `catalog`.
    pub fn new(catalog: &Catalog) -> Facts {
        let conditions = catalog.condition_ids();
        let mut pages: FxHashMap<String, u32> = FxHashMap::default();
        let mut topics: FxHashMap<String, u32> = FxHashMap::default();
        let intern = |map: &mut FxHashMap<String, u32>, key: String| {
            let next = map.len() as u32;
            *map.entry(key).or_insert(next)
        };
        let per = catalog
            .resources
            .iter()
            .map(|r| ResourceFacts {
                regions: REGIONS
                    .iter()
                    .enumerate()
                    .filter(|(_, code)| r.regions.iter().any(|x| x == *code))
                    .fold(0, |bits, (i, _)| bits | 1 << i),
                conditions: r
                    .conditions
                    .iter()
                    .filter_map(|c| conditions.get(c.as_str()).copied())
                    .collect(),
                page: intern(&mut pages, r.url.trim_end_matches('/').to_lowercase()),
                main: r.conditions.iter().any(|c| {
                    conditions
                        .get(c.as_str())
                        .is_some_and(|&i| Catalog::is_main_page(r, &catalog.conditions[i as usize]))
                }),
                general: is_general(r),
                for_women: super::sex::written_for(&r.title),
                topics: super::twins::topics(r).map(|t| t.map(|t| intern(&mut topics, t))),
            })
            .collect::<Vec<ResourceFacts>>();
        let mut by_condition = vec![Vec::new(); catalog.conditions.len()];
        for (ord, f) in per.iter().enumerate() {
            for &c in &f.conditions {
                by_condition[c as usize].push(ord as u32);
            }
        }
        Facts {
            per,
            by_condition,
            pages: pages.len(),
        }
    }

    /// The resources about the detected conditions that `region` may see,
    /// each scored with the sum of the weights of the conditions it covers
    /// (`weights`: condition, weight), best first, ties by catalog position,
    /// at most `limit`. The same set and order a tantivy query of constant
    /// scores over the condition field gives, from lists held in memory.
    pub fn condition_candidates(
        &self,
        weights: &[(u32, f32)],
        region: &str,
        limit: usize,
    ) -> Vec<(f32, usize)> {
        let (own, global) = region_bits(region);
        let mut found: Vec<(usize, f32)> = weights
            .iter()
            .flat_map(|&(c, w)| {
                let ords = self.by_condition.get(c as usize).map_or(&[][..], |v| v);
                ords.iter().map(move |&o| (o as usize, w))
            })
            .filter(|&(o, _)| self.per[o].regions & (own | global) != 0)
            .collect();
        found.sort_unstable_by_key(|&(o, _)| o);
        let mut merged: Vec<(f32, usize)> = Vec::with_capacity(found.len());
        for (o, w) in found {
            match merged.last_mut() {
                Some(last) if last.1 == o => last.0 += w,
                _ => merged.push((w, o)),
            }
        }
        merged.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        merged.truncate(limit);
        merged
    }

    /// The facts of the resource at catalog position `ord`.
    pub fn of(&self, ord: usize) -> &ResourceFacts {
        &self.per[ord]
    }
}

/// The region's bit, and `global`'s.
fn region_bits(region: &str) -> (u8, u8) {
    let bit = |code: &str| {
        REGIONS
            .iter()
            .position(|r| *r == code)
            .map_or(0, |i| 1u8 << i)
    };
    (bit(region), bit("global"))
}

/// An organisation's home page (its URL has no path, or its title is the
/// publisher's name), a helpline or a community, rather than an article
/// about one topic.
fn is_general(r: &crate::catalog::Resource) -> bool {
    let after_host = r.url.split("://").nth(1).unwrap_or("");
    let path = after_host.split_once('/').map_or("", |(_, p)| p);
    r.kind != "article"
        || path.trim_end_matches('/').is_empty()
        || r.title.eq_ignore_ascii_case(&r.publisher)
}

/// Pick the final results from the scored candidates (catalog positions).
/// `shared`: how many of the first detected conditions each get their best
/// page up front (2 when the second is a condition in its own right, 1
/// when it is a symptom mentioned beside the first).
pub(super) fn select(
    catalog: &Catalog,
    facts: &Facts,
    top: impl Iterator<Item = (f32, usize)>,
    detected: &[u32],
    shared: usize,
    req: &SearchRequest<'_>,
) -> Vec<Hit> {
    let (own, global) = region_bits(req.region);
    // One bit per page: a few dozen words to clear, where a hash set
    // grew and rehashed for every question.
    let mut seen_pages = Bits::new(facts.pages);
    let mut candidates: Vec<(Hit, Option<usize>)> = top
        .filter_map(|(score, ord)| {
            let r = catalog.resources.get(ord)?;
            let f = facts.per.get(ord)?;
            if !Catalog::is_current(r, req.today) || f.regions & (own | global) == 0 {
                return None;
            }
            // The first detected condition this resource covers, if any.
            let covers = detected.iter().position(|c| f.conditions.contains(c));
            let unrelated = if detected.is_empty() {
                score < RELEVANCE_FLOOR
            } else {
                covers.is_none()
            };
            if unrelated || !seen_pages.insert(f.page as usize) {
                return None;
            }
            // The asker's own region over `global` (a tie-break), and the
            // main page of the condition the question is about over its
            // side pages (not another condition's main page over them).
            let lead = covers.is_none_or(|c| c == 0);
            let bonus = if f.regions & own != 0 {
                REGION_BONUS
            } else {
                0.0
            } + if f.main && lead { MAIN_PAGE_BONUS } else { 0.0 };
            Some((
                Hit {
                    ord,
                    score: score + bonus,
                },
                covers,
            ))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    super::twins::drop_twins(catalog, facts, &mut candidates, req.nation);
    let chosen = first_k(&candidates, shared.min(detected.len()), req.k.clamp(1, 5));
    by_relevance(chosen, facts, detected)
}

/// The best `k`: each of the first `shared` detected conditions gets its
/// best page (in that order), then the rest by score; each with the
/// detected condition it covers.
fn first_k(
    candidates: &[(Hit, Option<usize>)],
    shared: usize,
    k: usize,
) -> Vec<(Hit, Option<usize>)> {
    let mut out: Vec<(Hit, Option<usize>)> = Vec::with_capacity(k);
    for wanted in 0..shared {
        if let Some(found) = candidates.iter().find(|(_, c)| *c == Some(wanted)) {
            out.push(*found);
        }
    }
    for found in candidates {
        if out.len() >= k {
            break;
        }
        if !out.iter().any(|(h, _)| h.ord == found.0.ord) {
            out.push(*found);
        }
    }
    out.truncate(k);
    out
}

/// The chosen pages in order of one relevance score: the page's own score
/// plus [`SALIENCE`] for the condition it is about, ties by catalog
/// position. The score shown is that relevance. The main page of the
/// condition the question is about then moves just ahead of that
/// condition's general pages ([`main_before_general`]).
fn by_relevance(chosen: Vec<(Hit, Option<usize>)>, facts: &Facts, detected: &[u32]) -> Vec<Hit> {
    let mut hits: Vec<(Hit, Option<usize>)> = chosen
        .into_iter()
        .map(|(hit, covers)| {
            let salience = covers.and_then(|c| SALIENCE.get(c)).copied().unwrap_or(0.0);
            let score = hit.score + salience;
            (Hit { score, ..hit }, covers)
        })
        .collect();
    main_before_general(&mut hits, facts, detected);
    hits.sort_by(|a, b| b.0.score.total_cmp(&a.0.score).then(a.0.ord.cmp(&b.0.ord)));
    hits.into_iter().map(|(hit, _)| hit).collect()
}

/// A charity's home page or helpline may outscore the condition's own
/// overview ("American Lung Association" over "Lung Cancer") on a few more
/// matching words, but it names no sub-topic the patient asked about, so
/// the first condition's main page takes a score just above the best such
/// page. A general page that also covers a second detected condition keeps
/// its place: it serves the whole question. Sub-topic articles ("Knee
/// replacement") keep theirs too. Chosen on the development sets
/// (2026-12-02): main page first 82.0 → 84.2 % (uk), 71.0 → 75.0 % (us),
/// Recall@3 unchanged.
fn main_before_general(hits: &mut [(Hit, Option<usize>)], facts: &Facts, detected: &[u32]) {
    let lead = |c: &Option<usize>| *c == Some(0);
    let general_alone = |h: &Hit| {
        let f = facts.of(h.ord);
        f.general && detected.iter().filter(|c| f.conditions.contains(c)).count() == 1
    };
    let best_general = hits
        .iter()
        .filter(|(h, c)| lead(c) && !facts.of(h.ord).main && general_alone(h))
        .map(|(h, _)| h.score)
        .fold(f32::MIN, f32::max);
    let main = hits
        .iter_mut()
        .filter(|(h, c)| lead(c) && facts.of(h.ord).main)
        .max_by(|a, b| a.0.score.total_cmp(&b.0.score));
    if let Some((hit, _)) = main
        && hit.score < best_general
    {
        hit.score = best_general + 0.01;
    }
}

#[cfg(test)]
mod tests {
    use super::{Facts, Hit, ResourceFacts, by_relevance};

    fn hit(ord: usize, score: f32) -> Hit {
        Hit { ord, score }
    }

    /// Ten resources; `(ord, conditions, main, general)` for those that matter.
    fn facts(special: &[(usize, &[u32], bool, bool)]) -> Facts {
        let mut per: Vec<ResourceFacts> = (0..10)
            .map(|i| ResourceFacts {
                regions: 1,
                conditions: Box::new([]),
                page: i,
                main: false,
                general: false,
                for_women: None,
                topics: [None, None],
            })
            .collect();
        for &(ord, conditions, main, general) in special {
            per[ord].conditions = conditions.into();
            per[ord].main = main;
            per[ord].general = general;
        }
        let pages = per.iter().map(|f| f.page as usize + 1).max().unwrap_or(0);
        Facts {
            per,
            by_condition: Vec::new(),
            pages,
        }
    }

    fn order(chosen: Vec<(Hit, Option<usize>)>, f: &Facts, detected: &[u32]) -> Vec<(usize, f32)> {
        by_relevance(chosen, f, detected)
            .iter()
            .map(|h| (h.ord, h.score))
            .collect()
    }

    #[test]
    fn answers_are_ordered_by_one_relevance_score() {
        // A weak page of the first condition, a strong one of the second, a
        // page of neither, and a tie broken by catalog position.
        let chosen = vec![
            (hit(7, 28.0), Some(0)),
            (hit(3, 100.0), Some(1)),
            (hit(9, 60.0), None),
            (hit(1, 60.0), None),
        ];
        let got = order(chosen, &facts(&[]), &[0, 1]);
        assert_eq!(got, [(3, 150.0), (7, 128.0), (1, 60.0), (9, 60.0)]);
    }

    #[test]
    fn a_charity_home_page_never_leads_its_conditions_main_page() {
        // 1: a charity's home page for condition 0; 2: condition 0's main
        // page; 3: a sub-topic article of condition 0, scoring highest.
        let f = facts(&[
            (1, &[0], false, true),
            (2, &[0], true, false),
            (3, &[0], false, false),
        ]);
        let chosen = vec![(hit(1, 60.0), Some(0)), (hit(2, 59.0), Some(0))];
        assert_eq!(order(chosen, &f, &[0])[0].0, 2);
        // A sub-topic article keeps its lead.
        let chosen = vec![(hit(3, 60.0), Some(0)), (hit(2, 59.0), Some(0))];
        assert_eq!(order(chosen, &f, &[0])[0].0, 3);
    }

    #[test]
    fn a_general_page_for_two_asked_conditions_keeps_its_place() {
        let f = facts(&[(1, &[0, 1], false, true), (2, &[0], true, false)]);
        let chosen = vec![(hit(1, 60.0), Some(0)), (hit(2, 59.0), Some(0))];
        assert_eq!(order(chosen, &f, &[0, 1])[0].0, 1);
    }
}
