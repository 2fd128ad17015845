//! Checks that keep emergency text signposting rather than improvised
//! medicine: no drug doses, at most three steps, the emergency number first,
//! no non-emergency line on a life-threatening category, approvals and
//! review dates like resources, and a source and check date on every number.

use std::collections::HashSet;

use time::{Date, Duration};

use super::rules::{CONTACT_KINDS, MAX_STEPS, SafetyRules};
use crate::catalog::{At, Diagnostics, Reviewer, SourceFile, check_member};

/// A contact checked longer ago than this is due a fresh look.
pub const CONTACT_RECHECK_DAYS: i64 = 365;

/// Units that make a number a dose.
const DOSE_UNITS: &[&str] = &[
    "mg",
    "mcg",
    "µg",
    "ug",
    "g",
    "ml",
    "unit",
    "units",
    "tablet",
    "tablets",
    "pill",
    "pills",
    "puff",
    "puffs",
    "iu",
    "microgram",
    "micrograms",
    "milligram",
    "milligrams",
];

/// Kinds a life-threatening category may list: nothing that could delay the
/// emergency call.
const LIFE_THREATENING_KINDS: &[&str] = &["emergency", "crisis", "crisis-text"];

/// What approvals and dates are checked against.
pub struct Review<'a> {
    pub today: Date,
    pub reviewers: &'a [Reviewer],
}

impl Review<'_> {
    /// A category's approval: known reviewer, sensible dates, not overdue.
    /// Overdue emergency text is still shown (safety text is never
    /// withheld), so an overdue review is a warning, an error under `--strict`.
    pub fn check(
        &self,
        file: &SourceFile,
        at: usize,
        by: Option<&At<String>>,
        on: Option<&At<Date>>,
        review_by: Option<&At<Date>>,
        d: &mut Diagnostics,
    ) {
        if let Some(by) = by
            && !self.reviewers.iter().any(|r| r.id == by.value)
        {
            d.error(
                file,
                by.offset,
                format!("unknown reviewer `{}`", by.value),
                Some("use an id from reviewers.toml"),
            );
        }
        if let (Some(on), Some(due)) = (on, review_by)
            && due.value <= on.value
        {
            d.error(file, due.offset, "review_by is not after approved_on", None);
        }
        if let Some(due) = review_by
            && due.value < self.today
        {
            d.warning(
                file,
                at,
                format!("emergency text review date {} has passed", due.value),
                Some("re-read the message and steps against the source and move review_by forward"),
            );
        }
    }

    /// A contact's evidence: a source page, and a recent check.
    pub fn check_contact(
        &self,
        file: &SourceFile,
        at: usize,
        source: Option<&At<String>>,
        checked_on: Option<&At<Date>>,
        d: &mut Diagnostics,
    ) {
        if source.is_none() {
            d.warning(
                file,
                at,
                "contact has no `source`",
                Some("add the page of the service (or government) that shows this number"),
            );
        }
        match checked_on {
            None => d.warning(
                file,
                at,
                "contact has no `checked_on` date",
                Some("record when the number was last seen on its source"),
            ),
            Some(c) if c.value + Duration::days(CONTACT_RECHECK_DAYS) < self.today => d.warning(
                file,
                c.offset,
                format!(
                    "contact was last checked on {}, over 12 months ago",
                    c.value
                ),
                Some("look at the source again and update checked_on"),
            ),
            Some(_) => {}
        }
    }
}

/// Message and steps: no doses, at most three steps.
pub fn text(
    file: &SourceFile,
    message: Option<&At<String>>,
    steps: &[At<String>],
    d: &mut Diagnostics,
) {
    for t in message.into_iter().chain(steps) {
        if let Some(dose) = find_dose(&t.value) {
            d.error(
                file,
                t.offset,
                format!("emergency text gives a dose (`{dose}`)"),
                Some("no doses in emergency text: at most \"the call handler may tell you to…\""),
            );
        }
    }
    if let Some(extra) = steps.get(MAX_STEPS) {
        d.error(
            file,
            extra.offset,
            format!("more than {MAX_STEPS} steps"),
            Some("keep the steps the source puts first; the call handler guides the rest"),
        );
    }
}

/// The first number-with-unit in `text`, if any ("300 mg", "2 puffs").
pub fn find_dose(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '.' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let digits = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '-') {
            continue;
        }
        let unit = match &w[digits.len()..] {
            "" => words.get(i + 1).copied().unwrap_or(""),
            rest => rest,
        };
        if DOSE_UNITS.contains(&unit.to_lowercase().as_str()) {
            return Some(format!("{digits} {unit}"));
        }
    }
    None
}

/// A category's contact kinds: known kinds, emergency first, and only
/// emergency and crisis lines on a life-threatening category.
pub fn contact_specs(
    file: &SourceFile,
    urgency: Option<&At<String>>,
    specs: &[At<String>],
    d: &mut Diagnostics,
) {
    let life = urgency.is_some_and(|u| u.value == "life-threatening");
    for (i, spec) in specs.iter().enumerate() {
        for kind in spec.value.split('|') {
            if !check_member(file, spec.offset, kind, "contact kind", CONTACT_KINDS, d) {
                continue;
            }
            if life && !LIFE_THREATENING_KINDS.contains(&kind) {
                d.error(
                    file,
                    spec.offset,
                    format!("a life-threatening category lists `{kind}` lines"),
                    Some("show only the emergency number (and one crisis line) so nothing delays the call"),
                );
            }
        }
        if i == 0 && spec.value != "emergency" {
            d.error(
                file,
                spec.offset,
                "the first contact kind must be `emergency`",
                Some("every category says first who to call now"),
            );
        }
    }
}

/// Checks across the whole file: unique ids, a crisis line per region for
/// the safety net.
pub fn cross_check(file: &SourceFile, rules: &SafetyRules, d: &mut Diagnostics) {
    let mut seen = HashSet::new();
    for c in &rules.categories {
        if !seen.insert(c.id.as_str()) {
            d.error(
                file,
                0,
                format!("category `{}` is listed twice", c.id),
                None,
            );
        }
    }
    for r in &rules.regions {
        if r.first("crisis").is_none() {
            d.warning(
                file,
                0,
                format!("region `{}` has no crisis line for the safety net", r.code),
                Some("add a [[region.contact]] of kind \"crisis\""),
            );
        }
    }
}

/// Categories approved by a placeholder reviewer, reported once.
pub fn placeholders(
    file: &SourceFile,
    rules: &SafetyRules,
    reviewers: &[Reviewer],
    d: &mut Diagnostics,
) {
    let count = rules
        .categories
        .iter()
        .filter(|c| {
            reviewers
                .iter()
                .any(|r| r.placeholder && r.id == c.approved_by)
        })
        .count();
    if count > 0 {
        d.warning(
            file,
            0,
            format!("{count} emergency categories are approved by a placeholder reviewer"),
            Some("a clinician of the deploying organisation must approve the emergency text"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::find_dose;

    #[test]
    fn doses_are_found() {
        assert_eq!(
            find_dose("chew one adult aspirin (300 mg)"),
            Some("300 mg".into())
        );
        assert_eq!(
            find_dose("take 2 puffs every minute"),
            Some("2 puffs".into())
        );
        assert_eq!(find_dose("300mg aspirin"), Some("300 mg".into()));
        assert_eq!(
            find_dose("after 5 minutes use a second auto-injector"),
            None
        );
        assert_eq!(
            find_dose("call 999 now; cool the burn for 20 minutes"),
            None
        );
    }
}
