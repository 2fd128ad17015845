//! `safety.toml`: crisis categories with their phrases, and per-region contacts.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::pattern::Pattern;
use crate::catalog::{Diagnostics, Node, REGIONS, Record, SourceFile, check_url};

/// Crisis categories and who to call, as written by clinicians.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SafetyRules {
    /// In priority order: when several match, the first listed wins.
    pub categories: Vec<Category>,
    /// Contacts by region; `global` is the fallback.
    pub regions: Vec<RegionContacts>,
}

/// One kind of crisis (suicide, stroke, anaphylaxis…).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Category {
    pub id: String,
    pub name: String,
    /// Shown at the top of the emergency block.
    pub message: String,
    /// Which contacts to list: `crisis` (mental health crisis lines and the
    /// emergency number) or `medical` (emergency and urgent medical lines).
    pub contacts: String,
    /// Phrases that signal this crisis (see resources/README.md for syntax).
    pub phrases: Vec<String>,
    /// Phrases that mark a sentence as a question *about* the subject
    /// (`risk factors for`, `signs of`); they cancel non-explicit phrases in
    /// the same sentence.
    pub unless: Vec<String>,
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

/// A phone line or service.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ContactEntry {
    pub name: String,
    pub number: String,
    pub url: String,
    /// Contact groups this line belongs to (`crisis`, `medical`).
    pub groups: Vec<String>,
}

/// A general source of help for the no-match reply.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Route {
    pub name: String,
    pub url: String,
}

const CONTACT_GROUPS: &[&str] = &["crisis", "medical"];

/// Read `safety.toml`, reporting every problem.
pub fn read(file: &SourceFile, root: &Spanned<Node>, d: &mut Diagnostics) -> Option<SafetyRules> {
    let mut top = Record::new(file, root, "safety file", d)?;
    let categories: Vec<Category> = top
        .tables("category")
        .iter()
        .filter_map(|n| read_category(file, n, d))
        .collect();
    let regions: Vec<RegionContacts> = top
        .tables("region")
        .iter()
        .filter_map(|n| read_region(file, n, d))
        .collect();
    top.finish(&["category", "region"], d);
    if categories.is_empty() {
        d.error(
            file,
            0,
            "no [[category]] entries",
            Some("safety screening needs at least one category"),
        );
    }
    if !regions.iter().any(|r| r.code == "global") {
        d.error(
            file,
            0,
            "no [[region]] with code = \"global\"",
            Some("add a global fallback with the international emergency advice"),
        );
    }
    Some(SafetyRules {
        categories,
        regions,
    })
}

fn read_category(file: &SourceFile, node: &Spanned<Node>, d: &mut Diagnostics) -> Option<Category> {
    let mut r = Record::new(file, node, "category", d)?;
    let id = r.string("id", true, d);
    let name = r.string("name", true, d);
    let message = r.string("message", true, d);
    let contacts = r.string("contacts", true, d);
    if let Some(c) = &contacts
        && !CONTACT_GROUPS.contains(&c.value.as_str())
    {
        d.error(
            file,
            c.offset,
            format!("unknown contact group `{}`", c.value),
            Some("use crisis or medical"),
        );
    }
    let phrases = r.string_list("phrases", true, d).unwrap_or_default();
    let unless = r.string_list("unless", false, d).unwrap_or_default();
    for p in phrases.iter().chain(&unless) {
        if let Err(why) = Pattern::parse(&p.value) {
            d.error(
                file,
                p.offset,
                format!("phrase `{}` {why}", p.value),
                Some("see the phrase syntax in resources/README.md"),
            );
        }
    }
    r.finish(
        &["id", "name", "message", "contacts", "phrases", "unless"],
        d,
    );
    Some(Category {
        id: id?.value,
        name: name?.value,
        message: message?.value,
        contacts: contacts?.value,
        phrases: phrases.into_iter().map(|p| p.value).collect(),
        unless: unless.into_iter().map(|p| p.value).collect(),
    })
}

fn read_region(
    file: &SourceFile,
    node: &Spanned<Node>,
    d: &mut Diagnostics,
) -> Option<RegionContacts> {
    let mut r = Record::new(file, node, "region", d)?;
    let code = r.string("code", true, d);
    if let Some(c) = &code
        && !REGIONS.contains(&c.value.as_str())
    {
        d.error(
            file,
            c.offset,
            format!("unknown region `{}`", c.value),
            Some(&format!("use one of: {}", REGIONS.join(", "))),
        );
    }
    let name = r.string("name", true, d);
    let contacts = r
        .tables("contact")
        .iter()
        .filter_map(|n| read_contact(file, n, d))
        .collect::<Vec<_>>();
    let routes = r
        .tables("route")
        .iter()
        .filter_map(|n| read_route(file, n, d))
        .collect::<Vec<_>>();
    r.finish(&["code", "name", "contact", "route"], d);
    if contacts.is_empty() {
        d.error(
            file,
            node.span().start,
            "region has no [[region.contact]] entries",
            Some("every region needs at least its emergency number"),
        );
    }
    Some(RegionContacts {
        code: code?.value,
        name: name?.value,
        contacts,
        routes,
    })
}

fn read_contact(
    file: &SourceFile,
    node: &Spanned<Node>,
    d: &mut Diagnostics,
) -> Option<ContactEntry> {
    let mut r = Record::new(file, node, "contact", d)?;
    let name = r.string("name", true, d);
    let number = r.string("number", false, d);
    let url = r.string("url", false, d);
    check_optional_url(file, url.as_ref(), d);
    let groups = r.string_list("groups", true, d).unwrap_or_default();
    for g in &groups {
        if !CONTACT_GROUPS.contains(&g.value.as_str()) {
            d.error(
                file,
                g.offset,
                format!("unknown contact group `{}`", g.value),
                Some("use crisis or medical"),
            );
        }
    }
    r.finish(&["name", "number", "url", "groups"], d);
    Some(ContactEntry {
        name: name?.value,
        number: number.map(|n| n.value).unwrap_or_default(),
        url: url.map(|u| u.value).unwrap_or_default(),
        groups: groups.into_iter().map(|g| g.value).collect(),
    })
}

fn read_route(file: &SourceFile, node: &Spanned<Node>, d: &mut Diagnostics) -> Option<Route> {
    let mut r = Record::new(file, node, "route", d)?;
    let name = r.string("name", true, d);
    let url = r.string("url", true, d);
    check_optional_url(file, url.as_ref(), d);
    r.finish(&["name", "url"], d);
    Some(Route {
        name: name?.value,
        url: url?.value,
    })
}

fn check_optional_url(
    file: &SourceFile,
    url: Option<&crate::catalog::At<String>>,
    d: &mut Diagnostics,
) {
    if let Some(u) = url
        && let Err(why) = check_url(&u.value)
    {
        d.error(file, u.offset, format!("url `{}` {why}", u.value), None);
    }
}
