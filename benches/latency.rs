//! Latency distribution (median, p90, p99, max) of question → `Reply` over
//! the 803 patient-voice questions in `tests/eval/`, on the shipped catalog
//! and on a synthetic 100,000-resource catalog.
//!
//! Run: `cargo bench --bench latency` (figures in BENCHMARKS.md). Criterion
//! (`--bench answer`) gives medians per question; this gives the tail.
//! For profiling, `LATENCY_ROUNDS=200 LATENCY_SHIPPED_ONLY=1` repeats the
//! shipped catalog's questions longer and skips the 100k catalog, so
//! `perf record` sees answering rather than index building;
//! `LATENCY_MIN_CHARS=500` keeps only the long posts (the tail),
//! `LATENCY_MAX_CHARS=130` only the short ones (the median),
//! `LATENCY_SLOWEST=1` lists the slowest questions by line, and
//! `LATENCY_SCREEN_ONLY=1` times the safety screen alone (phrases, learned
//! signal and readings, as `Engine::sounds_like_crisis`), to tell its share
//! from the search's.

use std::path::Path;
use std::time::{Duration, Instant};

use signpost::engine::{AskOptions, Engine};
use support::{shipped, synthetic};

mod support;
use signpost::eval::read_cases;

/// The allocator the `signpost` binary uses, so the bench times what ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let screen_only = std::env::var_os("LATENCY_SCREEN_ONLY").is_some();
    let run = |q: &str| {
        if screen_only {
            std::hint::black_box(engine.sounds_like_crisis(q));
        } else {
            std::hint::black_box(engine.answer(q, &opts));
        }
    };
    for q in questions.iter().take(50) {
        run(q); // warm up
    }
    let mut times = Vec::with_capacity(questions.len() * rounds);
    let mut per_question = vec![Duration::ZERO; questions.len()];
    for _ in 0..rounds {
        for (i, q) in questions.iter().enumerate() {
            let t = Instant::now();
            run(q);
            let took = t.elapsed();
            times.push(took);
            per_question[i] += took;
        }
    }
    times.sort();
    if std::env::var_os("LATENCY_SLOWEST").is_some() {
        slowest(engine, questions, &per_question, rounds);
    }
    println!(
        "{name:<22} n={:<6} median {:>8.1?}  p90 {:>8.1?}  p99 {:>8.1?}  max {:>8.1?}",
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times[times.len() - 1]
    );
}

/// The slowest questions (line, characters, conditions detected, mean
/// time): where the tail comes from. Never the question's text.
fn slowest(engine: &Engine, questions: &[String], total: &[Duration], rounds: usize) {
    let mut order: Vec<usize> = (0..questions.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(total[i]));
    for &i in order.iter().take(15) {
        let reply = engine.answer(&questions[i], &AskOptions::default());
        println!(
            "  line {:>4}: {:>5} chars, {} detected, emergency {}, mean {:.1?}",
            i + 2,
            questions[i].chars().count(),
            reply.detected.len(),
            reply.emergency.is_some(),
            total[i] / rounds as u32
        );
    }
}

fn main() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/patient-questions.tsv"),
    )
    .unwrap();
    let min_chars: usize = std::env::var("LATENCY_MIN_CHARS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let max_chars: usize = std::env::var("LATENCY_MAX_CHARS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let questions: Vec<String> = read_cases(&text, true)
        .unwrap()
        .into_iter()
        .map(|c| c.text)
        .filter(|q| (min_chars..=max_chars).contains(&q.chars().count()))
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
