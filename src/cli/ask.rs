//! `signpost ask`: answer questions from the command line, one or a batch.

use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use signpost::catalog::REGIONS;
use signpost::engine::{AskOptions, DEFAULT_RESULTS, Engine, Freshness, MAX_RESULTS};
use signpost::nation::{NATIONS, Nation};
use signpost::reply::{render_json, render_text};

use super::Locations;

#[derive(clap::Args, Debug)]
pub struct AskArgs {
    /// The question (several words are joined with spaces).
    #[arg(value_name = "QUESTION")]
    pub question: Vec<String>,
    /// Region of the asker: uk, us, ie, ca, au, nz or global.
    #[arg(long, default_value = "uk")]
    pub region: String,
    /// UK nation of the asker (with --region uk): england, scotland, wales or
    /// northern-ireland. NHS inform leads in Scotland; only the nation's own
    /// contacts are shown.
    #[arg(long, value_name = "NATION")]
    pub nation: Option<String>,
    /// Print one JSON object per question instead of text.
    #[arg(long)]
    pub json: bool,
    /// Local pages only: no labelled pages from the region's fallback chain
    /// (ie → uk, ca → us, au → uk, nz → au → uk).
    #[arg(long)]
    pub no_fallback: bool,
    /// How many results at most (1 to 5).
    #[arg(long, default_value_t = DEFAULT_RESULTS as u64, value_parser = clap::value_parser!(u64).range(1..=MAX_RESULTS as u64))]
    pub k: u64,
    /// Answer one question per line of FILE (`-` for standard input).
    #[arg(long, value_name = "FILE", conflicts_with = "question")]
    pub batch: Option<PathBuf>,
    /// Also print, on stderr, which safety phrase fired (for clinicians
    /// tuning `safety.toml`).
    #[arg(long)]
    pub why: bool,
    #[command(flatten)]
    pub at: Locations,
}

pub fn run(args: AskArgs) -> anyhow::Result<ExitCode> {
    let region = args.region.to_lowercase();
    if !REGIONS.contains(&region.as_str()) {
        bail!(
            "unknown region `{}`: use one of {}",
            args.region,
            REGIONS.join(", ")
        );
    }
    let nation =
        match args.nation.as_deref() {
            None => None,
            Some(n) => Some(Nation::parse(n).with_context(|| {
                format!("unknown nation `{n}`: use one of {}", NATIONS.join(", "))
            })?),
        };
    if nation.is_some() && region != "uk" {
        bail!("--nation is for --region uk only (the UK's four nations)");
    }
    if args.batch.is_none() && args.question.is_empty() {
        bail!(
            "give a question, e.g. signpost ask \"where do I start with type 2 diabetes?\", or --batch FILE"
        );
    }
    let engine = open_engine(&args.at)?;
    let opts = AskOptions {
        region,
        nation,
        k: args.k as usize,
        fallback: if args.no_fallback {
            signpost::fallback::Fallback::Off
        } else {
            signpost::fallback::Fallback::Default
        },
        on: None,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match &args.batch {
        None => {
            let question = args.question.join(" ");
            why(&engine, &question, args.why);
            answer(&engine, &question, &opts, args.json, &mut out)?;
        }
        Some(path) => {
            for question in read_batch(path)? {
                why(&engine, &question, args.why);
                answer(&engine, &question, &opts, args.json, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `--why`: the phrases that fired, on stderr so `--json` output stays clean.
fn why(engine: &Engine, question: &str, enabled: bool) {
    if enabled {
        let lines = engine.explain_safety(question);
        let lines = if lines.is_empty() {
            format!("no alarm ({})", engine.explain_quiet(question).join("; "))
        } else {
            lines.join("; ")
        };
        eprintln!("why: {lines}");
    }
}

fn open_engine(at: &Locations) -> anyhow::Result<Engine> {
    let (engine, freshness) = Engine::open_or_last_good(&at.paths())?;
    match freshness {
        Freshness::UpToDate => {}
        Freshness::Rebuilt(s) => tracing::info!(
            resources = s.resources,
            conditions = s.conditions,
            millis = s.millis as u64,
            "index rebuilt"
        ),
        Freshness::LastGood { diagnostics } => eprintln!(
            "signpost: warning: the catalog in {} has {} error(s) (run `signpost check`); answering from the last good index",
            at.resources.display(),
            diagnostics.error_count()
        ),
    }
    Ok(engine)
}

fn answer(
    engine: &Engine,
    question: &str,
    opts: &AskOptions,
    json: bool,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let reply = engine.answer(question, opts);
    if json {
        writeln!(out, "{}", render_json(&reply))?;
    } else {
        writeln!(out, "{}", render_text(&reply))?;
    }
    Ok(())
}

/// Lines of the batch file; invalid UTF-8 is read lossily, `\r\n` accepted.
fn read_batch(path: &PathBuf) -> anyhow::Result<Vec<String>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .context("reading questions from standard input")?;
    } else {
        let file = std::fs::File::open(path)
            .with_context(|| format!("cannot open batch file {}", path.display()))?;
        io::BufReader::new(file)
            .read_to_end(&mut bytes)
            .with_context(|| format!("reading {}", path.display()))?;
    }
    let mut lines: Vec<String> = bytes
        .split(|b| *b == b'\n')
        .map(|l| String::from_utf8_lossy(l.strip_suffix(b"\r").unwrap_or(l)).into_owned())
        .collect();
    if bytes.ends_with(b"\n") {
        lines.pop();
    }
    Ok(lines)
}
