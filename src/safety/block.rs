//! Building the emergency block and the safety-net line for a region.

use super::rules::{Category, ContactEntry, RegionContacts, SafetyRules};
use super::screen::Screening;
use crate::nation::Nation;
use crate::reply::{AlsoMatched, Contact, Emergency, Urgent};

/// Most contacts one emergency block lists: short enough to read in a panic.
pub const MAX_BLOCK_CONTACTS: usize = 6;

impl SafetyRules {
    /// The contacts for `region`, falling back to `global`.
    pub fn region(&self, code: &str) -> Option<&RegionContacts> {
        self.regions
            .iter()
            .find(|r| r.code == code)
            .or_else(|| self.regions.iter().find(|r| r.code == "global"))
    }

    /// The emergency block for a screening result in `region` (and UK
    /// `nation`, when known): the most urgent category leads; the others are
    /// named after it; contacts are the union of what each category lists
    /// for that place, lead first, de-duplicated.
    pub fn emergency(
        &self,
        screening: &Screening,
        region: &str,
        nation: Option<Nation>,
    ) -> Option<Emergency> {
        let contacts = self.region(region)?;
        let matched: Vec<&Category> = screening
            .categories
            .iter()
            .filter_map(|&i| self.categories.get(i))
            .collect();
        let lead = *matched.first()?;
        let say = contacts.emergency_words();
        Some(Emergency {
            category: lead.id.clone(),
            region: contacts.code.clone(),
            message: fill(&lead.message, &say),
            contacts: block_contacts(&matched, contacts, nation),
            name: lead.name.clone(),
            urgency: lead.urgency.clone(),
            steps: lead.steps.iter().map(|s| fill(s, &say)).collect(),
            source: lead.source.clone(),
            publisher: lead.publisher.clone(),
            also: matched[1..]
                .iter()
                .map(|c| AlsoMatched {
                    category: c.id.clone(),
                    name: c.name.clone(),
                    message: fill(&c.message, &say),
                })
                .collect(),
        })
    }

    /// The one-line safety net every answer ends with: the emergency number
    /// and a crisis line for `region` (and `nation`).
    pub fn safety_net(&self, region: &str, nation: Option<Nation>) -> Urgent {
        let Some(r) = self.region(region) else {
            return Urgent {
                text: "In an emergency, call your local emergency number.".into(),
                contacts: Vec::new(),
            };
        };
        let mut text = format!("In an emergency call {}.", r.emergency_words());
        let mut contacts: Vec<Contact> = r
            .first_in("emergency", nation)
            .map(contact)
            .into_iter()
            .collect();
        if let Some(c) = r.first_in("crisis", nation) {
            let reach = if c.number.is_empty() {
                &c.url
            } else {
                &c.number
            };
            text.push_str(&format!(" To talk now: {} {reach}.", c.name));
            contacts.push(contact(c));
        }
        Urgent { text, contacts }
    }
}

/// Replace `{emergency}` with how the region's emergency number reads.
fn fill(text: &str, emergency: &str) -> String {
    text.replace("{emergency}", emergency)
}

/// Contacts of each category's kinds, lead category first, no repeats.
fn block_contacts(
    matched: &[&Category],
    region: &RegionContacts,
    nation: Option<Nation>,
) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    let specs = matched.iter().flat_map(|c| c.contacts.iter());
    for spec in specs {
        let Some(kind) = region.resolve(spec, nation) else {
            continue;
        };
        for c in region.of_kind(kind, nation) {
            let c = contact(c);
            if !out.iter().any(|x| x.name == c.name && x.number == c.number) {
                out.push(c);
            }
        }
    }
    out.truncate(MAX_BLOCK_CONTACTS);
    out
}

fn contact(c: &ContactEntry) -> Contact {
    Contact {
        name: c.name.clone(),
        number: c.number.clone(),
        url: c.url.clone(),
        kind: c.kind.clone(),
        hours: c.hours.clone(),
        area: c.area.clone(),
    }
}
