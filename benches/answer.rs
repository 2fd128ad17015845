//! Question → `Reply` latency and index build time.
//!
//! Run: `cargo bench --bench answer` (results and machine in BENCHMARKS.md).

use criterion::{Criterion, criterion_group, criterion_main};
use signpost::engine::AskOptions;
use support::{engine_for, shipped, synthetic};

mod support;

/// The allocator the `signpost` binary uses, so the bench times what ships.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const QUESTIONS: &[&str] = &[
    "I've just been told I have type 2 diabetes, where do I start?",
    "my mum was told her sugars are high and she has to go on metformin, is that diabetes??",
    "excema on my babys face, what can I use",
    "Hi everyone, long time lurker. My dad (72) has been getting more and more forgetful over the last year, he left the gas on twice, keeps asking the same questions, and last week he got lost driving to my house which he has done a hundred times. The GP did a memory test and said it might be alzhimers or vascular dementia and they are referring him to the memory clinic but the wait is 4 months. My mum is exhausted and I live an hour away with two kids and a full time job. Where can we get proper information and support while we wait? Is there anything we should be doing now? Sorry for the long post, I just don't know where to turn and everyone here seems so kind.",
    "what are the risk factors for a heart attack",
    "how do I reset my discord password",
];

fn bench_answers(c: &mut Criterion) {
    let base = shipped();
    let tmp = tempfile::tempdir().unwrap();
    let engine = engine_for(&base, tmp.path());
    let opts = AskOptions {
        region: "uk".into(),
        k: 3,
        ..Default::default()
    };
    let mut g = c.benchmark_group("answer_shipped");
    for (i, q) in QUESTIONS.iter().enumerate() {
        g.bench_function(format!("q{i}_{}chars", q.len()), |b| {
            b.iter(|| engine.answer(q, &opts))
        });
    }
    g.finish();

    let big = synthetic(&base, 100_000);
    let tmp_big = tempfile::tempdir().unwrap();
    let engine_big = engine_for(&big, tmp_big.path());
    let mut g = c.benchmark_group("answer_100k");
    g.sample_size(30);
    for (i, q) in QUESTIONS.iter().enumerate() {
        g.bench_function(format!("q{i}_{}chars", q.len()), |b| {
            b.iter(|| engine_big.answer(q, &opts))
        });
    }
    g.finish();
}

fn bench_build(c: &mut Criterion) {
    let base = shipped();
    let mut g = c.benchmark_group("index_build");
    g.sample_size(10);
    g.bench_function("shipped_catalog", |b| {
        b.iter(|| {
            let tmp = tempfile::tempdir().unwrap();
            signpost::search::build(&base, &tmp.path().join("index")).unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_answers, bench_build);
criterion_main!(benches);
