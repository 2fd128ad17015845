//! Retrieval quality: where the expected condition first appears, and what
//! a patient sees (issue "answer precision"): how many shown links are about
//! the question's condition, how often the first link is about something
//! else, and how often it is the condition's main page.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Case;
use crate::catalog::{Catalog, Resource};
use crate::engine::{AskOptions, Engine};
use crate::reply::Reply;

/// Figures over a group of questions (all, or one region's).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub total: usize,
    pub recall_at_1: f64,
    pub recall_at_k: f64,
    pub mrr: f64,
    pub no_match_rate: f64,
    /// Of all links shown, the share tagged with the question's condition.
    pub precision: f64,
    /// Of answers with links, the share whose first link is not about the
    /// question's condition.
    pub off_topic_first: f64,
    /// Of answers with links, the share whose first link is the condition's
    /// main page ([`Catalog::is_main_page`]).
    pub main_first: f64,
}

/// Retrieval quality over a question set.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub total: usize,
    pub recall_at_1: f64,
    pub recall_at_k: f64,
    pub mrr: f64,
    pub no_match_rate: f64,
    pub k: usize,
    /// Everything at once, and per region asked in.
    pub overall: Figures,
    pub by_region: BTreeMap<String, Figures>,
    /// Lines whose first link is about another condition.
    pub off_topic_lines: Vec<usize>,
    /// Conditions with misses: (condition, questions, misses, missed line ids).
    pub worst: Vec<(String, usize, usize, Vec<usize>)>,
    /// Labels that are not conditions in the catalog.
    pub unknown_labels: Vec<String>,
}

/// Running counts behind [`Figures`].
#[derive(Default)]
struct Tally {
    total: usize,
    hit1: usize,
    hitk: usize,
    rr: f64,
    none: usize,
    shown: usize,
    on_topic: usize,
    answered: usize,
    off_first: usize,
    main_first: usize,
}

/// What one answer scored.
struct Scored {
    rank: Option<usize>,
    shown: usize,
    on_topic: usize,
    off_first: bool,
    main_first: bool,
}

impl Tally {
    fn add(&mut self, s: &Scored) {
        self.total += 1;
        if let Some(r) = s.rank {
            self.hitk += 1;
            self.hit1 += usize::from(r == 0);
            self.rr += 1.0 / (r as f64 + 1.0);
        }
        self.none += usize::from(s.shown == 0);
        self.shown += s.shown;
        self.on_topic += s.on_topic;
        self.answered += usize::from(s.shown > 0);
        self.off_first += usize::from(s.off_first);
        self.main_first += usize::from(s.main_first);
    }

    fn figures(&self) -> Figures {
        let share = |a: usize, b: usize| a as f64 / b.max(1) as f64;
        Figures {
            total: self.total,
            recall_at_1: share(self.hit1, self.total),
            recall_at_k: share(self.hitk, self.total),
            mrr: self.rr / self.total.max(1) as f64,
            no_match_rate: share(self.none, self.total),
            precision: share(self.on_topic, self.shown),
            off_topic_first: share(self.off_first, self.answered),
            main_first: share(self.main_first, self.answered),
        }
    }
}

fn score(reply: &Reply, label: &str, main: &dyn Fn(&str) -> bool) -> Scored {
    let about = |conditions: &[String]| conditions.iter().any(|c| c == label);
    let first = reply.results.first();
    Scored {
        rank: reply.results.iter().position(|r| about(&r.conditions)),
        shown: reply.results.len(),
        on_topic: reply
            .results
            .iter()
            .filter(|r| about(&r.conditions))
            .count(),
        off_first: first.is_some_and(|r| !about(&r.conditions)),
        main_first: first.is_some_and(|r| main(&r.id)),
    }
}

/// Answer every case (in its own region when the file gives one) and score
/// where the expected condition first appears and what the answer shows.
pub fn evaluate(engine: &Engine, cases: &[Case], opts: &AskOptions) -> Report {
    let catalog = engine.catalog();
    let known: HashSet<&str> = catalog.conditions.iter().map(|c| c.name.as_str()).collect();
    let by_id: HashMap<&str, &Resource> = catalog
        .resources
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut per: BTreeMap<&str, (usize, usize, Vec<usize>)> = BTreeMap::new();
    let mut all = Tally::default();
    let mut regions: BTreeMap<String, Tally> = BTreeMap::new();
    let mut unknown_labels = Vec::new();
    let mut off_topic_lines = Vec::new();
    for case in cases {
        if !known.contains(case.label.as_str()) && !unknown_labels.contains(&case.label) {
            unknown_labels.push(case.label.clone());
        }
        let region = case.region_or(&opts.region).to_string();
        let asked = AskOptions {
            region: region.clone(),
            ..opts.clone()
        };
        let condition = catalog.conditions.iter().find(|c| c.name == case.label);
        let main = |id: &str| {
            by_id
                .get(id)
                .zip(condition)
                .is_some_and(|(r, c)| Catalog::is_main_page(r, c))
        };
        let s = score(&engine.answer(&case.text, &asked), &case.label, &main);
        all.add(&s);
        regions.entry(region).or_default().add(&s);
        if s.off_first {
            off_topic_lines.push(case.line);
        }
        let entry = per.entry(case.label.as_str()).or_default();
        entry.0 += 1;
        if s.rank.is_none() {
            entry.1 += 1;
            entry.2.push(case.line);
        }
    }
    let mut worst: Vec<(String, usize, usize, Vec<usize>)> = per
        .into_iter()
        .filter(|(_, v)| v.1 > 0)
        .map(|(c, v)| (c.to_string(), v.0, v.1, v.2))
        .collect();
    worst.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let overall = all.figures();
    Report {
        total: cases.len(),
        recall_at_1: overall.recall_at_1,
        recall_at_k: overall.recall_at_k,
        mrr: overall.mrr,
        no_match_rate: overall.no_match_rate,
        k: opts.k,
        overall,
        by_region: regions
            .iter()
            .map(|(r, t)| (r.clone(), t.figures()))
            .collect(),
        off_topic_lines,
        worst,
        unknown_labels,
    }
}
