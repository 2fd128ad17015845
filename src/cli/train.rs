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

/// The sets the shipped weights were trained on: the development sets and
/// the held-out sets 1–14, 16–29 and 33, read and tuned on once the next was
/// written (never `*holdout15*`, `*holdout31*`, `*holdout32*` or
/// `region-holdout-questions.tsv`, the sets still held out). Set 30 was read
/// for phrases but is not trained on: with it the model alarmed on two more
/// ordinary region questions ("We're in Porirua and he lives with us…").
const CRISIS: &[&str] = &[
    "tests/eval/crisis-categories.tsv",
    "tests/eval/crisis.tsv",
    "tests/eval/crisis-holdout-categories.tsv",
    "tests/eval/crisis-holdout.tsv",
    "tests/eval/crisis-holdout2-categories.tsv",
    "tests/eval/crisis-holdout3-categories.tsv",
    "tests/eval/crisis-holdout4-categories.tsv",
    "tests/eval/crisis-holdout5-categories.tsv",
    "tests/eval/crisis-holdout6-categories.tsv",
    "tests/eval/crisis-holdout7-categories.tsv",
    "tests/eval/crisis-holdout8-categories.tsv",
    "tests/eval/crisis-holdout9-categories.tsv",
    "tests/eval/crisis-holdout10-categories.tsv",
    "tests/eval/crisis-holdout11-categories.tsv",
    "tests/eval/crisis-holdout12-categories.tsv",
    "tests/eval/crisis-holdout13-categories.tsv",
    "tests/eval/crisis-holdout14-categories.tsv",
    "tests/eval/crisis-holdout16-categories.tsv",
    "tests/eval/crisis-holdout17-categories.tsv",
    "tests/eval/crisis-holdout18-categories.tsv",
    "tests/eval/crisis-holdout19-categories.tsv",
    "tests/eval/crisis-holdout20-categories.tsv",
    "tests/eval/crisis-holdout21-categories.tsv",
    "tests/eval/crisis-holdout22-categories.tsv",
    "tests/eval/crisis-holdout23-categories.tsv",
    "tests/eval/crisis-holdout24-categories.tsv",
    "tests/eval/crisis-holdout25-categories.tsv",
    "tests/eval/crisis-holdout26-categories.tsv",
    "tests/eval/crisis-holdout27-categories.tsv",
    "tests/eval/crisis-holdout28-categories.tsv",
    "tests/eval/crisis-holdout29-categories.tsv",
    "tests/eval/crisis-holdout33-categories.tsv",
    "tests/eval/crisis-holdout36-categories.tsv",
];
const ORDINARY: &[&str] = &[
    "tests/eval/informational-categories.tsv",
    "tests/eval/informational.tsv",
    "tests/eval/patient-questions.tsv",
    "tests/eval/informational-holdout-categories.tsv",
    "tests/eval/informational-holdout.tsv",
    "tests/eval/informational-holdout2-categories.tsv",
    "tests/eval/holdout-questions.tsv",
    "tests/eval/region-questions.tsv",
    "tests/eval/informational-holdout3-categories.tsv",
    "tests/eval/ordinary-holdout3.tsv",
    "tests/eval/informational-holdout4-categories.tsv",
    "tests/eval/ordinary-holdout4.tsv",
    "tests/eval/informational-holdout5-categories.tsv",
    "tests/eval/ordinary-holdout5.tsv",
    "tests/eval/informational-holdout6-categories.tsv",
    "tests/eval/ordinary-holdout6.tsv",
    "tests/eval/informational-holdout7-categories.tsv",
    "tests/eval/ordinary-holdout7.tsv",
    "tests/eval/informational-holdout8-categories.tsv",
    "tests/eval/ordinary-holdout8.tsv",
    "tests/eval/informational-holdout9-categories.tsv",
    "tests/eval/ordinary-holdout9.tsv",
    "tests/eval/informational-holdout10-categories.tsv",
    "tests/eval/ordinary-holdout10.tsv",
    "tests/eval/informational-holdout11-categories.tsv",
    "tests/eval/ordinary-holdout11.tsv",
    "tests/eval/informational-holdout12-categories.tsv",
    "tests/eval/ordinary-holdout12.tsv",
    "tests/eval/informational-holdout13-categories.tsv",
    "tests/eval/ordinary-holdout13.tsv",
    "tests/eval/informational-holdout14-categories.tsv",
    "tests/eval/ordinary-holdout14.tsv",
    "tests/eval/informational-holdout16-categories.tsv",
    "tests/eval/ordinary-holdout16.tsv",
    "tests/eval/informational-holdout17-categories.tsv",
    "tests/eval/ordinary-holdout17.tsv",
    "tests/eval/informational-holdout18-categories.tsv",
    "tests/eval/ordinary-holdout18.tsv",
    "tests/eval/informational-holdout19-categories.tsv",
    "tests/eval/ordinary-holdout19.tsv",
    "tests/eval/informational-holdout20-categories.tsv",
    "tests/eval/ordinary-holdout20.tsv",
    "tests/eval/informational-holdout21-categories.tsv",
    "tests/eval/ordinary-holdout21.tsv",
    "tests/eval/informational-holdout22-categories.tsv",
    "tests/eval/ordinary-holdout22.tsv",
    "tests/eval/informational-holdout23-categories.tsv",
    "tests/eval/ordinary-holdout23.tsv",
    "tests/eval/informational-holdout24-categories.tsv",
    "tests/eval/ordinary-holdout24.tsv",
    "tests/eval/informational-holdout25-categories.tsv",
    "tests/eval/ordinary-holdout25.tsv",
    "tests/eval/informational-holdout26-categories.tsv",
    "tests/eval/ordinary-holdout26.tsv",
    "tests/eval/informational-holdout27-categories.tsv",
    "tests/eval/ordinary-holdout27.tsv",
    "tests/eval/informational-holdout28-categories.tsv",
    "tests/eval/ordinary-holdout28.tsv",
    "tests/eval/informational-holdout29-categories.tsv",
    "tests/eval/ordinary-holdout29.tsv",
    "tests/eval/informational-holdout33-categories.tsv",
    "tests/eval/ordinary-holdout33.tsv",
    "tests/eval/informational-holdout36-categories.tsv",
    "tests/eval/ordinary-holdout36.tsv",
    // Readings talk from people who measure (sugars, pressures) that is not
    // an emergency: the readings rules judge the numbers.
    "tests/eval/readings-ordinary.tsv",
    "tests/eval/readings-ordinary2.tsv",
    "tests/eval/readings-ordinary3.tsv",
    "tests/eval/region-questions2.tsv",
    "tests/eval/region-questions3.tsv",
    // Ordinary questions that describe symptoms in lay words, written to be
    // free of emergencies: the model read "bub's tongue goes heart shaped"
    // and "can only feel one ball" as crises.
    "tests/eval/region-questions14.tsv",
    "tests/eval/region-questions16.tsv",
    "tests/eval/region-questions17.tsv",
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
    /// Catalog whose condition names fill the ordinary question frames.
    #[arg(long, default_value = "resources", value_name = "DIR")]
    pub resources: PathBuf,
}

/// Everyday ways patients ask about a condition. Without them the model
/// learned that short first-person wording ("I think I have…") is a
/// crisis, because the crisis sets are full of it and few ordinary
/// questions are that short.
const FRAMES: &[&str] = &[
    "i think i have {c}",
    "i think my {r} has {c}",
    "my doctor thinks i have {c}, what now",
    "just been diagnosed with {c}, where do i start",
    "worried i might have {c}",
    "how do you know if you have {c}",
    "what helps with {c}",
    "is {c} serious",
    "can {c} go away on its own",
    "what are the first signs of {c}",
    "i have had {c} for years, any tips",
    "does {c} run in families",
    "i think i've got {c} again",
    "pretty sure my {r} has {c}, should we see a gp",
];
const RELATIVES: &[&str] = &[
    "son", "daughter", "mum", "dad", "partner", "wife", "husband", "friend",
];
/// Conditions where asking "I think I have…" can itself be an emergency:
/// never taught as ordinary.
const URGENT_CONDITIONS: &[&str] = &[
    "heart attack",
    "stroke",
    "transient ischaemic attack",
    "pulmonary embolism",
    "diabetic ketoacidosis",
    "hypoglycaemia",
    "self-harm",
    "sepsis",
    "meningitis",
    "anaphylaxis",
    "burns and scalds",
    "heatstroke",
    "chest pain",
    "febrile seizures",
    "appendicitis",
    "ectopic pregnancy",
    "miscarriage",
    "concussion",
    "aortic aneurysm",
    "deep vein thrombosis",
    "food allergy",
    "peanut allergy",
    "dehydration",
    "epilepsy",
];

/// Three frames per condition (rotating through [`FRAMES`]), deterministic.
fn condition_frames(resources: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let text = std::fs::read_to_string(resources.join("conditions.toml"))
        .with_context(|| format!("cannot read {}/conditions.toml", resources.display()))?;
    let names = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("name = "))
        .map(|n| n.trim_matches('"').to_string())
        .filter(|n| !URGENT_CONDITIONS.contains(&n.as_str()));
    let mut out = Vec::new();
    for (i, name) in names.enumerate() {
        for k in 0..3 {
            let frame = FRAMES[(i * 3 + k) % FRAMES.len()];
            let rel = RELATIVES[(i + k) % RELATIVES.len()];
            out.push(frame.replace("{c}", &name).replace("{r}", rel));
        }
    }
    Ok(out)
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
    let framed = condition_frames(&args.resources)?;
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
        .chain(framed.iter().map(|text| Example { text, label: NONE }))
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
        "trained on {} crisis and {} ordinary messages (+{} framed condition questions): {} classes, {} features kept; wrote {}",
        crisis.len(),
        ordinary.len(),
        framed.len(),
        model.classes.len(),
        model.weights.len(),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}
