//! Reading `safety.toml`, reporting every problem with file and line.

use toml::Spanned;

use super::check::{self, Review};
use super::pattern::{Pattern, split_pair};
use super::rules::{
    CONTACT_KINDS, Category, ContactEntry, RegionContacts, Route, SafetyRules, URGENCIES,
};
use crate::catalog::{At, Diagnostics, Node, REGIONS, Record, SourceFile, check_member, check_url};
use crate::nation::{NATIONS, Nation};

/// Read `safety.toml`, checking each category's review against `review`.
pub fn read(
    file: &SourceFile,
    root: &Spanned<Node>,
    review: &Review<'_>,
    d: &mut Diagnostics,
) -> Option<SafetyRules> {
    let mut top = Record::new(file, root, "safety file", d)?;
    let categories: Vec<Category> = top
        .tables("category")
        .iter()
        .filter_map(|n| read_category(file, n, review, d))
        .collect();
    let regions: Vec<RegionContacts> = top
        .tables("region")
        .iter()
        .filter_map(|n| read_region(file, n, review, d))
        .collect();
    let readings = super::readings::read_rules(file, top.tables("reading"), &categories, d);
    top.finish(&["category", "region", "reading"], d);
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
    let rules = SafetyRules {
        categories,
        regions,
        readings,
        model: None,
    };
    check::cross_check(file, &rules, d);
    Some(rules)
}

fn read_category(
    file: &SourceFile,
    node: &Spanned<Node>,
    review: &Review<'_>,
    d: &mut Diagnostics,
) -> Option<Category> {
    let mut r = Record::new(file, node, "category", d)?;
    let id = r.string("id", true, d);
    let name = r.string("name", true, d);
    let urgency = one_of(file, r.string("urgency", true, d), "urgency", URGENCIES, d);
    let message = r.string("message", true, d);
    let steps = r.string_list("steps", false, d).unwrap_or_default();
    let contacts = r.string_list("contacts", true, d).unwrap_or_default();
    let source = r.string("source", true, d);
    let publisher = r.string("publisher", true, d);
    let approved_by = r.string("approved_by", true, d);
    let approved_on = r.date("approved_on", true, d);
    let review_by = r.date("review_by", true, d);
    let screen_past = r.boolean("screen_past", d).unwrap_or(false);
    let phrases = r.string_list("phrases", false, d).unwrap_or_default();
    let unless = r.string_list("unless", false, d).unwrap_or_default();
    let together = r.string_list("together", false, d).unwrap_or_default();
    let topics = r.string_list("topics", false, d).unwrap_or_default();
    check_phrases(file, phrases.iter().chain(&unless).chain(&topics), d);
    check_pairs(file, &together, d);
    check::text(file, message.as_ref(), &steps, d);
    check::contact_specs(file, urgency.as_ref(), &contacts, d);
    check_optional_url(file, source.as_ref(), d);
    review.check(
        file,
        node.span().start,
        approved_by.as_ref(),
        approved_on.as_ref(),
        review_by.as_ref(),
        d,
    );
    r.finish(
        &[
            "id",
            "name",
            "urgency",
            "message",
            "steps",
            "contacts",
            "source",
            "publisher",
            "approved_by",
            "approved_on",
            "review_by",
            "screen_past",
            "phrases",
            "unless",
            "together",
            "topics",
        ],
        d,
    );
    Some(Category {
        id: id?.value,
        name: name?.value,
        urgency: urgency?.value,
        message: message?.value,
        steps: values(steps),
        contacts: values(contacts),
        source: source?.value,
        publisher: publisher?.value,
        approved_by: approved_by?.value,
        approved_on: approved_on?.value,
        review_by: review_by?.value,
        screen_past,
        phrases: values(phrases),
        unless: values(unless),
        together: values(together),
        topics: values(topics),
    })
}

pub(super) fn values(list: Vec<At<String>>) -> Vec<String> {
    list.into_iter().map(|p| p.value).collect()
}

/// Report every phrase that does not parse, with its place.
pub(super) fn check_phrases<'a>(
    file: &SourceFile,
    phrases: impl Iterator<Item = &'a At<String>>,
    d: &mut Diagnostics,
) {
    for p in phrases {
        if let Err(why) = Pattern::parse(&p.value) {
            d.error(
                file,
                p.offset,
                format!("phrase `{}` {why}", p.value),
                Some("see the phrase syntax in resources/README.md"),
            );
        }
    }
}

/// Report every `together` pair that is not two parsable phrases.
fn check_pairs(file: &SourceFile, pairs: &[At<String>], d: &mut Diagnostics) {
    for p in pairs {
        let halves = split_pair(&p.value)
            .and_then(|(a, b)| Pattern::parse(a).and(Pattern::parse(b)).map(|_| ()));
        if let Err(why) = halves {
            d.error(
                file,
                p.offset,
                format!("pair `{}` {why}", p.value),
                Some("see the phrase syntax in resources/README.md"),
            );
        }
    }
}

/// `value` when it is one of `allowed`; reported otherwise.
fn one_of(
    file: &SourceFile,
    value: Option<At<String>>,
    what: &str,
    allowed: &[&str],
    d: &mut Diagnostics,
) -> Option<At<String>> {
    value.filter(|v| check_member(file, v.offset, &v.value, what, allowed, d))
}

fn read_region(
    file: &SourceFile,
    node: &Spanned<Node>,
    review: &Review<'_>,
    d: &mut Diagnostics,
) -> Option<RegionContacts> {
    let mut r = Record::new(file, node, "region", d)?;
    let code = one_of(file, r.string("code", true, d), "region", REGIONS, d);
    let name = r.string("name", true, d);
    let contacts = r
        .tables("contact")
        .iter()
        .filter_map(|n| read_contact(file, n, review, d))
        .collect::<Vec<_>>();
    let routes = r
        .tables("route")
        .iter()
        .filter_map(|n| read_route(file, n, d))
        .collect::<Vec<_>>();
    r.finish(&["code", "name", "contact", "route"], d);
    let limited = contacts.iter().any(|c| !c.nations.is_empty())
        || routes.iter().any(|x| !x.nations.is_empty());
    if limited && code.as_ref().is_some_and(|c| c.value != "uk") {
        d.error(
            file,
            node.span().start,
            "`nations` is for the uk region only",
            Some("use `area` to say where a contact applies in other regions"),
        );
    }
    if !contacts.iter().any(|c| c.kind == "emergency") {
        d.error(
            file,
            node.span().start,
            "region has no contact of kind \"emergency\"",
            Some("every region needs its emergency number"),
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
    review: &Review<'_>,
    d: &mut Diagnostics,
) -> Option<ContactEntry> {
    let mut r = Record::new(file, node, "contact", d)?;
    let kind = one_of(
        file,
        r.string("kind", true, d),
        "contact kind",
        CONTACT_KINDS,
        d,
    );
    let name = r.string("name", true, d);
    let number = r.string("number", false, d);
    let say = r.string("say", false, d);
    let hours = r.string("hours", false, d);
    let area = r.string("area", false, d);
    let nations = read_nations(file, &mut r, d);
    let url = r.string("url", false, d);
    check_optional_url(file, url.as_ref(), d);
    let source = r.string("source", false, d);
    check_optional_url(file, source.as_ref(), d);
    let checked_on = r.date("checked_on", false, d);
    review.check_contact(
        file,
        node.span().start,
        source.as_ref(),
        checked_on.as_ref(),
        d,
    );
    r.finish(
        &[
            "kind",
            "name",
            "number",
            "say",
            "hours",
            "area",
            "nations",
            "url",
            "source",
            "checked_on",
        ],
        d,
    );
    let text = |v: Option<At<String>>| v.map(|x| x.value).unwrap_or_default();
    Some(ContactEntry {
        kind: kind?.value,
        name: name?.value,
        number: text(number),
        say: text(say),
        hours: text(hours),
        area: text(area),
        nations,
        url: text(url),
        source: text(source),
        checked_on: checked_on.map(|c| c.value),
    })
}

fn read_route(file: &SourceFile, node: &Spanned<Node>, d: &mut Diagnostics) -> Option<Route> {
    let mut r = Record::new(file, node, "route", d)?;
    let name = r.string("name", true, d);
    let url = r.string("url", true, d);
    check_optional_url(file, url.as_ref(), d);
    let nations = read_nations(file, &mut r, d);
    r.finish(&["name", "url", "nations"], d);
    Some(Route {
        name: name?.value,
        url: url?.value,
        nations,
    })
}

/// `nations = ["scotland", ...]`: the UK nations a contact or route serves.
fn read_nations(file: &SourceFile, r: &mut Record<'_>, d: &mut Diagnostics) -> Vec<Nation> {
    r.string_list("nations", false, d)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| {
            let known = check_member(file, v.offset, &v.value, "nation", &NATIONS, d);
            known.then(|| Nation::parse(&v.value)).flatten()
        })
        .collect()
}

fn check_optional_url(file: &SourceFile, url: Option<&At<String>>, d: &mut Diagnostics) {
    if let Some(u) = url
        && let Err(why) = check_url(&u.value)
    {
        d.error(file, u.offset, format!("url `{}` {why}", u.value), None);
    }
}
