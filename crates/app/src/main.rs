//! `cohesion`: the one binary. Parses the command line, resolves the
//! configuration and hands over to the crates that do the work.
//!
//! The modules depend one way: `cli` declares the arguments, `config`
//! turns them (with the environment and the TOML file) into `Settings`,
//! and `serve`, `verify` and `retrain` run with what they are given; only this file
//! knows them all.

mod analyse;
mod cli;
mod config;
mod import;
mod listen;
mod retrain;
mod serve;
mod thread_file;
mod verify;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use cohesion_storage::migrate;

use cli::{AdminCommand, Cli, Command, ImportCommand, ModerationCommand, ServeArgs};
use config::Settings;

fn main() -> ExitCode {
    let cli = Cli::parse();
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
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line for operators; the chain of causes is joined, not dumped.
            eprintln!("error: {e:#}");
            // Input the command cannot use exits as a command line it
            // cannot read does (2), apart from failures of the run (1).
            if e.downcast_ref::<thread_file::BadInput>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Analyse(command) = cli.command {
        // Analysis reads files only: no configuration, database or logging.
        return tokio::task::spawn_blocking(move || analyse::run(command)).await?;
    }
    let serve_args = match &cli.command {
        Command::Serve(a) => a.clone(),
        _ => ServeArgs::default(),
    };
    let settings = Settings::resolve(&cli.global, &serve_args)?;
    match cli.command {
        Command::Serve(args) if args.print_config => {
            print!("{}", settings.to_redacted_toml());
            Ok(())
        }
        Command::Serve(_) => {
            config::init_logging(&settings)?;
            serve::run(settings).await
        }
        Command::Migrate => {
            config::init_logging(&settings)?;
            let db = settings.connect().await?;
            let applied = migrate::run(&db).await.context("migration failed")?;
            if applied.is_empty() {
                println!("The database is up to date.");
            } else {
                println!("Applied migrations: {applied:?}");
            }
            db.close().await;
            Ok(())
        }
        Command::Analyse(_) => unreachable!("handled above"),
        Command::Import(ImportCommand::Discussion(args)) => {
            // The file is read and checked before the database is touched.
            let thread = thread_file::read(&args.input)?;
            let db = settings.connect().await?;
            let imported = import::discussion(&db, &thread, &args).await;
            db.close().await;
            imported
        }
        Command::Admin(AdminCommand::Backup { path }) => {
            let db = settings.connect().await?;
            let target = path
                .to_str()
                .context("the backup path must be valid UTF-8")?;
            db.backup_sqlite(target).await?;
            let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
            println!("Backed up to {} ({size} bytes).", path.display());
            db.close().await;
            Ok(())
        }
        Command::Admin(AdminCommand::Moderation(ModerationCommand::Retrain)) => {
            let db = settings.connect().await?;
            let trained = retrain::run(&db).await;
            db.close().await;
            trained
        }
        Command::Admin(AdminCommand::VerifyTotals { consultation }) => {
            let db = settings.connect().await?;
            let checked = verify::run(&db, consultation).await;
            db.close().await;
            checked
        }
    }
}
