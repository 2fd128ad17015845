//! Checks across entries and files: duplicates, unknown names, dates.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use time::Date;

use super::diag::{Diagnostics, SourceFile};
use super::entries::ResourceSpans;
use super::load::Located;
use super::model::{Condition, Resource, Reviewer};

pub(super) struct Context<'a> {
    pub files: &'a BTreeMap<PathBuf, SourceFile>,
    pub today: Date,
}

impl Context<'_> {
    fn file(&self, path: &PathBuf) -> &SourceFile {
        &self.files[path]
    }
}

pub(super) fn check(
    ctx: &Context<'_>,
    conditions: &[Located<Condition>],
    reviewers: &[Located<Reviewer>],
    resources: &[Located<(Resource, ResourceSpans)>],
    d: &mut Diagnostics,
) {
    let names = check_conditions(ctx, conditions, d);
    let reviewer_ids = check_reviewers(ctx, reviewers, d);
    check_resources(ctx, resources, &names, &reviewer_ids, d);
    check_coverage(ctx, conditions, resources, d);
    check_placeholders(ctx, reviewers, resources, d);
}

fn check_conditions<'a>(
    ctx: &Context<'_>,
    conditions: &'a [Located<Condition>],
    d: &mut Diagnostics,
) -> HashSet<&'a str> {
    let mut names: HashMap<&str, &Located<Condition>> = HashMap::new();
    for c in conditions {
        let file = ctx.file(&c.file);
        if c.value.name != c.value.name.to_lowercase() {
            d.error(
                file,
                c.offset,
                format!("condition name `{}` is not lower case", c.value.name),
                Some("write names in lower case; the checker and search compare them exactly"),
            );
        }
        if names.insert(c.value.name.as_str(), c).is_some() {
            d.error(
                file,
                c.offset,
                format!("condition `{}` is listed twice", c.value.name),
                Some("merge the two entries and their aliases"),
            );
        }
    }
    let mut alias_owner: HashMap<String, &str> = HashMap::new();
    for c in conditions {
        let file = ctx.file(&c.file);
        for alias in &c.value.aliases {
            let key = alias.to_lowercase();
            if names.contains_key(key.as_str()) && key != c.value.name {
                d.error(
                    file,
                    c.offset,
                    format!(
                        "alias `{alias}` of `{}` is the name of another condition",
                        c.value.name
                    ),
                    Some("an alias must lead to one condition only"),
                );
            } else if let Some(owner) = alias_owner.insert(key, &c.value.name) {
                if owner != c.value.name {
                    d.error(
                        file,
                        c.offset,
                        format!(
                            "alias `{alias}` is used by both `{owner}` and `{}`",
                            c.value.name
                        ),
                        Some("an alias must lead to one condition only: keep it on the better fit"),
                    );
                } else {
                    d.warning(
                        file,
                        c.offset,
                        format!("alias `{alias}` is repeated in `{}`", c.value.name),
                        None,
                    );
                }
            }
        }
    }
    names.into_keys().collect()
}

fn check_reviewers<'a>(
    ctx: &Context<'_>,
    reviewers: &'a [Located<Reviewer>],
    d: &mut Diagnostics,
) -> HashSet<&'a str> {
    let mut ids = HashSet::new();
    for r in reviewers {
        if !ids.insert(r.value.id.as_str()) {
            d.error(
                ctx.file(&r.file),
                r.offset,
                format!("reviewer `{}` is listed twice", r.value.id),
                None,
            );
        }
    }
    ids
}

/// A URL compared without scheme case, `www.`, trailing slash or fragment.
fn url_key(url: &str) -> String {
    let lower = url.to_lowercase();
    let no_fragment = lower.split('#').next().unwrap_or("");
    no_fragment
        .replacen("://www.", "://", 1)
        .trim_end_matches('/')
        .to_string()
}

fn check_resources(
    ctx: &Context<'_>,
    resources: &[Located<(Resource, ResourceSpans)>],
    names: &HashSet<&str>,
    reviewers: &HashSet<&str>,
    d: &mut Diagnostics,
) {
    let mut ids: HashMap<&str, (&PathBuf, usize)> = HashMap::new();
    let mut urls: HashMap<String, &str> = HashMap::new();
    for located in resources {
        let (r, spans) = &located.value;
        let file = ctx.file(&located.file);
        if r.id.is_empty() {
            // Missing id: already reported.
        } else if let Some((other_file, other)) =
            ids.insert(r.id.as_str(), (&located.file, spans.id))
        {
            let (line, _) = ctx.file(other_file).position(other);
            d.error(
                file,
                spans.id,
                format!(
                    "duplicate id `{}` (also at {}:{line})",
                    r.id,
                    other_file.display()
                ),
                Some("every resource needs its own id"),
            );
        }
        if r.url.is_empty() {
            // Missing url: already reported.
        } else if let Some(other) = urls.insert(url_key(&r.url), &r.id) {
            d.error(
                file,
                spans.url,
                format!("duplicate url: `{}` is also resource `{other}`", r.url),
                Some("list a page once and give it several conditions instead"),
            );
        }
        for (name, offset) in r.conditions.iter().zip(&spans.conditions) {
            if !names.contains(name.as_str()) {
                d.error(
                    file,
                    *offset,
                    format!("unknown condition `{name}`"),
                    Some("use a name from conditions.toml, or add the condition there"),
                );
            }
        }
        if !r.approved_by.is_empty() && !reviewers.contains(r.approved_by.as_str()) {
            d.error(
                file,
                spans.approved_by,
                format!("unknown reviewer `{}`", r.approved_by),
                Some("use an id from reviewers.toml"),
            );
        }
        if r.review_by < ctx.today {
            d.warning(
                file,
                spans.review_by,
                format!(
                    "review date {} has passed: `{}` is not being served",
                    r.review_by, r.id
                ),
                Some("re-review the page and move review_by forward"),
            );
        }
    }
}

fn check_coverage(
    ctx: &Context<'_>,
    conditions: &[Located<Condition>],
    resources: &[Located<(Resource, ResourceSpans)>],
    d: &mut Diagnostics,
) {
    let covered: HashSet<&str> = resources
        .iter()
        .flat_map(|r| r.value.0.conditions.iter().map(String::as_str))
        .collect();
    for c in conditions {
        if !covered.contains(c.value.name.as_str()) {
            d.warning(
                ctx.file(&c.file),
                c.offset,
                format!("no resource covers condition `{}`", c.value.name),
                Some("add a resource for it, or remove the condition"),
            );
        }
    }
}

fn check_placeholders(
    ctx: &Context<'_>,
    reviewers: &[Located<Reviewer>],
    resources: &[Located<(Resource, ResourceSpans)>],
    d: &mut Diagnostics,
) {
    for r in reviewers.iter().filter(|r| r.value.placeholder) {
        let count = resources
            .iter()
            .filter(|x| x.value.0.approved_by == r.value.id)
            .count();
        if count > 0 {
            d.push(
                super::diag::Severity::Warning,
                ctx.file(&r.file),
                r.offset,
                format!("reviewer `{}` is a placeholder: {count} resources have no real clinical approval", r.value.id),
                Some("a clinician of the deploying organisation must review them and approve under their own reviewer id"),
            );
        }
    }
}
