//! `--fix`: point permanently moved links at their new place, in the
//! clinicians' files, changing nothing else.
//!
//! `toml_edit` finds each `url` literal's bytes and writes the new literal;
//! the file is then spliced, so comments, blank lines, key order and quoting
//! elsewhere stay byte-identical. The result is re-parsed to prove that only
//! the intended values changed.

use std::path::{Path, PathBuf};

use super::LinkError;
use super::targets::url_spans;

/// One URL to replace in one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub from: String,
    pub to: String,
}

/// A changed line, for the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineChange {
    pub line: usize,
    pub old: String,
    pub new: String,
}

/// What `--fix` did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFix {
    pub path: PathBuf,
    pub lines: Vec<LineChange>,
}

/// Rewrite the `url` of each resource named in `changes` whose value is
/// still `from`. Returns the new text and the changed lines.
pub fn rewrite(text: &str, changes: &[Change]) -> Result<(String, Vec<LineChange>), String> {
    let mut spans: Vec<_> = url_spans(text)?
        .into_iter()
        .filter_map(|u| {
            let c = changes.iter().find(|c| c.id == u.id && c.from == u.url)?;
            Some((u.span, c))
        })
        .collect();
    spans.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (span, change) in &spans {
        out.push_str(&text[at..span.start]);
        out.push_str(&literal(&text[span.clone()], &change.to));
        at = span.end;
    }
    out.push_str(&text[at..]);
    verify(&out, &spans.iter().map(|(_, c)| *c).collect::<Vec<_>>())?;
    let lines = changed_lines(text, &out);
    Ok((out, lines))
}

/// The new value in the old literal's quoting where that can hold it (a
/// literal string cannot hold `'`), else as a basic string.
fn literal(old: &str, url: &str) -> String {
    let plain = !url.chars().any(|c| c == '\'' || c.is_control());
    if old.starts_with('\'') && !old.starts_with("'''") && plain {
        return format!("'{url}'");
    }
    let mut out = String::from('"');
    for c in url.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Every changed resource now reads its new URL.
fn verify(text: &str, applied: &[&Change]) -> Result<(), String> {
    let after = url_spans(text)?;
    for c in applied {
        if !after.iter().any(|u| u.id == c.id && u.url == c.to) {
            return Err(format!("rewriting `{}` did not take", c.id));
        }
    }
    Ok(())
}

/// Lines that differ (a URL change never adds or removes lines).
fn changed_lines(old: &str, new: &str) -> Vec<LineChange> {
    old.lines()
        .zip(new.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| LineChange {
            line: i + 1,
            old: a.to_string(),
            new: b.to_string(),
        })
        .collect()
}

/// Apply `changes` to a file, writing it atomically when something changed.
pub fn fix_file(path: &Path, changes: &[Change]) -> Result<Option<FileFix>, LinkError> {
    let text = std::fs::read_to_string(path).map_err(|source| LinkError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let (new, lines) = rewrite(&text, changes).map_err(|message| LinkError::Toml {
        path: path.to_path_buf(),
        message,
    })?;
    if new == text {
        return Ok(None);
    }
    super::state::write_atomically(path, new.as_bytes())?;
    Ok(Some(FileFix {
        path: path.to_path_buf(),
        lines,
    }))
}

/// A unified-style diff of the changed lines.
pub fn diff(fix: &FileFix) -> String {
    let name = fix.path.display();
    let mut out = format!("--- {name}\n+++ {name}\n");
    for l in &fix.lines {
        out.push_str(&format!(
            "@@ -{0},1 +{0},1 @@\n-{1}\n+{2}\n",
            l.line, l.old, l.new
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# Library: heart pages\n\n[[resource]]   # first\nid = \"a\"\n\
        url =    \"https://old.example/a\"   # moved in 2026\ntitle = 'A'\n\n\n\
        [[resource]]\n  url='https://old.example/b'\n  id = \"b\"\n\
        [[resource]]\nid = \"c\"\nurl = \"https://old.example/a\"\n";

    fn change(id: &str, from: &str, to: &str) -> Change {
        Change {
            id: id.into(),
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn only_the_url_bytes_change() {
        let changes = [
            change(
                "a",
                "https://old.example/a",
                "https://new.example/a?x=1&y=\"2\"",
            ),
            change("b", "https://old.example/b", "https://new.example/b"),
        ];
        let (out, lines) = rewrite(TEXT, &changes).unwrap();
        let expected = TEXT
            .replace(
                "url =    \"https://old.example/a\"",
                "url =    \"https://new.example/a?x=1&y=\\\"2\\\"\"",
            )
            .replace("'https://old.example/b'", "'https://new.example/b'");
        assert_eq!(out, expected);
        // `c` has the same old URL but was not asked for.
        assert!(out.ends_with("url = \"https://old.example/a\"\n"));
        assert_eq!(lines.iter().map(|l| l.line).collect::<Vec<_>>(), [5, 10]);
    }

    #[test]
    fn nothing_to_do_leaves_the_text() {
        let stale = [change("a", "https://elsewhere/", "https://new/")];
        let (out, lines) = rewrite(TEXT, &stale).unwrap();
        assert_eq!(out, TEXT);
        assert!(lines.is_empty());
    }

    #[test]
    fn literal_quotes_fall_back_when_needed() {
        assert_eq!(literal("'x'", "https://a/'b"), "\"https://a/'b\"");
        assert_eq!(literal("'x'", "https://a/b"), "'https://a/b'");
        assert_eq!(literal("\"x\"", "https://a/b"), "\"https://a/b\"");
        assert_eq!(literal("\"x\"", "a\\\"\u{7}"), "\"a\\\\\\\"\\u0007\"");
    }
}
