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
    /// The region's emergency number and a crisis line, on every answer:
    /// the last line a patient reads, whatever else the answer holds.
    pub urgent: Urgent,
    /// Catalog conditions recognised in the question (names or aliases), strongest
    /// first. A strong signal of confidence: front ends may answer unprompted
    /// only when this is not empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub detected: Vec<String>,
    /// Set when the region had no page that fit and the results come from
    /// this region of its fallback chain (each result is labelled).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback_region: Option<String>,
}

/// The emergency block shown first when a message sounds like a crisis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Emergency {
    /// Safety category id of the most urgent match, e.g. `cardiac-arrest`.
    pub category: String,
    /// Region whose contacts are listed.
    pub region: String,
    /// Who to call now, with the region's number filled in.
    pub message: String,
    /// Who to contact, emergency number first; the union over every matched
    /// category, de-duplicated.
    pub contacts: Vec<Contact>,
    /// The lead category's name ("Cardiac arrest").
    pub name: String,
    /// `life-threatening`, `urgent` or `support`.
    pub urgency: String,
    /// At most three short steps from `source`.
    pub steps: Vec<String>,
    /// The official page the message and steps come from.
    pub source: String,
    /// Who publishes `source`.
    pub publisher: String,
    /// Other categories the message also matched, most urgent first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<AlsoMatched>,
}

/// Another category matched by the same message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlsoMatched {
    pub category: String,
    pub name: String,
    pub message: String,
}

/// The safety net on every answer: one short line and its contacts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Urgent {
    /// "In an emergency call 999. To talk now: Samaritans 116 123."
    pub text: String,
    pub contacts: Vec<Contact>,
}

/// A phone line or service in an emergency block or no-match reply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub name: String,
    pub number: String,
    pub url: String,
    /// `emergency`, `crisis`, `poison`… (empty for a general route).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub kind: String,
    /// Opening hours as the source gives them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hours: String,
    /// Where within the region it applies ("England", "Quebec").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub area: String,
}

impl Contact {
    /// A general route (a web page), not a phone line.
    pub fn route(name: &str, url: &str) -> Contact {
        Contact {
            name: name.to_string(),
            number: String::new(),
            url: url.to_string(),
            kind: String::new(),
            hours: String::new(),
            area: String::new(),
        }
    }
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
    /// For helplines: the published number (shown beside the link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// For helplines: the published opening hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<String>,
    /// "UK page" when the page is from another region (the fallback chain).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_region: Option<String>,
    /// The date the catalog says the resource was approved (ISO 8601).
    pub reviewed_on: String,
    /// True when the approval is a placeholder, not a real clinician's review;
    /// front ends must not claim a review that did not happen.
    pub placeholder_review: bool,
    /// Relevance score (higher is better); comparable only within one reply.
    pub score: f32,
}

impl ResultItem {
    /// The publisher, with "UK page" when the page is another region's.
    pub fn source_line(&self) -> String {
        match &self.from_region {
            Some(label) => format!("{}, {label}", self.publisher.trim()),
            None => self.publisher.trim().to_string(),
        }
    }

    /// "Phone 0800 123 (24/7)" for a helpline with a number, else `None`.
    pub fn phone_line(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        Some(match self.hours.as_deref() {
            Some(h) => format!("Phone {phone} ({h})"),
            None => format!("Phone {phone}"),
        })
    }
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
