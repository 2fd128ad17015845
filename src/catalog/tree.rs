//! A TOML document as a tree that keeps the byte span of every key and value.
//!
//! serde's derive stops at the first unknown field or wrong type. The checker
//! must report *every* problem with its line, so files are read into this
//! tree first and then walked by hand (see [`super::fields`]).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// Marker key toml uses to pass a datetime through serde.
const DATETIME_KEY: &str = "$__toml_private_datetime";

/// A TOML value whose children carry their spans.
#[derive(Debug, Clone)]
pub enum Node {
    String(String),
    Integer(i64),
    Float(f64),
    Boolean(bool),
    Datetime(toml::value::Datetime),
    Array(Vec<Spanned<Node>>),
    Table(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl Node {
    /// A word for the value's type, for messages ("expected a string, found an integer").
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::String(_) => "a string",
            Node::Integer(_) => "an integer",
            Node::Float(_) => "a number",
            Node::Boolean(_) => "true/false",
            Node::Datetime(_) => "a date",
            Node::Array(_) => "a list",
            Node::Table(_) => "a table",
        }
    }
}

/// Parse a whole document; the error carries toml's own span.
pub fn parse(text: &str) -> Result<Spanned<Node>, toml::de::Error> {
    let table: Spanned<Node> = toml::from_str(text)?;
    Ok(table)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Boolean(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Integer(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        i64::try_from(v)
            .map(Node::Integer)
            .map_err(|_| E::custom("integer too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(Key(span, key)) = map.next_key::<Key>()? {
            if key == DATETIME_KEY {
                let raw: String = map.next_value()?;
                let dt = raw.parse().map_err(de::Error::custom)?;
                return Ok(Node::Datetime(dt));
            }
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((Spanned::new(span.unwrap_or(0..0), key), value));
        }
        Ok(Node::Table(entries))
    }
}

// toml passes spans through serde as a struct with these private names (see
// serde_spanned). A table key asks for one; a datetime's marker key arrives
// as a plain string instead, so keys accept both forms.
const SPANNED_NAME: &str = "$__serde_spanned_private_Spanned";
const SPANNED_START: &str = "$__serde_spanned_private_start";
const SPANNED_END: &str = "$__serde_spanned_private_end";
const SPANNED_VALUE: &str = "$__serde_spanned_private_value";

/// A table key, with its span when toml provides one.
struct Key(Option<std::ops::Range<usize>>, String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_struct(
            SPANNED_NAME,
            &[SPANNED_START, SPANNED_END, SPANNED_VALUE],
            KeyVisitor,
        )
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a table key")
    }
    fn visit_str<E>(self, v: &str) -> Result<Key, E> {
        Ok(Key(None, v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Key, E> {
        Ok(Key(None, v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Key, A::Error> {
        let (mut start, mut end, mut value) = (None, None, None);
        while let Some(field) = map.next_key::<String>()? {
            match field.as_str() {
                SPANNED_START => start = Some(map.next_value::<usize>()?),
                SPANNED_END => end = Some(map.next_value::<usize>()?),
                SPANNED_VALUE => value = Some(map.next_value::<String>()?),
                _ => {
                    return Err(de::Error::unknown_field(
                        &field,
                        &[SPANNED_START, SPANNED_END, SPANNED_VALUE],
                    ));
                }
            }
        }
        let value = value.ok_or_else(|| de::Error::missing_field(SPANNED_VALUE))?;
        Ok(Key(start.zip(end).map(|(s, e)| s..e), value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spans_of_nested_values() {
        let text = "[[resource]]\nid = \"a\"\nwhen = 2026-01-02\nlist = [\"x\", 3]\n";
        let root = parse(text).unwrap();
        let Node::Table(top) = root.get_ref() else {
            panic!()
        };
        let Node::Array(items) = top[0].1.get_ref() else {
            panic!()
        };
        let Node::Table(fields) = items[0].get_ref() else {
            panic!()
        };
        assert_eq!(fields[0].0.get_ref(), "id");
        assert_eq!(&text[fields[0].1.span()], "\"a\"");
        let field = |k: &str| &fields.iter().find(|(key, _)| key.get_ref() == k).unwrap().1;
        assert!(matches!(field("when").get_ref(), Node::Datetime(_)));
        let Node::Array(list) = field("list").get_ref() else {
            panic!()
        };
        assert_eq!(&text[list[1].span()], "3");
    }
}
