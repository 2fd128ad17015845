//! Typed access to one TOML table, recording every problem it meets.
//!
//! A [`Record`] hands out fields by name and type. Wrong types, missing
//! required fields and unknown fields all become diagnostics with the exact
//! position, and reading goes on so that one run reports everything.

use time::Date;
use toml::Spanned;

use super::diag::{Diagnostics, SourceFile};
use super::tree::Node;
use crate::text::osa_distance;

/// A value with the byte offset it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At<T> {
    pub value: T,
    pub offset: usize,
}

/// One table being read (a `[[resource]]`, a `[[condition]]`, …).
pub struct Record<'a> {
    file: &'a SourceFile,
    /// Where the table starts, for "missing field" messages.
    offset: usize,
    entries: &'a [(Spanned<String>, Spanned<Node>)],
    used: Vec<bool>,
    /// What the table is, for messages ("resource", "condition").
    what: &'static str,
}

impl<'a> Record<'a> {
    /// Wrap a node that should be a table; reports and returns `None` otherwise.
    pub fn new(
        file: &'a SourceFile,
        node: &'a Spanned<Node>,
        what: &'static str,
        diags: &mut Diagnostics,
    ) -> Option<Self> {
        match node.get_ref() {
            Node::Table(entries) => Some(Record {
                file,
                offset: node.span().start,
                entries,
                used: vec![false; entries.len()],
                what,
            }),
            other => {
                diags.error(
                    file,
                    node.span().start,
                    format!("each {what} must be a table, found {}", other.type_name()),
                    Some("write it as [[...]] followed by key = value lines"),
                );
                None
            }
        }
    }

    /// The file being read.
    pub fn file(&self) -> &'a SourceFile {
        self.file
    }

    /// Where the table starts.
    pub fn offset(&self) -> usize {
        self.offset
    }

    fn take(&mut self, key: &str) -> Option<&'a Spanned<Node>> {
        let i = self.entries.iter().position(|(k, _)| k.get_ref() == key)?;
        self.used[i] = true;
        Some(&self.entries[i].1)
    }

    fn missing(&self, key: &str, diags: &mut Diagnostics) {
        diags.error(
            self.file,
            self.offset,
            format!("{} is missing the required field `{key}`", self.what),
            Some("see resources/README.md for the fields each entry needs"),
        );
    }

    fn wrong_type(&self, key: &str, expected: &str, node: &Spanned<Node>, diags: &mut Diagnostics) {
        diags.error(
            self.file,
            node.span().start,
            format!(
                "`{key}` must be {expected}, found {}",
                node.get_ref().type_name()
            ),
            None,
        );
    }

    /// A string field. Empty or whitespace-only strings are reported.
    pub fn string(
        &mut self,
        key: &str,
        required: bool,
        diags: &mut Diagnostics,
    ) -> Option<At<String>> {
        let Some(node) = self.take(key) else {
            if required {
                self.missing(key, diags);
            }
            return None;
        };
        match node.get_ref() {
            Node::String(s) if s.trim().is_empty() => {
                diags.error(
                    self.file,
                    node.span().start,
                    format!("`{key}` is empty"),
                    None,
                );
                None
            }
            Node::String(s) => Some(At {
                value: s.trim().to_string(),
                offset: node.span().start,
            }),
            _ => {
                self.wrong_type(key, "a string in quotes", node, diags);
                None
            }
        }
    }

    /// A list of non-empty strings. Empty entries are reported and skipped.
    pub fn string_list(
        &mut self,
        key: &str,
        required: bool,
        diags: &mut Diagnostics,
    ) -> Option<Vec<At<String>>> {
        let Some(node) = self.take(key) else {
            if required {
                self.missing(key, diags);
            }
            return None;
        };
        let Node::Array(items) = node.get_ref() else {
            self.wrong_type(key, "a list of strings, like [\"a\", \"b\"]", node, diags);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match item.get_ref() {
                Node::String(s) if s.trim().is_empty() => diags.error(
                    self.file,
                    item.span().start,
                    format!("empty entry in `{key}`"),
                    Some("remove the empty string"),
                ),
                Node::String(s) => out.push(At {
                    value: s.trim().to_string(),
                    offset: item.span().start,
                }),
                other => diags.error(
                    self.file,
                    item.span().start,
                    format!(
                        "entries of `{key}` must be strings, found {}",
                        other.type_name()
                    ),
                    None,
                ),
            }
        }
        Some(out)
    }

    /// A calendar date written as a bare TOML date (`2027-01-31`) or a string.
    pub fn date(&mut self, key: &str, required: bool, diags: &mut Diagnostics) -> Option<At<Date>> {
        let Some(node) = self.take(key) else {
            if required {
                self.missing(key, diags);
            }
            return None;
        };
        let offset = node.span().start;
        let parsed = match node.get_ref() {
            Node::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => Date::from_calendar_date(
                    i32::from(d.year),
                    time::Month::try_from(d.month).unwrap_or(time::Month::January),
                    d.day,
                )
                .ok(),
                _ => None,
            },
            Node::String(s) => parse_date(s),
            _ => None,
        };
        if parsed.is_none() {
            diags.error(
                self.file,
                offset,
                format!("`{key}` is not a valid date"),
                Some("write a calendar date as YYYY-MM-DD without quotes, e.g. 2027-03-31"),
            );
        }
        parsed.map(|value| At { value, offset })
    }

    /// A number field (integer or decimal).
    pub fn number(&mut self, key: &str, diags: &mut Diagnostics) -> Option<At<f64>> {
        let node = self.take(key)?;
        let value = match node.get_ref() {
            Node::Integer(i) => *i as f64,
            Node::Float(f) if f.is_finite() => *f,
            _ => {
                self.wrong_type(key, "a number, like 4.0 or 180", node, diags);
                return None;
            }
        };
        Some(At {
            value,
            offset: node.span().start,
        })
    }

    /// A true/false field.
    pub fn boolean(&mut self, key: &str, diags: &mut Diagnostics) -> Option<bool> {
        let node = self.take(key)?;
        match node.get_ref() {
            Node::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, "true or false", node, diags);
                None
            }
        }
    }

    /// A sub-list of tables (`[[region.contact]]`), each handed to `each`.
    pub fn tables(&mut self, key: &str) -> &'a [Spanned<Node>] {
        match self.take(key).map(Spanned::get_ref) {
            Some(Node::Array(items)) => items,
            _ => &[],
        }
    }

    /// Report every field that was never asked for, suggesting a close match.
    pub fn finish(&self, known: &[&str], diags: &mut Diagnostics) {
        for ((key, _), used) in self.entries.iter().zip(&self.used) {
            if *used {
                continue;
            }
            let suggestion = known
                .iter()
                .filter(|k| osa_distance(k, key.get_ref(), 2) <= 2)
                .map(|k| format!("did you mean `{k}`?"))
                .next();
            let hint = suggestion.unwrap_or_else(|| format!("known fields: {}", known.join(", ")));
            diags.error(
                self.file,
                key.span().start,
                format!("unknown field `{}` in {}", key.get_ref(), self.what),
                Some(&hint),
            );
        }
    }
}

/// Is `value` one of `allowed`? Reports "unknown {what}" with the list when
/// it is not, so every closed vocabulary (regions, kinds, urgencies) reads
/// the same to the person fixing the file.
pub fn check_member(
    file: &SourceFile,
    offset: usize,
    value: &str,
    what: &str,
    allowed: &[&str],
    diags: &mut Diagnostics,
) -> bool {
    if allowed.contains(&value) {
        return true;
    }
    diags.error(
        file,
        offset,
        format!("unknown {what} `{value}`"),
        Some(&format!("use one of: {}", allowed.join(", "))),
    );
    false
}

/// Parse `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &format).ok()
}
