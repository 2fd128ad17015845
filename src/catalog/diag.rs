//! Problems found in catalog files, with file, line and column.
//!
//! Clinicians fix what the checker tells them, so every problem names the
//! exact place and says what to do, in the `file:line:column: message` form
//! editors and CI logs understand.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Worth fixing; the catalog still loads (an error under `--strict`).
    Warning,
    /// The catalog cannot be used until this is fixed.
    Error,
}

/// One problem at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}:{}: {level}: {}",
            self.file.display(),
            self.line,
            self.column,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// A file's text with a way to turn byte offsets into line and column.
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(path: &Path, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        SourceFile {
            path: path.to_path_buf(),
            text,
            line_starts,
        }
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line + 1, column)
    }
}

/// Collects every problem found, in order.
#[derive(Default, Debug)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(
        &mut self,
        severity: Severity,
        file: &SourceFile,
        offset: usize,
        message: impl Into<String>,
        hint: Option<&str>,
    ) {
        let (line, column) = file.position(offset);
        self.items.push(Diagnostic {
            severity,
            file: file.path.clone(),
            line,
            column,
            message: message.into(),
            hint: hint.map(str::to_string),
        });
    }

    pub fn error(
        &mut self,
        file: &SourceFile,
        offset: usize,
        message: impl Into<String>,
        hint: Option<&str>,
    ) {
        self.push(Severity::Error, file, offset, message, hint);
    }

    pub fn warning(
        &mut self,
        file: &SourceFile,
        offset: usize,
        message: impl Into<String>,
        hint: Option<&str>,
    ) {
        self.push(Severity::Warning, file, offset, message, hint);
    }

    /// A problem with a whole file (missing, unreadable).
    pub fn file_error(&mut self, path: &Path, message: impl Into<String>, hint: Option<&str>) {
        self.items.push(Diagnostic {
            severity: Severity::Error,
            file: path.to_path_buf(),
            line: 1,
            column: 1,
            message: message.into(),
            hint: hint.map(str::to_string),
        });
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based() {
        let f = SourceFile::new(Path::new("x.toml"), "ab\ncdé\nf".to_string());
        assert_eq!(f.position(0), (1, 1));
        assert_eq!(f.position(3), (2, 1));
        assert_eq!(f.position(7), (2, 4));
        assert_eq!(f.position(8), (3, 1));
    }
}
