//! One line per resource: a table for people, JSON Lines for tools.

use serde::Serialize;

use super::targets::Target;
use super::verdict::{Finding, Hop, Verdict};

/// The result for one resource. Its JSON form is the `--json` contract:
/// `id`, `url`, `file`, `line`, `status`, `final_url`, `verdict`,
/// `checked_at`, plus `fix_to`, `note` and `chain` (more may be added).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkReport {
    pub id: String,
    pub url: String,
    pub file: String,
    pub line: usize,
    /// Status of the final response; `null` when none came.
    pub status: Option<u16>,
    /// Where the redirect chain ended (the URL itself without redirects).
    pub final_url: Option<String>,
    pub verdict: Verdict,
    /// RFC 3339, UTC.
    pub checked_at: String,
    /// For `redirected`: what `--fix` writes.
    pub fix_to: Option<String>,
    pub note: String,
    pub chain: Vec<Hop>,
}

impl LinkReport {
    /// Put a URL's finding on one of the resources that link to it.
    pub fn new(target: &Target, finding: &Finding, chain: &[Hop], checked_at: &str) -> Self {
        LinkReport {
            id: target.id.clone(),
            url: target.url.clone(),
            file: target.file.clone(),
            line: target.line,
            status: finding.status,
            final_url: finding.final_url.clone(),
            verdict: finding.verdict,
            checked_at: checked_at.to_string(),
            fix_to: finding.fix_to.clone(),
            note: finding.note.clone(),
            chain: chain.to_vec(),
        }
    }

    /// One JSON object, for one line of `--json` output.
    pub fn json_line(&self) -> String {
        serde_json::to_string(self).expect("a report always serialises")
    }

    #[cfg(test)]
    pub(crate) fn sample(url: &str) -> LinkReport {
        LinkReport {
            id: "x".into(),
            url: url.into(),
            file: "library/x.toml".into(),
            line: 1,
            status: Some(200),
            final_url: Some(url.into()),
            verdict: Verdict::Ok,
            checked_at: "2027-01-01T00:00:00Z".into(),
            fix_to: None,
            note: String::new(),
            chain: vec![],
        }
    }
}

/// The human table: problems first, then the rest, each row
/// `verdict status id file:line url [-> where] [note]`.
pub fn table(reports: &[LinkReport]) -> Vec<String> {
    let mut rows: Vec<&LinkReport> = reports.iter().collect();
    rows.sort_by_key(|r| (rank(r.verdict), r.file.clone(), r.line));
    let id_width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let mut out = vec![format!(
        "{:<11} {:>6}  {:<id_width$}  where / url",
        "verdict", "status", "id"
    )];
    for r in rows {
        let status = r.status.map_or("-".to_string(), |s| s.to_string());
        let mut line = format!(
            "{:<11} {status:>6}  {:<id_width$}  {}:{}  {}",
            r.verdict.as_str(),
            r.id,
            r.file,
            r.line,
            r.url
        );
        if let Some(to) = r.final_url.as_deref().filter(|f| *f != r.url) {
            line.push_str(&format!(" -> {to}"));
        }
        if !r.note.is_empty() {
            line.push_str(&format!("  ({})", r.note));
        }
        out.push(line);
    }
    out
}

/// Worst first, so problems head the table.
fn rank(v: Verdict) -> u8 {
    match v {
        Verdict::Broken => 0,
        Verdict::Soft404 => 1,
        Verdict::Unreachable => 2,
        Verdict::Blocked => 3,
        Verdict::Redirected => 4,
        Verdict::Ok => 5,
    }
}

/// "12 links: 9 ok, 1 redirected, 2 broken".
pub fn summary(reports: &[LinkReport]) -> String {
    let all = [
        Verdict::Ok,
        Verdict::Redirected,
        Verdict::Broken,
        Verdict::Soft404,
        Verdict::Blocked,
        Verdict::Unreachable,
    ];
    let parts: Vec<String> = all
        .iter()
        .map(|v| (v, reports.iter().filter(|r| r.verdict == *v).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(v, n)| format!("{n} {}", v.as_str()))
        .collect();
    format!("{} links: {}", reports.len(), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_puts_problems_first_and_json_has_the_contract() {
        let ok = LinkReport::sample("https://a.org/");
        let broken = LinkReport {
            id: "gone".into(),
            verdict: Verdict::Broken,
            status: Some(404),
            line: 9,
            ..LinkReport::sample("https://b.org/")
        };
        let rows = table(&[ok.clone(), broken.clone()]);
        assert!(rows[1].starts_with("broken") && rows[1].contains("library/x.toml:9"));
        assert!(rows[2].starts_with("ok"));
        assert_eq!(summary(&[ok, broken.clone()]), "2 links: 1 ok, 1 broken");
        let v: serde_json::Value = serde_json::from_str(&broken.json_line()).unwrap();
        for key in [
            "id",
            "url",
            "file",
            "line",
            "status",
            "final_url",
            "verdict",
            "checked_at",
        ] {
            assert!(!v[key].is_null(), "{key}");
        }
        assert_eq!(v["verdict"], "broken");
    }
}
