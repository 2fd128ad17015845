//! `signpost train-screen`: train the learned crisis signal on the in-repo
//! training sets and write `resources/safety-model.tsv`.
//!
//! The fresh held-out sets are never trained on: they are how the model is
//! judged.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use signpost::safety::learned::NONE;
use signpost::safety::train::{Example, TrainOptions, train};

use super::eval::read;

/// The development sets the shipped weights were trained on.
const CRISIS: &[&str] = &["tests/eval/crisis-categories.tsv", "tests/eval/crisis.tsv"];
const ORDINARY: &[&str] = &[
    "tests/eval/informational-categories.tsv",
    "tests/eval/informational.tsv",
    "tests/eval/patient-questions.tsv",
];

#[derive(clap::Args, Debug)]
pub struct TrainArgs {
    /// Crisis messages (`message<TAB>category`); default: the training sets.
    #[arg(long, value_name = "FILE.tsv")]
    pub crisis: Vec<PathBuf>,
    /// Messages that are not a crisis (first column); default: the training sets.
    #[arg(long, value_name = "FILE.tsv")]
    pub ordinary: Vec<PathBuf>,
    /// Alarm when the model's crisis probability is at least this.
    #[arg(long, default_value_t = TrainOptions::default().threshold)]
    pub threshold: f32,
    #[arg(
        long,
        default_value = "resources/safety-model.tsv",
        value_name = "FILE"
    )]
    pub out: PathBuf,
}

fn files(given: &[PathBuf], default: &[&str]) -> Vec<PathBuf> {
    if given.is_empty() {
        default.iter().map(PathBuf::from).collect()
    } else {
        given.to_vec()
    }
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let mut crisis = Vec::new();
    for p in files(&args.crisis, CRISIS) {
        crisis.extend(read(&p, true)?);
    }
    let mut ordinary = Vec::new();
    for p in files(&args.ordinary, ORDINARY) {
        ordinary.extend(read(&p, false)?);
    }
    let examples: Vec<Example<'_>> = crisis
        .iter()
        .map(|c| Example {
            text: &c.text,
            label: &c.label,
        })
        .chain(ordinary.iter().map(|c| Example {
            text: &c.text,
            label: NONE,
        }))
        .collect();
    if crisis.is_empty() || ordinary.is_empty() {
        anyhow::bail!("training needs both crisis and ordinary messages");
    }
    let opts = TrainOptions {
        threshold: args.threshold,
        ..TrainOptions::default()
    };
    let model = train(&examples, &opts);
    std::fs::write(&args.out, model.to_text())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    out!(
        "trained on {} crisis and {} ordinary messages: {} classes, {} features kept; wrote {}",
        crisis.len(),
        ordinary.len(),
        model.classes.len(),
        model.weights.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
