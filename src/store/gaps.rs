//! Gaps: answers that could not serve the patient well, counted by region
//! and catalog topic so clinicians learn what to add next.
//!
//! The topic is catalog vocabulary only (a recognised condition, or the
//! catalog's own "did you mean" suggestion), never the patient's words. A
//! topic is shown only once it reaches a threshold of asks *and* servers,
//! so that no line of the report points back at one person.

use serde::Serialize;

use crate::reply::Reply;

/// How an answer fell short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    /// Nothing vetted matched.
    NoMatch,
    /// Something was shown, but only through the fallback chain (another
    /// country's page) or by word match with no condition recognised.
    Weak,
}

impl GapKind {
    /// The counter column; fixed here, never taken from input.
    pub fn column(self) -> &'static str {
        match self {
            GapKind::NoMatch => "no_match",
            GapKind::Weak => "weak",
        }
    }
}

/// One answer's gap, ready to count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub region: String,
    /// A catalog condition name, or `""` when the question named none.
    pub topic: String,
    pub kind: GapKind,
}

impl Gap {
    /// The gap an answer shows, if any. Emergencies are not gaps (the
    /// emergency block was the answer), and neither is a good answer.
    pub fn of(reply: &Reply) -> Option<Gap> {
        if reply.emergency.is_some() {
            return None;
        }
        let kind = if reply.no_match {
            GapKind::NoMatch
        } else if reply.fallback_region.is_some() || reply.detected.is_empty() {
            GapKind::Weak
        } else {
            return None;
        };
        let suggested = reply
            .no_match_help
            .as_ref()
            .and_then(|h| h.did_you_mean.first());
        let topic = reply
            .detected
            .first()
            .or(suggested)
            .cloned()
            .unwrap_or_default();
        Some(Gap {
            region: reply.region.clone(),
            topic,
            kind,
        })
    }
}

/// When a topic may be shown: at least this many asks from at least this
/// many servers over the report's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Threshold {
    pub asks: u64,
    pub servers: u64,
}

impl Default for Threshold {
    fn default() -> Threshold {
        Threshold {
            asks: 10,
            servers: 3,
        }
    }
}

/// One topic's counts over a window (only ever built above the threshold).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapRow {
    pub region: String,
    /// `""` for questions that named no catalog condition.
    pub topic: String,
    pub no_match: u64,
    pub weak: u64,
    pub servers: u64,
}

impl GapRow {
    pub fn asks(&self) -> u64 {
        self.no_match + self.weak
    }
}

/// The gap counts a report may show.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GapSummary {
    /// Topics at or over the threshold, most asked first.
    pub shown: Vec<GapRow>,
    /// Asks on topics under the threshold, summed (never listed).
    pub hidden_asks: u64,
    /// How many topics are under the threshold.
    pub hidden_topics: u64,
}

impl GapSummary {
    /// Split per-topic sums into what may be shown and what is only summed.
    pub fn from_rows(rows: Vec<GapRow>, threshold: Threshold) -> GapSummary {
        let mut summary = GapSummary::default();
        for row in rows {
            if row.asks() >= threshold.asks && row.servers >= threshold.servers {
                summary.shown.push(row);
            } else {
                summary.hidden_asks += row.asks();
                summary.hidden_topics += 1;
            }
        }
        summary.shown.sort_by(|a, b| {
            b.asks()
                .cmp(&a.asks())
                .then_with(|| a.region.cmp(&b.region))
                .then_with(|| a.topic.cmp(&b.topic))
        });
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(topic: &str, no_match: u64, servers: u64) -> GapRow {
        GapRow {
            region: "ie".into(),
            topic: topic.into(),
            no_match,
            weak: 1,
            servers,
        }
    }

    #[test]
    fn topics_under_the_threshold_are_only_summed() {
        let rows = vec![row("gout", 9, 5), row("lupus", 20, 2), row("acne", 12, 3)];
        let s = GapSummary::from_rows(rows, Threshold::default());
        assert_eq!(s.shown.len(), 2, "{s:?}");
        assert_eq!(s.shown[0].topic, "acne");
        assert_eq!(s.shown[1].topic, "gout", "9 no-match + 1 weak is 10 asks");
        assert_eq!((s.hidden_asks, s.hidden_topics), (21, 1));
    }
}
