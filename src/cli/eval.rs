//! `signpost eval`: retrieval and safety quality on labelled question files.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use signpost::engine::{AskOptions, Engine};
use signpost::eval::{evaluate, evaluate_safety, read_cases};

use super::Locations;

#[derive(clap::Args, Debug)]
pub struct EvalArgs {
    /// TSV of `question<TAB>expected condition` lines.
    #[arg(value_name = "FILE.tsv")]
    pub file: Option<PathBuf>,
    /// Region to ask in; a file's third column (`region`) wins per line.
    #[arg(long, default_value = "uk")]
    pub region: String,
    /// Local pages only (no fallback chain): the local-only figure.
    #[arg(long)]
    pub no_fallback: bool,
    /// Results considered per question.
    #[arg(long, default_value_t = 3)]
    pub k: usize,
    /// Exit 1 when Recall@k is below this (0 to 1).
    #[arg(long)]
    pub min_recall: Option<f64>,
    /// Also measure crisis recall on this TSV (`message<TAB>category`).
    #[arg(long, value_name = "FILE.tsv")]
    pub crisis: Option<PathBuf>,
    /// And false alarms on this TSV of informational messages (a line with
    /// a fourth column is an emergency after all, reported apart).
    #[arg(long, value_name = "FILE.tsv")]
    pub informational: Option<PathBuf>,
    #[command(flatten)]
    pub at: Locations,
}

/// Read a TSV of cases, naming the file in errors (also used by `train-screen`).
pub(super) fn read(path: &PathBuf, labelled: bool) -> anyhow::Result<Vec<signpost::eval::Case>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    read_cases(&text, labelled).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let engine = Engine::open(&args.at.paths())?;
    let opts = AskOptions {
        region: args.region.to_lowercase(),
        k: args.k.clamp(1, 5),
        fallback: if args.no_fallback {
            signpost::fallback::Fallback::Off
        } else {
            signpost::fallback::Fallback::Default
        },
        ..Default::default()
    };
    let mut ok = true;
    if let Some(file) = &args.file {
        let cases = read(file, true)?;
        let r = evaluate(&engine, &cases, &opts);
        out!("{} questions, region {}, k = {}", r.total, opts.region, r.k);
        out!(
            "Recall@1 {:.3}  Recall@{} {:.3}  MRR {:.3}  no-match {:.1}%",
            r.recall_at_1,
            r.k,
            r.recall_at_k,
            r.mrr,
            r.no_match_rate * 100.0
        );
        print_precision(&r);
        if !r.unknown_labels.is_empty() {
            out!(
                "labels that are not catalog conditions: {}",
                r.unknown_labels.join(", ")
            );
        }
        if !r.worst.is_empty() {
            out!("worst conditions (misses/questions: failing line numbers):");
            for (name, total, misses, lines) in r.worst.iter().take(15) {
                let ids: Vec<String> = lines.iter().map(ToString::to_string).collect();
                out!("  {name}: {misses}/{total}: lines {}", ids.join(", "));
            }
        }
        if let Some(min) = args.min_recall {
            ok &= r.recall_at_k >= min;
        }
    }
    if args.crisis.is_some() || args.informational.is_some() {
        let crisis = args
            .crisis
            .as_ref()
            .map(|p| read(p, false))
            .transpose()?
            .unwrap_or_default();
        let info = args
            .informational
            .as_ref()
            .map(|p| read(p, false))
            .transpose()?
            .unwrap_or_default();
        let s = evaluate_safety(&engine, &crisis, &info, &opts);
        print_safety(&s);
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// What a patient sees, overall and per region asked in.
fn print_precision(r: &signpost::eval::Report) {
    let o = &r.overall;
    out!(
        "links on topic {:.3}  first link off-topic {:.1}%  main page first {:.1}%",
        o.precision,
        o.off_topic_first * 100.0,
        o.main_first * 100.0
    );
    if r.by_region.len() > 1 {
        out!("region  questions  R@1    R@k    no-match  on-topic  off-first  main-first");
        for (region, f) in &r.by_region {
            out!(
                "{region:<7} {:>9}  {:.3}  {:.3}  {:>7.1}%  {:>8.3}  {:>8.1}%  {:>9.1}%",
                f.total,
                f.recall_at_1,
                f.recall_at_k,
                f.no_match_rate * 100.0,
                f.precision,
                f.off_topic_first * 100.0,
                f.main_first * 100.0
            );
        }
    }
    if !r.off_topic_lines.is_empty() {
        let ids: Vec<String> = r.off_topic_lines.iter().map(ToString::to_string).collect();
        out!("first link off-topic on lines: {}", ids.join(", "));
    }
}

/// Overall safety figures, then one row per category and per region.
fn print_safety(s: &signpost::eval::SafetyReport) {
    out!(
        "crisis recall {:.3} ({} of {} missed: lines {:?})",
        s.crisis_recall,
        s.missed.len(),
        s.crisis_total,
        s.missed
    );
    out!(
        "right number first {:.3} (caught with a wrong or missing line: {:?})",
        s.right_number_rate,
        s.wrong_number
    );
    out!(
        "right category shown {:.3} (caught without it: {:?})",
        s.right_category_rate,
        s.wrong_category
    );
    out!(
        "false alarms {:.1}% ({} of {}: lines {:?})",
        s.false_alarm_rate * 100.0,
        s.false_alarms.len(),
        s.informational_total,
        s.false_alarms
    );
    if s.marked_emergencies > 0 {
        out!(
            "marked as emergencies (fourth column), not counted above: {} ({} raised no alarm: lines {:?})",
            s.marked_emergencies,
            s.marked_missed.len(),
            s.marked_missed
        );
    }
    for (title, rows) in [("category", &s.by_category), ("region", &s.by_region)] {
        out!("{title:<20} crisis caught  right-number  right-category  informational false-alarms");
        for (name, b) in rows {
            out!(
                "{name:<20} {:>6} {:>6}  {:>12}  {:>14}  {:>13} {:>12}",
                b.crisis,
                b.caught,
                b.right_number,
                b.right_category,
                b.informational,
                b.false_alarms
            );
        }
    }
}
