//! `cohesion`: the one binary. Parses the command line, resolves the
//! configuration and hands over to the crates that do the work.

mod analyse;
mod cli;
mod config;
mod serve;
mod verify;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line for operators; the chain of causes is joined, not dumped.
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
