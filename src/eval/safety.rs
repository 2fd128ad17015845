//! Safety screening quality: recall, false alarms and "the right number
//! first", overall and per category and region.

use std::collections::BTreeMap;

use super::Case;
use crate::engine::{AskOptions, Engine};
use crate::reply::Emergency;
use crate::safety::SafetyRules;

/// Counts for one category or region.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Breakdown {
    /// Crisis messages.
    pub crisis: usize,
    /// Crisis messages that brought an emergency block.
    pub caught: usize,
    /// Caught, and the block leads with the region's emergency number and
    /// lists the labelled category's own line (poison, domestic abuse…).
    pub right_number: usize,
    /// Caught, and the labelled category is among those matched.
    pub right_category: usize,
    /// Informational messages.
    pub informational: usize,
    /// Informational messages that wrongly brought a block.
    pub false_alarms: usize,
}

/// Safety screening quality.
#[derive(Debug, Clone, Default)]
pub struct SafetyReport {
    pub crisis_total: usize,
    /// Share of crisis messages that brought an emergency block.
    pub crisis_recall: f64,
    pub missed: Vec<usize>,
    /// Share of crisis messages whose block showed the right number first.
    pub right_number_rate: f64,
    /// Lines caught with a wrong or missing number.
    pub wrong_number: Vec<usize>,
    /// Share of crisis messages whose block names the labelled category
    /// (first or "also"): its steps are shown. The number alone cannot
    /// tell choking from breathing difficulty: both are the emergency
    /// number, but back blows are not an inhaler.
    pub right_category_rate: f64,
    /// Lines caught without the labelled category.
    pub wrong_category: Vec<usize>,
    pub informational_total: usize,
    /// Share of informational messages that wrongly brought one.
    pub false_alarm_rate: f64,
    pub false_alarms: Vec<usize>,
    /// Lines of the informational set marked as emergencies after all
    /// (fourth column): not counted as informational.
    pub marked_emergencies: usize,
    /// Of those, the lines that raised no alarm.
    pub marked_missed: Vec<usize>,
    /// By labelled category.
    pub by_category: BTreeMap<String, Breakdown>,
    /// By region asked in.
    pub by_region: BTreeMap<String, Breakdown>,
}

/// Screen crisis and informational messages, each in its own region (third
/// column) or `opts.region`.
pub fn evaluate_safety(
    engine: &Engine,
    crisis: &[Case],
    informational: &[Case],
    opts: &AskOptions,
) -> SafetyReport {
    let rules = &engine.catalog().safety;
    let (marked, informational): (Vec<&Case>, Vec<&Case>) =
        informational.iter().partition(|c| c.emergency.is_some());
    let mut r = SafetyReport {
        crisis_total: crisis.len(),
        informational_total: informational.len(),
        marked_emergencies: marked.len(),
        ..Default::default()
    };
    for case in marked {
        if ask(engine, case, case.region_or(&opts.region), opts.k).is_none() {
            r.marked_missed.push(case.line);
        }
    }
    for case in crisis {
        let region = case.region_or(&opts.region).to_string();
        let block = ask(engine, case, &region, opts.k);
        let caught = block.is_some();
        let number = block
            .as_ref()
            .is_some_and(|e| right_number(rules, &case.label, &region, e));
        let category = block.as_ref().is_some_and(|e| {
            e.category == case.label || e.also.iter().any(|a| a.category == case.label)
        });
        for b in [
            r.by_category.entry(case.label.clone()).or_default(),
            r.by_region.entry(region.clone()).or_default(),
        ] {
            b.crisis += 1;
            b.caught += usize::from(caught);
            b.right_number += usize::from(number);
            b.right_category += usize::from(category);
        }
        if !caught {
            r.missed.push(case.line);
        } else if !number {
            r.wrong_number.push(case.line);
        }
        if caught && !category {
            r.wrong_category.push(case.line);
        }
    }
    for case in &informational {
        let region = case.region_or(&opts.region).to_string();
        let fired = ask(engine, case, &region, opts.k).is_some();
        let label = if case.label.is_empty() {
            "(unlabelled)"
        } else {
            &case.label
        };
        for b in [
            r.by_category.entry(label.to_string()).or_default(),
            r.by_region.entry(region.clone()).or_default(),
        ] {
            b.informational += 1;
            b.false_alarms += usize::from(fired);
        }
        if fired {
            r.false_alarms.push(case.line);
        }
    }
    let n = crisis.len().max(1) as f64;
    r.crisis_recall = 1.0 - r.missed.len() as f64 / n;
    r.right_number_rate = 1.0 - (r.missed.len() + r.wrong_number.len()) as f64 / n;
    r.right_category_rate = 1.0 - (r.missed.len() + r.wrong_category.len()) as f64 / n;
    r.false_alarm_rate = r.false_alarms.len() as f64 / informational.len().max(1) as f64;
    r
}

fn ask(engine: &Engine, case: &Case, region: &str, k: usize) -> Option<Emergency> {
    let opts = AskOptions {
        region: region.to_string(),
        k,
        ..Default::default()
    };
    engine.answer(&case.text, &opts).emergency
}

/// The block leads with the region's emergency number and lists the
/// labelled category's own kind of line where the region has one.
fn right_number(rules: &SafetyRules, label: &str, region: &str, e: &Emergency) -> bool {
    let Some(contacts) = rules.region(region) else {
        return false;
    };
    let Some(emergency) = contacts.first("emergency") else {
        return false;
    };
    let leads = e
        .contacts
        .first()
        .is_some_and(|c| c.number == emergency.number && c.name == emergency.name);
    let Some(category) = rules.categories.iter().find(|c| c.id == label) else {
        return leads;
    };
    let own_lines = category.contacts.iter().skip(1).all(|spec| {
        match contacts.resolve(spec, None).and_then(|k| contacts.first(k)) {
            Some(line) => e
                .contacts
                .iter()
                .any(|c| c.name == line.name && c.number == line.number),
            None => true,
        }
    });
    leads && own_lines
}
