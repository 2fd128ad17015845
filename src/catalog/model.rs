//! The validated catalog: what clinicians approved, in memory.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::safety::SafetyRules;

/// Regions a resource or a server can be in. `global` resources are offered
/// everywhere.
pub const REGIONS: &[&str] = &["uk", "us", "ie", "ca", "au", "nz", "global"];
/// Kinds of resource.
pub const KINDS: &[&str] = &["article", "video", "helpline", "community", "tool"];
/// Audiences a resource can be written for.
pub const AUDIENCES: &[&str] = &[
    "patients",
    "carers",
    "parents",
    "young people",
    "children",
    "professionals",
];
/// Longest summary: it must fit a Discord embed field with room to spare.
pub const MAX_SUMMARY_CHARS: usize = 300;
/// Longest title: Discord embed titles stop at 256 characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// Everything loaded from `resources/`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Catalog {
    pub resources: Vec<Resource>,
    pub conditions: Vec<Condition>,
    pub reviewers: Vec<Reviewer>,
    /// The see-your-doctor notice and the other fixed messages.
    pub notice: Notice,
    pub safety: SafetyRules,
    /// Lay descriptions of conditions, from the optional `signs.toml`.
    #[serde(default)]
    pub signs: Vec<Signs>,
    /// Hash of every catalog file's name and bytes: the index records it to
    /// know when it is stale.
    pub fingerprint: String,
    /// When the newest catalog file was last changed (nanoseconds since the
    /// Unix epoch), so a build from an older catalog never replaces a newer
    /// one.
    #[serde(default)]
    pub modified: u128,
    /// The folder it was read from (canonical), so "newer" is only ever
    /// compared between builds of the same folder.
    #[serde(default)]
    pub source: String,
}

/// Fixed wording clinicians control, from `notice.toml`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Notice {
    /// The see-your-doctor notice appended to every answer.
    pub text: String,
    /// Said kindly when no vetted resource fits.
    pub no_match: String,
    /// Said when the message had no words to search for.
    pub empty_question: String,
}

/// One clinician-approved page, helpline or community.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Resource {
    pub id: String,
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub summary: String,
    /// Canonical condition names from `conditions.toml`.
    pub conditions: Vec<String>,
    pub keywords: Vec<String>,
    pub regions: Vec<String>,
    pub audience: Vec<String>,
    pub kind: String,
    pub approved_by: String,
    pub approved_on: Date,
    /// After this date the resource is never served until re-reviewed.
    pub review_by: Date,
    /// For helplines: the number as the service publishes it.
    #[serde(default)]
    pub phone: Option<String>,
    /// For helplines: when it is open, as the service publishes it.
    #[serde(default)]
    pub hours: Option<String>,
    /// Where it was written, for the clinicians' review list.
    pub file: String,
    pub line: usize,
}

/// A condition and the words patients use for it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Condition {
    /// Lower-case canonical name, e.g. `type 2 diabetes`.
    pub name: String,
    /// Abbreviations, lay terms, other spellings.
    pub aliases: Vec<String>,
}

/// Lay descriptions of one condition ("skin between my toes is peeling"):
/// when every word of a sign occurs close together in a question, the
/// question is taken to be about the condition, after any it names.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Signs {
    /// A condition name from `conditions.toml`.
    pub name: String,
    /// Each a few distinctive words, any order.
    #[serde(default)]
    pub signs: Vec<String>,
    /// The condition is a symptom ("back pain", "cough"): when a question
    /// also names another condition, it is about that one.
    #[serde(default)]
    pub symptom: bool,
    /// A life stage or situation questions often mention around their
    /// topic ("back pain in pregnancy", "a DVT on the pill"): gives way
    /// like a symptom.
    #[serde(default)]
    pub context: bool,
}

/// Someone who approves resources.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Reviewer {
    pub id: String,
    pub name: String,
    pub role: String,
    pub registration: Option<String>,
    /// True for the shipped catalog's stand-in approver: no clinician of the
    /// deploying organisation has reviewed those resources.
    pub placeholder: bool,
}

impl Catalog {
    /// The reviewer with this id.
    pub fn reviewer(&self, id: &str) -> Option<&Reviewer> {
        self.reviewers.iter().find(|r| r.id == id)
    }

    /// True when the resource's approval is a placeholder.
    pub fn is_placeholder_approval(&self, resource: &Resource) -> bool {
        self.reviewer(&resource.approved_by)
            .is_none_or(|r| r.placeholder)
    }

    /// Each condition's position by name: ranking and detection work with
    /// positions, the catalog files with names.
    pub fn condition_ids(&self) -> rustc_hash::FxHashMap<&str, u32> {
        self.conditions
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i as u32))
            .collect()
    }

    /// Whether `r` is `condition`'s main page: an article about it alone,
    /// or one whose title is its name or an alias ("Pneumonia", "Asthma
    /// (MedlinePlus)"), rather than a sub-topic or an organisation's page.
    pub fn is_main_page(r: &Resource, condition: &Condition) -> bool {
        // An organisation's home page ("Breast Cancer Now") is not a
        // condition's page, whatever it covers.
        if r.kind != "article"
            || !r.conditions.contains(&condition.name)
            || r.title.eq_ignore_ascii_case(&r.publisher)
        {
            return false;
        }
        if r.conditions.len() == 1 {
            return true;
        }
        let title = r.title.to_lowercase();
        let head = title
            .split(['(', ':', '|'])
            .next()
            .unwrap_or("")
            .split(" - ")
            .next()
            .unwrap_or("")
            .trim();
        // "Urinary Tract Infections" is the page for "urinary tract infection".
        let plural_of = |a: &str| {
            head.strip_suffix('s')
                .is_some_and(|h| a.eq_ignore_ascii_case(h))
                || a.strip_suffix('s')
                    .is_some_and(|a| a.eq_ignore_ascii_case(head))
        };
        std::iter::once(&condition.name)
            .chain(&condition.aliases)
            .any(|a| a.eq_ignore_ascii_case(head) || plural_of(a))
    }

    /// True when the resource may be served on `today`.
    pub fn is_current(resource: &Resource, today: Date) -> bool {
        resource.review_by >= today
    }
}

#[cfg(test)]
impl Resource {
    /// A plain UK article for unit tests: set the fields a test is about
    /// with struct update syntax.
    pub(crate) fn sample(id: &str, title: &str) -> Resource {
        Resource {
            id: id.into(),
            title: title.into(),
            url: format!("https://example.org/{id}"),
            publisher: "NHS".into(),
            summary: String::new(),
            conditions: vec![title.to_lowercase()],
            keywords: vec![],
            regions: vec!["uk".into()],
            audience: vec![],
            kind: "article".into(),
            approved_by: "x".into(),
            approved_on: Date::MIN,
            review_by: Date::MIN,
            phone: None,
            hours: None,
            file: "library/x.toml".into(),
            line: 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(title: &str, conditions: &[&str]) -> Resource {
        Resource {
            publisher: "MedlinePlus".into(),
            conditions: conditions.iter().map(|c| c.to_string()).collect(),
            regions: vec!["us".into()],
            ..Resource::sample("x", title)
        }
    }

    #[test]
    fn main_page_title_may_be_plural() {
        let uti = Condition {
            name: "urinary tract infection".into(),
            aliases: vec!["uti".into()],
        };
        let both = ["urinary tract infection", "kidney infection"];
        assert!(Catalog::is_main_page(
            &page("Urinary Tract Infections", &both),
            &uti
        ));
        assert!(!Catalog::is_main_page(
            &page("Kidney Diseases", &both),
            &uti
        ));
    }
}
