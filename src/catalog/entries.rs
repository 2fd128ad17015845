//! Field-by-field reading of conditions, reviewers and resources.

use super::diag::Diagnostics;
use super::fields::{At, Record, check_member};
use super::model::{
    AUDIENCES, Condition, KINDS, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, REGIONS, Resource, Reviewer,
    Signs,
};

const CONDITION_FIELDS: &[&str] = &["name", "aliases"];
const REVIEWER_FIELDS: &[&str] = &["id", "name", "role", "registration", "placeholder"];
const RESOURCE_FIELDS: &[&str] = &[
    "id",
    "title",
    "url",
    "publisher",
    "summary",
    "conditions",
    "keywords",
    "regions",
    "audience",
    "kind",
    "approved_by",
    "approved_on",
    "review_by",
    "phone",
    "hours",
];

pub(super) fn read_condition(r: &mut Record<'_>, d: &mut Diagnostics) -> Option<Condition> {
    let name = r.string("name", true, d);
    let aliases = r.string_list("aliases", false, d).unwrap_or_default();
    r.finish(CONDITION_FIELDS, d);
    Some(Condition {
        name: name?.value,
        aliases: aliases.into_iter().map(|a| a.value).collect(),
    })
}

pub(super) fn read_signs(r: &mut Record<'_>, d: &mut Diagnostics) -> Option<Signs> {
    let name = r.string("name", true, d);
    let signs = r.string_list("signs", false, d).unwrap_or_default();
    let symptom = r.boolean("symptom", d).unwrap_or(false);
    let context = r.boolean("context", d).unwrap_or(false);
    r.finish(&["name", "signs", "symptom", "context"], d);
    if signs.is_empty() && !symptom && !context {
        d.error(
            r.file(),
            r.offset(),
            "entry has no `signs`, `symptom = true` or `context = true`",
            Some("add signs, mark the condition a symptom or a context, or remove the entry"),
        );
    }
    Some(Signs {
        name: name?.value,
        signs: signs.into_iter().map(|s| s.value.to_lowercase()).collect(),
        symptom,
        context,
    })
}

pub(super) fn read_reviewer(r: &mut Record<'_>, d: &mut Diagnostics) -> Option<Reviewer> {
    let id = r.string("id", true, d);
    let name = r.string("name", true, d);
    let role = r.string("role", true, d);
    let registration = r.string("registration", false, d);
    let placeholder = r.boolean("placeholder", d).unwrap_or(false);
    r.finish(REVIEWER_FIELDS, d);
    Some(Reviewer {
        id: id?.value,
        name: name?.value,
        role: role?.value,
        registration: registration.map(|x| x.value),
        placeholder,
    })
}

/// Offsets of a resource's fields, for cross-file checks in `validate`.
#[derive(Debug, Clone, Default)]
pub struct ResourceSpans {
    pub id: usize,
    pub url: usize,
    pub conditions: Vec<usize>,
    pub approved_by: usize,
    pub review_by: usize,
}

pub(super) fn read_resource(
    r: &mut Record<'_>,
    d: &mut Diagnostics,
) -> Option<(Resource, ResourceSpans)> {
    let file = r.file();
    let id = r.string("id", true, d);
    if let Some(id) = &id
        && !id
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        d.error(
            file,
            id.offset,
            format!("id `{}` is not a slug", id.value),
            Some("use lower-case letters, digits and hyphens only, e.g. nhs-type-2-diabetes"),
        );
    }
    let title = r.string("title", true, d);
    check_len(r, d, title.as_ref(), "title", MAX_TITLE_CHARS);
    let url = r.string("url", true, d);
    if let Some(url) = &url
        && let Err(why) = check_url(&url.value)
    {
        d.error(
            file,
            url.offset,
            format!("url `{}` {why}", url.value),
            Some("only https:// links to a specific page are allowed"),
        );
    }
    let publisher = r.string("publisher", true, d);
    let summary = r.string("summary", true, d);
    check_len(r, d, summary.as_ref(), "summary", MAX_SUMMARY_CHARS);
    let conditions = r.string_list("conditions", true, d);
    if let Some(c) = &conditions
        && c.is_empty()
    {
        d.error(
            file,
            r.offset(),
            "`conditions` is empty",
            Some("list at least one condition name from conditions.toml"),
        );
    }
    let keywords = r.string_list("keywords", false, d).unwrap_or_default();
    let regions = r.string_list("regions", true, d);
    check_members(r, d, regions.as_deref(), "region", REGIONS);
    let audience = r.string_list("audience", false, d).unwrap_or_default();
    check_members(r, d, Some(&audience), "audience", AUDIENCES);
    let kind = r.string("kind", true, d);
    check_members(r, d, kind.as_ref().map(std::slice::from_ref), "kind", KINDS);
    let approved_by = r.string("approved_by", true, d);
    let approved_on = r.date("approved_on", true, d);
    let review_by = r.date("review_by", true, d);
    let phone = r.string("phone", false, d);
    let hours = r.string("hours", false, d);
    check_phone(r, d, phone.as_ref(), kind.as_ref());
    if let (Some(on), Some(by)) = (&approved_on, &review_by)
        && by.value <= on.value
    {
        d.error(
            file,
            by.offset,
            "`review_by` is not after `approved_on`",
            Some("set the next review date after the approval date"),
        );
    }
    r.finish(RESOURCE_FIELDS, d);

    // Keep going with placeholders for missing fields, so cross-file checks
    // (unknown condition, unknown reviewer, duplicates) still run: a
    // catalog with any error is refused anyway.
    let at = r.offset();
    let text = |x: Option<At<String>>| {
        x.unwrap_or(At {
            value: String::new(),
            offset: at,
        })
    };
    let (id, title, url, publisher, summary, kind, approved_by) = (
        text(id),
        text(title),
        text(url),
        text(publisher),
        text(summary),
        text(kind),
        text(approved_by),
    );
    let conditions = conditions.unwrap_or_default();
    let regions = regions.unwrap_or_default();
    let approved_on = approved_on.unwrap_or(At {
        value: time::Date::MIN,
        offset: at,
    });
    let review_by = review_by.unwrap_or(At {
        value: time::Date::MAX,
        offset: at,
    });
    let spans = ResourceSpans {
        id: id.offset,
        url: url.offset,
        conditions: conditions.iter().map(|c| c.offset).collect(),
        approved_by: approved_by.offset,
        review_by: review_by.offset,
    };
    let resource = Resource {
        id: id.value,
        title: title.value,
        url: url.value,
        publisher: publisher.value,
        summary: summary.value,
        conditions: conditions
            .into_iter()
            .map(|c| c.value.to_lowercase())
            .collect(),
        keywords: keywords.into_iter().map(|k| k.value).collect(),
        regions: regions.into_iter().map(|x| x.value).collect(),
        audience: audience.into_iter().map(|x| x.value).collect(),
        kind: kind.value,
        approved_by: approved_by.value,
        approved_on: approved_on.value,
        review_by: review_by.value,
        phone: phone.map(|p| p.value),
        hours: hours.map(|h| h.value),
        file: String::new(),
        line: 0,
    };
    Some((resource, spans))
}

/// A phone number is only for helplines, and must look like one: digits,
/// spaces and `+ - ( )`, with at least three digits (short codes like 988).
fn check_phone(
    r: &Record<'_>,
    d: &mut Diagnostics,
    phone: Option<&At<String>>,
    kind: Option<&At<String>>,
) {
    let Some(p) = phone else { return };
    if kind.is_some_and(|k| k.value != "helpline") {
        d.error(
            r.file(),
            p.offset,
            "`phone` is set on a resource that is not a helpline",
            Some("set kind = \"helpline\", or remove the phone number"),
        );
    }
    let digits = p.value.chars().filter(char::is_ascii_digit).count();
    let allowed = p
        .value
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if digits < 3 || !allowed {
        d.error(
            r.file(),
            p.offset,
            format!("phone `{}` is not a phone number", p.value),
            Some("write digits with spaces or hyphens, e.g. \"0800 123 4567\"; put opening times in `hours`"),
        );
    }
}

fn check_len(
    r: &Record<'_>,
    d: &mut Diagnostics,
    value: Option<&At<String>>,
    key: &str,
    max: usize,
) {
    if let Some(v) = value {
        let n = v.value.chars().count();
        if n > max {
            d.error(
                r.file(),
                v.offset,
                format!("`{key}` is {n} characters, more than {max}"),
                Some("shorten it so it fits a Discord embed field"),
            );
        }
    }
}

fn check_members(
    r: &Record<'_>,
    d: &mut Diagnostics,
    values: Option<&[At<String>]>,
    what: &str,
    allowed: &[&str],
) {
    for v in values.unwrap_or_default() {
        check_member(r.file(), v.offset, &v.value, what, allowed, d);
    }
}

/// Why a URL is not acceptable, if it is not.
pub fn check_url(url: &str) -> Result<(), &'static str> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err("is not an https:// link");
    };
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
    {
        return Err("contains spaces or characters not allowed in a link");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("has no valid host name");
    }
    if host.contains('@') {
        return Err("must not contain a user name or password");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn urls_must_be_https_with_a_host() {
        assert!(check_url("https://www.nhs.uk/conditions/asthma/").is_ok());
        assert!(check_url("http://www.nhs.uk/").is_err());
        assert!(check_url("https:///x").is_err());
        assert!(check_url("https://exa mple.org/").is_err());
        assert!(check_url("https://user@evil.example/").is_err());
        assert!(check_url("javascript:alert(1)").is_err());
    }
}
