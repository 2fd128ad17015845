//! Crisis screening: runs on every question before search.
//!
//! Policy (docs/SAFETY.md): recall comes first for explicit crisis wording —
//! "I feel suicidal", "took too many pills", "his face is drooping" always
//! bring the emergency block, even inside a long message or with typos.
//! Informational questions *about* a condition ("what are the risk factors
//! for a heart attack") are not a crisis: phrases describe a crisis
//! happening now, and each category's `unless` phrases cancel its
//! non-explicit phrases within the same sentence. A sentence that only talks
//! *about* a crisis (a general question, study or teaching, the past) with
//! nothing happening to anyone now is skipped, explicit phrases included
//! (see `context`). Matching is whole-word, so "keystroke" never matches
//! "stroke".

mod block;
mod check;
mod compiled;
mod context;
mod first_words;
pub mod learned;
mod neighbours;
mod pattern;
mod read;
pub mod readings;
pub mod rules;
mod screen;
mod sentences;
mod trace;
pub mod train;

pub use check::{CONTACT_RECHECK_DAYS, Review, find_dose, placeholders};
pub use learned::{LearnedModel, MODEL_FILE};
pub use pattern::Pattern;
pub use read::read;
pub use readings::{ReadingRule, Readings};
pub use rules::{Category, ContactEntry, RegionContacts, Route, SafetyRules};
pub use screen::{Screener, Screening, Trigger};
pub use trace::SentenceTrace;

pub use block::MAX_BLOCK_CONTACTS;
