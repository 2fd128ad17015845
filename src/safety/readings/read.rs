//! Reading `[[reading]]` rules from `safety.toml`, reporting every problem
//! with file and line.

use toml::Spanned;

use super::{Measure, ReadingRule};
use crate::catalog::{Diagnostics, Node, Record, SourceFile, check_member, check_url};
use crate::safety::read::{check_phrases, values};
use crate::safety::rules::Category;

/// Read every `[[reading]]` table; `categories` are the file's categories
/// (a rule must raise one of them).
pub fn read_rules(
    file: &SourceFile,
    tables: &[Spanned<Node>],
    categories: &[Category],
    d: &mut Diagnostics,
) -> Vec<ReadingRule> {
    tables
        .iter()
        .filter_map(|n| read_rule(file, n, categories, d))
        .collect()
}

fn read_rule(
    file: &SourceFile,
    node: &Spanned<Node>,
    categories: &[Category],
    d: &mut Diagnostics,
) -> Option<ReadingRule> {
    let mut r = Record::new(file, node, "reading", d)?;
    let id = r.string("id", true, d);
    let measure = r
        .string("measure", true, d)
        .filter(|m| check_member(file, m.offset, &m.value, "measure", Measure::NAMES, d));
    let category = r.string("category", true, d);
    let [
        below,
        at_most,
        at_least,
        diastolic_at_least,
        age_under_months,
    ] = [
        "below",
        "at_most",
        "at_least",
        "diastolic_at_least",
        "age_under_months",
    ]
    .map(|k| r.number(k, d).map(|n| n.value));
    let symptoms = r.string_list("symptoms", false, d).unwrap_or_default();
    let without = r.string_list("without", false, d).unwrap_or_default();
    let source = r.string("source", true, d);
    let publisher = r.string("publisher", true, d);
    r.finish(
        &[
            "id",
            "measure",
            "category",
            "below",
            "at_most",
            "at_least",
            "diastolic_at_least",
            "age_under_months",
            "symptoms",
            "without",
            "source",
            "publisher",
        ],
        d,
    );
    if let Some(c) = &category
        && !categories.iter().any(|x| x.id == c.value)
    {
        d.error(
            file,
            c.offset,
            format!("reading rule raises unknown category `{}`", c.value),
            Some("name the `id` of a [[category]] in this file"),
        );
        return None;
    }
    if [below, at_most, at_least, diastolic_at_least]
        .iter()
        .all(Option::is_none)
    {
        d.error(
            file,
            r.offset(),
            "reading rule has no threshold",
            Some("give `below`, `at_most`, `at_least` or `diastolic_at_least`"),
        );
        return None;
    }
    check_phrases(file, symptoms.iter().chain(&without), d);
    if let Some(u) = &source
        && let Err(why) = check_url(&u.value)
    {
        d.error(file, u.offset, format!("url `{}` {why}", u.value), None);
    }
    Some(ReadingRule {
        id: id?.value,
        measure: measure?.value,
        category: category?.value,
        below,
        at_most,
        at_least,
        diastolic_at_least,
        age_under_months,
        symptoms: values(symptoms),
        without: values(without),
        source: source?.value,
        publisher: publisher?.value,
    })
}
