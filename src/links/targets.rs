//! The URLs to check: every `[[resource]]` of `resources/library/*.toml`,
//! with the place it was written.
//!
//! Read leniently with `toml_edit` rather than through the full catalog
//! loader: a catalog with an unrelated mistake (an expired review, an
//! unknown reviewer) still deserves a link check, and the byte span of each
//! `url` value is what `--fix` needs.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::LinkError;
use crate::catalog::SourceFile;

/// One resource's link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: String,
    pub url: String,
    /// The library file, as the catalog names it (`resources/library/x.toml`).
    pub file: String,
    /// 1-based line of the resource's `[[resource]]` header.
    pub line: usize,
}

/// A `url` value as written: the resource id and the bytes of the literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlSpan {
    pub id: String,
    pub url: String,
    /// Byte range of the whole literal, quotes included.
    pub span: Range<usize>,
    /// Byte offset of the `[[resource]]` header.
    pub table_start: usize,
}

/// The library files of a catalog folder, sorted as the loader sorts them.
pub fn library_files(resources: &Path) -> Result<Vec<PathBuf>, LinkError> {
    let dir = resources.join("library");
    crate::catalog::toml_files(&dir).map_err(|source| LinkError::Read { path: dir, source })
}

/// Every resource link of the catalog in `resources`, in file order.
pub fn read_targets(resources: &Path) -> Result<Vec<Target>, LinkError> {
    let mut out = Vec::new();
    for path in library_files(resources)? {
        let text = std::fs::read_to_string(&path).map_err(|source| LinkError::Read {
            path: path.clone(),
            source,
        })?;
        let source = SourceFile::new(&path, text);
        let file = path.display().to_string();
        for u in url_spans(&source.text).map_err(|message| LinkError::Toml {
            path: path.clone(),
            message,
        })? {
            out.push(Target {
                id: u.id,
                url: u.url,
                file: file.clone(),
                line: source.position(u.table_start).0,
            });
        }
    }
    Ok(out)
}

/// The `url` of every `[[resource]]` that has a string id and url.
pub fn url_spans(text: &str) -> Result<Vec<UrlSpan>, String> {
    let doc = toml_edit::Document::parse(text).map_err(|e| e.message().to_string())?;
    let Some(tables) = doc.get("resource").and_then(|i| i.as_array_of_tables()) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for table in tables.iter() {
        let id = table.get("id").and_then(|i| i.as_str());
        let url = table.get("url").and_then(|i| i.as_value());
        let (Some(id), Some(value)) = (id, url) else {
            continue;
        };
        let (Some(url), Some(span)) = (value.as_str(), value.span()) else {
            continue;
        };
        out.push(UrlSpan {
            id: id.to_string(),
            url: url.to_string(),
            span,
            table_start: table.span().map_or(0, |s| s.start),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_the_literal() {
        let text = "# c\n[[resource]]\nid = \"a\"\nurl   =   'https://x.org/a' # note\n\n\
                    [[resource]]\nurl = \"https://x.org/b\"\nid = \"b\"\n\
                    [[resource]]\nid = \"no-url\"\n";
        let spans = url_spans(text).unwrap();
        assert_eq!(spans.len(), 2);
        assert_eq!(&text[spans[0].span.clone()], "'https://x.org/a'");
        assert_eq!(&text[spans[1].span.clone()], "\"https://x.org/b\"");
        let source = SourceFile::new(Path::new("x.toml"), text.to_string());
        assert_eq!(source.position(spans[0].table_start).0, 2);
        assert_eq!(source.position(spans[1].table_start).0, 6);
        assert!(url_spans("[[resource]\n").is_err());
    }
}
