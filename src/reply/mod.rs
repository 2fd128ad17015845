//! The answer to one question, independent of where it is shown.
//!
//! A [`Reply`] is what the core hands to every front end (terminal, JSON,
//! Discord). It never contains the question's text: a patient's words are
//! health data and must not be echoed back into a shared channel or a log.

mod json;
mod text;

pub use json::render_json;
pub use text::render_text;

use serde::Serialize;

/// Everything a front end needs to show one answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// Present when the question was screened as a possible emergency; it is
    /// always shown before anything else.
    pub emergency: Option<Emergency>,
    /// Vetted resources, best first. Empty when nothing relevant was found.
    pub results: Vec<ResultItem>,
    /// The standard see-your-doctor notice. Present on every reply.
    pub notice: String,
    /// True when no vetted resource matched (or the question was unusable).
    pub no_match: bool,
    /// Kind words for the no-match case, with general routes to help.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_match_help: Option<NoMatchHelp>,
    /// The region whose resources and contacts were used.
    pub region: String,
    /// Catalog conditions recognised in the question (names or aliases), strongest
    /// first. A strong signal of confidence: front ends may answer unprompted
    /// only when this is not empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub detected: Vec<String>,
}

/// The emergency block shown first when a message sounds like a crisis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Emergency {
    /// Safety category id, e.g. `suicide` or `stroke`.
    pub category: String,
    /// Region whose contacts are listed.
    pub region: String,
    /// Short, direct message for this category.
    pub message: String,
    /// Who to contact now, most urgent first.
    pub contacts: Vec<Contact>,
}

/// A phone line or service in an emergency block or no-match reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub name: String,
    pub number: String,
    pub url: String,
}

/// One vetted resource in an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResultItem {
    pub id: String,
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub summary: String,
    pub conditions: Vec<String>,
    pub regions: Vec<String>,
    pub kind: String,
    /// The date the catalog says the resource was approved (ISO 8601).
    pub reviewed_on: String,
    /// True when the approval is a placeholder, not a real clinician's review;
    /// front ends must not claim a review that did not happen.
    pub placeholder_review: bool,
    /// Relevance score (higher is better); comparable only within one reply.
    pub score: f32,
}

/// What to say when no vetted resource fits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NoMatchHelp {
    /// A kind explanation that nothing vetted was found.
    pub message: String,
    /// General, always-safe places to look (e.g. NHS 111 online, MedlinePlus).
    pub routes: Vec<Contact>,
    /// Condition names close to what was asked, for a "did you mean" line.
    pub did_you_mean: Vec<String>,
}
