//! Measuring answer quality on labelled questions.
//!
//! Questions are read from TSV files (`question<TAB>expected condition`) and
//! answered by the real engine. Reports name failures by line number only:
//! even test questions are treated like patients' words.

mod retrieval;
mod safety;

pub use retrieval::{Figures, Report, evaluate};
pub use safety::{Breakdown, SafetyReport, evaluate_safety};

/// One labelled question.
#[derive(Debug, Clone)]
pub struct Case {
    /// Line number in the file (1-based), used as the question's id.
    pub line: usize,
    pub text: String,
    /// Expected condition (or safety category), lower case.
    pub label: String,
    /// Region to ask in (optional third column); the run's region otherwise.
    pub region: Option<String>,
    /// In a set of ordinary questions, the safety category (or `any`) of a
    /// line that describes an emergency after all (optional fourth
    /// column): the alarm it raises is right, so it is counted apart, not
    /// as a false alarm, and never taught as ordinary.
    pub emergency: Option<String>,
}

impl Case {
    /// The region this case is asked in: its own, else the run's.
    pub fn region_or<'a>(&'a self, run: &'a str) -> &'a str {
        self.region.as_deref().unwrap_or(run)
    }
}

/// Read a TSV file of `text<TAB>label` lines; a header line is skipped.
/// With `labelled = false` only the text column is needed.
pub fn read_cases(content: &str, labelled: bool) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || (i == 0 && is_header(line)) {
            continue;
        }
        let mut cols = line.split('\t');
        let text = cols.next().unwrap_or("").trim().to_string();
        let label = cols.next().unwrap_or("").trim().to_lowercase();
        let mut next = || {
            cols.next()
                .map(|r| r.trim().to_lowercase())
                .filter(|r| !r.is_empty())
        };
        let region = next();
        let emergency = next();
        if labelled && label.is_empty() {
            return Err(format!(
                "line {line_no}: expected `question<TAB>expected condition`"
            ));
        }
        cases.push(Case {
            line: line_no,
            text,
            label,
            region,
            emergency,
        });
    }
    Ok(cases)
}

fn is_header(line: &str) -> bool {
    let first = line.split('\t').next().unwrap_or("").trim().to_lowercase();
    first == "question" || first == "message"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fourth_column_marks_an_emergency() {
        let tsv = "question\texpected\tregion\temergency\n\
                   ordinary\tasthma\tie\n\
                   face droops\tstroke\tca\tstroke\n";
        let cases = read_cases(tsv, false).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].emergency, None);
        assert_eq!(cases[1].region.as_deref(), Some("ca"));
        assert_eq!(cases[1].emergency.as_deref(), Some("stroke"));
    }
}
