//! Latency distribution (median, p90, p99, max) of question → `Reply` over
//! the 803 patient-voice questions in `tests/eval/`, on the shipped catalog
//! and on a synthetic 100,000-resource catalog.
//!
//! Run: `cargo bench --bench latency` (figures in BENCHMARKS.md). Criterion
//! (`--bench answer`) gives medians per question; this gives the tail.
//! For profiling, `LATENCY_ROUNDS=200 LATENCY_SHIPPED_ONLY=1` repeats the
//! shipped catalog's questions longer and skips the 100k catalog, so
//! `perf record` sees answering rather than index building.

use std::path::Path;
use std::time::{Duration, Instant};

use signpost::engine::{AskOptions, Engine};
use support::{shipped, synthetic};

mod support;
use signpost::eval::read_cases;

fn timed_engine(catalog: &signpost::catalog::Catalog, dir: &Path) -> (Engine, Duration) {
    let started = Instant::now();
    let engine = support::engine_for(catalog, dir);
    (engine, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn measure(name: &str, engine: &Engine, questions: &[String], rounds: usize) {
    let opts = AskOptions {
        region: "uk".into(),
        k: 3,
        ..Default::default()
    };
    for q in questions.iter().take(50) {
        std::hint::black_box(engine.answer(q, &opts)); // warm up
    }
    let mut times = Vec::with_capacity(questions.len() * rounds);
    for _ in 0..rounds {
        for q in questions {
            let t = Instant::now();
            std::hint::black_box(engine.answer(q, &opts));
            times.push(t.elapsed());
        }
    }
    times.sort();
    println!(
        "{name:<22} n={:<6} median {:>8.1?}  p90 {:>8.1?}  p99 {:>8.1?}  max {:>8.1?}",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
}

fn main() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/patient-questions.tsv"),
    )
    .unwrap();
    let questions: Vec<String> = read_cases(&text, true)
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .collect();
    let base = shipped();
    let tmp = tempfile::tempdir().unwrap();
    let (engine, built) = timed_engine(&base, tmp.path());
    println!(
        "shipped catalog: {} resources, index built and opened in {built:.1?}",
        base.resources.len()
    );
    let rounds = std::env::var("LATENCY_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    measure(
        &format!("shipped (803 q x {rounds})"),
        &engine,
        &questions,
        rounds,
    );
    if std::env::var_os("LATENCY_SHIPPED_ONLY").is_some() {
        return;
    }
    let big = synthetic(&base, 100_000);
    let tmp_big = tempfile::tempdir().unwrap();
    let (engine_big, built) = timed_engine(&big, tmp_big.path());
    println!(
        "synthetic catalog: {} resources, index built and opened in {built:.1?}",
        big.resources.len()
    );
    measure("100k (803 q x 2)", &engine_big, &questions, 2);
}
