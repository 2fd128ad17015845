//! The clinicians' report: what falls due, which links fail, which pages
//! patients found unhelpful, what people ask that the catalog cannot
//! answer, and how each region is served.
//!
//! [`Report::build`] is pure (catalog, link history and usage counts in,
//! report out), so every format — text, JSON, HTML, the Discord digest —
//! shows the same facts. Usage counts are counts only: no patient words,
//! and gap topics appear only over the privacy threshold.

mod html;
mod text;

pub use html::render_html;
pub use text::render_text;

use serde::Serialize;
use time::{Date, Duration};

use crate::catalog::Catalog;
use crate::links::LinkState;
use crate::store::{GapSummary, ResourceFeedback, Threshold};

/// Months shown in the review calendar (the first holds overdue reviews).
pub const CALENDAR_MONTHS: u32 = 13;

/// Everything one report shows.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The day the report describes (UTC, `YYYY-MM-DD`).
    pub generated_on: String,
    /// Usage counts cover this many days, today included.
    pub window_days: u16,
    /// Reviews listed are those due within this many days (or overdue).
    pub due_within_days: i64,
    /// Reviews falling due per month, `YYYY-MM`; overdue ones in the first.
    pub calendar: Vec<MonthCount>,
    pub reviews: Vec<DueReview>,
    pub links: LinkHealth,
    /// `None` when there is no usage database yet (the bot never ran).
    pub usage: Option<Usage>,
    pub coverage: Vec<RegionRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    pub month: String,
    pub count: usize,
}

/// A resource due for review (or past it: then it is no longer served).
#[derive(Debug, Clone, Serialize)]
pub struct DueReview {
    pub id: String,
    pub title: String,
    pub url: String,
    pub reviewer: String,
    pub review_by: String,
    pub overdue: bool,
    pub file: String,
    pub line: usize,
}

/// What the last `signpost links` runs found.
#[derive(Debug, Clone, Serialize)]
pub struct LinkHealth {
    /// False when no link check has ever been run for this index.
    pub checked: bool,
    /// URLs checked in the stored history.
    pub urls_checked: usize,
    pub failing: Vec<FailingLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FailingLink {
    pub id: String,
    pub url: String,
    /// "broken since 2027-02-03 (404)" and the like.
    pub message: String,
    pub file: String,
    pub line: usize,
}

/// Feedback and gap counts from the bot's database.
#[derive(Debug, Clone, Serialize)]
pub struct Usage {
    /// Resources with any feedback, most "not helpful" first.
    pub feedback: Vec<FeedbackRow>,
    pub gaps: GapSummary,
    pub threshold: Threshold,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedbackRow {
    pub id: String,
    /// The resource's URL (empty when it left the catalog).
    pub url: String,
    /// The resource's title, or `(no longer in the catalog)`.
    pub title: String,
    pub helpful: u64,
    pub not_helpful: u64,
    pub broken: u64,
}

/// How one region is served, in resources and conditions.
#[derive(Debug, Clone, Serialize)]
pub struct RegionRow {
    pub region: String,
    /// Resources listing the region.
    pub resources: usize,
    /// Conditions with a page of the region's own.
    pub local: usize,
    /// Conditions answered only through the fallback chain.
    pub via_fallback: usize,
    /// Conditions with nothing usable.
    pub none: usize,
}

/// What a report is built from, besides the catalog.
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub today: Date,
    pub window_days: u16,
    pub due_within_days: i64,
    pub links: Option<&'a LinkState>,
    /// Counts from the database: feedback per resource, then gaps.
    pub usage: Option<(&'a [ResourceFeedback], &'a GapSummary, Threshold)>,
}

impl Report {
    /// Assemble a report; never fails (missing parts are marked missing).
    pub fn build(catalog: &Catalog, inputs: Inputs<'_>) -> Report {
        Report {
            generated_on: inputs.today.to_string(),
            window_days: inputs.window_days,
            due_within_days: inputs.due_within_days,
            calendar: crate::catalog::audit::calendar(catalog, inputs.today, CALENDAR_MONTHS)
                .into_iter()
                .map(|(month, count)| MonthCount { month, count })
                .collect(),
            reviews: reviews(catalog, inputs.today, inputs.due_within_days),
            links: links(catalog, inputs.links),
            usage: inputs.usage.map(|(feedback, gaps, threshold)| Usage {
                feedback: feedback_rows(catalog, feedback),
                gaps: gaps.clone(),
                threshold,
            }),
            coverage: coverage(catalog),
        }
    }
}

fn reviews(catalog: &Catalog, today: Date, within: i64) -> Vec<DueReview> {
    let horizon = today + Duration::days(within.max(0));
    let mut due: Vec<DueReview> = catalog
        .resources
        .iter()
        .filter(|r| r.review_by <= horizon)
        .map(|r| DueReview {
            id: r.id.clone(),
            title: r.title.clone(),
            url: r.url.clone(),
            reviewer: catalog
                .reviewer(&r.approved_by)
                .map_or(r.approved_by.clone(), |p| p.name.clone()),
            review_by: r.review_by.to_string(),
            overdue: r.review_by < today,
            file: r.file.clone(),
            line: r.line,
        })
        .collect();
    due.sort_by(|a, b| a.review_by.cmp(&b.review_by).then(a.id.cmp(&b.id)));
    due
}

fn links(catalog: &Catalog, state: Option<&LinkState>) -> LinkHealth {
    let Some(state) = state else {
        return LinkHealth {
            checked: false,
            urls_checked: 0,
            failing: Vec::new(),
        };
    };
    let failing = state
        .notes(catalog)
        .into_iter()
        .map(|n| FailingLink {
            id: n.id,
            url: n.url,
            message: n.message,
            file: n.file,
            line: n.line,
        })
        .collect();
    LinkHealth {
        checked: true,
        urls_checked: state.urls.len(),
        failing,
    }
}

fn feedback_rows(catalog: &Catalog, counts: &[ResourceFeedback]) -> Vec<FeedbackRow> {
    counts
        .iter()
        .map(|c| {
            let r = catalog.resources.iter().find(|r| r.id == c.id);
            FeedbackRow {
                id: c.id.clone(),
                url: r.map(|r| r.url.clone()).unwrap_or_default(),
                title: r.map_or_else(|| "(no longer in the catalog)".into(), |r| r.title.clone()),
                helpful: c.helpful,
                not_helpful: c.not_helpful,
                broken: c.broken,
            }
        })
        .collect()
}

fn coverage(catalog: &Catalog) -> Vec<RegionRow> {
    crate::coverage::regions(catalog)
        .into_iter()
        .map(|c| RegionRow {
            resources: catalog
                .resources
                .iter()
                .filter(|r| r.regions.contains(&c.region))
                .count(),
            region: c.region,
            local: c.local,
            via_fallback: c.via_fallback,
            none: c.none,
        })
        .collect()
}
