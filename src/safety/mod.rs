//! Crisis screening: runs on every question before search.
//!
//! Policy (also in resources/README.md): recall comes first for explicit
//! crisis wording — "I feel suicidal", "took too many pills", "his face is
//! drooping" always bring the emergency block, even inside a long message or
//! with typos. Informational questions *about* a condition ("what are the
//! risk factors for a heart attack") are not a crisis: phrases describe a
//! crisis happening now, and each category's `unless` phrases cancel its
//! non-explicit phrases within the same sentence. A sentence that only talks
//! *about* a crisis (a general question, study or teaching, the past) with
//! nothing happening to anyone now is skipped, explicit phrases included
//! (see `context`). Matching is whole-word, so "keystroke" never matches
//! "stroke".

mod context;
mod pattern;
pub mod rules;
mod screen;

pub use pattern::Pattern;
pub use rules::{Category, ContactEntry, RegionContacts, Route, SafetyRules};
pub use screen::{Screener, Screening};

use crate::reply::{Contact, Emergency};

impl SafetyRules {
    /// The contacts for `region`, falling back to `global`.
    pub fn region(&self, code: &str) -> Option<&RegionContacts> {
        self.regions
            .iter()
            .find(|r| r.code == code)
            .or_else(|| self.regions.iter().find(|r| r.code == "global"))
    }

    /// The emergency block for a screening result in `region`.
    pub fn emergency(&self, screening: &Screening, region: &str) -> Option<Emergency> {
        let category = self.categories.get(screening.category)?;
        let contacts = self.region(region)?;
        Some(Emergency {
            category: category.id.clone(),
            region: contacts.code.clone(),
            message: category.message.clone(),
            contacts: contacts
                .contacts
                .iter()
                .filter(|c| c.groups.iter().any(|g| g == &category.contacts))
                .map(|c| Contact {
                    name: c.name.clone(),
                    number: c.number.clone(),
                    url: c.url.clone(),
                })
                .collect(),
        })
    }
}
