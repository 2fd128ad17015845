//! `signpost`: the command line over the Signpost library.

mod cli;

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
