//! The model of `safety.toml`: crisis categories and who to call, by region.
//!
//! Emergency text is signposting, not improvised medicine (docs/SAFETY.md):
//! each category says who to call now and at most three steps from a named
//! official source, is approved and re-reviewed like a resource, and every
//! contact records the page that shows its number.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::nation::{Nation, serves};

/// Crisis categories and who to call, as written by clinicians.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SafetyRules {
    /// In priority order, most urgent first: when several match, the first
    /// listed leads the emergency block.
    pub categories: Vec<Category>,
    /// Contacts by region; `global` is the fallback.
    pub regions: Vec<RegionContacts>,
    /// Numbers that mean danger (`[[reading]]`), in file order.
    #[serde(default)]
    pub readings: Vec<super::readings::ReadingRule>,
    /// The learned second signal from `safety-model.tsv`, when present.
    #[serde(default)]
    pub model: Option<super::learned::LearnedModel>,
}

/// How urgent a category is; decides which kinds of line it may show.
pub const URGENCIES: &[&str] = &["life-threatening", "urgent", "support"];

/// Kinds of contact a region lists.
pub const CONTACT_KINDS: &[&str] = &[
    "emergency",
    "crisis",
    "crisis-text",
    "poison",
    "domestic-abuse",
    "child",
    "sexual-assault",
    "urgent",
];

/// Most steps a category may give: more would be improvised first aid.
pub const MAX_STEPS: usize = 3;

/// One kind of crisis (cardiac arrest, stroke, suicidal thoughts…).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    /// One of [`URGENCIES`].
    pub urgency: String,
    /// Who to call now, first. `{emergency}` is replaced by the region's
    /// emergency number ("999", "your local emergency number").
    pub message: String,
    /// At most [`MAX_STEPS`] short steps from `source`, no drug doses.
    pub steps: Vec<String>,
    /// Contact kinds to list, in order; `poison|urgent` takes the first kind
    /// the region has.
    pub contacts: Vec<String>,
    /// The official page the message and steps were taken from.
    pub source: String,
    /// Who publishes `source` ("St John Ambulance", "NHS").
    pub publisher: String,
    pub approved_by: String,
    pub approved_on: Date,
    pub review_by: Date,
    /// Past framing ("years ago") does not silence this category.
    pub screen_past: bool,
    /// Phrases that signal this crisis (see resources/README.md for syntax).
    pub phrases: Vec<String>,
    /// Phrases that mark a sentence as a question *about* the subject
    /// (`risk factors for`, `signs of`); they cancel non-explicit phrases in
    /// the same sentence.
    pub unless: Vec<String>,
    /// Phrase pairs (`"A + B"`): both halves found anywhere in the message,
    /// each in a sentence that reports something now, so a danger told over
    /// two sentences ("he hit his head. now hes been sick 3 times") counts.
    #[serde(default)]
    pub together: Vec<String>,
    /// Words that name the emergency being handled ("cpr", "heimlich"):
    /// they fire only in a message that keeps a clock running on it or has
    /// help on the line ("9 minutes in", "the 000 lady"), never in a story
    /// or a general question alone.
    #[serde(default)]
    pub topics: Vec<String>,
}

#[cfg(test)]
impl Category {
    /// A life-threatening category with no text, contacts beyond the
    /// emergency number, or phrases: for tests of the screening code.
    pub(crate) fn bare(id: &str) -> Category {
        Category {
            id: id.into(),
            name: id.into(),
            urgency: "life-threatening".into(),
            message: String::new(),
            steps: Vec::new(),
            contacts: vec!["emergency".into()],
            source: String::new(),
            publisher: String::new(),
            approved_by: String::new(),
            approved_on: time::macros::date!(2026 - 01 - 01),
            review_by: time::macros::date!(2027 - 01 - 01),
            screen_past: false,
            phrases: Vec::new(),
            unless: Vec::new(),
            together: Vec::new(),
            topics: Vec::new(),
        }
    }
}

/// Contacts for one region.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RegionContacts {
    pub code: String,
    pub name: String,
    pub contacts: Vec<ContactEntry>,
    /// Always-safe general routes offered when nothing vetted matches.
    pub routes: Vec<Route>,
}

impl RegionContacts {
    /// The first contact of `kind`, for any nation.
    pub fn first(&self, kind: &str) -> Option<&ContactEntry> {
        self.first_in(kind, None)
    }

    /// The first contact of `kind` that serves `nation`.
    pub fn first_in(&self, kind: &str, nation: Option<Nation>) -> Option<&ContactEntry> {
        self.of_kind(kind, nation).next()
    }

    /// The kind a category's contact spec names here: `poison|urgent` is the
    /// first of its kinds this region lists for `nation`, `None` when it
    /// lists none.
    pub fn resolve<'a>(&self, spec: &'a str, nation: Option<Nation>) -> Option<&'a str> {
        spec.split('|').find(|k| self.first_in(k, nation).is_some())
    }

    /// Every contact of `kind` that serves `nation`, in file order.
    pub fn of_kind<'a>(
        &'a self,
        kind: &str,
        nation: Option<Nation>,
    ) -> impl Iterator<Item = &'a ContactEntry> {
        self.contacts
            .iter()
            .filter(move |c| c.kind == kind && serves(&c.nations, nation))
    }

    /// The general routes that serve `nation`.
    pub fn routes_in(&self, nation: Option<Nation>) -> impl Iterator<Item = &Route> {
        self.routes
            .iter()
            .filter(move |r| serves(&r.nations, nation))
    }

    /// How the emergency number reads inside a sentence ("999", "your local
    /// emergency number").
    pub fn emergency_words(&self) -> String {
        self.first("emergency")
            .map(|c| {
                if c.say.is_empty() {
                    c.number.clone()
                } else {
                    c.say.clone()
                }
            })
            .unwrap_or_else(|| "your local emergency number".into())
    }
}

/// A phone line, text line or service.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ContactEntry {
    /// One of [`CONTACT_KINDS`].
    pub kind: String,
    pub name: String,
    /// As dialled or texted ("999", "Text SHOUT to 85258"); may be empty for
    /// a web-only service.
    pub number: String,
    /// How the number reads in a sentence when it differs from `number`.
    pub say: String,
    /// Opening hours as the source gives them ("24 hours", "8am to 10pm").
    pub hours: String,
    /// Where it applies within the region ("England", "Quebec").
    pub area: String,
    /// The UK nations it serves (empty: all). An asker whose nation is
    /// known sees only the contacts that serve it.
    #[serde(default)]
    pub nations: Vec<Nation>,
    pub url: String,
    /// A page of the service itself, or of the government, that shows the
    /// number.
    pub source: String,
    /// When someone last saw the number on `source`.
    pub checked_on: Option<Date>,
}

/// A general source of help for the no-match reply.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Route {
    pub name: String,
    pub url: String,
    /// The UK nations it serves (empty: all).
    #[serde(default)]
    pub nations: Vec<Nation>,
}
