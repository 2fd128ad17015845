//! The custom ids of the feedback buttons and the broken-link menu.
//!
//! Stateless: everything a click needs is in the id or in the interaction
//! itself (the clicked message's id, whose snowflake dates the answer).
//! Formats, at most [`MAX_LEN`] characters:
//!
//! * buttons: `sp:fb:v1:<h|n|r>:<tag>.<tag>…` (helpful, not helpful, report)
//! * the menu: `sp:fb:v1:s:<answer message id>:<tag>.<tag>…`
//!
//! A tag is 10 hex digits (40 bits of FNV-1a) of a resource id. Resource ids
//! run to ~60 characters, so five of them do not fit in Discord's 100; the
//! tags are resolved against the serving catalog on click. Everything in an
//! id is untrusted: anything that does not parse exactly is refused.

/// Every feedback id starts with this (and nothing else of ours does).
pub const PREFIX: &str = "sp:fb:";
const VERSIONED: &str = "sp:fb:v1:";
/// Discord's limit on a component's custom id.
pub const MAX_LEN: usize = 100;
/// At most this many links per answer: as many as the renderer shows.
pub const MAX_LINKS: usize = crate::discord::render::MAX_RESULTS;
const TAG_HEX: usize = 10;

/// A short, stable stand-in for a resource id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Tag(u64);

impl Tag {
    /// The tag of `resource_id` (FNV-1a 64, top 40 bits): the same in every
    /// process and build, unlike std's hasher.
    pub fn of(resource_id: &str) -> Tag {
        Tag(crate::fnv::hash(resource_id.as_bytes()) >> 24)
    }

    fn parse(s: &str) -> Option<Tag> {
        let ok = s.len() == TAG_HEX && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        ok.then(|| u64::from_str_radix(s, 16).ok().map(Tag))
            .flatten()
    }
}

/// Which button was clicked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Helpful,
    NotHelpful,
    /// "Report a broken link": opens the menu.
    Report,
}

impl Action {
    fn code(self) -> char {
        match self {
            Action::Helpful => 'h',
            Action::NotHelpful => 'n',
            Action::Report => 'r',
        }
    }
}

/// A decoded feedback component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedbackId {
    Button {
        action: Action,
        links: Vec<Tag>,
    },
    /// The broken-link menu, sent privately about answer message `answer`.
    Menu {
        answer: u64,
        links: Vec<Tag>,
    },
}

/// Why a custom id was refused (forged, garbled or from another version).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("not a feedback id")]
    Foreign,
    #[error("malformed feedback id")]
    Malformed,
}

fn tags(list: &[Tag]) -> String {
    list.iter()
        .take(MAX_LINKS)
        .map(|t| format!("{:010x}", t.0))
        .collect::<Vec<_>>()
        .join(".")
}

impl FeedbackId {
    /// The custom id (at most [`MAX_LEN`] characters by construction).
    pub fn encode(&self) -> String {
        match self {
            FeedbackId::Button { action, links } => {
                format!("{VERSIONED}{}:{}", action.code(), tags(links))
            }
            FeedbackId::Menu { answer, links } => {
                format!("{VERSIONED}s:{answer}:{}", tags(links))
            }
        }
    }

    /// Parse a custom id; anything not exactly as [`FeedbackId::encode`]
    /// writes it is an error.
    pub fn decode(id: &str) -> Result<FeedbackId, IdError> {
        if !id.starts_with(PREFIX) {
            return Err(IdError::Foreign);
        }
        let rest = id
            .strip_prefix(VERSIONED)
            .filter(|_| id.len() <= MAX_LEN)
            .ok_or(IdError::Malformed)?;
        let parts: Vec<&str> = rest.split(':').collect();
        let parsed = match parts.as_slice() {
            ["h", list] => button(Action::Helpful, list),
            ["n", list] => button(Action::NotHelpful, list),
            ["r", list] => button(Action::Report, list),
            ["s", answer, list] => menu(answer, list),
            _ => None,
        };
        parsed.ok_or(IdError::Malformed)
    }
}

fn parse_tags(list: &str) -> Option<Vec<Tag>> {
    let links = list
        .split('.')
        .map(Tag::parse)
        .collect::<Option<Vec<_>>>()?;
    (1..=MAX_LINKS).contains(&links.len()).then_some(links)
}

fn button(action: Action, list: &str) -> Option<FeedbackId> {
    let links = parse_tags(list)?;
    Some(FeedbackId::Button { action, links })
}

fn menu(answer: &str, list: &str) -> Option<FeedbackId> {
    let digits =
        !answer.is_empty() && answer.len() <= 20 && answer.bytes().all(|b| b.is_ascii_digit());
    let answer = digits.then(|| answer.parse::<u64>().ok()).flatten()?;
    Some(FeedbackId::Menu {
        answer,
        links: parse_tags(list)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five() -> Vec<Tag> {
        [
            "nhs-asthma",
            "a",
            "",
            "x".repeat(100).as_str(),
            "nhs-type-2-diabetes",
        ]
        .iter()
        .map(|s| Tag::of(s))
        .collect()
    }

    #[test]
    fn ids_round_trip_within_discords_limit() {
        for action in [Action::Helpful, Action::NotHelpful, Action::Report] {
            let id = FeedbackId::Button {
                action,
                links: five(),
            };
            let s = id.encode();
            assert!(s.len() <= MAX_LEN, "{s}");
            assert_eq!(FeedbackId::decode(&s), Ok(id));
        }
        let menu = FeedbackId::Menu {
            answer: u64::MAX,
            links: five(),
        };
        let s = menu.encode();
        assert!(s.len() <= MAX_LEN, "{} {s}", s.len());
        assert_eq!(FeedbackId::decode(&s), Ok(menu));
    }

    #[test]
    fn tags_are_stable_and_distinct() {
        assert_eq!(Tag::of("nhs-asthma"), Tag::of("nhs-asthma"));
        assert_ne!(Tag::of("nhs-asthma"), Tag::of("nhs-asthma-attack"));
        // Pinned: a button posted by an older build must still resolve.
        assert_eq!(Tag::of("").0, 0xcbf2_9ce4_8422_2325 >> 24);
    }

    /// Every `id = "..."` line under `dir` (a superset of resource ids).
    fn ids_in(dir: &std::path::Path, out: &mut std::collections::BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                ids_in(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&path).unwrap();
                let ids = text.lines().filter_map(|l| {
                    let v = l
                        .trim()
                        .strip_prefix("id")?
                        .trim_start()
                        .strip_prefix('=')?;
                    Some(v.trim().trim_matches('"').to_string())
                });
                out.extend(ids);
            }
        }
    }

    #[test]
    fn no_two_shipped_resources_share_a_tag() {
        let mut ids = std::collections::BTreeSet::new();
        ids_in(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("resources"),
            &mut ids,
        );
        assert!(ids.len() > 2000, "{}", ids.len());
        let tags: std::collections::HashSet<Tag> = ids.iter().map(|i| Tag::of(i)).collect();
        assert_eq!(tags.len(), ids.len(), "a tag collision: lengthen the tags");
    }

    #[test]
    fn forged_and_garbage_ids_are_refused() {
        let good = FeedbackId::Button {
            action: Action::Helpful,
            links: five(),
        }
        .encode();
        assert_eq!(FeedbackId::decode("ask:123"), Err(IdError::Foreign));
        assert_eq!(FeedbackId::decode(""), Err(IdError::Foreign));
        let long = format!("{good}.{}", "0".repeat(40));
        let bad = [
            "sp:fb:",
            "sp:fb:v2:h:0123456789",
            "sp:fb:v1:x:0123456789",
            "sp:fb:v1:h:",
            "sp:fb:v1:h:012345678",
            "sp:fb:v1:h:0123456789a",
            "sp:fb:v1:h:012345678G",
            "sp:fb:v1:h:0123456789..0123456789",
            "sp:fb:v1:h:0123456789:extra",
            "sp:fb:v1:h:+123456789",
            "sp:fb:v1:s::0123456789",
            "sp:fb:v1:s:-1:0123456789",
            "sp:fb:v1:s:99999999999999999999:0123456789",
            "sp:fb:v1:s:12",
            "sp:fb:v1:h:ÀÀÀÀÀ",
            long.as_str(),
        ];
        for id in bad {
            assert_eq!(FeedbackId::decode(id), Err(IdError::Malformed), "{id}");
        }
        let six = format!("{good}.0123456789");
        assert_eq!(FeedbackId::decode(&six), Err(IdError::Malformed));
    }
}
