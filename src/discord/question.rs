//! Turning a Discord message into a question.

/// Longest question passed to the engine (characters); Discord allows 4,000.
pub const MAX_QUESTION: usize = 1000;

/// The message text without user, role and channel mentions, trimmed and
/// capped at [`MAX_QUESTION`] characters.
pub fn strip_mentions(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        match tail.find('>') {
            Some(end) if is_mention(&tail[1..end]) => rest = &tail[end + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    let joined = out.split_whitespace().collect::<Vec<_>>().join(" ");
    joined.chars().take(MAX_QUESTION).collect()
}

/// `@id`, `@!id`, `@&id` or `#id`.
fn is_mention(inner: &str) -> bool {
    let digits = inner
        .strip_prefix("@!")
        .or_else(|| inner.strip_prefix("@&"))
        .or_else(|| inner.strip_prefix('@'))
        .or_else(|| inner.strip_prefix('#'));
    digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

const QUESTION_WORDS: &[&str] = &[
    "what", "how", "where", "who", "why", "when", "which", "is", "are", "can", "could", "should",
    "does", "do", "will", "would", "anyone", "any", "has", "have",
];

/// Whether auto mode should consider this message: it reads as a question
/// (a question mark, or a question word first) and is of a sensible length.
pub fn looks_like_question(text: &str) -> bool {
    let words = text.split_whitespace().count();
    if !(3..=80).contains(&words) {
        return false;
    }
    if text.contains('?') {
        return true;
    }
    let first = text
        .split_whitespace()
        .next()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    QUESTION_WORDS.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_are_removed_and_other_angle_brackets_kept() {
        assert_eq!(
            strip_mentions("<@100> what  is <@!5> asthma <#7> <@&9> a<b>c <@x>"),
            "what is asthma a<b>c <@x>"
        );
        assert_eq!(strip_mentions("<@100>"), "");
        assert_eq!(
            strip_mentions("é".repeat(5000).as_str()).chars().count(),
            MAX_QUESTION
        );
    }

    #[test]
    fn question_detection() {
        assert!(looks_like_question(
            "does anyone know about asthma inhalers"
        ));
        assert!(looks_like_question("my chest feels tight, normal?"));
        assert!(!looks_like_question("good morning everyone!"));
        assert!(!looks_like_question("why?"));
    }
}
