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

/// The sets the shipped weights were trained on: the development sets, the
/// lay-question sets below, and the numbered held-out sets up to
/// [`LAST_TRAINED`] (crises, near misses and ordinary questions), each read
/// and tuned on once the next was written.
const CRISIS: &[&str] = &[
    "tests/eval/crisis-categories.tsv",
    "tests/eval/crisis.tsv",
    "tests/eval/crisis-holdout-categories.tsv",
    "tests/eval/crisis-holdout.tsv",
];
const ORDINARY: &[&str] = &[
    "tests/eval/informational-categories.tsv",
    "tests/eval/informational.tsv",
    "tests/eval/patient-questions.tsv",
    "tests/eval/informational-holdout-categories.tsv",
    "tests/eval/informational-holdout.tsv",
    "tests/eval/holdout-questions.tsv",
    "tests/eval/region-questions.tsv",
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
    // The other region-worded sets already read for retrieval (6, 13 and
    // 15 stay unread): the model alarmed on their ordinary questions with a
    // past emergency as background ("ER said it's not a stroke", "the ambos
    // said it's common").
    "tests/eval/region-questions4.tsv",
    "tests/eval/region-questions5.tsv",
    "tests/eval/region-questions7.tsv",
    "tests/eval/region-questions8.tsv",
    "tests/eval/region-questions9.tsv",
    "tests/eval/region-questions10.tsv",
    "tests/eval/region-questions11.tsv",
    "tests/eval/region-questions12.tsv",
    "tests/eval/region-questions18.tsv",
    "tests/eval/region-questions19.tsv",
    "tests/eval/region-questions20.tsv",
    "tests/eval/region-questions21.tsv",
    "tests/eval/region-questions22.tsv",
    "tests/eval/region-questions23.tsv",
];
/// The numbered sets `crisis-holdoutN-categories.tsv` (with
/// `informational-holdoutN-categories.tsv` and, from set 3,
/// `ordinary-holdoutN.tsv`) trained on: 2 to this one, except [`NOT_TRAINED`].
/// Later sets judge the model.
const LAST_TRAINED: u32 = 114;
/// Never trained on: 15, 31, 32, 93, 97, 101, 103, 112 and 115–117 are still held out
/// (with `region-holdout-questions.tsv`; 97, 101, 103, 112 and 115–117 are not read); set 30 was
/// read for phrases but with it the model alarmed on two more ordinary region
/// questions ("We're in Porirua and he lives with us…"); set 60 was never
/// written.
const NOT_TRAINED: &[u32] = &[
    15, 30, 31, 32, 60, 93, 97, 101, 103, 105, 112, 115, 116, 117,
];

/// The numbered sets' files: (crisis files, ordinary files).
fn numbered_sets() -> (Vec<PathBuf>, Vec<PathBuf>) {
    let (mut crisis, mut ordinary) = (Vec::new(), Vec::new());
    for n in (2..=LAST_TRAINED).filter(|n| !NOT_TRAINED.contains(n)) {
        let eval = PathBuf::from("tests/eval");
        crisis.push(eval.join(format!("crisis-holdout{n}-categories.tsv")));
        ordinary.push(eval.join(format!("informational-holdout{n}-categories.tsv")));
        if n >= 3 {
            ordinary.push(eval.join(format!("ordinary-holdout{n}.tsv")));
        }
    }
    (crisis, ordinary)
}

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

/// The files given, else the fixed list and the numbered sets.
fn files(given: &[PathBuf], fixed: &[&str], numbered: Vec<PathBuf>) -> Vec<PathBuf> {
    if given.is_empty() {
        fixed.iter().map(PathBuf::from).chain(numbered).collect()
    } else {
        given.to_vec()
    }
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let (numbered_crisis, numbered_ordinary) = numbered_sets();
    let mut crisis = Vec::new();
    for p in files(&args.crisis, CRISIS, numbered_crisis) {
        crisis.extend(read(&p, true)?);
    }
    let mut ordinary = Vec::new();
    for p in files(&args.ordinary, ORDINARY, numbered_ordinary) {
        // A line marked as an emergency after all is never taught as ordinary.
        ordinary.extend(
            read(&p, false)?
                .into_iter()
                .filter(|c| c.emergency.is_none()),
        );
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
