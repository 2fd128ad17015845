//! `signpost`: the command line over the Signpost library.

mod cli;

/// mimalloc: answering allocates many small short-lived buffers, and it
/// serves them in fewer instructions than the system allocator
/// (BENCHMARKS.md, sixteenth session).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    if !args.command.logs_itself() {
        cli::init_logging(args.verbose);
    }
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("signpost: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
