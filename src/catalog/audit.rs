//! Catalog-wide health figures that no single entry shows: summaries that
//! are one template with the title swapped, review dates bunched into one
//! month (an expiry cliff), and conditions about to lose their last page in
//! a region. `signpost check` prints them; `review` draws the calendar.

use std::collections::{BTreeMap, HashMap};

use time::{Date, Duration};

use super::model::{Catalog, Resource};

/// At most this share of summaries may share a template (title masked).
pub const MAX_TEMPLATE_SHARE: f64 = 0.10;
/// At most this share of resources may fall due in any 30-day window.
pub const MAX_WINDOW_SHARE: f64 = 0.15;
/// The length of that window.
pub const WINDOW_DAYS: i64 = 30;
/// Warn when a condition's last resource in a region expires this soon.
pub const GAP_WARNING_DAYS: i64 = 30;

/// The figures `check` reports.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    /// Share of summaries whose masked text is also another's.
    pub template_share: f64,
    /// The most common masked summary and how many use it.
    pub top_template: Option<(String, usize)>,
    /// The busiest 30-day window: its first day and its share.
    pub busiest_window: Option<(Date, f64)>,
    /// (condition, region, date, resource) where the last resource for a
    /// condition in a region is due soon.
    pub gaps: Vec<Gap>,
}

/// A condition about to lose its last resource in a region.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub condition: String,
    pub region: String,
    pub review_by: Date,
    /// `file:line` of that last resource.
    pub at: String,
}

/// Compute every figure for `catalog` as of `today`.
pub fn audit(catalog: &Catalog, today: Date) -> Audit {
    let (template_share, top_template) = template_share(&catalog.resources);
    Audit {
        template_share,
        top_template,
        busiest_window: busiest_window(&catalog.resources, today),
        gaps: gaps(&catalog.resources, today),
    }
}

/// A summary with its title, the page's condition names and other
/// specifics swapped for a marker, so "X explained by the NHS" and
/// "Y explained by the NHS" compare equal.
pub fn masked(r: &Resource) -> String {
    let mut s = format!(" {} ", r.summary.to_lowercase());
    let mut names: Vec<String> = vec![r.title.to_lowercase()];
    names.extend(r.conditions.iter().cloned());
    // Title variants: "Asthma (adults)" also appears as "asthma".
    if let Some((head, _)) = r.title.split_once(['(', ':', '-', ',']) {
        names.push(head.trim().to_lowercase());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for n in names.iter().filter(|n| !n.is_empty()) {
        s = s.replace(n.as_str(), "<t>");
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn template_share(resources: &[Resource]) -> (f64, Option<(String, usize)>) {
    if resources.is_empty() {
        return (0.0, None);
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    for r in resources {
        *counts.entry(masked(r)).or_default() += 1;
    }
    let shared: usize = counts.values().filter(|&&n| n > 1).sum();
    let top = counts
        .into_iter()
        .filter(|(_, n)| *n > 1)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    (shared as f64 / resources.len() as f64, top)
}

/// The 30-day window (starting on a due date from today on) holding the
/// most due dates, and its share of all resources.
fn busiest_window(resources: &[Resource], today: Date) -> Option<(Date, f64)> {
    let mut dates: Vec<Date> = resources
        .iter()
        .map(|r| r.review_by)
        .filter(|d| *d >= today)
        .collect();
    dates.sort();
    let mut best: Option<(Date, usize)> = None;
    let mut end = 0;
    for (start, first) in dates.iter().enumerate() {
        let limit = *first + Duration::days(WINDOW_DAYS);
        while end < dates.len() && dates[end] < limit {
            end += 1;
        }
        let n = end - start;
        if best.is_none_or(|(_, b)| n > b) {
            best = Some((*first, n));
        }
    }
    best.map(|(d, n)| (d, n as f64 / resources.len() as f64))
}

/// Conditions whose last resource in a region is due within
/// [`GAP_WARNING_DAYS`] (or already past).
fn gaps(resources: &[Resource], today: Date) -> Vec<Gap> {
    let mut last: BTreeMap<(&str, &str), &Resource> = BTreeMap::new();
    for r in resources {
        for c in &r.conditions {
            for region in &r.regions {
                let e = last.entry((c.as_str(), region.as_str())).or_insert(r);
                if r.review_by > e.review_by {
                    *e = r;
                }
            }
        }
    }
    let horizon = today + Duration::days(GAP_WARNING_DAYS);
    last.into_iter()
        .filter(|(_, r)| r.review_by <= horizon)
        .map(|((c, region), r)| Gap {
            condition: c.to_string(),
            region: region.to_string(),
            review_by: r.review_by,
            at: format!("{}:{}", r.file, r.line),
        })
        .collect()
}

/// Resources falling due per month (`YYYY-MM`), from today's month on,
/// for `months` months; overdue ones are counted in the first.
pub fn calendar(catalog: &Catalog, today: Date, months: u32) -> Vec<(String, usize)> {
    let key = |d: Date| format!("{:04}-{:02}", d.year(), u8::from(d.month()));
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut month = today.replace_day(1).unwrap_or(today);
    for _ in 0..months {
        out.push((key(month), 0));
        month = next_month(month);
    }
    for r in &catalog.resources {
        let k = key(r.review_by.max(today));
        if let Some(slot) = out.iter_mut().find(|(m, _)| *m == k) {
            slot.1 += 1;
        }
    }
    out
}

fn next_month(first: Date) -> Date {
    let (y, m) = (first.year(), first.month());
    let (y, m) = if m == time::Month::December {
        (y + 1, time::Month::January)
    } else {
        (y, m.next())
    };
    Date::from_calendar_date(y, m, 1).unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn res(id: &str, title: &str, summary: &str, due: Date) -> Resource {
        Resource {
            summary: summary.into(),
            review_by: due,
            ..Resource::sample(id, title)
        }
    }

    fn day(n: i64) -> Date {
        time::macros::date!(2027 - 01 - 01) + Duration::days(n)
    }

    #[test]
    fn one_template_with_titles_swapped_is_counted() {
        let rs = vec![
            res(
                "a",
                "Asthma",
                "Asthma explained by the NHS: symptoms.",
                day(0),
            ),
            res(
                "b",
                "Gout",
                "Gout explained by the NHS: symptoms.",
                day(100),
            ),
            res(
                "c",
                "Acne",
                "How the NHS helps with spots on your face.",
                day(200),
            ),
        ];
        let (share, top) = template_share(&rs);
        assert!((share - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(top.unwrap().1, 2);
    }

    #[test]
    fn the_busiest_window_and_soon_lost_conditions_are_found() {
        let rs = vec![
            res("a", "Asthma", "a", day(10)),
            res("b", "Gout", "b", day(20)),
            res("c", "Acne", "c", day(300)),
        ];
        let (start, share) = busiest_window(&rs, day(0)).unwrap();
        assert_eq!(start, day(10));
        assert!((share - 2.0 / 3.0).abs() < 1e-9);
        let g = gaps(&rs, day(0));
        let names: Vec<_> = g.iter().map(|g| g.condition.as_str()).collect();
        assert_eq!(names, ["asthma", "gout"]);
    }
}
