//! Measuring answer quality on labelled questions.
//!
//! Questions are read from TSV files (`question<TAB>expected condition`) and
//! answered by the real engine. Reports name failures by line number only:
//! even test questions are treated like patients' words.

mod safety;

use std::collections::BTreeMap;

pub use safety::{Breakdown, SafetyReport, evaluate_safety};

use crate::engine::{AskOptions, Engine};

/// One labelled question.
#[derive(Debug, Clone)]
pub struct Case {
    /// Line number in the file (1-based), used as the question's id.
    pub line: usize,
    pub text: String,
    /// Expected condition (or safety category), lower case.
    pub label: String,
    /// Region to ask in (optional third column); the run's region otherwise.
    pub region: Option<String>,
}

impl Case {
    /// The region this case is asked in: its own, else the run's.
    pub fn region_or<'a>(&'a self, run: &'a str) -> &'a str {
        self.region.as_deref().unwrap_or(run)
    }
}

/// Read a TSV file of `text<TAB>label` lines; a header line is skipped.
/// With `labelled = false` only the text column is needed.
pub fn read_cases(content: &str, labelled: bool) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (i == 0 && is_header(line)) {
            continue;
        }
        let mut cols = line.split('\t');
        let text = cols.next().unwrap_or("").trim().to_string();
        let label = cols.next().unwrap_or("").trim().to_lowercase();
        let region = cols
            .next()
            .map(|r| r.trim().to_lowercase())
            .filter(|r| !r.is_empty());
        if labelled && label.is_empty() {
            return Err(format!(
                "line {line_no}: expected `question<TAB>expected condition`"
            ));
        }
        cases.push(Case {
            line: line_no,
            text,
            label,
            region,
        });
    }
    Ok(cases)
}

fn is_header(line: &str) -> bool {
    let first = line.split('\t').next().unwrap_or("").trim().to_lowercase();
    first == "question" || first == "message"
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
    /// Conditions with misses: (condition, questions, misses, missed line ids).
    pub worst: Vec<(String, usize, usize, Vec<usize>)>,
    /// Labels that are not conditions in the catalog.
    pub unknown_labels: Vec<String>,
}

/// Answer every case (in its own region when the file gives one) and score
/// where the expected condition first appears.
pub fn evaluate(engine: &Engine, cases: &[Case], opts: &AskOptions) -> Report {
    let known: std::collections::HashSet<&str> = engine
        .catalog()
        .conditions
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let mut per: BTreeMap<&str, (usize, usize, Vec<usize>)> = BTreeMap::new();
    let (mut hit1, mut hitk, mut rr, mut none) = (0usize, 0usize, 0f64, 0usize);
    let mut unknown_labels = Vec::new();
    for case in cases {
        if !known.contains(case.label.as_str()) && !unknown_labels.contains(&case.label) {
            unknown_labels.push(case.label.clone());
        }
        let asked = AskOptions {
            region: case.region_or(&opts.region).to_string(),
            ..opts.clone()
        };
        let reply = engine.answer(&case.text, &asked);
        if reply.results.is_empty() {
            none += 1;
        }
        let rank = reply
            .results
            .iter()
            .position(|r| r.conditions.contains(&case.label));
        let entry = per.entry(case.label.as_str()).or_default();
        entry.0 += 1;
        match rank {
            Some(r) => {
                hitk += 1;
                hit1 += usize::from(r == 0);
                rr += 1.0 / (r as f64 + 1.0);
            }
            None => {
                entry.1 += 1;
                entry.2.push(case.line);
            }
        }
    }
    let n = cases.len().max(1) as f64;
    let mut worst: Vec<(String, usize, usize, Vec<usize>)> = per
        .into_iter()
        .filter(|(_, v)| v.1 > 0)
        .map(|(c, v)| (c.to_string(), v.0, v.1, v.2))
        .collect();
    worst.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    Report {
        total: cases.len(),
        recall_at_1: hit1 as f64 / n,
        recall_at_k: hitk as f64 / n,
        mrr: rr / n,
        no_match_rate: none as f64 / n,
        k: opts.k,
        worst,
        unknown_labels,
    }
}
