//! Training the learned second signal (`signpost train-screen`).
//!
//! Multinomial logistic regression with L2, full-batch Adam, classes
//! weighted by their size so the few examples of a rare category count as
//! much as the many ordinary questions. Deterministic: the same sets give the
//! same weights, so the committed file can be reproduced and reviewed.

use std::collections::HashMap;

use super::learned::{LearnedModel, NONE, features};

/// One labelled message: `label` is a category id or [`NONE`].
pub struct Example<'a> {
    pub text: &'a str,
    pub label: &'a str,
}

/// Knobs; the defaults are the ones the shipped weights were trained with.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub learning_rate: f32,
    /// L2 strength per example (larger is smoother). 3e-7 since the
    /// character grams (2026-12-04): 1e-5, the value before, smoothed too
    /// much; on the sets held out from training, 3e-5 / 1e-5 / 3e-6 / 1e-6
    /// / 3e-7 / 1e-7 missed 128 / 101 / 90 / 82 / 75 / 71 crises, and
    /// near-miss and ordinary alarms fell too (docs/QUALITY.md,
    /// "Twenty-sixth session"). 1e-7 makes a file half as big again.
    pub l2: f32,
    /// Weights smaller than this are dropped from the file. 0.1 since
    /// 2026-12-04: at 3e-7, 0.05 kept 163,000 features (8.8 MB), 0.1 kept
    /// 128,000 (6.0 MB) and missed one crisis fewer.
    pub prune: f32,
    /// Alarm at this crisis probability or more. 0.92 since 2026-12-01:
    /// with the eighth set in training, 0.9 let through jokes ("can't
    /// breathe I'm laughing") while 0.92 caught every crisis 0.9 did.
    /// 0.925 since 2026-12-04: trained up to set 109, it missed fewer crises
    /// than 0.92 had before retraining, with fewer near-miss and ordinary
    /// alarms (docs/QUALITY.md, "Twenty-fourth session").
    /// 0.905 since the character grams (2026-12-04, "Twenty-sixth
    /// session"): on the sets held out from training it missed 101 crises
    /// where words alone at 0.925 missed 146, for 3 more ordinary alarms
    /// there and 3 fewer on the unread region sets.
    pub threshold: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 300,
            learning_rate: 0.05,
            l2: 3e-7,
            prune: 0.1,
            threshold: 0.905,
        }
    }
}

/// Sparse examples: feature ids, label id and class weight.
struct Data {
    rows: Vec<(Vec<usize>, usize, f32)>,
    vocab: Vec<String>,
    classes: Vec<String>,
}

fn prepare(examples: &[Example<'_>]) -> Data {
    let mut classes = vec![NONE.to_string()];
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut vocab = Vec::new();
    let mut rows = Vec::new();
    for ex in examples {
        let label = match classes.iter().position(|c| c == ex.label) {
            Some(i) => i,
            None => {
                classes.push(ex.label.to_string());
                classes.len() - 1
            }
        };
        let feats = features(&crate::text::clean(ex.text))
            .into_iter()
            .map(|f| {
                let next = ids.len();
                *ids.entry(f.clone()).or_insert_with(|| {
                    vocab.push(f);
                    next
                })
            })
            .collect();
        rows.push((feats, label, 1.0));
    }
    let mut counts = vec![0usize; classes.len()];
    for r in &rows {
        counts[r.1] += 1;
    }
    let scale = rows.len() as f32 / classes.len() as f32;
    for r in &mut rows {
        r.2 = scale / counts[r.1] as f32;
    }
    Data {
        rows,
        vocab,
        classes,
    }
}

/// Train on `examples` (which must include some labelled [`NONE`]).
pub fn train(examples: &[Example<'_>], opts: &TrainOptions) -> LearnedModel {
    let data = prepare(examples);
    let k = data.classes.len();
    let n = data.vocab.len();
    // Parameters: k biases, then n × k weights.
    let mut params = vec![0f32; k + n * k];
    let mut adam = Adam::new(params.len());
    let mut grad = vec![0f32; params.len()];
    for _ in 0..opts.epochs {
        gradient(&data, &params, opts.l2, &mut grad);
        adam.step(&mut params, &grad, opts.learning_rate);
    }
    export(&data, &params, opts)
}

/// Mean weighted cross-entropy gradient plus L2 on the weights.
fn gradient(data: &Data, params: &[f32], l2: f32, grad: &mut [f32]) {
    let k = data.classes.len();
    grad.fill(0.0);
    let total: f32 = data.rows.iter().map(|r| r.2).sum();
    let mut probs = vec![0f32; k];
    for (feats, label, weight) in &data.rows {
        let x = 1.0 / (feats.len().max(1) as f32).sqrt();
        probs.copy_from_slice(&params[..k]);
        for &f in feats {
            for c in 0..k {
                probs[c] += params[k + f * k + c] * x;
            }
        }
        softmax(&mut probs);
        for c in 0..k {
            let target = if c == *label { 1.0 } else { 0.0 };
            let g = (probs[c] - target) * weight / total;
            grad[c] += g;
            for &f in feats {
                grad[k + f * k + c] += g * x;
            }
        }
    }
    for (g, p) in grad[k..].iter_mut().zip(&params[k..]) {
        *g += l2 * p;
    }
}

fn softmax(v: &mut [f32]) {
    let max = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = (*x - max).exp();
        sum += *x;
    }
    for x in v.iter_mut() {
        *x /= sum;
    }
}

struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
    t: i32,
}

impl Adam {
    fn new(n: usize) -> Self {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
            t: 0,
        }
    }

    fn step(&mut self, params: &mut [f32], grad: &[f32], lr: f32) {
        const B1: f32 = 0.9;
        const B2: f32 = 0.999;
        self.t += 1;
        let c1 = 1.0 - B1.powi(self.t);
        let c2 = 1.0 - B2.powi(self.t);
        for i in 0..params.len() {
            self.m[i] = B1 * self.m[i] + (1.0 - B1) * grad[i];
            self.v[i] = B2 * self.v[i] + (1.0 - B2) * grad[i] * grad[i];
            params[i] -= lr * (self.m[i] / c1) / ((self.v[i] / c2).sqrt() + 1e-8);
        }
    }
}

fn export(data: &Data, params: &[f32], opts: &TrainOptions) -> LearnedModel {
    let k = data.classes.len();
    let round = |w: f32| (w * 1000.0).round() / 1000.0;
    let mut weights = std::collections::BTreeMap::new();
    for (f, name) in data.vocab.iter().enumerate() {
        let pairs: Vec<(u16, f32)> = (0..k)
            .map(|c| (c as u16, round(params[k + f * k + c])))
            .filter(|(_, w)| w.abs() >= opts.prune)
            .collect();
        if !pairs.is_empty() {
            weights.insert(name.clone(), pairs);
        }
    }
    LearnedModel::new(
        data.classes.clone(),
        opts.threshold,
        params[..k].iter().map(|&b| round(b)).collect(),
        weights,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_set() {
        let mut examples = Vec::new();
        for _ in 0..5 {
            examples.push(Example {
                text: "i want to end it all tonight",
                label: "suicide",
            });
            examples.push(Example {
                text: "what foods help with diabetes",
                label: NONE,
            });
        }
        let model = train(&examples, &TrainOptions::default());
        // Eight words or more: shorter messages are the phrases' job.
        assert_eq!(
            model.alarm("i want to end it all tonight for good"),
            Some("suicide")
        );
        assert_eq!(
            model.alarm("what foods help with diabetes in the summer"),
            None
        );
    }
}
