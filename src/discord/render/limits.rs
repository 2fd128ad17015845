//! Discord's size limits and truncation on character boundaries.

/// Message content.
pub const CONTENT: usize = 2000;
/// Embed title.
pub const TITLE: usize = 256;
/// Embed description.
pub const DESCRIPTION: usize = 4096;
/// Embed field name.
pub const FIELD_NAME: usize = 256;
/// Embed field value.
pub const FIELD_VALUE: usize = 1024;
/// Embed footer text.
pub const FOOTER: usize = 2048;
/// All embeds of one message together.
pub const EMBEDS_TOTAL: usize = 6000;

/// Length as Discord counts it (characters, not bytes).
pub fn len(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to at most `max` characters, ending in `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if len(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// The first line of `s`, cut to `max` characters.
pub fn one_line(s: &str, max: usize) -> String {
    let line = s
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    truncate(line, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_on_char_boundaries() {
        assert_eq!(truncate("héllo", 10), "héllo");
        assert_eq!(truncate("héllo", 3), "hé…");
        assert_eq!(truncate("🚑🚑🚑", 2), "🚑…");
        assert_eq!(len(&truncate(&"é".repeat(5000), DESCRIPTION)), DESCRIPTION);
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn one_line_skips_blank_lines() {
        assert_eq!(one_line("\n  first \nsecond", 100), "first");
    }
}
