//! Counters for operators, in Prometheus' text format: counts and timings
//! only, never a word a patient wrote, a user id or a server id.
//!
//! One process-wide set of atomics ([`METRICS`]): answers are counted where
//! they are computed and REST failures where they are retried, with no
//! plumbing through every call site.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use crate::reply::Reply;

/// Upper bounds of the answer-latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.1, 0.5, 2.0,
];

/// The process's counters.
pub static METRICS: Metrics = Metrics::new();

/// Counters since the process started.
pub struct Metrics {
    answers: AtomicU64,
    no_match: AtomicU64,
    emergencies: AtomicU64,
    latency_buckets: [AtomicU64; BUCKETS.len()],
    latency_count: AtomicU64,
    latency_micros: AtomicU64,
    rest_errors: AtomicU64,
    rest_429: AtomicU64,
}

/// What the process knows about itself at scrape time.
#[derive(Debug, Clone, Copy, Default)]
pub struct Gauges {
    pub shards_connected: usize,
    pub shards_total: usize,
    pub catalog_generation: u64,
    pub resources: usize,
}

impl Metrics {
    #[allow(clippy::declare_interior_mutable_const)]
    const ZERO: AtomicU64 = AtomicU64::new(0);

    const fn new() -> Metrics {
        Metrics {
            answers: AtomicU64::new(0),
            no_match: AtomicU64::new(0),
            emergencies: AtomicU64::new(0),
            latency_buckets: [Self::ZERO; BUCKETS.len()],
            latency_count: AtomicU64::new(0),
            latency_micros: AtomicU64::new(0),
            rest_errors: AtomicU64::new(0),
            rest_429: AtomicU64::new(0),
        }
    }

    /// Count one computed answer and how long computing it took.
    pub fn answered(&self, reply: &Reply, took: Duration) {
        self.answers.fetch_add(1, Relaxed);
        if reply.no_match {
            self.no_match.fetch_add(1, Relaxed);
        }
        if reply.emergency.is_some() {
            self.emergencies.fetch_add(1, Relaxed);
        }
        let secs = took.as_secs_f64();
        for (bound, n) in BUCKETS.iter().zip(&self.latency_buckets) {
            if secs <= *bound {
                n.fetch_add(1, Relaxed);
            }
        }
        self.latency_count.fetch_add(1, Relaxed);
        let micros = u64::try_from(took.as_micros()).unwrap_or(u64::MAX);
        self.latency_micros.fetch_add(micros, Relaxed);
    }

    /// Count one failed Discord REST attempt (`rate_limited` for a 429).
    pub fn rest_failed(&self, rate_limited: bool) {
        self.rest_errors.fetch_add(1, Relaxed);
        if rate_limited {
            self.rest_429.fetch_add(1, Relaxed);
        }
    }

    /// The text Prometheus scrapes.
    pub fn render(&self, g: Gauges) -> String {
        let mut o = String::new();
        let counter = |o: &mut String, name: &str, help: &str, v: u64| {
            let _ = write!(
                o,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {v}\n"
            );
        };
        let gauge = |o: &mut String, name: &str, help: &str, v: u64| {
            let _ = write!(o, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {v}\n");
        };
        counter(
            &mut o,
            "signpost_answers_total",
            "Answers computed.",
            self.answers.load(Relaxed),
        );
        counter(
            &mut o,
            "signpost_no_match_total",
            "Answers with no vetted resource.",
            self.no_match.load(Relaxed),
        );
        counter(
            &mut o,
            "signpost_emergencies_total",
            "Answers that showed the emergency block.",
            self.emergencies.load(Relaxed),
        );
        self.render_latency(&mut o);
        counter(
            &mut o,
            "signpost_rest_errors_total",
            "Failed Discord REST attempts (each retry counts).",
            self.rest_errors.load(Relaxed),
        );
        counter(
            &mut o,
            "signpost_rest_429_total",
            "Discord REST attempts answered 429 Too Many Requests.",
            self.rest_429.load(Relaxed),
        );
        gauge(
            &mut o,
            "signpost_shards_connected",
            "Gateway shards connected.",
            g.shards_connected as u64,
        );
        gauge(
            &mut o,
            "signpost_shards",
            "Gateway shards run by this process.",
            g.shards_total as u64,
        );
        gauge(
            &mut o,
            "signpost_catalog_generation",
            "Catalog generation serving (1 at start, +1 per reload).",
            g.catalog_generation,
        );
        gauge(
            &mut o,
            "signpost_catalog_resources",
            "Resources in the serving catalog.",
            g.resources as u64,
        );
        o
    }

    fn render_latency(&self, o: &mut String) {
        let name = "signpost_answer_seconds";
        let _ = write!(
            o,
            "# HELP {name} Time to compute an answer (screen, search, reply).\n# TYPE {name} histogram\n"
        );
        for (bound, n) in BUCKETS.iter().zip(&self.latency_buckets) {
            let _ = writeln!(o, "{name}_bucket{{le=\"{bound}\"}} {}", n.load(Relaxed));
        }
        let count = self.latency_count.load(Relaxed);
        let sum = self.latency_micros.load(Relaxed) as f64 / 1e6;
        let _ = write!(
            o,
            "{name}_bucket{{le=\"+Inf\"}} {count}\n{name}_sum {sum}\n{name}_count {count}\n"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_are_cumulative_and_text_is_prometheus() {
        let m = Metrics::new();
        let reply = Reply {
            emergency: None,
            results: Vec::new(),
            notice: String::new(),
            no_match: true,
            no_match_help: None,
            region: "uk".into(),
            urgent: crate::reply::Urgent::default(),
            detected: Vec::new(),
            fallback_region: None,
        };
        m.answered(&reply, Duration::from_micros(80));
        m.answered(&reply, Duration::from_millis(3));
        m.rest_failed(true);
        let text = m.render(Gauges::default());
        assert!(text.contains("signpost_answers_total 2\n"), "{text}");
        assert!(
            text.contains("signpost_answer_seconds_bucket{le=\"0.0001\"} 1\n"),
            "{text}"
        );
        assert!(
            text.contains("signpost_answer_seconds_bucket{le=\"0.005\"} 2\n"),
            "{text}"
        );
        assert!(text.contains("signpost_answer_seconds_count 2\n"), "{text}");
        assert!(text.contains("signpost_rest_429_total 1\n"), "{text}");
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (name, value) = line.rsplit_once(' ').unwrap();
            assert!(name.starts_with("signpost_"), "{line}");
            assert!(value.parse::<f64>().is_ok(), "{line}");
        }
    }
}
